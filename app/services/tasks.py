"""挂图作战、销号管理: the tasks of a campaign, generated from rule findings or added by
hand, moved across the board, and closed out (销号) only when the data agrees.

A task's state lives in its own ``task_progress`` row, owned by the station doing
the work, so the district can assign tasks and the sub-district report progress
without writing the same row. Every change of state is a journaled update."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.domain.codes import Codes
from app.errors import FieldError, LiangxinError, NotFoundError
from app.rules.catalog import RULES, RULES_BY_ID
from app.rules.engine import run_checks
from app.services.campaigns import ASSIGNEE_KIND, parse_units, phases_of, resolve_campaign
from app.services.common import contains, order_clause, resolve
from app.settings import load_settings
from app.store import Store
from db.models import (
    Community,
    Instructor,
    InstructorAssignment,
    Organization,
    PartyOrg,
    Phase,
    Task,
    TaskProgress,
)

STATUS = Codes("任务状态", {"todo": "待办", "doing": "进行中", "done": "已销号"})
LANES = {"assignee": "责任单位", "community": "社区"}
ASSIGN_BY = {"instructor": "该组织的党建指导员", "community": "该组织所在社区", "unit": "指定的责任单位"}


def _status() -> Any:
    return func.coalesce(TaskProgress.status, "todo")


def _today(today: date | None) -> date:
    return today or date.today()


# -- generation ------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    rule_id: str
    subject: str  # organization | party_org
    record_id: str
    record_name: str
    message: str
    exists: bool  # a task for this rule and record is already on the campaign


def _existing_keys(session: Session, campaign_id: str) -> set[tuple[str | None, str | None]]:
    rows = session.execute(
        select(Task.rule_id, func.coalesce(Task.organization_id, Task.party_org_id)).where(
            Task.campaign_id == campaign_id, Task.deleted.is_(False)
        )
    )
    return {(rule, record) for rule, record in rows}


def _rule_ids(rule_ids: list[str]) -> list[str]:
    unknown = [r for r in rule_ids if r not in RULES_BY_ID]
    if unknown:
        raise FieldError("rule", f"没有规则“{unknown[0]}”。可用规则：{'、'.join(r.id for r in RULES)}。")
    if not rule_ids:
        raise FieldError("rule", "请至少选择一条规则。")
    return rule_ids


def preview_tasks(
    store: Store, campaign: str, rule_ids: list[str], today: date | None = None
) -> list[Candidate]:
    """What generating from these rules would create (and what already exists)."""
    rule_ids = _rule_ids(rule_ids)
    with store.read() as session:
        found = resolve_campaign(session, campaign)
        existing = _existing_keys(session, found.id)
        findings = run_checks(session, load_settings(session), _today(today), rule_ids)
    return [
        Candidate(
            f.rule_id, f.table, f.record_id, f.record_name, f.message, (f.rule_id, f.record_id) in existing
        )
        for f in findings
    ]


@dataclass(frozen=True)
class Generated:
    created: int
    skipped: int  # already on the campaign: generation twice creates no duplicates
    task_ids: list[str] = field(default_factory=list)


def _current_phase(phases: list[Phase], today: date) -> Phase | None:
    for phase in phases:
        if phase.ends_on and today <= phase.ends_on:
            return phase
    return phases[-1] if phases else None


def _instructor_of(session: Session, org_id: str) -> str | None:
    return session.scalar(
        select(Instructor.name)
        .join(InstructorAssignment, InstructorAssignment.instructor_id == Instructor.id)
        .where(
            InstructorAssignment.organization_id == org_id,
            InstructorAssignment.deleted.is_(False),
            InstructorAssignment.ends_on.is_(None),
        )
        .limit(1)
    )


def _community_of(session: Session, subject: str, record_id: str) -> str | None:
    model = Organization if subject == "organization" else PartyOrg
    return session.scalar(
        select(Community.name).join(model, model.community_id == Community.id).where(model.id == record_id)
    )


def generate_tasks(
    store: Store,
    campaign: str,
    rule_ids: list[str],
    *,
    assign: str = "instructor",
    unit: str | None = None,
    phase: str | None = None,
    due_on: date | None = None,
    today: date | None = None,
) -> Generated:
    """The user action 从问题生成任务: one task per record that breaks a chosen rule,
    assigned to the organization's instructor, its community, or a named unit.
    Records that already have a task for that rule on this campaign are skipped."""
    rule_ids = _rule_ids(rule_ids)
    if assign not in ASSIGN_BY:
        raise FieldError("assign", f"分派方式应为：{'、'.join(ASSIGN_BY)}。")
    if assign == "unit" and not (unit and unit.strip()):
        raise FieldError("unit", "按指定单位分派时，请填写责任单位。")
    day = _today(today)
    with store.write() as session:
        found = resolve_campaign(session, campaign)
        phases = phases_of(session, found.id)
        chosen = (
            next((p for p in phases if phase in (p.id, p.name)), None)
            if phase
            else _current_phase(phases, day)
        )
        if phase and chosen is None:
            raise FieldError("phase", f"专项行动“{found.name}”没有阶段“{phase}”。")
        due = due_on or (chosen.ends_on if chosen else None) or found.ends_on
        existing = _existing_keys(session, found.id)
        units = dict((name, kind) for kind, name in parse_units(found.units))
        created: list[str] = []
        skipped = 0
        for f in run_checks(session, load_settings(session), day, rule_ids):
            if (f.rule_id, f.record_id) in existing:
                skipped += 1
                continue
            existing.add((f.rule_id, f.record_id))
            if assign == "unit":
                kind, who = units.get(unit or "", "unit"), unit
            elif (
                assign == "instructor"
                and f.table == "organization"
                and (name := _instructor_of(session, f.record_id))
            ):
                kind, who = "instructor", name
            else:  # by community, or no instructor to give it to
                kind, who = "community", _community_of(session, f.table, f.record_id) or "未填社区"
            task = Task(
                campaign_id=found.id,
                phase_id=chosen.id if chosen else None,
                organization_id=f.record_id if f.table == "organization" else None,
                party_org_id=f.record_id if f.table == "party_org" else None,
                title=RULES_BY_ID[f.rule_id].title,
                rule_id=f.rule_id,
                assignee_kind=kind,
                assignee=who,
                station_code=store.station.code,
                due_on=due,
                notes=f.message,
            )
            session.add(task)
            session.flush()
            session.add(TaskProgress(task_id=task.id, status="todo", changed_on=day))
            created.append(task.id)
        return Generated(len(created), skipped, created)


def add_task(store: Store, campaign: str, values: dict[str, Any], today: date | None = None) -> str:
    """The user action 新增任务 (by hand): a title, and optionally the organization,
    the responsible unit, the phase and the due date."""
    title = str(values.get("title") or "").strip()
    if not title:
        raise FieldError("title", "请填写任务内容。")
    with store.write() as session:
        found = resolve_campaign(session, campaign)
        phases = phases_of(session, found.id)
        phase_key = values.get("phase")
        chosen = next((p for p in phases if phase_key in (p.id, p.name)), None) if phase_key else None
        if phase_key and chosen is None:
            raise FieldError("phase", f"专项行动“{found.name}”没有阶段“{phase_key}”。")
        org = (
            resolve(session, Organization, values["organization"], "两新组织")
            if values.get("organization")
            else None
        )
        due = values.get("due_on")
        if isinstance(due, str) and due.strip():
            try:
                due = date.fromisoformat(due.strip())
            except ValueError:
                raise FieldError("due_on", f"完成时限“{due}”不是日期，请写成 2026-06-20。") from None
        kind = ASSIGNEE_KIND.parse(values.get("assignee_kind") or "unit") or "unit"
        task = Task(
            campaign_id=found.id,
            phase_id=chosen.id if chosen else None,
            organization_id=org.id if org else None,
            title=title[:200],
            assignee_kind=kind,
            assignee=(values.get("assignee") or "").strip() or None,
            station_code=store.station.code,
            due_on=due or (chosen.ends_on if chosen else None) or found.ends_on,
            notes=values.get("notes"),
        )
        session.add(task)
        session.flush()
        session.add(TaskProgress(task_id=task.id, status="todo", changed_on=_today(today)))
        return task.id


# -- moving and closing out --------------------------------------------------------------


def _task(session: Session, task_id: str) -> Task:
    task = session.get(Task, task_id)
    if task is None or task.deleted:
        raise NotFoundError(f"没有找到任务“{task_id}”，它可能已被删除。请刷新看板。", "task")
    return task


def _progress(session: Session, task: Task) -> TaskProgress:
    progress = session.scalar(
        select(TaskProgress).where(TaskProgress.task_id == task.id, TaskProgress.deleted.is_(False))
    )
    if progress is None:
        progress = TaskProgress(task_id=task.id, status="todo")
        session.add(progress)
    return progress


def still_breaking(session: Session, task: Task, today: date) -> str | None:
    """The finding's sentence when the task's record still breaks the task's rule."""
    if not task.rule_id or not (task.organization_id or task.party_org_id):
        return None
    subject = "organization" if task.organization_id else "party_org"
    record = task.organization_id or task.party_org_id
    findings = run_checks(
        session, load_settings(session), today, [task.rule_id], record=(subject, record or "")
    )
    return findings[0].message if findings else None


