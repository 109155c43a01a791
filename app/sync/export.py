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
from db.models import Counter, JournalEntry, Station, SyncPackage, SyncRefusal


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
    with store.read() as session:
        _consistent(session)
        own = session.get(Station, me)
        if own is None or not own.parent_code:
            raise LiangxinError(
                "本站点还没有登记到区里，不能生成上报数据包：请先载入区里发来的登记文件（数据交换 → 载入登记文件）。"
            )
        recipients = [keys.district_keys(session).age, keys.own_public(session).age]
        district = own.parent_code
        seq_to = _journal_head(session)
        seq_from = 1 if full else own.confirmed_seq + 1
        cut = _Cut(session, me, seq_from, full)
        tables = synced_tables()
        for done, table in enumerate(tables):
            yield Progress(f"读取{label(table.name)}", done, len(tables) + 2)
            # Records the district refused go again whatever their rev: the fix of a
            # parent is not a change of the children it refused with it.
            refused = select(SyncRefusal.row_id).where(SyncRefusal.table_name == table.name)
            cut.take(table, select(table).where(table.c.owner == me), always=table.c.id.in_(refused))
    if not cut.lines and not full:
        raise LiangxinError(
            f"自区里确认的 #{seq_from - 1} 以来本站点没有新的变化，无需上报；如需整体重报，请选择“全量”。"
        )
    manifest = _manifest("up", me, store.station.name, district, seq_from, seq_to, full, cut)
    yield Progress("加密并签名", len(tables), len(tables) + 2)
    target = Path(out_dir) / file_name(me, seq_from, seq_to)
    return _seal(store, secrets, manifest, cut, recipients, target, station_code=me)


class _Cut:
    """The rows a package carries, as JSON lines, with counts per register and op."""

    def __init__(self, session: Any, me: str, seq_from: int, full: bool) -> None:
        self.session, self.me, self.seq_from, self.full = session, me, seq_from, full
        self.lines: list[bytes] = []
        self.ops: list[tuple[str, str]] = []
        self.totals: dict[str, int] = {}
        self.added = {
            (t, i)
            for t, i in session.execute(
                select(JournalEntry.table_name, JournalEntry.row_id).where(
                    JournalEntry.seq >= seq_from, JournalEntry.op == "insert", JournalEntry.owner == me
                )
            )
        }

    def take(self, table: Any, everything: Any, *, always: Any = None) -> None:
        """Rows of ``everything`` (a select of the rows the receiver should hold) that
        changed in the range; ``always``: a condition for rows sent whatever their rev
        (a campaign the receiver may not have yet)."""
        self.totals[table.name] = (
            self.session.scalar(select(func.count()).select_from(everything.subquery())) or 0
        )
        query = everything
        if not self.full:
            changed = table.c.rev >= self.seq_from
            query = query.where(changed if always is None else (changed | always))
        for row in self.session.execute(query.order_by(table.c.rev)).mappings():
            if row["deleted"]:
                op = "delete"
            elif self.full or (table.name, row["id"]) in self.added:
                op = "insert"
            else:
                op = "update"
            self.ops.append((table.name, op))
            self.lines.append(
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


def _journal_head(session: Any) -> int:
    return session.scalar(select(Counter.value).where(Counter.name == "journal")) or 0


def _manifest(
    kind: str,
    me: str,
    name: str,
    district: str,
    seq_from: int,
    seq_to: int,
    full: bool,
    cut: _Cut,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "format": 1,
        "kind": kind,
        "station": me,
        "station_name": name,
        "district": district,
        **extra,
        "schema": migrate.head_revision(),
        "program": __version__,
        "range": [seq_from, seq_to],
        "full": full,
        "counts": counts_by_table(cut.ops),
        "totals": cut.totals,
        "created_at": utcnow().isoformat(),
    }


def _seal(
    store: Any,
    secrets: crypto.SecretKeys,
    manifest: dict[str, Any],
    cut: _Cut,
    recipients: list[str],
    target: Path,
    *,
    station_code: str,
) -> Made:
    """Encrypt, sign and write the package, and note it in the history."""
    kind, (seq_from, seq_to), full = manifest["kind"], manifest["range"], manifest["full"]
    payload = crypto.encrypt(recipients, inner_zip(manifest, b"\n".join(cut.lines)))
    signature = crypto.sign(secrets, payload, f"liangxin {kind} {manifest['station']} {seq_from}-{seq_to}")
    made = Made(new_id(), target, seq_from, seq_to, full, manifest["counts"], len(cut.lines), cut.totals)
    _write(target, payload, signature)
    with store.write() as session:
        session.add(
            SyncPackage(
                id=made.id,
                direction="made",
                kind=kind,
                station_code=station_code,
                seq_from=seq_from,
                seq_to=seq_to,
                full=full,
                file_name=target.name,
                sha256=_sha256(target),
                state="made",
                summary=json.dumps(
                    {"counts": made.counts, "rows": made.rows, "path": str(target)}, ensure_ascii=False
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
