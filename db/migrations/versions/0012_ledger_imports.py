"""Ledger imports (导入台账): the history of imports, each with the range of journal
numbers it wrote so that it can be undone, and the column mappings clerks saved.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ledger_import",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("file_name", sa.String(260), nullable=False),
        sa.Column("sheet", sa.String(100), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("seq_from", sa.Integer(), nullable=True),
        sa.Column("seq_to", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(64), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_import")),
    )
    op.create_index(op.f("ix_ledger_import_at"), "ledger_import", ["at"])
    op.create_table(
        "ledger_mapping",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("signature", sa.String(64), nullable=False),
        sa.Column("headers", sa.Text(), nullable=False),
        sa.Column("mapping", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("saved_by", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_mapping")),
    )
    op.create_index("uq_ledger_mapping_kind_signature", "ledger_mapping", ["kind", "signature"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_ledger_mapping_kind_signature", table_name="ledger_mapping")
    op.drop_table("ledger_mapping")
    op.drop_index(op.f("ix_ledger_import_at"), table_name="ledger_import")
    op.drop_table("ledger_import")
