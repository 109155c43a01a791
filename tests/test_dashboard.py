"""工作台: one set of numbers on the page, in the PDF, in the workbook and from the
CLI; every figure traced back to its records; settings that change the figures at
once; the monthly trend. On a copy of the demo database."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox

from app.cli.main import main
from app.dashboard import tiles
from app.rules.catalog import RULES
from app.settings import change_setting, current_settings
from app.stats import Figure, dashboard, figure_records, station_stats
from app.store import Store, open_store
from tests.pdf_checks import assert_fonts_embedded
from ui import background
from ui.dashboard_page import DashboardPage
from ui.drill import DrillDialog
from ui.main_window import PAGE_KEYS, MainWindow
from ui.settings_page import SettingsPage

TODAY = date(2026, 11, 22)


@pytest.fixture
def store(any_store: Store) -> Store:
    """The tests here that start from an empty station run on both engines (the
    demo's figures on both are compared in test_both_engines)."""
    return any_store


@pytest.fixture
def demo(demo_db: Path, tmp_path: Path) -> Iterator[Store]:
    copy = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db, copy)
    store = open_store(str(copy))
    yield store
    store.close()


def _cli(capsys: pytest.CaptureFixture[str], store: Store, *args: str) -> str:
    assert main(["--db", store.location, *args]) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def test_page_pdf_workbook_and_cli_show_the_same_numbers(
    qtbot, synchronous: None, demo: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = json.loads(_cli(capsys, demo, "stats", "--json"))
    stats = station_stats(demo)
    assert cli == json.loads(json.dumps(stats))
    shown = tiles(stats)
    assert [t.title for t in shown][:6] == [
        "两新组织",
        "已建党组织覆盖",
        "党的组织覆盖率",
        "党的工作覆盖率",
        "应建尽建率",  # seed 002: "确保党组织应建尽建率和党的工作覆盖率均达到100%"
        "单独组建率",
    ]

    page = DashboardPage(demo, background.Background())
    qtbot.addWidget(page)
    page.reload()
    assert [(c.title.text(), c.value.text()) for c in page.cards] == [(t.title, t.value) for t in shown]
    tree = page.findings.rules
    assert [int(tree.topLevelItem(i).text(1).replace(",", "")) for i in range(tree.topLevelItemCount())] == [
        stats["findings"]["by_rule"][rule.id] for rule in RULES
    ]

    pdf = tmp_path / "通报.pdf"
    _cli(capsys, demo, "print", "dashboard", "--out", str(pdf))
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for tile in shown:
        assert tile.value in text, tile
    for row in stats["findings"]["rules"]:
        assert row["title"] in text
    embedded = [
        font.get_object()
        for font in reader.pages[0]["/Resources"]["/Font"].values()
        if "WenQuanYi" in str(font.get_object()["/BaseFont"])
    ]
    assert embedded and all("/FontFile2" in f["/FontDescriptor"].get_object() for f in embedded)
    assert_fonts_embedded(pdf)

    xlsx = tmp_path / "工作台.xlsx"
    _cli(capsys, demo, "export", "dashboard", "--out", str(xlsx))
    book = load_workbook(xlsx)
    assert book.sheetnames == ["概况", "按社区", "按行业", "按职工规模", "月度趋势", "问题汇总", "问题明细"]
    overview = {row[0]: row[1] for row in book["概况"].iter_rows(min_row=2, values_only=True)}
    for tile in shown:
        expected = tile.number / 100 if tile.value.endswith("%") else tile.number
        assert overview[tile.title] == pytest.approx(expected), tile
    communities = list(book["按社区"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[2]) for r in communities] == [
        (c["label"], c["in_scope"], c["covered"]) for c in stats["by_community"]
    ]
    assert sum(r[1] for r in communities) == stats["coverage"]["in_scope"]
    summary = {r[0]: r[1] for r in book["问题汇总"].iter_rows(min_row=2, values_only=True)}
    assert summary == {r["title"]: r["count"] for r in stats["findings"]["rules"]}
    assert book["问题明细"].max_row - 1 == stats["findings"]["total"]


def test_every_figure_traces_back_to_the_records_it_counts(demo: Store) -> None:
    stats = station_stats(demo)
    for tile in tiles(stats):
        if tile.figure is None:
            continue
        records = figure_records(demo, Figure(tile.figure))
        if tile.key in stats["rates"]:  # a rate lists the records it still lacks
            rate = stats["rates"][tile.key]
            assert len(records.ids) == rate["denominator"] - rate["numerator"], tile.key
        else:
            assert len(records.ids) == tile.number, tile.key
    assert figure_records(demo, Figure("members")).kind == "member"
    for table, group in (
        ("by_community", "community"),
        ("by_industry", "industry"),
        ("by_staff_band", "staff_band"),
    ):
        for row in stats[table]:
            key = row["key"] or None
            assert len(figure_records(demo, Figure("covered", group, key)).ids) == row["covered"], row
            assert (
                len(figure_records(demo, Figure("organization_coverage", group, key)).ids) == row["uncovered"]
            )
    assert sum(r["in_scope"] for r in stats["by_staff_band"]) == stats["coverage"]["in_scope"]


def test_clicking_a_tile_a_bar_or_a_finding_opens_the_records(qtbot, synchronous: None, demo: Store) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    assert window.current_key == "dashboard"  # the first page of a new user
    qtbot.waitUntil(lambda: window.dashboard.stats is not None, timeout=5000)
    page = window.dashboard
    assert page.stats is not None
    opened: list[DrillDialog] = []
    original = DrillDialog.open
    DrillDialog.open = lambda self: opened.append(self) or original(self)  # type: ignore[method-assign]
    try:
        page.tile_clicked(2)  # 党的组织覆盖率: the organizations not yet covered
        rate = page.stats["rates"]["organization_coverage"]
        assert opened[-1].model.rowCount() == rate["denominator"] - rate["numerator"]
        assert "尚未被党组织覆盖" in opened[-1].windowTitle()

        worst = page.stats["by_community"][0]
        page.community_chart.bar_clicked.emit(0, 0)
        assert opened[-1].model.rowCount() == worst["uncovered"]
        assert worst["label"] in opened[-1].windowTitle()

        band = max(page.stats["by_staff_band"], key=lambda r: r["attached"])
        i = page.stats["by_staff_band"].index(band)
        page.band_chart.bar_clicked.emit(i, 0)
        assert opened[-1].model.rowCount() == band["independent"]
        page.band_chart.bar_clicked.emit(i, 2)  # 挂靠, apart from 单独 and 联合
        assert opened[-1].model.rowCount() == band["attached"] > 0
        assert "挂靠组建" in opened[-1].windowTitle()

        dialog = opened[-1]
        first = dialog.model.index(0, 0)
        dialog.table.doubleClicked.emit(first)
        assert window.current_key == "organization"
        assert window.page is not None and window.page.current_id() == dialog.model.id_at(0)
    finally:
        DrillDialog.open = original  # type: ignore[method-assign]

    window.nav.setCurrentRow(0)
    page.findings.select_rule("empty_shell")
    findings = page.findings.model.findings
    assert len(findings) == page.stats["findings"]["by_rule"]["empty_shell"]
    from app.rules.catalog import RULES_BY_ID

    assert page.findings.source.text() == "依据：" + RULES_BY_ID["empty_shell"].source
    page.findings.records.doubleClicked.emit(page.findings.model.index(0, 0))
    assert window.current_key == "party_org"
    assert window.page is not None and window.page.current_id() == findings[0].record_id


def test_chart_clicks_map_to_bars() -> None:
    from ui.charts import RateBars, StackedBars

    bars = RateBars("t")
    bars.show_rates([("甲社区", 20.0), ("乙社区", None)], 100)
    assert bars.hit(5, 0.1) == (0, 0)
    assert bars.hit(5, 1.2) == (1, 0)
    assert bars.hit(5, 2.0) is None
    stacked = StackedBars("t", ("单独组建", "联合组建", "挂靠组建", "未覆盖"))
    stacked.show_counts([("10人以下", (3, 1, 1, 4)), ("10–29人", (1, 0, 0, 0))])
    assert stacked.hit(0.1, 2) == (0, 0)
    assert stacked.hit(0.1, 3.5) == (0, 1)
    assert stacked.hit(0.1, 4.5) == (0, 2)
    assert stacked.hit(0.1, 6) == (0, 3)
    assert stacked.hit(0.1, 10) is None
    assert stacked.hit(0.5, 2) is None  # between the bars


def test_settings_page_changes_the_figures_at_once(
    qtbot, synchronous: None, demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.dashboard.stats is not None, timeout=5000)
    before = window.dashboard.stats["findings"]["by_rule"]["enterprise_members"]  # type: ignore[index]
    settings: SettingsPage = window.settings_page
    window.nav.setCurrentRow(PAGE_KEYS.index("settings"))
    spin = settings.editors["rule.enterprise_members.min_employees"]
    assert spin.value() == 50 and not settings.resets["rule.enterprise_members.min_employees"].isEnabled()
    spin.setValue(10)
    assert current_settings(demo)["rule.enterprise_members.min_employees"] == 10
    assert "已保存" in window.statusBar().currentMessage()
    window.nav.setCurrentRow(0)
    after = window.dashboard.stats["findings"]["by_rule"]["enterprise_members"]  # type: ignore[index]
    assert after > before

    scope = settings.editors["coverage.scope"]
    scope.setCurrentIndex(scope.findData("active_enterprise"))
    scope.activated.emit(scope.currentIndex())
    assert "非公企业" in station_stats(demo)["scope"]

    settings.resets["rule.enterprise_members.min_employees"].click()
    assert current_settings(demo)["rule.enterprise_members.min_employees"] == 50
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.RestoreDefaults)
    settings.reset_all()
    assert current_settings(demo)["coverage.scope"] == "active"


