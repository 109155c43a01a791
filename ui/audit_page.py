"""操作日志: every change (who, when, which record, each field old → new) and every
look at personal data in full, newest first; filters by user, dates, register and
kind of action; the selected entry's fields in full beside the table; 导出 .xlsx.

The table fetches a page at a time from app/ as it is scrolled (a district's journal
holds millions of entries); the filters are applied in SQL there."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import visible
from app.errors import LiangxinError
from app.services import audit
from app.services.audit_export import export_audit_xlsx_job
from app.store import Store
from ui.background import Background
from ui.files import ask_save_path
from ui.i18n import t

PAGE = 200
COLUMNS = [("时间", 160), ("用户", 90), ("操作", 100), ("登记簿", 100), ("记录", 200), ("字段变化", 460)]
DATE_FORMAT = "yyyy年M月d日"
NO_BOUND = QDate(2000, 1, 1)  # the date edits' "不限"
OPENS = ("organization", "party_org", "member")  # records a double click opens
Index = QModelIndex | QPersistentModelIndex


class AuditModel(QAbstractTableModel):
    """The log's entries read so far; scrolling to the end reads the next page."""

    def __init__(self, fetch: Callable[[int, int], list[audit.Entry]], parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self.entries: list[audit.Entry] = []
        self._more = False

    def set_entries(self, entries: list[audit.Entry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self._more = len(entries) >= PAGE
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        page = self._fetch(len(self.entries), PAGE)
        self._more = len(page) >= PAGE
        if page:
            self.beginInsertRows(QModelIndex(), len(self.entries), len(self.entries) + len(page) - 1)
            self.entries.extend(page)
            self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return t(COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                entry.when,
                entry.by,
                t(entry.action_label),
                t(entry.register_label),
                entry.record,
                entry.summary,
            )
            return visible(values[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return visible(entry.summary)
        if role == Qt.ItemDataRole.ForegroundRole and entry.action in audit.ACCESS and index.column() == 2:
            from PySide6.QtGui import QColor

            return QColor("#8E0E12")  # a look at personal data in full stands out
        return None


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setMinimumDate(NO_BOUND)
    edit.setSpecialValueText(t("不限"))  # shown at the minimum: no bound
    edit.setDate(NO_BOUND)
    return edit


def _bound(edit: QDateEdit) -> date | None:
    value = edit.date()
    return None if value == NO_BOUND else date(value.year(), value.month(), value.day())


class AuditPage(QWidget):
    open_link = Signal(str, str)  # kind, id
    status = Signal(str)

    def __init__(self, store: Store, runner: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.record: tuple[str, str, str] | None = None  # (register, id, name) the log is narrowed to
        self.filters = audit.Filters()

        self.user = QComboBox()
        self.user.setMinimumWidth(120)
        self.date_from = _date_edit()
        self.date_to = _date_edit()
        self.register = QComboBox()
        self.register.addItem(t("全部"), "")
        for key, label in audit.audit_registers():
            self.register.addItem(t(label), key)
        self.action = QComboBox()
        self.action.addItem(t("全部"), "")
        for key, label in audit.ACTIONS.items():
            self.action.addItem(t(label), key)
        self.record_label = QLabel()
        self.record_label.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_record = QPushButton(t("显示全部记录"))
        self.clear_record.clicked.connect(self.show_all_records)
        self.export = QPushButton(t("导出 .xlsx"))
        self.export.clicked.connect(self.export_xlsx)
        self.count = QLabel()
        self.count.setStyleSheet("color: #666;")

        bar = QHBoxLayout()
        for label, widget in (
            ("用户", self.user),
            ("从", self.date_from),
            ("到", self.date_to),
            ("登记簿", self.register),
            ("操作", self.action),
        ):
            bar.addWidget(QLabel(t(label)))
            bar.addWidget(widget)
            bar.addSpacing(6)
        bar.addStretch(1)
        bar.addWidget(self.export)
        narrowed = QHBoxLayout()
        narrowed.addWidget(self.record_label)
        narrowed.addWidget(self.clear_record)
        narrowed.addStretch(1)
        narrowed.addWidget(self.count)

        self.model = AuditModel(self._page, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        for i, (_, width) in enumerate(COLUMNS):
            self.table.setColumnWidth(i, width)
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _: self.show_entry(current.row())
        )
        self.table.doubleClicked.connect(lambda index: self.open_entry(index.row()))

        self.detail_title = QLabel(t("选择一条操作日志，这里显示它改动的全部字段。"))
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_title.setWordWrap(True)
        self.detail_title.setStyleSheet("padding: 4px 0;")
        self.fields = QTableWidget(0, 3)
        self.fields.setHorizontalHeaderLabels([t("字段"), t("原值"), t("新值")])
        self.fields.verticalHeader().hide()
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.setColumnWidth(0, 100)
        self.fields.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.fields.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.fields.setWordWrap(True)
        # Long values wrap to the width the table ends up with, not the one it had when
        # the entry was chosen (before the window was laid out, or after a splitter drag).
        self.fields.horizontalHeader().sectionResized.connect(lambda *_: self.fields.resizeRowsToContents())
        self.open_button = QPushButton(t("打开这条记录"))
        self.open_button.clicked.connect(lambda: self.open_entry(self.table.currentIndex().row()))
        self.open_button.hide()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(self.detail_title)
        side_layout.addWidget(self.fields, 10)
        side_layout.addStretch(1)
        side_layout.addWidget(self.open_button)

        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 340])

        layout = QVBoxLayout(self)
        title = QLabel(t("操作日志"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addLayout(narrowed)
        layout.addWidget(split, 1)
        self._show_narrowed()

        for combo in (self.user, self.register, self.action):
            combo.currentIndexChanged.connect(self.reload)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.reload)
        self.load_users()
        self.reload()

    # -- what the log shows ---------------------------------------------------------
    def load_users(self) -> None:
        self.runner.read("audit-users", lambda: audit.audit_users(self.store), self._set_users)

    def _set_users(self, users: list[str]) -> None:
        chosen = self.user.currentData() or ""
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(t("全部用户"), "")
        for name in users:
            self.user.addItem(visible(name), name)
        self.user.setCurrentIndex(max(0, self.user.findData(chosen)))
        self.user.blockSignals(False)

    def current_filters(self) -> audit.Filters:
        return audit.Filters.of(
            user=self.user.currentData() or None,
            date_from=_bound(self.date_from),
            date_to=_bound(self.date_to),
            register=(self.record[0] if self.record else self.register.currentData()) or None,
            action=self.action.currentData() or None,
            key=self.record[1] if self.record else None,
        )

    def _page(self, offset: int, limit: int) -> list[audit.Entry]:
        return audit.audit_log(self.store, self.filters, offset=offset, limit=limit)

    def reload(self) -> None:
        try:
            self.filters = self.current_filters()
        except LiangxinError as exc:
            self.count.setText(exc.message)
            self.model.set_entries([])
            return
        filters = self.filters
        self.count.setText(t("正在读取……"))
        self.runner.read(
            "audit",
            lambda: audit.audit_log(self.store, filters, limit=PAGE),
            self._show,
            self._show_error,
        )
        self.runner.read("audit-count", lambda: audit.audit_count(self.store, filters), self._show_count)

    def _show(self, entries: list[audit.Entry]) -> None:
        self.model.set_entries(entries)
        if entries:
            self.table.selectRow(0)
        else:
            self.show_entry(-1)

    def _show_count(self, total: int) -> None:
        self.count.setText(t("共 {n} 条").format(n=f"{total:,}") if total else t("没有符合条件的操作日志"))

    def _show_error(self, error: LiangxinError) -> None:
        self.count.setText(error.message)
        self.status.emit(error.message)

    def show_record(self, register: str, record_id: str, name: str = "") -> None:
        """The log narrowed to one record (the detail panel's 更多…)."""
        self.record = (register, record_id, name)
        self._show_narrowed()
        self.reload()

    def show_all_records(self) -> None:
        self.record = None
        self._show_narrowed()
        self.reload()

    def _show_narrowed(self) -> None:
        if self.record is None:
            self.record_label.hide()
            self.clear_record.hide()
            self.register.setEnabled(True)
            return
        register, _, name = self.record
        what = t(audit.TABLE_LABELS.get(register, register))
        self.record_label.setText(t("只显示{what}“{name}”的记录").format(what=what, name=visible(name)))
        self.record_label.show()
        self.clear_record.show()
        self.register.setEnabled(False)

    # -- the selected entry -----------------------------------------------------------
    def show_entry(self, row: int) -> None:
        entries = self.model.entries
        if not 0 <= row < len(entries):
            self.detail_title.setText(t("选择一条操作日志，这里显示它改动的全部字段。"))
            self.fields.setRowCount(0)
            self.open_button.hide()
            return
        entry = entries[row]
        head = f"{entry.when}  {visible(entry.by)}  {t(entry.action_label)}  {t(entry.register_label)}"
        if entry.record:
            head += f"“{visible(entry.record)}”"
        if entry.action in audit.ACCESS or entry.action == "delete":
            head += "\n" + visible(entry.summary)
        self.detail_title.setText(head)
        self.fields.setVisible(bool(entry.changes))
        self.fields.setRowCount(len(entry.changes))
        for r, change in enumerate(entry.changes):
            for c, text in enumerate((t(change.label), change.old, change.new)):
                item = QTableWidgetItem(visible(text))
                item.setToolTip(visible(text))
                self.fields.setItem(r, c, item)
        self.fields.resizeRowsToContents()
        self.open_button.setVisible(
            entry.register in OPENS and bool(entry.row_id) and entry.action != "delete"
        )

    def open_entry(self, row: int) -> None:
        entries = self.model.entries
        if 0 <= row < len(entries):
            entry = entries[row]
            if entry.register in OPENS and entry.row_id and entry.action != "delete":
                self.open_link.emit(entry.register, entry.row_id)

    # -- export -----------------------------------------------------------------------
    def export_xlsx(self) -> None:
        path = ask_save_path(self, t("导出操作日志"), t("操作日志") + ".xlsx", "Excel (*.xlsx)")
        if not path:
            return
        filters = self.filters
        self.runner.job(
            self,
            t("导出操作日志"),
            lambda: export_audit_xlsx_job(self.store, filters, path),
            lambda written: self.status.emit(t("已导出到 {path}").format(path=written)),
            self._show_error,
        )
