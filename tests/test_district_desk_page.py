"""The district's desk in the window (issue 14), done through the pages as a clerk does
it, on real SQLite files and real keys (tests/sync_world.py): the district sends its
campaign down to one sub-district, which loads it and finds the tasks on its board; a
threshold the district locks is 区统一设定 at the station; 查重 lists a person kept by
two stations and makes their tasks; a station that has not reported stands out.

Set LIANGXIN_SHOTS to a folder to keep the pictures (desk-*.png)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import select, update

from app.services import campaigns
from app.settings import current_settings, setting_locks
from app.sync import keys
from db.models import SyncPackage
from tests.exchange_window import Clerk, go, make_clerk, windows
from tests.sync_world import (
    PASSPHRASE,
    STATIONS,
    WorldFiles,
    copy_world,
    district_campaign,
    fast_unlock,
    opened,
    report_up,
    shared_by_two_stations,
)
from ui.duplicates_page import DuplicatesPage, TasksDialog
from ui.exchange_dialogs import ExportSummaryDialog, ImportDialog
from ui.exchange_district import LAG, LAST, OVERDUE_BACKGROUND, STATE, DistrictSide
from ui.exchange_station import StationSide
from ui.main_window import PAGE_KEYS, MainWindow

A, B, C = (code for code, _ in STATIONS)
NAMES = dict(STATIONS)
KEY = "rule.enterprise_org.min_employees"


@pytest.fixture
def world(sync_world_files: WorldFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WorldFiles:
    """The session's district and three stations; A and B have reported, C never has."""
    fast_unlock(monkeypatch)
    world = copy_world(sync_world_files, tmp_path / "world")
    report_up(world, tmp_path / "first", (A, B))
    keys.forget_unlocked()  # each window asks for the passphrase as a new run does
    return world


