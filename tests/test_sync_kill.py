"""导入数据包 killed mid-way: the importing process is SIGKILLed (no cleanup of any kind
runs) and the district, opened again, holds the station's rows as they were before
the package or as they are after it, never some of it; SQLite's integrity check
passes and the journal has no holes.

The import runs in a real child process (``python -c CHILD``) on a real district
database. The child is handed the district's already opened keys over its stdin (so
that each of the fifty does not spend scrypt's two seconds opening them) and says
``ready`` just before it starts the import; the parent kills it then, after a delay.
The quick tests stop the child inside the write transaction (after the package's
rows and their journal entries are written, before it is checked and committed) so
the kill lands there every time; the slow one kills at fifty seeded random moments spread
over the import's measured duration."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.store import Store
from app.sync import apply, export, keys
from db.models import JournalEntry, Station, SyncPackage, SyncUndo
from tests.kill_helpers import KilledChild, integrity, journal_holes
from tests.sync_world import (
    PASSPHRASE,
    STATIONS,
    WorldFiles,
    build_world,
    copy_world,
    district_on,
    fast_unlock,
    opened,
    rows_of,
)

A, B, _ = (code for code, _ in STATIONS)
KILLS = 50

# The importing process. argv: database, package, receipt folder, and "pause" to stop
# inside the write transaction just after the package's rows and journal entries are written.
CHILD = r"""
import json, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
from app.store import open_store
from app.sync import apply, crypto, keys

database, package, receipts, pause = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "pause"
opened = crypto.SecretKeys(**json.loads(sys.stdin.readline()))
crypto.unlock_secrets = lambda text, passphrase: opened  # the parent opened them already

if pause:
    @event.listens_for(Engine, "before_cursor_execute")
    def _hold(conn, cursor, statement, parameters, context, many):
        # The first look at the station's refusals comes after every row (and its journal
        # entry) is written, still inside the transaction: the rows go in through the
        # driver (executemany / COPY), which no SQLAlchemy event sees.
        if statement.lstrip().upper().startswith("SELECT") and "SYNC_REFUSAL" in statement.upper():
            print("writing", flush=True)
            sys.stdin.readline()  # held here until killed

