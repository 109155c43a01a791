"""Organizational life and visits without a screen: the demo made through the same
services, the grid's "missed" being exactly the findings, editing and deleting an
event, attachments beside the database with their hash, 民主评议 results on the
member's page, the 党建体检 items the records prove, the CLI, prints and exports, and
the new tables travelling in sync packages."""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text

from app.cli.main import main
from app.errors import FieldError, LiangxinError
from app.services import (
    activities,
    activity_changes,
    activity_detail,
    activity_lists,
    life_compliance,
    members,
    organizations,
    party_orgs,
    related,
)
from app.services.attachments import files_root
from app.services.health_evidence import MET, NOT_APPLICABLE, NOT_MET, health_evidence
from app.stats import check
from app.store import Store
from db.models import Activity, ActivityAttendance, MemberReview, Visit
from tests.pdf_checks import assert_fonts_embedded

TODAY = date(2026, 11, 22)


def _branch(
    store: Store, name: str, people: list[str], relation: str = "transferred"
) -> tuple[str, list[str]]:
    party = party_orgs.add_party_org(
        store, {"name": name, "level": "branch", "established_on": "2015-01-01"}
    )["id"]
    ids = [
        members.add_member(store, {"name": p, "party_org": party, "category": "full", "relation": relation})[
            "id"
        ]
        for p in people
    ]
    return party, ids


def test_the_demo_is_made_through_the_services(demo_store: Store) -> None:
    with demo_store.read() as session:
        named = session.execute(
            text(
                "SELECT a.id, a.attendance, a.expected, "
                "SUM(CASE WHEN t.present THEN 1 ELSE 0 END), COUNT(t.id), "
                "SUM(CASE WHEN m.party_org_id <> a.party_org_id OR m.exit_kind IS NOT NULL THEN 1 ELSE 0 END) "
                "FROM activity a JOIN activity_attendance t ON t.activity_id = a.id "
                "JOIN member m ON m.id = t.member_id GROUP BY a.id, a.attendance, a.expected"
            )
        ).all()
        reviews = session.scalar(select(func.count()).select_from(MemberReview))
        visits = session.scalar(select(func.count()).select_from(Visit))
        months = session.scalar(select(func.count(func.distinct(func.strftime("%Y-%m", Activity.held_on)))))
    assert named and reviews and visits
    for _id, present, expected, counted, listed, strangers in named:
        assert present == counted  # the row says what its list says
        assert expected <= listed and strangers == 0  # only the branch's own live members
    assert months >= 12  # a year of history for the grid
    # 民主评议 results show on the member's page.
    with demo_store.read() as session:
        member_id = session.scalar(select(MemberReview.member_id).limit(1))
    assert "年 " in related.member_detail(demo_store, member_id).record["reviews"]


def test_the_grids_missed_months_are_the_findings(demo_store: Store) -> None:
    today = life_compliance.station_today()
    last = today.replace(day=1) - timedelta(days=1)
    grid = life_compliance.compliance_grid(demo_store, last.year, today, months=(last.month,))
    for rule_id, *_ in life_compliance.LIFE_RULES[:2]:
        missed = {
            r.id for r in grid.rows if r.cells.get(last.month, {}).get(rule_id) == life_compliance.MISSED
        }
        assert missed == {f.record_id for f in check(demo_store, today, [rule_id])}
        assert missed  # the demo has lax branches


