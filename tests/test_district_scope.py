"""Every page across sub-districts (issue 14): at a district, one sub-district's figures
are the figures that station's own dashboard shows, the district's are their sum, the
registers filter by 街道, and every print says whose records it shows. Real files:
the district and three stations of tests/sync_world.py after their first packages
(and the same district on PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli.main import main
from app.errors import LiangxinError
from app.services import campaigns, members, organizations, party_orgs
from app.station_scope import station_scope
from app.stats import COUNTS, MEMBER_FIGURES, ORG_FIGURES, Figure, check, figure_records, station_stats
from app.store import Store
from app.sync import apply, export, keys
from tests.sync_world import (
    DISTRICT,
    PASSPHRASE,
    STATIONS,
    WorldFiles,
    copy_world,
    district_on,
    fast_unlock,
    opened,
)

A, B, C = (code for code, _ in STATIONS)
NAMES = dict(STATIONS)
WHOLE = f"{DISTRICT[1]}（全区 3 个街道）"
# What the district's figures of one station must share with the station's own: all but
# who made them, the trend (recorded months are each database's own) and the district's
# side-by-side table.
OWN = ("station", "station_scope", "trend", "by_station")


@pytest.fixture
def world(sync_world_files: WorldFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WorldFiles:
    fast_unlock(monkeypatch)
    keys.forget_unlocked()
    return copy_world(sync_world_files, tmp_path / "world")


def _packages(world: WorldFiles, out: Path) -> list[Path]:
    made = []
    for code, _ in STATIONS:
        with opened(world.stations[code]) as station:
            made.append(export.export_up(station, out, passphrase=PASSPHRASE).path)
    return made


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def district(request: pytest.FixtureRequest, world: WorldFiles, tmp_path: Path) -> Iterator[Store]:
    """The district, on either engine, after every station's first package."""
    packages = _packages(world, tmp_path / "usb")
    if request.param == "postgresql":
        store = district_on(request.getfixturevalue("pg_url"), world)
    else:
        from app.store import open_store

        store = open_store(str(world.district))
    try:
        results = apply.import_packages(store, packages, passphrase=PASSPHRASE)
        assert [r.state for r in results] == ["applied"] * 3, [r.message for r in results]
        yield store
    finally:
        store.close()


def _own_figures(stats: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in stats.items() if k not in OWN}


def test_one_stations_figures_at_the_district_are_that_stations_own(
    district: Store, world: WorldFiles
) -> None:
    today = None
    for code, name in STATIONS:
        with opened(world.stations[code]) as station:
            own = station_stats(station)
            today = own["date"]
            own_findings = sorted((f.rule_id, f.record_id) for f in check(station))
            traced = {
                what: sorted(figure_records(station, Figure(what)).ids)
                for what in (*ORG_FIGURES, *MEMBER_FIGURES)
            }
        there = station_stats(district, station=code)
        assert there["date"] == today
        assert there["station_scope"] == {"station": code, "label": name, "district": True}
        assert _own_figures(there) == _own_figures(own), name
        assert own["organizations"]["total"] > 0 and own["findings"]["total"] > 0  # a test that can fail
        assert [r["key"] for r in there["by_station"]] == [code]
        findings = check(district, station=code)
        assert sorted((f.rule_id, f.record_id) for f in findings) == own_findings
        assert {f.station for f in findings} == {code}
        for what, ids in traced.items():
            assert sorted(figure_records(district, Figure(what), station=code).ids) == ids, (name, what)


def test_the_districts_figures_are_the_sum_of_its_stations(district: Store) -> None:
    whole = station_stats(district)
    parts = [station_stats(district, station=code) for code in NAMES]
    assert whole["station_scope"] == {"station": None, "label": WHOLE, "district": True}
    for group in ("organizations", "members"):
        for key, value in whole[group].items():
            assert value == sum(p[group][key] for p in parts), (group, key)
    assert whole["party_orgs"]["total"] == sum(p["party_orgs"]["total"] for p in parts)
    for key in COUNTS:
        assert whole["coverage"][key] == sum(p["coverage"][key] for p in parts), key
    for rule, n in whole["findings"]["by_rule"].items():
        assert n == sum(p["findings"]["by_rule"][rule] for p in parts), rule
    # Coverage by sub-district: one row per station, as that station's own figures, lowest first.
    rows = {r["key"]: r for r in whole["by_station"]}
    assert set(rows) == set(NAMES)
    for code, part in zip(NAMES, parts, strict=True):
        assert rows[code]["label"] == NAMES[code]
        assert {k: rows[code][k] for k in COUNTS} == part["coverage"]
    rates = [r["organization_coverage"] for r in whole["by_station"]]
    assert rates == sorted(rates)
    assert len(check(district)) == sum(len(check(district, station=code)) for code in NAMES)


def test_a_stations_bar_traces_to_its_own_records(district: Store) -> None:
    whole = station_stats(district)
    for row in whole["by_station"]:
        gap = figure_records(district, Figure("organization_coverage", "station", row["key"], row["label"]))
        assert len(gap.ids) == row["uncovered"]
        assert gap.title.startswith(row["label"])
        kept = set(organizations.organization_ids(district, station=row["key"]))
        assert set(gap.ids) <= kept


