"""The window's frame, painted before the database and its libraries are loaded
(SQLAlchemy and the models alone take longer than Qt): the main window's size and place
as it was left, its title, the navigation, and the last page's name with 正在打开….
The real window is shown in the same place and the frame goes once the window has
painted (``replace_with``); a dialog that comes instead (first start, login, an error)
closes it first (``close_frame``). Nothing here may import ``app.store`` or ``db``."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ui import state
from ui.i18n import t, ui_settings
from ui.nav_titles import DISTRICT_ONLY, NAV_TITLES
from ui.style import STYLE

PAINT_WAIT_MS = 300  # a frame the window system does not expose (minimised) holds nobody up longer
LINGER_MS = 2000  # a window that never paints (minimised) still replaces its frame
_frame: StartFrame | None = None


def saved_state(location: str | None) -> QSettings:
    """The window state of the database at ``location`` (as ``Store.location`` will name
    it) when it has one; else ``ui.ini``, where the window also leaves its last geometry."""
    if location:
        state.use_database(location)
        if state._file().exists():  # read only: the real window writes its state, not the frame
            return QSettings(str(state._file()), QSettings.Format.IniFormat)
    return ui_settings()


class StartFrame(QMainWindow):
    """What the main window will look like, without its content."""

    def __init__(self, saved: QSettings) -> None:
        super().__init__()
        self.painted = False
        self._loop: QEventLoop | None = None
        station = str(saved.value("window/station", "") or "")
        title = t("两新组织党建工作台")
        self.setWindowTitle(t("两新组织党建工作台 — {name}").format(name=station) if station else title)
        self.setStyleSheet(STYLE)
        self.resize(1280, 800)
        last = str(saved.value("window/page", "dashboard"))
        district = saved.value("window/district", False, type=bool)

        # The same widgets as MainWindow's, so that nothing moves when it replaces this.
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        for key, text, icon in NAV_TITLES:
            pixmap = getattr(QStyle.StandardPixmap, icon)
            item = QListWidgetItem(self.style().standardIcon(pixmap), t(text))
            self.nav.addItem(item)
            item.setHidden(key in DISTRICT_ONLY and not district)
        widest = max(self.nav.fontMetrics().horizontalAdvance(t(text)) for _, text, _ in NAV_TITLES)
        self.nav.setFixedWidth(max(130, widest + 64))
        keys = [key for key, _, _ in NAV_TITLES]
        row = keys.index(last) if last in keys else 0
        row = 0 if self.nav.item(row).isHidden() else row
        self.nav.setCurrentRow(row)

        banner = QWidget()
        banner.setObjectName("banner")
        strip = QHBoxLayout(banner)
        strip.setContentsMargins(14, 6, 14, 6)
        strip.addWidget(QLabel(title + (f"  ·  {station}" if station else "")))
        strip.addStretch(1)
        search = QPushButton(t("全局搜索") + "   Ctrl+K")
        search.setMinimumWidth(220)
        strip.addWidget(search)

        waiting = QWidget()
        column = QVBoxLayout(waiting)
        column.addStretch(1)
        page = QLabel(t(NAV_TITLES[row][1]))
        font = QFont(page.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        page.setFont(font)
        opening = QLabel(t("正在打开…"))
        opening.setStyleSheet("color: palette(mid);")
        for label in (page, opening):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        column.addStretch(2)
        body = QWidget()
        row_layout = QHBoxLayout(body)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.setSpacing(0)
        row_layout.addWidget(self.nav)
        row_layout.addWidget(waiting, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(banner)
        layout.addWidget(body, 1)
        self.setCentralWidget(central)
        self.statusBar()  # there, empty: the window's has the same height

        geometry = saved.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        self.painted = True
        if self._loop is not None:
            self._loop.quit()  # after this paint, whose flush to the screen follows at once

    def show_painted(self) -> None:
        """Show, and wait until painted: what follows (the imports) blocks the event loop."""
        self.show()
        if not self.painted:
            self._loop = QEventLoop()
            QTimer.singleShot(PAINT_WAIT_MS, self._loop.quit)
            self._loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            self._loop = None
        if os.environ.get("LIANGXIN_QUIT_WHEN_SHOWN"):  # bench/: time to the frame
            sys.stderr.write(f"FRAME_AT {time.time()}\n")
            sys.stderr.flush()


def show_frame(location: str | None) -> None:
    """The frame for the database at ``location`` (None: a server's, or not known)."""
    global _frame
    _frame = StartFrame(saved_state(location))
    _frame.show_painted()


def close_frame() -> None:
    global _frame
    frame, _frame = _frame, None
    if frame is not None:
        frame.hide()
        frame.deleteLater()


class _FirstPaint(QObject):
    """Closes the frame once the window that replaces it has painted over it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            close_frame()
        return False


def replace_with(window: QMainWindow) -> None:
    """Show ``window`` where the frame is, and close the frame once it has painted."""
    if _frame is None:
        window.show()
        return
    watcher = _FirstPaint(window)
    window.installEventFilter(watcher)
    window.show()
    QTimer.singleShot(LINGER_MS, window, close_frame)


def expected_location(db: str | None, remembered: str | None) -> tuple[bool, str | None]:
    """Whether the window is about to open a database without asking first (a file that
    exists, or a server), and the file as ``Store.location`` will name it."""
    from app.paths import default_database

    name = db or os.environ.get("LIANGXIN_DB")
    if not name:
        name = remembered if remembered and Path(remembered).exists() else str(default_database())
    if "://" in name:
        return True, None
    path = Path(name).expanduser().resolve()
    return path.is_file(), str(path)
