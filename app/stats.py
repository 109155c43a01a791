"""The dashboard's figures — counts, the three rates with their scope, the same rates
by community, industry and staff band, the monthly trend and findings per rule —
computed once here for the page, the PDF, the spreadsheet and the CLI alike, with
SQL aggregates. Every figure can also be traced back to its records
(``figure_records``), with the same clauses that counted it."""

from __future__ import annotations

import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import CompoundSelect, Select, and_, case, func, literal, or_, select, true, tuple_, union_all
from sqlalchemy.orm import Session

from app.domain.codes import INDUSTRY, PARTY_LEVEL
from app.domain.station_time import station_today
from app.errors import FieldError
from app.rules.catalog import RULES
from app.rules.engine import (
    Facts,
    Finding,
    count_org_findings,
    count_party_findings,
    flag,
    live_member,
    run_checks,
)
from app.settings import SPECS, load_settings, scope_description
from app.station_scope import station_names, station_scope, sub_districts
from app.store import Store
from db.models import Community, Member, Organization, PartyOrg, StatSnapshot

DEFINITIONS = {
    "organization_coverage": "党的组织覆盖率 = 已被党组织覆盖的两新组织数 ÷ 统计范围内的两新组织数",
    "work_coverage": "党的工作覆盖率 = 已被党组织覆盖或已派党建工作指导员的两新组织数 ÷ 统计范围内的两新组织数",
    # Seed 002: "确保党组织应建尽建率和党的工作覆盖率均达到100%".
    "must_build_rate": "应建尽建率 = 按规定应建党组织且已被党组织覆盖的两新组织数 ÷ 按规定应建党组织的两新组织数"
    "（应建：职工100人以上或规模以上的非公企业、从业人员30人以上的实体性社会组织、有3名以上正式党员的组织，"
    "人数以现行设置为准）",
    # Each covered organization's own formation: 挂靠 is neither 单独 nor 联合 and is shown apart.
    "independent_rate": "单独组建率 = 单独组建的两新组织数 ÷ 已被党组织覆盖的两新组织数（联合组建、挂靠组建分列）",
}
RATE_TITLES = {
    "organization_coverage": "党的组织覆盖率",
    "work_coverage": "党的工作覆盖率",
    "must_build_rate": "应建尽建率",
    "independent_rate": "单独组建率",
}
KIND_LABELS = {"enterprise": "非公企业", "social_org": "社会组织"}

# Staff bands whose edges are the rules' default thresholds (30, 50, 100 staff).
STAFF_BANDS: tuple[tuple[str, str, int, int | None], ...] = (
    ("lt10", "10人以下", 0, 9),
    ("10-29", "10–29人", 10, 29),
    ("30-49", "30–49人", 30, 49),
    ("50-99", "50–99人", 50, 99),
    ("100-299", "100–299人", 100, 299),
    ("300+", "300人以上", 300, None),
)
T = TypeVar("T")
BAND_LABELS = {code: label for code, label, _, _ in STAFF_BANDS}
TREND_MONTHS = 12


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int
    definition: str

    @property
    def percent(self) -> float | None:
        return round(100 * self.numerator / self.denominator, 1) if self.denominator else None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "percent": self.percent}


def percent_text(value: Rate | float | None) -> str:
    percent = value.percent if isinstance(value, Rate) else value
    return "—" if percent is None else f"{percent:.1f}%"


COUNTS = ("in_scope", "covered", "work_covered", "independent", "joint", "attached", "must_build", "built")


@dataclass
class Coverage:
    """The counts behind the rates, for the station or one group: covered organizations
    by their own formation (单独, 联合, 挂靠 apart), and those the rules say must have a
    Party organization (应建) with how many have one (已建)."""

    key: str = ""
    label: str = ""
    in_scope: int = 0
    covered: int = 0
    work_covered: int = 0
    independent: int = 0
    joint: int = 0
    attached: int = 0
    must_build: int = 0
    built: int = 0

    def rates(self) -> dict[str, Rate]:
        return {
            "organization_coverage": Rate(self.covered, self.in_scope, DEFINITIONS["organization_coverage"]),
            "work_coverage": Rate(self.work_covered, self.in_scope, DEFINITIONS["work_coverage"]),
            "must_build_rate": Rate(self.built, self.must_build, DEFINITIONS["must_build_rate"]),
            "independent_rate": Rate(self.independent, self.covered, DEFINITIONS["independent_rate"]),
        }

    def as_dict(self) -> dict[str, Any]:
        rates = self.rates()
        return {
            "key": self.key,
            "label": self.label,
            **{name: getattr(self, name) for name in COUNTS},
            "uncovered": self.in_scope - self.covered,
            **{name: rate.percent for name, rate in rates.items()},
        }


