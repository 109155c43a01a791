"""``恢复备份`` and ``liangxin restore``: the backup replaces the current database, which
is kept aside first (``before-restore-<time>``, in the backups folder).

SQLite: the backup is copied (backup API) to a file beside the database and checked
there; the database's connections are closed and its WAL folded in, then one rename
swaps the files. A failure or a kill before the rename leaves the old database, after
it the new: never neither. An older backup is upgraded when the database is next
opened (its schema copied aside first, as on any upgrade). PostgreSQL: pg_restore in
one transaction, after a pg_dump of what is there."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.accounts.roles import RESTORE, require
from app.backup import pg
from app.backup.backup import backups_folder, copy_sqlite
from app.backup.pool import POOL_NAME, PoolCopy, from_pool, refs_in_store
from app.backup.preview import INFO_TABLE, BackupPreview, BackupRefused, preview_backup
from app.backup.sqlite_copy import copy_pages, sync_folder
from app.errors import DatabaseBusy, LiangxinError, StorageProblem
from app.jobs import Job, Progress
from app.logs import log_storage_detail
from app.services.attachments import files_root, stored_path
from app.store import Store
from db import migrate


@dataclass(frozen=True)
class RestoreResult:
    preview: BackupPreview
    kept_aside: Path  # the database as it was before
    upgraded: bool  # the backup was older and has been brought to this version's schema
    attachments: PoolCopy = field(
        default_factory=PoolCopy
    )  # files brought back from the pool beside the backup

    def attachments_note(self) -> str:
        """The attachments' line after "已从…恢复", empty when all are there."""
        done = self.attachments
        if not done.missing:
            return ""
        return (
            f"数据已全部恢复，但有 {len(done.missing):,} 个附件（{done.examples()}）在备份旁的 {POOL_NAME} "
            "文件夹中找不到，这些附件现在打不开；如有原文件，请在组织生活中重新添加，"
            f"或把备份连同它旁边的 {POOL_NAME} 文件夹一起复制过来后再恢复。"
        )


def other_station(preview: BackupPreview, store: Store) -> BackupRefused:
    here = store.station
    return BackupRefused(
        f"这是{preview.station_name}（{preview.station_code}）的备份，不是本站点{here.name}（{here.code}）的，"
        f"不能恢复到这里，当前数据库未做任何改动；请选择本站点的备份，或在{preview.station_name}的电脑上恢复它。"
    )


def check_backup(store: Store, path: str | Path) -> BackupPreview:
    """Everything that would refuse the restore, before anything is changed."""
    preview = preview_backup(path)
    if preview.station_code != store.station.code:
        raise other_station(preview, store)
    if (preview.kind == "sqlite") != store.is_sqlite:
        made, here = (
            ("SQLite 文件", "PostgreSQL") if preview.kind == "sqlite" else ("PostgreSQL", "SQLite 文件")
        )
        raise BackupRefused(
            f"“{preview.path}”是 {made} 数据库的备份，当前数据库是 {here}，不能直接恢复，未做任何改动；"
            "请选择同一种数据库的备份，或请维护人员用导出/导入迁移数据。"
        )
    return preview


def _aside_name(store: Store, when: datetime) -> Path:
    suffix = ".db" if store.is_sqlite else ".dump"
    return backups_folder(store) / f"before-restore-{when:%Y%m%d-%H%M%S}{suffix}"


def restore_job(store: Store, path: str | Path, *, when: datetime | None = None) -> Job[RestoreResult]:
    """Replace the database with the backup at ``path``. The store's connections are
    closed; it opens new ones on the restored database when next used."""
    require(store, RESTORE)
    yield Progress("正在检查备份", 0, 1)
    preview = check_backup(store, path)
    aside = _aside_name(store, when or datetime.now())
    target = migrate.sqlite_path(store.url)
    if target is None:
        yield from _restore_postgresql(store, preview, aside)
    else:
        yield from copy_sqlite(target, aside, store.station.code, "正在保存当前数据库")
        yield from swap_in(store, preview, target)
    upgraded = preview.older
    if upgraded:
        yield Progress("正在升级恢复的数据库", 0, 1)
        _bring_up_to_date(store)
    files = yield from _files_back(store, preview.path)
    return RestoreResult(preview, aside, upgraded, files)


