"""``liangxin`` / ``python -m app``: the command line over the same services as the window.

Exit status 0 only on success; errors go to stderr as one sentence, never a
traceback, SQL or an exception's name: an unexpected error is written to the log file
and the sentence names that file (set LIANGXIN_DEBUG=1 to get the traceback instead).
Exit 1: refused input; 2: bad arguments; 3: storage; 4: not allowed (the signed-in
account's role does not allow it) or not signed in (a database with accounts needs
``--user NAME``, the password from ``LIANGXIN_PASSWORD`` or typed); 70: a bug. The ``gui`` and ``screenshot`` commands are
handed to ``ui/`` by name, so that ``app/`` itself never imports Qt.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Any

from app import __version__
from app.cli import argparse_zh
from app.errors import LiangxinError
from app.logs import report_unexpected, setup_logging


def build_parser() -> argparse.ArgumentParser:
    # Every command's module, imported here and not above: the window (window_start)
    # opens without them, about half of its start-up otherwise.
    from app.cli.accounts import add_account_commands
    from app.cli.admin import add_admin_commands
    from app.cli.audit import add_audit_command
    from app.cli.backup import add_backup_commands
    from app.cli.campaigns import add_campaign_commands
    from app.cli.district import add_district_commands
    from app.cli.keys import add_key_commands
    from app.cli.ledger import add_ledger_commands
    from app.cli.life import add_life_commands
    from app.cli.registers import add_register_commands
    from app.cli.reports import add_report_commands
    from app.cli.sync import add_sync_commands
    from app.cli.upgrade import add_upgrade_command

    argparse_zh.install()  # argparse's own words (用法, 选项, its errors) in Chinese
    parser = argparse.ArgumentParser(
        prog="liangxin",
        description="两新组织党建工作台：两新组织、党组织、党员登记，规则检查与统计。不带命令时打开主窗口。",
    )
    parser.add_argument(
        "--db",
        help="数据库文件路径或 postgresql+psycopg://… 地址（默认：用户数据目录；环境变量 LIANGXIN_DB）",
    )
    parser.add_argument(
        "--user",
        metavar="账户名",
        help="以该账户登录（数据库已启用账户时必需）；密码取自环境变量 LIANGXIN_PASSWORD，否则在终端输入",
    )
    parser.add_argument("--version", action="version", version=f"liangxin {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令")

    p = sub.add_parser("gui", help="打开主窗口（默认命令）")
    p.add_argument("--demo", action="store_true", help="数据库不存在时，先建立南湾街道演示数据库")
    p = sub.add_parser("init", help="初始化数据库并登记本站点")
    p.add_argument("--station", required=True, help="站点代码：街道9位、区6位行政区划代码")
    p.add_argument("--name", required=True, help="站点名称，如 南湾街道")
    p.add_argument("--role", default="subdistrict", choices=("subdistrict", "district"), help="街道或区")
    p.add_argument(
        "--admin",
        metavar="账户名",
        help="同时建立第一个管理员账户（启用账户）；密码取自 LIANGXIN_PASSWORD 或在终端输入",
    )
    p = sub.add_parser("screenshot", help="在屏幕外渲染页面并保存为 PNG")
    p.add_argument("--page", default="main", help="页面")
    p.add_argument("--out", required=True, help="输出 PNG 文件")
    p.add_argument("--size", default="1280x800", help="窗口大小，如 1280x800")
    add_admin_commands(sub)
    add_account_commands(sub)
    add_register_commands(sub)
    add_report_commands(sub)
    add_ledger_commands(sub)
    add_campaign_commands(sub)
    add_life_commands(sub)
    add_key_commands(sub)
    add_sync_commands(sub)
    add_district_commands(sub)
    add_upgrade_command(sub)
    add_backup_commands(sub)
    add_audit_command(sub)
    _add_json_everywhere(parser)
    return argparse_zh.localize(parser)  # after every subcommand: Chinese placeholders


def _add_json_everywhere(parser: argparse.ArgumentParser) -> None:
    """``--json`` is accepted after any (sub)command, as scripts write it."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                if not any("--json" in a.option_strings for a in child._actions):
                    child.add_argument("--json", action="store_true", help="以 JSON 输出")
                _add_json_everywhere(child)