def _scope_extra(settings: dict[str, Any]) -> list[Any]:
    """What the coverage scope adds to "active organization"."""
    clauses: list[Any] = []
    scope = settings["coverage.scope"]
    if scope == "active_enterprise":
        clauses.append(Organization.kind == "enterprise")
    elif scope == "active_social_org":
        clauses.append(Organization.kind == "social_org")
    if settings["coverage.scope_min_employees"]:
        clauses.append(Organization.employees >= settings["coverage.scope_min_employees"])
    return clauses


def scope_filter(settings: dict[str, Any]) -> Any:
    return and_(Organization.deleted.is_(False), Organization.status == "active", *_scope_extra(settings))


def staff_band() -> Any:
    staff = func.coalesce(Organization.employees, 0)
    return case(
        *((staff <= high, literal(code)) for code, _, _, high in STAFF_BANDS if high is not None),
        else_=literal(STAFF_BANDS[-1][0]),
    )


def _coverage_conditions(facts: Facts) -> dict[str, Any]:
    """What each coverage count counts, among the organizations in scope (in COUNTS order
    after in_scope). Formation is the covered organization's own."""
    must = facts.must_have_party_org()
    return {
        "covered": facts.covered,
        "work_covered": or_(facts.covered, facts.instructor),
        "independent": and_(facts.covered, Organization.formation == "independent"),
        "joint": and_(facts.covered, Organization.formation == "joint"),
        "attached": and_(facts.covered, Organization.formation == "attached"),
        "must_build": must,
        "built": and_(must, facts.covered),
    }


GROUPINGS = ("community", "industry", "staff_band", "kind")
BY_STATION = "owner"  # at a district: per sub-district (the row's owner)


@dataclass
class CoveragePass:
    """Coverage of the organizations in scope: for the station and per community,
    industry and staff band (and, at a district, per sub-district)."""

    groups: dict[str, list[Coverage]]
    station: Coverage


def coverage_pass(session: Session, facts: Facts, *, by_station: bool = False) -> CoveragePass:
    """Each active organization's coverage is worked out once, then summed three ways
    and for the whole station in the same statement (and per sub-district, asked)."""
    in_scope = and_(true(), *_scope_extra(facts.settings))
    groupings = (*GROUPINGS, BY_STATION) if by_station else GROUPINGS
    keys = {
        "community": Organization.community_id,
        "industry": Organization.industry,
        "staff_band": staff_band(),
        "kind": Organization.kind,
        BY_STATION: Organization.owner,
    }
    columns = [
        *(keys[g].label(g) for g in groupings),
        flag(in_scope).label("in_scope"),
        *(flag(and_(in_scope, c)).label(k) for k, c in _coverage_conditions(facts).items()),
    ]
    groups: dict[str, list[Coverage]] = {g: [] for g in groupings}
    station = Coverage("station")
    sums = _coverage_sums(session, facts.org_rows(*columns), groupings)
    for grouping, key, *numbers in session.execute(sums):
        counts = [int(n) for n in numbers]
        if grouping == "station":
            station = Coverage("station", "", *counts)
        elif counts[0]:
            groups[grouping].append(Coverage(key or "", "", *counts))
    return CoveragePass(groups, station)


