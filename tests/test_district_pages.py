"""Every page across sub-districts, through the window (issue 14): at a district the
工作台 has a 街道 filter that every figure follows, coverage by sub-district as a
chart and a table whose bars open the station's records, the registers a 街道 column
and filter, and the status bar and the prints say whose records they show. On the
real files of tests/sync_world.py after the three stations' first packages.

Set LIANGXIN_SHOTS to a folder to keep the pictures (scope-*.png)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

from app.dashboard import tiles
from app.services import organizations
from app.stats import station_stats
from app.sync import apply, export, keys
from tests.exchange_window import Clerk, go, make_clerk, windows
from tests.sync_world import PASSPHRASE, STATIONS, WorldFiles, copy_world, fast_unlock, opened
from ui.drill import DrillDialog
from ui.main_window import MainWindow

A, B, C = (code for code, _ in STATIONS)
NAMES = dict(STATIONS)
WHOLE = "龙岗区（全区 3 个街道）"


@pytest.fixture
def world(sync_world_files: WorldFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WorldFiles:
    fast_unlock(monkeypatch)
    keys.forget_unlocked()
    world = copy_world(sync_world_files, tmp_path / "world")
    for code, _ in STATIONS:
        with opened(world.stations[code]) as station:
            export.export_up(station, tmp_path / "usb", passphrase=PASSPHRASE)
    with opened(world.district) as district:
        results = apply.import_packages(district, [tmp_path / "usb"], passphrase=PASSPHRASE)
    assert [r.state for r in results] == ["applied"] * 3
    return world


@pytest.fixture
def clerk(qapp: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Clerk:
    return make_clerk(qapp, monkeypatch, tmp_path, "scope")


@pytest.fixture
def window(qtbot: Any, synchronous: None) -> Iterator[Callable[[Path], MainWindow]]:
    with windows(qtbot, "dashboard") as open_window:
        yield open_window


@pytest.fixture
def drills(monkeypatch: pytest.MonkeyPatch) -> list[DrillDialog]:
    opened_: list[DrillDialog] = []
    monkeypatch.setattr(DrillDialog, "open", lambda self: opened_.append(self))
    return opened_


def _choose(combo: Any, code: str | None) -> None:
    combo.setCurrentIndex(combo.findData(code))
    QApplication.processEvents()


def _click_bar(chart: Any, qtbot: Any, row: int, rate: float) -> None:
    """A left click in the middle of a bar of a horizontal bar chart, as the mouse does it."""
    view = chart.plot.getPlotItem().vb
    scene = view.mapViewToScene(QPointF(max(rate, 4.0) / 2, row))
    qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=chart.plot.mapFromScene(scene))


def test_the_districts_dashboard_follows_its_station_filter(
    world: WorldFiles,
    window: Callable[[Path], MainWindow],
    clerk: Clerk,
    qtbot: Any,
    drills: list[DrillDialog],
) -> None:
    win = window(world.district)
    page = win.dashboard
    assert page.stats is not None and page.station_filter.isVisible()
    assert page.station_filter.currentText() == WHOLE
    assert win.scope_state.text() == f"数据范围：{WHOLE}"
    assert page.chart_tabs.currentWidget() is page.stations  # the sub-districts side by side first
    # Coverage by sub-district: a bar and a row each, lowest first, the target line drawn.
    table = page.stations.table
    rows = page.stats["by_station"]
    assert table.rowCount() == page.stations.chart.count == 3
    assert [table.item(i, 0).text() for i in range(3)] == [r["label"] for r in rows]
    rates = [r["organization_coverage"] for r in rows]
    assert rates == sorted(rates)
    assert [table.item(i, 3).text() for i in range(3)] == [f"{r:.1f}%" for r in rates]
    clerk.shoot(win, "dashboard-whole")

    # The lowest station's bar lists its own organizations not yet covered.
    _click_bar(page.stations.chart, qtbot, 0, rates[0])
    assert drills, "a click on the bar opens the records behind it"
    lowest = rows[0]
    assert drills[-1].model.rowCount() == lowest["uncovered"] > 0
    assert drills[-1].windowTitle().endswith(f"{lowest['label']}：尚未被党组织覆盖")
    station_column = [c.key for c in drills[-1].model.columns].index("station")
    assert {drills[-1].model.data(drills[-1].model.index(r, station_column)) for r in range(5)} == {
        lowest["label"]
    }
    clerk.shoot(drills[-1], "drill")

    # One station: every tile is that station's own dashboard's.
    _choose(page.station_filter, B)
    assert win.scope_state.text() == f"数据范围：{NAMES[B]}"
    with opened(world.stations[B]) as station:
        own = [(tile.title, tile.value) for tile in tiles(station_stats(station))]
    assert [(card.tile.title, card.value.text()) for card in page.cards if card.tile] == own
    assert table.rowCount() == 1 and table.item(0, 0).text() == NAMES[B]
    table.doubleClicked.emit(table.model().index(0, 0))  # a row, as the bar: its records
    gap = next(r for r in page.stats["by_station"] if r["key"] == B)
    assert drills[-1].model.rowCount() == gap["uncovered"]
    # The findings list: 街道 beside each record, only B's.
    page.findings.select_rule("enterprise_party_org")
    model = page.findings.model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "街道"
    assert model.rowCount() and {model.index(r, 1).data() for r in range(model.rowCount())} == {NAMES[B]}
    clerk.shoot(win, "dashboard-one")

    _choose(page.station_filter, None)
    assert page.cards[0].value.text() == f"{page.stats['coverage']['in_scope']:,}"
    assert win.scope_state.text() == f"数据范围：{WHOLE}"


def test_the_dashboard_prints_the_station_it_shows(
    world: WorldFiles, window: Callable[[Path], MainWindow], tmp_path: Path, qtbot: Any
) -> None:
    win = window(world.district)
    page = win.dashboard
    page.open_after_export = False
    _choose(page.station_filter, C)
    out = tmp_path / "notice.pdf"
    suggested: list[str] = []
    page.ask_save_path = lambda caption, name, pattern: suggested.append(name) or str(out)  # type: ignore[method-assign]
    page.print_report()
    qtbot.waitUntil(out.exists, timeout=10_000)
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert f"数据范围：{NAMES[C]}" in text and WHOLE not in text
    assert NAMES[C] in suggested[-1]


def test_a_register_at_the_district_has_a_station_column_and_filter(
    world: WorldFiles, window: Callable[[Path], MainWindow], clerk: Clerk, qtbot: Any
) -> None:
    win = window(world.district)
    go(win, "organization")
    page = win.pages["organization"]
    qtbot.waitUntil(lambda: page.count.text().startswith("共"), timeout=5000)
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(page.model.columnCount())]
    assert headers[:2] == ["组织名称", "街道"]
    everyone = len(page.model.ids)
    assert everyone == len(organizations.organization_ids(page.store))
    assert win.scope_state.text() == f"数据范围：{WHOLE}"

    _choose(page.filters["station"], A)
    qtbot.waitUntil(lambda: page.count.text().startswith("共"), timeout=5000)
    with opened(world.stations[A]) as station:
        own = sorted(organizations.organization_ids(station))
    assert sorted(page.model.ids) == own and 0 < len(own) < everyone
    shown = {page.model.index(r, 1).data() for r in range(page.model.rowCount())}
    assert shown == {NAMES[A]}
    assert page.count.text() == f"共 {len(own)} 条"
    assert win.scope_state.text() == f"数据范围：{NAMES[A]}"
    clerk.shoot(win, "organizations-one")

    # Sorting by 街道 (a click on its header) orders the stations as the filter lists them.
    _choose(page.filters["station"], None)
    header = page.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(1) + 20, 8)
    )
    qtbot.waitUntil(lambda: page.count.text() == f"共 {everyone} 条", timeout=5000)
    column = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    order = {name: code for code, name in STATIONS}
    assert column == sorted(column, key=order.__getitem__) or column == sorted(
        column, key=order.__getitem__, reverse=True
    )
    clerk.shoot(win, "organizations-whole")

    go(win, "board")  # a page without a filter shows every sub-district's records
    assert win.scope_state.text() == f"数据范围：{WHOLE}"


def test_a_sub_districts_pages_have_no_station_filter(
    world: WorldFiles, window: Callable[[Path], MainWindow], qtbot: Any
) -> None:
    win = window(world.stations[A])
    assert not win.dashboard.station_filter.isVisible() and win.dashboard.stations is None
    assert not win.scope_state.isVisible()
    go(win, "member")
    page = win.pages["member"]
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(page.model.columnCount())]
    assert "街道" not in headers and "station" not in page.filters
