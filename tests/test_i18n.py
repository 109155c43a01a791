"""Both languages, as a user meets them: English mode is English everywhere the window
translates; Chinese mode makes Qt's own buttons and dialogs Chinese too; the command
line's own words (用法、选项、错误) are Chinese."""

from __future__ import annotations

import argparse
import filecmp
import importlib
import importlib.util
import re
import shutil
import string
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton

import ui.i18n
from app.cli import argparse_zh
from ui.i18n import install_translator

ROOT = Path(__file__).resolve().parent.parent
HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]+")


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="module")
def translations() -> ModuleType:
    return _script()


@pytest.fixture(scope="module")
def extracted(translations: ModuleType) -> list[str]:
    return translations.extract()


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_every_string_the_window_translates_has_a_finished_english_translation(
    translations: ModuleType, extracted: list[str]
) -> None:
    catalogue = translations.read_ts()
    missing = [s for s in extracted if s not in catalogue]
    unfinished = [s for s in extracted if s in catalogue and translations.untranslated([catalogue[s]])]
    assert not missing, f"run: python scripts/translations.py update — not in the .ts: {missing}"
    assert not unfinished, f"write the English of these in {translations.TS.name}: {unfinished}"
    for source in extracted:
        english = catalogue[source].translation
        # A placeholder lost or misspelt in English is a KeyError when .format() runs.
        assert _fields(english) == _fields(source), (source, english)
        # Chinese left in the English is only what the source quotes verbatim (names, examples).
        assert all(part in source for part in HAN.findall(english)), (source, english)


def test_the_extractor_sees_strings_translated_through_variables(extracted: list[str]) -> None:
    wanted = {
        "工作台",  # NAV in ui/main_window.py
        "党员花名册（所选党组织，横向）",  # PRINTS in ui/register_page.py
        "职工人数",  # a register column and a field label
        "已覆盖（单独组建）",  # a coded value (app/domain/coverage.py)
        "覆盖率目标（%）",  # a setting's label (app/settings.py)
        "已定稿",  # an appraisal's state
        "本单位党员",  # a section of the detail panel (app/services/related.py)
        "已建党组织覆盖",  # a dashboard tile (app/dashboard.py)
        "全部责任单位",  # a loop over literals in ui/board_page.py
        "党课每季度至少一次",  # a rule's title
    }
    assert wanted <= set(extracted)


def test_compiled_catalogues_are_up_to_date(translations: ModuleType, tmp_path: Path) -> None:
    for ts in translations.CATALOGUES:
        fresh = tmp_path / ts.with_suffix(".qm").name
        translations.compile_qm(ts, fresh)
        assert filecmp.cmp(fresh, ts.with_suffix(".qm"), shallow=False), (
            f"{ts.name} changed: run python scripts/translations.py compile"
        )


# -- the window --------------------------------------------------------------------------


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    install_translator(qapp, "en")
    yield
    install_translator(qapp, "zh")


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    install_translator(qapp, "zh")
    yield


class _Recorder:
    """Stands in for QCoreApplication inside ui.i18n: every t() lookup that came back
    unchanged (no English) is kept."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.untranslated: set[str] = set()

    def translate(self, context: str, text: str, *args: Any) -> str:
        result = str(self.real.translate(context, text, *args))
        if result == text and HAN.search(text):
            self.untranslated.add(text)
        return result


def test_english_mode_shows_english_on_every_page(
    qtbot: Any,
    english: None,
    synchronous: None,
    demo_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.services import communities
    from app.store import open_store
    from ui.main_window import MainWindow

    recorder = _Recorder(ui.i18n.QCoreApplication)
    monkeypatch.setattr(ui.i18n, "QCoreApplication", recorder)
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db, path)
    store = open_store(str(path))
    try:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.show()
        assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
            "Dashboard",
            "Organizations",
            "Party organizations",
            "Party members",
            "Party activities",
            "Visits",
            "Campaigns",
            "Appraisals",
            "Data exchange",
            "Duplicates",
            "Audit log",
            "Settings",
        ]
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            qtbot.wait(10)
        for page in window.pages.values():
            page.reload()
            page.table.selectRow(0)
            page.show_selected()
            new, existing = page.editor(None), page.editor(page.register.get(store, page.current_id()))
            new.close()
            existing.close()
        data = set(communities.community_names(store))  # the community filter lists names, not words
    finally:
        store.close()
    assert recorder.untranslated - data == set()


def test_switching_back_to_chinese_shows_chinese(qtbot: Any, qapp: Any, store: Any) -> None:
    from ui.main_window import MainWindow

    install_translator(qapp, "en")
    install_translator(qapp, "zh")
    window = MainWindow(store)
    qtbot.addWidget(window)
    assert window.nav.item(0).text() == "工作台"


# -- Qt's own words ------------------------------------------------------------------------


def _plain(text: str) -> str:
    """A button's text as read: without its mnemonic (是(&Y) -> 是, &Yes -> Yes)."""
    return re.sub(r"\(&.\)|&", "", text)


