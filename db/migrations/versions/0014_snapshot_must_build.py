"""应建尽建率 in the monthly snapshot: how many organizations the rules say must have a
Party organization (must_build) and how many of them have one (built), so the trend of
that rate has past points too. Months recorded before stay empty: not known, shown "—".

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stat_snapshot", schema=None) as batch_op:
        batch_op.add_column(sa.Column("must_build", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("built", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stat_snapshot", schema=None) as batch_op:
        batch_op.drop_column("built")
        batch_op.drop_column("must_build")
