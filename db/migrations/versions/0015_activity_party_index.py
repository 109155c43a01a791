"""Which months each Party organization held each kind of activity, read from an index
alone: the compliance grid (开展情况) asks it of every Party organization at once.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_activity_party_kind_day", "activity", ["party_org_id", "kind", "held_on", "deleted"])


def downgrade() -> None:
    op.drop_index("ix_activity_party_kind_day", table_name="activity")
