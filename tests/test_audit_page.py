"""The 操作日志 page and each record's 修改记录 (pytest-qt, offscreen)."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from app.services import members
from app.store import Store
from ui import background
from ui.audit_page import AuditPage
from ui.background import Background
from ui.main_window import AUDIT, MainWindow


@pytest.fixture(autouse=True)
def _synchronous_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "SYNCHRONOUS", True)


def _two_clerks(store: Store) -> str:
    wang, li = dataclasses.replace(store, user="王芳"), dataclasses.replace(store, user="李明")
    member = members.add_member(wang, {"name": "张伟", "id_number": "11010519491231002X"})
    members.edit_member(li, member["id"], {"phone": "13800138000"})
    members.add_member(li, {"name": "李娜"})
    return str(member["id"])


def _column(page: AuditPage, column: int) -> list[str]:
    model = page.model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_the_page_lists_entries_and_the_user_filter_narrows_them(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    _two_clerks(store)
    page = AuditPage(store, Background())
    qtbot.addWidget(page)
    assert _column(page, 1) == ["李明", "李明", "王芳"]
    assert _column(page, 2) == ["新增", "修改", "新增"]
    assert page.count.text() == "共 3 条"
    page.user.setCurrentIndex(page.user.findData("王芳"))
    assert _column(page, 1) == ["王芳"]
    assert _column(page, 4) == ["张伟"]
    page.user.setCurrentIndex(page.user.findData("李明"))
    page.table.selectRow(1)
    fields = [[page.fields.item(r, c).text() for c in range(3)] for r in range(page.fields.rowCount())]
    assert fields == [["联系电话", "（空）", "138****8000"]]  # masked as the register masks it
    page.action.setCurrentIndex(page.action.findData("delete"))
    assert page.model.rowCount() == 0 and page.count.text() == "没有符合条件的操作日志"


def test_a_records_detail_shows_the_edit_just_made_and_more_opens_the_log(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    member_id = _two_clerks(store)
    for n in range(5):
        members.edit_member(store, member_id, {"notes": f"第{n + 1}次核对"})
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.open_record("member", member_id)
    page = window.pages["member"]
    page.show_selected()
    lines = [w.text() for w in page.detail.findChildren(QLabel, "history")]
    assert len(lines) == 5
    assert "备注：第4次核对 → 第5次核对" in lines[0]  # newest first
    more = [b for b in page.detail.findChildren(QPushButton) if b.text() == "更多…"]
    assert len(more) == 1
    more[0].click()
    assert window.current_key == AUDIT
    assert window.audit.model.rowCount() == 7  # every change of this member, nobody else's
    assert set(_column(window.audit, 4)) == {"张伟"}
    window.audit.show_all_records()
    assert window.audit.model.rowCount() == 8
