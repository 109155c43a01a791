"""The scenarios: each measures the code path a user triggers, beside its floor."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.datasets import SEED, SIZES, Size, Target, scratch_pg, station
from bench.replay import capture, raw_driver, replay

MINIMAL_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.resize(1280, 800); w.show()
def shown():
    sys.stderr.write(f"SHOWN_AT {time.time()}" + chr(10))
    app.quit()
QTimer.singleShot(0, shown)
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
import json, os, subprocess, sys, time
for line in sys.stdin:
    args, env = json.loads(line)
    started, wall = time.perf_counter(), time.time()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps([elapsed, code, err, wall, usage.ru_maxrss]), flush=True)
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


def _child(
    args: list[str], env: dict[str, str], page: str | None = None, mark: str = "SHOWN_AT"
) -> tuple[float, float]:
    """(seconds from process start until it said its window was shown — or, if it did
    not say, until it exited — and peak RSS in MB) of a fresh process. The moment shown
    is what a user waits for; the teardown after it (background jobs finishing, Qt
    exiting) is not. ``page``: the page the window must have opened on (a figure for
    the wrong page is refused, not reported). ``mark="FRAME_AT"``: until the window's
    frame was painted instead (ui/start_frame.py), in the same kind of run. A Python
    program is run under PEAK_REPORTER; any other (the frozen bundle) has its peak RSS
    from the kernel."""
    start_spawner()
    assert _spawner is not None and _spawner.stdin is not None and _spawner.stdout is not None
    python = args[0] == sys.executable
    command = [sys.executable, "-c", PEAK_REPORTER, *args[1:]] if python else args
    _spawner.stdin.write(json.dumps([command, {**os.environ, **env}]) + "\n")
    _spawner.stdin.flush()
    elapsed, returncode, stderr, wall, maxrss_kb = json.loads(_spawner.stdout.readline())
    if returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {stderr}")
    peak = [line.split()[1] for line in stderr.splitlines() if line.startswith("VmHWM_KB ")]
    if not python:
        peak = [maxrss_kb]
    shown = [line.split()[1:] for line in stderr.splitlines() if line.startswith("SHOWN_AT ")]
    if page is not None and shown and shown[-1][1:] != [page]:
        raise RuntimeError(f"{' '.join(args)} opened on {shown[-1][1:]}, not on {page}")
    if mark != "SHOWN_AT":
        shown = [line.split()[1:] for line in stderr.splitlines() if line.startswith(f"{mark} ")]
        if not shown:  # a program without a frame is not measured as if it had one
            raise RuntimeError(f"{' '.join(args)} said no {mark}")
    return (float(shown[-1][0]) - wall if shown else elapsed), int(peak[-1]) / 1024 if peak else float("nan")


def _gui_env(page: str = "member", db: Path | None = None) -> dict[str, str]:
    """Offscreen, quitting once the first page is filled, with settings of its own: the
    window opens on ``page`` (its last page is kept per database file, ui/state.py)."""
    home = Path(tempfile.mkdtemp(prefix="liangxin-bench-ui-"))
    state = f"[window]\npage={page}\n"
    (home / "ui.ini").write_text(state, encoding="utf-8")
    if db is not None:  # the same key ui/state.py derives from Store.location
        key = hashlib.sha256(str(Path(db).resolve()).encode()).hexdigest()[:16]
        (home / "windows").mkdir()
        (home / "windows" / f"{key}.ini").write_text(state, encoding="utf-8")
    return {
        "QT_QPA_PLATFORM": "offscreen",
        "LIANGXIN_QUIT_WHEN_SHOWN": "1",
        "QT_LOGGING_RULES": "qt.qpa.*=false",
        "LIANGXIN_DATA_DIR": str(home),
    }


GUI_ENV = _gui_env()  # the bare window's: it reads no state


def startup_and_memory(db: Path, program: list[str] | None = None, label: str = "") -> list[Scenario]:
    """Start-up to the member list and to the 工作台's figures, and peak RSS, of a fresh
    process on ``db``: ``python -m app`` unless ``program`` (the frozen bundle) is given.
    ``label`` names the variant (``_district``, ``_frozen``…) after each scenario's name."""
    app = [*(program or [sys.executable, "-m", "app"]), "--db", str(db), "gui"]
    bare = [sys.executable, "-c", MINIMAL_WINDOW]
    member, dashboard = _gui_env("member", db), _gui_env("dashboard", db)
    what = f"{'the frozen bundle' if program else 'python -m app'} on {db.name}"
    return [
        Scenario(
            f"startup{label}",
            f"process start to the main window shown with the member list filled (offscreen; {what})",
            "a minimal PySide6 script showing an empty window",
            "< 1 s and ≤ 4× baseline",
            "s",
            lambda: _child(app, member, "member")[0],
            lambda: _child(bare, GUI_ENV)[0],
            lambda ours, base: ours < 1.0 and ours <= 4 * base,
        ),
        Scenario(
            f"startup_frame{label}",
            f"process start to the window's frame painted, on its way to the member list (offscreen; {what})",
            "a minimal PySide6 script showing an empty window",
            "≤ 4× baseline: the window on screen, before its content",
            "s",
            lambda: _child(app, member, "member", mark="FRAME_AT")[0],
            lambda: _child(bare, GUI_ENV)[0],
            lambda ours, base: ours <= 4 * base,
        ),
        Scenario(
            f"startup_dashboard{label}",
            f"process start to the 工作台 figures and charts painted (offscreen; {what})",
            "a minimal PySide6 script showing an empty window",
            "≤ 1 s",
            "s",
            lambda: _child(app, dashboard, "dashboard")[0],
            lambda: _child(bare, GUI_ENV)[0],
            lambda ours, base: ours <= 1.0,
        ),
        Scenario(
            f"memory{label}",
            f"peak RSS of the process showing the main window on the member list ({what})",
            "peak RSS of the minimal PySide6 window",
            "< 400 MB",
            "MB",
            lambda: _child(app, member, "member")[1],
            lambda: _child(bare, GUI_ENV)[1],
            lambda ours, base: ours < 400,
        ),
    ]


