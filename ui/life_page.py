"""组织生活: the events held (登记、修改、删除, 会议记录 and 台账 printed), the compliance
grid (开展情况: Party organizations × months, judged by the rules' own conditions) and
a calendar per Party organization. Reads run off the GUI thread."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.codes import ACTIVITY_KIND
from app.errors import LiangxinError
from app.services import activity_changes, activity_detail, activity_lists, life_compliance
from app.services.activities import ACTIVITY_CHANGED
from app.services.activity_detail import ActivityDetail
from app.services.activity_lists import ActivityList
from app.services.life_compliance import DUE, HELD, LIFE_RULES, MISSED, NA, Grid
from app.store import Store
from ui.activity_dialog import ActivityDialog
from ui.background import Background
from ui.dialogs import confirm_delete
from ui.files import ask_save_path, write_report
from ui.i18n import N_, t
from ui.layout import beside_panel
from ui.life_grid import COLOURS, FIXED, INK, ROW_ROLE, SHOWN, GridModel
from ui.life_widgets import BranchCalendar, party_combo, year_combo
from ui.state import window_state

LIST_COLUMNS = (
    ("held_on", N_("日期"), 88),
    ("kind_label", N_("类型"), 84),
    ("party_org", N_("党组织"), 220),
    ("topic", N_("主题"), 200),
    ("attendance", N_("实到/应到"), 72),
    ("attachments", N_("附件"), 40),
    ("place", N_("地点"), 120),
    ("host", N_("主持人"), 64),
)
ID_ROLE = Qt.ItemDataRole.UserRole
PANEL_HINT = N_("在左侧选择一次活动，这里显示出席情况、缺席原因、内容纪要和附件。")


class LifePage(QWidget):
    open_link = Signal(str, str)
    status = Signal(str)
    open_after_export = True  # tests switch this off

    def __init__(
        self, store: Store, runner: Background, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.runner, self.today = store, runner, today
        self.choices = activity_lists.party_org_choices(store)
        self.rows: ActivityList | None = None
        self.grid: Grid | None = None
        self.detail: ActivityDetail | None = None

        title = QLabel(t("组织生活"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        intro = QLabel(
            t(
                "组织生活纪实：登记“三会一课”、主题党日等活动和出席情况；“开展情况”按规则逐月核对，与工作台的问题清单同一标准。"
            )
        )
        intro.setStyleSheet("color: #555;")
        intro.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._records_tab(), t("活动记录"))
        self.tabs.addTab(self._grid_tab(), t("开展情况"))
        self.calendar = BranchCalendar(store, runner, today, self.choices)
        self.tabs.addTab(self.calendar, t("日历"))
        self.tabs.currentChanged.connect(lambda *_: self._tab_shown())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        self.load()

    # -- the records tab ---------------------------------------------------------------
    def _records_tab(self) -> QWidget:
        page = QWidget()
        self.year = year_combo(self.today())
        self.month = QComboBox()
        self.month.addItem(t("全年"), None)
        for month in range(1, 13):
            self.month.addItem(t("{n}月").format(n=month), month)
        self.kind = QComboBox()
        self.kind.addItem(t("全部类型"), None)
        for code, label in ACTIVITY_KIND.labels.items():
            self.kind.addItem(t(label), code)
        self.party = party_combo(self.choices, everyone=True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(t("搜索主题或党组织"))
        self.search.setClearButtonEnabled(True)
        for combo in (self.year, self.month, self.kind, self.party):
            combo.activated.connect(lambda *_: self.load())
        self.search.returnPressed.connect(self.load)
        filters = QHBoxLayout()
        for widget in (self.year, self.month, self.kind, self.party):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)

        self.add_button = QPushButton("＋ " + t("登记活动"))
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self.add_activity)
        self.edit_button = QPushButton(t("修改"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(t("删除"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.print_button = QPushButton(t("打印") + " ▾")
        menu = QMenu(self.print_button)
        menu.addAction(t("会议记录（所选活动，A4）…")).triggered.connect(lambda: self.print_activity(False))
        menu.addAction(t("组织生活台账（所选党组织，全年）…")).triggered.connect(
            lambda: self.print_ledger(False)
        )
        menu.addSeparator()
        menu.addAction(t("会议记录导出 .xlsx…")).triggered.connect(lambda: self.print_activity(True))
        menu.addAction(t("组织生活台账导出 .xlsx…")).triggered.connect(lambda: self.print_ledger(True))
        self.print_button.setMenu(menu)
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.print_button):
            actions.addWidget(button)
        actions.addStretch(1)

        self.table = QTableWidget(0, len(LIST_COLUMNS))
        self.table.setHorizontalHeaderLabels([t(title) for _, title, _ in LIST_COLUMNS])
        for i, (_, _, width) in enumerate(LIST_COLUMNS):
            self.table.setColumnWidth(i, width)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.show_selected)
        self.table.doubleClicked.connect(lambda *_: self.edit_selected())
        self.panel = QTextBrowser()
        self.panel.setOpenLinks(False)
        self.panel.setMinimumWidth(280)
        self.count = QLabel()
        self.count.setStyleSheet("color: #555;")
        self.panel.setHtml(f"<p style='color:#777'>{t(PANEL_HINT)}</p>")
        self.split = beside_panel(self.table, self.panel, (820, 300))
        layout = QVBoxLayout(page)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.count)
        return page

    def load(self) -> None:
        query = {
            "year": self.year.currentData(),
            "month": self.month.currentData(),
            "kind": self.kind.currentData(),
            "party_org": self.party.currentData() if self.party.currentIndex() > 0 else None,
            "search": self.search.text(),
        }
        self.count.setText(t("正在读取……"))
        self.runner.read(
            "life_list",
            lambda: activity_lists.list_activities(self.store, **query),
            self.show_rows,
            self._failed,
        )

    reload = load

    def _failed(self, error: LiangxinError) -> None:
        self.count.setText(t("读取失败：") + error.message)

    def show_rows(self, found: ActivityList) -> None:
        self.rows = found
        self.table.setRowCount(len(found.rows))
        for row, item in enumerate(found.rows):
            values = {
                "held_on": item.held_on.isoformat(),
                "kind_label": t(item.kind_label),
                "party_org": (t("联合：") if item.joint else "") + item.party_org,
                "topic": item.topic,
                "place": item.place,
                "host": item.host,
                "attendance": item.attendance,
                "attachments": str(item.attachments or ""),
            }
            for column, (key, _, _) in enumerate(LIST_COLUMNS):
                cell = QTableWidgetItem(values[key])
                cell.setData(ID_ROLE, item.id)
                if key in ("attendance", "attachments"):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if key == "party_org":
                    cell.setToolTip(item.party_org)
                self.table.setItem(row, column, cell)
        if not found.rows:
            self.count.setText(
                t(
                    "这里还没有组织生活记录。点击“登记活动”录入一次主题党日、支委会或党课；联合开展的活动只需登记一次。"
                )
            )
            self.panel.setHtml(f"<p style='color:#777'>{t(PANEL_HINT)}</p>")
        else:
            more = (
                t("，显示最近 {n} 条，可按月份、类型或党组织筛选").format(n=f"{len(found.rows):,}")
                if found.total > len(found.rows)
                else ""
            )
            self.count.setText(t("共 {n} 次活动").format(n=f"{found.total:,}") + more)
        self.edit_button.setEnabled(bool(found.rows))
        self.delete_button.setEnabled(bool(found.rows))

    def selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(ID_ROLE) if items else None

    def select_activity(self, activity_id: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(ID_ROLE) == activity_id:
                self.table.selectRow(row)
                return

    def show_selected(self) -> None:
        key = self.selected_id()
        if key is None:
            return
        self.runner.read(
            "life_detail",
            lambda: activity_detail.activity_detail(self.store, key),
            self._show_detail,
            self._failed,
        )

    def _show_detail(self, detail: ActivityDetail) -> None:
        self.detail = detail
        e = html.escape
        parts = [
            f"<h3>{e(detail.topic)}</h3>",
            f"<p>{detail.held_on:%Y-%m-%d} · {e(t(detail.kind_label))}</p>",
            "<table>",
        ]
        facts = [
            (
                t("党组织"),
                "、".join(name for _, name, _ in detail.party_orgs)
                + (t("（联合开展）") if detail.joint else ""),
            ),
            (t("地点"), detail.place),
            (t("主持人"), detail.host),
            (
                t("1+6+X"),
                "、".join(t(i) for i in detail.items)
                + (f"；X：{detail.extra_items}" if detail.extra_items else ""),
            ),
            (t("出席"), detail.attendance_text),
        ]
        for label, value in facts:
            if value:
                parts.append(
                    f"<tr><td style='color:#666; padding-right:8px'>{e(label)}</td><td>{e(value)}</td></tr>"
                )
        parts.append("</table>")
        absent = [a for a in detail.attendees if not a.present]
        if detail.attendees:
            present = "、".join(a.name for a in detail.attendees if a.present)
            parts.append(f"<p><b>{e(t('出席'))}</b>：{e(present) or '—'}</p>")
        if absent:
            lines = "；".join(a.name + (f"（{a.reason}）" if a.reason else "") for a in absent)
            parts.append(f"<p><b>{e(t('缺席'))}</b>：{e(lines)}</p>")
        graded = [a for a in detail.attendees if a.grade]
        if graded:
            parts.append(
                f"<p><b>{e(t('评议结果'))}</b>：{e('；'.join(f'{a.name} {a.grade}' for a in graded))}</p>"
            )
        if detail.notes:
            parts.append(f"<p><b>{e(t('内容纪要'))}</b><br>{e(detail.notes).replace(chr(10), '<br>')}</p>")
        if detail.attachments:
            files = "<br>".join(
                f"{e(name)} <span style='color:#888'>sha256 {sha[:12]}…</span>"
                for name, sha, _ in detail.attachments
            )
            parts.append(f"<p><b>{e(t('附件'))}</b><br>{files}</p>")
        self.panel.setHtml("".join(parts))

    def add_activity(self) -> None:
        party = self.party.currentData() if self.party.currentIndex() > 0 else None
        dialog = ActivityDialog(self.store, self.runner, self.choices, self.today, self, party_org_id=party)
        if dialog.exec() and dialog.saved is not None:
            self.status.emit(t("已登记组织生活记录。"))
            saved = dialog.saved.id
            self.load()
            self.select_activity(saved)
            self.refresh_grid()

    def edit_selected(self) -> None:
        key = self.selected_id()
        if key is None:
            return
        detail = activity_detail.activity_detail(self.store, key)
        dialog = ActivityDialog(self.store, self.runner, self.choices, self.today, self, existing=detail)
        if dialog.exec():
            self.status.emit(t("已保存修改。"))
            self.load()
            self.select_activity(key)
            self.refresh_grid()

    def delete_selected(self) -> None:
        key = self.selected_id()
        if key is None:
            return
        name = self.table.item(self.table.currentRow(), 3).text()
        if not confirm_delete(self, t("组织生活记录"), name):
            return

        def deleted(what: str) -> None:
            self.status.emit(t("已删除 {what}。").format(what=what))
            self.load()
            self.refresh_grid()

        self.runner.write(
            lambda: activity_changes.delete_activity(self.store, key),
            deleted,
            lambda error: QMessageBox.warning(self, t("未能删除"), error.message),
            changes=ACTIVITY_CHANGED,
        )

    # -- prints ----------------------------------------------------------------------------
    def print_activity(self, workbook: bool) -> None:
        from app.reports import life_pdf, life_xlsx

        key = self.selected_id()
        if key is None:
            self.status.emit(t("请先在列表中选择一次活动。"))
            return
        suffix = ".xlsx" if workbook else ".pdf"
        path = ask_save_path(self, t("会议记录"), t("会议记录") + suffix, f"*{suffix}")
        if not path:
            return
        job = (
            (lambda: life_xlsx.export_activity_job(self.store, key, path))
            if workbook
            else (lambda: life_pdf.print_activity_job(self.store, key, path))
        )
        write_report(
            self.runner, job, t("已生成会议记录：{path}"), self.status.emit, self.open_after_export, self
        )

    def print_ledger(self, workbook: bool) -> None:
        from app.reports import life_pdf, life_xlsx

        party = self.party.currentData() if self.party.currentIndex() > 0 else None
        if party is None:
            self.status.emit(t("请先在上方选择一个党组织，再打印它的组织生活台账。"))
            return
        year = self.year.currentData()
        suffix = ".xlsx" if workbook else ".pdf"
        path = ask_save_path(self, t("组织生活台账"), t("组织生活台账") + suffix, f"*{suffix}")
        if not path:
            return
        job = (
            (lambda: life_xlsx.export_life_ledger_job(self.store, party, year, path, self.today()))
            if workbook
            else (lambda: life_pdf.print_life_ledger_job(self.store, party, year, path, self.today()))
        )
        write_report(
            self.runner, job, t("已生成组织生活台账：{path}"), self.status.emit, self.open_after_export, self
        )

    # -- the grid tab -------------------------------------------------------------------------
    def _grid_tab(self) -> QWidget:
        page = QWidget()
        self.grid_year = year_combo(self.today())
        self.grid_rule = QComboBox()
        self.grid_rule.addItem(t("全部（三项中最需关注的）"), None)
        for rule_id, _kind, label, length in LIFE_RULES:
            self.grid_rule.addItem(t(label) + (t("（每季度）") if length == 3 else t("（每月）")), rule_id)
        self.only_missing = QCheckBox(t("只看有未开展、待开展的"))
        self.grid_year.activated.connect(lambda *_: self.refresh_grid())
        self.grid_rule.activated.connect(lambda *_: self._show_grid())
        self.only_missing.toggled.connect(lambda *_: self._show_grid())
        grid_print = QPushButton(t("打印") + " ▾")
        menu = QMenu(grid_print)
        menu.addAction(t("开展情况表（横向）…")).triggered.connect(lambda: self.print_grid(False))
        menu.addAction(t("导出 .xlsx…")).triggered.connect(lambda: self.print_grid(True))
        grid_print.setMenu(menu)
        row = QHBoxLayout()
        for widget in (self.grid_year, self.grid_rule, self.only_missing):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(grid_print)
        legend = QHBoxLayout()
        for status in (HELD, DUE, MISSED, NA):
            chip = QLabel(t(SHOWN[status]))
            chip.setStyleSheet(
                f"background: {COLOURS[status]}; color: {INK[status]}; padding: 2px 8px; border: 1px solid #DDD;"
            )
            legend.addWidget(chip)
        self.grid_counts = QLabel()
        self.grid_counts.setStyleSheet("color: #444;")
        legend.addWidget(self.grid_counts, 1)
        self.grid_model = GridModel(self)
        self.grid_view = QTableView()
        self.grid_view.setModel(self.grid_model)
        self.grid_view.verticalHeader().hide()
        self.grid_view.verticalHeader().setDefaultSectionSize(26)
        self.grid_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid_view.doubleClicked.connect(self._grid_opened)
        note = QLabel(
            t(
                "每格按规则判定：本月（本季度）尚未结束的为“待开展”；党委、党总支本级，成立前的月份，以及正式党员不足规定人数、不设支委会的支部为“不适用”。党员人数按当前登记。双击一行查看该党组织的日历。"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addLayout(legend)
        layout.addWidget(self.grid_view, 1)
        layout.addWidget(note)
        return page

    def refresh_grid(self) -> None:
        year = self.grid_year.currentData()
        self.grid_counts.setText(t("正在核对……"))
        self.runner.read(
            "life_grid",
            lambda: life_compliance.compliance_grid(self.store, year, self.today()),
            self._grid_ready,
            self._failed,
        )

    def _grid_ready(self, grid: Grid) -> None:
        self.grid = grid
        self._show_grid()

    def _show_grid(self) -> None:
        if self.grid is None:
            return
        rule = self.grid_rule.currentData()
        self.grid_model.show(self.grid, rule, self.only_missing.isChecked())
        self.grid_view.setColumnWidth(0, 260)
        self.grid_view.setColumnWidth(1, 96)
        for column in range(FIXED, FIXED + 12):
            self.grid_view.setColumnWidth(column, 74)
        g = self.grid
        self.grid_counts.setText(
            t("{n} 个党组织；未开展 {missed} 项次，待开展 {due} 项次").format(
                n=f"{len(g.rows):,}", missed=f"{g.count(MISSED, rule):,}", due=f"{g.count(DUE, rule):,}"
            )
        )

    def _grid_opened(self, index: Any) -> None:
        row = self.grid_model.data(index, ROW_ROLE)
        if row is None:
            return
        month = index.column() - FIXED + 1 if index.column() >= FIXED else self.today().month
        self.calendar.show_branch(row.id, self.grid_year.currentData(), max(1, month))
        self.tabs.setCurrentIndex(2)

    def print_grid(self, workbook: bool) -> None:
        from app.reports import life_pdf, life_xlsx

        year, rule = self.grid_year.currentData(), self.grid_rule.currentData()
        suffix = ".xlsx" if workbook else ".pdf"
        path = ask_save_path(self, t("开展情况表"), t("组织生活开展情况") + suffix, f"*{suffix}")
        if not path:
            return
        job = (
            (lambda: life_xlsx.export_grid_job(self.store, year, path, rule, self.today()))
            if workbook
            else (lambda: life_pdf.print_grid_job(self.store, year, path, rule, self.today()))
        )
        write_report(
            self.runner, job, t("已生成开展情况表：{path}"), self.status.emit, self.open_after_export, self
        )

    def _tab_shown(self) -> None:
        if self.tabs.currentIndex() == 1 and self.grid is None:
            self.refresh_grid()
        elif self.tabs.currentIndex() == 2 and self.calendar.row is None:
            self.calendar.load()

    def save_layout(self) -> None:
        window_state().setValue("life/split", self.split.saveState())
