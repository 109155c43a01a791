"""Registers: station, settings, journal, communities, organizations,
Party organizations, members, instructors.

Revision ID: 0001
Revises: None
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "station",
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("is_self", sa.Boolean(), nullable=False),
        sa.Column("parent_code", sa.String(length=12), nullable=True),
        sa.Column("sign_public_key", sa.Text(), nullable=True),
        sa.Column("age_recipient", sa.Text(), nullable=True),
        sa.Column("last_received_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_station")),
    )

    op.create_table(
        "counter",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counter")),
    )

    op.create_table(
        "journal",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_journal")),
    )
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_journal_row_id"), ["row_id"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_setting")),
        sa.UniqueConstraint("key", name=op.f("uq_setting_key")),
    )
    with op.batch_alter_table("setting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_setting_owner"), ["owner"], unique=False)

    op.create_table(
        "community",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community")),
    )
    with op.batch_alter_table("community", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_community_owner"), ["owner"], unique=False)

    op.create_table(
        "party_org",
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("formation", sa.String(length=16), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("community_id", sa.String(length=36), nullable=True),
        sa.Column("secretary", sa.String(length=50), nullable=True),
        sa.Column("secretary_phone", sa.String(length=30), nullable=True),
        sa.Column("established_on", sa.Date(), nullable=True),
        sa.Column("term_start", sa.Date(), nullable=True),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("coverage_override", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_pinyin", sa.String(length=800), nullable=False),
        sa.Column("name_initials", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_party_org_community_id_community")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["party_org.id"], name=op.f("fk_party_org_parent_id_party_org")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party_org")),
    )
    with op.batch_alter_table("party_org", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_party_org_community_id"), ["community_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_party_org_formation"), ["formation"], unique=False)
        batch_op.create_index(batch_op.f("ix_party_org_level"), ["level"], unique=False)
        batch_op.create_index(batch_op.f("ix_party_org_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_party_org_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_party_org_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "organization",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subtype", sa.String(length=32), nullable=False),
        sa.Column("uscc", sa.String(length=18), nullable=True),
        sa.Column("industry", sa.String(length=32), nullable=False),
        sa.Column("employees", sa.Integer(), nullable=False),
        sa.Column("above_scale", sa.Boolean(), nullable=False),
        sa.Column("community_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("party_org_id", sa.String(length=36), nullable=True),
        sa.Column("leader_link", sa.String(length=100), nullable=True),
        sa.Column("has_union", sa.Boolean(), nullable=False),
        sa.Column("has_youth_league", sa.Boolean(), nullable=False),
        sa.Column("has_women_federation", sa.Boolean(), nullable=False),
        sa.Column("venue_site", sa.Boolean(), nullable=False),
        sa.Column("venue_facilities", sa.Boolean(), nullable=False),
        sa.Column("venue_sign", sa.Boolean(), nullable=False),
        sa.Column("venue_flag", sa.Boolean(), nullable=False),
        sa.Column("venue_books", sa.Boolean(), nullable=False),
        sa.Column("venue_rules", sa.Boolean(), nullable=False),
        sa.Column("legal_rep", sa.String(length=50), nullable=True),
        sa.Column("contact_name", sa.String(length=50), nullable=True),
        sa.Column("contact_phone", sa.String(length=30), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_pinyin", sa.String(length=800), nullable=False),
        sa.Column("name_initials", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_organization_community_id_community")
        ),
        sa.ForeignKeyConstraint(
            ["party_org_id"], ["party_org.id"], name=op.f("fk_organization_party_org_id_party_org")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organization")),
    )
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organization_community_id"), ["community_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_organization_industry"), ["industry"], unique=False)
        batch_op.create_index(batch_op.f("ix_organization_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_organization_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_organization_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_organization_party_org_id"), ["party_org_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_organization_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_organization_uscc"), ["uscc"], unique=False)

    op.create_table(
        "member",
        sa.Column("gender", sa.String(length=8), nullable=True),
        sa.Column("ethnicity", sa.String(length=20), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("education", sa.String(length=20), nullable=True),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("full_on", sa.Date(), nullable=True),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.Column("mobile_from", sa.String(length=100), nullable=True),
        sa.Column("mobile_to", sa.String(length=100), nullable=True),
        sa.Column("employer_id", sa.String(length=36), nullable=True),
        sa.Column("party_org_id", sa.String(length=36), nullable=True),
        sa.Column("exit_kind", sa.String(length=16), nullable=True),
        sa.Column("exit_on", sa.Date(), nullable=True),
        sa.Column("exit_note", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_pinyin", sa.String(length=800), nullable=False),
        sa.Column("name_initials", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["organization.id"], name=op.f("fk_member_employer_id_organization")
        ),
        sa.ForeignKeyConstraint(
            ["party_org_id"], ["party_org.id"], name=op.f("fk_member_party_org_id_party_org")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_category"), ["category"], unique=False)
        batch_op.create_index(
            "ix_member_employer_live", ["employer_id", "category", "exit_kind", "deleted"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_member_id_number"), ["id_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_owner"), ["owner"], unique=False)
        batch_op.create_index(
            "ix_member_party_org_live", ["party_org_id", "exit_kind", "deleted"], unique=False
        )
        batch_op.create_index(
            "ix_member_list_name",
            ["name_pinyin", "id", "deleted", "exit_kind", "name", "name_initials", "id_number"],
            unique=False,
        )
        batch_op.create_index(
            "ix_member_list_joined", ["joined_on", "id", "deleted", "exit_kind"], unique=False
        )
        batch_op.create_index(
            "ix_member_counts", ["exit_kind", "deleted", "category", "relation"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_member_relation"), ["relation"], unique=False)

    op.create_table(
        "instructor",
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("unit", sa.String(length=100), nullable=True),
        sa.Column("position", sa.String(length=50), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_pinyin", sa.String(length=800), nullable=False),
        sa.Column("name_initials", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instructor")),
    )
    with op.batch_alter_table("instructor", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_instructor_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_instructor_owner"), ["owner"], unique=False)

    op.create_table(
        "instructor_assignment",
        sa.Column("instructor_id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["instructor_id"],
            ["instructor.id"],
            name=op.f("fk_instructor_assignment_instructor_id_instructor"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_instructor_assignment_organization_id_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instructor_assignment")),
    )
    with op.batch_alter_table("instructor_assignment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_instructor_assignment_instructor_id"), ["instructor_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_instructor_assignment_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_instructor_assignment_owner"), ["owner"], unique=False)
    op.bulk_insert(
        sa.table("counter", sa.column("name", sa.String), sa.column("value", sa.Integer)),
        [{"name": "journal", "value": 0}],
    )


def downgrade() -> None:
    op.drop_table("instructor_assignment")
    op.drop_table("instructor")
    op.drop_table("member")
    op.drop_table("organization")
    op.drop_table("party_org")
    op.drop_table("community")
    op.drop_table("setting")
    op.drop_table("journal")
    op.drop_table("counter")
    op.drop_table("station")
