"""The audit log (操作日志): who saw personal data in full (access_event, local to this
station), and the journal read newest first by time, a page at a time, without
sorting millions of entries (ix_journal_at_seq), and one user's (ix_journal_by_at_seq).

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "access_event",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("register", sa.String(length=40), nullable=False),
        sa.Column("target_key", sa.String(length=36), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_event")),
    )
    op.create_index("ix_access_event_at_id", "access_event", ["at", "id"])
    op.create_index(op.f("ix_access_event_by"), "access_event", ["by"])
    op.create_index("ix_journal_at_seq", "journal", ["at", "seq"])
    op.create_index("ix_journal_by_at_seq", "journal", ["by", "at", "seq"])


def downgrade() -> None:
    op.drop_index("ix_journal_by_at_seq", table_name="journal")
    op.drop_index("ix_journal_at_seq", table_name="journal")
    op.drop_index(op.f("ix_access_event_by"), table_name="access_event")
    op.drop_index("ix_access_event_at_id", table_name="access_event")
    op.drop_table("access_event")
