"""专项行动 and 挂图作战: campaigns from the template, tasks from findings without
duplicates, close-out that re-checks the rule, progress and overdue by a fixed clock."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.cli.main import main
from app.errors import FieldError, LiangxinError
from app.services import (
    campaigns,
    instructors,
    organizations,
    party_orgs,
    task_board,
    task_generation,
    task_moves,
)
from app.services.audit import read_journal
from app.services.campaign_progress import campaign_progress
from app.store import Store

TODAY = date(2026, 5, 10)  # inside the 攻坚阶段 of the 2026 campaign
# Compares the database file's bytes: SQLite only.
SQLITE_ONLY = pytest.mark.parametrize("any_store", ["sqlite"], indirect=True)


@pytest.fixture
def store(any_store: Store) -> Store:
    """Every test here on both engines: boards, progress and searches are where the two
    engines' SQL differs most."""
    return any_store


@pytest.fixture
def campaign(store: Store) -> str:
    return campaigns.create_campaign(store, {}, template="da_zujian", year=2026)["id"]


def _big(store: Store, name: str, community: str | None = None) -> str:
    values: dict[str, object] = {"name": name, "kind": "enterprise", "employees": 150}
    if community:
        values["community"] = community
    return organizations.add_organization(store, values)["id"]


def test_the_template_gives_the_seed_phases_and_units(store: Store, campaign: str) -> None:
    record = campaigns.get_campaign(store, campaign)
    assert [(p["name"], p["ends_on"]) for p in record["phases"]] == [
        ("准备阶段", date(2026, 4, 15)),
        ("攻坚阶段", date(2026, 6, 20)),
        ("总结阶段", date(2026, 6, 30)),
    ]
    # The units the plan names (seed 001, 三、分工安排): 区委两新工委 and the two 区 Party
    # committees beside the four action lines' units.
    assert [u["kind_label"] for u in record["units"]] == [
        "其他单位",
        "挂点领导",
        "驻街部门",
        "主管单位",
        "群团组织",
        "其他单位",
        "其他单位",
    ]
    own = campaigns.create_campaign(
        store,
        {"name": "楼宇党建百日行动", "starts_on": "2026-09-01", "ends_on": "2026-12-10"},
        units=["社区:南岭村社区"],
    )
    assert own["units"] == [{"kind": "community", "kind_label": "社区", "name": "南岭村社区"}]
    with pytest.raises(FieldError, match="结束日期不能早于开始日期"):
        campaigns.create_campaign(store, {"name": "x", "starts_on": "2026-09-01", "ends_on": "2026-08-01"})


def test_generating_twice_creates_no_duplicates_and_assigns_as_asked(store: Store, campaign: str) -> None:
    guided = _big(store, "有指导员公司")
    _big(store, "无指导员公司")
    person = instructors.add_instructor(store, {"name": "李明"})["id"]
    instructors.assign_instructor(store, person, guided)
    preview = task_generation.preview_tasks(store, campaign, ["enterprise_party_org"], TODAY)
    assert {c.record_name for c in preview} == {"有指导员公司", "无指导员公司"}
    assert not any(c.exists for c in preview)

    first = task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], today=TODAY)
    assert (first.created, first.skipped) == (2, 0)
    again = task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], today=TODAY)
    assert (again.created, again.skipped) == (0, 2)
    assert all(
        c.exists for c in task_generation.preview_tasks(store, campaign, ["enterprise_party_org"], TODAY)
    )

    cards = {
        c.record: c
        for c in task_board.task_cards(store, task_board.TaskFilter(campaign=campaign), today=TODAY)
    }
    assert cards["有指导员公司"].assignee == "李明"
    assert cards["无指导员公司"].assignee == "未填社区"  # no instructor: its community
    assert cards["有指导员公司"].due_on == date(2026, 6, 20)  # the current phase's deadline
    assert cards["有指导员公司"].phase == "攻坚阶段"

    _big(store, "第三家公司")
    by_unit = task_generation.generate_tasks(
        store,
        campaign,
        ["enterprise_party_org"],
        assign="unit",
        unit="区直部门驻街工作组（驻街保建）",
        today=TODAY,
    )
    assert by_unit.created == 1
    third = next(
        c
        for c in task_board.task_cards(store, task_board.TaskFilter(campaign=campaign), today=TODAY)
        if c.record == "第三家公司"
    )
    assert third.assignee == "区直部门驻街工作组（驻街保建）"
    with pytest.raises(FieldError, match="请填写责任单位"):
        task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], assign="unit", today=TODAY)


