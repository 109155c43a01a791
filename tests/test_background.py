"""ui/background.py: reads side by side with stale results dropped, one write lane,
jobs with a progress dialog whose cancel leaves nothing behind, and errors that
reach the person as a sentence (refusals) or as a bug report (everything else)."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from app.changes import ORGANIZATION, Changes
from app.errors import LiangxinError
from app.jobs import Job, Progress
from app.store import Store
from db.models import Community
from ui import background
from ui.background import Background


@pytest.fixture
def bugs(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """What reached the excepthook (in the program: the 程序出错了 dialog and the log)."""
    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: seen.append(error))
    return seen


def _wait(qtbot: Any, runner: Background, until: Any) -> None:
    qtbot.waitUntil(lambda: bool(until()), timeout=10_000)
    runner.wait()


def test_a_stale_read_is_dropped_and_the_newest_shown(qtbot: Any) -> None:
    runner = Background()
    shown: list[str] = []
    runner.read("ids", lambda: (time.sleep(0.3), "张")[1], shown.append)
    runner.read("ids", lambda: "张伟", shown.append)
    _wait(qtbot, runner, lambda: shown)
    qtbot.wait(400)
    assert shown == ["张伟"]


def test_writes_run_one_at_a_time_in_the_order_asked(qtbot: Any) -> None:
    runner = Background()
    order: list[int] = []
    threads: set[int] = set()
    running = threading.Semaphore(1)

    def write(n: int) -> int:
        assert running.acquire(blocking=False), "two writes ran at once"
        try:
            threads.add(threading.get_ident())
            time.sleep(0.02)
            return n
        finally:
            running.release()

    for n in range(8):
        runner.write(lambda n=n: write(n), order.append)
    _wait(qtbot, runner, lambda: len(order) == 8)
    assert order == list(range(8))
    assert len(threads) == 1 and threading.get_ident() not in threads


def test_a_refusal_goes_to_on_error_or_to_the_window(qtbot: Any, bugs: list[BaseException]) -> None:
    runner = Background()
    refused: list[str] = []
    told: list[str] = []
    runner.problem.connect(told.append)

    def refuse() -> None:
        raise LiangxinError("不能保存：名称重复。")

    runner.write(refuse, on_error=lambda exc: refused.append(exc.message))
    runner.write(refuse)
    _wait(qtbot, runner, lambda: refused and told)
    assert refused == ["不能保存：名称重复。"] and told == ["不能保存：名称重复。"]
    assert bugs == []


def test_an_unexpected_error_or_a_callback_that_raises_is_reported_as_a_bug(
    qtbot: Any, bugs: list[BaseException]
) -> None:
    runner = Background()
    refused: list[Any] = []

    def crash() -> None:
        raise ZeroDivisionError("division by zero")

    def broken_callback(_: Any) -> None:
        raise KeyError("bug in the page")

    def exits() -> None:
        raise SystemExit(3)  # not an Exception: must not vanish either

    runner.read("a", crash, lambda _: None, refused.append)
    runner.read("b", lambda: 1, broken_callback, refused.append)
    runner.write(exits, lambda _: None, refused.append)
    _wait(qtbot, runner, lambda: len(bugs) == 3)
    assert sorted(type(b).__name__ for b in bugs) == ["KeyError", "SystemExit", "ZeroDivisionError"]
    assert refused == [], "a bug must not be shown as a refusal (查询失败)"


def test_a_write_announces_what_it_changed_only_when_it_succeeded(qtbot: Any) -> None:
    runner = Background()
    announced: list[Changes] = []
    runner.changed.connect(announced.append)
    runner.write(lambda: 1, changes=Changes.of(ORGANIZATION))

    def refuse() -> None:
        raise LiangxinError("refused")

    runner.write(refuse, on_error=lambda _: None, changes=Changes.of(ORGANIZATION))
    _wait(qtbot, runner, lambda: announced)
    qtbot.wait(50)
    assert [c.kinds for c in announced] == [frozenset({ORGANIZATION})]


def test_a_dialog_waits_for_its_write_and_gets_the_refusal_itself(qtbot: Any) -> None:
    runner = Background()
    assert runner.call(lambda: 41 + 1) == 42

    def refuse() -> None:
        raise LiangxinError("统一社会信用代码重复")

    with pytest.raises(LiangxinError, match="重复"):
        runner.call(refuse)


def _insert_job(store: Store, names: list[str], started: threading.Event, gate: threading.Event) -> Job[int]:
    """Adds communities one by one in ONE transaction, yielding after each."""
    with store.write() as session:
        for i, name in enumerate(names):
            session.add(Community(name=name))
            session.flush()
            yield Progress("正在写入两新组织", i + 1, len(names))
            started.set()
            gate.wait(5)
    return len(names)


def _count(store: Store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(Community)) or 0


def test_cancelling_a_job_leaves_the_database_as_it_was(qtbot: Any, store: Store) -> None:
    with store.write() as session:
        session.add(Community(name="先有的社区"))
    runner = Background()
    started, gate = threading.Event(), threading.Event()
    results: list[Any] = []
    cancelled: list[bool] = []
    run = runner.job(
        None,
        "写入",
        lambda: _insert_job(store, [f"社区{i}" for i in range(5)], started, gate),
        results.append,
        writes=True,
        on_cancel=lambda: cancelled.append(True),
    )
    assert started.wait(5)
    run.cancel.set()  # what the dialog's 取消 does
    gate.set()
    _wait(qtbot, runner, lambda: cancelled)
    assert results == [] and run.cancelled
    assert _count(store) == 1


def test_a_job_run_to_the_end_returns_its_result_and_announces_its_changes(qtbot: Any, store: Store) -> None:
    runner = Background()
    started, gate = threading.Event(), threading.Event()
    gate.set()
    results: list[Any] = []
    announced: list[Changes] = []
    runner.changed.connect(announced.append)
    runner.job(
        None,
        "写入",
        lambda: _insert_job(store, ["甲社区", "乙社区"], started, gate),
        results.append,
        writes=True,
        changes=Changes.of(ORGANIZATION),
    )
    _wait(qtbot, runner, lambda: results)
    assert results == [2] and _count(store) == 2
    assert announced and announced[0].touches(ORGANIZATION)


def test_synchronous_mode_runs_inline(monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    monkeypatch.setattr(background, "SYNCHRONOUS", True)
    runner = Background()
    shown: list[int] = []
    runner.read("x", lambda: 1, shown.append)
    runner.write(lambda: 2, shown.append)

    def steps() -> Iterator[Progress]:
        yield Progress("一", 1, 2)
        yield Progress("二", 2, 2)
        return 3  # type: ignore[misc]

    runner.job(None, "作业", steps, shown.append)
    assert shown == [1, 2, 3]


def test_cancelling_a_batch_print_from_the_window_leaves_no_file(
    qtbot: Any, demo_db: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch, bugs: list[BaseException]
) -> None:
    import hashlib
    import shutil

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from app.services import appraisals
    from app.store import open_store
    from ui.appraisal_page import AppraisalPage

    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db, path)
    store = open_store(str(path))
    try:
        page = AppraisalPage(store, Background())
        qtbot.addWidget(page)
        page.open_after_export = False
        code = page.template.currentData()
        appraisals.start_appraisals(store, code, page.year.value(), None)
        page.reload()
        assert len(page.rows) > 20
        target = tmp_path / "out" / "考核表.pdf"
        target.parent.mkdir()
        target.write_bytes(b"the clerk's earlier file")
        before = hashlib.sha256(target.read_bytes()).hexdigest()
        monkeypatch.setattr(page, "ask_save_path", lambda *a: str(target))
        said: list[str] = []
        page.status.connect(said.append)
        page.print_forms(every=True)
        dialog = page.findChild(QProgressDialog)
        assert dialog is not None
        [button] = dialog.findChildren(QPushButton)
        assert button.text() == "取消"
        button.click()
        # It stays up, saying so, until the job has stopped: the window is not handed back early.
        assert dialog.isVisible() and dialog.labelText() == "正在取消……" and not button.isEnabled()
        qtbot.waitUntil(lambda: any("取消" in s for s in said), timeout=20_000)
        page.runner.wait()
        assert hashlib.sha256(target.read_bytes()).hexdigest() == before
        assert sorted(p.name for p in target.parent.iterdir()) == ["考核表.pdf"]
        assert bugs == []
    finally:
        store.close()


def test_a_bug_in_the_window_is_logged_and_said_in_one_dialog(
    qtbot: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading as threads

    from ui import errors

    monkeypatch.setenv("LIANGXIN_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threads, "excepthook", threads.excepthook)
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_bug_dialog", shown.append)
    errors.install_excepthook()
    runner = Background()

    def broken(_: Any) -> None:
        {}["missing key"]  # a bug in a page's callback

    runner.read("x", lambda: 1, broken)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    [sentence] = shown
    log = tmp_path / "logs" / "liangxin.log"
    assert str(log) in sentence and "KeyError" not in sentence and "Traceback" not in sentence
    assert "KeyError" in log.read_text(encoding="utf-8") and "Traceback" in log.read_text(encoding="utf-8")
