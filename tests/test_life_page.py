"""组织生活 and 走访 through the window (pytest-qt, offscreen): an event recorded on the
page clears its finding and lets the task made from it be closed without an override;
only a branch's live members can be listed, and the rate leaves out 流出党员 who sent a
reason and says so; a joint activity is recorded once; the grid shows 不适用 where a
rule does not apply; a visit recorded on the 走访 page ends "挂名不管事"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from app.errors import FieldError, LiangxinError
from app.services import (
    activities,
    activity_detail,
    activity_lists,
    campaigns,
    instructors,
    members,
    organizations,
    party_orgs,
    task_board,
    task_generation,
    task_moves,
    visits,
)
from app.stats import check
from app.store import Store
from db.models import TaskProgress
from tests.test_board import _drop
from ui import background as ui_background
from ui.activity_dialog import LISTED, NAME, PRESENT, REASON, ActivityDialog
from ui.board_model import STATUSES
from ui.board_page import BoardPage
from ui.campaign_dialogs import CloseOutDialog
from ui.life_grid import FIXED
from ui.life_page import LifePage
from ui.visits_page import VisitDialog, VisitsPage

TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _inline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui_background, "SYNCHRONOUS", True)


def _branch(store: Store, name: str, people: dict[str, str], level: str = "branch") -> str:
    org = organizations.add_organization(
        store, {"name": f"{name}公司", "kind": "enterprise", "employees": 60}
    )["id"]
    party = party_orgs.add_party_org(
        store,
        {"name": name, "level": level, "established_on": "2015-01-01", "term_start": "2025-01-01"},
        covers=[org],
    )["id"]
    for person, relation in people.items():
        members.add_member(
            store,
            {"name": person, "party_org": party, "employer": org, "category": "full", "relation": relation},
        )
    return party


def _page(qtbot, store: Store) -> LifePage:
    page = LifePage(store, ui_background.Background(), lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    return page


def _board(qtbot, store: Store, monkeypatch: pytest.MonkeyPatch) -> BoardPage:
    """The 专项行动 board as of TODAY, its 销号 dialog answered with a note (and no 特殊情况说明)."""
    board = BoardPage(store, ui_background.Background(), lambda: TODAY)
    qtbot.addWidget(board)
    board.resize(1200, 700)
    board.show()
    board.close_outs = []  # type: ignore[attr-defined]

    def ask(card: task_board.Card, lane: str | None = None) -> bool:
        dialog = CloseOutDialog(store, card, TODAY, board, lane=lane)
        dialog.note.setPlainText("10月15日开展了主题党日")
        board.close_outs.append(dialog)  # type: ignore[attr-defined]
        return dialog.try_close()

    monkeypatch.setattr(board, "ask_close_out", ask)
    return board


def _task_status(store: Store, task_id: str) -> str:
    return next(
        c.status
        for c in task_board.task_cards(store, task_board.TaskFilter(), today=TODAY)
        if c.id == task_id
    )


def _row(dialog: ActivityDialog, name: str) -> int:
    return next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, NAME).text() == name)


def _absent(dialog: ActivityDialog, name: str, reason: str = "") -> None:
    row = _row(dialog, name)
    dialog.table.item(row, PRESENT).setCheckState(Qt.CheckState.Unchecked)
    dialog.table.item(row, REASON).setText(reason)


def _answer(monkeypatch: pytest.MonkeyPatch, fill) -> list[ActivityDialog]:  # type: ignore[no-untyped-def]
    """The dialog as a clerk fills it: ``fill`` types, then 保存 is pressed."""
    seen: list[ActivityDialog] = []

    def run(dialog: ActivityDialog) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ActivityDialog, "exec", run)
    return seen


def test_a_theme_day_recorded_on_the_page_clears_its_finding_and_the_task_closes(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    branch = _branch(
        store, "甲公司党支部", {"张一": "transferred", "李二": "mobile_out", "王三": "transferred"}
    )
    assert [f.record_name for f in check(store, TODAY, ["theme_day_monthly"])] == ["甲公司党支部"]
    campaign = campaigns.create_campaign(store, {}, template="da_zujian", year=2026)["id"]
    made = task_generation.generate_tasks(store, campaign, ["theme_day_monthly"], today=TODAY)
    [task] = made.task_ids
    board = _board(qtbot, store, monkeypatch)
    _drop(board, task, STATUSES.index("done"))  # 销号 on the board: refused while the finding stands
    assert (
        "不能销号" in board.close_outs[-1].refusal.text()
        and "2026年10月没有主题党日活动记录" in board.close_outs[-1].refusal.text()
    )
    assert _task_status(store, task) == "todo"

    page = _page(qtbot, store)

    def fill(dialog: ActivityDialog) -> None:
        dialog.held_on.setDate(QDate(2026, 10, 15))
        dialog.topic.setText("学习党的二十届四中全会精神")
        dialog.place.setText("公司三楼党员活动室")
        dialog.host.setText("张一")
        dialog.items["study"].setChecked(True)
        dialog.items["dues"].setChecked(True)
        _absent(dialog, "李二", "在外地工作，已请假")

    seen = _answer(monkeypatch, fill)
    page.party.setCurrentIndex(page.party.findData(branch))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0].kind.currentData() == "theme_day"  # the default kind
    assert seen[0].party_org_ids() == [branch]  # the branch chosen on the page

    assert check(store, TODAY, ["theme_day_monthly"]) == []
    board.reload()
    _drop(board, task, STATUSES.index("done"))  # now it closes, with no 特殊情况说明
    assert _task_status(store, task) == "done"
    assert board.close_outs[-1].override.toPlainText() == ""
    with store.read() as session:
        assert (
            session.scalar(select(TaskProgress.override_reason).where(TaskProgress.task_id == task)) is None
        )
    assert task_moves.move_task(store, task, "todo", today=TODAY).status == "todo"  # reopened,
    assert (
        task_moves.close_out_task(store, task, "已开展", today=TODAY).override_reason is None
    )  # and by the service
    # The page lists it, and its grid says October is held.
    assert page.table.rowCount() == 1 and page.table.item(0, 1).text() == "主题党日"
    assert "出席率 100.0%（应到 2 人，实到 2 人；流出党员请假 1 人不计入应到）" in page.panel.toPlainText()
    page.tabs.setCurrentIndex(1)
    row = next(r for r in range(page.grid_model.rowCount()) if page.grid_model.rows[r].id == branch)
    october = page.grid_model.index(row, FIXED + 9)
    assert page.grid_model.data(october) == "✓ 已开展"
    page.grid_rule.setCurrentIndex(page.grid_rule.findData("theme_day_monthly"))
    page._show_grid()
    september = page.grid_model.index(row, FIXED + 8)
    assert page.grid_model.data(september) == "✗ 未开展"
    assert page.grid_model.data(page.grid_model.index(row, FIXED + 10)) == "○ 待开展"  # November, under way


def test_only_the_branchs_live_members_can_be_listed_and_the_rate_says_who_is_left_out(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    branch = _branch(
        store, "乙公司党支部", {"赵一": "transferred", "钱二": "mobile_out", "孙三": "transferred"}
    )
    other = _branch(store, "丙公司党支部", {"周四": "transferred"})
    gone = members.add_member(
        store, {"name": "吴五", "party_org": branch, "category": "full", "relation": "transferred"}
    )
    members.edit_member(
        store, gone["id"], {"exit_kind": "转出", "exit_on": "2026-06-01", "exit_note": "转至外省"}
    )
    page = _page(qtbot, store)
    dialog = ActivityDialog(store, page.runner, page.choices, lambda: TODAY, page, party_org_id=branch)
    qtbot.addWidget(dialog)
    names = {dialog.table.item(r, NAME).text() for r in range(dialog.table.rowCount())}
    assert names == {"赵一", "钱二", "孙三"}  # not 周四 (another branch), not 吴五 (transferred out)
    assert "流出党员" in dialog.table.item(_row(dialog, "钱二"), 2).text()

    _absent(dialog, "钱二", "在东莞工作，已请假")
    _absent(dialog, "孙三", "出差")
    assert dialog.rate.text() == "出席率 50.0%（应到 2 人，实到 1 人；流出党员请假 1 人不计入应到）"
    _absent(dialog, "钱二", "")  # no reason sent: expected like anyone else
    assert dialog.rate.text() == "出席率 33.3%（应到 3 人，实到 1 人）"
    dialog.table.item(_row(dialog, "孙三"), LISTED).setCheckState(Qt.CheckState.Unchecked)
    dialog.table.item(_row(dialog, "孙三"), PRESENT).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.rate.text() == "出席率 50.0%（应到 2 人，实到 1 人）"  # not listed: not expected

    # The service refuses a member of another branch, whatever the window offered.
    outsider = next(m for m in activities.candidates(store, [other]) if m.name == "周四")
    with pytest.raises(FieldError, match="“周四”不是乙公司党支部的在册党员"):
        activities.record_activity(
            store,
            {
                "party_org": branch,
                "kind": "支委会",
                "held_on": "2026-11-02",
                "topic": "议题",
                "attendees": [{"member": outsider.id}],
            },
            TODAY,
        )


def test_a_joint_activity_is_recorded_once_for_both_branches(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _branch(store, "丁公司党支部", {"冯一": "transferred", "陈二": "transferred"})
    second = _branch(store, "戊公司党支部", {"褚三": "transferred"})
    page = _page(qtbot, store)

    def fill(dialog: ActivityDialog) -> None:
        dialog.add_party_org(second)
        assert dialog.table.rowCount() == 3 and not dialog.table.isColumnHidden(1)
        dialog.held_on.setDate(QDate(2026, 10, 20))
        dialog.topic.setText("两支部联合开展志愿服务")
        dialog.items["volunteer"].setChecked(True)
        _absent(dialog, "陈二", "病假")

    _answer(monkeypatch, fill)
    page.party.setCurrentIndex(page.party.findData(first))
    page.add_activity()
    assert check(store, TODAY, ["theme_day_monthly"]) == []  # both held it
    listed = activity_lists.list_activities(store)
    assert listed.total == 1 and listed.rows[0].joint
    assert listed.rows[0].party_org == "丁公司党支部、戊公司党支部"
    assert (listed.rows[0].present, listed.rows[0].expected) == (2, 3)
    ledger = activity_lists.list_activities(store, party_org=second)
    assert ledger.total == 1  # in each branch's own 台账
    detail = activity_detail.activity_detail(store, listed.rows[0].id)
    assert {a.name: a.party_org for a in detail.attendees}["褚三"] == "戊公司党支部"


def test_the_grid_says_not_applicable_where_a_rule_does_not_judge(qtbot, store: Store) -> None:
    small = _branch(store, "小支部", {"一号": "transferred"})
    big = _branch(store, "大支部", {f"党员{i}": "transferred" for i in range(7)})
    committee = _branch(store, "某集团党委", {"党委委员": "transferred"}, level="committee")
    page = _page(qtbot, store)
    page.tabs.setCurrentIndex(1)
    page.grid_rule.setCurrentIndex(page.grid_rule.findData("committee_meeting_monthly"))
    page._show_grid()
    rows = {r.id: i for i, r in enumerate(page.grid_model.rows)}
    october = FIXED + 9
    assert page.grid_model.data(page.grid_model.index(rows[small], october)) == "不适用"  # under 7 正式党员
    assert page.grid_model.data(page.grid_model.index(rows[big], october)) == "✗ 未开展"
    assert page.grid_model.data(page.grid_model.index(rows[committee], october)) == "不适用"  # not a branch
    tip = page.grid_model.data(page.grid_model.index(rows[big], october), Qt.ItemDataRole.ToolTipRole)
    assert "支委会（本月）：未开展" in tip and "严格落实“三会一课”" in tip
    # The grid's "missed" are the findings, one source of truth.
    found = {f.record_id for f in check(store, TODAY, ["committee_meeting_monthly"])}
    assert found == {big}


def test_a_visit_recorded_on_the_page_ends_idleness_and_its_follow_up_becomes_a_task(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    teacher = instructors.add_instructor(store, {"name": "郑指导", "unit": "南湾社区工作站"})["id"]
    organizations.add_organization(store, {"name": "某物流公司", "kind": "enterprise", "employees": 40})
    instructors.assign_instructor(store, teacher, "某物流公司", starts_on=date(2025, 3, 1))
    assert [f.name for f in visits.idle_instructors(store, TODAY)] == ["郑指导"]
    page = VisitsPage(store, ui_background.Background(), lambda: TODAY)
    qtbot.addWidget(page)
    assert "郑指导" in page.idle_note.text()
    page.instructors.selectRow(0)

    def fill(dialog: VisitDialog) -> int:
        assert dialog.instructor.currentData() == teacher  # the instructor chosen on the page
        dialog.organization.setText("某物流公司")
        dialog.visited_on.setDate(QDate(2026, 11, 10))
        dialog.reason.setCurrentIndex(dialog.reason.findData("difficulty"))
        dialog.findings.setPlainText("订单减少，经营困难")
        dialog.follow_up.setPlainText("协调街道企业服务办")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(VisitDialog, "exec", fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert visits.idle_instructors(store, TODAY) == []
    assert not page.idle_note.isVisible()
    assert page.log.rowCount() == 1 and page.log.item(0, 3).text() == "遇困难必访"
    assert page.log.item(0, 6).text() == "2027-02-10"  # next visit: 3 months on (the setting)
    assert check(store, TODAY, ["visit_overdue"]) == []

    campaign = campaigns.create_campaign(store, {}, template="da_zujian", year=2026)
    monkeypatch.setattr("ui.visits_page.QInputDialog.getItem", lambda *a, **k: (campaign["name"], True))
    page.log.selectRow(0)
    page.make_task()
    assert page.log.item(0, 7).text() == "已转任务"
    [row] = visits.list_visits(store)
    with pytest.raises(LiangxinError, match="已经转为任务"):
        visits.follow_up_task(store, row.id, campaign["id"], TODAY)


def test_prints_from_the_page_write_their_files(qtbot, store: Store, tmp_path: Path, monkeypatch) -> None:
    from tests.pdf_checks import assert_fonts_embedded

    branch = _branch(store, "己公司党支部", {"蒋一": "transferred"})
    recorded = activities.record_activity(
        store,
        {
            "party_org": branch,
            "kind": "党课",
            "held_on": "2026-10-08",
            "topic": "书记讲党课",
            "attendees": None,
            "headcount": 1,
        },
        TODAY,
    )
    page = _page(qtbot, store)
    page.open_after_export = False
    page.select_activity(recorded.id)
    page.party.setCurrentIndex(page.party.findData(branch))
    targets = iter([tmp_path / "记录.pdf", tmp_path / "台账.xlsx", tmp_path / "开展情况.pdf"])
    monkeypatch.setattr("ui.life_page.ask_save_path", lambda *a: str(next(targets)))
    page.print_activity(False)
    page.print_ledger(True)
    page.print_grid(False)
    for name in ("记录.pdf", "台账.xlsx", "开展情况.pdf"):
        assert (tmp_path / name).stat().st_size > 0
    assert_fonts_embedded(tmp_path / "记录.pdf")


def test_the_pages_speak_english(qtbot, qapp, demo_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every word the 组织生活 and 走访 pages, their tabs and dialogs put on screen has
    its English (names and topics people typed excepted)."""
    import ui.i18n
    from tests.test_i18n import _Recorder
    from ui.i18n import install_translator

    install_translator(qapp, "en")
    recorder = _Recorder(ui.i18n.QCoreApplication)
    monkeypatch.setattr(ui.i18n, "QCoreApplication", recorder)
    try:
        page = LifePage(demo_store, ui_background.Background(), date.today)
        qtbot.addWidget(page)
        page.table.selectRow(0)
        for tab in range(3):
            page.tabs.setCurrentIndex(tab)
        for rule in range(page.grid_rule.count()):
            page.grid_rule.setCurrentIndex(rule)
            page._show_grid()
            index = page.grid_model.index(0, FIXED + 2)
            page.grid_model.data(index, Qt.ItemDataRole.ToolTipRole)
            page.grid_model.headerData(FIXED + 2, Qt.Orientation.Horizontal)
        branch = next(pid for pid, _, level in page.choices if level == "branch")
        dialog = ActivityDialog(demo_store, page.runner, page.choices, date.today, page, party_org_id=branch)
        qtbot.addWidget(dialog)
        for kind in range(dialog.kind.count()):
            dialog.kind.setCurrentIndex(kind)
        dialog.paper.setChecked(True)
        visits_page = VisitsPage(demo_store, ui_background.Background(), date.today)
        qtbot.addWidget(visits_page)
        visits_page.instructors.selectRow(0)
        qtbot.addWidget(VisitDialog(demo_store, visits_page.runner, date.today, visits_page))
        assert page.tabs.tabText(1) == "Compliance"
    finally:
        install_translator(qapp, "zh")
    assert recorder.untranslated == set()
