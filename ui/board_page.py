"""专项行动: the task board (挂图作战) with swimlanes, the same tasks as a list, and the
campaign's progress with its burn-down. Dragging a card is one service call; a
refused move leaves the card where it was and says why."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import LiangxinError
from app.services import campaigns, task_board, task_moves
from app.services.campaign_progress import CampaignProgress, campaign_progress
from app.services.task_board import STATUS, Card, TaskFilter
from app.store import Store
from ui.background import Background
from ui.board_model import CARD_HEIGHT, HEADER_HEIGHT, BoardModel, CardDelegate
from ui.campaign_dialogs import CampaignDialog, CloseOutDialog, GenerateDialog, TaskDialog
from ui.drill import record_table
from ui.files import ask_save_path, write_report
from ui.i18n import t
from ui.layout import beside_panel, page_layout
from ui.state import window_state
from ui.style import PARTY_RED
from ui.table_model import ID_ROLE

DEBOUNCE_MS = 180
Index = QModelIndex | QPersistentModelIndex


class TaskListModel(QAbstractTableModel):
    """The board's tasks as rows, for people who prefer a table (sorted in SQL)."""

    COLUMNS = (
        ("due_on", "完成时限"),
        ("status", "状态"),
        ("record", "对象"),
        ("title", "任务"),
        ("assignee", "责任单位"),
        ("community", "社区"),
        ("phase", "阶段"),
    )
    sort_requested = Signal(str, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.cards: list[Card] = []

    def set_cards(self, cards: list[Card]) -> None:
        self.beginResetModel()
        self.cards = cards
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cards)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cards):
            return None
        card = self.cards[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role == ID_ROLE:
            return card.id
        if role == Qt.ItemDataRole.ForegroundRole and card.days_overdue and key in ("due_on", "status"):
            from PySide6.QtGui import QColor

            return QColor(PARTY_RED)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "status":
                text = t(STATUS.label(card.status))
                return text + (t("（逾期 {n} 天）").format(n=card.days_overdue) if card.days_overdue else "")
            value = getattr(card, key)
            return value.isoformat() if isinstance(value, date) else str(value or "")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return t(self.COLUMNS[section][1])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_requested.emit(self.COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)


class ProgressPanel(QWidget):
    """Done / open / overdue per campaign and phase, the burn-down, and per assignee."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setFormat("%p%")
        self.phase_box = QVBoxLayout()
        self.chart: Any = None  # the burn-down (pyqtgraph), made on first use
        self.chart_holder = QVBoxLayout()
        self.assignees = QTableWidget(0, 4)
        self.assignees.setHorizontalHeaderLabels([t("责任单位"), t("已销号"), t("未完成"), t("逾期")])
        self.assignees.verticalHeader().hide()
        self.assignees.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.assignees.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        for column in (1, 2, 3):
            # Fixed widths: sizing to contents re-measures every row on each cell set (seconds at 300 units).
            header.setSectionResizeMode(column, header.ResizeMode.Fixed)
            self.assignees.setColumnWidth(column, 58)
        heading = QLabel(t("进度"))
        heading.setStyleSheet("font-size: 11.5pt; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.bar)
        layout.addLayout(self.phase_box)
        layout.addLayout(self.chart_holder, 2)
        layout.addWidget(self.assignees, 2)

    def show_progress(self, progress: CampaignProgress) -> None:
        total = progress.total
        self.summary.setText(
            t("共 {n} 项：已销号 {done}，未完成 {open}，其中逾期 {late}。").format(
                n=f"{total.total:,}",
                done=f"{total.done:,}",
                open=f"{total.open:,}",
                late=f"{total.overdue:,}",
            )
        )
        self.bar.setValue(round(total.percent))
        while self.phase_box.count():
            item = self.phase_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for phase in progress.phases:
            row = QLabel(
                t("{name}（截止 {end}）：{done}/{n}，逾期 {late}").format(
                    name=phase.name,
                    end=phase.ends_on.strftime("%m-%d") if phase.ends_on else "—",
                    done=phase.done,
                    n=phase.total,
                    late=phase.overdue,
                )
            )
            row.setStyleSheet(f"color: {PARTY_RED};" if phase.overdue else "")
            self.phase_box.addWidget(row)
            bar = QProgressBar()
            bar.setMaximum(max(phase.total, 1))
            bar.setValue(phase.done)
            bar.setFixedHeight(12)
            bar.setTextVisible(False)
            self.phase_box.addWidget(bar)
        if self.chart is None:
            from ui.charts import BurnDown

            self.chart = BurnDown(t("未完成任务（燃尽图）"))
            self.chart_holder.addWidget(self.chart)
        self.chart.show_burn_down(
            [{"date": p.date.isoformat(), "open": p.open} for p in progress.burn_down],
            [(p.name, p.ends_on) for p in progress.phases],
        )
        rows = progress.assignees
        self.assignees.setRowCount(len(rows))
        for r, a in enumerate(rows):
            for c, value in enumerate((a.key, a.done, a.open, a.overdue)):
                item = QTableWidgetItem(f"{value:,}" if isinstance(value, int) else str(value))
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 3 and value:
                    item.setForeground(Qt.GlobalColor.red)
                self.assignees.setItem(r, c, item)


class BoardPage(QWidget):
    open_link = Signal(str, str)
    status = Signal(str)
    loaded = Signal()

    open_after_export = True

    def __init__(
        self,
        store: Store,
        runner: Background,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.runner, self.today = store, runner, today
        self.cards: list[Card] = []  # shown
        self.all_cards: list[Card] = []  # the campaign's
        self.by_id: dict[str, Card] = {}
        self.phases: list[str] = []
        self.sort_key, self.descending = "due_on", False
        self._ready = False  # the list's header asks to sort while the page is being built

        title = QLabel(t("专项行动"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.campaign = QComboBox()
        self.campaign.setMinimumWidth(300)
        self.campaign.currentIndexChanged.connect(lambda *_: self.campaign_changed())
        self.new_button = new = QPushButton(t("新建专项行动…"))
        new.clicked.connect(self.new_campaign)
        self.generate_button = QPushButton(t("从问题生成任务…"))
        self.generate_button.setObjectName("primary")
        self.generate_button.clicked.connect(self.generate)
        self.add_button = QPushButton(t("新增任务…"))
        self.add_button.clicked.connect(self.add_task)
        self.print_button = QPushButton(t("打印通报…"))
        self.print_button.setToolTip(t("按今天的进度生成 PDF 通报（Ctrl+P）"))
        self.print_button.clicked.connect(self.print_notice)
        self.export_button = QPushButton(t("导出表格…"))
        self.export_button.clicked.connect(self.export_notice)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.campaign, 1)
        for button in (new, self.generate_button, self.add_button, self.export_button, self.print_button):
            top.addWidget(button)

        self.phase = QComboBox()
        self.assignee = QComboBox()
        self.community = QComboBox()
        for combo, tip in ((self.phase, "阶段"), (self.assignee, "责任单位"), (self.community, "社区")):
            combo.setToolTip(t(tip))
            combo.currentIndexChanged.connect(lambda *_: self.apply_filters())
        self.overdue = QCheckBox(t("只看逾期"))
        self.overdue.toggled.connect(lambda *_: self.apply_filters())
        self.search = QLineEdit()
        self.search.setPlaceholderText(t("搜索：组织名称、任务或责任单位"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda *_: self._debounce.start())
        self.lane_by = QComboBox()
        for key, word in task_board.LANES.items():
            # A sub-district is the only 承办街道 of its own tasks: one lane says nothing.
            if key != "station" or store.station.role == "district":
                self.lane_by.addItem(t("泳道：按{lane}").format(lane=t(word)), key)
        self.lane_by.currentIndexChanged.connect(lambda *_: self.show_cards(self.cards))
        self.view_switch = QComboBox()
        self.view_switch.addItem(t("看板"), "board")
        self.view_switch.addItem(t("列表"), "list")
        self.view_switch.currentIndexChanged.connect(lambda i: self.views.setCurrentIndex(i))
        filters = QHBoxLayout()
        filters.addWidget(QLabel(t("筛选：")))
        for w in (self.phase, self.assignee, self.community, self.overdue):
            filters.addWidget(w)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.lane_by)
        filters.addWidget(self.view_switch)

        self.model = BoardModel(self)
        self.model.card_dropped.connect(self.card_dropped)
        self.board = QTableView()
        self.board.setModel(self.model)
        self.board.setItemDelegate(CardDelegate(today(), self.board))
        self.board.setShowGrid(False)
        self.board.verticalHeader().hide()
        self.board.verticalHeader().setDefaultSectionSize(CARD_HEIGHT)
        self.board.horizontalHeader().setSectionResizeMode(self.board.horizontalHeader().ResizeMode.Stretch)
        self.board.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.board.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.board.setDragEnabled(True)
        self.board.setAcceptDrops(True)
        self.board.setDropIndicatorShown(True)
        self.board.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.board.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.board.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.board.doubleClicked.connect(self.open_card)
        self.list_model = TaskListModel(self)
        self.list_model.sort_requested.connect(self.sort_by)
        self.list = record_table()
        self.list.setModel(self.list_model)
        self.list.setSortingEnabled(True)
        self.list.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((96, 130, 220, 240, 150, 100, 80)):
            self.list.setColumnWidth(column, width)
        self.list.doubleClicked.connect(self.open_card)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #666; font-size: 12pt; padding: 40px;")
        self.views = QStackedWidget()
        self.views.addWidget(self.board)
        self.views.addWidget(self.list)
        self.views.addWidget(self.empty)
        self.count = QLabel()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.views, 1)
        column.addWidget(self.count)
        self.progress = ProgressPanel()
        self.splitter = beside_panel(left, self.progress, (900, 330))
        page_layout(self, [top, filters], self.splitter)
        state = window_state().value("board/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        self._ready = True
        self.load_campaigns()

    # -- campaigns -------------------------------------------------------------------------
    def load_campaigns(self, select: str | None = None) -> None:
        current = select or self.campaign.currentData() or window_state().value("board/campaign")
        self.campaign.blockSignals(True)
        self.campaign.clear()
        for c in campaigns.list_campaigns(self.store):
            self.campaign.addItem(c["name"], c["id"])
        index = self.campaign.findData(current)
        self.campaign.setCurrentIndex(index if index >= 0 else 0)
        self.campaign.blockSignals(False)
        self.campaign_changed()

    @property
    def campaign_id(self) -> str | None:
        return self.campaign.currentData()

    def campaign_changed(self) -> None:
        has = self.campaign_id is not None
        for button in (self.generate_button, self.add_button, self.print_button, self.export_button):
            button.setEnabled(has)
        if has:
            window_state().setValue("board/campaign", self.campaign_id)
        self.phases = (
            [p["name"] for p in campaigns.get_campaign(self.store, self.campaign_id)["phases"]] if has else []
        )
        self.reload()

    def fill_filters(self) -> None:
        """The filter boxes offer what the campaign's cards hold (kept if still there)."""
        choices = {
            "phase": self.phases,
            "assignee": sorted({c.assignee for c in self.all_cards if c.assignee}),
            "community": sorted({c.community for c in self.all_cards if c.community}),
        }
        for combo, key, everything in (
            (self.phase, "phase", "全部阶段"),
            (self.assignee, "assignee", "全部责任单位"),
            (self.community, "community", "全部社区"),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(t(everything), None)
            for value in choices[key]:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def new_campaign(self) -> None:
        dialog = CampaignDialog(self.store, self)
        if dialog.exec() and dialog.created:
            self.load_campaigns(dialog.created["id"])
            self.status.emit(t("已建立专项行动“{name}”。").format(name=dialog.created["name"]))

    # -- loading ---------------------------------------------------------------------------
    def task_filter(self) -> TaskFilter:
        return TaskFilter(
            campaign=self.campaign_id,
            phase=self.phase.currentData(),
            assignee=self.assignee.currentData(),
            community=self.community.currentData(),
            overdue_only=self.overdue.isChecked(),
            search=self.search.text(),
        )

    def reload(self) -> None:
        """Every card of the campaign and its progress, then the filters applied."""
        if self.campaign_id is None:
            self.all_cards, self.by_id = [], {}
            self.show_cards([])
            return
        flt, today = TaskFilter(campaign=self.campaign_id), self.today()
        self.runner.read(
            "board",
            lambda: task_board.task_cards(self.store, flt, today=today),
            self._cards_loaded,
            self._failed,
        )
        campaign = self.campaign_id
        self.runner.read(
            "progress",
            lambda: campaign_progress(self.store, campaign, today),
            self.progress.show_progress,
        )

    def _cards_loaded(self, cards: list[Card]) -> None:
        self.all_cards, self.by_id = cards, {c.id: c for c in cards}
        self.fill_filters()
        self.apply_filters()

    def _failed(self, error: Exception) -> None:
        self.status.emit(str(getattr(error, "message", error)))

    def apply_filters(self) -> None:
        """A filter or sort changed: SQL says which cards, in which order; the cards are at hand."""
        if not self._filtered() and (self.sort_key, self.descending) == ("due_on", False):
            self.show_cards(self.all_cards)
            return
        flt, sort, descending, today = self.task_filter(), self.sort_key, self.descending, self.today()
        self.runner.read(
            "filter",
            lambda: task_board.task_ids(self.store, flt, sort=sort, descending=descending, today=today),
            lambda ids: self.show_cards([self.by_id[i] for i in ids if i in self.by_id]),
            self._failed,
        )

    def show_cards(self, cards: list[Card]) -> None:
        self.cards = cards
        lane_by = self.lane_by.currentData()
        self.model.set_lanes(task_board.board_lanes(cards, lane_by), lane_by)
        self.board.clearSpans()
        headers = set(self.model.header_rows())
        for row in range(self.model.rowCount()):
            # Every row's height again: another lane choice moves the lane headers, and a
            # card row where a header stood would keep the header's height (cut in half).
            self.board.setRowHeight(row, HEADER_HEIGHT if row in headers else CARD_HEIGHT)
            if row in headers:
                self.board.setSpan(row, 0, 1, 3)
        self.list_model.set_cards(cards)
        overdue = sum(c.days_overdue > 0 for c in cards)
        self.count.setText(
            t("共 {n} 项任务，逾期 {late} 项").format(n=f"{len(cards):,}", late=f"{overdue:,}")
        )
        if self.campaign_id is None:
            self.empty.setText(
                t("还没有专项行动。点击“新建专项行动…”，可按“大组建”专项攻坚模板一次建好阶段和责任单位。")
            )
            self.views.setCurrentWidget(self.empty)
        elif not cards and not self._filtered():
            self.empty.setText(
                t("这个专项行动还没有任务。点击“从问题生成任务…”，按规则检查出的问题一键生成，每个单位一项。")
            )
            self.views.setCurrentWidget(self.empty)
        else:
            self.views.setCurrentIndex(self.view_switch.currentIndex())
        self.loaded.emit()

    def _filtered(self) -> bool:
        flt = self.task_filter()
        return bool(flt.phase or flt.assignee or flt.community or flt.overdue_only or flt.search.strip())

    def sort_by(self, key: str, descending: bool) -> None:
        self.sort_key, self.descending = key, descending
        if self._ready:
            self.apply_filters()

    # -- moving cards --------------------------------------------------------------------
    def allow_changes(self, writer: bool) -> None:
        """A 查看 account reads the board: cards are not dragged between lanes."""
        self.board.setDragEnabled(writer)
        self.board.setAcceptDrops(writer)

    def card_dropped(
        self, task_id: str, from_status: str, to_status: str, from_lane: str, to_lane: str
    ) -> None:
        """One drop, one service call: lane and column change together or not at all."""
        card = next((c for c in self.cards if c.id == task_id), None)
        if card is None:
            return
        lane = to_lane if to_lane != from_lane else None
        lane_by = self.model.lane_by
        status = to_status if to_status != from_status else None
        try:
            if status == "done" and (lane is None or lane_by == "assignee"):
                if not self.ask_close_out(card, lane):
                    self.reload()
                    return
            else:
                today = self.today()
                self.runner.call(
                    lambda: task_moves.drop_card(
                        self.store, task_id, lane, status, lane_by=lane_by, today=today
                    ),
                    lambda moved: moved.changes,
                )
        except LiangxinError as exc:
            self.reload()
            self.refused(exc.message)
            return
        self.status.emit(
            t("已将“{record}”移到“{status}”").format(
                record=card.record or card.title, status=t(STATUS.label(to_status))
            )
            + (t("，责任单位改为 {who}").format(who=to_lane) if lane is not None else "")
        )
        self.reload()

    def ask_close_out(self, card: Card, lane: str | None = None) -> bool:
        dialog = CloseOutDialog(self.store, card, self.today(), self, lane=lane, lane_by=self.model.lane_by)
        return bool(dialog.exec())

    def refused(self, message: str) -> None:
        QMessageBox.warning(self, t("未能移动"), message)

    def open_card(self, index: QModelIndex) -> None:
        card = (
            self.model.card_at(index) if index.model() is self.model else self.list_model.cards[index.row()]
        )
        if card is not None and card.record_kind and card.record_id:
            self.open_link.emit(card.record_kind, card.record_id)

    # -- generating and adding ---------------------------------------------------------------
    def generate(self) -> None:
        if self.campaign_id is None:
            return
        dialog = GenerateDialog(self.store, self.campaign_id, self.today(), self)
        if dialog.exec() and dialog.result_:
            self.status.emit(
                t("已生成任务 {n} 项；{old} 项此前已有任务，未重复生成。").format(
                    n=f"{dialog.result_.created:,}", old=f"{dialog.result_.skipped:,}"
                )
            )
            self.campaign_changed()

    def add_task(self) -> None:
        if self.campaign_id is None:
            return
        dialog = TaskDialog(self.store, self.campaign_id, self.today(), self)
        if dialog.exec():
            self.campaign_changed()

    # -- notice --------------------------------------------------------------------------------
    def ask_save_path(self, caption: str, name: str, pattern: str) -> str:
        return ask_save_path(self, caption, name, pattern)

    def print_notice(self) -> None:
        self._notice(".pdf", t("PDF 文件 (*.pdf)"), t("已生成通报：{path}"))

    def export_notice(self) -> None:
        self._notice(".xlsx", t("Excel 表格 (*.xlsx)"), t("已导出表格：{path}"))

    def _notice(self, suffix: str, pattern: str, done: str) -> None:
        if self.campaign_id is None:
            return
        today = self.today()
        path = self.ask_save_path(
            t("专项行动进度通报"),
            f"{self.campaign.currentText()}-进度通报-{today.isoformat()}{suffix}",
            pattern,
        )
        if not path:
            return
        from app.reports import notice  # reportlab loads on first print

        write = notice.print_notice_job if suffix == ".pdf" else notice.export_notice_job
        campaign = self.campaign_id
        write_report(
            self.runner,
            lambda: write(self.store, campaign, path, today),
            done,
            self.status.emit,
            self.open_after_export,
            self,
            t("专项行动进度通报"),
        )

    def save_layout(self) -> None:
        window_state().setValue("board/splitter", self.splitter.saveState())
