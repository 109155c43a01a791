"""The window's first start: with no database it asks how to begin (新建 / 打开 / 演示)
instead of exiting, and an error that stops the start is a dialog, not a line on a
terminal nobody sees. Also: the bundle's two entry programs (build_installer.spec)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox

import ui.accounts_dialog
import ui.errors
import ui.launch
from app.cli.main import main
from app.demo.build import demo_database
from ui import first_start
from ui.first_start import FirstStartDialog

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every message box shown (instead of waiting for a click)."""
    texts: list[str] = []

    def shown(box: QMessageBox) -> int:
        texts.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown)
    monkeypatch.setattr(first_start, "told", False)
    monkeypatch.setattr(first_start, "nobody_to_ask", lambda: False)  # as on a screen
    monkeypatch.setattr(ui.errors, "install_excepthook", lambda: None)  # keep pytest-qt's
    return texts


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> list[Any]:
    """The main windows the program opened (built for real, not run)."""
    opened: list[Any] = []

    def run_gui(store: Any) -> int:
        window = ui.launch._window(store)
        qtbot.addWidget(window)
        opened.append(window)
        return 0

    monkeypatch.setattr(ui.launch, "run_gui", run_gui)
    return opened


def answer(monkeypatch: pytest.MonkeyPatch, act: Any) -> None:
    """The first-start dialog, when it appears, is answered by ``act(dialog)``."""

    def exec_(dialog: FirstStartDialog) -> int:
        act(dialog)
        return dialog.result()

    monkeypatch.setattr(FirstStartDialog, "exec", exec_)
    monkeypatch.setattr(first_start, "nobody_to_ask", lambda: False)  # as on a screen


def test_a_bad_station_code_is_refused_in_the_dialog_which_stays_open(qtbot: Any, tmp_path: Path) -> None:
    target = tmp_path / "new.sqlite3"
    dialog = FirstStartDialog(target)
    qtbot.addWidget(dialog)
    dialog.new_button.click()
    assert dialog.pages.currentIndex() == 1
    dialog.code.setText("12345")
    dialog.name.setText("南湾街道")
    dialog.create_button.click()
    assert "9位数字的行政区划代码" in dialog.new_problem.text()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.store is None
    assert not target.exists()  # nothing made from a refused code


def test_a_good_code_creates_the_database_and_the_window_opens_on_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, said: list[str], windows: list[Any]
) -> None:
    target = tmp_path / "nanwan.sqlite3"

    def create(dialog: FirstStartDialog) -> None:
        dialog.new_button.click()
        dialog.role.setCurrentIndex(dialog.role.findData("subdistrict"))
        dialog.code.setText(" 440307001 ")
        dialog.name.setText("南湾街道")
        dialog.create_button.click()

    offered: list[Any] = []
    monkeypatch.setattr(ui.accounts_dialog, "offer_first_administrator", lambda _parent, s: offered.append(s))
    answer(monkeypatch, create)
    assert main(["--db", str(target), "gui"]) == 0
    assert target.is_file() and not said
    assert "南湾街道" in windows[0].windowTitle() and "演示数据" not in windows[0].windowTitle()
    assert windows[0].store.station.code == "440307001"
    assert offered and offered[0].station.code == "440307001"  # asked for the first administrator


def test_the_first_administrator_is_made_when_the_station_is(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.accounts_dialog import PasswordForm

    def fill(form: PasswordForm) -> int:
        assert form.name is not None
        form.name.setText("张三")
        form.password.setText("党建工作2026!")
        form.again.setText("党建工作2026!")
        form.check()  # its 确定
        return form.result()

    monkeypatch.setattr(PasswordForm, "exec", fill)
    dialog = FirstStartDialog(tmp_path / "admin.sqlite3")
    qtbot.addWidget(dialog)
    dialog.new_button.click()
    dialog.code.setText("440307001")
    dialog.name.setText("南湾街道")
    dialog.create_button.click()
    assert dialog.store is not None and dialog.store.user == "张三"
    dialog.store.close()


def test_opening_a_file_that_is_no_database_is_refused_then_a_good_one_is_remembered(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, store: Any, said: list[str], windows: list[Any]
) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("会议记录，不是数据库", encoding="utf-8")
    existing = store.location
    store.close()
    picks = iter([str(notes), existing])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (next(picks), ""))
    refusals: list[str] = []

    def open_twice(dialog: FirstStartDialog) -> None:
        dialog.open_button.click()
        refusals.append(dialog.problem.text())
        assert dialog.store is None  # still choosing
        dialog.open_button.click()

    answer(monkeypatch, open_twice)
    assert main(["gui"]) == 0  # the default data folder has no database
    assert "不是" in refusals[0] and "notes.sqlite3" in refusals[0]
    assert windows[0].store.location == existing
    # The next start opens the chosen file without asking.
    answer(monkeypatch, lambda dialog: pytest.fail("asked again"))
    assert main(["gui"]) == 0
    assert windows[1].store.location == existing


