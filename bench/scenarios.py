"""The scenarios: each measures the code path a user triggers, beside its floor."""

from __future__ import annotations

import json
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


# The child reports its own peak RSS (VmHWM) at exit.
PEAK_REPORTER = """
import atexit, runpy, sys
def report():
    with open('/proc/self/status') as fh:
        for line in fh:
            if line.startswith('VmHWM:'):
                sys.stderr.write('VmHWM_KB ' + line.split()[1] + chr(10))
atexit.register(report)
if sys.argv[1] == '-c':
    exec(sys.argv[2])
else:
    sys.argv = sys.argv[2:]
    runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)
"""
SPAWNER = """
import json, subprocess, sys, time
for line in sys.stdin:
    args, env = json.loads(line)
    started = time.perf_counter()
    proc = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    print(json.dumps([time.perf_counter() - started, proc.returncode, proc.stderr]), flush=True)
"""
_spawner: subprocess.Popen[str] | None = None


def start_spawner() -> None:
    """Start the process that launches measured children, while this one is still small:
    on some kernels a child's peak RSS includes what its parent held when it forked."""
    global _spawner
    if _spawner is None:
        _spawner = subprocess.Popen(
            [sys.executable, "-c", SPAWNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )


def _child(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds from process start to exit, peak RSS in MB) of a fresh process."""
    start_spawner()
    assert _spawner is not None and _spawner.stdin is not None and _spawner.stdout is not None
    command = [sys.executable, "-c", PEAK_REPORTER, *args[1:]]
    _spawner.stdin.write(json.dumps([command, {**os.environ, **env}]) + "\n")
    _spawner.stdin.flush()
    elapsed, returncode, stderr = json.loads(_spawner.stdout.readline())
    if returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {stderr}")
    peak = [line.split()[1] for line in stderr.splitlines() if line.startswith("VmHWM_KB ")]
    return elapsed, int(peak[-1]) / 1024 if peak else float("nan")


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
