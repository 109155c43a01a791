"""Who saw personal data in full: revealing masked ID numbers and phones, printing a
full roster, exporting full data. Local to this station (never in a sync package):
it records what people here looked at, not a change to the registers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class AccessEvent(Base):
    __tablename__ = "access_event"
    # The audit log reads newest first, by time: the same order as the journal's index.
    __table_args__ = (Index("ix_access_event_at_id", "at", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    by: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(16))  # reveal | print | export
    register: Mapped[str] = mapped_column(String(40))  # a table name (member, organization, …)
    target_key: Mapped[str | None] = mapped_column(String(36))  # the record's id, if one record
    detail: Mapped[str] = mapped_column(Text, default="")  # what, in a clerk's words