def test_close_out_is_refused_while_the_rule_still_fires(store: Store, campaign: str) -> None:
    org = _big(store, "百人公司")
    task_id = task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], today=TODAY).task_ids[
        0
    ]
    with pytest.raises(FieldError, match="请填写完成情况"):
        task_moves.close_out_task(store, task_id, "", today=TODAY)
    with pytest.raises(LiangxinError, match=r"不能销号.*尚未建立党组织"):
        task_moves.close_out_task(store, task_id, "已上门指导", today=TODAY)
    assert (
        task_board.task_cards(store, task_board.TaskFilter(campaign=campaign), today=TODAY)[0].status
        == "todo"
    )

    party_orgs.add_party_org(store, {"name": "百人公司党支部", "level": "branch"}, covers=[org])
    result = task_moves.close_out_task(store, task_id, "已建立党支部", today=TODAY)
    assert (result.id, result.status, result.override_reason) == (task_id, "done", None)

    changes = [c for c in read_journal(store, after=0, limit=None, row_id=None) if c.table == "task_progress"]
    assert changes[-1].changes["status"] == ["todo", "done"]
    assert changes[-1].changes["note"] == [None, "已建立党支部"]
    assert changes[-1].by == "tester"


def test_an_override_reason_lets_a_close_out_through_and_stays_on_the_card(
    store: Store, campaign: str
) -> None:
    _big(store, "百人公司")
    task_id = task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], today=TODAY).task_ids[
        0
    ]
    task_moves.close_out_task(store, task_id, "已报批", override="组建申请已报区委组织部审批", today=TODAY)
    card = task_board.task_cards(store, task_board.TaskFilter(campaign=campaign), today=TODAY)[0]
    assert (card.status, card.override_reason) == ("done", "组建申请已报区委组织部审批")
    task_moves.move_task(store, task_id, "doing", today=TODAY)  # reopened: the override no longer stands
    assert (
        task_board.task_cards(store, task_board.TaskFilter(campaign=campaign), today=TODAY)[0].override_reason
        is None
    )


def test_overdue_follows_the_clock(store: Store, campaign: str) -> None:
    _big(store, "百人公司")
    task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], today=TODAY)
    flt = task_board.TaskFilter(campaign=campaign)
    assert task_board.task_cards(store, flt, today=date(2026, 6, 20))[0].days_overdue == 0
    assert task_board.task_cards(store, flt, today=date(2026, 6, 23))[0].days_overdue == 3
    overdue = task_board.TaskFilter(campaign=campaign, overdue_only=True)
    assert task_board.task_cards(store, overdue, today=date(2026, 6, 20)) == []
    assert len(task_board.task_cards(store, overdue, today=date(2026, 6, 21))) == 1
    progress = campaign_progress(store, campaign, date(2026, 6, 23))
    total = progress.total
    assert (total.done, total.open, total.overdue, total.total, total.percent) == (0, 1, 1, 1, 0.0)
    assert [p.open for p in progress.phases] == [0, 1, 0]
    assert [p.name for p in progress.phases] == ["准备阶段", "攻坚阶段", "总结阶段"]


def test_lanes_by_assignee_or_community(store: Store, campaign: str) -> None:
    from app.services.communities import add_community

    add_community(store, "南岭村社区")
    _big(store, "甲公司", "南岭村社区")
    _big(store, "乙公司")
    task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], assign="community", today=TODAY)
    cards = task_board.task_cards(store, task_board.TaskFilter(campaign=campaign), today=TODAY)
    lanes = task_board.board_lanes(cards, "community")
    assert sorted(lane.key for lane in lanes) == ["南岭村社区", "未指定"]
    task_id = cards[0].id
    task_moves.reassign_task(store, task_id, "王书记", "leader")
    lanes = task_board.board_lanes(
        task_board.task_cards(store, task_board.TaskFilter(campaign=campaign), today=TODAY), "assignee"
    )
    assert "王书记" in {lane.key for lane in lanes}


