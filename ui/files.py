"""Writing a report from a page: ask where (remembering the folder), write it off the
GUI thread, say where it went in the status bar and open it, as staff expect."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.jobs import Job
from ui.background import Background
from ui.i18n import t, ui_settings


def ask_save_path(parent: QWidget, caption: str, name: str, pattern: str) -> str:
    folder = str(ui_settings().value("reports/folder", "")) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    path, _ = QFileDialog.getSaveFileName(parent, caption, str(Path(folder) / name), pattern)
    if path:
        ui_settings().setValue("reports/folder", str(Path(path).parent))
    return path


def write_report(
    runner: Background,
    job: Callable[[], Job[Any]],
    done: str,
    say: Callable[[str], Any],
    open_after: bool,
    parent: QWidget | None = None,
    title: str = "",
    *,
    writes: bool = False,
) -> None:
    """Run ``job`` (an ``app.jobs`` job that returns the written file, or a list of them)
    with a progress dialog, and report; a refusal as one sentence, a cancel as one."""
    say(t("正在生成……"))

    def finished(result: Path | list[Path]) -> None:
        paths = [Path(p) for p in (result if isinstance(result, list) else [result])]
        if len(paths) == 1:
            say(done.format(path=paths[0]))
        else:  # one file each: name the folder and how many
            folder = paths[0].parent if paths else ""
            say(done.format(path=folder) + t("（共 {n} 个文件）").format(n=len(paths)))
        if open_after and len(paths) == 1:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths[0])))

    def refused(error: Any) -> None:
        say(error.message)
        QMessageBox.warning(parent, title or t("未能生成"), error.message)

    runner.job(
        parent,
        title or t("正在生成……"),
        job,
        finished,
        refused,
        writes=writes,
        on_cancel=lambda: say(t("已取消，没有生成文件。")),
    )
