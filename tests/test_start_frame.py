"""The window's frame (issue 19): painted before SQLAlchemy and the models are loaded,
looking like the window it stands for (its place, title, navigation, last page), and
gone once the real window is shown — or before a dialog that comes instead of the
window (the first start, the login, an error)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

import ui.errors
from app.accounts import service
from app.store import Store
from tests.window_start import start_window
from ui import first_start, start_frame
from ui.first_start import FirstStartDialog
from ui.login_dialog import LoginDialog
from ui.nav_titles import DISTRICT_ONLY, NAV_TITLES


def frames() -> list[Any]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, start_frame.StartFrame) and w.isVisible()
    ]


def test_the_navigation_names_the_registers_as_they_name_themselves() -> None:
    """The frame and the window share NAV_TITLES (plain strings, for the frame that paints
    before the registers are imported): the registers' own titles must not drift from it."""
    from ui.main_window import DUPLICATES, NAV, PAGE_KEYS
    from ui.registers import REGISTERS

    titles = {key: title for key, title, _ in NAV_TITLES}
    assert {key: titles[key] for key in REGISTERS} == {key: spec.title for key, spec in REGISTERS.items()}
    assert list(titles) == PAGE_KEYS == [key for key, _, _ in NAV]
    icons = {key: icon for key, _, icon in NAV_TITLES}
    assert icons["audit"] != icons["settings"]  # two pages a clerk must tell apart
    assert DISTRICT_ONLY == (DUPLICATES,)


def test_the_frame_is_painted_before_the_database_libraries_and_the_window_replaces_it(
    store: Store, tmp_path: Path
) -> None:
    """Through the real entry (``liangxin --db FILE gui``)."""
    started = start_window(store, "member", tmp_path)
    assert started.frame is not None
    early = ("sqlalchemy", "db", "app.store", "ui.main_window")
    assert [m for m in early if m in started.frame.modules] == []  # nothing of the database, nor the window
    assert started.shown.windows == ["MainWindow"]  # the frame gone, the window there
    assert started.page == "member"  # the page's content, as before


def test_the_frame_stands_where_the_window_was_left_looking_like_it(qtbot: Any, store: Store) -> None:
    from ui.launch import _window

    window = _window(store)
    qtbot.addWidget(window)
    window.setGeometry(QRect(140, 90, 1100, 700))
    window.nav.setCurrentRow([key for key, _, _ in NAV_TITLES].index("member"))
    window.close()
    frame = start_frame.StartFrame(start_frame.saved_state(store.location))
    qtbot.addWidget(frame)
    again = _window(store)  # the window of the next start, which replaces the frame
    qtbot.addWidget(again)
    assert frame.geometry() == again.geometry() != QRect(0, 0, 1280, 800)  # where it was left
    assert "南湾街道" in frame.windowTitle()
    assert frame.nav.currentItem().text() == "党员"
    hidden = [
        frame.nav.item(row).text() for row in range(frame.nav.count()) if frame.nav.item(row).isHidden()
    ]
    assert hidden == ["查重"]  # a sub-district's navigation, as the window had it


@pytest.fixture
def on_screen(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """As on a screen; the frames painted."""
    monkeypatch.setattr(first_start, "told", False)
    monkeypatch.setattr(first_start, "nobody_to_ask", lambda: False)
    monkeypatch.setattr(ui.errors, "install_excepthook", lambda: None)  # keep pytest-qt's
    painted: list[Any] = []
    show = start_frame.StartFrame.show_painted

    def showing(frame: Any) -> None:
        show(frame)
        painted.append(frame.painted)

    monkeypatch.setattr(start_frame.StartFrame, "show_painted", showing)
    return painted


def test_an_error_at_start_closes_the_frame_before_its_dialog(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, on_screen: list[Any]
) -> None:
    bad = tmp_path / "scan.sqlite3"
    bad.write_bytes(b"%PDF-1.7 not a database")
    behind: list[int] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: behind.append(len(frames())) or 0)
    from app.errors import LiangxinError

    with pytest.raises(LiangxinError):
        first_start.run_window(str(bad))
    assert on_screen == [True] and behind == [0]  # the frame came, and went before the dialog
    assert frames() == []


def test_the_first_start_dialog_replaces_the_frame_of_a_remembered_file_that_fails(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, on_screen: list[Any]
) -> None:
    damaged = tmp_path / "moved.sqlite3"
    damaged.write_bytes(b"not a database at all" * 100)
    first_start.remember_database(str(damaged))
    seen: list[tuple[int, str]] = []

    def exec_(dialog: FirstStartDialog) -> int:
        seen.append((len(frames()), dialog.problem.text()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(FirstStartDialog, "exec", exec_)
    assert first_start.run_window(None) == 0
    assert on_screen == [True]
    assert len(seen) == 1 and seen[0][0] == 0 and seen[0][1]  # asked, saying why, with no frame behind


def test_the_login_replaces_the_frame(
    qtbot: Any, store: Store, monkeypatch: pytest.MonkeyPatch, on_screen: list[Any]
) -> None:
    service.enable_accounts(store, "Admin", "admin-pass-1")
    location = store.location
    store.close()
    behind: list[int] = []

    def exec_(_dialog: LoginDialog) -> int:
        behind.append(len(frames()))
        return QDialog.DialogCode.Rejected  # 退出

    monkeypatch.setattr(LoginDialog, "exec", exec_)
    assert first_start.run_window(location) == 0
    assert on_screen == [True] and behind == [0] and frames() == []
