"""kill -9 in the middle of a clerk's large write: importing a 党员花名册 of 6,000 rows,
and undoing that import (6,000 members withdrawn). The writing process is a real child
SIGKILLed with no cleanup; afterwards the database holds the tables exactly as before
the write or exactly as after it (row counts and a digest of every row of the tables
the write touches), SQLite's integrity check passes, the journal is numbered 1..N with
its counter at N, and the program opens the file and takes the same write again.

The quick tests stop the child inside the write transaction (after the first chunk is
written, before the commit) so the kill lands there every time; the slow one kills at
fifty seeded random moments over the write's measured duration. The kill helpers are
shared with tests/test_sync_kill.py (tests/kill_helpers.py)."""

from __future__ import annotations

import csv
import random
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.domain.idcard import make_id_number
from app.ledger.history import undo_import
from app.ledger.importing import import_ledger, open_ledger
from app.store import Store, open_store
from tests.kill_helpers import KilledChild, integrity, journal_problems, table_digest

ROWS = 6_000
KILLS = 50
TABLES = ("member", "journal", "counter", "ledger_import", "community", "organization", "party_org")
# What a second run of the same write makes anew: the rows' ids, the clock's times, and
# which row gets which journal number (an undo flushes its rows in no promised order);
# the numbering itself is checked on its own (journal_problems).
VOLATILE = frozenset({"id", "row_id", "created_at", "updated_at", "at", "undone_at", "rev", "seq"})

# The writing process. argv: database, "import" CSV or "undo" IMPORT_ID, "pause" to stop
# inside the write transaction once the first rows are written.
CHILD = r"""
import sys
from app.store import open_store

database, what, arg, pause = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "pause"
store = open_store(database)
if what == "import":
    from app.ledger.importing import import_ledger_job, open_ledger
    job = import_ledger_job(store, open_ledger(store, arg, "members"))
else:
    from app.ledger.history import undo_import_job
    job = undo_import_job(store, arg)
print("ready", flush=True)
for step in job:
    if pause and step.done > 0 and step.stage in ("正在导入", "正在撤销导入"):
        print("writing", flush=True)
        sys.stdin.readline()  # held here, inside the transaction, until killed
print("done", flush=True)
"""

State = dict[str, tuple[int, str]]


