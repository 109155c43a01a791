"""备份与检查 at district size, each beside a floor measured in the same run:

- ``backup_district``: 立即备份 of the merged district (``backup_job``: the backup API
  page by page in one read snapshot, the copy's quick_check, station and revision read,
  the rename). Floor: the stock ``sqlite3`` shell's ``.backup`` of the same file.
- ``verify_district``: 检查数据 (``verify``: integrity_check, the journal's continuity
  and counter, every foreign key and the live links). Floor: ``PRAGMA integrity_check``
  alone through raw ``sqlite3``, the largest part of it.

The database is the merged district of ``bench.district`` (20 sub-districts at the
default size), copied and upgraded. SQLite only. Imported through ``python -m bench``
(bench/__main__.py): it adds "backup" to the harness's scenarios."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import harness, sync
from bench.datasets import Size, Target
from bench.scenarios import Scenario


def _timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def scenarios(size: Size, engine: str) -> list[Scenario]:
    if engine != "sqlite":
        return []
    from app.backup.backup import backup_job
    from app.backup.verify import verify
    from app.jobs import run_job
    from app.store import open_store
    from bench.district import merged_sqlite

    scratch = Path(tempfile.mkdtemp(prefix="liangxin-bench-backup-"))
    sync._cleanups.append(lambda: shutil.rmtree(scratch, ignore_errors=True))
    db = scratch / "district.sqlite3"
    shutil.copy(merged_sqlite(size), db)
    store = open_store(str(db))  # upgraded here to the current schema
    sync._cleanups.append(store.close)
    megabytes = db.stat().st_size / 1_048_576
    out = scratch / "out"

    def ours_backup() -> float:
        shutil.rmtree(out, ignore_errors=True)
        return _timed(lambda: run_job(backup_job(store, out)))

    def floor_backup() -> float:
        target = scratch / "floor.db"
        target.unlink(missing_ok=True)
        return _timed(lambda: subprocess.run(["sqlite3", str(db), f".backup '{target}'"], check=True))

    def floor_verify() -> float:
        def check() -> None:
            con = sqlite3.connect(db)
            try:
                con.execute("PRAGMA integrity_check").fetchall()
            finally:
                con.close()

        return _timed(check)

    return [
        Scenario(
            "backup_district",
            f"立即备份 of the district ({megabytes:,.0f} MB): backup API in steps, checked, renamed",
            "sqlite3 shell .backup of the same file",
            "≤ 10 s",
            "s",
            ours_backup,
            floor_backup,
            lambda ours, base: ours <= 10.0,
        ),
        Scenario(
            "verify_district",
            "检查数据 of the district: integrity_check, journal continuity and counter, every link",
            "PRAGMA integrity_check alone through raw sqlite3",
            "≤ 15 s",
            "s",
            lambda: _timed(lambda: verify(store)),
            floor_verify,
            lambda ours, base: ours <= 15.0,
        ),
    ]


def install() -> None:
    """Add "backup" to the harness's scenarios (called from bench/__main__.py)."""
    if "backup" in harness.STORAGE:
        return
    harness.STORAGE = (*harness.STORAGE, "backup")
    before = harness.all_scenarios

    def with_backup(
        size: Size, db: Target, engine: str = "sqlite"
    ) -> dict[str, Callable[[], list[Scenario]]]:
        return {**before(size, db, engine), "backup": lambda: scenarios(size, engine)}

    harness.all_scenarios = with_backup


install()
