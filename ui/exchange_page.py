"""数据交换: where a sub-district enrols with the district, makes the packages it hands
up and loads the district's receipts; where the district registers its sub-districts
and imports their packages. Both keep the exchange history here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import SYNCED_KINDS, Changes
from app.errors import LiangxinError
from app.settings import current_settings
from app.store import Store
from app.sync.history import exchange_status, rollback_import, sync_history
from app.sync.keys import key_status, list_stations
from app.sync.package import SUFFIX
from app.sync.receipt import list_refusals
from ui.background import Background
from ui.dialogs import confirm
from ui.exchange_dialogs import fill_table, in_clerks_order, list_table, selected, when
from ui.i18n import N_, t

HISTORY_COLUMNS = [
    (N_("时间"), 160),
    (N_("操作"), 124),
    (N_("站点"), 100),
    (N_("文件"), 230),
    (N_("范围"), 130),
    (N_("状态"), 100),
    (N_("说明"), 160),
]
STATION_COLUMN = 2


def read_exchange(store: Store) -> dict[str, Any]:
    """Everything the page shows, in one read off the GUI thread."""
    district = store.station.role == "district"
    return {
        "status": exchange_status(store),
        "keys": key_status(store),
        "stations": list_stations(store) if district else [],
        "refusals": [] if district else list_refusals(store),
        "history": sync_history(store),
        "zone": current_settings(store)["station.time_zone"],
    }


class ExchangePage(QWidget):
    open_link = Signal(str, str)
    status = Signal(str)

    def __init__(self, store: Store, runner: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner = store, runner
        self.district = store.station.role == "district"
        self.data: dict[str, Any] = {}
        self.zone = ""
        self.only: dict[str, Any] | None = None  # the station whose history alone is shown

        title = QLabel(t("数据交换"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setStyleSheet("font-size: 11pt; color: #333; padding-left: 12px;")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.state, 1)

        from ui.exchange_district import DistrictSide
        from ui.exchange_station import StationSide

        self.side: DistrictSide | StationSide = DistrictSide(self) if self.district else StationSide(self)

        history = QGroupBox(t("交换记录"))
        self.history_box = history
        # A station opened from the district's list: its history alone, until 显示全部.
        self.only_text = QLabel()
        self.only_text.setTextFormat(Qt.TextFormat.PlainText)
        self.only_text.setStyleSheet("font-weight: bold;")
        self.all_button = QPushButton(t("显示全部记录"))
        self.all_button.clicked.connect(lambda: self.show_station(None))
        only = QHBoxLayout()
        only.addWidget(self.only_text, 1)
        only.addWidget(self.all_button)
        self.only_text.hide()
        self.all_button.hide()
        self.history = list_table([(t(title), width) for title, width in HISTORY_COLUMNS])
        self.history.itemSelectionChanged.connect(self._history_selected)
        self.history.setTextElideMode(Qt.TextElideMode.ElideRight)
        # 站点: the district imports from many; a sub-district deals with one district only.
        self.history.setColumnHidden(STATION_COLUMN, not self.district)
        # The selected row's whole sentence: a column cannot hold it.
        self.history_note = QLabel()
        self.history_note.setTextFormat(Qt.TextFormat.PlainText)
        self.history_note.setWordWrap(True)
        self.history_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_note.setStyleSheet("color: #444;")
        column = QVBoxLayout(history)
        column.addLayout(only)
        column.addWidget(self.history, 1)
        column.addWidget(self.history_note)
        self.rollback_button: QPushButton | None = None
        if self.district:
            row = QHBoxLayout()
            row.addWidget(
                QLabel(t("撤销导入：把区里恢复到导入这个数据包之前（只能撤销每个街道最近的一次导入）。"))
            )
            row.addStretch(1)
            self.rollback_button = QPushButton(t("撤销导入…"))
            self.rollback_button.setEnabled(False)
            self.rollback_button.clicked.connect(self.rollback)
            row.addWidget(self.rollback_button)
            column.addLayout(row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addWidget(self.side)
        layout.addWidget(history, 2)
        self.body = layout
        self.setAcceptDrops(self.district)
        self.load()

    # -- loading ------------------------------------------------------------------------
    def load(self) -> None:
        self.runner.read("exchange", lambda: read_exchange(self.store), self.show_data, self._failed)

    reload = load

    def _failed(self, error: LiangxinError) -> None:
        self.state.setText(t("读取失败：") + error.message)

    def show_data(self, data: dict[str, Any]) -> None:
        self.data, self.zone = data, data["zone"]
        self.state.setText(data["status"]["text"])
        self.side.show_data(data)
        # The side's own list (stations; refused records) shares the height with the history.
        self.body.setStretchFactor(self.side, 3 if self.side.grows() else 0)
        self._fill_history()

    def show_station(self, station: dict[str, Any] | None) -> None:
        """What one sub-district sent (and what was sent to it): the history of that
        station alone; ``None`` shows every station again."""
        self.only = station
        self.only_text.setVisible(station is not None)
        self.all_button.setVisible(station is not None)
        self._fill_history()

    def _fill_history(self) -> None:
        entries = self.data.get("history", [])
        if self.only is not None:
            entries = [e for e in entries if e["station"] == self.only["code"]]
        rows = []
        for entry in entries:
            span = f"#{entry['range'][0]:,}–#{entry['range'][1]:,}" if entry["range"][1] else ""
            if entry["full"]:
                span += "（" + t("全量") + "）"
            rows.append(
                (
                    entry,
                    [
                        when(entry["at"], self.zone),
                        entry["what"],
                        entry["station_name"] or "",
                        entry["file"],
                        span,
                        entry["state_label"],
                        entry["message"] or self._describe(entry),
                    ],
                )
            )
        fill_table(self.history, rows)
        if self.only is not None:
            self.only_text.setText(
                (
                    t("只显示“{name}”（{code}）的交换记录：收到的上报数据包和发给它的下发数据包。")
                    if rows
                    else t(
                        "“{name}”（{code}）还没有交换记录：还没有导入过它的上报数据包，也没有给它生成过下发数据包。"
                    )
                ).format(name=self.only["name"], code=self.only["code"])
            )
        self._history_selected()

    @staticmethod
    def _describe(entry: dict[str, Any]) -> str:
        from app.sync.export import describe_counts

        if entry["kind"] == "receipt":
            return t("区已确认至 #{n}").format(n=f"{entry['range'][1]:,}")
        counts = entry.get("counts", {})
        total = sum(sum(ops.values()) for ops in counts.values())
        lines = [describe_counts(table, ops) for table, ops in in_clerks_order(counts)]
        return t("共 {n} 条：").format(n=f"{total:,}") + "；".join(lines) if counts else ""

    def say(self, text: str) -> None:
        self.status.emit(text)

    # -- undoing an import (the district) ----------------------------------------------------
    def _history_selected(self) -> None:
        entry = selected(self.history)
        row = self.history.currentRow()
        note = self.history.item(row, len(HISTORY_COLUMNS) - 1) if entry else None
        self.history_note.setText(note.text() if note is not None else "")
        self.history_note.setVisible(bool(self.history_note.text()))
        if self.rollback_button is not None:
            self.rollback_button.setEnabled(bool(entry and entry["can_roll_back"]))

    def rollback(self) -> None:
        entry = selected(self.history)
        if not entry or not entry["can_roll_back"]:
            return
        if not confirm(
            self,
            t("撤销导入"),
            t(
                "撤销“{file}”（{station}）的导入后，区里这个街道的数据回到导入之前，"
                "下次可以重新导入这个数据包。确定撤销吗？"
            ).format(file=entry["file"], station=entry["station_name"]),
            QMessageBox.StandardButton.Yes,
        ):
            return

        def done(sentence: str) -> None:
            self.say(sentence)
            QMessageBox.information(self, t("撤销导入"), sentence)
            self.load()

        def refused(error: LiangxinError) -> None:
            QMessageBox.warning(self, t("未能撤销导入"), error.message)
            self.load()

        self.runner.write(
            lambda: rollback_import(self.store, entry["id"]), done, refused, Changes.of(*SYNCED_KINDS)
        )

    # -- packages dropped on the page (the district) -------------------------------------------
    @staticmethod
    def _dropped(event: QDragEnterEvent | QDropEvent) -> list[str]:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        return [p for p in paths if Path(p).is_dir() or p.lower().endswith(SUFFIX)]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.district and self._dropped(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped(event)
        if self.district and paths:
            event.acceptProposedAction()
            self.side.run_import(paths)  # type: ignore[union-attr]

    def save_layout(self) -> None:
        """The window calls this on closing; the exchange page keeps no layout between runs."""
