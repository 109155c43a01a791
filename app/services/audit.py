"""The audit trail: who changed which record, field by field, read from the journal."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.store import Store
from db.models import JournalEntry


@dataclass(frozen=True)
class Change:
    seq: int
    table: str
    row_id: str
    op: str
    owner: str
    rev: int
    at: datetime
    by: str
    changes: dict[str, list[Any]]


def read_journal(
    store: Store, *, after: int = 0, limit: int | None = 100, row_id: str | None = None
) -> list[Change]:
    stmt = select(JournalEntry).where(JournalEntry.seq > after).order_by(JournalEntry.seq).limit(limit)
    if row_id:
        stmt = stmt.where(JournalEntry.row_id == row_id)
    with store.read() as session:
        return [
            Change(e.seq, e.table_name, e.row_id, e.op, e.owner, e.rev, e.at, e.by, json.loads(e.changes))
            for e in session.scalars(stmt)
        ]
