"""``user add|list|passwd|role|disable|enable|unlock``: accounts, for an administrator
signed in with ``--user``; and the passwords the CLI asks for.

Passwords never come from the command line (it is in the process list and the shell
history): the signing-in user's from ``LIANGXIN_PASSWORD`` or typed at the terminal
without echo; a new account's (``user add``, ``user passwd``) from
``LIANGXIN_NEW_PASSWORD`` or typed twice. ``init --admin`` takes the first
administrator's from ``LIANGXIN_PASSWORD``, as its later sign-ins will.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable

from app.accounts import service
from app.accounts.passwords import check_password
from app.accounts.roles import ROLE_NAMES
from app.cli.output import print_json, print_table
from app.domain.dates import chinese_moment
from app.domain.station_time import local_time, station_zone_now
from app.errors import LiangxinError
from app.store import Store

PASSWORD_ENV = "LIANGXIN_PASSWORD"
NEW_PASSWORD_ENV = "LIANGXIN_NEW_PASSWORD"
ROLE_CHOICES = tuple(ROLE_NAMES)
ROLE_HELP = "角色：" + "、".join(f"{k}（{v}）" for k, v in ROLE_NAMES.items())


def _can_prompt() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _ask(prompt: str, env: str) -> str:
    if not _can_prompt():
        raise LiangxinError(
            f"需要输入密码，但这里无法输入（不在终端中运行），本次未做任何改动；请设置环境变量 {env} 后再运行。"
        )
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise LiangxinError("没有输入密码，本次未做任何改动。") from None


def sign_in_password(user: str) -> Callable[[], str]:
    """The signing-in user's password, asked for only when the database has accounts."""
    return lambda: os.environ.get(PASSWORD_ENV) or _ask(f"账户“{user}”的密码：", PASSWORD_ENV)


def new_password(env: str = NEW_PASSWORD_ENV) -> str:
    given = os.environ.get(env)
    if given:
        return check_password(given)
    first = check_password(_ask("设定密码（8 至 128 个字符）：", env))
    if _ask("再输入一次：", env) != first:
        raise LiangxinError("两次输入的密码不一致，本次未做任何改动，请重新运行。")
    return first


def add_account_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("user", help="账户管理（管理员）：添加、列出、改密码、改角色、停用、解锁")
    users = p.add_subparsers(dest="user_command", metavar="操作", required=True)
    q = users.add_parser("add", help=f"添加账户；密码由环境变量 {NEW_PASSWORD_ENV} 给出或在终端输入")
    q.add_argument("name", help="账户名")
    q.add_argument("--role", required=True, choices=ROLE_CHOICES, help=ROLE_HELP)
    q.set_defaults(handler=_add)
    q = users.add_parser("list", help="列出账户")
    q.set_defaults(handler=_list)
    q = users.add_parser(
        "passwd", help=f"重设账户密码（同时解锁）；新密码由 {NEW_PASSWORD_ENV} 给出或在终端输入"
    )
    q.add_argument("name", help="账户名")
    q.set_defaults(handler=_passwd)
    q = users.add_parser("role", help="改变账户角色")
    q.add_argument("name", help="账户名")
    q.add_argument("role", choices=ROLE_CHOICES, help=ROLE_HELP)
    q.set_defaults(handler=_role)
    for action, words, handler in (
        (
            "disable",
            "停用账户（不能再登录）",
            lambda s, a: _done(a, service.set_disabled(s, a.name, True), "已停用"),
        ),
        ("enable", "重新启用账户", lambda s, a: _done(a, service.set_disabled(s, a.name, False), "已启用")),
        ("unlock", "解除因输错密码造成的锁定", lambda s, a: _done(a, service.unlock(s, a.name), "已解锁")),
    ):
        q = users.add_parser(action, help=words)
        q.add_argument("name", help="账户名")
        q.set_defaults(handler=handler)


def _done(args: argparse.Namespace, row: service.AccountRow, what: str) -> int:
    if args.json:
        print_json(service.rows_as_json([row])[0])
    else:
        print(f"账户“{row.name}”{what}，现为{row.role_name}{'（已停用）' if row.disabled else ''}。")
    return 0


def _add(store: Store, args: argparse.Namespace) -> int:
    service.require_accounts_manager(store)  # refused before a password is asked for
    return _done(args, service.create_account(store, args.name, new_password(), args.role), "已添加")


def _passwd(store: Store, args: argparse.Namespace) -> int:
    service.require_accounts_manager(store)
    return _done(args, service.change_password(store, args.name, new_password()), "的密码已重设")


def _role(store: Store, args: argparse.Namespace) -> int:
    return _done(args, service.set_role(store, args.name, args.role), "的角色已更改")


def _list(store: Store, args: argparse.Namespace) -> int:
    rows = service.list_accounts(store)
    if args.json:
        print_json(service.rows_as_json(rows))
        return 0
    if not rows:
        print("该数据库没有账户（未启用账户）。启用：liangxin init --station 代码 --name 名称 --admin 账户名")
        return 0
    print_table(
        ["账户", "角色", "状态", "最近登录", "创建人"],
        [
            [
                r.name,
                r.role_name,
                "已停用" if r.disabled else ("已锁定" if r.locked else "正常"),
                chinese_moment(local_time(r.last_login_at, station_zone_now())) if r.last_login_at else "",
                r.created_by,
            ]
            for r in rows
        ],
    )
    return 0
