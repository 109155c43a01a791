"""Organizational life and visits."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Synced


class Visit(Synced, Base):
    """A 走访 to an organization."""

    __tablename__ = "visit"

    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    visitor: Mapped[str] = mapped_column(String(50))
    findings: Mapped[str | None] = mapped_column(Text)
    follow_up: Mapped[str | None] = mapped_column(Text)


class Activity(Synced, Base):
    """A held 组织生活 event: 主题党日, 支委会, 党课, 党员大会 …"""

    __tablename__ = "activity"
    __table_args__ = (
        # Who held a kind of activity in a period, read from the index alone: the
        # organizational-life rules look the period up once for all Party organizations.
        Index("ix_activity_period", "kind", "held_on", "party_org_id", "deleted"),
    )

    party_org_id: Mapped[str] = mapped_column(ForeignKey("party_org.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24), index=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    topic: Mapped[str | None] = mapped_column(String(200))
    attendance: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
