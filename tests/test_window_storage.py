"""The window when the database cannot take a write: another program holds it, or
the disk is full. The clerk is told in one sentence, the editor stays open with what
was typed, and a retry once the cause is gone saves it."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from app.services import organizations
from app.store import Store, init_store, open_store
from ui import background
from ui.register_page import RegisterPage
from ui.registers import ORGANIZATIONS


@pytest.fixture
def warned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    return said


@pytest.fixture
def bugs(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: seen.append(error))
    return seen


def _store(path: Path, monkeypatch: pytest.MonkeyPatch, **env: str) -> Iterator[Store]:
    made, _ = init_store(str(path), "440307001", "南湾街道")
    organizations.add_organization(made, {"name": "已登记的单位", "kind": "enterprise"})
    made.close()
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    store = open_store(str(path))
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def busy_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    yield from _store(tmp_path / "busy.sqlite3", monkeypatch, LIANGXIN_BUSY_TIMEOUT_MS="200")


def _page(qtbot: Any, store: Store, monkeypatch: pytest.MonkeyPatch) -> RegisterPage:
    monkeypatch.setattr(background, "SYNCHRONOUS", True)
    page = RegisterPage(store, ORGANIZATIONS, background.Background())
    qtbot.addWidget(page)
    page.reload()
    return page


def test_a_save_while_another_program_holds_the_database_is_said_and_kept(
    qtbot: Any,
    busy_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    warned: list[str],
    bugs: list[BaseException],
) -> None:
    page = _page(qtbot, busy_store, monkeypatch)
    editor = page.editor(None)
    editor.widgets["name"].widget.setText("深圳市新来的科技有限公司")  # type: ignore[attr-defined]
    holder = sqlite3.connect(busy_store.location, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        editor.try_save()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert editor.saved is None and editor.result() == 0  # still open, nothing lost
    assert editor.widgets["name"].get() == "深圳市新来的科技有限公司"
    assert len(warned) == 1 and "占用" in warned[0] and "Error" not in warned[0]
    editor.try_save()  # the other program has let go
    assert editor.saved is not None
    assert bugs == []


def test_a_save_on_a_full_disk_is_said_and_nothing_is_half_written(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warned: list[str], bugs: list[BaseException]
) -> None:
    path = tmp_path / "full.sqlite3"
    made, _ = init_store(str(path), "440307001", "南湾街道")
    with sqlite3.connect(path) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    made.close()
    monkeypatch.setenv("LIANGXIN_SQLITE_MAX_PAGE_COUNT", str(pages))
    store = open_store(str(path))
    try:
        page = _page(qtbot, store, monkeypatch)
        editor = page.editor(None)
        editor.widgets["name"].widget.setText("单" * 200)  # type: ignore[attr-defined]
        editor.widgets["notes"].widget.setPlainText("备" * 2000)  # type: ignore[attr-defined]
        for _ in range(3):
            editor.try_save()
        assert editor.saved is None
        assert warned and all("磁盘" in w for w in warned)
        assert organizations.list_organizations(store).total == 0
    finally:
        store.close()
    assert bugs == []