def _coverage_sums(
    session: Session, facts_rows: Select[Any], groupings: tuple[str, ...] = GROUPINGS
) -> Select[Any] | CompoundSelect:
    """Rows of (grouping, key, *COUNTS): one per community, industry, staff band and
    kind (and sub-district, when grouped so), and one for the station."""
    if session.get_bind().dialect.name == "postgresql":
        # One pass of the organizations into the four sums at once. PostgreSQL would
        # write a materialized CTE to a tuple store (spilling past work_mem at district
        # size) and read it four times: 42 ms against 28 ms at district size.
        rows = facts_rows.subquery("org_facts")
        keys = [rows.c[g] for g in groupings]
        # grouping() sets one bit, leftmost key first, for each key a row is not grouped by.
        left_out = func.grouping(*keys)
        everything = (1 << len(keys)) - 1
        grouping = case(
            *(
                (left_out == everything ^ (1 << (len(keys) - 1 - i)), literal(g))
                for i, g in enumerate(groupings)
            ),
            else_=literal("station"),
        )
        key = case(*((grouping == g, rows.c[g]) for g in groupings), else_=literal(""))
        counted = [func.coalesce(func.sum(c), 0) for c in list(rows.c)[len(groupings) :]]
        return select(grouping, key, *counted).group_by(
            func.grouping_sets(*(tuple_(k) for k in keys), tuple_())
        )
    # SQLite reads the materialized CTE in place, once per grouping and once for the station.
    cte = facts_rows.cte("org_facts").prefix_with("MATERIALIZED")
    counted = [func.coalesce(func.sum(c), 0) for c in list(cte.c)[len(groupings) :]]
    parts = [
        select(literal(g).label("grouping"), cte.c[g].label("key"), *counted).group_by(cte.c[g])
        for g in groupings
    ]
    parts.append(select(literal("station"), literal(""), *counted))
    return union_all(*parts)


def _labelled(rows: list[Coverage], labels: dict[str, str]) -> list[Coverage]:
    for row in rows:
        row.label = labels.get(row.key) or "未填"
    return rows


def coverage_rates(session: Session, settings: dict[str, Any]) -> dict[str, Rate]:
    return coverage_pass(session, Facts(settings, station_today())).station.rates()


HELD_HERE = ("transferred", "mobile_out")


def _owned(model: Any, station: str | None) -> list[Any]:
    """The clause keeping one sub-district's rows (none: every row here)."""
    return [] if station is None else [model.owner == station]


def _counts(session: Session, station: str | None = None) -> dict[str, Any]:
    orgs = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((Organization.kind == "enterprise", 1), else_=0)), 0),
            func.coalesce(func.sum(case((Organization.kind == "social_org", 1), else_=0)), 0),
            func.coalesce(func.sum(case((Organization.status == "active", 1), else_=0)), 0),
        ).where(Organization.deleted.is_(False), *_owned(Organization, station))
    ).one()
    # Grouped in the order of the covering index ix_member_counts: no sort, a few rows.
    by_kind = session.execute(
        select(Member.category, Member.relation, func.count())
        .where(live_member(), *_owned(Member, station))
        .group_by(Member.category, Member.relation)
    ).all()
    # 党员 are those whose relation is held here (已转入 and 流出); 口袋党员 (relation never
    # handed in) and 流入党员 (held elsewhere) are counted apart, so that a district adding
    # up its sub-districts counts nobody twice.
    held = [(category, relation, n) for category, relation, n in by_kind if relation in HELD_HERE]
    members = [
        sum(n for _, _, n in held),
        sum(n for category, _, n in held if category == "probationary"),
        *(
            sum(n for _, relation, n in by_kind if relation == kind)
            for kind in ("pocket", "mobile_out", "mobile_in")
        ),
    ]
    levels = dict(
        session.execute(
            select(PartyOrg.level, func.count())
            .where(PartyOrg.deleted.is_(False), *_owned(PartyOrg, station))
            .group_by(PartyOrg.level)
        ).all()
    )
    return {
        "organizations": {
            "total": int(orgs[0]),
            "enterprises": int(orgs[1]),
            "social_orgs": int(orgs[2]),
            "active": int(orgs[3]),
        },
        "members": {
            "total": int(members[0]),
            "probationary": int(members[1]),
            "pocket": int(members[2]),
            "mobile_out": int(members[3]),
            "mobile_in": int(members[4]),
            "mobile": int(members[3]) + int(members[4]),
        },
        "party_orgs": {
            "total": sum(levels.values()),
            "by_level": {PARTY_LEVEL.label(k): levels.get(k, 0) for k in PARTY_LEVEL.labels},
        },
    }


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _trend(session: Session, today: date, now: Coverage) -> list[dict[str, Any]]:
    """The last months' recorded snapshots, with this month's live figures last."""
    this_month = _month(today)
    rows = session.scalars(
        select(StatSnapshot)
        .where(StatSnapshot.month < this_month)
        .order_by(StatSnapshot.month.desc())
        .limit(TREND_MONTHS - 1)
    ).all()
    # A month recorded before the 应建 counts were kept (0014) reads "—" for 应建尽建率.
    points = [
        Coverage(
            r.month,
            r.scope,
            r.in_scope,
            r.covered,
            r.work_covered,
            r.independent,
            must_build=r.must_build or 0,
            built=r.built or 0,
        )
        for r in reversed(rows)
    ]
    points.append(Coverage(**{**asdict(now), "key": this_month}))
    return [
        {"month": p.key, "scope": p.label, **{k: r.percent for k, r in p.rates().items()}} for p in points
    ]


