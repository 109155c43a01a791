"""What is due: for each Party organization and each month, whether its 主题党日, 支委会
and (each quarter) 党课 was held, is still due, was missed, or does not apply to it.

One source of truth: a cell is judged by the rule's own condition (``app.rules.engine``
CHECKERS), evaluated as the rule would be on the first day after the period — the
day its finding would appear. So "missed" here is exactly a finding there, with the
same thresholds, the same 7-正式党员 size for a 支委会, the same branches-only scope and
the same founding date; a branch the rule does not judge shows 不适用, not missed.
Member counts are today's, as the findings' are."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Integer, Select, cast, distinct, extract, func, literal, select

from app.domain.codes import PARTY_LEVEL
from app.domain.station_time import station_today
from app.rules.catalog import RULES_BY_ID
from app.rules.engine import CHECKERS, Facts, flag
from app.settings import load_settings
from app.store import Store
from db.models import Activity, Community, PartyOrg

HELD, DUE, MISSED, NA, FUTURE = "held", "due", "missed", "na", "future"
STATUS_LABELS = {HELD: "已开展", DUE: "待开展", MISSED: "未开展", NA: "不适用", FUTURE: ""}
# The rules that read the activity table: (rule, activity kind, label, months per period).
LIFE_RULES = (
    ("theme_day_monthly", "theme_day", "主题党日", 1),
    ("committee_meeting_monthly", "committee_meeting", "支委会", 1),
    ("lecture_quarterly", "lecture", "党课", 3),
)
RULE_LABELS = {rule: label for rule, _, label, _ in LIFE_RULES}
WORST = (MISSED, DUE, HELD, NA, FUTURE)  # what a month's combined cell shows first


@dataclass(frozen=True)
class Period:
    rule_id: str
    kind: str
    start: date
    end: date

    @property
    def month(self) -> int:
        """The month whose cell shows it: a quarter's last month for the 党课."""
        return self.end.month


def _month_end(year: int, month: int) -> date:
    return (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)


def periods(year: int, months: tuple[int, ...] = tuple(range(1, 13))) -> list[Period]:
    found = []
    for rule_id, kind, _, length in LIFE_RULES:
        for month in months:
            if month % length:
                continue  # a quarter is judged in its last month
            start = date(year, month - length + 1, 1)
            found.append(Period(rule_id, kind, start, _month_end(year, month)))
    return found


@functools.lru_cache(maxsize=16)
def _statement(
    settings: tuple[tuple[str, Any], ...],
    today: date,
    wanted: tuple[Period, ...],
    ids: tuple[str, ...] | None,
) -> Select[Any]:
    """The grid's statement, built once per settings, day and periods (the page shows the
    same grid again after every event recorded; building the rules' conditions for 28
    periods costs more than running them): every Party organization with, per period,
    the rule's own condition as on the day after the period (1 where its finding would
    stand), then per kind the months it held one, as a bitmask read from
    ix_activity_party_kind_day."""
    values = dict(settings)
    base = Facts(values, today)
    columns = [
        flag(CHECKERS[p.rule_id](Facts(values, p.end + timedelta(days=1))).where).label(f"c{i}")
        for i, p in enumerate(wanted)
    ]
    first = min((p.start for p in wanted), default=today)
    last = max((p.end for p in wanted), default=today)
    month_bit = literal(1).op("<<")(cast(extract("month", Activity.held_on), Integer))
    held = [
        select(func.sum(distinct(month_bit)))
        .where(
            Activity.party_org_id == PartyOrg.id,
            Activity.kind == kind,
            Activity.held_on.between(first, last),
            Activity.deleted.is_(False),
        )
        .correlate(PartyOrg)
        .scalar_subquery()
        .label(f"h_{kind}")
        for kind in _kinds(wanted)
    ]
    # Unordered: 7,468 rows of 30 columns sort faster in Python, by the pinyin read last.
    grid = base.party_rows(
        PartyOrg.id,
        PartyOrg.name,
        PartyOrg.level,
        Community.name.label("community"),
        *columns,
        *held,
        PartyOrg.name_pinyin,
    ).outerjoin(Community, Community.id == PartyOrg.community_id)
    return grid if ids is None else grid.where(PartyOrg.id.in_(ids))


def _kinds(wanted: tuple[Period, ...]) -> list[str]:
    return sorted({p.kind for p in wanted})


def _bits(period: Period) -> int:
    """The months of a period as the bits of the held masks."""
    return sum(1 << m for m in range(period.start.month, period.end.month + 1))


@dataclass(frozen=True)
class GridRow:
    id: str
    name: str
    level: str
    community: str
    # month (1–12) -> rule id -> status; a quarter's 党课 sits in its last month
    cells: dict[int, dict[str, str]]
    first_future: int = 13  # the first month not yet begun (its quarter's 党课 may be due)

    def month_status(self, month: int, rule_id: str | None = None) -> str:
        """One rule's status in a month, or (no rule) the worst of them."""
        found = self.cells.get(month, {})
        if rule_id is not None:
            return found.get(rule_id, FUTURE if not found else NA)
        if month >= self.first_future:
            return FUTURE
        present = set(found.values())
        return next((s for s in WORST if s in present), FUTURE)


