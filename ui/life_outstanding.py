"""工作台's line on organizational life and visits: what is still due this month (this
quarter for the 党课), what last month left undone, organizations not visited and
instructors "挂名不管事"; a click opens the 组织生活 or 走访 page. Read off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.life_compliance import LIFE_RULES, LifeDue, life_due
from app.store import Store
from ui.background import Background
from ui.i18n import t
from ui.style import PARTY_RED


class LifeOutstanding(QFrame):
    """A strip under 工作台's tiles: the month's outstanding items (see the module's note)."""

    open_page = Signal(str)  # life | visits

    def __init__(
        self, store: Store, runner: Background, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.runner, self.today = store, runner, today
        self.setObjectName("tile")
        self.heading = QLabel(t("本月组织生活"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.text = QLabel(t("正在统计……"))
        self.text.setTextFormat(Qt.TextFormat.RichText)
        life = QPushButton(t("组织生活…"))
        life.clicked.connect(lambda: self.open_page.emit("life"))
        visit = QPushButton(t("走访…"))
        visit.clicked.connect(lambda: self.open_page.emit("visits"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.heading)
        layout.addSpacing(8)
        layout.addWidget(self.text, 1)
        layout.addWidget(life)
        layout.addWidget(visit)

    def reload(self) -> None:
        day = self.today()
        self.runner.read("life_outstanding", lambda: life_due(self.store, day), self.show_due)

    def show_due(self, due: LifeDue) -> None:
        life = due.life
        labels = {rule: t(label) for rule, _kind, label, _n in LIFE_RULES}

        def counts(found: dict[str, int]) -> str:
            return " · ".join(f"{labels[r]} {n:,}" for r, n in found.items() if n)

        red = f"<span style='color:{PARTY_RED}'>{{}}</span>"
        parts = [
            t("待开展：{items}").format(items=counts(life.due))
            if any(life.due.values())
            else t("应开展的都已开展"),
        ]
        if any(life.missed.values()):
            parts.append(red.format(t("上月未开展：{items}").format(items=counts(life.missed))))
        if due.unvisited:
            parts.append(red.format(t("逾期未走访 {n} 个组织").format(n=f"{due.unvisited:,}")))
        if due.idle:
            parts.append(red.format(t("挂名不管事 {n} 名指导员").format(n=due.idle)))
        self.text.setText("；".join(parts))
        self.setToolTip(t("党课按季度核对：本季度尚未结束的为“待开展”，“上月未开展”一项中的党课指上一季度。"))