def test_the_cli_runs_a_campaign_end_to_end(
    store: Store, capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    org = _big(store, "百人公司")
    db = store.location

    def run(*args: str) -> str:
        assert main(["--db", db, *args]) == 0, capsys.readouterr().err
        return capsys.readouterr().out

    created = json.loads(run("campaign", "create", "--template", "da_zujian", "--year", "2026", "--json"))
    run(
        "task",
        "generate",
        "--campaign",
        created["id"],
        "--rule",
        "enterprise_party_org",
        "--today",
        "2026-05-10",
    )
    listed = json.loads(run("task", "list", "--campaign", created["id"], "--json", "--today", "2026-05-10"))
    assert [t["record"] for t in listed] == ["百人公司"]
    task_id = listed[0]["id"]
    run("task", "move", task_id, "--to", "doing", "--today", "2026-05-10")
    assert main(["--db", db, "task", "close", task_id, "--note", "已上门", "--today", "2026-05-10"]) == 1
    assert "不能销号" in capsys.readouterr().err
    party_orgs.add_party_org(store, {"name": "百人公司党支部", "level": "branch"}, covers=[org])
    assert "已销号" in run("task", "close", task_id, "--note", "已建立党支部", "--today", "2026-05-11")
    shown = json.loads(run("campaign", "show", created["id"], "--json", "--today", "2026-05-11"))
    assert shown["progress"]["total"]["done"] == 1
    assert main(["--db", db, "task", "generate", "--campaign", created["id"], "--rule", "nope"]) == 1
    assert "没有规则“nope”" in capsys.readouterr().err
    assert main(["--db", db, "task", "move", "no-such-task", "--to", "doing"]) == 1
    assert "没有找到任务" in capsys.readouterr().err
    out = tmp_path / "进度通报.pdf"
    assert "已生成通报" in run("print", "notice", "--campaign", created["id"], "--out", str(out))
    assert out.read_bytes().startswith(b"%PDF")
    assert main(["--db", db, "print", "notice", "--campaign", "没有这个行动", "--out", str(out)]) == 1
    assert "没有找到专项行动" in capsys.readouterr().err


def _db_digest(store: Store) -> str:
    import hashlib
    from pathlib import Path

    return hashlib.sha256(Path(store.location).read_bytes()).hexdigest()


def test_a_drop_moves_lane_and_column_together(store: Store, campaign: str) -> None:
    _big(store, "百人公司")
    task_id = task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], today=TODAY).task_ids[
        0
    ]
    moved = task_moves.drop_card(store, task_id, "王书记", "doing", today=TODAY)
    assert (moved.assignee, moved.status) == ("王书记", "doing")
    assert moved.changes.touches("task")
    [card] = task_board.task_cards(store, task_board.TaskFilter(campaign=campaign), today=TODAY)
    assert (card.assignee, card.status) == ("王书记", "doing")


def test_a_drop_refused_half_way_leaves_the_lane_as_it_was(store: Store, campaign: str) -> None:
    _big(store, "百人公司")
    task_id = task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], today=TODAY).task_ids[
        0
    ]
    before = task_board.task_cards(store, task_board.TaskFilter(campaign=campaign), today=TODAY)[0]
    journal = len(read_journal(store, limit=None))
    # The lane change comes first and is fine; the close-out is refused (the rule still fires).
    with pytest.raises(LiangxinError, match="不能销号"):
        task_moves.drop_card(store, task_id, "王书记", "done", note="已上门指导", today=TODAY)
    after = task_board.task_cards(store, task_board.TaskFilter(campaign=campaign), today=TODAY)[0]
    assert (after.assignee, after.status) == (before.assignee, "todo") and after.assignee != "王书记"
    assert len(read_journal(store, limit=None)) == journal  # nothing was written


def test_a_community_lane_cannot_be_changed_by_a_drop(store: Store, campaign: str) -> None:
    _big(store, "百人公司")
    task_id = task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], today=TODAY).task_ids[
        0
    ]
    with pytest.raises(LiangxinError, match="社区由两新组织的登记决定"):
        task_moves.drop_card(store, task_id, "南岭村社区", "doing", lane_by="community", today=TODAY)
    assert (
        task_board.task_cards(store, task_board.TaskFilter(campaign=campaign), today=TODAY)[0].status
        == "todo"
    )
    # The card's own community lane (none registered: 未指定) is no change at all.
    assert (
        task_moves.drop_card(store, task_id, "未指定", "doing", lane_by="community", today=TODAY).status
        == "doing"
    )


