"""登录: the dialog shown before the main window on a database with accounts, and
over it when the window has been idle (ui/idle_lock.py). One app/ call per attempt;
a refusal is shown in the dialog itself and the password box gets the focus back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.accounts import service
from app.accounts.roles import ROLE_NAMES, SIGNED_OUT
from app.errors import LiangxinError
from app.store import Store
from ui.i18n import N_, t

LOCKED_NOTE = N_("窗口已锁定（长时间无操作）。请重新登录；未保存的内容都还在。")


def account_label(store: Store) -> str:
    """What the status bar says about who is signed in."""
    if store.role is None:
        return t("未启用账户")
    if store.role == SIGNED_OUT:
        return t("未登录")
    return t("用户：{name}（{role}）").format(name=store.user, role=t(ROLE_NAMES.get(store.role, store.role)))


class LoginDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None, *, locked: bool = False) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(t("登录 — 两新组织党建工作台"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        heading = QLabel(f"{store.station.name}（{store.station.code}）")
        heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(heading)
        if locked:
            layout.addWidget(QLabel(t(LOCKED_NOTE)))
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setMaxLength(service.NAME_MAX)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        form.addRow(t("账户名"), self.name)
        form.addRow(t("密码"), self.password)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #C8161D;")
        self.problem.setObjectName("login_problem")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton(t("登录"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton(t("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.setDefault(True)  # Enter in either box signs in
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if locked and store.role not in (None, SIGNED_OUT):
            self.name.setText(store.user)
            self.password.setFocus()
        else:
            self.name.setFocus()
        self.setMinimumWidth(380)

    def submit(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            service.sign_in(self.store, self.name.text(), self.password.text())
        except LiangxinError as exc:
            self.problem.setText(exc.message)
            self.problem.show()
            self.password.clear()
            self.password.setFocus()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.password.clear()
        self.accept()


def sign_in_first(store: Store) -> bool:
    """Before the main window: the login when the database has accounts. False when the
    person chose 退出."""
    if store.role != SIGNED_OUT:
        return True
    return LoginDialog(store).exec() == QDialog.DialogCode.Accepted
