"""Start-up: the window paints its first page before the libraries only other pages,
prints, workbooks or the exchange need are imported (issue 19). Each test starts the
real program in a fresh process, offscreen, and reads which modules were loaded at the
moment the first page's content was shown (LIANGXIN_QUIT_WHEN_SHOWN, as bench/ times it).
No timing is asserted: what is asserted is what the first paint waited for."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.store import Store
from tests.window_start import start_window

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
    started = start_window(store, page, tmp_path)
    assert started.page == page  # it opened on that page
    return started.shown.modules


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
