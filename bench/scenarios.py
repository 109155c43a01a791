"""The scenarios: each measures the code path a user triggers, beside its floor."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.datasets import SEED, Size, database
from bench.replay import capture, replay

MINIMAL_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.resize(1280, 800); w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


@dataclass
class Scenario:
    name: str
    measures: str
    baseline: str
    target: str
    unit: str  # "ms" | "s" | "MB"
    ours: Callable[[], float]
    floor: Callable[[], float]
    met: Callable[[float, float], bool]


def _child(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds from process start to exit, peak RSS in MB) of a fresh process."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        args, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(
            f"{' '.join(args)} failed: {proc.stderr.read().decode(errors='replace') if proc.stderr else ''}"
        )
    return elapsed, usage.ru_maxrss / 1024


GUI_ENV = {
    "QT_QPA_PLATFORM": "offscreen",
    "LIANGXIN_QUIT_WHEN_SHOWN": "1",
    "QT_LOGGING_RULES": "qt.qpa.*=false",
}


def startup_and_memory(db: Path) -> list[Scenario]:
    app = [sys.executable, "-m", "app", "--db", str(db), "gui"]
    bare = [sys.executable, "-c", MINIMAL_WINDOW]
    return [
        Scenario(
            "startup",
            "process start to the main window shown (offscreen)",
            "a minimal PySide6 script showing an empty window",
            "< 1 s and ≤ 4× baseline",
            "s",
            lambda: _child(app, GUI_ENV)[0],
            lambda: _child(bare, GUI_ENV)[0],
            lambda ours, base: ours < 1.0 and ours <= 4 * base,
        ),
        Scenario(
            "memory",
            "peak RSS of the process showing the main window",
            "peak RSS of the minimal PySide6 window",
            "< 400 MB",
            "MB",
            lambda: _child(app, GUI_ENV)[1],
            lambda: _child(bare, GUI_ENV)[1],
            lambda ours, base: ours < 400,
        ),
    ]


def _timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _replayed(store: Any, db: Path, action: Callable[[], Any]) -> Callable[[], float]:
    with capture(store.engine) as calls:
        action()
    return lambda: replay(db, calls)


def in_process(db: Path) -> list[Scenario]:
    from app.services.members import list_members
    from app.stats import station_stats
    from app.store import open_store

    store = open_store(str(db))
    keystrokes = ("张", "zw", "1985")  # a name, pinyin initials, ID digits

    def filter_once() -> None:
        for query in keystrokes:
            list_members(store, search=query, limit=100)

    def sort_once() -> None:
        for column in ("joined_on", "party_org", "name"):
            list_members(store, sort=column, limit=100)

    def per(n: int, f: Callable[[], float]) -> Callable[[], float]:
        return lambda: f() / n

    return [
        Scenario(
            "list_filter",
            "member search, one keystroke (name 张 / initials zw / ID digits 1985): count + first 100 rows",
            "the same SQL through raw sqlite3",
            "≤ 100 ms",
            "ms",
            per(3, lambda: _timed(filter_once)),
            per(3, _replayed(store, db, filter_once)),
            lambda ours, base: ours <= 0.100,
        ),
        Scenario(
            "list_sort",
            "member list sorted by a column (joined / branch / name): count + first 100 rows",
            "the same SQL through raw sqlite3",
            "≤ 200 ms",
            "ms",
            per(3, lambda: _timed(sort_once)),
            per(3, _replayed(store, db, sort_once)),
            lambda ours, base: ours <= 0.200,
        ),
        Scenario(
            "stats",
            "all dashboard figures and rule findings (station_stats)",
            "the same aggregate SQL through raw sqlite3",
            "≤ 200 ms",
            "ms",
            lambda: _timed(lambda: station_stats(store)),
            _replayed(store, db, lambda: station_stats(store)),
            lambda ours, base: ours <= 0.200,
        ),
    ]


def demo_fill(size: Size) -> list[Scenario]:
    from app.demo.generator import run_demo
    from app.store import init_store

    scratch = Path(tempfile.mkdtemp(prefix="liangxin-bench-"))
    counter = iter(range(10**6))

    def fresh() -> Any:
        path = scratch / f"fill-{next(counter)}.sqlite3"
        store, _ = init_store(str(path), "440307", "龙岗区", "district")
        return store, path

    def ours() -> float:
        store, path = fresh()
        try:
            return _timed(lambda: run_demo(store, orgs=size.orgs, members=size.members, seed=SEED))
        finally:
            store.close()
            path.unlink()

    store, _ = fresh()
    with capture(store.engine) as calls:
        run_demo(store, orgs=size.orgs, members=size.members, seed=SEED)
    store.close()
    inserts = [c for c in calls if c[0].lstrip().upper().startswith(("INSERT", "UPDATE COUNTER", "ANALYZE"))]

    def floor() -> float:
        target, path = fresh()
        target.close()
        try:
            return replay(path, inserts, write=True)
        finally:
            path.unlink()

    return [
        Scenario(
            "demo_fill",
            f"`liangxin demo` ({size.orgs:,} organizations, {size.members:,} members), journaled",
            "raw sqlite3 executemany of the same rows (journal rows included)",
            "< 60 s at district size",
            "s",
            ours,
            floor,
            lambda ours, base: ours < 60,
        )
    ]


def all_scenarios(size: Size) -> dict[str, Callable[[], list[Scenario]]]:
    db = database(size)
    return {
        "startup": lambda: startup_and_memory(db)[:1],
        "memory": lambda: startup_and_memory(db)[1:],
        "list_filter": lambda: [s for s in in_process(db) if s.name == "list_filter"],
        "list_sort": lambda: [s for s in in_process(db) if s.name == "list_sort"],
        "stats": lambda: [s for s in in_process(db) if s.name == "stats"],
        "demo_fill": lambda: demo_fill(size),
    }
