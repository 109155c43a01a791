"""The audit trail (操作日志): who changed which record, field by field, read from the
journal, and who saw personal data in full (access events), as one log a clerk can
filter by user, date, register and kind of action, a page at a time.

Filtering, ordering and paging happen in SQL: a district's journal holds millions of
entries, and only the page shown is turned into labels and names here."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, literal, literal_column, select, union_all
from sqlalchemy.orm import Session

from app.domain.dates import chinese_moment
from app.domain.fields import Field
from app.domain.station_time import local_time, station_zone_now
from app.domain.text import shown
from app.errors import FieldError
from app.services import audit_fields
from app.services.common import resolve
from app.store import Store
from app.sync.rows import TABLE_LABELS as SYNCED_LABELS
from app.sync.rows import tables_by_name
from db.models import AccessEvent, JournalEntry, Member, Organization, PartyOrg

CHANGES = {"insert": "新增", "update": "修改", "delete": "删除"}
ACCESS = {"reveal": "查看完整信息", "print": "打印", "export": "导出"}
# Accounts are journaled (never the hash) but never synced, so they are not in sync's labels.
TABLE_LABELS = {**SYNCED_LABELS, "account": "账户"}
ACTIONS = {**CHANGES, **ACCESS}
ORDERS = ("newest", "oldest")
PAGE = 200
REGISTERS = {"organization": Organization, "party_org": PartyOrg, "member": Member}
_DATE = Field("date", "日期", "date")


@dataclass(frozen=True)
class FieldChange:
    column: str
    label: str
    old: str
    new: str

    def text(self) -> str:
        return f"{self.label}：{self.old} → {self.new}"


@dataclass(frozen=True)
class Entry:
    """One line of the log: a change from the journal or an access event."""

    key: str  # j<seq> or a<id>: unique across both sources
    at: datetime  # station time
    by: str
    action: str  # insert | update | delete | reveal | print | export
    register: str  # a table name
    row_id: str | None
    record: str  # the record's name, where it has one
    changes: tuple[FieldChange, ...] = field(default_factory=tuple)
    detail: str = ""

    @property
    def when(self) -> str:
        return when_text(self.at)

    @property
    def action_label(self) -> str:
        return ACTIONS.get(self.action, self.action)

    @property
    def register_label(self) -> str:
        return TABLE_LABELS.get(self.register, self.register)

    @property
    def summary(self) -> str:
        """The changed fields in one line (the log's 字段变化 column)."""
        if self.action == "delete":
            return "删除了这条记录"
        if self.action in ACCESS:
            return self.detail
        if self.action == "insert":
            filled = [c.label for c in self.changes]
            head = "、".join(filled[:6])
            return f"填写了 {head}{' 等' if len(filled) > 6 else ''}" if filled else ""
        return "；".join(c.text() for c in self.changes)

    @property
    def full_text(self) -> str:
        """Every field of the entry (a new record's values too): the workbook's column."""
        if self.action == "insert":
            return "；".join(f"{c.label}：{c.new}" for c in self.changes)
        return self.summary


def when_text(moment: datetime) -> str:
    return chinese_moment(moment)


def parse_date(value: Any, label: str) -> date | None:
    """A date a person typed (2026-11-22, 2026年11月22日, 2026/11/22), through the
    fields' one date parser; empty is no bound."""
    if value is None or value == "":
        return None
    try:
        return _DATE.parse(value) if not isinstance(value, date) else value
    except FieldError as exc:
        raise FieldError(label, exc.message.replace("“日期”", f"“{label}”")) from None


@dataclass(frozen=True)
class Filters:
    user: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    register: str | None = None  # a table name
    action: str | None = None  # a code of ACTIONS
    key: str | None = None  # one record's id

    @classmethod
    def of(
        cls,
        *,
        user: str | None = None,
        date_from: Any = None,
        date_to: Any = None,
        register: str | None = None,
        action: str | None = None,
        key: str | None = None,
    ) -> Filters:
        """Filters from what a person chose or typed: registers and actions by code or
        by their Chinese name, dates as the date fields accept them."""
        start, end = parse_date(date_from, "开始日期"), parse_date(date_to, "结束日期")
        if start and end and end < start:
            raise FieldError(
                "date_to", f"结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}，请核对。"
            )
        return cls(
            user=(user or "").strip() or None,
            date_from=start,
            date_to=end,
            register=_code(register, TABLE_LABELS, "register", "登记簿"),
            action=_code(action, ACTIONS, "action", "操作"),
            key=(key or "").strip() or None,
        )


def _code(value: str | None, labels: dict[str, str], name: str, what: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if value in labels:
        return value
    for code, label in labels.items():
        if value == label:
            return code
    raise FieldError(name, f"没有“{shown(value)}”这种{what}，可选：{'、'.join(labels.values())}。")


def _moment(day: date) -> datetime:
    """The start of a station day as a UTC moment (how the journal stores them)."""
    return datetime.combine(day, time(), station_zone_now()).astimezone(UTC)


def _journal(f: Filters) -> Select[Any] | None:
    if f.action in ACCESS:
        return None
    j = JournalEntry
    stmt = select(
        literal("j").label("src"),
        j.seq.label("num"),
        j.at.label("at"),
        j.by.label("by"),
        j.op.label("action"),
        j.table_name.label("register"),
        j.row_id.label("target"),
        j.changes.label("body"),
    )
    if f.action:
        stmt = stmt.where(j.op == f.action)
    return _bounded(stmt, j, j.table_name, j.row_id, f)


def _access(f: Filters) -> Select[Any] | None:
    if f.action in CHANGES:
        return None
    a = AccessEvent
    stmt = select(
        literal("a").label("src"),
        a.id.label("num"),
        a.at.label("at"),
        a.by.label("by"),
        a.action.label("action"),
        a.register.label("register"),
        a.target_key.label("target"),
        a.detail.label("body"),
    )
    if f.action:
        stmt = stmt.where(a.action == f.action)
    return _bounded(stmt, a, a.register, a.target_key, f)


def _bounded(stmt: Select[Any], model: Any, register: Any, target: Any, f: Filters) -> Select[Any]:
    if f.user:
        stmt = stmt.where(model.by == f.user)
    if f.date_from:
        stmt = stmt.where(model.at >= _moment(f.date_from))
    if f.date_to:
        stmt = stmt.where(model.at < _moment(f.date_to + timedelta(days=1)))
    if f.register:
        stmt = stmt.where(register == f.register)
    if f.key:
        stmt = stmt.where(target == f.key)
    return stmt


def _both(f: Filters) -> Any:
    parts = [p for p in (_journal(f), _access(f)) if p is not None]
    return parts[0] if len(parts) == 1 else union_all(*parts)


def _page_stmt(f: Filters, order: str, offset: int, limit: int | None) -> Any:
    if order not in ORDERS:
        raise FieldError("order", f"排序只能是 {'、'.join(ORDERS)}。")
    both = _both(f)
    at, num = literal_column("at"), literal_column("num")
    ordering = (at.desc(), num.desc()) if order == "newest" else (at.asc(), num.asc())
    stmt = both.order_by(*ordering).offset(offset)
    return stmt.limit(limit) if limit is not None else stmt


def _filters(filters: Filters | None, kwargs: dict[str, Any]) -> Filters:
    return filters if filters is not None else Filters.of(**kwargs)


def stream(store: Store, f: Filters, order: str = "newest", chunk: int = 1000) -> Iterator[list[Entry]]:
    """The whole filtered log, ``chunk`` entries at a time, from one query read as it
    goes (deep offsets would read the journal again for every page)."""
    with store.read() as session:
        result = session.execute(_page_stmt(f, order, 0, None), execution_options={"yield_per": chunk})
        for rows in result.partitions():
            yield _entries(session, list(rows))


def audit_log(
    store: Store,
    filters: Filters | None = None,
    *,
    offset: int = 0,
    limit: int | None = PAGE,
    order: str = "newest",
    **kwargs: Any,
) -> list[Entry]:
    """One page of the log, newest first (or oldest first), filtered:
    ``user=``, ``date_from=``, ``date_to=``, ``register=``, ``action=``, ``key=``."""
    f = _filters(filters, kwargs)
    with store.read() as session:
        rows = session.execute(_page_stmt(f, order, offset, limit)).all()
        return _entries(session, rows)


def audit_count(store: Store, filters: Filters | None = None, **kwargs: Any) -> int:
    f = _filters(filters, kwargs)
    total = 0
    with store.read() as session:
        for part in (_journal(f), _access(f)):
            if part is not None:
                total += session.scalar(select(func.count()).select_from(part.subquery())) or 0
    return total


def audit_users(store: Store) -> list[str]:
    """Everyone who changed or saw anything here, by name. Read from the ``by`` index
    one name at a time (each the least name after the one before), so a district's
    millions of entries are not read to list a handful of people."""
    with store.read() as session:
        found: set[str] = set()
        for model in (JournalEntry, AccessEvent):
            name = session.scalar(select(func.min(model.by)))
            while name is not None:
                found.add(name)
                name = session.scalar(select(func.min(model.by)).where(model.by > name))
        return sorted(found)


def audit_registers() -> list[tuple[str, str]]:
    """(table name, what a clerk calls it) for the register filter."""
    return list(TABLE_LABELS.items())


def _entries(session: Session, rows: list[Any]) -> list[Entry]:
    zone = station_zone_now()
    parsed: list[tuple[Any, dict[str, list[Any]]]] = []
    targets: dict[str, set[str]] = {}
    refs: dict[str, set[str]] = {}
    for r in rows:
        changes = json.loads(r.body) if r.src == "j" else {}
        parsed.append((r, changes))
        if r.target:
            targets.setdefault(r.register, set()).add(r.target)
        for column, pair in changes.items():
            if column in audit_fields.REFS:
                refs.setdefault(audit_fields.REFS[column], set()).update(
                    v for v in pair if isinstance(v, str)
                )
    names = audit_fields.record_names(session, targets, refs)
    entries = []
    for r, changes in parsed:
        fields = tuple(
            FieldChange(
                column,
                audit_fields.field_label(r.register, column),
                audit_fields.display(r.register, column, changes[column][0], names),
                audit_fields.display(r.register, column, changes[column][1], names),
            )
            for column in audit_fields.shown_fields(r.register, changes)
        )
        entries.append(
            Entry(
                key=f"{r.src}{r.num}",
                at=local_time(r.at, zone),
                by=r.by,
                action=r.action,
                register=r.register,
                row_id=r.target,
                record=names.get(r.target or "", ""),
                changes=fields,
                detail=r.body if r.src == "a" else "",
            )
        )
    return entries


def record_id(store: Store, kind: str, key: str) -> str:
    """The id of a record for its history: a register's record by id, id prefix or name
    (as everywhere), or any row by its exact id (a deleted record too)."""
    kind = _code(kind, TABLE_LABELS, "register", "登记簿") or ""
    table = tables_by_name().get(kind)
    if table is None:
        raise FieldError("register", f"没有“{shown(kind)}”这种登记簿。")
    with store.read() as session:
        if session.execute(select(table.c.id).where(table.c.id == key.strip())).first() is not None:
            return key.strip()
        model = REGISTERS.get(kind)
        if model is None:
            raise FieldError("key", f"找不到编号为“{shown(key)}”的{TABLE_LABELS.get(kind, kind)}记录。")
        return str(resolve(session, model, key, TABLE_LABELS[kind], "key").id)


def record_history(
    store: Store, kind: str, key: str, *, limit: int | None = None, newest_first: bool = True
) -> list[Entry]:
    """One record's history: every change (who, when, which field, old → new) and who
    saw it in full, newest first unless asked otherwise."""
    row_id = record_id(store, kind, key)
    return audit_log(store, Filters(key=row_id), limit=limit, order="newest" if newest_first else "oldest")


# --- the old reader, for ``liangxin journal`` --------------------------------------


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
