"""Starting the window: open the database, or — when there is none yet — ask how to
begin (新建本街道数据 / 打开已有数据文件 / 先看演示数据) instead of exiting; and any
error that stops the start is said in a dialog, since a program started by a
double-click has no terminal to print to.

The file chosen with 打开 is remembered in ``ui.ini`` and opened at the next start
(unless ``--db`` or ``LIANGXIN_DB`` names another)."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.station_code import ROLE_LABEL
from app.errors import FieldError, LiangxinError
from app.logs import report_unexpected
from ui import start_frame
from ui.i18n import t, ui_settings

if TYPE_CHECKING:
    from app.store import Store

DEMO_SIZE = {"orgs": 1500, "members": 10000}  # the CLI demo's default: a real sub-district's size
REMEMBERED = "start/database"
told = False  # a fatal start-up error has been shown in a dialog (ui.entry_window asks)


def is_demo(location: str) -> bool:
    from app.demo.build import demo_database

    return Path(location) == demo_database()


def mark_demo(window: Any) -> None:
    """The demo says so in the title bar and the status bar: nobody should type real
    members into it by mistake."""
    if not is_demo(window.store.location):
        return
    window.setWindowTitle(f"{window.windowTitle()} — {t('演示数据')}")
    label = QLabel(t("演示数据（虚构，不是正式数据）"))
    label.setStyleSheet("color: #b3261e; font-weight: bold; padding: 0 6px;")
    window.statusBar().addPermanentWidget(label)


def remembered_database() -> str | None:
    value = ui_settings().value(REMEMBERED)
    return str(value) if value else None


def remember_database(location: str) -> None:
    ui_settings().setValue(REMEMBERED, location)


def nobody_to_ask() -> bool:
    """Offscreen (CI, the screenshot command, a script): a dialog would wait for a click
    that never comes. Then the window's start says its sentence on stderr, as the CLI does."""
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName() in ("offscreen", "minimal")


def tell_fatal(sentence: str, *, bug: bool = False) -> None:
    """The reason the window cannot start, in a dialog (and still on stderr)."""
    global told
    start_frame.close_frame()  # the dialog says why the window will not come
    if nobody_to_ask():
        return
    told = True
    if bug:
        from ui.errors import show_bug_dialog

        show_bug_dialog(sentence)  # with the log's path and a button to its folder
        return
    box = QMessageBox(QMessageBox.Icon.Critical, t("无法打开两新组织党建工作台"), sentence)
    box.exec()


def run_window(db: str | None) -> int:
    """``liangxin`` / ``liangxin gui``: the window on ``db``, asking first when there is no
    database yet. A ``LiangxinError`` is shown and raised on (the CLI prints it and exits
    with its code); anything else is a bug: dialog, log, exit 70."""
    from ui import launch
    from ui.errors import install_excepthook

    launch._application()
    install_excepthook()
    # The frame first: the database's libraries (SQLAlchemy, the models) load behind it.
    opens, location = start_frame.expected_location(db, remembered_database())
    if opens:
        start_frame.show_frame(location)
    gc.disable()  # until the window is built (ui.launch.run_gui says why)
    try:
        store = _open_or_ask(db)
        if store is None:
            return 0  # the person closed the first-start dialog: nothing to do
        try:
            return int(launch.run_gui(store))
        finally:
            store.close()
    except LiangxinError as exc:
        tell_fatal(exc.message)
        raise
    except Exception as exc:
        if os.environ.get("LIANGXIN_DEBUG"):
            raise
        sentence = report_unexpected(exc)
        tell_fatal(sentence, bug=True)
        if sys.stderr is not None:
            print(sentence, file=sys.stderr)
        return 70
    finally:
        gc.enable()
        start_frame.close_frame()  # replaced by the window by now, unless it never came


def _open_or_ask(db: str | None) -> Store | None:
    from app.demo.build import demo_database
    from app.start import missing_database
    from app.store import open_store

    problem = ""
    if not (db or os.environ.get("LIANGXIN_DB")):
        chosen = remembered_database()
        if chosen and Path(chosen).exists():
            try:
                return open_store(chosen)
            except LiangxinError as exc:  # moved, damaged: say so, and offer the choices again
                problem = exc.message
        if chosen:
            ui_settings().remove(REMEMBERED)
    location = missing_database(db)
    if location is None and not problem:
        return open_store(db)
    if nobody_to_ask():
        if problem:
            raise LiangxinError(problem)
        return open_store(db)  # refused with the sentence that names init
    start_frame.close_frame()  # the first-start dialog comes instead of the window
    gc.enable()  # it may build the demo's thousands of records
    dialog = FirstStartDialog(location or missing_database(None) or demo_database(), problem)
    return dialog.ask()


