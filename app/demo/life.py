"""The demo's organizational life and visits, made through the services a clerk uses:
each event is an ``activities.Draft`` checked like one typed in the window and written
by ``write_activities``; each visit a row from ``visits.visit_values``' own checks.

A branch's life follows its size and the rules: 主题党日 monthly, a 支委会 only where 7
正式党员 elect a committee, a 党课 and a 党员大会 every quarter, the 组织生活会 and the
民主评议党员 once a year; a few branches are lax. Over the twelve months before today,
so the compliance grid has a year. The newest events name who attended (present, or
absent with a reason: a 流出党员 working elsewhere usually sends one); older ones, as a
clerk keying in paper records would, carry the headcount only — up to a budget of
named lines, so a district-size demo stays quick to make."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from app.demo import names as N
from app.demo import proportions as P
from app.domain.life_codes import THEME_DAY_ITEMS
from app.services.activities import Attendee, Draft, Listed, check_attendees, write_activities
from app.services.visits import visit_values

NAMED_LINES = 10_000  # attendance lines the demo names; older events are headcounts
ABSENCE_REASONS = ("出差", "病假", "工作冲突，已请假", "家中有事请假")
MOBILE_REASON = "在外地工作（流出），已请假"
LECTURE_TOPICS = ("党的创新理论专题党课", "书记讲党课：企业发展与党建引领", "学习党章党规专题党课")
GENERAL_TOPICS = ("支部工作情况通报", "讨论接收预备党员", "季度工作总结")
COMMITTEE_TOPICS = ("研究本月主题党日安排", "研究党员发展工作", "研究党费收缴和使用")
FINDINGS = (
    "企业经营正常，正在招聘，职工中有 2 名党员尚未转入组织关系",
    "新搬迁至本社区，尚未建立工会",
    "受订单减少影响经营困难，已了解诉求",
    "负责人变更，新负责人支持党建工作",
)
FOLLOW_UPS = ("协助 2 名党员转入组织关系", "指导先行成立工会", "转交街道企业服务办协调", "")


@dataclass
class LifePlan:
    drafts: list[Draft] = field(default_factory=list)
    listed: dict[str, Listed] = field(default_factory=dict)
    visits: list[dict[str, Any]] = field(default_factory=list)


def _months_back(today: date, n: int) -> list[date]:
    """The first days of the ``n`` months ending with today's, newest first."""
    months, day = [], today.replace(day=1)
    for _ in range(n):
        months.append(day)
        day = (day - timedelta(days=1)).replace(day=1)
    return months


def plan_life(builder: Any) -> LifePlan:
    r: random.Random = builder.rng
    today: date = builder.today
    plan = LifePlan()
    names = {p["id"]: p["name"] for p in builder.parties}
    by_party: dict[str, list[Listed]] = {}
    for m in builder.members:
        pid = m["party_org_id"]
        if pid and m["exit_kind"] is None:
            person = Listed(m["id"], m["name"], pid, names[pid], m["category"], m["relation"])
            plan.listed[m["id"]] = person
            by_party.setdefault(pid, []).append(person)
    months = _months_back(today, 12)
    events: list[tuple[date, Draft, list[Listed], bool]] = []  # held_on, draft, who may come, committee only
    for party in builder.parties:
        pid = party["id"]
        people = [p for p in by_party.get(pid, []) if p.relation != "mobile_in"]
        if pid in builder.empty_parties or party["level"] not in ("branch", "joint_branch") or not people:
            continue
        diligence = r.uniform(P.DILIGENCE_MIN, P.DILIGENCE_MAX)
        full = [p for p in people if p.category == "full"]
        committee = full[: 3 if len(full) < 20 else 5]

        for month in months:
            if month == today.replace(day=1) and today.day < 10:
                continue  # early in the month: not held yet
            if r.random() < diligence:
                items = [
                    "study",
                    "dues",
                    *r.sample(("field", "self_review", "democracy", "volunteer"), r.randint(1, 3)),
                ]
                chosen = [c for c in THEME_DAY_ITEMS.labels if c in items]
                events.append(
                    _event(r, today, party, people, "theme_day", month, r.choice(N.TOPICS), items=chosen)
                )
            if len(full) >= 7 and r.random() < diligence:
                events.append(
                    _event(r, today, party, committee, "committee_meeting", month, r.choice(COMMITTEE_TOPICS))
                )
            if month.month in (3, 6, 9, 12) or month == today.replace(day=1):
                for kind, topics in (("lecture", LECTURE_TOPICS), ("general_meeting", GENERAL_TOPICS)):
                    if r.random() < diligence:
                        events.append(_event(r, today, party, people, kind, month, r.choice(topics)))
            if month.month == 1 and r.random() < diligence:
                events.append(_event(r, today, party, people, "life_meeting", month, "年度组织生活会"))
                events.append(_event(r, today, party, people, "member_review", month, "年度民主评议党员"))
    events.sort(key=lambda e: e[0], reverse=True)  # the newest named first
    budget = NAMED_LINES
    for _, draft, who, is_committee in events:
        if budget >= len(who) or draft.kind == "member_review":  # results are kept by name
            budget -= len(who)
            draft.attendees = [_attendee(r, p, draft.kind, is_committee) for p in who]
            if not any(a.present for a in draft.attendees):  # someone held it: the host at least
                first = draft.attendees[0]
                draft.attendees[0] = Attendee(first.member_id, True, None, first.grade)
        else:
            draft.attendees = None
            share = 1.0 if is_committee else r.uniform(P.ATTENDANCE_MIN, P.ATTENDANCE_MAX)
            draft.headcount = max(1, round(len(who) * share))
        plan.drafts.append(draft)
    plan.drafts.reverse()
    _plan_visits(builder, plan)
    return plan


