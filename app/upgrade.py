"""``liangxin upgrade``: bringing an older database to this version's schema, deliberately.

A PostgreSQL database is shared by every clerk of the district, so it is never upgraded
behind anyone's back (every other command refuses it and names this one). Upgrading
checks first (rows a new unique index would refuse, named with their records), then
backs up (pg_dump for PostgreSQL, a file copy for SQLite), then upgrades in one
transaction. SQLite files are also upgraded when opened, after the same copy."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from app.domain.masking import mask_id_number
from app.errors import FieldError, LiangxinError, StorageProblem, UnsupportedDatabase, UpgradeConflict
from app.jobs import atomic_output
from app.logs import log_path, log_storage_detail
from app.paths import data_dir
from app.store import (
    FAILURES,
    describe_database,
    is_bug,
    open_store,
    resolve_url,
    seed_shipped,
    storage_problem,
)
from db import migrate
from db.engine import create_db_engine
from db.errors import NotInitialisedError
from db.migrate import DuplicateGroup, SchemaState

# What the records and codes are called, for the tables and columns a unique index covers.
TABLES = {
    "organization": "两新组织",
    "member": "党员",
    "party_org": "党组织",
    "task": "任务",
    "appraisal": "考核记录",
    "instructor": "指导员",
    "community": "社区",
    "campaign": "专项行动",
}
CODE_NAMES = {"uscc": "统一社会信用代码", "id_number": "公民身份号码", "owner": "站点"}
MASKED = {"id_number": mask_id_number}  # shown as everywhere else: masked


@dataclass(frozen=True)
class Upgraded:
    location: str  # the file, or host/name
    revision: str | None  # before
    head: str
    backup: Path | None  # the copy or dump made first; None when none was asked for
    changed: bool  # False: it was current already


class DuplicatesFound(UpgradeConflict):
    """Rows the new schema would refuse: the upgrade did not start."""

    def __init__(self, message: str, groups: Sequence[DuplicateGroup], total: int) -> None:
        super().__init__(message)
        self.groups, self.total = list(groups), total


def where(url: str) -> str:
    """The database as the window and the messages name it: the file, or host/name."""
    return describe_database(url)


def shown_value(column: str, value: object) -> str:
    return MASKED.get(column, str)(value) if value is not None else ""  # type: ignore[operator]


def key_text(group: DuplicateGroup) -> str:
    """The shared code as a person reads it: 公民身份号码都是 110101********4514."""
    parts = [
        f"{CODE_NAMES.get(c, c)}都是 {shown_value(c, v)}"
        for c, v in zip(group.columns, group.values, strict=True)
        if c != "owner"
    ]
    return "，".join(parts)


def record_text(table: str, row: tuple[str, str]) -> str:
    record_id, label = row
    return f"{label}（{record_id}）" if label else record_id


def _duplicates_sentence(location: str, groups: list[DuplicateGroup], total: int) -> str:
    first = groups[0]
    noun = TABLES.get(first.table, first.table)
    records = "、".join(record_text(first.table, r) for r in first.rows[:3])
    more = f"，共 {total} 组" if total > 1 else ""
    return (
        f"数据库“{location}”中有新结构不允许并存的重复记录（如{noun}{records}的{key_text(first)}{more}），"
        "升级没有进行，数据库未做任何改动；请用升级前的 liangxin 或请维护人员合并或删除重复的记录后，"
        "再运行 liangxin upgrade。"
    )


def default_backup_path(url: str, revision: str | None) -> Path:
    name = make_url(url).database or "liangxin"
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return data_dir() / "backups" / f"{name}-{revision or 'base'}-{stamp}.dump"


def _dump(url: str, location: str, target: Path) -> Path:
    pg_dump = migrate.find_pg_dump()
    if pg_dump is None:
        raise StorageProblem(
            f"找不到 PostgreSQL 的备份程序 pg_dump，没有备份也就没有升级，数据库“{location}”未做任何改动；"
            "请安装 PostgreSQL 客户端工具（或把 pg_dump 所在的文件夹加入 PATH）后再试，"
            "确已另有备份时也可加 --no-backup 运行。"
        )
    try:
        with atomic_output(target) as temp:
            migrate.dump_postgresql(url, temp, pg_dump)
    except migrate.BackupError as exc:
        problem = StorageProblem(
            f"用 pg_dump 备份数据库“{location}”没有成功，升级没有进行，数据库未做任何改动；"
            f"pg_dump 的说明已写入日志文件 {log_path()}，请发给维护人员。"
        )
        log_storage_detail(problem.message, exc)
        raise problem from None
    except OSError as exc:
        problem = StorageProblem(
            f"备份文件“{target}”写不进去，升级没有进行，数据库“{location}”未做任何改动；"
            "请检查该文件夹的权限和磁盘空间，或用 --backup 另选位置。"
        )
        log_storage_detail(problem.message, exc)
        raise problem from None
    return target


def _seed_templates(db: str | None) -> None:
    """The shipped appraisal templates, put in after every upgrade as after init."""
    # Shipped data, not a person's change: written as open_store writes it after an SQLite
    # upgrade, so a database with accounts needs nobody signed in for it.
    store = open_store(db)
    try:
        seed_shipped(store.sessions, store.station.code)
    finally:
        store.close()


def is_empty(db: str | None) -> bool:
    """No liangxin database there yet: a missing or empty SQLite file, or a PostgreSQL
    database without a table (what ``gui --demo`` fills)."""
    url = resolve_url(db)
    path = migrate.sqlite_path(url)
    if path is not None:
        return not path.exists() or (path.is_file() and path.stat().st_size == 0)
    engine = None
    try:
        engine = create_db_engine(url)
        return migrate.probe_engine(engine)[0] is SchemaState.EMPTY
    except FAILURES as exc:
        if is_bug(exc):
            raise
        raise storage_problem(url, exc) from None
    finally:
        if engine is not None:
            engine.dispose()


def upgrade_database(db: str | None, *, backup: bool = True, backup_to: Path | None = None) -> Upgraded:
    """Check, back up, upgrade. Raises ``DuplicatesFound`` (naming the records) before
    anything is written when the data would stop the upgrade half-way."""
    url = resolve_url(db)
    location = where(url)
    path = migrate.sqlite_path(url)
    if path is not None and path.is_dir():
        raise UnsupportedDatabase(f"“{path}”是一个文件夹，不是数据文件；--db 请给出数据文件的路径。")
    if path is not None and not path.exists():
        raise StorageProblem(f"数据文件“{path}”不存在，没有可升级的数据库。")
    if backup_to is not None and backup_to.is_dir():
        raise FieldError(
            "backup", f"--backup 应给出备份文件的路径，“{backup_to}”是一个文件夹，请在其中写上文件名。"
        )
    engine = None
    began = False  # before the upgrade itself, nothing was written: a failure is not "maybe saved"
    try:
        if path is not None:
            migrate.refuse_unusable(url, *migrate.probe_sqlite(path))
        engine = create_db_engine(url)
        state, revision = migrate.probe(url, engine)
        migrate.refuse_unusable(url, state, revision)
        if state is SchemaState.EMPTY:
            raise NotInitialisedError(url)
        head = migrate.head_revision()
        if state is SchemaState.CURRENT:
            return Upgraded(location, revision, head, None, changed=False)
        if path is not None:
            migrate.check_integrity(engine, path)  # before the copy and the upgrade
        groups, total = migrate.duplicates_blocking_upgrade(engine)
        if groups:
            raise DuplicatesFound(_duplicates_sentence(location, groups, total), groups, total)
        made: Path | None = None
        if path is None and backup:
            made = _dump(url, location, backup_to or default_backup_path(url, revision))
        elif path is not None and backup and backup_to is not None:
            try:
                backup_to.parent.mkdir(parents=True, exist_ok=True)
                made = migrate.backup_sqlite(path, revision, backup_to)
            except (OSError, sqlite3.Error):
                raise StorageProblem(
                    f"备份文件“{backup_to}”写不进去，数据库没有升级、未做任何改动；"
                    "请检查该文件夹的权限和磁盘空间，或用 --backup 换一个位置。"
                ) from None
        began = True
        copy = migrate.upgrade(url, engine, to=head, copy_first=backup and made is None)
        made = made or copy
    except LiangxinError:
        raise
    except (*FAILURES, OSError) as exc:
        if is_bug(exc):
            raise
        raise storage_problem(url, exc, writing=began) from None
    finally:
        if engine is not None:
            engine.dispose()
    _seed_templates(db)
    return Upgraded(location, revision, head, made, changed=True)
