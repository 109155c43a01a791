"""Accounts in the window: the login before the main window, a 查看 account that
cannot save an edit, who is signed in on the status bar, and the idle lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.accounts import service
from app.services import organizations
from app.store import Store, open_store
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow

ADMIN_PW, VIEWER_PW = "admin-pass-1", "viewer-pass-1"


@pytest.fixture
def office(demo_store: Store) -> Store:
    service.enable_accounts(demo_store, "Admin", ADMIN_PW)
    service.create_account(demo_store, "小李", VIEWER_PW, "viewer")
    return demo_store


def test_the_login_refuses_then_accepts(qtbot, office: Store) -> None:
    store = open_store(office.url)
    try:
        dialog = LoginDialog(store)
        qtbot.addWidget(dialog)
        dialog.name.setText("小李")
        dialog.password.setText("wrong-pass")
        dialog.sign_in_button.click()
        assert dialog.problem.text() == service.REFUSED and not dialog.problem.isHidden()
        assert dialog.password.text() == "" and dialog.result() != LoginDialog.DialogCode.Accepted
        dialog.password.setText(VIEWER_PW)
        dialog.sign_in_button.click()
        assert dialog.result() == LoginDialog.DialogCode.Accepted
        assert (store.user, store.role) == ("小李", "viewer")
    finally:
        store.close()


def test_the_status_bar_says_who_or_that_accounts_are_off(qtbot, store: Store, office: Store) -> None:
    plain = MainWindow(store)
    qtbot.addWidget(plain)
    assert plain.user_state.text() == "未启用账户"
    viewer = open_store(office.url, user="小李", password=VIEWER_PW)
    try:
        window = MainWindow(viewer)
        qtbot.addWidget(window)
        assert window.user_state.text() == "用户：小李（查看）"
        page = window.pages["organization"]
        assert page.add_button.isHidden() and page.delete_button.isHidden()
    finally:
        viewer.close()


def test_a_viewer_cannot_save_an_edit_in_the_window(
    qtbot, office: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: shown.append(text))
    viewer = open_store(office.url, user="小李", password=VIEWER_PW)
    try:
        first = organizations.list_organizations(viewer, limit=1).rows[0]
        before = organizations.get_organization(viewer, first.id)
        window = MainWindow(viewer)
        qtbot.addWidget(window)
        page = window.pages["organization"]
        dialog = page.editor(before)
        qtbot.addWidget(dialog)
        dialog.widgets["employees"].widget.setValue(int(before["employees"] or 0) + 7)
        dialog.try_save()
        assert dialog.saved is None
        assert shown and "小李" in shown[-1] and "查看" in shown[-1]
        assert organizations.get_organization(viewer, first.id)["employees"] == before["employees"]
    finally:
        viewer.close()


def test_the_idle_lock_covers_the_window_and_signs_in_again(qtbot, office: Store) -> None:
    admin = open_store(office.url, user="admin", password=ADMIN_PW)
    try:
        window = MainWindow(admin)
        qtbot.addWidget(window)
        seen: list[LoginDialog] = []

        def answer() -> None:
            dialog = window.idle_lock.dialog
            if dialog is None:
                QTimer.singleShot(10, answer)
                return
            seen.append(dialog)
            assert dialog.name.text() == "Admin"  # the same person, by default
            dialog.name.setText("小李")  # or another
            dialog.password.setText(VIEWER_PW)
            # Once is enough: 30 ms after this sign-in the lock would cover the window again,
            # with nobody to answer (the test hung on a loaded machine).
            window.idle_lock.set_interval(0)
            dialog.sign_in_button.click()

        QTimer.singleShot(10, answer)
        window.idle_lock.set_interval(30)
        qtbot.waitUntil(lambda: bool(seen) and not window.idle_lock.locked, timeout=5000)
        assert window.user_state.text() == "用户：小李（查看）"
        assert window.pages["organization"].add_button.isHidden()
        QApplication.processEvents()
    finally:
        window.idle_lock.set_interval(0)
        admin.close()


def test_a_viewer_sees_no_buttons_that_change_data_on_pages_built_later(qtbot, office: Store) -> None:
    from ui.account_bar import WRITING

    viewer = open_store(office.url, user="小李", password=VIEWER_PW)
    try:
        window = MainWindow(viewer)
        qtbot.addWidget(window)
        window.show()
        pages = [
            window.pages["member"],
            window.pages["organization"],
            window.board,
            window.life,
            window.visits,
        ]
        shown = [
            (type(page).__name__, name)
            for page in pages
            for name in WRITING
            if getattr(page, name, None) is not None and not getattr(page, name).isHidden()
        ]
        assert shown == []
        assert not window.board.board.dragEnabled() and not window.board.board.acceptDrops()
        members_page = window.pages["member"]
        assert members_page.export_button.isVisibleTo(members_page)  # reading and exporting stay
    finally:
        viewer.close()
