"""挂图作战 moves: a card dragged to another column (status) or lane (assignee), and
the close-out (销号), which needs a note and — for a task made from a rule — data that
no longer breaks the rule, unless an override reason is recorded. One drop is one
transaction: a refused close-out leaves the lane unchanged too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.changes import TASK, Changes
from app.domain.station_time import station_today
from app.domain.text import clean_text
from app.errors import FieldError, LiangxinError, NotFoundError
from app.rules.engine import run_checks
from app.services.campaigns import ASSIGNEE_KIND
from app.services.task_board import LANES, parse_status
from app.settings import load_settings
from app.store import Store
from db.models import Community, Organization, PartyOrg, Station, Task, TaskProgress

COMMUNITY_LANE_REFUSAL = (
    "社区由两新组织的登记决定，不能在看板上拖动更改；如需更改，请在“两新组织”中修改该单位的社区。"
)


@dataclass(frozen=True)
class Moved:
    id: str
    status: str
    assignee: str | None
    override_reason: str | None

    @property
    def changes(self) -> Changes:
        return Changes.of(TASK)


def _moved(task: Task, progress: TaskProgress | None) -> Moved:
    if progress is None:
        return Moved(task.id, "todo", task.assignee, None)
    return Moved(task.id, progress.status, task.assignee, progress.override_reason)


def _task(session: Session, task_id: str) -> Task:
    task = session.get(Task, task_id)
    if task is None or task.deleted:
        raise NotFoundError(f"没有找到任务“{task_id}”，它可能已被删除。请刷新看板。", "task")
    return task


def _progress_of(session: Session, task: Task) -> TaskProgress | None:
    return session.scalar(
        select(TaskProgress).where(
            TaskProgress.task_id == task.id,
            TaskProgress.deleted.is_(False),
            TaskProgress.owner == (task.station_code or task.owner),
        )
    )


def _progress(session: Session, task: Task) -> TaskProgress:
    worker = task.station_code or task.owner
    if worker != session.info["station"]:
        # Progress is the working station's own row; another station's move would be
        # a second, conflicting state once packages meet.
        raise LiangxinError(f"这项任务由站点 {worker} 承办，进度只能由承办站点更新；本次未做改动。")
    progress = _progress_of(session, task)
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


def _community_of(session: Session, task: Task) -> str:
    model = Organization if task.organization_id else PartyOrg
    record = task.organization_id or task.party_org_id
    if record is None:
        return ""
    name = session.scalar(
        select(Community.name).join(model, model.community_id == Community.id).where(model.id == record)
    )
    return name or ""


def _station_name(session: Session, task: Task) -> str:
    code = task.station_code or task.owner
    return session.scalar(select(Station.name).where(Station.code == code)) or code


def _reassign(task: Task, assignee: str, assignee_kind: str | None) -> None:
    name = clean_text(assignee or "", "责任单位", "assignee", max_length=100)
    if not name:
        raise FieldError("assignee", "请填写责任单位。")
    kind = None
    if assignee_kind:
        kind = ASSIGNEE_KIND.parse(assignee_kind)
        if kind is None:
            raise FieldError(
                "assignee_kind",
                f"责任单位类型“{assignee_kind}”不认识，可用：{ASSIGNEE_KIND.choices_text()}。",
            )
    task.assignee = name
    if kind:
        task.assignee_kind = kind


def _move(
    session: Session, task: Task, status: str, note: str | None, override: str | None, day: date
) -> TaskProgress:
    progress = _progress(session, task)
    if status == "done":
        note = clean_text(note or "", "完成情况", "note", max_length=2000, multiline=True)
        if not note:
            raise FieldError("note", "销号时请填写完成情况。")
        reason = (
            clean_text(override or "", "特殊情况说明", "override", max_length=1000, multiline=True) or None
        )
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
    return progress


def drop_card(
    store: Store,
    task_id: str,
    lane_value: str | None,
    status: str | None,
    *,
    lane_by: str = "assignee",
    note: str | None = None,
    override: str | None = None,
    today: date | None = None,
) -> Moved:
    """The user action of dropping a card on the board: into the lane ``lane_value``
    (an assignee, or a community, which a drop cannot change) and the column ``status``,
    both or neither in one transaction. ``None`` keeps the lane or the column."""
    if lane_by not in LANES:
        raise FieldError("lane", f"泳道应按{'、'.join(LANES.values())}之一（{'、'.join(LANES)}）。")
    to = parse_status(status, "to") if status is not None else None
    day = today or station_today()
    with store.write() as session:
        task = _task(session, task_id)
        if lane_value is not None:
            if lane_by == "community":
                if lane_value != (_community_of(session, task) or "未指定"):
                    raise LiangxinError(COMMUNITY_LANE_REFUSAL)
            elif lane_by == "station":
                if lane_value != _station_name(session, task):
                    raise LiangxinError(
                        "任务由记录所在的街道承办，拖到别的街道泳道不能改变承办街道；本次未做改动。"
                    )
            elif lane_value != (task.assignee or "未指定"):
                _reassign(task, lane_value, None)
        progress = _progress_of(session, task)
        if to is not None and to != (progress.status if progress else "todo"):
            progress = _move(session, task, to, note, override, day)
        session.flush()
        return _moved(task, progress)


def move_task(
    store: Store,
    task_id: str,
    to: str,
    *,
    note: str | None = None,
    override: str | None = None,
    today: date | None = None,
) -> Moved:
    """The user action of moving a task to another column (``task move``). Moving to
    已销号 is the close-out: see the module's note."""
    status = parse_status(to or "", "to")
    with store.write() as session:
        task = _task(session, task_id)
        progress = _move(session, task, status, note, override, today or station_today())
        session.flush()
        return Moved(task.id, status, task.assignee, progress.override_reason)


def close_out_task(
    store: Store, task_id: str, note: str, override: str | None = None, today: date | None = None
) -> Moved:
    return move_task(store, task_id, "done", note=note, override=override, today=today)


def reassign_task(store: Store, task_id: str, assignee: str, assignee_kind: str | None = None) -> Moved:
    """The user action of giving a task to another responsible unit."""
    with store.write() as session:
        task = _task(session, task_id)
        _reassign(task, assignee, assignee_kind)
        session.flush()
        return _moved(task, _progress_of(session, task))
