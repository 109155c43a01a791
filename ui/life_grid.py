"""开展情况: the compliance grid (Party organizations × months), each cell a word and a
colour — 已开展 green, 待开展 amber, 未开展 red, 不适用 grey — never colour alone; a cell's
tooltip says each rule's state and the rule's source."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.services.life_compliance import DUE, FUTURE, HELD, LIFE_RULES, MISSED, NA, Grid, GridRow, rule_source
from ui.i18n import N_, t

SHOWN = {HELD: N_("✓ 已开展"), DUE: N_("○ 待开展"), MISSED: N_("✗ 未开展"), NA: N_("不适用"), FUTURE: ""}
PLAIN = {HELD: N_("已开展"), DUE: N_("待开展"), MISSED: N_("未开展"), NA: N_("不适用"), FUTURE: N_("未到")}
COLOURS = {HELD: "#E8F5E9", DUE: "#FFF4D6", MISSED: "#FDECEA", NA: "#F4F4F4", FUTURE: "#FFFFFF"}
INK = {HELD: "#1B5E20", DUE: "#8A5A00", MISSED: "#B71C1C", NA: "#888888", FUTURE: "#888888"}
FIXED = 2  # 党组织, 类别; then the twelve months
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class GridModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid: Grid | None = None
        self.rows: list[GridRow] = []
        self.rule: str | None = None  # one rule, or None for the worst of them

    def show(self, grid: Grid, rule: str | None, only_missing: bool) -> None:
        self.beginResetModel()
        self.grid, self.rule = grid, rule
        rows = grid.rows
        if only_missing:
            rows = [r for r in rows if any(r.month_status(m, rule) in (MISSED, DUE) for m in range(1, 13))]
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED + 12

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return t("党组织")
        if section == 1:
            return t("类别")
        month = section - FIXED + 1
        label = t("{n}月").format(n=month)
        if self.rule == "lecture_quarterly":
            return t("第{q}季度").format(q=month // 3) if month % 3 == 0 else label
        return label

    def status(self, row: GridRow, month: int) -> str:
        if self.rule == "lecture_quarterly" and month % 3:
            return FUTURE if not row.cells.get(month) else ""
        return row.month_status(month, self.rule)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if column < FIXED:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.name if column == 0 else t(row.level)
            if role == Qt.ItemDataRole.ToolTipRole and column == 0:
                return f"{row.name}\n{t('社区')}：{row.community or '—'}"
            return None
        month = column - FIXED + 1
        status = self.status(row, month)
        if role == Qt.ItemDataRole.DisplayRole:
            return t(SHOWN[status]) if status else ""
        if role == Qt.ItemDataRole.BackgroundRole and status:
            return QColor(COLOURS[status])
        if role == Qt.ItemDataRole.ForegroundRole and status:
            return QColor(INK[status])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, month)
        return None

    def tooltip(self, row: GridRow, month: int) -> str:
        cells = row.cells.get(month, {})
        if not cells:
            return t("{month}月尚未到来").format(month=month)
        lines = [f"{row.name} · {t('{n}月').format(n=month)}"]
        for rule_id, _kind, label, length in LIFE_RULES:
            if rule_id in cells and (self.rule is None or self.rule == rule_id):
                period = t("本季度") if length == 3 else t("本月")
                lines.append(f"{t(label)}（{period}）：{t(PLAIN[cells[rule_id]])}")
                lines.append("    " + t("依据：") + rule_source(rule_id))
        return "\n".join(lines)
