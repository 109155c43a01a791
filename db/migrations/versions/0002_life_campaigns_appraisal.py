"""Organizational life, visits, campaigns and tasks, appraisal templates and appraisals.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "visit",
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column("visitor", sa.String(length=50), nullable=False),
        sa.Column("findings", sa.Text(), nullable=True),
        sa.Column("follow_up", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["organization.id"], name=op.f("fk_visit_organization_id_organization")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_organization_id"), ["organization_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_owner"), ["owner"], unique=False)

    op.create_table(
        "activity",
        sa.Column("party_org_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=True),
        sa.Column("attendance", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["party_org_id"], ["party_org.id"], name=op.f("fk_activity_party_org_id_party_org")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_held_on"), ["held_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_party_org_id"), ["party_org_id"], unique=False)

    op.create_table(
        "campaign",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("goal", sa.Text(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("template", sa.String(length=40), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign")),
    )
    with op.batch_alter_table("campaign", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_campaign_owner"), ["owner"], unique=False)

    op.create_table(
        "phase",
        sa.Column("campaign_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"], name=op.f("fk_phase_campaign_id_campaign")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phase")),
    )
    with op.batch_alter_table("phase", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_phase_campaign_id"), ["campaign_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_phase_owner"), ["owner"], unique=False)

    op.create_table(
        "task",
        sa.Column("campaign_id", sa.String(length=36), nullable=False),
        sa.Column("phase_id", sa.String(length=36), nullable=True),
        sa.Column("organization_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("rule_id", sa.String(length=40), nullable=True),
        sa.Column("assignee_kind", sa.String(length=16), nullable=True),
        sa.Column("assignee", sa.String(length=100), nullable=True),
        sa.Column("station_code", sa.String(length=12), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"], name=op.f("fk_task_campaign_id_campaign")),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["organization.id"], name=op.f("fk_task_organization_id_organization")
        ),
        sa.ForeignKeyConstraint(["phase_id"], ["phase.id"], name=op.f("fk_task_phase_id_phase")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task")),
    )
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_campaign_id"), ["campaign_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_organization_id"), ["organization_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_phase_id"), ["phase_id"], unique=False)

    op.create_table(
        "task_progress",
        sa.Column("task_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("changed_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["task_id"], ["task.id"], name=op.f("fk_task_progress_task_id_task")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_progress")),
    )
    with op.batch_alter_table("task_progress", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_progress_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_progress_task_id"), ["task_id"], unique=False)

    op.create_table(
        "appraisal_template",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appraisal_template")),
    )
    with op.batch_alter_table("appraisal_template", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appraisal_template_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_appraisal_template_owner"), ["owner"], unique=False)

    op.create_table(
        "appraisal",
        sa.Column("template_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("subject_kind", sa.String(length=16), nullable=False),
        sa.Column("subject_id", sa.String(length=36), nullable=False),
        sa.Column("scores", sa.Text(), nullable=False),
        sa.Column("total", sa.Float(), nullable=True),
        sa.Column("grade", sa.String(length=20), nullable=True),
        sa.Column("comments", sa.Text(), nullable=True),
        sa.Column("evaluator", sa.String(length=50), nullable=True),
        sa.Column("evaluated_on", sa.Date(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reopen_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["appraisal_template.id"],
            name=op.f("fk_appraisal_template_id_appraisal_template"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appraisal")),
    )
    with op.batch_alter_table("appraisal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appraisal_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_appraisal_subject_id"), ["subject_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appraisal_template_id"), ["template_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appraisal_year"), ["year"], unique=False)


def downgrade() -> None:
    op.drop_table("appraisal")
    op.drop_table("appraisal_template")
    op.drop_table("task_progress")
    op.drop_table("task")
    op.drop_table("phase")
    op.drop_table("campaign")
    op.drop_table("activity")
    op.drop_table("visit")
