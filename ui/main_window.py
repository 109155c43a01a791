"""The main window: title with the station's name, an overview, a status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from app.stats import register_counts
from app.store import Store

PARTY_RED = "#C8161D"


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle(self.tr("两新组织党建工作台 — {name}").format(name=store.station.name))
        self.resize(1280, 800)
        counts = register_counts(store)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(32, 24, 32, 24)
        banner = QLabel(self.tr("两新组织党建工作台"))
        banner.setStyleSheet(f"color: white; background: {PARTY_RED}; padding: 14px 18px; font-size: 18pt;")
        layout.addWidget(banner)
        station = QLabel(f"{store.station.name}（{store.station.code}）")
        station.setStyleSheet("font-size: 14pt; padding: 12px 2px;")
        layout.addWidget(station)

        grid = QGridLayout()
        tiles = (
            (self.tr("两新组织"), counts["organizations"]["total"]),
            (self.tr("党组织"), counts["party_orgs"]["total"]),
            (self.tr("党员"), counts["members"]["total"]),
            (self.tr("口袋党员"), counts["members"]["pocket"]),
            (self.tr("流动党员"), counts["members"]["mobile"]),
        )
        for column, (label, value) in enumerate(tiles):
            tile = QLabel(f"<div style='font-size:22pt'>{value:,}</div><div style='color:#555'>{label}</div>")
            tile.setAlignment(Qt.AlignmentFlag.AlignCenter)
            tile.setStyleSheet("background: #F5F5F5; border: 1px solid #DDD; padding: 18px; min-width: 140px;")
            grid.addWidget(tile, 0, column)
        layout.addLayout(grid)
        hint = QLabel(
            self.tr("登记簿、工作台等页面将陆续加入。现在可以在命令行使用 liangxin org / party-org / member 等命令。")
        )
        hint.setStyleSheet("color: #666; padding-top: 16px;")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.setCentralWidget(central)

        self.statusBar().showMessage(
            self.tr("{name}（{code}） · 数据文件 {db} · 两新组织 {orgs:,} · 党组织 {parties:,} · 党员 {members:,}").format(
                name=store.station.name,
                code=store.station.code,
                db=store.location,
                orgs=counts["organizations"]["total"],
                parties=counts["party_orgs"]["total"],
                members=counts["members"]["total"],
            )
        )
