"""A walk through the whole window as a careless new user: every page, every editor
and dialog, each fed the inputs that used to crash it or slip bad data in. The walk
ends with no uncaught exception and no change to the database except the ones the
walk meant to make."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QPlainTextEdit, QSpinBox

from app.store import Store, open_store
from ui import background
from ui.editor import RecordEditor
from ui.main_window import PAGE_KEYS, MainWindow
from ui.registers import REGISTERS

BAD_TEXT = [
    "名" * 10_000,  # 10,000 characters
    "坏\x1b[31m红字",  # a terminal escape code
    "两行\n名称",  # a newline in a one-line field
]
BAD_NUMBERS = ["2147483648", "99999999999999999999", "-1", "三千"]


@pytest.fixture
def bugs(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: seen.append(error))
    return seen


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message box the walk raised (each must be a sentence, never a trace)."""
    messages: list[str] = []

    def record(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        messages.append(text)
        return QMessageBox.StandardButton.Cancel

    for name in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, record)
    return messages


@pytest.fixture
def demo_copy(demo_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "walk.sqlite3"
    shutil.copy(demo_db, path)
    return path


@pytest.fixture
def window(qtbot: Any, demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(background, "SYNCHRONOUS", True)
    store = open_store(str(demo_copy))
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.today = lambda: __import__("datetime").date(2026, 11, 30)  # type: ignore[method-assign]
    win.show()
    yield win
    win.close()
    store.close()


def journal_end(store: Store) -> int:
    from sqlalchemy import func, select

    from db.models import JournalEntry

    with store.read() as session:
        return session.scalar(select(func.max(JournalEntry.seq))) or 0


def _feed(editor: RecordEditor, name: str, value: str) -> None:
    widget = editor.widgets[name].widget
    if isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, QSpinBox):
        widget.setValue(widget.maximum())  # the most the box allows must still be allowed


def _fill_required(editor: RecordEditor, fields: dict[str, Any], but: str) -> None:
    """Fill the required text fields, so that the refusal is about the spoiled one."""
    for name, spec in fields.items():
        widget = editor.widgets[name].widget
        if spec.required and name != but and isinstance(widget, QLineEdit) and spec.kind == "text":
            widget.setText("测试单位")


def _is_sentence(text: str) -> bool:
    technical = ("Traceback", "Error", "SQL", "sqlite", "psycopg", "Exception", "\x1b")
    return bool(text) and not any(word in text for word in technical)


def test_every_page_shows_without_an_uncaught_exception(
    window: MainWindow, bugs: list[BaseException], said: list[str]
) -> None:
    before = journal_end(window.store)
    for row, key in enumerate(PAGE_KEYS):
        window.nav.setCurrentRow(row)
        QApplication.processEvents()
        assert window.current_key == key
    window.refresh()
    QApplication.processEvents()
    assert bugs == [] and said == []
    # Showing pages reads; only the dashboard's monthly snapshot is written (not journaled).
    assert journal_end(window.store) == before


def test_every_register_editor_refuses_bad_input_and_saves_nothing(
    window: MainWindow, bugs: list[BaseException], said: list[str]
) -> None:
    for key in REGISTERS:
        window.nav.setCurrentRow(PAGE_KEYS.index(key))
        page = window.page_for(key)
        for name, fw in page.editor(None).widgets.items():
            field = fw.field
            values = BAD_NUMBERS if field.kind == "int" else BAD_TEXT
            if not isinstance(fw.widget, QLineEdit | QPlainTextEdit | QSpinBox):
                continue
            for value in values:
                if "\n" in value and isinstance(fw.widget, QPlainTextEdit):
                    continue  # remarks may have several lines
                editor = page.editor(None)
                _fill_required(editor, page.register.fields, but=name)
                _feed(editor, name, value)
                mark = journal_end(window.store)
                editor.try_save()
                errors = [w.error.text() for w in editor.widgets.values() if w.error.text()]
                assert all(_is_sentence(e) for e in errors), errors
                if field.kind != "int":  # a box's own maximum is within the bounds and may save
                    assert editor.saved is None, (key, name, value[:20])
                    assert journal_end(window.store) == mark, (key, name, value[:20])
                    assert errors or said, (key, name, value[:20])  # refused, and said why
                editor.done(0)
    assert all(_is_sentence(s) for s in said), said
    assert bugs == []


def test_an_editor_opens_on_a_value_stored_out_of_range(
    window: MainWindow, demo_copy: Path, bugs: list[BaseException], said: list[str]
) -> None:
    with sqlite3.connect(demo_copy) as conn:  # written before the bounds existed
        org_id = conn.execute("SELECT id FROM organization WHERE deleted = 0 LIMIT 1").fetchone()[0]
        conn.execute("UPDATE organization SET employees = 2147483648 WHERE id = ?", (org_id,))
        conn.execute(
            "INSERT INTO setting (id, owner, rev, created_at, updated_at, updated_by, deleted, key, value) "
            "SELECT 'x-out-of-range', code, 0, '2026-01-01', '2026-01-01', 'old', 0, "
            "'rule.enterprise_org.min_employees', '3000000000' FROM station WHERE is_self = 1"
        )
    page = window.pages["organization"]
    record = page.register.get(window.store, org_id)
    editor = page.editor(record)
    spin = editor.widgets["employees"].widget
    assert isinstance(spin, QSpinBox)
    editor.done(0)
    window.nav.setCurrentRow(PAGE_KEYS.index("settings"))
    QApplication.processEvents()
    note = window.settings_page.errors["rule.enterprise_org.min_employees"]
    assert "超出范围" in note.text() and note.isVisibleTo(window.settings_page)
    assert window.settings_page.resets["rule.enterprise_org.min_employees"].isEnabled()
    window.nav.setCurrentRow(PAGE_KEYS.index("dashboard"))
    window.dashboard.reload()
    QApplication.processEvents()
    assert window.dashboard.stats is not None
    assert bugs == []


def test_global_search_takes_anything(window: MainWindow, bugs: list[BaseException], said: list[str]) -> None:
    from ui.global_search import GlobalSearch

    dialog = GlobalSearch(window.store, window)
    for text in [*BAD_TEXT, "%", "_", "'; DROP TABLE member; --", "䶮", "𠮷", "４４０３"]:
        box = dialog.findChild(QLineEdit)
        assert box is not None
        box.setText(text)
        QApplication.processEvents()
    dialog.done(0)
    assert bugs == [] and all(_is_sentence(s) for s in said)


def test_settings_refuse_what_is_out_of_range(
    window: MainWindow, bugs: list[BaseException], said: list[str]
) -> None:
    window.nav.setCurrentRow(PAGE_KEYS.index("settings"))
    page = window.settings_page
    for key, editor in page.editors.items():
        if isinstance(editor, QSpinBox):
            editor.setValue(editor.maximum())
            editor.editingFinished.emit()
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.count() - 1)
            editor.activated.emit(editor.count() - 1)
        assert not page.errors[key].text() or _is_sentence(page.errors[key].text())
    assert bugs == []


