"""The daily automatic backup: into ``backups`` beside the database (the data directory
for PostgreSQL), at most one a day, keeping the last 14 days and the first backup of
each month. Run when the window opens (off the GUI thread) and by ``liangxin backup
--auto``.

Old backups are pruned only after today's was written and checked, and never the
newest: a run that fails deletes nothing, so the only good backup is never lost. The
attachments' pool beside them (``pool.POOL_NAME``) is shared by every backup and is
never pruned (``app/backup/pool.py`` says why)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from app.backup.backup import BackupResult, backups_folder, write_backup
from app.jobs import Job, run_job
from app.logs import log_storage_detail
from app.store import Store

KEEP_DAYS = 14
NAME = re.compile(r"liangxin-(?P<station>\w+)-(?P<day>\d{8})-(?P<time>\d{4})(?:-\d+)?\.(?:db|dump)$")


@dataclass(frozen=True)
class AutoBackup:
    made: BackupResult | None  # None: today's was there already
    pruned: list[Path]
    folder: Path


def dated_backups(folder: Path, station: str) -> list[tuple[datetime, Path]]:
    """This station's automatic backups in ``folder``, oldest first (other files — a
    copy kept before a restore, another station's — are never touched)."""
    found = []
    for path in folder.glob(f"liangxin-{station}-*"):
        named = NAME.match(path.name)
        if named and named["station"] == station and path.is_file():
            found.append((datetime.strptime(named["day"] + named["time"], "%Y%m%d%H%M"), path))
    return sorted(found)


def to_keep(backups: list[tuple[datetime, Path]], today: date) -> set[Path]:
    """The last 14 days' backups, the first of each month, and always the newest."""
    keep: set[Path] = set()
    months: set[tuple[int, int]] = set()
    since = today - timedelta(days=KEEP_DAYS - 1)
    for when, path in backups:  # oldest first: the first seen in a month is its first
        if (when.year, when.month) not in months:
            months.add((when.year, when.month))
            keep.add(path)
        if when.date() >= since:
            keep.add(path)
    if backups:
        keep.add(backups[-1][1])
    return keep


def prune(folder: Path, station: str, today: date) -> list[Path]:
    backups = dated_backups(folder, station)
    keep = to_keep(backups, today)
    removed = []
    for _, path in backups:
        if path in keep:
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError as exc:  # in use, read-only: tried again tomorrow
            log_storage_detail(f"旧的自动备份“{path}”没能删除", exc)
    return removed


def made_today(folder: Path, station: str, today: date) -> bool:
    return any(when.date() == today for when, _ in dated_backups(folder, station))


def auto_backup_job(store: Store, now: datetime | None = None) -> Job[AutoBackup]:
    now = now or datetime.now()
    folder = backups_folder(store)
    if made_today(folder, store.station.code, now.date()):
        return AutoBackup(None, [], folder)
    made = yield from write_backup(store, folder, when=now)
    return AutoBackup(made, prune(folder, store.station.code, now.date()), folder)


def auto_backup(store: Store, now: datetime | None = None) -> AutoBackup:
    return run_job(auto_backup_job(store, now))
