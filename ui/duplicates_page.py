"""查重 (the district only): people and units registered in two or more sub-districts,
each group's records side by side so the clerk sees which station should keep it; the
list exported to .xlsx, and one action that makes a 核查任务 for each station involved.
ID numbers stay masked until the clerk asks for them (with a confirmation)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.changes import CAMPAIGN, TASK, Changes
from app.errors import LiangxinError
from app.services import campaigns
from app.services.duplicates import Duplicate, export_duplicates, find_duplicates, make_duplicate_tasks
from app.store import Store
from ui.background import Background
from ui.dialogs import confirm_reveal
from ui.files import ask_save_path, write_report
from ui.i18n import N_, t
from ui.style import PARTY_RED

KINDS = {"members": N_("党员"), "orgs": N_("两新组织")}
# Per kind: the group's key, then each record's fields (the record dict's keys) and widths.
KEY_TITLES = {"members": N_("身份证号"), "orgs": N_("统一社会信用代码")}
FIELDS: dict[str, list[tuple[str, str, int]]] = {
    "members": [
        ("station_name", N_("街道"), 100),
        ("name", N_("姓名"), 80),
        ("category", N_("类别"), 80),
        ("relation", N_("组织关系"), 100),
        ("joined_on", N_("入党日期"), 124),
        ("employer", N_("工作单位"), 200),
        ("party_org", N_("所在党组织"), 200),
    ],
    "orgs": [
        ("station_name", N_("街道"), 100),
        ("name", N_("名称"), 240),
        ("employees", N_("从业人员"), 80),
        ("covered", N_("已建党组织"), 90),
        ("address", N_("地址"), 280),
    ],
}
HINTS = {
    "members": N_(
        "同一身份证号登记在两个及以上街道的党员（口袋党员或重复登记）。每组并列列出各街道的记录，"
        "请核实应由哪个街道管理。双击一行打开该记录。"
    ),
    "orgs": N_(
        "同一统一社会信用代码登记在两个及以上街道的两新组织。每组并列列出各街道的记录，"
        "请核实应由哪个街道管理。双击一行打开该记录。"
    ),
}
OPENS = {"members": "member", "orgs": "organization"}
RECORD = 2  # the column (街道) whose item carries the row's record id
SHOWN = 1000  # groups listed on the page; the workbook holds them all
GROUP_SHADES = ("#FFFFFF", "#F4F6F8")  # alternate per group, not per row: a group reads as one


class TasksDialog(QDialog):
    """生成核查任务: which of the district's campaigns the tasks go into."""

    def __init__(self, found: list[dict[str, Any]], what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("生成核查任务"))
        intro = QLabel(
            t(
                "为每条重复登记的{what}记录生成一项核查任务，交给保存它的街道，请其核实应由哪个街道管理；"
                "已有核查任务的记录不再重复生成。任务随下次的下发数据包发给各街道。"
            ).format(what=what)
        )
        intro.setWordWrap(True)
        self.campaign = QComboBox()
        for campaign in found:
            self.campaign.addItem(campaign["name"], campaign["id"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("生成"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel(t("放入专项行动")))
        row.addWidget(self.campaign, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def chosen(self) -> tuple[str, str]:
        return self.campaign.currentData(), self.campaign.currentText()


class DuplicatesPage(QWidget):
    open_link = Signal(str, str)
    status = Signal(str)
    open_after_export = True  # tests switch this off

    def __init__(self, store: Store, runner: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner = store, runner
        self.kind = "members"
        self.reveal = False
        self.groups: list[Duplicate] = []

        title = QLabel(t("查重"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.state = QLabel()
        self.state.setStyleSheet("font-size: 11pt; color: #333; padding-left: 12px;")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.state, 1)

        self.switch = QButtonGroup(self)
        self.switch.setExclusive(True)
        switch = QWidget()
        switch.setObjectName("switch")
        switch.setStyleSheet(
            f"#switch QPushButton:checked {{ background: {PARTY_RED}; color: white; border-color: {PARTY_RED}; }}"
        )
        switch_row = QHBoxLayout(switch)
        switch_row.setContentsMargins(0, 0, 0, 0)
        switch_row.setSpacing(0)
        for key, word in KINDS.items():
            button = QPushButton(t(word))
            button.setCheckable(True)
            button.setChecked(key == self.kind)
            button.setMinimumWidth(96)
            button.setProperty("kind", key)
            self.switch.addButton(button)
            switch_row.addWidget(button)
        self.switch.buttonClicked.connect(lambda button: self.choose(button.property("kind")))
        self.reveal_button = QPushButton(t("显示完整号码"))
        self.reveal_button.clicked.connect(self.toggle_reveal)
        self.export_button = QPushButton(t("导出 .xlsx…"))
        self.export_button.clicked.connect(self.export)
        self.tasks_button = QPushButton(t("生成核查任务…"))
        self.tasks_button.setObjectName("primary")
        self.tasks_button.clicked.connect(self.make_tasks)
        controls = QHBoxLayout()
        controls.addWidget(switch)
        controls.addStretch(1)
        for button in (self.reveal_button, self.export_button, self.tasks_button):
            controls.addWidget(button)

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.table = QTableWidget(0, 0)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.doubleClicked.connect(lambda *_: self.open_selected())
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #666; font-size: 12pt; padding: 40px;")
        self.views = QStackedWidget()
        self.views.addWidget(self.table)
        self.views.addWidget(self.empty)
        self.more = QLabel()
        self.more.setStyleSheet("color: #555;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addLayout(controls)
        layout.addWidget(self.hint)
        layout.addWidget(self.views, 1)
        layout.addWidget(self.more)
        self.district = store.station.role == "district"
        if not self.district:  # the page is not in a sub-district's navigation; say why if reached
            for button in (*self.switch.buttons(), self.reveal_button, self.export_button, self.tasks_button):
                button.setEnabled(False)
            self._empty(t("查重比对各街道上报的数据，只在区里进行。"))
            return
        self.load()

    # -- reading ---------------------------------------------------------------------------
    def load(self) -> None:
        if not self.district:
            return
        kind, reveal = self.kind, self.reveal
        self.hint.setText(t(HINTS[kind]))
        self.reveal_button.setVisible(kind == "members")
        self.reveal_button.setText(t("隐藏完整号码") if reveal else t("显示完整号码"))
        self.state.setText(t("正在查找……"))
        self.runner.read(
            "duplicates",
            lambda: find_duplicates(self.store, kind, reveal=reveal),
            self.show_groups,
            self._failed,
        )

    reload = load

    def _failed(self, error: LiangxinError) -> None:
        self.state.setText(t("读取失败：") + error.message)

    def choose(self, kind: str) -> None:
        if kind != self.kind:
            self.kind = kind
            self.load()

    def _empty(self, text: str) -> None:
        self.empty.setText(text)
        self.views.setCurrentWidget(self.empty)
        self.more.hide()

    def show_groups(self, groups: list[Duplicate]) -> None:
        self.groups = groups
        what = t(KINDS[self.kind])
        stations = {s for g in groups for s in g.stations}
        records = sum(len(g.records) for g in groups)
        self.state.setText(
            t("{n} 组重复登记的{what}，共 {records} 条记录，涉及 {stations} 个街道").format(
                n=f"{len(groups):,}", what=what, records=f"{records:,}", stations=len(stations)
            )
            if groups
            else ""
        )
        self.export_button.setEnabled(bool(groups))
        self.tasks_button.setEnabled(bool(groups))
        if not groups:
            self._empty(
                t("没有发现重复登记：没有同一身份证号登记在两个及以上街道的党员。")
                if self.kind == "members"
                else t("没有发现重复登记：没有同一统一社会信用代码登记在两个及以上街道的两新组织。")
            )
            return
        self._fill(groups[:SHOWN])
        self.views.setCurrentWidget(self.table)
        self.more.setText(
            t("这里列出前 {shown} 组，共 {n} 组；全部请导出 .xlsx。").format(
                shown=f"{SHOWN:,}", n=f"{len(groups):,}"
            )
        )
        self.more.setVisible(len(groups) > SHOWN)

    def _fill(self, groups: list[Duplicate]) -> None:
        """One row per record; the group's number and key span its records' rows."""
        fields = FIELDS[self.kind]
        table = self.table
        table.clearSpans()
        table.setColumnCount(2 + len(fields))
        headers = [t("组"), t(KEY_TITLES[self.kind]), *(t(title) for _, title, _ in fields)]
        table.setHorizontalHeaderLabels(headers)
        metrics = table.horizontalHeader().fontMetrics()
        for column, width in enumerate([44, 170, *(w for _, _, w in fields)]):
            table.setColumnWidth(column, max(width, metrics.horizontalAdvance(headers[column]) + 24))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setRowCount(sum(len(g.records) for g in groups))
        row = 0
        for number, group in enumerate(groups, start=1):
            shade = QColor(GROUP_SHADES[number % 2])
            first = row
            for record in group.records:
                cells = [str(number), group.key, *(self._cell(name, record[name]) for name, _, _ in fields)]
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setToolTip(text)
                    item.setBackground(shade)
                    if column == 0:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    if column == RECORD:  # not under a span: each row its own record
                        item.setData(Qt.ItemDataRole.UserRole, record["id"])
                    if name_is_number(fields, column):
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(row, column, item)
                row += 1
            if row - first > 1:
                table.setSpan(first, 0, row - first, 1)
                table.setSpan(first, 1, row - first, 1)

    @staticmethod
    def _cell(name: str, value: Any) -> str:
        if isinstance(value, bool):
            return t("是") if value else t("否")
        if name == "joined_on" and value:
            day = date.fromisoformat(value)
            return t("{y}年{m}月{d}日").format(y=day.year, m=day.month, d=day.day)
        if isinstance(value, int):
            return f"{value:,}"
        return str(value or "")

    def open_selected(self) -> None:
        """The record on the register page (the district holds every station's rows)."""
        item = self.table.item(self.table.currentRow(), RECORD)
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.open_link.emit(OPENS[self.kind], str(item.data(Qt.ItemDataRole.UserRole)))

    # -- actions ---------------------------------------------------------------------------
    def toggle_reveal(self) -> None:
        if not self.reveal and not confirm_reveal(
            self, t("将显示完整的身份证号码（导出时也是完整号码）。请确认周围无关人员看不到屏幕。")
        ):
            return
        self.reveal = not self.reveal
        self.load()

    def export(self) -> None:
        kind, reveal = self.kind, self.reveal and self.kind == "members"
        name = t("查重-{what}-{day}.xlsx").format(what=t(KINDS[kind]), day=date.today().isoformat())
        path = ask_save_path(self, t("导出查重结果"), name, t("Excel 工作簿 (*.xlsx)"))
        if not path:
            return
        done = t("已导出查重结果（含完整号码）：{path}") if reveal else t("已导出查重结果：{path}")
        write_report(
            self.runner,
            lambda: export_duplicates(self.store, kind, path, reveal=reveal),
            done,
            self.status.emit,
            self.open_after_export,
            self,
            t("导出查重结果"),
        )

    def make_tasks(self) -> None:
        me = self.store.station.code
        # The district's own campaigns: those the sub-districts sent up are theirs to run.
        found = [c for c in campaigns.list_campaigns(self.store) if c.get("owner", me) == me]
        if not found:
            QMessageBox.information(
                self,
                t("生成核查任务"),
                t("还没有专项行动：请先在“专项行动”页新建一个（如“查重核实”），再回来生成核查任务。"),
            )
            return
        what = t(KINDS[self.kind])
        dialog = TasksDialog(found, what, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        campaign, campaign_name = dialog.chosen()
        kind = self.kind

        def done(made: int) -> None:
            text = (
                t("已在“{campaign}”中生成 {n} 项核查任务，每条记录一项，交给保存它的街道。").format(
                    campaign=campaign_name, n=f"{made:,}"
                )
                if made
                else t("这些重复登记在“{campaign}”中都已有核查任务，没有新生成。").format(
                    campaign=campaign_name
                )
            )
            self.status.emit(text)
            QMessageBox.information(self, t("生成核查任务"), text)

        def refused(error: LiangxinError) -> None:
            self.status.emit(error.message)
            QMessageBox.warning(self, t("未能生成核查任务"), error.message)

        self.runner.write(
            lambda: make_duplicate_tasks(self.store, kind, campaign),
            done,
            refused,
            Changes.of(TASK, CAMPAIGN),
        )

    def save_layout(self) -> None:
        """The window calls this on closing; the page keeps no layout between runs."""


def name_is_number(fields: list[tuple[str, str, int]], column: int) -> bool:
    index = column - 2
    return 0 <= index < len(fields) and fields[index][0] == "employees"