@functools.cache
def _workers() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="stats")


def station_stats(store: Store, today: date | None = None, station: str | None = None) -> dict[str, Any]:
    """Everything the dashboard shows. ``liangxin stats --json`` prints exactly this.

    At a district: of every sub-district together, with their coverage side by side
    (``by_station``), or of one (``station``, its code or name) — the figures that
    station's own dashboard shows. The trend's recorded months are the whole
    district's, so one sub-district's trend is this month's figures only."""
    today = today or station_today()
    scope = station_scope(store, station)
    owner = scope.station
    with store.read() as session:
        settings = load_settings(session)

    def in_session(part: Callable[[Session, Facts], T]) -> Callable[[], T]:
        def run() -> T:
            with store.read() as session:
                return part(session, Facts(settings, today, owner))

        return run

    # Three independent passes: SQLite releases the GIL while it works, so on two cores
    # they overlap and the page waits for the slowest, not for the sum.
    coverage = _workers().submit(in_session(functools.partial(coverage_pass, by_station=scope.district)))
    org_findings = _workers().submit(in_session(count_org_findings))
    with store.read() as session:
        party = count_party_findings(session, Facts(settings, today, owner))
        counts = _counts(session, owner)
        communities = dict(session.execute(select(Community.id, Community.name)).all())
        orgs = coverage.result()
        station_total = orgs.station
        station_total.label = scope_description(settings)
        trend = _trend(session, today, station_total)
        if owner is not None:
            trend = trend[-1:]
    by_rule = {**org_findings.result(), **party}
    rates = station_total.rates()
    by_band = {c.key: c for c in _labelled(orgs.groups["staff_band"], BAND_LABELS)}
    by_kind = {c.key: c for c in _labelled(orgs.groups["kind"], KIND_LABELS)}
    return {
        "station": {"code": store.station.code, "name": store.station.name, "role": store.station.role},
        "date": today.isoformat(),
        "scope": station_total.label,
        "station_scope": scope.as_dict(),
        "target_percent": settings["coverage.target_percent"],
        **counts,
        "coverage": {name: getattr(station_total, name) for name in COUNTS},
        "rates": {key: rate.as_dict() for key, rate in rates.items()},
        "by_community": [
            c.as_dict() for c in sorted(_labelled(orgs.groups["community"], communities), key=_rate_order)
        ],
        "by_industry": [
            c.as_dict() for c in sorted(_labelled(orgs.groups["industry"], INDUSTRY.labels), key=_rate_order)
        ],
        "by_staff_band": [
            by_band.get(code, Coverage(code, label)).as_dict() for code, label, _, _ in STAFF_BANDS
        ],
        # Enterprises and social organizations side by side, whatever the scope.
        "by_kind": [
            by_kind.get(code, Coverage(code, label)).as_dict() for code, label in KIND_LABELS.items()
        ],
        "by_station": _by_station(store, scope, orgs.groups.get(BY_STATION, [])),
        "trend": trend,
        "findings": {
            "total": sum(by_rule.values()),
            "by_rule": {rule.id: by_rule[rule.id] for rule in RULES},
            "rules": _rule_rows(settings, by_rule),
        },
    }


def _by_station(store: Store, scope: Any, rows: list[Coverage]) -> list[dict[str, Any]]:
    """At a district, each sub-district's coverage, lowest first (one that has sent
    nothing yet last, with no rate); none at a sub-district."""
    if not scope.district:
        return []
    found = {c.key: c for c in rows}
    stations = [(code, name) for code, name in sub_districts(store) if scope.station in (None, code)]
    if set(found) - {code for code, _ in stations}:  # records the district keeps itself
        names = station_names(store)
        stations += [(code, names.get(code, code)) for code in sorted(set(found) - dict(stations).keys())]
    shown = [found.get(code) or Coverage(code) for code, _ in stations]
    for row, (_, name) in zip(shown, stations, strict=True):
        row.label = name
    return [c.as_dict() for c in sorted(shown, key=_rate_order)]


