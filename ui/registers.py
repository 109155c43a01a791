"""What differs between the three registers: columns, filters, editor groups and
the app functions behind them. The page itself is one class for all three."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.domain.codes import CATEGORY, FORMATION, INDUSTRY, ORG_KIND, PARTY_LEVEL, RELATION
from app.domain.coverage import COVERAGE
from app.domain.fields import Field
from app.services import communities, members, organizations, party_orgs, related
from app.store import Store
from ui.table_model import Column


@dataclass(frozen=True)
class Filter:
    key: str  # keyword of the service's query
    title: str
    choices: Callable[[Store], list[str]]  # labels shown (and passed to the service)


@dataclass(frozen=True)
class Register:
    kind: str
    page: str  # screenshot/page name
    title: str
    noun: str
    empty_hint: str
    columns: list[Column]
    filters: list[Filter]
    ids: Callable[..., list[str]]
    rows: Callable[[Store, list[str]], list[Any]]
    fields: dict[str, Field]
    groups: list[tuple[str, list[str]]]
    add: Callable[[Store, dict[str, Any]], dict[str, Any]]
    edit: Callable[[Store, str, dict[str, Any]], dict[str, Any]]
    delete: Callable[[Store, str], str]
    get: Callable[..., dict[str, Any]]
    detail: Callable[..., related.Detail]
    masked: tuple[str, ...] = field(default_factory=tuple)
    defaults: dict[str, Any] = field(default_factory=dict)  # preset in the editor of a new record
    prints: tuple[str, ...] = ()  # what the page's 打印 menu offers: card | ledger | roster


def _labels(codes: Any) -> Callable[[Store], list[str]]:
    return lambda _store: list(codes.labels.values())


def _community_names(store: Store) -> list[str]:
    return communities.community_names(store)


ORGANIZATIONS = Register(
    kind="organization",
    page="organizations",
    title="两新组织",
    noun="两新组织",
    empty_hint="还没有两新组织。点击“新增”逐个录入，或用“liangxin import”导入台账。",
    columns=[
        Column("name", "组织名称", width=280),
        Column("kind", "类型", width=80),
        Column("community", "社区", width=110),
        Column("industry", "行业", width=90),
        Column("employees", "职工人数", numeric=True, width=80),
        Column("party_org", "党组织", width=240),
        Column("formation", "组建方式", width=80),
        Column("instructor", "指导员", width=80),
        Column("coverage", "覆盖状态", width=150),
    ],
    filters=[
        Filter("community", "社区", _community_names),
        Filter("kind", "类型", _labels(ORG_KIND)),
        Filter("industry", "行业", _labels(INDUSTRY)),
        Filter("coverage", "覆盖状态", _labels(COVERAGE)),
    ],
    ids=organizations.organization_ids,
    rows=organizations.organization_rows,
    fields=organizations.ORG_FIELDS,
    groups=[
        (
            "基本信息",
            [
                "name",
                "kind",
                "subtype",
                "uscc",
                "industry",
                "employees",
                "above_scale",
                "community",
                "status",
            ],
        ),
        (
            "党建情况",
            [
                "party_org",
                "formation",
                "supervising_unit",
                "leader_link",
                "has_union",
                "has_youth_league",
                "has_women_federation",
            ],
        ),
        (
            "“六有”阵地",
            ["venue_site", "venue_facilities", "venue_sign", "venue_flag", "venue_books", "venue_rules"],
        ),
        ("联系方式", ["legal_rep", "contact_name", "contact_phone", "address", "notes"]),
    ],
    add=organizations.add_organization,
    edit=organizations.edit_organization,
    delete=organizations.delete_organization,
    get=organizations.get_organization,
    detail=related.organization_detail,
    masked=("contact_phone",),
    defaults={"kind": "enterprise", "status": "active", "industry": "other"},
    prints=("card", "ledger"),
)

PARTY_ORGS = Register(
    kind="party_org",
    page="party-orgs",
    title="党组织",
    noun="党组织",
    empty_hint="还没有党组织。点击“新增”录入党组织，并选择它覆盖的两新组织。",
    columns=[
        Column("name", "党组织名称", width=300),
        Column("level", "类别", width=90),
        Column("formation", "组建方式", width=80),
        Column("secretary", "书记", width=80),
        Column("members", "党员", numeric=True, width=60),
        Column("organizations", "覆盖单位", numeric=True, width=70),
        Column("term_end", "任期届满", width=100),
        Column("community", "社区", width=110),
    ],
    filters=[
        Filter("community", "社区", _community_names),
        Filter("level", "类别", _labels(PARTY_LEVEL)),
        Filter("formation", "组建方式", _labels(FORMATION)),
    ],
    ids=party_orgs.party_org_ids,
    rows=party_orgs.party_org_rows,
    fields=party_orgs.PARTY_FIELDS,
    groups=[
        ("基本信息", ["name", "level", "formation", "parent", "community", "established_on"]),
        ("班子与届期", ["secretary", "secretary_phone", "term_start", "term_end", "notes"]),
    ],
    add=party_orgs.add_party_org,
    edit=party_orgs.edit_party_org,
    delete=party_orgs.delete_party_org,
    get=party_orgs.get_party_org,
    detail=related.party_org_detail,
    masked=("secretary_phone",),
    defaults={"level": "branch", "formation": "independent"},
    prints=("roster", "roster_full"),
)

MEMBERS = Register(
    kind="member",
    page="members",
    title="党员",
    noun="党员",
    empty_hint="还没有党员。点击“新增”录入党员，公民身份号码会自动核验并带出出生日期和性别。",
    columns=[
        Column("name", "姓名", width=80),
        Column("gender", "性别", width=50),
        Column("id_number", "公民身份号码", width=170),
        Column("party_org", "党组织", width=260),
        Column("employer", "工作单位", width=240),
        Column("category", "类别", width=80),
        Column("relation", "组织关系", width=80),
        Column("joined_on", "入党日期", width=100),
    ],
    filters=[
        Filter("relation", "组织关系", _labels(RELATION)),
        Filter("category", "党员类别", _labels(CATEGORY)),
    ],
    ids=members.member_ids,
    rows=members.member_rows,
    fields=members.MEMBER_FIELDS,
    groups=[
        ("基本信息", ["name", "gender", "ethnicity", "id_number", "phone", "education"]),
        ("党籍", ["joined_on", "full_on", "category", "party_org", "employer"]),
        ("组织关系", ["relation", "mobile_from", "mobile_to"]),
        ("减少（转出、死亡等）", ["exit_kind", "exit_on", "exit_note", "notes"]),
    ],
    add=members.add_member,
    edit=members.edit_member,
    delete=members.delete_member,
    get=members.get_member,
    detail=related.member_detail,
    masked=("id_number", "phone"),
    defaults={"category": "full", "relation": "transferred"},
)

REGISTERS = {r.kind: r for r in (ORGANIZATIONS, PARTY_ORGS, MEMBERS)}
# At a district: the sub-district that keeps each record (sorted by its code, as the
# 街道 filter lists them).
STATION_COLUMN = Column("station", "街道", width=90)


def columns_of(register: Register, store: Store) -> list[Column]:
    """The register's columns; at a district with 街道 after the name."""
    if store.station.role != "district":
        return register.columns
    return [register.columns[0], STATION_COLUMN, *register.columns[1:]]


def lookups(store: Store) -> dict[str, Callable[[str], list[str]]]:
    """Name suggestions for reference fields, as the clerk types."""

    def of(kind: str) -> Callable[[str], list[str]]:
        return lambda text: [link.name for link in related.global_search(store, text, 15, (kind,))]

    return {
        "organization": of("organization"),
        "party_org": of("party_org"),
        "community": lambda text: [n for n in _community_names(store) if text in n][:30],
    }
