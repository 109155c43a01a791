"""The three registers and what hangs off them: communities, organizations, Party
organizations, members, instructors and their assignments."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Synced


class SearchKeys:
    """Lower-case full pinyin and initials of ``name``, kept by the services so that
    a search for ``zw`` finds 张伟 with a plain ``LIKE`` on every engine."""

    name: Mapped[str] = mapped_column(String(200), index=True)
    name_pinyin: Mapped[str] = mapped_column(String(800), default="")
    name_initials: Mapped[str] = mapped_column(String(200), default="")


class Community(Synced, Base):
    __tablename__ = "community"

    name: Mapped[str] = mapped_column(String(100))
    code: Mapped[str | None] = mapped_column(String(12))  # 12-digit village-level division code


def live_unique(name: str, *columns: str) -> Index:
    """One live row per station for a code (or a combination of columns, none empty):
    two clerks saving the same at the same moment cannot both succeed (the services
    check first, for a clear message). Per station (``owner``), so that rows another
    station made, arriving by sync, are never refused by it."""
    where = text(" AND ".join(["deleted = false", *(f"{c} IS NOT NULL" for c in columns)]))
    return Index(name, "owner", *columns, unique=True, sqlite_where=where, postgresql_where=where)


class Organization(SearchKeys, Synced, Base):
    """A 两新组织: a non-public enterprise or a social organization."""

    __tablename__ = "organization"
    __table_args__ = (
        live_unique("uq_organization_uscc_live", "uscc"),
        # The organizations a Party organization covers, counted from the index alone
        # (the joint-organization rule counts them for every Party organization).
        Index("ix_organization_party_org_live", "party_org_id", "deleted"),
    )

    kind: Mapped[str] = mapped_column(String(16), index=True)  # enterprise | social_org
    subtype: Mapped[str] = mapped_column(String(32))
    uscc: Mapped[str | None] = mapped_column(String(18), index=True)
    industry: Mapped[str] = mapped_column(String(32), index=True)
    employees: Mapped[int] = mapped_column(Integer, default=0)
    above_scale: Mapped[bool] = mapped_column(Boolean, default=False)
    community_id: Mapped[str | None] = mapped_column(ForeignKey("community.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)
    party_org_id: Mapped[str | None] = mapped_column(ForeignKey("party_org.id"))
    # How this organization is covered (GLOSSARY "formation"): independent (its own Party
    # organization, covering it alone), joint (one of several a joint one covers) or
    # attached (its members attend another unit's). It belongs to the organization, not
    # to the Party organization: null while uncovered.
    formation: Mapped[str | None] = mapped_column(String(16))
    # 业务主管单位 of a social organization, whose Party organization leads its Party
    # work (seed 002: "有业务主管单位的社会组织党建工作，由业务主管单位党组织领导和管理").
    supervising_unit: Mapped[str | None] = mapped_column(String(100))
    leader_link: Mapped[str | None] = mapped_column(String(100))  # 挂点领导
    has_union: Mapped[bool] = mapped_column(Boolean, default=False)
    has_youth_league: Mapped[bool] = mapped_column(Boolean, default=False)
    has_women_federation: Mapped[bool] = mapped_column(Boolean, default=False)
    venue_site: Mapped[bool] = mapped_column(Boolean, default=False)
    venue_facilities: Mapped[bool] = mapped_column(Boolean, default=False)
    venue_sign: Mapped[bool] = mapped_column(Boolean, default=False)
    venue_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    venue_books: Mapped[bool] = mapped_column(Boolean, default=False)
    venue_rules: Mapped[bool] = mapped_column(Boolean, default=False)
    legal_rep: Mapped[str | None] = mapped_column(String(50))
    contact_name: Mapped[str | None] = mapped_column(String(50))
    contact_phone: Mapped[str | None] = mapped_column(String(30))
    address: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)


class PartyOrg(SearchKeys, Synced, Base):
    """A Party organization. The organizations it covers point at it
    (``organization.party_org_id``): an organization is covered by at most one."""

    __tablename__ = "party_org"

    # committee | general_branch | branch | joint_branch
    level: Mapped[str] = mapped_column(String(16), index=True)
    # What kind of Party organization this is: independent (one unit's own), joint (of
    # several units) or attached (a host others' members attach to). It bounds how the
    # organizations it covers may be covered; each one's own formation is on organization.
    formation: Mapped[str] = mapped_column(String(16), index=True)  # independent | joint | attached
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("party_org.id"), index=True)
    community_id: Mapped[str | None] = mapped_column(ForeignKey("community.id"), index=True)
    secretary: Mapped[str | None] = mapped_column(String(50))
    secretary_phone: Mapped[str | None] = mapped_column(String(30))
    established_on: Mapped[date | None] = mapped_column(Date)
    term_start: Mapped[date | None] = mapped_column(Date)
    term_end: Mapped[date | None] = mapped_column(Date)
    # Why a joint branch may cover more organizations than the rule's maximum
    # (the rule says "generally"); recorded so that the exception is visible.
    coverage_override: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)


class Member(SearchKeys, Synced, Base):
    __tablename__ = "member"
    # Covering indexes: counting live (full) members per employer or per Party
    # organization reads the index alone instead of fetching every member row — with
    # the relation, since a 流入党员 is counted apart from the members held here.
    __table_args__ = (
        live_unique("uq_member_id_number_live", "id_number"),
        Index("ix_member_employer_live", "employer_id", "category", "exit_kind", "deleted", "relation"),
        Index("ix_member_party_org_live", "party_org_id", "exit_kind", "deleted", "relation", "category"),
        # The member list's default and date orders read their ids from these alone;
        # the first also holds every searched column, so a search scans the index only.
        Index(
            "ix_member_list_name",
            "name_pinyin",
            "id",
            "deleted",
            "exit_kind",
            "name",
            "name_initials",
            "id_number",
        ),
        Index("ix_member_list_joined", "joined_on", "id", "deleted", "exit_kind"),
        # Register counts (categories, relation states) read this narrow index, not the rows.
        Index("ix_member_counts", "exit_kind", "deleted", "category", "relation"),
    )

    gender: Mapped[str | None] = mapped_column(String(8))  # male | female
    ethnicity: Mapped[str | None] = mapped_column(String(20))
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    birth_date: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(30))
    education: Mapped[str | None] = mapped_column(String(20))
    joined_on: Mapped[date | None] = mapped_column(Date)
    full_on: Mapped[date | None] = mapped_column(Date)
    category: Mapped[str] = mapped_column(String(16), index=True)  # full | probationary
    # transferred | pocket | mobile_out | mobile_in
    relation: Mapped[str] = mapped_column(String(16), index=True)
    mobile_from: Mapped[str | None] = mapped_column(String(100))
    mobile_to: Mapped[str | None] = mapped_column(String(100))
    employer_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"))
    party_org_id: Mapped[str | None] = mapped_column(ForeignKey("party_org.id"))
    exit_kind: Mapped[str | None] = mapped_column(String(16))  # transferred_out | died | left | stopped
    exit_on: Mapped[date | None] = mapped_column(Date)
    exit_note: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)


class Instructor(SearchKeys, Synced, Base):
    """A 党建工作指导员 assigned to organizations without a Party organization."""

    __tablename__ = "instructor"

    phone: Mapped[str | None] = mapped_column(String(30))
    unit: Mapped[str | None] = mapped_column(String(100))
    position: Mapped[str | None] = mapped_column(String(50))
    notes: Mapped[str | None] = mapped_column(Text)


class InstructorAssignment(Synced, Base):
    __tablename__ = "instructor_assignment"

    instructor_id: Mapped[str] = mapped_column(ForeignKey("instructor.id"), index=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"), index=True)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)  # null while the assignment runs
