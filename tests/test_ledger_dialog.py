"""导入台账 in the window: from a register page's toolbar through the dialog's steps
(file, mapping, dry run, import) to the refreshed list, with the history's 撤销, the
export of what the page shows and the blank template."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox

from app.services import organizations
from app.store import Store
from tests.ledger_books import organizations_book
from ui.background import Background
from ui.ledger_dialog import HistoryDialog, LedgerDialog
from ui.register_page import RegisterPage
from ui.registers import ORGANIZATIONS

SHOTS = os.environ.get("LIANGXIN_SHOTS")  # a folder: the dialog's steps saved there as PNGs


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    if SHOTS:
        from PySide6.QtWidgets import QApplication

        from ui.fonts import install_cjk_font
        from ui.style import STYLE

        install_cjk_font(QApplication.instance())  # as the program starts: Chinese and its style
        widget.setStyleSheet(STYLE)
        widget.layout().activate()
        QApplication.processEvents()
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture
def page(qtbot, store: Store, synchronous: None):  # type: ignore[no-untyped-def]
    runner = Background()
    page = RegisterPage(store, ORGANIZATIONS, runner)
    page.open_after_export = False
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.reload()
    return page


def test_a_ledger_goes_in_through_the_dialog_and_the_list_shows_it(
    qtbot, page: RegisterPage, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs: list[LedgerDialog] = []
    monkeypatch.setattr(LedgerDialog, "exec", lambda self: dialogs.append(self) or 0)
    page.import_button.click()
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.next.isEnabled()  # no file yet
    _shot(dialog, "ledger-0-empty")

    dialog.path.setText(str(organizations_book(tmp_path / "台账.xlsx")))
    dialog.path.returnPressed.emit()
    assert dialog.next.isEnabled() and dialog.sheet.currentText() == "两新组织台账"
    assert "表头在第 4 行" in dialog.header_note.text()
    assert dialog.preview.item(0, 1).text() == "深圳市甲科技有限公司  "
    _shot(dialog, "ledger-1-file")

    dialog.next.click()  # the mapping
    labels = {dialog.mapping_table.item(r, 0).text(): c.currentData() for r, c in enumerate(dialog.combos)}
    assert labels["企业名称"] == "name" and labels["序号"] is None
    _shot(dialog, "ledger-2-mapping")

    dialog.next.click()  # the dry run
    assert "新增 0 条" in dialog.counts.text() and "未导入 5 条" in dialog.counts.text()
    assert dialog.communities.isVisible() and "南岭社区" in dialog.communities.text()
    assert not dialog.next.isEnabled()  # nothing can be written until the communities are accepted
    dialog.communities.setChecked(True)  # 同意新建
    assert "新增 3 条" in dialog.counts.text() and dialog.next.isEnabled()
    reasons = [dialog.issues.item(r, 4).text() for r in range(dialog.issues.rowCount())]
    assert any("校验码" in r for r in reasons) and any("合计" in r for r in reasons)
    _shot(dialog, "ledger-3-report")

    dialog.next.click()  # 导入
    assert dialog.result is not None and dialog.result.written == 3
    assert "已导入 3 条" in dialog.done_text.text() and dialog.close_button.text() == "关闭"
    _shot(dialog, "ledger-4-done")
    page.reload()
    assert page.model.rowCount() == 3


def test_all_fixed_first_imports_nothing(qtbot, store: Store, synchronous: None, tmp_path: Path) -> None:
    dialog = LedgerDialog(store, Background(), "organization")
    qtbot.addWidget(dialog)
    dialog.load(str(organizations_book(tmp_path / "台账.xlsx")))
    dialog.next.click()
    dialog.next.click()
    dialog.communities.setChecked(True)
    dialog.all_fixed.setChecked(True)
    dialog.next.click()
    assert "没有导入任何数据" in dialog.done_text.text()
    assert organizations.list_organizations(store).total == 0


def test_a_file_that_cannot_be_read_is_one_sentence(
    qtbot, store: Store, synchronous: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    dialog = LedgerDialog(store, Background(), "member")
    qtbot.addWidget(dialog)
    (tmp_path / "台账.et").write_bytes(b"x")
    dialog.load(str(tmp_path / "台账.et"))
    assert said and "请在 WPS 中另存为 .xlsx" in said[0] and not dialog.next.isEnabled()


def test_a_wrong_mapping_is_said_before_the_dry_run(
    qtbot, store: Store, synchronous: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    dialog = LedgerDialog(store, Background(), "organization")
    qtbot.addWidget(dialog)
    dialog.load(str(organizations_book(tmp_path / "台账.xlsx")))
    dialog.next.click()
    dialog.combos[1].setCurrentIndex(0)  # 企业名称 → （不导入）
    dialog.next.click()
    assert said and "组织名称" in said[0] and dialog.stack.currentIndex() == 1


def test_history_undoes_an_import(
    qtbot, store: Store, synchronous: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ledger.importing import import_ledger, open_ledger

    import_ledger(
        store,
        open_ledger(store, organizations_book(tmp_path / "台账.xlsx"), "organizations"),
        create_communities=True,
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    dialog = HistoryDialog(store, Background())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "台账.xlsx"
    _shot(dialog, "ledger-5-history")
    dialog.table.selectRow(0)
    dialog.undo.click()
    assert organizations.list_organizations(store).total == 0
    assert dialog.table.item(0, 7).text() == "已撤销"


def test_export_writes_what_the_page_shows_and_the_template(
    qtbot, page: RegisterPage, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import ledger_dialog

    for name in ("深圳市甲科技有限公司", "深圳市乙物流有限公司", "南湾丙服务中心"):
        organizations.add_organization(
            store, {"name": name, "kind": "enterprise", "contact_phone": "13800138000"}
        )
    page.search.setText("深圳")
    page.reload()
    out = tmp_path / "导出.xlsx"
    monkeypatch.setattr(ledger_dialog, "ask_save_path", lambda *a: str(out))
    monkeypatch.setattr(ledger_dialog, "confirm_reveal", lambda *a: True)
    said: list[str] = []
    page.status.connect(said.append)
    page.export_button.menu().actions()[1].trigger()  # 导出当前列表（含完整号码）
    rows = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["深圳市甲科技有限公司", "深圳市乙物流有限公司"]
    assert "13800138000" in rows[1] and said[-1].startswith("已导出")
    page.export_button.menu().actions()[0].trigger()  # masked
    assert "138****8000" in next(load_workbook(out).worksheets[0].iter_rows(min_row=2, values_only=True))
    page.export_button.menu().actions()[3].trigger()  # 空白模板
    assert load_workbook(out).sheetnames == ["两新组织", "填写说明"] and said[-1].startswith("已生成空白模板")
