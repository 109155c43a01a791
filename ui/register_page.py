"""A register page: search box, filters, the lazy table with a count, and the detail
panel in a splitter. Searching is debounced and runs off the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.errors import LiangxinError
from app.services.organizations import subtype_codes
from app.station_scope import station_scope, sub_districts
from app.store import Store
from ui.background import Background
from ui.detail_panel import DetailPanel
from ui.dialogs import confirm_delete, confirm_reveal
from ui.editor import RecordEditor
from ui.files import ask_save_path, write_report
from ui.i18n import t
from ui.layout import beside_panel, page_layout
from ui.registers import Register, columns_of, lookups
from ui.state import window_state
from ui.table_model import LazyTableModel

DEBOUNCE_MS = 180
PRINTS = {  # key: (menu label, needs the selected record)
    "card": ("两新组织档案卡（所选单位）", True),
    "ledger": ("两新组织台账（全部，横向）", False),
    "roster": ("党员花名册（所选党组织，横向）", True),
    "roster_full": ("党员花名册（含完整身份证号码）", True),
}
HEAD = 200  # ids of the first screenful, fetched (and painted) before the full list


class RegisterPage(QWidget):
    open_after_export = True  # tests switch this off

    open_link = Signal(str, str)
    status = Signal(str)  # a sentence for the status bar
    scope_changed = Signal(str)  # whose records the list shows (the status bar says it)
    first_rows_shown = Signal()  # the first screenful is in the table (bench/ times this)
    list_complete = Signal()

    def __init__(
        self, store: Store, register: Register, runner: Background, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.register, self.runner = store, register, runner
        self.sort_key, self.descending = "name", False
        self._pending_select: str | None = None
        self._reload_seq = 0
        self._ready = False  # header set-up triggers sort() before the page is complete

        title = QLabel(t(register.title))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.search = QLineEdit()
        self.search.setPlaceholderText(t("搜索：名称、拼音首字母（如 zw）、代码或号码"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.filters: dict[str, QComboBox] = {}
        self.columns = columns_of(register, store)
        self.district = store.station.role == "district"
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.search, 2)
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(t("筛选：")))
        self.whole_scope = ""
        if self.district:  # every sub-district's records, or one's
            self.whole_scope = station_scope(store).label
            combo = QComboBox()
            combo.addItem(t("全部街道"), None)
            for code, name in sub_districts(store):
                combo.addItem(name, code)
            combo.setToolTip(t("街道：只看一个街道报来的记录"))
            combo.currentIndexChanged.connect(lambda *_: self.reload())
            combo.currentIndexChanged.connect(lambda *_: self.scope_changed.emit(self.scope_text()))
            self.filters["station"] = combo
            filter_row.addWidget(combo)
        for spec in register.filters:
            combo = QComboBox()
            combo.addItem(t("全部{title}").format(title=t(spec.title)), None)
            for choice in spec.choices(store):
                combo.addItem(t(choice), choice)
            combo.setToolTip(t(spec.title))
            combo.currentIndexChanged.connect(lambda *_: self.reload())
            self.filters[spec.key] = combo
            filter_row.addWidget(combo)
        filter_row.addStretch(1)
        self.add_button = QPushButton("＋ " + t("新增"))
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self.add_record)
        self.edit_button = QPushButton(t("编辑"))
        self.edit_button.setToolTip(t("也可双击一行或按回车"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(t("删除"))
        self.delete_button.clicked.connect(self.delete_selected)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        if register.prints:
            self.print_button = QPushButton(t("打印") + " ▾")
            menu = QMenu(self.print_button)
            for key in register.prints:
                action = menu.addAction(t(PRINTS[key][0]))
                action.triggered.connect(lambda _=False, key=key: self.print_register(key))
            self.print_button.setMenu(menu)
            top.addWidget(self.print_button)
        self.import_button = QPushButton(t("导入台账"))
        self.import_button.setToolTip(t("从 Excel、WPS 表格导入台账：先试导入核对，再导入"))
        self.import_button.clicked.connect(self.import_ledger)
        self.export_button = QPushButton(t("导出") + " ▾")
        menu = QMenu(self.export_button)
        menu.addAction(t("导出当前列表（号码打码）…")).triggered.connect(
            lambda: self._ledger_files().export_register(self, False)
        )
        menu.addAction(t("导出当前列表（含完整号码）…")).triggered.connect(
            lambda: self._ledger_files().export_register(self, True)
        )
        menu.addSeparator()
        menu.addAction(t("空白模板…")).triggered.connect(
            lambda: self._ledger_files().save_template(self, self.register.kind, self.status.emit)
        )
        self.export_button.setMenu(menu)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)

        self.model = LazyTableModel(
            [type(c)(c.key, t(c.title), c.numeric, c.width) for c in self.columns],
            lambda ids: register.rows(store, ids),
            self.sort_by,
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for i, column in enumerate(self.columns):
            self.table.setColumnWidth(i, column.width)
        self.table.doubleClicked.connect(lambda *_: self.edit_selected())
        self.table.activated.connect(lambda *_: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())

        self.empty = QLabel(t(register.empty_hint))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #666; font-size: 12pt; padding: 40px;")
        self.empty.hide()

        self.detail = DetailPanel()
        self.detail.open_link.connect(self.open_link.emit)
        self.detail.edit_requested.connect(self.edit_selected)
        self.detail.reveal_requested.connect(self.reveal_selected)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty, 1)
        self.count = QLabel()
        left_layout.addWidget(self.count)
        self.splitter = beside_panel(left, self.detail, (900, 340))
        page_layout(self, [top, filter_row], self.splitter)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda *_: self._debounce.start())
        self.restore_layout()
        self._ready = True

    # -- state kept between runs ------------------------------------------------------
    def _key(self, what: str) -> str:
        # A district's table has one column more: its header state is kept apart.
        return f"{self.register.page}/{what}" + ("-district" if self.district and what == "header" else "")

    def restore_layout(self) -> None:
        settings = window_state()
        header = settings.value(self._key("header"))
        if isinstance(header, QByteArray | bytes):
            self.table.horizontalHeader().restoreState(QByteArray(header))
        splitter = settings.value(self._key("splitter"))
        if isinstance(splitter, QByteArray | bytes):
            self.splitter.restoreState(QByteArray(splitter))

    def save_layout(self) -> None:
        settings = window_state()
        settings.setValue(self._key("header"), self.table.horizontalHeader().saveState())
        settings.setValue(self._key("splitter"), self.splitter.saveState())

    # -- loading ------------------------------------------------------------------------
    def scope_text(self) -> str:
        """Whose records the list shows: one sub-district, or all of them (a district);
        "" at a sub-district, which holds only its own."""
        combo = self.filters.get("station")
        if combo is None:
            return ""
        return combo.currentText() if combo.currentData() else self.whole_scope

    def filter_values(self) -> dict[str, Any]:
        values = {key: combo.currentData() for key, combo in self.filters.items()}
        return {k: v for k, v in values.items() if v is not None}

    def reload(self, select: str | None = None) -> None:
        """Ask SQL for the ids of the current filter and sort, off the GUI thread: first a
        screenful (painted at once), then, if there are more, the whole list."""
        self._reload_seq += 1
        seq = self._reload_seq
        self._pending_select = select or self.current_id()
        query = dict(
            search=self.search.text(), sort=self.sort_key, descending=self.descending, **self.filter_values()
        )
        self.count.setText(t("正在查询……"))
        kind = self.register.kind

        def head_done(ids: list[str]) -> None:
            if seq != self._reload_seq:
                return
            self._show_ids(ids, complete=len(ids) < HEAD)
            if ids:  # the first screenful's rows now, before the whole list's query shares the cores
                self.model.row_at(0)
            self.first_rows_shown.emit()
            if len(ids) < HEAD:
                self.list_complete.emit()
            else:
                self.runner.read(
                    f"ids:{kind}", lambda: self.register.ids(self.store, **query), full_done, self._show_error
                )

        def full_done(ids: list[str]) -> None:
            if seq == self._reload_seq:
                self._show_ids(ids, complete=True)
                self.list_complete.emit()

        self.runner.read(
            f"head:{kind}",
            lambda: self.register.ids(self.store, limit=HEAD, **query),
            head_done,
            self._show_error,
        )

    def _show_ids(self, ids: list[str], complete: bool) -> None:
        if complete and self.model.ids and len(ids) >= len(self.model.ids):
            self.model.extend_ids(ids)
        else:
            self.model.set_ids(ids)
        searching = bool(self.search.text().strip() or self.filter_values())
        self.empty.setVisible(not ids and not searching)
        self.table.setVisible(bool(ids) or searching)
        if complete:
            self.count.setText(t("共 {n} 条").format(n=f"{len(ids):,}"))
        else:
            self.count.setText(t("正在统计……"))
        target = self._pending_select
        row = self.model.row_of(target) if target else -1
        if row >= 0:
            if self.table.currentIndex().row() != row:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        elif complete:
            self.detail.show_empty(
                t("在左侧表格中选择一条记录，这里会显示与它相关的组织、党员和待整改问题。")
            )
        if complete:
            self._pending_select = None

    def _show_error(self, error: LiangxinError) -> None:
        self.count.setText(t("查询失败：") + error.message)

    def sort_by(self, key: str, descending: bool) -> None:
        self.sort_key, self.descending = key, descending
        if self._ready:
            self.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def print_register(self, key: str) -> None:
        """档案卡 / 花名册 of the selected record, or the whole 台账, to a PDF that opens."""
        title, needs_record = PRINTS[key]
        record_id = self.current_id()
        if needs_record and record_id is None:
            QMessageBox.information(self, t(title), t("请先在列表中选中一条记录。"))
            return
        if key == "roster_full" and not confirm_reveal(
            self, t("花名册将打印完整的身份证号码和联系电话。请妥善保管打印件。继续吗？")
        ):
            return
        name = (
            self.model.row_at(self.table.currentIndex().row()).name
            if needs_record
            else t(self.register.title)
        )
        path = ask_save_path(self, t(title), f"{name}-{t(title)}.pdf", t("PDF 文件 (*.pdf)"))
        if not path:
            return
        from app.reports import registers as printed  # reportlab loads on first print

        jobs = {
            "card": lambda: printed.print_card_job(self.store, record_id or "", path),
            "ledger": lambda: printed.print_ledger_job(self.store, path, self.filter_values().get("station")),
            "roster": lambda: printed.print_roster_job(self.store, record_id or "", path),
            "roster_full": lambda: printed.print_roster_job(self.store, record_id or "", path, reveal=True),
        }
        write_report(
            self.runner,
            jobs[key],
            t("已生成：{path}"),
            self.status.emit,
            self.open_after_export,
            self,
            t(title),
        )

    @staticmethod
    def _ledger_files() -> Any:
        """The 台账 dialog and exports, imported on first use: they load the workbook
        libraries, a quarter of a second the list does not wait for."""
        from ui import ledger_dialog

        return ledger_dialog

    def import_ledger(self) -> None:
        """导入台账 into this register (the dialog runs the dry run and the import)."""
        self._ledger_files().LedgerDialog(self.store, self.runner, self.register.kind, self).exec()

    def show_record(self, record_id: str) -> None:
        """Bring one record into view, clearing search and filters if they hide it."""
        if self.model.row_of(record_id) >= 0:
            self.table.selectRow(self.model.row_of(record_id))
            return
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        for combo in self.filters.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.reload(select=record_id)

    # -- the selected record --------------------------------------------------------------
    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def show_selected(self, reveal: bool = False) -> None:
        record_id = self.current_id()
        if record_id is None:
            return
        try:
            detail = (
                self.register.detail(self.store, record_id, reveal=True)
                if reveal
                else self.register.detail(self.store, record_id)
            )
        except (LookupError, LiangxinError):
            self.detail.show_empty(t("这条记录已被删除。"))
            return
        self.detail.show_detail(detail, can_reveal=bool(self.register.masked) and not reveal)

    def reveal_selected(self) -> None:
        if confirm_reveal(self, t("将显示这条记录完整的证件号码和电话。请确认周围无关人员看不到屏幕。")):
            self.show_selected(reveal=True)

    def editor(self, record: dict[str, Any] | None) -> RecordEditor:
        reg = self.register
        record_id = record["id"] if record else None
        noun = t(reg.noun)

        def save(values: dict[str, Any]) -> dict[str, Any]:
            if record_id is None:
                return self.runner.call(lambda: reg.add(self.store, values), self.changes)
            return self.runner.call(lambda: reg.edit(self.store, record_id, values), self.changes)

        return RecordEditor(
            t("新增{noun}").format(noun=noun)
            if record is None
            else t("编辑{noun}：{name}").format(noun=noun, name=record["name"]),
            reg.fields,
            reg.groups,
            save,
            record,
            lookups(self.store),
            subtype_codes if reg.kind == "organization" else None,
            reg.masked,
            (lambda: reg.get(self.store, record_id, reveal=True)) if record_id else None,
            self,
            reg.defaults,
        )

    def add_record(self) -> None:
        dialog = self.editor(None)
        if dialog.exec() and dialog.saved:
            self.reload(select=dialog.saved["id"])

    def edit_selected(self) -> None:
        record_id = self.current_id()
        if record_id is None:
            return
        try:
            record = self.register.get(self.store, record_id)
        except LiangxinError as exc:  # deleted meanwhile, by another clerk
            QMessageBox.information(self, t("编辑"), exc.message)
            self.reload()
            return
        dialog = self.editor(record)
        if dialog.exec() and dialog.saved:
            self.model.refresh_rows()
            self.reload(select=record_id)

    def delete_selected(self) -> None:
        record_id = self.current_id()
        if record_id is None:
            return
        name = self.model.row_at(self.table.currentIndex().row()).name
        if not confirm_delete(self, t(self.register.noun), name):
            return
        self.runner.write(
            lambda: self.register.delete(self.store, record_id),
            lambda _: self.reload(),
            lambda exc: QMessageBox.warning(self, t("无法删除"), exc.message),
            self.changes,
        )

    @property
    def changes(self) -> Changes:
        """What a save or delete on this page changes."""
        return Changes.of(self.register.kind)
