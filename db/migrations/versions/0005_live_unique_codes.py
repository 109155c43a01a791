"""One live organization per credit code and one live member per ID number, per station.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INDEXES = (
    ("uq_organization_uscc_live", "organization", "uscc"),
    ("uq_member_id_number_live", "member", "id_number"),
)


def upgrade() -> None:
    for name, table, column in INDEXES:
        where = sa.text(f"deleted = false AND {column} IS NOT NULL")
        op.create_index(
            name, table, ["owner", column], unique=True, sqlite_where=where, postgresql_where=where
        )


def downgrade() -> None:
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