def _rate_order(c: Coverage) -> tuple[float, str]:
    """Lowest organization coverage first: where work is needed."""
    percent = c.rates()["organization_coverage"].percent
    return (101.0 if percent is None else percent, c.label)


# What stat_snapshot keeps: the counts behind the three coverage rates and 应建尽建率.
SNAPSHOT_COUNTS = ("in_scope", "covered", "work_covered", "independent", "must_build", "built")


def _snapshot_figures(store: Store, today: date, stats: dict[str, Any] | None) -> dict[str, Any]:
    if stats is not None:
        return {**{k: stats["coverage"][k] for k in SNAPSHOT_COUNTS}, "scope": stats["scope"]}
    with store.read() as session:
        settings = load_settings(session)
        station = coverage_pass(session, Facts(settings, today)).station
    return {**{k: getattr(station, k) for k in SNAPSHOT_COUNTS}, "scope": scope_description(settings)}


def record_monthly_snapshot(
    store: Store, today: date | None = None, stats: dict[str, Any] | None = None
) -> bool:
    """Keep this month's coverage figures for the trend (the month's last reading wins):
    the one write behind 工作台, kept apart from reading the figures so the window can
    run it in its write lane. ``stats`` (a ``station_stats`` result for ``today``) saves
    counting again. Returns whether the stored figures changed; the same figures twice
    store nothing. Two at once are safe: the month is the table's primary key and the
    row is written with INSERT … ON CONFLICT DO UPDATE."""
    day = today or (date.fromisoformat(stats["date"]) if stats else station_today())
    figures = _snapshot_figures(store, day, stats)
    month = _month(day)
    with store.write() as session:
        row = session.get(StatSnapshot, month)
        if row is not None and all(getattr(row, k) == v for k, v in figures.items()):
            return False
        if session.get_bind().dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        values = {"month": month, **figures, "recorded_at": datetime.now(UTC)}
        statement = insert(StatSnapshot).values(values)
        session.execute(
            statement.on_conflict_do_update(
                index_elements=[StatSnapshot.month],
                set_={k: v for k, v in values.items() if k != "month"},
            )
        )
        return True


def dashboard(store: Store, today: date | None = None, station: str | None = None) -> dict[str, Any]:
    """The figures, then this month's snapshot recorded: the CLI's and the print-outs'
    action (a read and a write, in that order). The window reads with ``station_stats``
    and records with ``record_monthly_snapshot`` in its write lane. One sub-district's
    figures (at a district) are not the district's month: nothing is recorded."""
    stats = station_stats(store, today, station)
    if records_the_month(stats):
        record_monthly_snapshot(store, today or date.fromisoformat(stats["date"]), stats)
    return stats


def records_the_month(stats: dict[str, Any]) -> bool:
    """Whether these figures are the database's whole (what the trend keeps per month)."""
    return not stats.get("station_scope", {}).get("station")


# -- tracing a figure back to its records (数据反查) ----------------------------------------


@dataclass(frozen=True)
class Figure:
    """What a tile or a bar counts: ``what`` among FIGURES, optionally within one
    community, industry or staff band."""

    what: str
    group: str | None = None  # community | industry | staff_band | kind | station
    key: str | None = None
    label: str = ""


@dataclass(frozen=True)
class FigureRecords:
    kind: str  # organization | member
    title: str
    ids: list[str] = field(default_factory=list)


