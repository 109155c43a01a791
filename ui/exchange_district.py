"""The district's side of 数据交换: its keys, the sub-districts it has registered (each
given an enrolment file, each handing back a public-key file, revocable), importing
their packages (a dry run first, then the import), and a receipt for one station."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import SYNC, Changes
from app.errors import LiangxinError
from app.sync import keyfiles, keys
from app.sync.apply import Imported
from app.sync.down import down_job
from app.sync.export import Made
from app.sync.keys import REPORT_OVERDUE_DAYS
from app.sync.receipt import Receipt, write_receipt
from ui import exchange_dialogs as dialogs
from ui.dialogs import confirm
from ui.exchange_dialogs import (
    FORGOTTEN_DISTRICT,
    ExportSummaryDialog,
    ImportDialog,
    ImportWords,
    StationDialog,
    ask_folder,
    ask_open,
    ask_open_many,
    ask_save,
    busy,
    day,
    fill_table,
    grouped,
    hint_label,
    import_after_dry_run,
    list_table,
    open_keys,
    selected,
)
from ui.i18n import N_, t, ui_settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from ui.exchange_page import ExchangePage

STATION_COLUMNS = [
    (N_("街道代码"), 96),
    (N_("街道名称"), 110),
    (N_("最近上报"), 124),
    (N_("距今天数"), 76),
    (N_("已收到至"), 84),
    (N_("拒收"), 64),
    (N_("密钥编号"), 180),
    (N_("状态"), 160),
]
CODE, NAME, LAST, LAG, RECEIVED, REFUSED, KEY, STATE = range(len(STATION_COLUMNS))
NUMBERS = (LAG, RECEIVED, REFUSED)
# A sub-district that has not reported for too long: a soft warning, not an alarm.
OVERDUE_BACKGROUND, OVERDUE_TEXT = "#FFF1D6", "#8A5300"


class DistrictSide(QWidget):
    def __init__(self, page: ExchangePage) -> None:
        super().__init__(page)
        self.page, self.store = page, page.store

        self.keys_box = QGroupBox(t("区的密钥"))
        self.keys_text = QLabel()
        self.keys_text.setWordWrap(True)
        self.keys_button = QPushButton(t("生成区里的密钥…"))
        self.keys_button.setObjectName("primary")
        self.keys_button.clicked.connect(self.make_keys)
        row = QHBoxLayout(self.keys_box)
        row.addWidget(self.keys_text, 1)
        row.addWidget(self.keys_button)

        self.stations_box = QGroupBox(t("已登记的街道"))
        self.stations = list_table([(t(title), width) for title, width in STATION_COLUMNS])
        self.stations.itemSelectionChanged.connect(self._station_selected)
        self.stations.doubleClicked.connect(lambda *_: self.open_station())
        self.stations_hint = hint_label(
            t("底色标黄的街道超过 {n} 天未上报（或还没有上报过）。双击一行，查看与该街道的交换记录。").format(
                n=REPORT_OVERDUE_DAYS
            )
        )
        self.add_button = QPushButton(t("登记街道…"))
        self.add_button.clicked.connect(self.add_station)
        self.pubkey_button = QPushButton(t("载入街道公钥…"))
        self.pubkey_button.clicked.connect(self.load_public_key)
        self.reissue_button = QPushButton(t("重新生成登记文件…"))
        self.reissue_button.clicked.connect(self.reissue)
        self.receipt_button = QPushButton(t("生成回执…"))
        self.receipt_button.clicked.connect(self.make_receipt)
        self.revoke_button = QPushButton(t("撤销登记…"))
        self.revoke_button.clicked.connect(self.revoke)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.pubkey_button, self.reissue_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.receipt_button)
        buttons.addWidget(self.revoke_button)
        column = QVBoxLayout(self.stations_box)
        column.addWidget(self.stations, 1)
        column.addWidget(self.stations_hint)
        column.addLayout(buttons)

        self.import_box = QGroupBox(t("导入数据包"))
        self.import_button = QPushButton(t("导入数据包…"))
        self.import_button.setObjectName("primary")
        self.import_button.clicked.connect(self.import_files)
        self.folder_button = QPushButton(t("导入文件夹…"))
        self.folder_button.clicked.connect(self.import_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self.import_box)
        column.addLayout(buttons)
        column.addWidget(
            hint_label(
                t(
                    "也可以把 .lxpkg 数据包或装有数据包的文件夹直接拖到本页。先预检、再导入；"
                    "导入后回执写在数据包旁边，交给街道载入。"
                )
            )
        )

        # 下发: what the district owns goes to the selected sub-district only.
        self.down_box = QGroupBox(t("下发数据包"))
        self.down_button = QPushButton(t("生成下发数据包…"))
        self.down_button.setObjectName("primary")
        self.down_button.clicked.connect(self.make_down)
        self.down_full = QCheckBox(t("全量（重发给该街道的全部内容）"))
        self.down_full.setToolTip(
            t("平时不用勾选：只发上次下发以后的新内容。街道重装程序或数据丢失时才勾选。")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.down_button)
        buttons.addWidget(self.down_full)
        buttons.addStretch(1)
        self.down_hint = hint_label("")
        column = QVBoxLayout(self.down_box)
        column.addLayout(buttons)
        column.addWidget(self.down_hint)

        boxes = QHBoxLayout()
        boxes.addWidget(self.import_box, 1)
        boxes.addWidget(self.down_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.keys_box)
        layout.addWidget(self.stations_box, 1)
        layout.addLayout(boxes)

    # -- what is on screen -----------------------------------------------------------------
    def show_data(self, data: dict[str, Any]) -> None:
        own = data["keys"]
        has_keys = bool(own["keys"])
        if has_keys:
            self.keys_text.setText(
                t(
                    "区的密钥编号 {key}（生成于 {day}）。登记街道时请把这个编号告诉街道，供其电话核对。"
                ).format(key=grouped(own["key_id"]), day=day(own["created_at"]))
            )
        else:
            self.keys_text.setText(
                t("还没有区的密钥。先生成密钥（设定一个口令），才能登记街道、导入街道上报的数据包。")
            )
        self.keys_button.setVisible(not has_keys)
        for widget in (self.stations_box, self.import_box, self.down_box):
            widget.setEnabled(has_keys)
        rows = []
        for station in data["stations"]:
            if station["role"] != "subdistrict":
                continue
            if station["revoked"]:
                state = t("已撤销登记（{day}）").format(day=day(station["revoked_at"]))
            elif not station["keys"]:
                state = t("等待街道交回公钥文件")
            elif self.late(station):
                state = (
                    t("超过 {n} 天未上报").format(n=REPORT_OVERDUE_DAYS)
                    if station["last_import_on"]
                    else t("尚未上报")
                )
            else:
                state = t("正常")
            received, lag, refused = station["last_received_seq"], station["lag_days"], station["refused"]
            last = station["last_import_on"]
            rows.append(
                (
                    station,
                    [
                        station["code"],
                        station["name"],
                        day(date.fromisoformat(last)) if last else t("尚未上报"),
                        (t("今天") if lag == 0 else t("{n} 天").format(n=f"{lag:,}"))
                        if lag is not None
                        else "—",
                        f"#{received:,}" if received else "—",
                        t("{n} 条").format(n=f"{refused:,}") if refused else "—",
                        grouped(station["key_id"]) or "—",
                        state,
                    ],
                )
            )
        fill_table(self.stations, rows)
        for row, (station, _) in enumerate(rows):
            for column in NUMBERS:
                self.stations.item(row, column).setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            if self.late(station):
                self._mark_late(row, station)
        self.stations_box.setTitle(t("已登记的街道（{n} 个）").format(n=len(rows)))
        self._station_selected()

    @staticmethod
    def late(station: dict[str, Any]) -> bool:
        """Overdue, among those that can report (keys handed back, not revoked)."""
        return bool(station["overdue"] and station["keys"] and not station["revoked"])

    def _mark_late(self, row: int, station: dict[str, Any]) -> None:
        tip = (
            t("超过 {n} 天未上报").format(n=REPORT_OVERDUE_DAYS)
            if station["last_import_on"]
            else t("尚未上报：还没有导入过这个街道的上报数据包")
        )
        for column in range(self.stations.columnCount()):
            item = self.stations.item(row, column)
            item.setBackground(QColor(OVERDUE_BACKGROUND))
            item.setToolTip(tip)
        self.stations.item(row, STATE).setForeground(QColor(OVERDUE_TEXT))

    @staticmethod
    def grows() -> bool:
        return True

    def _station_selected(self) -> None:
        station = selected(self.stations)
        for button in (self.reissue_button, self.receipt_button, self.revoke_button):
            button.setEnabled(station is not None)
        usable = station is not None and bool(station["keys"]) and not station["revoked"]
        if station is not None:
            self.revoke_button.setEnabled(not station["revoked"])
            self.receipt_button.setEnabled(usable)
        self.down_button.setEnabled(usable)
        self.down_full.setEnabled(usable)
        if station is None:
            text = t("先在上面的列表中选中一个街道。")
        elif not usable:
            text = t("“{name}”已撤销登记或还没有交回公钥文件，不能给它生成下发数据包。").format(
                name=station["name"]
            )
        else:
            text = t(
                "发给“{name}”：区里给它的专项行动和任务、考评模板、设置（含统一设定）；只有它能打开。"
            ).format(name=station["name"])
        folder = str(ui_settings().value("exchange/folder", ""))
        if folder:
            text += "\n" + t("上次保存到：{folder}").format(folder=folder)
        self.down_hint.setText(text)

    def open_station(self) -> None:
        """A double-click on a station: what it sent, and what was sent to it."""
        station = selected(self.stations)
        if station is not None:
            self.page.show_station(station)

    def _refused(self, title: str) -> Callable[[LiangxinError], None]:
        def show(error: LiangxinError) -> None:
            self.page.say(error.message)
            QMessageBox.warning(self, title, error.message)

        return show

    # -- keys and stations -----------------------------------------------------------------
    def make_keys(self) -> None:
        try:
            keys.check_init_keys(self.store)
        except LiangxinError as exc:
            self._refused(t("生成区里的密钥"))(exc)
            return
        passphrase = dialogs.ask_new_passphrase(
            self,
            t("设定区的密钥口令"),
            t(
                "区的密钥用来给登记文件和回执签名、打开街道上报的数据包。请设定密钥口令，"
                "每次运行程序输入一次。"
            ),
            t(FORGOTTEN_DISTRICT),
        )
        if passphrase is None:
            return
        try:
            with busy():
                self.page.runner.call(lambda: keys.init_keys(self.store, passphrase), Changes.of(SYNC))
        except LiangxinError as exc:
            self._refused(t("未能生成区里的密钥"))(exc)
            return
        self.page.load()
        text = t("区的密钥已生成。下一步：登记街道，把登记文件交给各街道。")
        self.page.say(text)
        QMessageBox.information(self, t("生成区里的密钥"), text)

    def add_station(self) -> None:
        dialog = StationDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._enrolment_file(*dialog.values())

    def reissue(self) -> None:
        station = selected(self.stations)
        if station is not None:
            self._enrolment_file(station["code"], station["name"])

    def _enrolment_file(self, code: str, name: str) -> None:
        if not open_keys(self, self.store, self.page.runner):
            return
        path = ask_save(self, t("保存登记文件"), f"{code}-{name}-登记文件.json", t("登记文件 (*.json)"))
        if not path:
            return
        try:
            result = self.page.runner.call(
                lambda: keys.add_station(self.store, code, name, enrolment_out=Path(path)), Changes.of(SYNC)
            )
        except LiangxinError as exc:
            self._refused(t("未能登记街道"))(exc)
            return
        self.page.load()
        text = t(
            "已登记“{name}”（{code}），登记文件已保存到“{path}”。\n\n"
            "请把登记文件交给街道，并告诉对方区的密钥编号 {key}，让其电话核对。"
            "街道载入后会交回一个公钥文件，请用“载入街道公钥”载入。"
        ).format(
            name=result["name"],
            code=result["code"],
            path=result["enrolment_file"],
            key=grouped(result["district_key_id"]),
        )
        self.page.say(t("已登记“{name}”（{code}）。").format(name=result["name"], code=result["code"]))
        QMessageBox.information(self, t("登记街道"), text)

    def load_public_key(self) -> None:
        path = ask_open(self, t("载入街道交回的公钥文件"), t("公钥文件 (*.json);;所有文件 (*)"))
        if not path:
            return
        try:  # the file names its station: the clerk need not pick the row first
            offered = keyfiles.read_station_keys(Path(path))
        except LiangxinError as exc:
            self._refused(t("未能载入公钥文件"))(exc)
            return
        code = offered["code"]
        known = any(s["code"] == code for s in self.page.data.get("stations", []))
        try:
            result = self.page.runner.call(
                lambda: keys.add_station(
                    self.store, code, None if known else offered["name"], pubkey_file=Path(path)
                ),
                Changes.of(SYNC),
            )
        except LiangxinError as exc:
            self._refused(t("未能载入公钥文件"))(exc)
            return
        self.page.load()
        if result["keys_change"] == "same":
            text = t("“{name}”的这份公钥与已登记的相同，没有改动。").format(name=result["name"])
        else:
            text = t(
                "已载入“{name}”（{code}）的公钥，密钥编号 {key}。请与街道电话核对这个编号；"
                "核对无误后即可导入它上报的数据包。"
            ).format(name=result["name"], code=result["code"], key=grouped(result["key_id"]))
        self.page.say(text)
        QMessageBox.information(self, t("载入街道公钥"), text)

    def revoke(self) -> None:
        station = selected(self.stations)
        if station is None or not confirm(
            self,
            t("撤销登记"),
            t(
                "撤销“{name}”（{code}）的登记后，它上报的数据包一律拒收，已导入的数据保留。"
                "要恢复，须为它重新生成登记文件，让其重新登记并交回新的公钥文件。确定撤销吗？"
            ).format(name=station["name"], code=station["code"]),
            QMessageBox.StandardButton.Yes,
        ):
            return

        def done(result: dict[str, Any]) -> None:
            text = t("已撤销“{name}”（{code}）的登记，今后它的数据包一律拒收。").format(
                name=result["name"], code=result["code"]
            )
            self.page.say(text)
            self.page.load()
            QMessageBox.information(self, t("撤销登记"), text)

        code = station["code"]
        self.page.runner.write(
            lambda: keys.revoke_station(self.store, code),
            done,
            self._refused(t("未能撤销登记")),
            Changes.of(SYNC),
        )

    def make_receipt(self) -> None:
        station = selected(self.stations)
        if station is None or not open_keys(self, self.store, self.page.runner):
            return
        folder = ask_folder(self, t("选择保存回执的文件夹（如 U 盘）"))
        if not folder:
            return

        def done(receipt: Receipt) -> None:
            self.page.say(receipt.message)
            self.page.load()
            QMessageBox.information(self, t("生成回执"), receipt.message)

        code = station["code"]
        self.page.runner.write(
            lambda: write_receipt(self.store, code, folder), done, self._refused(t("未能生成回执"))
        )

    # -- sending down ------------------------------------------------------------------------
    def make_down(self) -> None:
        station = selected(self.stations)
        if station is None or not open_keys(self, self.store, self.page.runner):
            return
        folder = ask_folder(
            self, t("选择保存“{name}”下发数据包的文件夹（如 U 盘）").format(name=station["name"])
        )
        if not folder:
            return
        code, name, full = station["code"], station["name"], self.down_full.isChecked()
        self.page.say(t("正在为“{name}”生成下发数据包……").format(name=name))

        def made(result: Made) -> None:
            self.page.say(t("已为“{name}”生成下发数据包：{path}").format(name=name, path=result.path))
            self.down_full.setChecked(False)
            self.page.load()
            ExportSummaryDialog(result, self, to=name).exec()

        self.page.runner.job(
            self,
            t("生成下发数据包"),
            lambda: down_job(self.store, code, folder, full=full),
            made,
            self._refused(t("未能生成下发数据包")),
            writes=True,
            changes=Changes.of(SYNC),
            on_cancel=lambda: self.page.say(t("已取消，没有生成数据包。")),
        )

    # -- importing -------------------------------------------------------------------------
    def import_files(self) -> None:
        paths = ask_open_many(self, t("选择要导入的数据包"), t("数据包 (*.lxpkg)"))
        if paths:
            self.run_import(paths)

    def import_folder(self) -> None:
        folder = ask_folder(self, t("选择装有数据包的文件夹"))
        if folder:
            self.run_import([folder])

    def run_import(self, paths: list[str]) -> None:
        """Dry run first (nothing written), its summary with 导入 / 取消, then the import."""
        if not open_keys(self, self.store, self.page.runner):
            return
        words = ImportWords(
            checking=t("正在预检数据包……"),
            check_title=t("预检数据包"),
            check_cancelled=t("已取消，没有导入任何数据。"),
            declined=t("没有导入任何数据。"),
            title=t("导入数据包"),
            failed=t("未能导入数据包"),
            cancelled=t("已取消：尚未导入的数据包没有导入，取消前已导入的保留（见交换记录）。"),
        )
        import_after_dry_run(self, self.page, self.store, paths, words, self._imported)

    def _imported(self, results: list[Imported]) -> None:
        self.page.say(ImportDialog.summary(results))
        self.page.load()
        ImportDialog(results, preview=False, parent=self).exec()
