"""The window locks itself after the idle time the settings give (session.idle_lock_minutes):
an event filter on the application notes every key, click and wheel; when none came for
that long, the window is covered and the login asked for again (the same person, or
another). Nothing is closed or reloaded, so an unsaved form is still there afterwards.
Only where accounts are enabled."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

from app.errors import LiangxinError
from app.settings import current_settings
from app.store import Store
from ui.login_dialog import LoginDialog

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.MouseMove,
    }
)


class IdleLock(QObject):
    def __init__(
        self,
        window: QMainWindow,
        store: Store,
        on_signed_in: Callable[[], None],
        *,
        interval_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.store, self.on_signed_in = window, store, on_signed_in
        self.locked = False
        self.dialog: LoginDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.from_setting = interval_ms is None
        self.interval_ms = interval_ms if interval_ms is not None else self._setting_ms()
        self.watching = False
        self._arm()

    def _setting_ms(self) -> int:
        try:
            return int(current_settings(self.store)["session.idle_lock_minutes"]) * 60_000
        except LiangxinError:  # a setting unread is no reason to stop the window
            return 15 * 60_000

    def _arm(self) -> None:
        if self.store.role is not None and self.interval_ms > 0 and not self.locked:
            self._watch()
            self.timer.start(self.interval_ms)

    def _watch(self) -> None:
        # A Python filter sees every event of the application: only once there are
        # accounts (enabled at start, or later from 设置), not on every start.
        app = QApplication.instance()
        if not self.watching and app is not None:
            app.installEventFilter(self)
            self.watching = True

    def rearm(self) -> None:
        """After a sign-in, or accounts enabled from 设置."""
        self._arm()

    def set_interval(self, ms: int) -> None:
        self.from_setting = False
        self.interval_ms = ms
        self.timer.stop()
        self._arm()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and event.type() in ACTIVITY:
            self._arm()
        return False

    def lock(self) -> None:
        if self.locked or self.store.role is None:
            return
        if self.from_setting:  # changed on the settings page since: the new time from now on
            wanted = self._setting_ms()
            if wanted != self.interval_ms:
                self.interval_ms = wanted
                self._arm()
                return
        self.locked = True
        cover = QWidget(self.window)
        cover.setObjectName("idle_cover")
        cover.setAutoFillBackground(True)
        cover.setGeometry(self.window.rect())
        cover.show()
        cover.raise_()
        self.dialog = LoginDialog(self.store, self.window, locked=True)
        try:
            accepted = self.dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.dialog = None
            cover.deleteLater()
            self.locked = False
        if not accepted:
            # 退出: as closing the window, which asks about unsaved forms; kept open, it locks again
            if not self.window.close():
                QTimer.singleShot(0, self.lock)
            return
        self.on_signed_in()
        self._arm()