def test_the_register_filter_shows_exactly_one_stations_rows(district: Store, world: WorldFiles) -> None:
    lists = (
        (organizations.organization_ids, organizations.organization_rows),
        (party_orgs.party_org_ids, party_orgs.party_org_rows),
        (members.member_ids, members.member_rows),
    )
    for code, name in STATIONS:
        with opened(world.stations[code]) as station:
            own = [sorted(ids(station)) for ids, _ in lists]
        for (ids, rows), expected in zip(lists, own, strict=True):
            found = ids(district, station=code)
            assert sorted(found) == expected and expected, (name, ids.__name__)
            assert {r.station for r in rows(district, found[:50])} == {name}
    every = organizations.organization_ids(district)
    assert len(every) == sum(len(organizations.organization_ids(district, station=c)) for c in NAMES)
    # Sorted by 街道: in the order of the codes, as the filter lists them.
    page = organizations.list_organizations(district, sort="station", limit=None)
    codes = {name: code for code, name in STATIONS}
    assert [r.station for r in page.rows] == sorted((r.station for r in page.rows), key=codes.__getitem__)


def test_a_sub_district_sees_its_own_records_and_cannot_ask_for_anothers(world: WorldFiles) -> None:
    with opened(world.stations[A]) as station:
        stats = station_stats(station)
        assert stats["station_scope"] == {"station": None, "label": NAMES[A], "district": False}
        assert stats["by_station"] == []
        assert {
            r.station
            for r in organizations.organization_rows(station, organizations.organization_ids(station))
        } == {NAMES[A]}
        with pytest.raises(LiangxinError, match="只有本街道的数据"):
            station_stats(station, station=B)


def test_an_unknown_station_is_refused_in_a_sentence(district: Store) -> None:
    with pytest.raises(LiangxinError, match="没有登记代码或名称为“440399999”的街道"):
        station_scope(district, "440399999")
    assert station_scope(district, NAMES[B]).station == B  # a name serves as well as the code


def _pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_every_print_says_whose_records_it_shows(world: WorldFiles, tmp_path: Path) -> None:
    from app.reports.dashboard import export_dashboard, print_dashboard
    from app.reports.notice import export_notice, print_notice
    from app.reports.registers import print_card, print_ledger, print_roster

    for path in _packages(world, tmp_path / "usb"):
        with opened(world.district) as store:
            apply.import_packages(store, [path], passphrase=PASSPHRASE)
    with opened(world.district) as district:
        whole = _pdf_text(print_dashboard(district, tmp_path / "whole.pdf"))
        one = _pdf_text(print_dashboard(district, tmp_path / "one.pdf", station=B))
        assert f"数据范围：{WHOLE}" in whole
        assert f"数据范围：{NAMES[B]}" in one and WHOLE not in one
        book = load_workbook(export_dashboard(district, tmp_path / "one.xlsx", station=B))
        overview = {row[0]: row[1] for row in book["概况"].iter_rows(values_only=True)}
        assert overview["数据范围"] == NAMES[B]
        details = list(book["问题明细"].iter_rows(values_only=True))[1:]
        assert len(details) == len(check(district, station=B)) and details
        ledger = _pdf_text(print_ledger(district, tmp_path / "ledger.pdf", station=C))
        assert f"数据范围：{NAMES[C]}" in ledger
        c_orgs = organizations.list_organizations(district, station=C, limit=3).rows
        a_org = organizations.list_organizations(district, station=A, limit=1).rows[0]
        assert all(o.name[:6] in ledger.replace("\n", "") for o in c_orgs)
        assert a_org.name not in ledger.replace("\n", "")
        card = _pdf_text(print_card(district, a_org.id, tmp_path / "card.pdf"))
        assert f"数据范围：{NAMES[A]}" in card
        party = party_orgs.list_party_orgs(district, station=B, limit=1).rows[0]
        roster = _pdf_text(print_roster(district, party.id, tmp_path / "roster.pdf"))
        assert f"数据范围：{NAMES[B]}" in roster
        # The campaign's 通报 at the district covers every sub-district, and says so.
        campaign = campaigns.create_campaign(
            district, {"name": "区级专项行动", "starts_on": "2026-11-01", "ends_on": "2027-03-31"}
        )["id"]
        notice = _pdf_text(print_notice(district, campaign, tmp_path / "notice.pdf"))
        assert f"数据范围：{WHOLE}" in notice
        sheet = load_workbook(export_notice(district, campaign, tmp_path / "notice.xlsx"))["概况"]
        assert dict(sheet.iter_rows(min_row=2, values_only=True))["数据范围"] == WHOLE
    with opened(world.stations[A]) as station:  # a sub-district's prints stay as they were
        assert "数据范围" not in _pdf_text(print_dashboard(station, tmp_path / "station.pdf"))


def test_the_commands_take_a_station(
    world: WorldFiles, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with opened(world.district) as district:
        apply.import_packages(district, _packages(world, tmp_path / "usb"), passphrase=PASSPHRASE)
    db = ["--db", str(world.district)]
    assert main([*db, "org", "list", "--station", A, "--limit", "0", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert rows and {r["station"] for r in rows} == {NAMES[A]}
    assert main([*db, "member", "list", "--station", NAMES[B], "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert "街道" in out.splitlines()[0] and NAMES[B] in out and NAMES[A] not in out
    assert main([*db, "stats", "--station", C, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["station_scope"]["label"] == NAMES[C]
    assert main([*db, "stats"]) == 0
    out = capsys.readouterr().out
    assert f"数据范围：{WHOLE}" in out and all(name in out for name in NAMES.values())
    assert main([*db, "check", "--station", A, "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert findings and {f["station"] for f in findings} == {A}
    assert main([*db, "org", "list", "--station", "不存在街道"]) != 0
    assert "没有登记代码或名称为“不存在街道”的街道" in capsys.readouterr().err
    assert main(["--db", str(world.stations[A]), "org", "list", "--limit", "2"]) == 0
    assert "街道" not in capsys.readouterr().out.splitlines()[0]  # a sub-district: no 街道 column
