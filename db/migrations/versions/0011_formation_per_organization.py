"""Formation belongs to each covered organization; social organizations get their 业务主管单位.

Until now only the Party organization said how it was formed, so a "单独组建" branch
covering seven firms counted all seven as 单独组建. Each covered organization now says
how it is covered (GLOSSARY "formation"): it takes its Party organization's formation,
except that a Party organization marked independent which covers two or more
organizations is, in truth, a joint one — its organizations become joint and so does
it (the joint-branch limit then judges it). A 单独 Party organization covers exactly one.

Every database derives the same values from the same rows, so the station and the
district agree without a change travelling; nothing is journaled.

The member counts per employer and per Party organization now leave 流入党员 apart (and
count 正式党员 per Party organization): their covering indexes take the relation (and
the category) so that the counts still read the index alone.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

ORG = sa.table(
    "organization",
    sa.column("id", sa.String),
    sa.column("deleted", sa.Boolean),
    sa.column("party_org_id", sa.String),
    sa.column("formation", sa.String),
)
PARTY = sa.table(
    "party_org",
    sa.column("id", sa.String),
    sa.column("deleted", sa.Boolean),
    sa.column("formation", sa.String),
)


def upgrade() -> None:
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.add_column(sa.Column("formation", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("supervising_unit", sa.String(length=100), nullable=True))
    conn = op.get_bind()
    covered = (
        sa.select(ORG.c.party_org_id, sa.func.count().label("n"))
        .where(ORG.c.deleted.is_(False), ORG.c.party_org_id.is_not(None))
        .group_by(ORG.c.party_org_id)
        .subquery()
    )
    # Independent in name, several organizations in fact: joint.
    crowded = list(
        conn.execute(
            sa.select(PARTY.c.id)
            .join(covered, covered.c.party_org_id == PARTY.c.id)
            .where(PARTY.c.formation == "independent", covered.c.n > 1)
        ).scalars()
    )
    for start in range(0, len(crowded), 500):
        conn.execute(
            sa.update(PARTY).where(PARTY.c.id.in_(crowded[start : start + 500])).values(formation="joint")
        )
    # Each covered organization as its (live) Party organization is now formed.
    formation = (
        sa.select(PARTY.c.formation)
        .where(PARTY.c.id == ORG.c.party_org_id, PARTY.c.deleted.is_(False))
        .scalar_subquery()
    )
    conn.execute(sa.update(ORG).where(ORG.c.party_org_id.is_not(None)).values(formation=formation))
    _member_indexes(
        ["employer_id", "category", "exit_kind", "deleted", "relation"],
        ["party_org_id", "exit_kind", "deleted", "relation", "category"],
    )


def _member_indexes(employer: list[str], party_org: list[str]) -> None:
    op.drop_index("ix_member_employer_live", table_name="member")
    op.drop_index("ix_member_party_org_live", table_name="member")
    op.create_index("ix_member_employer_live", "member", employer)
    op.create_index("ix_member_party_org_live", "member", party_org)


def downgrade() -> None:
    _member_indexes(
        ["employer_id", "category", "exit_kind", "deleted"], ["party_org_id", "exit_kind", "deleted"]
    )
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.drop_column("supervising_unit")
        batch_op.drop_column("formation")
