"""Upgrading is deliberate on PostgreSQL: commands refuse an older schema and name
``liangxin upgrade``, which checks for rows the new schema would refuse (naming them),
backs up with pg_dump to a file it names, then upgrades. SQLite keeps upgrading on open
after copying the file aside; ``upgrade`` does the same for it. ``gui --demo`` fills an
empty PostgreSQL database, and the window names it by server and database."""

from __future__ import annotations

import functools
import json
import subprocess
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, text

from app.cli.main import main
from app.services import members
from app.store import open_store, resolve_url
from db import migrate
from db.engine import create_db_engine

from .conftest import STATION

# Two real ID numbers (check digits right): one of them is given to both members.
ID_A, ID_B = "110101199003074514", "11010119900307109X"


def run(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db, *args])
    out, err = capsys.readouterr()
    return code, out, err


def one_sentence(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err and "Error" not in err
    return lines[0]


def revision(engine: Engine) -> str:
    with engine.connect() as conn:
        return str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar())


def _at_0004_with_a_shared_id_number(db: str) -> tuple[Engine, str, str]:
    """A station's database as revision 0004 left it: two live members share an ID
    number (nothing stopped that before 0005). Returns the engine and both member ids."""
    from app.store import init_store

    store, _ = init_store(db, *STATION)
    first = members.add_member(store, {"name": "张伟", "gender": "male", "id_number": ID_A})["id"]
    second = members.add_member(store, {"name": "张玮", "gender": "male", "id_number": ID_B})["id"]
    store.close()
    engine = create_db_engine(resolve_url(db))
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0004")
        conn.execute(text("UPDATE member SET id_number = :n"), {"n": ID_A})
    return engine, first, second


def _tombstone(engine: Engine, member_id: str) -> None:
    with engine.begin() as conn:  # what a maintainer does with the old version or by hand
        conn.execute(text("UPDATE member SET deleted = true WHERE id = :id"), {"id": member_id})


