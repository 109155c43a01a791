"""导入数据包 at the district: verify, plan (dry run), apply in one transaction, roll back.

The rules (DESIGN.md "Sync packages", with what issue 13 added):
- the signature must be a registered, unrevoked station's, and the manifest must name
  that station, this district and this program's schema;
- a row is stored only when it is the sending station's and its ``rev`` is newer than
  the stored one: re-importing changes nothing, and any order the gap rule allows ends
  in the same state;
- a package leaving a gap after the range already received waits (a full snapshot never
  does); one whose range is already held changes nothing and says so;
- a row that breaks a register's bounds or points at a record the district does not
  hold is refused (with its reason) and the rest is stored; the refusals go back in the
  receipt;
- after applying, the district holds exactly as many of the station's rows as the
  manifest says (less those refused), or the whole import rolls back;
- what each import replaced is kept, so the latest import of a station can be undone.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, insert, select, update

from app.errors import LiangxinError
from app.jobs import Job, Progress, run_job
from app.logs import log_storage_detail
from app.sync import crypto, keys
from app.sync.package import (
    SUFFIX,
    Opened,
    PackageRefused,
    Sealed,
    change_lines,
    open_payload,
    public_key_id,
    read_sealed,
    signer_key_id,
)
from app.sync.rows import (
    RowProblem,
    domain_problem,
    label,
    load_row,
    parents_first,
    references,
    synced_tables,
    tables_by_name,
    to_json,
)
from db import migrate
from db.base import BOOKKEEPING_COLUMNS
from db.bulk import insert_rows
from db.journal import allocate_seqs, dump_changes, new_id, utcnow
from db.models import JournalEntry, Station, SyncPackage, SyncRefusal, SyncUndo

CHUNK = 500
KIND_WORDS = {"up": "上报数据包", "down": "下发数据包", "receipt": "回执"}
STATES = {
    "applied": "已导入",
    "dry_run": "预检",
    "unchanged": "已导入，无变化",
    "waiting": "等待前序数据包",
    "refused": "已拒收",
    "rolled_back": "已撤销",
}


@dataclass
class Refusal:
    table: str
    id: str
    rev: int
    reason: str
    name: str = ""  # the record's name, when it has one

    def sentence(self) -> str:
        who = f"“{self.name}”" if self.name else self.id[:8]
        return f"{label(self.table)}{who}：{self.reason}"


@dataclass
class Imported:
    """What became (or, in a dry run, would become) of one package."""

    path: Path
    state: str  # applied | dry_run | unchanged | waiting | refused
    message: str
    station: str = ""
    station_name: str = ""
    seq_from: int = 0
    seq_to: int = 0
    full: bool = False
    counts: dict[str, dict[str, int]] = field(
        default_factory=dict
    )  # {table: {new|updated|unchanged|refused}}
    refusals: list[Refusal] = field(default_factory=list)
    package_id: str | None = None
    receipt: Path | None = None

    @property
    def changed_rows(self) -> int:
        return sum(c.get("new", 0) + c.get("updated", 0) for c in self.counts.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "state": self.state,
            "message": self.message,
            "station": self.station,
            "range": [self.seq_from, self.seq_to],
            "full": self.full,
            "counts": self.counts,
            "refused": [
                {"table": r.table, "id": r.id, "rev": r.rev, "name": r.name, "reason": r.reason}
                for r in self.refusals
            ],
            "package_id": self.package_id,
            "receipt": str(self.receipt) if self.receipt else None,
        }


@dataclass
class _Plan:
    opened: Opened
    station: Station
    new: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    updated: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    before: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # table -> id -> stored row
    unchanged: dict[str, int] = field(default_factory=dict)
    refusals: list[Refusal] = field(default_factory=list)
    held: set[tuple[str, str]] = field(default_factory=set)  # rows now held at their sent version

    def counts(self) -> dict[str, dict[str, int]]:
        found: dict[str, dict[str, int]] = {}
        for table in synced_tables():
            name = table.name
            c = {
                "new": len(self.new.get(name, [])),
                "updated": len(self.updated.get(name, [])),
                "unchanged": self.unchanged.get(name, 0),
                "refused": sum(1 for r in self.refusals if r.table == name),
            }
            if any(c.values()):
                found[name] = c
        return found


def package_files(paths: Iterable[str | Path], kind: str = "up") -> list[Path]:
    """The files to import: each file given, and the packages inside each folder given."""
    found: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            # Receipts written beside the packages (the same USB stick) are not for import.
            inside = sorted(
                p for p in path.iterdir() if p.suffix == SUFFIX and p.is_file() and _looks_like(p, kind)
            )
            if not inside:
                raise LiangxinError(f"文件夹“{path}”里没有 {SUFFIX} 数据包。")
            found.extend(inside)
        else:
            found.append(path)
    return found


# --- verifying ---------------------------------------------------------------------


def _sender(session: Any, sealed: Sealed) -> Station:
    key_id = signer_key_id(sealed)
    me = _self(session)
    for station in session.scalars(select(Station).where(Station.is_self.is_(False))):
        if station.sign_public_key and public_key_id(station.sign_public_key) == key_id:
            keys.sender_keys(session, station.code)  # refuses a revoked station, with its name
            return station
    if me.sign_public_key and public_key_id(me.sign_public_key) == key_id:
        raise PackageRefused(f"数据包“{sealed.path.name}”是本站点自己生成的，不需要导入。")
    raise PackageRefused(
        f"数据包“{sealed.path.name}”的签名不属于任何已登记的站点（可能来自未登记、已撤销或已重新登记的站点），"
        "未导入任何数据；请核对后让该街道重新生成。"
    )


def _self(session: Any) -> Station:
    me = session.scalar(select(Station).where(Station.is_self.is_(True)))
    assert me is not None
    return me


def verify(
    session: Any, sealed: Sealed, secrets: crypto.SecretKeys, kind: str = "up"
) -> tuple[Opened, Station]:
    """A package whose signature, sender, addressee, schema and checksums all hold."""
    station = _sender(session, sealed)
    name = sealed.path.name
    try:
        comment = crypto.verify(station.sign_public_key or "", sealed.payload, sealed.signature)
    except LiangxinError:
        raise PackageRefused(
            f"数据包“{name}”的签名与街道“{station.name}”登记的密钥不符（文件被改动或损坏），未导入任何数据；"
            "请让该街道重新生成，或重新复制。"
        ) from None
    try:
        plaintext = crypto.decrypt(secrets, sealed.payload)
    except LiangxinError:
        raise PackageRefused(f"数据包“{name}”不是加密给本站点的，无法解开，未导入任何数据。") from None
    opened = open_payload(sealed, plaintext, comment)
    manifest = opened.manifest
    me = _self(session)
    if opened.station != station.code:
        raise PackageRefused(
            f"数据包“{name}”由街道“{station.name}”（{station.code}）签名，却自称来自 {opened.station:.12}，"
            "未导入任何数据。"
        )
    if manifest["kind"] != kind:
        raise PackageRefused(
            f"“{name}”不是{KIND_WORDS[kind]}（它是 {manifest['kind']:.10}），未导入任何数据。"
        )
    addressee = manifest.get("to") if kind == "down" else manifest["district"]
    if addressee != me.code:
        raise PackageRefused(
            f"数据包“{name}”是发给 {addressee!s:.12} 的，不是本站点（{me.code}），未导入任何数据。"
        )
    expected = f"liangxin {kind} {station.code} {opened.seq_from}-{opened.seq_to}"
    if comment.strip() != expected:
        raise PackageRefused(f"数据包“{name}”的签名说明与内容不符，未导入任何数据。")
    _check_schema(name, manifest["schema"])
    return opened, station


def _check_schema(name: str, schema: str) -> None:
    head = migrate.head_revision()
    if schema == head:
        return
    if schema.isdigit() and head.isdigit() and int(schema) > int(head):
        raise PackageRefused(
            f"数据包“{name}”由较新版本的程序生成（数据结构 {schema:.10}，本程序 {head}），"
            "请先升级本程序再导入，未导入任何数据。"
        )
    raise PackageRefused(
        f"数据包“{name}”由较旧版本的程序生成（数据结构 {schema:.10}，本程序 {head}），"
        "请让该街道升级程序后重新生成，未导入任何数据。"
    )


# --- planning ----------------------------------------------------------------------


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _stored_versions(connection: Any, table: Table, ids: list[str]) -> dict[str, tuple[str, int]]:
    found: dict[str, tuple[str, int]] = {}
    for chunk in _chunks(ids):
        for row in connection.execute(
            select(table.c.id, table.c.owner, table.c.rev).where(table.c.id.in_(chunk))
        ):
            found[row[0]] = (row[1], row[2])
    return found


def _existing(connection: Any, table: Table, ids: set[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(sorted(ids)):
        found.update(connection.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
    return found


def _name_of(row: dict[str, Any]) -> str:
    for key in ("name", "title", "key", "code"):
        value = row.get(key)
        if isinstance(value, str) and value:
            return value[:50]
    return ""


def plan(session: Any, opened: Opened, station: Station) -> _Plan:
    """What applying the package would do, row by row (nothing is written)."""
    from app.sync.down import DOWN_TABLES

    result = _Plan(opened, station)
    tables = tables_by_name()
    if opened.manifest["kind"] == "down":
        tables = {name: t for name, t in tables.items() if name in DOWN_TABLES}
    incoming: dict[str, list[dict[str, Any]]] = {}
    for change in change_lines(opened):
        table = change.get("table")
        row = change["row"]
        if table not in tables:
            raise PackageRefused(
                f"数据包“{opened.path.name}”含有本程序不认识的数据（{table!s:.40}），未导入任何数据。"
            )
        owner = row.get("owner")
        if owner != station.code or change.get("owner") != station.code:
            raise PackageRefused(
                f"数据包“{opened.path.name}”含有不属于街道“{station.name}”的记录（属于 {owner!s:.12}），"
                "未导入任何数据。"
            )
        if change.get("id") != row.get("id") or change.get("rev") != row.get("rev"):
            raise PackageRefused(
                f"数据包“{opened.path.name}”的第 {change.get('id')!s:.36} 条数据前后不一致，未导入任何数据。"
            )
        incoming.setdefault(table, []).append(row)
    connection = session.connection()
    accepted: dict[str, set[str]] = {}
    for table in synced_tables():
        rows = incoming.get(table.name)
        if not rows:
            continue
        name = table.name
        loaded: list[dict[str, Any]] = []
        for raw in rows:
            rid, rev = str(raw.get("id", ""))[:36], raw.get("rev") if isinstance(raw.get("rev"), int) else 0
            try:
                row = load_row(name, raw)
            except RowProblem as exc:
                result.refusals.append(Refusal(name, rid, rev, str(exc), _name_of(raw)))
                continue
            problem = domain_problem(name, row)
            if problem:
                result.refusals.append(Refusal(name, rid, rev, problem, _name_of(row)))
                continue
            loaded.append(row)
        stored = _stored_versions(connection, table, [r["id"] for r in loaded])
        candidates: list[tuple[dict[str, Any], str]] = []
        for row in loaded:
            found = stored.get(row["id"])
            if found is None:
                candidates.append((row, "new"))
            elif found[0] != station.code:
                result.refusals.append(
                    Refusal(
                        name,
                        row["id"],
                        row["rev"],
                        f"编号与站点 {found[0]} 的记录相同，不能覆盖",
                        _name_of(row),
                    )
                )
            elif found[1] >= row["rev"]:
                result.unchanged[name] = result.unchanged.get(name, 0) + 1
                accepted.setdefault(name, set()).add(row["id"])
                result.held.add((name, row["id"]))
            else:
                candidates.append((row, "updated"))
        _check_references(connection, name, candidates, accepted, result)
    return result


def _check_references(
    connection: Any,
    name: str,
    candidates: list[tuple[dict[str, Any], str]],
    accepted: dict[str, set[str]],
    result: _Plan,
) -> None:
    """Refuse rows that point at a record neither in the package (accepted) nor held here."""
    refs = references(name)
    outside: dict[str, set[str]] = {}
    in_package = {row["id"] for row, _ in candidates}
    for row, _ in candidates:
        for column, target in refs:
            value = row.get(column)
            if (
                value
                and value not in accepted.get(target, ())
                and not (target == name and value in in_package)
            ):
                outside.setdefault(target, set()).add(value)
    present = {
        target: _existing(connection, tables_by_name()[target], ids) for target, ids in outside.items()
    }
    mine = accepted.setdefault(name, set())
    ordered = parents_first(name, [row for row, _ in candidates])
    kind_of = {row["id"]: kind for row, kind in candidates}
    refused_here: set[str] = set()
    for row in ordered:
        missing = None
        for column, target in refs:
            value = row.get(column)
            if not value:
                continue
            if target == name and value in in_package:
                if value in refused_here:
                    missing = target
                    break
                continue
            if value not in accepted.get(target, ()) and value not in present.get(target, ()):
                missing = target
                break
        if missing:
            refused_here.add(row["id"])
            result.refusals.append(
                Refusal(
                    name,
                    row["id"],
                    row["rev"],
                    f"引用的{label(missing)}记录区里没有（或已被拒收）",
                    _name_of(row),
                )
            )
            continue
        mine.add(row["id"])
        result.held.add((name, row["id"]))
        (result.new if kind_of[row["id"]] == "new" else result.updated).setdefault(name, []).append(row)
    if kind_of:
        needed = {row["id"] for row in result.updated.get(name, [])}
        if needed:
            table = tables_by_name()[name]
            before: dict[str, dict[str, Any]] = {}
            for chunk in _chunks(sorted(needed)):
                for stored in connection.execute(select(table).where(table.c.id.in_(chunk))).mappings():
                    before[stored["id"]] = dict(stored)
            result.before[name] = before


# --- applying ----------------------------------------------------------------------


def _journal(connection: Any, plan_: _Plan, by: str) -> tuple[int, int] | None:
    """Journal every row the import wrote; returns the range of numbers it took (a rollback
    finds the rows the import added there, so they need no undo image of their own)."""
    entries: list[tuple[str, dict[str, Any], str, dict[str, list[Any]]]] = []
    for table in synced_tables():
        for row in plan_.new.get(table.name, []):
            # The row as it arrived is in its table and the package: the district's
            # journal notes that it came, not every field again (a merge of twenty
            # sub-districts would write each value three times).
            entries.append((table.name, row, "delete" if row.get("deleted") else "insert", {}))
        before = plan_.before.get(table.name, {})
        for row in plan_.updated.get(table.name, []):
            old = before.get(row["id"], {})
            changes = {
                k: [old.get(k), v] for k, v in row.items() if k not in BOOKKEEPING_COLUMNS and old.get(k) != v
            }
            op = "delete" if changes.get("deleted") == [False, True] else "update"
            entries.append((table.name, row, op, changes))
    if not entries:
        return None
    first = allocate_seqs(connection, len(entries))
    now = utcnow()
    insert_rows(
        connection,
        JournalEntry.__table__,
        [
            {
                "seq": seq,
                "table_name": table,
                "row_id": row["id"],
                "op": op,
                "owner": row["owner"],
                "rev": row["rev"],
                "changes": dump_changes(changes) if changes else "{}",
                "at": now,
                "by": by,
            }
            for seq, (table, row, op, changes) in enumerate(entries, start=first)
        ],
    )
    return first, first + len(entries) - 1


def _write_rows(connection: Any, plan_: _Plan, package_id: str) -> None:
    undo: list[dict[str, Any]] = []
    tables = synced_tables()
    for table in tables:
        name = table.name
        new = plan_.new[name] = parents_first(name, plan_.new.get(name, []))
        if new:
            insert_rows(connection, table, new)
        changed = plan_.updated.get(name, [])
        if changed:
            before = plan_.before.get(name, {})
            statement = update(table).where(table.c.id == bindparam("b_id"))
            connection.execute(
                statement, [{**{k: v for k, v in r.items() if k != "id"}, "b_id": r["id"]} for r in changed]
            )
            undo.extend(
                {
                    "table_name": name,
                    "row_id": r["id"],
                    "rev": r["rev"],
                    "before": json.dumps(
                        {k: to_json(v) for k, v in before[r["id"]].items()}, ensure_ascii=False
                    ),
                }
                for r in changed
            )
    if undo:
        insert_rows(
            connection,
            SyncUndo.__table__,
            [{**u, "package_id": package_id, "ordinal": i} for i, u in enumerate(undo)],
        )


def _remember_refusals(connection: Any, plan_: _Plan, package_id: str) -> None:
    """The station's outstanding refusals: rows now held drop out, this package's join."""
    code = plan_.station.code
    held = plan_.held
    stored = connection.execute(
        select(SyncRefusal.table_name, SyncRefusal.row_id).where(SyncRefusal.station_code == code)
    ).all()
    again = {(r.table, r.id) for r in plan_.refusals}
    settled = [(t, i) for t, i in stored if (t, i) in held or (t, i) in again]
    for chunk_start in range(0, len(settled), CHUNK):
        for t, i in settled[chunk_start : chunk_start + CHUNK]:
            connection.execute(
                delete(SyncRefusal).where(SyncRefusal.table_name == t, SyncRefusal.row_id == i)
            )
    if plan_.refusals:
        connection.execute(
            insert(SyncRefusal),
            [
                {
                    "station_code": code,
                    "table_name": r.table,
                    "row_id": r.id,
                    "rev": r.rev,
                    "reason": r.reason[:2000],
                    "package_id": package_id,
                }
                for r in {(r.table, r.id): r for r in plan_.refusals}.values()
            ],
        )


def _check_totals(connection: Any, plan_: _Plan) -> None:
    """The district now holds as many of the station's rows as the station has, less
    those refused and not held in any version; otherwise the import is undone."""
    code = plan_.station.code
    totals: dict[str, int] = plan_.opened.manifest.get("totals", {})
    refused = connection.execute(
        select(SyncRefusal.table_name, SyncRefusal.row_id).where(SyncRefusal.station_code == code)
    ).all()
    for name, expected in totals.items():
        table = tables_by_name().get(name)
        if table is None:
            continue
        held = connection.scalar(select(func.count()).select_from(table).where(table.c.owner == code)) or 0
        missing_ids = {i for t, i in refused if t == name}
        missing = len(missing_ids - _existing(connection, table, missing_ids)) if missing_ids else 0
        if held + missing != expected:
            raise PackageRefused(
                f"数据包“{plan_.opened.path.name}”导入后{label(name)}的条数（{held + missing}）与清单（{expected}）不符，"
                "已全部撤回，未导入任何数据；请让该街道选择“全量”重新生成。"
            )


def _history(
    session: Any, result: Imported, sha256: str, *, received_before: int | None, by: str, kind: str = "up"
) -> str:
    package_id = result.package_id or new_id()
    session.add(
        SyncPackage(
            id=package_id,
            direction="imported",
            kind=kind,
            station_code=result.station,
            seq_from=result.seq_from,
            seq_to=result.seq_to,
            full=result.full,
            file_name=result.path.name[:200],
            sha256=sha256,
            state=result.state,
            summary=json.dumps(
                {
                    "message": result.message,
                    "counts": result.counts,
                    "refused": [r.sentence() for r in result.refusals[:1000]],
                },
                ensure_ascii=False,
            ),
            received_before=received_before,
            at=utcnow(),
            by=by,
        )
    )
    session.flush()
    return package_id


def _summary(result: Imported) -> str:
    totals = {
        k: sum(c.get(k, 0) for c in result.counts.values())
        for k in ("new", "updated", "unchanged", "refused")
    }
    return f"新增 {totals['new']}、更新 {totals['updated']}、无变化 {totals['unchanged']}、拒收 {totals['refused']}"


def _import_one(
    store: Any, path: Path, secrets: crypto.SecretKeys, dry_run: bool, kind: str, ahead: dict[str, int]
) -> Imported:
    result = Imported(path, "refused", "")
    sealed: Sealed | None = None
    try:
        sealed = read_sealed(path)
        if dry_run:  # a read: nothing is written, not even the history
            with store.read() as session:
                return _attempt(
                    session, sealed, secrets, result, dry_run=True, by=store.user, kind=kind, ahead=ahead
                )
        with store.write() as session:
            return _attempt(session, sealed, secrets, result, dry_run=False, by=store.user, kind=kind)
    except LiangxinError as exc:
        result.state, result.message = "refused", exc.message
        result.counts, result.refusals = {}, []
        if not dry_run:
            _record_refused(store, result, sealed, kind)
        return result


def _attempt(
    session: Any,
    sealed: Sealed,
    secrets: crypto.SecretKeys,
    result: Imported,
    *,
    dry_run: bool,
    by: str,
    kind: str,
    ahead: dict[str, int] | None = None,
) -> Imported:
    opened, station = verify(session, sealed, secrets, kind)
    holder = "区里" if kind == "up" else "本站点"
    # A dry run of a batch: a package that follows one before it in the batch is judged as
    # if that one were in (the real import takes them in the same order).
    ahead = ahead if ahead is not None else {}
    result.station, result.station_name = station.code, station.name
    result.seq_from, result.seq_to, result.full = opened.seq_from, opened.seq_to, opened.full
    received = max(station.last_received_seq, ahead.get(station.code, 0))
    if not opened.full and opened.seq_to <= received:
        result.state = "unchanged"
        result.message = f"“{path_name(result)}”{'已导入' if kind == 'up' else '已载入'}，无变化（{holder}已有 {station.name} 至 #{received} 的数据）。"
        if not dry_run:
            _history(session, result, sealed.sha256, received_before=received, by=by, kind=kind)
        return result
    if not opened.full and opened.seq_from > received + 1:
        result.state = "waiting"
        result.message = (
            f"“{path_name(result)}”暂不能导入：{holder}有 {station.name} 至 #{received} 的数据，"
            f"还缺 #{received + 1} 至 #{opened.seq_from - 1}，请先导入含这段的数据包（或请对方生成全量数据包）。"
        )
        return result
    planned = plan(session, opened, station)
    result.counts, result.refusals = planned.counts(), planned.refusals
    if dry_run:
        result.state = "dry_run"
        after = (
            "（排在同批前一个数据包之后，计数按目前数据估算）" if received > station.last_received_seq else ""
        )
        result.message = f"“{path_name(result)}”预检：{_summary(result)}，尚未导入{after}。"
        ahead[station.code] = max(received, opened.seq_to)
        return result
    result.state = "applied"
    result.message = f"{'已导入' if kind == 'up' else '已载入'}“{path_name(result)}”：{_summary(result)}。"
    result.package_id = _history(session, result, sealed.sha256, received_before=received, by=by, kind=kind)
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    _write_rows(connection, planned, result.package_id)
    journaled = _journal(connection, planned, f"sync:{station.code}"[:64])
    if journaled:
        package = session.get(SyncPackage, result.package_id)
        package.summary = json.dumps(
            {**json.loads(package.summary), "journal": list(journaled)}, ensure_ascii=False
        )
    _remember_refusals(connection, planned, result.package_id)
    if opened.full or opened.seq_to >= received:
        _check_totals(connection, planned)
    station.last_received_seq = max(received, opened.seq_to)
    return result


def path_name(result: Imported) -> str:
    return result.path.name


def _record_refused(store: Any, result: Imported, sealed: Sealed | None, kind: str) -> None:
    """A refused file is in the history too (nothing else is written)."""
    import hashlib

    digest = sealed.sha256 if sealed else hashlib.sha256(str(result.path).encode()).hexdigest()
    try:
        with store.write() as session:
            _history(session, result, digest, received_before=None, by=store.user, kind=kind)
    except LiangxinError:
        pass  # the refusal itself is what the person must see


def import_job(
    store: Any,
    paths: Iterable[str | Path],
    *,
    dry_run: bool = False,
    passphrase: str | None = None,
    receipt_dir: str | Path | None = None,
    write_receipts: bool = True,
) -> Job[list[Imported]]:
    """The user action 导入数据包 over one or many files (or folders), as a job.

    Packages are taken in order of station and range, so a batch that fills its own
    gaps imports whole; each package is one transaction."""
    # The district imports sub-districts' up packages; a sub-district loads the district's down ones.
    kind = "up" if store.station.role == "district" else "down"
    files = package_files(paths, kind)
    secrets = keys.unlocked(store, passphrase)
    order: list[tuple[tuple[str, int], Path]] = []
    for path in files:
        order.append((_sort_key(path), path))
    order.sort(key=lambda item: item[0])
    results: list[Imported] = []
    ahead: dict[str, int] = {}
    for done, (_, path) in enumerate(order):
        yield Progress(f"{'预检' if dry_run else '导入'} {path.name}", done, len(order))
        result = _import_one(store, path, secrets, dry_run, kind, ahead)
        if result.state == "applied" and write_receipts and kind == "up":
            from app.sync.receipt import write_receipt_beside

            result.receipt, note = write_receipt_beside(store, result, secrets, receipt_dir)
            if note:
                result.message += note
        results.append(result)
    if any(r.state == "applied" for r in results):
        _refresh_statistics(store)
    return results


def _refresh_statistics(store: Any) -> None:
    """A merge can multiply a table at once; SQLite plans from the statistics it last
    gathered, so let it gather them again where they are out of date (cheap when not)."""
    if store.engine.dialect.name != "sqlite":
        return  # PostgreSQL's autovacuum analyzes by itself
    try:
        with store.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA optimize")
    except Exception as exc:  # statistics are an optimisation: never a reason to report a failure
        log_storage_detail("导入后更新 SQLite 统计信息未成功（不影响数据）", exc)


def _looks_like(path: Path, kind: str) -> bool:
    """By its name, a package of ``kind`` (receipts beside the packages are not for import)."""
    if path.stem.endswith("-receipt"):
        return False
    return path.stem.endswith("-down") == (kind == "down")


def _sort_key(path: Path) -> tuple[str, int]:
    parts = path.stem.split("-")
    if len(parts) >= 3 and parts[1].isdigit():
        return parts[0], int(parts[1])
    return path.stem, 0


def import_packages(
    store: Any,
    paths: Iterable[str | Path],
    *,
    dry_run: bool = False,
    passphrase: str | None = None,
    receipt_dir: str | Path | None = None,
    write_receipts: bool = True,
    on_progress: Callable[[Progress], Any] | None = None,
) -> list[Imported]:
    return run_job(
        import_job(
            store,
            paths,
            dry_run=dry_run,
            passphrase=passphrase,
            receipt_dir=receipt_dir,
            write_receipts=write_receipts,
        ),
        on_progress,
    )
