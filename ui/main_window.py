"""The main window: navigation on the left (工作台, the registers, 设置), the global
search (Ctrl+K), and a status bar with the station, the file and counts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app import changes as kinds
from app.changes import Changes
from app.station_scope import station_scope
from app.store import Store
from ui import state
from ui.account_bar import apply_role, install_accounts
from ui.background import Background
from ui.detail_panel import history_reader
from ui.global_search import GlobalSearch
from ui.i18n import t, ui_settings
from ui.nav_titles import NAV_TITLES
from ui.register_page import RegisterPage
from ui.registers import REGISTERS
from ui.state import window_state
from ui.style import STYLE

if TYPE_CHECKING:
    from ui.appraisal_page import AppraisalPage
    from ui.audit_page import AuditPage
    from ui.board_page import BoardPage
    from ui.dashboard_page import DashboardPage
    from ui.duplicates_page import DuplicatesPage
    from ui.exchange_page import ExchangePage
    from ui.life_page import LifePage
    from ui.settings_page import SettingsPage
    from ui.visits_page import VisitsPage

DASHBOARD, BOARD, APPRAISAL, EXCHANGE, SETTINGS = "dashboard", "board", "appraisal", "exchange", "settings"
DUPLICATES = "duplicates"  # the district only: hidden from a sub-district's navigation
LIFE, VISITS = "life", "visits"  # 组织生活, 走访
AUDIT = "audit"  # 操作日志
# One list for the window and the frame painted before it (ui/nav_titles.py).
NAV = tuple((key, title, getattr(QStyle.StandardPixmap, icon)) for key, title, icon in NAV_TITLES)
PAGE_KEYS = [key for key, _, _ in NAV]
# What each page shows: a change to any of these kinds makes it reload.
_REGISTERS = (kinds.ORGANIZATION, kinds.PARTY_ORG, kinds.MEMBER, kinds.COMMUNITY, kinds.INSTRUCTOR)
SHOWS: dict[str, tuple[str, ...]] = {
    DASHBOARD: (*_REGISTERS, kinds.SETTING, kinds.SNAPSHOT),
    "organization": (*_REGISTERS, kinds.SETTING),
    "party_org": (kinds.PARTY_ORG, kinds.MEMBER, kinds.ORGANIZATION, kinds.COMMUNITY, kinds.SETTING),
    "member": (kinds.MEMBER, kinds.PARTY_ORG, kinds.ORGANIZATION),
    BOARD: (*_REGISTERS, kinds.CAMPAIGN, kinds.TASK, kinds.SETTING),
    APPRAISAL: (kinds.APPRAISAL, kinds.TEMPLATE, kinds.PARTY_ORG, kinds.ORGANIZATION, kinds.MEMBER),
    EXCHANGE: (kinds.SYNC,),
    DUPLICATES: (kinds.MEMBER, kinds.ORGANIZATION, kinds.SYNC),
    SETTINGS: (kinds.SETTING,),
    LIFE: (kinds.ACTIVITY, kinds.PARTY_ORG, kinds.MEMBER, kinds.SETTING),
    VISITS: (kinds.VISIT, kinds.INSTRUCTOR, kinds.ORGANIZATION, kinds.SETTING, kinds.TASK),
    AUDIT: (
        *_REGISTERS,
        kinds.CAMPAIGN,
        kinds.TASK,
        kinds.APPRAISAL,
        kinds.SETTING,
        kinds.ACTIVITY,
        kinds.VISIT,
        kinds.SYNC,
    ),
}
FIRST_PAINT_MS = 200  # the first page's content is painted before the status bar's counts start
LAZY = (DASHBOARD, BOARD, APPRAISAL, EXCHANGE, DUPLICATES, LIFE, VISITS, AUDIT)  # built when first shown
# Activities and visits change findings: the pages that show findings refresh with them.
for _key in (DASHBOARD, "organization", "party_org", BOARD):
    SHOWS[_key] = (*SHOWS[_key], kinds.ACTIVITY, kinds.VISIT)


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.background = Background(self)
        self.background.changed.connect(self.apply_changes)
        self.background.problem.connect(self.show_problem)
        self.runner = self.background  # pages take it under the name they always had
        settings = window_state()
        last = str(settings.value("window/page", DASHBOARD))
        # 工作台 first: its figures are counted (off this thread) while the charts library
        # loads and the window is built, not after (show_page takes them when they come).
        self._early_stats: dict[str, Any] | None = None
        self._counting = last == DASHBOARD
        if self._counting:
            from app.stats import station_stats

            # A channel of its own: the page's own reload never drops this answer.
            self.runner.read(
                "dashboard-first", lambda: station_stats(store), self._stats_counted, self._stats_failed
            )
        self.setWindowTitle(t("两新组织党建工作台 — {name}").format(name=store.station.name))
        self.setStyleSheet(STYLE)
        self.resize(1280, 800)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.stack = QStackedWidget()
        # Built when first shown: the dashboard loads the charts library, the board its campaign.
        self._dashboard: DashboardPage | None = None
        self._board: BoardPage | None = None
        self._appraisal: AppraisalPage | None = None
        self._exchange: ExchangePage | None = None
        self._duplicates: DuplicatesPage | None = None
        self._life: LifePage | None = None
        self._visits: VisitsPage | None = None
        self._audit: AuditPage | None = None
        self._settings: SettingsPage | None = None
        # The register pages built so far: the one the window opens on now, the others
        # when first shown (or indexed: window.pages["member"] builds it).
        self.pages = RegisterPages(self._register_page)
        self._stale: set[str] = set()
        self._whole_scope: str | None = None
        for key, title, icon in NAV:
            if key == last and key in REGISTERS:
                widget: QWidget = self._make_register(key)
            else:
                widget = QLabel(t("正在统计……"))
            self.stack.addWidget(widget)
            item = QListWidgetItem(self.style().standardIcon(icon), t(title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            item.setHidden(key == DUPLICATES and store.station.role != "district")
        self.nav.currentRowChanged.connect(self.show_page)
        widest = max(self.nav.fontMetrics().horizontalAdvance(t(title)) for _, title, _ in NAV)
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
        # What the district has confirmed (a sub-district): beside the counts, never replaced by them.
        self.exchange_state = QLabel()
        self.exchange_state.setObjectName("exchange_state")
        self.exchange_state.setVisible(store.station.role != "district")
        self.statusBar().addPermanentWidget(self.exchange_state)
        # Whose records the page on screen shows (a district: all its sub-districts, or one).
        self.scope_state = QLabel()
        self.scope_state.setObjectName("scope_state")
        self.scope_state.setVisible(store.station.role == "district")
        self.statusBar().addPermanentWidget(self.scope_state)
        install_accounts(self)  # 用户：… (or 未启用账户) on the status bar, and the idle lock

        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        row = PAGE_KEYS.index(last) if last in PAGE_KEYS else 0
        row = 0 if self.nav.item(row).isHidden() else row  # 查重, last used on a district's database
        # Select the page now but fill it after the window is on screen: the window
        # appears at once, and the dashboard's charts library loads behind it.
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)
        self.stack.setCurrentIndex(row)
        QTimer.singleShot(0, self, self._show_first_page)
        self._counted = False
        self.statusBar().showMessage(self._where())

    def _show_first_page(self) -> None:
        """Fill the page the window opened on; the status bar's counts (an aggregate over
        every member) wait until its content is in, not to share the cores with it."""
        key = PAGE_KEYS[self.nav.currentRow()]
        ready = (
            self.pages[key].first_rows_shown
            if key in REGISTERS
            else self.dashboard.loaded
            if key == DASHBOARD
            else None
        )
        if ready is not None:  # connected first: figures counted early arrive within show_page
            ready.connect(lambda: QTimer.singleShot(FIRST_PAINT_MS, self, self._count_once))
        self.show_page(self.nav.currentRow())
        if ready is None:
            self._count_once()
        # The first page failed or is slow: count anyway (not after the window is gone).
        QTimer.singleShot(3000, self, self._count_once)

    def _count_once(self) -> None:
        if not self._counted:
            self._counted = True
            self.update_status()

    def _stats_counted(self, stats: dict[str, Any]) -> None:
        self._counting = False
        page = getattr(self, "_dashboard", None)  # counted synchronously (screenshots): not yet built
        if page is None:
            self._early_stats = stats  # the page takes them when it is built
        else:
            page.take_stats(stats)

    def _stats_failed(self, _error: Exception) -> None:
        self._counting = False
        page = getattr(self, "_dashboard", None)
        if page is not None:
            page.reload()  # counted again: the page says why if it fails again

    def page_for(self, key: str) -> QWidget:
        """The page under ``key``, built now if it had not been shown yet."""
        if key in REGISTERS:
            return self.pages[key]
        if key == SETTINGS:
            return self.settings_page
        return getattr(self, key)  # type: ignore[no-any-return]

    def _shortcuts(self) -> None:
        """Keyboard actions; each applies to the page that has it."""
        for shortcut, slot in (
            (QKeySequence.StandardKey.New, lambda: self._on_register("add_record")),
            (QKeySequence("Ctrl+E"), lambda: self._on_register("edit_selected")),
            (QKeySequence.StandardKey.Delete, lambda: self._on_register("delete_selected")),
            (QKeySequence.StandardKey.Refresh, self.refresh),
            (QKeySequence("Ctrl+K"), self.global_search),
            (QKeySequence.StandardKey.Find, lambda: self._on_register("focus_search")),
            (QKeySequence.StandardKey.Print, self.print_page),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            self.addAction(action)

    def _make_register(self, key: str) -> RegisterPage:
        store = self.store
        page = RegisterPage(store, REGISTERS[key], self.runner)
        page.open_link.connect(self.open_record)
        page.status.connect(self.statusBar().showMessage)
        page.scope_changed.connect(lambda _text, key=key: self.update_scope(key))
        self.pages[key] = page
        if store.station.role != "district":  # a record the district refused says why
            page.detail.refusal_of = lambda table, record_id: _refusal_of(store, table, record_id)
        page.detail.history_of = history_reader(store)
        page.detail.history_requested.connect(self.show_history)
        return page

    def _register_page(self, key: str) -> RegisterPage:
        """A register page built on first use, in its placeholder's place."""
        page = self._make_register(key)
        apply_role(page, self.store)  # what this person may do, on a page built later too
        self._swap(key, page)
        return page

    def _install(self, key: str, page: Any) -> None:
        """Put a page built on first use where its placeholder stood."""
        if hasattr(page, "open_link"):  # 设置 opens no records
            page.open_link.connect(self.open_record)
        page.status.connect(self.statusBar().showMessage)
        apply_role(page, self.store)
        self._swap(key, page)

    def _swap(self, key: str, page: QWidget) -> None:
        placeholder = self.stack.widget(PAGE_KEYS.index(key))
        showing = self.stack.currentWidget() is placeholder
        self.stack.insertWidget(PAGE_KEYS.index(key), page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if showing:
            self.stack.setCurrentWidget(page)

    @property
    def settings_page(self) -> SettingsPage:
        if self._settings is None:  # built on first use: a hundred rows of editors
            from ui.settings_page import SettingsPage

            self._settings = SettingsPage(self.store, self.background)
            self._install(SETTINGS, self._settings)
        return self._settings

    @property
    def dashboard(self) -> DashboardPage:
        if self._dashboard is None:
            from ui.dashboard_page import DashboardPage

            self._dashboard = DashboardPage(self.store, self.runner)
            self._dashboard.scope_changed.connect(lambda _text: self.update_scope(DASHBOARD))
            self._dashboard.life_box.open_page.connect(self.open_page)
            self._install(DASHBOARD, self._dashboard)
        return self._dashboard

    @property
    def board(self) -> BoardPage:
        if self._board is None:
            from ui.board_page import BoardPage

            self._board = BoardPage(self.store, self.runner, self.today)
            self._install(BOARD, self._board)
        return self._board

    @property
    def appraisal(self) -> AppraisalPage:
        if self._appraisal is None:
            from ui.appraisal_page import AppraisalPage

            self._appraisal = AppraisalPage(self.store, self.runner)
            self._install(APPRAISAL, self._appraisal)
        return self._appraisal

    @property
    def exchange(self) -> ExchangePage:
        if self._exchange is None:
            from ui.exchange_page import ExchangePage

            self._exchange = ExchangePage(self.store, self.runner)
            self._install(EXCHANGE, self._exchange)
        return self._exchange

    @property
    def duplicates(self) -> DuplicatesPage:
        if self._duplicates is None:
            from ui.duplicates_page import DuplicatesPage

            self._duplicates = DuplicatesPage(self.store, self.runner)
            self._install(DUPLICATES, self._duplicates)
        return self._duplicates

    @property
    def life(self) -> LifePage:
        if self._life is None:
            from ui.life_page import LifePage

            self._life = LifePage(self.store, self.runner, self.today)
            self._install(LIFE, self._life)
        return self._life

    @property
    def visits(self) -> VisitsPage:
        if self._visits is None:
            from ui.visits_page import VisitsPage

            self._visits = VisitsPage(self.store, self.runner, self.today)
            self._install(VISITS, self._visits)
        return self._visits

    @property
    def audit(self) -> AuditPage:
        if self._audit is None:
            from ui.audit_page import AuditPage

            self._audit = AuditPage(self.store, self.runner)
            self._install(AUDIT, self._audit)
        return self._audit

    def show_history(self, kind: str, record_id: str, name: str) -> None:
        self.open_page(AUDIT)
        self.audit.show_record(kind, record_id, name)

    def open_page(self, key: str) -> None:
        self.nav.setCurrentRow(PAGE_KEYS.index(key))

    def today(self) -> date:
        """The date the board judges overdue by (tests fix it)."""
        return date.today()

    @property
    def current_key(self) -> str:
        return PAGE_KEYS[self.stack.currentIndex()]

    @property
    def page(self) -> RegisterPage | None:
        """The register page on screen, if a register is on screen."""
        return self.pages.get(self.current_key)

    def _on_register(self, action: str) -> None:
        page = self.page
        if page is not None:
            getattr(page, action)()

    def refresh(self) -> None:
        if self.current_key == DASHBOARD:
            self.dashboard.reload()
        elif self.current_key == BOARD:
            self.board.reload()
        elif self.current_key == EXCHANGE:
            self.exchange.load()
        elif self.current_key == DUPLICATES:
            self.duplicates.load()
        else:
            self._on_register("reload")

    def print_page(self) -> None:
        if self.current_key == DASHBOARD:
            self.dashboard.print_report()
        elif self.current_key == BOARD:
            self.board.print_notice()
        elif self.current_key == APPRAISAL:
            self.appraisal.print_forms(every=False)

    def show_page(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        key = self.current_key
        self.update_scope(key)
        if key == DASHBOARD:
            early, self._early_stats = self._early_stats, None
            if early is not None or self._counting:  # counted from the window's first line
                if self.dashboard.stats is None:
                    self.dashboard.life_box.reload()  # what reload does beside the figures
                if early is not None:
                    self.dashboard.take_stats(early)  # else _stats_counted brings them
            elif self.dashboard.stats is None or DASHBOARD in self._stale:
                self._stale.discard(DASHBOARD)
                self.dashboard.reload()
        elif key == BOARD:
            if BOARD in self._stale and self._board is not None:
                self._stale.discard(BOARD)
                self.board.load_campaigns()
            self.board  # noqa: B018 (built, and loaded, on first show)
        elif key == APPRAISAL:
            if APPRAISAL in self._stale and self._appraisal is not None:
                self._stale.discard(APPRAISAL)
                self.appraisal.load_templates()
            self.appraisal  # noqa: B018 (built, and loaded, on first show)
        elif key == EXCHANGE:
            if EXCHANGE in self._stale and self._exchange is not None:
                self._stale.discard(EXCHANGE)
                self._exchange.load()
            self.exchange  # noqa: B018 (built, and loaded, on first show)
        elif key == DUPLICATES:
            if DUPLICATES in self._stale and self._duplicates is not None:
                self._stale.discard(DUPLICATES)
                self._duplicates.load()
            self.duplicates  # noqa: B018 (built, and loaded, on first show)
        elif key in (LIFE, VISITS):
            built = self._life if key == LIFE else self._visits
            if key in self._stale and built is not None:
                self._stale.discard(key)
                built.reload()
            self.life if key == LIFE else self.visits  # noqa: B018 (built, and loaded, on first show)
        elif key == AUDIT:
            if AUDIT in self._stale and self._audit is not None:
                self._stale.discard(AUDIT)
                self._audit.reload()
            self.audit  # noqa: B018 (built, and loaded, on first show)
        elif key == SETTINGS:
            self.settings_page.load()
        else:
            page = self.pages[key]
            if (not page.model.ids and page.count.text() == "") or key in self._stale:
                self._stale.discard(key)
                page.reload()

    def apply_changes(self, changes: Changes) -> None:
        """A write succeeded: every other page that shows what it changed reloads when it
        is next shown (the page that wrote has already reloaded itself)."""
        for key in PAGE_KEYS:
            if key != self.current_key and changes.touches(*SHOWS[key]):
                self._stale.add(key)
        if changes.registers:
            self.update_status()
        elif changes.touches(kinds.SYNC):
            self.update_exchange_state()

    def show_problem(self, message: str) -> None:
        """A refusal nobody on the page was waiting for (a background write): say it."""
        self.statusBar().showMessage(message)
        QMessageBox.warning(self, t("操作未完成"), message)

    def open_record(self, kind: str, record_id: str) -> None:
        self.nav.setCurrentRow(PAGE_KEYS.index(kind))
        self.pages[kind].show_record(record_id)

    def global_search(self) -> None:
        dialog = GlobalSearch(self.store, self)
        dialog.chosen.connect(self.open_record)
        dialog.exec()

    def _where(self) -> str:
        where = self.store.location if self.store.is_sqlite else self.store.server
        return f"{self.store.station.name}（{self.store.station.code}） · {where}"

    def update_status(self) -> None:
        """Counts for the status bar, computed off the GUI thread (aggregates over every member)."""
        from app.stats import register_counts

        self.statusBar().showMessage(self._where())
        self.runner.read(
            "status",
            lambda: register_counts(self.store),
            self._show_counts,
            lambda error: self.statusBar().showMessage(error.message),  # a count, not worth a dialog
        )
        self.update_exchange_state()

    def update_scope(self, key: str) -> None:
        """The status bar says whose records the page on screen shows (a district only)."""
        if self.store.station.role != "district" or key != self.current_key:
            return
        page: Any = self.pages.get(key) or (self._dashboard if key == DASHBOARD else None)
        text = page.scope_text() if page is not None else ""
        if not text:  # a page without a 街道 filter shows every sub-district's records
            if self._whole_scope is None:
                self._whole_scope = station_scope(self.store).label
            text = self._whole_scope
        self.scope_state.setText(t("数据范围：{scope}").format(scope=text))

    def update_exchange_state(self) -> None:
        if self.store.station.role != "district":
            from app.sync.history import exchange_status

            self.runner.read(
                "exchange_state",
                lambda: exchange_status(self.store)["text"],
                self.exchange_state.setText,
                lambda error: self.statusBar().showMessage(error.message),
            )

    def _show_counts(self, counts: dict) -> None:  # type: ignore[type-arg]
        # An SQLite file by its path; a PostgreSQL database by server and name (its URL
        # would show the account and is not where anyone looks for it).
        text = (
            t("{name}（{code}） · 数据文件 {db} · 两新组织 {orgs} · 党组织 {parties} · 党员 {members}")
            if self.store.is_sqlite
            else t("{name}（{code}） · 数据库 {db} · 两新组织 {orgs} · 党组织 {parties} · 党员 {members}")
        )
        if self.store.station.role == "district":  # the whole district's, whatever a page filters
            text = (
                t(
                    "{name}（{code}） · 数据文件 {db} · 全区两新组织 {orgs} · 党组织 {parties} · 党员 {members}"
                )
                if self.store.is_sqlite
                else t(
                    "{name}（{code}） · 数据库 {db} · 全区两新组织 {orgs} · 党组织 {parties} · 党员 {members}"
                )
            )
        self.statusBar().showMessage(
            text.format(
                name=self.store.station.name,
                code=self.store.station.code,
                db=self.store.location if self.store.is_sqlite else self.store.server,
                orgs=f"{counts['organizations']['total']:,}",
                parties=f"{counts['party_orgs']['total']:,}",
                members=f"{counts['members']['total']:,}",
            )
        )

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._counted = True  # the status bar's delayed counts are not started any more
        self.background.cancel_jobs()  # a print under way stops (its file is not left half-written)
        self.background.wait()  # a save under way finishes before the window goes
        settings = window_state()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/page", self.current_key)
        # For the frame painted at the next start before the database opens (ui/start_frame.py).
        settings.setValue("window/station", self.store.station.name)
        settings.setValue("window/district", self.store.station.role == "district")
        if state.PERSIST:  # the last window's place, for a database whose state cannot be found first
            ui_settings().setValue("window/geometry", self.saveGeometry())
        for page in self.pages.values():
            page.save_layout()
        for lazy in (
            self._dashboard,
            self._board,
            self._appraisal,
            self._exchange,
            self._duplicates,
            self._life,
            self._visits,
        ):
            if lazy is not None:
                lazy.save_layout()
        settings.sync()
        super().closeEvent(event)


def _refusal_of(store: Store, table: str, record_id: str) -> Any:
    from app.sync.receipt import refusal_of  # the sync modules load when a record is opened

    return refusal_of(store, table, record_id)


class RegisterPages(dict[str, RegisterPage]):
    """The register pages built so far; indexing one not yet built builds it (``in``,
    ``get`` and iterating see only the built ones)."""

    def __init__(self, build: Callable[[str], RegisterPage]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> RegisterPage:
        if key not in REGISTERS:
            raise KeyError(key)
        return self._build(key)
