"""数据交换 at scale: a sub-district's export, the district's merge of many stations'
packages, and the re-import of the same packages, each beside a floor.

The world (a district with its sub-districts enrolled, each sub-district's demo data
and its first up package) is built once through the same services a person uses and
kept in ``bench/.cache`` (keyed by size and by the source of the demo, the schema and
the sync code): 20 sub-districts of 1,500 organizations and 10,000 members take a
couple of minutes, most of it scrypt (about 2 s per key locked). Every timed merge
starts from a fresh copy of the enrolled, empty district at the same place (the same
file path, or the same PostgreSQL database name), so the district's keys, opened once
in the set-up, stay open in this process and no scrypt is timed.

On PostgreSQL the district is the same district moved onto the server: initialised
there by ``init_store`` and given the SQLite district's keyring and station rows
(the packages are encrypted to those keys); only the merge and the re-import run
there, as a sub-district's export is of its own SQLite file."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.datasets import CACHE, SEED, Size, Target, pg_server, pg_url

PASSPHRASE = "两新数据交换bench"
DISTRICT = ("440307", "龙岗区")
FIRST_STATION = 440307001

# What a run leaves open or on disk (stores, scratch databases and folders), undone by
# close_all at the end of the run.
_cleanups: list[Callable[[], Any]] = []


def close_all() -> None:
    """Undo what the run left, last first; one failing (a server restarted meanwhile)
    does not keep the others from running."""
    while _cleanups:
        try:
            _cleanups.pop()()
        except Exception as exc:  # reported, and the rest still cleaned up
            print(f"  sync: clean-up failed: {type(exc).__name__}: {exc}", file=sys.stderr)


@dataclass(frozen=True)
class Plan:
    """How many sub-districts, each how big."""

    stations: int
    orgs: int
    members: int


def plan_for(size: Size) -> Plan:
    """small: a few small stations (CI runs it on both engines); otherwise the issue's
    figure, 20 sub-districts of 1,500 organizations and 10,000 members each (together
    the district size)."""
    if size.name == "small":
        return Plan(3, size.orgs, size.members)
    return Plan(20, 1_500, 10_000)


@dataclass
class World:
    folder: Path
    district: Path  # enrolled sub-districts, keys made, no data
    station: Path  # the first sub-district, with its demo data: what is exported
    packages: list[Path]
    rows: int  # changes in all packages


def _digest() -> str:
    """Changes with the demo generator, the schema and the code that makes keys and
    packages (not with the import's, which is what is measured)."""
    root = Path(__file__).resolve().parent.parent
    makers = ("crypto", "export", "keyfiles", "keys", "package", "rows")
    files = sorted(
        [
            *(root / "app" / "demo").glob("*.py"),
            *(root / "app" / "sync" / f"{name}.py" for name in makers),
            *(root / "db" / "migrations" / "versions").glob("*.py"),
        ]
    )
    return hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()[:10]


def _settle(path: Path) -> None:
    """Everything in the main file, so that copying the file copies the database."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def station_code(n: int) -> str:
    return str(FIRST_STATION + n)


def _build(folder: Path, plan: Plan) -> World:
    from app.demo.generator import fill_demo
    from app.jobs import run_job
    from app.store import init_store
    from app.sync import export, keys

    folder.mkdir(parents=True)
    out = folder / "packages"
    district_path = folder / "district.sqlite3"
    district, _ = init_store(str(district_path), *DISTRICT, role="district")
    keys.init_keys(district, PASSPHRASE)
    packages, rows = [], 0
    for n in range(plan.stations):
        code, name = station_code(n), f"第{n + 1}街道"
        started = time.perf_counter()
        enrolment = folder / f"{code}.enrol"
        keys.add_station(district, code, name, enrolment_out=enrolment)
        path = folder / f"{code}.sqlite3"
        station, _ = init_store(str(path), code, name)
        try:
            run_job(fill_demo(station, orgs=plan.orgs, members=plan.members, seed=SEED + n))
            keys.enrol(station, enrolment, PASSPHRASE)
            public = folder / f"{code}.pub.json"
            keys.export_public(station, public)
            keys.add_station(district, code, pubkey_file=public)
            made = export.export_up(station, out)
        finally:
            station.close()
        packages.append(made.path)
        rows += made.rows
        print(
            f"  sync: station {n + 1}/{plan.stations} built ({made.rows:,} rows, "
            f"{time.perf_counter() - started:.1f} s)",
            flush=True,
        )
        if n:
            path.unlink()  # only the first is exported again; the others live in their packages
    district.close()
    for path in (district_path, folder / f"{station_code(0)}.sqlite3"):
        _settle(path)
    (folder / "world.json").write_text(
        json.dumps({"packages": [p.name for p in packages], "rows": rows}), encoding="utf-8"
    )
    return _load(folder)


def _load(folder: Path) -> World:
    meta = json.loads((folder / "world.json").read_text(encoding="utf-8"))
    return World(
        folder,
        folder / "district.sqlite3",
        folder / f"{station_code(0)}.sqlite3",
        [folder / "packages" / name for name in meta["packages"]],
        meta["rows"],
    )


def world(size: Size) -> World:
    """The cached world of this size (built on first use)."""
    plan = plan_for(size)
    CACHE.mkdir(exist_ok=True)
    folder = CACHE / f"sync-{plan.stations}x{plan.orgs}-seed{SEED}-{_digest()}"
    if (folder / "world.json").exists():
        return _load(folder)
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    print(f"  sync: building {plan.stations} sub-districts of {plan.orgs:,} / {plan.members:,}", flush=True)
    _build(partial, plan)
    partial.rename(folder)
    return _load(folder)


def _copy_sqlite(source: Path, target: Path) -> None:
    for leftover in (target, target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copy(source, target)


def _timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


# --- export ------------------------------------------------------------------------


def export_scenarios(w: World, scratch: Path) -> list[Any]:
    """生成上报数据包 of a whole sub-district (its first package: every row it owns)."""
    import pyrage

    from app.store import open_store
    from app.sync import crypto, export, keys
    from app.sync.package import inner_zip, write_outer
    from app.sync.rows import synced_tables
    from bench.scenarios import Scenario

    path = scratch / "station.sqlite3"
    _copy_sqlite(w.station, path)
    store = open_store(str(path))
    _cleanups.append(store.close)
    secrets = keys.unlocked(store, PASSPHRASE)  # scrypt, once, in the set-up
    code = store.station.code
    with store.read() as session:
        district_age = keys.district_keys(session).age
        own_age = keys.own_public(session).age
    out = scratch / "export"
    made: dict[str, int] = {}

    def ours() -> float:
        shutil.rmtree(out, ignore_errors=True)
        started = time.perf_counter()
        result = export.export_up(store, out)
        elapsed = time.perf_counter() - started
        made["rows"] = result.rows
        return elapsed

    tables = [(t.name, [c.name for c in t.columns]) for t in synced_tables()]
    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    _cleanups.append(con.close)

    def floor() -> float:
        """The same rows read through raw sqlite3, one JSON line each, zipped and
        encrypted to the same two keys, signed and written."""
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        started = time.perf_counter()
        lines = []
        for name, columns in tables:
            for values in con.execute(f'SELECT * FROM "{name}" WHERE owner = ? ORDER BY rev', (code,)):
                lines.append(
                    json.dumps(
                        {"table": name, "row": dict(zip(columns, values, strict=True))},
                        ensure_ascii=False,
                        separators=(",", ":"),
                    ).encode("utf-8")
                )
        plain = inner_zip({"rows": len(lines)}, b"\n".join(lines))
        recipients = [pyrage.x25519.Recipient.from_str(r) for r in (district_age, own_age)]
        payload = pyrage.encrypt(plain, recipients)
        write_outer(out / "floor.lxpkg", payload, crypto.sign(secrets, payload, "floor"))
        return time.perf_counter() - started

    ours()  # the figure's wording needs the row count
    return [
        Scenario(
            "sync_export",
            f"生成上报数据包 of a whole sub-district ({made['rows']:,} rows): read, JSON, zip, age, minisign, file",
            "the same rows through raw sqlite3 as JSON lines, zipped, encrypted to the same keys, signed, written",
            "≤ 2 s",
            "s",
            ours,
            floor,
            lambda ours, base: ours <= 2.0,
        )
    ]


# --- the district: merge and re-import ----------------------------------------------


class District:
    """Fresh copies of the enrolled, empty district, always at the same place."""

    def __init__(self, w: World, engine: str, scratch: Path) -> None:
        self.world, self.engine, self.scratch = w, engine, scratch
        self.path = scratch / "district.sqlite3"
        self._pg: Any = None
        if engine == "postgresql":
            self._pg = _PgDistrict(w)
            _cleanups.append(self._pg.close)
        # Open the keys once: every later copy holds the same locked keys at the same URL.
        from app.sync import keys

        with self.fresh() as store:
            keys.unlocked(store, PASSPHRASE)

    @property
    def url(self) -> str:
        return self._pg.url if self._pg else str(self.path)

    @contextmanager
    def fresh(self) -> Iterator[Any]:
        from app.store import open_store

        if self._pg:
            self._pg.reset()
        else:
            _copy_sqlite(self.world.district, self.path)
        store = open_store(self.url)
        try:
            yield store
        finally:
            store.close()


class _PgDistrict:
    """The SQLite district moved onto PostgreSQL: a template database made once per
    run, fresh copies of it under one name, and a kept copy of a merged one (for the
    re-import); all three dropped at the end of the run (and replaced if an interrupted
    run left them)."""

    NAME = "lx_bench_sync"
    TEMPLATE = f"{NAME}_template"
    MERGED = f"{NAME}_merged"

    def __init__(self, w: World) -> None:
        from sqlalchemy import create_engine

        self._admin = create_engine(pg_server(), isolation_level="AUTOCOMMIT")
        self.url = pg_url(self.NAME)
        self.merged_url = pg_url(self.MERGED)
        self._sql(
            f'DROP DATABASE IF EXISTS "{self.TEMPLATE}" WITH (FORCE)', f'CREATE DATABASE "{self.TEMPLATE}"'
        )
        _move_district(w.district, pg_url(self.TEMPLATE))

    def _sql(self, *statements: str) -> None:
        from sqlalchemy import text

        with self._admin.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))

    def reset(self) -> None:
        self._sql(
            f'DROP DATABASE IF EXISTS "{self.NAME}" WITH (FORCE)',
            f'CREATE DATABASE "{self.NAME}" TEMPLATE "{self.TEMPLATE}"',
        )

    def keep_merged(self) -> None:
        """The district as the last merge left it, under its own name."""
        self._sql(
            f'DROP DATABASE IF EXISTS "{self.MERGED}" WITH (FORCE)',
            f'CREATE DATABASE "{self.MERGED}" TEMPLATE "{self.NAME}"',
        )

    def close(self) -> None:
        try:
            self._sql(
                *(
                    f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)'
                    for n in (self.NAME, self.MERGED, self.TEMPLATE)
                )
            )
        finally:
            self._admin.dispose()


def _move_district(sqlite_district: Path, url: str) -> None:
    """The district initialised on PostgreSQL, with the SQLite district's keyring and
    stations (its own keys, every sub-district's public keys)."""
    from sqlalchemy import insert, select, update

    from app.store import init_store, open_store
    from db.models import Keyring, Station

    store, _ = init_store(url, *DISTRICT, role="district")
    store.close()
    source = open_store(str(sqlite_district))
    try:
        with source.read() as session:
            stations = [dict(r) for r in session.execute(select(Station.__table__)).mappings()]
            rings = [dict(r) for r in session.execute(select(Keyring.__table__)).mappings()]
    finally:
        source.close()
    target = open_store(url)
    try:
        with target.write() as session:
            for row in stations:
                if row["is_self"]:
                    session.execute(
                        update(Station.__table__).where(Station.code == row["code"]).values(**row)
                    )
                else:
                    session.execute(insert(Station.__table__).values(**row))
            session.execute(insert(Keyring.__table__), rings)
    finally:
        target.close()


def _stored_tables() -> list[tuple[str, list[str], str | None]]:
    """What a merge stores, table by table in the order the schema's keys allow: the
    stations' rows, the history, the undo images, the refusals and the journal entries
    (name, columns, the column naming the station, if any)."""
    from app.sync.rows import synced_tables
    from db.models import JournalEntry, SyncPackage, SyncRefusal, SyncUndo

    found: list[tuple[str, list[str], str | None]] = [
        (t.name, [c.name for c in t.columns], "owner") for t in synced_tables()
    ]
    for model, owner in (
        (SyncPackage, "station_code"),
        (SyncUndo, None),
        (SyncRefusal, None),
        (JournalEntry, "owner"),
    ):
        table = model.__table__
        found.append((table.name, [c.name for c in table.columns], owner))
    return found


Rows = list[tuple[str, list[str], list[tuple[Any, ...]]]]


def _floor_rows(district: District, codes: list[str]) -> Rows:
    """The rows one merge stored, as the raw driver hands them back (so that the floor
    writes them back unchanged)."""
    found: Rows = []
    pg = district.engine == "postgresql"
    if pg:
        from bench.replay import _pg_connect

        con: Any = _pg_connect(district.url)
    else:
        con = sqlite3.connect(district.path)
    try:
        for name, columns, owner in _stored_tables():
            quoted = ", ".join(f'"{c}"' for c in columns)
            query, params = f'SELECT {quoted} FROM "{name}"', ()
            if owner:
                marks = ", ".join(["%s" if pg else "?"] * len(codes))
                query, params = f'{query} WHERE "{owner}" IN ({marks})', tuple(codes)
            rows = con.execute(query, params).fetchall()
            if rows:
                found.append((name, columns, rows))
        return found
    finally:
        con.close()


def _raw_insert(district: District, rows: Rows) -> float:
    """The same rows written into the fresh district through the raw driver, one
    transaction: ``executemany`` on SQLite, ``COPY`` on PostgreSQL."""
    if district.engine == "postgresql":
        from bench.replay import _pg_connect

        con = _pg_connect(district.url)
        try:
            started = time.perf_counter()
            with con.cursor() as cur:
                for name, columns, values in rows:
                    quoted = ", ".join(f'"{c}"' for c in columns)
                    with cur.copy(f'COPY "{name}" ({quoted}) FROM STDIN') as copy:  # type: ignore[arg-type]
                        for row in values:
                            copy.write_row(row)
            con.commit()
            return time.perf_counter() - started
        finally:
            con.close()
    con = sqlite3.connect(district.path, isolation_level=None)
    try:
        con.execute("PRAGMA foreign_keys=ON")
        started = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute("PRAGMA defer_foreign_keys=ON")  # a Party organization before its parent
        for name, columns, values in rows:
            quoted = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" for _ in columns)
            con.executemany(f'INSERT INTO "{name}" ({quoted}) VALUES ({marks})', values)
        con.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        con.close()


def district_scenarios(w: World, engine: str, scratch: Path) -> list[Any]:
    from app.sync import apply
    from bench.scenarios import Scenario

    district = District(w, engine, scratch)
    receipts = scratch / "receipts"
    codes = [station_code(n) for n in range(len(w.packages))]
    seen: dict[str, Any] = {}

    def merge(store: Any) -> float:
        shutil.rmtree(receipts, ignore_errors=True)
        started = time.perf_counter()
        results = apply.import_packages(store, w.packages, receipt_dir=receipts)
        elapsed = time.perf_counter() - started
        states = {r.state for r in results}
        if states != {"applied"}:
            raise RuntimeError(f"merge: {[r.message for r in results if r.state != 'applied'][:3]}")
        seen["refused"] = sum(len(r.refusals) for r in results)
        seen["changed"] = sum(r.changed_rows for r in results)
        return elapsed

    def ours() -> float:
        with district.fresh() as store:
            return merge(store)

    # One merge in the set-up: what it stored is the floor's input, and the district
    # it leaves is where the re-import runs.
    with district.fresh() as store:
        merge(store)
    rows = _floor_rows(district, codes)
    stored = sum(len(v) for _, _, v in rows)
    merged = scratch / "merged"
    if engine == "postgresql":
        district._pg.keep_merged()
        merged_url: Target = district._pg.merged_url
    else:
        merged.mkdir(exist_ok=True)
        _copy_sqlite(district.path, merged / "district.sqlite3")
        merged_url = merged / "district.sqlite3"

    def floor() -> float:
        with district.fresh():
            pass  # a fresh, empty district, closed: the floor writes alone, as ours did
        return _raw_insert(district, rows)

    from app.store import open_store
    from app.sync import keys

    again = open_store(str(merged_url))
    _cleanups.append(again.close)
    keys.unlocked(again, PASSPHRASE)  # another URL: its keys opened once more, here

    def reimport() -> float:
        started = time.perf_counter()
        results = apply.import_packages(again, w.packages, receipt_dir=receipts)
        elapsed = time.perf_counter() - started
        if {r.state for r in results} != {"unchanged"}:
            raise RuntimeError(f"re-import: {[r.message for r in results][:3]}")
        return elapsed

    def reimport_floor() -> float:
        """Read each file and check its signature: the least a re-import must do before
        it may trust the range the signature names."""
        import minisign

        started = time.perf_counter()
        for path, key in zip(w.packages, signers, strict=True):
            with zipfile.ZipFile(path) as archive:
                payload = archive.read("payload.age")
                signature = minisign.Signature.from_bytes(archive.read("payload.age.minisig"))
            key.verify(payload, signature)
        return time.perf_counter() - started

    signers = _signers(again, codes)
    db = "PostgreSQL" if engine == "postgresql" else "SQLite"
    raw = "COPY (psycopg)" if engine == "postgresql" else "raw sqlite3 executemany"
    n = len(w.packages)
    return [
        Scenario(
            "sync_merge",
            f"导入数据包: {n} sub-districts' first packages ({w.rows:,} rows) into the empty district on {db}, "
            f"verified, planned, stored, journaled, receipts written ({seen['changed']:,} stored, "
            f"{seen['refused']} refused)",
            f"the {stored:,} rows it stored (registers, journal, undo images, history) through {raw}, "
            "one transaction, into the same empty district",
            "≤ 10 s" if engine == "sqlite" else "reported",
            "s",
            ours,
            floor,
            (lambda ours, base: ours <= 10.0) if engine == "sqlite" else (lambda ours, base: True),
        ),
        Scenario(
            "sync_reimport",
            f"导入数据包 again: the same {n} packages at the district that holds them (each 已导入，无变化)",
            f"reading the {n} files and checking their signatures (minisign)",
            "≤ 0.5 s",
            "s",
            reimport,
            reimport_floor,
            lambda ours, base: ours <= 0.5,
        ),
    ]


def _signers(store: Any, codes: list[str]) -> list[Any]:
    import minisign
    from sqlalchemy import select

    from db.models import Station

    with store.read() as session:
        keys = dict(session.execute(select(Station.code, Station.sign_public_key)).all())
    return [minisign.PublicKey.from_base64(keys[code].strip()) for code in codes]


def scenarios(size: Size, engine: str) -> list[Any]:
    """The sync scenarios of this size on this engine."""
    w = world(size)
    scratch = Path(tempfile.mkdtemp(prefix="liangxin-bench-sync-"))
    _cleanups.append(lambda: shutil.rmtree(scratch, ignore_errors=True))
    found = export_scenarios(w, scratch) if engine == "sqlite" else []
    return found + district_scenarios(w, engine, scratch)


def install() -> None:
    """Add "sync" to the harness's scenarios, on both engines (called from
    bench/__main__.py, which also calls close_all when the run ends)."""
    from bench import harness

    if "sync" in harness.STORAGE:
        return
    harness.STORAGE = (*harness.STORAGE, "sync")
    before = harness.all_scenarios

    def with_sync(size: Size, db: Target, engine: str = "sqlite") -> dict[str, Callable[[], list[Any]]]:
        return {**before(size, db, engine), "sync": lambda: scenarios(size, engine)}

    harness.all_scenarios = with_sync


install()
