"""A table over a register that keeps only the ordered ids SQL returned for the
current filter and sort, and fetches the rows it must paint by id, in small
batches, into a bounded cache. Sorting asks for a new id list; it never sorts
rows in Python."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

BATCH = 100
CACHE_ROWS = 3000
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str  # attribute of the row dataclass, and the sort key the service accepts
    title: str
    numeric: bool = False
    width: int = 120


class LazyTableModel(QAbstractTableModel):
    def __init__(
        self,
        columns: list[Column],
        fetch_rows: Callable[[list[str]], list[Any]],
        on_sort: Callable[[str, bool], None] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self._fetch_rows = fetch_rows
        self._on_sort = on_sort
        self._ids: list[str] = []
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self.fetches = 0  # how many batches were read (for tests and the bench)

    # -- the id list ---------------------------------------------------------------
    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._cache.clear()
        self.endResetModel()

    def extend_ids(self, ids: list[str]) -> None:
        """Take the full id list after the first screenful: rows are appended, so the
        view keeps its selection and scroll position."""
        head = len(self._ids)
        if ids[:head] != self._ids:
            self.set_ids(ids)
            return
        if len(ids) > head:
            self.beginInsertRows(QModelIndex(), head, len(ids) - 1)
            self._ids = ids
            self.endInsertRows()

    def refresh_rows(self) -> None:
        """Forget cached rows (after an edit) and repaint what is visible."""
        self._cache.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    @property
    def ids(self) -> list[str]:
        return self._ids

    # -- rows ----------------------------------------------------------------------
    def row_at(self, row: int) -> Any:
        record_id = self._ids[row]
        cached = self._cache.get(record_id)
        if cached is not None:
            self._cache.move_to_end(record_id)
            return cached
        start = row - row % BATCH
        wanted = [i for i in self._ids[start : start + BATCH] if i not in self._cache]
        self.fetches += 1
        for fetched in self._fetch_rows(wanted):
            self._cache[fetched.id] = fetched
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)
        return self._cache.get(record_id)

    # -- Qt ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        column = self.columns[index.column()]
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self.row_at(index.row())
            if row is None:  # deleted since the id list was made
                return "" if role == Qt.ItemDataRole.DisplayRole else None
            value = getattr(row, column.key)
            if column.numeric and isinstance(value, int):
                return f"{value:,}"
            return str(value) if value is not None else ""
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._on_sort is not None and 0 <= column < len(self.columns):
            self._on_sort(self.columns[column].key, order == Qt.SortOrder.DescendingOrder)
