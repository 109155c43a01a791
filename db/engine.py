"""Engines and sessions for SQLite (the default) and PostgreSQL.

SQLite: WAL, foreign keys, a busy timeout, and SQLAlchemy's documented pysqlite
recipe (the driver's own transaction handling switched off, BEGIN emitted by us) so
that DDL and SAVEPOINT are transactional. Writes begin IMMEDIATE so two writers
queue on the busy timeout instead of failing half-way.

PostgreSQL: writes queue the same way. Every write transaction's first statement
takes one transaction-level advisory lock (``WRITE_LOCK_KEY``), so nothing a write
decides on (a duplicate check, the old values its journal entries record) is read
before the previous writer has committed; reads take no lock and never wait. The
wait is bounded by ``lock_timeout`` and each connection says whose it is in
``application_name`` (station, user, host), so the one left waiting can be told who
holds the database.

Why an advisory lock rather than the journal counter row ``FOR UPDATE`` first: both
queue writers alike (4 writers × 200 edits measured the same within noise, see
bench/concurrent_writers.py), but locking a row writes to it (the tuple's xmax, so
every write transaction, even one refused by a check, gets a transaction id and
dirties the counter's page), a row lock cannot be seen in ``pg_locks`` (its holder
is found only through the tuple's xmax), and the counter table does not exist before
the first migration, while the upgrade itself should queue with the writers too.
"""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from db.journal import install_journal

BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "liangxin_write"
# SQLite page cache sizes (negative: KiB), see _on_begin.
WRITE_CACHE, READ_CACHE = -65536, -16384
# Tests shorten the wait for a locked file (so they do not sit 30 s) and shrink the
# largest file SQLite may grow to (a full disk, without filling one).
BUSY_TIMEOUT_ENV = "LIANGXIN_BUSY_TIMEOUT_MS"
MAX_PAGES_ENV = "LIANGXIN_SQLITE_MAX_PAGE_COUNT"
# How long a write on PostgreSQL waits for another writer before giving up. Read here
# (the engine is made before any setting can be read); a setting would feed it by
# putting its value in this variable before the store is opened.
LOCK_TIMEOUT_ENV = "LIANGXIN_LOCK_TIMEOUT_S"
LOCK_TIMEOUT_S = 15.0
# Any constant no other program on the server uses: "LXWR" in ASCII. Below 2**31, so
# ``pg_locks`` shows it as classid 0, objid WRITE_LOCK_KEY.
WRITE_LOCK_KEY = 0x4C585752
APPLICATION_NAME_OPTION = "liangxin_application_name"
LOCK_TIMEOUT_OPTION = "liangxin_lock_timeout_s"  # the station's setting, once it is read
# PostgreSQL keeps 63 bytes of application_name and, up to version 15, turns every
# byte outside printable ASCII into "?": other characters travel as \uXXXX.
APPLICATION_NAME_MAX = 63


