"""专项行动进度: done / open / overdue for a campaign, per phase and per responsible
unit (SQL aggregates), and the burn-down — open tasks at the end of each day. Reads only.

The attribute names are the keys the progress dictionary used to have, so
``progress["total"]["done"]`` reads ``progress.total.done``; ``as_dict`` gives that
dictionary (``campaign show --json`` prints it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, case, func, select

from app.domain.station_time import local_date, station_today
from app.services.campaigns import phases_of, resolve_campaign
from app.services.task_board import current_status, live_progress
from app.settings import time_zone
from app.store import Store
from db.models import Task, TaskProgress

Date = date  # CampaignProgress has a field named ``date``
BURN_DOWN_DAYS_MAX = 800


class _Counted:
    done: int
    open: int

    @property
    def total(self) -> int:
        return self.done + self.open

    @property
    def percent(self) -> float:
        return round(100 * self.done / self.total, 1) if self.total else 0.0


@dataclass(frozen=True)
class Tally(_Counted):
    """One responsible unit's tasks (or the campaign's, with key "all")."""

    key: str
    done: int = 0
    open: int = 0
    overdue: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "done": self.done,
            "open": self.open,
            "overdue": self.overdue,
            "total": self.total,
            "percent": self.percent,
        }


@dataclass(frozen=True)
class PhaseProgress(_Counted):
    id: str
    name: str
    starts_on: Date | None
    ends_on: Date | None
    done: int = 0
    open: int = 0
    overdue: int = 0

    @property
    def key(self) -> str:
        return self.name

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "starts_on": self.starts_on,
            "ends_on": self.ends_on,
            **Tally(self.name, self.done, self.open, self.overdue).as_dict(),
        }


@dataclass(frozen=True)
class BurnDownPoint:
    date: Date
    open: int


@dataclass(frozen=True)
class CampaignInfo:
    id: str
    name: str
    starts_on: Date | None
    ends_on: Date | None


@dataclass(frozen=True)
class CampaignProgress:
    campaign: CampaignInfo
    date: Date
    total: Tally
    phases: list[PhaseProgress]
    assignees: list[Tally]  # most overdue first, then most open
    burn_down: list[BurnDownPoint]

    def as_dict(self) -> dict[str, Any]:
        return {
            "campaign": {
                "id": self.campaign.id,
                "name": self.campaign.name,
                "starts_on": self.campaign.starts_on,
                "ends_on": self.campaign.ends_on,
            },
            "date": self.date.isoformat(),
            "total": self.total.as_dict(),
            "phases": [p.as_dict() for p in self.phases],
            "assignees": [a.as_dict() for a in self.assignees],
            "burn_down": [{"date": p.date.isoformat(), "open": p.open} for p in self.burn_down],
        }


def _counts(row: Any) -> tuple[int, int, int]:
    done, opened, overdue = (int(v or 0) for v in row)
    return done, opened, overdue


def campaign_progress(store: Store, campaign: str, today: date | None = None) -> CampaignProgress:
    """The campaign's progress on ``today``: totals, per phase, per responsible unit, and
    the burn-down from the campaign's start (a task is open from the day it was made
    until the day it was closed out)."""
    day = today or station_today()
    with store.read() as session:
        found = resolve_campaign(session, campaign)
        status = current_status()
        done = func.sum(case((status == "done", 1), else_=0))
        opened = func.sum(case((status != "done", 1), else_=0))
        overdue = func.sum(case((and_(status != "done", Task.due_on < day), 1), else_=0))
        base = (
            select(done, opened, overdue)
            .select_from(Task)
            .outerjoin(TaskProgress, live_progress())
            .where(Task.campaign_id == found.id, Task.deleted.is_(False))
        )
        total = Tally("all", *_counts(session.execute(base).one()))
        by_phase = {
            pid: _counts(rest)
            for pid, *rest in session.execute(
                base.with_only_columns(Task.phase_id, done, opened, overdue).group_by(Task.phase_id)
            )
        }
        phases = [
            PhaseProgress(p.id, p.name, p.starts_on, p.ends_on, *by_phase.get(p.id, (0, 0, 0)))
            for p in phases_of(session, found.id)
        ]
        assignees = [
            Tally(a or "未指定", *_counts(rest))
            for a, *rest in session.execute(
                base.with_only_columns(Task.assignee, done, opened, overdue).group_by(Task.assignee)
            )
        ]
        # By moment, not by SQL date(): that is the database session's day (UTC on SQLite,
        # PGTZ on PostgreSQL). A generation run stamps its tasks alike, so these are few rows.
        made = session.execute(
            select(Task.created_at, func.count())
            .where(Task.campaign_id == found.id, Task.deleted.is_(False))
            .group_by(Task.created_at)
        ).all()
        zone = time_zone(session)
        closed = session.execute(
            select(TaskProgress.changed_on, func.count())
            .join(Task, live_progress())
            .where(Task.campaign_id == found.id, Task.deleted.is_(False), TaskProgress.status == "done")
            .group_by(TaskProgress.changed_on)
        ).all()
        info = CampaignInfo(found.id, found.name, found.starts_on, found.ends_on)
    made_by_day: dict[Date, int] = {}
    for moment, n in made:
        made_on = local_date(moment, zone)
        made_by_day[made_on] = made_by_day.get(made_on, 0) + n
    closed_by_day = {d: n for d, n in closed if d is not None}
    start = info.starts_on or min(made_by_day, default=day)
    open_now = sum(n for d, n in made_by_day.items() if d < start) - sum(
        n for d, n in closed_by_day.items() if d < start
    )
    burn: list[BurnDownPoint] = []
    cursor = start
    while cursor <= day and len(burn) < BURN_DOWN_DAYS_MAX:
        open_now += made_by_day.get(cursor, 0) - closed_by_day.get(cursor, 0)
        burn.append(BurnDownPoint(cursor, open_now))
        cursor += timedelta(days=1)
    return CampaignProgress(
        info,
        day,
        total,
        phases,
        sorted(assignees, key=lambda t: (-t.overdue, -t.open, t.key)),
        burn,
    )
