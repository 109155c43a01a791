"""The window's state files (ui.ini and the per-database window state, ui/state.py)
where they cannot be written: the folder for them is taken by a file, ui.ini is a
folder (a profile copied badly, a locked-down PC; the same failure QSettings meets on a
read-only or full disk). The window still opens, works and closes; nothing is raised;
the language falls back to Chinese."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from app.paths import data_dir
from app.store import Store


@pytest.fixture
def unwritable_state(tmp_path: Path) -> Path:
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "windows").write_text("not a folder", encoding="utf-8")  # window state cannot go here
    (folder / "ui.ini").mkdir()  # nor can ui.ini be read or written
    return folder


def test_the_window_opens_and_closes_when_its_state_cannot_be_written(
    qtbot: Any, store: Store, unwritable_state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import state
    from ui.i18n import chosen_language
    from ui.main_window import MainWindow

    bugs: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: bugs.append(error))
    monkeypatch.setattr(state, "PERSIST", True)
    monkeypatch.delenv("LIANGXIN_LANG", raising=False)
    assert chosen_language() == "zh"
    state.use_database(store.location)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.wait(50)
    window.close()  # saves geometry, page, splitters and columns: all refused by the disk
    assert bugs == []
    assert (unwritable_state / "windows").read_text(encoding="utf-8") == "not a folder"
    assert (unwritable_state / "ui.ini").is_dir()
    state.window_state().setValue("window/page", "members")  # a later write is refused quietly too
