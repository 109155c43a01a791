"""数据反查: the records behind a figure, in the register's own columns; a double
click opens one in its register. Also the table of one rule's findings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.rules.engine import Finding
from app.stats import FigureRecords
from app.store import Store
from ui.i18n import t
from ui.registers import REGISTERS, columns_of
from ui.table_model import ID_ROLE, LazyTableModel

Index = QModelIndex | QPersistentModelIndex


def record_table() -> QTableView:
    table = QTableView()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setDefaultSectionSize(28)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class DrillDialog(QDialog):
    """The records one tile or bar counts."""

    open_link = Signal(str, str)

    def __init__(self, store: Store, records: FigureRecords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        register = REGISTERS[records.kind]
        columns = columns_of(register, store)
        self.records = records
        self.setWindowTitle(t("数据反查") + " — " + records.title)
        self.resize(1000, 600)
        heading = QLabel(
            t("{title}：共 {n} 条。双击一行，在“{register}”中打开。").format(
                title=records.title, n=f"{len(records.ids):,}", register=t(register.title)
            )
        )
        heading.setWordWrap(True)
        heading.setStyleSheet("font-size: 11pt;")
        self.model = LazyTableModel(
            [type(c)(c.key, t(c.title), c.numeric, c.width) for c in columns],
            lambda ids: register.rows(store, ids),
            parent=self,
        )
        self.model.set_ids(records.ids)
        self.table = record_table()
        self.table.setModel(self.model)
        for i, column in enumerate(columns):
            self.table.setColumnWidth(i, column.width)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _open(self, index: QModelIndex) -> None:
        record_id = self.model.data(index, ID_ROLE)
        if record_id:
            self.open_link.emit(self.records.kind, record_id)
            self.accept()


class FindingsModel(QAbstractTableModel):
    """One rule's findings (a few thousand at most in a district): name and sentence,
    and at a district (``stations``: code to name) the sub-district that keeps each."""

    HEADERS = ("名称", "街道", "问题")

    def __init__(self, parent: Any = None, stations: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        self.stations = stations
        name, station, problem = self.HEADERS
        self.headers = (name, station, problem) if stations is not None else (name, problem)

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self.findings = findings
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.findings):
            return None
        finding = self.findings[index.row()]
        if role == ID_ROLE:
            return finding.record_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = self.headers[index.column()]
            if column == self.HEADERS[1]:
                return (self.stations or {}).get(finding.station, finding.station)
            return finding.record_name if column == self.HEADERS[0] else finding.message
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return t(self.headers[section]) if 0 <= section < len(self.headers) else None
        return None