@pytest.mark.postgres
def test_postgresql_upgrade_is_deliberate_checked_and_backed_up_first(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine, first, second = _at_0004_with_a_shared_id_number(pg_url)
    backups = tmp_path / "data" / "backups"
    try:
        # Any command: refused, naming the command that upgrades; nothing changed.
        code, out, err = run(capsys, pg_url, "stats")
        assert (code, out) == (3, "")
        line = one_sentence(err)
        assert "liangxin upgrade" in line and "0004" in line and "未做任何改动" in line
        assert revision(engine) == "0004"
        # init does not upgrade behind the clerk's back either.
        code, out, err = run(capsys, pg_url, "init", "--station", "440307001", "--name", "南湾街道")
        assert code == 3 and "liangxin upgrade" in one_sentence(err)
        assert revision(engine) == "0004"

        # The upgrade checks first: the two members named, nothing changed, no backup.
        code, out, err = run(capsys, pg_url, "upgrade")
        assert code == 3
        assert "张伟" in out and "张玮" in out and first in out and second in out
        assert "110101********4514" in out and ID_A not in out + err  # masked, as everywhere
        line = one_sentence(err)
        assert "重复" in line and "张伟" in line and "liangxin upgrade" in line and "未做任何改动" in line
        assert revision(engine) == "0004"
        assert not backups.exists() or not any(backups.iterdir())
        code, out, _ = run(capsys, pg_url, "upgrade", "--json")
        listed = json.loads(out)
        assert code == 3 and listed["groups"] == 1
        assert {r["id"] for r in listed["duplicates"][0]["records"]} == {first, second}
        assert listed["duplicates"][0]["index"] == "uq_member_id_number_live"

        # Settled: the dump first (a file it names, that pg_restore reads), then the upgrade.
        _tombstone(engine, second)
        code, out, err = run(capsys, pg_url, "upgrade")
        assert code == 0, err
        dumps = list(backups.glob("*-0004-*.dump"))
        assert len(dumps) == 1 and str(dumps[0]) in out
        assert f"从结构版本 0004 升级到 {migrate.head_revision()}" in out
        assert dumps[0].read_bytes().startswith(b"PGDMP")
        pg_restore = migrate.find_pg_dump().with_name("pg_restore")  # type: ignore[union-attr]
        listing = subprocess.run([str(pg_restore), "--list", str(dumps[0])], capture_output=True, text=True)
        assert listing.returncode == 0 and "TABLE public member" in listing.stdout
        assert revision(engine) == migrate.head_revision()
        code, out, err = run(capsys, pg_url, "stats")
        assert code == 0, err
        code, out, _ = run(capsys, pg_url, "upgrade")
        assert code == 0 and "已是最新结构" in out
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_without_pg_dump_the_upgrade_refuses_unless_told_no_backup(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, _, second = _at_0004_with_a_shared_id_number(pg_url)
    _tombstone(engine, second)
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    monkeypatch.setattr(migrate, "PG_DUMP_PATTERNS", [])
    try:
        code, out, err = run(capsys, pg_url, "upgrade")
        assert (code, out) == (3, "")
        line = one_sentence(err)
        assert "pg_dump" in line and "--no-backup" in line and "未做任何改动" in line
        assert revision(engine) == "0004"
        code, out, err = run(capsys, pg_url, "upgrade", "--no-backup")
        assert code == 0, err
        assert "没有做备份" in out
        assert revision(engine) == migrate.head_revision()
        assert not (tmp_path / "data" / "backups").exists()
    finally:
        engine.dispose()


def test_pg_dump_is_found_on_path_or_where_postgresql_installs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for version in ("9.6", "15", "13"):
        folder = tmp_path / "lib" / version / "bin"
        folder.mkdir(parents=True)
        (folder / "pg_dump").write_text("#!/bin/sh\n")
        (folder / "pg_dump").chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    monkeypatch.setattr(migrate, "PG_DUMP_PATTERNS", [str(tmp_path / "lib" / "*" / "bin" / "pg_dump")])
    assert migrate.find_pg_dump() == tmp_path / "lib" / "15" / "bin" / "pg_dump"  # the newest
    monkeypatch.setenv("PATH", str(tmp_path / "lib" / "9.6" / "bin"))
    assert migrate.find_pg_dump() == tmp_path / "lib" / "9.6" / "bin" / "pg_dump"  # PATH first


def test_sqlite_still_upgrades_on_open_and_upgrade_checks_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "station.sqlite3")
    engine, first, second = _at_0004_with_a_shared_id_number(db)
    engine.dispose()
    code, out, err = run(capsys, db, "upgrade")
    assert code == 3 and "张伟" in out and "张玮" in out and first in out and second in out
    assert "重复" in one_sentence(err)
    assert not list(tmp_path.glob("station.sqlite3.bak-*"))  # checked before the copy
    engine = create_db_engine(resolve_url(db))
    _tombstone(engine, second)
    assert revision(engine) == "0004"
    engine.dispose()
    # An ordinary command upgrades an SQLite file itself, after copying it aside.
    code, out, err = run(capsys, db, "stats")
    assert code == 0, err
    copies = list(tmp_path.glob("station.sqlite3.bak-0004-*"))
    assert len(copies) == 1
    store = open_store(db)
    assert revision(store.engine) == migrate.head_revision()
    store.close()


def test_upgrade_on_sqlite_names_its_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "station.sqlite3")
    engine, _, second = _at_0004_with_a_shared_id_number(db)
    _tombstone(engine, second)
    engine.dispose()
    code, out, err = run(capsys, db, "upgrade")
    assert code == 0, err
    copies = list(tmp_path.glob("station.sqlite3.bak-0004-*"))
    assert len(copies) == 1 and str(copies[0]) in out
    chosen = tmp_path / "before-upgrade.sqlite3"
    code, out, _ = run(capsys, db, "upgrade", "--backup", str(chosen))
    assert code == 0 and "已是最新结构" in out and not chosen.exists()


