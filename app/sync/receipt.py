"""回执: after an import the district signs, for the station, what it now holds of it
(the range, counts per register) and every record it refused with the reason. The
sub-district loads it: its status bar says what the district holds, its next package
starts after that range, and refused records show on their pages with the reason."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select

from app.domain.station_time import station_date
from app.errors import LiangxinError
from app.sync import crypto, keys
from app.sync.apply import Imported, _check_schema, _self
from app.sync.export import _os_reason, _write
from app.sync.package import (
    PackageRefused,
    file_name,
    inner_zip,
    open_payload,
    public_key_id,
    read_sealed,
    signer_key_id,
)
from app.sync.rows import label, synced_tables
from db import migrate
from db.journal import new_id, utcnow
from db.models import Station, SyncPackage, SyncRefusal


@dataclass
class Receipt:
    station: str
    held_to: int
    at: datetime
    totals: dict[str, int]
    refused: list[dict[str, Any]] = field(default_factory=list)
    path: Path | None = None
    message: str = ""


def _receipt_manifest(session: Any, station: Station, district: Station) -> dict[str, Any]:
    totals = {}
    for table in synced_tables():
        n = session.scalar(select(func.count()).select_from(table).where(table.c.owner == station.code)) or 0
        if n:
            totals[table.name] = n
    refused = [
        {"table": r.table_name, "id": r.row_id, "rev": r.rev, "reason": r.reason}
        for r in session.scalars(
            select(SyncRefusal)
            .where(SyncRefusal.station_code == station.code)
            .order_by(SyncRefusal.table_name)
        )
    ]
    return {
        "format": 1,
        "kind": "receipt",
        "station": station.code,
        "district": district.code,
        "schema": migrate.head_revision(),
        "range": [1, station.last_received_seq],
        "totals": totals,
        "refused": refused,
        "created_at": utcnow().isoformat(),
    }


def write_receipt(store: Any, station_code: str, out: str | Path, passphrase: str | None = None) -> Receipt:
    """The user action 生成回执 (district): a signed receipt for one station, to ``out``
    (a file, or a folder to put the usual name in)."""
    if store.station.role != "district":
        raise LiangxinError("回执由区生成；街道请载入区里发来的回执。")
    secrets = keys.unlocked(store, passphrase)
    with store.read() as session:
        station = session.get(Station, station_code)
        if station is None or station.is_self:
            raise LiangxinError(
                f"没有登记代码为 {station_code} 的街道，请先用 station list 查看已登记的街道。"
            )
        recipient = keys.sender_keys(session, station.code)
        manifest = _receipt_manifest(session, station, _self(session))
        own = keys.own_public(session)
        station_name = station.name
    held = manifest["range"][1]
    payload = crypto.encrypt([recipient.age, own.age], inner_zip(manifest, b""))
    signature = crypto.sign(secrets, payload, f"liangxin receipt {station_code} 1-{held}")
    target = Path(out)
    if target.is_dir():
        target = target / file_name(station_code, 1, held, "receipt")
    _write(target, payload, signature)
    return Receipt(
        station_code,
        held,
        datetime.fromisoformat(manifest["created_at"]),
        manifest["totals"],
        manifest["refused"],
        target,
        f"已为 {station_name} 生成回执“{target.name}”：区里已有其至 #{held} 的数据，拒收 {len(manifest['refused'])} 条。",
    )


def write_receipt_beside(
    store: Any, result: Imported, secrets: crypto.SecretKeys, folder: str | Path | None
) -> tuple[Path | None, str]:
    """After an import: the receipt beside the package (the same USB stick goes back),
    or in the data folder when that is read-only. Returns (path, note for the message)."""
    from app.paths import data_dir

    places = [Path(folder)] if folder else [result.path.parent]
    places.append(data_dir() / "receipts")
    last = ""
    for place in places:
        try:
            place.mkdir(parents=True, exist_ok=True)
            receipt = write_receipt(store, result.station, place)
        except (PackageRefused, OSError) as exc:
            last = _os_reason(exc) if isinstance(exc, OSError) else exc.message
            continue
        return receipt.path, f"回执已写到“{receipt.path}”，请交给街道载入。"
    return None, f"但回执没能写出（{last}），请用“生成回执”另存。"


def load_receipt(store: Any, path: str | Path, passphrase: str | None = None) -> Receipt:
    """The user action 载入回执 (sub-district)."""
    if store.station.role == "district":
        raise LiangxinError("回执是给街道载入的；区里导入的是上报数据包。")
    sealed = read_sealed(path)
    secrets = keys.unlocked(store, passphrase)
    name = sealed.path.name
    with store.write() as session:
        me = _self(session)
        district = session.get(Station, me.parent_code or "")
        if district is None or not district.sign_public_key:
            raise LiangxinError("本站点还没有登记到区里，无法核对回执：请先载入区里发来的登记文件。")
        if public_key_id(district.sign_public_key) != signer_key_id(sealed):
            raise PackageRefused(f"“{name}”不是区（{district.name}）签名的回执，未做改动。")
        try:
            comment = crypto.verify(district.sign_public_key, sealed.payload, sealed.signature)
            plaintext = crypto.decrypt(secrets, sealed.payload)
        except LiangxinError:
            raise PackageRefused(f"回执“{name}”已损坏或被改动过，未做改动；请让区里重新生成。") from None
        opened = open_payload(sealed, plaintext, comment)
        manifest = opened.manifest
        if manifest["kind"] != "receipt":
            raise PackageRefused(f"“{name}”不是回执，未做改动。")
        if manifest["station"] != me.code or manifest["district"] != district.code:
            raise PackageRefused(
                f"回执“{name}”是给 {manifest['station']:.12} 的，不是本站点（{me.code}），未做改动。"
            )
        if comment.strip() != f"liangxin receipt {me.code} 1-{opened.seq_to}":
            raise PackageRefused(f"回执“{name}”的签名说明与内容不符，未做改动。")
        _check_schema(name, manifest["schema"])
        refused = manifest.get("refused", [])
        if not isinstance(refused, list) or not all(isinstance(r, dict) for r in refused):
            raise PackageRefused(f"回执“{name}”的内容格式不对，未做改动。")
        try:
            at = datetime.fromisoformat(manifest["created_at"])
        except ValueError:
            raise PackageRefused(f"回执“{name}”的日期不对，未做改动。") from None
        receipt = Receipt(me.code, opened.seq_to, at, dict(manifest.get("totals", {})), refused, sealed.path)
        if me.confirmed_at is not None and _aware(me.confirmed_at) >= at:
            receipt.message = f"“{name}”不比已载入的回执新（区已确认至 #{me.confirmed_seq}），未做改动。"
            return receipt
        me.confirmed_seq, me.confirmed_at = opened.seq_to, at
        receipt_id = new_id()
        connection = session.connection()
        connection.execute(delete(SyncRefusal))
        rows = [
            {
                "station_code": me.code,
                "table_name": str(r.get("table", ""))[:40],
                "row_id": str(r.get("id", ""))[:36],
                "rev": r.get("rev") if isinstance(r.get("rev"), int) else 0,
                "reason": str(r.get("reason", ""))[:2000],
                "package_id": receipt_id,
            }
            for r in refused
        ]
        unique = list({(r["table_name"], r["row_id"]): r for r in rows}.values())
        if unique:
            connection.execute(insert(SyncRefusal), unique)
        session.add(
            SyncPackage(
                id=receipt_id,
                direction="imported",
                kind="receipt",
                station_code=district.code,
                seq_from=1,
                seq_to=opened.seq_to,
                full=False,
                file_name=name[:200],
                sha256=sealed.sha256,
                state="applied",
                summary=json.dumps({"refused": len(unique), "totals": receipt.totals}, ensure_ascii=False),
                received_before=None,
                at=utcnow(),
                by=store.user,
            )
        )
        receipt.message = f"已载入回执：{confirmed_text(opened.seq_to, at)}" + (
            f"；区里拒收 {len(unique)} 条记录，请在各页面查看原因并修改后再上报。"
            if unique
            else "，没有被拒收的记录。"
        )
        return receipt


def _aware(value: datetime) -> datetime:
    from datetime import UTC

    return value if value.tzinfo else value.replace(tzinfo=UTC)


def confirmed_text(seq: int, at: datetime | None) -> str:
    """区已确认至 #1532，11月20日 (the station's own day)."""
    if at is None:
        return f"区已确认至 #{seq}"
    day = station_date(at)
    return f"区已确认至 #{seq}，{day.month}月{day.day}日"


def refusal_of(store: Any, table: str, row_id: str) -> str | None:
    """Why the district refused this record (its latest receipt), or None."""
    with store.read() as session:
        row = session.get(SyncRefusal, (table, row_id))
        return row.reason if row else None


def list_refusals(store: Any) -> list[dict[str, Any]]:
    with store.read() as session:
        rows = session.scalars(select(SyncRefusal).order_by(SyncRefusal.table_name, SyncRefusal.row_id)).all()
        found = []
        for r in rows:
            found.append(
                {
                    "station": r.station_code,
                    "table": r.table_name,
                    "register": label(r.table_name),
                    "id": r.row_id,
                    "name": _record_name(session, r.table_name, r.row_id),
                    "reason": r.reason,
                }
            )
        return found


def _record_name(session: Any, table: str, row_id: str) -> str:
    from app.sync.rows import tables_by_name

    t = tables_by_name().get(table)
    if t is None:
        return ""
    for column in ("name", "title", "key"):
        if column in t.c:
            value = session.scalar(select(t.c[column]).where(t.c.id == row_id))
            return str(value or "")
    return ""