@dataclass(frozen=True)
class Grid:
    year: int
    today: date
    rows: list[GridRow]

    def count(self, status: str, rule_id: str | None = None, month: int | None = None) -> int:
        return sum(
            1
            for row in self.rows
            for m, cells in row.cells.items()
            if month is None or m == month
            for r, s in cells.items()
            if s == status and (rule_id is None or r == rule_id)
        )


def compliance_grid(
    store: Store,
    year: int,
    today: date | None = None,
    *,
    party_org_ids: list[str] | None = None,
    months: tuple[int, ...] = tuple(range(1, 13)),
) -> Grid:
    """The user action 开展情况: Party organizations × months of ``year``."""
    today = today or station_today()
    with store.read() as session:
        settings = load_settings(session)
        live = tuple(p for p in periods(year, months) if p.start <= today)
        ids = tuple(party_org_ids) if party_org_ids is not None else None
        # Core rows: 7,468 of them at district size, plain tuples are what the loop needs.
        rows = (
            session.connection().execute(_statement(tuple(sorted(settings.items())), today, live, ids)).all()
        )
    # 7,468 Party organizations × 28 periods at district size: the loop is kept plain.
    kinds = _kinds(live)
    held_at = 4 + len(live)
    spec = [
        (4 + i, p.month, p.rule_id, held_at + kinds.index(p.kind), _bits(p), MISSED if p.end < today else DUE)
        for i, p in enumerate(live)
    ]
    future = 13 if year < today.year else 1 if year > today.year else today.month + 1
    out = []
    rows.sort(key=lambda r: (r[-1] or "", r[0]))
    for r in rows:
        cells: dict[int, dict[str, str]] = {}
        for column, month, rule_id, mask, bits, breaking in spec:
            status = breaking if r[column] else HELD if (r[mask] or 0) & bits else NA
            cell = cells.get(month)
            if cell is None:
                cells[month] = cell = {}
            cell[rule_id] = status
        out.append(GridRow(r[0], r[1], PARTY_LEVEL.label(r[2]), r[3] or "", cells, future))
    return Grid(year, today, out)


@dataclass(frozen=True)
class Outstanding:
    """工作台's line on organizational life: what is still due this month (this
    quarter for the 党课) and what last month left undone, per rule."""

    month: str
    due: dict[str, int]  # rule id -> Party organizations that have not held it yet
    missed: dict[str, int]  # rule id -> Party organizations that missed it last period


def outstanding(store: Store, today: date | None = None) -> Outstanding:
    today = today or station_today()
    this_quarter_end = ((today.month - 1) // 3 + 1) * 3
    current = compliance_grid(store, today.year, today, months=tuple(sorted({today.month, this_quarter_end})))
    due = {rule: current.count(DUE, rule) for rule, *_ in LIFE_RULES}
    last = today.replace(day=1) - timedelta(days=1)
    previous = compliance_grid(store, last.year, today, months=(last.month,))
    quarter_end = date(today.year, ((today.month - 1) // 3) * 3 + 1, 1) - timedelta(days=1)
    earlier = compliance_grid(store, quarter_end.year, today, months=(quarter_end.month,))
    missed = {
        rule: (earlier if length == 3 else previous).count(MISSED, rule) for rule, _, _, length in LIFE_RULES
    }
    return Outstanding(f"{today.year}年{today.month}月", due, missed)


def rule_source(rule_id: str) -> str:
    return RULES_BY_ID[rule_id].source


@dataclass(frozen=True)
class CalendarEvent:
    id: str
    held_on: date
    kind: str
    topic: str


def branch_events(store: Store, party_org_id: str, year: int) -> list[CalendarEvent]:
    """A Party organization's events of a year, for its calendar."""
    from app.domain.codes import ACTIVITY_KIND

    with store.read() as session:
        rows = session.execute(
            select(Activity.id, Activity.held_on, Activity.kind, Activity.topic)
            .where(
                Activity.party_org_id == party_org_id,
                Activity.deleted.is_(False),
                Activity.held_on.between(date(year, 1, 1), date(year, 12, 31)),
            )
            .order_by(Activity.held_on)
        ).all()
    return [CalendarEvent(r[0], r[1], ACTIVITY_KIND.label(r[2]), r[3] or "") for r in rows]


@dataclass(frozen=True)
class LifeDue:
    """工作台's line: organizational life due and missed, organizations not visited in
    time (rule visit_overdue) and instructors "挂名不管事"."""

    life: Outstanding
    unvisited: int
    idle: int


def life_due(store: Store, today: date | None = None) -> LifeDue:
    from app.rules.engine import run_checks
    from app.services.visits import idle_instructors

    today = today or station_today()
    with store.read() as session:
        unvisited = len(run_checks(session, load_settings(session), today, ["visit_overdue"]))
    return LifeDue(outstanding(store, today), unvisited, len(idle_instructors(store, today)))