def test_a_save_on_one_page_refreshes_the_pages_that_show_it(
    window: MainWindow, bugs: list[BaseException], said: list[str]
) -> None:
    window.nav.setCurrentRow(PAGE_KEYS.index("dashboard"))
    QApplication.processEvents()
    before = window.dashboard.stats
    assert before is not None
    window.nav.setCurrentRow(PAGE_KEYS.index("organization"))
    editor = window.pages["organization"].editor(None)
    editor.widgets["name"].widget.setText("深圳市新登记科技有限公司")  # type: ignore[attr-defined]
    editor.try_save()
    assert editor.saved is not None
    assert {"dashboard", "board", "party_org"} <= window._stale and "settings" not in window._stale
    window.nav.setCurrentRow(PAGE_KEYS.index("dashboard"))
    QApplication.processEvents()
    after = window.dashboard.stats
    assert after is not None and after is not before
    assert bugs == [] and said == []


def test_campaign_and_task_dialogs_refuse_bad_input(
    window: MainWindow, bugs: list[BaseException], said: list[str]
) -> None:
    from ui.campaign_dialogs import CampaignDialog, CloseOutDialog, GenerateDialog, TaskDialog

    window.nav.setCurrentRow(PAGE_KEYS.index("board"))
    board = window.board
    before = journal_end(window.store)
    for text in BAD_TEXT:
        dialog = CampaignDialog(window.store, board)
        dialog.name.setText(text)
        dialog.save()
        assert dialog.created is None and _is_sentence(dialog.error.text()), text[:20]
        dialog.done(0)
    dialog = CampaignDialog(window.store, board)
    dialog.starts.setDate(dialog.starts.maximumDate())  # the phases run past the last year allowed
    dialog.goal.setPlainText("目" * 10_000)
    dialog.save()
    assert dialog.created is None and _is_sentence(dialog.error.text())
    dialog.done(0)
    campaign = board.campaign_id
    assert campaign is not None
    for text in BAD_TEXT:
        add = TaskDialog(window.store, campaign, window.today(), board)
        add.title_edit.setText(text)
        add.save()
        assert add.task_id is None and _is_sentence(add.error.text()), text[:20]
        add.done(0)
    generate = GenerateDialog(window.store, campaign, window.today(), board)
    generate.done(0)
    card = next(c for c in board.cards if c.status != "done")
    close = CloseOutDialog(window.store, card, window.today(), board)
    close.note.setPlainText("说" * 10_000)
    assert not close.try_close()
    assert _is_sentence(close.refusal.text())
    close.done(0)
    assert journal_end(window.store) == before
    assert bugs == [] and all(_is_sentence(s) for s in said)


def test_a_ten_thousand_character_comment_saves_and_prints(
    window: MainWindow,
    tmp_path: Path,
    bugs: list[BaseException],
    said: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pypdf import PdfReader

    from app.services import appraisals
    from ui import printing

    window.nav.setCurrentRow(PAGE_KEYS.index("appraisal"))
    page = window.appraisal
    code = page.template.currentData()
    subject = appraisals.subject_choices(window.store, code)[0][0]
    window.background.call(
        lambda: appraisals.start_appraisals(window.store, code, page.year.value(), [subject])
    )
    page.reload()
    assert page.record is not None
    page.comments.setPlainText("评" * 10_000)
    assert page.save(), page.error.text()
    shown: list[Path] = []
    monkeypatch.setattr(printing, "preview_pdf", lambda _parent, pdf: shown.append(Path(pdf)))
    page.preview()
    assert shown and len(PdfReader(shown[0]).pages) >= 2  # the comment flows onto the next page
    assert bugs == [] and said == []