@pytest.fixture
def clerk(qapp: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Clerk:
    return make_clerk(qapp, monkeypatch, tmp_path, "desk")


@pytest.fixture
def window(qtbot: Any, synchronous: None) -> Iterator[Callable[[Path], MainWindow]]:
    with windows(qtbot) as open_window:
        yield open_window


def district_of(win: MainWindow) -> DistrictSide:
    side = win.exchange.side
    assert isinstance(side, DistrictSide)
    return side


def station_of(win: MainWindow) -> StationSide:
    side = win.exchange.side
    assert isinstance(side, StationSide)
    return side


def select_station(side: DistrictSide, code: str) -> int:
    codes = [side.stations.item(r, 0).text() for r in range(side.stations.rowCount())]
    row = codes.index(code)
    side.stations.selectRow(row)
    return row


# --- down: the district's campaign, tasks and a locked threshold reach station A ------------


def test_the_district_sends_its_campaign_down_and_the_station_finds_it_on_its_board(
    window: Callable[[Path], MainWindow], clerk: Clerk, world: WorldFiles, tmp_path: Path
) -> None:
    campaign, tasks = district_campaign(world)
    assert tasks[A], "A's findings are A's tasks"
    district_window = window(world.district)

    # 设置 at the district: a value, then 统一设定 — one tick, one service call.
    go(district_window, "settings")
    settings = district_window.settings_page
    settings.editors[KEY].setValue(80)
    settings.locks[KEY].setChecked(True)
    assert setting_locks(district_window.store) == {KEY: "locked"}
    assert not settings.marks  # the district sets; it has no 区统一设定 of its own
    clerk.shoot(district_window, "district-settings-locked")

    # 生成下发数据包 for A: the selected station, a folder, the summary.
    go(district_window, "exchange")
    side = district_of(district_window)
    assert not side.down_button.isEnabled()  # nothing selected yet
    select_station(side, A)
    assert side.down_button.isEnabled() and NAMES[A] in side.down_hint.text()
    usb = tmp_path / "usb"
    usb.mkdir()
    clerk.folder, clerk.passphrases = str(usb), [PASSPHRASE]
    side.down_button.click()
    made = list(usb.glob("*-down.lxpkg"))
    assert len(made) == 1 and made[0].name.startswith(f"{A}-")
    summary = clerk.dialogs[-1]
    assert isinstance(summary, ExportSummaryDialog)
    assert summary.windowTitle() == "下发数据包已生成" and NAMES[A] in summary.next_step.text()
    table = summary.table
    shown = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert shown["任务"] == f"{len(tasks[A]):,}" and shown["专项行动"] == "1"
    history = district_window.exchange.history
    assert history.item(0, 1).text() == "生成下发数据包" and history.item(0, 2).text() == NAMES[A]
    clerk.shoot(district_window, "district-down-made")

    # A loads it on its page: the dry run, then the load, and a sentence on what came.
    station_window = window(world.stations[A])
    station = station_of(station_window)
    assert station.down_box.isEnabled()
    clerk.files, clerk.passphrases = [str(made[0])], [PASSPHRASE]
    station.down_button.click()
    preview, result = clerk.dialogs[-2:]
    assert isinstance(preview, ImportDialog) and preview.import_button is not None
    assert preview.import_button.text() == "载入" and preview.import_button.isEnabled()
    assert [b.state.text() for b in preview.boxes] == ["可以载入"]
    assert isinstance(result, ImportDialog) and [b.state.text() for b in result.boxes] == ["已载入"]
    note = result.note.text()
    assert f"任务 {len(tasks[A])} 项" in note and "专项行动 1 项" in note and "区统一设定" in note
    assert station_window.exchange.history.item(0, 1).text() == "载入下发数据包"
    clerk.shoot(station_window, "station-down-loaded")

    # A's board: the district's campaign among its own, with exactly A's tasks.
    go(station_window, "board")
    board = station_window.board
    listed = [board.campaign.itemData(i) for i in range(board.campaign.count())]
    assert campaign in listed and len(listed) > 1  # beside the station's own campaign
    board.campaign.setCurrentIndex(listed.index(campaign))
    assert sorted(c.id for c in board.all_cards) == sorted(tasks[A])
    assert board.lane_by.findData("station") == -1  # a sub-district is its tasks' only 承办街道
    clerk.shoot(station_window, "station-board")

    # A's 设置: the locked threshold is the district's value, read-only, marked 区统一设定.
    go(station_window, "settings")
    page = station_window.settings_page
    assert page.marks[KEY].isVisibleTo(page) and page.marks[KEY].text() == "区统一设定"
    assert page.marks[KEY].toolTip()
    editor = page.editors[KEY]
    assert editor.value() == 80 and not editor.isEnabled() and not page.resets[KEY].isEnabled()
    assert page.lock_intro.isVisibleTo(page)
    other = "rule.social_org.min_staff"  # not locked: the station's own to set
    assert page.editors[other].isEnabled() and not page.marks[other].isVisibleTo(page)
    editor.setValue(30)  # however a value arrives, the service refuses it with a sentence
    assert "由区里统一设定" in page.errors[KEY].text()
    assert current_settings(station_window.store)[KEY] == 80 and editor.value() == 80
    clerk.shoot(station_window, "station-settings-locked")


# --- the stations list: who has not reported ---------------------------------------------


def test_stations_that_have_not_reported_stand_out_and_open_on_what_they_sent(
    window: Callable[[Path], MainWindow], clerk: Clerk, world: WorldFiles
) -> None:
    with opened(world.district) as district, district.write() as session:  # A last reported 20 days ago
        at = session.scalar(select(SyncPackage.at).where(SyncPackage.station_code == A))
        session.execute(
            update(SyncPackage).where(SyncPackage.station_code == A).values(at=at - timedelta(days=20))
        )
    district_window = window(world.district)
    side = district_of(district_window)
    rows = {side.stations.item(r, 0).text(): r for r in range(side.stations.rowCount())}

    def cell(code: str, column: int) -> Any:
        return side.stations.item(rows[code], column)

    def highlighted(code: str) -> bool:
        return cell(code, 0).background().color().name().upper() == OVERDUE_BACKGROUND.upper()

    assert [highlighted(code) for code in (A, B, C)] == [True, False, True]
    assert cell(A, LAG).text() == "20 天" and cell(A, 1).toolTip() == "超过 14 天未上报"
    assert cell(A, STATE).text() == "超过 14 天未上报"
    assert cell(B, LAG).text() == "今天" and cell(B, STATE).text() == "正常"
    assert "年" in cell(B, LAST).text() and cell(B, 1).toolTip() == NAMES[B]
    assert cell(C, LAST).text() == "尚未上报" and cell(C, LAG).text() == "—"
    assert cell(C, 3).toolTip().startswith("尚未上报")
    clerk.shoot(district_window, "district-stations-overdue")

    # A double-click on a station: its history alone, until 显示全部记录.
    page = district_window.exchange
    everyone = page.history.rowCount()
    side.stations.selectRow(rows[B])
    side.open_station()
    names = {page.history.item(r, 2).text() for r in range(page.history.rowCount())}
    assert names == {NAMES[B]} and page.history.rowCount() < everyone
    assert page.all_button.isVisibleTo(page) and NAMES[B] in page.only_text.text()
    clerk.shoot(district_window, "district-station-history")
    side.stations.selectRow(rows[C])
    side.open_station()
    assert page.history.rowCount() == 0 and "还没有交换记录" in page.only_text.text()
    page.all_button.click()
    assert page.history.rowCount() == everyone and not page.all_button.isVisibleTo(page)


# --- 查重 ----------------------------------------------------------------------------------


def test_the_district_finds_a_person_kept_by_two_stations_and_makes_their_tasks(
    window: Callable[[Path], MainWindow],
    clerk: Clerk,
    world: WorldFiles,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    person, unit = shared_by_two_stations(world, A, B)
    report_up(world, tmp_path / "again", (B,))
    with opened(world.district) as district:
        checking = campaigns.create_campaign(
            district, {"name": "查重核实", "starts_on": "2026-12-01", "ends_on": "2026-12-31"}
        )["id"]

    station_window = window(world.stations[A])
    row = PAGE_KEYS.index("duplicates")
    assert station_window.nav.item(row).isHidden()  # a sub-district has nothing to compare

    district_window = window(world.district)
    assert not district_window.nav.item(row).isHidden()
    assert PAGE_KEYS[row - 1] == "exchange"  # right after 数据交换
    go(district_window, "duplicates")
    page = district_window.duplicates
    assert isinstance(page, DuplicatesPage)
    table = page.table
    assert [(g.name, g.stations) for g in page.groups] == [(person.name, [A, B])]
    assert table.rowCount() == 2 and table.rowSpan(0, 1) == 2  # both records, side by side
    assert [table.item(r, 2).text() for r in range(2)] == [NAMES[A], NAMES[B]]
    assert [table.item(r, 3).text() for r in range(2)] == [person.name, person.name]
    assert table.item(1, 5).text() == "口袋党员"
    masked = table.item(0, 1).text()
    assert masked != person.id_number and masked.endswith(person.id_number[-2:])
    assert "1 组重复登记的党员" in page.state.text()
    clerk.shoot(district_window, "duplicates-members")

    # 显示完整号码, after a confirmation (the clerk answers yes).
    page.reveal_button.click()
    assert table.item(0, 1).text() == person.id_number
    assert page.reveal_button.text() == "隐藏完整号码"
    page.reveal_button.click()
    assert table.item(0, 1).text() == masked

    # 导出 .xlsx: masked as shown.
    page.open_after_export = False
    clerk.save_as = str(tmp_path / "查重.xlsx")
    page.export_button.click()
    from openpyxl import load_workbook

    rows = list(load_workbook(clerk.save_as).active.iter_rows(values_only=True))
    assert [r[2] for r in rows[1:]] == [NAMES[A], NAMES[B]]
    assert all(person.id_number not in str(r) for r in rows)

    # 生成核查任务 on the district's campaign: one per record, not twice.
    def choose(dialog: TasksDialog) -> int:
        dialog.campaign.setCurrentIndex(dialog.campaign.findData(checking))
        clerk.shoot(dialog, "duplicates-tasks-dialog")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(TasksDialog, "exec", choose)
    page.tasks_button.click()
    assert clerk.said[-1].startswith("已在“查重核实”中生成 2 项核查任务")
    page.tasks_button.click()
    assert "都已有核查任务" in clerk.said[-1]

    # 两新组织: the unit with the same credit code, both records.
    page.switch.buttons()[1].click()
    assert [(g.key, g.stations) for g in page.groups] == [(unit.uscc, [A, B])]
    assert table.item(0, 1).text() == unit.uscc and not page.reveal_button.isVisibleTo(page)
    assert table.item(1, 4).text() == "9"
    clerk.shoot(district_window, "duplicates-orgs")
    # A double-click opens the record on its register.
    table.selectRow(1)
    page.open_selected()
    assert district_window.current_key == "organization"
    assert district_window.pages["organization"].current_id() == page.groups[0].records[1]["id"]


# --- the district's board: a lane per sub-district --------------------------------------


def test_the_district_board_has_a_lane_per_station(
    window: Callable[[Path], MainWindow], clerk: Clerk, world: WorldFiles, tmp_path: Path
) -> None:
    report_up(world, tmp_path / "c", (C,))
    campaign, tasks = district_campaign(world)
    assert set(tasks) == {A, B, C}
    district_window = window(world.district)
    go(district_window, "board")
    board = district_window.board
    board.campaign.setCurrentIndex(board.campaign.findData(campaign))
    offered = [board.lane_by.itemText(i) for i in range(board.lane_by.count())]
    assert "泳道：按承办街道" in offered
    board.lane_by.setCurrentIndex(board.lane_by.findData("station"))
    assert board.model.lane_by == "station"
    assert {lane.key for lane in board.model.lanes} == {NAMES[A], NAMES[B], NAMES[C]}
    by_lane = {lane.key: sum(len(c) for c in lane.cards.values()) for lane in board.model.lanes}
    assert by_lane == {NAMES[code]: len(tasks[code]) for code in (A, B, C)}
    clerk.shoot(district_window, "district-board-stations")


def test_the_new_pages_speak_english_in_english_mode(
    window: Callable[[Path], MainWindow], clerk: Clerk, world: WorldFiles, qapp: Any
) -> None:
    from ui.i18n import install_translator

    install_translator(qapp, "en")
    try:
        district_window = window(world.district)
        side = district_of(district_window)
        select_station(side, A)
        assert side.down_button.text() == "Make down package…"
        clerk.shoot(district_window, "district-english")
        go(district_window, "duplicates")
        assert district_window.duplicates.tasks_button.text() == "Make check tasks…"
        go(district_window, "settings")
        assert district_window.settings_page.locks[KEY].text() == "District-wide"
        station_window = window(world.stations[A])
        assert station_of(station_window).down_button.text() == "Load down package…"
        clerk.shoot(station_window, "station-english")
    finally:
        install_translator(qapp, "zh")
