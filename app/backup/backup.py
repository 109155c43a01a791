"""``立即备份`` and ``liangxin backup``: a checked copy of the whole database.

SQLite: the backup API page by page (``sqlite_copy``), never a copy of the live file;
the copy is then checked (every page read, opened read-only, its station and schema
revision read) and only then renamed to its name, so a full USB stick, a cancel or a
kill leaves no partial file. PostgreSQL: ``pg_dump -Fc``, checked with pg_restore."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from app import __version__
from app.accounts.roles import BACKUP, require
from app.backup import pg
from app.backup.pool import FileRef, PoolCopy, pool_beside, refs_in_file, refs_in_store, to_pool
from app.backup.preview import INFO_TABLE, BackupPreview, BackupRefused, preview_backup, read_only
from app.backup.sqlite_copy import copy_pages, sync_folder
from app.errors import DiskFull, LiangxinError, StorageProblem
from app.jobs import Job, Progress
from app.logs import log_storage_detail
from app.paths import data_dir
from app.store import Store
from db import migrate

SQLITE_FULL = 13


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int  # bytes
    preview: BackupPreview
    attachments: PoolCopy = field(default_factory=PoolCopy)

    def attachments_note(self) -> str:
        """The attachments' line after "已备份到…", empty when the database has none."""
        done = self.attachments
        if not done.referred:
            return ""
        line = f"附件 {done.referred:,} 个已在“{pool_beside(self.path)}”（本次新复制 {done.copied:,} 个）"
        if done.missing:
            line += (
                f"；{len(done.missing):,} 个附件文件缺失（{done.examples()}），本机已没有这些文件，"
                "备份中只有它们的记录；如有原文件，请在组织生活中重新添加"
            )
        return line + "。"


def backup_name(station: str, when: datetime, suffix: str = ".db") -> str:
    return f"liangxin-{station}-{when:%Y%m%d-%H%M}{suffix}"


def resolve_target(store: Store, target: str | Path, when: datetime) -> Path:
    """A folder (one that exists, or a new name without an extension) gets a dated file
    name; anything else is the file to write."""
    target = Path(target).expanduser()
    suffix = ".db" if store.is_sqlite else ".dump"
    if target.is_dir() or (not target.exists() and not target.suffix):
        base = target / backup_name(store.station.code, when, suffix)
        path, n = base, 2
        while path.exists():  # two backups within a minute
            path = base.with_name(f"{base.stem}-{n}{base.suffix}")
            n += 1
        return path
    return target


def _full(where: Path, need: int) -> DiskFull:
    megabytes = max(1, round(need / 1_048_576))
    return DiskFull(
        f"“{where}”所在的磁盘（或 U 盘）空间不够，备份没有写完，也没有留下不完整的文件；"
        f"备份约需 {megabytes} MB，请清理空间或换一个位置后再备份。"
    )


def _unwritable(where: Path) -> StorageProblem:
    return StorageProblem(
        f"备份文件写不进“{where}”，没有留下不完整的文件；请检查该文件夹是否存在、是否允许写入，或换一个位置。"
    )


def database_bytes(path: Path) -> int:
    """What the copy will take: every page of the database (the backup API copies the
    free ones too)."""
    con = sqlite3.connect(migrate.read_only_uri(path), uri=True)
    try:
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        size = con.execute("PRAGMA page_size").fetchone()[0]
    finally:
        con.close()
    return int(pages) * int(size)


def _is_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF == SQLITE_FULL


