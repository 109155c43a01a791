"""考核评议: choose a template and a year, start appraisals for the chosen subjects,
fill each score grid (totals and grade as you type), save, make final, reopen with
a reason, and print the forms — one, all into one PDF, or one file each."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
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

from app.errors import LiangxinError
from app.services import appraisal_templates, appraisals
from app.store import Store
from ui.background import Background
from ui.campaign_dialogs import date_edit, date_of
from ui.files import ask_save_path, write_report
from ui.i18n import N_, t
from ui.layout import beside_panel, page_layout
from ui.style import PARTY_RED

NOT_APPLICABLE = "na"
# A checklist item's answers: 不适用 leaves the item out of the maximum.
CHECK = {None: "未检查", 1.0: "✓ 符合", 0.0: "✗ 不符合", NOT_APPLICABLE: "不适用"}
SECTION_BACKGROUND = "#F4F4F4"
STAR_LABEL = {True: N_("★ 得星"), False: N_("☆ 未得星"), None: ""}


def _score_text(total: float | None, out_of: float | None) -> str:
    """A list row's score: the total, or for a checklist 符合 / 应检 (10/12)."""
    if total is None:
        return ""
    return f"{total:g}/{out_of:g}" if out_of is not None else f"{total:g}"


class SubjectsDialog(QDialog):
    """Pick the subjects to appraise: several, or all."""

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("选择评议对象"))
        self.resize(460, 560)
        self.search = QLineEdit()
        self.search.setPlaceholderText(t("筛选名称"))
        self.list = QListWidget()
        for subject_id, name in choices:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, subject_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.search.textChanged.connect(self._filter)
        every = QPushButton(t("全选（可见的）"))
        every.clicked.connect(lambda: self._check_visible(Qt.CheckState.Checked))
        none = QPushButton(t("全不选"))
        none.clicked.connect(lambda: self._check_visible(Qt.CheckState.Unchecked))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("开始评议"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(every)
        row.addWidget(none)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def _filter(self, text: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(text.strip()) and text.strip() not in item.text())

    def _check_visible(self, state: Qt.CheckState) -> None:
        for i in range(self.list.count()):
            if not self.list.item(i).isHidden():
                self.list.item(i).setCheckState(state)

    def chosen(self) -> list[str]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


class AppraisalPage(QWidget):
    open_link = Signal(str, str)
    status = Signal(str)

    open_after_export = True

    def __init__(self, store: Store, runner: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner = store, runner
        self.record: dict[str, Any] | None = None
        self.score_widgets: dict[str, Any] = {}
        self.note_widgets: dict[str, QLineEdit] = {}
        self.section_rows: dict[str, int] = {}  # the grid's row heading each section

        title = QLabel(t("考核评议"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.template = QComboBox()
        self.template.setMinimumWidth(320)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setPrefix(t("年度 "))
        start = QPushButton(t("开始评议…"))
        start.setObjectName("primary")
        start.clicked.connect(self.start)
        import_button = QPushButton(t("导入模板…"))
        import_button.clicked.connect(self.import_template)
        self.print_all = QPushButton(t("批量打印…"))
        self.print_all.setToolTip(t("本年度本模板的全部考核表合成一个 PDF，每份从新页开始"))
        self.print_all.clicked.connect(lambda: self.print_forms(every=True))
        self.print_each = QPushButton(t("逐份保存…"))
        self.print_each.setToolTip(t("每个评议对象单独保存一个 PDF 文件"))
        self.print_each.clicked.connect(self.print_one_file_each)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.template, 1)
        top.addWidget(self.year)
        for button in (start, import_button, self.print_all, self.print_each):
            top.addWidget(button)

        self.list = QTableWidget(0, 4)
        self.list.setHorizontalHeaderLabels([t("评议对象"), t("得分"), t("等次"), t("状态")])
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 56), (2, 76), (3, 56)):  # 等次 holds 基本健康, 未达星级
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.list.setColumnWidth(column, width)
        self.list.currentCellChanged.connect(lambda *_: self.show_current())
        self.empty = QLabel(t("还没有考核记录。选好模板和年度，点击“开始评议…”选择评议对象。"))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #666; padding: 12px;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty)

        self.subject = QLabel()
        self.subject.setWordWrap(True)
        self.subject.setStyleSheet("font-size: 11.5pt; font-weight: bold;")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color: #555;")
        # 编号, 考核内容, 评分标准 (as the paper has it), 满分, 得分 (检查结果), 说明
        self.grid = QTableWidget(0, 6)
        self.grid.verticalHeader().hide()
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        grid_header = self.grid.horizontalHeader()
        for column in (1, 2, 5):
            grid_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.grid.setColumnWidth(0, 48)
        self.grid.setColumnWidth(3, 48)
        self.grid.setColumnWidth(4, 110)
        self._grid_headers(checklist=False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 12pt;")
        self.note = QLabel()  # the template's word on filling it in, and where it comes from
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666;")
        self.comments = QPlainTextEdit()
        self.comments.setPlaceholderText(t("评议意见"))
        self.comments.setFixedHeight(70)
        self.evaluator = QLineEdit()
        self.evaluated_on = date_edit()
        self.state = QLabel()
        self.save_button = QPushButton(t("保存"))
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.final_button = QPushButton(t("定稿"))
        self.final_button.setObjectName("primary")
        self.final_button.clicked.connect(self.finalize)
        self.reopen_button = QPushButton(t("重新打开…"))
        self.reopen_button.clicked.connect(self.reopen)
        self.print_one = QPushButton(t("打印本表…"))
        self.print_one.clicked.connect(lambda: self.print_forms(every=False))
        self.preview_button = QPushButton(t("打印预览…"))
        self.preview_button.setToolTip(t("预览本表的 PDF，可从预览直接送打印机"))
        self.preview_button.clicked.connect(self.preview)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {PARTY_RED};")
        form = QFormLayout()
        form.addRow(t("评议意见"), self.comments)
        who = QHBoxLayout()
        who.addWidget(self.evaluator, 1)
        who.addWidget(QLabel(t("评议日期")))
        who.addWidget(self.evaluated_on)
        form.addRow(t("评议人"), who)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        for b in (
            self.save_button,
            self.final_button,
            self.reopen_button,
            self.preview_button,
            self.print_one,
        ):
            buttons.addWidget(b)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.subject)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.grid, 1)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.note)
        right_layout.addLayout(form)
        right_layout.addWidget(self.error)
        right_layout.addLayout(buttons)
        self.splitter = beside_panel(left, right, (360, 900))
        page_layout(self, [top], self.splitter)

        self.template.currentIndexChanged.connect(lambda *_: self.reload())
        self.year.valueChanged.connect(lambda *_: self.reload())
        self.load_templates()

    # -- lists -------------------------------------------------------------------------
    def load_templates(self, select: str | None = None) -> None:
        current = select or self.template.currentData()
        self.template.blockSignals(True)
        self.template.clear()
        for row in appraisal_templates.list_templates(self.store):
            self.template.addItem(row["name"], row["code"])
        index = self.template.findData(current)
        self.template.setCurrentIndex(index if index >= 0 else 0)
        self.template.blockSignals(False)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        code = self.template.currentData()
        rows = appraisals.list_appraisals(self.store, code, self.year.value()) if code else []
        keep = select or (self.record["id"] if self.record else None)
        self.list.blockSignals(True)
        self.list.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(
                (
                    row.subject,
                    _score_text(row.total, row.out_of),
                    row.grade or "",
                    t(appraisals.STATE[row.state]),
                )
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                item.setToolTip(row.subject)
                self.list.setItem(r, c, item)
        self.list.blockSignals(False)
        self.rows = rows
        self.empty.setVisible(not rows)
        for button in (self.print_all, self.print_each):
            button.setEnabled(bool(rows))
        target = next((i for i, row in enumerate(rows) if row.id == keep), 0 if rows else -1)
        if target >= 0:
            self.list.setCurrentCell(target, 0)
            self.show_current()
        else:
            self.show_record(None)

    def current_id(self) -> str | None:
        row = self.list.currentRow()
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def start(self) -> None:
        code = self.template.currentData()
        if not code:
            return
        dialog = SubjectsDialog(appraisals.subject_choices(self.store, code), self)
        if not dialog.exec() or not dialog.chosen():
            return
        year, chosen = self.year.value(), dialog.chosen()
        try:
            ids = self.runner.call(
                lambda: appraisals.start_appraisals(self.store, code, year, chosen),
                appraisals.APPRAISALS_CHANGED,
            )
        except LiangxinError as exc:
            self.error.setText(exc.message)
            return
        self.status.emit(t("已为 {n} 个对象建立考核记录（已有的不重复建立）。").format(n=len(ids)))
        self.reload(ids[0] if ids else None)

    def import_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, t("导入考核模板"), "", t("考核模板 (*.json)"))
        if not path:
            return
        try:
            result = self.runner.call(
                lambda: appraisal_templates.import_template(self.store, path),
                appraisal_templates.TEMPLATES_CHANGED,
            )
        except LiangxinError as exc:
            self.error.setText(exc.message)
            return
        if not result["changed"]:
            self.status.emit(t("模板已是最新，未做改动。"))
        else:
            self.status.emit(
                t("已导入模板“{name}”（第 {v} 版，{n} 项考核内容）。").format(
                    name=result["name"], v=result["version"], n=result["criteria"]
                )
            )
        self.load_templates(result["code"])

    # -- the form -----------------------------------------------------------------------
    def show_current(self) -> None:
        appraisal_id = self.current_id()
        self.show_record(appraisals.appraisal_record(self.store, appraisal_id) if appraisal_id else None)

    def show_record(self, record: dict[str, Any] | None) -> None:
        self.record = record
        self.error.setText("")
        self.score_widgets, self.note_widgets, self.section_rows = {}, {}, {}
        self.grid.clearSpans()
        self.grid.setRowCount(0)
        enabled = record is not None and record["state"] == "draft"
        if record is None:
            self.subject.setText("")
            self.details.setText("")
            self.summary.setText("")
            self.note.setText("")
            self.state.setText("")
            for w in (
                self.save_button,
                self.final_button,
                self.reopen_button,
                self.print_one,
                self.preview_button,
            ):
                w.setEnabled(False)
            return
        template = record["template"]
        self.subject.setText(f"{record['subject']}（{record['year']} 年度）")
        self.details.setText("　".join(f"{label}：{value}" for label, value in record["subject_lines"][1:5]))
        note = [t("填表说明：") + template.note] if template.note else []
        note += [t("依据：") + template.source] if template.source else []
        self.note.setText("\n".join(note))
        self.note.setVisible(bool(note))
        checklist = record["kind"] == "checklist"
        self._grid_headers(checklist)
        self.grid.setRowCount(len(record["criteria"]) + len(template.sections))
        row = 0
        section = None
        for criterion in record["criteria"]:
            if criterion.section != section:
                section = criterion.section
                self._section_row(row, section)
                row += 1
            entry = record["scores"].get(criterion.code, {})
            code = QTableWidgetItem(criterion.code)
            title = QTableWidgetItem(criterion.title)
            tip = f"{criterion.section}\n{t('评分标准：')}{criterion.guidance}"
            if criterion.source:
                tip += f"\n{t('依据：')}{criterion.source}"
            title.setToolTip(tip)
            guidance = QTableWidgetItem(criterion.guidance)
            guidance.setToolTip(criterion.guidance)
            guidance.setForeground(QColor("#555"))
            maximum = QTableWidgetItem("" if checklist else f"{criterion.max:g}")
            maximum.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.setItem(row, 0, code)
            self.grid.setItem(row, 1, title)
            self.grid.setItem(row, 2, guidance)
            self.grid.setItem(row, 3, maximum)
            if checklist:
                widget: Any = QComboBox()
                for value, label in CHECK.items():
                    widget.addItem(t(label), value)
                answer = NOT_APPLICABLE if entry.get("na") else entry.get("score")
                widget.setCurrentIndex(max(0, widget.findData(answer)))
                widget.setAccessibleName(f"{criterion.code} {criterion.title}")
                widget.currentIndexChanged.connect(lambda *_: self.update_summary())
            else:
                widget = QDoubleSpinBox()
                widget.setRange(-1, criterion.max)  # -1 shows as blank: not scored yet
                widget.setSpecialValueText(t("未评分"))
                widget.setDecimals(1)
                widget.setSingleStep(0.5)
                widget.setValue(entry.get("score") if entry.get("score") is not None else -1)
                widget.setAccessibleName(f"{criterion.code} {criterion.title}")
                widget.valueChanged.connect(lambda *_: self.update_summary())
            widget.setEnabled(enabled)
            note_edit = QLineEdit(entry.get("note") or "")
            note_edit.setEnabled(enabled)
            self.grid.setCellWidget(row, 4, widget)
            self.grid.setCellWidget(row, 5, note_edit)
            self.score_widgets[criterion.code] = widget
            self.note_widgets[criterion.code] = note_edit
            row += 1
        self.comments.setPlainText(record["comments"] or "")
        self.evaluator.setText(record["evaluator"] or "")
        day = record["evaluated_on"]
        self.evaluated_on.setDate(QDate(day.year, day.month, day.day) if day else QDate(1900, 1, 1))
        for w in (self.comments, self.evaluator, self.evaluated_on):
            w.setEnabled(enabled)
        state = t(appraisals.STATE[record["state"]])
        if record["reopen_reason"] and record["state"] == "draft":
            state += t("（重新打开：{why}）").format(why=record["reopen_reason"])
        self.state.setText(state)
        self.save_button.setEnabled(enabled)
        self.final_button.setEnabled(enabled)
        self.reopen_button.setEnabled(record["state"] == "final")
        self.print_one.setEnabled(True)
        self.preview_button.setEnabled(True)
        self.update_summary()

    def _grid_headers(self, checklist: bool) -> None:
        """A checklist is answered, not scored: no 满分, and 检查结果 for 得分."""
        self.grid.setHorizontalHeaderLabels(
            [
                t("编号"),
                t("考核内容"),
                t("评分标准"),
                t("满分"),
                t("检查结果") if checklist else t("得分"),
                t("说明"),
            ]
        )
        self.grid.setColumnHidden(3, checklist)

    def _section_row(self, row: int, section: str) -> None:
        """A row heading a section across the grid; a star rating's says how the area
        stands against its own line (update_summary fills it in)."""
        item = QTableWidgetItem(section)
        item.setBackground(QColor(SECTION_BACKGROUND))
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.grid.setItem(row, 0, item)
        self.grid.setSpan(row, 0, 1, self.grid.columnCount())
        self.section_rows[section] = row

    def scores(self) -> dict[str, dict[str, Any]]:
        result = {}
        for code, widget in self.score_widgets.items():
            note = self.note_widgets[code].text()
            if isinstance(widget, QComboBox):
                value = widget.currentData()
                if value == NOT_APPLICABLE:
                    result[code] = {"score": None, "na": True, "note": note}
                    continue
            else:
                value = None if widget.value() < 0 else widget.value()
            result[code] = {"score": value, "note": note}
        return result

    def update_summary(self) -> None:
        """Totals, stars and grade as you type (the same rule as the saved record uses)."""
        if self.record is None:
            return
        template = self.record["template"]
        tally = template.tally(self.scores())
        for star in tally.stars:
            item = self.grid.item(self.section_rows.get(star.section, -1), 0)
            if item is not None:
                item.setForeground(QColor(PARTY_RED if star.earned is False else "#000"))
                item.setText(
                    t("{section}　{score:g} / {max:g} 分（得星分数线 {line:g} 分）　{star}").format(
                        section=star.section,
                        score=star.score,
                        max=star.max,
                        line=star.star_min,
                        star=t(STAR_LABEL[star.earned]) if star.earned is not None else "",
                    )
                )
        n = tally.count
        if tally.answered == 0:
            self.summary.setText(t("尚未评分（共 {n} 项）").format(n=n))
            return
        if tally.grade is None:
            if template.allows_not_applicable:
                text = t("已检查 {k}/{n} 项").format(k=tally.answered, n=n)
            else:
                text = t("已评 {k}/{n} 项，小计 {total:g}").format(
                    k=tally.scored, n=n, total=tally.total or 0
                )
            self.summary.setText(text)
            return
        if template.allows_not_applicable:
            text = t("符合 {total:g} / 应检 {max:g} 项").format(total=tally.total or 0, max=tally.maximum)
            if tally.not_applicable:
                text += t("（不适用 {n} 项，不计入）").format(n=tally.not_applicable)
        else:
            text = t("合计 {total:g} / {max:g}").format(total=tally.total or 0, max=template.max_total)
        if tally.stars:
            text += t("　得星 {n} 颗").format(n=tally.stars_earned)
        self.summary.setText(text + t("　等次：{grade}").format(grade=tally.grade))

    def _act(self, action: Any, done: str) -> bool:
        if self.record is None:
            return False
        try:
            self.runner.call(action, lambda state: state.changes)
        except LiangxinError as exc:
            self.error.setText(exc.message)
            return False
        self.status.emit(done)
        self.reload(self.record["id"])
        return True

    def edits(self) -> dict[str, Any]:
        return {
            "scores": self.scores(),
            "comments": self.comments.toPlainText(),
            "evaluator": self.evaluator.text(),
            "evaluated_on": date_of(self.evaluated_on),
        }

    def save(self) -> bool:
        record_id, edits = (self.record["id"] if self.record else ""), self.edits()
        return self._act(lambda: appraisals.save_appraisal(self.store, record_id, **edits), t("已保存。"))

    def finalize(self) -> bool:
        """定稿 saves what is on screen and freezes it in one step: both or neither."""
        record_id, edits = (self.record["id"] if self.record else ""), self.edits()
        return self._act(
            lambda: appraisals.finalize_appraisal(self.store, record_id, **edits), t("已定稿，不能再修改。")
        )

    def ask_reason(self) -> str:
        reason, ok = QInputDialog.getText(
            self, t("重新打开"), t("重新打开已定稿的考核，请写明理由（将记入变更日志）：")
        )
        return reason if ok else ""

    def reopen(self) -> bool:
        reason = self.ask_reason()
        if not reason.strip() or self.record is None:
            return False
        record_id = self.record["id"]
        return self._act(
            lambda: appraisals.reopen_appraisal(self.store, record_id, reason), t("已重新打开。")
        )

    # -- printing ----------------------------------------------------------------------
    def ask_save_path(self, caption: str, name: str, pattern: str) -> str:
        return ask_save_path(self, caption, name, pattern)

    def print_forms(self, every: bool) -> None:
        ids = [row.id for row in self.rows] if every else ([self.record["id"]] if self.record else [])
        if not ids:
            return
        name = (
            self.template.currentText()
            if every
            else f"{self.record['subject'] if self.record else ''}-{self.template.currentText()}"
        )
        path = self.ask_save_path(t("打印考核表"), f"{self.year.value()}-{name}.pdf", t("PDF 文件 (*.pdf)"))
        if not path:
            return
        from app.reports.forms import print_appraisals_job

        write_report(
            self.runner,
            lambda: print_appraisals_job(self.store, ids, path),
            t("已生成考核表：{path}"),
            self.status.emit,
            self.open_after_export,
            self,
            t("打印考核表"),
        )

    def preview(self) -> None:
        """The form as it will print, from a temporary PDF, in Qt's print preview."""
        if self.record is None:
            return
        import tempfile

        from app.reports.forms import print_appraisals
        from ui.printing import preview_pdf

        folder = Path(tempfile.mkdtemp(prefix="liangxin-preview-"))
        try:
            [pdf] = print_appraisals(self.store, [self.record["id"]], folder / "preview.pdf")
        except LiangxinError as exc:
            self.error.setText(exc.message)
            return
        preview_pdf(self, pdf)

    def print_one_file_each(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, t("逐份保存到文件夹"))
        if not folder:
            return
        from app.reports.forms import print_appraisals_job

        ids = [row.id for row in self.rows]
        write_report(
            self.runner,
            lambda: print_appraisals_job(self.store, ids, folder, one_file_each=True),
            t("已逐份保存到：{path}"),
            self.status.emit,
            self.open_after_export,
            self,
            t("逐份保存"),
        )

    def save_layout(self) -> None:
        """Nothing beyond the window's own state yet."""
