"""Capture the SQL a piece of our code sends, and replay it through the raw driver:
``sqlite3`` for a SQLite file, ``psycopg`` for a PostgreSQL URL.

The replay is the floor for the same work: identical statements (as SQLAlchemy
compiled them for that engine) and parameters, no SQLAlchemy, no Python-side
preparation.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from bench.datasets import Target

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


def raw_driver(target: Target) -> str:
    """How the floor reaches the database, for the tables' wording."""
    return "raw psycopg" if isinstance(target, str) else "raw sqlite3"


def replay(target: Target, calls: list[Call], *, write: bool = False) -> float:
    """Run the captured statements through the raw driver; returns the seconds taken.
    Reads reuse an open connection; a write (a fresh database each time) gets its own."""
    if isinstance(target, str):
        return _replay_pg(target, calls, write=write)
    return _replay_sqlite(target, calls, write=write)


_open: dict[Path, sqlite3.Connection] = {}


def _connection(path: Path) -> sqlite3.Connection:
    """One open connection per database, reused: the floor is a query on an open
    connection with a warm SQLite cache, as the program's own pooled one is."""
    con = _open.get(path)
    if con is None:
        con = _open[path] = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        con.execute("PRAGMA foreign_keys=ON")
    return con


def _replay_sqlite(path: Path, calls: list[Call], *, write: bool) -> float:
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


_pg_open: dict[str, Any] = {}


def _pg_connect(url: str) -> Any:
    import psycopg
    from sqlalchemy.engine import make_url

    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    return psycopg.connect(conninfo)


def _replay_pg(url: str, calls: list[Call], *, write: bool) -> float:
    """The statements as SQLAlchemy's psycopg dialect sent them (pyformat placeholders,
    the bound values it passed), on a psycopg connection in one transaction, as the
    program's own session runs them. A read's connection stays open (and so keeps its
    prepared statements, as the program's pooled one does)."""
    con = _pg_connect(url) if write else _pg_open.get(url)
    if con is None:
        con = _pg_open[url] = _pg_connect(url)
    try:
        started = time.perf_counter()
        with con.cursor() as cur:
            for statement, parameters, many in calls:
                if many:
                    cur.executemany(statement, parameters)
                else:
                    cur.execute(statement, parameters)
                    if cur.description is not None:
                        cur.fetchall()
        con.commit()
        return time.perf_counter() - started
    finally:
        if write:
            con.close()


def close_all() -> None:
    """Close the floors' open connections (before a scratch database is dropped)."""
    for con in _pg_open.values():
        con.close()
    _pg_open.clear()
    for con in _open.values():
        con.close()
    _open.clear()
