"""数据备份: 立即备份 (to a chosen folder, a USB stick), 恢复备份 (the backup's
contents shown before anything is replaced; the window then reopens on the restored
data), 检查数据 (the verify report). And what happens when the window opens: the daily
automatic backup off the GUI thread (a failure is a status-bar line, never a dialog),
and a warning, with an offer to move the file, for a database on a network share or a
removable drive. Each user action is one app/backup call."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.backup.backup import backup_job, backups_folder, copy_sqlite
from app.backup.daily import AutoBackup, auto_backup
from app.backup.place import LOCAL, database_file, place_warning, storage_place
from app.backup.preview import COUNT_NAMES, BackupPreview
from app.backup.restore import check_backup, restore_job
from app.backup.verify import OK, VerifyReport, verify
from app.domain.dates import chinese_moment
from app.errors import LiangxinError
from app.paths import data_dir
from app.store import Store, open_store
from ui.background import Background
from ui.i18n import t, ui_settings

AUTO_BACKUP_DELAY_MS = 3000  # after the first page is on screen: start-up is not slowed


def size_text(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{max(1, n // 1024)} KB"


def _window_of(widget: QWidget) -> Any:
    window = widget.window()
    return window if hasattr(window, "statusBar") else None


# --- 立即备份 ------------------------------------------------------------------------------


def backup_now(parent: QWidget, store: Store, background: Background) -> None:
    folder = QFileDialog.getExistingDirectory(parent, t("选择备份到哪个文件夹（如 U 盘）"), str(Path.home()))
    if not folder:
        return

    def done(result: Any) -> None:
        QMessageBox.information(
            parent,
            t("立即备份"),
            t("已备份到“{path}”（{size}）。").format(path=result.path, size=size_text(result.size))
            + _line(result.attachments_note()),
        )

    background.job(
        parent,
        t("正在备份"),
        lambda: backup_job(store, folder),
        done,
        lambda exc: QMessageBox.warning(parent, t("立即备份"), exc.message),
    )


# --- 恢复备份 ------------------------------------------------------------------------------


class RestorePreviewDialog(QDialog):
    """What the backup holds, and 恢复 / 取消."""

    def __init__(self, preview: BackupPreview, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("恢复备份"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        when = chinese_moment(preview.made_at) if preview.made_at else t("不详")
        self.fields: dict[str, QLabel] = {}
        rows = [
            ("file", t("备份文件"), str(preview.path)),
            ("made_at", t("备份时间"), when),
            ("station", t("站点"), f"{preview.station_name}（{preview.station_code}）"),
            ("revision", t("结构版本"), preview.revision),
            ("version", t("程序版本"), preview.app_version or t("不详")),
        ]
        rows += [(key, t(COUNT_NAMES[key]), f"{n:,}") for key, n in preview.counts.items()]
        if preview.attachments:
            beside = (
                t("备份旁齐全")
                if not preview.attachments_missing
                else t("备份旁缺 {n} 个，恢复后这些附件打不开").format(n=f"{preview.attachments_missing:,}")
            )
            rows.append(("attachments", t("组织生活附件"), f"{preview.attachments:,}（{beside}）"))
        for key, label, value in rows:
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = shown
            form.addRow(label, shown)
        layout.addLayout(form)
        aside = backups_folder(store)
        warning = QLabel(
            t("恢复会用这个备份替换当前的全部数据；当前数据库会先另存到“{folder}”。").format(folder=aside)
        )
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #a33;")
        layout.addWidget(warning)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(t("恢复"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def restore_backup(parent: QWidget, store: Store, background: Background) -> None:
    start = backups_folder(store)
    path, _ = QFileDialog.getOpenFileName(
        parent,
        t("选择备份文件"),
        str(start if start.exists() else Path.home()),
        t("liangxin 备份 (*.db *.dump);;所有文件 (*)"),
    )
    if not path:
        return

    def previewed(preview: BackupPreview) -> None:
        dialog = RestorePreviewDialog(preview, store, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        background.job(
            parent,
            t("正在恢复"),
            lambda: restore_job(store, path),
            lambda result: _restored(parent, store, result),
            lambda exc: QMessageBox.warning(parent, t("恢复备份"), exc.message),
            writes=True,
        )

    background.read(
        "backup_preview",
        lambda: check_backup(store, path),
        previewed,
        lambda exc: QMessageBox.warning(parent, t("恢复备份"), exc.message),
    )


def _line(note: str) -> str:
    """An app/ sentence about the attachments, on a line of its own (empty: nothing)."""
    return "\n\n" + note if note else ""


def _restored(parent: QWidget, store: Store, result: Any) -> None:
    QMessageBox.information(
        parent,
        t("恢复备份"),
        t("已从“{path}”恢复；恢复前的数据库另存在“{aside}”。").format(
            path=result.preview.path, aside=result.kept_aside
        )
        + _line(result.attachments_note()),
    )
    window = _window_of(parent)
    if window is not None:
        reopen(window, store)


def reopen(window: Any, store: Store) -> Any:
    """A new main window on ``store`` (its data replaced or moved) where the old one stood."""
    from ui.main_window import MainWindow

    fresh = MainWindow(store)
    fresh.setGeometry(window.geometry())
    app = QApplication.instance()
    if app is not None:
        windows = getattr(app, "_liangxin_windows", [])
        windows.append(fresh)  # kept alive: the old window's caller holds only the old one
        app._liangxin_windows = windows  # type: ignore[attr-defined]
    fresh.show()
    window.close()
    return fresh


# --- 检查数据 ------------------------------------------------------------------------------


class VerifyDialog(QDialog):
    def __init__(self, report: VerifyReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("检查数据"))
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        self.summary = QLabel(report.summary())
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(report.checks), 4)
        self.table.setHorizontalHeaderLabels([t("检查项"), t("结果"), t("数量"), t("例子")])
        ordered = sorted(report.checks, key=lambda c: c.status == OK)  # problems first
        for row, check in enumerate(ordered):
            cells = [
                check.title,
                t("正常") if check.status == OK else t("有问题"),
                "" if check.status == OK else f"{check.count:,}",
                check.example,
            ]
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def check_data(parent: QWidget, store: Store, background: Background) -> None:
    def show(report: VerifyReport) -> None:
        VerifyDialog(report, parent).exec()

    background.read(
        "verify",
        lambda: verify(store),
        show,
        lambda exc: QMessageBox.warning(parent, t("检查数据"), exc.message),
    )


# --- when the window opens -----------------------------------------------------------------


def on_window_open(window: Any) -> None:
    """The place warning at once, the daily backup a little later (off the GUI thread)."""
    if os.environ.get("LIANGXIN_QUIT_WHEN_SHOWN"):
        return  # bench/: the time to a usable window, nothing else
    if not warn_about_place(window):
        QTimer.singleShot(AUTO_BACKUP_DELAY_MS, lambda: start_auto_backup(window))


def start_auto_backup(window: Any) -> None:
    store: Store = window.store

    def done(result: AutoBackup) -> None:
        if result.made is not None:
            window.statusBar().showMessage(t("已自动备份到“{path}”。").format(path=result.made.path), 10_000)

    def failed(exc: LiangxinError) -> None:
        window.statusBar().showMessage(t("今天的自动备份没有成功：") + exc.message)

    window.background.read("auto_backup", lambda: auto_backup(store), done, failed)


def _key(path: Path) -> str:
    return "storage/keep_here/" + hashlib.sha256(str(path).encode()).hexdigest()[:16]


def warn_about_place(window: Any) -> bool:
    """Warn about a database on a network share or a removable drive and offer to move
    it to the data directory. Returns whether the window was replaced."""
    store: Store = window.store
    path = database_file(store)
    if path is None:
        return False
    place = storage_place(path)
    warning = place_warning(path, place)
    if place == LOCAL or warning is None or ui_settings().value(_key(path)):
        return False
    box = QMessageBox(QMessageBox.Icon.Warning, t("数据文件的位置不安全"), warning, parent=window)
    move = box.addButton(t("移到本机"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(t("留在原处"), QMessageBox.ButtonRole.RejectRole)
    never = QCheckBox(t("不再提醒"))
    box.setCheckBox(never)
    box.exec()
    if box.clickedButton() is not move:
        if never.isChecked():
            ui_settings().setValue(_key(path), True)
        return False
    move_to_data_dir(window, store, path)
    return True


def moved_path(path: Path) -> Path:
    target = data_dir() / path.name
    n = 2
    while target.exists():
        target = data_dir() / f"{path.stem}-{n}{path.suffix}"
        n += 1
    return target


def move_to_data_dir(window: Any, store: Store, path: Path) -> None:
    """Copy (backup API, checked) to the data directory, then open the copy there and
    remember it as the database to open; the original stays where it was."""
    target = moved_path(path)

    def done(_preview: Any) -> None:
        from ui.first_start import remember_database

        try:
            moved = open_store(str(target))
        except LiangxinError as exc:
            QMessageBox.warning(window, t("移动数据文件"), exc.message)
            return
        remember_database(str(target))
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(moved.close)
        fresh = reopen(window, moved)
        fresh.statusBar().showMessage(
            t("数据文件已移到“{target}”，以后打开这里的文件；原文件仍在“{path}”，未删除。").format(
                target=target, path=path
            )
        )

    window.background.job(
        window,
        t("正在移动数据文件"),
        lambda: copy_sqlite(path, target, store.station.code, "正在移动数据文件"),
        done,
        lambda exc: QMessageBox.warning(window, t("移动数据文件"), exc.message),
    )