def test_printing_from_the_page_writes_the_file_and_says_so(
    qtbot, synchronous: None, demo: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = DashboardPage(demo, background.Background())
    qtbot.addWidget(page)
    page.open_after_export = False
    messages: list[str] = []
    page.status.connect(messages.append)
    target = tmp_path / "通报.pdf"
    monkeypatch.setattr(page, "ask_save_path", lambda *a: str(target))
    page.print_report()
    assert target.read_bytes().startswith(b"%PDF")
    assert messages[-1] == f"已生成通报：{target}"
    monkeypatch.setattr(page, "ask_save_path", lambda *a: str(tmp_path / "missing" / "工作台.xlsx"))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warned.append(text))
    page.export_workbook()
    assert "不存在" in messages[-1] and warned == [messages[-1]]  # said in a box, and in the status bar
    assert not (tmp_path / "missing").exists()


def test_a_report_that_cannot_be_written_leaves_no_file(
    demo: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", demo.location, "print", "dashboard", "--out", str(tmp_path / "report.xlsx")]) == 1
    assert "应以 .pdf 结尾" in capsys.readouterr().err
    assert main(["--db", demo.location, "export", "dashboard", "--out", str(tmp_path / "no" / "a.xlsx")]) == 1
    assert "不存在" in capsys.readouterr().err
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".pdf", ".xlsx")]