def test_an_unknown_status_is_refused_with_the_valid_ones(
    store: Store, campaign: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(FieldError, match="待办、进行中、已销号"):
        task_board.task_cards(store, task_board.TaskFilter(status="乱写"))
    with pytest.raises(FieldError, match="待办、进行中、已销号"):
        task_moves.drop_card(store, "any", None, "乱写")
    assert main(["--db", store.location, "task", "list", "--status", "乱写"]) == 1
    err = capsys.readouterr().err
    assert "任务状态“乱写”不认识" in err and "待办、进行中、已销号" in err and "Traceback" not in err
    assert err.strip().count("\n") == 0  # one sentence
    assert main(["--db", store.location, "task", "list", "--status", "进行中"]) == 0


@SQLITE_ONLY
@pytest.mark.parametrize(
    "args",
    [
        ["campaign", "create", "--template", "da_zujian", "--year", "99999"],
        ["campaign", "create", "--template", "da_zujian", "--year", "1800"],
        ["task", "list", "--today", "2026-02-30"],
        ["task", "generate", "--campaign", "x", "--rule", "enterprise_party_org", "--due", "2026-13-01"],
        ["print", "notice", "--campaign", "x", "--out", "a.pdf", "--today", "2026-02-30"],
        ["print", "appraisal", "--template", "review", "--year", "99999", "--out", "a.pdf"],
        ["export", "dashboard", "--out", "a.xlsx", "--today", "2026-02-30"],
    ],
)
def test_impossible_years_and_dates_are_refused_before_the_database_is_touched(
    store: Store, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = _db_digest(store)
    with pytest.raises(SystemExit) as exited:
        main(["--db", store.location, *args])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert ("2100" in err or "存在的日期" in err) and "Traceback" not in err
    assert _db_digest(store) == before


def test_a_campaign_year_outside_the_bounds_is_refused_by_the_service(store: Store) -> None:
    with pytest.raises(FieldError, match="1921 至 2100"):
        campaigns.create_campaign(store, {}, template="da_zujian", year=99999)
    assert campaigns.list_campaigns(store) == []


def test_writes_say_what_they_changed(store: Store, campaign: str) -> None:
    _big(store, "百人公司")
    generated = task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], today=TODAY)
    assert generated.changes.touches("task")
    again = task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], today=TODAY)
    assert not again.changes  # nothing new: nothing for the window to refresh
    added = task_generation.add_task(store, campaign, {"title": "走访", "due_on": "2026-06-01"}, TODAY)
    assert added.changes.touches("task")
    with pytest.raises(FieldError, match="完成时限"):
        task_generation.add_task(store, campaign, {"title": "走访", "due_on": "2026-02-30"}, TODAY)
    with pytest.raises(FieldError, match="责任单位类型“乱写”不认识"):
        task_generation.add_task(store, campaign, {"title": "走访", "assignee_kind": "乱写"}, TODAY)


def test_the_cli_assigns_by_action_line(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    """``task generate --assign action``: the 大组建 plan's lines take their targets (an
    enterprise of 300 staff with no Party member → 挂点促建 by the 区领导), what none
    claims goes to the community; a campaign without units for the lines says so."""
    organizations.add_organization(store, {"name": "无党员大企业", "kind": "enterprise", "employees": 320})
    organizations.add_organization(
        store, {"name": "社工中心", "kind": "社会组织", "subtype": "民办非企业单位", "employees": 40}
    )
    db = store.location

    def run(*args: str) -> str:
        assert main(["--db", db, *args]) == 0, capsys.readouterr().err
        return capsys.readouterr().out

    created = json.loads(run("campaign", "create", "--template", "da_zujian", "--year", "2026", "--json"))
    rules = ("--rule", "enterprise_party_org", "--rule", "social_org_party_org", "--today", "2026-05-10")
    base = ("task", "generate", "--campaign", created["id"], "--assign", "action", *rules)
    preview = json.loads(run(*base, "--preview", "--json"))
    assert {(c["record_name"], c["assignee"]) for c in preview} == {
        ("无党员大企业", "区领导（挂点促建）"),
        ("社工中心", "未填社区"),  # no 业务主管单位 recorded, no community either
    }
    assert "已生成任务 2 项" in run(*base)
    listed = json.loads(run("task", "list", "--campaign", created["id"], "--json", "--today", "2026-05-10"))
    assert {(t["record"], t["assignee"]) for t in listed} == {
        ("无党员大企业", "区领导（挂点促建）"),
        ("社工中心", "未填社区"),
    }
    own = json.loads(run("campaign", "create", "--name", "街道自己的行动", "--json"))
    assert main(["--db", db, "task", "generate", "--campaign", own["id"], "--assign", "action", *rules]) == 1
    assert "没有登记挂点领导、驻街部门、主管单位或群团组织" in capsys.readouterr().err
