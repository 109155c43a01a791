"""``print dashboard|notice|appraisal|roster|ledger|card`` (PDF) and
``export dashboard|notice`` (xlsx); ``export FILE.xlsx --kind …`` (a register) is in
``app.cli.ledger``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from app.cli import args as types
from app.cli.ledger import ExportTargets, add_register_export
from app.cli.life import LIFE_PRINTS, add_life_prints
from app.cli.output import print_json
from app.store import Store

STATION_HELP = "只含这个街道（区里使用：街道代码或名称；默认全区）"


def _today(args: argparse.Namespace) -> date | None:
    return getattr(args, "today", None)


def _print_forms(store: Store, args: argparse.Namespace) -> list[Path]:
    """The forms as they stand, blank for subjects not yet appraised: printing creates
    no records."""
    from app.dashboard import station_line
    from app.errors import LiangxinError, NotFoundError
    from app.jobs import run_job
    from app.reports.forms import write_forms_job
    from app.services.appraisals import forms_for, subject_choices

    subjects = None
    if args.subject:
        by_name = {name: sid for sid, name in subject_choices(store, args.template)}
        ids = set(by_name.values())
        subjects = []
        for key in args.subject:
            if key in ids:
                subjects.append(key)
            elif key in by_name:
                subjects.append(by_name[key])
            else:
                raise NotFoundError(f"没有找到评议对象“{key}”。请写编号或完整名称。", "subject")
    forms = forms_for(store, args.template, args.year, subjects)
    if not forms:
        raise LiangxinError(
            "没有可打印的考核表：还没有登记可评议的对象，请先在登记簿中登记党组织或两新组织。"
        )
    station = station_line(store.station.name, store.station.code)
    # One PDF, or one file each written all-or-nothing (two subjects of one name get -2).
    return run_job(write_forms_job(forms, station, args.out, one_file_each=args.each))


def _life(store: Store, args: argparse.Namespace, workbook: bool) -> int:
    from app.cli.life import LABELS, life_print

    path = life_print(store, args, workbook)
    if args.json:
        print_json({"out": [str(path)] if not workbook else str(path)})
    else:
        print(f"已{'导出' if workbook else '生成'}{LABELS[args.what]}：{path}")
    return 0


def cmd_print(store: Store, args: argparse.Namespace) -> int:
    written: list[Any]
    if args.what in LIFE_PRINTS:  # 组织生活 and 走访 (app.cli.life)
        return _life(store, args, workbook=False)
    if args.what == "notice":
        from app.reports.notice import print_notice

        written = [print_notice(store, args.campaign, args.out, _today(args))]
    elif args.what == "appraisal":
        written = _print_forms(store, args)
    elif args.what == "roster":
        from app.reports.registers import print_roster

        written = [print_roster(store, args.party_org, args.out, reveal=args.full)]
    elif args.what == "ledger":
        from app.reports.registers import print_ledger

        written = [print_ledger(store, args.out, args.station)]
    elif args.what == "card":
        from app.reports.registers import print_card

        written = [print_card(store, args.org, args.out)]
    else:
        from app.reports.dashboard import print_dashboard

        written = [print_dashboard(store, args.out, _today(args), args.station)]
    if args.json:
        print_json({"out": [str(p) for p in written]})
    else:
        label = {"appraisal": "考核表", "roster": "花名册", "ledger": "台账", "card": "档案卡"}.get(
            args.what, "通报"
        )
        for path in written:
            print(f"已生成{label}：{path}")
    return 0


def cmd_export(store: Store, args: argparse.Namespace) -> int:
    if args.what in LIFE_PRINTS:
        return _life(store, args, workbook=True)
    if args.what == "notice":
        from app.reports.notice import export_notice

        path = export_notice(store, args.campaign, args.out, _today(args))
    else:
        from app.reports.dashboard import export_dashboard

        path = export_dashboard(store, args.out, _today(args), args.station)
    print_json({"out": str(path)}) if args.json else print(f"已导出表格：{path}")
    return 0


def add_report_commands(sub: Any) -> None:
    p = sub.add_parser("print", help="打印：生成 PDF")
    what = p.add_subparsers(dest="what", required=True, metavar="内容")
    d = what.add_parser("dashboard", help="工作台通报（一页 A4）")
    d.add_argument("--out", required=True, help="输出 PDF 文件，如 通报.pdf")
    d.add_argument("--today", type=types.day, help="按指定日期统计（YYYY-MM-DD）")
    d.add_argument("--station", help=STATION_HELP)
    n = what.add_parser("notice", help="专项行动进度通报")
    n.add_argument("--campaign", required=True, help="专项行动的编号或名称")
    n.add_argument("--out", required=True, help="输出 PDF 文件")
    n.add_argument("--today", type=types.day, help="按指定日期统计逾期（YYYY-MM-DD）")
    a = what.add_parser("appraisal", help="考核评议表（每个对象一份，各自起页）")
    a.add_argument(
        "--template", required=True, help="模板：review、star_rating、health_check 或导入的模板代码"
    )
    a.add_argument("--year", type=types.year, required=True, help="年度")
    a.add_argument("--subject", nargs="*", help="评议对象的编号或名称（默认全部）")
    a.add_argument("--out", required=True, help="输出 PDF 文件；用 --each 时为文件夹")
    a.add_argument("--each", action="store_true", help="每个对象单独一个文件")
    r = what.add_parser("roster", help="党员花名册（横向）")
    r.add_argument("--party-org", required=True, help="党组织的编号或名称")
    r.add_argument("--out", required=True)
    r.add_argument("--full", action="store_true", help="打印完整身份证号码和电话")
    ledger = what.add_parser("ledger", help="两新组织台账（横向）")
    ledger.add_argument("--out", required=True)
    ledger.add_argument("--station", help=STATION_HELP)
    c = what.add_parser("card", help="两新组织档案卡")
    c.add_argument("--org", required=True, help="两新组织的编号或名称")
    c.add_argument("--out", required=True)
    add_life_prints(what, workbook=False)
    p.set_defaults(handler=cmd_print)

    p = sub.add_parser("export", help="导出：生成 Excel 表格（也可 export 文件.xlsx --kind 导出登记簿）")
    what = p.add_subparsers(dest="what", required=True, metavar="内容", action=ExportTargets)
    add_register_export(what)
    d = what.add_parser("dashboard", help="工作台的各张表和问题明细")
    d.add_argument("--out", required=True, help="输出 xlsx 文件，如 工作台.xlsx")
    d.add_argument("--today", type=types.day, help="按指定日期统计（YYYY-MM-DD）")
    d.add_argument("--station", help=STATION_HELP)
    n = what.add_parser("notice", help="专项行动进度表")
    n.add_argument("--campaign", required=True)
    n.add_argument("--out", required=True)
    n.add_argument("--today", type=types.day, help="按指定日期统计逾期（YYYY-MM-DD）")
    add_life_prints(what, workbook=True)
    p.set_defaults(handler=cmd_export)
