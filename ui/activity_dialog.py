"""登记组织生活: one event — the Party organization(s) that held it (more than one for a
joint activity), kind, date, topic, place, host, the 主题党日 "1+6+X" items, who was
listed (picked from the branches' live members: present, or absent with the reason),
the 民主评议 grades, notes and attachments. The attendance rate is shown as it will be
stored, saying how many 流出党员 who sent a reason are left out of 应到."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.codes import ACTIVITY_KIND
from app.domain.life_codes import REVIEW_GRADE, THEME_DAY_ITEMS
from app.errors import FieldError, LiangxinError
from app.services import activities, activity_changes
from app.services.activities import Listed, figures_of
from app.services.activity_detail import ActivityDetail
from app.store import Store
from ui.background import Background
from ui.i18n import t

NAME, PARTY, NOTE, LISTED, PRESENT, REASON, GRADE = range(7)
ID_ROLE = Qt.ItemDataRole.UserRole
ERROR_STYLE = "color: #C8161D;"


class ActivityDialog(QDialog):
    def __init__(
        self,
        store: Store,
        runner: Background,
        choices: list[tuple[str, str, str]],
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        party_org_id: str | None = None,
        existing: ActivityDetail | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.runner, self.today = store, runner, today
        self.existing = existing
        self.saved: activities.Recorded | None = None
        self.listed: list[Listed] = []
        self.attachments: list[str] = []
        self.setWindowTitle(t("修改组织生活记录") if existing else t("登记组织生活"))
        self.names = {pid: name for pid, name, _ in choices}

        # -- who held it --------------------------------------------------------------
        self.parties = QListWidget()
        self.parties.setMaximumHeight(48)
        self.party_pick = QComboBox()
        self.party_pick.setEditable(True)
        self.party_pick.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for pid, name, _ in choices:
            self.party_pick.addItem(name, pid)
        self.party_pick.setCurrentIndex(-1)
        self.party_pick.lineEdit().setPlaceholderText(t("输入党组织名称，点“添加”；联合开展的逐个添加"))
        completer = self.party_pick.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.add_party = QPushButton(t("添加"))
        self.add_party.setToolTip(t("几个党支部联合开展的活动，逐个添加，只需登记一次"))
        self.add_party.clicked.connect(self._add_picked)
        self.remove_party = QPushButton(t("移除"))
        self.remove_party.clicked.connect(self._remove_party)
        pick_row = QHBoxLayout()
        pick_row.addWidget(self.party_pick, 1)
        pick_row.addWidget(self.add_party)
        pick_row.addWidget(self.remove_party)
        party_box = QVBoxLayout()
        party_box.addLayout(pick_row)
        party_box.addWidget(self.parties)
        self.joint_note = QLabel()
        self.joint_note.setStyleSheet("color: #666;")
        self.joint_note.hide()
        party_box.addWidget(self.joint_note)

        # -- the event -----------------------------------------------------------------
        self.kind = QComboBox()
        for code, label in ACTIVITY_KIND.labels.items():
            self.kind.addItem(t(label), code)
        self.kind.setCurrentIndex(self.kind.findData("theme_day"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.held_on = QDateEdit()
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        day = today()
        self.held_on.setDate(QDate(day.year, day.month, day.day))
        self.held_on.setMaximumDate(QDate(day.year, day.month, day.day))
        self.topic = QLineEdit()
        self.topic.setPlaceholderText(t("主题党日的“1”（上级确定的主题），或会议的议题"))
        self.place = QLineEdit()
        self.host = QLineEdit()
        self.items: dict[str, QCheckBox] = {}
        items_row = QHBoxLayout()
        for code, label in THEME_DAY_ITEMS.labels.items():
            box = QCheckBox(t(label))
            self.items[code] = box
            items_row.addWidget(box)
        items_row.addStretch(1)
        self.extra = QLineEdit()
        self.extra.setPlaceholderText(t("“X”自选内容，如 支部联建、扶贫济困"))
        self.items_widget = QWidget()
        items_layout = QVBoxLayout(self.items_widget)
        items_layout.setContentsMargins(0, 0, 0, 0)
        items_layout.addLayout(items_row)
        items_layout.addWidget(self.extra)
        self.items_widget.setToolTip(
            t(
                "“6”即学习讨论、现场教学、党性分析、民主议事、缴纳党费、志愿服务（全市“两新”组织党建工作推进会讲话）"
            )
        )

        form = QFormLayout()
        form.addRow(t("开展党组织"), party_box)
        form.addRow(t("类型"), self.kind)
        form.addRow(t("日期"), self.held_on)
        form.addRow(t("主题"), self.topic)
        form.addRow(t("地点"), self.place)
        form.addRow(t("主持人"), self.host)
        self.items_label = QLabel(t("1+6+X"))
        form.addRow(self.items_label, self.items_widget)

        # -- who attended ------------------------------------------------------------------
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [t("姓名"), t("党组织"), t("身份"), t("应参加"), t("出席"), t("缺席原因"), t("评议等次")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (NAME, 90),
            (PARTY, 170),
            (NOTE, 90),
            (LISTED, 56),
            (PRESENT, 46),
            (REASON, 200),
        ):
            self.table.setColumnWidth(column, width)
        self.table.setMinimumHeight(240)
        self.table.itemChanged.connect(lambda *_: self._update_rate())
        self.all_present = QPushButton(t("全部出席"))
        self.all_present.clicked.connect(lambda: self._tick_all(PRESENT))
        self.all_listed = QPushButton(t("全部应参加"))
        self.all_listed.clicked.connect(lambda: self._tick_all(LISTED))
        self.rate = QLabel()
        self.rate.setStyleSheet("font-weight: bold;")
        self.paper = QCheckBox(t("按纸质记录补录，只填实到人数"))
        self.paper.toggled.connect(self._paper_toggled)
        self.headcount = QSpinBox()
        self.headcount.setRange(0, activities.HEADCOUNT_MAX)
        self.headcount.setEnabled(False)
        self.headcount.setSuffix(t(" 人"))
        attend_row = QHBoxLayout()
        attend_row.addWidget(self.all_listed)
        attend_row.addWidget(self.all_present)
        attend_row.addWidget(self.rate, 1)
        paper_row = QHBoxLayout()
        paper_row.addWidget(self.paper)
        paper_row.addWidget(self.headcount)
        paper_row.addStretch(1)
        self.empty = QLabel()
        self.empty.setStyleSheet("color: #777;")
        self.empty.setWordWrap(True)

        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(t("内容纪要：议程、讨论和决定的事项"))
        self.notes.setMaximumHeight(90)
        self.files = QListWidget()
        self.files.setMaximumHeight(90)
        add_file = QPushButton(t("添加附件…"))
        add_file.setToolTip(t("照片或扫描的签到表；文件复制保存在数据文件旁，并记下其校验值"))
        add_file.clicked.connect(self._add_files)
        file_row = QHBoxLayout()
        file_row.addWidget(self.files, 1)
        file_row.addWidget(add_file, 0, Qt.AlignmentFlag.AlignTop)

        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(t("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        attend_title = QLabel(t("出席情况（从开展党组织的在册党员中选择）"))
        attend_title.setStyleSheet("font-weight: bold; padding-top: 6px;")
        layout.addWidget(attend_title)
        layout.addLayout(attend_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(paper_row)
        notes_box = QVBoxLayout()
        notes_box.addWidget(QLabel(t("内容纪要")))
        notes_box.addWidget(self.notes)
        files_box = QVBoxLayout()
        files_box.addWidget(QLabel(t("附件")))
        files_box.addLayout(file_row)
        bottom = QHBoxLayout()
        bottom.addLayout(notes_box, 3)
        bottom.addLayout(files_box, 2)
        layout.addLayout(bottom)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(900, 860)

        if existing is not None:
            self._fill(existing)
        elif party_org_id:
            self.add_party_org(party_org_id)
        self._kind_changed()

    # -- who held it ----------------------------------------------------------------------
    def party_org_ids(self) -> list[str]:
        return [self.parties.item(i).data(ID_ROLE) for i in range(self.parties.count())]

    def add_party_org(self, party_org_id: str | None) -> None:
        if not party_org_id or party_org_id in self.party_org_ids():
            return
        item = QListWidgetItem(self.names.get(party_org_id, party_org_id))
        item.setData(ID_ROLE, party_org_id)
        self.parties.addItem(item)
        self._load_members()

    def _add_picked(self) -> None:
        index = self.party_pick.findText(self.party_pick.currentText().strip())
        self.add_party_org(self.party_pick.itemData(index) if index >= 0 else None)
        self.party_pick.setCurrentIndex(-1)

    def _remove_party(self) -> None:
        row = self.parties.currentRow()
        if row >= 0 and self.existing is None:
            self.parties.takeItem(row)
            self._load_members()

    def _load_members(self) -> None:
        ids = self.party_org_ids()
        joint = len(ids) > 1
        self.joint_note.setText(
            t("联合开展：一次登记，记入 {n} 个党组织各自的台账").format(n=len(ids)) if joint else ""
        )
        self.joint_note.setVisible(joint)
        self.listed = activities.candidates(self.store, ids) if ids else []
        self._fill_table()

    def _fill_table(self, previous: dict[str, tuple[bool, bool, str, str]] | None = None) -> None:
        committee = self.kind.currentData() == "committee_meeting"
        review = self.kind.currentData() == "member_review"
        self.table.blockSignals(True)
        self.table.clearContents()
        self.table.setRowCount(len(self.listed))
        for row, person in enumerate(self.listed):
            listed, present, reason, grade = (
                previous.get(person.id, (False, False, "", ""))
                if previous is not None
                else (not committee, True, "", "")
            )
            name = QTableWidgetItem(person.name)
            name.setData(ID_ROLE, person.id)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, NAME, name)
            for column, text in ((PARTY, person.party_org), (NOTE, t(person.note) if person.note else "")):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, item)
            for column, on in ((LISTED, listed), (PRESENT, present)):
                box = QTableWidgetItem()
                box.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                box.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                self.table.setItem(row, column, box)
            self.table.setItem(row, REASON, QTableWidgetItem(reason))
            if review:  # a widget in a hidden column is drawn over the first one: only when shown
                combo = QComboBox()
                combo.addItem("", None)
                for code, label in REVIEW_GRADE.labels.items():
                    combo.addItem(t(label), code)
                combo.setCurrentIndex(max(0, combo.findData(grade)))
                self.table.setCellWidget(row, GRADE, combo)
        self.table.blockSignals(False)
        self.table.setColumnHidden(PARTY, len(self.party_org_ids()) < 2)
        self.table.setColumnHidden(GRADE, not review)
        names = "、".join(self.names.get(i, "") for i in self.party_org_ids())
        self.empty.setText(
            ""
            if self.listed or not self.party_org_ids()
            else t("{names}没有在册党员；可勾选“按纸质记录补录”只填实到人数。").format(names=names)
        )
        self.empty.setVisible(bool(self.empty.text()))
        self._update_rate()

    def _tick_all(self, column: int) -> None:
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            self.table.item(row, column).setCheckState(Qt.CheckState.Checked)
            if column == PRESENT:
                self.table.item(row, LISTED).setCheckState(Qt.CheckState.Checked)
        self.table.blockSignals(False)
        self._update_rate()

    def _ticked(self) -> dict[str, tuple[bool, bool, str, str]]:
        ticked = {}
        for row in range(self.table.rowCount()):
            name = self.table.item(row, NAME)
            if name is None:
                continue
            combo = self.table.cellWidget(row, GRADE)
            ticked[name.data(ID_ROLE)] = (
                self.table.item(row, LISTED).checkState() == Qt.CheckState.Checked,
                self.table.item(row, PRESENT).checkState() == Qt.CheckState.Checked,
                self.table.item(row, REASON).text(),
                combo.currentData() if isinstance(combo, QComboBox) else "",
            )
        return ticked

    def attendees(self) -> list[dict[str, Any]]:
        """Who is listed, as the service takes them."""
        found = []
        for row in range(self.table.rowCount()):
            present = self.table.item(row, PRESENT).checkState() == Qt.CheckState.Checked
            listed = self.table.item(row, LISTED).checkState() == Qt.CheckState.Checked or present
            if not listed:
                continue
            combo = self.table.cellWidget(row, GRADE)
            grade = (
                combo.currentData()
                if isinstance(combo, QComboBox) and not self.table.isColumnHidden(GRADE)
                else None
            )
            found.append(
                {
                    "member": self.table.item(row, NAME).data(ID_ROLE),
                    "present": present,
                    "reason": self.table.item(row, REASON).text().strip() or None,
                    "grade": grade,
                }
            )
        return found

    def _update_rate(self) -> None:
        if self.paper.isChecked():
            self.rate.setText(t("按纸质记录补录：实到 {n} 人，未登记名单").format(n=self.headcount.value()))
            return
        mobile = {p.id for p in self.listed if p.relation == "mobile_out"}
        figures = figures_of((a["present"], a["reason"], a["member"] in mobile) for a in self.attendees())
        self.rate.setText(_rate_text(figures) if figures.listed else t("尚未选择出席人员"))

    def _paper_toggled(self, on: bool) -> None:
        self.headcount.setEnabled(on)
        self.table.setEnabled(not on)
        self.all_present.setEnabled(not on)
        self.all_listed.setEnabled(not on)
        self._update_rate()

    def _kind_changed(self) -> None:
        theme = self.kind.currentData() == "theme_day"
        self.items_widget.setVisible(theme)
        self.items_label.setVisible(theme)
        if self.existing is None:
            self._fill_table()
        else:  # keep what was ticked, in the columns of the new kind
            self._fill_table(self._ticked())

    def _add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, t("添加附件"), "", t("照片或扫描件 (*.jpg *.jpeg *.png *.pdf *.tif *.tiff);;所有文件 (*)")
        )
        for path in paths:
            self.add_attachment(path)

    def add_attachment(self, path: str) -> None:
        self.attachments.append(path)
        self.files.addItem(path)

    # -- an existing event ---------------------------------------------------------------------
    def _fill(self, detail: ActivityDetail) -> None:
        for pid, name, _ in detail.party_orgs:
            self.names.setdefault(pid, name)
            item = QListWidgetItem(name)
            item.setData(ID_ROLE, pid)
            self.parties.addItem(item)
        self.add_party.setEnabled(False)
        self.remove_party.setEnabled(False)
        self.party_pick.setEnabled(False)
        self.kind.setCurrentIndex(self.kind.findData(detail.kind))
        self.held_on.setDate(QDate(detail.held_on.year, detail.held_on.month, detail.held_on.day))
        self.topic.setText(detail.topic)
        self.place.setText(detail.place)
        self.host.setText(detail.host)
        for code, box in self.items.items():
            box.setChecked(t(THEME_DAY_ITEMS.label(code)) in [t(label) for label in detail.items])
        self.extra.setText(detail.extra_items)
        self.notes.setPlainText(detail.notes)
        for name, _, _ in detail.attachments:
            self.files.addItem(name)
        self.listed = activities.candidates(self.store, [pid for pid, _, _ in detail.party_orgs])
        known = {p.id for p in self.listed}
        previous = {
            a.member_id: (
                True,
                a.present,
                a.reason,
                next((c for c, lab in REVIEW_GRADE.labels.items() if lab == a.grade), ""),
            )
            for a in detail.attendees
        }
        for a in detail.attendees:  # listed then, since left: still shown
            if a.member_id not in known:
                self.listed.append(
                    Listed(a.member_id, a.name, "", a.party_org, "full", "mobile_out" if a.mobile_out else "")
                )
        if not detail.attendees and detail.headcount is not None:
            self.paper.setChecked(True)
            self.headcount.setValue(detail.headcount)
        self._fill_table(previous)

    # -- saving ------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        held = self.held_on.date()
        theme = self.kind.currentData() == "theme_day"
        values: dict[str, Any] = {
            "party_orgs": self.party_org_ids(),
            "kind": self.kind.currentData(),
            "held_on": date(held.year(), held.month(), held.day()),
            "topic": self.topic.text(),
            "place": self.place.text(),
            "host": self.host.text(),
            "notes": self.notes.toPlainText(),
            "items": [code for code, box in self.items.items() if box.isChecked()] if theme else [],
            "extra_items": self.extra.text() if theme else "",
            "attachments": list(self.attachments),
        }
        if self.paper.isChecked():
            values["attendees"] = None
            values["headcount"] = self.headcount.value()
        else:
            values["attendees"] = self.attendees()
        return values

    def save(self) -> None:
        values = self.values()
        existing = self.existing
        try:
            if existing is None:
                self.saved = self.runner.call(
                    lambda: activities.record_activity(self.store, values, self.today()),
                    lambda result: result.changes,
                )
            else:
                self.saved = self.runner.call(
                    lambda: activity_changes.edit_activity(self.store, existing.id, values, self.today()),
                    lambda result: result.changes,
                )
        except (FieldError, LiangxinError) as error:
            self.error.setText(error.message)
            self.error.show()
            return
        self.accept()


def _rate_text(figures: Any) -> str:
    rate = f"{figures.rate * 100:.1f}%" if figures.rate is not None else "—"
    text = t("出席率 {rate}（应到 {expected} 人，实到 {present} 人").format(
        rate=rate, expected=figures.expected, present=figures.present
    )
    if figures.excused_mobile:
        text += t("；流出党员请假 {n} 人不计入应到").format(n=figures.excused_mobile)
    return text + t("）")
