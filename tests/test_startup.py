"""Start-up: the window paints its first page before the libraries only other pages,
prints, workbooks or the exchange need are imported (issue 19). Each test starts the
real program in a fresh process, offscreen, and reads which modules were loaded at the
moment the first page's content was shown (LIANGXIN_QUIT_WHEN_SHOWN, as bench/ times it).
No timing is asserted: what is asserted is what the first paint waited for."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.store import Store

# Run in the child: the modules loaded when the window says its first page is shown.
AT_SHOWN = r"""
import json, sys
real = sys.stderr
class Spy:
    def write(self, text):
        if text.startswith("SHOWN_AT"):
            print(json.dumps(sorted(sys.modules)), flush=True)
        return real.write(text)
    def flush(self):
        real.flush()
sys.stderr = Spy()
from app.cli.main import main
raise SystemExit(main(sys.argv[1:]))
"""
# Never needed to paint a first page: printing, workbooks, the exchange's cryptography,
# the schema tool, and the pages not on screen.
NEVER_FIRST = (
    "reportlab",
    "openpyxl",
    "python_calamine",
    "pyrage",
    "minisign",
    "alembic",
    "app.reports.registers",
    "app.ledger.workbook",
    "app.sync.apply",
    "ui.ledger_dialog",
    "ui.board_page",
    "ui.appraisal_page",
    "ui.exchange_page",
    "ui.life_page",
    "ui.visits_page",
    "ui.duplicates_page",
    "ui.audit_page",
    "ui.settings_page",
)
CHARTS = ("pyqtgraph", "numpy", "ui.charts", "ui.dashboard_page")  # 工作台's alone


def modules_at_first_paint(store: Store, page: str, tmp_path: Path) -> set[str]:
    from ui import state

    location = store.location
    store.close()
    state.use_database(location)  # the window opens on the page it was left on, per database
    settings = state.window_state()
    settings.setValue("window/page", page)
    settings.sync()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_LOGGING_RULES": "qt.qpa.*=false",
        "LIANGXIN_QUIT_WHEN_SHOWN": "1",
    }
    done = subprocess.run(
        [sys.executable, "-c", AT_SHOWN, "--db", location, "gui"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    shown = [line for line in done.stderr.splitlines() if line.startswith("SHOWN_AT ")]
    assert shown and shown[-1].split()[2] == page, done.stderr  # it opened on that page
    return set(json.loads(done.stdout.splitlines()[0]))


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return [name for name in names if name in modules]


@pytest.mark.parametrize("page", ["member", "organization"])
def test_a_register_paints_without_charts_prints_or_other_pages(
    store: Store, tmp_path: Path, page: str
) -> None:
    modules = modules_at_first_paint(store, page, tmp_path)
    assert "ui.register_page" in modules  # the page itself was loaded: the spy works
    assert loaded(modules, NEVER_FIRST + CHARTS) == []


def test_the_dashboard_paints_with_its_charts_but_nothing_else(store: Store, tmp_path: Path) -> None:
    modules = modules_at_first_paint(store, "dashboard", tmp_path)
    assert loaded(modules, CHARTS) == list(CHARTS)  # its figures are drawn by the charts library
    assert loaded(modules, NEVER_FIRST) == []
