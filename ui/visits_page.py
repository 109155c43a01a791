"""走访: the instructors (how many organizations each guides, their visits in the last N
months, and who is "挂名不管事"), the selected instructor's organizations with their
last and next visit, and the visit log; 登记走访, 跟进事项转为任务, prints and exports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.changes import VISIT, Changes
from app.domain.life_codes import VISIT_REASON
from app.errors import FieldError, LiangxinError
from app.rules.catalog import INSTRUCTOR_IDLE
from app.services import campaigns, visits
from app.services.instructors import list_instructors
from app.services.related import global_search
from app.store import Store
from ui.background import Background
from ui.dialogs import confirm_delete
from ui.files import ask_save_path, write_report
from ui.i18n import t
from ui.style import PARTY_RED

ID_ROLE = Qt.ItemDataRole.UserRole
IDLE_INK = "#B71C1C"  # a finding: red words (the selection is already a pale red)


def _table(headers: list[str], widths: list[int]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    for i, width in enumerate(widths):
        table.setColumnWidth(i, width)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(28)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _put(table: QTableWidget, row: int, values: list[Any], record_id: str, ink: str | None = None) -> None:
    for column, value in enumerate(values):
        item = QTableWidgetItem("" if value is None else str(value))
        item.setData(ID_ROLE, record_id)
        if ink:
            item.setForeground(QColor(ink))
        table.setItem(row, column, item)


class VisitDialog(QDialog):
    """登记走访: organization, date, instructor (or another visitor), 四必访 reason, what
    was found, the follow-up and the next visit (by default N months on)."""

    def __init__(
        self,
        store: Store,
        runner: Background,
        today: Callable[[], date],
        parent: QWidget | None = None,
        instructor_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.runner, self.today = store, runner, today
        self.saved: visits.VisitAdded | None = None
        self.setWindowTitle(t("登记走访"))
        self.organization = QLineEdit()
        self.organization.setPlaceholderText(t("输入两新组织名称或拼音首字母"))
        names: list[str] = []
        completer = QCompleter(names, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.organization.setCompleter(completer)
        self.organization.textEdited.connect(self._suggest)
        self.instructor = QComboBox()
        self.instructor.addItem(t("（不是党建指导员）"), None)
        for row in list_instructors(store):
            self.instructor.addItem(row.name, row.id)
        if instructor_id:
            self.instructor.setCurrentIndex(max(0, self.instructor.findData(instructor_id)))
        self.visitor = QLineEdit()
        self.visitor.setPlaceholderText(t("不是指导员时填写走访人"))
        self.visited_on = QDateEdit()
        self.visited_on.setCalendarPopup(True)
        self.visited_on.setDisplayFormat("yyyy-MM-dd")
        day = today()
        self.visited_on.setDate(QDate(day.year, day.month, day.day))
        self.visited_on.setMaximumDate(QDate(day.year, day.month, day.day))
        self.reason = QComboBox()
        for code, label in VISIT_REASON.labels.items():
            self.reason.addItem(t(label), code)
        self.reason.setCurrentIndex(self.reason.findData("routine"))
        self.reason.setToolTip(
            t("“四必访”（2022年度述职评议会讲话：按照“四必访”的要求，积极作为、靠前服务）")
        )
        self.findings = QPlainTextEdit()
        self.findings.setMaximumHeight(80)
        self.follow_up = QPlainTextEdit()
        self.follow_up.setMaximumHeight(64)
        self.follow_up.setPlaceholderText(t("需要跟进的事项；保存后可在走访记录中“转为任务”放上看板"))
        self.next_due = QLineEdit()
        self.next_due.setPlaceholderText(t("留空则按设置的走访间隔推算，如 2027-02-28"))
        form = QFormLayout()
        form.addRow(t("两新组织"), self.organization)
        form.addRow(t("走访日期"), self.visited_on)
        form.addRow(t("党建指导员"), self.instructor)
        form.addRow(t("走访人"), self.visitor)
        form.addRow(t("事由"), self.reason)
        form.addRow(t("发现的情况"), self.findings)
        form.addRow(t("跟进事项"), self.follow_up)
        form.addRow(t("下次走访"), self.next_due)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {PARTY_RED};")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(t("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _suggest(self, text: str) -> None:
        if len(text.strip()) < 1:
            return
        found = [link.name for link in global_search(self.store, text, 15, ("organization",))]
        model = self.organization.completer().model()
        model.setStringList(found)  # type: ignore[attr-defined]

    def values(self) -> dict[str, Any]:
        day = self.visited_on.date()
        return {
            "organization": self.organization.text().strip(),
            "visited_on": date(day.year(), day.month(), day.day()),
            "instructor": self.instructor.currentData(),
            "visitor": self.visitor.text(),
            "reason": self.reason.currentData(),
            "findings": self.findings.toPlainText(),
            "follow_up": self.follow_up.toPlainText(),
            "next_due": self.next_due.text().strip() or None,
        }

    def save(self) -> None:
        values = self.values()
        try:
            self.saved = self.runner.call(
                lambda: visits.add_visit(self.store, values, self.today()), lambda result: result.changes
            )
        except (FieldError, LiangxinError) as error:
            self.error.setText(error.message)
            self.error.show()
            return
        self.accept()


class VisitsPage(QWidget):
    open_link = Signal(str, str)
    status = Signal(str)
    open_after_export = True  # tests switch this off

    def __init__(
        self, store: Store, runner: Background, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.runner, self.today = store, runner, today
        title = QLabel(t("走访"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        intro = QLabel(
            t(
                "党建指导员按“四必访”要求走访所联系的两新组织。超过设置的月数没有走访的组织列入问题清单；所联系的组织都没有走访的指导员标为“挂名不管事”。"
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #555;")
        self.add_button = QPushButton("＋ " + t("登记走访"))
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self.add_visit)
        self.task_button = QPushButton(t("跟进事项转为任务…"))
        self.task_button.clicked.connect(self.make_task)
        self.delete_button = QPushButton(t("删除"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.print_button = QPushButton(t("打印") + " ▾")
        menu = QMenu(self.print_button)
        menu.addAction(t("走访记录（横向）…")).triggered.connect(lambda: self.print_log(False))
        menu.addAction(t("走访记录导出 .xlsx…")).triggered.connect(lambda: self.print_log(True))
        self.print_button.setMenu(menu)
        self.year = QComboBox()
        self.year.addItem(t("全部年份"), None)
        for year in range(today().year, today().year - 6, -1):
            self.year.addItem(t("{year}年").format(year=year), year)
        self.year.activated.connect(lambda *_: self.load_visits())
        actions = QHBoxLayout()
        for widget in (self.add_button, self.task_button, self.delete_button, self.print_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.year)

        self.instructors = _table(
            [t("党建指导员"), t("工作单位"), t("联系组织"), t("近期走访"), t("上次走访"), t("状态")],
            [80, 150, 68, 68, 92, 120],
        )
        self.instructors.itemSelectionChanged.connect(self.instructor_chosen)
        self.organizations = _table(
            [t("联系的两新组织"), t("上次走访"), t("下次走访"), t("状态")], [230, 92, 92, 90]
        )
        self.organizations.doubleClicked.connect(self._open_organization)
        self.log = _table(
            [
                t("日期"),
                t("两新组织"),
                t("走访人"),
                t("事由"),
                t("发现的情况"),
                t("跟进事项"),
                t("下次走访"),
                t("任务"),
            ],
            [92, 210, 70, 90, 220, 180, 92, 60],
        )
        self.log_title = QLabel()
        self.log_title.setStyleSheet("font-weight: bold;")
        self.idle_note = QLabel()
        self.idle_note.setWordWrap(True)
        self.idle_note.setStyleSheet(f"color: {PARTY_RED};")
        self.idle_note.setToolTip(t("依据：") + INSTRUCTOR_IDLE.source)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.instructors)
        top.addWidget(self.organizations)
        top.setSizes([560, 520])
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.log_title)
        bottom_layout.addWidget(self.log, 1)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(top)
        self.split.addWidget(bottom)
        self.split.setSizes([300, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(actions)
        layout.addWidget(self.idle_note)
        layout.addWidget(self.split, 1)
        self.instructor_id: str | None = None
        self.load()

    # -- reading -----------------------------------------------------------------------------
    def load(self) -> None:
        self.runner.read(
            "visit_instructors",
            lambda: visits.instructor_lines(self.store, self.today()),
            self.show_instructors,
        )
        self.load_visits()

    reload = load

    def show_instructors(self, lines: list[visits.InstructorLine]) -> None:
        self.instructors.setRowCount(len(lines))
        for row, line in enumerate(lines):
            state = (
                t("挂名不管事") if line.idle else (t("未联系组织") if not line.organizations else t("正常"))
            )
            _put(
                self.instructors,
                row,
                [
                    line.name,
                    line.unit,
                    line.organizations,
                    line.visits,
                    line.last_visit.isoformat() if line.last_visit else t("从未走访"),
                    state,
                ],
                line.id,
                IDLE_INK if line.idle else None,
            )
        idle = [line.name for line in lines if line.idle]
        self.idle_note.setText(
            t("挂名不管事：{names}（所联系的组织近期都没有走访记录）").format(names="、".join(idle))
            if idle
            else ""
        )
        self.idle_note.setVisible(bool(idle))
        if not lines:
            self.log_title.setText(t("还没有党建指导员。请先在两新组织中指派党建工作指导员。"))

    def instructor_chosen(self) -> None:
        items = self.instructors.selectedItems()
        self.instructor_id = items[0].data(ID_ROLE) if items else None
        key = self.instructor_id
        if key:
            self.runner.read(
                "visit_orgs",
                lambda: visits.instructor_organizations(self.store, key, self.today()),
                self.show_organizations,
            )
        self.load_visits()

    def show_organizations(self, found: list[visits.GuidedOrg]) -> None:
        self.organizations.setRowCount(len(found))
        for row, org in enumerate(found):
            _put(
                self.organizations,
                row,
                [
                    org.name,
                    org.last_visit.isoformat() if org.last_visit else t("从未走访"),
                    org.next_due.isoformat() if org.next_due else "",
                    t("应走访") if org.overdue else t("正常"),
                ],
                org.id,
                IDLE_INK if org.overdue else None,
            )

    def load_visits(self) -> None:
        key, year = self.instructor_id, self.year.currentData()
        self.runner.read(
            "visit_log",
            lambda: visits.list_visits(self.store, instructor=key, year=year, limit=1000),
            self.show_visits,
        )

    def show_visits(self, found: list[visits.VisitRow]) -> None:
        self.log.setRowCount(len(found))
        for row, v in enumerate(found):
            _put(
                self.log,
                row,
                [
                    v.visited_on.isoformat(),
                    v.organization,
                    v.visitor,
                    t(v.reason),
                    v.findings,
                    v.follow_up,
                    v.next_due.isoformat() if v.next_due else "",
                    t("已转任务") if v.task_id else "",
                ],
                v.id,
            )
        who = self.instructors.selectedItems()[0].text() if self.instructors.selectedItems() else t("全部")
        self.log_title.setText(
            t("走访记录（{who}，最近 {n} 条）").format(who=who, n=f"{len(found):,}")
            if found
            else t("还没有走访记录。点击“登记走访”录入一次走访。")
        )

    def selected_visit(self) -> str | None:
        items = self.log.selectedItems()
        return items[0].data(ID_ROLE) if items else None

    def _open_organization(self, *_: Any) -> None:
        items = self.organizations.selectedItems()
        if items:
            self.open_link.emit("organization", items[0].data(ID_ROLE))

    # -- actions ---------------------------------------------------------------------------------
    def add_visit(self) -> None:
        dialog = VisitDialog(self.store, self.runner, self.today, self, self.instructor_id)
        if dialog.exec() and dialog.saved is not None:
            due = dialog.saved.next_due
            self.status.emit(t("已登记走访，下次走访：{day}。").format(day=due.isoformat() if due else "—"))
            self.load()

    def make_task(self) -> None:
        key = self.selected_visit()
        if key is None:
            self.status.emit(t("请先在走访记录中选择一次走访。"))
            return
        found = campaigns.list_campaigns(self.store)
        if not found:
            QMessageBox.information(
                self,
                t("跟进事项转为任务"),
                t("还没有专项行动。请先在“专项行动”中新建一项行动，再把跟进事项放上看板。"),
            )
            return
        names = [c["name"] for c in found]
        name, ok = QInputDialog.getItem(self, t("跟进事项转为任务"), t("放入专项行动"), names, 0, False)
        if not ok:
            return
        campaign = found[names.index(name)]["id"]

        def done(task_id: str) -> None:
            self.status.emit(t("已生成任务，可在“专项行动”看板上跟进。"))
            self.load_visits()

        self.runner.write(
            lambda: visits.follow_up_task(self.store, key, campaign, self.today()),
            done,
            lambda error: QMessageBox.warning(self, t("未能生成任务"), error.message),
            changes=visits.TASK_MADE,
        )

    def delete_selected(self) -> None:
        key = self.selected_visit()
        if key is None:
            return
        row = self.log.currentRow()
        name = f"{self.log.item(row, 0).text()} {self.log.item(row, 1).text()}"
        if not confirm_delete(self, t("走访记录"), name):
            return
        self.runner.write(
            lambda: visits.delete_visit(self.store, key),
            lambda what: (self.status.emit(t("已删除 {what}。").format(what=what)), self.load()),
            lambda error: QMessageBox.warning(self, t("未能删除"), error.message),
            changes=Changes.of(VISIT),
        )

    def print_log(self, workbook: bool) -> None:
        from app.reports import life_pdf, life_xlsx

        key, year = self.instructor_id, self.year.currentData()
        suffix = ".xlsx" if workbook else ".pdf"
        path = ask_save_path(self, t("走访记录"), t("走访记录") + suffix, f"*{suffix}")
        if not path:
            return
        job = (
            (lambda: life_xlsx.export_visits_job(self.store, path, instructor=key, year=year))
            if workbook
            else (lambda: life_pdf.print_visits_job(self.store, path, instructor=key, year=year))
        )
        write_report(
            self.runner, job, t("已生成走访记录：{path}"), self.status.emit, self.open_after_export, self
        )

    def save_layout(self) -> None:
        """Nothing kept between sessions yet (the splitters open as designed)."""
