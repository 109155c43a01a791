"""The change journal: one entry per insert, update or delete, in the writing transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class JournalEntry(Base):
    __tablename__ = "journal"
    # The audit log (操作日志) pages through it newest first by time, and by one user
    # (whose index also lists the users without reading every entry).
    __table_args__ = (
        Index("ix_journal_at_seq", "at", "seq"),
        Index("ix_journal_by_at_seq", "by", "at", "seq"),
    )

    # Gap-free and station-local: allocated from ``counter`` under its row lock,
    # never from an autoincrement (which leaves holes after a rollback on PostgreSQL).
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))  # insert | update | delete
    owner: Mapped[str] = mapped_column(String(12))
    rev: Mapped[int] = mapped_column(Integer)
    changes: Mapped[str] = mapped_column(Text)  # JSON {field: [old, new]}
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    by: Mapped[str] = mapped_column(String(64))


class Counter(Base):
    """Named counters; the ``journal`` row hands out journal sequence numbers."""

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)