def move_task(
    store: Store,
    task_id: str,
    to: str,
    *,
    note: str | None = None,
    override: str | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """The user action of dragging a card to another column. Moving to 已销号 is the
    close-out: it needs a note of what was achieved, and for a task made from a rule
    the record must no longer break it — unless an override reason is recorded."""
    status = STATUS.parse(to or "")
    if status is None:
        raise FieldError("to", f"任务状态应为：{STATUS.choices_text()}。")
    day = _today(today)
    with store.write() as session:
        task = _task(session, task_id)
        progress = _progress(session, task)
        if status == "done":
            note = (note or "").strip()
            if not note:
                raise FieldError("note", "销号时请填写完成情况。")
            reason = (override or "").strip() or None
            problem = still_breaking(session, task, day)
            if problem and not reason:
                raise LiangxinError(
                    f"不能销号：按登记的数据，该任务对应的问题仍然存在——{problem}"
                    "请先在登记簿中更新数据；确需销号的，请填写“特殊情况说明”后再销号。"
                )
            progress.note = note
            progress.override_reason = reason if problem else None
        elif progress.status == "done":  # reopened: the close-out no longer stands
            progress.override_reason = None
            if note:
                progress.note = note
        elif note:
            progress.note = note
        progress.status = status
        progress.changed_on = day
        session.flush()
        return {"id": task.id, "status": status, "override_reason": progress.override_reason}


def close_out_task(
    store: Store, task_id: str, note: str, override: str | None = None, today: date | None = None
) -> dict[str, Any]:
    return move_task(store, task_id, "done", note=note, override=override, today=today)


def reassign_task(
    store: Store, task_id: str, assignee: str, assignee_kind: str | None = None
) -> dict[str, Any]:
    """The user action of dragging a card to another assignee's lane."""
    name = (assignee or "").strip()
    if not name:
        raise FieldError("assignee", "请填写责任单位。")
    with store.write() as session:
        task = _task(session, task_id)
        task.assignee = name
        if assignee_kind:
            task.assignee_kind = ASSIGNEE_KIND.parse(assignee_kind) or task.assignee_kind
        session.flush()
        return {"id": task.id, "assignee": task.assignee}


# -- reading the board -------------------------------------------------------------------


@dataclass(frozen=True)
class TaskFilter:
    campaign: str | None = None
    phase: str | None = None
    assignee: str | None = None
    community: str | None = None
    status: str | None = None
    overdue_only: bool = False
    search: str = ""


@dataclass(slots=True)
class Card:
    id: str
    title: str
    record: str  # the organization or Party organization
    record_kind: str | None
    record_id: str | None
    assignee: str
    community: str
    status: str
    due_on: date | None
    days_overdue: int  # 0 when not overdue
    override_reason: str | None
    note: str | None
    phase: str


def _board_query(flt: TaskFilter, today: date) -> tuple[Select[Any], dict[str, Any]]:
    org_community = aliased(Community)
    party_community = aliased(Community)
    community = func.coalesce(org_community.name, party_community.name, "")
    record = func.coalesce(Organization.name, PartyOrg.name, "")
    status = _status()
    stmt = (
        select(
            Task.id,
            Task.title,
            record.label("record"),
            Task.organization_id,
            Task.party_org_id,
            func.coalesce(Task.assignee, "").label("assignee"),
            community.label("community"),
            status.label("status"),
            Task.due_on,
            TaskProgress.override_reason,
            TaskProgress.note,
            func.coalesce(Phase.name, "").label("phase"),
        )
        .select_from(Task)
        .outerjoin(TaskProgress, and_(TaskProgress.task_id == Task.id, TaskProgress.deleted.is_(False)))
        .outerjoin(Organization, Organization.id == Task.organization_id)
        .outerjoin(PartyOrg, PartyOrg.id == Task.party_org_id)
        .outerjoin(org_community, org_community.id == Organization.community_id)
        .outerjoin(party_community, party_community.id == PartyOrg.community_id)
        .outerjoin(Phase, Phase.id == Task.phase_id)
        .where(Task.deleted.is_(False))
    )
    if flt.campaign:
        stmt = stmt.where(Task.campaign_id == flt.campaign)
    if flt.phase:
        stmt = stmt.where(or_(Task.phase_id == flt.phase, Phase.name == flt.phase))
    if flt.assignee:
        stmt = stmt.where(Task.assignee == flt.assignee)
    if flt.community:
        stmt = stmt.where(community == flt.community)
    if flt.status:
        stmt = stmt.where(status == (STATUS.parse(flt.status) or flt.status))
    if flt.overdue_only:
        stmt = stmt.where(Task.due_on < today, status != "done")
    if flt.search.strip():
        text = flt.search.strip()
        stmt = stmt.where(
            or_(
                contains(Task.title, text),
                contains(record, text),
                contains(func.coalesce(Task.assignee, ""), text),
            )
        )
    columns = {
        "due_on": Task.due_on,
        "title": Task.title,
        "record": record,
        "assignee": Task.assignee,
        "community": community,
        "status": case((status == "todo", 0), (status == "doing", 1), else_=2),
        "phase": Phase.ordinal,
    }
    return stmt, columns


def _campaign_id(session: Session, flt: TaskFilter) -> TaskFilter:
    if flt.campaign:
        return TaskFilter(**{**flt.__dict__, "campaign": resolve_campaign(session, flt.campaign).id})
    return flt


def _card(r: Any, today: date) -> Card:
    overdue = (today - r.due_on).days if r.due_on and r.due_on < today and r.status != "done" else 0
    return Card(
        r.id,
        r.title,
        r.record,
        "organization" if r.organization_id else "party_org" if r.party_org_id else None,
        r.organization_id or r.party_org_id,
        r.assignee,
        r.community,
        r.status,
        r.due_on,
        overdue,
        r.override_reason,
        r.note,
        r.phase,
    )


def task_cards(
    store: Store,
    flt: TaskFilter,
    *,
    sort: str = "due_on",
    descending: bool = False,
    today: date | None = None,
) -> list[Card]:
    """Every task the filter keeps, as cards, in one query (the board and the list)."""
    day = _today(today)
    with store.read() as session:
        stmt, columns = _board_query(_campaign_id(session, flt), day)
        order = order_clause(columns, sort, descending)
        return [_card(r, day) for r in session.execute(stmt.order_by(order, Task.id))]


@dataclass(frozen=True)
class Lane:
    key: str
    cards: dict[str, list[Card]]  # status -> cards, by due date

    @property
    def size(self) -> int:
        return max((len(c) for c in self.cards.values()), default=0)


def board_lanes(cards: list[Card], lane_by: str) -> list[Lane]:
    """Cards grouped into swimlanes (by assignee or community) and columns (status);
    the lane with the most overdue work first."""
    if lane_by not in LANES:
        raise FieldError("lane", f"泳道应按：{'、'.join(LANES)}。")
    lanes: dict[str, Lane] = {}
    for card in cards:
        key = (card.assignee if lane_by == "assignee" else card.community) or "未指定"
        lane = lanes.setdefault(key, Lane(key, {s: [] for s in STATUS.labels}))
        lane.cards[card.status].append(card)
    return sorted(
        lanes.values(),
        key=lambda lane: (
            -sum(c.days_overdue > 0 for c in lane.cards["todo"] + lane.cards["doing"]),
            lane.key,
        ),
    )


def task_ids(
    store: Store,
    flt: TaskFilter,
    *,
    sort: str = "due_on",
    descending: bool = False,
    today: date | None = None,
) -> list[str]:
    """The ids the filter keeps, in order (filtering and sorting in SQL); the board
    keeps the campaign's cards and shows these."""
    day = _today(today)
    with store.read() as session:
        stmt, columns = _board_query(_campaign_id(session, flt), day)
        order = order_clause(columns, sort, descending)
        return list(session.scalars(stmt.with_only_columns(Task.id).order_by(order, Task.id)))


# -- progress ---------------------------------------------------------------------------


@dataclass
class Tally:
    key: str
    done: int = 0
    open: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.done + self.open

    @property
    def percent(self) -> float:
        return round(100 * self.done / self.total, 1) if self.total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "done": self.done,
            "open": self.open,
            "overdue": self.overdue,
            "total": self.total,
            "percent": self.percent,
        }


