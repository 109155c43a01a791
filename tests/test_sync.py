"""数据交换: up packages from three sub-districts merged at the district, receipts,
re-imports, gaps, tombstones, refusals and rollback, on real files and real keys."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from app.services import organizations
from app.stats import register_counts
from app.sync import apply, crypto, export, history, keys, receipt
from app.sync.package import inner_zip, read_sealed, write_outer
from db.models import Organization, Station
from tests.sync_world import (
    PASSPHRASE,
    STATIONS,
    WorldFiles,
    copy_world,
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


def _export(world: WorldFiles, code: str, out: Path, **kw: object) -> export.Made:
    with opened(world.stations[code]) as station:
        return export.export_up(station, out, passphrase=PASSPHRASE, **kw)


def _import(world: WorldFiles, files: list[Path], **kw: object) -> list[apply.Imported]:
    with opened(world.district) as district:
        return apply.import_packages(district, files, passphrase=PASSPHRASE, **kw)


def _same_as_station(world: WorldFiles, code: str) -> None:
    with opened(world.stations[code]) as station, opened(world.district) as district:
        at_station, at_district = rows_of(station, code), rows_of(district, code)
    for table, rows in at_station.items():
        assert at_district[table] == rows, f"{table} differs at the district"


def test_three_stations_merge_into_the_district(world: WorldFiles, tmp_path: Path) -> None:
    out = tmp_path / "usb"
    made = [_export(world, code, out) for code, _ in STATIONS]
    assert all(m.path.exists() and m.rows > 0 for m in made)
    results = _import(world, [out])
    assert [r.state for r in results] == ["applied"] * 3, [r.message for r in results]
    assert all(not r.refusals for r in results)
    for code, _ in STATIONS:
        _same_as_station(world, code)
    # The district's totals are the sum of the stations' own.
    with opened(world.district) as district:
        merged = register_counts(district)
    sums: dict[str, int] = {}
    for code, _ in STATIONS:
        with opened(world.stations[code]) as station:
            for key, value in _numbers(register_counts(station)).items():
                sums[key] = sums.get(key, 0) + value
    assert _numbers(merged) == sums
    # Each import wrote a receipt beside the package.
    assert sorted(p.name for p in out.glob("*-receipt.lxpkg")) == sorted(
        f"{code}-1-{r.seq_to}-receipt.lxpkg" for code, r in zip((A, B, C), results, strict=True)
    )


def _numbers(counts: dict[str, object], prefix: str = "") -> dict[str, int]:
    flat: dict[str, int] = {}
    for key, value in counts.items():
        if isinstance(value, dict):
            flat.update(_numbers(value, f"{prefix}{key}."))
        elif isinstance(value, int) and not isinstance(value, bool):
            flat[f"{prefix}{key}"] = value
    return flat


def test_importing_the_same_package_again_changes_nothing(world: WorldFiles, tmp_path: Path) -> None:
    made = _export(world, A, tmp_path)
    assert _import(world, [made.path])[0].state == "applied"
    with opened(world.district) as district:
        before, seqs = rows_of(district, A), journal_length(district)
    again = _import(world, [made.path])[0]
    assert again.state == "unchanged"
    assert "已导入，无变化" in again.message
    with opened(world.district) as district:
        assert rows_of(district, A) == before
        assert journal_length(district) == seqs


def _first_org(station: object) -> str:
    return organizations.list_organizations(station, limit=1).rows[0].id  # type: ignore[arg-type]


def test_edits_and_deletes_travel_in_the_next_package(world: WorldFiles, tmp_path: Path) -> None:
    with opened(world.stations[A]) as station:
        doomed = organizations.add_organization(
            station, {"name": "将注销的测试公司", "kind": "enterprise", "industry": "other", "employees": 3}
        )["id"]
    first = _export(world, A, tmp_path / "1")
    _import(world, [first.path])
    with opened(world.stations[A]) as station:
        receipt.load_receipt(station, next((tmp_path / "1").glob("*-receipt.lxpkg")), passphrase=PASSPHRASE)
        assert history.exchange_status(station)["text"].startswith(f"区已确认至 #{first.seq_to}，")
        organizations.edit_organization(station, _first_org(station), {"employees": 321})
        organizations.delete_organization(station, doomed)
    second = _export(world, A, tmp_path / "2")
    assert second.seq_from == first.seq_to + 1
    assert second.counts["organization"] == {"update": 1, "delete": 1}
    result = _import(world, [second.path])[0]
    assert result.state == "applied", result.message
    assert result.counts["organization"]["updated"] == 2
    _same_as_station(world, A)


def _three_packages(world: WorldFiles, tmp_path: Path) -> list[export.Made]:
    """P1, P2, P3 in a row, each after the district confirmed the one before (a scratch
    district copy does the confirming, so the real one has received nothing)."""
    scratch = copy_world(world, tmp_path / "scratch")
    made = []
    for n in range(3):
        if n:
            with opened(world.stations[A]) as station:
                organizations.edit_organization(station, _first_org(station), {"employees": 500 + n})
        package = _export(world, A, tmp_path / f"p{n + 1}")
        made.append(package)
        _import(scratch, [package.path], receipt_dir=tmp_path / f"r{n + 1}")
        with opened(world.stations[A]) as station:
            receipt.load_receipt(
                station, next((tmp_path / f"r{n + 1}").glob("*.lxpkg")), passphrase=PASSPHRASE
            )
    return made


def test_a_package_after_a_gap_waits_and_any_allowed_order_ends_the_same(
    world: WorldFiles, tmp_path: Path
) -> None:
    p1, p2, p3 = _three_packages(world, tmp_path)
    with opened(world.district) as district:
        before = rows_of(district, A)
    waiting = _import(world, [p3.path])[0]
    assert waiting.state == "waiting"
    assert f"还缺 #1 至 #{p3.seq_from - 1}" in waiting.message
    with opened(world.district) as district:
        assert rows_of(district, A) == before
    # Given together, the batch fills its own gap: P1, P2, P3 in order, and its dry run says so.
    preview = _import(world, [p3.path, p1.path, p2.path], dry_run=True)
    assert [r.state for r in preview] == ["dry_run"] * 3, [r.message for r in preview]
    assert "排在同批前一个数据包之后" in preview[1].message
    results = _import(world, [p3.path, p1.path, p2.path])
    assert [r.path for r in results] == [p1.path, p2.path, p3.path]
    assert [r.state for r in results] == ["applied"] * 3
    _same_as_station(world, A)


def test_a_full_snapshot_never_waits(world: WorldFiles, tmp_path: Path) -> None:
    _three_packages(world, tmp_path)
    full = _export(world, A, tmp_path / "full", full=True)
    assert full.seq_from == 1
    assert _import(world, [full.path])[0].state == "applied"
    _same_as_station(world, A)


def _data_fingerprint(world: WorldFiles) -> tuple[int, dict[str, int]]:
    with opened(world.district) as district:
        return journal_length(district), {
            code: sum(len(t) for t in rows_of(district, code).values()) for code in (A, B, C)
        }


def _refused_without_change(world: WorldFiles, path: Path, words: str) -> None:
    before = _data_fingerprint(world)
    result = _import(world, [path])[0]
    assert result.state == "refused"
    assert words in result.message, result.message
    assert "Traceback" not in result.message and "Error" not in result.message
    assert _data_fingerprint(world) == before


@pytest.mark.parametrize("where", [0.02, 0.5, 0.98])
def test_one_flipped_byte_anywhere_is_refused(world: WorldFiles, tmp_path: Path, where: float) -> None:
    made = _export(world, A, tmp_path)
    data = bytearray(made.path.read_bytes())
    data[int(len(data) * where)] ^= 0x01
    bad = tmp_path / "bad.lxpkg"
    bad.write_bytes(bytes(data))
    _refused_without_change(world, bad, "未导入任何数据")


def test_a_truncated_file_is_refused(world: WorldFiles, tmp_path: Path) -> None:
    made = _export(world, A, tmp_path)
    cut = tmp_path / "cut.lxpkg"
    cut.write_bytes(made.path.read_bytes()[: made.path.stat().st_size // 2])
    _refused_without_change(world, cut, "已损坏或不完整")


def test_a_revoked_station_is_refused(world: WorldFiles, tmp_path: Path) -> None:
    made = _export(world, B, tmp_path)
    with opened(world.district) as district:
        keys.revoke_station(district, B)
    _refused_without_change(world, made.path, "吊销")


def test_an_unknown_station_is_refused(world: WorldFiles, tmp_path: Path) -> None:
    made = _export(world, C, tmp_path)
    with opened(world.district) as district, district.write() as session:
        session.execute(
            update(Station).where(Station.code == C).values(sign_public_key=None, age_recipient=None)
        )
    _refused_without_change(world, made.path, "不属于任何已登记的站点")


def _forge(
    world: WorldFiles, signer: str, path: Path, change: dict[str, object] | None = None, **manifest: object
) -> Path:
    """A package signed with ``signer``'s real key but with content of our choosing."""
    made = _export(world, signer, path.parent / "genuine")
    sealed = read_sealed(made.path)
    with opened(world.district) as district:
        secrets_d = keys.unlocked(district, PASSPHRASE)
    with opened(world.stations[signer]) as station:
        secrets_s = keys.unlocked(station, PASSPHRASE)
        district_age = keys.district_keys(station.sessions.read().__enter__()).age
    plain = crypto.decrypt(secrets_d, sealed.payload)
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        meta = json.loads(archive.read("manifest.json"))
        lines = archive.read("changes.jsonl").splitlines()
    meta.update(manifest)
    if change is not None:
        lines.append(json.dumps(change, ensure_ascii=False).encode())
    payload = crypto.encrypt([district_age], inner_zip(meta, b"\n".join(lines)))
    comment = f"liangxin up {meta['station']} {meta['range'][0]}-{meta['range'][1]}"
    write_outer(path, payload, crypto.sign(secrets_s, payload, comment))
    return path


