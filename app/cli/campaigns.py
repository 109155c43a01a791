"""``campaign create|list|show`` and ``task generate|add|list|move|close``."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli import args as types
from app.cli.output import print_json, print_record, print_table
from app.services import campaigns, task_board, task_generation, task_moves
from app.services.campaign_progress import campaign_progress
from app.store import Store


def _show(record: dict[str, Any]) -> None:
    print_record(
        [
            ("编号", record["id"]),
            ("名称", record["name"]),
            ("目标", record["goal"] or ""),
            ("时间", f"{record['starts_on'] or '—'} 至 {record['ends_on'] or '—'}"),
        ]
    )
    if record["phases"]:
        print()
        print_table(
            ["阶段", "开始", "截止"], [[p["name"], p["starts_on"], p["ends_on"]] for p in record["phases"]]
        )
    if record["units"]:
        print()
        print_table(["责任单位类型", "责任单位"], [[u["kind_label"], u["name"]] for u in record["units"]])


def cmd_campaign(store: Store, args: argparse.Namespace) -> int:
    if args.action == "create":
        record = campaigns.create_campaign(
            store,
            {
                "name": args.name,
                "goal": args.goal,
                "starts_on": args.starts,
                "ends_on": args.ends,
            },
            template=args.template,
            units=args.unit,
            year=args.year,
        )
        print_json(record) if args.json else (print(f"已建立专项行动“{record['name']}”。"), _show(record))
        return 0
    if args.action == "show":
        record = campaigns.get_campaign(store, args.campaign)
        progress = campaign_progress(store, args.campaign, args.today)
        if args.json:
            print_json({**record, "progress": progress.as_dict()})
            return 0
        _show(record)
        total = progress.total
        print(
            f"\n任务 {total.total:,} 项：已销号 {total.done:,}，未完成 {total.open:,}"
            f"（逾期 {total.overdue:,}），完成率 {total.percent:.1f}%"
        )
        return 0
    rows = campaigns.list_campaigns(store)
    if args.json:
        print_json(rows)
    elif not rows:
        print("还没有专项行动。用 liangxin campaign create --template da_zujian 按“大组建”模板建立。")
    else:
        print_table(
            ["编号", "名称", "开始", "结束"],
            [[r["id"], r["name"], r["starts_on"], r["ends_on"]] for r in rows],
        )
    return 0


def cmd_task(store: Store, args: argparse.Namespace) -> int:
    today = getattr(args, "today", None)
    if args.action == "generate":
        if args.preview:
            found = task_generation.preview_tasks(
                store, args.campaign, args.rule, today, assign=args.assign, unit=args.unit
            )
            if args.json:
                print_json(found)
            else:
                print_table(
                    ["规则", "名称", "问题", "分派给", "已有任务"],
                    [
                        [c.rule_id, c.record_name, c.message, c.assignee, "已有" if c.exists else ""]
                        for c in found
                    ],
                    max_width=48,
                )
            return 0
        result = task_generation.generate_tasks(
            store,
            args.campaign,
            args.rule,
            assign=args.assign,
            unit=args.unit,
            phase=args.phase,
            due_on=args.due,
            today=today,
        )
        if args.json:
            print_json(result)
        else:
            print(f"已生成任务 {result.created:,} 项；{result.skipped:,} 项此前已有任务，未重复生成。")
        return 0
    if args.action == "add":
        added = task_generation.add_task(
            store,
            args.campaign,
            {
                "title": args.title,
                "organization": args.organization,
                "assignee": args.assignee,
                "due_on": args.due,
                "phase": args.phase,
            },
            today,
        )
        print_json({"id": added.id}) if args.json else print(f"已新增任务（编号 {added.id}）。")
        return 0
    if args.action in ("move", "close"):
        to = "done" if args.action == "close" else args.to
        moved = task_moves.move_task(store, args.id, to, note=args.note, override=args.override, today=today)
        if args.json:
            print_json({"id": moved.id, "status": moved.status, "override_reason": moved.override_reason})
        else:
            label = task_board.STATUS.label(moved.status)
            extra = f"（特殊情况说明：{moved.override_reason}）" if moved.override_reason else ""
            print(f"任务已移到“{label}”{extra}。")
        return 0
    flt = task_board.TaskFilter(
        campaign=args.campaign,
        assignee=args.assignee,
        community=args.community,
        status=args.status,
        overdue_only=args.overdue,
        search=args.search or "",
    )
    cards = task_board.task_cards(store, flt, today=today)
    if args.json:
        print_json(cards)
    else:
        print_table(
            ["编号", "任务", "对象", "责任单位", "状态", "时限", "逾期天数"],
            [
                [
                    c.id,
                    c.title,
                    c.record,
                    c.assignee,
                    task_board.STATUS.label(c.status),
                    c.due_on,
                    c.days_overdue or "",
                ]
                for c in cards
            ],
        )
        print(f"共 {len(cards):,} 项")
    return 0


def add_campaign_commands(sub: Any) -> None:
    p = sub.add_parser("campaign", help="专项行动")
    actions = p.add_subparsers(dest="action", required=True, metavar="操作")
    a = actions.add_parser("create", help="新建专项行动（可按模板）")
    a.add_argument("--name", help="行动名称（用模板时可省略）")
    a.add_argument("--goal", help="工作目标")
    a.add_argument("--starts", type=types.day, help="开始日期 YYYY-MM-DD")
    a.add_argument("--ends", type=types.day, help="结束日期 YYYY-MM-DD")
    a.add_argument("--template", choices=sorted(campaigns.TEMPLATES), help="da_zujian：“大组建”专项攻坚行动")
    a.add_argument("--year", type=types.year, help="模板各阶段所在年份（默认今年）")
    a.add_argument("--unit", action="append", help="责任单位，如 leader:王书记（可重复）")
    actions.add_parser("list", help="列出专项行动")
    a = actions.add_parser("show", help="查看专项行动及进度")
    a.add_argument("campaign", metavar="专项行动")
    a.add_argument("--today", type=types.day, help="按指定日期计算逾期（YYYY-MM-DD）")
    p.set_defaults(handler=cmd_campaign)

    p = sub.add_parser("task", help="挂图作战任务")
    actions = p.add_subparsers(dest="action", required=True, metavar="操作")
    a = actions.add_parser("generate", help="按规则检查出的问题生成任务")
    a.add_argument("--campaign", required=True)
    a.add_argument("--rule", action="append", required=True, help="规则编号（可重复）")
    a.add_argument(
        "--assign",
        default="instructor",
        choices=sorted(task_generation.ASSIGN_BY),
        help="分派方式：instructor 该组织的党建指导员（默认）、community 所在社区、unit 指定单位（--unit）、"
        "action 按行动分工（挂点促建交区领导、驻街保建交区直机关、主管包建交业务主管单位、"
        "党群共建交群团，其余交所在社区）",
    )
    a.add_argument("--unit", help="按指定单位分派时的责任单位")
    a.add_argument("--phase", help="阶段名称（默认当前阶段）")
    a.add_argument("--due", type=types.day, help="完成时限（默认阶段截止日）")
    a.add_argument("--preview", action="store_true", help="只预览将生成的任务")
    a.add_argument("--today", type=types.day, help="按指定日期检查（YYYY-MM-DD）")
    a = actions.add_parser("add", help="手工新增任务")
    a.add_argument("--campaign", required=True)
    a.add_argument("--title", required=True)
    a.add_argument("--organization", help="两新组织")
    a.add_argument("--assignee", help="责任单位")
    a.add_argument("--phase")
    a.add_argument("--due", type=types.day, help="完成时限 YYYY-MM-DD")
    a.add_argument("--today", type=types.day, help="今天的日期（YYYY-MM-DD，默认今天）")
    a = actions.add_parser("list", help="列出任务")
    a.add_argument("--campaign")
    a.add_argument("--assignee")
    a.add_argument("--community")
    a.add_argument("--status", help="待办、进行中、已销号")
    a.add_argument("--overdue", action="store_true", help="只列逾期的")
    a.add_argument("--search")
    a.add_argument("--today", type=types.day, help="今天的日期（YYYY-MM-DD，默认今天）")
    a = actions.add_parser("move", help="改变任务状态")
    a.add_argument("id")
    a.add_argument("--to", required=True, help="todo|doing|done 或 待办|进行中|已销号")
    a.add_argument("--note")
    a.add_argument("--override", help="数据仍不符合规则时销号的特殊情况说明")
    a.add_argument("--today", type=types.day, help="今天的日期（YYYY-MM-DD，默认今天）")
    a = actions.add_parser("close", help="销号")
    a.add_argument("id")
    a.add_argument("--note", required=True, help="完成情况")
    a.add_argument("--override", help="数据仍不符合规则时销号的特殊情况说明")
    a.add_argument("--today", type=types.day, help="今天的日期（YYYY-MM-DD，默认今天）")
    p.set_defaults(handler=cmd_task)
