"""The history of ledger imports, and undoing one.

An import's journal entries are exactly the range it recorded, so undoing it reads
them back: a row it added is tombstoned (the delete travels like any other), a row it
changed gets its old values again. Undoing is refused, changing nothing, while a row
it wrote has been changed since, or another record has come to point at a row it
added — undoing then would silently lose that work.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, select
from sqlalchemy.orm import Session

from app.domain.station_time import station_date
from app.errors import LiangxinError, NotFoundError
from app.jobs import Job, Progress, run_job
from app.ledger.kinds import CHANGE_KINDS, TITLES
from app.store import Store
from db.journal import utcnow
from db.models import Community, JournalEntry, LedgerImport, Member, Organization, PartyOrg

MODELS: dict[str, Any] = {
    "community": Community,
    "organization": Organization,
    "party_org": PartyOrg,
    "member": Member,
}
# Who may point at a row of each table: (model, column).
REFERRERS = {
    "organization": ((Member, "employer_id"),),
    "party_org": ((Member, "party_org_id"), (Organization, "party_org_id"), (PartyOrg, "parent_id")),
    "community": ((Organization, "community_id"), (PartyOrg, "community_id")),
}
CHUNK = 900


@dataclass(frozen=True)
class ImportRecord:
    id: str
    kind: str
    title: str  # the register, in Chinese
    file_name: str
    sheet: str
    day: date
    at: datetime
    by: str
    counts: dict[str, int]
    undone: bool


def list_imports(store: Store, limit: int = 100) -> list[ImportRecord]:
    with store.read() as session:
        found = session.scalars(select(LedgerImport).order_by(LedgerImport.at.desc()).limit(limit))
        return [_record(i) for i in found]


def _record(i: LedgerImport) -> ImportRecord:
    summary = json.loads(i.summary or "{}")
    counts = {k: int(summary.get(k, 0)) for k in ("new", "update", "unchanged", "refused", "skipped")}
    return ImportRecord(
        i.id,
        i.kind,
        TITLES.get(i.kind, i.kind),
        i.file_name,
        i.sheet,
        station_date(i.at),
        i.at,
        i.by,
        counts,
        i.undone_at is not None,
    )


def _find(session: Session, key: str) -> LedgerImport:
    key = key.strip().lower()
    found = session.get(LedgerImport, key)
    if found is None and len(key) >= 6:
        matches = list(session.scalars(select(LedgerImport).where(LedgerImport.id.like(f"%{key}")).limit(2)))
        found = matches[0] if len(matches) == 1 else None
    if found is None:
        raise NotFoundError(f"没有编号为“{key}”的导入记录，请用 import-history 查看。", "import")
    return found


def undo_import_job(store: Store, key: str) -> Job[ImportRecord]:
    """Undo one import in one transaction (all of it, or nothing with the reason)."""
    yield Progress("正在核对能否撤销", 0, 1)
    with store.write() as session:
        record = _find(session, key)
        if record.undone_at is not None:
            raise LiangxinError(
                f"这次导入（{record.file_name}）已于 {station_date(record.undone_at)} 撤销，无需再撤销。"
            )
        entries = []
        if record.seq_from is not None and record.seq_to is not None:
            entries = list(
                session.scalars(
                    select(JournalEntry)
                    .where(JournalEntry.seq >= record.seq_from, JournalEntry.seq <= record.seq_to)
                    .order_by(JournalEntry.seq)
                )
            )
        by_row: dict[tuple[str, str], list[JournalEntry]] = {}
        for entry in entries:
            by_row.setdefault((entry.table_name, entry.row_id), []).append(entry)
        latest = {key: found[-1] for key, found in by_row.items()}  # a row written twice: its last entry
        _refuse_if_changed_since(session, latest)
        _refuse_if_referred(session, latest)
        total, done = len(by_row), 0
        for table in ("member", "organization", "party_org", "community"):
            keys = [key for key in by_row if key[0] == table]
            model = MODELS[table]
            for start in range(0, len(keys), CHUNK):
                chunk = keys[start : start + CHUNK]
                rows = {
                    o.id: o for o in session.scalars(select(model).where(model.id.in_([k[1] for k in chunk])))
                }
                for key in chunk:
                    if by_row[key][0].op == "insert":
                        rows[key[1]].deleted = True
                    else:
                        _restore(model, rows[key[1]], by_row[key])
                session.flush()
                done += len(chunk)
                yield Progress("正在撤销导入", done, total)
        record.undone_at, record.undone_by = utcnow(), store.user
        session.flush()
        return _record(record)


def undo_import(store: Store, key: str) -> ImportRecord:
    return run_job(undo_import_job(store, key))


def undo_changes(record: ImportRecord) -> Any:
    from app.changes import COMMUNITY, Changes

    return Changes.of(CHANGE_KINDS.get(record.kind, "organization"), COMMUNITY, "organization")


def _refuse_if_changed_since(session: Session, latest: dict[tuple[str, str], JournalEntry]) -> None:
    changed: list[str] = []
    for table in ("member", "organization", "party_org", "community"):
        wanted = {row_id: e.rev for (t, row_id), e in latest.items() if t == table}
        model = MODELS[table]
        ids = sorted(wanted)
        for start in range(0, len(ids), CHUNK):
            for row_id, rev, name in session.execute(
                select(model.id, model.rev, model.name).where(model.id.in_(ids[start : start + CHUNK]))
            ):
                if rev != wanted[row_id]:
                    changed.append(name)
    if changed:
        raise LiangxinError(
            f"这次导入写入的记录中有 {len(changed)} 条此后又被修改过（如“{changed[0]}”），撤销会丢失这些修改，"
            "因此没有撤销，未做任何改动。如确需撤销，请先在登记簿中逐条处理。"
        )


def _refuse_if_referred(session: Session, latest: dict[tuple[str, str], JournalEntry]) -> None:
    mine = {row_id for _, row_id in latest}
    for table, referrers in REFERRERS.items():
        ids = sorted(r for (t, r), e in latest.items() if t == table and e.op == "insert")
        for model, column in referrers:
            col = getattr(model, column)
            for start in range(0, len(ids), CHUNK):
                stmt = select(model.id, model.name).where(
                    col.in_(ids[start : start + CHUNK]), model.deleted.is_(False)
                )
                for row_id, name in session.execute(stmt):
                    if row_id not in mine:  # rows of this same import are undone with it
                        raise LiangxinError(
                            f"这次导入新增的记录已被其他记录引用（如“{name}”），撤销会使它们指向已删除的记录，"
                            "因此没有撤销，未做任何改动。请先撤销之后的导入，或调整这些记录。"
                        )


def _restore(model: Any, obj: Any, entries: list[JournalEntry]) -> None:
    """The values the row had before the import's first change to it."""
    before: dict[str, Any] = {}
    for entry in entries:
        for column, (old, _new) in json.loads(entry.changes).items():
            before.setdefault(column, old)
    columns = model.__table__.c
    for column, old in before.items():
        if column in columns and isinstance(columns[column].type, Date) and isinstance(old, str):
            old = date.fromisoformat(old)
        setattr(obj, column, old)
