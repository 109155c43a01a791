"""Shared fixtures: a fresh, migrated database per test on SQLite and (where the
test asks for both engines) on a real PostgreSQL server.

Migrating is most of what setting up a test costs, so each engine is migrated once
per session into a template and every test gets its own copy: a file copy on SQLite,
``CREATE DATABASE … TEMPLATE`` on PostgreSQL (made one ahead, see _PgDatabases).
Tests about migrating and initialising (``db_url``, ``pg_url``) still start from an
empty database and migrate for real."""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LIANGXIN_USER"] = "tester"

from app.store import Store, init_store, open_store

STATION = ("440307001", "南湾街道")
PG_ADMIN_URL = os.environ.get("LIANGXIN_TEST_PG", "postgresql+psycopg:///postgres")
IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIANGXIN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("LIANGXIN_DB", raising=False)


def _pg_admin_engine():  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine

    # pre-ping: a test restarts the server, and an idle admin connection must not be the casualty
    return create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=True)


def _pg_reason() -> str | None:
    try:
        engine = _pg_admin_engine()
        with engine.connect():
            pass
        engine.dispose()
        return None
    except Exception as exc:  # any failure to connect means "no server here"
        return f"no PostgreSQL server at {PG_ADMIN_URL}: {type(exc).__name__}"


@pytest.fixture(scope="session")
def pg_available() -> None:
    reason = _pg_reason()
    if reason is None:
        return
    if IN_CI:
        pytest.fail(f"PostgreSQL tests are mandatory in CI, but {reason}")
    pytest.skip(reason)


def _pg_url(name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


class _PgDatabases:
    """New PostgreSQL databases for tests: empty, or copies of ``template``.

    CREATE and DROP DATABASE wait on the server's disk (0.1–0.4 s here, longer than
    most tests' own work), so a worker thread keeps a few databases made ahead (made
    while other tests run) and drops them after: a test takes one ready-made."""

    AHEAD = 3  # enough for a run of quick tests in a row

    def __init__(self, template: str | None = None) -> None:
        self.template = template
        self.admin = _pg_admin_engine()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-create")
        self.ahead: deque[Future[str]] = deque()
        self.dropping: list[Future[None]] = []

    def _create(self) -> str:
        from sqlalchemy import text

        name = f"lx_test_{uuid.uuid4().hex[:12]}"
        copy_of = f' TEMPLATE "{self.template}"' if self.template else ""
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{copy_of}'))
        return name

    def drop(self, name: str) -> None:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    @contextmanager
    def database(self) -> Iterator[str]:
        """One test's database (its URL), dropped afterwards."""
        name = self.ahead.popleft().result() if self.ahead else self._create()
        while len(self.ahead) < self.AHEAD:
            self.ahead.append(self.worker.submit(self._create))
        try:
            yield _pg_url(name)
        finally:
            self.dropping.append(self.worker.submit(self.drop, name))

    def close(self) -> None:
        try:
            while self.ahead:
                self.drop(self.ahead.popleft().result())
            for dropped in self.dropping:
                dropped.result()  # a database left behind is an error, not a silence
        finally:
            self.worker.shutdown()
            self.admin.dispose()


@pytest.fixture(scope="session")
def _empty_pg(pg_available: None) -> Iterator[_PgDatabases]:
    databases = _PgDatabases()
    yield databases
    databases.close()


@pytest.fixture
def pg_url(_empty_pg: _PgDatabases) -> Iterator[str]:
    """A brand-new, empty PostgreSQL database for one test, dropped afterwards."""
    with _empty_pg.database() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Both engines, empty: a SQLite file path, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "station.sqlite3")
    return request.getfixturevalue("pg_url")


def _settled(path: Path) -> Path:
    """Everything in the main file, so that copying that one file copies the database.

    ``Store.close`` closes the last connection, which checkpoints the WAL and removes it;
    checkpoint again anyway, and fail loudly rather than hand out copies missing rows."""
    conn = sqlite3.connect(str(path))
    try:
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    wal = path.with_name(path.name + "-wal")
    assert busy == 0 and (not wal.exists() or wal.stat().st_size == 0), f"{path} is still in use"
    return path


@contextmanager
def _building(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """While a session fixture builds: a data directory of its own, neither the user's
    nor (when a test asked for the fixture) that test's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LIANGXIN_DATA_DIR", str(tmp_path_factory.mktemp("session-data")))
        patch.delenv("LIANGXIN_DB", raising=False)
        yield


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The station migrated and registered once; tests get copies."""
    path = tmp_path_factory.mktemp("template") / "station.sqlite3"
    with _building(tmp_path_factory):
        store, _ = init_store(str(path), *STATION)
        store.close()
    return _settled(path)


@pytest.fixture(scope="session")
def pg_stations(pg_available: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[_PgDatabases]:
    """The station migrated and registered once in a PostgreSQL template database;
    tests get copies of it."""
    template = _PgDatabases()
    name = template._create()
    try:
        with _building(tmp_path_factory):
            store, _ = init_store(_pg_url(name), *STATION)
            # CREATE DATABASE … TEMPLATE refuses a template anyone is connected to.
            store.close()
        copies = _PgDatabases(name)
        try:
            yield copies
        finally:
            copies.close()  # before the template goes: a copy may be under way
    finally:
        template.drop(name)
        template.close()


@pytest.fixture(scope="session")
def sync_world_files(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A district and three enrolled sub-districts with demo data (tests/sync_world.py),
    built once per session; tests copy it with ``copy_world``."""
    from tests.sync_world import build_world

    with _building(tmp_path_factory):
        world = build_world(tmp_path_factory.mktemp("sync-world"))
    for path in (world.district, *world.stations.values()):
        _settled(path)
    return world


def _copy_of_template(template: Path, target: Path) -> Iterator[Store]:
    shutil.copy(template, target)
    store = open_store(str(target))
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An initialised station on each engine."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        yield from _copy_of_template(template, tmp_path / "station.sqlite3")
        return
    with request.getfixturevalue("pg_stations").database() as url:
        store = open_store(url)
        try:
            yield store
        finally:
            store.close()


@pytest.fixture
def store(tmp_path: Path, sqlite_template: Path) -> Iterator[Store]:
    """An initialised station on SQLite (for tests that are not about the engine)."""
    yield from _copy_of_template(sqlite_template, tmp_path / "station.sqlite3")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """A small demo database, built once; tests copy it before writing."""
    from app.demo.generator import run_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copy(sqlite_template, path)
    with _building(tmp_path_factory):
        store = open_store(str(path))
        run_demo(store, orgs=400, members=3000, seed=7)
        store.close()
    return _settled(path)


@pytest.fixture
def demo_store(demo_db: Path, tmp_path: Path) -> Iterator[Store]:
    """This test's own copy of the demo database, open."""
    yield from _copy_of_template(demo_db, tmp_path / "demo.sqlite3")


@pytest.fixture(autouse=True)
def _no_unexpected_dialogs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the run: fail instead, naming it.
    Tests that expect a dialog patch it themselves (their patch wins)."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QMessageBox

    def unexpected(*args: object, **kwargs: object) -> None:
        texts = [a for a in args if isinstance(a, str)]
        raise AssertionError(f"unexpected modal dialog: {texts}")

    for name in ("warning", "question", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, unexpected)
    monkeypatch.setattr(QMessageBox, "exec", unexpected)


@pytest.fixture
def synchronous(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's background work run inline, so a test sees its result at once."""
    from ui import background

    monkeypatch.setattr(background, "SYNCHRONOUS", True)
