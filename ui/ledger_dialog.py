"""导入台账: a four-step dialog over app.ledger — the file and its sheet with a preview,
the column mapping (proposed, correctable, savable), the dry run's report, then the
import as a job with progress and 取消 — and the import history with 撤销."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.changes import COMMUNITY, Changes
from app.errors import LiangxinError
from app.ledger import history, importing, mappings, report
from app.ledger.kinds import CHANGE_KINDS, ledger_kind
from app.ledger.plan import Plan
from app.ledger.values import display
from app.store import Store
from ui.background import Background
from ui.dialogs import confirm_reveal
from ui.files import ask_save_path, write_report
from ui.i18n import N_, t, ui_settings

FILES = N_("表格文件 (*.xlsx *.xls *.ods *.csv *.et);;所有文件 (*)")
# The columns app.ledger reads only to check a row, and what it does with them (shown
# in the mapping through t()): marked here for the catalogue.
CHECKED_COLUMNS = (
    N_("是否建立党组织"),
    N_("核对：与“所属党组织”是否一致"),
    N_("组建方式"),
    N_("核对：与所属党组织的组建方式是否一致"),
    N_("党组织书记"),
    N_("核对：与所属党组织登记的书记是否一致"),
    N_("党建指导员"),
    N_("核对：与该单位登记的指导员是否一致"),
    N_("出生日期"),
    N_("核对：与公民身份号码中的出生日期是否一致"),
    N_("覆盖单位"),
    N_("按名称或统一社会信用代码关联所覆盖的两新组织（多个用顿号分隔）"),
)
PREVIEW_ROWS = 8
SHOWN_ISSUES = 2_000  # the rest are in the saved report


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    return table


def _fill(table: QTableWidget, rows: list[list[Any]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(display(value)))


class LedgerDialog(QDialog):
    """One import, step by step. ``kind``: organization | member | party_org."""

    def __init__(self, store: Store, runner: Background, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner = store, runner
        self.kind = ledger_kind(kind)
        self.ledger: importing.Ledger | None = None
        self.plan: Plan | None = None
        self.result: importing.ImportResult | None = None
        self.combos: list[QComboBox] = []
        self.setWindowTitle(t("导入台账：{title}").format(title=t(self.kind.title)))
        self.resize(980, 640)

        self.steps = QLabel()
        self.steps.setStyleSheet("color: #555;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self._file_page())
        self.stack.addWidget(self._mapping_page())
        self.stack.addWidget(self._report_page())
        self.stack.addWidget(self._done_page())

        self.back = QPushButton(t("上一步"))
        self.back.clicked.connect(self.go_back)
        self.next = QPushButton(t("下一步"))
        self.next.setObjectName("primary")
        self.next.setDefault(True)
        self.next.clicked.connect(self.go_next)
        self.close_button = QPushButton(t("取消"))
        self.close_button.clicked.connect(self.reject)
        history_button = QPushButton(t("导入记录…"))
        history_button.clicked.connect(self.show_history)
        buttons = QHBoxLayout()
        buttons.addWidget(history_button)
        buttons.addStretch(1)
        for button in (self.back, self.next, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._show_step(0)

    # -- the pages ---------------------------------------------------------------------
    def _file_page(self) -> QWidget:
        page = QWidget()
        self.path = QLineEdit()
        self.path.setPlaceholderText(t("选择 .xlsx、.xls、.ods 或 .csv 文件"))
        self.path.returnPressed.connect(lambda: self.load(self.path.text()))
        browse = QPushButton(t("选择文件…"))
        browse.clicked.connect(self.choose_file)
        template = QPushButton(t("下载空白模板…"))
        template.setToolTip(t("按本登记簿的列生成空白表格，附填写说明和示例"))
        template.clicked.connect(lambda: save_template(self, self.kind.key))
        row = QHBoxLayout()
        row.addWidget(QLabel(t("文件：")))
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row.addWidget(template)
        self.sheet = QComboBox()
        self.sheet.setMinimumWidth(200)
        self.sheet.activated.connect(lambda *_: self.load(self.path.text(), self.sheet.currentText()))
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(QLabel(t("工作表：")))
        sheet_row.addWidget(self.sheet)
        self.header_note = QLabel()
        sheet_row.addWidget(self.header_note, 1)
        self.preview = _table([])
        self.file_note = QLabel(
            t("程序会自动找到表头（上方的标题、填报单位和空行会跳过），合计、小计和填表人行不会导入。")
        )
        self.file_note.setWordWrap(True)
        self.file_note.setStyleSheet("color: #666;")
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addLayout(sheet_row)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.file_note)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        self.mapping_note = QLabel()
        self.mapping_note.setWordWrap(True)
        self.mapping_table = _table([t("表格中的列"), t("第一行的内容"), t("导入到")])
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.mapping_table.setColumnWidth(2, 300)
        self.save_mapping = QCheckBox(t("保存这组对应，以后遇到同样表头的表格时自动使用"))
        layout = QVBoxLayout(page)
        layout.addWidget(self.mapping_note)
        layout.addWidget(self.mapping_table, 1)
        layout.addWidget(self.save_mapping)
        return page

    def _report_page(self) -> QWidget:
        page = QWidget()
        self.counts = QLabel()
        self.counts.setStyleSheet("font-size: 12pt;")
        self.counts.setWordWrap(True)
        self.communities = QCheckBox()
        self.communities.toggled.connect(lambda *_: self.run_dry())
        self.issues = _table([t("行"), t("列"), t("内容"), t("处理"), t("原因")])
        header = self.issues.horizontalHeader()
        for c, width in enumerate((50, 150, 180, 70)):
            self.issues.setColumnWidth(c, width)
        header.setStretchLastSection(True)
        self.issues.setWordWrap(True)
        save = QPushButton(t("保存核对结果…"))
        save.setToolTip(t("原表各行加上处理结果和原因两列，在 Excel 中改好后可直接再导入"))
        save.clicked.connect(self.save_report)
        self.valid_only = QRadioButton(t("导入可以导入的行，其余的改好后再导入"))
        self.valid_only.setChecked(True)
        self.all_fixed = QRadioButton(t("全部改正后再导入（有未导入的行时，本次一行也不导入）"))
        choice = QHBoxLayout()
        choice.addWidget(self.valid_only)
        choice.addWidget(self.all_fixed)
        choice.addStretch(1)
        choice.addWidget(save)
        layout = QVBoxLayout(page)
        layout.addWidget(self.counts)
        layout.addWidget(self.communities)
        layout.addWidget(self.issues, 1)
        layout.addLayout(choice)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_text = QLabel()
        self.done_text.setWordWrap(True)
        self.done_text.setStyleSheet("font-size: 12pt;")
        self.done_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.done_report = QPushButton(t("保存核对结果…"))
        self.done_report.clicked.connect(self.save_report)
        row = QHBoxLayout()
        row.addWidget(self.done_report)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_text, 1)
        layout.addLayout(row)
        return page

    # -- moving between the steps -------------------------------------------------------
    STEPS = (N_("1 选择文件"), N_("2 核对列"), N_("3 试导入结果"), N_("4 完成"))

    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self.steps.setText(
            "　›　".join(f"<b>{t(s)}</b>" if i == step else t(s) for i, s in enumerate(self.STEPS))
        )
        self.back.setVisible(0 < step < 3)
        self.next.setVisible(step < 3)
        self.next.setText(t("导入") if step == 2 else t("下一步"))
        self.next.setEnabled(self._can_go_on(step))
        self.close_button.setText(t("关闭") if step == 3 else t("取消"))

    def _can_go_on(self, step: int) -> bool:
        if step == 0:
            return self.ledger is not None
        if step == 2:
            return self.plan is not None and self.plan.writes > 0
        return True

    def go_back(self) -> None:
        self._show_step(self.stack.currentIndex() - 1)

    def go_next(self) -> None:
        step = self.stack.currentIndex()
        if step == 0:
            self._show_mapping()
            self._show_step(1)
        elif step == 1:
            self.run_dry(then_show=True)
        elif step == 2:
            self.run_import()

    # -- step 1: the file ---------------------------------------------------------------
    def choose_file(self) -> None:
        folder = str(ui_settings().value("ledger/folder", ""))
        path, _ = QFileDialog.getOpenFileName(self, t("选择台账"), folder, t(FILES))
        if path:
            ui_settings().setValue("ledger/folder", str(Path(path).parent))
            self.path.setText(path)
            self.load(path)

    def load(self, path: str, sheet: str | None = None) -> None:
        """Read the file (off the GUI thread): its sheets, header and proposed mapping."""
        if not path.strip():
            return
        self.header_note.setText(t("正在读取……"))
        self.runner.read(
            "ledger:open",
            lambda: importing.open_ledger(self.store, path.strip(), self.kind.key, sheet),
            self._loaded,
            self._refused,
        )

    def _loaded(self, ledger: importing.Ledger) -> None:
        self.ledger, self.plan = ledger, None
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(ledger.sheets)
        self.sheet.setCurrentText(ledger.sheet.name)
        self.sheet.blockSignals(False)
        header = ledger.header
        first = header.row + 2 - header.rows
        where = f"{first}" if header.rows == 1 else f"{first}–{header.row + 1}"
        self.header_note.setText(
            t("表头在第 {rows} 行，数据从第 {data} 行开始。").format(rows=where, data=header.row + 2)
        )
        self.preview.setColumnCount(len(ledger.names))
        self.preview.setHorizontalHeaderLabels(ledger.names)
        _fill(self.preview, ledger.preview(PREVIEW_ROWS))
        self.preview.resizeColumnsToContents()
        for c in range(self.preview.columnCount()):
            self.preview.setColumnWidth(c, min(self.preview.columnWidth(c), 240))
        self._show_step(0)

    def _refused(self, error: LiangxinError) -> None:
        self.ledger = None
        self.header_note.setText("")
        self.preview.setRowCount(0)
        self._show_step(self.stack.currentIndex())
        QMessageBox.warning(self, t("无法导入"), error.message)

    # -- step 2: the mapping --------------------------------------------------------------
    def _show_mapping(self) -> None:
        assert self.ledger is not None
        ledger = self.ledger
        sample = ledger.preview(1)
        self.mapping_note.setText(
            t("已按上次保存的对应填好，请核对。")
            if ledger.mapping_saved
            else t(
                "已按列名自动对应，请核对；不需要导入的列选“（不导入）”。带“核对”的列只用来检查，不会写入。"
            )
        )
        self.mapping_table.setRowCount(len(ledger.names))
        self.combos = []
        for r, (name, target) in enumerate(zip(ledger.names, ledger.mapping, strict=True)):
            self.mapping_table.setItem(r, 0, QTableWidgetItem(name))
            value = display(sample[0][r]) if sample and r < len(sample[0]) else ""
            self.mapping_table.setItem(r, 1, QTableWidgetItem(value))
            combo = QComboBox()
            combo.addItem(t("（不导入）"), None)
            for key, spec in self.kind.targets.items():
                label = t(spec.label) + ("  *" if key in self.kind.required else "")
                if spec.spec is None:
                    label += t("（核对）") if key != "covers" else ""
                combo.addItem(label, key)
                if spec.note:
                    combo.setItemData(combo.count() - 1, t(spec.note), Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(0, combo.findData(target)))
            self.mapping_table.setCellWidget(r, 2, combo)
            self.combos.append(combo)

    def mapping(self) -> list[str | None]:
        return [c.currentData() for c in self.combos]

    # -- step 3: the dry run ----------------------------------------------------------------
    def run_dry(self, then_show: bool = False) -> None:
        if self.ledger is None:
            return
        ledger, mapping = self.ledger, self.mapping()
        try:
            mappings.check_mapping(ledger.kind, mapping, ledger.names)
        except LiangxinError as error:
            QMessageBox.warning(self, t("列对应有误"), error.message)
            return
        create = self.communities.isChecked()

        def shown(plan: Plan) -> None:
            self.plan = plan
            self._show_plan(plan)
            if then_show:
                self._show_step(2)
            else:
                self.next.setEnabled(self._can_go_on(2))

        self.runner.read(
            "ledger:dry",
            lambda: importing.dry_run(self.store, ledger, mapping, create_communities=create),
            shown,
            self._refused,
        )

    def _show_plan(self, plan: Plan) -> None:
        c = plan.counts
        self.counts.setText(
            t(
                "试导入（未写入）：新增 {new} 条，更新 {update} 条，无变化 {unchanged} 条，未导入 {refused} 条，跳过 {skipped} 行。"
            ).format(**{k: f"{v:,}" for k, v in c.items()})
        )
        self.communities.blockSignals(True)
        self.communities.setVisible(bool(plan.new_communities))
        names = "、".join(sorted(plan.new_communities))
        self.communities.setText(t("同意新建以下社区（将新建）：{names}").format(names=names))
        self.communities.setChecked(plan.create_communities)
        self.communities.blockSignals(False)
        issues = plan.issues[:SHOWN_ISSUES]
        _fill(
            self.issues,
            [
                [
                    i.row,
                    f"{i.letter} {i.column}".strip(),
                    i.value,
                    t("未导入") if i.refused else t("提示"),
                    i.reason,
                ]
                for i in issues
            ],
        )
        for r, issue in enumerate(issues):
            if issue.refused:
                self.issues.item(r, 3).setForeground(Qt.GlobalColor.darkRed)
        self.issues.resizeRowsToContents()

    def save_report(self) -> None:
        if self.plan is None:
            return
        plan = self.plan
        path = ask_save_path(
            self, t("保存核对结果"), f"{Path(plan.file_name).stem}-核对结果.xlsx", t("Excel 表格 (*.xlsx)")
        )
        if path:
            self.runner.read(
                "ledger:report",
                lambda: report.write_report(plan, path),
                lambda p: self._said(t("已保存：{path}").format(path=p)),
                self._refused,
            )

    def _said(self, text: str) -> None:
        self.counts.setToolTip(text)
        parent = self.parent()
        status = getattr(parent, "status", None)
        if status is not None:
            status.emit(text)

    # -- step 4: the import -------------------------------------------------------------------
    def run_import(self) -> None:
        assert self.ledger is not None and self.plan is not None
        ledger, mapping = self.ledger, self.mapping()
        create, all_or_nothing = self.communities.isChecked(), self.all_fixed.isChecked()
        if self.save_mapping.isChecked():
            self.runner.call(lambda: mappings.save_mapping(self.store, ledger.kind, ledger.names, mapping))
        kinds = Changes.of(CHANGE_KINDS[ledger.kind], COMMUNITY)
        self.runner.job(
            self,
            t("正在导入台账"),
            lambda: importing.import_ledger_job(
                self.store, ledger, mapping, create_communities=create, all_or_nothing=all_or_nothing
            ),
            self._imported,
            self._refused,
            writes=True,
            changes=lambda result: kinds if result is not None and result.import_id else Changes(),
            on_cancel=lambda: QMessageBox.information(
                self, t("已取消"), t("已取消导入，数据库没有任何改动。")
            ),
        )

    def _imported(self, result: importing.ImportResult) -> None:
        self.result = result
        c = result.plan.counts
        if result.import_id:
            text = t(
                "已导入 {written} 条：新增 {new} 条，更新 {update} 条。未导入 {refused} 条，跳过 {skipped} 行。"
            ).format(written=f"{result.written:,}", **{k: f"{v:,}" for k, v in c.items()})
            text += "\n\n" + t("如导入有误，可在“导入记录”中撤销这次导入。")
        elif c["refused"]:
            text = t(
                "没有导入任何数据：有 {refused} 行未能导入。请保存核对结果，在表格中改正后重新导入。"
            ).format(refused=f"{c['refused']:,}")
        else:
            text = t("没有需要写入的内容：台账与登记簿一致。")
        self.done_text.setText(text)
        self.plan = result.plan  # the report is of what was imported
        self.done_report.setVisible(bool(c["refused"]))
        self._show_step(3)

    def show_history(self) -> None:
        HistoryDialog(self.store, self.runner, self).exec()


class HistoryDialog(QDialog):
    """Every import, newest first, and 撤销 for the selected one."""

    def __init__(self, store: Store, runner: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner = store, runner
        self.records: list[history.ImportRecord] = []
        self.setWindowTitle(t("台账导入记录"))
        self.resize(820, 420)
        self.table = _table(
            [t("日期"), t("登记簿"), t("文件"), t("新增"), t("更新"), t("未导入"), t("导入人"), t("状态")]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.undo = QPushButton(t("撤销所选导入"))
        self.undo.clicked.connect(self.undo_selected)
        box = QDialogButtonBox()
        box.addButton(self.undo, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(t("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        self.reload()

    def reload(self) -> None:
        def shown(records: list[history.ImportRecord]) -> None:
            self.records = records
            _fill(
                self.table,
                [
                    [
                        r.day.isoformat(),
                        t(r.title),
                        r.file_name,
                        r.counts["new"],
                        r.counts["update"],
                        r.counts["refused"],
                        r.by,
                        t("已撤销") if r.undone else "",
                    ]
                    for r in records
                ],
            )
            self.table.resizeColumnsToContents()

        self.runner.read("ledger:history", lambda: history.list_imports(self.store), shown)

    def undo_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.records):
            QMessageBox.information(self, t("撤销导入"), t("请先在列表中选中一次导入。"))
            return
        record = self.records[row]
        answer = QMessageBox.question(
            self,
            t("撤销导入"),
            t("撤销 {day} 导入的“{file}”？这次新增的记录将被删除，更新的记录恢复原值。").format(
                day=record.day.isoformat(), file=record.file_name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.runner.job(
            self,
            t("正在撤销导入"),
            lambda: history.undo_import_job(self.store, record.id),
            lambda _: self.reload(),
            lambda error: QMessageBox.warning(self, t("无法撤销"), error.message),
            writes=True,
            changes=history.undo_changes,
        )


# -- export and template, from a register page ----------------------------------------------


def save_template(parent: QWidget, kind_key: str, say: Callable[[str], Any] | None = None) -> None:
    """A blank ledger of the register's columns with a sheet of rules and examples."""
    from app.ledger.export import write_template

    kind = ledger_kind(kind_key)
    path = ask_save_path(
        parent, t("空白模板"), t("{title}台账模板.xlsx").format(title=t(kind.title)), t("Excel 表格 (*.xlsx)")
    )
    if not path:
        return
    try:
        write_template(kind.key, path)
    except LiangxinError as error:
        QMessageBox.warning(parent, t("未能生成"), error.message)
        return
    done = t("已生成空白模板：{path}").format(path=path)
    if say is not None:
        say(done)
    else:
        QMessageBox.information(parent, t("空白模板"), done)


def export_register(page: Any, full: bool) -> None:
    """The page's register as it shows it (search, filters, sort) to a workbook that opens."""
    from app.ledger.export import export_job

    kind = ledger_kind(page.register.kind)
    if full and not confirm_reveal(
        page,
        t("导出的表格将含完整的身份证号码和电话号码。请妥善保管该文件，不要通过微信、QQ 等发送。继续吗？"),
    ):
        return
    name = t("{title}-{day}.xlsx").format(title=t(kind.title), day=date.today().isoformat())
    path = ask_save_path(page, t("导出"), name, t("Excel 表格 (*.xlsx)"))
    if not path:
        return
    options = dict(
        search=page.search.text(),
        sort=page.sort_key,
        descending=page.descending,
        full=full,
        **page.filter_values(),
    )
    write_report(
        page.runner,
        lambda: export_job(page.store, kind.key, path, **options),
        t("已导出：{path}"),
        page.status.emit,
        page.open_after_export,
        page,
        t("导出"),
    )
