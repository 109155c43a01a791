"""Demo databases for the benchmark: on SQLite built once per size and seed and
reused; on PostgreSQL built into a scratch database for the run and dropped after."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 1
# The PostgreSQL server to measure on: an account that may create databases. The
# bench makes its own (lx_bench_…) beside whatever this URL names, and drops them.
PG_ENV = "LIANGXIN_BENCH_PG"
PG_DEFAULT = "postgresql+psycopg:///postgres"

# A database to measure: a SQLite file, or a PostgreSQL URL.
Target = Path | str


@dataclass(frozen=True)
class Size:
    name: str
    orgs: int
    members: int


SIZES = {
    "small": Size("small", 150, 1_000),
    "subdistrict": Size("subdistrict", 1_500, 10_000),
    "district": Size("district", 30_000, 200_000),
}


def station(size: Size) -> tuple[str, str, str]:
    return (
        ("440307", "龙岗区", "district")
        if size.name == "district"
        else ("440307001", "南湾街道", "subdistrict")
    )


def fill(target: Target, size: Size) -> None:
    from app.demo.generator import run_demo
    from app.store import init_store

    store, _ = init_store(str(target), *station(size))
    try:
        run_demo(store, orgs=size.orgs, members=size.members, seed=SEED)
    finally:
        store.close()


def _generator_digest() -> str:
    """Changes when the demo generator or the schema changes, so a stale cache is not reused."""
    root = Path(__file__).resolve().parent.parent
    files = sorted(
        [*(root / "app" / "demo").glob("*.py"), *(root / "db" / "migrations" / "versions").glob("*.py")]
    )
    return hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()[:10]


def database(size: Size) -> Path:
    """The cached SQLite demo database of this size (built on first use)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{size.name}-seed{SEED}-{_generator_digest()}.sqlite3"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    fill(partial, size)
    con = sqlite3.connect(partial)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    partial.rename(path)
    return path


def read_whole(path: Path) -> None:
    """Warm the OS page cache, as on a PC where the program has been in use."""
    with path.open("rb") as fh:
        while fh.read(1 << 24):
            pass


# --- PostgreSQL ---------------------------------------------------------------------


def pg_server() -> str:
    return os.environ.get(PG_ENV, PG_DEFAULT)


def pg_url(name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(pg_server()).set(database=name).render_as_string(hide_password=False)


def _admin():  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine

    return create_engine(pg_server(), isolation_level="AUTOCOMMIT")


@contextmanager
def scratch_pg(name: str) -> Iterator[str]:
    """A new, empty PostgreSQL database ``name`` (one left by an interrupted run is
    replaced), dropped afterwards; yields its URL."""
    from sqlalchemy import text

    admin = _admin()
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield pg_url(name)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@contextmanager
def pg_database(size: Size) -> Iterator[str]:
    """The demo of this size in a scratch PostgreSQL database for this run, vacuumed
    as autovacuum leaves a database in daily use (visibility map set, statistics
    fresh) and read once so the server's and the OS's caches are warm."""
    from sqlalchemy import create_engine, text

    with scratch_pg(f"lx_bench_{size.name}") as url:
        fill(url, size)
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text("VACUUM (ANALYZE)"))
                tables = conn.execute(
                    text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                ).scalars()
                for table in list(tables):
                    conn.execute(text(f'SELECT count(*) FROM "{table}"'))
        finally:
            engine.dispose()
        yield url


def pg_version() -> str:
    from sqlalchemy import text

    admin = _admin()
    try:
        with admin.connect() as conn:
            return str(conn.execute(text("SHOW server_version")).scalar())
    finally:
        admin.dispose()