def _timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


class MemberList:
    """The members page of the real main window, offscreen, driven as a clerk would."""

    def __init__(self, db: Target) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from app.store import open_store
        from ui import background as tasks
        from ui.main_window import PAGE_KEYS, MainWindow

        tasks.SYNCHRONOUS = True  # measure the work, not the thread hop
        self.app = QApplication.instance() or QApplication([])
        self.store = open_store(str(db))
        self.window = MainWindow(self.store)
        self.window.resize(1280, 800)
        self.window.show()
        self.page = self.window.pages["member"]
        self.row = PAGE_KEYS.index("member")
        self.elsewhere = PAGE_KEYS.index("settings")

        self.first = self.complete = 0.0
        self.page.first_rows_shown.connect(self._first)
        self.page.list_complete.connect(self._complete)

    def _first(self) -> None:
        self.page.table.viewport().repaint()  # fetches the visible rows by id and paints them
        self.first = time.perf_counter()

    def _complete(self) -> None:
        self.complete = time.perf_counter()

    def open_page(self) -> float:
        """Leave the page, forget its list, come back: what choosing 党员 in the navigation costs."""
        self.window.nav.setCurrentRow(self.elsewhere)
        self.page.model.set_ids([])
        self.page.count.setText("")
        self.app.processEvents()
        started = time.perf_counter()
        self.window.nav.setCurrentRow(self.row)
        self.full = self.complete - started
        return self.first - started

    def keystroke(self, text: str) -> float:
        self.page.search.blockSignals(True)  # the debounce timer is not what we measure
        self.page.search.setText(text)
        self.page.search.blockSignals(False)
        started = time.perf_counter()
        self.page.reload()
        return self.first - started

    def sort(self, key: str, descending: bool) -> float:
        started = time.perf_counter()
        self.page.sort_by(key, descending)
        return self.first - started


