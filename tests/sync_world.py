"""A district and three enrolled sub-districts with demo data, built once per test
session through the same services a person uses (init, keys, enrolment, demo), and
copied for each test: files on SQLite, and the district optionally on PostgreSQL."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.jobs import run_job
from app.store import Store, init_store, open_store
from app.sync import crypto, keys
from app.sync.rows import synced_tables

PASSPHRASE = "两新数据交换2026"
DISTRICT = ("440307", "龙岗区")
STATIONS = [("440307001", "南湾街道"), ("440307002", "布吉街道"), ("440307003", "坂田街道")]


@functools.cache
def _unlock_cached(text: str, passphrase: str) -> crypto.SecretKeys:
    return _real_unlock(text, passphrase)


_real_unlock = crypto.unlock_secrets


def fast_unlock(monkeypatch: Any) -> None:
    """The same locked keys and passphrase open to the same secrets: tests open each
    keyring's scrypt once per session instead of once per copied database."""
    monkeypatch.setattr(crypto, "unlock_secrets", _unlock_cached)


@dataclass
class WorldFiles:
    folder: Path
    district: Path
    stations: dict[str, Path]


def build_world(folder: Path, *, orgs: int = 40, members: int = 200) -> WorldFiles:
    from app.demo.generator import fill_demo

    folder.mkdir(parents=True, exist_ok=True)
    district_path = folder / "district.sqlite3"
    district, _ = init_store(str(district_path), *DISTRICT, role="district")
    keys.init_keys(district, PASSPHRASE)
    keys.unlocked(district, PASSPHRASE)
    paths: dict[str, Path] = {}
    for seed, (code, name) in enumerate(STATIONS, start=1):
        enrolment = folder / f"{code}.enrol"
        keys.add_station(district, code, name, enrolment_out=enrolment)
        path = folder / f"{code}.sqlite3"
        station, _ = init_store(str(path), code, name)
        run_job(fill_demo(station, orgs=orgs, members=members, seed=seed))
        keys.enrol(station, enrolment, PASSPHRASE)
        keys.unlocked(station, PASSPHRASE)
        public = folder / f"{code}.pub.json"
        keys.export_public(station, public)
        keys.add_station(district, code, pubkey_file=public)
        station.close()
        paths[code] = path
    district.close()
    return WorldFiles(folder, district_path, paths)


@contextmanager
def opened(path: Path | str) -> Iterator[Store]:
    store = open_store(str(path))
    try:
        yield store
    finally:
        store.close()


def copy_world(world: WorldFiles, target: Path) -> WorldFiles:
    target.mkdir(parents=True, exist_ok=True)
    district = target / "district.sqlite3"
    shutil.copy(world.district, district)
    stations = {}
    for code, path in world.stations.items():
        stations[code] = target / path.name
        shutil.copy(path, stations[code])
    return WorldFiles(target, district, stations)


def rows_of(store: Store, owner: str) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synchronised row ``owner`` owns, by table and id, as stored."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    with store.read() as session:
        for table in synced_tables():
            rows = session.execute(select(table).where(table.c.owner == owner)).mappings()
            found[table.name] = {r["id"]: _comparable(dict(r)) for r in rows}
    return found


def _comparable(row: dict[str, Any]) -> dict[str, Any]:
    from datetime import UTC, datetime

    for key, value in row.items():
        if isinstance(value, datetime):  # SQLite hands back naive UTC, PostgreSQL aware
            row[key] = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
    return row


def journal_length(store: Store) -> int:
    from sqlalchemy import func

    from db.models import JournalEntry

    with store.read() as session:
        return session.scalar(select(func.count()).select_from(JournalEntry)) or 0


def district_on(url: str, world: WorldFiles) -> Store:
    """The world's district moved to another database (PostgreSQL): the same keys,
    enrolled stations and self row, nothing received yet."""
    from db.models import Keyring, Station

    with opened(world.district) as source, source.read() as session:
        stations = [
            {c.name: getattr(s, c.name) for c in Station.__table__.columns}
            for s in session.scalars(select(Station))
        ]
        rings = [
            {c.name: getattr(k, c.name) for c in Keyring.__table__.columns}
            for k in session.scalars(select(Keyring))
        ]
    from app.sync.package import public_key_id  # noqa: F401  (the world's keys are what make packages verify)

    store, _ = init_store(url, "440307", "龙岗区", role="district")
    with store.write() as session:
        from sqlalchemy import delete, insert

        session.execute(delete(Station))
        session.execute(insert(Station), stations)
        session.execute(insert(Keyring), rings)
    return store


def report_up(world: WorldFiles, folder: Path, codes: tuple[str, ...]) -> None:
    """The stations ``codes`` export their up packages into ``folder``; the district
    imports them all, each applied."""
    from app.sync import apply, export

    for code in codes:
        with opened(world.stations[code]) as station:
            export.export_up(station, folder, passphrase=PASSPHRASE)
    with opened(world.district) as district:
        results = apply.import_packages(district, [folder], passphrase=PASSPHRASE)
    assert [r.state for r in results] == ["applied"] * len(codes), [r.message for r in results]


def district_campaign(world: WorldFiles, name: str = "区级专项行动") -> tuple[str, dict[str, list[str]]]:
    """The district's campaign, its tasks made from one rule's findings for the station
    that keeps each record; the campaign and the task ids by station."""
    from app.services import campaigns, task_generation
    from db.models import Task

    with opened(world.district) as district:
        campaign = campaigns.create_campaign(
            district, {"name": name, "starts_on": "2026-11-01", "ends_on": "2027-03-31"}
        )["id"]
        task_generation.generate_tasks(district, campaign, ["enterprise_party_org"], assign="community")
        with district.read() as session:
            rows = session.execute(
                select(Task.id, Task.station_code).where(Task.campaign_id == campaign)
            ).all()
    by_station: dict[str, list[str]] = {}
    for task_id, code in rows:
        by_station.setdefault(code, []).append(task_id)
    return campaign, by_station


def shared_by_two_stations(world: WorldFiles, first: str, second: str) -> tuple[Any, Any]:
    """A live member with an ID number and a unit with a credit code from station
    ``first``, registered again at ``second`` (as two offices would); returns the
    (name, id_number) and (name, uscc) rows."""
    from app.services import members, organizations
    from db.models import Member, Organization

    with opened(world.stations[first]) as station, station.read() as session:
        person = session.execute(
            select(Member.name, Member.id_number).where(
                Member.id_number.is_not(None), Member.exit_kind.is_(None)
            )
        ).first()
        unit = session.execute(
            select(Organization.name, Organization.uscc).where(Organization.uscc.is_not(None))
        ).first()
    assert person and unit
    with opened(world.stations[second]) as station:
        members.add_member(
            station,
            {"name": person.name, "id_number": person.id_number, "category": "full", "relation": "pocket"},
        )
        organizations.add_organization(
            station,
            {"name": unit.name, "uscc": unit.uscc, "kind": "enterprise", "industry": "other", "employees": 9},
        )
    return person, unit
