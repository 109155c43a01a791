"""The change journal, written in the same transaction as the change.

Every flush of a write session stamps synchronised rows (id, owner, rev,
timestamps, updated_by) and appends one journal entry per inserted, updated or
tombstoned row. Sequence numbers come from the ``counter`` row, whose update
locks it until commit, so numbers are gap-free: a rolled-back write takes its
numbers with it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

import uuid_utils
from sqlalchemy import Connection, insert, inspect, update
from sqlalchemy.orm import Session, sessionmaker

from db.base import BOOKKEEPING_COLUMNS, Base, Synced
from db.errors import HardDeleteError, NotOwnerError
from db.models.journal import Counter, JournalEntry

JOURNAL_COUNTER = "journal"


def new_id() -> str:
    """A time-ordered UUID (v7) as text."""
    return str(uuid_utils.uuid7())


def utcnow() -> datetime:
    return datetime.now(UTC)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def dump_changes(changes: dict[str, list[Any]]) -> str:
    return json.dumps(changes, ensure_ascii=False, default=_plain, separators=(",", ":"))


def allocate_seqs(connection: Connection, count: int) -> int:
    """Reserve ``count`` consecutive journal numbers; returns the first."""
    last = connection.execute(
        update(Counter)
        .where(Counter.name == JOURNAL_COUNTER)
        .values(value=Counter.value + count)
        .returning(Counter.value)
    ).scalar_one()
    return last - count + 1


def _table_rank() -> dict[str, int]:
    return {table.name: i for i, table in enumerate(Base.metadata.sorted_tables)}


def _data_columns(obj: Synced) -> list[str]:
    return [c.key for c in inspect(type(obj)).column_attrs if c.key not in BOOKKEEPING_COLUMNS]


def _insert_changes(values: dict[str, Any]) -> dict[str, list[Any]]:
    return {k: [None, v] for k, v in values.items() if k not in BOOKKEEPING_COLUMNS and v is not None}


def _update_changes(obj: Synced) -> dict[str, list[Any]]:
    state = inspect(obj)
    changes: dict[str, list[Any]] = {}
    for key in _data_columns(obj):
        history = state.attrs[key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old != new:
            changes[key] = [old, new]
    return changes


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if any(isinstance(obj, Synced) for obj in session.deleted):
        raise HardDeleteError("synchronised rows are tombstoned, not deleted")
    station: str = session.info["station"]
    user: str = session.info["user"]
    applying_sync: bool = session.info.get("apply_sync", False)
    now = utcnow()
    rank = _table_rank()

    pending: list[tuple[Synced, str, dict[str, list[Any]]]] = []
    for obj in session.new:
        if not isinstance(obj, Synced):
            continue
        if obj.id is None:
            obj.id = new_id()
        if obj.owner is None:
            obj.owner = station
        if obj.deleted is None:
            obj.deleted = False
        obj.created_at = obj.created_at or now
        values = {c: getattr(obj, c) for c in _data_columns(obj)}
        pending.append((obj, "insert", _insert_changes(values)))
    for obj in session.dirty:
        if not isinstance(obj, Synced):
            continue
        changes = _update_changes(obj)
        if not changes:
            continue
        stored_owner = inspect(obj).committed_state.get("owner", obj.owner)
        if stored_owner != station and not applying_sync:
            raise NotOwnerError(obj.__tablename__, obj.id, stored_owner, station)
        op = "delete" if changes.get("deleted") == [False, True] else "update"
        pending.append((obj, op, changes))
    if not pending:
        return

    pending.sort(key=lambda p: rank[p[0].__tablename__])
    connection = session.connection()
    first = allocate_seqs(connection, len(pending))
    journal_rows = []
    for seq, (obj, op, changes) in enumerate(pending, start=first):
        if not applying_sync:
            obj.rev = seq
            obj.updated_at = now
            obj.updated_by = user
        journal_rows.append(
            {
                "seq": seq,
                "table_name": obj.__tablename__,
                "row_id": obj.id,
                "op": op,
                "owner": obj.owner,
                "rev": obj.rev,
                "changes": dump_changes(changes),
                "at": now,
                "by": user,
            }
        )
    connection.execute(insert(JournalEntry), journal_rows)


def install_journal(factory: sessionmaker[Session]) -> None:
    from sqlalchemy import event

    event.listen(factory, "before_flush", _before_flush)


def bulk_insert(session: Session, model: type[Synced], rows: Sequence[dict[str, Any]]) -> None:
    """Insert many new rows with Core (no ORM units of work) and journal each one.

    For generated or imported data where ORM ``add_all`` would be far too slow.
    """
    if not rows:
        return
    station: str = session.info["station"]
    user: str = session.info["user"]
    now = utcnow()
    connection = session.connection()
    first = allocate_seqs(connection, len(rows))
    journal_rows = []
    table = model.__tablename__
    for seq, row in enumerate(rows, start=first):
        if row.get("id") is None:
            row["id"] = new_id()
        if row.get("owner") is None:
            row["owner"] = station
        if row.get("deleted") is None:
            row["deleted"] = False
        row["rev"] = seq
        # Generated history (the demo's campaign) may say when a row was made.
        row["created_at"] = row.get("created_at") or now
        row["updated_at"] = now
        row["updated_by"] = user
        journal_rows.append(
            {
                "seq": seq,
                "table_name": table,
                "row_id": row["id"],
                "op": "insert",
                "owner": row["owner"],
                "rev": seq,
                "changes": dump_changes(_insert_changes(row)),
                "at": now,
                "by": user,
            }
        )
    connection.execute(insert(model.__table__), list(rows))
    connection.execute(insert(JournalEntry), journal_rows)


def journal_entries(session: Session, after: int = 0) -> Iterable[JournalEntry]:
    from sqlalchemy import select

    return session.scalars(select(JournalEntry).where(JournalEntry.seq > after).order_by(JournalEntry.seq))
