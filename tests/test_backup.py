"""Backups, restore and verify on real files (and a real PostgreSQL server): what a
clerk would notice — a copy that opens with the same figures, a restore that brings the
data back, a refusal that says what to do and leaves the database alone, a check that
finds what is wrong."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from app.backup import pg, sqlite_copy
from app.backup.backup import backup_job
from app.backup.daily import auto_backup, dated_backups
from app.backup.place import NETWORK, REMOVABLE, place_warning, storage_place
from app.backup.pool import POOL_NAME
from app.backup.preview import BackupRefused, describe, preview_backup
from app.backup.restore import restore_job
from app.backup.verify import verify
from app.cli.main import main
from app.errors import DiskFull, StorageProblem
from app.jobs import run_job
from app.services.attachments import files_root
from app.store import Store, open_store
from db import migrate

OTHER_STATION = ("440307002", "招商街道")


def counts(store: Store) -> dict[str, int]:
    with store.read() as session:
        return {
            t: int(
                session.execute(text(f"SELECT count(*) FROM {t} WHERE deleted = :no"), {"no": False}).scalar()
            )
            for t in ("organization", "party_org", "member", "task")
        }


def journal(store: Store) -> list[tuple[int, str, str]]:
    with store.read() as session:
        return [tuple(r) for r in session.execute(text("SELECT seq, row_id, op FROM journal ORDER BY seq"))]


def backup(store: Store, target: Path) -> Path:
    return run_job(backup_job(store, target)).path


def untouched(store: Store, before: tuple[dict[str, int], list], tmp_path: Path) -> None:
    assert (counts(store), journal(store)) == before
    assert not list(tmp_path.rglob("before-restore-*"))


# --- backup -------------------------------------------------------------------------------


def test_backup_to_a_folder_names_the_file_and_opens_with_the_same_figures(
    demo_store: Store, tmp_path: Path
) -> None:
    made = run_job(backup_job(demo_store, tmp_path / "usb"))
    assert made.path.parent == tmp_path / "usb"
    assert made.path.name.startswith(f"liangxin-{demo_store.station.code}-") and made.path.suffix == ".db"
    assert made.size == made.path.stat().st_size
    assert [p.name for p in made.path.parent.iterdir()] == [made.path.name]  # no temporary left
    preview = preview_backup(made.path)
    assert (preview.station_code, preview.station_name) == (demo_store.station.code, demo_store.station.name)
    assert preview.revision == migrate.head_revision()
    assert preview.counts == {
        "organizations": counts(demo_store)["organization"],
        "party_orgs": counts(demo_store)["party_org"],
        "members": counts(demo_store)["member"],
        "tasks": counts(demo_store)["task"],
    }
    assert preview.counts["members"] > 0 and preview.app_version
    # As a clerk reads it before a restore: the date in Chinese, the station, the counts.
    line = describe(preview)
    assert f"{preview.made_at.year}年{preview.made_at.month}月{preview.made_at.day}日" in line  # type: ignore[union-attr]
    assert demo_store.station.name in line and f"党员 {preview.counts['members']:,}" in line


def test_backup_while_another_connection_writes_is_one_consistent_moment(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_copy, "PAGES_PER_STEP", 2)  # many steps, so writes fall between them
    path = migrate.sqlite_path(store.url)
    assert path is not None
    with sqlite3.connect(path) as con:  # enough pages to copy
        con.execute("CREATE TABLE filler (x TEXT)")
        con.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,) for _ in range(2000)])
    before = len(journal(store))
    stop = threading.Event()
    written = [0]

    def writer() -> None:
        # Each transaction keeps the journal whole: one entry, the counter moved with it.
        con = sqlite3.connect(path, timeout=10)
        while not stop.is_set():
            with con:
                seq = con.execute(
                    "UPDATE counter SET value = value + 1 WHERE name = 'journal' RETURNING value"
                ).fetchone()[0]
                con.execute(
                    "INSERT INTO journal (seq, table_name, row_id, op, owner, rev, changes, at, by) "
                    "VALUES (?, 'member', 'x', 'update', '440307001', ?, '{}', '2026-01-01', 'w')",
                    (seq, seq),
                )
            written[0] += 1
        con.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        copy = backup(store, tmp_path / "copy.db")
    finally:
        stop.set()
        thread.join()
    assert written[0] > 0
    copied = open_store(str(copy))
    try:
        report = verify(copied)
        assert report.ok, [c for c in report.problems]
        assert before <= len(journal(copied)) <= before + written[0]
        assert counts(copied) == counts(store)
    finally:
        copied.close()


def test_a_stick_that_fills_says_so_and_leaves_no_partial_file(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def small_stick(target: Path) -> sqlite3.Connection:
        con = sqlite3.connect(str(target))
        con.execute("PRAGMA max_page_count = 50")
        return con

    monkeypatch.setattr(sqlite_copy, "open_target", small_stick)
    stick = tmp_path / "usb"
    with pytest.raises(DiskFull) as refused:
        backup(demo_store, stick)
    assert "空间不够" in refused.value.message and "没有留下不完整的文件" in refused.value.message
    assert list(stick.iterdir()) == []


def test_a_cancelled_backup_leaves_nothing(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_copy, "PAGES_PER_STEP", 1)
    job = backup_job(demo_store, tmp_path / "usb")
    next(job)
    next(job)
    job.close()
    assert list((tmp_path / "usb").iterdir()) == []


# --- restore ------------------------------------------------------------------------------


def test_restore_round_trip_brings_back_the_figures_and_the_journal(
    demo_store: Store, tmp_path: Path
) -> None:
    saved = (counts(demo_store), journal(demo_store))
    copy = backup(demo_store, tmp_path / "usb")
    with demo_store.write() as session:  # a morning's work after the backup
        session.execute(text("UPDATE member SET deleted = :yes"), {"yes": True})
    assert counts(demo_store)["member"] == 0
    done = run_job(restore_job(demo_store, copy))
    assert (counts(demo_store), journal(demo_store)) == saved
    assert done.kept_aside.parent == tmp_path / "backups" and done.kept_aside.name.startswith(
        "before-restore-"
    )
    aside = open_store(str(done.kept_aside))
    try:
        assert counts(aside)["member"] == 0  # the database as it was, kept
    finally:
        aside.close()
    reopened = open_store(demo_store.url)
    try:
        assert verify(reopened).ok
        assert counts(reopened) == saved[0]
    finally:
        reopened.close()


def test_a_restore_interrupted_before_the_swap_leaves_the_old_database(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = backup(demo_store, tmp_path / "usb")
    with demo_store.write() as session:
        session.execute(text("UPDATE member SET deleted = :yes"), {"yes": True})
    before = (counts(demo_store), journal(demo_store))
    import app.backup.restore as restore_module

    real_replace = restore_module.os.replace

    def power_cut(source: object, target: object) -> None:
        if ".restore-" in str(source):  # the swap itself (keeping the old one aside goes through)
            raise OSError("power cut")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(restore_module.os, "replace", power_cut)
    with pytest.raises(StorageProblem) as failed:
        run_job(restore_job(demo_store, copy))
    assert "保持恢复前的样子" in failed.value.message
    monkeypatch.undo()
    assert (counts(demo_store), journal(demo_store)) == before
    assert [p.name for p in (tmp_path).glob(".demo.sqlite3.restore-*")] == []


def test_a_file_that_is_not_a_database_is_refused(demo_store: Store, tmp_path: Path) -> None:
    before = (counts(demo_store), journal(demo_store))
    bogus = tmp_path / "notes.db"
    bogus.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(BackupRefused) as refused:
        run_job(restore_job(demo_store, bogus))
    assert "不是 liangxin 的备份文件" in refused.value.message and "请选择" in refused.value.message
    untouched(demo_store, before, tmp_path)


def test_a_backup_truncated_at_half_is_refused(demo_store: Store, tmp_path: Path) -> None:
    copy = backup(demo_store, tmp_path / "usb")
    before = (counts(demo_store), journal(demo_store))
    data = copy.read_bytes()
    copy.write_bytes(data[: len(data) // 2])
    with pytest.raises(BackupRefused) as refused:
        run_job(restore_job(demo_store, copy))
    assert "已损坏或不完整" in refused.value.message and "请换一个备份" in refused.value.message
    untouched(demo_store, before, tmp_path)


def test_a_backup_from_a_newer_version_is_refused(store: Store, tmp_path: Path) -> None:
    copy = backup(store, tmp_path / "usb")
    with sqlite3.connect(copy) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.close()
    before = (counts(store), journal(store))
    with pytest.raises(BackupRefused) as refused:
        run_job(restore_job(store, copy))
    assert "9999" in refused.value.message and "请先升级程序" in refused.value.message
    untouched(store, before, tmp_path)


def test_a_backup_from_another_station_is_refused(store: Store, tmp_path: Path) -> None:
    copy = backup(store, tmp_path / "usb")
    with sqlite3.connect(copy) as con:
        con.execute("UPDATE station SET code = ?, name = ? WHERE is_self = 1", OTHER_STATION)
    con.close()
    before = (counts(store), journal(store))
    with pytest.raises(BackupRefused) as refused:
        run_job(restore_job(store, copy))
    assert refused.value.message.startswith("这是招商街道（440307002）的备份")
    untouched(store, before, tmp_path)


def test_cli_restore_shows_the_preview_and_needs_yes_without_a_terminal(
    demo_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = backup(demo_store, tmp_path / "usb")
    db = migrate.sqlite_path(demo_store.url)
    demo_store.close()
    monkeypatch.setattr("sys.stdin", None)
    assert main(["--db", str(db), "restore", str(copy)]) == 1
    out, err = capsys.readouterr()
    assert "南湾街道（440307001）" in out and "请加 --yes" in err
    assert main(["--db", str(db), "restore", str(copy), "--yes"]) == 0
    assert "恢复前的数据库另存在" in capsys.readouterr().out


# --- the daily backup -------------------------------------------------------------------


def test_sixty_days_of_automatic_backups_keep_fourteen_days_and_one_a_month(store: Store) -> None:
    start = datetime(2026, 1, 1, 9, 0)
    for day in range(60):
        now = start + timedelta(days=day)
        assert auto_backup(store, now).made is not None
        assert auto_backup(store, now + timedelta(hours=3)).made is None  # at most one a day
    last = (start + timedelta(days=59)).date()
    kept = [
        when.date() for when, _ in dated_backups(Path(store.location).parent / "backups", store.station.code)
    ]
    recent = [last - timedelta(days=n) for n in range(13, -1, -1)]
    assert kept == sorted({datetime(2026, 1, 1).date(), datetime(2026, 2, 1).date(), *recent})


def test_a_failed_automatic_backup_deletes_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    start = datetime(2026, 1, 1, 9, 0)
    auto_backup(store, start)
    folder = Path(store.location).parent / "backups"
    before = sorted(folder.iterdir())

    def broken(_target: Path) -> sqlite3.Connection:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(sqlite_copy, "open_target", broken)
    with pytest.raises(StorageProblem):
        auto_backup(store, start + timedelta(days=40))
    assert sorted(folder.iterdir()) == before  # the only good backup is still there


# --- verify -------------------------------------------------------------------------------


def test_verify_says_ok_on_a_whole_database(demo_store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    report = verify(demo_store)
    assert report.ok and report.exit_status == 0
    assert {"integrity", "journal", "counter", "orphan:member.party_org_id"} <= {c.key for c in report.checks}
    demo_store.close()
    assert main(["--db", demo_store.location, "verify"]) == 0
    assert "都正常" in capsys.readouterr().out


def test_verify_finds_a_hole_in_the_journal_and_an_orphan(
    demo_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_store.close()
    with sqlite3.connect(demo_store.location) as con:
        con.execute("DELETE FROM journal WHERE seq = 5")
        con.execute("PRAGMA foreign_keys = OFF")
        member = con.execute("SELECT id, name FROM member ORDER BY id LIMIT 1").fetchone()
        con.execute("UPDATE member SET party_org_id = 'gone' WHERE id = ?", (member[0],))
    con.close()
    assert main(["--db", demo_store.location, "verify"]) == 1
    out = capsys.readouterr().out
    assert "缺少第 5 号" in out and "有问题" in out
    assert main(["--db", demo_store.location, "verify", "--json"]) == 1
    import json

    checks = {c["key"]: c for c in json.loads(capsys.readouterr().out)["checks"]}
    assert checks["journal"]["status"] == "problem"
    orphan = checks["orphan:member.party_org_id"]
    assert orphan["status"] == "problem" and orphan["count"] == 1 and member[0] in orphan["example"]
    assert checks["counter"]["status"] == "ok"


def test_verify_of_a_file_it_cannot_read_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "x.sqlite3"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    assert main(["--db", str(bogus), "verify"]) == 3
    assert capsys.readouterr().err.strip()


# --- PostgreSQL ---------------------------------------------------------------------------


@pytest.mark.postgres
def test_postgresql_backup_and_restore_round_trip(pg_stations, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if pg.find_tool("pg_dump") is None or pg.find_tool("pg_restore") is None:
        pytest.skip("pg_dump / pg_restore not installed")
    from app.demo.generator import run_demo

    with pg_stations.database() as url:
        store = open_store(url)
        try:
            run_demo(store, orgs=30, members=120, seed=3)
            saved = (counts(store), journal(store))
            made = run_job(backup_job(store, tmp_path / "dumps"))
            assert made.path.suffix == ".dump" and made.preview.counts["members"] == saved[0]["member"]
            assert made.preview.station_code == store.station.code
            with store.write() as session:
                session.execute(text("UPDATE member SET deleted = true"))
            done = run_job(restore_job(store, made.path))
            assert (counts(store), journal(store)) == saved
            assert done.kept_aside.exists() and done.kept_aside.suffix == ".dump"
            assert verify(store).ok
        finally:
            store.close()


@pytest.mark.postgres
def test_postgresql_backup_without_pg_dump_says_what_to_install(  # type: ignore[no-untyped-def]
    pg_stations, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(migrate, "PG_DUMP_PATTERNS", [])
    with pg_stations.database() as url:
        store = open_store(url)
        try:
            with pytest.raises(StorageProblem) as missing:
                run_job(backup_job(store, tmp_path / "dumps"))
        finally:
            store.close()
    assert "找不到 PostgreSQL 的 pg_dump" in missing.value.message
    assert "postgresql-client" in missing.value.message
    assert not (tmp_path / "dumps").exists() or list((tmp_path / "dumps").iterdir()) == []


# --- where the file lives -----------------------------------------------------------------

MOUNTS = """\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 253:1 / / rw,relatime - ext4 /dev/vda1 rw
40 27 0:50 / /mnt/share rw,relatime - cifs //server/党建 rw
41 27 0:51 / /mnt/nfs rw,relatime - nfs4 server:/export rw
42 27 0:52 / /home/clerk/remote rw,relatime - fuse.sshfs clerk@host: rw
43 27 8:17 / /media/clerk/U\\040盘 rw,relatime - vfat /dev/sdb1 rw
"""


def test_storage_place_reads_the_mount_table(tmp_path: Path) -> None:
    blocks = tmp_path / "sys"
    (blocks / "devices" / "sdb" / "sdb1").mkdir(parents=True)
    (blocks / "devices" / "sdb" / "removable").write_text("1\n")
    (blocks / "devices" / "vda" / "vda1").mkdir(parents=True)
    (blocks / "devices" / "vda" / "removable").write_text("0\n")
    (blocks / "dev").mkdir()
    (blocks / "dev" / "8:17").symlink_to(blocks / "devices" / "sdb" / "sdb1")
    (blocks / "dev" / "253:1").symlink_to(blocks / "devices" / "vda" / "vda1")

    def place(path: str) -> str:
        return storage_place(path, mountinfo=MOUNTS, sys_dev_block=blocks / "dev")

    assert place("/home/clerk/liangxin.sqlite3") == "local"
    assert place("/mnt/share/liangxin.sqlite3") == NETWORK
    assert place("/mnt/nfs/a/b.sqlite3") == NETWORK
    assert place("/home/clerk/remote/x.sqlite3") == NETWORK
    assert place("/media/clerk/U 盘/liangxin.sqlite3") == REMOVABLE
    assert place("/mnt/shared-not/x.sqlite3") == "local"  # a longer name is not inside /mnt/share
    assert place("//server/share/x.sqlite3") == NETWORK
    assert "网络共享" in (place_warning("/mnt/share/x", NETWORK) or "")
    assert place_warning("/home/x", "local") is None


def test_the_cli_warns_once_about_a_database_on_a_network_share(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.cli.backup as cli_backup

    store.close()
    monkeypatch.setattr(cli_backup, "storage_place", lambda _path: NETWORK)
    assert main(["--db", store.location, "verify"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "网络共享" in err[0]


def test_backup_copies_are_never_the_live_file(store: Store, tmp_path: Path) -> None:
    """A plain file copy of a WAL database can miss what sits in the -wal file; the
    backup reads through SQLite, so a change still in the WAL is in the copy."""
    path = migrate.sqlite_path(store.url)
    assert path is not None
    keeper = sqlite3.connect(path)  # holds the WAL open: no checkpoint on close
    keeper.execute("SELECT 1").fetchone()
    with store.write() as session:
        session.execute(
            text("UPDATE station SET name = '南湾街道（改）' WHERE is_self = :yes"), {"yes": True}
        )
    assert Path(str(path) + "-wal").stat().st_size > 0
    plain = tmp_path / "plain.db"
    shutil.copy(path, plain)
    made = preview_backup(backup(store, tmp_path / "usb"))
    keeper.close()
    assert made.station_name == "南湾街道（改）"


# --- 组织生活 attachments beside the backup ---------------------------------------------------


def _two_activities_with_photos(store: Store, tmp_path: Path) -> dict[str, bytes]:
    """Two 组织生活 events recorded through the service, each with a photo of its own."""
    from app.services import activities, members, party_orgs

    party = party_orgs.add_party_org(
        store, {"name": "附件党支部", "level": "branch", "established_on": "2015-01-01"}
    )["id"]
    member = members.add_member(
        store, {"name": "甲", "party_org": party, "category": "full", "relation": "transferred"}
    )["id"]
    photos: dict[str, bytes] = {}
    for n, (name, held_on) in enumerate((("签到表.jpg", "2026-01-10"), ("合影.png", "2026-02-10"))):
        photo = tmp_path / "camera" / name
        photo.parent.mkdir(exist_ok=True)
        photo.write_bytes(bytes([n]) * 3000 + name.encode())
        photos[hashlib.sha256(photo.read_bytes()).hexdigest()] = photo.read_bytes()
        activities.record_activity(
            store,
            {
                "party_orgs": [party],
                "kind": "主题党日",
                "held_on": held_on,
                "topic": f"主题党日{n}",
                "attendees": [{"member": member}],
                "attachments": [str(photo)],
            },
            date(2026, 11, 22),
        )
    return photos


def _pool_files(folder: Path) -> dict[str, bytes]:
    return {p.stem: p.read_bytes() for p in (folder / POOL_NAME).rglob("*") if p.is_file()}


def test_backup_puts_the_attachments_in_a_shared_pool_and_a_second_backup_copies_nothing(
    store: Store, tmp_path: Path
) -> None:
    photos = _two_activities_with_photos(store, tmp_path)
    usb = tmp_path / "usb"
    first = run_job(backup_job(store, usb))
    assert _pool_files(usb) == photos
    assert (first.attachments.referred, first.attachments.copied, first.attachments.missing) == (2, 2, [])
    assert "附件 2 个（备份旁齐全）" in describe(preview_backup(first.path))
    assert not [p for p in usb.rglob("*") if "partial" in p.name]
    second = run_job(backup_job(store, usb, when=datetime(2026, 11, 23, 9, 0)))
    assert second.path != first.path and (second.attachments.referred, second.attachments.copied) == (2, 0)
    assert _pool_files(usb) == photos  # one pool, shared
    assert "本次新复制 0 个" in second.attachments_note()


def test_a_missing_attachment_file_is_counted_and_the_backup_still_made(store: Store, tmp_path: Path) -> None:
    photos = _two_activities_with_photos(store, tmp_path)
    gone = next(iter(photos))
    next((files_root(store) / "activities" / gone[:2]).glob(f"{gone}*")).unlink()
    made = run_job(backup_job(store, tmp_path / "usb"))
    assert preview_backup(made.path).counts == made.preview.counts  # the data is backed up
    assert len(made.attachments.missing) == 1 and "1 个附件文件缺失" in made.attachments_note()
    assert set(_pool_files(tmp_path / "usb")) == set(photos) - {gone}
    assert "缺 1 个" in describe(preview_backup(made.path))


def test_the_cli_backup_says_where_the_attachments_went_and_which_are_missing(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli.main import main

    photos = _two_activities_with_photos(store, tmp_path)
    gone = next(iter(photos))
    next((files_root(store) / "activities" / gone[:2]).glob(f"{gone}*")).unlink()
    capsys.readouterr()
    assert main(["--db", store.location, "backup", str(tmp_path / "usb")]) == 0
    out = capsys.readouterr().out
    assert "附件 2 个已在" in out and "本次新复制 1 个" in out and "1 个附件文件缺失" in out
    assert main(["--db", store.location, "backup", str(tmp_path / "usb2"), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert (listed["attachments"], listed["attachments_copied"], listed["attachments_missing"]) == (2, 1, 1)


def test_restore_on_a_new_computer_brings_the_attachments_back_byte_for_byte(
    store: Store, tmp_path: Path
) -> None:
    photos = _two_activities_with_photos(store, tmp_path)
    copy = backup(store, tmp_path / "usb")
    # The new PC: a copy of the station without its attachments folder.
    source = migrate.sqlite_path(store.url)
    assert source is not None
    new_pc = tmp_path / "new-pc" / "station.sqlite3"
    new_pc.parent.mkdir()
    shutil.copy(source, new_pc)
    fresh = open_store(str(new_pc))
    try:
        assert not files_root(fresh).exists()
        done = run_job(restore_job(fresh, copy))
        assert done.attachments_note() == "" and done.attachments.copied == 2
        restored = {p.stem: p.read_bytes() for p in files_root(fresh).rglob("*") if p.is_file()}
        assert restored == photos
        assert verify(fresh).ok
    finally:
        fresh.close()


def test_a_backup_without_its_pool_restores_the_data_and_names_the_missing_attachments(
    store: Store, tmp_path: Path
) -> None:
    _two_activities_with_photos(store, tmp_path)
    copy = backup(store, tmp_path / "usb")
    shutil.rmtree(tmp_path / "usb" / POOL_NAME)  # only the .db was carried over
    assert "缺 2 个" in describe(preview_backup(copy))
    shutil.rmtree(files_root(store))
    saved = counts(store)
    done = run_job(restore_job(store, copy))
    assert counts(store) == saved
    note = done.attachments_note()
    assert "数据已全部恢复" in note and "2 个附件" in note and "签到表.jpg" in note


def test_verify_reports_an_attachment_whose_file_is_gone(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photos = _two_activities_with_photos(store, tmp_path)
    assert verify(store).ok
    gone = next(iter(photos))
    next((files_root(store) / "activities" / gone[:2]).glob(f"{gone}*")).unlink()
    report = verify(store)
    [problem] = report.problems
    assert problem.key == "attachments" and problem.count == 1 and "不存在" in problem.example
    assert main(["--db", store.location, "verify"]) == 1
    assert "组织生活附件的文件都在" in capsys.readouterr().out


@pytest.mark.postgres
def test_postgresql_attachments_go_beside_the_dump_and_come_back(pg_stations, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pg_stations.database() as url:
        store = open_store(url)
        try:
            photos = _two_activities_with_photos(store, tmp_path)
            made = run_job(backup_job(store, tmp_path / "dumps"))
            assert _pool_files(tmp_path / "dumps") == photos
            assert "附件 2 个（备份旁齐全）" in describe(preview_backup(made.path))
            shutil.rmtree(files_root(store))  # the data directory's attachments lost
            done = run_job(restore_job(store, made.path))
            assert done.attachments.copied == 2 and done.attachments_note() == ""
            assert {p.stem: p.read_bytes() for p in files_root(store).rglob("*") if p.is_file()} == photos
            assert verify(store).ok
        finally:
            store.close()


def test_pruning_daily_backups_keeps_the_attachments_they_share(store: Store, tmp_path: Path) -> None:
    photos = _two_activities_with_photos(store, tmp_path)
    start = datetime(2026, 1, 2, 9, 0)
    for day in range(20):
        auto_backup(store, start + timedelta(days=day))
    folder = Path(store.location).parent / "backups"
    assert len(dated_backups(folder, store.station.code)) < 20  # some were pruned
    assert _pool_files(folder) == photos
    kept = dated_backups(folder, store.station.code)[0][1]
    assert "附件 2 个（备份旁齐全）" in describe(preview_backup(kept))
