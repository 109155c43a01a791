"""Organizational life as it is recorded (组织生活纪实): an activity's place, host,
主题党日 "1+6+X" items, 应到 and the key that joins the rows of a joint activity; who
was listed for it (present, or absent with the reason), its attachments, the
民主评议党员 results per member and year; a visit's instructor, 四必访 reason, next
visit due and the task its follow-up became.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _synced() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def _live_unique(name: str, table: str, *columns: str) -> None:
    where = sa.text(" AND ".join(["deleted = false", *(f"{c} IS NOT NULL" for c in columns)]))
    op.create_index(name, table, ["owner", *columns], unique=True, sqlite_where=where, postgresql_where=where)


def upgrade() -> None:
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("place", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("host", sa.String(length=50), nullable=True))
        batch_op.add_column(sa.Column("items", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("extra_items", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("expected", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("joint_key", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_activity_joint_key"), ["joint_key"], unique=False)
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("instructor_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("reason", sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column("next_due", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("task_id", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_visit_instructor_id_instructor"), "instructor", ["instructor_id"], ["id"]
        )
        batch_op.create_index(batch_op.f("ix_visit_instructor_id"), ["instructor_id"], unique=False)
        batch_op.create_index("ix_visit_org_day", ["organization_id", "visited_on", "deleted"], unique=False)

    op.create_table(
        "activity_attendance",
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("mobile_out", sa.Boolean(), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_activity_attendance_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_activity_attendance_member_id_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_attendance")),
    )
    with op.batch_alter_table("activity_attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_attendance_activity_id"), ["activity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_attendance_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_attendance_owner"), ["owner"], unique=False)
    _live_unique("uq_activity_attendance_live", "activity_attendance", "activity_id", "member_id")

    op.create_table(
        "activity_attachment",
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_activity_attachment_activity_id_activity")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_attachment")),
    )
    with op.batch_alter_table("activity_attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_attachment_activity_id"), ["activity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_attachment_owner"), ["owner"], unique=False)

    op.create_table(
        "member_review",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("grade", sa.String(length=16), nullable=False),
        sa.Column("activity_id", sa.String(length=36), nullable=True),
        sa.Column("notes", sa.String(length=200), nullable=True),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_member_review_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_member_review_member_id_member")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_review")),
    )
    with op.batch_alter_table("member_review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_review_activity_id"), ["activity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_review_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_review_owner"), ["owner"], unique=False)
    _live_unique("uq_member_review_live", "member_review", "member_id", "year")


def downgrade() -> None:
    op.drop_index("uq_member_review_live", table_name="member_review")
    op.drop_table("member_review")
    op.drop_table("activity_attachment")
    op.drop_index("uq_activity_attendance_live", table_name="activity_attendance")
    op.drop_table("activity_attendance")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_org_day")
        batch_op.drop_index(batch_op.f("ix_visit_instructor_id"))
        batch_op.drop_constraint(batch_op.f("fk_visit_instructor_id_instructor"), type_="foreignkey")
        for column in ("task_id", "next_due", "reason", "instructor_id"):
            batch_op.drop_column(column)
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_joint_key"))
        for column in ("joint_key", "expected", "extra_items", "items", "host", "place"):
            batch_op.drop_column(column)
