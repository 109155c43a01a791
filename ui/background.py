"""One way to run work off the GUI thread.

- ``read(channel, fn, on_done)``: reads run side by side on the shared pool. Each
  caller names a *channel*; a newer request on the same channel makes older results
  stale, and a stale result is dropped, never shown (typing 张 then 张伟 ends on 张伟).
- ``write(fn, on_done, changes=…)``: every write from the window goes through one
  lane, a single worker, so two saves from the same window never race each other;
  after a write succeeds the change record is announced (``changed``) and the main
  window hands it to the pages that show that kind of data.
- ``job(parent, title, make_job, on_done)``: long work (batch printing, exports,
  the demo) as an ``app.jobs`` generator, run with a progress dialog whose 取消
  closes the generator on its own thread, which leaves the database and the target
  files as they were.

Errors: a ``LiangxinError`` goes to ``on_error`` (or, without one, to the window as a
message); anything else is a bug and goes to ``sys.excepthook`` — in the program
that is ``ui.errors``' dialog and log, in the tests pytest-qt's failure. A callback
that raises is a bug too, reported as one, never as "查询失败".

Tests switch ``SYNCHRONOUS`` on to run reads and writes inline.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from app.changes import Changes
from app.errors import LiangxinError
from app.jobs import Job, Progress
from ui.i18n import t

SYNCHRONOUS = False

ChangesOf = Changes | Callable[[Any], Changes] | None


def report_bug(error: BaseException) -> None:
    """An exception nobody expected: to the installed excepthook (dialog and log)."""
    sys.excepthook(type(error), error, error.__traceback__)


class _Relay(QObject):
    finished = Signal(object, object, object)  # deliver, result, error
    progress = Signal(object, object)  # runner id, Progress


class _Call(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, deliver: Callable[[Any, Any], None]) -> None:
        super().__init__()
        self.fn, self.relay, self.deliver = fn, relay, deliver

    def run(self) -> None:
        try:
            result, error = self.fn(), None
        except BaseException as exc:  # delivered to the GUI thread, reported there
            result, error = None, exc
        # RuntimeError: the window that asked has been closed; there is nobody to tell.
        with contextlib.suppress(RuntimeError):
            self.relay.finished.emit(self.deliver, result, error)


class JobDialog(QProgressDialog):
    """The job's progress: count, what it is doing, and 取消 (Esc too). After 取消 it
    stays up saying 正在取消…… until the job has stopped (Qt's own cancel hides it,
    which would hand the window back while the job still runs)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.canceled.connect(self._cancelling)  # after Qt's own cancel(), which hides

    def reject(self) -> None:
        self.canceled.emit()

    def _cancelling(self) -> None:
        self.setLabelText(t("正在取消……"))
        self.setRange(0, 0)
        for button in self.findChildren(QPushButton):
            button.setEnabled(False)
        self.show()


class JobRun:
    """One job under way: its generator, the cancel flag the dialog sets, its result."""

    def __init__(self, make: Callable[[], Job[Any]]) -> None:
        self.make = make
        self.cancel = threading.Event()
        self.cancelled = False

    def __call__(self, on_progress: Callable[[Progress], Any]) -> Any:
        job = self.make()
        if not isinstance(job, Generator):
            return job  # work that reports no progress: it ran, and this is its result
        try:
            while True:
                if self.cancel.is_set():
                    job.close()  # GeneratorExit inside the job: its transaction rolls back
                    self.cancelled = True
                    return None
                try:
                    step = next(job)
                except StopIteration as stop:
                    return stop.value
                on_progress(step)
        finally:
            job.close()