def test_signed_by_one_station_but_claiming_another_is_refused(world: WorldFiles, tmp_path: Path) -> None:
    forged = _forge(world, A, tmp_path / "forged.lxpkg", station=B)
    _refused_without_change(world, forged, "却自称来自")


def test_a_package_for_another_district_is_refused(world: WorldFiles, tmp_path: Path) -> None:
    forged = _forge(world, A, tmp_path / "other.lxpkg", district="440308")
    _refused_without_change(world, forged, "是发给 440308 的")


def test_a_newer_schema_is_refused(world: WorldFiles, tmp_path: Path) -> None:
    forged = _forge(world, A, tmp_path / "newer.lxpkg", schema="9999")
    _refused_without_change(world, forged, "较新版本的程序")


def test_a_row_owned_by_another_station_refuses_the_package(world: WorldFiles, tmp_path: Path) -> None:
    with opened(world.stations[B]) as station, station.read() as session:
        row = session.execute(select(Organization.__table__).limit(1)).mappings().one()
    from app.sync.rows import dump_row

    stolen = {
        "table": "organization",
        "id": row["id"],
        "op": "update",
        "owner": B,
        "rev": row["rev"],
        "row": dump_row(row),
    }
    forged = _forge(world, A, tmp_path / "stolen.lxpkg", change=stolen)
    _refused_without_change(world, forged, "不属于街道")


