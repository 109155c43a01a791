"""工作台: the tiles, the charts and the findings panel. Every figure can be
clicked to list the records behind it (数据反查); every rule lists its findings,
and a double click opens the record in its register."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dashboard import FORMATION_PARTS, Tile, formation_rows, tiles
from app.domain.codes import FORMATION, ORG_KIND, RELATION
from app.domain.dates import chinese_date
from app.rules.catalog import RULES_BY_ID
from app.station_scope import station_names, station_scope, sub_districts
from app.stats import (
    RATE_TITLES,
    Figure,
    check,
    figure_records,
    record_monthly_snapshot,
    records_the_month,
    station_stats,
)
from app.store import Store
from ui.background import Background
from ui.charts import RateBars, StackedBars, TrendLines
from ui.drill import DrillDialog, FindingsModel, record_table
from ui.files import ask_save_path, write_report
from ui.i18n import t
from ui.layout import beside_panel, page_layout
from ui.life_outstanding import LifeOutstanding
from ui.state import window_state
from ui.station_coverage import StationCoverage
from ui.style import PARTY_RED
from ui.table_model import ID_ROLE

CHART_BARS = 12  # bars per rate chart; the workbook has every group
TILES_PER_ROW = 5


def _detail(text: str) -> str:
    """A tile's detail line in the window's language: its words are labels of coded
    values (非公企业, 单独组建, 流入党员 …), which the catalogue already holds."""
    for codes in (ORG_KIND, FORMATION, RELATION):
        for label in codes.labels.values():
            text = text.replace(label, t(label))
    return text


class TileCard(QFrame):
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title = QLabel()
        self.title.setStyleSheet("color: #555; font-size: 9.5pt;")
        self.value = QLabel("…")
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.value.setStyleSheet("font-size: 17pt;")
        # Enterprises and social organizations side by side (or 单独·联合·挂靠).
        self.detail = QLabel()
        self.detail.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.detail.setStyleSheet("color: #777; font-size: 8pt;")
        self.detail.setWordWrap(True)  # the English is longer: two lines rather than cut
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        self.tile: Tile | None = None

    def show_tile(self, tile: Tile) -> None:
        self.tile = tile
        self.title.setText(t(tile.title))
        self.value.setText(tile.value)
        self.detail.setText(_detail(tile.detail))
        alarm = tile.key == "findings" and bool(tile.number)
        self.value.setStyleSheet(f"font-size: 17pt; color: {PARTY_RED if alarm else '#222'};")
        self.setToolTip(tile.hint)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.tile is not None:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class FindingsPanel(QWidget):
    """Rules with their counts; the selected rule's source and its records below."""

    open_link = Signal(str, str)

    def __init__(
        self,
        store: Store,
        runner: Background,
        parent: QWidget | None = None,
        stations: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.runner = store, runner
        self.today: date | None = None
        self.station: str | None = None  # at a district: the sub-district the page shows, if one
        heading = QLabel(t("规则检查：待整改问题"))
        heading.setStyleSheet("font-size: 11.5pt; font-weight: bold;")
        self.rules = QTreeWidget()
        self.rules.setColumnCount(2)
        self.rules.setHeaderLabels([t("规则"), t("问题数")])
        self.rules.setRootIsDecorated(False)
        self.rules.setUniformRowHeights(True)
        self.rules.header().setStretchLastSection(False)
        self.rules.setColumnWidth(0, 250)
        self.rules.setColumnWidth(1, 64)
        self.rules.currentItemChanged.connect(lambda *_: self.show_rule())
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: #444; background: #F7F7F7; padding: 6px;")
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = FindingsModel(self, stations)
        self.records = record_table()
        self.records.setModel(self.model)
        self.records.setColumnWidth(0, 170)
        if stations is not None:  # room for the sentence beside the name and its 街道
            self.records.setColumnWidth(0, 140)
            self.records.setColumnWidth(1, 64)
        self.records.doubleClicked.connect(self._open)
        self.records.activated.connect(self._open)
        self.hint = QLabel(t("双击一条问题，在登记簿中打开对应记录。"))
        self.hint.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.rules, 3)
        layout.addWidget(self.source)
        layout.addWidget(self.records, 4)
        layout.addWidget(self.hint)

    def show_counts(self, stats: dict[str, Any]) -> None:
        current = self.current_rule()
        self.today = date.fromisoformat(stats["date"])
        self.rules.clear()
        for row in stats["findings"]["rules"]:
            item = QTreeWidgetItem([t(row["title"]), f"{row['count']:,}"])
            item.setData(0, Qt.ItemDataRole.UserRole, row["id"])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if row["count"]:
                item.setForeground(1, Qt.GlobalColor.darkRed)
            item.setToolTip(0, RULES_BY_ID[row["id"]].source)
            self.rules.addTopLevelItem(item)
            if row["id"] == current:
                self.rules.setCurrentItem(item)
        if self.rules.currentItem() is None:
            self.source.setText(t("点击一条规则，查看它的依据和问题清单。"))
            self.model.set_findings([])

    def current_rule(self) -> str | None:
        item = self.rules.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def select_rule(self, rule_id: str) -> None:
        for i in range(self.rules.topLevelItemCount()):
            item = self.rules.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == rule_id:
                self.rules.setCurrentItem(item)

    def show_rule(self) -> None:
        rule_id = self.current_rule()
        if rule_id is None:
            return
        rule = RULES_BY_ID[rule_id]
        self.source.setText(t("依据：") + rule.source)
        today, station = self.today, self.station
        self.runner.read(
            "findings", lambda: check(self.store, today, [rule_id], station), self.model.set_findings
        )

    def _open(self, index: Any) -> None:
        record_id = self.model.data(index, ID_ROLE)
        rule_id = self.current_rule()
        if record_id and rule_id:
            self.open_link.emit(RULES_BY_ID[rule_id].subject, record_id)


