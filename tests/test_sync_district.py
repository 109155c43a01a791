"""The district side of 数据交换 on PostgreSQL (several clerks at once), and the
``sync`` commands as a person runs them."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from app.cli.main import main
from app.store import open_store
from app.sync import apply, export, history, keys
from tests.sync_world import (
    PASSPHRASE,
    STATIONS,
    WorldFiles,
    copy_world,
    district_on,
    fast_unlock,
    journal_length,
    opened,
    rows_of,
)

A, B, C = (code for code, _ in STATIONS)


@pytest.fixture
def world(sync_world_files: WorldFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WorldFiles:
    fast_unlock(monkeypatch)
    keys.forget_unlocked()
    return copy_world(sync_world_files, tmp_path / "world")


def _packages(world: WorldFiles, out: Path) -> dict[str, Path]:
    made = {}
    for code, _ in STATIONS:
        with opened(world.stations[code]) as station:
            made[code] = export.export_up(station, out, passphrase=PASSPHRASE).path
    return made


@pytest.mark.postgres
def test_a_district_on_postgresql_merges_re_imports_and_rolls_back(
    world: WorldFiles, tmp_path: Path, pg_url: str
) -> None:
    packages = _packages(world, tmp_path / "usb")
    district = district_on(pg_url, world)
    try:
        results = apply.import_packages(district, list(packages.values()), passphrase=PASSPHRASE)
        assert [r.state for r in results] == ["applied"] * 3, [r.message for r in results]
        for code, _ in STATIONS:
            with opened(world.stations[code]) as station:
                assert rows_of(district, code) == rows_of(station, code)
        seqs = journal_length(district)
        again = apply.import_packages(district, [packages[A]], passphrase=PASSPHRASE)
        assert again[0].state == "unchanged"
        assert journal_length(district) == seqs
        message = history.rollback_import(district, results[1].package_id or "")
        assert "已撤销" in message
        assert all(not rows for rows in rows_of(district, B).values())
        assert rows_of(district, A)["member"]  # the others stay
    finally:
        district.close()


@pytest.mark.postgres
def test_clerks_importing_at_the_same_moment_on_postgresql(
    world: WorldFiles, tmp_path: Path, pg_url: str
) -> None:
    """Two clerks import different stations at once, and both the same package: each
    station's rows arrive once, and the second import of the same file changes nothing."""
    packages = _packages(world, tmp_path / "usb")
    district_on(pg_url, world).close()
    outcomes: dict[str, list[str]] = {}
    start = threading.Barrier(4)

    def clerk(name: str, files: list[Path]) -> None:
        store = open_store(pg_url)
        try:
            keys.unlocked(store, PASSPHRASE)
            start.wait()
            outcomes[name] = [r.state for r in apply.import_packages(store, files, passphrase=PASSPHRASE)]
        finally:
            store.close()

    threads = [
        threading.Thread(target=clerk, args=("a", [packages[A]])),
        threading.Thread(target=clerk, args=("b", [packages[B]])),
        threading.Thread(target=clerk, args=("c1", [packages[C]])),
        threading.Thread(target=clerk, args=("c2", [packages[C]])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert outcomes["a"] == ["applied"] and outcomes["b"] == ["applied"]
    assert sorted(outcomes["c1"] + outcomes["c2"]) == ["applied", "unchanged"]
    store = open_store(pg_url)
    try:
        for code, _ in STATIONS:
            with opened(world.stations[code]) as station:
                assert rows_of(store, code) == rows_of(station, code)
        with store.engine.connect() as conn:
            entries = conn.exec_driver_sql("SELECT min(seq), max(seq), count(*) FROM journal").one()
        assert entries[2] == entries[1] - entries[0] + 1  # gap-free
    finally:
        store.close()


def _cli(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_sync_commands_from_export_to_receipt(
    world: WorldFiles, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIANGXIN_PASSPHRASE", PASSPHRASE)
    usb = tmp_path / "usb"
    code, out, err = _cli(capsys, world.stations[A], "sync", "export", "--out", str(usb))
    assert code == 0 and err == ""
    assert "已生成增量上报数据包" in out and "两新组织：新增" in out
    package = next(usb.glob("*.lxpkg"))

    code, out, _ = _cli(capsys, world.district, "sync", "import", str(usb), "--dry-run", "--json")
    assert code == 0
    assert [r["state"] for r in json.loads(out)] == ["dry_run"]
    assert not list(usb.glob("*-receipt.lxpkg"))  # a dry run writes nothing

    bad = tmp_path / "bad" / "bad.lxpkg"
    bad.parent.mkdir()
    bad.write_bytes(package.read_bytes()[:-40])
    code, out, err = _cli(capsys, world.district, "sync", "import", str(package), str(bad))
    assert code == 3
    assert "已导入" in out
    assert len(err.strip().splitlines()) == 1 and "已损坏或不完整" in err and "Traceback" not in err

    code, _, err = _cli(capsys, world.district, "sync", "import", str(bad))
    assert code == 2 and len(err.strip().splitlines()) == 1

    code, out, _ = _cli(capsys, world.district, "sync", "history", "--json")
    entries = json.loads(out)
    # every attempt is in the history, the refused ones too
    assert sorted(e["state"] for e in entries) == ["applied", "refused", "refused"]

    receipt = next(usb.glob("*-receipt.lxpkg"))
    code, out, _ = _cli(capsys, world.stations[A], "sync", "load-receipt", str(receipt))
    assert code == 0 and "已载入回执：区已确认至 #" in out
    code, out, _ = _cli(capsys, world.stations[A], "sync", "status")
    assert out.startswith("区已确认至 #")

    applied = next(e for e in entries if e["state"] == "applied")
    code, out, _ = _cli(capsys, world.district, "sync", "rollback", applied["short_id"])
    assert code == 0 and "已撤销" in out


def test_a_station_cannot_import_and_a_district_cannot_export(
    world: WorldFiles, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIANGXIN_PASSPHRASE", PASSPHRASE)
    usb = tmp_path / "usb"
    assert _cli(capsys, world.stations[B], "sync", "export", "--out", str(usb))[0] == 0
    code, _, err = _cli(capsys, world.stations[A], "sync", "import", str(next(usb.glob("*.lxpkg"))))
    assert code == 2 and "签名不属于任何已登记的站点" in err
    code, _, err = _cli(capsys, world.district, "sync", "export", "--out", str(tmp_path))
    assert code == 1 and len(err.strip().splitlines()) == 1
