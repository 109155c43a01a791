"""A demo database of its own: made and filled as one job, for the window's first start
(先看演示数据) and ``liangxin gui --demo``. Cancelled or failed, it leaves no file."""

from __future__ import annotations

import contextlib
from pathlib import Path

from app.jobs import Job, Progress
from app.paths import data_dir
from app.store import Store, init_store, open_store

DEMO_STATION = ("440307001", "南湾街道")
DEMO_FILE = "liangxin-demo.sqlite3"


def demo_database() -> Path:
    """Beside the real data file, never in its place: looking at the demo must not make
    the register a clerk starts tomorrow."""
    return data_dir() / DEMO_FILE


def open_demo(path: Path, orgs: int = 1500, members: int = 10000) -> Job[Store]:
    """Open the demo at ``path``, building it first if it is not there (a job: closed
    early, the half-made file is removed)."""
    if path.exists():
        return open_store(str(path))  # built before: a job of no steps
    from app.demo.generator import fill_demo  # heavy: only when a demo is really built

    yield Progress("正在建立演示数据库", 0, 1)
    store: Store | None = None
    try:
        store, _ = init_store(str(path), *DEMO_STATION)
        yield from fill_demo(store, orgs=orgs, members=members)
    except BaseException:  # GeneratorExit (取消) too: no half-built demo left to open next time
        if store is not None:
            store.close()
        _remove(path)
        raise
    return store


def _remove(path: Path) -> None:
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}-journal"):
        with contextlib.suppress(OSError):
            (path.parent / name).unlink()
