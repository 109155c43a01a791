"""The dashboard's figures — counts, the three rates with their scope, the same rates
by community, industry and staff band, the monthly trend and findings per rule —
computed once here for the page, the PDF, the spreadsheet and the CLI alike, with
SQL aggregates. Every figure can also be traced back to its records
(``figure_records``), with the same clauses that counted it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from app.domain.codes import INDUSTRY, PARTY_LEVEL
from app.errors import FieldError
from app.rules.catalog import RULES
from app.rules.engine import Finding, count_findings, run_checks
from app.services.organizations import has_instructor
from app.settings import SPECS, load_settings, scope_description
from app.store import Store
from db.models import Community, Member, Organization, PartyOrg, StatSnapshot

DEFINITIONS = {
    "organization_coverage": "党的组织覆盖率 = 已被党组织覆盖的两新组织数 ÷ 统计范围内的两新组织数",
    "work_coverage": "党的工作覆盖率 = 已被党组织覆盖或已派党建工作指导员的两新组织数 ÷ 统计范围内的两新组织数",
    "independent_rate": "单独组建率 = 单独建立党组织的两新组织数 ÷ 已被党组织覆盖的两新组织数",
}
RATE_TITLES = {
    "organization_coverage": "党的组织覆盖率",
    "work_coverage": "党的工作覆盖率",
    "independent_rate": "单独组建率",
}

# Staff bands whose edges are the rules' default thresholds (30, 50, 100 staff).
STAFF_BANDS: tuple[tuple[str, str, int, int | None], ...] = (
    ("lt10", "10人以下", 0, 9),
    ("10-29", "10–29人", 10, 29),
    ("30-49", "30–49人", 30, 49),
    ("50-99", "50–99人", 50, 99),
    ("100-299", "100–299人", 100, 299),
    ("300+", "300人以上", 300, None),
)
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


@dataclass
class Coverage:
    """The four counts behind the three rates, for the station or one group."""

    key: str = ""
    label: str = ""
    in_scope: int = 0
    covered: int = 0
    work_covered: int = 0
    independent: int = 0

    def add(self, other: Coverage) -> None:
        self.in_scope += other.in_scope
        self.covered += other.covered
        self.work_covered += other.work_covered
        self.independent += other.independent

    def rates(self) -> dict[str, Rate]:
        return {
            "organization_coverage": Rate(self.covered, self.in_scope, DEFINITIONS["organization_coverage"]),
            "work_coverage": Rate(self.work_covered, self.in_scope, DEFINITIONS["work_coverage"]),
            "independent_rate": Rate(self.independent, self.covered, DEFINITIONS["independent_rate"]),
        }

    def as_dict(self) -> dict[str, Any]:
        rates = self.rates()
        return {
            "key": self.key,
            "label": self.label,
            "in_scope": self.in_scope,
            "covered": self.covered,
            "uncovered": self.in_scope - self.covered,
            "work_covered": self.work_covered,
            "independent": self.independent,
            **{name: rate.percent for name, rate in rates.items()},
        }


def scope_filter(settings: dict[str, Any]) -> Any:
    clauses = [Organization.deleted.is_(False), Organization.status == "active"]
    scope = settings["coverage.scope"]
    if scope == "active_enterprise":
        clauses.append(Organization.kind == "enterprise")
    elif scope == "active_social_org":
        clauses.append(Organization.kind == "social_org")
    if settings["coverage.scope_min_employees"]:
        clauses.append(Organization.employees >= settings["coverage.scope_min_employees"])
    return and_(*clauses)


def staff_band() -> Any:
    staff = func.coalesce(Organization.employees, 0)
    return case(
        *((staff <= high, literal(code)) for code, _, _, high in STAFF_BANDS if high is not None),
        else_=literal(STAFF_BANDS[-1][0]),
    )


def _covering() -> tuple[Any, dict[str, Any]]:
    """The covering Party organization (when live) and the conditions each count uses."""
    party = aliased(PartyOrg)
    covered = party.id.is_not(None)
    return party, {
        "covered": covered,
        "work_covered": or_(covered, has_instructor(Organization.id)),
        "independent": party.formation == "independent",
    }


def _coverage_groups(
    session: Session, settings: dict[str, Any]
) -> list[tuple[str | None, str | None, str, Coverage]]:
    """One pass over the organizations in scope, grouped by community, industry and
    staff band; every table of the dashboard is a sum of these few hundred rows."""
    party, when = _covering()
    band = staff_band().label("band")
    counts = [func.coalesce(func.sum(case((cond, 1), else_=0)), 0) for cond in when.values()]
    rows = session.execute(
        select(Organization.community_id, Organization.industry, band, func.count(), *counts)
        .select_from(Organization)
        .outerjoin(party, and_(party.id == Organization.party_org_id, party.deleted.is_(False)))
        .where(scope_filter(settings))
        .group_by(Organization.community_id, Organization.industry, band)
    ).all()
    return [(c, i, b, Coverage("", "", *(int(v) for v in rest))) for c, i, b, *rest in rows]


def _sum_by(
    groups: Iterable[tuple[str | None, str | None, str, Coverage]], index: int, labels: dict[str, str]
) -> list[Coverage]:
    totals: dict[str, Coverage] = {}
    for row in groups:
        key = row[index] or ""
        totals.setdefault(key, Coverage(key, labels.get(key) or "未填")).add(row[3])
    return list(totals.values())


def coverage_rates(session: Session, settings: dict[str, Any]) -> dict[str, Rate]:
    station = Coverage()
    for *_, coverage in _coverage_groups(session, settings):
        station.add(coverage)
    return station.rates()


def _counts(session: Session) -> dict[str, Any]:
    orgs = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((Organization.kind == "enterprise", 1), else_=0)), 0),
            func.coalesce(func.sum(case((Organization.kind == "social_org", 1), else_=0)), 0),
            func.coalesce(func.sum(case((Organization.status == "active", 1), else_=0)), 0),
        ).where(Organization.deleted.is_(False))
    ).one()
    members = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((Member.category == "probationary", 1), else_=0)), 0),
            func.coalesce(func.sum(case((Member.relation == "pocket", 1), else_=0)), 0),
            func.coalesce(func.sum(case((Member.relation == "mobile_out", 1), else_=0)), 0),
            func.coalesce(func.sum(case((Member.relation == "mobile_in", 1), else_=0)), 0),
        ).where(_live_member())
    ).one()
    levels = dict(
        session.execute(
            select(PartyOrg.level, func.count()).where(PartyOrg.deleted.is_(False)).group_by(PartyOrg.level)
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


def _live_member() -> Any:
    return and_(Member.deleted.is_(False), Member.exit_kind.is_(None))


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
    points = [
        Coverage(r.month, r.scope, r.in_scope, r.covered, r.work_covered, r.independent)
        for r in reversed(rows)
    ]
    points.append(
        Coverage(this_month, now.label, now.in_scope, now.covered, now.work_covered, now.independent)
    )
    return [
        {"month": p.key, "scope": p.label, **{k: r.percent for k, r in p.rates().items()}} for p in points
    ]


def station_stats(store: Store, today: date | None = None) -> dict[str, Any]:
    """Everything the dashboard shows. ``liangxin stats --json`` prints exactly this."""
    today = today or date.today()
    with store.read() as session:
        settings = load_settings(session)
        groups = _coverage_groups(session, settings)
        station = Coverage("station", scope_description(settings))
        for *_, coverage in groups:
            station.add(coverage)
        counts = _counts(session)
        by_rule = count_findings(session, settings, today)
        communities = dict(session.execute(select(Community.id, Community.name)).all())
        trend = _trend(session, today, station)
    rates = station.rates()
    by_band = {c.key: c for c in _sum_by(groups, 2, BAND_LABELS)}
    return {
        "station": {"code": store.station.code, "name": store.station.name, "role": store.station.role},
        "date": today.isoformat(),
        "scope": station.label,
        "target_percent": settings["coverage.target_percent"],
        **counts,
        "coverage": {
            "in_scope": station.in_scope,
            "covered": station.covered,
            "work_covered": station.work_covered,
            "independent": station.independent,
        },
        "rates": {key: rate.as_dict() for key, rate in rates.items()},
        "by_community": [c.as_dict() for c in sorted(_sum_by(groups, 0, communities), key=_rate_order)],
        "by_industry": [c.as_dict() for c in sorted(_sum_by(groups, 1, INDUSTRY.labels), key=_rate_order)],
        "by_staff_band": [
            by_band.get(code, Coverage(code, label)).as_dict() for code, label, _, _ in STAFF_BANDS
        ],
        "trend": trend,
        "findings": {
            "total": sum(by_rule.values()),
            "by_rule": {rule.id: by_rule[rule.id] for rule in RULES},
            "rules": _rule_rows(settings, by_rule),
        },
    }


def _rate_order(c: Coverage) -> tuple[float, str]:
    """Lowest organization coverage first: where work is needed."""
    percent = c.rates()["organization_coverage"].percent
    return (101.0 if percent is None else percent, c.label)


def record_snapshot(store: Store, stats: dict[str, Any]) -> None:
    """Keep this month's figures for the trend (the month's last reading wins)."""
    month = stats["date"][:7]
    figures = {**stats["coverage"], "scope": stats["scope"], "recorded_at": datetime.now(UTC)}
    with store.write() as session:
        row = session.get(StatSnapshot, month)
        if row is None:
            session.add(StatSnapshot(month=month, **figures))
        else:
            for key, value in figures.items():
                setattr(row, key, value)


def dashboard(store: Store, today: date | None = None) -> dict[str, Any]:
    """The user action behind 工作台 and its print-out: the figures, recorded for the trend."""
    stats = station_stats(store, today)
    record_snapshot(store, stats)
    return stats


# -- tracing a figure back to its records (数据反查) ----------------------------------------


@dataclass(frozen=True)
class Figure:
    """What a tile or a bar counts: ``what`` among FIGURES, optionally within one
    community, industry or staff band."""

    what: str
    group: str | None = None  # community | industry | staff_band
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
    "independent": "单独建立党组织",
    "not_independent": "已覆盖但未单独组建",
}
MEMBER_FIGURES = {"members": "党员", "pocket": "口袋党员", "mobile": "流动党员"}
# A rate is traced to the records it still lacks: the gap staff must close.
RATE_GAPS = {
    "organization_coverage": "uncovered",
    "work_coverage": "work_uncovered",
    "independent_rate": "not_independent",
}


def _org_figure_clause(what: str, party: Any, when: dict[str, Any]) -> Any:
    clauses = {
        "in_scope": literal(True),
        "covered": when["covered"],
        "uncovered": ~when["covered"],
        "work_covered": when["work_covered"],
        "work_uncovered": ~when["work_covered"],
        "independent": when["independent"],
        "not_independent": and_(
            when["covered"], or_(party.formation.is_(None), party.formation != "independent")
        ),
    }
    return clauses[what]


def figure_records(store: Store, figure: Figure) -> FigureRecords:
    """The records a figure counts, ordered by name, selected with the clauses that counted it."""
    what = RATE_GAPS.get(figure.what, figure.what)
    within = f"{figure.label}：" if figure.label else ""
    if what in MEMBER_FIGURES:
        relation = {"members": None, "pocket": ["pocket"], "mobile": ["mobile_out", "mobile_in"]}[what]
        stmt = select(Member.id).where(_live_member()).order_by(Member.name, Member.id)
        if relation:
            stmt = stmt.where(Member.relation.in_(relation))
        with store.read() as session:
            return FigureRecords("member", within + MEMBER_FIGURES[what], list(session.scalars(stmt)))
    if what not in ORG_FIGURES:
        raise FieldError("figure", f"没有名为“{figure.what}”的统计项。")
    with store.read() as session:
        settings = load_settings(session)
        party, when = _covering()
        stmt = (
            select(Organization.id)
            .outerjoin(party, and_(party.id == Organization.party_org_id, party.deleted.is_(False)))
            .where(scope_filter(settings), _org_figure_clause(what, party, when))
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
        elif figure.group is not None:
            raise FieldError("group", f"不能按“{figure.group}”分组。")
        return FigureRecords("organization", within + ORG_FIGURES[what], list(session.scalars(stmt)))


def check(store: Store, today: date | None = None, rule_ids: list[str] | None = None) -> list[Finding]:
    with store.read() as session:
        return run_checks(session, load_settings(session), today or date.today(), rule_ids)


def register_counts(store: Store) -> dict[str, Any]:
    """The cheap counts a status bar shows (no rule checks)."""
    with store.read() as session:
        return _counts(session)


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
