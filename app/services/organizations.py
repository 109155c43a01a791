"""两新组织 register: add, edit, delete (tombstone), show, list and search."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, case, exists, func, select
from sqlalchemy.orm import Session

from app.accounts.roles import REVEAL, require
from app.domain.bounds import STAFF_MAX
from app.domain.codes import (
    ENTERPRISE_SUBTYPE,
    FORMATION,
    INDUSTRY,
    ORG_KIND,
    ORG_STATUS,
    SOCIAL_SUBTYPE,
)
from app.domain.coverage import COVERAGE
from app.domain.fields import Field, parse_fields
from app.domain.masking import mask_phone
from app.errors import FieldError, LiangxinError
from app.services import coverage as coverage_rules
from app.services import formation as formations
from app.services.access_log import note_reveal
from app.services.common import (
    Page,
    list_page,
    ordered_ids,
    owner_name,
    resolve,
    rows_by_ids,
    search_clause,
    set_search_keys,
)
from app.services.communities import resolve_community
from app.store import Store
from db.models import Community, Instructor, InstructorAssignment, Member, Organization, PartyOrg

_B = "bool"
ORG_FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("name", "组织名称", required=True),
        Field("kind", "组织类型", "code", required=True, codes=ORG_KIND),
        Field("subtype", "具体类型", "text", max_length=32),
        Field("uscc", "统一社会信用代码", "uscc"),
        Field("industry", "行业", "code", codes=INDUSTRY),
        Field("employees", "职工人数", "int", maximum=STAFF_MAX),
        Field("above_scale", "规模以上企业", _B),
        Field("community", "所属社区", "ref", ref="community"),
        Field("status", "经营状态", "code", codes=ORG_STATUS),
        Field("party_org", "所属党组织", "ref", ref="party_org"),
        # How this organization is covered; empty: as its Party organization is formed.
        Field("formation", "组建方式", "code", codes=FORMATION),
        Field("supervising_unit", "业务主管单位", max_length=100),
        Field("leader_link", "挂点领导", max_length=100),
        Field("has_union", "已建工会", _B),
        Field("has_youth_league", "已建共青团", _B),
        Field("has_women_federation", "已建妇联", _B),
        Field("venue_site", "有场所", _B),
        Field("venue_facilities", "有设施", _B),
        Field("venue_sign", "有标志", _B),
        Field("venue_flag", "有党旗", _B),
        Field("venue_books", "有书报", _B),
        Field("venue_rules", "有制度", _B),
        Field("legal_rep", "法定代表人", max_length=50),
        Field("contact_name", "联系人", max_length=50),
        Field("contact_phone", "联系电话", max_length=30),
        Field("address", "地址"),
        Field("notes", "备注", max_length=2000),
    )
}


@dataclass(frozen=True)
class OrgRow:
    id: str
    name: str
    kind: str
    subtype: str
    uscc: str
    community: str
    industry: str
    employees: int
    party_org: str
    formation: str
    instructor: str
    coverage: str
    status: str
    station: str = ""  # at a district: the sub-district that keeps it (the owner's name)


def subtype_codes(kind: str) -> Any:
    return ENTERPRISE_SUBTYPE if kind == "enterprise" else SOCIAL_SUBTYPE


def _parse_subtype(kind: str, raw: str | None, current: str | None) -> str:
    codes = subtype_codes(kind)
    if raw is None:
        if current and current in codes.labels:
            return current
        return "llc" if kind == "enterprise" else "private_non_enterprise"
    code = codes.parse(raw)
    if code is None:
        raise FieldError("subtype", f"“具体类型”应为以下之一：{codes.choices_text()}；“{raw}”不在其中。")
    return code


def _check_uscc_unique(session: Session, uscc: str | None, own_id: str | None) -> None:
    if not uscc:
        return
    other = session.scalar(
        select(Organization).where(
            Organization.uscc == uscc, Organization.deleted.is_(False), Organization.id != (own_id or "")
        )
    )
    if other is not None:
        raise FieldError("uscc", f"统一社会信用代码 {uscc} 已登记为“{other.name}”，请勿重复录入。")


def _apply(session: Session, org: Organization, values: dict[str, Any], override: str | None) -> None:
    parsed = parse_fields(ORG_FIELDS, values, partial=org.id is not None)
    raw_subtype = parsed.pop("subtype", None)
    community = parsed.pop("community", None) if "community" in parsed else ...
    party_org = parsed.pop("party_org", None) if "party_org" in parsed else ...
    wanted_formation = parsed.pop("formation", None)
    _check_uscc_unique(session, parsed.get("uscc"), org.id)
    for name, value in parsed.items():
        if value is None and name in ("kind", "industry", "status", "employees"):
            continue  # keep defaults / current values for cleared coded fields
        setattr(org, name, value)
    org.kind = org.kind or "enterprise"
    if "kind" in parsed or raw_subtype is not None or org.subtype is None:
        org.subtype = _parse_subtype(org.kind, raw_subtype, org.subtype)
    org.industry = org.industry or "other"
    org.status = org.status or "active"
    org.employees = org.employees or 0
    if community is not ...:
        org.community_id = resolve_community(session, community).id if community else None
    if party_org is not ...:
        if party_org:
            target = resolve(session, PartyOrg, party_org, "党组织", "party_org")
            if target.id != org.party_org_id:  # re-saving the same coverage asks nothing again
                coverage_rules.check_capacity(
                    session, target, adding=[org.id] if org.id else [None], override=override
                )
            org.party_org_id = target.id
        else:
            org.party_org_id = None
    _cover_formation(session, org, wanted_formation)
    if org.supervising_unit and org.kind != "social_org":
        raise FieldError(
            "supervising_unit", "业务主管单位只适用于社会组织；非公企业请留空，或先把组织类型改为社会组织。"
        )
    set_search_keys(org)


def _cover_formation(session: Session, org: Organization, wanted: str | None) -> None:
    """How the organization is covered follows its Party organization (seed 002: a
    joint one, an attached one, or its own — and its own covers it alone)."""
    party = session.get(PartyOrg, org.party_org_id) if org.party_org_id else None
    if party is None or party.deleted:
        if wanted is not None:
            raise FieldError("formation", "还没有选择所属党组织，不能填写组建方式；请先选择党组织。")
        org.formation = None
        return
    org.formation = formations.choose(party, wanted, org.formation)
    if org.formation == "independent":
        if org.id is None:
            session.add(org)
        session.flush()
        formations.check_one_own(session, party)


def add_organization(
    store: Store, values: dict[str, Any], *, coverage_override: str | None = None
) -> dict[str, Any]:
    with store.write() as session:
        org = Organization()
        _apply(session, org, values, coverage_override)
        session.add(org)
        session.flush()
        return organization_record(session, org)


def edit_organization(
    store: Store, key: str, values: dict[str, Any], *, coverage_override: str | None = None
) -> dict[str, Any]:
    with store.write() as session:
        org = resolve(session, Organization, key, "两新组织")
        _apply(session, org, values, coverage_override)
        session.flush()
        return organization_record(session, org)


def delete_organization(store: Store, key: str) -> str:
    """Tombstone an organization entered by mistake. Refused while members name it as employer."""
    with store.write() as session:
        org = resolve(session, Organization, key, "两新组织")
        members = session.scalar(
            select(func.count()).where(Member.employer_id == org.id, Member.deleted.is_(False))
        )
        if members:
            raise LiangxinError(
                f"“{org.name}”仍是 {members} 名党员的工作单位，请先调整这些党员的工作单位后再删除。未做任何改动。"
            )
        for assignment in session.scalars(
            select(InstructorAssignment).where(
                InstructorAssignment.organization_id == org.id, InstructorAssignment.deleted.is_(False)
            )
        ):
            assignment.deleted = True
        org.deleted = True
        return org.name


def get_organization(store: Store, key: str, *, reveal: bool = False) -> dict[str, Any]:
    if reveal:
        require(store, REVEAL)  # 查看 accounts see masked data only
    with store.read() as session:
        record = organization_record(session, resolve(session, Organization, key, "两新组织"), reveal=reveal)
    if reveal:
        note_reveal(store, "organization", record["id"], record["name"])
    return record


def organization_record(session: Session, org: Organization, *, reveal: bool = False) -> dict[str, Any]:
    community = session.get(Community, org.community_id) if org.community_id else None
    party = session.get(PartyOrg, org.party_org_id) if org.party_org_id else None
    instructor = session.scalar(_instructor_name().where(InstructorAssignment.organization_id == org.id))
    members = session.scalar(
        select(func.count()).where(Member.employer_id == org.id, Member.deleted.is_(False))
    )
    record: dict[str, Any] = {"id": org.id}
    for name in ORG_FIELDS:
        if name == "community":
            record[name] = community.name if community else None
        elif name == "party_org":
            record[name] = party.name if party else None
        else:
            record[name] = getattr(org, name)
    if not reveal:
        record["contact_phone"] = mask_phone(org.contact_phone)
    record["kind_label"] = ORG_KIND.label(org.kind)
    record["subtype_label"] = subtype_codes(org.kind).label(org.subtype)
    record["industry_label"] = INDUSTRY.label(org.industry)
    record["formation_label"] = FORMATION.label(org.formation)
    record["status_label"] = ORG_STATUS.label(org.status)
    record["instructor"] = instructor
    record["members"] = members
    state = ((org.formation or party.formation) if party else None) or ("work" if instructor else "none")
    record["coverage"] = state
    record["coverage_label"] = COVERAGE.label(state)
    record["rev"] = org.rev
    return record


def _instructor_name() -> Select[Any]:
    return (
        select(Instructor.name)
        .join(InstructorAssignment, InstructorAssignment.instructor_id == Instructor.id)
        .where(InstructorAssignment.deleted.is_(False), InstructorAssignment.ends_on.is_(None))
        .order_by(InstructorAssignment.starts_on.desc())
        .limit(1)
    )


def has_instructor(org_id_column: Any) -> Any:
    return exists().where(
        InstructorAssignment.organization_id == org_id_column,
        InstructorAssignment.deleted.is_(False),
        InstructorAssignment.ends_on.is_(None),
    )


def coverage_expression() -> Any:
    """The organization's coverage state (with its Party organization joined, when live)."""
    return case(
        (PartyOrg.id.is_not(None), func.coalesce(Organization.formation, PartyOrg.formation)),
        (has_instructor(Organization.id), "work"),
        else_="none",
    )


