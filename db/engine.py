"""Engines and sessions for SQLite (the default) and PostgreSQL.

SQLite: WAL, foreign keys, a busy timeout, and SQLAlchemy's documented pysqlite
recipe (the driver's own transaction handling switched off, BEGIN emitted by us) so
that DDL and SAVEPOINT are transactional. Writes begin IMMEDIATE so two writers
queue on the busy timeout instead of failing half-way.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from db.journal import install_journal

BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "liangxin_write"
# Tests shorten the wait for a locked file (so they do not sit 30 s) and shrink the
# largest file SQLite may grow to (a full disk, without filling one).
BUSY_TIMEOUT_ENV = "LIANGXIN_BUSY_TIMEOUT_MS"
MAX_PAGES_ENV = "LIANGXIN_SQLITE_MAX_PAGE_COUNT"


def busy_timeout_ms() -> int:
    """How long a write waits for another program's lock before giving up."""
    try:
        return max(0, int(os.environ.get(BUSY_TIMEOUT_ENV, BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def create_db_engine(url: str, *, echo: bool = False) -> Engine:
    if not is_sqlite(url):
        return create_engine(url, echo=echo, pool_pre_ping=True)

    busy_ms = busy_timeout_ms()
    max_pages = os.environ.get(MAX_PAGES_ENV, "")
    engine = create_engine(url, echo=echo, connect_args={"timeout": busy_ms / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        if max_pages.isdigit():
            cursor.execute(f"PRAGMA max_page_count={int(max_pages)}")
        # FULL: a commit is on disk before the clerk is told it is saved. NORMAL could
        # lose the last commits on power loss after their journal numbers left in a package.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


class Sessions:
    """Opens one session per user action: ``with sessions.write(...) as s:``.

    Never held by a widget or shared across threads.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read = sessionmaker(engine, expire_on_commit=False, autoflush=False)
        self._write = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False, autoflush=False
        )
        install_journal(self._write)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session:
            yield session
            session.rollback()

    @contextmanager
    def write(self, *, station: str, user: str, apply_sync: bool = False) -> Iterator[Session]:
        """A write transaction; commits when the block ends normally, else rolls back."""
        with self._write() as session:
            session.info.update(station=station, user=user, apply_sync=apply_sync)
            with session.begin():
                yield session