def test_the_unique_indexes_an_upgrade_would_create_come_from_the_models(
    tmp_path: Path,
) -> None:
    """A new migration's unique index is checked without being registered anywhere."""
    db = str(tmp_path / "station.sqlite3")
    engine, _, _ = _at_0004_with_a_shared_id_number(db)
    try:
        with engine.connect() as conn:
            pending = {p.name: p for p in migrate._pending_unique(conn)}
        assert {"uq_member_id_number_live", "uq_organization_uscc_live"} <= set(pending)
        groups, total = migrate.duplicates_blocking_upgrade(engine)
        assert total == 1 and groups[0].table == "member" and groups[0].values[1] == ID_A
        _tombstone(engine, groups[0].rows[1][0])
        assert migrate.duplicates_blocking_upgrade(engine) == ([], 0)  # a tombstone is no duplicate
        command_config = migrate.alembic_config()
        with engine.begin() as conn:
            command_config.attributes["connection"] = conn
            command.upgrade(command_config, "head")
        with engine.connect() as conn:
            assert migrate._pending_unique(conn) == []
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_gui_demo_fills_an_empty_postgresql_database_and_the_status_bar_names_it(
    pg_url: str, qtbot, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.demo.generator
    import ui.launch
    from ui.main_window import MainWindow

    monkeypatch.setattr(
        app.demo.generator, "fill_demo", functools.partial(app.demo.generator.fill_demo, orgs=40, members=200)
    )
    shown: list[str] = []

    def window(store) -> int:  # type: ignore[no-untyped-def]
        main_window = MainWindow(store)
        qtbot.addWidget(main_window)
        qtbot.waitUntil(lambda: "两新组织 40" in main_window.statusBar().currentMessage(), timeout=5000)
        shown.append(main_window.statusBar().currentMessage())
        # Several clerks share this database: how long a save waits for another's is a setting.
        assert "storage.lock_timeout_seconds" in main_window.settings_page.editors
        return 0

    monkeypatch.setattr(ui.launch, "run_gui", window)
    code, _, err = run(capsys, pg_url, "gui", "--demo")
    assert code == 0, err
    assert "正在建立演示数据库" in err
    database = pg_url.rsplit("/", 1)[1]
    assert f"数据库 localhost/{database}" in shown[0]
    assert "数据文件" not in shown[0] and "postgresql" not in shown[0]
    code, _, err = run(capsys, pg_url, "gui", "--demo")  # not empty now: opened as it is
    assert code == 0 and "正在建立演示数据库" not in err


def test_the_status_bar_names_an_sqlite_file(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window = MainWindow(store)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "两新组织 0" in window.statusBar().currentMessage(), timeout=5000)
    assert f"数据文件 {store.location}" in window.statusBar().currentMessage()
    assert "storage.lock_timeout_seconds" not in window.settings_page.editors  # one clerk, one file


def test_upgrade_says_what_is_wrong_with_its_own_arguments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.store import init_store

    made, _ = init_store(str(tmp_path / "s.sqlite3"), "440307001", "南湾街道")
    made.close()
    db = str(tmp_path / "s.sqlite3")
    code, _, err = run(capsys, db, "upgrade", "--backup", str(tmp_path))
    assert code == 1 and "是一个文件夹" in one_sentence(err)
    code, _, err = run(capsys, db, "upgrade", "--no-backup", "--backup", str(tmp_path / "b.db"))
    assert code == 1 and "只能选一个" in one_sentence(err)
    code, _, err = run(capsys, "postgresql+psycopg://localhost:5999/nowhere", "upgrade")
    line = one_sentence(err)
    assert code == 3 and "无法连接" in line and "可能没有保存" not in line  # nothing was begun
