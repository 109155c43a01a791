"""Storage failures and bad command lines, on real files and a real server, as a clerk
meets them: the right exit status, one Chinese sentence on stderr (no traceback, no
SQL, no exception names) and the database exactly as it was."""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from app.cli.main import main
from app.errors import ConnectionLost, DamagedDatabase, ValueOutOfRange
from app.logs import LOG_DIR_ENV
from app.store import init_store, open_store, resolve_url
from db import migrate
from db.engine import create_db_engine
from tests.conftest import _pg_admin_engine

STATION = ("440307001", "南湾街道")
RAW_WORDS = re.compile(
    r"Traceback|\bSQL\b|\b(SELECT|INSERT|UPDATE|BEGIN|PRAGMA)\b|Error|Exception|sqlite3|psycopg|sqlalchemy"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


PATHS = re.compile(r"“[^”]*”|[\w+.@:-]*(?:/|://)[\w+./:@%-]*")


def sentence(err: str) -> str:
    """stderr holds exactly one Chinese sentence, nothing a person cannot read (file
    names and addresses aside: they are what the person typed)."""
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert re.search(r"[\u4e00-\u9fff]", lines[0]) and lines[0].endswith("。"), err
    assert not RAW_WORDS.search(PATHS.sub("", lines[0])), err
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def members(path: Path) -> int:
    """Rows as SQLite sees them (the main file and any WAL beside it)."""
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM member").fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A station with one member, every connection closed (the file holds it all)."""
    folder = tmp_path / "station"
    folder.mkdir()
    path = folder / "nanwan.sqlite3"
    assert run(capsys, "--db", str(path), "init", "--station", STATION[0], "--name", STATION[1])[0] == 0
    assert run(capsys, "--db", str(path), "member", "add", "--name", "张三", "--gender", "男")[0] == 0
    assert not path.with_name(path.name + "-wal").exists()
    return path


ADD = ("member", "add", "--name", "李四", "--gender", "男")


# --- read-only file and folder ----------------------------------------------------
# Root writes through any permission bits, so as root the command runs in a child
# without the capability that allows it (CAP_DAC_OVERRIDE); as anyone else, directly.


def run_restricted(*args: str) -> tuple[int, str, str]:
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permission bits cannot be tested")
        caps = "-dac_override,-dac_read_search"
        prefix = [setpriv, "--inh-caps=-all", "--ambient-caps=-all", f"--bounding-set={caps}", "--"]
    result = subprocess.run(
        [*prefix, sys.executable, "-m", "app", *args],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    return result.returncode, result.stdout, result.stderr


@pytest.fixture
def restore_modes(db: Path) -> Iterator[None]:
    yield
    db.chmod(0o644)
    db.parent.chmod(0o755)


def test_a_read_only_file_refuses_the_write_in_one_sentence(db: Path, restore_modes: None) -> None:
    before = digest(db)
    db.chmod(0o444)
    code, out, err = run_restricted("--db", str(db), "member", "list", "--json")
    assert code == 0 and json.loads(out)["total"] == 1  # reading still works
    code, out, err = run_restricted("--db", str(db), *ADD)
    assert code == 3 and out == ""
    assert "只读" in sentence(err) and str(db) in err
    assert digest(db) == before
    db.chmod(0o644)
    assert members(db) == 1


def test_a_read_only_folder_says_the_folder_is_the_problem(db: Path, restore_modes: None) -> None:
    before = digest(db)
    db.parent.chmod(0o555)
    for args in (("member", "list"), ADD):
        code, out, err = run_restricted("--db", str(db), *args)
        assert code == 3 and out == ""
        line = sentence(err)
        assert "文件夹" in line and str(db.parent) in line and "-wal" in line
    assert digest(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name]
    db.parent.chmod(0o755)
    assert members(db) == 1


def test_a_file_this_user_may_not_read(db: Path, restore_modes: None) -> None:
    before = digest(db)
    db.chmod(0o000)
    code, out, err = run_restricted("--db", str(db), "member", "list")
    assert code == 3 and out == ""
    assert "没有权限" in sentence(err) and str(db) in err
    db.chmod(0o644)
    assert digest(db) == before


# --- locked, full, damaged ----------------------------------------------------------


def test_a_file_locked_by_another_program_says_how_long_it_waited(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIANGXIN_BUSY_TIMEOUT_MS", "200")
    before = digest(db)
    other = sqlite3.connect(db, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        code, out, err = run(capsys, "--db", str(db), *ADD)
        assert code == 3 and out == ""
        assert sentence(err) == "数据库正被其他程序占用，等待 0.2 秒后仍未释放，请稍后再试（本次未保存）。"
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert digest(db) == before and members(db) == 1
    assert run(capsys, "--db", str(db), *ADD)[0] == 0  # free again: the same command works


def test_a_full_disk_saves_nothing_and_says_so(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The file may not grow by a single page: what SQLite reports on a full disk.
    monkeypatch.setenv("LIANGXIN_SQLITE_MAX_PAGE_COUNT", "1")
    before = digest(db)
    code, out, err = run(capsys, "--db", str(db), *ADD, "--notes", "长" * 1500)
    assert code == 3 and out == ""
    assert "磁盘已满" in sentence(err) and "本次未保存" in err
    assert digest(db) == before and members(db) == 1


def _damaged_copy(demo_db: Path, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    shutil.copy(demo_db, path)
    return path


def _assert_refused_as_damaged(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    before = digest(path)
    for args in (ADD, ("member", "list")):
        code, out, err = run(capsys, "--db", str(path), *args)
        assert code == 3 and out == ""
        line = sentence(err)
        assert "已损坏" in line and "备份恢复" in line and "未做任何改动" in line
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == [path.name]


def test_a_truncated_file_is_refused_as_damaged(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _damaged_copy(demo_db, tmp_path, "truncated.sqlite3")
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 2)
    _assert_refused_as_damaged(capsys, path)


def _overwrite_middle(path: Path) -> None:
    junk = random.Random(11).randbytes(64 * 1024)
    with path.open("r+b") as fh:
        fh.seek(path.stat().st_size // 2)
        fh.write(junk)


def test_a_file_with_64_kib_overwritten_in_the_middle_accepts_no_member(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _damaged_copy(demo_db, tmp_path, "overwritten.sqlite3")
    _overwrite_middle(path)
    _assert_refused_as_damaged(capsys, path)


def test_damage_after_a_good_check_is_still_found(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file checked once is not re-read while unchanged; once something else writes
    into it, it is checked again."""
    path = _damaged_copy(demo_db, tmp_path, "later.sqlite3")
    assert run(capsys, "--db", str(path), "member", "list", "--limit", "1")[0] == 0
    remembered = path.stat().st_mtime_ns
    _overwrite_middle(path)
    # The overwrite comes later than the last use (on coarse clocks, make that visible).
    os.utime(path, ns=(remembered + 1_000_000_000, remembered + 1_000_000_000))
    _assert_refused_as_damaged(capsys, path)


def test_a_page_damaged_while_open_is_reported_as_damage(demo_db: Path, tmp_path: Path) -> None:
    path = _damaged_copy(demo_db, tmp_path, "open.sqlite3")
    store = open_store(str(path))
    try:
        store.engine.dispose()  # the next read starts from the file, as a new session would
        with path.open("r+b") as fh:  # every page but the first: the tables' b-trees
            fh.seek(4096)
            fh.write(bytes(path.stat().st_size - 4096))
        with pytest.raises(DamagedDatabase, match="已损坏"), store.read() as session:
            session.execute(text("SELECT count(*) FROM member WHERE name LIKE '%王%'")).scalar()
    finally:
        store.close()


# --- --db ---------------------------------------------------------------------------


def test_db_pointing_at_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (("member", "list"), ("init", "--station", STATION[0], "--name", STATION[1])):
        code, out, err = run(capsys, "--db", str(tmp_path), *args)
        assert code == 3 and out == ""
        assert "文件夹" in sentence(err) and str(tmp_path / "liangxin.sqlite3") in err
    assert not [p for p in tmp_path.iterdir() if ".sqlite3" in p.name]  # nothing made inside it


def test_an_unsupported_engine_names_the_ones_that_work(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", "mysql://clerk@server/liangxin", "member", "list")
    assert code == 3 and out == ""
    line = sentence(err)
    assert "mysql" in line and "SQLite" in line and "postgresql+psycopg://" in line


def test_postgres_urls_as_people_type_them(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert pg_url.startswith("postgresql+psycopg://")
    typed = pg_url.replace("postgresql+psycopg://", "postgres://", 1)
    also = pg_url.replace("postgresql+psycopg://", "postgresql://", 1)
    assert run(capsys, "--db", typed, "init", "--station", STATION[0], "--name", STATION[1])[0] == 0
    assert run(capsys, "--db", also, *ADD)[0] == 0
    code, out, _ = run(capsys, "--db", typed, "member", "list", "--json")
    assert code == 0 and [m["name"] for m in json.loads(out)["rows"]] == ["李四"]


def test_an_unreachable_postgresql_server(capsys: pytest.CaptureFixture[str]) -> None:
    # Port 1 on this machine: nothing listens, the connection is refused at once.
    code, out, err = run(capsys, "--db", "postgresql://clerk:secret@127.0.0.1:1/liangxin", "member", "list")
    assert code == 3 and out == ""
    line = sentence(err)
    assert "无法连接数据库服务器" in line and "127.0.0.1:1/liangxin" in line and "secret" not in line


def test_a_connection_lost_in_the_middle_of_a_save(pg_url: str) -> None:
    init_store(pg_url, *STATION)[0].close()
    store = open_store(pg_url)
    admin = _pg_admin_engine()
    try:
        with pytest.raises(ConnectionLost, match="连接中断"), store.write() as session:
            session.execute(text("INSERT INTO community (id, owner, rev, created_at, updated_at, updated_by, deleted, name) "
                                 "VALUES ('c1', '440307001', 1, now(), now(), 't', false, '南岭村社区')"))  # fmt: skip
            pid = session.execute(text("SELECT pg_backend_pid()")).scalar()
            with admin.connect() as conn:
                conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            session.execute(text("SELECT 1"))
        with store.read() as session:  # a new connection: nothing of the broken save
            assert session.execute(text("SELECT count(*) FROM community")).scalar() == 0
    finally:
        store.close()
        admin.dispose()


def test_numbers_the_database_cannot_hold(db_url: str) -> None:
    store, _ = init_store(db_url, *STATION)
    try:
        # PostgreSQL: "integer out of range"; SQLite's driver: an int wider than 64 bits.
        big = 2**31 if store.url.startswith("postgresql") else 2**70
        with pytest.raises(ValueOutOfRange, match="超出了数据库能保存的范围"), store.write() as session:
            session.execute(text("UPDATE station SET last_received_seq = :n"), {"n": big})
        with store.read() as session:
            assert session.execute(text("SELECT last_received_seq FROM station")).scalar() == 0
    finally:
        store.close()


# --- arguments ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("stats", "--today", "2026-02-30"), ("存在的日期", "2026-02-30")),
        (("check", "--today", "2026-13-01"), ("存在的日期",)),
        (("check", "--limit", "99999999999999999999"), ("条数", "10,000,000")),
        (("journal", "--limit", "-1"), ("条数",)),
    ],
)
def test_bad_dates_and_limits_are_refused_before_the_database_is_opened(
    db: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    before = digest(db)
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db), *args])
    _, err = capsys.readouterr()
    assert exit_info.value.code == 2
    assert "Traceback" not in err and all(w in err for w in words)
    # argparse frames the sentence with a usage line until it speaks Chinese itself
    assert sum(1 for line in err.splitlines() if re.search(r"[\u4e00-\u9fff]", line)) == 1
    assert digest(db) == before


def test_a_good_date_and_limit_still_work(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(db), "stats", "--today", "2024-02-29", "--json")
    assert code == 0 and json.loads(out)["date"] == "2024-02-29"
    code, out, _ = run(capsys, "--db", str(db), "journal", "--limit", "1", "--json")
    assert code == 0 and len(json.loads(out)) == 1


# --- the unexpected -------------------------------------------------------------------


def test_an_unexpected_error_is_one_sentence_naming_the_log(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:

    logs = tmp_path / "logs"
    monkeypatch.setenv(LOG_DIR_ENV, str(logs))
    monkeypatch.delenv("LIANGXIN_DEBUG", raising=False)

    _stats_raises(monkeypatch, OverflowError("Python int too large to convert to C int"))
    code, out, err = run(capsys, "--db", str(db), "stats")
    assert code == 70 and out == ""
    line = sentence(err)
    assert line.startswith("程序出错了") and str(logs / "liangxin.log") in line
    assert "Overflow" not in line and "too large" not in line
    log = (logs / "liangxin.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "OverflowError: Python int too large" in log and "in broken" in log


def _stats_raises(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    """A bug in a command: ``stats`` raises what nobody expected."""
    import app.cli.admin

    def broken(store: object, args: object) -> int:
        raise error

    monkeypatch.setattr(app.cli.admin, "cmd_stats", broken)


def test_an_unwritable_log_folder_does_not_stop_the_sentence(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(LOG_DIR_ENV, str(blocker / "logs"))  # cannot be made, even by root

    _stats_raises(monkeypatch, RuntimeError("boom"))
    code, out, err = run(capsys, "--db", str(db), "stats")
    assert code == 70 and out == ""
    line = sentence(err)
    assert line.startswith("程序出错了") and "日志文件也无法写入" in line and "boom" not in line


def test_without_a_log_file_storage_details_still_stay_off_the_screen(db: Path, tmp_path: Path) -> None:
    """In a real process (no pytest logging plugin to catch the records): Python's
    last-resort handler must not print the traceback and the SQL instead of the log."""
    import os
    import subprocess
    import sys

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    env = {**os.environ, LOG_DIR_ENV: str(blocker / "logs"), "LIANGXIN_BUSY_TIMEOUT_MS": "200"}
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "app",
                "--db",
                str(db),
                "member",
                "add",
                "--name",
                "王五",
                "--gender",
                "男",
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 3
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "占用" in lines[0], done.stderr
    assert "Traceback" not in done.stderr and "SQL" not in done.stderr


def test_storage_details_go_to_the_log_not_the_screen(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    logs = tmp_path / "logs"
    monkeypatch.setenv(LOG_DIR_ENV, str(logs))
    monkeypatch.setenv("LIANGXIN_BUSY_TIMEOUT_MS", "50")
    other = sqlite3.connect(db, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        code, _, err = run(capsys, "--db", str(db), *ADD)
    finally:
        other.close()
    assert code == 3 and "占用" in sentence(err)
    log = (logs / "liangxin.log").read_text(encoding="utf-8")
    assert "database is locked" in log and "占用" in log


# --- someone else's record ----------------------------------------------------------


def test_a_record_owned_by_another_station_names_that_station(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "--db", str(db), "org", "add", "--name", "布吉科技公司", "--kind", "enterprise", "--json"
    )
    assert code == 0
    org = json.loads(out)["id"]
    # As a package from 布吉街道 would have left it: their row, registered here.
    with sqlite3.connect(db) as con:
        con.execute("INSERT INTO station (code, name, role, is_self, last_received_seq) "
                    "VALUES ('440307002', '布吉街道', 'subdistrict', 0, 0)")  # fmt: skip
        con.execute("UPDATE organization SET owner = '440307002' WHERE id = ?", (org,))
    con.close()
    before = digest(db)
    code, out, err = run(capsys, "--db", str(db), "org", "edit", org, "--name", "改名公司")
    assert code == 1 and out == ""
    line = sentence(err)
    assert "布吉街道" in line and "440307002" in line and "不能修改" in line
    assert digest(db) == before


# --- an upgrade the data refuses ----------------------------------------------------


def test_an_upgrade_refused_by_duplicates_changes_nothing_and_keeps_the_backup(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--db", str(db), *ADD)[0] == 0
    # A database from before 0005, where two live members could share an ID number.
    engine = create_db_engine(resolve_url(str(db)))
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0004")
        conn.execute(text("UPDATE member SET id_number = '110101199003074514'"))
    engine.dispose()
    before = digest(db)
    code, out, err = run(capsys, "--db", str(db), "member", "list")
    assert code == 3 and out == ""
    line = sentence(err)
    assert "重复" in line and "member" in line and "uq_member_id_number_live" in line
    assert "未做任何改动" in line and ".bak-0004-" in line
    assert digest(db) == before
    backups = list(db.parent.glob(f"{db.name}.bak-0004-*"))
    assert len(backups) == 1 and str(backups[0]) in line
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
    con.close()


# --- what a terminal is shown ---------------------------------------------------------


def test_control_characters_in_old_rows_are_shown_not_obeyed(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = "红色\x1b[31m公司\n第二行\x07"
    code, out, _ = run(
        capsys, "--db", str(db), "org", "add", "--name", "临时名称", "--kind", "enterprise", "--json"
    )
    org = json.loads(out)["id"]
    with sqlite3.connect(db) as con:  # stored before names were checked
        con.execute("UPDATE organization SET name = ? WHERE id = ?", (raw, org))
    con.close()
    for args in (("org", "list"), ("org", "show", org)):
        code, out, _ = run(capsys, "--db", str(db), *args)
        assert code == 0
        assert "红色\\x1b[31m公司\\n第二行\\x07" in out  # as the characters' escapes, on one line
        assert not any(ch in out for ch in "\x1b\x07\r")
        assert any("红色" in line and "第二行" in line for line in out.splitlines())
    code, out, _ = run(capsys, "--db", str(db), "org", "show", org, "--json")
    assert code == 0 and json.loads(out)["name"] == raw  # JSON keeps it exactly
