"""Working the 数据交换 windows as a clerk does, for the page tests: a ``Clerk`` who
answers the window's dialogs (files, folders, passphrases, message boxes) and keeps a
picture of each state, and windows opened on real database files.

Set LIANGXIN_SHOTS to a folder to keep the pictures (``<prefix>-<state>.png``)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from app.store import Store, open_store
from tests.sync_world import PASSPHRASE
from ui import exchange_dialogs
from ui.exchange_dialogs import ExportSummaryDialog, ImportDialog
from ui.main_window import PAGE_KEYS, MainWindow


class Clerk:
    """Answers the window's dialogs, and remembers what the window said."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, shots: Path, prefix: str = "exchange") -> None:
        self.shots, self.prefix = shots, prefix
        self.said: list[str] = []  # message boxes, in order
        self.warnings: list[str] = []
        self.passphrases: list[str] = []  # typed at each ask, in order
        self.asked_with: list[str] = []  # the reason shown above the field each time
        self.new_passphrase = PASSPHRASE
        self.files: list[str] = []  # chosen in the next open dialog
        self.folder = ""
        self.save_as = ""
        self.dialogs: list[QDialog] = []
        self.answer = QDialog.DialogCode.Accepted  # to the import's dry-run summary

        def inform(_parent: Any, _title: str, message: str, *args: Any) -> Any:
            self.said.append(message)
            return QMessageBox.StandardButton.Ok

        def warn(_parent: Any, _title: str, message: str, *args: Any) -> Any:
            self.said.append(message)
            self.warnings.append(message)
            return QMessageBox.StandardButton.Ok

        def box_exec(box: QMessageBox) -> int:
            self.said.append(f"{box.text()}\n{box.informativeText()}")
            self.shoot(box, "message")
            return 0

        def ask(_parent: Any, error: str = "") -> str | None:
            self.asked_with.append(error)
            return self.passphrases.pop(0) if self.passphrases else None

        def dialog_exec(dialog: QDialog) -> int:
            self.dialogs.append(dialog)
            self.shoot(dialog, self.dialog_name(dialog))
            if isinstance(dialog, ImportDialog) and dialog.import_button is not None:
                return int(self.answer) if dialog.import_button.isEnabled() else 0
            return int(QDialog.DialogCode.Accepted)

        monkeypatch.setattr(QMessageBox, "information", inform)
        monkeypatch.setattr(QMessageBox, "warning", warn)
        monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
        monkeypatch.setattr(QMessageBox, "exec", box_exec)
        monkeypatch.setattr(exchange_dialogs, "ask_passphrase", ask)
        monkeypatch.setattr(exchange_dialogs, "ask_new_passphrase", lambda *a: self.new_passphrase)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (self._one(), ""))
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (list(self.files), ""))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: self.folder)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (self.save_as, ""))
        for kind in (ExportSummaryDialog, ImportDialog):
            monkeypatch.setattr(kind, "exec", dialog_exec)
        monkeypatch.setattr(ExportSummaryDialog, "open_folder", lambda *a: None)
        monkeypatch.setattr(ImportDialog, "open_folder", lambda *a: None)

    @staticmethod
    def dialog_name(dialog: QDialog) -> str:
        if isinstance(dialog, ImportDialog):
            down = "down-" if any(r.path.stem.endswith("-down") for r in dialog.results) else ""
            kind = "preview" if dialog.import_button is not None else "result"
            states = sorted({r.state for r in dialog.results})
            refusals = "-refusals" if any(r.refusals for r in dialog.results) else ""
            return f"{down}{kind}-{'-'.join(states)}{refusals}"
        if isinstance(dialog, ExportSummaryDialog) and dialog.made.path.stem.endswith("-down"):
            return "down-summary"
        return "summary"

    def _one(self) -> str:
        return self.files[0] if self.files else ""

    def shoot(self, widget: QWidget, name: str) -> None:
        widget.show()
        QApplication.processEvents()
        assert widget.grab().save(str(self.shots / f"{self.prefix}-{name}.png"))
        if isinstance(widget, QDialog):
            widget.hide()


def make_clerk(qapp: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, prefix: str) -> Clerk:
    from ui.fonts import install_cjk_font

    install_cjk_font(qapp)  # as the program does: the pictures show Chinese, not boxes
    shots = Path(os.environ.get("LIANGXIN_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    return Clerk(monkeypatch, shots, prefix)


@contextmanager
def windows(qtbot: Any, first_page: str = "exchange") -> Iterator[Callable[[Path], MainWindow]]:
    """Open a database's main window on ``first_page``; every one is closed afterwards."""
    opened_: list[tuple[MainWindow, Store]] = []

    def open_window(path: Path) -> MainWindow:
        store = open_store(str(path))
        win = MainWindow(store)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        go(win, first_page)
        opened_.append((win, store))
        return win

    try:
        yield open_window
    finally:
        for win, store in opened_:
            win.close()
            store.close()


def go(win: MainWindow, key: str) -> None:
    win.nav.setCurrentRow(PAGE_KEYS.index(key))
    QApplication.processEvents()
