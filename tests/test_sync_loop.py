"""The district runs its campaign through the sub-districts: tasks, templates and
locked thresholds go down, progress comes back up (issue 14's loop)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import LiangxinError
from app.services import campaigns, task_moves
from app.services.task_board import TaskFilter, board_lanes, task_cards
from app.settings import change_setting, current_settings, lock_setting
from app.sync import apply, down, keys
from db.models import Campaign
from tests.sync_world import (
    PASSPHRASE,
    STATIONS,
    WorldFiles,
    copy_world,
    district_campaign,
    fast_unlock,
    opened,
    report_up,
    rows_of,
    shared_by_two_stations,
)

A, B, C = (code for code, _ in STATIONS)
KEY = "rule.enterprise_org.min_employees"


@pytest.fixture
def world(sync_world_files: WorldFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WorldFiles:
    fast_unlock(monkeypatch)
    keys.forget_unlocked()
    world = copy_world(sync_world_files, tmp_path / "world")
    report_up(world, tmp_path / "first", (A, B, C))
    return world


def _down(world: WorldFiles, code: str, folder: Path) -> Path:
    with opened(world.district) as district:
        return down.export_down(district, code, folder, passphrase=PASSPHRASE).path


def _load(world: WorldFiles, code: str, path: Path) -> apply.Imported:
    with opened(world.stations[code]) as station:
        return apply.import_packages(station, [path], passphrase=PASSPHRASE)[0]


def test_the_district_campaign_goes_down_and_progress_comes_back(world: WorldFiles, tmp_path: Path) -> None:
    campaign, tasks = district_campaign(world)
    assert set(tasks) == {A, B, C}, "each station's findings are that station's tasks"
    for code in (A, B):
        result = _load(world, code, _down(world, code, tmp_path / f"down-{code}"))
        assert result.state == "applied", result.message
        with opened(world.stations[code]) as station:
            cards = task_cards(station, TaskFilter(campaign=campaign))
        assert sorted(c.id for c in cards) == sorted(tasks[code])  # only its own tasks
    a_task, b_task = tasks[A][0], tasks[B][0]
    with opened(world.stations[A]) as station:
        with pytest.raises(LiangxinError, match="不能销号"):
            task_moves.close_out_task(station, a_task, "已上门督促")  # the record still breaks the rule
        task_moves.close_out_task(station, a_task, "已上门督促", override="企业已停业，待注销")
    with opened(world.stations[B]) as station:
        task_moves.move_task(station, b_task, "doing")
    report_up(world, tmp_path / "second", (A, B))
    with opened(world.district) as district:
        cards = {c.id: c for c in task_cards(district, TaskFilter(campaign=campaign))}
        lanes = {lane.key: lane for lane in board_lanes(list(cards.values()), "station")}
    assert cards[a_task].status == "done" and cards[a_task].override_reason == "企业已停业，待注销"
    assert cards[b_task].status == "doing"
    assert {c.status for i, c in cards.items() if i not in (a_task, b_task)} == {"todo"}
    names = dict(STATIONS)
    assert set(lanes) == {names[A], names[B], names[C]}
    assert [c.id for c in lanes[names[A]].cards["done"]] == [a_task]
    assert [c.id for c in lanes[names[B]].cards["doing"]] == [b_task]


def test_a_down_package_is_for_its_station_only_and_changes_nothing_it_owns(
    world: WorldFiles, tmp_path: Path
) -> None:
    district_campaign(world)
    package = _down(world, A, tmp_path)
    with opened(world.stations[B]) as station:
        before_b = rows_of(station, B)
    refused = _load(world, B, package)
    assert refused.state == "refused" and "不是加密给本站点的" in refused.message
    with opened(world.stations[B]) as station:
        assert rows_of(station, B) == before_b
    with opened(world.stations[A]) as station:
        before_a = rows_of(station, A)
    assert _load(world, A, package).state == "applied"
    assert _load(world, A, package).state == "unchanged"
    with opened(world.stations[A]) as station:
        assert rows_of(station, A) == before_a


def test_a_district_row_cannot_be_changed_at_the_station(world: WorldFiles, tmp_path: Path) -> None:
    campaign, tasks = district_campaign(world)
    _load(world, A, _down(world, A, tmp_path))
    with opened(world.stations[A]) as station:
        with (
            pytest.raises(LiangxinError, match="这是区里下发的专项行动，街道不能修改"),
            station.write() as session,  # any edit of the campaign's own fields
        ):
            session.get(Campaign, campaign).name = "街道改名"
        with pytest.raises(LiangxinError, match="这是区里下发的任务，街道不能修改"):
            task_moves.reassign_task(station, tasks[A][0], "另一个社区")


def test_a_locked_threshold_is_followed_at_the_station(world: WorldFiles, tmp_path: Path) -> None:
    with opened(world.stations[A]) as station:
        change_setting(station, KEY, 40)  # the station's own choice
    with opened(world.district) as district:
        change_setting(district, KEY, 80)
        lock_setting(district, KEY)
    assert _load(world, A, _down(world, A, tmp_path)).state == "applied"
    with opened(world.stations[A]) as station:
        assert current_settings(station)[KEY] == 80
        with pytest.raises(LiangxinError, match="由区里统一设定"):
            change_setting(station, KEY, 30)
    with opened(world.district) as district:
        lock_setting(district, KEY, locked=False)
    assert _load(world, A, _down(world, A, tmp_path / "2")).state == "applied"
    with opened(world.stations[A]) as station:
        assert current_settings(station)[KEY] == 40  # its own value again


def test_the_district_finds_people_and_units_registered_in_two_stations(
    world: WorldFiles, tmp_path: Path
) -> None:
    from app.services.duplicates import (
        duplicate_members,
        duplicate_orgs,
        export_duplicates,
        make_duplicate_tasks,
    )

    person, unit = shared_by_two_stations(world, A, B)
    report_up(world, tmp_path / "again", (B,))
    with opened(world.district) as district:
        people, units = duplicate_members(district), duplicate_orgs(district)
        assert [(g.name, g.stations) for g in people] == [(person.name, [A, B])]
        assert people[0].key != person.id_number and people[0].key.endswith(person.id_number[-2:])  # masked
        assert duplicate_members(district, reveal=True)[0].key == person.id_number
        assert [(g.key, g.stations) for g in units] == [(unit.uscc, [A, B])]
        sheet = export_duplicates(district, "members", tmp_path / "dup.xlsx")
        campaign = campaigns.create_campaign(
            district, {"name": "查重核实", "starts_on": "2026-12-01", "ends_on": "2026-12-31"}
        )
        assert make_duplicate_tasks(district, "members", campaign["id"]) == 2
        assert make_duplicate_tasks(district, "members", campaign["id"]) == 0  # not twice
        cards = task_cards(district, TaskFilter(campaign=campaign["id"]))
        assert sorted(c.station for c in cards) == sorted(dict(STATIONS)[c] for c in (A, B))
    from openpyxl import load_workbook

    rows = list(load_workbook(sheet).active.iter_rows(values_only=True))
    assert [r[2] for r in rows[1:]] == [dict(STATIONS)[A], dict(STATIONS)[B]]
    assert all(person.id_number not in str(r) for r in rows)  # masked unless asked


def test_station_list_says_who_has_not_reported(
    world: WorldFiles, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from app.cli.main import main

    assert main(["--db", str(world.district), "station", "list", "--json"]) == 0
    listed = {s["code"]: s for s in json.loads(capsys.readouterr().out)}
    assert all(listed[c]["lag_days"] == 0 and not listed[c]["overdue"] for c in (A, B, C))
    assert listed[A]["last_range"][0] == 1 and listed[A]["last_range"][1] == listed[A]["last_received_seq"]


def test_the_settings_page_knows_what_is_locked(world: WorldFiles, tmp_path: Path) -> None:
    from app.settings import setting_locks

    with opened(world.district) as district:
        lock_setting(district, KEY)
        assert setting_locks(district) == {KEY: "locked"}
    _load(world, A, _down(world, A, tmp_path))
    with opened(world.stations[A]) as station:
        assert setting_locks(station) == {KEY: "district"}
    with opened(world.stations[B]) as station:
        assert setting_locks(station) == {}
