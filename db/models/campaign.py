"""专项行动: campaigns, their phases, tasks, and the progress the working station reports."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Synced
from db.models.register import live_unique


class Campaign(Synced, Base):
    __tablename__ = "campaign"

    name: Mapped[str] = mapped_column(String(200))
    goal: Mapped[str | None] = mapped_column(Text)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    template: Mapped[str | None] = mapped_column(String(40))
    # The responsible units, one per line as "kind:name" (e.g. "leader:王书记"): who tasks go to.
    units: Mapped[str | None] = mapped_column(Text)


class Phase(Synced, Base):
    __tablename__ = "phase"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaign.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)


class Task(Synced, Base):
    """One item on the board. Owned by whoever assigned it (often the district)."""

    __tablename__ = "task"
    # Never two live tasks for the same rule and record on a campaign (generating from
    # findings twice at once); tasks made by hand have no rule and are not limited.
    __table_args__ = (
        live_unique("uq_task_rule_organization_live", "campaign_id", "rule_id", "organization_id"),
        live_unique("uq_task_rule_party_org_live", "campaign_id", "rule_id", "party_org_id"),
    )

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaign.id"), index=True)
    phase_id: Mapped[str | None] = mapped_column(ForeignKey("phase.id"), index=True)
    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"), index=True)
    party_org_id: Mapped[str | None] = mapped_column(ForeignKey("party_org.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    rule_id: Mapped[str | None] = mapped_column(String(40))
    assignee_kind: Mapped[str | None] = mapped_column(String(16))
    assignee: Mapped[str | None] = mapped_column(String(100))
    station_code: Mapped[str | None] = mapped_column(String(12))  # the station that does the work
    due_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)


class TaskProgress(Synced, Base):
    """The state of a task as reported by the station doing the work, so the district
    can assign and the sub-district can report without writing the same row."""

    __tablename__ = "task_progress"
    # One live state per task for each station (the first move makes it).
    __table_args__ = (live_unique("uq_task_progress_live", "task_id"),)

    task_id: Mapped[str] = mapped_column(ForeignKey("task.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="todo")  # todo | doing | done
    note: Mapped[str | None] = mapped_column(Text)
    override_reason: Mapped[str | None] = mapped_column(Text)
    changed_on: Mapped[date | None] = mapped_column(Date)