def write_roster(path: Path) -> Path:
    """A roster of ROWS distinct members, every row importable."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["序号", "姓名", "性别", "身份证号码", "入党时间", "人员类别", "联系电话"])
        for i in range(ROWS):
            born = date(1950, 1, 1) + timedelta(days=2 * i)
            male = i % 2 == 1
            serial = 101 + 2 * (i % 400) + (0 if male else 1)  # odd serials are men
            name = "张" + "伟芳明华强丽"[i % 6] + "一二三四五六七八九十"[i % 10]
            number = make_id_number("440307", born, serial)
            out.writerow(
                [i + 1, name, "男" if male else "女", number, "2012-06-01", "正式党员", f"138{i:08d}"]
            )
    return path


@dataclass(frozen=True)
class Scene:
    roster: Path
    empty: Path  # the station before the import
    imported: Path  # the same after it
    import_id: str


def settle(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def state_of(path: Path | str) -> State:
    store = open_store(str(path))
    try:
        return table_digest(store, TABLES, VOLATILE)
    finally:
        store.close()


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Scene:
    folder = tmp_path_factory.mktemp("kill-writes")
    roster = write_roster(folder / "花名册.csv")
    empty, imported = folder / "empty.sqlite3", folder / "imported.sqlite3"
    shutil.copy(sqlite_template, empty)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LIANGXIN_DATA_DIR", str(folder / "data"))
        shutil.copy(empty, imported)
        store = open_store(str(imported))
        try:
            result = import_ledger(store, open_ledger(store, roster, "members"))
        finally:
            store.close()
    assert result.written == ROWS and result.import_id
    settle(empty)
    settle(imported)
    return Scene(roster, empty, imported, result.import_id)


def fresh(source: Path, target: Path) -> None:
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copy(source, target)


def check_after_kill(path: Path, before: State, after: State) -> str:
    """Which of the two states the killed database is in; fails on anything else."""
    assert integrity(path) == "ok"
    store = open_store(str(path))  # the program opens it (its own damage check included)
    try:
        assert journal_problems(store) == []
        now = table_digest(store, TABLES, VOLATILE)
    finally:
        store.close()
    assert now in (before, after), (
        f"neither before nor after: {_counts(now)}; before {_counts(before)}; after {_counts(after)}"
    )
    return "before" if now == before else "after"


def _counts(state: State) -> dict[str, int]:
    return {table: count for table, (count, _) in state.items()}


def _args(scene: Scene, what: str) -> tuple[Path, Path, str]:
    """(the database before, the database after, the child's argument) of one write."""
    if what == "import":
        return scene.empty, scene.imported, str(scene.roster)
    undone = scene.imported.with_name("undone.sqlite3")
    if not undone.exists():
        shutil.copy(scene.imported, undone)
        store = open_store(str(undone))
        try:
            undo_import(store, scene.import_id)
        finally:
            store.close()
        settle(undone)
    return scene.imported, undone, scene.import_id


@pytest.mark.parametrize("what", ["import", "undo"])
def test_a_write_killed_inside_its_transaction_leaves_the_database_as_before(
    scene: Scene, tmp_path: Path, what: str
) -> None:
    source, done, arg = _args(scene, what)
    before, after = state_of(source), state_of(done)
    target = tmp_path / "station.sqlite3"
    fresh(source, target)
    child = KilledChild(CHILD, str(target), what, arg, "pause")
    child.said("ready")
    child.said("writing")  # the first rows and their journal entries written, nothing committed
    child.kill()
    assert check_after_kill(target, before, after) == "before"
    # Started again, the same write goes through whole.
    child = KilledChild(CHILD, str(target), what, arg, "go")
    child.said("ready")
    assert child.finish() == "done"
    assert check_after_kill(target, before, after) == "after"


def test_an_import_killed_at_a_random_moment_leaves_it_before_or_after(scene: Scene, tmp_path: Path) -> None:
    before, after = state_of(scene.empty), state_of(scene.imported)
    target = tmp_path / "station.sqlite3"
    fresh(scene.empty, target)
    child = KilledChild(CHILD, str(target), "import", str(scene.roster), "go")
    child.said("ready")
    time.sleep(random.Random(7).uniform(0.05, 0.4))
    child.kill()
    check_after_kill(target, before, after)


@pytest.mark.postgres
def test_on_postgresql_an_import_killed_inside_its_transaction_leaves_it_as_before(
    scene: Scene, pg_stations: object
) -> None:
    with pg_stations.database() as url:  # type: ignore[attr-defined]
        store = open_store(url)
        try:
            before = table_digest(store, TABLES, VOLATILE)
            child = KilledChild(CHILD, url, "import", str(scene.roster), "pause")
            child.said("ready")
            child.said("writing")
            child.kill()
            assert table_digest(store, TABLES, VOLATILE) == before
            assert journal_problems(store) == []
            # The server let go of the dead import's transaction and its write lock.
            result = import_ledger(store, open_ledger(store, scene.roster, "members"))
            assert result.written == ROWS
            assert journal_problems(store) == []
            _member_count(store, ROWS)
        finally:
            store.close()


def _member_count(store: Store, expected: int) -> None:
    from sqlalchemy import func, select

    from db.models import Member

    with store.read() as session:
        assert (
            session.scalar(select(func.count()).select_from(Member).where(Member.deleted.is_(False)))
            == expected
        )


@pytest.mark.slow
def test_fifty_kills_at_random_moments_leave_the_database_before_or_after(
    scene: Scene, tmp_path: Path
) -> None:
    target = tmp_path / "station.sqlite3"
    plans = {}
    for what in ("import", "undo"):
        source, done, arg = _args(scene, what)
        fresh(source, target)
        child = KilledChild(CHILD, str(target), what, arg, "go")
        child.said("ready")
        started = time.perf_counter()
        assert child.finish() == "done"
        plans[what] = (source, arg, state_of(source), state_of(done), time.perf_counter() - started)
    rng = random.Random(20261130)
    seen: dict[str, list[str]] = {"import": [], "undo": []}
    for kill in range(KILLS):
        what = ("import", "undo")[kill % 2]
        source, arg, before, after, duration = plans[what]
        fresh(source, target)
        child = KilledChild(CHILD, str(target), what, arg, "go")
        child.said("ready")
        time.sleep(rng.uniform(0, duration))
        child.kill()
        seen[what].append(check_after_kill(target, before, after))
    for what, states in seen.items():
        print(
            f"{what}: {len(states)} kills over {plans[what][4]:.2f} s: "
            f"{states.count('before')} before, {states.count('after')} after"
        )
