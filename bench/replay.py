"""Capture the SQL a piece of our code sends, and replay it through raw ``sqlite3``.

The replay is the floor for the same work: identical statements and rows, no
SQLAlchemy, no Python-side preparation.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

Call = tuple[str, Any, bool]


@contextmanager
def capture(engine: Engine) -> Iterator[list[Call]]:
    calls: list[Call] = []

    def on_execute(_conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, many: bool) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "PRAGMA", "SAVEPOINT", "RELEASE")):
            calls.append((statement, parameters, many))

    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        yield calls
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)


_open: dict[Path, sqlite3.Connection] = {}


def _connection(path: Path) -> sqlite3.Connection:
    """One open connection per database, reused: the floor is a query on an open
    connection with a warm SQLite cache, as the program's own pooled one is."""
    con = _open.get(path)
    if con is None:
        con = _open[path] = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        con.execute("PRAGMA foreign_keys=ON")
    return con


def replay(path: Path, calls: list[Call], *, write: bool = False) -> float:
    """Run the captured statements on a raw connection; returns the seconds taken.
    Reads reuse an open connection; a write (a fresh file each time) gets its own."""
    con = sqlite3.connect(path, isolation_level=None) if write else _connection(path)
    if write:
        con.execute("PRAGMA foreign_keys=ON")
    try:
        started = time.perf_counter()
        if write:
            con.execute("BEGIN IMMEDIATE")
        for statement, parameters, many in calls:
            if many:
                con.executemany(statement, parameters)
            else:
                con.execute(statement, parameters).fetchall()
        if write:
            con.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        if write:
            con.close()
