"""Writing a report from a page: ask where (remembering the folder), write it off the
GUI thread, say where it went in the status bar and open it, as staff expect."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.i18n import t, ui_settings
from ui.tasks import TaskRunner


def ask_save_path(parent: QWidget, caption: str, name: str, pattern: str) -> str:
    folder = str(ui_settings().value("reports/folder", "")) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    path, _ = QFileDialog.getSaveFileName(parent, caption, str(Path(folder) / name), pattern)
    if path:
        ui_settings().setValue("reports/folder", str(Path(path).parent))
    return path


def write_report(
    runner: TaskRunner,
    job: Callable[[], Path],
    done: str,
    say: Callable[[str], Any],
    open_after: bool,
) -> None:
    """Run ``job`` (which returns the written file) and report; errors as one sentence."""
    say(t("正在生成……"))

    def finished(path: Path) -> None:
        say(done.format(path=path))
        if open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    runner.run("report", job, finished, lambda e: say(str(getattr(e, "message", e))))
