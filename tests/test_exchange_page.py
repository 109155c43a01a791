"""数据交换 in the window (pytest-qt, offscreen), done the way a clerk does it: through
the page's buttons, on real SQLite files and real keys (tests/sync_world.py). The file
dialogs, the passphrase and the message boxes are answered here; everything behind
them is the program's own.

Each state is rendered (``page.grab()``); set LIANGXIN_SHOTS to a folder to keep the
pictures (e.g. LIANGXIN_SHOTS=/tmp gives /tmp/exchange-*.png; tests/exchange_window.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog, QLabel
from sqlalchemy import text

from app.services import organizations
from app.stats import register_counts
from app.store import init_store
from app.sync import export, keys
from tests.exchange_window import Clerk, go, make_clerk, windows
from tests.sync_world import PASSPHRASE, STATIONS, WorldFiles, copy_world, fast_unlock, opened
from ui import exchange_dialogs
from ui.exchange_dialogs import ExportSummaryDialog, ImportDialog, NewPassphraseDialog, StationDialog
from ui.exchange_district import KEY, STATE, DistrictSide
from ui.exchange_page import ExchangePage
from ui.exchange_station import StationSide
from ui.main_window import MainWindow

A = STATIONS[0][0]
MADE = "{code}-1-{seq}.lxpkg"


@pytest.fixture
def world(sync_world_files: WorldFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WorldFiles:
    """This test's copy of the session's district and three enrolled stations (conftest)."""
    fast_unlock(monkeypatch)
    keys.forget_unlocked()  # each test's window asks for the passphrase as a new run does
    return copy_world(sync_world_files, tmp_path / "world")


@pytest.fixture
def clerk(qapp: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Clerk:
    return make_clerk(qapp, monkeypatch, tmp_path, "exchange")


@pytest.fixture
def window(qtbot: Any, synchronous: None) -> Iterator[Callable[[Path], MainWindow]]:
    """Open a database's main window on the 数据交换 page (closed after the test)."""
    with windows(qtbot) as open_window:
        yield open_window


def page_of(win: MainWindow) -> ExchangePage:
    return win.exchange


def station_of(win: MainWindow) -> StationSide:
    side = win.exchange.side
    assert isinstance(side, StationSide)
    return side


def district_of(win: MainWindow) -> DistrictSide:
    side = win.exchange.side
    assert isinstance(side, DistrictSide)
    return side


def history_cells(page: ExchangePage, column: int) -> list[str]:
    return [page.history.item(row, column).text() for row in range(page.history.rowCount())]


def _organizations(path: Path) -> int:
    with opened(path) as store:
        return int(register_counts(store)["organizations"]["total"])


def _make_package(world: WorldFiles, out: Path, code: str = A) -> export.Made:
    with opened(world.stations[code]) as station:
        return export.export_up(station, out, passphrase=PASSPHRASE)


# --- the round trip, through both pages ---------------------------------------------------