def _stamp(temp: Path, store: Store, when: datetime) -> None:
    """Write down in the copy when and by what it was made (the preview reads it)."""
    con = sqlite3.connect(str(temp))
    try:
        con.execute(f"CREATE TABLE {INFO_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
        con.executemany(
            f"INSERT INTO {INFO_TABLE} VALUES (?, ?)",
            [
                ("made_at", when.isoformat(timespec="seconds")),
                ("app_version", __version__),
                ("source", store.location),
                ("by", store.user),
            ],
        )
        con.commit()
    finally:
        con.close()


def copy_sqlite(
    source: Path, target: Path, station: str, stage: str, stamp: tuple[Store, datetime] | None = None
) -> Job[BackupPreview]:
    """Copy, check and rename into place; nothing is left at ``target`` unless it all
    succeeded. Returns the copy's preview."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise _unwritable(folder) from None
    need = database_bytes(source)
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = need
    if free < need:
        raise _full(folder, need)
    temp = folder / f".{target.name}.{os.getpid()}.partial"
    try:
        yield from copy_pages(source, temp, stage)
        if stamp is not None:
            _stamp(temp, *stamp)
        yield Progress("正在检查备份", 1, 1)
        try:
            preview = preview_backup(temp)
        except BackupRefused as refused:
            problem = StorageProblem(
                "备份写完后检查不通过（读出的内容与数据库不符），没有保留这份备份；请换一个位置再备份。"
            )
            log_storage_detail(problem.message, refused)
            raise problem from None
        if preview.station_code != station:
            raise StorageProblem("备份写完后检查不通过（站点不符），没有保留这份备份；请再备份一次。")
        os.replace(temp, target)
        sync_folder(folder)
    except LiangxinError:
        raise
    except (OSError, sqlite3.Error) as exc:
        problem = _full(folder, need) if _is_full(exc) else _unwritable(folder)
        log_storage_detail(problem.message, exc)
        raise problem from None
    finally:
        pg.remove_quietly(temp)
    return replace(preview, path=target)


def backups_folder(store: Store) -> Path:
    """Where automatic backups and the copies kept aside before a restore go: ``backups``
    beside an SQLite file, in the data directory for PostgreSQL."""
    path = migrate.sqlite_path(store.url)
    return (path.parent if path is not None else data_dir()) / "backups"


def backup_job(store: Store, target: str | Path, *, when: datetime | None = None) -> Job[BackupResult]:
    """The whole database to ``target`` (a file, or a folder that gets a dated name)."""
    require(store, BACKUP)
    return (yield from write_backup(store, target, when=when))


def write_backup(store: Store, target: str | Path, *, when: datetime | None = None) -> Job[BackupResult]:
    """The backup itself; the automatic daily one runs whoever is signed in (it keeps
    the data safe and stays on this computer, so it needs no permission)."""
    when = when or datetime.now()
    path = resolve_target(store, target, when)
    yield Progress("正在准备备份", 0, 1)
    source = migrate.sqlite_path(store.url)
    if source is None:
        preview = yield from _backup_postgresql(store, path)
        refs = refs_in_store(store)  # after the dump: a photo added meanwhile is copied too
    else:
        preview = yield from copy_sqlite(source, path, store.station.code, "正在备份", (store, when))
        con = read_only(path)
        try:
            refs = refs_in_file(con)  # exactly what the copy refers to
        finally:
            con.close()
    copied = yield from _attachments(store, refs, path)
    beside = len(refs) - len(copied.missing)
    preview = replace(preview, attachments=len(refs), attachments_beside=beside)
    return BackupResult(path, path.stat().st_size, preview, copied)


def _attachments(store: Store, refs: list[FileRef], path: Path) -> Job[PoolCopy]:
    """The pool beside the backup filled. A cancel takes the new backup file away again
    (what was copied into the pool stays, and is not copied again next time); a full
    or read-only stick keeps the database's backup, which is whole, and says so."""
    try:
        return (yield from to_pool(store, refs, path))
    except GeneratorExit:
        pg.remove_quietly(path)
        raise
    except OSError as exc:
        pool = pool_beside(path)
        room = "空间不够" if _is_full(exc) else "写不进去"
        problem = (DiskFull if _is_full(exc) else StorageProblem)(
            f"数据已备份到“{path}”，但附件文件夹“{pool}”{room}，附件没有复制完；"
            "请清理空间或换一个位置后再备份一次（已复制的附件不会重复复制）。"
        )
        log_storage_detail(problem.message, exc)
        raise problem from None


def _backup_postgresql(store: Store, path: Path) -> Job[BackupPreview]:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise _unwritable(folder) from None
    temp = folder / f".{path.name}.{os.getpid()}.partial"
    try:
        yield from pg.dump(store.url, temp)
        yield Progress("正在检查备份", 1, 1)
        preview = pg.preview_dump(temp)
        os.replace(temp, path)
        sync_folder(folder)
    except OSError as exc:
        problem = _full(folder, 0) if _is_full(exc) else _unwritable(folder)
        log_storage_detail(problem.message, exc)
        raise problem from None
    finally:
        pg.remove_quietly(temp)
    return replace(preview, path=path)
