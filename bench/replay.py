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


def replay(path: Path, calls: list[Call], *, write: bool = False) -> float:
    """Run the captured statements on a raw connection; returns the seconds taken."""
    con = sqlite3.connect(path, isolation_level=None)
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
        con.close()
