"""Every item model the window shows, under Qt's own model tester (pytest-qt's
``qtmodeltester``: counts, parents, indexes, data by role and headers must agree),
on the demo's real data. The tester stays attached after its first pass, so each
reset the page then makes (another lane, a filter, a sort, another rule, nothing
found) is checked as it happens. The registers' model is in test_ui_registers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.services import appraisals
from app.stats import Figure, figure_records
from app.store import Store
from ui.drill import DrillDialog
from ui.main_window import PAGE_KEYS, MainWindow


@pytest.fixture
def window(qtbot: Any, synchronous: None, demo_store: Store) -> Iterator[MainWindow]:
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    yield window


def _show(window: MainWindow, key: str) -> None:
    window.nav.setCurrentRow(PAGE_KEYS.index(key))
    assert window.current_key == key


def _board(window: MainWindow) -> Any:
    _show(window, "board")
    page = window.board
    assert page.campaign_id is not None and page.model.card_count > 0  # the demo's campaign
    return page


def test_the_task_board_model(qtmodeltester: Any, window: MainWindow) -> None:
    page = _board(window)
    cards = page.model.card_count
    qtmodeltester.check(page.model)

    page.lane_by.setCurrentIndex(page.lane_by.findData("community"))
    assert page.model.lane_by == "community" and page.model.card_count == cards
    communities = {c.community or "" for c in page.cards}
    assert len(page.model.header_rows()) == len(communities)

    page.overdue.setChecked(True)
    late = page.model.card_count
    assert 0 < late < cards

    page.search.setText("没有这样的单位")
    page.apply_filters()  # as the debounce timer would
    assert page.model.rowCount() == 0 and page.model.card_count == 0


def test_the_task_list_model(qtmodeltester: Any, window: MainWindow) -> None:
    page = _board(window)
    page.view_switch.setCurrentIndex(page.view_switch.findData("list"))
    model = page.list_model
    everything = {c.id for c in model.cards}
    assert model.rowCount() == len(everything) == page.model.card_count
    qtmodeltester.check(model)

    page.list.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # 对象, as a header click does
    assert (page.sort_key, page.descending) == ("record", True)
    assert {c.id for c in model.cards} == everything

    page.overdue.setChecked(True)
    assert 0 < model.rowCount() < len(everything)
    assert all(c.days_overdue > 0 for c in model.cards)
    status = [key for key, _ in model.COLUMNS].index("status")
    assert "逾期" in model.data(model.index(0, status))

    page.search.setText("没有这样的单位")
    page.apply_filters()
    assert model.rowCount() == 0


def test_the_findings_model(qtmodeltester: Any, window: MainWindow, qtbot: Any) -> None:
    page = window.dashboard
    qtbot.waitUntil(lambda: page.stats is not None, timeout=5000)
    assert page.stats is not None
    counts = page.stats["findings"]["by_rule"]
    found = [rule for rule, n in counts.items() if n]
    assert len(found) >= 2
    model = page.findings.model
    qtmodeltester.check(model)

    for rule in found[:2]:
        page.findings.select_rule(rule)
        assert model.rowCount() == counts[rule]
    page.findings.model.set_findings([])  # as when the counts are shown again with no rule chosen
    assert model.rowCount() == 0


def test_the_records_behind_a_figure(qtmodeltester: Any, qtbot: Any, demo_store: Store) -> None:
    records = figure_records(demo_store, Figure("members"))
    dialog = DrillDialog(demo_store, records)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == len(records.ids) > 0
    qtmodeltester.check(dialog.model)


def test_the_appraisal_list_and_score_grid(qtmodeltester: Any, window: MainWindow) -> None:
    """Tables filled cell by cell (QTableWidget): Qt's model, but the cells and their
    roles are ours."""
    subjects = [i for i, _ in appraisals.subject_choices(window.store, "review")[:3]]
    appraisals.start_appraisals(window.store, "review", 2026, subjects)
    _show(window, "appraisal")
    page = window.appraisal
    page.template.setCurrentIndex(page.template.findData("review"))
    page.year.setValue(2026)
    assert page.list.rowCount() == 3 and page.record is not None
    qtmodeltester.check(page.list.model())
    qtmodeltester.check(page.grid.model())
    # A row per criterion, and one heading each section (a star rating's says its star).
    rows = len(page.record["criteria"]) + len(page.record["template"].sections)
    assert page.grid.rowCount() == rows > 0
    page.list.setCurrentCell(1, 0)  # another subject: the grid is rebuilt under the tester
    assert page.grid.rowCount() == rows


def test_the_board_progress_and_the_rule_list(qtmodeltester: Any, window: MainWindow, qtbot: Any) -> None:
    """The other tables filled cell by cell: units' progress beside the board, and the
    dashboard's rules with their counts."""
    qtbot.waitUntil(lambda: window.dashboard.stats is not None, timeout=5000)
    rules = window.dashboard.findings.rules
    assert rules.topLevelItemCount() > 0
    qtmodeltester.check(rules.model())
    page = _board(window)
    assert page.progress.assignees.rowCount() > 0
    qtmodeltester.check(page.progress.assignees.model())
    page.reload()  # the progress is shown again, cell by cell, under the tester
    assert page.progress.assignees.rowCount() > 0
