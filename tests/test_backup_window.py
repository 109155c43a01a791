"""数据备份 in the window: 立即备份 to a folder, 恢复备份 with its preview, 检查数据."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton
from sqlalchemy import func, select

from app.backup.backup import backup_job
from app.backup.preview import preview_backup
from app.jobs import run_job
from app.store import Store
from db.models import Member
from ui import backup_dialog
from ui.background import Background
from ui.settings_page import SettingsPage


def members(store: Store) -> int:
    with store.read() as session:
        return int(
            session.scalar(select(func.count()).select_from(Member).where(Member.deleted.is_(False))) or 0
        )


@pytest.fixture
def page(qtbot: Any, demo_store: Store, synchronous: None) -> SettingsPage:
    page = SettingsPage(demo_store, Background())
    qtbot.addWidget(page)
    return page


def click(page: SettingsPage, name: str) -> None:
    button = page.findChild(QPushButton, name)
    assert button is not None and button.isEnabled()
    button.click()


def test_backup_now_to_a_folder_says_where_and_how_big(
    page: SettingsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _title, text: told.append(text))
    click(page, "backup_now")
    made = list(stick.iterdir())
    assert len(made) == 1 and made[0].name.startswith("liangxin-440307001-")
    assert str(made[0]) in told[0] and told[0].rstrip("）。").endswith("MB")
    assert preview_backup(made[0]).counts["members"] == members(page.store)


def test_restore_shows_the_preview_then_brings_the_data_back(
    page: SettingsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = page.store
    copy = run_job(backup_job(store, tmp_path / "usb")).path
    before = members(store)
    with store.write() as session:
        for member in session.scalars(select(Member).limit(5)):
            member.deleted = True
    assert members(store) == before - 5
    shown: dict[str, str] = {}

    def accept(dialog: backup_dialog.RestorePreviewDialog) -> int:
        shown.update({key: label.text() for key, label in dialog.fields.items()})
        return QDialog.DialogCode.Accepted

    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    monkeypatch.setattr(backup_dialog.RestorePreviewDialog, "exec", accept)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _title, text: told.append(text))
    click(page, "restore_backup")
    assert shown["station"] == "南湾街道（440307001）"
    assert shown["members"] == f"{before:,}" and shown["organizations"] != "0"
    assert members(store) == before
    assert "恢复前的数据库另存在" in told[0]


def test_restore_refuses_another_stations_backup_in_a_sentence(
    page: SettingsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    copy = run_job(backup_job(page.store, tmp_path / "usb")).path
    with sqlite3.connect(copy) as con:
        con.execute("UPDATE station SET code = '440307002', name = '招商街道' WHERE is_self = 1")
    con.close()
    warned: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _title, text: warned.append(text))
    click(page, "restore_backup")
    assert warned and warned[0].startswith("这是招商街道（440307002）的备份")


def test_check_data_shows_the_report(page: SettingsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[backup_dialog.VerifyDialog] = []
    monkeypatch.setattr(backup_dialog.VerifyDialog, "exec", lambda dialog: seen.append(dialog) or 0)
    click(page, "check_data")
    dialog = seen[0]
    assert "都正常" in dialog.summary.text()
    assert dialog.table.rowCount() > 10
    assert dialog.table.item(0, 1).text() == "正常"
    assert dialog.table.item(0, 0).flags() & Qt.ItemFlag.ItemIsEnabled


def test_opening_the_window_makes_todays_backup_once(
    qtbot: Any, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.backup.backup import backups_folder
    from ui import launch, state

    monkeypatch.setattr(backup_dialog, "AUTO_BACKUP_DELAY_MS", 0)
    monkeypatch.setattr(state, "PERSIST", False)
    folder = backups_folder(store)
    for opening in range(2):
        window = launch._window(store)
        qtbot.addWidget(window)
        launch._ui_after_shown(window)
        qtbot.waitUntil(lambda: folder.is_dir() and any(folder.glob("liangxin-440307001-*")), timeout=10_000)
        if opening == 0:
            qtbot.waitUntil(lambda w=window: "已自动备份" in w.statusBar().currentMessage(), timeout=10_000)
        qtbot.wait(200)  # the second opening's job, if it (wrongly) made another
        window.close()
    made = list(folder.glob("liangxin-440307001-*"))
    assert len(made) == 1  # at most one a day
    assert preview_backup(made[0]).counts["members"] == members(store)


def test_the_restore_preview_counts_the_attachments_and_says_what_is_missing(
    qtbot: Any, store: Store, tmp_path: Path
) -> None:
    from dataclasses import replace

    made = run_job(backup_job(store, tmp_path / "usb"))
    preview = replace(preview_backup(made.path), attachments=5, attachments_beside=3)
    dialog = backup_dialog.RestorePreviewDialog(preview, store)
    qtbot.addWidget(dialog)
    text = dialog.fields["attachments"].text()
    assert text.startswith("5") and "缺 2 个" in text
    whole = backup_dialog.RestorePreviewDialog(replace(preview, attachments_beside=5), store)
    qtbot.addWidget(whole)
    assert "齐全" in whole.fields["attachments"].text()
