"""``activity add|list|show|delete``, ``visit add|list`` and the organizational-life
prints: ``print activity|life-ledger|life-grid|visits`` (PDF) and the same under
``export`` (.xlsx). The same services as the 组织生活 and 走访 pages."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli import args as types
from app.cli.output import print_json, print_record, print_table
from app.domain.codes import ACTIVITY_KIND
from app.domain.life_codes import REVIEW_GRADE, THEME_DAY_ITEMS, VISIT_REASON
from app.errors import FieldError
from app.services import activities, activity_changes, activity_detail, activity_lists, visits
from app.store import Store

LIFE_PRINTS = ("activity", "life-ledger", "life-grid", "visits")


def _attendees(store: Store, args: argparse.Namespace) -> list[dict[str, Any]] | None:
    """Who is listed: --all-present (every live member of the branches), then --absent
    NAME=REASON and --grade NAME=等次 by name; None when no list is given."""
    if not (args.all_present or args.present or args.absent):
        return None
    people = activities.candidates(store, args.party_org)
    by_name: dict[str, list[str]] = {}
    for person in people:
        by_name.setdefault(person.name, []).append(person.id)

    def member(name: str) -> str:
        found = by_name.get(name.strip(), [])
        if len(found) != 1:
            where = "、".join(args.party_org)
            what = "有两名同名党员，请改用编号" if found else "不是其在册党员"
            raise FieldError("attendees", f"“{name.strip()}”{what}（{where}）。")
        return found[0]

    listed: dict[str, dict[str, Any]] = {}
    if args.all_present:
        listed = {p.id: {"member": p.id, "present": True} for p in people}
    for name in args.present or []:
        for part in name.replace("，", ",").split(","):
            if part.strip():
                listed[member(part)] = {"member": member(part), "present": True}
    for item in args.absent or []:
        name, _, reason = item.partition("=")
        listed[member(name)] = {"member": member(name), "present": False, "reason": reason.strip() or None}
    for item in args.grade or []:
        name, _, grade = item.partition("=")
        listed.setdefault(member(name), {"member": member(name), "present": True})["grade"] = grade.strip()
    return list(listed.values())


def cmd_activity(store: Store, args: argparse.Namespace) -> int:
    if args.action == "add":
        values = {
            "party_orgs": args.party_org,
            "kind": args.kind,
            "held_on": args.date,
            "topic": args.topic,
            "place": args.place,
            "host": args.host,
            "notes": args.notes,
            "items": args.items,
            "extra_items": args.extra,
            "attendees": _attendees(store, args),
            "headcount": args.headcount,
            "attachments": args.attach or [],
        }
        recorded = activities.record_activity(store, values, args.today)
        if args.json:
            print_json({"id": recorded.id, "ids": recorded.ids, "attendance": recorded.figures.text()})
        else:
            joint = f"（联合开展，{len(recorded.ids)} 个党组织各记一条）" if len(recorded.ids) > 1 else ""
            print(f"已登记组织生活（编号 {recorded.id}）{joint}。{recorded.figures.text()}")
        return 0
    if args.action == "list":
        found = activity_lists.list_activities(
            store,
            party_org=args.party_org,
            kind=args.kind,
            year=args.year,
            month=args.month,
            search=args.search,
            limit=args.limit or None,
        )
        if args.json:
            print_json({"total": found.total, "rows": found.rows})
        elif not found.rows:
            print("没有符合条件的组织生活记录。")
        else:
            print_table(
                ["编号", "日期", "类型", "党组织", "主题", "实到/应到", "附件"],
                [
                    [
                        r.id,
                        r.held_on.isoformat(),
                        r.kind_label,
                        r.party_org,
                        r.topic,
                        r.attendance,
                        r.attachments,
                    ]
                    for r in found.rows
                ],
            )
            more = f"，显示前 {len(found.rows)} 条" if found.total > len(found.rows) else ""
            print(f"\n共 {found.total:,} 次活动{more}")
        return 0
    if args.action == "show":
        detail = activity_detail.activity_detail(store, args.key)
        if args.json:
            print_json(detail)
            return 0
        pairs: list[tuple[str, Any]] = [
            ("编号", detail.id),
            ("类型", detail.kind_label),
            ("日期", detail.held_on.isoformat()),
            (
                "党组织",
                "、".join(name for _, name, _ in detail.party_orgs)
                + ("（联合开展）" if detail.joint else ""),
            ),
            ("主题", detail.topic),
            ("地点", detail.place),
            ("主持人", detail.host),
        ]
        if detail.kind == "theme_day":
            pairs.append(
                (
                    "“1+6+X”",
                    "、".join(detail.items) + (f"；X：{detail.extra_items}" if detail.extra_items else ""),
                )
            )
        pairs.append(("出席情况", detail.attendance_text))
        if detail.attendees:
            pairs.append(("出席", "、".join(a.name for a in detail.attendees if a.present) or "—"))
            absent = "；".join(
                a.name + (f"（{a.reason}）" if a.reason else "") for a in detail.attendees if not a.present
            )
            pairs.append(("缺席", absent or "—"))
        graded = "；".join(f"{a.name} {a.grade}" for a in detail.attendees if a.grade)
        if graded:
            pairs.append(("评议结果", graded))
        pairs.append(("内容纪要", detail.notes))
        for name, sha, size in detail.attachments:
            pairs.append(("附件", f"{name}（{size:,} 字节，sha256 {sha}）"))
        print_record(pairs)
        return 0
    what = activity_changes.delete_activity(store, args.key)
    print_json({"deleted": what}) if args.json else print(
        f"已删除组织生活记录 {what}。删除记录已保留在变更日志中。"
    )
    return 0


def cmd_visit(store: Store, args: argparse.Namespace) -> int:
    if args.action == "add":
        values = {
            "organization": args.org,
            "visited_on": args.date,
            "instructor": args.instructor,
            "visitor": args.visitor,
            "reason": args.reason,
            "findings": args.findings,
            "follow_up": args.follow_up,
            "next_due": args.next_due,
        }
        added = visits.add_visit(store, values, args.today)
        task = (
            visits.follow_up_task(store, added.id, args.task_campaign, args.today)
            if args.task_campaign
            else None
        )
        if args.json:
            print_json({"id": added.id, "next_due": added.next_due, "task": task})
        else:
            due = added.next_due.isoformat() if added.next_due else "—"
            made = f"跟进事项已转为任务（编号 {task}）。" if task else ""
            print(f"已登记走访（编号 {added.id}），下次走访：{due}。{made}")
        return 0
    found = visits.list_visits(
        store, organization=args.org, instructor=args.instructor, year=args.year, limit=args.limit or None
    )
    if args.json:
        print_json(found)
    elif not found:
        print("没有符合条件的走访记录。")
    else:
        print_table(
            ["编号", "日期", "两新组织", "走访人", "事由", "跟进事项", "下次走访", "任务"],
            [
                [
                    v.id,
                    v.visited_on.isoformat(),
                    v.organization,
                    v.visitor,
                    v.reason,
                    v.follow_up,
                    v.next_due.isoformat() if v.next_due else "",
                    "已转" if v.task_id else "",
                ]
                for v in found
            ],
        )
        print(f"\n共 {len(found):,} 条")
    if args.idle:
        idle = visits.idle_instructors(store, args.today)
        print("\n挂名不管事的党建指导员：" + ("、".join(f.name for f in idle) if idle else "无"))
    return 0


def life_print(store: Store, args: argparse.Namespace, workbook: bool) -> Any:
    """``print``/``export`` of one of LIFE_PRINTS: the written file."""
    from app.jobs import run_job
    from app.reports import life_pdf, life_xlsx

    today = getattr(args, "today", None)
    if args.what == "activity":
        job = (life_xlsx.export_activity_job if workbook else life_pdf.print_activity_job)(
            store, args.id, args.out
        )
    elif args.what == "life-ledger":
        maker = life_xlsx.export_life_ledger_job if workbook else life_pdf.print_life_ledger_job
        job = maker(store, args.party_org, args.year, args.out, today)
    elif args.what == "life-grid":
        rule = {
            "theme-day": "theme_day_monthly",
            "committee": "committee_meeting_monthly",
            "lecture": "lecture_quarterly",
        }.get(args.rule or "")
        job = (life_xlsx.export_grid_job if workbook else life_pdf.print_grid_job)(
            store, args.year, args.out, rule, today
        )
    else:
        job = (life_xlsx.export_visits_job if workbook else life_pdf.print_visits_job)(
            store, args.out, instructor=args.instructor, year=args.year
        )
    return run_job(job)


LABELS = {
    "activity": "会议记录",
    "life-ledger": "组织生活台账",
    "life-grid": "开展情况表",
    "visits": "走访记录",
}


def add_life_prints(what: Any, workbook: bool) -> None:
    """The organizational-life targets of ``print`` (PDF) or ``export`` (.xlsx)."""
    suffix = ".xlsx" if workbook else ".pdf"
    a = what.add_parser("activity", help="会议记录（一次活动，A4，含签到栏）")
    a.add_argument("--id", required=True, help="活动编号（activity list 可查）")
    a.add_argument("--out", required=True, help=f"输出 {suffix} 文件")
    ledger = what.add_parser("life-ledger", help="一个党组织全年的组织生活台账")
    ledger.add_argument("--party-org", required=True, help="党组织的编号或名称")
    ledger.add_argument("--year", type=types.year, required=True, help="年度")
    ledger.add_argument("--out", required=True, help=f"输出 {suffix} 文件")
    ledger.add_argument("--today", type=types.day, help="按指定日期核对（YYYY-MM-DD）")
    grid = what.add_parser("life-grid", help="组织生活开展情况（党组织 × 月份，横向）")
    grid.add_argument("--year", type=types.year, required=True, help="年度")
    grid.add_argument(
        "--rule", choices=("theme-day", "committee", "lecture"), help="只看一项：主题党日、支委会或党课"
    )
    grid.add_argument("--out", required=True, help=f"输出 {suffix} 文件")
    grid.add_argument("--today", type=types.day, help="按指定日期核对（YYYY-MM-DD）")
    v = what.add_parser("visits", help="走访记录（横向）")
    v.add_argument("--instructor", help="只打印一名党建指导员的走访")
    v.add_argument("--year", type=types.year, help="年度")
    v.add_argument("--out", required=True, help=f"输出 {suffix} 文件")


def add_life_commands(sub: Any) -> None:
    kinds = "、".join(f"{label}（{code}）" for code, label in ACTIVITY_KIND.labels.items())
    p = sub.add_parser("activity", help="组织生活记录（三会一课、主题党日等）")
    actions = p.add_subparsers(dest="action", required=True, metavar="操作")
    a = actions.add_parser("add", help="登记一次组织生活；联合开展的，--party-org 写多次")
    a.add_argument(
        "--party-org", action="append", required=True, help="开展活动的党组织（编号或名称），可写多次"
    )
    a.add_argument("--kind", required=True, help=f"类型：{kinds}")
    a.add_argument("--date", required=True, type=types.day, help="日期 YYYY-MM-DD")
    a.add_argument("--topic", required=True, help="主题（主题党日的“1”，会议的议题）")
    a.add_argument("--place", help="地点")
    a.add_argument("--host", help="主持人")
    a.add_argument("--notes", help="内容纪要")
    a.add_argument("--items", help=f"主题党日的“6”项，逗号分隔：{'、'.join(THEME_DAY_ITEMS.labels.values())}")
    a.add_argument("--extra", help="主题党日的“X”自选内容")
    a.add_argument("--all-present", action="store_true", help="开展党组织的在册党员全部列入并出席")
    a.add_argument("--present", action="append", help="出席的党员姓名（逗号分隔，可写多次）")
    a.add_argument("--absent", action="append", metavar="姓名=原因", help="缺席的党员及原因，可写多次")
    a.add_argument(
        "--grade",
        action="append",
        metavar="姓名=等次",
        help=f"民主评议等次：{'、'.join(REVIEW_GRADE.labels.values())}",
    )
    a.add_argument("--headcount", help="未登记名单时，按纸质记录补录的实到人数")
    a.add_argument("--attach", action="append", metavar="文件", help="附件（照片、扫描的签到表），可写多次")
    a.add_argument("--today", type=types.day, help=argparse.SUPPRESS)
    ls = actions.add_parser("list", help="列出组织生活记录（新的在前）")
    ls.add_argument("--party-org", help="党组织的编号或名称")
    ls.add_argument("--kind", help="类型")
    ls.add_argument("--year", type=types.year, help="年度")
    ls.add_argument("--month", type=types.bounded("月份", 12), help="月份 1–12")
    ls.add_argument("--search", default="", help="主题或党组织名称")
    ls.add_argument("--limit", type=types.limit, default=50, help="最多显示条数（0 为全部，默认 50）")
    s = actions.add_parser("show", help="查看一次组织生活（出席、缺席、附件）")
    s.add_argument("key", metavar="编号")
    d = actions.add_parser("delete", help="删除误录入的组织生活记录（联合开展的一并删除）")
    d.add_argument("key", metavar="编号")
    p.set_defaults(handler=cmd_activity)

    p = sub.add_parser("visit", help="党建指导员走访记录（四必访）")
    actions = p.add_subparsers(dest="action", required=True, metavar="操作")
    a = actions.add_parser("add", help="登记一次走访")
    a.add_argument("--org", required=True, help="两新组织的编号或名称")
    a.add_argument("--date", required=True, type=types.day, help="走访日期 YYYY-MM-DD")
    a.add_argument("--instructor", help="走访的党建指导员（编号或姓名）")
    a.add_argument("--visitor", help="走访人（不是指导员时）")
    a.add_argument("--reason", help=f"事由：{'、'.join(VISIT_REASON.labels.values())}（默认日常走访）")
    a.add_argument("--findings", help="发现的情况")
    a.add_argument("--follow-up", help="跟进事项")
    a.add_argument("--next-due", help="下次走访日期（默认按设置的间隔推算）")
    a.add_argument("--task-campaign", help="把跟进事项转为这项专项行动的任务")
    a.add_argument("--today", type=types.day, help=argparse.SUPPRESS)
    ls = actions.add_parser("list", help="列出走访记录（新的在前）")
    ls.add_argument("--org", help="两新组织的编号或名称")
    ls.add_argument("--instructor", help="党建指导员的编号或姓名")
    ls.add_argument("--year", type=types.year, help="年度")
    ls.add_argument("--idle", action="store_true", help="同时列出“挂名不管事”的党建指导员")
    ls.add_argument("--limit", type=types.limit, default=50, help="最多显示条数（0 为全部，默认 50）")
    ls.add_argument("--today", type=types.day, help=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_visit)