ORG_FIGURES = {
    "in_scope": "统计范围内的两新组织",
    "covered": "已被党组织覆盖",
    "uncovered": "尚未被党组织覆盖",
    "work_covered": "党的工作已覆盖",
    "work_uncovered": "党的工作尚未覆盖（既无党组织也无指导员）",
    "independent": "单独组建",
    "joint": "联合组建",
    "attached": "挂靠组建",
    "not_independent": "已覆盖但未单独组建（联合组建或挂靠组建）",
    "must_build": "按规定应建党组织",
    "not_built": "按规定应建党组织但尚未建立",
}
MEMBER_FIGURES = {
    "members": "党员（组织关系在本站）",
    "pocket": "口袋党员",
    "mobile": "流动党员",
    "mobile_in": "流入党员",
}
MEMBER_RELATIONS = {
    "members": list(HELD_HERE),
    "pocket": ["pocket"],
    "mobile": ["mobile_out", "mobile_in"],
    "mobile_in": ["mobile_in"],
}
# A rate is traced to the records it still lacks: the gap staff must close.
RATE_GAPS = {
    "organization_coverage": "uncovered",
    "work_coverage": "work_uncovered",
    "independent_rate": "not_independent",
    "must_build_rate": "not_built",
}


def _org_figure_clause(what: str, facts: Facts) -> Any:
    when = _coverage_conditions(facts)
    clauses = {
        "in_scope": true(),
        "covered": when["covered"],
        "uncovered": ~when["covered"],
        "work_covered": when["work_covered"],
        "work_uncovered": ~when["work_covered"],
        "independent": when["independent"],
        "joint": when["joint"],
        "attached": when["attached"],
        "not_independent": and_(when["covered"], ~when["independent"]),
        "must_build": when["must_build"],
        "not_built": and_(when["must_build"], ~when["covered"]),
    }
    return clauses[what]


def figure_records(store: Store, figure: Figure, station: str | None = None) -> FigureRecords:
    """The records a figure counts, ordered by name, selected with the clauses that
    counted it; at a district, of one sub-district's records (``station``, its code)."""
    what = RATE_GAPS.get(figure.what, figure.what)
    within = f"{figure.label}：" if figure.label else ""
    if figure.group == "station":  # a sub-district's bar: its records, whatever the page's filter
        station = figure.key
    if what in MEMBER_FIGURES:
        stmt = (
            select(Member.id)
            .where(live_member(), Member.relation.in_(MEMBER_RELATIONS[what]), *_owned(Member, station))
            .order_by(Member.name, Member.id)
        )
        with store.read() as session:
            return FigureRecords("member", within + MEMBER_FIGURES[what], list(session.scalars(stmt)))
    if what not in ORG_FIGURES:
        raise FieldError("figure", f"没有名为“{figure.what}”的统计项。")
    with store.read() as session:
        facts = Facts(load_settings(session), station_today(), station)
        stmt = (
            facts.org_rows(Organization.id)
            .where(*_scope_extra(facts.settings), _org_figure_clause(what, facts))
            .order_by(Organization.name, Organization.id)
        )
        if figure.group == "community":
            stmt = stmt.where(
                Organization.community_id.is_(None)
                if not figure.key
                else Organization.community_id == figure.key
            )
        elif figure.group == "industry":
            stmt = stmt.where(
                Organization.industry.is_(None) if not figure.key else Organization.industry == figure.key
            )
        elif figure.group == "staff_band":
            stmt = stmt.where(staff_band() == figure.key)
        elif figure.group == "kind":
            stmt = stmt.where(Organization.kind == figure.key)
        elif figure.group not in (None, "station"):
            raise FieldError("group", f"不能按“{figure.group}”分组。")
        return FigureRecords("organization", within + ORG_FIGURES[what], list(session.scalars(stmt)))


def check(
    store: Store, today: date | None = None, rule_ids: list[str] | None = None, station: str | None = None
) -> list[Finding]:
    """The findings (of some rules; at a district, of one sub-district's records)."""
    with store.read() as session:
        return run_checks(
            session, load_settings(session), today or station_today(), rule_ids, station=station
        )


def register_counts(store: Store, station: str | None = None) -> dict[str, Any]:
    """The cheap counts a status bar shows (no rule checks)."""
    with store.read() as session:
        return _counts(session, station)


def _rule_rows(settings: dict[str, Any], by_rule: dict[str, int]) -> list[dict[str, Any]]:
    """The findings table: each rule with its count, threshold in force and source."""
    return [
        {
            "id": rule.id,
            "title": rule.title,
            "subject": rule.subject,
            "count": by_rule[rule.id],
            "setting": SPECS[rule.setting].label if rule.setting else "",
            "threshold": settings[rule.setting] if rule.setting else None,
            "source": rule.source,
        }
        for rule in RULES
    ]
