"""The registers in the window (pytest-qt, offscreen): what a clerk does with them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox

from app.services import members, organizations, party_orgs
from app.services.audit import read_journal
from app.store import Store
from ui import background
from ui.background import Background
from ui.i18n import install_translator
from ui.main_window import MainWindow
from ui.register_page import RegisterPage
from ui.registers import MEMBERS, ORGANIZATIONS, PARTY_ORGS, REGISTERS
from ui.table_model import BATCH, LazyTableModel


@pytest.fixture(autouse=True)
def _synchronous_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "SYNCHRONOUS", True)


@pytest.fixture
def filled(store: Store) -> Store:
    org = organizations.add_organization(
        store, {"name": "深圳市华信物流有限公司", "kind": "enterprise", "employees": 60}
    )
    branch = party_orgs.add_party_org(
        store, {"name": "华信物流党支部", "level": "branch"}, covers=[org["id"]]
    )
    members.add_member(
        store,
        {"name": "张伟", "id_number": "11010519491231002X", "employer": org["id"], "party_org": branch["id"]},
    )
    members.add_member(store, {"name": "李娜", "id_number": "440307198503091311", "phone": "13800138000"})
    return store


def page_for(qtbot, store: Store, register) -> RegisterPage:  # type: ignore[no-untyped-def]
    page = RegisterPage(store, register, Background())
    qtbot.addWidget(page)
    page.reload()
    return page


def _set(dialog, name: str, value: str) -> None:  # type: ignore[no-untyped-def]
    widget = dialog.widgets[name].widget
    if isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(widget.findData(value))


@pytest.mark.parametrize("kind", list(REGISTERS))
def test_every_model_passes_qtmodeltester(qtmodeltester, filled: Store, kind: str) -> None:
    register = REGISTERS[kind]
    model = LazyTableModel(register.columns, lambda ids: register.rows(filled, ids))
    model.set_ids(register.ids(filled))
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_the_model_fetches_only_the_rows_it_paints(store: Store) -> None:
    calls: list[list[str]] = []

    def fetch(ids: list[str]) -> list:
        calls.append(ids)
        return []

    model = LazyTableModel(MEMBERS.columns, fetch)
    model.set_ids([f"id{i}" for i in range(300_000)])
    assert model.rowCount() == 300_000 and calls == []
    model.data(model.index(150_010, 0))
    assert [len(c) for c in calls] == [BATCH] and calls[0][0] == "id150000"


def test_create_an_organization_in_the_editor_and_find_it_by_initials(qtbot, store: Store) -> None:
    page = page_for(qtbot, store, ORGANIZATIONS)
    dialog = page.editor(None)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # the name is required
    _set(dialog, "name", "深圳市某某科技有限公司")
    _set(dialog, "uscc", "9144030071526726XG")
    dialog.widgets["employees"].widget.setValue(120)
    assert dialog.save_button.isEnabled()
    dialog.try_save()
    assert dialog.saved is not None and dialog.saved["employees"] == 120
    page.search.setText("szmm")
    page.reload()
    assert page.model.ids == [dialog.saved["id"]]
    assert page.count.text() == "共 1 条"


def test_a_bad_credit_code_turns_the_field_red_and_saves_nothing(qtbot, store: Store) -> None:
    page = page_for(qtbot, store, ORGANIZATIONS)
    dialog = page.editor(None)
    qtbot.addWidget(dialog)
    _set(dialog, "name", "某公司")
    _set(dialog, "uscc", "9144030071526726XA")
    error = dialog.widgets["uscc"].error
    assert not error.isHidden()
    assert error.text() == "统一社会信用代码第18位校验码应为 G，现为 A，请核对后重新输入。"
    assert not dialog.save_button.isEnabled()
    dialog.try_save()
    assert dialog.saved is None
    assert organizations.list_organizations(store).total == 0
    _set(dialog, "uscc", "9144030071526726XG")
    assert error.isHidden() and dialog.save_button.isEnabled()


def test_a_wrong_reference_is_shown_on_its_field(qtbot, store: Store) -> None:
    page = page_for(qtbot, store, MEMBERS)
    dialog = page.editor(None)
    qtbot.addWidget(dialog)
    _set(dialog, "name", "王芳")
    _set(dialog, "employer", "不存在的公司")
    dialog.try_save()
    assert dialog.saved is None
    assert "找不到两新组织“不存在的公司”" in dialog.widgets["employer"].error.text()


def test_cancel_with_unsaved_changes_asks_first(qtbot, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    page = page_for(qtbot, store, ORGANIZATIONS)
    dialog = page.editor(None)
    qtbot.addWidget(dialog)
    dialog.show()
    _set(dialog, "name", "半途而废的公司")
    asked: list[str] = []

    def answer(choice):  # type: ignore[no-untyped-def]
        def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
            asked.append(text)
            return choice

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    dialog.reject()
    assert asked and dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    dialog.reject()
    assert not dialog.isVisible()
    assert organizations.list_organizations(store).total == 0


def test_deleting_a_member_removes_it_and_leaves_a_tombstone(qtbot, filled: Store, monkeypatch) -> None:
    page = page_for(qtbot, filled, MEMBERS)
    row = next(i for i, rid in enumerate(page.model.ids) if page.model.row_at(i).name == "李娜")
    victim = page.model.ids[row]
    page.table.selectRow(row)
    named: list[str] = []
    monkeypatch.setattr(
        "ui.register_page.confirm_delete", lambda parent, noun, name: named.append(name) or True
    )
    page.delete_selected()
    assert named == ["李娜"]
    assert victim not in page.model.ids and page.count.text() == "共 1 条"
    last = read_journal(filled)[-1]
    assert (last.row_id, last.op) == (victim, "delete")


def test_cancelled_delete_changes_nothing(qtbot, filled: Store, monkeypatch) -> None:
    page = page_for(qtbot, filled, MEMBERS)
    page.table.selectRow(0)
    monkeypatch.setattr("ui.register_page.confirm_delete", lambda *args: False)
    page.delete_selected()
    assert len(page.model.ids) == 2


def test_detail_panel_masks_until_the_user_confirms(qtbot, filled: Store, monkeypatch) -> None:
    page = page_for(qtbot, filled, MEMBERS)
    row = next(i for i in range(len(page.model.ids)) if page.model.row_at(i).name == "李娜")
    page.table.selectRow(row)
    assert page.model.row_at(row).id_number == "440307********1311"
    assert page.detail.detail.record["id_number"] == "440307********1311"
    assert page.detail.detail.record["phone"] == "138****8000"
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    page.reveal_selected()
    assert page.detail.detail.record["id_number"] == "440307********1311"
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    page.reveal_selected()
    assert page.detail.detail.record["id_number"] == "440307198503091311"


def test_related_records_open_in_their_register(qtbot, filled: Store) -> None:
    window = MainWindow(filled)
    qtbot.addWidget(window)
    orgs = window.pages["organization"]
    orgs.reload()
    orgs.table.selectRow(0)
    sections = orgs.detail.detail.links
    assert [link.name for link in sections["所属党组织"]] == ["华信物流党支部"]
    assert [link.name for link in sections["本单位党员"]] == ["张伟"]
    member = sections["本单位党员"][0]
    orgs.detail.open_link.emit(member.kind, member.id)
    assert window.page is window.pages["member"]
    assert window.page.current_id() == member.id


def test_global_search_jumps_to_a_record(qtbot, filled: Store) -> None:
    from ui.global_search import GlobalSearch

    window = MainWindow(filled)
    qtbot.addWidget(window)
    dialog = GlobalSearch(filled, window)
    qtbot.addWidget(dialog)
    dialog.chosen.connect(window.open_record)
    dialog.input.setText("hxwl")
    dialog.refresh()
    assert "深圳市华信物流有限公司" in dialog.results.item(0).text()
    dialog.open_current()
    assert window.page is window.pages["organization"]
    assert window.page.model.row_at(window.page.table.currentIndex().row()).name == "深圳市华信物流有限公司"


def test_the_window_remembers_columns_and_the_last_page(qtbot, filled: Store) -> None:
    window = MainWindow(filled)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(3)
    window.pages["member"].table.setColumnWidth(0, 222)
    window.close()
    again = MainWindow(filled)
    qtbot.addWidget(again)
    assert again.page is again.pages["member"]
    assert again.pages["member"].table.columnWidth(0) == 222


def test_english_translation_changes_visible_labels(qtbot, qapp, filled: Store) -> None:
    assert install_translator(qapp, "en") == "en"
    try:
        window = MainWindow(filled)
        qtbot.addWidget(window)
        page = window.pages["organization"]  # the navigation: tests/test_i18n.py
        assert (
            page.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
            == "Organization"
        )
        assert window.windowTitle() == "Party-Building Workbench — 南湾街道"
    finally:
        install_translator(qapp, "zh")
    window = MainWindow(filled)
    qtbot.addWidget(window)
    assert window.nav.item(1).text() == "两新组织"


def iter_registers() -> Iterator[str]:
    yield from REGISTERS


def test_every_register_has_the_columns_a_clerk_expects() -> None:
    titles = {kind: [c.title for c in reg.columns] for kind, reg in REGISTERS.items()}
    assert titles["organization"] == [
        "组织名称",
        "类型",
        "社区",
        "行业",
        "职工人数",
        "党组织",
        "组建方式",
        "指导员",
        "覆盖状态",
    ]
    assert titles["party_org"] == [
        "党组织名称",
        "类别",
        "组建方式",
        "书记",
        "党员",
        "覆盖单位",
        "任期届满",
        "社区",
    ]
    assert titles["member"] == [
        "姓名",
        "性别",
        "公民身份号码",
        "党组织",
        "工作单位",
        "类别",
        "组织关系",
        "入党日期",
    ]
    assert PARTY_ORGS.filters and MEMBERS.filters and ORGANIZATIONS.filters


def test_a_long_list_paints_a_screenful_first_then_completes(qtbot, demo_db, tmp_path) -> None:
    import shutil

    from app.store import open_store
    from ui.register_page import HEAD

    copy = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db, copy)
    store = open_store(str(copy))
    page = RegisterPage(store, MEMBERS, Background())
    qtbot.addWidget(page)
    seen: list[tuple[str, int]] = []
    page.first_rows_shown.connect(lambda: seen.append(("first", page.model.rowCount())))
    page.list_complete.connect(lambda: seen.append(("complete", page.model.rowCount())))
    page.reload()
    total = len(MEMBERS.ids(store))
    assert total > HEAD
    assert seen == [("first", HEAD), ("complete", total)]
    assert page.count.text() == f"共 {total:,} 条"
    page.search.setText("zw")
    page.reload()
    assert seen[-2:] == [
        ("first", len(MEMBERS.ids(store, search="zw"))),
        ("complete", len(MEMBERS.ids(store, search="zw"))),
    ]
    store.close()
