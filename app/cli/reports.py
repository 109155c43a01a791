"""``print dashboard`` (the one-page 通报 PDF) and ``export dashboard`` (the workbook)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from app.cli.output import print_json
from app.store import Store


def _today(args: argparse.Namespace) -> date | None:
    return date.fromisoformat(args.today) if args.today else None


def cmd_print(store: Store, args: argparse.Namespace) -> int:
    if args.what == "notice":
        from app.reports.notice import print_notice

        path = print_notice(store, args.campaign, args.out, _today(args))
    else:
        from app.reports.dashboard import print_dashboard

        path = print_dashboard(store, args.out, _today(args))
    print_json({"out": str(path)}) if args.json else print(f"已生成通报：{path}")
    return 0


def cmd_export(store: Store, args: argparse.Namespace) -> int:
    if args.what == "notice":
        from app.reports.notice import export_notice

        path = export_notice(store, args.campaign, args.out, _today(args))
    else:
        from app.reports.dashboard import export_dashboard

        path = export_dashboard(store, args.out, _today(args))
    print_json({"out": str(path)}) if args.json else print(f"已导出表格：{path}")
    return 0


def add_report_commands(sub: Any) -> None:
    for command, help_text, handler, dashboard_help, out_help in (
        ("print", "打印：生成 PDF", cmd_print, "工作台通报（一页 A4）", "输出 PDF 文件，如 通报.pdf"),
        (
            "export",
            "导出：生成 Excel 表格",
            cmd_export,
            "工作台的各张表和问题明细",
            "输出 xlsx 文件，如 工作台.xlsx",
        ),
    ):
        p = sub.add_parser(command, help=help_text)
        what = p.add_subparsers(dest="what", required=True, metavar="内容")
        d = what.add_parser("dashboard", help=dashboard_help)
        d.add_argument("--out", required=True, help=out_help)
        d.add_argument("--today", help="按指定日期统计（YYYY-MM-DD）")
        n = what.add_parser("notice", help="专项行动进度通报")
        n.add_argument("--campaign", required=True, help="专项行动的编号或名称")
        n.add_argument(
            "--out",
            required=True,
            help=out_help.replace("工作台", "进度通报").replace("通报.pdf", "进度通报.pdf"),
        )
        n.add_argument("--today", help="按指定日期统计逾期（YYYY-MM-DD）")
        p.set_defaults(handler=handler)