class Background(QObject):
    changed = Signal(object)  # Changes, after a write or a job that writes succeeded
    problem = Signal(str)  # a LiangxinError nobody else took: one sentence for the window

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation: dict[str, int] = {}
        self._relay = _Relay(self)
        self._relay.finished.connect(lambda deliver, result, error: deliver(result, error))
        self._relay.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._dialogs: dict[int, QProgressDialog] = {}
        self._runs: set[JobRun] = set()
        self.reads = QThreadPool.globalInstance()
        self.lane = QThreadPool(self)
        self.lane.setMaxThreadCount(1)  # the write lane: one writer, in order
        self.lane.setExpiryTimeout(-1)

    # -- delivery -------------------------------------------------------------------------
    def _deliver(
        self,
        result: Any,
        error: BaseException | None,
        on_done: Callable[[Any], Any] | None,
        on_error: Callable[[LiangxinError], Any] | None,
        changes: ChangesOf = None,
    ) -> None:
        if error is None:
            try:
                if on_done is not None:
                    on_done(result)
            except Exception as bug:  # a callback that raises is a bug, said as one
                report_bug(bug)
            if changes is not None:
                record = changes(result) if callable(changes) else changes
                if record:
                    self.changed.emit(record)
            return
        if isinstance(error, LiangxinError):
            if on_error is not None:
                try:
                    on_error(error)
                except Exception as bug:
                    report_bug(bug)
            else:
                self.problem.emit(error.message)
        else:  # a bug, or SystemExit/KeyboardInterrupt on a worker: never dropped silently
            report_bug(error)

    def _start(self, pool: QThreadPool, fn: Callable[[], Any], deliver: Callable[[Any, Any], None]) -> None:
        if SYNCHRONOUS:
            try:
                result, error = fn(), None
            except Exception as exc:
                result, error = None, exc
            deliver(result, error)
            return
        pool.start(_Call(fn, self._relay, deliver))

    # -- the three ways ---------------------------------------------------------------------
    def read(
        self,
        channel: str,
        fn: Callable[[], Any],
        on_done: Callable[[Any], Any],
        on_error: Callable[[LiangxinError], Any] | None = None,
    ) -> None:
        generation = self._generation.get(channel, 0) + 1
        self._generation[channel] = generation

        def deliver(result: Any, error: BaseException | None) -> None:
            if self._generation.get(channel) != generation:
                return  # a newer request on this channel has been made
            self._deliver(result, error, on_done, on_error)

        self._start(self.reads, fn, deliver)

    run = read  # the name the pages used before the write lane existed

    def write(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], Any] | None = None,
        on_error: Callable[[LiangxinError], Any] | None = None,
        changes: ChangesOf = None,
    ) -> None:
        """One user action's write, in the write lane; ``changes`` (or a function of the
        result) says what it changed, announced once it succeeded."""
        self._start(
            self.lane, fn, lambda result, error: self._deliver(result, error, on_done, on_error, changes)
        )

    def call(self, fn: Callable[[], Any], changes: ChangesOf = None) -> Any:
        """A write a dialog waits for (an editor's 保存): run in the write lane while a
        local event loop keeps the window painting; returns the result or raises the
        error in the caller, who knows which field to mark."""
        if SYNCHRONOUS:
            result = fn()
        else:
            outcome: dict[str, Any] = {}
            loop = QEventLoop()

            def deliver(result: Any, error: BaseException | None) -> None:
                outcome.update(result=result, error=error)
                loop.quit()

            self.lane.start(_Call(fn, self._relay, deliver))
            if not outcome:
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            if outcome["error"] is not None:
                raise outcome["error"]
            result = outcome["result"]
        record = changes(result) if callable(changes) else changes
        if record:
            self.changed.emit(record)
        return result

    def job(
        self,
        parent: QWidget | None,
        title: str,
        make: Callable[[], Job[Any]],
        on_done: Callable[[Any], Any] | None = None,
        on_error: Callable[[LiangxinError], Any] | None = None,
        *,
        writes: bool = False,
        changes: ChangesOf = None,
        on_cancel: Callable[[], Any] | None = None,
    ) -> JobRun:
        """Run a job with a progress dialog (count, what it is doing, 取消)."""
        run = JobRun(make)
        dialog = JobDialog(title, t("取消"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)  # a quick job shows no dialog at all
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(run.cancel.set)
        key = id(run)
        self._runs.add(run)
        self._dialogs[key] = dialog
        relay = self._relay

        def body() -> Any:
            return run(lambda step: relay.progress.emit(key, step))

        def finish(result: Any, error: BaseException | None) -> None:
            self._dialogs.pop(key, None)
            self._runs.discard(run)
            dialog.close()
            dialog.deleteLater()
            if run.cancelled and error is None:
                if on_cancel is not None:
                    on_cancel()
                return
            self._deliver(result, error, on_done, on_error, changes)

        if SYNCHRONOUS:
            try:
                result, error = run(lambda step: self._on_progress(key, step)), None
            except Exception as exc:
                result, error = None, exc
            finish(result, error)
        else:
            (self.lane if writes else self.reads).start(_Call(body, self._relay, finish))
        return run

    def _on_progress(self, key: int, step: Progress) -> None:
        dialog = self._dialogs.get(key)
        if dialog is None or dialog.wasCanceled():
            return
        dialog.setMaximum(max(step.total, 0))
        dialog.setValue(min(step.done, step.total) if step.total else 0)
        count = f"（{step.done:,} / {step.total:,}）" if step.total > 1 else ""
        dialog.setLabelText(t(step.stage) + count)

    def cancel_jobs(self) -> None:
        """Ask every job under way to stop (the window is closing)."""
        for run in list(self._runs):
            run.cancel.set()

    def wait(self, msecs: int = 30_000) -> bool:
        """Let every queued read and write finish (closing the window, tests)."""
        return self.lane.waitForDone(msecs) and self.reads.waitForDone(msecs)


def write_through(widget: Any, action: Callable[[], Any], changes: ChangesOf = None) -> Any:
    """A dialog's write, through the write lane of the page (or window) it belongs to:
    the nearest parent with a ``runner``. A dialog made on its own (tests) writes directly."""
    holder = widget
    while holder is not None:
        runner = getattr(holder, "runner", None)
        if isinstance(runner, Background):
            return runner.call(action, changes)
        holder = holder.parent()
    return action()