class FirstStartDialog(QDialog):
    """Three ways to begin. ``store`` is the database chosen, open, once accepted."""

    def __init__(self, location: Path, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.store: Store | None = None
        self.setWindowTitle(t("两新组织党建工作台 — 开始使用"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choices())
        self.pages.addWidget(self._new_station())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        if problem:
            self.problem.setText(problem)

    # -- the three choices ------------------------------------------------------------------
    def _choices(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(t("欢迎使用两新组织党建工作台"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(QLabel(t("这台电脑上还没有党建数据。请选择如何开始：")))
        self.new_button = QCommandLinkButton(
            t("新建本街道数据"), t("登记本街道（或本区）的行政区划代码和名称，从空白开始录入。")
        )
        self.open_button = QCommandLinkButton(
            t("打开已有数据文件"), t("选择以前用过的、或从旧电脑恢复出来的数据文件（.sqlite3）。")
        )
        self.demo_button = QCommandLinkButton(
            t("先看演示数据"), t("生成一个虚构的南湾街道，单独存放，不影响正式数据，随时可以再新建。")
        )
        for button in (self.new_button, self.open_button, self.demo_button):
            layout.addWidget(button)
        self.problem = _sentence_label()
        layout.addWidget(self.problem)
        layout.addStretch(1)
        footer = QHBoxLayout()
        where = QLabel(t("数据文件位置：{path}").format(path=self.location))
        where.setStyleSheet("color: palette(mid);")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        leave = QPushButton(t("退出"))
        leave.clicked.connect(self.reject)
        footer.addWidget(where, 1)
        footer.addWidget(leave)
        layout.addLayout(footer)
        self.new_button.clicked.connect(self._show_new_station)
        self.open_button.clicked.connect(self.open_existing)
        self.demo_button.clicked.connect(self.build_demo)
        return page

    # -- 新建本街道数据 -----------------------------------------------------------------------
    def _new_station(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(t("新建本街道数据"))
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        layout.addWidget(title)
        form = QFormLayout()
        self.role = QComboBox()
        for role in ("subdistrict", "district"):
            self.role.addItem(t(ROLE_LABEL[role]), role)
        self.code = QLineEdit()
        self.code.setPlaceholderText(t("街道 9 位、区 6 位行政区划代码，如 440307001"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(t("如 南湾街道"))
        form.addRow(t("本站点是"), self.role)
        form.addRow(t("行政区划代码"), self.code)
        form.addRow(t("名称"), self.name)
        layout.addLayout(form)
        self.with_admin = QCheckBox(t("接着建立管理员账户（推荐：此后打开须登录，操作记下是谁做的）"))
        self.with_admin.setChecked(True)
        layout.addWidget(self.with_admin)
        note = QLabel(t("数据文件将建在 {path}。").format(path=self.location))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        layout.addWidget(note)
        self.new_problem = _sentence_label()
        layout.addWidget(self.new_problem)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        back = QPushButton(t("返回"))
        self.create_button = QPushButton(t("新建"))
        self.create_button.setDefault(True)
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout.addLayout(buttons)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.create_button.clicked.connect(self.create_station)
        return page

    def _show_new_station(self) -> None:
        self.pages.setCurrentIndex(1)
        self.code.setFocus()

    def create_station(self) -> None:
        self.new_problem.clear()
        from app.store import init_store

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            store, _ = init_store(
                str(self.location), self.code.text(), self.name.text(), self.role.currentData()
            )
        except LiangxinError as exc:
            self.new_problem.setText(exc.message)
            if isinstance(exc, FieldError):
                (self.name if exc.field == "name" else self.code).setFocus()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._offer_first_administrator(store)
        self._accept(store)

    def _offer_first_administrator(self, store: Store) -> None:
        """The first administrator, made and signed in now; cancelled, the station works
        without accounts until 设置 → 启用账户."""
        if self.with_admin.isChecked():
            from ui.accounts_dialog import offer_first_administrator

            offer_first_administrator(self, store)

    # -- 打开已有数据文件 ---------------------------------------------------------------------
    def open_existing(self) -> None:
        start = str(self.location.parent if self.location.parent.exists() else Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, t("打开数据文件"), start, t("数据文件 (*.sqlite3 *.db);;所有文件 (*)")
        )
        if not path:
            return
        from app.store import open_store

        self.problem.clear()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            store = open_store(path)
        except LiangxinError as exc:
            self.problem.setText(exc.message)  # choose again
            return
        finally:
            QApplication.restoreOverrideCursor()
        remember_database(store.location)
        self._accept(store)

    # -- 先看演示数据 ------------------------------------------------------------------------
    def build_demo(self) -> None:
        from app.demo.build import demo_database, open_demo
        from ui.background import Background

        self.problem.clear()
        self.runner = Background(self)
        self.runner.job(
            self,
            t("正在建立演示数据"),
            lambda: open_demo(demo_database(), **DEMO_SIZE),
            on_done=self._accept,
            on_error=lambda exc: self.problem.setText(exc.message),
            writes=True,
        )

    # -- the outcome -------------------------------------------------------------------------
    def _accept(self, store: Store) -> None:
        self.store = store
        self.accept()

    def ask(self) -> Store | None:
        self.exec()
        return self.store


def _sentence_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e;")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
