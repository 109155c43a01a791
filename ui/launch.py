"""Entry points the CLI calls by name: the window, and offscreen screenshots."""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.text import shown
from app.errors import LiangxinError

if TYPE_CHECKING:  # the window's start shows its frame before the store's libraries load
    from app.store import Store


def display_problem() -> str | None:
    """Say how to proceed, instead of letting Qt abort, when there is no screen."""
    if not sys.platform.startswith("linux"):
        return None
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "没有可用的显示器，无法打开主窗口。可以在屏幕外渲染页面：liangxin screenshot --out main.png，"
        "或设置 QT_QPA_PLATFORM=offscreen 后再运行；命令行功能（liangxin --help）不需要显示器。"
    )


def _application():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from ui.fonts import install_cjk_font
    from ui.i18n import install_translator

    _qt_messages_to_the_log()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("liangxin")
    from PySide6.QtGui import QIcon

    from app.paths import resource

    app.setWindowIcon(QIcon(str(resource("icons", "liangxin.png"))))
    install_cjk_font(app)
    install_translator(app)
    return app


def _qt_messages_to_the_log() -> None:
    """Qt's own warnings (English, technical: "This plugin does not support …") go to the
    log file, not to the person's terminal."""
    import logging

    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    log = logging.getLogger("liangxin.qt")
    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO}

    def handler(kind: Any, _context: Any, message: str) -> None:
        log.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def _window(store: Store) -> Any:
    from ui import state
    from ui.first_start import mark_demo
    from ui.main_window import MainWindow

    state.use_database(store.location)
    window = MainWindow(store)
    mark_demo(window)
    return window


def run_gui(store: Store) -> int:
    app = _application()
    from ui.errors import install_excepthook

    install_excepthook()
    from PySide6.QtCore import QTimer

    from app.accounts.roles import SIGNED_OUT
    from ui import start_frame
    from ui.login_dialog import sign_in_first

    if store.role == SIGNED_OUT:
        start_frame.close_frame()  # the login comes first, alone
        gc.enable()  # a person's typing is no start-up to hurry
    if not sign_in_first(store):  # a database with accounts: 退出 at the login
        return 0
    window = _window(store)
    start_frame.replace_with(window)  # shown where the frame is; the frame goes once it has painted
    _ui_after_shown(window)
    # Off while the window was built (first_start.run_window). What the start loaded lives as
    # long as the program: frozen, the collections while the first page fills need not walk
    # it again (40–60 ms of the start otherwise, the Qt objects loaded before SQLAlchemy).
    gc.freeze()
    gc.enable()
    if os.environ.get("LIANGXIN_QUIT_WHEN_SHOWN"):  # bench/: time to a usable window

        def quit_when_listed() -> None:
            # Usable: the first page's content is painted — the dashboard's figures, or the
            # first screenful of a register (its full count may follow).
            page = window.page
            if page is None:
                if window.current_key != "dashboard":
                    window.repaint()
                    shown()
                elif window.dashboard.stats is not None:  # the charts follow the figures
                    shown(window.dashboard.figures_at)
            elif page.model.rowCount() or page.count.text().startswith(("共", "查询失败")):
                page.table.viewport().repaint()
                shown()

        def shown(at: float | None = None) -> None:
            # bench/ times process start to this moment (the teardown after it is not waiting).
            sys.stderr.write(f"SHOWN_AT {at or time.time()} {window.current_key}\n")  # and which page
            sys.stderr.flush()
            timer.stop()
            app.quit()

        timer = QTimer(window)
        timer.timeout.connect(quit_when_listed)
        timer.start(5)
    try:
        return app.exec()
    finally:
        gc.unfreeze()


def _ui_after_shown(window: Any) -> None:
    """The daily backup and a warning for a database on a share: once the event loop
    runs, so that neither their imports nor their checks delay the first page."""
    from PySide6.QtCore import QTimer

    def later() -> None:
        from ui.backup_dialog import on_window_open

        on_window_open(window)

    QTimer.singleShot(0, window, later)


PAGES = {
    "main": None,
    "dashboard": "dashboard",
    "organizations": "organization",
    "party-orgs": "party_org",
    "members": "member",
    "life": "life",
    "visits": "visits",
    "board": "board",
    "appraisal": "appraisal",
    "exchange": "exchange",
    "duplicates": "duplicates",
    "audit": "audit",
    "settings": "settings",
}


def screenshot(store: Store, page: str, out: str, size: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    if page not in PAGES:
        raise LiangxinError(f"没有页面“{shown(page)}”。可用页面：{'、'.join(PAGES)}。")
    try:
        width, height = (int(v) for v in size.lower().split("x"))
    except ValueError:
        raise LiangxinError(f"窗口大小应写成 宽x高，如 1280x800，而不是“{shown(size)}”。") from None
    if not (640 <= width <= 7680 and 480 <= height <= 4320):  # up to an 8K screen
        raise LiangxinError(f"窗口大小应在 640x480 至 7680x4320 之间，而不是 {width}x{height}。")
    app = _application()
    from ui import background, state
    from ui.registers import REGISTERS

    saved = background.SYNCHRONOUS, state.PERSIST
    background.SYNCHRONOUS = True  # the table must be filled before the picture is taken
    state.PERSIST = False  # a picture of a page must not change how the window opens next time
    try:
        window = _window(store)
        window.resize(width, height)
        kind = PAGES[page]
        if kind in REGISTERS:
            window.open_record(kind, "")
            register_page = window.pages[kind]
            register_page.reload()
            if register_page.model.ids:
                register_page.table.selectRow(0)
        elif kind is not None:
            from ui.main_window import PAGE_KEYS

            window.nav.setCurrentRow(PAGE_KEYS.index(kind))
            if kind == "dashboard":
                window.dashboard.reload()
                window.dashboard.findings.select_rule("enterprise_party_org")
        window.show()
        app.processEvents()
        target = Path(out)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(target), "PNG"):
            raise LiangxinError(f"无法写入截图文件“{out}”，请检查路径和权限。")
        window.close()
        _dispose(window)
        return 0
    finally:
        background.SYNCHRONOUS, state.PERSIST = saved


def _dispose(window: Any) -> None:
    """Destroy the window now, while Python is whole: left to the interpreter's final
    garbage collection, PySide6's teardown of the chart items can abort the process."""
    import shiboken6

    shiboken6.delete(window)
    gc.collect()
