"""Confirmations that name what will happen; Cancel is always the default button."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.i18n import t


def confirm(parent: QWidget, title: str, text: str, yes: QMessageBox.StandardButton) -> bool:
    answer = QMessageBox.question(
        parent, title, text, yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel
    )
    return answer == yes


def confirm_reveal(parent: QWidget, text: str) -> bool:
    return confirm(parent, t("显示完整信息"), text, QMessageBox.StandardButton.Yes)


def confirm_discard(parent: QWidget) -> bool:
    return confirm(
        parent, t("放弃修改"), t("有尚未保存的修改。确定放弃这些修改吗？"), QMessageBox.StandardButton.Discard
    )


def confirm_delete(parent: QWidget, noun: str, name: str) -> bool:
    """Name the record and the consequence."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(t("删除") + noun)
    box.setText(t("确定删除{noun}“{name}”吗？").format(noun=noun, name=name))
    box.setInformativeText(t("删除只用于纠正误录入：记录会从登记簿中移除，删除操作保留在变更日志中。"))
    delete = box.addButton(t("删除"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(t("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is delete
