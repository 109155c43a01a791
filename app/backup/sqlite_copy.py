"""Copying a live SQLite database with the backup API, page by page, while others go
on writing. The copy is one consistent moment: the source connection holds a read
transaction for the whole copy (WAL lets writers carry on meanwhile), so the backup is
never restarted by their commits.

Python's ``Connection.backup`` reports its steps to a callback, which cannot yield, so
the copy runs on a thread of its own and the job reads its progress; a cancel raises
from the callback, which ends the backup at the next step."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Generator
from pathlib import Path

from app.jobs import Progress

PAGES_PER_STEP = 4096  # 16 MB at 4 KB pages: about twenty progress reports for the district


class Cancelled(Exception):
    """Raised from the progress callback: the job was closed."""


def open_target(path: Path) -> sqlite3.Connection:
    """The connection the copy is written through (tests make it small to fill it)."""
    return sqlite3.connect(str(path))


def copy_pages(source: Path, target: Path, stage: str) -> Generator[Progress, None, None]:
    """Copy ``source`` into the new file ``target`` (which the caller removes on any
    failure), yielding progress; the copy is left in rollback-journal mode so that it is
    one self-contained file."""
    state: dict[str, object] = {"done": 0, "total": 0, "error": None}
    cancel = threading.Event()
    progressed = threading.Event()

    def report(_status: int, remaining: int, total: int) -> None:
        state["done"], state["total"] = total - remaining, total
        progressed.set()
        if cancel.is_set():
            raise Cancelled

    def work() -> None:
        src = dst = None
        try:
            src = sqlite3.connect(str(source), isolation_level=None, check_same_thread=False)
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts here
            dst = open_target(target)
            src.backup(dst, pages=PAGES_PER_STEP, progress=report)
            dst.execute("PRAGMA journal_mode=DELETE")
            dst.commit()
        except BaseException as exc:  # handed to the job, which raises it there
            state["error"] = exc
        finally:
            for con in (dst, src):
                if con is not None:
                    with contextlib.suppress(sqlite3.Error):
                        con.close()
            progressed.set()

    thread = threading.Thread(target=work, name="liangxin-backup", daemon=True)
    thread.start()
    try:
        while thread.is_alive():
            progressed.wait(0.2)
            progressed.clear()
            total = int(state["total"])  # type: ignore[call-overload]
            yield Progress(stage, int(state["done"]), max(total, 1))  # type: ignore[call-overload]
    finally:
        cancel.set()  # closed early: the copy stops at its next step
        thread.join()
    error = state["error"]
    if isinstance(error, BaseException):
        raise error
    _sync(target)


def _sync(path: Path) -> None:
    """The copy on the disk (a USB stick pulled out right after is still good)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """The rename on the disk too (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