def in_process(db: Target) -> list[Scenario]:
    from app.stats import station_stats

    ui = MemberList(db)
    store = ui.store
    keystrokes = ("张", "zw", "1985")  # a name, pinyin initials, ID digits
    sorts = (("joined_on", True), ("party_org", False), ("name", False))

    def filter_once() -> float:
        total = sum(ui.keystroke(q) for q in keystrokes) / len(keystrokes)
        ui.keystroke("")
        return total

    def sort_once() -> float:
        total = sum(ui.sort(k, d) for k, d in sorts) / len(sorts)
        ui.sort("name", False)
        return total

    def first_paint_floor(actions: list[Callable[[], Any]]) -> Callable[[], float]:
        """Replay, per action, only the SQL it ran until its first screenful was painted."""
        segments = []
        for action in actions:
            action()  # as the measured runs: after a warm-up (other pages loaded, caches filled)
            marks: list[int] = []
            with capture(store.engine) as calls:

                def mark(calls: list[Any] = calls, marks: list[int] = marks) -> None:
                    marks.append(len(calls))

                ui.page.first_rows_shown.connect(mark)
                action()
                ui.page.first_rows_shown.disconnect(mark)
            segments.append(calls[: marks[0]] if marks else calls)
        return lambda: sum(replay(db, segment) for segment in segments) / len(segments)

    def replayed(action: Callable[[], Any], per: int = 1) -> Callable[[], float]:
        action()  # warm, as the measured runs are
        ui.page.model.set_ids([])
        with capture(store.engine) as calls:
            action()
        return lambda: replay(db, calls) / per

    def full_list() -> float:
        ui.open_page()
        return ui.full

    return [
        Scenario(
            "list_paint",
            "choose 党员 in the navigation: until the first screenful of rows is painted",
            f"the SQL it ran up to that paint (first ids, the visible rows by id) through {raw_driver(db)}",
            "≤ 50 ms",
            "ms",
            ui.open_page,
            first_paint_floor([ui.open_page]),
            lambda ours, base: ours <= 0.050,
        ),
        Scenario(
            "list_full",
            "choose 党员 in the navigation: until the complete id list is in (count shown, scrollbar final)",
            f"the same SQL through {raw_driver(db)}",
            "— (reported)",
            "ms",
            full_list,
            replayed(ui.open_page),
            lambda ours, base: True,
        ),
        Scenario(
            "list_filter",
            "one search keystroke in the member list (张 / zw / 1985): until the first screenful is painted",
            f"the SQL it ran up to that paint through {raw_driver(db)}",
            "≤ 100 ms",
            "ms",
            filter_once,
            first_paint_floor([lambda q=q: ui.keystroke(q) for q in keystrokes]),
            lambda ours, base: ours <= 0.100,
        ),
        Scenario(
            "list_sort",
            "click a column header of the member list (joined / branch / name): until the first screenful is painted",
            f"the SQL it ran up to that paint through {raw_driver(db)}",
            "≤ 200 ms",
            "ms",
            sort_once,
            first_paint_floor([lambda k=k, d=d: ui.sort(k, d) for k, d in sorts]),
            lambda ours, base: ours <= 0.200,
        ),
        Scenario(
            "stats",
            "all dashboard figures and rule findings (station_stats)",
            f"the same aggregate SQL through {raw_driver(db)}",
            "≤ 200 ms",
            "ms",
            lambda: _timed(lambda: station_stats(store)),
            replayed(lambda: station_stats(store)),
            lambda ours, base: ours <= 0.200,
        ),
    ]


