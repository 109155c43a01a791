"""Data exchange: settings scoped by owner (the district's thresholds and a station's
own can both be held), stations that can be revoked and a station's confirmed range,
and the local bookkeeping of packages (keys, history, what an import replaced, what the
district refused).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

LIVE = sa.text("deleted = false AND key IS NOT NULL")


def upgrade() -> None:
    with op.batch_alter_table("setting", schema=None) as batch_op:
        batch_op.drop_constraint("uq_setting_key", type_="unique")
    op.create_index(
        "uq_setting_key_live",
        "setting",
        ["owner", "key"],
        unique=True,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )
    with op.batch_alter_table("station", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("confirmed_seq", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "keyring",
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("secrets", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("station_code", name=op.f("pk_keyring")),
    )
    op.create_table(
        "sync_package",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("direction", sa.String(8), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("seq_from", sa.Integer(), nullable=False),
        sa.Column("seq_to", sa.Integer(), nullable=False),
        sa.Column("full", sa.Boolean(), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("received_before", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_package")),
    )
    op.create_index("ix_sync_package_station_code", "sync_package", ["station_code"])
    op.create_index("ix_sync_package_sha256", "sync_package", ["sha256"])
    op.create_table(
        "sync_undo",
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("ordinal", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["package_id"], ["sync_package.id"], name=op.f("fk_sync_undo_package_id_sync_package")
        ),
        sa.PrimaryKeyConstraint("package_id", "ordinal", name=op.f("pk_sync_undo")),
    )
    op.create_table(
        "sync_refusal",
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_sync_refusal")),
    )
    op.create_index("ix_sync_refusal_station_code", "sync_refusal", ["station_code"])


def downgrade() -> None:
    op.drop_index("ix_sync_refusal_station_code", table_name="sync_refusal")
    op.drop_table("sync_refusal")
    op.drop_table("sync_undo")
    op.drop_index("ix_sync_package_sha256", table_name="sync_package")
    op.drop_index("ix_sync_package_station_code", table_name="sync_package")
    op.drop_table("sync_package")
    op.drop_table("keyring")
    with op.batch_alter_table("station", schema=None) as batch_op:
        batch_op.drop_column("confirmed_at")
        batch_op.drop_column("confirmed_seq")
        batch_op.drop_column("revoked_at")
    op.drop_index("uq_setting_key_live", table_name="setting")
    with op.batch_alter_table("setting", schema=None) as batch_op:
        batch_op.create_unique_constraint("uq_setting_key", ["key"])