SORT_KEYS = (
    "name",
    "kind",
    "uscc",
    "community",
    "industry",
    "employees",
    "party_org",
    "formation",
    "instructor",
    "coverage",
    "status",
    "station",
)


def organization_query(
    *,
    search: str = "",
    community: str | None = None,
    kind: str | None = None,
    industry: str | None = None,
    coverage: str | None = None,
    status: str | None = None,
    station: str | None = None,
) -> tuple[Select[Any], dict[str, Any]]:
    """The filtered query and its sortable columns; shared by the list and the table model.
    ``station`` (at a district): one sub-district's records, by its code."""
    instructor = (
        _instructor_name().where(InstructorAssignment.organization_id == Organization.id).scalar_subquery()
    )
    cover = coverage_expression()
    columns = {
        "name": Organization.name_pinyin,
        "kind": Organization.kind,
        "uscc": Organization.uscc,
        "community": Community.name,
        "industry": Organization.industry,
        "employees": Organization.employees,
        "party_org": PartyOrg.name_pinyin,
        "formation": Organization.formation,
        "instructor": instructor,
        "coverage": cover,
        "status": Organization.status,
        "station": Organization.owner,  # in the order of the codes, as the 街道 filter lists them
    }
    stmt = (
        select(
            Organization.id,
            Organization.name,
            Organization.kind,
            Organization.subtype,
            Organization.uscc,
            Community.name,
            Organization.industry,
            Organization.employees,
            PartyOrg.name,
            case((PartyOrg.id.is_not(None), Organization.formation)),
            instructor,
            cover,
            Organization.status,
            owner_name(Organization),
        )
        .outerjoin(Community, Community.id == Organization.community_id)
        .outerjoin(PartyOrg, and_(PartyOrg.id == Organization.party_org_id, PartyOrg.deleted.is_(False)))
        .where(Organization.deleted.is_(False))
    )
    clause = search_clause(Organization, search, Organization.uscc)
    if clause is not None:
        stmt = stmt.where(clause)
    if community:
        stmt = stmt.where(Community.name == community)
    if kind:
        stmt = stmt.where(Organization.kind == ORG_KIND.require(kind, "kind"))
    if industry:
        stmt = stmt.where(Organization.industry == INDUSTRY.require(industry, "industry"))
    if coverage:
        stmt = stmt.where(cover == COVERAGE.require(coverage, "coverage"))
    if status:
        stmt = stmt.where(Organization.status == ORG_STATUS.require(status, "status"))
    if station:
        stmt = stmt.where(Organization.owner == station)
    return stmt, columns


