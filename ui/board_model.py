"""The task board as one table: three columns (待办 / 进行中 / 已销号) and, per swimlane,
a header row spanning them followed by as many rows as its longest column. A cell
holds one card or nothing; any cell of a lane accepts a dropped card. The view
paints only the rows on screen, so a board of thousands of cards opens at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.services.task_board import STATUS, Card, Lane
from ui.i18n import t
from ui.style import PARTY_RED

MIME = "application/x-liangxin-task"
STATUSES = list(STATUS.labels)
CARD_ROLE = Qt.ItemDataRole.UserRole + 10
LANE_ROLE = Qt.ItemDataRole.UserRole + 11
CARD_HEIGHT = 74
HEADER_HEIGHT = 30

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Slot:
    lane: int
    offset: int  # -1: the lane's header row


class BoardModel(QAbstractTableModel):
    # task id, from status, to status, from lane, to lane
    card_dropped = Signal(str, str, str, str, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lanes: list[Lane] = []
        self.slots: list[Slot] = []
        self.lane_by = "assignee"

    def set_lanes(self, lanes: list[Lane], lane_by: str) -> None:
        self.beginResetModel()
        self.lanes, self.lane_by = lanes, lane_by
        self.slots = []
        for i, lane in enumerate(lanes):
            self.slots.append(Slot(i, -1))
            self.slots += [Slot(i, k) for k in range(max(lane.size, 1))]
        self.endResetModel()

    def card_at(self, index: Index) -> Card | None:
        if not index.isValid() or not 0 <= index.row() < len(self.slots):
            return None
        slot = self.slots[index.row()]
        if slot.offset < 0:
            return None
        cards = self.lanes[slot.lane].cards[STATUSES[index.column()]]
        return cards[slot.offset] if slot.offset < len(cards) else None

    def index_of(self, task_id: str) -> QModelIndex:
        for row, slot in enumerate(self.slots):
            if slot.offset < 0:
                continue
            for column, status in enumerate(STATUSES):
                cards = self.lanes[slot.lane].cards[status]
                if slot.offset < len(cards) and cards[slot.offset].id == task_id:
                    return self.index(row, column)
        return QModelIndex()

    def header_rows(self) -> list[int]:
        return [row for row, slot in enumerate(self.slots) if slot.offset < 0]

    @property
    def card_count(self) -> int:
        return sum(len(c) for lane in self.lanes for c in lane.cards.values())

    # -- Qt ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.slots)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(STATUSES)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.slots):
            return None
        slot = self.slots[index.row()]
        lane = self.lanes[slot.lane]
        if role == LANE_ROLE:
            return lane.key
        if slot.offset < 0:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                counts = "  ".join(f"{t(STATUS.label(s))} {len(lane.cards[s])}" for s in STATUSES)
                overdue = sum(c.days_overdue > 0 for s in ("todo", "doing") for c in lane.cards[s])
                late = t("  逾期 {n}").format(n=overdue) if overdue else ""
                return f"{lane.key}    {counts}{late}"
            return None
        card = self.card_at(index)
        if role == CARD_ROLE:
            return card
        if card is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [card.title, card.record, t("责任单位：") + card.assignee]
            if card.due_on:
                lines.append(
                    t("完成时限：") + f"{card.due_on:%Y年%m月%d日}".replace("年0", "年").replace("月0", "月")
                )
            if card.note:
                lines.append(t("完成情况：") + card.note)
            if card.override_reason:
                lines.append(t("特殊情况销号：") + card.override_reason)
            return "\n".join(lines)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            status = STATUSES[section]
            n = sum(len(lane.cards[status]) for lane in self.lanes)
            return f"{t(STATUS.label(status))}（{n:,}）"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if self.card_at(index) is not None:
            flags |= Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        card = next((self.card_at(i) for i in indexes if self.card_at(i) is not None), None)
        if card is not None:
            lane = self.lanes[self.slots[indexes[0].row()].lane].key
            data.setData(MIME, QByteArray(f"{card.id}\n{card.status}\n{lane}".encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(MIME) and parent.isValid()

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """A drop is a request: the page calls the service and reloads; the model itself
        never moves the card, so a refused move leaves the board as it was."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        task_id, from_status, from_lane = bytes(data.data(MIME).data()).decode().split("\n", 2)
        to_lane = self.lanes[self.slots[parent.row()].lane].key
        self.card_dropped.emit(task_id, from_status, STATUSES[parent.column()], from_lane, to_lane)
        return False


class CardDelegate(QStyledItemDelegate):
    """Paints a card: the task, the organization, the assignee and due date, and
    days overdue in red (with the word, not colour alone)."""

    def __init__(self, today: date, parent: Any = None) -> None:
        super().__init__(parent)
        self.today = today

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        model = index.model()
        header = isinstance(model, BoardModel) and model.slots[index.row()].offset < 0
        return QSize(260, HEADER_HEIGHT if header else CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        if not isinstance(model, BoardModel):
            return super().paint(painter, option, index)
        slot = model.slots[index.row()]
        painter.save()
        rect: QRect = option.rect  # type: ignore[attr-defined]
        if slot.offset < 0:
            painter.fillRect(rect, QColor("#EFEFEF"))
            if index.column() == 0:
                font = QFont(QApplication.font())
                font.setBold(True)
                painter.setFont(font)
                painter.setPen(QColor("#333"))
                painter.drawText(
                    rect.adjusted(10, 0, 2000, 0), Qt.AlignmentFlag.AlignVCenter, str(index.data())
                )
            painter.restore()
            return
        card = model.card_at(index)
        if card is None:
            painter.restore()
            return
        box = rect.adjusted(6, 4, -6, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        late = card.days_overdue > 0
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor("#FBE3E4" if selected else "#F4F4F4" if card.status == "done" else "#FFFFFF"))
        painter.setPen(QPen(QColor(PARTY_RED if late else "#D0D0D0"), 1.5 if late else 1))
        painter.drawRoundedRect(box, 4, 4)
        inner = box.adjusted(8, 5, -8, -5)
        base = QFont(QApplication.font())
        title = QFont(base)
        title.setBold(True)
        painter.setFont(title)
        painter.setPen(QColor("#777" if card.status == "done" else "#222"))
        metrics = painter.fontMetrics()
        painter.drawText(
            inner,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            metrics.elidedText(card.record or card.title, Qt.TextElideMode.ElideRight, inner.width()),
        )
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        painter.setFont(small)
        metrics = painter.fontMetrics()
        line = metrics.height()
        painter.setPen(QColor("#555"))
        second = inner.adjusted(0, line + 3, 0, 0)
        painter.drawText(
            second,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            metrics.elidedText(
                card.title if card.record else card.note or "", Qt.TextElideMode.ElideRight, inner.width()
            ),
        )
        third = inner.adjusted(0, 2 * (line + 2), 0, 0)
        due = f"{card.due_on:%m-%d}" if card.due_on else t("无时限")
        left = metrics.elidedText(f"{card.assignee} · {due}", Qt.TextElideMode.ElideRight, inner.width() - 90)
        painter.drawText(third, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, left)
        if late:
            painter.setPen(QColor(PARTY_RED))
            painter.drawText(
                third,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                t("逾期 {n} 天").format(n=card.days_overdue),
            )
        elif card.override_reason:
            painter.setPen(QColor("#B26B00"))
            painter.drawText(
                third, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, t("特殊情况销号")
            )
        elif card.status == "done":
            painter.setPen(QColor("#2E7D32"))
            painter.drawText(
                third, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, "✓ " + t("已销号")
            )
        painter.restore()
