"""The exchange history (packages made, imported, receipts loaded), the station's
exchange status for the status bar, and undoing an import."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, desc, select, update
from sqlalchemy.exc import IntegrityError

from app.domain.dates import chinese_moment
from app.domain.station_time import local_time, station_zone_now
from app.errors import LiangxinError
from app.sync.apply import STATES
from app.sync.receipt import confirmed_text
from app.sync.rows import RowProblem, label, load_row, tables_by_name
from db.journal import allocate_seqs, dump_changes, utcnow
from db.models import JournalEntry, Station, SyncPackage, SyncRefusal, SyncUndo

DIRECTIONS = {"made": "生成", "imported": "导入"}
KINDS = {"up": "上报数据包", "down": "下发数据包", "receipt": "回执"}


def sync_history(store: Any, limit: int = 500) -> list[dict[str, Any]]:
    """Every package made or imported here, newest first."""
    with store.read() as session:
        names = dict(session.execute(select(Station.code, Station.name)).all())
        rows = session.scalars(select(SyncPackage).order_by(desc(SyncPackage.at)).limit(limit)).all()
        found = []
        for p in rows:
            summary = json.loads(p.summary or "{}")
            what = f"{DIRECTIONS.get(p.direction, p.direction)}{KINDS.get(p.kind, p.kind)}"
            if p.direction == "imported" and p.kind in ("receipt", "down"):
                what = f"载入{KINDS[p.kind]}"  # what a sub-district does with them
            at = local_time(p.at, station_zone_now())
            found.append(
                {
                    "id": p.id,
                    "short_id": short_id(p.id),
                    "direction": p.direction,
                    "kind": p.kind,
                    "what": what,
                    "station": p.station_code,
                    "station_name": names.get(p.station_code, p.station_code),
                    "range": [p.seq_from, p.seq_to],
                    "full": p.full,
                    "file": p.file_name,
                    "state": p.state,
                    "state_label": _state_label(p),
                    "message": summary.get("message", ""),
                    "counts": summary.get("counts", {}),
                    "at": at.isoformat(),  # the station's time, with its offset
                    "at_text": chinese_moment(at),
                    "refused": summary.get("refused")
                    if isinstance(summary.get("refused"), int)
                    else len(summary.get("refused") or []),
                    "by": p.by,
                    "can_roll_back": p.direction == "imported" and p.kind == "up" and p.state == "applied",
                }
            )
        return found


def short_id(package_id: str) -> str:
    """The part of a package's id a person types: its last 8 characters (the start of a
    time-ordered id is the same for everything made in the same minute)."""
    return package_id.strip()[-8:]


def _state_label(p: SyncPackage) -> str:
    if p.state == "made":
        return "已生成"
    label = STATES.get(p.state, p.state)
    # What a sub-district does with the district's files is 载入, not 导入.
    return label.replace("已导入", "已载入") if p.kind in ("down", "receipt") else label


def exchange_status(store: Any) -> dict[str, Any]:
    """For the status bar and the 数据交换 page: enrolled or not, and what the district holds."""
    with store.read() as session:
        me = session.scalar(select(Station).where(Station.is_self.is_(True)))
        assert me is not None
        keys_made = bool(me.sign_public_key)
        if me.role == "district":
            stations = session.scalars(select(Station).where(Station.is_self.is_(False))).all()
            return {
                "role": "district",
                "keys": keys_made,
                "stations": len(stations),
                "text": f"已登记街道 {len(stations)} 个" if keys_made else "尚未生成区里的密钥",
            }
        enrolled = bool(me.parent_code)
        if not enrolled:
            text = "尚未登记到区里"
        elif me.confirmed_seq:
            text = confirmed_text(me.confirmed_seq, me.confirmed_at)
        else:
            text = "区里尚未确认收到数据"
        refused = session.scalar(select(SyncRefusal.row_id).limit(1)) is not None
        return {
            "role": me.role,
            "keys": keys_made,
            "enrolled": enrolled,
            "confirmed_seq": me.confirmed_seq,
            "confirmed_at": me.confirmed_at.isoformat() if me.confirmed_at else None,
            "has_refusals": refused,
            "text": text,
        }


def rollback_import(store: Any, package_id: str) -> str:
    """The user action 撤销导入: the district as it was before that package, refused when
    a later import of the same station or a later change touched its rows."""
    with store.write() as session:
        package = session.get(SyncPackage, package_id)
        if package is None:
            matches = session.scalars(
                select(SyncPackage).where(SyncPackage.id.like(f"%{short_id(package_id)}")).limit(2)
            ).all()
            package = matches[0] if len(matches) == 1 else None
        if package is None or package.direction != "imported" or package.kind != "up":
            raise LiangxinError(
                f"没有编号为 {package_id} 的上报数据包导入记录，请在数据交换页的记录（或 liangxin sync history）中查看。"
            )
        if package.state != "applied":
            raise LiangxinError(
                f"“{package.file_name}”的导入状态是“{STATES.get(package.state, package.state)}”，没有可撤销的改动。"
            )
        later = session.scalar(
            select(SyncPackage)
            .where(
                SyncPackage.station_code == package.station_code,
                SyncPackage.direction == "imported",
                SyncPackage.kind == "up",
                SyncPackage.state == "applied",
                SyncPackage.at > package.at,
            )
            .order_by(SyncPackage.at)
            .limit(1)
        )
        if later is not None:
            raise LiangxinError(
                f"不能撤销“{package.file_name}”：其后又导入了同一街道的“{later.file_name}”，请先撤销那一次，未做改动。"
            )
        connection = session.connection()
        undo = connection.execute(
            select(SyncUndo).where(SyncUndo.package_id == package.id).order_by(desc(SyncUndo.ordinal))
        ).all()
        # The rows the import added: its journal entries for rows without an undo image,
        # newest first (children before the parents they point at).
        restored = {u.row_id for u in undo}
        span = json.loads(package.summary or "{}").get("journal")
        added = (
            [
                _Added(e.table_name, e.row_id, e.rev)
                for e in connection.execute(
                    select(JournalEntry.table_name, JournalEntry.row_id, JournalEntry.rev)
                    .where(JournalEntry.seq.between(span[0], span[1]))
                    .order_by(desc(JournalEntry.seq))
                )
                if e.row_id not in restored
            ]
            if span
            else []
        )
        tables = tables_by_name()
        journal: list[dict[str, Any]] = []
        for item in [*undo, *added]:
            table = tables[item.table_name]
            current = connection.execute(select(table).where(table.c.id == item.row_id)).mappings().first()
            if current is None or current["rev"] != item.rev:
                raise LiangxinError(
                    f"不能撤销“{package.file_name}”：{label(item.table_name)}记录 {item.row_id[:8]} 在这次导入之后又被改动过，未做改动。"
                )
            try:
                if item.before is None:
                    connection.execute(delete(table).where(table.c.id == item.row_id))
                    journal.append(_entry(item.table_name, current, "delete", {}))
                else:
                    before = load_row(item.table_name, json.loads(item.before))
                    connection.execute(update(table).where(table.c.id == item.row_id).values(before))
                    changes = {k: [current.get(k), v] for k, v in before.items() if current.get(k) != v}
                    journal.append(_entry(item.table_name, before, "update", changes))
            except IntegrityError:
                raise LiangxinError(
                    f"不能撤销“{package.file_name}”：区里已有记录引用了这次导入新增的{label(item.table_name)}，未做改动。"
                ) from None
            except RowProblem:
                raise LiangxinError(
                    f"不能撤销“{package.file_name}”：保存的原数据已损坏，未做改动。"
                ) from None
        if journal:
            first = allocate_seqs(connection, len(journal))
            now = utcnow()
            by = f"rollback:{package.station_code}"
            connection.execute(
                JournalEntry.__table__.insert(),
                [{**e, "seq": seq, "at": now, "by": by} for seq, e in enumerate(journal, start=first)],
            )
        connection.execute(delete(SyncRefusal).where(SyncRefusal.package_id == package.id))
        station = session.get(Station, package.station_code)
        if station is not None and package.received_before is not None:
            station.last_received_seq = package.received_before
        package.state = "rolled_back"
        return f"已撤销“{package.file_name}”的导入：恢复了 {len(undo) + len(added)} 条记录，区里现有该街道至 #{package.received_before} 的数据。"


class _Added:
    """A row an import added: removed by its rollback (it has no earlier version)."""

    before = None

    def __init__(self, table_name: str, row_id: str, rev: int) -> None:
        self.table_name, self.row_id, self.rev = table_name, row_id, rev


def _entry(table: str, row: Any, op: str, changes: dict[str, list[Any]]) -> dict[str, Any]:
    return {
        "table_name": table,
        "row_id": row["id"],
        "op": op,
        "owner": row["owner"],
        "rev": row["rev"],
        "changes": dump_changes(changes),
    }
