"""设置: the threshold of every rule and the coverage scope, each with its default and
a reset, saved at once (the dashboard and findings follow); and the language. At the
district each threshold can be 统一设定 (sent down and locked); at a sub-district one
the district locked shows its value read-only, marked 区统一设定."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.changes import SETTING, Changes
from app.errors import LiangxinError
from app.rules.catalog import RULES
from app.settings import (
    SCOPE_LABELS,
    SPECS,
    change_setting,
    current_settings,
    ignored_stored_settings,
    lock_setting,
    reset_all_settings,
    reset_setting,
    setting_locks,
)
from app.store import Store
from ui.background import Background
from ui.dialogs import confirm
from ui.i18n import LANGUAGES, N_, chosen_language, t, ui_settings

COVERAGE_KEYS = ("coverage.scope", "coverage.scope_min_employees", "coverage.target_percent")
LOCK, DISTRICT_SET = N_("统一设定"), N_("区统一设定")
LOCK_TIP = N_(
    "勾选后，这项的数值随下发数据包发给各街道，街道照此执行、不能修改；取消勾选，街道可以自己设定。"
)
DISTRICT_TIP = N_("这项由区里统一设定，随区里的下发数据包更新，本站点不能修改。")


class SettingsPage(QScrollArea):
    status = Signal(str)

    def __init__(self, store: Store, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.background = store, background
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.editors: dict[str, QSpinBox | QComboBox] = {}
        self.resets: dict[str, QPushButton] = {}
        self.errors: dict[str, QLabel] = {}
        self.rules: dict[str, QLabel] = {}
        self.district = store.station.role == "district"
        # 统一设定 at the district (a checkbox per row); 区统一设定 at a sub-district (a mark).
        self.locks: dict[str, QCheckBox] = {}
        self.marks: dict[str, QLabel] = {}
        self.locked: dict[str, str] = {}

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(t("设置"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        intro = QLabel(
            t("修改后立即保存，工作台的统计数字和问题清单随之更新。每项都可恢复为默认值；修改记入变更日志。")
        )
        intro.setStyleSheet("color: #555;")
        intro.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(intro)
        self.lock_intro = QLabel(
            t("勾选“统一设定”的项，下次生成下发数据包时发给各街道，街道照此执行、不能修改。")
            if self.district
            else t("标有“区统一设定”的项由区里统一设定，本站点照此执行、不能修改。")
        )
        self.lock_intro.setStyleSheet("color: #555;")
        self.lock_intro.setWordWrap(True)
        layout.addWidget(self.lock_intro)

        rules = QGroupBox(t("规则标准"))
        grid = self._grid(rules, [t("规则"), t("标准"), t("数值"), t("默认值"), "", ""])
        for rule in RULES:
            if rule.setting:
                self._add_row(grid, rule.setting, t(rule.title), rule.source, lockable=True)
        layout.addWidget(rules)

        coverage = QGroupBox(t("覆盖率统计"))
        grid = self._grid(coverage, ["", t("设置项"), t("数值"), t("默认值"), "", ""])
        for key in COVERAGE_KEYS:
            self._add_row(grid, key, "", "", lockable=True)
        layout.addWidget(coverage)

        if not store.is_sqlite:  # several clerks on one database: only the district's
            shared = QGroupBox(t("多人使用"))
            grid = self._grid(shared, ["", t("设置项"), t("数值"), t("默认值"), ""])
            self._add_row(grid, "storage.lock_timeout_seconds", "", "")
            layout.addWidget(shared)

        accounts = QGroupBox(t("账户与安全"))
        grid = self._grid(accounts, ["", t("设置项"), t("数值"), t("默认值"), ""])
        self._add_row(grid, "session.idle_lock_minutes", "", "")
        self.accounts_button = QPushButton()
        self.accounts_button.clicked.connect(self.manage_accounts)
        grid.addWidget(self.accounts_button, grid.rowCount(), 1, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(accounts)
        self._name_accounts_button()

        interface = QGroupBox(t("界面"))
        row = QHBoxLayout(interface)
        row.addWidget(QLabel(t("界面语言")))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(chosen_language()))
        self.language.activated.connect(self._language_chosen)
        row.addWidget(self.language)
        note = QLabel(t("重新打开程序后生效。"))
        note.setStyleSheet("color: #666;")
        row.addWidget(note)
        row.addStretch(1)
        layout.addWidget(interface)

        layout.addWidget(self._backup_group())

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        reset_all = QPushButton(t("全部恢复默认值…"))
        reset_all.clicked.connect(self.reset_all)
        bottom.addWidget(reset_all)
        layout.addLayout(bottom)
        layout.addStretch(1)
        self.setWidget(body)
        self.load()

    def _backup_group(self) -> QGroupBox:
        from app.accounts.roles import BACKUP, RESTORE, may
        from ui import backup_dialog  # its dialogs load when first used

        box = QGroupBox(t("数据备份"))
        row = QHBoxLayout(box)
        for name, label, action, allowed in (
            ("backup_now", t("立即备份…"), backup_dialog.backup_now, may(self.store, BACKUP)),
            ("restore_backup", t("恢复备份…"), backup_dialog.restore_backup, may(self.store, RESTORE)),
            ("check_data", t("检查数据"), backup_dialog.check_data, True),
        ):
            button = QPushButton(label)
            button.setObjectName(name)
            button.setEnabled(allowed)
            button.clicked.connect(lambda _=False, act=action: act(self, self.store, self.background))
            row.addWidget(button)
        note = QLabel(t("每天打开程序时自动备份到数据文件旁的 backups 文件夹，保留 14 天及每月一份。"))
        note.setStyleSheet("color: #666;")
        note.setWordWrap(True)
        row.addWidget(note, 1)
        return box

    def _grid(self, box: QGroupBox, headers: list[str]) -> QGridLayout:
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        for column, text in enumerate(headers):
            label = QLabel(text)
            label.setStyleSheet("color: #666;")
            grid.addWidget(label, 0, column)
        grid.setColumnStretch(1, 1)
        return grid

    def _add_row(self, grid: QGridLayout, key: str, rule: str, source: str, lockable: bool = False) -> None:
        spec = SPECS[key]
        if key in self.editors:  # two rules share one threshold: one row names both
            shared = self.rules[key]
            shared.setText(shared.text() + "\n" + rule)
            shared.setToolTip(shared.toolTip() + "\n" + t("依据：") + source)
            return
        row = grid.rowCount()
        if rule:
            name = QLabel(rule)
            name.setToolTip(t("依据：") + source)
            grid.addWidget(name, row, 0)
            self.rules[key] = name
        label = QLabel(t(spec.label))
        label.setWordWrap(True)  # the longest (走访间隔上限…) would widen the page past the window
        grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)
        editor: QSpinBox | QComboBox
        if spec.choices:
            editor = QComboBox()
            for choice in spec.choices:
                editor.addItem(t(SCOPE_LABELS.get(choice, choice)), choice)
            editor.activated.connect(lambda *_, key=key: self.save(key))
            default = t(SCOPE_LABELS.get(spec.default, spec.default))
        else:
            editor = QSpinBox()
            editor.setRange(spec.minimum, spec.maximum if spec.maximum is not None else 100_000)
            editor.setKeyboardTracking(False)  # save on Enter or leaving the box, not per keystroke
            editor.setAlignment(Qt.AlignmentFlag.AlignRight)
            editor.setMinimumWidth(90)
            editor.valueChanged.connect(lambda *_, key=key: self.save(key))
            default = str(spec.default)
        editor.setAccessibleName(t(spec.label))
        grid.addWidget(editor, row, 2)
        grid.addWidget(QLabel(default), row, 3)
        reset = QPushButton(t("恢复默认"))
        reset.clicked.connect(lambda *_, key=key: self.reset(key))
        grid.addWidget(reset, row, 4)
        if lockable and self.district:
            lock = QCheckBox(t(LOCK))
            lock.setToolTip(t(LOCK_TIP))
            lock.toggled.connect(lambda on, key=key: self.lock(key, on))
            grid.addWidget(lock, row, 5)
            self.locks[key] = lock
        elif lockable:
            mark = QLabel(t(DISTRICT_SET))
            mark.setToolTip(t(DISTRICT_TIP))
            mark.setStyleSheet(
                "color: #8A1C1C; background: #FBEAEA; border: 1px solid #E8B4B4;"
                " border-radius: 3px; padding: 1px 6px;"
            )
            mark.hide()
            grid.addWidget(mark, row, 5)
            self.marks[key] = mark
        error = QLabel()
        error.setStyleSheet("color: #C8161D;")
        error.hide()
        grid.addWidget(error, row + 1, 1, 1, 5)
        self.editors[key], self.resets[key], self.errors[key] = editor, reset, error

    def _name_accounts_button(self) -> None:
        enabled = self.store.role is not None
        self.accounts_button.setText(t("账户管理…") if enabled else t("启用账户（推荐）…"))

    def manage_accounts(self) -> None:
        """账户管理 for an administrator; where there are no accounts yet, 启用账户."""
        from ui.accounts_dialog import AccountsDialog, offer_first_administrator

        if self.store.role is None:
            if offer_first_administrator(self, self.store):
                self._name_accounts_button()
                window = self.window()
                if hasattr(window, "user_state"):
                    from ui.account_bar import show_account

                    show_account(window)
            return
        AccountsDialog(self.store, self).exec()

    # -- values -----------------------------------------------------------------------
    def load(self) -> None:
        values = current_settings(self.store)
        ignored = ignored_stored_settings(self.store)
        self.locked = setting_locks(self.store)
        for key, lock in self.locks.items():
            lock.blockSignals(True)
            lock.setChecked(key in self.locked)
            lock.blockSignals(False)
        for key, mark in self.marks.items():
            by_district = self.locked.get(key) == "district"
            mark.setVisible(by_district)
            self.editors[key].setEnabled(not by_district)
            self.editors[key].setToolTip(t(DISTRICT_TIP) if by_district else "")
        self.lock_intro.setVisible(self.district or bool(self.locked))
        for key, editor in self.editors.items():
            editor.blockSignals(True)
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(values[key])))
            else:  # a value stored out of the box's range shows at the nearest end
                editor.setValue(max(editor.minimum(), min(editor.maximum(), int(values[key]))))
            editor.blockSignals(False)
            self.resets[key].setEnabled(
                (values[key] != SPECS[key].default or key in ignored) and self.locked.get(key) != "district"
            )
            if key in ignored:  # stored before the bounds existed, or by hand: say so, offer the fix
                self.errors[key].setText(
                    t(
                        "数据库中保存的值 {stored} 超出范围，现按默认值 {default} 执行；点“恢复默认”可改正。"
                    ).format(stored=ignored[key][:20], default=SPECS[key].default)
                )
                self.errors[key].show()

    def value_of(self, key: str) -> Any:
        editor = self.editors[key]
        return editor.currentData() if isinstance(editor, QComboBox) else editor.value()

    def save(self, key: str) -> None:
        value = self.value_of(key)  # read here: the write runs on the write lane's thread
        self._apply(key, lambda: change_setting(self.store, key, value))

    def reset(self, key: str) -> None:
        self._apply(key, lambda: reset_setting(self.store, key))

    def _apply(self, key: str, action: Any) -> None:
        error = self.errors[key]

        def refused(exc: LiangxinError) -> None:
            error.setText(exc.message)
            error.show()
            self.load()

        def saved(value: Any) -> None:
            error.hide()
            self.load()
            shown = t(SCOPE_LABELS.get(value, str(value))) if isinstance(value, str) else str(value)
            self.status.emit(t("已保存：{label} = {value}").format(label=t(SPECS[key].label), value=shown))

        self.background.write(action, saved, refused, Changes.of(SETTING))

    def lock(self, key: str, on: bool) -> None:
        """统一设定 / 取消统一设定: one tick, one service call."""
        error = self.errors[key]

        def refused(exc: LiangxinError) -> None:
            error.setText(exc.message)
            error.show()
            self.load()

        def done(_: Any) -> None:
            error.hide()
            self.load()
            label = t(SPECS[key].label)
            self.status.emit(
                t("已统一设定：{label}。下次生成下发数据包时发给各街道。").format(label=label)
                if on
                else t("已取消统一设定：{label}。下次下发后街道可以自己设定。").format(label=label)
            )

        self.background.write(lambda: lock_setting(self.store, key, on), done, refused, Changes.of(SETTING))

    def reset_all(self) -> None:
        if not confirm(
            self,
            t("全部恢复默认值"),
            t("所有规则标准和统计范围都将恢复为默认值，工作台的数字会随之改变。确定吗？"),
            QMessageBox.StandardButton.RestoreDefaults,
        ):
            return

        def done(_: Any) -> None:
            self.load()
            self.status.emit(t("所有设置已恢复为默认值。"))

        self.background.write(lambda: reset_all_settings(self.store), done, changes=Changes.of(SETTING))

    def _language_chosen(self) -> None:
        code = self.language.currentData()
        ui_settings().setValue("language", code)
        self.status.emit(t("界面语言已改为 {name}，重新打开程序后生效。").format(name=LANGUAGES[code]))
