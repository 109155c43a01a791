"""What a person sees when something goes wrong that nobody expected: one dialog
("程序出错了"), what to send to the maintainer, and a button that opens the log
folder. The traceback goes to the log file, never onto the screen."""

from __future__ import annotations

import sys
import threading
from types import TracebackType

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from app.logs import log_dir, report_unexpected
from ui.i18n import t

_showing = False  # a bug inside the dialog must not open a second dialog, and so on


def show_bug_dialog(sentence: str) -> None:
    global _showing
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(t("程序出错了"))
        box.setText(sentence)  # what happened and what to send (the log file's path)
        box.setInformativeText(t("此前已保存的数据不受影响。点“打开日志文件夹”可找到该文件。"))
        folder = box.addButton(t("打开日志文件夹"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(t("关闭"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        if box.clickedButton() is folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))
    finally:
        _showing = False


def _hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    if error.__traceback__ is None and trace is not None:
        error = error.with_traceback(trace)
    show_bug_dialog(report_unexpected(error))


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        # Not on the GUI thread: log now; the dialog cannot be shown from here.
        report_unexpected(args.exc_value)


def install_excepthook() -> None:
    """Every uncaught exception, on the GUI thread or another, is logged; on the GUI
    thread the person is told in a dialog."""
    sys.excepthook = _hook
    threading.excepthook = _thread_hook