def test_a_package_made_on_the_page_is_imported_on_the_district_page_and_answered_by_receipt(
    window: Callable[[Path], MainWindow], clerk: Clerk, world: WorldFiles, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    station_window = window(world.stations[A])
    station_page, station = page_of(station_window), station_of(station_window)
    clerk.shoot(station_window, "station-enrolled")
    assert station.report_box.isEnabled() and station.enrol_button.isHidden()

    # 生成上报数据包: a wrong passphrase is asked again with the reason, then the package.
    clerk.passphrases = ["不是这个口令", PASSPHRASE]
    clerk.folder = str(usb)
    station.make_button.click()
    assert clerk.asked_with[0] == "" and "口令不对" in clerk.asked_with[1]
    made = list(usb.glob("*.lxpkg"))
    assert len(made) == 1 and made[0].name.startswith(f"{A}-1-")
    summary = clerk.dialogs[-1]
    assert isinstance(summary, ExportSummaryDialog)
    organizations_made = summary.made.counts["organization"]["insert"]
    assert organizations_made == _organizations(world.stations[A])
    table = summary.table
    shown = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert shown["两新组织"] == f"{organizations_made:,}"
    assert history_cells(station_page, 1) == ["生成上报数据包"]
    assert history_cells(station_page, 3) == [made[0].name]
    clerk.shoot(station_window, "station-made")

    # The district: the register is empty, the dry run shows what would come, then it comes.
    district_window = window(world.district)
    go(district_window, "organization")
    assert district_window.pages["organization"].model.ids == []
    go(district_window, "exchange")
    district = page_of(district_window)
    clerk.passphrases = [PASSPHRASE]
    clerk.files = [str(made[0])]
    district_of(district_window).import_button.click()
    preview, result = clerk.dialogs[-2:]
    assert isinstance(preview, ImportDialog) and isinstance(result, ImportDialog)
    assert [b.state.text() for b in preview.boxes] == ["可以导入"]
    assert "尚未导入" in preview.boxes[0].message.text()
    assert [b.state.text() for b in result.boxes] == ["已导入"]
    receipt = result.results[0].receipt
    assert receipt is not None and receipt.exists()
    assert "回执已写到" in result.boxes[0].message.text()
    assert history_cells(district, 5) == ["已导入"]
    clerk.shoot(district_window, "district-imported")
    go(district_window, "organization")  # marked stale by the import: reloads on showing
    assert len(district_window.pages["organization"].model.ids) == organizations_made

    # The receipt, loaded on the station's page: the status bar says what the district holds.
    assert not station_window.exchange_state.text().startswith("区已确认至")
    clerk.files = [str(receipt)]
    asked = len(clerk.asked_with)
    station.load_receipt()
    assert len(clerk.asked_with) == asked  # the keys stay open for the rest of the run
    assert station_window.exchange_state.text().startswith("区已确认至 #")
    assert station_page.state.text() == station_window.exchange_state.text()
    assert "没有被拒收的记录" in clerk.said[-1]
    clerk.shoot(station_window, "station-receipt")


def test_a_tampered_package_shows_its_refusal_and_changes_nothing(
    window: Callable[[Path], MainWindow], clerk: Clerk, world: WorldFiles, tmp_path: Path
) -> None:
    made = _make_package(world, tmp_path / "usb")
    data = bytearray(made.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    made.path.write_bytes(bytes(data))
    district_window = window(world.district)
    district = page_of(district_window)
    clerk.passphrases = [PASSPHRASE]
    # Dropped on the page, the folder it is in.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(made.path.parent))])
    drop = QDropEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    district.dropEvent(drop)
    preview = clerk.dialogs[-1]
    assert isinstance(preview, ImportDialog) and len(clerk.dialogs) == 1  # no import after the dry run
    assert [b.state.text() for b in preview.boxes] == ["拒收"]
    assert "未导入任何数据" in preview.boxes[0].message.text()
    assert preview.import_button is not None and not preview.import_button.isEnabled()
    assert district.history.rowCount() == 0  # a dry run writes nothing, not even the history
    assert _organizations(world.district) == 0


def test_a_refused_record_shows_its_reason_on_its_detail_panel(
    window: Callable[[Path], MainWindow], clerk: Clerk, world: WorldFiles, tmp_path: Path
) -> None:
    with opened(world.stations[A]) as station:
        org_id = organizations.list_organizations(station, limit=1).rows[0].id
        with station.write() as session:  # as an older program might have stored it
            session.execute(text("UPDATE organization SET employees = -5 WHERE id = :id"), {"id": org_id})
    made = _make_package(world, tmp_path / "usb")
    district_window = window(world.district)
    clerk.passphrases = [PASSPHRASE]
    clerk.files = [str(made.path)]
    district_of(district_window).import_button.click()
    preview, result = clerk.dialogs[-2:]
    shown = preview.boxes[0].refusals
    refused = result.results[0].refusals  # the organization, and whatever points at it
    ours = next(r for r in refused if r.id == org_id)
    assert "职工人数" in ours.reason
    # Every refusal sentence, shown before importing.
    assert isinstance(shown, QLabel)
    assert shown.text().splitlines() == ["• " + r.sentence() for r in preview.results[0].refusals]
    assert "• " + ours.sentence() in shown.text().splitlines()
    assert result.boxes[0].state.text() == "已导入"
    receipt = result.results[0].receipt

    station_window = window(world.stations[A])
    station = station_of(station_window)
    clerk.passphrases = [PASSPHRASE]
    clerk.files = [str(receipt)]
    station.load_receipt()
    assert f"拒收 {len(refused)} 条" in clerk.said[-1]
    rows = [station.refusals.item(r, 0).data(Qt.ItemDataRole.UserRole)["id"] for r in range(len(refused))]
    assert station.refusals.rowCount() == len(refused) and org_id in rows
    clerk.shoot(station_window, "station-refusals")
    station.refusals.selectRow(rows.index(org_id))
    station.open_refused()  # a double-click on the row
    assert station_window.current_key == "organization"
    page = station_window.pages["organization"]
    assert page.current_id() == org_id
    warning = page.detail.findChild(QLabel, "refused")
    assert warning is not None and warning.text().startswith("区里拒收：")
    assert warning.text() == "区里拒收：" + ours.reason
    clerk.shoot(station_window, "detail-refused")
    # Another record says nothing of the kind.
    other = next(i for i in page.model.ids if i not in {r.id for r in refused})
    page.show_record(other)
    assert page.detail.findChild(QLabel, "refused") is None


def test_an_import_is_rolled_back_from_the_history_and_a_later_one_must_go_first(
    window: Callable[[Path], MainWindow], clerk: Clerk, world: WorldFiles, tmp_path: Path
) -> None:
    first = _make_package(world, tmp_path / "one")
    with opened(world.stations[A]) as station:
        org = organizations.list_organizations(station, limit=1).rows[0]
        organizations.edit_organization(station, org.id, {"employees": 77})
        second = export.export_up(station, tmp_path / "two", passphrase=PASSPHRASE, full=False)
    district_window = window(world.district)
    district = page_of(district_window)
    clerk.passphrases = [PASSPHRASE]
    clerk.files = [str(first.path), str(second.path)]
    district_of(district_window).import_button.click()
    assert [b.state.text() for b in clerk.dialogs[-1].boxes] == ["已导入", "已导入"]
    go(district_window, "organization")
    assert len(district_window.pages["organization"].model.ids) == _organizations(world.stations[A])
    go(district_window, "exchange")

    # The earlier one cannot go while a later one of the same station stands: said as the service says it.
    older = history_cells(district, 3).index(first.path.name)
    district.history.selectRow(older)
    assert district.rollback_button is not None and district.rollback_button.isEnabled()
    district.rollback_button.click()
    assert "请先撤销那一次" in clerk.warnings[-1]
    latest = history_cells(district, 3).index(second.path.name)
    district.history.selectRow(latest)
    district.rollback_button.click()
    assert clerk.said[-1].startswith("已撤销")
    district.history.selectRow(history_cells(district, 3).index(first.path.name))
    district.rollback_button.click()
    assert clerk.said[-1].startswith("已撤销")
    assert sorted(history_cells(district, 5)) == ["已撤销", "已撤销"]
    district.history.selectRow(0)
    assert not district.rollback_button.isEnabled()
    clerk.shoot(district_window, "district-rolled-back")
    go(district_window, "organization")
    assert district_window.pages["organization"].model.ids == []


# --- enrolment, both sides ----------------------------------------------------------------


def test_a_new_sub_district_enrols_through_the_pages(
    window: Callable[[Path], MainWindow], clerk: Clerk, world: WorldFiles, tmp_path: Path
) -> None:
    code, name = "440307004", "横岗街道"
    district_window = window(world.district)
    district = district_of(district_window)
    # 登记街道: code and name, then where the enrolment file goes.
    clerk.passphrases = [PASSPHRASE]
    enrolment = tmp_path / "usb" / f"{code}.json"
    enrolment.parent.mkdir()
    clerk.save_as = str(enrolment)

    def fill(dialog: StationDialog) -> int:
        dialog.code.setText("44030700")
        dialog.name.setText(name)
        dialog.accept()
        assert dialog.result() != QDialog.DialogCode.Accepted and "9位数字" in dialog.error.text()
        clerk.shoot(dialog, "station-dialog")
        dialog.code.setText(code)
        dialog.name.setText(name)
        dialog.accept()
        return dialog.result()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(StationDialog, "exec", fill)
        district.add_button.click()
    assert enrolment.exists()
    district_key = keys.key_status(district_window.store)["key_id"]
    assert exchange_dialogs.grouped(district_key) in clerk.said[-1]
    codes = [district.stations.item(r, 0).text() for r in range(district.stations.rowCount())]
    row = codes.index(code)
    assert district.stations.item(row, STATE).text() == "等待街道交回公钥文件"

    # The sub-district: nothing to report before enrolling; the first step is the file.
    path = tmp_path / f"{code}.sqlite3"
    init_store(str(path), code, name)[0].close()
    station_window = window(path)
    station = station_of(station_window)
    assert not station.report_box.isEnabled() and station.enrol_button.isVisible()
    assert station_window.exchange_state.text() == "尚未登记到区里"
    clerk.shoot(station_window, "station-not-enrolled")
    clerk.files = [str(enrolment)]
    clerk.new_passphrase = "横岗街道的新口令"
    station.enrol_button.click()
    assert exchange_dialogs.grouped(district_key) in clerk.said[-1] and "打电话" in clerk.said[-1]
    assert station.report_box.isEnabled()
    public = tmp_path / "usb" / f"{code}.pub.json"
    clerk.save_as = str(public)
    station.public_button.click()
    assert public.exists() and "载入街道公钥" in clerk.said[-1]

    # Back at the district: the public key, taken from the file without choosing the row.
    clerk.files = [str(public)]
    district.pubkey_button.click()
    station_key = keys.key_status(station_window.store)["key_id"]
    assert exchange_dialogs.grouped(station_key) in clerk.said[-1]
    assert district.stations.item(row, STATE).text() == "尚未上报"  # enrolled, nothing received yet
    assert district.stations.item(row, KEY).text() == exchange_dialogs.grouped(station_key)
    # 撤销登记: its packages are refused from now on.
    district.stations.selectRow(row)
    district.revoke_button.click()
    assert district.stations.item(row, STATE).text().startswith("已撤销登记（")
    assert not district.revoke_button.isEnabled()
    clerk.shoot(district_window, "district-stations")


def test_a_new_passphrase_is_refused_when_short_or_typed_differently(qtbot: Any, clerk: Clerk) -> None:
    dialog = NewPassphraseDialog(
        None,
        "设定密钥口令",
        "登记文件来自“龙岗区”（440307）。请为本站点设定密钥口令。",
        exchange_dialogs.FORGOTTEN_STATION,
    )
    qtbot.addWidget(dialog)
    dialog.first.setText("短口令")
    dialog.second.setText("短口令")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "至少要 8 个字符" in dialog.error.text()
    clerk.shoot(dialog, "new-passphrase")
    dialog.first.setText("两新数据交换口令")
    dialog.second.setText("两新数据交换口今")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "不一致" in dialog.error.text()
    dialog.second.setText("两新数据交换口令")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.passphrase() == "两新数据交换口令"
    asked = exchange_dialogs.PassphraseDialog(
        None, "口令不对，密钥没有打开，未做任何改动；请核对大小写和输入法后重试。"
    )
    qtbot.addWidget(asked)
    clerk.shoot(asked, "passphrase")


def test_a_district_without_keys_is_offered_them_first(
    window: Callable[[Path], MainWindow], clerk: Clerk, tmp_path: Path
) -> None:
    path = tmp_path / "district.sqlite3"
    init_store(str(path), "440308", "盐田区", role="district")[0].close()
    district_window = window(path)
    side = district_of(district_window)
    assert side.keys_button.isVisible()
    assert not side.import_box.isEnabled() and not side.stations_box.isEnabled()
    clerk.shoot(district_window, "district-no-keys")
    side.keys_button.click()
    assert "区的密钥已生成" in clerk.said[-1]
    assert side.import_box.isEnabled() and side.keys_button.isHidden()
    key = keys.key_status(district_window.store)["key_id"]
    assert exchange_dialogs.grouped(key) in side.keys_text.text()


def test_the_page_and_its_dialogs_speak_english_in_english_mode(
    window: Callable[[Path], MainWindow],
    clerk: Clerk,
    world: WorldFiles,
    tmp_path: Path,
    qapp: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import re

    import ui.i18n
    from app.services import communities
    from app.sync import apply, receipt
    from ui.i18n import install_translator

    untranslated: set[str] = set()
    data: set[str] = set()  # the register pages' filters list community names, not words
    real = ui.i18n.QCoreApplication

    class Recorder:
        @staticmethod
        def translate(context: str, source: str, *args: Any) -> str:
            result = str(real.translate(context, source, *args))
            if result == source and re.search(r"[\u3400-\u9fff]", source):
                untranslated.add(source)
            return result

    made = _make_package(world, tmp_path / "usb")
    with opened(world.district) as district:
        imported = apply.import_packages(district, [made.path], passphrase=PASSPHRASE)
    with opened(world.stations[A]) as station:
        receipt.load_receipt(station, imported[0].receipt, passphrase=PASSPHRASE)
    monkeypatch.setattr(ui.i18n, "QCoreApplication", Recorder)
    install_translator(qapp, "en")
    try:
        for path, name in ((world.stations[A], "station-english"), (world.district, "district-english")):
            win = window(path)
            data.update(communities.community_names(win.store))
            page = page_of(win)
            page.history.selectRow(0)
            clerk.shoot(win, name)
        assert win.nav.currentItem().text() == "Data exchange"
        ExportSummaryDialog(made)
        ImportDialog(imported, preview=True)
        ImportDialog(imported, preview=False)
        StationDialog()
        NewPassphraseDialog(None, "title", "intro", exchange_dialogs.FORGOTTEN_DISTRICT)
        exchange_dialogs.PassphraseDialog(None)
    finally:
        install_translator(qapp, "zh")
    # The registers' names (app/sync/rows.py TABLE_LABELS) are in the catalogue's vocabulary.
    assert untranslated - data == set()