def _org_row(r: Any) -> OrgRow:
    return OrgRow(
        id=r[0],
        name=r[1],
        kind=ORG_KIND.label(r[2]),
        subtype=subtype_codes(r[2]).label(r[3]),
        uscc=r[4] or "",
        community=r[5] or "",
        industry=INDUSTRY.label(r[6]),
        employees=r[7] or 0,
        party_org=r[8] or "",
        formation=FORMATION.label(r[9]),
        instructor=r[10] or "",
        coverage=COVERAGE.label(r[11]),
        status=ORG_STATUS.label(r[12]),
        station=r[13] or "",
    )


def list_organizations(
    store: Store,
    *,
    sort: str = "name",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
    **filters: Any,
) -> Page[OrgRow]:
    query = organization_query(**filters)
    return list_page(
        store, query, Organization.id, _org_row, sort=sort, descending=descending, limit=limit, offset=offset
    )


def organization_ids(
    store: Store, *, sort: str = "name", descending: bool = False, limit: int | None = None, **filters: Any
) -> list[str]:
    return ordered_ids(
        store, organization_query(**filters), Organization.id, sort=sort, descending=descending, limit=limit
    )


def organization_rows(store: Store, ids: list[str]) -> list[OrgRow]:
    return rows_by_ids(store, organization_query()[0], Organization.id, ids, _org_row)


def supervising_units(store: Store, ids: list[str]) -> dict[str, str]:
    """The 业务主管单位 of those of these organizations that have one (for the ledger)."""
    with store.read() as session:
        return dict(
            session.execute(
                select(Organization.id, Organization.supervising_unit).where(
                    Organization.id.in_(ids), Organization.supervising_unit.is_not(None)
                )
            ).all()
        )