@pytest.mark.parametrize(
    "members",
    [
        {"payload.age": b"x"},
        {"payload.age": b"x", "payload.age.minisig": b"x", "extra.txt": b"x"},
        {"payload.age": b"x", "payload.age.minisig": b"x", "../x": b"x"},
    ],
    ids=["missing", "extra", "path"],
)
def test_a_zip_with_missing_extra_or_escaping_members_is_refused(
    world: WorldFiles, tmp_path: Path, members: dict[str, bytes]
) -> None:
    made = _export(world, A, tmp_path / "genuine")
    with zipfile.ZipFile(made.path) as archive:
        real = {n: archive.read(n) for n in archive.namelist()}
    bad = tmp_path / "bad.lxpkg"
    with zipfile.ZipFile(bad, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, real.get(name, data))
    _refused_without_change(world, bad, "不完整或被改动过")


def test_a_record_breaking_a_rule_is_refused_and_comes_back_in_the_receipt(
    world: WorldFiles, tmp_path: Path
) -> None:
    with opened(world.stations[A]) as station:
        org = {"id": _first_org(station)}
        with station.write() as session:  # as an older program might have stored it
            session.execute(text("UPDATE organization SET employees = -5 WHERE id = :id"), {"id": org["id"]})
    made = _export(world, A, tmp_path)
    result = _import(world, [made.path])[0]
    assert result.state == "applied"
    refused = {(r.table, r.id): r.reason for r in result.refusals}
    assert "职工人数" in refused.pop(("organization", org["id"]))
    # what points at it (or at what was refused with it: a task's progress) is refused with it,
    # and says why
    assert refused and all(
        reason.startswith("引用的") and "记录区里没有" in reason for reason in refused.values()
    )
    assert any(reason.startswith("引用的两新组织记录区里没有") for reason in refused.values())
    with opened(world.stations[A]) as station:
        loaded = receipt.load_receipt(station, result.receipt, passphrase=PASSPHRASE)
        assert f"拒收 {len(result.refusals)} 条" in loaded.message
        assert "职工人数" in (receipt.refusal_of(station, "organization", org["id"]) or "")
        organizations.edit_organization(station, org["id"], {"employees": 12})
    again = _export(world, A, tmp_path / "fixed")
    # the fixed record, and the ones refused with it although they did not change
    assert again.counts["organization"] == {"update": 1}
    assert sum(sum(ops.values()) for ops in again.counts.values()) == len(result.refusals)
    fixed = _import(world, [again.path])[0]
    assert not fixed.refusals
    with opened(world.stations[A]) as station:
        receipt.load_receipt(station, fixed.receipt, passphrase=PASSPHRASE)
        assert receipt.refusal_of(station, "organization", org["id"]) is None
    _same_as_station(world, A)


