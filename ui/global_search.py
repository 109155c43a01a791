"""Ctrl+K: jump to any organization, Party organization or member by typing."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.services.related import global_search
from app.store import Store
from ui.i18n import t

TARGET_ROLE = Qt.ItemDataRole.UserRole + 3
KIND_LABEL = {"organization": "两新组织", "party_org": "党组织", "member": "党员"}


class GlobalSearch(QDialog):
    chosen = Signal(str, str)  # kind, id

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(t("全局搜索"))
        self.resize(560, 420)
        self.input = QLineEdit()
        self.input.setPlaceholderText(t("输入名称、拼音首字母、信用代码或身份证号码……"))
        self.results = QListWidget()
        self.hint = QLabel(t("↑↓ 选择，回车打开，Esc 关闭"))
        self.hint.setStyleSheet("color: #777;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.input)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        self.input.textChanged.connect(lambda *_: self._timer.start())
        self.input.returnPressed.connect(self.open_current)
        self.results.itemActivated.connect(lambda *_: self.open_current())
        self.results.itemDoubleClicked.connect(lambda *_: self.open_current())

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            self.results.setCurrentRow(
                max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            )
            return
        super().keyPressEvent(event)

    def refresh(self) -> None:
        self.results.clear()
        for link in global_search(self.store, self.input.text()):
            item = QListWidgetItem(f"{link.name}    —  {t(KIND_LABEL[link.kind])}")
            item.setData(TARGET_ROLE, (link.kind, link.id))
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        elif self.input.text().strip():
            self.results.addItem(t("没有找到匹配的记录"))

    def open_current(self) -> None:
        item = self.results.currentItem()
        target = item.data(TARGET_ROLE) if item else None
        if target:
            self.chosen.emit(*target)
            self.accept()