store = open_store(database)
keys.unlocked(store, "-")
print("ready", flush=True)
results = apply.import_packages(store, [package], receipt_dir=receipts)
print("done " + " ".join(r.state for r in results), flush=True)
"""


@dataclass(frozen=True)
class State:
    """What an import changes at the district, as compared before and after."""

    rows: dict[str, Any]  # both stations' rows, by table and id
    journal: int
    received: int
    history: int
    undo: int


def state_of(store: Store) -> State:
    with store.read() as session:
        received = session.scalar(select(Station.last_received_seq).where(Station.code == B))
        journal = session.scalar(select(func.count()).select_from(JournalEntry)) or 0
        history = session.scalar(select(func.count()).select_from(SyncPackage)) or 0
        undo = session.scalar(select(func.count()).select_from(SyncUndo)) or 0
    return State({A: rows_of(store, A), B: rows_of(store, B)}, journal, received or 0, history, undo)


def secrets_text(district: Store) -> str:
    opened_keys = keys.unlocked(district, PASSPHRASE)
    return json.dumps({"sign": opened_keys.sign, "age": opened_keys.age}) + "\n"


class Importer(KilledChild):
    """One importing child process."""

    def __init__(self, database: str, package: Path, receipts: Path, secrets: str, *, pause: bool) -> None:
        super().__init__(
            CHILD, database, str(package), str(receipts), "pause" if pause else "go", stdin_text=secrets
        )


@dataclass
class Scene:
    world: WorldFiles
    package: Path  # B's first package, to be imported at a district that holds A's
    district: Path  # pristine: A's package imported, B's not


def first_packages(world: WorldFiles, out: Path) -> dict[str, Path]:
    """A's and B's first packages."""
    packages = {}
    for code in (A, B):
        with opened(world.stations[code]) as station:
            packages[code] = export.export_up(station, out, passphrase=PASSPHRASE).path
    return packages


def make_scene(source: WorldFiles, folder: Path) -> Scene:
    world = copy_world(source, folder / "world")
    packages = first_packages(world, folder / "usb")
    with opened(world.district) as district:
        [first] = apply.import_packages(district, [packages[A]], passphrase=PASSPHRASE)
        assert first.state == "applied", first.message
    return Scene(world, packages[B], world.district)


def check_after_kill(path: Path, before: State, after: State) -> str:
    """Which of the two states the killed district is in; fails on anything else."""
    assert integrity(path) == "ok"
    with opened(path) as district:
        now = state_of(district)
        assert journal_holes(district) == []
    whole = now in (before, after)  # (not in the assert: pytest would print every row)
    assert whole, (
        f"the district holds part of the package: {counts(now)}, before {counts(before)}, after {counts(after)}"
    )
    return "before" if now == before else "after"


def counts(state: State) -> str:
    """A state in a line: rows per station and table, and the bookkeeping."""
    rows = {code: {t: len(r) for t, r in tables.items() if r} for code, tables in state.rows.items()}
    return f"rows {rows}, journal {state.journal}, received {state.received}, history {state.history}, undo {state.undo}"


@pytest.fixture
def scene(sync_world_files: WorldFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Scene:
    fast_unlock(monkeypatch)
    keys.forget_unlocked()
    return make_scene(sync_world_files, tmp_path)


def test_an_import_killed_inside_its_transaction_leaves_the_district_as_before(
    scene: Scene, tmp_path: Path
) -> None:
    with opened(scene.district) as district:
        before, secrets = state_of(district), secrets_text(district)
    child = Importer(str(scene.district), scene.package, tmp_path / "receipts", secrets, pause=True)
    child.said("ready")
    child.said("writing")  # organizations written, members next, nothing committed
    child.kill()
    assert check_after_kill(scene.district, before, before) == "before"
    # Started again, the same package goes in whole.
    with opened(scene.district) as district:
        [result] = apply.import_packages(district, [scene.package], write_receipts=False)
        assert result.state == "applied", result.message
        assert state_of(district).rows[B] == rows_of_station(scene.world, B)
        assert journal_holes(district) == []


def rows_of_station(world: WorldFiles, code: str) -> dict[str, Any]:
    with opened(world.stations[code]) as station:
        return rows_of(station, code)


@pytest.mark.postgres
def test_on_postgresql_an_import_killed_inside_its_transaction_leaves_the_district_as_before(
    sync_world_files: WorldFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pg_url: str
) -> None:
    fast_unlock(monkeypatch)
    keys.forget_unlocked()
    world = copy_world(sync_world_files, tmp_path / "world")
    packages = first_packages(world, tmp_path / "usb")
    district = district_on(pg_url, world)
    try:
        [first] = apply.import_packages(district, [packages[A]], passphrase=PASSPHRASE)
        assert first.state == "applied", first.message
        before, secrets = state_of(district), secrets_text(district)
        child = Importer(pg_url, packages[B], tmp_path / "receipts", secrets, pause=True)
        child.said("ready")
        child.said("writing")
        child.kill()
        assert state_of(district) == before
        assert journal_holes(district) == []
        # The server let go of the dead import's transaction and its write lock.
        [result] = apply.import_packages(district, [packages[B]], write_receipts=False)
        assert result.state == "applied", result.message
        assert state_of(district).rows[B] == rows_of_station(world, B)
        assert journal_holes(district) == []
    finally:
        district.close()


# --- fifty kills at random moments (slow) --------------------------------------------


@pytest.fixture(scope="module")
def moderate_world(tmp_path_factory: pytest.TempPathFactory) -> WorldFiles:
    """Stations with a moderate demo: B's first package is a few thousand rows."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LIANGXIN_DATA_DIR", str(tmp_path_factory.mktemp("kill-data")))
        world = build_world(tmp_path_factory.mktemp("kill-world"), orgs=300, members=2000)
    for path in (world.district, *world.stations.values()):
        con = sqlite3.connect(path)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
    return world


@pytest.mark.slow
def test_fifty_kills_at_random_moments_leave_the_district_before_or_after(
    moderate_world: WorldFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast_unlock(monkeypatch)
    keys.forget_unlocked()
    scene = make_scene(moderate_world, tmp_path)
    pristine = tmp_path / "pristine.sqlite3"
    shutil.copy(scene.district, pristine)
    with opened(pristine) as district:
        before, secrets = state_of(district), secrets_text(district)
        assert sum(len(rows) for rows in rows_of_station(scene.world, B).values()) > 2000
    target = tmp_path / "district.sqlite3"

    def fresh() -> None:
        for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        shutil.copy(pristine, target)

    # Once to its end: how long the import takes from "ready", and the state after it.
    fresh()
    child = Importer(str(target), scene.package, tmp_path / "receipts", secrets, pause=False)
    child.said("ready")
    started = time.perf_counter()
    assert child.finish() == "done applied"
    duration = time.perf_counter() - started
    with opened(target) as district:
        after = state_of(district)
    assert after != before

    rng = random.Random(20261130)
    seen = []
    for _ in range(KILLS):
        fresh()
        child = Importer(str(target), scene.package, tmp_path / "receipts", secrets, pause=False)
        child.said("ready")
        time.sleep(rng.uniform(0, duration))
        child.kill()
        seen.append(check_after_kill(target, before, after))
    print(f"{KILLS} kills over {duration:.2f} s: {seen.count('before')} before, {seen.count('after')} after")
