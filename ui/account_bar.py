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
    stack = getattr(window, "stack", None)
    for index in range(stack.count() if stack is not None else 0):
        apply_role(stack.widget(index), window.store)


# Buttons that change data, by the names the pages give them: hidden for a 查看 account
# (Store.write refuses the change anyway; a button that can only be refused confuses).
WRITING = (
    "add_button",
    "edit_button",
    "delete_button",
    "import_button",
    "new_button",
    "generate_button",
    "task_button",
    "tasks_button",
    "save_button",
    "final_button",
    "reopen_button",
)


def apply_role(page: Any, store: Any) -> None:
    """What the signed-in role may do, shown on one page: when it is built (pages are
    built on first visit) and after every sign-in."""
    writer = may(store, WRITE)
    for name in WRITING:
        button = getattr(page, name, None)
        if button is not None:
            button.setVisible(writer)
    hook = getattr(page, "allow_changes", None)
    if hook is not None:
        hook(writer)
