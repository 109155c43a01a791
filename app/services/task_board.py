"""挂图作战 as read: a campaign's tasks as cards, filtered and sorted in SQL, and
grouped into swimlanes and columns for the board. Reads only."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.domain.codes import Codes
from app.domain.station_time import station_today
from app.domain.text import normalise_search
from app.errors import FieldError
from app.services.campaigns import resolve_campaign
from app.services.common import contains, order_clause
from app.store import Store
from db.models import Community, Organization, PartyOrg, Phase, Station, Task, TaskProgress

STATUS = Codes("任务状态", {"todo": "待办", "doing": "进行中", "done": "已销号"})
LANES = {"assignee": "责任单位", "community": "社区", "station": "承办街道"}


def parse_status(value: str, field: str = "status") -> str:
    """A status as code or 中文 label; anything else is refused with the valid ones, so a
    misspelt filter never passes for "no tasks"."""
    status = STATUS.parse(value or "")
    if status is None:
        raise FieldError(field, f"任务状态“{value}”不认识，请写{'、'.join(STATUS.labels.values())}之一。")
    return status


def current_status() -> Any:
    """A task's state in SQL: a task without a progress row is still to do."""
    return func.coalesce(TaskProgress.status, "todo")


def working_station() -> Any:
    """The station that does a task's work, in SQL (a task without one is its owner's)."""
    return func.coalesce(Task.station_code, Task.owner)


def live_progress() -> Any:
    """A task's progress as the station doing the work reports it: only that station's
    row counts (another's, arrived by sync or left from before, is not its state)."""
    return and_(
        TaskProgress.task_id == Task.id,
        TaskProgress.deleted.is_(False),
        TaskProgress.owner == working_station(),
    )


@dataclass(frozen=True)
class TaskFilter:
    campaign: str | None = None
    phase: str | None = None
    assignee: str | None = None
    community: str | None = None
    status: str | None = None  # code or 中文 label; refused when it is neither
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
    station: str = ""  # the working station's name (a district's board has several)


def _board_query(flt: TaskFilter, today: date) -> tuple[Select[Any], dict[str, Any]]:
    org_community = aliased(Community)
    party_community = aliased(Community)
    community = func.coalesce(org_community.name, party_community.name, "")
    record = func.coalesce(Organization.name, PartyOrg.name, "")
    status = current_status()
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
            func.coalesce(Station.name, working_station()).label("station"),
        )
        .select_from(Task)
        .outerjoin(TaskProgress, live_progress())
        .outerjoin(Organization, Organization.id == Task.organization_id)
        .outerjoin(PartyOrg, PartyOrg.id == Task.party_org_id)
        .outerjoin(org_community, org_community.id == Organization.community_id)
        .outerjoin(party_community, party_community.id == PartyOrg.community_id)
        .outerjoin(Phase, Phase.id == Task.phase_id)
        .outerjoin(Station, Station.code == working_station())
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
        stmt = stmt.where(status == parse_status(flt.status))
    if flt.overdue_only:
        stmt = stmt.where(Task.due_on < today, status != "done")
    text = normalise_search(flt.search)
    if text:
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
        "station": Station.name,
    }
    return stmt, columns


def _with_campaign_id(session: Session, flt: TaskFilter) -> TaskFilter:
    if flt.campaign:
        return replace(flt, campaign=resolve_campaign(session, flt.campaign).id)
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
        r.station,
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
    day = today or station_today()
    with store.read() as session:
        stmt, columns = _board_query(_with_campaign_id(session, flt), day)
        order = order_clause(columns, sort, descending)
        return [_card(r, day) for r in session.execute(stmt.order_by(order, Task.id))]


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
    day = today or station_today()
    with store.read() as session:
        stmt, columns = _board_query(_with_campaign_id(session, flt), day)
        order = order_clause(columns, sort, descending)
        return list(session.scalars(stmt.with_only_columns(Task.id).order_by(order, Task.id)))


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
        raise FieldError("lane", f"泳道应按{'、'.join(LANES.values())}之一（{'、'.join(LANES)}）。")
    lanes: dict[str, Lane] = {}
    for card in cards:
        key = {"assignee": card.assignee, "community": card.community, "station": card.station}[
            lane_by
        ] or "未指定"
        lane = lanes.setdefault(key, Lane(key, {s: [] for s in STATUS.labels}))
        lane.cards[card.status].append(card)
    return sorted(
        lanes.values(),
        key=lambda lane: (
            -sum(c.days_overdue > 0 for c in lane.cards["todo"] + lane.cards["doing"]),
            lane.key,
        ),
    )
