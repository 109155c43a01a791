"""Shared fixtures: a fresh, migrated database per test on SQLite and (where the
test asks for both engines) on a real PostgreSQL server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LIANGXIN_USER"] = "tester"

from app.store import Store, init_store

STATION = ("440307001", "南湾街道")
PG_ADMIN_URL = os.environ.get("LIANGXIN_TEST_PG", "postgresql+psycopg:///postgres")
IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIANGXIN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("LIANGXIN_DB", raising=False)


def _pg_admin_engine():  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine

    return create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")


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


@pytest.fixture
def pg_url(pg_available: None) -> Iterator[str]:
    """A brand-new PostgreSQL database for one test, dropped afterwards."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    name = f"lx_test_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin_engine()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Both engines: a SQLite file path, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "station.sqlite3")
    return request.getfixturevalue("pg_url")


def _open(url: str) -> Iterator[Store]:
    store, _ = init_store(url, *STATION)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def any_store(db_url: str) -> Iterator[Store]:
    """An initialised station on each engine."""
    yield from _open(db_url)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An initialised station on SQLite (for tests that are not about the engine)."""
    yield from _open(str(tmp_path / "station.sqlite3"))


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database, built once; tests copy it before writing."""
    from app.demo.generator import run_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    store, _ = init_store(str(path), *STATION)
    run_demo(store, orgs=400, members=3000, seed=7)
    store.close()
    return path


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
