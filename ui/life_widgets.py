"""The small widgets of the 组织生活 page: the year and Party-organization choosers, and
the calendar of one Party organization (its events marked, each month's state by the
rules beside it)."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import life_compliance
from app.services.life_compliance import HELD, LIFE_RULES, NA, Grid
from app.store import Store
from ui.background import Background
from ui.i18n import t
from ui.life_grid import COLOURS, INK, PLAIN

ID_ROLE = Qt.ItemDataRole.UserRole


def year_combo(today: date) -> QComboBox:
    combo = QComboBox()
    this = today.year
    for year in range(this, this - 6, -1):
        combo.addItem(t("{year}年").format(year=year), year)
    return combo


def party_combo(choices: list[tuple[str, str, str]], everyone: bool) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    if everyone:
        combo.addItem(t("全部党组织"), None)
    for pid, name, _ in choices:
        combo.addItem(name, pid)
    combo.setMinimumWidth(240)
    return combo


class BranchCalendar(QWidget):
    def __init__(
        self,
        store: Store,
        runner: Background,
        today: Callable[[], date],
        choices: list[tuple[str, str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.runner, self.today = store, runner, today
        self.party = party_combo(choices, everyone=False)
        self.party.activated.connect(lambda *_: self.load())
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.currentPageChanged.connect(lambda *_: self._month())
        self.calendar.setMinimumWidth(420)
        self.month_state = QLabel()
        self.month_state.setWordWrap(True)
        self.month_events = QListWidget()
        row = QHBoxLayout()
        row.addWidget(QLabel(t("党组织")))
        row.addWidget(self.party, 1)
        side = QVBoxLayout()
        side.addWidget(self.month_state)
        side.addWidget(self.month_events, 1)
        body = QHBoxLayout()
        body.addWidget(self.calendar, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(body, 1)
        self.events: list[life_compliance.CalendarEvent] = []
        self.row: life_compliance.GridRow | None = None
        self.year: int | None = None

    def load(self) -> None:
        party = self.party.currentData()
        if not party:
            self.month_state.setText(t("还没有党组织。请先在“党组织”中登记。"))
            return
        year = self.calendar.yearShown()
        self.year = year

        def read() -> tuple[list[Any], Grid]:
            events = life_compliance.branch_events(self.store, party, year)
            return events, life_compliance.compliance_grid(
                self.store, year, self.today(), party_org_ids=[party]
            )

        self.runner.read(
            "life_calendar", read, self._ready, lambda error: self.month_state.setText(error.message)
        )

    def _ready(self, found: tuple[list[Any], Grid]) -> None:
        self.events, grid = found
        self.row = grid.rows[0] if grid.rows else None
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())
        mark = QTextCharFormat()
        mark.setBackground(QColor(COLOURS[HELD]))
        mark.setForeground(QColor(INK[HELD]))
        mark.setFontWeight(700)
        for event in self.events:
            self.calendar.setDateTextFormat(
                QDate(event.held_on.year, event.held_on.month, event.held_on.day), mark
            )
        self._month(reload=False)

    def _month(self, reload: bool = True) -> None:
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        if reload and year != self.year:
            self.load()
            return
        self.month_events.clear()
        for event in self.events:
            if event.held_on.year == year and event.held_on.month == month:
                item = QListWidgetItem(
                    t("{day}日  {kind}：{topic}").format(
                        day=event.held_on.day, kind=t(event.kind), topic=event.topic
                    )
                )
                item.setData(ID_ROLE, event.id)
                self.month_events.addItem(item)
        if not self.month_events.count():
            self.month_events.addItem(t("本月没有登记活动。"))
        lines = []
        row = self.row
        for rule_id, _kind, label, length in LIFE_RULES:
            status = row.cells.get(month, {}).get(rule_id) if row else None
            if status is None and length == 3:
                quarter_end = ((month - 1) // 3 + 1) * 3
                status = row.cells.get(quarter_end, {}).get(rule_id) if row else None
            word = t(PLAIN[status]) if status else t("未到")
            colour = INK.get(status or NA, "#888")
            lines.append(f"<span style='color:{colour}'>{html.escape(t(label))}：{html.escape(word)}</span>")
        self.month_state.setText(
            t("{year}年{month}月").format(year=year, month=month) + "<br>" + "<br>".join(lines)
        )

    def show_branch(self, party_org_id: str, year: int, month: int) -> None:
        self.party.setCurrentIndex(max(0, self.party.findData(party_org_id)))
        self.year = None  # read again for this branch
        self.calendar.setCurrentPage(year, month)
        if self.year is None:
            self.load()
