"""``dup members|orgs``: 查重 across sub-districts, at the district."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.output import print_json, print_table
from app.services import duplicates
from app.store import Store


def cmd_dup(store: Store, args: argparse.Namespace) -> int:
    if args.tasks:
        made = duplicates.make_duplicate_tasks(store, args.kind, args.tasks)
        print(f"已为重复登记的{duplicates.KINDS[args.kind]}生成 {made} 项核查任务（每个涉及的街道一项）。")
        return 0
    if args.out:
        path = duplicates.export_duplicates(store, args.kind, args.out, reveal=args.full)
        print(f"已导出到“{path}”。")
        return 0
    groups = duplicates.find_duplicates(store, args.kind, reveal=args.full)
    if args.json:
        print_json(
            [{"key": g.key, "name": g.name, "stations": g.stations, "records": g.records} for g in groups]
        )
        return 0
    if not groups:
        print(f"各街道之间没有重复登记的{duplicates.KINDS[args.kind]}。")
        return 0
    print(f"重复登记的{duplicates.KINDS[args.kind]}：{len(groups)} 组。")
    for number, group in enumerate(groups, start=1):
        print(f"\n{number}. {group.name}（{group.key}），登记在 {len(group.stations)} 个街道：")
        if args.kind == "members":
            print_table(
                ["街道", "姓名", "类别", "组织关系", "工作单位", "所在党组织"],
                [
                    [
                        r["station_name"],
                        r["name"],
                        r["category"],
                        r["relation"],
                        r["employer"],
                        r["party_org"],
                    ]
                    for r in group.records
                ],
            )
        else:
            print_table(
                ["街道", "名称", "从业人员", "已建党组织", "地址"],
                [
                    [
                        r["station_name"],
                        r["name"],
                        r["employees"],
                        "是" if r["covered"] else "否",
                        r["address"],
                    ]
                    for r in group.records
                ],
            )
    return 0


def add_district_commands(sub: Any) -> None:
    p = sub.add_parser("dup", help="区：查找在两个以上街道重复登记的党员或两新组织")
    p.add_argument(
        "kind",
        choices=tuple(duplicates.KINDS),
        help="members（党员，按身份证号）或 orgs（两新组织，按信用代码）",
    )
    p.add_argument("--full", action="store_true", help="显示完整身份证号（默认部分隐藏）")
    p.add_argument("--out", help="导出为 .xlsx 文件")
    p.add_argument("--tasks", metavar="专项行动", help="为每个涉及的街道生成一项核查任务，挂在这个专项行动下")
    p.set_defaults(handler=cmd_dup)
