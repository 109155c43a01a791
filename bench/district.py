"""The district's desk at scale (issue 14): a district that has merged its sub-districts'
first packages, each scenario beside a floor measured in the same run.

- ``district_stats``: 工作台 across every sub-district (``station_stats``: every figure,
  coverage by sub-district, the findings per rule). Floor: the same SQL through the raw
  driver.
- ``district_stats_one``: the same, filtered to one sub-district (the 街道 filter).
- ``district_dup``: 查重 of the members (``duplicate_members``: ID numbers kept by two or
  more stations, every record of each). Floor: the same SQL through the raw driver.
- ``district_dup_orgs``: 查重 of the organizations (credit codes), reported.
- ``district_down``: 生成下发数据包（全量） for one sub-district: the district's
  templates, thresholds, its campaign and the tasks it assigned to that station, signed
  and encrypted. Floor: the same rows read through the raw driver as JSON lines, zipped,
  encrypted to the same keys, signed and written.

The district is bench/sync.py's world (20 sub-districts of 1,500 organizations and
10,000 members, 30,000 / 200,000 in all; three small ones for ``--size small``) after
``import_packages`` of all their first packages, then given what a district's desk
works on: a district campaign whose tasks (one per 百人以上企业未建党组织 finding) go to
the stations that keep the records, and 150 people per station registered in the next
station too (their ID numbers copied across by SQL: 查重 has something to find). Built
once through the services and kept in ``bench/.cache`` (SQLite); on PostgreSQL the same
district is built in a scratch database for the run (the merge is what takes long).

Imported through ``python -m bench`` (bench/__main__.py): it adds "district" to the
harness's scenarios on both engines."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import harness, sync
from bench.datasets import CACHE, Size, Target, pg_server, pg_url
from bench.replay import capture, raw_driver, replay
from bench.scenarios import Scenario

VERSION = 1  # bump when what _prepare adds changes
DUPLICATES_PER_STATION = 150
CAMPAIGN = {"name": "区级两新组织党建“大组建”专项行动", "starts_on": "2026-11-01", "ends_on": "2027-06-30"}
RULE = "enterprise_party_org"


def _timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _prepare(store: Any) -> None:
    """What the district's desk works on, beside the merged registers: its campaign's
    tasks for the stations and people kept by two stations."""
    from sqlalchemy import select, text

    from app.services import campaigns, task_generation
    from db.models import Member

    campaign = campaigns.create_campaign(store, CAMPAIGN)["id"]
    task_generation.generate_tasks(store, campaign, [RULE], assign="community")
    with store.write() as session:
        codes = sorted(session.scalars(select(Member.owner).distinct()))
        taken: dict[str, list[str]] = {}
        for code in codes:
            taken[code] = list(
                session.scalars(
                    select(Member.id_number)
                    .where(Member.owner == code, Member.deleted.is_(False), Member.id_number.is_not(None))
                    .order_by(Member.id)
                    .limit(DUPLICATES_PER_STATION)
                )
            )
        for here, there in zip(codes, codes[1:] + codes[:1], strict=True):
            # The next station's last members (by id) get this station's first numbers.
            ids = list(
                session.scalars(
                    select(Member.id)
                    .where(Member.owner == there, Member.deleted.is_(False))
                    .order_by(Member.id.desc())
                    .limit(DUPLICATES_PER_STATION)
                )
            )
            session.execute(
                text("UPDATE member SET id_number = :number WHERE id = :id"),
                [{"number": n, "id": i} for n, i in zip(taken[here], ids, strict=False)],
            )


def _merge(store: Any, w: sync.World) -> None:
    from app.sync import apply, keys

    keys.unlocked(store, sync.PASSPHRASE)
    results = apply.import_packages(store, w.packages)
    if {r.state for r in results} != {"applied"}:
        raise RuntimeError(f"merge: {[r.message for r in results if r.state != 'applied'][:3]}")
    _prepare(store)


def _digest(w: sync.World) -> str:
    here = Path(__file__).read_bytes()
    return hashlib.sha256(w.folder.name.encode() + here).hexdigest()[:10] + f"-v{VERSION}"


def merged_sqlite(size: Size) -> Path:
    """The merged district of this size (built on first use, kept in bench/.cache)."""
    from app.store import open_store

    w = sync.world(size)
    path = CACHE / f"district-desk-{w.folder.name}-{_digest(w)}.sqlite3"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    shutil.copy(w.district, partial)
    started = time.perf_counter()
    store = open_store(str(partial))
    try:
        _merge(store, w)
    finally:
        store.close()
    con = sqlite3.connect(partial)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    partial.rename(path)
    print(
        f"  district: merged {len(w.packages)} sub-districts ({time.perf_counter() - started:.1f} s)",
        flush=True,
    )
    return path


class _PgDesk:
    """The same district built in a scratch PostgreSQL database for this run."""

    NAME = "lx_bench_district_desk"

    def __init__(self, size: Size) -> None:
        from sqlalchemy import create_engine

        from app.store import open_store

        w = sync.world(size)
        self._admin = create_engine(pg_server(), isolation_level="AUTOCOMMIT")
        self.url = pg_url(self.NAME)
        self._sql(f'DROP DATABASE IF EXISTS "{self.NAME}" WITH (FORCE)', f'CREATE DATABASE "{self.NAME}"')
        started = time.perf_counter()
        sync._move_district(w.district, self.url)
        store = open_store(self.url)
        try:
            _merge(store, w)
        finally:
            store.close()
        engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:  # the state autovacuum leaves a database in daily use in
                from sqlalchemy import text

                conn.execute(text("VACUUM (ANALYZE)"))
        finally:
            engine.dispose()
        print(f"  district: merged on PostgreSQL ({time.perf_counter() - started:.1f} s)", flush=True)

    def _sql(self, *statements: str) -> None:
        from sqlalchemy import text

        with self._admin.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))

    def close(self) -> None:
        try:
            self._sql(f'DROP DATABASE IF EXISTS "{self.NAME}" WITH (FORCE)')
        finally:
            self._admin.dispose()


def _replayed(db: Target, store: Any, action: Callable[[], Any]) -> Callable[[], float]:
    """The SQL ``action`` ran (after a warm-up run), replayed through the raw driver."""
    action()
    with capture(store.engine) as calls:
        action()
    return lambda: replay(db, calls)


def _down_floor(store: Any, db: Target, code: str, out: Path) -> Callable[[], float]:
    """The rows a full down package for ``code`` carries, read through the raw driver as
    JSON lines, zipped, encrypted to the station's and the district's keys, signed and
    written: what 生成下发数据包 cannot do without."""
    import pyrage

    from app.sync import crypto, keys
    from app.sync.package import inner_zip, write_outer

    me = store.station.code
    secrets = keys.unlocked(store, sync.PASSPHRASE)
    with store.read() as session:
        recipients = [keys.sender_keys(session, code).age, keys.own_public(session).age]
    mark = "%s" if isinstance(db, str) else "?"
    queries = [
        (f"SELECT * FROM appraisal_template WHERE owner = {mark}", (me,)),
        (f"SELECT * FROM setting WHERE owner = {mark}", (me,)),
        (
            f"SELECT * FROM campaign WHERE owner = {mark} AND id IN "
            f"(SELECT campaign_id FROM task WHERE owner = {mark} AND station_code = {mark})",
            (me, me, code),
        ),
        (
            f"SELECT * FROM phase WHERE owner = {mark} AND campaign_id IN "
            f"(SELECT campaign_id FROM task WHERE owner = {mark} AND station_code = {mark})",
            (me, me, code),
        ),
        (f"SELECT * FROM task WHERE owner = {mark} AND station_code = {mark}", (me, code)),
    ]
    if isinstance(db, str):
        from bench.replay import _pg_connect

        con: Any = _pg_connect(db)
    else:
        con = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    sync._cleanups.append(con.close)

    def floor() -> float:
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        started = time.perf_counter()
        lines = []
        for query, params in queries:
            cursor = con.execute(query, params)
            columns = [c[0] for c in cursor.description]
            for values in cursor.fetchall():
                row = {
                    k: (v if isinstance(v, int | float | str | None) else str(v))
                    for k, v in zip(columns, values, strict=True)
                }
                lines.append(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        if isinstance(db, str):
            con.rollback()
        plain = inner_zip({"rows": len(lines)}, b"\n".join(lines))
        payload = pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(r) for r in recipients])
        write_outer(out / "floor.lxpkg", payload, crypto.sign(secrets, payload, "floor"))
        return time.perf_counter() - started

    return floor


def scenarios(size: Size, engine: str) -> list[Scenario]:
    from sqlalchemy import func, select

    from app.services.duplicates import duplicate_members, duplicate_orgs
    from app.stats import station_stats
    from app.store import open_store
    from app.sync import down, keys
    from db.models import Member, Organization, Task

    scratch = Path(tempfile.mkdtemp(prefix="liangxin-bench-district-"))
    sync._cleanups.append(lambda: shutil.rmtree(scratch, ignore_errors=True))
    db: Target
    if engine == "postgresql":
        desk = _PgDesk(size)
        sync._cleanups.append(desk.close)
        db = desk.url
    else:
        db = scratch / "district.sqlite3"
        shutil.copy(merged_sqlite(size), db)  # a copy: the down packages are recorded in it
    store = open_store(str(db))
    sync._cleanups.append(store.close)
    keys.unlocked(store, sync.PASSPHRASE)  # scrypt, once, in the set-up
    with store.read() as session:
        orgs = session.scalar(select(func.count()).select_from(Organization)) or 0
        people = session.scalar(select(func.count()).select_from(Member)) or 0
        # The station with the most district tasks: the largest down package.
        code, tasks = session.execute(
            select(Task.station_code, func.count())
            .where(Task.owner == store.station.code)
            .group_by(Task.station_code)
            .order_by(func.count().desc(), Task.station_code)
            .limit(1)
        ).one()
    stations = len(sync.world(size).packages)
    where = "PostgreSQL" if engine == "postgresql" else "SQLite"
    raw = raw_driver(db)
    out = scratch / "down"
    made: dict[str, int] = {}

    def down_once() -> float:
        shutil.rmtree(out, ignore_errors=True)
        started = time.perf_counter()
        result = down.export_down(store, code, out, full=True)
        elapsed = time.perf_counter() - started
        made["rows"] = result.rows
        return elapsed

    down_once()
    found = {"members": len(duplicate_members(store)), "orgs": len(duplicate_orgs(store))}
    return [
        Scenario(
            "district_stats",
            f"工作台 of a district of {stations} sub-districts ({orgs:,} organizations, {people:,} members) on "
            f"{where}: every figure, coverage by sub-district and the findings (station_stats)",
            f"the same SQL through {raw}",
            "≤ 300 ms" if engine == "sqlite" else "reported",
            "ms",
            lambda: _timed(lambda: station_stats(store)),
            _replayed(db, store, lambda: station_stats(store)),
            (lambda ours, base: ours <= 0.300) if engine == "sqlite" else (lambda ours, base: True),
        ),
        Scenario(
            "district_stats_one",
            f"the same 工作台 with the 街道 filter on one sub-district ({code})",
            f"the same SQL through {raw}",
            "reported",
            "ms",
            lambda: _timed(lambda: station_stats(store, station=code)),
            _replayed(db, store, lambda: station_stats(store, station=code)),
            lambda ours, base: True,
        ),
        Scenario(
            "district_dup",
            f"查重 of the members over {people:,} members ({found['members']:,} people kept by two stations, "
            "every record of each)",
            f"the same SQL through {raw}",
            "≤ 1 s",
            "ms",
            lambda: _timed(lambda: duplicate_members(store)),
            _replayed(db, store, lambda: duplicate_members(store)),
            lambda ours, base: ours <= 1.0,
        ),
        Scenario(
            "district_dup_orgs",
            f"查重 of the organizations over {orgs:,} organizations ({found['orgs']:,} credit codes kept twice)",
            f"the same SQL through {raw}",
            "reported",
            "ms",
            lambda: _timed(lambda: duplicate_orgs(store)),
            _replayed(db, store, lambda: duplicate_orgs(store)),
            lambda ours, base: True,
        ),
        Scenario(
            "district_down",
            f"生成下发数据包（全量） for the sub-district with most district tasks ({code}: {tasks:,} tasks, "
            f"{made['rows']:,} rows): read, JSON, zip, age, minisign, file, recorded",
            f"the same rows through {raw} as JSON lines, zipped, encrypted to the same keys, signed, written",
            "≤ 1 s",
            "s",
            down_once,
            _down_floor(store, db, code, scratch / "down-floor"),
            lambda ours, base: ours <= 1.0,
        ),
    ]


def install() -> None:
    """Add "district" to the harness's scenarios, on both engines (bench/__main__.py
    imports this module; sync.close_all undoes what a run left)."""
    if "district" in harness.STORAGE:
        return
    harness.STORAGE = (*harness.STORAGE, "district")
    before = harness.all_scenarios

    def with_district(size: Size, db: Target, engine: str = "sqlite") -> dict[str, Callable[[], list[Any]]]:
        return {**before(size, db, engine), "district": lambda: scenarios(size, engine)}

    harness.all_scenarios = with_district


install()