def board_scenarios(db: Target) -> list[Scenario]:
    """The 专项行动 page on the demo's campaign (about 6,000 tasks at district size)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.store import open_store
    from ui import background as tasks
    from ui.board_page import BoardPage

    tasks.SYNCHRONOUS = True
    app = QApplication.instance() or QApplication([])
    store = open_store(str(db))
    page = BoardPage(store, tasks.Background())
    page.resize(1280, 760)
    page.show()
    app.processEvents()
    print(f"  board: {page.model.card_count:,} tasks", file=sys.stderr)

    def open_board() -> float:
        """Choose the campaign: its tasks as lanes and cards, its progress, painted."""
        page.model.set_lanes([], "assignee")
        started = time.perf_counter()
        page.load_campaigns()
        page.board.viewport().repaint()
        return time.perf_counter() - started

    def filter_board() -> float:
        """One search keystroke (debounce not counted) until the board is repainted."""
        total = 0.0
        for text in ("深圳市华", "社区", ""):
            page.search.blockSignals(True)
            page.search.setText(text)
            page.search.blockSignals(False)
            started = time.perf_counter()
            page.apply_filters()  # what the search box's debounce calls
            page.board.viewport().repaint()
            total += time.perf_counter() - started
        return total / 3

    def replayed(action: Callable[[], Any], per: int = 1) -> Callable[[], float]:
        action()
        with capture(store.engine) as calls:
            action()
        return lambda: replay(db, calls) / per

    return [
        Scenario(
            "board_open",
            f"open the 专项行动 board of {page.model.card_count:,} tasks: lanes, cards, progress and burn-down, painted",
            f"the SQL it ran through {raw_driver(db)}",
            "≤ 300 ms",
            "ms",
            open_board,
            replayed(open_board),
            lambda ours, base: ours <= 0.300,
        ),
        Scenario(
            "board_filter",
            "one search keystroke on the board (averaged over three), until repainted",
            f"the SQL it ran through {raw_driver(db)}",
            "≤ 100 ms",
            "ms",
            filter_board,
            replayed(filter_board, 3),
            lambda ours, base: ours <= 0.100,
        ),
    ]


FORMS = 200  # appraisal forms per batch


def forms_scenarios(db: Target) -> list[Scenario]:
    """Batch appraisal forms: the first FORMS Party organizations' 述职评议 forms, scored."""
    import random
    import tempfile as tmp

    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, SimpleDocTemplate

    from app.reports.forms import _styles, form_story, print_appraisals
    from app.reports.pdf import MARGIN
    from app.services import appraisal_templates, appraisals
    from app.store import open_store

    store = open_store(str(db))
    ids = appraisals.start_appraisals(store, "review", 2026)[:FORMS]
    template = appraisal_templates.parse_template(appraisal_templates.builtin_text("review"))
    rng = random.Random(1)
    for appraisal_id in ids:
        if appraisals.appraisal_record(store, appraisal_id)["total"] is None:
            appraisals.save_appraisal(
                store,
                appraisal_id,
                scores={c.code: rng.randint(int(c.max // 2), int(c.max)) for c in template.criteria},
                comments="该党组织能认真履行管党治党责任，“三会一课”落实较好，党员发展工作还需加强。",
                evaluator="评议组",
                evaluated_on="2026-12-20",
            )
    folder = Path(tmp.mkdtemp(prefix="liangxin-bench-forms-"))
    pages = {"n": 0}

    def ours() -> float:
        started = time.perf_counter()
        [pdf] = print_appraisals(store, ids, folder / "forms.pdf")
        elapsed = time.perf_counter() - started
        from pypdf import PdfReader

        pages["n"] = len(PdfReader(pdf).pages)
        return elapsed / pages["n"]

    forms = appraisals.appraisal_forms(store, ids)

    def floor() -> float:
        """Bare reportlab: the same tables, one form per page, default canvas (no header,
        footer, page numbers, hash or QR code)."""
        started = time.perf_counter()
        styles = _styles()
        story: list[Any] = []
        for i, form in enumerate(forms):
            if i:
                story.append(PageBreak())
            story += form_story(form, styles, A4[0] - 2 * MARGIN)[1:]
        SimpleDocTemplate(str(folder / "bare.pdf"), pagesize=A4).build(story)
        return (time.perf_counter() - started) / max(pages["n"], 1)

    return [
        Scenario(
            "forms_print",
            f"print {FORMS} scored 述职评议 forms into one PDF (data, layout, per-form page numbers, hash, QR); per page",
            "bare reportlab drawing the same tables, default canvas; per page",
            "≤ 6.7 ms a page (≥ 150 pages/s) and ≤ 1.5× baseline",
            "ms",
            ours,
            floor,
            lambda ours, base: ours <= 1 / 150 and ours <= 1.5 * base,
        )
    ]


def demo_fill(size: Size, engine: str = "sqlite") -> list[Scenario]:
    from app.demo.generator import run_demo
    from app.store import init_store

    scratch = Path(tempfile.mkdtemp(prefix="liangxin-bench-"))
    counter = iter(range(10**6))

    @contextmanager
    def fresh() -> Iterator[tuple[Any, Target]]:
        """A freshly initialised, empty database of the district, removed afterwards."""
        n = next(counter)
        if engine == "postgresql":
            with scratch_pg(f"lx_bench_fill_{n}") as url:
                store, _ = init_store(url, *station(SIZES["district"]))
                try:
                    yield store, url
                finally:
                    store.close()
            return
        path = scratch / f"fill-{n}.sqlite3"
        store, _ = init_store(str(path), *station(SIZES["district"]))
        try:
            yield store, path
        finally:
            store.close()
            path.unlink()

    def ours() -> float:
        with fresh() as (store, _):
            return _timed(lambda: run_demo(store, orgs=size.orgs, members=size.members, seed=SEED))

    with fresh() as (store, _), capture(store.engine) as calls:
        run_demo(store, orgs=size.orgs, members=size.members, seed=SEED)
    inserts = [c for c in calls if c[0].lstrip().upper().startswith(("INSERT", "UPDATE COUNTER", "ANALYZE"))]

    def floor() -> float:
        with fresh() as (target, where):
            target.close()  # the floor writes alone, as ours did
            return replay(where, inserts, write=True)

    raw = "raw psycopg" if engine == "postgresql" else "raw sqlite3"
    return [
        Scenario(
            "demo_fill",
            f"`liangxin demo` ({size.orgs:,} organizations, {size.members:,} members), journaled",
            f"{raw} executemany of the same rows (journal rows included) into a fresh database",
            "< 60 s at district size",
            "s",
            ours,
            floor,
            lambda ours, base: ours < 60,
        )
    ]


# What a PostgreSQL run measures: the scenarios whose time is spent in storage. (The
# window's start-up and memory are the same program on either engine.)
STORAGE = ("lists", "stats", "board", "forms", "demo_fill")


def all_scenarios(size: Size, db: Target, engine: str = "sqlite") -> dict[str, Callable[[], list[Scenario]]]:
    available: dict[str, Callable[[], list[Scenario]]] = {
        "startup": lambda: startup_and_memory(Path(db))[:3],
        "memory": lambda: startup_and_memory(Path(db))[3:],
        "lists": lambda: [s for s in in_process(db) if s.name != "stats"],
        "stats": lambda: [s for s in in_process(db) if s.name == "stats"],
        "board": lambda: board_scenarios(db),
        "forms": lambda: forms_scenarios(db),
        "demo_fill": lambda: demo_fill(size, engine),
    }
    if engine == "postgresql":
        return {name: make for name, make in available.items() if name in STORAGE}
    return available