def _message_box_buttons() -> list[str]:
    box = QMessageBox(
        QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
    )
    return [
        _plain(box.button(b).text())
        for b in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel)
    ]


def test_qt_buttons_speak_the_chosen_language(qapp: Any) -> None:
    try:
        install_translator(qapp, "zh")
        assert _message_box_buttons() == ["是", "取消"]
        discard = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Discard)
        assert _plain(discard.button(QMessageBox.StandardButton.Discard).text()) == "丢弃"
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.RestoreDefaults)
        assert buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).text() == "恢复默认值"
        install_translator(qapp, "en")
        assert _message_box_buttons() == ["Yes", "Cancel"]
    finally:
        install_translator(qapp, "zh")


def test_qt_file_dialog_and_context_menu_are_chinese(qtbot: Any, qapp: Any, chinese: None) -> None:
    from PySide6.QtWidgets import QLineEdit

    dialog = QFileDialog(None, "保存")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [_plain(label.text()) for label in dialog.findChildren(QLabel) if label.text()]
    assert {"查找范围：", "文件名称：", "文件类型："} <= set(labels)
    words = [
        text
        for text in labels + [b.text() for b in dialog.findChildren(QPushButton)]
        if re.search("[A-Za-z]{2}", text)
    ]
    assert words == []
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    assert [_plain(a.text()).split("\t")[0] for a in menu.actions() if a.text()][:2] == ["撤消", "重做"]


# -- the command line ------------------------------------------------------------------------


@pytest.fixture
def parser(monkeypatch: pytest.MonkeyPatch) -> argparse.ArgumentParser:
    # install() is process-wide: put argparse back after the test.
    monkeypatch.setattr(argparse, "_", argparse._)  # type: ignore[attr-defined]
    monkeypatch.setattr(argparse, "ngettext", argparse.ngettext)
    argparse_zh.install()
    from app.cli.main import build_parser

    return argparse_zh.localize(build_parser())


def _run(parser: argparse.ArgumentParser, argv: list[str], capsys: Any) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        parser.parse_args(argv)
    out, err = capsys.readouterr()
    return int(exit_.value.code or 0), out, err


ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "show program", "error:")


@pytest.mark.parametrize(
    "argv", [["--help"], ["org", "--help"], ["org", "list", "--help"], ["task", "move", "--help"]]
)
def test_help_is_chinese(parser: argparse.ArgumentParser, capsys: Any, argv: list[str]) -> None:
    status, out, _ = _run(parser, argv, capsys)
    assert status == 0
    assert out.startswith("用法：liangxin")
    assert "选项：" in out
    assert not [word for word in ENGLISH if word in out]
    assert not re.search(r"--[a-z-]+ [A-Z_]+\b", out), "a metavar derived from dest, in capitals"


def test_help_wraps_chinese_within_the_terminal(
    parser: argparse.ArgumentParser, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    from app.cli import main as cli_main

    wrapped = argparse_zh.localize(cli_main.build_parser())
    _, out, _ = _run(wrapped, ["org", "add", "--help"], capsys)
    assert max(argparse_zh.width(line) for line in out.splitlines()) <= 80


def test_a_missing_required_argument_is_said_in_chinese(parser: argparse.ArgumentParser, capsys: Any) -> None:
    status, _, err = _run(parser, ["init", "--name", "南湾街道"], capsys)
    assert status == 2
    # One sentence, and where the right form is written (no usage block before it).
    assert err == "缺少必填参数：--station。（用法见：liangxin init --help）\n"
    status, _, err = _run(parser, ["task", "move", "--to", "done"], capsys)
    assert err == "缺少必填参数：编号。（用法见：liangxin task move --help）\n"


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ["demo", "--orgs", "很多"],
            "参数 --orgs：“两新组织数”应为整数，“很多”不是。（用法见：liangxin demo --help）",
        ),
        (["init", "--station", "1", "--name", "甲", "--role", "乡"], "“乡”不是可选的值"),
        (["org", "list", "--bogus"], "无法识别的参数：--bogus。"),
        (["nothing"], "“nothing”不是可选的值"),
        (["org", "show"], "缺少必填参数：编号或名称。"),
    ],
)
def test_argument_errors_are_chinese(
    parser: argparse.ArgumentParser, capsys: Any, argv: list[str], said: str
) -> None:
    status, _, err = _run(parser, argv, capsys)
    assert status == 2
    assert said in err
    assert not [word for word in ENGLISH if word in err]


def test_the_real_command_line_speaks_chinese(capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(argparse, "_", argparse._)  # type: ignore[attr-defined]
    monkeypatch.setattr(argparse, "ngettext", argparse.ngettext)
    from app.cli.main import main

    with pytest.raises(SystemExit) as exit_:
        main(["init"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "缺少必填参数：--station, --name。" in err and "usage:" not in err
