"""Evaluates every rule in SQL (never by loading rows into Python).

Each rule is one *condition* over shared facts: an organization row joined to its
covering Party organization, or a Party organization row joined to its member
counts. The same condition lists the records behind a rule (``run_checks``) and
counts them inside one aggregate pass per subject (``count_findings`` and the
dashboard), so a count and its list cannot disagree."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Select, and_, case, exists, false, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased, configure_mappers
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from app.domain.codes import FORMATION, PARTY_LEVEL, SOCIAL_SUBTYPE
from app.rules.catalog import BRANCH_LEVELS, RULES, RULES_BY_ID, Rule
from db.models import Activity, InstructorAssignment, Member, Organization, PartyOrg, Visit


@dataclass(frozen=True)
class Finding:
    rule_id: str
    table: str  # organization | party_org
    record_id: str
    record_name: str
    message: str
    source: str
    station: str = ""  # the owner's code: at a district, the sub-district that keeps the record


def live_member(*, hint: bool = False) -> ColumnElement[bool]:
    """A member who counts: not deleted and not left. ``hint``: each term marked as met
    by most members (``likely``), for a statement that reads them all to group them."""
    live = (Member.deleted.is_(False), Member.exit_kind.is_(None))
    return and_(*(likely(term) for term in live)) if hint else and_(*live)


def held_here(*, hint: bool = False) -> ColumnElement[bool]:
    """A live member whose relation is not held elsewhere: a 流入党员 (mobile_in) belongs
    to the Party organization that holds the relation, and is never counted here as well
    (GLOSSARY: "counted apart, never added to the members held here")."""
    return and_(live_member(hint=hint), Member.relation != "mobile_in")


class likely(FunctionElement[bool]):
    """A condition most rows meet, said so to SQLite's planner (``likelihood(x, 0.95)``;
    plain ``x`` elsewhere). Without statistics (a district's database after a merge has
    never been analysed) SQLite takes ``exit_kind IS NULL AND deleted = 0`` for a
    selective equality, reads ix_member_counts and sorts 200,000 members to group them,
    where the covering index on the grouped column needs no sort: the Party-organization
    pass took 121 ms instead of 47 at district size."""

    type = Boolean()
    inherit_cache = True
    name = "likely"
    _is_implicitly_boolean = True


@compiles(likely)
def _likely_default(element: likely, compiler: SQLCompiler, **kw: Any) -> str:
    (condition,) = element.clauses
    return compiler.process(condition, **kw)


@compiles(likely, "sqlite")
def _likely_sqlite(element: likely, compiler: SQLCompiler, **kw: Any) -> str:
    (condition,) = element.clauses
    return f"likelihood({compiler.process(condition, **kw)}, 0.95)"


@dataclass(frozen=True)
class _Shared:
    """The parts of the facts that depend on neither the settings nor the day."""

    party: Any
    instructor: Any
    direct: Any
    below: Any
    full: Any


_SHARED_LOCK = threading.Lock()


def _shared() -> _Shared:
    """Built once per process: SQLAlchemy constructs are immutable, and building the
    aliases and CTEs took a millisecond or two for each of the dashboard's passes. The
    dashboard's passes start on two threads at once: the first builds under a lock (two
    threads building the alias together once made one of them refer to the table, not
    the alias: "no such column: party_org.deleted")."""
    with _SHARED_LOCK:
        return _build_shared()


@functools.cache
def _build_shared() -> _Shared:
    configure_mappers()
    # As a set looked up per row (not a correlated EXISTS): PostgreSQL then hashes
    # the live assignments once instead of probing the index for every organization.
    instructor = Organization.id.in_(
        select(InstructorAssignment.organization_id).where(
            InstructorAssignment.deleted.is_(False), InstructorAssignment.ends_on.is_(None)
        )
    )
    # Members held here (not 流入) and, of them, the 正式党员: the 支委会 rule counts those.
    direct = (
        select(
            Member.party_org_id.label("po_id"),
            func.count().label("n"),
            func.sum(case((Member.category == "full", 1), else_=0)).label("full"),
        )
        .where(held_here(hint=True), Member.party_org_id.is_not(None))
        .group_by(Member.party_org_id)
        .cte("party_members")
        .prefix_with("MATERIALIZED")  # counted once, used by several rules
    )
    # A committee's or general branch's members include those of the branches below
    # it: each live Party organization below another (through live ones), with that
    # one as its root. Seeded with the Party organizations that have a parent, not
    # with every one as its own root: PostgreSQL then expects a few rows, not ten
    # times all of them, and does not compile the statement (JIT) for a cost it
    # does not have.
    child, parent = aliased(PartyOrg), aliased(PartyOrg)
    below = (
        select(child.id.label("id"), child.parent_id.label("root"))
        .join(parent, parent.id == child.parent_id)
        .where(child.deleted.is_(False), child.parent_id.is_not(None), parent.deleted.is_(False))
        .cte("party_below", recursive=True)
    )
    deeper = aliased(PartyOrg)
    below = below.union_all(
        select(deeper.id, below.c.root)
        .join(below, deeper.parent_id == below.c.id)
        .where(deeper.deleted.is_(False))
    )
    below_members = (
        select(below.c.root, func.sum(direct.c.n).label("n"))
        .join(direct, direct.c.po_id == below.c.id)
        .group_by(below.c.root)
        .cte("party_below_members")
    )
    # Employers with enough 正式党员 to judge by: one set, counted once (PostgreSQL would
    # run a correlated count for each of the 30,000 organizations).
    full = (
        select(Member.employer_id.label("org_id"), func.count().label("n"))
        .where(held_here(hint=True), likely(Member.category == "full"), Member.employer_id.is_not(None))
        .group_by(Member.employer_id)
        .cte("employer_full")
    )
    return _Shared(aliased(PartyOrg, name="covering"), instructor, direct, below_members, full)


class Facts:
    """The rows rules are judged on, built once per evaluation.

    Organizations: every active organization with its covering Party organization
    (``party``, when live). Party organizations: every live one with its direct
    member count (``members``) and that of its whole subtree (``subtree``). With
    ``owner`` (at a district: one sub-district's code), only the rows that station
    keeps: its members, activities and instructors hang off its own rows, so what is
    judged is what the station judges at home."""

    def __init__(self, settings: dict[str, Any], today: date, owner: str | None = None) -> None:
        self.settings, self.today, self.owner = settings, today, owner
        shared = _shared()
        self.party = shared.party
        self.covered = self.party.id.is_not(None)
        self.instructor = shared.instructor
        self.staff = func.coalesce(Organization.employees, 0)
        self._direct, self._below = shared.direct, shared.below
        self.members = func.coalesce(self._direct.c.n, 0)
        self.full_members = func.coalesce(self._direct.c.full, 0)
        self.subtree = self.members + func.coalesce(self._below.c.n, 0)
        self._employer_full = shared.full
        self.entity_kinds = entity_kinds(settings)

    def full_at_least(self, n: int, below: int | None = None) -> Any:
        """The organization employs at least ``n`` 正式党员 held here (and fewer than ``below``)."""
        full = self._employer_full
        counted = select(full.c.org_id).where(full.c.n >= n)
        return Organization.id.in_(counted if below is None else counted.where(full.c.n < below))

    def full_count(self) -> Any:
        """How many 正式党员 held here the organization employs (for a finding's sentence)."""
        return self.employer_members(Member.category == "full", Member.relation != "mobile_in")

    def must_have_party_org(self) -> ColumnElement[bool]:
        """应建: what the rules say must have a Party organization — an enterprise of 100
        staff or above scale, an entity social organization of 30 staff (seeds 000, 001),
        an organization with 3 正式党员 (seed 002: "单独组建实现应建尽建。对职工中正式党员3名
        以上的…指导其及时单独建立党组织")."""
        s = self.settings
        return or_(
            and_(
                Organization.kind == "enterprise",
                or_(
                    Organization.employees >= s["rule.enterprise_org.min_employees"],
                    Organization.above_scale.is_(True),
                ),
            ),
            and_(
                Organization.kind == "social_org",
                Organization.subtype.in_(self.entity_kinds),
                Organization.employees >= s["rule.social_org.min_staff"],
            ),
            self.full_at_least(s["rule.independent.min_full_members"]),
        )

    # -- organizations ----------------------------------------------------------------
    def org_rows(self, *columns: Any) -> Select[Any]:
        stmt = (
            select(*columns)
            .select_from(Organization)
            .outerjoin(
                self.party, and_(self.party.id == Organization.party_org_id, self.party.deleted.is_(False))
            )
            .where(Organization.deleted.is_(False), Organization.status == "active")
        )
        return stmt if self.owner is None else stmt.where(Organization.owner == self.owner)

    def employer_members(self, *where: Any) -> Any:
        """How many live members work in the organization (a correlated count)."""
        return (
            select(func.count())
            .where(Member.employer_id == Organization.id, live_member(), *where)
            .correlate(Organization)
            .scalar_subquery()
        )

    # -- Party organizations --------------------------------------------------------
    def party_rows(self, *columns: Any) -> Select[Any]:
        stmt = (
            select(*columns)
            .select_from(PartyOrg)
            .outerjoin(self._direct, self._direct.c.po_id == PartyOrg.id)
            .outerjoin(self._below, self._below.c.root == PartyOrg.id)
            .where(PartyOrg.deleted.is_(False))
        )
        return stmt if self.owner is None else stmt.where(PartyOrg.owner == self.owner)


def entity_kinds(settings: dict[str, Any]) -> tuple[str, ...]:
    """The social-organization kinds counted as 实体性社会组织 (a setting per kind)."""
    return tuple(code for code in SOCIAL_SUBTYPE.labels if settings.get(f"rule.social_org.entity.{code}"))


@dataclass(frozen=True)
class Condition:
    """A rule as SQL: which rows break it, the extra columns its sentence needs, and
    the sentence a clerk reads for each."""

    where: ColumnElement[bool]
    message: Callable[[Any], str]
    columns: tuple[Any, ...] = field(default_factory=tuple)


Checker = Callable[[Facts], Condition]


# -- organization rules ---------------------------------------------------------------


def enterprise_members(f: Facts) -> Condition:
    t = f.settings["rule.enterprise_members.min_employees"]
    return Condition(
        and_(
            Organization.kind == "enterprise",
            Organization.employees >= t,
            ~exists().where(Member.employer_id == Organization.id, live_member()),
        ),
        lambda r: f"职工 {r.employees} 人（{t} 人以上），但没有登记党员。",
    )


def enterprise_party_org(f: Facts) -> Condition:
    t = f.settings["rule.enterprise_org.min_employees"]

    def message(r: Any) -> str:
        why = f"职工 {r.employees} 人（{t} 人以上）" if (r.employees or 0) >= t else "属规模以上企业"
        return f"{why}，尚未建立党组织。"

    return Condition(
        and_(
            Organization.kind == "enterprise",
            or_(Organization.employees >= t, Organization.above_scale.is_(True)),
            ~f.covered,
        ),
        message,
    )


def social_org_party_org(f: Facts) -> Condition:
    t = f.settings["rule.social_org.min_staff"]
    return Condition(
        and_(
            Organization.kind == "social_org",
            Organization.subtype.in_(f.entity_kinds),
            Organization.employees >= t,
            ~f.covered,
        ),
        lambda r: f"实体性社会组织，从业人员 {r.employees} 人（{t} 人以上），尚未建立党组织。",
    )


def independent_formation(f: Facts) -> Condition:
    """Judged on how the organization itself is covered: a joint or attached cover, or
    none, is not its own Party organization."""
    t = f.settings["rule.independent.min_full_members"]

    def message(r: Any) -> str:
        now = f"现为{FORMATION.label(r.formation)}" if r.formation else "现未建立党组织"
        return f"有正式党员 {r.full_n} 名（{t} 名以上），应单独建立党组织，{now}。"

    own = and_(f.covered, Organization.formation == "independent")
    return Condition(
        and_(~own, f.full_at_least(t)),
        message,
        (f.full_count().label("full_n"), case((f.covered, Organization.formation)).label("formation")),
    )


def few_members_joint(f: Facts) -> Condition:
    """An uncovered organization with 1 or 2 正式党员: too few for its own, enough to
    join a joint one or attach to one (seed 002)."""
    t = f.settings["rule.independent.min_full_members"]
    return Condition(
        and_(~f.covered, f.full_at_least(1, below=t)),
        lambda r: f"有正式党员 {r.full_n} 名（不足 {t} 名），尚未建立或加入党组织，应开展联合建、挂靠建。",
        (f.full_count().label("full_n"),),
    )


def instructor_needed(f: Facts) -> Condition:
    t = f.settings["rule.instructor.min_employees"]
    return Condition(
        and_(~f.covered, f.staff >= t, ~f.instructor),
        lambda r: "尚未建立党组织，也没有派驻党建工作指导员。",
    )


MASS_ORGS = (
    ("工会", "rule.mass_org.union_min_employees", Organization.has_union),
    ("共青团", "rule.mass_org.youth_league_min_employees", Organization.has_youth_league),
    ("妇联", "rule.mass_org.women_federation_min_employees", Organization.has_women_federation),
)


def _mass_orgs(f: Facts, covered: bool) -> Condition:
    """The 群团组织 an organization of its size must have (a staff threshold per kind) and
    does not: covered ones at once, uncovered ones first (seed 001)."""
    needed = [(label, f.settings[key], column) for label, key, column in MASS_ORGS]
    missing_any = or_(*(and_(f.staff >= t, column.is_(False)) for _, t, column in needed))

    def message(r: Any) -> str:
        have = {"工会": r.has_union, "共青团": r.has_youth_league, "妇联": r.has_women_federation}
        missing = [label for label, t, _ in needed if (r.employees or 0) >= t and not have[label]]
        if covered:
            return f"已建立党组织，但尚未建立{'、'.join(missing)}组织。"
        return f"尚未建立党组织，职工 {r.employees} 人，应先行建立{'、'.join(missing)}组织。"

    scope = (
        f.covered if covered else and_(~f.covered, f.staff >= f.settings["rule.mass_org_first.min_employees"])
    )
    return Condition(
        and_(scope, missing_any),
        message,
        (Organization.has_union, Organization.has_youth_league, Organization.has_women_federation),
    )


def mass_organizations(f: Facts) -> Condition:
    return _mass_orgs(f, covered=True)


def mass_organizations_first(f: Facts) -> Condition:
    return _mass_orgs(f, covered=False)


# -- Party organization rules ---------------------------------------------------------


def joint_max_orgs(f: Facts) -> Condition:
    t = f.settings["rule.joint.max_orgs"]
    covers = (
        select(func.count())
        .where(Organization.party_org_id == PartyOrg.id, Organization.deleted.is_(False))
        .correlate(PartyOrg)
        .scalar_subquery()
    )

    def message(r: Any) -> str:
        note = "（已记录超出理由）" if r.coverage_override else ""
        return f"联合党组织覆盖 {r.n} 个单位，超过 {t} 个{note}，应适时拆分或推动单独组建。"

    return Condition(
        and_(PartyOrg.formation == "joint", covers > t),
        message,
        (covers.label("n"), PartyOrg.coverage_override),
    )


def branch_upgrade(f: Facts) -> Condition:
    """Seed 000: "推动党员50名以上的党支部及时升格" — 以上 includes the number."""
    t = f.settings["rule.branch_upgrade.min_members"]
    return Condition(
        and_(PartyOrg.level.in_(BRANCH_LEVELS), f.members >= t),
        lambda r: f"{PARTY_LEVEL.label(r.level)}有党员 {r.n} 名（{t} 名以上），应升格为党总支或党委。",
        (f.members.label("n"),),
    )


def empty_shell(f: Facts) -> Condition:
    return Condition(
        f.subtree <= f.settings["rule.empty_shell.max_members"],
        lambda r: f"{PARTY_LEVEL.label(r.level)}登记党员 {r.n} 名，是“空壳”党组织，应充实党员或撤并。",
        (f.subtree.label("n"),),
    )


def previous_month(today: date) -> tuple[date, date, str]:
    end = today.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end, f"{end.year}年{end.month}月"


def previous_quarter(today: date) -> tuple[date, date, str]:
    q = (today.month - 1) // 3  # current quarter index 0..3
    year, q = (today.year, q - 1) if q else (today.year - 1, 3)
    start = date(year, q * 3 + 1, 1)
    end = (date(year + 1, 1, 1) if q == 3 else date(year, q * 3 + 4, 1)) - timedelta(days=1)
    return start, end, f"{year}年第{q + 1}季度"


def _activity_rule(
    kind: str,
    label: str,
    period: Callable[[date], tuple[date, date, str]],
    times_setting: str | None = None,
    members_setting: str | None = None,
) -> Checker:
    """Party organizations that held fewer than the required number of ``kind`` in
    the last full period (optionally only those with enough members to hold it)."""

    def check(f: Facts) -> Condition:
        start, end, text = period(f.today)
        times = f.settings[times_setting] if times_setting else 1
        in_period = (Activity.deleted.is_(False), Activity.kind == kind, Activity.held_on.between(start, end))
        judged = and_(
            PartyOrg.level.in_(BRANCH_LEVELS),
            or_(PartyOrg.established_on.is_(None), PartyOrg.established_on <= start),
        )
        if members_setting:  # only a branch with a committee: 7 正式党员 (党支部工作条例)
            judged = and_(judged, f.full_members >= f.settings[members_setting])
        if times == 1:
            # The usual case: who held one is read once from ix_activity_period, as a set
            # (PostgreSQL hashes it), rather than probed for each Party organization.
            held_any = select(Activity.party_org_id).where(*in_period)
            return Condition(and_(judged, PartyOrg.id.not_in(held_any)), lambda r: f"{text}没有{label}记录。")
        held = (
            select(func.count())
            .where(Activity.party_org_id == PartyOrg.id, *in_period)
            .correlate(PartyOrg)
            .scalar_subquery()
        )
        return Condition(
            and_(judged, held < times),
            lambda r: f"{text}{label}记录 {r.held} 次，少于要求的 {times} 次。",
            (held.label("held"),),
        )

    return check


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def months_after(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError(day)


TERM_SETTINGS = {
    "committee": "party_org.term_years",
    "general_branch": "party_org.term_years.general_branch",
    "branch": "party_org.term_years.branch",
    "joint_branch": "party_org.term_years.branch",
}


def _term_ends_before(f: Facts, day: date) -> ColumnElement[bool]:
    """The term ends before ``day``: its recorded end, or (none recorded) its start plus
    the term length of the Party organization's level."""
    by_start = or_(
        *(
            and_(PartyOrg.level == level, PartyOrg.term_start < years_before(day, f.settings[key]))
            for level, key in TERM_SETTINGS.items()
        )
    )
    return or_(
        and_(PartyOrg.term_end.is_not(None), PartyOrg.term_end < day),
        and_(PartyOrg.term_end.is_(None), PartyOrg.term_start.is_not(None), by_start),
    )


def _term_end(f: Facts, r: Any) -> date:
    return r.term_end or months_after(
        r.term_start, 12 * f.settings[TERM_SETTINGS.get(r.level, "party_org.term_years.branch")]
    )


def term_expired(f: Facts) -> Condition:
    """Expired: the term ended on or before today (a term that ends today is due today)."""

    def message(r: Any) -> str:
        if r.term_end:
            return f"本届任期已于 {r.term_end:%Y年%m月%d日} 届满，应按期换届。"
        years = f.settings[TERM_SETTINGS.get(r.level, "party_org.term_years.branch")]
        return f"本届任期自 {r.term_start:%Y年%m月%d日} 起已满 {years} 年，应按期换届。"

    return Condition(
        _term_ends_before(f, f.today + timedelta(days=1)),
        message,
        (PartyOrg.term_start, PartyOrg.term_end),
    )


def term_ending(f: Facts) -> Condition:
    """A reminder: the term ends within the next months the setting says."""
    months = f.settings["party_org.term_reminder_months"]
    if not months:
        return Condition(false(), lambda r: "")
    horizon = months_after(f.today, months)

    def message(r: Any) -> str:
        return f"本届任期将于 {_term_end(f, r):%Y年%m月%d日} 届满（{months} 个月内），请提前做好换届准备。"

    return Condition(
        and_(~_term_ends_before(f, f.today + timedelta(days=1)), _term_ends_before(f, horizon)),
        message,
        (PartyOrg.term_start, PartyOrg.term_end),
    )


def term_missing(f: Facts) -> Condition:
    return Condition(
        and_(PartyOrg.term_start.is_(None), PartyOrg.term_end.is_(None)),
        lambda r: "没有登记本届任期的开始和届满日期，无法提醒换届；请补录任期。",
    )


def visit_overdue(f: Facts) -> Condition:
    """An organization an instructor has guided for the last N months (setting) with no
    visit recorded in them (seed 003: "按照“四必访”的要求，积极作为、靠前服务")."""
    months = f.settings["rule.visit.max_months"]
    since = months_after(f.today, -months)
    assigned = select(InstructorAssignment.organization_id).where(
        InstructorAssignment.deleted.is_(False),
        InstructorAssignment.ends_on.is_(None),
        or_(InstructorAssignment.starts_on.is_(None), InstructorAssignment.starts_on <= since),
    )
    visited = select(Visit.organization_id).where(Visit.deleted.is_(False), Visit.visited_on > since)
    last = (
        select(func.max(Visit.visited_on))
        .where(Visit.organization_id == Organization.id, Visit.deleted.is_(False))
        .correlate(Organization)
        .scalar_subquery()
    )

    def message(r: Any) -> str:
        before = f"上次走访在 {r.last_visit:%Y年%m月%d日}" if r.last_visit else "从未登记走访"
        return f"有党建工作指导员联系，但近 {months} 个月没有走访记录（{before}），应按“四必访”要求上门走访。"

    return Condition(
        and_(Organization.id.in_(assigned), Organization.id.not_in(visited)),
        message,
        (last.label("last_visit"),),
    )


CHECKERS: dict[str, Checker] = {
    "enterprise_members": enterprise_members,
    "enterprise_party_org": enterprise_party_org,
    "social_org_party_org": social_org_party_org,
    "independent_formation": independent_formation,
    "few_members_joint": few_members_joint,
    "joint_max_orgs": joint_max_orgs,
    "branch_upgrade": branch_upgrade,
    "empty_shell": empty_shell,
    "instructor_needed": instructor_needed,
    "mass_organizations": mass_organizations,
    "mass_organizations_first": mass_organizations_first,
    "theme_day_monthly": _activity_rule(
        "theme_day", "主题党日活动", previous_month, "rule.theme_day.min_per_month"
    ),
    # 支委会 only where a branch committee exists: 7 or more 正式党员 (党支部工作条例).
    "committee_meeting_monthly": _activity_rule(
        "committee_meeting", "支委会", previous_month, members_setting="rule.committee_meeting.min_members"
    ),
    "lecture_quarterly": _activity_rule("lecture", "党课", previous_quarter, "rule.lecture.min_per_quarter"),
    "visit_overdue": visit_overdue,
    "term_expired": term_expired,
    "term_ending": term_ending,
    "term_missing": term_missing,
}
assert set(CHECKERS) == set(RULES_BY_ID)


def conditions(facts: Facts, subject: str | None = None) -> dict[str, Condition]:
    """Each rule's condition (of one subject), in catalogue order."""
    return {rule.id: CHECKERS[rule.id](facts) for rule in RULES if subject is None or rule.subject == subject}


def listing(facts: Facts, rule: Rule, condition: Condition) -> Select[Any]:
    """The records breaking a rule: id and name first, then what the sentence needs."""
    if rule.subject == "organization":
        base = facts.org_rows(
            Organization.id, Organization.name, Organization.owner.label("owner"), Organization.employees
        )
        order = Organization.name
    else:
        base = facts.party_rows(PartyOrg.id, PartyOrg.name, PartyOrg.owner.label("owner"), PartyOrg.level)
        order = PartyOrg.name
    return base.add_columns(*condition.columns).where(condition.where).order_by(order)


def flag(condition: ColumnElement[bool]) -> Any:
    """1 when a row meets the condition, else 0: summed, it counts."""
    return case((condition, 1), else_=0)


def run_checks(
    session: Session,
    settings: dict[str, Any],
    today: date,
    rule_ids: list[str] | None = None,
    *,
    record: tuple[str, str] | None = None,
    station: str | None = None,
) -> list[Finding]:
    """All findings, or those of some rules, or those of one record ``(table, id)``;
    at a district, optionally those of one sub-district (``station``, its code)."""
    facts = Facts(settings, today, station)
    findings: list[Finding] = []
    for rule_id, condition in conditions(facts, record[0] if record else None).items():
        if rule_ids is not None and rule_id not in rule_ids:
            continue
        rule = RULES_BY_ID[rule_id]
        stmt = listing(facts, rule, condition)
        if record is not None:  # the findings of one record (the detail panel)
            stmt = stmt.where(stmt.selected_columns[0] == record[1])
        findings += [
            Finding(rule.id, rule.subject, r.id, r.name, condition.message(r), rule.source, r.owner)
            for r in session.execute(stmt)
        ]
    return findings


def _count_subject(session: Session, facts: Facts, subject: str) -> dict[str, int]:
    """Findings per rule of one subject, in one pass over its rows."""
    found = conditions(facts, subject)
    rows = facts.org_rows if subject == "organization" else facts.party_rows
    row = session.execute(rows(*(func.coalesce(func.sum(flag(c.where)), 0) for c in found.values()))).one()
    return {rule_id: int(n) for rule_id, n in zip(found, row, strict=True)}


def count_org_findings(session: Session, facts: Facts) -> dict[str, int]:
    return _count_subject(session, facts, "organization")


def count_party_findings(session: Session, facts: Facts) -> dict[str, int]:
    return _count_subject(session, facts, "party_org")


def count_findings(session: Session, settings: dict[str, Any], today: date) -> dict[str, int]:
    """How many records break each rule, counted in SQL."""
    facts = Facts(settings, today)
    counts = {**count_org_findings(session, facts), **count_party_findings(session, facts)}
    return {rule.id: counts[rule.id] for rule in RULES}
