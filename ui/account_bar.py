"""The main window's side of accounts: who is signed in on the status bar (or
未启用账户), the buttons a 查看 account cannot use hidden, and the idle lock. One call
from the main window; the guarantee itself is app/'s (Store.write refuses)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from app.accounts.roles import WRITE, may
from ui.idle_lock import IdleLock
from ui.login_dialog import account_label


def install_accounts(window: Any, *, idle_ms: int | None = None) -> None:
    window.user_state = QLabel()
    window.user_state.setObjectName("user_state")
    window.statusBar().addPermanentWidget(window.user_state)
    window.idle_lock = IdleLock(window, window.store, lambda: show_account(window), interval_ms=idle_ms)
    show_account(window)


def show_account(window: Any) -> None:
    """After a sign-in (the first, or another person at the idle lock)."""
    window.user_state.setText(account_label(window.store))
    if getattr(window, "idle_lock", None) is not None:
        window.idle_lock.rearm()
    writer = may(window.store, WRITE)
    for page in getattr(window, "pages", {}).values():
        for name in ("add_button", "edit_button", "delete_button"):
            button = getattr(page, name, None)
            if button is not None:
                button.setVisible(writer)