def test_the_trend_keeps_one_snapshot_a_month(store: Store) -> None:
    from app.services import organizations

    organizations.add_organization(store, {"name": "某公司", "kind": "enterprise"})
    first = dashboard(store, date(2026, 9, 30))
    assert [p["month"] for p in first["trend"]] == ["2026-09"]
    assert first["trend"][0]["organization_coverage"] == 0.0
    dashboard(store, date(2026, 10, 15))
    organizations.add_organization(store, {"name": "另一公司", "kind": "enterprise"})
    dashboard(store, date(2026, 10, 31))  # the month's last reading wins
    stats = station_stats(store, TODAY)
    assert [p["month"] for p in stats["trend"]] == ["2026-09", "2026-10", "2026-11"]
    with store.read() as session:
        from db.models import StatSnapshot

        october = session.get(StatSnapshot, "2026-10")
        assert october is not None and october.in_scope == 2


def test_the_demo_has_a_years_trend(demo: Store) -> None:
    trend = station_stats(demo)["trend"]
    assert len(trend) == 12
    rates = [p["organization_coverage"] for p in trend]
    assert all(r is not None for r in rates) and rates[0] < rates[-1]


def test_threshold_settings_reject_bad_values(store: Store) -> None:
    from app.errors import FieldError

    with pytest.raises(FieldError, match="不能大于 100"):
        change_setting(store, "coverage.target_percent", 120)
    with pytest.raises(FieldError, match="应为整数"):
        change_setting(store, "rule.joint.max_orgs", "五")
    # Every rule with a threshold has it as a setting; a Party organization without term dates has none.
    assert [rule.id for rule in RULES if not rule.setting] == ["term_missing"]


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal from Python 3.12")
def test_the_qt_binding_keeps_its_references_to_true(qapp) -> None:
    """PySide6 6.12.0 dropped a reference to True on every signal emitted; on Python
    3.11 the program then aborts after a few thousand signals. Keep such a binding out."""
    from PySide6.QtCore import QObject, Signal

    class Source(QObject):
        pinged = Signal()

    source = Source()
    source.pinged.connect(lambda: None)
    before = sys.getrefcount(True)
    for _ in range(200):
        source.pinged.emit()
    assert sys.getrefcount(True) - before > -50


