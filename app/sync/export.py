"""生成上报数据包: a sub-district cuts a package of its own rows for the district.

A package holds every row this station owns that changed since the range the
district last confirmed (``rev`` is the journal number of a row's last change, so
"changed since N" is ``rev > N``), read as the rows are now: the journal stores diffs,
but the district needs whole rows. ``full`` sends every row the station owns, for a
district that lost its copy or a first enrolment after long offline work."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app import __version__
from app.errors import LiangxinError
from app.jobs import Job, Progress, atomic_output, run_job
from app.sync import crypto, keys
from app.sync.package import PackageRefused, file_name, inner_zip, write_outer
from app.sync.rows import counts_by_table, dump_row, label, synced_tables
from db import migrate
from db.journal import new_id, utcnow
from db.models import Counter, JournalEntry, Station, SyncPackage


@dataclass
class Made:
    """A package written: where, which range, and what is in it."""

    id: str
    path: Path
    seq_from: int
    seq_to: int
    full: bool
    counts: dict[str, dict[str, int]]  # {table: {insert|update|delete: n}}
    rows: int
    totals: dict[str, int] = field(default_factory=dict)

    def summary_lines(self) -> list[str]:
        return [describe_counts(table, ops) for table, ops in self.counts.items()]


OP_WORDS = {"insert": "新增", "update": "修改", "delete": "删除"}


def describe_counts(table: str, ops: dict[str, int]) -> str:
    parts = [f"{OP_WORDS.get(op, op)} {n}" for op, n in ops.items() if n]
    return f"{label(table)}：{'，'.join(parts) or '无变化'}"


def _consistent(session: Any) -> None:
    """On PostgreSQL every statement of the export must see the same moment."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def export_job(
    store: Any, out_dir: str | Path, *, full: bool = False, passphrase: str | None = None
) -> Job[Made]:
    """The user action 生成上报数据包, as a job (progress per register, Cancel writes nothing)."""
    secrets = keys.unlocked(store, passphrase)
    me = store.station.code
    out = Path(out_dir)
    with store.read() as session:
        _consistent(session)
        own = session.get(Station, me)
        if own is None or not own.parent_code:
            raise LiangxinError(
                "本站点还没有登记到区里，不能生成上报数据包：请先载入区里发来的登记文件（数据交换 → 载入登记文件）。"
            )
        district_keys = keys.district_keys(session)
        own_keys = keys.own_public(session)
        district = own.parent_code
        seq_to = session.scalar(select(Counter.value).where(Counter.name == "journal")) or 0
        seq_from = 1 if full else own.confirmed_seq + 1
        added = {
            (t, i)
            for t, i in session.execute(
                select(JournalEntry.table_name, JournalEntry.row_id).where(
                    JournalEntry.seq >= seq_from, JournalEntry.op == "insert", JournalEntry.owner == me
                )
            )
        }
        lines: list[bytes] = []
        ops: list[tuple[str, str]] = []
        totals: dict[str, int] = {}
        tables = synced_tables()
        for done, table in enumerate(tables):
            yield Progress(f"读取{label(table.name)}", done, len(tables) + 2)
            totals[table.name] = (
                session.scalar(select(func.count()).select_from(table).where(table.c.owner == me)) or 0
            )
            query = select(table).where(table.c.owner == me)
            if not full:
                query = query.where(table.c.rev >= seq_from)
            for row in session.execute(query.order_by(table.c.rev)).mappings():
                if row["deleted"]:
                    op = "delete"
                elif full or (table.name, row["id"]) in added:
                    op = "insert"
                else:
                    op = "update"
                ops.append((table.name, op))
                lines.append(
                    json.dumps(
                        {
                            "table": table.name,
                            "id": row["id"],
                            "op": op,
                            "owner": row["owner"],
                            "rev": row["rev"],
                            "row": dump_row(row),
                        },
                        ensure_ascii=False,
                        separators=(",", ":"),
                    ).encode("utf-8")
                )
    if not lines and not full:
        raise LiangxinError(
            f"自区里确认的 #{seq_from - 1} 以来本站点没有新的变化，无需上报；如需整体重报，请选择“全量”。"
        )
    counts = counts_by_table(ops)
    manifest = {
        "format": 1,
        "kind": "up",
        "station": me,
        "station_name": store.station.name,
        "district": district,
        "schema": migrate.head_revision(),
        "program": __version__,
        "range": [seq_from, seq_to],
        "full": full,
        "counts": counts,
        "totals": totals,
        "created_at": utcnow().isoformat(),
    }
    yield Progress("加密并签名", len(tables), len(tables) + 2)
    payload = crypto.encrypt([district_keys.age, own_keys.age], inner_zip(manifest, b"\n".join(lines)))
    signature = crypto.sign(secrets, payload, f"liangxin up {me} {seq_from}-{seq_to}")
    target = out / file_name(me, seq_from, seq_to)
    yield Progress("写入文件", len(tables) + 1, len(tables) + 2)
    made = Made(new_id(), target, seq_from, seq_to, full, counts, len(lines), totals)
    _write(target, payload, signature)
    with store.write() as session:
        session.add(
            SyncPackage(
                id=made.id,
                direction="made",
                kind="up",
                station_code=me,
                seq_from=seq_from,
                seq_to=seq_to,
                full=full,
                file_name=target.name,
                sha256=_sha256(target),
                state="made",
                summary=json.dumps(
                    {"counts": counts, "rows": len(lines), "path": str(target)}, ensure_ascii=False
                ),
                at=utcnow(),
                by=store.user,
            )
        )
    return made


def _write(target: Path, payload: bytes, signature: str) -> None:
    try:
        with atomic_output(target) as temp:
            write_outer(temp, payload, signature)
    except OSError as exc:
        raise PackageRefused(
            f"无法把数据包写到“{target.parent}”：{_os_reason(exc)}；请换一个文件夹（如 U 盘）再试，数据库未受影响。"
        ) from None


def _os_reason(exc: OSError) -> str:
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "磁盘已满"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "没有写入权限或为只读"
    return "文件夹不存在或无法访问"


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def export_up(
    store: Any,
    out_dir: str | Path,
    *,
    full: bool = False,
    passphrase: str | None = None,
    on_progress: Callable[[Progress], Any] | None = None,
) -> Made:
    """生成上报数据包 run to its end (the CLI, tests)."""
    return run_job(export_job(store, out_dir, full=full, passphrase=passphrase), on_progress)
