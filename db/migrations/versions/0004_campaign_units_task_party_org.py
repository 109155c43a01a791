"""Campaign responsible units; tasks about a Party organization.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("campaign", schema=None) as batch_op:
        batch_op.add_column(sa.Column("units", sa.Text(), nullable=True))
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.add_column(sa.Column("party_org_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_task_party_org_id"), ["party_org_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_task_party_org_id_party_org"), "party_org", ["party_org_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_task_party_org_id_party_org"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_task_party_org_id"))
        batch_op.drop_column("party_org_id")
    with op.batch_alter_table("campaign", schema=None) as batch_op:
        batch_op.drop_column("units")
