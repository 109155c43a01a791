"""Files that are not a usable liangxin database, opened as a clerk would open them:
through the command line and through the window's start (``liangxin --db FILE gui``).
Each is refused with exit status 3 and one Chinese sentence saying what to do; no
traceback; the file exactly as it was and nothing made beside it.

tests/test_storage.py covers a newer revision and a foreign SQLite schema through
``open_store``; tests/test_failures.py a truncation at one half, overwritten pages and
permissions through the CLI. Here: the cuts a copy interrupted at any point leaves,
every kind of non-database a person might point ``--db`` at, and the window's path."""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli.main import main

CJK = re.compile(r"[\u4e00-\u9fff]")
RAW = re.compile(r"Traceback|Error\b|Exception|sqlite3\.|sqlalchemy|psycopg|\bSQL\b|\bPRAGMA\b")
PATHS = re.compile(r"“[^”]*”|[\w+.@:-]*(?:/|://)[\w+./:@%-]*")
ROOT = Path(__file__).resolve().parent.parent


def digest(path: Path) -> str:
    if path.is_dir():
        return "folder:" + ",".join(sorted(p.name for p in path.iterdir()))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_sentence(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert CJK.search(lines[0]), err
    assert not RAW.search(PATHS.sub("", lines[0])), err
    return lines[0]


def _cut(fraction: float) -> Callable[[Path, Path], None]:
    def make(good: Path, target: Path) -> None:
        data = good.read_bytes()
        target.write_bytes(data[: int(len(data) * fraction)])

    return make


def _newer(revision: str) -> Callable[[Path, Path], None]:
    def make(good: Path, target: Path) -> None:
        shutil.copy(good, target)
        con = sqlite3.connect(target)
        with con:
            con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()

    return make


def _pdf(good: Path, target: Path) -> None:
    target.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n" * 40)


def _zip(good: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("台账.csv", "姓名,性别\n张三,男\n" * 100)


def _random(good: Path, target: Path) -> None:
    import random

    target.write_bytes(random.Random(3).randbytes(300_000))


def _header_then_zeros(good: Path, target: Path) -> None:
    target.write_bytes(good.read_bytes()[:100] + bytes(200_000))


def _folder(good: Path, target: Path) -> None:
    target.mkdir()


def _not_ours(good: Path, target: Path) -> None:
    con = sqlite3.connect(target)
    with con:
        con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        con.execute("INSERT INTO alembic_version VALUES ('0001_of_another_program')")
    con.close()


def _our_revision_on_nothing(good: Path, target: Path) -> None:
    """A known revision stamped on a file without our tables: upgrading it would fail
    half-way (and copy the file aside at every try)."""
    con = sqlite3.connect(target)
    with con:
        con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        con.execute("INSERT INTO alembic_version VALUES ('0003')")
    con.close()


# (how to make the file, words the sentence must hold)
BAD: dict[str, tuple[Callable[[Path, Path], None], tuple[str, ...]]] = {
    "cut_at_10": (_cut(0.1), ("已损坏", "备份恢复")),
    "cut_at_50": (_cut(0.5), ("已损坏", "备份恢复")),
    "cut_at_90": (_cut(0.9), ("已损坏", "备份恢复")),
    "cut_inside_the_header": (_cut(0.00001), ("已损坏",)),
    "header_then_zeros": (_header_then_zeros, ("已损坏",)),
    "newer_unknown_revision": (_newer("9999_from_the_future"), ("更新版本", "升级 liangxin")),
    "newer_higher_number": (_newer("0099"), ("更新版本", "0099")),
    "a_pdf": (_pdf, ("不是数据库文件",)),
    "a_zip": (_zip, ("不是数据库文件",)),
    "random_bytes": (_random, ("不是数据库文件",)),
    "a_folder": (_folder, ("文件夹",)),
    "another_programs_schema": (_not_ours, ("liangxin",)),
    "our_revision_without_our_tables": (_our_revision_on_nothing, ("liangxin",)),
}


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station with a few hundred members, every page of it in the main file."""
    from app.demo.generator import run_demo
    from app.store import init_store

    folder = tmp_path_factory.mktemp("good")
    path = folder / "good.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LIANGXIN_DATA_DIR", str(folder / "data"))
        store, _ = init_store(str(path), "440307001", "南湾街道")
        run_demo(store, orgs=40, members=300, seed=5)
        store.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


def _bad_file(good: Path, tmp_path: Path, kind: str) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    target = folder / f"{kind}.sqlite3"
    BAD[kind][0](good, target)
    return target


@pytest.mark.parametrize("kind", sorted(BAD))
@pytest.mark.parametrize(
    "command", [("member", "list"), ("member", "add", "--name", "李四", "--gender", "男"), ("gui",)]
)
def test_a_bad_file_is_refused_in_one_sentence_and_left_as_it_was(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, command: tuple[str, ...]
) -> None:
    path = _bad_file(good, tmp_path, kind)
    before = digest(path)
    beside = sorted(p.name for p in path.parent.iterdir())
    code = main(["--db", str(path), *command])
    out, err = capsys.readouterr()
    assert code == 3 and out == ""
    line = one_sentence(err)
    assert all(word in line for word in BAD[kind][1]), line
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == beside  # no -wal, -shm or .bak left


@pytest.mark.parametrize("sqlite_header", [False, True], ids=["zero_bytes", "sqlite_without_tables"])
def test_an_empty_file_is_offered_init_and_stays_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sqlite_header: bool
) -> None:
    """An empty file (a copy that never started, an empty SQLite database): nothing to
    lose, so init is what to do; opening it to say so must not write a header into it."""
    (tmp_path / "files").mkdir()
    path = tmp_path / "files" / "empty.sqlite3"
    path.touch()
    if sqlite_header:
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE t (x)")
        con.execute("DROP TABLE t")
        con.close()
    before = digest(path)
    for command in (("member", "list"), ("gui",)):
        code = main(["--db", str(path), *command])
        out, err = capsys.readouterr()
        assert code == 3 and out == ""
        assert "init" in one_sentence(err)
    assert digest(path) == before
    assert [p.name for p in path.parent.iterdir()] == ["empty.sqlite3"]


def test_in_a_real_process_the_refusal_is_the_only_thing_printed(good: Path, tmp_path: Path) -> None:
    """No pytest plugin catching log records here: stderr is what a clerk's terminal shows."""
    for kind in ("cut_at_50", "a_pdf", "newer_higher_number"):
        (tmp_path / kind).mkdir()
        path = _bad_file(good, tmp_path / kind, kind)
        before = digest(path)
        done = subprocess.run(
            [sys.executable, "-m", "app", "--db", str(path), "member", "list"],
            cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 3 and done.stdout == "", done.stderr
        one_sentence(done.stderr)
        assert digest(path) == before


def test_a_backup_from_another_station_is_refused_by_restore(
    sqlite_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """布吉街道's backup restored onto 南湾街道's database: refused before anything moves."""
    from app.backup.backup import backup_job
    from app.jobs import run_job
    from app.store import init_store

    other, _ = init_store(str(tmp_path / "buji.sqlite3"), "440307002", "布吉街道")
    try:
        run_job(backup_job(other, tmp_path / "buji-backup.db"))
    finally:
        other.close()
    backup = next(tmp_path.glob("buji-backup*"))
    here = tmp_path / "station" / "nanwan.sqlite3"
    here.parent.mkdir()
    shutil.copy(sqlite_template, here)
    before, backup_before = digest(here), digest(backup)
    code = main(["--db", str(here), "restore", str(backup), "--yes"])
    _, err = capsys.readouterr()  # stdout: the backup's description, shown before refusing
    assert code != 0
    line = one_sentence(err)
    assert "布吉街道" in line and "不能恢复" in line and "未做任何改动" in line
    assert digest(here) == before and digest(backup) == backup_before
    assert sorted(p.name for p in here.parent.iterdir()) == ["nanwan.sqlite3"]  # nothing set aside
