"""Two copies of the program on one SQLite file at once: two command-line processes
saving members in a loop, and the window saving organizations while a command-line
process saves members. Every save either goes through or is refused with one Chinese
sentence saying the file is in use (its wait cut short here so that refusals happen);
afterwards the file passes SQLite's integrity check, the journal is numbered 1..N with
its counter at N, and the registers hold exactly the saves that were said to succeed."""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.services import organizations
from app.store import Store, open_store
from db.models import Member, Organization
from tests.kill_helpers import KilledChild, integrity, journal_problems

CJK = re.compile(r"[\u4e00-\u9fff]")
RAW = re.compile(r"Traceback|Error\b|Exception|sqlite3|sqlalchemy|\bSQL\b|locked")
SAVES = 30

# One program process saving members through the command line's own entry point, in a
# loop. argv: database, a name prefix, how many. Waits for a line on stdin to start, so
# that two of them begin together; prints [exit status, stderr] per save.
WRITER = r"""
import contextlib, io, json, sys
from app.cli.main import main

database, prefix, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
results = []
for i in range(count):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        name = prefix + "一二三四五六七八九十"[i % 10] + "甲乙丙丁戊己庚辛壬癸"[i // 10 % 10]
        code = main(["--db", database, "member", "add", "--name", name, "--gender", "男"])
    results.append([code, err.getvalue()])
print(json.dumps(results, ensure_ascii=False), flush=True)
"""


class Writer(KilledChild):
    def __init__(self, database: Path, prefix: str) -> None:
        super().__init__(WRITER, str(database), prefix, str(SAVES))
        self.said("ready")

    def go(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()

    def results(self) -> list[tuple[int, str]]:
        return [(code, err) for code, err in json.loads(self.finish())]


def refused_as_busy(err: str) -> None:
    """A refusal is the sentence that the file is in use, and nothing else (a save says
    it was not saved; opening the file, before any save, says to try again later)."""
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert CJK.search(lines[0]) and "占用" in lines[0] and "稍后再试" in lines[0], err
    assert not RAW.search(lines[0]), err


def check_file(path: Path, members: int, orgs: int) -> None:
    assert integrity(path) == "ok"
    store = open_store(str(path))
    try:
        assert journal_problems(store) == []
        with store.read() as session:
            assert session.scalar(select(func.count()).select_from(Member)) == members
            assert session.scalar(select(func.count()).select_from(Organization)) == orgs
    finally:
        store.close()


@pytest.fixture
def station(tmp_path: Path, sqlite_template: Path) -> Path:
    import shutil

    path = tmp_path / "station.sqlite3"
    shutil.copy(sqlite_template, path)
    return path


@pytest.mark.parametrize("wait_ms", ["30000", "20"], ids=["default_wait", "short_wait"])
def test_two_command_line_processes_saving_at_once(
    station: Path, monkeypatch: pytest.MonkeyPatch, wait_ms: str
) -> None:
    monkeypatch.setenv("LIANGXIN_BUSY_TIMEOUT_MS", wait_ms)
    first, second = Writer(station, "张"), Writer(station, "李")
    first.go()
    second.go()
    saved = 0
    for results in (first.results(), second.results()):
        for code, err in results:
            if code == 0:
                saved += 1
                assert err == ""
            else:
                assert code == 3, err
                refused_as_busy(err)
    if wait_ms == "30000":
        assert saved == 2 * SAVES  # with the normal wait, each waits its turn
    assert saved > 0
    check_file(station, saved, 0)


def test_the_window_saving_while_a_command_line_process_saves(
    qtbot: Any, station: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui import background
    from ui.register_page import RegisterPage
    from ui.registers import ORGANIZATIONS

    monkeypatch.setenv("LIANGXIN_BUSY_TIMEOUT_MS", "20")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    bugs: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: bugs.append(error))
    monkeypatch.setattr(background, "SYNCHRONOUS", True)
    store: Store = open_store(str(station))
    try:
        page = RegisterPage(store, ORGANIZATIONS, background.Background())
        qtbot.addWidget(page)
        page.reload()
        writer = Writer(station, "王")
        writer.go()
        window_saved = 0
        for i in range(SAVES):
            editor = page.editor(None)
            editor.widgets["name"].widget.setText(f"深圳市第{i + 1}号科技有限公司")  # type: ignore[attr-defined]
            before = len(warned)
            editor.try_save()
            if editor.saved is not None:
                window_saved += 1
            else:  # refused: said once, the editor still open with what was typed
                assert len(warned) == before + 1
                assert editor.widgets["name"].get() == f"深圳市第{i + 1}号科技有限公司"
                refused_as_busy(warned[-1])
            editor.close()
        results = writer.results()
        for code, err in results:
            if code != 0:
                assert code == 3, err
                refused_as_busy(err)
        cli_saved = sum(1 for code, _ in results if code == 0)
        assert window_saved + cli_saved > 0
        assert organizations.list_organizations(store).total == window_saved
    finally:
        store.close()
    assert bugs == []
    check_file(station, cli_saved, window_saved)


def test_a_second_program_waits_for_the_first_ones_long_write(station: Path) -> None:
    """While one process holds a write open (as a long import does), another's save waits
    its turn within the wait, and then goes through: nothing lost, nothing half-written."""
    holder = sqlite3.connect(station, isolation_level=None, timeout=30)
    holder.execute("BEGIN IMMEDIATE")
    writer = Writer(station, "赵")
    writer.go()
    import time

    time.sleep(0.3)  # the writer is now waiting on the lock
    holder.execute("ROLLBACK")
    holder.close()
    results = writer.results()
    assert [code for code, _ in results] == [0] * SAVES
    check_file(station, SAVES, 0)