def test_editing_keeps_one_list_and_deleting_takes_the_whole_event(store: Store, tmp_path: Path) -> None:
    party, (a, b, c) = _branch(store, "庚公司党支部", ["甲", "乙", "丙"])
    other, _ = _branch(store, "辛公司党支部", ["丁"])
    photo = tmp_path / "签到表.jpg"
    photo.write_bytes(b"\xff\xd8 a scanned sign-in sheet")
    recorded = activities.record_activity(
        store,
        {
            "party_orgs": [party, other],
            "kind": "民主评议党员",
            "held_on": "2026-01-10",
            "topic": "年度民主评议",
            "attendees": [{"member": a, "grade": "优秀"}, {"member": b, "grade": "合格"}],
            "attachments": [str(photo)],
        },
        TODAY,
    )
    assert len(recorded.ids) == 2
    stored = files_root(store) / "activities"
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert (stored / digest[:2] / f"{digest}.jpg").read_bytes() == photo.read_bytes()
    detail = activity_detail.activity_detail(store, recorded.ids[1])  # either branch's row names the event
    assert detail.attachments == [("签到表.jpg", digest, photo.stat().st_size)]
    assert related.member_detail(store, a).record["reviews"] == "2026年 优秀"

    activity_changes.edit_activity(
        store,
        recorded.id,
        {
            "topic": "年度民主评议党员",
            "kind": "民主评议党员",
            "held_on": "2026-01-10",
            "attendees": [{"member": a, "grade": "合格"}, {"member": c, "present": False, "reason": "病假"}],
        },
        TODAY,
    )
    detail = activity_detail.activity_detail(store, recorded.id)
    assert {(x.name, x.present, x.reason) for x in detail.attendees} == {
        ("甲", True, ""),
        ("丙", False, "病假"),
    }
    assert related.member_detail(store, a).record["reviews"] == "2026年 合格"  # one result per year
    with pytest.raises(LiangxinError, match="不能更换开展活动的党组织"):
        activity_changes.edit_activity(
            store,
            recorded.id,
            {"party_orgs": [party], "kind": "党课", "held_on": "2026-01-10", "topic": "x"},
            TODAY,
        )

    assert "年度民主评议党员" in activity_changes.delete_activity(store, recorded.id)
    with store.read() as session:
        live = session.scalar(select(func.count()).select_from(Activity).where(Activity.deleted.is_(False)))
        listed = session.scalar(
            select(func.count()).select_from(ActivityAttendance).where(ActivityAttendance.deleted.is_(False))
        )
    assert (live, listed) == (0, 0)
    assert related.member_detail(store, a).record["reviews"] == ""


def test_what_a_clerk_types_wrong_is_refused_in_a_sentence(store: Store) -> None:
    party, (a,) = _branch(store, "壬公司党支部", ["甲"])
    base = {"party_org": party, "kind": "主题党日", "held_on": "2026-11-01", "topic": "主题"}
    for values, message in (
        ({**base, "held_on": "2026-12-01"}, "晚于今天"),
        ({**base, "topic": ""}, "请填写活动主题"),
        ({**base, "kind": "团日活动"}, "组织生活类型"),
        ({**base, "kind": "党课", "items": "学习讨论"}, "只属于主题党日"),
        ({**base, "attendees": [{"member": a}, {"member": a}]}, "出现了两次"),
        ({**base, "attendees": [{"member": a, "grade": "优秀"}]}, "只有“民主评议党员”"),
        ({**base, "headcount": "很多"}, "应为整数"),
        ({**base, "attachments": ["/no/such/file.jpg"]}, "找不到附件"),
    ):
        with pytest.raises(FieldError, match=message):
            activities.record_activity(store, values, TODAY)
    assert activity_lists.list_activities(store).total == 0


def test_health_check_items_the_records_prove(store: Store) -> None:
    party, _ = _branch(store, "癸公司党支部", ["甲", "乙", "丙"])
    for month in range(1, 11):
        activities.record_activity(
            store,
            {
                "party_org": party,
                "kind": "主题党日",
                "held_on": f"2026-{month:02d}-10",
                "topic": f"{month}月主题党日",
            },
            TODAY,
        )
    for month in (3, 6):  # no 党课 in the third quarter
        activities.record_activity(
            store,
            {"party_org": party, "kind": "党课", "held_on": f"2026-{month:02d}-20", "topic": "党课"},
            TODAY,
        )
    items = {i.key: i for i in health_evidence(store, party, 2026, TODAY)}
    assert items["theme_day"].state == MET and items["theme_day"].code == "H5"
    assert "2026-01-10 主题党日“1月主题党日”" in items["theme_day"].records
    assert items["lecture"].state == NOT_MET and "第3季度" in items["lecture"].note
    assert items["committee_meeting"].state == NOT_APPLICABLE  # 3 正式党员: no committee
    assert items["mobile_members"].state == NOT_APPLICABLE
    assert items["life_meeting"].state is None  # the year is not over: a person decides
    assert health_evidence(store, party, 2026, date(2027, 1, 5))[5].state == NOT_MET  # now it is


