"""The main window: navigation on the left, one page per register, a toolbar, the
global search (Ctrl+K), and a status bar with the station, the file and counts."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.stats import register_counts
from app.store import Store
from ui.global_search import GlobalSearch
from ui.i18n import t, ui_settings
from ui.register_page import RegisterPage
from ui.registers import REGISTERS
from ui.style import STYLE
from ui.tasks import TaskRunner

NAV_ICONS = {
    "organization": QStyle.StandardPixmap.SP_DirHomeIcon,
    "party_org": QStyle.StandardPixmap.SP_FileDialogListView,
    "member": QStyle.StandardPixmap.SP_FileDialogDetailedView,
}


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.runner = TaskRunner(self)
        self.setWindowTitle(t("两新组织党建工作台 — {name}").format(name=store.station.name))
        self.setStyleSheet(STYLE)
        self.resize(1280, 800)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(130)
        self.stack = QStackedWidget()
        self.pages: dict[str, RegisterPage] = {}
        for kind, register in REGISTERS.items():
            page = RegisterPage(store, register, self.runner)
            page.changed.connect(self.update_status)
            page.open_link.connect(self.open_record)
            self.pages[kind] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(self.style().standardIcon(NAV_ICONS[kind]), t(register.title))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self.show_page)
        widest = max(self.nav.fontMetrics().horizontalAdvance(t(r.title)) for r in REGISTERS.values())
        self.nav.setFixedWidth(max(130, widest + 64))

        banner = QWidget()
        banner.setObjectName("banner")
        strip = QHBoxLayout(banner)
        strip.setContentsMargins(14, 6, 14, 6)
        strip.addWidget(QLabel(t("两新组织党建工作台") + f"  ·  {store.station.name}"))
        strip.addStretch(1)
        search_button = QPushButton(t("全局搜索") + "   Ctrl+K")
        search_button.setMinimumWidth(220)
        search_button.clicked.connect(self.global_search)
        strip.addWidget(search_button)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(banner)
        column.addWidget(body, 1)
        self.setCentralWidget(central)
        self._shortcuts()

        settings = ui_settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        last = str(settings.value("window/page", "organization"))
        self.nav.setCurrentRow(list(REGISTERS).index(last) if last in REGISTERS else 0)
        self.update_status()

    def _shortcuts(self) -> None:
        """Keyboard actions of every page (the page shows its own buttons)."""
        for shortcut, slot in (
            (QKeySequence.StandardKey.New, lambda: self.page.add_record()),
            (QKeySequence("Ctrl+E"), lambda: self.page.edit_selected()),
            (QKeySequence.StandardKey.Delete, lambda: self.page.delete_selected()),
            (QKeySequence.StandardKey.Refresh, lambda: self.page.reload()),
            (QKeySequence("Ctrl+K"), self.global_search),
            (QKeySequence.StandardKey.Find, lambda: self.page.search.setFocus()),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            self.addAction(action)

    @property
    def page(self) -> RegisterPage:
        page = self.stack.currentWidget()
        assert isinstance(page, RegisterPage)
        return page

    def show_page(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        page = self.page
        if not page.model.ids and page.count.text() == "":
            page.reload()

    def open_record(self, kind: str, record_id: str) -> None:
        self.nav.setCurrentRow(list(REGISTERS).index(kind))
        self.pages[kind].show_record(record_id)

    def global_search(self) -> None:
        dialog = GlobalSearch(self.store, self)
        dialog.chosen.connect(self.open_record)
        dialog.exec()

    def update_status(self) -> None:
        """Counts for the status bar, computed off the GUI thread (aggregates over every member)."""
        self.statusBar().showMessage(
            f"{self.store.station.name}（{self.store.station.code}） · {self.store.location}"
        )
        self.runner.run("status", lambda: register_counts(self.store), self._show_counts)

    def _show_counts(self, counts: dict) -> None:  # type: ignore[type-arg]
        self.statusBar().showMessage(
            t(
                "{name}（{code}） · 数据文件 {db} · 两新组织 {orgs} · 党组织 {parties} · 党员 {members}"
            ).format(
                name=self.store.station.name,
                code=self.store.station.code,
                db=self.store.location,
                orgs=f"{counts['organizations']['total']:,}",
                parties=f"{counts['party_orgs']['total']:,}",
                members=f"{counts['members']['total']:,}",
            )
        )

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        settings = ui_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/page", list(REGISTERS)[self.stack.currentIndex()])
        for page in self.pages.values():
            page.save_layout()
        settings.sync()
        super().closeEvent(event)
