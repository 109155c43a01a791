"""Roles and what each may do: the one place every window action and CLI command asks.

A database without accounts (the demo, a fresh test database) works as before: the
store's ``role`` is ``None`` and everything is allowed. With accounts, ``Store.role`` is
the signed-in user's role and ``require`` refuses in one sentence.
"""

from __future__ import annotations

from typing import Protocol

from app.errors import LiangxinError

ADMIN, CLERK, VIEWER = "admin", "clerk", "viewer"
ROLE_NAMES = {ADMIN: "管理员", CLERK: "录入员", VIEWER: "查看"}
# A database with accounts opened before anyone has signed in (the window, while its
# login dialog shows): nothing is allowed until app.accounts.service.sign_in.
SIGNED_OUT = "signed_out"

# Permissions (what an action needs), each with the words of the refusal.
WRITE = "write"  # registers, board, appraisals, life records, imports, sync
REVEAL = "reveal"  # unmasked ID numbers and phones, full rosters, full exports
BACKUP = "backup"  # a copy of everything to a chosen folder
ACCOUNTS = "accounts"
KEYS = "keys"
SETTINGS = "settings"
RESTORE = "restore"

ALLOWED: dict[str, frozenset[str]] = {
    ADMIN: frozenset({WRITE, REVEAL, BACKUP, ACCOUNTS, KEYS, SETTINGS, RESTORE}),
    CLERK: frozenset({WRITE, REVEAL, BACKUP}),
    VIEWER: frozenset(),
}

_WHAT = {
    WRITE: "修改数据",
    REVEAL: "查看完整的身份证号、电话或导出完整数据",
    BACKUP: "备份数据",
    ACCOUNTS: "管理账户",
    KEYS: "管理密钥和站点",
    SETTINGS: "修改设置",
    RESTORE: "恢复备份",
}


class HasRole(Protocol):
    role: str | None
    user: str


class NotAllowed(LiangxinError):
    """The signed-in user's role does not allow the action."""

    exit_code = 4


def may(store: HasRole, permission: str) -> bool:
    role = store.role
    return role is None or permission in ALLOWED.get(role, frozenset())


def require(store: HasRole, permission: str) -> None:
    if may(store, permission):
        return
    if store.role == SIGNED_OUT:
        raise NotAllowed(f"尚未登录，不能{_WHAT.get(permission, '执行此操作')}；请先用账户登录。")
    role = ROLE_NAMES.get(store.role or "", store.role or "")
    raise NotAllowed(
        f"当前账户“{store.user}”是{role}，不能{_WHAT.get(permission, '执行此操作')}；请用有权限的账户登录，或请管理员调整角色。"
    )