def _ui(name: str) -> Any:
    module, _, func = name.partition(":")
    return getattr(importlib.import_module(module), func)


def _ensure_demo(db: str | None) -> None:
    from app.demo.build import DEMO_STATION
    from app.demo.generator import fill_demo
    from app.store import init_store
    from app.upgrade import is_empty

    if not is_empty(db):  # a missing or empty SQLite file, or a PostgreSQL database without tables
        return
    store, _ = init_store(db, *DEMO_STATION)
    try:
        print(f"正在建立演示数据库 {store.location} ……", file=sys.stderr)
        for _ in fill_demo(store):
            pass
    finally:
        store.close()


def _init(args: argparse.Namespace) -> int:
    from app.accounts.service import enable_accounts
    from app.cli.accounts import PASSWORD_ENV, new_password
    from app.cli.output import print_json
    from app.store import init_store

    store, created = init_store(args.db, args.station, args.name, args.role)
    try:
        if args.admin:
            enable_accounts(store, args.admin, new_password(PASSWORD_ENV))
            print(f"已建立管理员账户“{store.user}”，此后请用 --user {store.user} 登录。", file=sys.stderr)
        if args.json:
            print_json({"station": store.station, "database": store.location, "created": created})
        elif created:
            print(f"已初始化数据库 {store.location}，本站点：{store.station.name}（{store.station.code}）。")
        else:
            print(f"数据库 {store.location} 已是站点“{store.station.name}”的最新结构，无需再次初始化。")
    finally:
        store.close()
    return 0


def run(args: argparse.Namespace) -> int:
    command = args.command or "gui"
    if command == "init":
        return _init(args)
    if getattr(args, "without_store", None):  # upgrade opens the database its own way
        return int(args.without_store(args))
    if command == "gui" and getattr(args, "demo", False):
        _ensure_demo(args.db)
    if command == "gui":
        problem = _ui("ui.launch:display_problem")()
        if problem:
            raise LiangxinError(problem)
        # no database yet: the window asks how to begin; errors at start are dialogs too
        return int(_ui("ui.first_start:run_window")(args.db))
    from app.accounts.roles import SIGNED_OUT
    from app.accounts.service import NOT_SIGNED_IN, NotSignedIn
    from app.cli.accounts import sign_in_password
    from app.cli.backup import warn_about_place
    from app.store import open_store

    store = open_store(args.db, user=args.user, password=sign_in_password(args.user or ""))
    try:
        if store.role == SIGNED_OUT:
            raise NotSignedIn(NOT_SIGNED_IN)
        warn_about_place(store)  # a network share or a USB stick: one line on stderr
        if command == "screenshot":
            return int(_ui("ui.launch:screenshot")(store, args.page, args.out, args.size))
        return int(args.handler(store, args))
    finally:
        store.close()


def window_start(argv: list[str]) -> argparse.Namespace | None:
    """``liangxin [--db DB] [gui [--demo]]``: the window, read without building the whole
    command line (every command's module); anything else is None, for the full parser."""
    args = argparse.Namespace(db=None, user=None, command=None, demo=False, json=False)
    words = iter(argv)
    for word in words:
        if word == "--db":
            args.db = next(words, None)
            if args.db is None:
                return None
        elif word.startswith("--db="):
            args.db = word.removeprefix("--db=")
        elif word == "gui" and args.command is None:
            args.command = "gui"
        elif word == "--demo" and args.command == "gui":
            args.demo = True
        else:
            return None
    return args


def main(argv: list[str] | None = None) -> int:
    setup_logging()
    args = window_start(sys.argv[1:] if argv is None else argv) or build_parser().parse_args(argv)
    try:
        return run(args)
    except LiangxinError as exc:
        print(exc.message, file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # The reader (e.g. ``| head``) has what it wanted; say nothing more.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("已取消，未保存的操作没有写入。", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one sentence and the log's path
        if os.environ.get("LIANGXIN_DEBUG"):
            raise
        print(report_unexpected(exc), file=sys.stderr)
        return 70


if __name__ == "__main__":
    raise SystemExit(main())
