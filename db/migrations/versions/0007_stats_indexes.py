"""Indexes the dashboard's rule counts read alone, without the table: who held a kind
of activity in a period, and the live organizations each Party organization covers
(this one replaces the index on ``organization.party_org_id`` alone, which it begins
with). Plain indexes: nothing in an existing database can stand in their way.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_activity_period", "activity", ["kind", "held_on", "party_org_id", "deleted"])
    op.create_index("ix_organization_party_org_live", "organization", ["party_org_id", "deleted"])
    op.drop_index("ix_organization_party_org_id", table_name="organization")
    bind = op.get_bind()
    if (
        bind.dialect.name == "sqlite"
        and bind.execute(sa.text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first()
    ):
        # SQLite plans with the statistics ANALYZE left; a new index has none until
        # it runs again. (PostgreSQL keeps statistics per column: nothing to do.)
        op.execute("ANALYZE activity")
        op.execute("ANALYZE organization")


def downgrade() -> None:
    op.create_index("ix_organization_party_org_id", "organization", ["party_org_id"])
    op.drop_index("ix_organization_party_org_live", table_name="organization")
    op.drop_index("ix_activity_period", table_name="activity")
