"""走访: an instructor's (or a staff member's) visit to an organization — the date, the
四必访 reason, what was found, the follow-up and when the next visit is due; a
follow-up can become a task on the board.

Two findings come from visits. An organization an instructor guides with no visit in
N months is the engine's rule ``visit_overdue``; an instructor none of whose
organizations was visited by them in those N months is "挂名不管事" (seed 003), a
finding about a person that is judged here (``idle_instructors``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.changes import TASK, VISIT, Changes
from app.domain.bounds import not_after_today, parse_day
from app.domain.life_codes import VISIT_REASON
from app.domain.station_time import station_today
from app.domain.text import clean_text, shown
from app.errors import FieldError, LiangxinError
from app.rules.catalog import INSTRUCTOR_IDLE
from app.rules.engine import months_after
from app.services.campaigns import phases_of, resolve_campaign
from app.services.common import resolve
from app.settings import load_settings
from app.store import Store
from db.models import Instructor, InstructorAssignment, Organization, Task, TaskProgress, Visit


@dataclass(frozen=True)
class VisitAdded:
    id: str
    next_due: date | None

    @property
    def changes(self) -> Changes:
        return Changes.of(VISIT)


def _day(value: Any, label: str, field: str) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else parse_day(value, label, field)


def _text(values: dict[str, Any], key: str, label: str, length: int) -> str | None:
    value = values.get(key)
    return (
        (clean_text(value, label, key, max_length=length, multiline=length > 200) or None) if value else None
    )


def visit_values(
    values: dict[str, Any],
    today: date,
    organization_id: str,
    instructor_id: str | None,
    instructor_name: str | None,
    max_months: int,
) -> dict[str, Any]:
    """A visit's stored values from what was typed (labels or codes), checked; the
    organization and instructor already found."""
    visited_on = _day(values.get("visited_on"), "走访日期", "visited_on")
    if visited_on is None:
        raise FieldError("visited_on", "请填写走访日期。")
    not_after_today(visited_on, today, "走访日期", "visited_on")
    visitor = _text(values, "visitor", "走访人", 50) or instructor_name
    if not visitor:
        raise FieldError("visitor", "请填写走访人，或选择走访的党建指导员。")
    reason = VISIT_REASON.require(str(values["reason"]), "reason") if values.get("reason") else "routine"
    next_due = _day(values.get("next_due"), "下次走访", "next_due")
    if next_due is not None and next_due < visited_on:
        raise FieldError("next_due", "“下次走访”不能早于这次走访的日期，请核对。")
    return {
        "organization_id": organization_id,
        "visited_on": visited_on,
        "visitor": visitor,
        "instructor_id": instructor_id,
        "reason": reason,
        "findings": _text(values, "findings", "发现的情况", 5000),
        "follow_up": _text(values, "follow_up", "跟进事项", 5000),
        "next_due": next_due or months_after(visited_on, max_months),
        "task_id": None,
    }


def parse_visit(session: Session, values: dict[str, Any], today: date) -> Visit:
    """A new visit from what was typed, checked; not yet added."""
    if not values.get("organization"):
        raise FieldError("organization", "请选择走访的两新组织。")
    org = resolve(session, Organization, str(values["organization"]), "两新组织", "organization")
    instructor = (
        resolve(session, Instructor, str(values["instructor"]), "指导员", "instructor")
        if values.get("instructor")
        else None
    )
    months = load_settings(session)["rule.visit.max_months"]
    return Visit(
        **visit_values(
            values,
            today,
            org.id,
            instructor.id if instructor else None,
            instructor.name if instructor else None,
            months,
        )
    )


def add_visit(store: Store, values: dict[str, Any], today: date | None = None) -> VisitAdded:
    """The user action 登记走访."""
    with store.write() as session:
        visit = parse_visit(session, values, today or station_today())
        session.add(visit)
        session.flush()
        return VisitAdded(visit.id, visit.next_due)


def delete_visit(store: Store, key: str) -> str:
    with store.write() as session:
        visit = resolve(session, Visit, key, "走访记录", "visit")
        visit.deleted = True
        org = session.get(Organization, visit.organization_id)
        return f"{visit.visited_on:%Y-%m-%d} 走访{org.name if org else ''}"


@dataclass(frozen=True)
class VisitRow:
    id: str
    visited_on: date
    organization_id: str
    organization: str
    visitor: str
    instructor: str
    reason: str
    findings: str
    follow_up: str
    next_due: date | None
    task_id: str | None


def list_visits(
    store: Store,
    *,
    organization: str | None = None,
    instructor: str | None = None,
    year: int | None = None,
    limit: int | None = 2000,
) -> list[VisitRow]:
    """Visits newest first (the 走访记录 and its print)."""
    stmt = (
        select(Visit, Organization.name, Instructor.name)
        .join(Organization, Organization.id == Visit.organization_id)
        .outerjoin(Instructor, Instructor.id == Visit.instructor_id)
        .where(Visit.deleted.is_(False))
        .order_by(Visit.visited_on.desc(), Visit.id)
    )
    with store.read() as session:
        if organization:
            stmt = stmt.where(
                Visit.organization_id == resolve(session, Organization, organization, "两新组织").id
            )
        if instructor:
            stmt = stmt.where(Visit.instructor_id == resolve(session, Instructor, instructor, "指导员").id)
        if year is not None:
            stmt = stmt.where(Visit.visited_on.between(date(year, 1, 1), date(year, 12, 31)))
        if limit:
            stmt = stmt.limit(limit)
        return [
            VisitRow(
                v.id,
                v.visited_on,
                v.organization_id,
                org,
                v.visitor,
                who or "",
                VISIT_REASON.label(v.reason),
                v.findings or "",
                v.follow_up or "",
                v.next_due,
                v.task_id,
            )
            for v, org, who in session.execute(stmt)
        ]


def follow_up_task(store: Store, visit_key: str, campaign: str, today: date | None = None) -> str:
    """The user action 跟进事项转为任务: a task on a campaign's board about the visited
    organization, given to the instructor who visited (or the visitor), due when the
    next visit is; the visit remembers it. Once per visit."""
    day = today or station_today()
    with store.write() as session:
        visit = resolve(session, Visit, visit_key, "走访记录", "visit")
        if visit.task_id:
            raise LiangxinError("这次走访的跟进事项已经转为任务，请在专项行动看板上查看，不必重复生成。")
        if not visit.follow_up:
            raise FieldError("follow_up", "这次走访没有填写跟进事项；请先补充跟进事项，再转为任务。")
        found = resolve_campaign(session, campaign)
        phases = phases_of(session, found.id)
        phase = next((p for p in phases if p.ends_on and day <= p.ends_on), phases[-1] if phases else None)
        org = session.get(Organization, visit.organization_id)
        instructor = session.get(Instructor, visit.instructor_id) if visit.instructor_id else None
        task = Task(
            campaign_id=found.id,
            phase_id=phase.id if phase else None,
            organization_id=visit.organization_id,
            title=f"走访跟进：{org.name if org else ''}"[:200],
            assignee_kind="instructor" if instructor else "unit",
            assignee=instructor.name if instructor else visit.visitor,
            station_code=org.owner if org else store.station.code,
            due_on=visit.next_due or (phase.ends_on if phase else None) or found.ends_on,
            notes=f"{visit.visited_on:%Y-%m-%d} 走访发现：{visit.findings or '—'}\n跟进事项：{visit.follow_up}"[
                :2000
            ],
        )
        session.add(task)
        session.flush()
        if task.station_code == store.station.code:
            session.add(TaskProgress(task_id=task.id, status="todo", changed_on=day))
        visit.task_id = task.id
        return task.id


TASK_MADE = Changes.of(TASK, VISIT)


# -- instructors ----------------------------------------------------------------------------


@dataclass(frozen=True)
class InstructorLine:
    id: str
    name: str
    unit: str
    organizations: int
    visits: int  # their visits in the last N months
    last_visit: date | None
    idle: bool  # 挂名不管事: organizations to guide, none visited by them in N months


@dataclass(frozen=True)
class IdleFinding:
    instructor_id: str
    name: str
    message: str
    source: str = INSTRUCTOR_IDLE.source
    rule_id: str = INSTRUCTOR_IDLE.id


def _since(session: Session, today: date) -> tuple[date, int]:
    months = load_settings(session)["rule.visit.max_months"]
    return months_after(today, -months), months


def instructor_lines(store: Store, today: date | None = None) -> list[InstructorLine]:
    """Every instructor with how many organizations they guide, their visits in the last
    N months and whether that makes them "挂名不管事"."""
    today = today or station_today()
    with store.read() as session:
        since, _ = _since(session, today)
        live = and_(InstructorAssignment.deleted.is_(False), InstructorAssignment.ends_on.is_(None))
        guiding = (
            select(InstructorAssignment.instructor_id, func.count().label("n"))
            .where(live)
            .group_by(InstructorAssignment.instructor_id)
            .subquery()
        )
        # Guiding for long enough to have been expected to visit.
        settled = (
            select(InstructorAssignment.instructor_id, func.count().label("n"))
            .where(
                live, or_(InstructorAssignment.starts_on.is_(None), InstructorAssignment.starts_on <= since)
            )
            .group_by(InstructorAssignment.instructor_id)
            .subquery()
        )
        recent = (
            select(Visit.instructor_id, func.count().label("n"), func.max(Visit.visited_on).label("last"))
            .where(Visit.deleted.is_(False), Visit.instructor_id.is_not(None), Visit.visited_on > since)
            .group_by(Visit.instructor_id)
            .subquery()
        )
        ever = (
            select(Visit.instructor_id, func.max(Visit.visited_on).label("last"))
            .where(Visit.deleted.is_(False), Visit.instructor_id.is_not(None))
            .group_by(Visit.instructor_id)
            .subquery()
        )
        rows = session.execute(
            select(
                Instructor.id,
                Instructor.name,
                Instructor.unit,
                func.coalesce(guiding.c.n, 0),
                func.coalesce(settled.c.n, 0),
                func.coalesce(recent.c.n, 0),
                ever.c.last,
            )
            .outerjoin(guiding, guiding.c.instructor_id == Instructor.id)
            .outerjoin(settled, settled.c.instructor_id == Instructor.id)
            .outerjoin(recent, recent.c.instructor_id == Instructor.id)
            .outerjoin(ever, ever.c.instructor_id == Instructor.id)
            .where(Instructor.deleted.is_(False))
            .order_by(Instructor.name_pinyin)
        ).all()
    return [InstructorLine(r[0], r[1], r[2] or "", r[3], r[5], r[6], bool(r[4]) and not r[5]) for r in rows]


def idle_instructors(store: Store, today: date | None = None) -> list[IdleFinding]:
    """The instructors who are "挂名不管事" (seed 003), each with the sentence."""
    today = today or station_today()
    with store.read() as session:
        months = load_settings(session)["rule.visit.max_months"]
    found = []
    for line in instructor_lines(store, today):
        if line.idle:
            before = f"上次走访在 {line.last_visit:%Y年%m月%d日}" if line.last_visit else "从未登记走访"
            found.append(
                IdleFinding(
                    line.id,
                    line.name,
                    f"联系 {line.organizations} 个两新组织，近 {months} 个月没有走访记录（{before}），挂名不管事。",
                )
            )
    return found


@dataclass(frozen=True)
class GuidedOrg:
    id: str
    name: str
    since: date | None
    last_visit: date | None
    next_due: date | None
    overdue: bool


def instructor_organizations(store: Store, instructor_key: str, today: date | None = None) -> list[GuidedOrg]:
    """The organizations an instructor guides, with each one's last visit and next due."""
    today = today or station_today()
    with store.read() as session:
        instructor = resolve(session, Instructor, instructor_key, "指导员", "instructor")
        since, _ = _since(session, today)
        last = (
            select(
                Visit.organization_id,
                func.max(Visit.visited_on).label("last"),
                func.max(Visit.next_due).label("due"),
            )
            .where(Visit.deleted.is_(False))
            .group_by(Visit.organization_id)
            .subquery()
        )
        rows = session.execute(
            select(
                Organization.id, Organization.name, InstructorAssignment.starts_on, last.c.last, last.c.due
            )
            .join(InstructorAssignment, InstructorAssignment.organization_id == Organization.id)
            .outerjoin(last, last.c.organization_id == Organization.id)
            .where(
                InstructorAssignment.instructor_id == instructor.id,
                InstructorAssignment.deleted.is_(False),
                InstructorAssignment.ends_on.is_(None),
                Organization.deleted.is_(False),
            )
            .order_by(Organization.name_pinyin)
        ).all()
    return [
        GuidedOrg(
            r[0], r[1], r[2], r[3], r[4], (r[2] is None or r[2] <= since) and (r[3] is None or r[3] <= since)
        )
        for r in rows
    ]


def require_visit(store: Store, key: str) -> str:
    with store.read() as session:
        try:
            return resolve(session, Visit, key, "走访记录", "visit").id
        except FieldError:
            raise FieldError("visit", f"没有找到走访记录“{shown(key)}”；请用 visit list 查找编号。") from None
