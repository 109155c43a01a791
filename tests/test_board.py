"""The task board (pytest-qt, offscreen): a card dropped on another column is one
service call and persists; close-out is refused while the rule fires and accepted
after the data is fixed; a refused move leaves the card; overdue by a fixed clock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPointF, Qt
from PySide6.QtGui import QDropEvent

from app.rules.catalog import RULES
from app.services import campaigns, organizations, party_orgs, task_board, task_generation
from app.store import Store
from tests.pdf_checks import assert_fonts_embedded
from ui import background as ui_background
from ui.board_model import STATUSES
from ui.board_page import BoardPage
from ui.campaign_dialogs import CloseOutDialog, GenerateDialog

TODAY = date(2026, 5, 10)


@pytest.fixture
def board(qtbot, store: Store, monkeypatch: pytest.MonkeyPatch) -> BoardPage:
    monkeypatch.setattr(ui_background, "SYNCHRONOUS", True)
    for name in ("甲公司", "乙公司"):
        organizations.add_organization(store, {"name": name, "kind": "enterprise", "employees": 150})
    campaign = campaigns.create_campaign(store, {}, template="da_zujian", year=2026)["id"]
    task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], today=TODAY)
    page = BoardPage(store, ui_background.Background(), lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def _drop(page: BoardPage, task_id: str, column: int) -> None:
    """Drop the card on the cell of ``column`` in its own lane, as a mouse release would."""
    model = page.model
    source = model.index_of(task_id)
    mime = model.mimeData([source])
    target = model.index(source.row(), column)
    centre = page.board.visualRect(target).center()
    event = QDropEvent(
        QPointF(centre),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # The view's own drop handling (which cell, which position) decides what the model gets.
    page.board.dropEvent(event)


def _status(store: Store, task_id: str) -> str:
    return next(
        c.status
        for c in task_board.task_cards(store, task_board.TaskFilter(), today=TODAY)
        if c.id == task_id
    )


def test_dropping_a_card_on_another_column_persists_the_move(board: BoardPage, store: Store) -> None:
    card = board.cards[0]
    assert board.model.card_count == 2
    _drop(board, card.id, STATUSES.index("doing"))
    assert _status(store, card.id) == "doing"
    moved = board.model.card_at(board.model.index_of(card.id))
    assert moved is not None and moved.status == "doing"
    assert board.model.headerData(1, Qt.Orientation.Horizontal) == "进行中（1）"


def test_close_out_is_refused_until_the_data_is_fixed(board: BoardPage, store: Store, monkeypatch) -> None:
    card = next(c for c in board.cards if c.record == "甲公司")
    dialogs = _close_out_answers(board, store, monkeypatch)
    _drop(board, card.id, STATUSES.index("done"))
    assert "不能销号" in dialogs[-1].refusal.text() and "尚未建立党组织" in dialogs[-1].refusal.text()
    assert dialogs[-1].override.isVisibleTo(dialogs[-1])
    assert _status(store, card.id) == "todo"
    assert board.model.card_at(board.model.index_of(card.id)).status == "todo"  # the card went back

    party_orgs.add_party_org(store, {"name": "甲公司党支部", "level": "branch"}, covers=[card.record_id])
    _drop(board, card.id, STATUSES.index("done"))
    assert _status(store, card.id) == "done"


def test_a_refused_move_says_why_and_leaves_the_card(board: BoardPage, store: Store, monkeypatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(board, "refused", said.append)
    board.lane_by.setCurrentIndex(board.lane_by.findData("community"))
    card = board.cards[0]
    model = board.model
    source = model.index_of(card.id)
    mime = model.mimeData([source])
    assert len(model.lanes) == 1  # both organizations in no community: one lane, nowhere else to go
    model.card_dropped.emit(card.id, "todo", "doing", "未填社区", "南岭村社区")
    assert said and "社区由两新组织的登记决定" in said[-1]
    assert _status(store, card.id) == "todo"
    assert mime.hasFormat("application/x-liangxin-task")


def test_overdue_follows_the_clock_and_the_filter(qtbot, store: Store, monkeypatch) -> None:
    monkeypatch.setattr(ui_background, "SYNCHRONOUS", True)
    organizations.add_organization(store, {"name": "甲公司", "kind": "enterprise", "employees": 150})
    campaign = campaigns.create_campaign(store, {}, template="da_zujian", year=2026)["id"]
    task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], today=TODAY)
    on_time = BoardPage(store, ui_background.Background(), lambda: date(2026, 6, 20))
    late = BoardPage(store, ui_background.Background(), lambda: date(2026, 6, 25))
    for page in (on_time, late):
        qtbot.addWidget(page)
    assert on_time.cards[0].days_overdue == 0
    assert late.cards[0].days_overdue == 5
    assert "逾期 1 项" in late.count.text()
    red = late.list_model.data(late.list_model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert red is not None and red.name().lower() == "#c8161d"
    assert on_time.list_model.data(on_time.list_model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
    on_time.overdue.setChecked(True)
    assert on_time.cards == []
    late.search.setText("乙")
    late.apply_filters()
    assert late.cards == []


def test_generate_dialog_previews_and_creates_each_task_once(board: BoardPage, store: Store) -> None:
    organizations.add_organization(store, {"name": "丙公司", "kind": "enterprise", "employees": 300})
    dialog = GenerateDialog(store, board.campaign_id, TODAY, board)
    assert dialog.preview_table.rowCount() == 3
    assert "将生成 1 项任务" in dialog.summary.text()
    dialog.generate()
    assert dialog.result_ is not None and (dialog.result_.created, dialog.result_.skipped) == (1, 2)
    board.campaign_changed()
    assert board.model.card_count == 3


def test_generate_dialog_routes_each_finding_to_its_action_line(board: BoardPage, store: Store) -> None:
    """A 大组建 campaign hands each finding to the line of the plan that claims it: the
    hardest large enterprises to the 区领导 (挂点促建), other large ones to the 区直机关
    (驻街保建), a social organization to its 业务主管单位 (主管包建), a mass-organization
    finding to the 群团 (党群共建), and what none claims to its community."""
    from app.services import communities, members

    communities.add_community(store, "南岭村社区")
    community = {"community": "南岭村社区"}
    organizations.add_organization(
        store, {"name": "丙公司", "kind": "enterprise", "employees": 320, **community}
    )
    with_member = organizations.add_organization(
        store, {"name": "丁公司", "kind": "enterprise", "employees": 120, **community}
    )["id"]
    members.add_member(store, {"name": "张伟", "employer": with_member})
    school = organizations.add_organization(
        store,
        {"name": "某民办学校", "kind": "社会组织", "subtype": "民办学校", "employees": 40, **community},
    )["id"]
    organizations.edit_organization(store, school, {"supervising_unit": "区教育局"})
    organizations.add_organization(
        store,
        {"name": "某社工中心", "kind": "社会组织", "subtype": "民办非企业单位", "employees": 40, **community},
    )
    small = organizations.add_organization(
        store, {"name": "戊公司", "kind": "enterprise", "employees": 60, **community}
    )["id"]
    party_orgs.add_party_org(store, {"name": "戊公司党支部", "level": "branch"}, covers=[small])

    dialog = GenerateDialog(store, board.campaign_id, TODAY, board)
    assert dialog.assign() == "action"  # the campaign names units for the plan's lines
    for i in range(dialog.rules.count()):
        item = dialog.rules.item(i)
        wanted = item.data(Qt.ItemDataRole.UserRole) in (
            "enterprise_party_org",
            "social_org_party_org",
            "mass_organizations",
        )
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    table = dialog.preview_table
    shown = {
        (table.item(row, 1).text(), table.item(row, 0).text()): table.item(row, 3).text()
        for row in range(table.rowCount())
        if not table.item(row, 4).text()  # not already on the board
    }
    title = {rule.id: rule.title for rule in RULES}
    assert shown == {
        ("丙公司", title["enterprise_party_org"]): "区领导（挂点促建）",
        ("丁公司", title["enterprise_party_org"]): "区直机关驻街工作组（驻街保建）",
        ("某民办学校", title["social_org_party_org"]): "区教育局",
        ("某社工中心", title["social_org_party_org"]): "南岭村社区",  # no 业务主管单位
        ("戊公司", title["mass_organizations"]): "区总工会、团区委、区妇联（党群共建）",
    }
    dialog.generate()
    assert dialog.result_ is not None and dialog.result_.created == 5
    cards = task_board.task_cards(store, task_board.TaskFilter(campaign=board.campaign_id), today=TODAY)
    assert {c.record: c.assignee for c in cards if c.record in {"丙公司", "某民办学校", "某社工中心"}} == {
        "丙公司": "区领导（挂点促建）",
        "某民办学校": "区教育局",
        "某社工中心": "南岭村社区",
    }


def test_generate_dialog_says_when_a_campaign_has_no_unit_for_the_lines(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ui_background, "SYNCHRONOUS", True)
    organizations.add_organization(store, {"name": "甲公司", "kind": "enterprise", "employees": 150})
    campaign = campaigns.create_campaign(store, {"name": "街道自己的攻坚行动"})["id"]
    dialog = GenerateDialog(store, campaign, TODAY)
    qtbot.addWidget(dialog)
    assert dialog.assign() == "instructor"
    action = next(b for b in dialog.by.buttons() if b.property("assign") == "action")
    action.setChecked(True)
    assert "没有登记挂点领导、驻街部门、主管单位或群团组织" in dialog.error.text()
    assert not dialog.generate_button.isEnabled()
    community = next(b for b in dialog.by.buttons() if b.property("assign") == "community")
    community.setChecked(True)
    assert dialog.generate_button.isEnabled() and dialog.preview_table.item(0, 3).text() == "未填社区"


def test_the_empty_board_teaches(qtbot, store: Store, monkeypatch) -> None:
    monkeypatch.setattr(ui_background, "SYNCHRONOUS", True)
    page = BoardPage(store, ui_background.Background(), lambda: TODAY)
    qtbot.addWidget(page)
    assert page.views.currentWidget() is page.empty
    assert "新建专项行动" in page.empty.text()
    campaigns.create_campaign(store, {}, template="da_zujian", year=2026)
    page.load_campaigns()
    assert "从问题生成任务" in page.empty.text()


def test_the_progress_notice_prints_and_exports(board: BoardPage, store: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from app.reports.notice import export_notice, print_notice

    campaign = board.campaign_id
    assert campaign is not None
    pdf = print_notice(store, campaign, tmp_path / "通报.pdf", date(2026, 6, 25))
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "专项行动进度通报" in text and "逾期任务清单（2 项）" in text and "甲公司" in text
    assert "第 1 页 共 1 页" in text
    assert_fonts_embedded(pdf)
    book = load_workbook(export_notice(store, campaign, tmp_path / "通报.xlsx", date(2026, 6, 25)))
    assert book.sheetnames == ["概况", "各阶段", "各责任单位", "逾期清单", "全部任务"]
    assert book["逾期清单"].max_row == 3


def test_the_board_is_a_page_of_the_main_window(qtbot, store: Store, monkeypatch) -> None:
    from ui.main_window import PAGE_KEYS, MainWindow

    monkeypatch.setattr(ui_background, "SYNCHRONOUS", True)
    organizations.add_organization(store, {"name": "甲公司", "kind": "enterprise", "employees": 150})
    campaign = campaigns.create_campaign(store, {}, template="da_zujian", year=2026)["id"]
    task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], today=TODAY)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(PAGE_KEYS.index("board"))
    assert window.nav.currentItem().text() == "专项行动"
    board = window.board
    assert board.model.card_count == 1
    board.open_card(board.model.index_of(board.cards[0].id))
    assert window.current_key == "organization"
    assert window.page is not None and window.page.current_id() == board.cards[0].record_id


def test_new_campaign_and_task_dialogs(qtbot, store: Store) -> None:
    from ui.campaign_dialogs import CampaignDialog, TaskDialog

    dialog = CampaignDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.phases.rowCount() == 3 and "大组建" in dialog.name.text()
    # The start is a date of one's choosing; the phases keep the plan's lengths (15, 66 and
    # 10 days: "4月中旬前…6月20日前…6月30日前" from 1 April).
    dialog.starts.setDate(QDate(2027, 9, 1))
    assert [(p.starts_on, p.ends_on) for p in dialog.phase_plans()] == [
        (date(2027, 9, 1), date(2027, 9, 15)),
        (date(2027, 9, 16), date(2027, 11, 20)),
        (date(2027, 11, 21), date(2027, 11, 30)),
    ]
    assert dialog.ends.date() == QDate(2027, 11, 30)
    dialog.units.setPlainText("挂点领导:王书记\n不认识的类型:某单位")
    dialog.save()
    assert dialog.created is None and "不认识" in dialog.error.text()
    dialog.units.setPlainText("挂点领导:王书记")
    dialog.save()
    assert dialog.created is not None and dialog.created["units"][0]["name"] == "王书记"
    assert (dialog.created["starts_on"], dialog.created["ends_on"]) == (date(2027, 9, 1), date(2027, 11, 30))
    assert [p["starts_on"] for p in dialog.created["phases"]] == [
        date(2027, 9, 1),
        date(2027, 9, 16),
        date(2027, 11, 21),
    ]

    organizations.add_organization(store, {"name": "甲公司", "kind": "enterprise"})
    add = TaskDialog(store, dialog.created["id"], TODAY)
    qtbot.addWidget(add)
    add.title_edit.setText("走访甲公司，宣讲组建政策")
    add.organization.setText("没有这家公司")
    add.save()
    assert add.task_id is None and "没有这家公司" in add.error.text()
    add.organization.setText("甲公司")
    add.save()
    card = task_board.task_cards(store, task_board.TaskFilter(campaign=dialog.created["id"]), today=TODAY)[0]
    assert (card.id, card.record, card.assignee) == (add.task_id, "甲公司", "王书记")


def test_a_cancelled_close_out_or_save_dialog_changes_nothing(
    board: BoardPage, store: Store, monkeypatch
) -> None:
    card = board.cards[0]
    monkeypatch.setattr(board, "ask_close_out", lambda card, lane=None: False)  # the clerk pressed Cancel
    _drop(board, card.id, STATUSES.index("done"))
    assert _status(store, card.id) == "todo"
    assert board.model.card_at(board.model.index_of(card.id)).status == "todo"
    said: list[str] = []
    board.status.connect(said.append)
    monkeypatch.setattr(board, "ask_save_path", lambda *a: "")  # the save dialog was cancelled
    board.print_notice()
    board.export_notice()
    assert said == []


def _close_out_answers(board: BoardPage, store: Store, monkeypatch) -> list[CloseOutDialog]:
    """Each close-out the board asks for is answered "已上门指导"; the dialogs, to read."""
    dialogs: list[CloseOutDialog] = []

    def ask(card: task_board.Card, lane: str | None = None) -> bool:
        dialog = CloseOutDialog(store, card, TODAY, board, lane=lane)
        dialog.note.setPlainText("已上门指导")
        dialogs.append(dialog)
        return dialog.try_close()

    monkeypatch.setattr(board, "ask_close_out", ask)
    return dialogs


def _card(store: Store, task_id: str) -> task_board.Card:
    return next(
        c for c in task_board.task_cards(store, task_board.TaskFilter(), today=TODAY) if c.id == task_id
    )


def test_a_drop_on_another_lane_and_column_is_one_change(board: BoardPage, store: Store, monkeypatch) -> None:
    card = board.cards[0]
    lane = card.assignee
    dialogs = _close_out_answers(board, store, monkeypatch)
    # Into 王书记's lane and the 已销号 column: the close-out is refused, so the lane stays too.
    board.model.card_dropped.emit(card.id, "todo", "done", lane, "王书记")
    assert "不能销号" in dialogs[-1].refusal.text()
    assert (_card(store, card.id).assignee, _card(store, card.id).status) == (lane, "todo")
    # Into 王书记's lane and 进行中: both at once.
    board.model.card_dropped.emit(card.id, "todo", "doing", lane, "王书记")
    assert (_card(store, card.id).assignee, _card(store, card.id).status) == ("王书记", "doing")
    moved = board.model.card_at(board.model.index_of(card.id))
    assert moved is not None and (moved.assignee, moved.status) == ("王书记", "doing")