def _event(
    r: random.Random,
    today: date,
    party: dict[str, Any],
    who: list[Listed],
    kind: str,
    month: date,
    topic: str,
    **extra: Any,
) -> tuple[date, Draft, list[Listed], bool]:
    held = min(month.replace(day=r.randint(1, 28)), today)
    place = re.sub(r"(第[一二三四五六七八九十]+)?(联合)?党支部$", "", party["name"]) + "党员活动室"
    draft = Draft([party["id"]], kind, held, topic, place=place, host=party.get("secretary"), **extra)
    return held, draft, who, kind == "committee_meeting"


def _attendee(r: random.Random, person: Listed, kind: str, committee: bool) -> Attendee:
    grade = None
    if kind == "member_review":
        grade = r.choices(("excellent", "qualified", "basic"), (15, 83, 2))[0]
    if person.relation == "mobile_out":
        return Attendee(person.id, False, MOBILE_REASON if r.random() < 0.85 else None, grade)
    if committee or r.random() < r.uniform(P.ATTENDANCE_MIN, P.ATTENDANCE_MAX):
        return Attendee(person.id, True, None, grade)
    return Attendee(person.id, False, r.choice(ABSENCE_REASONS) if r.random() < 0.8 else None, grade)


def _plan_visits(builder: Any, plan: LifePlan) -> None:
    """Most instructors visit their organizations every month or two; one in ten has
    not been seen at any of them for half a year (挂名不管事, seed 003)."""
    r: random.Random = builder.rng
    today: date = builder.today
    ids = [i["id"] for i in builder.instructors]
    lax = set(ids[::10])
    names = {i["id"]: i["name"] for i in builder.instructors}
    for assignment in builder.assignments:
        who = assignment["instructor_id"]
        instructor = names[who]
        day = today - timedelta(days=r.randint(150, 260) if who in lax else r.randint(5, 70))
        while day >= assignment["starts_on"] and day >= today - timedelta(days=365):
            reason = r.choices(("routine", "new_unit", "difficulty", "change", "festival"), (70, 8, 8, 6, 8))[
                0
            ]
            plan.visits.append(
                visit_values(
                    {
                        "visited_on": day,
                        "reason": reason,
                        "findings": r.choice(FINDINGS),
                        "follow_up": r.choice(FOLLOW_UPS),
                    },
                    today,
                    assignment["organization_id"],
                    who,
                    instructor,
                    3,
                )
            )
            day -= timedelta(days=r.randint(30, 120))


def write_life(session: Any, plan: LifePlan, make_id: Any, chunk: int = 5_000):  # type: ignore[no-untyped-def]
    """Write the plan in the fill's transaction; yields how many events are written."""
    from db.journal import bulk_insert
    from db.models import Visit

    for draft in plan.drafts:
        if draft.attendees is not None:
            check_attendees(draft, plan.listed)
    for start in range(0, len(plan.drafts), chunk):
        write_activities(session, plan.drafts[start : start + chunk], plan.listed, make_id)
        yield min(start + chunk, len(plan.drafts))
    for visit in plan.visits:
        visit.setdefault("id", make_id())  # seeded, like every demo row
    for start in range(0, len(plan.visits), chunk):
        bulk_insert(session, Visit, plan.visits[start : start + chunk])
