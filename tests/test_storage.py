"""Schema creation and upgrades through Alembic, and databases that must be refused."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from app.errors import LiangxinError, StorageProblem
from app.services import communities
from app.store import init_store, open_store
from db import migrate
from db.engine import create_db_engine
from tests.conftest import STATION


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_init_creates_the_current_schema_and_is_idempotent(db_url: str) -> None:
    store, created = init_store(db_url, *STATION)
    assert created and store.station.name == "南湾街道"
    with store.read() as session:
        assert (
            session.execute(text("SELECT version_num FROM alembic_version")).scalar()
            == migrate.head_revision()
        )
    store.close()
    again, created_again = init_store(db_url, *STATION)
    assert not created_again
    again.close()


def test_init_refuses_to_rename_another_stations_database(db_url: str) -> None:
    init_store(db_url, *STATION)[0].close()
    with pytest.raises(LiangxinError, match="已属于站点“南湾街道”"):
        init_store(db_url, "440307002", "布吉街道")


def test_district_station_on_postgresql(pg_url: str) -> None:
    store, _ = init_store(pg_url, "440307", "龙岗区", "district")
    assert (store.station.code, store.station.role) == ("440307", "district")
    store.close()


def _stamp_newer(url: str) -> None:
    engine = create_db_engine(migrate_url(url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()


def migrate_url(url: str) -> str:
    from app.store import resolve_url

    return resolve_url(url)


def test_a_database_from_a_newer_version_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    init_store(str(path), *STATION)[0].close()
    _stamp_newer(str(path))
    with sqlite3.connect(path) as con:  # checkpoint so the file alone holds everything
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _digest(path)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StorageProblem, match=r"更新版本.*9999_from_the_future.*未做任何改动"):
        init_store(str(path), *STATION)
    with pytest.raises(StorageProblem, match="更新版本"):
        open_store(str(path))
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings


def test_a_newer_postgresql_schema_is_refused(pg_url: str) -> None:
    init_store(pg_url, *STATION)[0].close()
    _stamp_newer(pg_url)
    with pytest.raises(StorageProblem, match="更新版本"):
        init_store(pg_url, *STATION)
    engine = create_db_engine(pg_url)
    with engine.connect() as conn:
        assert (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_from_the_future"
        )
    engine.dispose()


def test_upgrade_copies_the_file_aside_first_and_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    url = migrate_url(str(path))
    engine = create_db_engine(url)
    config = migrate.alembic_config()
    with engine.begin() as conn:  # a database as the first release left it
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    engine.dispose()
    with sqlite3.connect(path) as con:
        con.execute(
            "INSERT INTO station (code, name, role, is_self, last_received_seq) VALUES ('440307001', '南湾街道', 'subdistrict', 1, 0)"
        )
    store = open_store(str(path))  # upgrades on open
    communities.add_community(store, "南岭村社区")
    store.close()
    backups = list(tmp_path.glob("old.sqlite3.bak-0001-*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert con.execute("SELECT name FROM station").fetchone() == ("南湾街道",)
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.head_revision(),)
        assert "activity" in {r[0] for r in con.execute("SELECT name FROM sqlite_master")}


def test_a_file_that_is_not_a_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(b"PK\x03\x04 this is a spreadsheet, not a database" * 20)
    before = _digest(path)
    for attempt in (lambda: open_store(str(path)), lambda: init_store(str(path), *STATION)):
        with pytest.raises(StorageProblem, match="不是数据库文件"):
            attempt()
    assert _digest(path) == before


def test_someone_elses_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    with pytest.raises(StorageProblem, match="其他程序的数据表"):
        init_store(str(path), *STATION)


def test_opening_a_missing_file_says_how_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(StorageProblem, match=r"不存在.*liangxin --db .* init"):
        open_store(str(tmp_path / "nope.sqlite3"))
    assert not (tmp_path / "nope.sqlite3").exists()


def test_sqlite_runs_in_wal_with_foreign_keys_and_real_savepoints(tmp_path: Path) -> None:
    store, _ = init_store(str(tmp_path / "s.sqlite3"), *STATION)
    with store.write() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA busy_timeout")).scalar() == 30000
    # A SAVEPOINT rolled back inside a committed transaction: only the outer row stays.
    with store.write() as session:
        from db.models import Community

        session.add(Community(name="外层社区"))
        session.flush()
        nested = session.begin_nested()
        session.add(Community(name="内层社区"))
        session.flush()
        nested.rollback()
    assert [c.name for c in communities.list_communities(store)] == ["外层社区"]
    # Foreign keys are enforced: a dangling reference is refused by the database itself.
    with pytest.raises(Exception, match="FOREIGN KEY"), store.write() as session:
        session.execute(
            text(
                "INSERT INTO organization (id, owner, rev, created_at, updated_at, updated_by, deleted, name, name_pinyin, "
                "name_initials, kind, subtype, industry, employees, above_scale, status, has_union, has_youth_league, "
                "has_women_federation, venue_site, venue_facilities, venue_sign, venue_flag, venue_books, venue_rules, "
                "community_id) VALUES ('x', '440307001', 1, '2026-01-01', '2026-01-01', 't', 0, 'n', '', '', 'enterprise', "
                "'llc', 'other', 0, 0, 'active', 0, 0, 0, 0, 0, 0, 0, 0, 0, 'missing-community')"
            )
        )
    store.close()


def test_migrations_create_exactly_the_models_schema(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app.store import resolve_url
    from db.base import Base

    init_store(db_url, *STATION)[0].close()
    engine = create_db_engine(resolve_url(db_url))
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == []


def test_revisions_read_from_file_names_agree_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.known_revisions() == {s.revision for s in scripts.walk_revisions()}
    assert migrate.head_revision() == scripts.get_current_head()


def test_a_database_in_a_folder_with_a_hash_in_its_name(tmp_path: Path) -> None:
    folder = tmp_path / "2026#1 台账?%20"
    folder.mkdir()
    path = folder / "station.sqlite3"
    init_store(str(path), *STATION)[0].close()
    assert path.stat().st_size > 0
    _stamp_newer(str(path))
    with pytest.raises(StorageProblem, match="更新版本"):
        open_store(str(path))
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]  # nothing opened or created beside it


def test_refusing_a_newer_database_creates_no_files_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    init_store(str(path), *STATION)[0].close()
    _stamp_newer(str(path))
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for leftover in tmp_path.glob("newer.sqlite3-*"):
        leftover.unlink()
    with pytest.raises(StorageProblem):
        open_store(str(path))
    assert [p.name for p in tmp_path.iterdir()] == ["newer.sqlite3"]


def test_two_clerks_saving_the_same_code_at_once_cannot_both_succeed(any_store) -> None:
    """The services check for a duplicate first; the database refuses the one that slips
    past that check at the same moment (simulated by skipping the check), clearly."""
    from app.errors import FieldError
    from app.services import members, organizations
    from db.models import Member, Organization

    first = organizations.add_organization(
        any_store, {"name": "深圳市某某科技有限公司", "kind": "enterprise", "uscc": "9144030071526726XG"}
    )
    with (
        pytest.raises(FieldError, match="刚才已有人登记了相同统一社会信用代码") as caught,
        any_store.write() as session,
    ):
        session.add(
            Organization(
                name="另一家",
                kind="enterprise",
                subtype="llc",
                industry="other",
                status="active",
                uscc="9144030071526726XG",
            )
        )
    assert caught.value.field == "uscc"
    assert [o.name for o in organizations.list_organizations(any_store).rows] == [first["name"]]
    organizations.delete_organization(any_store, first["id"])  # a deleted record frees its code
    organizations.add_organization(
        any_store, {"name": "新登记", "kind": "enterprise", "uscc": "9144030071526726XG"}
    )

    members.add_member(any_store, {"name": "张伟", "id_number": "11010519491231002X"})
    with pytest.raises(FieldError, match="相同公民身份号码"), any_store.write() as session:
        session.add(
            Member(
                name="张伟",
                id_number="11010519491231002X",
                gender="female",
                category="full",
                relation="transferred",
            )
        )