def busy_timeout_ms() -> int:
    """How long a write waits for another program's lock before giving up."""
    try:
        return max(0, int(os.environ.get(BUSY_TIMEOUT_ENV, BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def lock_timeout_seconds() -> float:
    """How long a write on PostgreSQL waits for the write lock (or any row) before giving up."""
    try:
        seconds = float(os.environ.get(LOCK_TIMEOUT_ENV, LOCK_TIMEOUT_S))
    except ValueError:
        return LOCK_TIMEOUT_S
    return seconds if 0 < seconds < 86_400 else LOCK_TIMEOUT_S


def _ascii(value: str) -> str:
    return "".join(
        c if " " <= c <= "~" and c != "\\" else f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else "?" for c in value
    )


def application_name(station: str, user: str, host: str | None = None) -> str:
    """``liangxin <station> <user>@<host>`` as PostgreSQL can keep it (see
    ``shown_application_name`` for the way back); the host is cut first, then the user."""
    head = f"liangxin {_ascii(station)} "
    user_part, host_part = _ascii(user), _ascii(host if host is not None else socket.gethostname())
    room = APPLICATION_NAME_MAX - len(head) - 1
    user_part = _cut(user_part, max(room - len(host_part), room // 2))
    host_part = _cut(host_part, room - len(user_part))
    return f"{head}{user_part}@{host_part}"


def _cut(value: str, length: int) -> str:
    """``value`` to at most ``length`` characters, never in the middle of a \\uXXXX."""
    if len(value) <= length:
        return value
    cut = value[: max(length, 0)]
    tail = cut.rfind("\\u")
    return cut[:tail] if tail >= 0 and len(cut) - tail < 6 else cut


def shown_application_name(name: str) -> str:
    """An application_name as a person reads it: the \\uXXXX escapes turned back."""
    return re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), name)


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def create_db_engine(url: str, *, echo: bool = False) -> Engine:
    if not is_sqlite(url):
        return _postgresql_engine(url, echo)

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
        cursor.execute(f"PRAGMA cache_size={READ_CACHE}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        # The page cache is per connection and kept while it lives: 64 MB for a write (a
        # merge or an import writes into a dozen member indexes at once, and with too
        # small a cache each insert rereads them), 16 MB for reading, so that the window's
        # few pooled readers at district size stay well under 400 MB.
        connection.exec_driver_sql(f"PRAGMA cache_size={WRITE_CACHE if write else READ_CACHE}")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _postgresql_engine(url: str, echo: bool) -> Engine:
    # JIT off: it compiles a query whose estimated cost passes a threshold, 20–30 ms for the
    # statistics' passes, which finish in less; estimates grow with the data, answers do not.
    engine = create_engine(url, echo=echo, pool_pre_ping=True, connect_args={"options": "-c jit=off"})

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        options = connection.get_execution_options()
        if not options.get(WRITE_OPTION, False):
            return
        # One round trip: the name first (so whoever waits behind us can read it), then
        # the bound on waiting, then the lock, before the transaction reads anything.
        seconds = options.get(LOCK_TIMEOUT_OPTION) or lock_timeout_seconds()
        statements = [f"SET LOCAL lock_timeout = '{round(float(seconds) * 1000)}ms'"]
        name = options.get(APPLICATION_NAME_OPTION)
        if name:
            statements.append(f"SET LOCAL application_name = {_quoted(name)}")  # only while it writes
        statements.append(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
        connection.exec_driver_sql("; ".join(statements))

    return engine


# Who holds the write lock, or else the journal counter row (a program that writes
# without taking the lock first, or a person at psql), and since when. Neither needs
# more than the ordinary rights; another user's session shows no name or times unless
# this account may read all statistics (pg_read_all_stats), and then nothing is named.
_HOLDER = text(
    """
    SELECT a.application_name, EXTRACT(EPOCH FROM clock_timestamp() - a.xact_start), a.pid
    FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
    WHERE l.granted AND l.pid <> pg_backend_pid() AND (
        (l.locktype = 'advisory' AND l.classid = 0 AND l.objid = :key AND l.objsubid = 1
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()))
        OR (l.locktype = 'transactionid' AND l.transactionid = (
            SELECT xmax FROM counter WHERE name = 'journal')))
    ORDER BY l.locktype = 'advisory' DESC
    LIMIT 1
    """
)


def write_lock_holder(url: str) -> tuple[str, float | None] | None:
    """The application_name (as a person reads it) of whoever holds PostgreSQL's write
    lock or the journal counter row now, and for how many seconds its transaction has
    been open; ``None`` when nobody does or the server cannot be asked."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            row = conn.execute(_HOLDER, {"key": WRITE_LOCK_KEY}).first()
            conn.rollback()
    except DBAPIError:
        return None  # the sentence is still right without the name
    finally:
        engine.dispose()
    if row is None:
        return None
    name, seconds, _pid = row
    return shown_application_name(name or ""), None if seconds is None else float(seconds)


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
        self._named: dict[tuple[str, str], Engine] = {}  # write binds by (station, user)
        self.lock_timeout_s: float | None = None  # the setting; None: LIANGXIN_LOCK_TIMEOUT_S or 15 s
        install_journal(self._write)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session:
            yield session
            session.rollback()

    @contextmanager
    def write(self, *, station: str, user: str, apply_sync: bool = False) -> Iterator[Session]:
        """A write transaction; commits when the block ends normally, else rolls back.

        It holds the write lock (SQLite's, PostgreSQL's advisory one) from its first
        statement, which runs here, before the block can read anything."""
        with self._write(bind=self._write_bind(station, user)) as session:
            session.info.update(station=station, user=user, apply_sync=apply_sync)
            with session.begin():
                session.connection()  # BEGIN IMMEDIATE / the advisory lock, now
                yield session

    def lock_timeout(self) -> float:
        """How long a write waits for another's on PostgreSQL, in seconds."""
        if self.lock_timeout_s is not None and LOCK_TIMEOUT_ENV not in os.environ:
            return self.lock_timeout_s
        return lock_timeout_seconds()

    def use_lock_timeout(self, seconds: float | None) -> None:
        """The station's setting for how long a write waits for another's (PostgreSQL)."""
        if seconds != self.lock_timeout_s:
            self.lock_timeout_s = seconds
            self._named.clear()

    def _write_bind(self, station: str, user: str) -> Engine:
        bind = self._named.get((station, user))
        if bind is None:
            options: dict[str, Any] = {WRITE_OPTION: True}
            if not is_sqlite(self.engine.url.drivername):
                options[APPLICATION_NAME_OPTION] = application_name(station, user)
                # The environment (tests, scripts) wins over the stored setting.
                if self.lock_timeout_s is not None and LOCK_TIMEOUT_ENV not in os.environ:
                    options[LOCK_TIMEOUT_OPTION] = self.lock_timeout_s
            bind = self._named[(station, user)] = self.engine.execution_options(**options)
        return bind