def campaign_progress(store: Store, campaign: str, today: date | None = None) -> dict[str, Any]:
    """Done / open / overdue per campaign, per phase and per assignee (SQL aggregates),
    and the burn-down: open tasks at the end of each day against the phase deadlines."""
    day = _today(today)
    with store.read() as session:
        found = resolve_campaign(session, campaign)
        status = _status()
        done = case((status == "done", 1), else_=0)
        opened = case((status != "done", 1), else_=0)
        overdue = case((and_(status != "done", Task.due_on < day), 1), else_=0)
        base = (
            select(func.sum(done), func.sum(opened), func.sum(overdue))
            .select_from(Task)
            .outerjoin(TaskProgress, and_(TaskProgress.task_id == Task.id, TaskProgress.deleted.is_(False)))
            .where(Task.campaign_id == found.id, Task.deleted.is_(False))
        )
        total = Tally("all", *(int(v or 0) for v in session.execute(base).one()))
        phases = [
            {"id": p.id, "name": p.name, "starts_on": p.starts_on, "ends_on": p.ends_on}
            for p in phases_of(session, found.id)
        ]
        by_phase = {
            pid: Tally(pid, *(int(v or 0) for v in rest))
            for pid, *rest in session.execute(
                base.with_only_columns(
                    Task.phase_id, func.sum(done), func.sum(opened), func.sum(overdue)
                ).group_by(Task.phase_id)
            )
        }
        by_assignee = [
            Tally(a or "未指定", *(int(v or 0) for v in rest))
            for a, *rest in session.execute(
                base.with_only_columns(
                    Task.assignee, func.sum(done), func.sum(opened), func.sum(overdue)
                ).group_by(Task.assignee)
            )
        ]
        # Burn-down: a task is open from the day it was made until the day it was closed out.
        made = dict(
            session.execute(
                select(func.date(Task.created_at), func.count())
                .where(Task.campaign_id == found.id, Task.deleted.is_(False))
                .group_by(func.date(Task.created_at))
            ).all()
        )
        closed = dict(
            session.execute(
                select(TaskProgress.changed_on, func.count())
                .join(Task, Task.id == TaskProgress.task_id)
                .where(Task.campaign_id == found.id, Task.deleted.is_(False), TaskProgress.status == "done")
                .group_by(TaskProgress.changed_on)
            ).all()
        )
        info = {"id": found.id, "name": found.name, "starts_on": found.starts_on, "ends_on": found.ends_on}
    start = info["starts_on"] or min((date.fromisoformat(str(d)) for d in made), default=day)
    end = day
    made_by_day = {date.fromisoformat(str(d)): n for d, n in made.items()}
    closed_by_day = {d: n for d, n in closed.items() if d is not None}
    burn: list[dict[str, Any]] = []
    open_now = sum(n for d, n in made_by_day.items() if d < start) - sum(
        n for d, n in closed_by_day.items() if d < start
    )
    cursor = start
    while cursor <= end and len(burn) < 800:
        open_now += made_by_day.get(cursor, 0) - closed_by_day.get(cursor, 0)
        burn.append({"date": cursor.isoformat(), "open": open_now})
        cursor += timedelta(days=1)
    return {
        "campaign": info,
        "date": day.isoformat(),
        "total": total.as_dict(),
        "phases": [
            {**p, **by_phase.get(p["id"], Tally(p["id"])).as_dict(), "key": p["name"]} for p in phases
        ],
        "assignees": [t.as_dict() for t in sorted(by_assignee, key=lambda t: (-t.overdue, -t.open, t.key))],
        "burn_down": burn,
    }