def test_an_import_rolls_back_only_when_it_is_the_latest(world: WorldFiles, tmp_path: Path) -> None:
    p1, p2, _ = _three_packages(world, tmp_path)
    _import(world, [p1.path])
    with opened(world.district) as district:
        after_first = rows_of(district, A)
    second = _import(world, [p2.path])[0]
    with opened(world.district) as district:
        first_id = history.sync_history(district)[-1]["id"]
        with pytest.raises(Exception, match="请先撤销那一次"):
            history.rollback_import(district, first_id)
        message = history.rollback_import(district, second.package_id or "")
        assert "已撤销" in message
        assert rows_of(district, A) == after_first
        assert district.sessions.read().__enter__().get(Station, A).last_received_seq == p1.seq_to
    # and the package can be imported again afterwards
    assert _import(world, [p2.path])[0].state == "applied"


def test_the_stock_tools_open_a_package(world: WorldFiles, tmp_path: Path) -> None:
    import shutil
    import subprocess

    if not (shutil.which("age") and shutil.which("minisign")):
        pytest.skip("age and minisign are installed by .ci/run")
    made = _export(world, A, tmp_path)
    with zipfile.ZipFile(made.path) as archive:
        archive.extractall(tmp_path / "x")
    with opened(world.district) as district:
        secrets = keys.unlocked(district, PASSPHRASE)
        with district.read() as session:
            station_key = session.get(Station, A).sign_public_key
    (tmp_path / "station.pub").write_text(crypto.minisign_public_file(station_key or ""))
    (tmp_path / "district.key").write_text(crypto.age_identity_file(secrets))
    payload = tmp_path / "x" / "payload.age"
    subprocess.run(
        ["minisign", "-Vm", str(payload), "-p", str(tmp_path / "station.pub")],
        check=True,
        capture_output=True,
    )
    plain = subprocess.run(
        ["age", "-d", "-i", str(tmp_path / "district.key"), str(payload)], check=True, capture_output=True
    ).stdout
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["station"] == A and manifest["range"] == [made.seq_from, made.seq_to]
