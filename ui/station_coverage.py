"""工作台 at a district: coverage by sub-district, a bar per station (lowest first, with
the target line) and a table of the same rows beside it. A bar or a row opens the
records behind that station's gap (数据反查)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.charts import RateBars
from ui.i18n import t

# (key of a by_station row, header, its full name for the header's tooltip); beside the
# chart there is room for six columns with headers on two lines.
COLUMNS = (
    ("label", "街道", ""),
    ("covered", "已覆盖\n/ 范围内", "已被党组织覆盖的两新组织 / 统计范围内的两新组织"),
    ("uncovered", "未覆盖", "尚未被党组织覆盖的两新组织：点击柱条或双击一行列出它们"),
    ("organization_coverage", "组织\n覆盖率", "党的组织覆盖率"),
    ("work_coverage", "工作\n覆盖率", "党的工作覆盖率"),
    ("must_build_rate", "应建\n尽建率", "应建尽建率"),
)
RATES = ("organization_coverage", "work_coverage", "must_build_rate")
SLOTS = 10  # the chart has room for this many bars at least: a few stay slim


class StationCoverage(QWidget):
    """The sub-districts side by side; ``station_clicked`` carries the row's index."""

    station_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.chart = RateBars(t("各街道党的组织覆盖率（由低到高）"))
        self.chart.bar_clicked.connect(lambda i, _: self.station_clicked.emit(i))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([t(title) for _, title, _ in COLUMNS])
        for j, (_, _, full) in enumerate(COLUMNS):
            if full:
                self.table.horizontalHeaderItem(j).setToolTip(t(full))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self.station_clicked.emit(index.row()))
        self.table.activated.connect(lambda index: self.station_clicked.emit(index.row()))
        hint = QLabel(t("点击柱条或双击一行，查看该街道尚未被党组织覆盖的单位。"))
        hint.setStyleSheet("color: #666;")
        hint.setWordWrap(True)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.table, 1)
        right.addWidget(hint)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.chart, 3)
        layout.addLayout(right, 4)  # six columns of figures, whole at 1280 pixels wide

    def show_rows(self, rows: list[dict[str, Any]], target: float) -> None:
        self.show_table(rows, target)
        self.show_chart(rows, target)

    def show_chart(self, rows: list[dict[str, Any]], target: float) -> None:
        self.chart.show_rates([(r["label"], r["organization_coverage"]) for r in rows], target, SLOTS)

    def show_table(self, rows: list[dict[str, Any]], target: float) -> None:
        """The figures, before the chart (whose library may still be loading)."""
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, (key, _, _) in enumerate(COLUMNS):
                value = row[key]
                if key in RATES:
                    text = "—" if value is None else f"{value:.1f}%"
                elif key == "covered":
                    text = f"{value:,} / {row['in_scope']:,}"
                else:
                    text = f"{value:,}" if isinstance(value, int) else str(value)
                item = QTableWidgetItem(text)
                if j:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if key == "organization_coverage" and value is not None and value < target:
                    item.setForeground(Qt.GlobalColor.darkRed)
                    item.setToolTip(t("低于覆盖率目标 {target}%").format(target=f"{target:g}"))
                if key == "label" and not row["in_scope"]:
                    item.setToolTip(t("这个街道还没有报来在营的两新组织。"))
                self.table.setItem(i, j, item)
