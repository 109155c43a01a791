"""Evaluates every rule with SQL aggregates (never by loading rows into Python)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.domain.codes import ENTITY_SOCIAL_SUBTYPES, FORMATION, PARTY_LEVEL
from app.rules.catalog import RULES, RULES_BY_ID, Rule
from app.services.organizations import has_instructor
from db.models import Activity, Member, Organization, PartyOrg


@dataclass(frozen=True)
class Finding:
    rule_id: str
    table: str  # organization | party_org
    record_id: str
    record_name: str
    message: str
    source: str


Context = dict[str, Any]
Checker = Callable[[Session, Rule, Context], "Check"]


def _live_member() -> Any:
    return and_(Member.deleted.is_(False), Member.exit_kind.is_(None))


def _members_by_employer() -> Any:
    return (
        select(
            Member.employer_id.label("org_id"),
            func.count().label("n"),
            func.sum(case((Member.category == "full", 1), else_=0)).label("full_n"),
        )
        .where(_live_member(), Member.employer_id.is_not(None))
        .group_by(Member.employer_id)
        .subquery()
    )


def _members_by_party_org() -> Any:
    return (
        select(Member.party_org_id.label("po_id"), func.count().label("n"))
        .where(_live_member(), Member.party_org_id.is_not(None))
        .group_by(Member.party_org_id)
        .subquery()
    )


def _org_base() -> tuple[Select[Any], Any]:
    """Active organizations with their covering Party organization (if live)."""
    party = aliased(PartyOrg)
    stmt = (
        select(Organization.id, Organization.name, Organization.employees)
        .outerjoin(party, and_(party.id == Organization.party_org_id, party.deleted.is_(False)))
        .where(Organization.deleted.is_(False), Organization.status == "active")
    )
    return stmt, party


@dataclass(frozen=True)
class Check:
    """A rule as SQL: the statement selecting the records that break it (id and name
    first), and the sentence a clerk reads for each."""

    rule: Rule
    stmt: Select[Any]
    message: Callable[[Any], str]


def _check(rule: Rule, stmt: Select[Any], message: Callable[[Any], str]) -> Check:
    return Check(rule, stmt, message)


def enterprise_members(session: Session, rule: Rule, ctx: Context) -> Check:
    t = ctx["rule.enterprise_members.min_employees"]
    stmt, _ = _org_base()
    stmt = stmt.where(
        Organization.kind == "enterprise",
        Organization.employees >= t,
        ~exists().where(Member.employer_id == Organization.id, _live_member()),
    )
    return _check(rule, stmt, lambda r: f"职工 {r.employees} 人（{t} 人以上），但没有登记党员。")


def enterprise_party_org(session: Session, rule: Rule, ctx: Context) -> Check:
    t = ctx["rule.enterprise_org.min_employees"]
    stmt, party = _org_base()
    stmt = stmt.add_columns(Organization.above_scale).where(
        Organization.kind == "enterprise",
        or_(Organization.employees >= t, Organization.above_scale.is_(True)),
        party.id.is_(None),
    )

    def message(r: Any) -> str:
        why = f"职工 {r.employees} 人（{t} 人以上）" if r.employees >= t else "属规模以上企业"
        return f"{why}，尚未建立党组织。"

    return _check(rule, stmt, message)


def social_org_party_org(session: Session, rule: Rule, ctx: Context) -> Check:
    t = ctx["rule.social_org.min_staff"]
    stmt, party = _org_base()
    stmt = stmt.where(
        Organization.kind == "social_org",
        Organization.subtype.in_(ENTITY_SOCIAL_SUBTYPES),
        Organization.employees >= t,
        party.id.is_(None),
    )
    return _check(
        rule,
        stmt,
        lambda r: f"实体性社会组织，从业人员 {r.employees} 人（{t} 人以上），尚未建立党组织。",
    )


def independent_formation(session: Session, rule: Rule, ctx: Context) -> Check:
    t = ctx["rule.independent.min_full_members"]
    counts = _members_by_employer()
    stmt, party = _org_base()
    stmt = (
        stmt.add_columns(counts.c.full_n, party.formation)
        .join(counts, counts.c.org_id == Organization.id)
        .where(counts.c.full_n >= t, or_(party.id.is_(None), party.formation != "independent"))
    )

    def message(r: Any) -> str:
        now = f"现为{FORMATION.label(r.formation)}" if r.formation else "现未建立党组织"
        return f"有正式党员 {r.full_n} 名（{t} 名以上），应单独建立党组织，{now}。"

    return _check(rule, stmt, message)


def _party_base() -> Select[Any]:
    return select(PartyOrg.id, PartyOrg.name, PartyOrg.level).where(PartyOrg.deleted.is_(False))


def joint_max_orgs(session: Session, rule: Rule, ctx: Context) -> Check:
    t = ctx["rule.joint.max_orgs"]
    covered = (
        select(Organization.party_org_id.label("po_id"), func.count().label("n"))
        .where(Organization.deleted.is_(False), Organization.party_org_id.is_not(None))
        .group_by(Organization.party_org_id)
        .subquery()
    )
    stmt = (
        _party_base()
        .add_columns(covered.c.n, PartyOrg.coverage_override)
        .join(covered, covered.c.po_id == PartyOrg.id)
        .where(PartyOrg.formation == "joint", covered.c.n > t)
    )

    def message(r: Any) -> str:
        note = "（已记录超出理由）" if r.coverage_override else ""
        return f"联合党组织覆盖 {r.n} 个单位，超过 {t} 个{note}，应适时拆分或推动单独组建。"

    return _check(rule, stmt, message)


def branch_upgrade(session: Session, rule: Rule, ctx: Context) -> Check:
    t = ctx["rule.branch_upgrade.max_members"]
    counts = _members_by_party_org()
    stmt = (
        _party_base()
        .add_columns(counts.c.n)
        .join(counts, counts.c.po_id == PartyOrg.id)
        .where(PartyOrg.level.in_(("branch", "joint_branch")), counts.c.n > t)
    )
    return _check(
        rule,
        stmt,
        lambda r: f"{PARTY_LEVEL.label(r.level)}有党员 {r.n} 名（超过 {t} 名），应升格为党总支或党委。",
    )


def empty_shell(session: Session, rule: Rule, ctx: Context) -> Check:
    t = ctx["rule.empty_shell.max_members"]
    # Members of a committee or general branch include those of the branches below it.
    tree = (
        select(PartyOrg.id.label("id"), PartyOrg.id.label("root"))
        .where(PartyOrg.deleted.is_(False))
        .cte(recursive=True)
    )
    child = aliased(PartyOrg)
    tree = tree.union_all(
        select(child.id, tree.c.root).join(tree, child.parent_id == tree.c.id).where(child.deleted.is_(False))
    )
    counts = _members_by_party_org()
    totals = (
        select(tree.c.root, func.coalesce(func.sum(counts.c.n), 0).label("n"))
        .outerjoin(counts, counts.c.po_id == tree.c.id)
        .group_by(tree.c.root)
        .subquery()
    )
    stmt = (
        _party_base()
        .add_columns(totals.c.n)
        .join(totals, totals.c.root == PartyOrg.id)
        .where(totals.c.n <= t)
    )
    return _check(
        rule,
        stmt,
        lambda r: f"{PARTY_LEVEL.label(r.level)}登记党员 {r.n} 名，是“空壳”党组织，应充实党员或撤并。",
    )


def instructor_needed(session: Session, rule: Rule, ctx: Context) -> Check:
    stmt, party = _org_base()
    stmt = stmt.where(party.id.is_(None), ~has_instructor(Organization.id))
    if t := ctx["rule.instructor.min_employees"]:
        stmt = stmt.where(Organization.employees >= t)
    return _check(rule, stmt, lambda r: "尚未建立党组织，也没有派驻党建工作指导员。")


def mass_organizations(session: Session, rule: Rule, ctx: Context) -> Check:
    stmt, party = _org_base()
    stmt = stmt.add_columns(
        Organization.has_union, Organization.has_youth_league, Organization.has_women_federation
    ).where(
        party.id.is_not(None),
        Organization.employees >= ctx["rule.mass_org.min_employees"],
        or_(
            Organization.has_union.is_(False),
            Organization.has_youth_league.is_(False),
            Organization.has_women_federation.is_(False),
        ),
    )

    def message(r: Any) -> str:
        missing = [
            label
            for label, have in (
                ("工会", r.has_union),
                ("共青团", r.has_youth_league),
                ("妇联", r.has_women_federation),
            )
            if not have
        ]
        return f"已建立党组织，但尚未建立{'、'.join(missing)}组织。"

    return _check(rule, stmt, message)


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
):
    """Party organizations that held fewer than the required number of ``kind``
    in the last full period (optionally only those with enough members)."""

    def check(session: Session, rule: Rule, ctx: Context) -> Check:
        start, end, text = period(ctx["today"])
        times = ctx[times_setting] if times_setting else 1
        held = (
            select(func.count())
            .where(
                Activity.party_org_id == PartyOrg.id,
                Activity.deleted.is_(False),
                Activity.kind == kind,
                Activity.held_on.between(start, end),
            )
            .correlate(PartyOrg)
            .scalar_subquery()
        )
        stmt = _party_base().where(or_(PartyOrg.established_on.is_(None), PartyOrg.established_on <= start))
        if times == 1:  # the common case stays an EXISTS, which stops at the first row
            stmt = stmt.where(
                ~exists().where(
                    Activity.party_org_id == PartyOrg.id,
                    Activity.deleted.is_(False),
                    Activity.kind == kind,
                    Activity.held_on.between(start, end),
                )
            )
        else:
            stmt = stmt.add_columns(held.label("held")).where(held < times)
        if members_setting:
            counts = _members_by_party_org()
            stmt = stmt.join(counts, counts.c.po_id == PartyOrg.id).where(counts.c.n >= ctx[members_setting])

        def message(r: Any) -> str:
            if times == 1:
                return f"{text}没有{label}记录。"
            return f"{text}{label}记录 {r.held} 次，少于要求的 {times} 次。"

        return _check(rule, stmt, message)

    return check


def term_expired(session: Session, rule: Rule, ctx: Context) -> Check:
    today: date = ctx["today"]
    years = ctx["party_org.term_years"]
    try:
        cutoff = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        cutoff = today.replace(year=today.year - years, day=28)
    stmt = (
        _party_base()
        .add_columns(PartyOrg.term_start, PartyOrg.term_end)
        .where(
            or_(
                and_(PartyOrg.term_end.is_not(None), PartyOrg.term_end < today),
                and_(
                    PartyOrg.term_end.is_(None),
                    PartyOrg.term_start.is_not(None),
                    PartyOrg.term_start <= cutoff,
                ),
            )
        )
    )

    def message(r: Any) -> str:
        if r.term_end:
            return f"本届任期已于 {r.term_end:%Y年%m月%d日} 届满，应按期换届。"
        return f"本届任期自 {r.term_start:%Y年%m月%d日} 起已满 {years} 年，应按期换届。"

    return _check(rule, stmt, message)


CHECKERS: dict[str, Checker] = {
    "enterprise_members": enterprise_members,
    "enterprise_party_org": enterprise_party_org,
    "social_org_party_org": social_org_party_org,
    "independent_formation": independent_formation,
    "joint_max_orgs": joint_max_orgs,
    "branch_upgrade": branch_upgrade,
    "empty_shell": empty_shell,
    "instructor_needed": instructor_needed,
    "mass_organizations": mass_organizations,
    "theme_day_monthly": _activity_rule(
        "theme_day", "主题党日活动", previous_month, "rule.theme_day.min_per_month"
    ),
    # 支委会 only where a branch committee exists: 7 or more members (党支部工作条例).
    "committee_meeting_monthly": _activity_rule(
        "committee_meeting", "支委会", previous_month, members_setting="rule.committee_meeting.min_members"
    ),
    "lecture_quarterly": _activity_rule("lecture", "党课", previous_quarter, "rule.lecture.min_per_quarter"),
    "term_expired": term_expired,
}
assert set(CHECKERS) == set(RULES_BY_ID)


def _checks(
    session: Session, settings: dict[str, Any], today: date, rule_ids: list[str] | None, subject: str | None
) -> list[Check]:
    ctx: Context = {**settings, "today": today}
    return [
        CHECKERS[rule.id](session, rule, ctx)
        for rule in RULES
        if (rule_ids is None or rule.id in rule_ids) and (subject is None or rule.subject == subject)
    ]


def run_checks(
    session: Session,
    settings: dict[str, Any],
    today: date,
    rule_ids: list[str] | None = None,
    *,
    record: tuple[str, str] | None = None,
) -> list[Finding]:
    """All findings, or those of some rules, or those of one record ``(table, id)``."""
    findings: list[Finding] = []
    for check in _checks(session, settings, today, rule_ids, record[0] if record else None):
        stmt = check.stmt
        if record is not None:  # the findings of one record (the detail panel)
            stmt = stmt.where(stmt.selected_columns[0] == record[1])
        rule = check.rule
        findings += [
            Finding(rule.id, rule.subject, r.id, r.name, check.message(r), rule.source)
            for r in session.execute(stmt)
        ]
    return findings


def count_findings(session: Session, settings: dict[str, Any], today: date) -> dict[str, int]:
    """How many records break each rule, counted in SQL (the dashboard's figures)."""
    return {
        check.rule.id: session.scalar(select(func.count()).select_from(check.stmt.order_by(None).subquery()))
        or 0
        for check in _checks(session, settings, today, None, None)
    }
