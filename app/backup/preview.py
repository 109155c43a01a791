"""What a backup holds, read without changing a byte of it: when it was made, whose it
is, its schema revision and how many records it keeps. Every file that cannot be
restored is refused here, in one sentence that says what to do."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.backup.pool import POOL_NAME, pool_beside, present_in_pool, refs_in_file
from app.domain.dates import chinese_moment
from app.errors import LiangxinError
from db import migrate

# Kept in the copy only (the live database never has it); dropped again on restore.
INFO_TABLE = "liangxin_backup"
PG_HEADER = b"PGDMP"
# Live records, as the registers and the board count them.
COUNTED = {
    "organizations": "organization",
    "party_orgs": "party_org",
    "members": "member",
    "tasks": "task",
}
COUNT_NAMES = {"organizations": "两新组织", "party_orgs": "党组织", "members": "党员", "tasks": "任务"}


class BackupRefused(LiangxinError):
    """A file that cannot be restored (or read as a backup); nothing was changed."""


@dataclass(frozen=True)
class BackupPreview:
    path: Path
    kind: str  # sqlite | postgresql
    made_at: datetime | None
    station_code: str
    station_name: str
    revision: str
    counts: dict[str, int] = field(default_factory=dict)
    app_version: str = ""
    attachments: int = 0  # 组织生活 attachment files the backup refers to
    attachments_beside: int = 0  # of those, how many the pool beside the backup holds

    @property
    def attachments_missing(self) -> int:
        return self.attachments - self.attachments_beside

    @property
    def older(self) -> bool:
        return self.revision != migrate.head_revision()


def not_a_backup(path: Path) -> BackupRefused:
    return BackupRefused(
        f"“{path}”不是 liangxin 的备份文件，也不是数据库，未做任何改动；"
        "请选择 liangxin 做的备份（文件名形如 liangxin-站点代码-日期.db）。"
    )


def damaged_backup(path: Path) -> BackupRefused:
    return BackupRefused(
        f"备份文件“{path}”已损坏或不完整（可能没有复制完），不能用来恢复，当前数据库未做任何改动；"
        "请换一个备份（如 backups 文件夹中前一天的自动备份）。"
    )


def newer_backup(path: Path, revision: str) -> BackupRefused:
    return BackupRefused(
        f"备份“{path}”由更新版本的 liangxin 制作（结构版本 {revision}），本程序不能恢复它，"
        "当前数据库未做任何改动；请先升级程序，再恢复这个备份。"
    )


def check_revision(path: Path, revision: str | None) -> str:
    if revision is None:
        raise not_a_backup(path)
    if revision not in migrate.known_revisions():
        if revision > migrate.head_revision():
            raise newer_backup(path, revision)
        raise not_a_backup(path)
    return revision


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(migrate.read_only_uri(path), uri=True)


def preview_backup(path: str | Path, *, check: bool = True) -> BackupPreview:
    """The backup's date, station, schema revision, counts and the version that made it.
    ``check``: read every page first (a truncated or damaged copy is refused)."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise BackupRefused(f"备份文件“{path}”不存在，请检查文件名和所在的文件夹。")
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        raise BackupRefused(f"备份文件“{path}”读不出来，请检查文件的权限或 U 盘是否插好。") from None
    if head.startswith(PG_HEADER):
        from app.backup.pg import preview_dump

        return preview_dump(path)
    if head != migrate.SQLITE_HEADER:
        raise not_a_backup(path)
    try:
        con = read_only(path)
        try:
            return _preview_sqlite(con, path, check)
        finally:
            con.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError, ValueError, TypeError):
        # Damaged pages can pass quick_check and still hold text that is not UTF-8, or a
        # count that is not a number: the file is not a backup we can trust either way.
        raise damaged_backup(path) from None


def _preview_sqlite(con: sqlite3.Connection, path: Path, check: bool) -> BackupPreview:
    if check and [r[0] for r in con.execute("PRAGMA quick_check(1)")] != ["ok"]:
        raise damaged_backup(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" not in tables or "station" not in tables:
        raise not_a_backup(path)
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = check_revision(path, row[0] if row else None)
    station = con.execute("SELECT code, name FROM station WHERE is_self = 1").fetchone()
    if station is None:
        raise not_a_backup(path)
    counts = {
        key: int(con.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0").fetchone()[0])
        for key, table in COUNTED.items()
        if table in tables
    }
    info: dict[str, str] = {}
    if INFO_TABLE in tables:
        info = dict(con.execute(f"SELECT key, value FROM {INFO_TABLE}").fetchall())
    made = _when(info.get("made_at")) or datetime.fromtimestamp(path.stat().st_mtime)
    refs = refs_in_file(con)
    return BackupPreview(
        path,
        "sqlite",
        made,
        station[0],
        station[1],
        revision,
        counts,
        info.get("app_version", ""),
        len(refs),
        present_in_pool(refs, pool_beside(path)),
    )


def _when(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def describe(preview: BackupPreview) -> str:
    """One line a person reads before confirming a restore."""
    when = chinese_moment(preview.made_at) if preview.made_at else "时间不详"
    counts = "，".join(f"{COUNT_NAMES[k]} {v:,}" for k, v in preview.counts.items())
    version = f"，liangxin {preview.app_version}" if preview.app_version else ""
    return (
        f"{when} 的备份：{preview.station_name}（{preview.station_code}），结构版本 {preview.revision}"
        f"{version}；{counts}{attachments_phrase(preview)}。"
    )


def attachments_phrase(preview: BackupPreview) -> str:
    """ "，附件 12 个（备份旁齐全）" — or how many of them the folder beside it lacks."""
    if not preview.attachments:
        return ""
    if not preview.attachments_missing:
        return f"，附件 {preview.attachments:,} 个（备份旁齐全）"
    return (
        f"，附件 {preview.attachments:,} 个（备份旁的 {POOL_NAME} 文件夹中缺 {preview.attachments_missing:,} 个，"
        "恢复后这些附件打不开）"
    )