def test_the_same_figures_on_sqlite_and_postgresql(any_store: Store) -> None:
    from app.rules.engine import count_findings
    from app.services import instructors, members, organizations, party_orgs
    from app.settings import load_settings

    big = organizations.add_organization(
        any_store, {"name": "百人公司", "kind": "enterprise", "employees": 150}
    )
    small = organizations.add_organization(
        any_store, {"name": "小公司", "kind": "enterprise", "employees": 8}
    )
    guided = organizations.add_organization(
        any_store, {"name": "有指导员公司", "kind": "enterprise", "employees": 40}
    )
    committee = party_orgs.add_party_org(any_store, {"name": "某党委", "level": "committee"})["id"]
    branch = party_orgs.add_party_org(
        any_store, {"name": "百人公司党支部", "level": "branch", "parent": committee}, covers=[big["id"]]
    )["id"]
    for _ in range(3):
        members.add_member(any_store, {"name": "党员", "employer": small["id"], "party_org": branch})
    instructors.assign_instructor(
        any_store, instructors.add_instructor(any_store, {"name": "李明"})["id"], guided["id"]
    )
    stats = station_stats(any_store, TODAY)
    assert stats["coverage"] == {
        "in_scope": 3,
        "covered": 1,
        "work_covered": 2,
        "independent": 1,
        "joint": 0,
        "attached": 0,
        "must_build": 2,  # 百人公司 (100 staff or more) and 小公司 (three 正式党员)
        "built": 1,
    }
    assert [(r["label"], r["in_scope"], r["covered"]) for r in stats["by_staff_band"] if r["in_scope"]] == [
        ("10人以下", 1, 0),
        ("30–49人", 1, 0),
        ("100–299人", 1, 1),
    ]
    by_rule = stats["findings"]["by_rule"]
    assert by_rule["independent_formation"] == 1  # 小公司: three full members, no organization of its own
    assert by_rule["empty_shell"] == 0  # the committee counts its branch's members
    with any_store.read() as session:
        assert count_findings(session, load_settings(session), TODAY) == by_rule
    assert len(figure_records(any_store, Figure("work_coverage")).ids) == 1


def test_the_report_is_made_while_another_program_holds_the_database(
    demo: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading is enough to print: this month's snapshot, which needs a write, is left
    for later rather than refusing the report."""
    import sqlite3

    monkeypatch.setenv("LIANGXIN_BUSY_TIMEOUT_MS", "100")
    holder = sqlite3.connect(demo.location, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert main(["--db", demo.location, "print", "dashboard", "--out", str(tmp_path / "d.pdf")]) == 0
        assert main(["--db", demo.location, "export", "dashboard", "--out", str(tmp_path / "d.xlsx")]) == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert (tmp_path / "d.pdf").read_bytes().startswith(b"%PDF") and (tmp_path / "d.xlsx").exists()
    assert capsys.readouterr().err == ""