def test_the_new_tables_travel_and_are_named(store: Store) -> None:
    from app.sync.rows import TABLE_LABELS, synced_tables

    names = {t.name for t in synced_tables()}
    for table in ("activity", "activity_attendance", "activity_attachment", "member_review", "visit"):
        assert table in names and TABLE_LABELS[table]


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_cli_records_lists_shows_prints_and_deletes(store: Store, capsys, tmp_path: Path) -> None:
    db = store.location
    org = organizations.add_organization(
        store, {"name": "甲物流公司", "kind": "enterprise", "employees": 30}
    )["id"]
    party, _ = _branch(store, "甲物流公司党支部", ["张一", "王三"])
    members.add_member(
        store, {"name": "李二", "party_org": party, "category": "full", "relation": "mobile_out"}
    )
    code, out, err = _cli(
        capsys, "--db", db, "activity", "add", "--party-org", "甲物流公司党支部", "--kind", "主题党日",
        "--date", "2026-10-12", "--topic", "学习党章", "--items", "学习讨论,缴纳党费", "--all-present",
        "--absent", "李二=在外地工作", "--today", "2026-11-22",
    )  # fmt: skip
    assert code == 0, err
    assert "出席率 100.0%（应到 2 人，实到 2 人；流出党员请假 1 人不计入应到）" in out
    code, out, _ = _cli(capsys, "--db", db, "activity", "list", "--json")
    [row] = json.loads(out)["rows"]
    code, out, _ = _cli(capsys, "--db", db, "activity", "show", row["id"])
    assert "缺席      李二（在外地工作）" in out and "学习讨论、缴纳党费" in out
    for what, extra in (
        ("activity", ["--id", row["id"]]),
        ("life-ledger", ["--party-org", party, "--year", "2026"]),
    ):
        for verb, suffix in (("print", "pdf"), ("export", "xlsx")):
            target = tmp_path / f"{what}.{suffix}"
            code, out, err = _cli(capsys, "--db", db, verb, what, *extra, "--out", str(target))
            assert code == 0, err
    assert_fonts_embedded(tmp_path / "activity.pdf")
    ledger = load_workbook(tmp_path / "life-ledger.xlsx")
    assert ledger["活动台账"]["D2"].value == "学习党章" and ledger["逐月核对"]["K2"].value == "已开展"

    code, out, err = _cli(
        capsys, "--db", db, "visit", "add", "--org", org, "--date", "2026-11-01", "--visitor", "社区书记",
        "--reason", "逢节日必访", "--today", "2026-11-22",
    )  # fmt: skip
    assert code == 0 and "下次走访：2027-02-01" in out, err
    code, out, _ = _cli(capsys, "--db", db, "visit", "list")
    assert "逢节日必访" in out and "社区书记" in out
    code, out, err = _cli(capsys, "--db", db, "activity", "add", "--party-org", party, "--kind", "党课",
                          "--date", "2026-10-12", "--topic", "x", "--present", "周四")  # fmt: skip
    assert code == 1 and "“周四”不是其在册党员" in err
    code, out, _ = _cli(capsys, "--db", db, "activity", "delete", row["id"])
    assert code == 0 and "已删除组织生活记录" in out


def test_grid_findings_and_visits_agree_on_both_engines(any_store: Store) -> None:
    """The grid's SQL (bitmasks of months held, the rules' conditions) and the visit rule
    on SQLite and PostgreSQL alike."""
    from app.services import instructors, visits

    party, (a, _b) = _branch(any_store, "甲支部", ["甲", "乙"])
    activities.record_activity(
        any_store,
        {
            "party_org": party,
            "kind": "主题党日",
            "held_on": "2026-10-05",
            "topic": "十月",
            "attendees": [{"member": a}],
        },
        TODAY,
    )
    activities.record_activity(
        any_store, {"party_org": party, "kind": "党课", "held_on": "2026-08-05", "topic": "党课"}, TODAY
    )
    grid = life_compliance.compliance_grid(any_store, 2026, TODAY)
    [row] = grid.rows
    assert row.cells[10]["theme_day_monthly"] == life_compliance.HELD
    assert row.cells[9]["theme_day_monthly"] == life_compliance.MISSED
    assert row.cells[11]["theme_day_monthly"] == life_compliance.DUE
    assert row.cells[9]["lecture_quarterly"] == life_compliance.HELD  # August is in the third quarter
    assert row.cells[10]["committee_meeting_monthly"] == life_compliance.NA
    assert check(any_store, TODAY, ["theme_day_monthly"]) == []
    teacher = instructors.add_instructor(any_store, {"name": "王指导"})["id"]
    organizations.add_organization(any_store, {"name": "乙公司", "kind": "enterprise", "employees": 10})
    instructors.assign_instructor(any_store, teacher, "乙公司", starts_on=date(2025, 1, 1))
    assert [f.record_name for f in check(any_store, TODAY, ["visit_overdue"])] == ["乙公司"]
    visits.add_visit(
        any_store, {"organization": "乙公司", "instructor": teacher, "visited_on": "2026-11-20"}, TODAY
    )
    assert (
        check(any_store, TODAY, ["visit_overdue"]) == [] and visits.idle_instructors(any_store, TODAY) == []
    )