def _files_back(store: Store, backup: Path) -> Job[PoolCopy]:
    """The restored database's attachments from the pool beside the backup. The data is
    in place by now: a file that cannot be written is counted as missing, not a failure
    of the restore."""
    try:
        return (yield from from_pool(store, backup))
    except OSError as exc:
        log_storage_detail(f"恢复后没能把附件复制到“{files_root(store)}”", exc)
        refs = refs_in_store(store)
        there = [r for r in refs if stored_path(store, r.sha256, r.file_name).is_file()]
        return PoolCopy(len(refs), 0, [r for r in refs if r not in there])


def _stage(preview: BackupPreview, staged: Path) -> Job[None]:
    """The backup copied beside the database and checked there, its backup note dropped:
    what one rename then puts in place."""
    yield from copy_pages(preview.path, staged, "正在恢复")
    con = sqlite3.connect(str(staged))
    try:
        con.execute(f"DROP TABLE IF EXISTS {INFO_TABLE}")
        con.commit()
        if [r[0] for r in con.execute("PRAGMA quick_check(1)")] != ["ok"]:
            raise StorageProblem("恢复用的副本检查不通过，恢复没有进行，当前数据库未做任何改动；请再试一次。")
    finally:
        con.close()


def swap_in(store: Store, preview: BackupPreview, target: Path) -> Job[None]:
    staged = target.with_name(f".{target.name}.restore-{os.getpid()}")
    try:
        yield from _stage(preview, staged)
        yield Progress("正在替换数据库", 1, 1)
        store.engine.dispose()
        _fold_wal(target)
        os.replace(staged, target)  # the one step: before it the old database, after it the new
        sync_folder(target.parent)
    except LiangxinError:
        raise
    except (OSError, sqlite3.Error) as exc:
        problem = StorageProblem(
            f"恢复没有完成，当前数据库“{target}”保持恢复前的样子；请检查磁盘空间和文件夹权限后再试。"
        )
        log_storage_detail(problem.message, exc)
        raise problem from None
    finally:
        pg.remove_quietly(staged)


def _fold_wal(target: Path) -> None:
    """The WAL written back into the file and switched off, so that the file stands
    alone and nothing of the old database lingers beside the new one. Refused while
    another program (a second window) has the database open."""
    con = sqlite3.connect(str(target), timeout=2)
    try:
        mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError:
        mode = "wal"
    finally:
        con.close()
    if str(mode).lower() != "delete":
        raise DatabaseBusy(
            f"数据库“{target}”正被其他程序（或另一个 liangxin 窗口）使用，恢复没有进行，当前数据库未做任何改动；"
            "请关闭它们后再恢复。"
        )


def _restore_postgresql(store: Store, preview: BackupPreview, aside: Path) -> Job[None]:
    aside.parent.mkdir(parents=True, exist_ok=True)
    temp = aside.with_name(f".{aside.name}.partial")
    try:
        yield from pg.dump(store.url, temp, "正在保存当前数据库")
        os.replace(temp, aside)
    finally:
        pg.remove_quietly(temp)
    store.engine.dispose()
    yield from pg.restore(store.url, preview.path)


def _bring_up_to_date(store: Store) -> None:
    """An older backup restored: upgraded now (and the shipped templates put in), as
    opening or ``liangxin upgrade`` would."""
    from app.upgrade import upgrade_database

    upgrade_database(store.url, backup=store.is_sqlite)
    store.engine.dispose()


def restore_damaged(url: str, path: str | Path) -> Job[RestoreResult]:
    """The CLI's way out when the current SQLite database cannot even be opened: the
    damaged file is moved aside as it is and the backup put in its place (its station
    cannot be compared with an unreadable one)."""
    target = migrate.sqlite_path(url)
    if target is None:
        raise StorageProblem("只有 SQLite 数据文件可以这样恢复。")
    preview = preview_backup(path)
    if preview.kind != "sqlite":
        raise BackupRefused(
            f"“{preview.path}”是 PostgreSQL 数据库的备份，不能恢复到 SQLite 文件，未做任何改动。"
        )
    aside = target.parent / "backups" / f"before-restore-{datetime.now():%Y%m%d-%H%M%S}-damaged.db"
    aside.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(f".{target.name}.restore-{os.getpid()}")
    try:
        yield from _stage(preview, staged)
        os.replace(target, aside)  # the damaged file, byte for byte, for whoever repairs it
        for extra in ("-wal", "-shm"):
            side = target.with_name(target.name + extra)
            if side.exists():
                os.replace(side, aside.with_name(aside.name + extra))
        os.replace(staged, target)
        sync_folder(target.parent)
    finally:
        pg.remove_quietly(staged)
    return RestoreResult(preview, aside, preview.older)
