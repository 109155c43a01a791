"""设置: the threshold of every rule and the coverage scope, each with its default and
a reset, saved at once (the dashboard and findings follow); and the language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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
    reset_all_settings,
    reset_setting,
)
from app.store import Store
from ui.background import Background
from ui.dialogs import confirm
from ui.i18n import LANGUAGES, chosen_language, t, ui_settings

COVERAGE_KEYS = ("coverage.scope", "coverage.scope_min_employees", "coverage.target_percent")


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

        rules = QGroupBox(t("规则标准"))
        grid = self._grid(rules, [t("规则"), t("标准"), t("数值"), t("默认值"), ""])
        for rule in RULES:
            if rule.setting:
                self._add_row(grid, rule.setting, t(rule.title), rule.source)
        layout.addWidget(rules)

        coverage = QGroupBox(t("覆盖率统计"))
        grid = self._grid(coverage, ["", t("设置项"), t("数值"), t("默认值"), ""])
        for key in COVERAGE_KEYS:
            self._add_row(grid, key, "", "")
        layout.addWidget(coverage)

        if not store.is_sqlite:  # several clerks on one database: only the district's
            shared = QGroupBox(t("多人使用"))
            grid = self._grid(shared, ["", t("设置项"), t("数值"), t("默认值"), ""])
            self._add_row(grid, "storage.lock_timeout_seconds", "", "")
            layout.addWidget(shared)

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

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        reset_all = QPushButton(t("全部恢复默认值…"))
        reset_all.clicked.connect(self.reset_all)
        bottom.addWidget(reset_all)
        layout.addLayout(bottom)
        layout.addStretch(1)
        self.setWidget(body)
        self.load()

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

    def _add_row(self, grid: QGridLayout, key: str, rule: str, source: str) -> None:
        spec = SPECS[key]
        row = grid.rowCount()
        if rule:
            name = QLabel(rule)
            name.setToolTip(t("依据：") + source)
            grid.addWidget(name, row, 0)
        grid.addWidget(QLabel(t(spec.label)), row, 1)
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
        error = QLabel()
        error.setStyleSheet("color: #C8161D;")
        error.hide()
        grid.addWidget(error, row + 1, 1, 1, 4)
        self.editors[key], self.resets[key], self.errors[key] = editor, reset, error

    # -- values -----------------------------------------------------------------------
    def load(self) -> None:
        values = current_settings(self.store)
        ignored = ignored_stored_settings(self.store)
        for key, editor in self.editors.items():
            editor.blockSignals(True)
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(values[key])))
            else:  # a value stored out of the box's range shows at the nearest end
                editor.setValue(max(editor.minimum(), min(editor.maximum(), int(values[key]))))
            editor.blockSignals(False)
            self.resets[key].setEnabled(values[key] != SPECS[key].default or key in ignored)
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
