"""Dialogs of 专项行动: a new campaign (from the template or blank), generating tasks
from findings with a preview, a task added by hand, and the close-out (销号)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.bounds import YEAR_MAX
from app.errors import LiangxinError
from app.rules.catalog import RULES
from app.services import campaign_actions, campaigns, task_generation, task_moves
from app.services.campaigns import CAMPAIGNS_CHANGED
from app.services.task_board import Card
from app.services.task_generation import TASKS_CHANGED
from app.store import Store
from ui.background import write_through
from ui.editor import DateEdit
from ui.i18n import t

NO_DATE = QDate(1900, 1, 1)


def date_edit(value: date | None = None) -> DateEdit:
    edit = DateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(t("（未填）"))
    edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
    return edit


def date_of(edit: DateEdit) -> date | None:
    d = edit.date()
    return None if d == NO_DATE else date(d.year(), d.month(), d.day())


def attempt(dialog: QDialog, error: QLabel, action: Any, changes: Any = None) -> Any:
    """Run the dialog's action (a write, in the write lane) and return its result; on a
    refusal show the sentence in the dialog, stay open and return None. ``action`` must
    not touch a widget: it may run on the write lane's thread, so the caller reads the
    widgets first and passes plain values in."""
    try:
        result = write_through(dialog, action, changes)
    except LiangxinError as exc:
        error.setText(exc.message)
        error.show()
        return None
    dialog.accept()
    return result


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #C8161D;")
    label.hide()
    return label


class CampaignDialog(QDialog):
    """新建专项行动: choose the template (or none), adjust name, dates, phases, units.
    With a template, the start date is a choice: the phases follow it, in the lengths
    the plan gives them."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.created: dict[str, Any] | None = None
        self.setWindowTitle(t("新建专项行动"))
        self.resize(720, 640)
        self.template = QComboBox()
        self.template.addItem(t("空白（自行填写）"), None)
        for key, plan in campaigns.TEMPLATES.items():
            self.template.addItem(plan.name, key)
        self.name = QLineEdit()
        self.goal = QPlainTextEdit()
        self.goal.setFixedHeight(70)
        self.starts, self.ends = date_edit(date.today()), date_edit()
        for edit in (self.starts, self.ends):  # the years a campaign's dates may have
            edit.setMaximumDate(QDate(YEAR_MAX, 12, 31))
        self.starts.setToolTip(t("按模板建立时，各阶段从开始日期起按方案规定的时长排定"))
        self.phases = QTableWidget(0, 3)
        self.phases.setHorizontalHeaderLabels([t("阶段"), t("开始日期"), t("截止日期")])
        self.phases.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.phases.setFixedHeight(140)
        add_phase = QPushButton(t("添加阶段"))
        add_phase.clicked.connect(lambda: self._add_phase("", None, None))
        drop_phase = QPushButton(t("删除所选阶段"))
        drop_phase.clicked.connect(lambda: self.phases.removeRow(self.phases.currentRow()))
        self.units = QPlainTextEdit()
        self.units.setPlaceholderText(t("每行一个，如：挂点领导:王书记、驻街部门:区人社局、社区:南岭村社区"))
        self.units.setFixedHeight(90)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: #666;")
        # One line of text: the form gives its spare height to the phases, not to this.
        self.source.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(t("模板"), self.template)
        form.addRow("", self.source)
        form.addRow(t("行动名称"), self.name)
        form.addRow(t("工作目标"), self.goal)
        dates = QHBoxLayout()
        dates.addWidget(self.starts)
        dates.addWidget(QLabel(t("至")))
        dates.addWidget(self.ends)
        dates.addStretch(1)
        form.addRow(t("起止日期"), dates)
        form.addRow(t("阶段"), self.phases)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add_phase)
        buttons_row.addWidget(drop_phase)
        buttons_row.addStretch(1)
        form.addRow("", buttons_row)
        form.addRow(t("责任单位"), self.units)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(t("建立"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.template.currentIndexChanged.connect(self.fill_from_template)
        self.starts.dateChanged.connect(lambda *_: self.follow_start())
        if self.template.count() > 1:
            self.template.setCurrentIndex(1)

    def _add_phase(self, name: str, starts: date | None, ends: date | None) -> None:
        row = self.phases.rowCount()
        self.phases.insertRow(row)
        self.phases.setItem(row, 0, QTableWidgetItem(name))
        self.phases.setCellWidget(row, 1, date_edit(starts))
        self.phases.setCellWidget(row, 2, date_edit(ends))

    def plan(self) -> campaigns.Template | None:
        return campaigns.TEMPLATES.get(self.template.currentData() or "")

    def fill_from_template(self) -> None:
        plan = self.plan()
        if plan is None:
            self.phases.setRowCount(0)
            self.source.setText("")
            return
        self.name.setText(plan.name)
        self.goal.setPlainText(plan.goal)
        self.units.setPlainText("\n".join(f"{campaigns.ASSIGNEE_KIND.label(k)}:{n}" for k, n in plan.units))
        self.source.setText(t("依据：") + plan.source)
        self.follow_start()

    def follow_start(self) -> None:
        """The template's phases from the chosen start, each as long as the plan has it,
        and the end date after the last."""
        plan, start = self.plan(), date_of(self.starts)
        if plan is None or start is None:
            return
        phases = plan.phase_plans(start)
        self.phases.setRowCount(0)
        for p in phases:
            self._add_phase(p.name, p.starts_on, p.ends_on)
        end = phases[-1].ends_on
        if end is not None:
            self.ends.setDate(QDate(end.year, end.month, end.day))

    def phase_plans(self) -> list[campaigns.PhasePlan]:
        plans = []
        for row in range(self.phases.rowCount()):
            item = self.phases.item(row, 0)
            name = item.text().strip() if item else ""
            if name:
                plans.append(
                    campaigns.PhasePlan(
                        name, date_of(self.phases.cellWidget(row, 1)), date_of(self.phases.cellWidget(row, 2))
                    )  # type: ignore[arg-type]
                )
        return plans

    def save(self) -> None:
        values = {
            "name": self.name.text(),
            "goal": self.goal.toPlainText(),
            "starts_on": date_of(self.starts),
            "ends_on": date_of(self.ends),
        }
        template, phases, units = self.template.currentData(), self.phase_plans(), self.units.toPlainText()
        self.created = attempt(
            self,
            self.error,
            lambda: campaigns.create_campaign(
                self.store, values, template=template, phases=phases, units=units
            ),
            CAMPAIGNS_CHANGED,
        )


class GenerateDialog(QDialog):
    """从问题生成任务: pick rules, preview the records, choose who gets them."""

    def __init__(self, store: Store, campaign_id: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.campaign_id, self.today = store, campaign_id, today
        self.result_: task_generation.Generated | None = None
        record = campaigns.get_campaign(store, campaign_id)
        self.setWindowTitle(t("从问题生成任务") + " — " + record["name"])
        self.resize(900, 640)
        self.rules = QListWidget()
        for rule in RULES:
            item = QListWidgetItem(t(rule.title))
            item.setData(Qt.ItemDataRole.UserRole, rule.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if rule.id == "enterprise_party_org" else Qt.CheckState.Unchecked
            )
            item.setToolTip(t("依据：") + rule.source)
            self.rules.addItem(item)
        self.rules.setFixedWidth(300)
        self.by = QButtonGroup(self)
        choice_row = QHBoxLayout()
        # A campaign that names units for the plan's lines (the 大组建 template does) hands
        # each finding to its line by default.
        lines = campaign_actions.has_action_units([(u["kind"], u["name"]) for u in record["units"]])
        default = "action" if lines else "instructor"
        for key, label in task_generation.ASSIGN_BY.items():
            button = QRadioButton(t(label))
            button.setProperty("assign", key)
            if key == "action":
                button.setToolTip(
                    t(
                        "挂点促建：最难组建的大企业（未发现党员或300人以上）交区领导；"
                        "驻街保建：其他大企业交区直机关；主管包建：有业务主管单位的社会组织交该单位；"
                        "党群共建：群团组织的问题交群团；其余交所在社区"
                    )
                )
            self.by.addButton(button)
            choice_row.addWidget(button)
            button.setChecked(key == default)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        for unit in record["units"]:
            self.unit.addItem(unit["name"])
        choice_row.addWidget(self.unit, 1)
        self.phase = QComboBox()
        self.phase.addItem(t("当前阶段"), None)
        for p in record["phases"]:
            self.phase.addItem(p["name"], p["id"])
        self.preview_table = QTableWidget(0, 5)
        self.preview_table.setHorizontalHeaderLabels(
            [t("规则"), t("名称"), t("问题"), t("分派给"), t("已有任务")]
        )
        self.preview_table.horizontalHeader().setStretchLastSection(False)
        self.preview_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (1, 190), (3, 180), (4, 64)):
            self.preview_table.setColumnWidth(column, width)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary = QLabel()
        self.error = _error_label()
        preview = QPushButton(t("预览"))
        preview.clicked.connect(self.preview)
        self.generate_button = QPushButton(t("生成任务"))
        self.generate_button.setObjectName("primary")
        self.generate_button.clicked.connect(self.generate)
        cancel = QPushButton(t("取消"))
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(t("分派给"), choice_row)
        form.addRow(t("阶段"), self.phase)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.preview_table, 1)
        right.addWidget(self.summary)
        right.addWidget(self.error)
        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(t("按哪些规则检查出的问题生成：")))
        left.addWidget(self.rules, 1)
        top.addLayout(left)
        top.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (preview, self.generate_button, cancel):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(buttons)
        self.rules.itemChanged.connect(lambda *_: self.preview())
        self.by.buttonToggled.connect(lambda _, checked: self.preview() if checked else None)
        self.unit.currentTextChanged.connect(lambda *_: self.preview() if self.assign() == "unit" else None)
        self.preview()

    def chosen_rules(self) -> list[str]:
        return [
            self.rules.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.rules.count())
            if self.rules.item(i).checkState() == Qt.CheckState.Checked
        ]

    def assign(self) -> str:
        button = self.by.checkedButton()
        return str(button.property("assign")) if button else "instructor"

    def preview(self) -> None:
        self.error.hide()
        rules = self.chosen_rules()
        if not rules:
            self.preview_table.setRowCount(0)
            self.summary.setText(t("请至少选择一条规则。"))
            self.generate_button.setEnabled(False)
            return
        try:
            found = task_generation.preview_tasks(
                self.store,
                self.campaign_id,
                rules,
                self.today,
                assign=self.assign(),
                unit=self.unit.currentText(),
            )
        except LiangxinError as exc:  # no unit named, or no unit for the plan's lines
            self.preview_table.setRowCount(0)
            self.summary.setText("")
            self.error.setText(exc.message)
            self.error.show()
            self.generate_button.setEnabled(False)
            return
        titles = {r.id: t(r.title) for r in RULES}
        found.sort(key=lambda c: c.exists)  # what will be made first, what is already there after
        self.preview_table.setRowCount(len(found))
        for row, c in enumerate(found):
            for column, text in enumerate(
                (titles[c.rule_id], c.record_name, c.message, c.assignee, t("已有") if c.exists else "")
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # names and units run long; the column shows what fits
                self.preview_table.setItem(row, column, item)
        new = sum(not c.exists for c in found)
        self.summary.setText(
            t("共 {n} 项问题，将生成 {new} 项任务（{old} 项此前已有任务，不会重复生成）。").format(
                n=f"{len(found):,}", new=f"{new:,}", old=f"{len(found) - new:,}"
            )
        )
        self.generate_button.setEnabled(new > 0)
        self.generate_button.setText(t("生成 {n} 项任务").format(n=f"{new:,}"))

    def generate(self) -> None:
        rules, assign, unit, phase = (
            self.chosen_rules(),
            self.assign(),
            self.unit.currentText(),
            self.phase.currentData(),
        )
        self.result_ = attempt(
            self,
            self.error,
            lambda: task_generation.generate_tasks(
                self.store, self.campaign_id, rules, assign=assign, unit=unit, phase=phase, today=self.today
            ),
            TASKS_CHANGED,
        )


class TaskDialog(QDialog):
    """新增任务 by hand."""

    def __init__(self, store: Store, campaign_id: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.campaign_id, self.today = store, campaign_id, today
        self.task_id: str | None = None
        record = campaigns.get_campaign(store, campaign_id)
        self.setWindowTitle(t("新增任务"))
        self.title_edit = QLineEdit()
        self.organization = QLineEdit()
        self.organization.setPlaceholderText(t("两新组织的名称（可不填）"))
        self.assignee = QComboBox()
        self.assignee.setEditable(True)
        for unit in record["units"]:
            self.assignee.addItem(unit["name"])
        self.phase = QComboBox()
        self.phase.addItem(t("（不分阶段）"), None)
        for p in record["phases"]:
            self.phase.addItem(p["name"], p["id"])
        self.due = date_edit()
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(t("任务内容"), self.title_edit)
        form.addRow(t("两新组织"), self.organization)
        form.addRow(t("责任单位"), self.assignee)
        form.addRow(t("阶段"), self.phase)
        form.addRow(t("完成时限"), self.due)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def save(self) -> None:
        due = date_of(self.due)
        values = {
            "title": self.title_edit.text(),
            "organization": self.organization.text().strip() or None,
            "assignee": self.assignee.currentText(),
            "phase": self.phase.currentData(),
            "due_on": due.isoformat() if due else None,
        }
        added = attempt(
            self,
            self.error,
            lambda: task_generation.add_task(self.store, self.campaign_id, values, self.today),
            TASKS_CHANGED,
        )
        self.task_id = added.id if added is not None else None


class CloseOutDialog(QDialog):
    """销号: what was achieved; when the data still breaks the task's rule, the
    refusal is shown and an override reason may be given (it stays on the card)."""

    def __init__(
        self,
        store: Store,
        card: Card,
        today: date,
        parent: QWidget | None = None,
        *,
        lane: str | None = None,
        lane_by: str = "assignee",
    ) -> None:
        super().__init__(parent)
        self.store, self.card, self.today = store, card, today
        self.lane, self.lane_by = lane, lane_by  # a card dropped on another lane moves there too
        self.setWindowTitle(t("销号") + " — " + (card.record or card.title))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(t("完成情况，如：已于11月20日召开党员大会，成立党支部。"))
        self.note.setFixedHeight(90)
        self.refusal = _error_label()
        self.override = QPlainTextEdit()
        self.override.setPlaceholderText(t("特殊情况说明：数据暂未更新但确已完成的原因（将显示在卡片上）"))
        self.override.setFixedHeight(70)
        self.override.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("销号"))
        buttons.accepted.connect(self.try_close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{card.title}\n{card.record}"))
        layout.addWidget(QLabel(t("完成情况")))
        layout.addWidget(self.note)
        layout.addWidget(self.refusal)
        layout.addWidget(self.override)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def try_close(self) -> bool:
        override = self.override.toPlainText().strip() if self.override.isVisible() else ""
        note = self.note.toPlainText()
        try:
            write_through(
                self,
                lambda: task_moves.drop_card(
                    self.store,
                    self.card.id,
                    self.lane,
                    "done",
                    lane_by=self.lane_by,
                    note=note,
                    override=override or None,
                    today=self.today,
                ),
                lambda moved: moved.changes,
            )
        except LiangxinError as exc:
            self.refusal.setText(exc.message)
            self.refusal.show()
            if "不能销号" in exc.message:
                self.override.show()
            return False
        self.accept()
        return True