def test_the_demo_is_built_in_a_file_of_its_own_and_says_so(
    monkeypatch: pytest.MonkeyPatch, qtbot: Any, said: list[str], windows: list[Any]
) -> None:
    monkeypatch.setattr(first_start, "DEMO_SIZE", {"orgs": 12, "members": 60})

    def demo(dialog: FirstStartDialog) -> None:
        dialog.demo_button.click()  # built in the background, behind a progress dialog
        qtbot.waitUntil(lambda: dialog.store is not None, timeout=60_000)

    answer(monkeypatch, demo)
    assert main(["gui"]) == 0
    window = windows[0]
    assert Path(window.store.location) == demo_database()
    assert "演示数据" in window.windowTitle()
    assert any("演示数据" in label.text() for label in window.statusBar().findChildren(QLabel))
    from app.demo.generator import demo_counts

    assert demo_counts(window.store)["organization"] == 12
    assert not (demo_database().parent / "liangxin.sqlite3").exists()  # the real file is not made


def test_closing_the_first_start_dialog_ends_quietly(
    monkeypatch: pytest.MonkeyPatch, said: list[str]
) -> None:
    answer(monkeypatch, lambda dialog: dialog.reject())
    assert main(["gui"]) == 0 and not said


def test_a_database_that_cannot_be_opened_is_said_in_a_dialog(
    tmp_path: Path, said: list[str], windows: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "scan.sqlite3"
    bad.write_bytes(b"%PDF-1.7 not a database")
    code = main(["--db", str(bad), "gui"])
    assert code != 0 and not windows
    assert len(said) == 1 and "scan.sqlite3" in said[0]
    assert said[0] in capsys.readouterr().err  # still on stderr for a terminal


def test_an_unexpected_error_at_start_is_a_dialog_naming_the_log(
    monkeypatch: pytest.MonkeyPatch, store: Any, said: list[str]
) -> None:
    def broken(_store: Any) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(ui.launch, "run_gui", broken)
    assert main(["--db", store.location, "gui"]) == 70
    assert len(said) == 1 and "liangxin.log" in said[0] and "boom" not in said[0]


# -- the bundle's programs (build_installer.spec; .ci/run builds and runs the real thing) ----


def test_the_spec_builds_both_programs_from_entry_modules_that_exist() -> None:
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    ast.parse(spec)
    for entry in ("ui/entry_window.py", "app/entry_cli.py"):
        parts = entry.split("/")
        assert f'str(ROOT / "{parts[0]}" / "{parts[1]}")' in spec
        assert (ROOT / entry).is_file()
    assert '"liangxin", console=False' in spec
    assert '"liangxin-cli", console=True' in spec


def test_the_cli_entry_is_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    import app.entry_cli

    assert app.entry_cli.main is main
    with pytest.raises(SystemExit) as leaving:
        app.entry_cli.main(["--help"])
    assert leaving.value.code == 0 and "用法" in capsys.readouterr().out


def test_the_window_program_with_a_failing_command_says_why_in_a_dialog(
    tmp_path: Path, said: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from ui.entry_window import main as window_main

    missing = tmp_path / "gone.sqlite3"
    assert window_main(["--db", str(missing), "stats"]) == 3
    assert len(said) == 1 and "不存在" in said[0] and "gone.sqlite3" in said[0]
    assert "不存在" in capsys.readouterr().err  # and on the terminal, when there is one
    assert window_main(["--help"]) == 0 and len(said) == 1  # shown on the terminal: no dialog


def test_offscreen_nobody_is_asked_and_the_sentence_is_raised(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CI and scripts run the window offscreen: a modal dialog there would wait forever."""
    from app.errors import LiangxinError

    monkeypatch.setattr(ui.errors, "install_excepthook", lambda: None)
    monkeypatch.setattr(FirstStartDialog, "exec", lambda _d: pytest.fail("the first-start dialog was shown"))
    monkeypatch.setattr(QMessageBox, "exec", lambda _b: pytest.fail("a message box was shown"))
    with pytest.raises(LiangxinError, match="不存在"):
        first_start.run_window(str(tmp_path / "none.sqlite3"))
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database at all" * 100)
    with pytest.raises(LiangxinError, match="不是数据库文件"):
        first_start.run_window(str(broken))
