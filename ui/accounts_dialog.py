"""账户管理 (管理员): the accounts of this database — add, reset a password, change a
role, disable or enable, unlock — and 启用账户, the first administrator. Each button is
one app/accounts/service call; a refusal is shown as its sentence."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.accounts import service
from app.accounts.roles import ADMIN, ROLE_NAMES
from app.domain.dates import chinese_moment
from app.domain.station_time import local_time, station_zone_now
from app.errors import LiangxinError
from app.store import Store
from ui.i18n import t


class PasswordForm(QDialog):
    """A name (when making an account), a role (when it may be chosen) and a password typed twice."""

    def __init__(self, title: str, parent: QWidget | None, *, name: bool, role: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.name = QLineEdit() if name else None
        if self.name is not None:
            self.name.setMaxLength(service.NAME_MAX)
            form.addRow(t("账户名"), self.name)
        self.role = QComboBox() if role else None
        if self.role is not None:
            for key, words in ROLE_NAMES.items():
                self.role.addItem(t(words), key)
            self.role.setCurrentIndex(list(ROLE_NAMES).index("clerk"))
            form.addRow(t("角色"), self.role)
        self.password = QLineEdit()
        self.again = QLineEdit()
        for box in (self.password, self.again):
            box.setEchoMode(QLineEdit.EchoMode.Password)
            box.setMaxLength(256)
        form.addRow(t("密码"), self.password)
        form.addRow(t("再输入一次"), self.again)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #C8161D;")
        self.problem.hide()
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.action = lambda: None

    def say(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.show()

    def check(self) -> None:
        if self.password.text() != self.again.text():
            self.say(t("两次输入的密码不一致，请重新输入。"))
            self.again.clear()
            self.again.setFocus()
            return
        try:
            self.action()
        except LiangxinError as exc:
            self.say(exc.message)
            return
        self.accept()


def offer_first_administrator(parent: QWidget | None, store: Store) -> bool:
    """启用账户（推荐）: make the first administrator and sign in as them. True when made."""
    form = PasswordForm(t("启用账户：建立第一个管理员"), parent, name=True, role=False)
    assert form.name is not None
    form.action = lambda: service.enable_accounts(store, form.name.text(), form.password.text())  # type: ignore[union-attr]
    return form.exec() == QDialog.DialogCode.Accepted


class AccountsDialog(QDialog):
    COLUMNS = ("账户", "角色", "状态", "最近登录", "创建人")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(t("账户管理"))
        self.resize(640, 400)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([t(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        for words, action in (
            ("添加账户…", self.add),
            ("重设密码…", self.reset_password),
            ("改变角色…", self.change_role),
            ("停用", lambda: self._on_selected(lambda n: service.set_disabled(store, n, True))),
            ("启用", lambda: self._on_selected(lambda n: service.set_disabled(store, n, False))),
            ("解锁", lambda: self._on_selected(lambda n: service.unlock(store, n))),
        ):
            button = QPushButton(t(words))
            button.clicked.connect(action)
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(t("关闭"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        try:
            rows = service.list_accounts(self.store)
        except LiangxinError as exc:
            QMessageBox.warning(self, t("账户管理"), exc.message)
            rows = []
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            state = t("已停用") if r.disabled else (t("已锁定") if r.locked else t("正常"))
            when = chinese_moment(local_time(r.last_login_at, station_zone_now())) if r.last_login_at else ""
            for j, text in enumerate((r.name, t(r.role_name), state, when, r.created_by)):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        for column in range(len(self.COLUMNS) - 1):  # room for a longer name typed next
            self.table.setColumnWidth(
                column, max(self.table.columnWidth(column) + 16, 150 if column == 3 else 90)
            )

    def selected(self) -> str | None:
        items = self.table.selectedItems()
        if not items:
            QMessageBox.information(self, t("账户管理"), t("请先在列表中选中一个账户。"))
            return None
        return self.table.item(items[0].row(), 0).text()

    def _on_selected(self, action: object) -> None:
        name = self.selected()
        if name is None:
            return
        try:
            action(name)  # type: ignore[operator]
        except LiangxinError as exc:
            QMessageBox.warning(self, t("账户管理"), exc.message)
        self.reload()

    def add(self) -> None:
        form = PasswordForm(t("添加账户"), self, name=True, role=True)
        form.action = lambda: service.create_account(  # type: ignore[union-attr]
            self.store, form.name.text(), form.password.text(), form.role.currentData()
        )
        if form.exec():
            self.reload()

    def reset_password(self) -> None:
        name = self.selected()
        if name is None:
            return
        form = PasswordForm(t("重设“{name}”的密码").format(name=name), self, name=False, role=False)
        form.action = lambda: service.change_password(self.store, name, form.password.text())
        if form.exec():
            self.reload()

    def change_role(self) -> None:
        name = self.selected()
        if name is None:
            return
        labels = [t(w) for w in ROLE_NAMES.values()]
        chosen, ok = QInputDialog.getItem(
            self,
            t("改变角色"),
            t("“{name}”的角色：").format(name=name),
            labels,
            labels.index(t(ROLE_NAMES[ADMIN])),
            False,
        )
        if ok:
            role = list(ROLE_NAMES)[labels.index(chosen)]
            self._on_selected(lambda n: service.set_role(self.store, n, role))