class DashboardPage(QWidget):
    open_link = Signal(str, str)
    loaded = Signal()  # the figures are on screen (tests and bench/ wait for this)
    status = Signal(str)  # a sentence for the status bar
    scope_changed = Signal(str)  # whose figures the page shows (the status bar says it)

    open_after_export = True  # tests switch this off

    def __init__(self, store: Store, runner: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner = store, runner
        self.stats: dict[str, Any] | None = None  # the figures shown, charts and all
        self.figures_at: float | None = None  # when the figures were first painted (bench/ reads it)
        self.district = store.station.role == "district"

        title = QLabel(t("工作台"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        # At a district: every sub-district together, or one; every figure follows.
        self.station_filter = QComboBox()
        self.station_filter.setToolTip(t("街道：工作台的每个数字、图表和问题清单都只算所选街道"))
        if self.district:
            self.station_filter.addItem(station_scope(store).label, None)
            for code, name in sub_districts(store):
                self.station_filter.addItem(name, code)
        self.station_filter.setVisible(self.district)
        self.station_filter.currentIndexChanged.connect(lambda *_: self._station_chosen())
        self.info = QLabel(t("正在统计……"))
        self.info.setStyleSheet("color: #555;")
        refresh = QPushButton(t("刷新"))
        refresh.setToolTip("F5")
        refresh.clicked.connect(self.reload)
        export = QPushButton(t("导出表格…"))
        export.setToolTip(t("把工作台的各张表和问题明细导出为 Excel 表格（.xlsx）"))
        export.clicked.connect(self.export_workbook)
        self.print_button = QPushButton(t("打印通报…"))
        self.print_button.setObjectName("primary")
        self.print_button.setToolTip(t("生成一页 A4 的 PDF 通报（Ctrl+P）"))
        self.print_button.clicked.connect(self.print_report)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.station_filter)
        top.addSpacing(8)
        top.addWidget(self.info, 1)
        for button in (refresh, export, self.print_button):
            top.addWidget(button)

        self.cards: list[TileCard] = []
        # Two rows of five: each tile has room for its line of 非公企业 beside 社会组织.
        tile_row = QGridLayout()
        tile_row.setSpacing(8)
        for i in range(10):
            card = TileCard()
            card.clicked.connect(lambda i=i: self.tile_clicked(i))
            self.cards.append(card)
            tile_row.addWidget(card, i // TILES_PER_ROW, i % TILES_PER_ROW)

        self.community_chart = RateBars(t("各社区党的组织覆盖率（由低到高）"))
        self.industry_chart = RateBars(t("各行业党的组织覆盖率（由低到高）"))
        # Covered (单独, 联合, 挂靠 apart) over all in scope, per staff band.
        self.band_chart = StackedBars(
            t("按职工规模：已覆盖 / 统计范围内"), tuple(t(name) for name in FORMATION_PARTS)
        )
        self.trend_chart = TrendLines(t("覆盖率月度趋势"))
        self.community_chart.bar_clicked.connect(
            lambda i, _: self.group_clicked("by_community", "community", i)
        )
        self.industry_chart.bar_clicked.connect(lambda i, _: self.group_clicked("by_industry", "industry", i))
        self.band_chart.bar_clicked.connect(self.band_clicked)
        groups = QWidget()
        grid = QGridLayout(groups)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        for i, chart in enumerate(
            (self.community_chart, self.industry_chart, self.band_chart, self.trend_chart)
        ):
            grid.addWidget(chart, i // 2, i % 2)
        charts: QWidget = groups
        self.stations: StationCoverage | None = None
        names: dict[str, str] | None = None
        if self.district:  # the sub-districts side by side first: where the district must look
            self.stations = StationCoverage()
            self.stations.station_clicked.connect(self.station_clicked)
            self.chart_tabs = QTabWidget()
            self.chart_tabs.addTab(self.stations, t("各街道"))
            self.chart_tabs.addTab(groups, t("社区、行业、规模与趋势"))
            charts = self.chart_tabs
            names = station_names(store)

        self.findings = FindingsPanel(store, runner, stations=names)
        self.findings.open_link.connect(self.open_link.emit)
        self.splitter = beside_panel(charts, self.findings, (800, 380))
        # 本月组织生活 and 走访 (ui/life_outstanding.py): one strip under the tiles.
        self.life_box = LifeOutstanding(store, runner, date.today)
        life_row = QHBoxLayout()
        life_row.addWidget(self.life_box)
        page_layout(self, [top, tile_row, life_row], self.splitter)
        state = window_state().value("dashboard/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    # -- figures ---------------------------------------------------------------------
    def station(self) -> str | None:
        """The sub-district chosen in the 街道 filter (a district), or None: all of them."""
        code = self.station_filter.currentData()
        return str(code) if code else None

    def scope_text(self) -> str:
        """Whose figures these are; "" at a sub-district, which holds only its own."""
        return self.station_filter.currentText() if self.district else ""

    def _station_chosen(self) -> None:
        self.scope_changed.emit(self.scope_text())
        self.reload()

    def reload(self) -> None:
        self.info.setText(t("正在统计……"))
        station = self.station()
        self.runner.read(
            "dashboard", lambda: station_stats(self.store, station=station), self._loaded, self._failed
        )
        self.life_box.reload()

    def take_stats(self, stats: dict[str, Any]) -> None:
        """Figures counted before the page was built (the window starts counting them
        first, while this page's charts library loads) — as if reload had brought them."""
        self._loaded(stats)

    def _loaded(self, stats: dict[str, Any]) -> None:
        if stats["station_scope"]["station"] != self.station():
            return  # the filter moved on while these were counted
        self.show_stats(stats)
        if not records_the_month(stats):  # one sub-district's figures are not the district's month
            return
        # This month's figures for the trend: a write, so through the write lane (the read
        # above never writes). Nothing else shows it, so no page is told.
        self.runner.write(
            lambda: record_monthly_snapshot(self.store, stats=stats), on_error=self._snapshot_failed
        )

    def _snapshot_failed(self, error: Exception) -> None:
        self.status.emit(t("本月统计快照未能保存：") + str(getattr(error, "message", error)))

    def _failed(self, error: Exception) -> None:
        self.info.setText(t("统计失败：") + str(getattr(error, "message", error)))

    def show_stats(self, stats: dict[str, Any]) -> None:
        """The figures at once — tiles, the findings' counts, the sub-districts' table —
        painted before the charts are drawn: the charts library loads with the first chart
        (ui/charts.py), a quarter of a second the figures do not wait for."""
        info = t("统计日期 {date} · 统计范围：{scope} · 覆盖率目标 {target}%").format(
            date=chinese_date(stats["date"]), scope=stats["scope"], target=stats["target_percent"]
        )
        self.info.setText(info)
        self.info.setToolTip(info)  # the scope can be long: all of it on hover
        for card, tile in zip(self.cards, tiles(stats), strict=True):
            card.show_tile(tile)
        if self.stations is not None:
            self.stations.show_table(stats["by_station"], float(stats["target_percent"]))
        self.findings.station = stats["station_scope"]["station"]
        self.findings.show_counts(stats)
        if self.figures_at is None and self.isVisible():
            self.repaint()
            self.figures_at = time.time()
        self._draw_charts(stats)

    def _draw_charts(self, stats: dict[str, Any]) -> None:
        self.stats = stats
        target = float(stats["target_percent"])
        self.community_chart.show_rates(
            [(r["label"], r["organization_coverage"]) for r in stats["by_community"][:CHART_BARS]], target
        )
        self.industry_chart.show_rates(
            [(r["label"], r["organization_coverage"]) for r in self._industries()[:CHART_BARS]], target
        )
        self.band_chart.show_counts(formation_rows(stats["by_staff_band"]))
        self.trend_chart.show_series(
            [p["month"] for p in stats["trend"]],
            [(t(name), [p[key] for p in stats["trend"]]) for key, name in RATE_TITLES.items()],
        )
        # The months recorded are the whole district's: one sub-district has this month only.
        self.trend_chart.plot.setTitle(
            t("覆盖率月度趋势（单个街道只有本月）") if self.station() else t("覆盖率月度趋势"),
            color="#333",
            size="10.5pt",
        )
        more = len(stats["by_community"]) - CHART_BARS
        self.community_chart.plot.setTitle(
            t("党的组织覆盖率最低的 {n} 个社区（共 {all} 个）").format(
                n=CHART_BARS, all=len(stats["by_community"])
            )
            if more > 0
            else t("各社区党的组织覆盖率（由低到高）"),
            color="#333",
            size="10.5pt",
        )
        if self.stations is not None:
            self.stations.show_chart(stats["by_station"], target)
        self.loaded.emit()

    def _industries(self) -> list[dict[str, Any]]:
        assert self.stats is not None
        return [r for r in self.stats["by_industry"] if r["in_scope"]]

    # -- 数据反查 ---------------------------------------------------------------------
    def drill(self, figure: Figure) -> None:
        def show(records: Any) -> None:
            dialog = DrillDialog(self.store, records, self)
            dialog.open_link.connect(self.open_link.emit)
            dialog.open()

        station = self.station()
        self.runner.read("drill", lambda: figure_records(self.store, figure, station), show)

    def tile_clicked(self, i: int) -> None:
        tile = self.cards[i].tile
        if tile is None:
            return
        if tile.figure is None:  # the findings tile: the panel beside lists them
            self.findings.rules.setFocus()
            if self.findings.current_rule() is None and self.findings.rules.topLevelItemCount():
                self.findings.rules.setCurrentItem(self.findings.rules.topLevelItem(0))
            return
        self.drill(Figure(tile.figure))

    def group_clicked(self, table: str, group: str, i: int) -> None:
        rows = self.stats[table] if table == "by_community" else self._industries() if self.stats else []
        if self.stats and 0 <= i < len(rows):
            self.drill(Figure("organization_coverage", group, rows[i]["key"] or None, rows[i]["label"]))

    def station_clicked(self, i: int) -> None:
        """A sub-district's bar or row: the units of that station not yet covered."""
        rows = self.stats["by_station"] if self.stats else []
        if 0 <= i < len(rows):
            self.drill(Figure("organization_coverage", "station", rows[i]["key"], rows[i]["label"]))

    def band_clicked(self, i: int, part: int) -> None:
        if self.stats:
            row = self.stats["by_staff_band"][i]
            what = ("independent", "joint", "attached", "uncovered")[part]
            self.drill(Figure(what, "staff_band", row["key"], row["label"]))

    # -- print and export ---------------------------------------------------------------
    def ask_save_path(self, caption: str, name: str, pattern: str) -> str:
        return ask_save_path(self, caption, name, pattern)

    def _file_tag(self) -> str:
        """A chosen sub-district's name in a file's suggested name: 工作台-南湾街道-2026-11-30."""
        station = self.station()
        return f"{self.station_filter.currentText()}-" if station else ""

    def print_report(self) -> None:
        today = date.today().isoformat()
        path = self.ask_save_path(
            t("打印通报"), f"两新组织党建工作情况通报-{self._file_tag()}{today}.pdf", t("PDF 文件 (*.pdf)")
        )
        if path:
            from app.reports.dashboard import print_dashboard_job  # reportlab loads on first print

            station = self.station()
            self._write(
                lambda: print_dashboard_job(self.store, path, station=station),
                t("已生成通报：{path}"),
                t("打印通报"),
            )

    def export_workbook(self) -> None:
        today = date.today().isoformat()
        path = self.ask_save_path(
            t("导出表格"), f"工作台-{self._file_tag()}{today}.xlsx", t("Excel 表格 (*.xlsx)")
        )
        if path:
            from app.reports.dashboard import export_dashboard_job

            station = self.station()
            self._write(
                lambda: export_dashboard_job(self.store, path, station=station),
                t("已导出表格：{path}"),
                t("导出表格"),
            )

    def _write(self, job: Any, done: str, title: str) -> None:
        # The print-outs record this month's figures for the trend too: the write lane.
        write_report(
            self.runner, job, done, self.status.emit, self.open_after_export, self, title, writes=True
        )

    def save_layout(self) -> None:
        window_state().setValue("dashboard/splitter", self.splitter.saveState())
