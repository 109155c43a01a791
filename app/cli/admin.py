"""``init``, ``demo``, ``stats``, ``check``, ``settings`` and ``journal`` commands."""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from datetime import date
from typing import Any

from app.cli.args import bounded, day, limit
from app.cli.output import print_json, print_record, print_table, printable
from app.domain.station_time import local_time, station_zone
from app.errors import LiangxinError
from app.rules.catalog import RULES, RULES_BY_ID
from app.services.audit import read_journal
from app.settings import SPECS, change_setting, current_settings, reset_all_settings, reset_setting
from app.station_scope import station_names, station_scope
from app.stats import check, station_stats
from app.store import Store


def cmd_demo(store: Store, args: argparse.Namespace) -> int:
    from app.demo.generator import demo_counts, fill_demo

    started = time.perf_counter()
    last = 0.0
    for step in fill_demo(store, orgs=args.orgs, members=args.members, seed=args.seed):
        now = time.perf_counter()
        if sys.stderr.isatty() and now - last > 0.2:
            sys.stderr.write(f"\r{step.stage} {step.done:,} / {step.total:,} 行   ")
            last = now
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 60 + "\r")
    counts = demo_counts(store)
    seconds = round(time.perf_counter() - started, 1)
    if args.json:
        print_json({"counts": counts, "seconds": seconds})
    else:
        print(
            f"已生成演示数据（用时 {seconds} 秒）：{counts['organization']:,} 个两新组织、"
            f"{counts['party_org']:,} 个党组织、{counts['member']:,} 名党员、{counts['community']:,} 个社区、"
            f"{counts['instructor']:,} 名指导员、{counts['activity']:,} 条组织生活记录。"
        )
    return 0


def _today(args: argparse.Namespace) -> date | None:
    return getattr(args, "today", None)  # already a date: argparse applied ``day``


def cmd_stats(store: Store, args: argparse.Namespace) -> int:
    stats = station_stats(store, _today(args), args.station)
    if args.json:
        print_json(stats)
        return 0
    rates = stats["rates"]

    def pct(key: str) -> str:
        r = rates[key]
        return (
            "—"
            if r["percent"] is None
            else f"{r['percent']:.1f}%（{r['numerator']:,} / {r['denominator']:,}）"
        )

    print(
        printable(
            f"{stats['station']['name']}（{stats['station']['code']}） {stats['date']}  统计范围：{stats['scope']}"
        )
    )
    scope = stats["station_scope"]
    if scope["district"]:
        print(printable(f"数据范围：{scope['label']}"))
    print_record(
        [
            (
                "两新组织",
                f"{stats['organizations']['total']:,}（非公企业 {stats['organizations']['enterprises']:,}，社会组织 {stats['organizations']['social_orgs']:,}）",
            ),
            ("党的组织覆盖率", pct("organization_coverage")),
            ("党的工作覆盖率", pct("work_coverage")),
            ("应建尽建率", pct("must_build_rate")),
            ("单独组建率", pct("independent_rate")),
            (
                "组建方式",
                "已覆盖的两新组织中：单独组建 {independent:,}，联合组建 {joint:,}，挂靠组建 {attached:,}".format(
                    **stats["coverage"]
                ),
            ),
            ("党组织", f"{stats['party_orgs']['total']:,}"),
            ("党员", f"{stats['members']['total']:,}（预备党员 {stats['members']['probationary']:,}）"),
            ("口袋党员", f"{stats['members']['pocket']:,}"),
            (
                "流动党员",
                f"{stats['members']['mobile']:,}（流出 {stats['members']['mobile_out']:,}，流入 {stats['members']['mobile_in']:,}）",
            ),
            ("待整改问题", f"{stats['findings']['total']:,}"),
        ]
    )
    if len(stats["by_station"]) > 1:  # a district's sub-districts, lowest coverage first
        print("\n各街道党的组织覆盖率（由低到高）：")
        print_table(
            ["街道", "统计范围内", "已覆盖", "党的组织覆盖率", "应建尽建率"],
            [
                [
                    r["label"],
                    r["in_scope"],
                    r["covered"],
                    _percent(r["organization_coverage"]),
                    _percent(r["must_build_rate"]),
                ]
                for r in stats["by_station"]
            ],
        )
    return 0


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def cmd_check(store: Store, args: argparse.Namespace) -> int:
    unknown = [r for r in args.rule or [] if r not in RULES_BY_ID]
    if unknown:
        from app.errors import LiangxinError

        raise LiangxinError(f"没有规则“{unknown[0]}”。可用规则：{'、'.join(RULES_BY_ID)}。")
    station = station_scope(store, args.station).station
    findings = check(store, _today(args), args.rule or None, station)
    # At a district every finding names its sub-district, unless only one is checked.
    names = station_names(store) if store.station.role == "district" and station is None else {}
    if args.json:
        print_json(
            {
                "total": len(findings),
                "rules": [
                    {
                        "id": rule.id,
                        "title": rule.title,
                        "source": rule.source,
                        "count": sum(1 for f in findings if f.rule_id == rule.id),
                    }
                    for rule in RULES
                    if not args.rule or rule.id in args.rule
                ],
                "findings": findings,
            }
        )
        return 0
    for rule in RULES:
        mine = [f for f in findings if f.rule_id == rule.id]
        if args.rule and rule.id not in args.rule:
            continue
        print(f"【{rule.title}】{len(mine):,} 项  （{rule.id}）\n  依据：{rule.source}")
        for f in mine[: args.limit or None]:
            where = f"【{names.get(f.station, f.station)}】" if names else ""
            print(printable(f"  · {where}{f.record_name}：{f.message}"))
        if args.limit and len(mine) > args.limit:
            print(f"  …… 另有 {len(mine) - args.limit:,} 项（--limit 0 显示全部）")
        print()
    print(f"共 {len(findings):,} 项待整改问题。")
    return 0


def cmd_settings(store: Store, args: argparse.Namespace) -> int:
    if args.action == "set":
        value = change_setting(store, args.key, args.value)
        print_json({args.key: value}) if args.json else print(f"已将“{SPECS[args.key].label}”设为 {value}。")
        return 0
    if args.action == "reset":
        if not args.key and not args.all:
            raise LiangxinError("请给出要恢复的设置项，或用 --all 全部恢复默认值。")
        values = reset_all_settings(store) if args.all else {args.key: reset_setting(store, args.key)}
        if args.json:
            print_json(values)
        elif not values:
            print("所有设置已是默认值，无需恢复。")
        else:
            for key, value in values.items():
                print(f"已将“{SPECS[key].label}”恢复为默认值 {value}。")
        return 0
    values = current_settings(store)
    if args.json:
        print_json(values)
    else:
        print_table(
            ["设置项", "说明", "当前值", "默认值"],
            [[key, spec.label, values[key], spec.default] for key, spec in SPECS.items()],
            max_width=48,
        )
    return 0


def cmd_journal(store: Store, args: argparse.Namespace) -> int:
    # The station's clock time with its offset (2025-03-01T09:30:00+08:00), on both engines:
    # SQLite gives back UTC without an offset, PostgreSQL its session's zone. The clerks'
    # own clock reads the way they remember the change, its date is the day the burn-down
    # counts it under, and the offset keeps it one exact moment for scripts.
    zone = station_zone(current_settings(store)["station.time_zone"])
    changes = [
        replace(c, at=local_time(c.at, zone))
        for c in read_journal(store, after=args.after, limit=args.limit or None, row_id=args.id)
    ]
    if args.json:
        print_json(changes)
    else:
        print_table(
            ["序号", "表", "记录", "操作", "时间", "操作人", "变更"],
            [
                [
                    c.seq,
                    c.table,
                    c.row_id,
                    c.op,
                    f"{c.at:%Y-%m-%d %H:%M}",
                    c.by,
                    json.dumps(c.changes, ensure_ascii=False, default=str),
                ]
                for c in changes
            ],
            max_width=60,
        )
    return 0


def add_admin_commands(sub: Any) -> None:
    p = sub.add_parser("demo", help="在空数据库中生成演示数据")
    p.add_argument(
        "--orgs", type=bounded("两新组织数", 1_000_000), default=1500, help="两新组织数（默认 1500）"
    )
    p.add_argument(
        "--members", type=bounded("党员数", 10_000_000), default=10000, help="党员数（默认 10000）"
    )
    p.add_argument(
        "--seed", type=bounded("随机种子", 2**31 - 1), default=1, help="随机种子（同一种子生成相同数据）"
    )
    p.set_defaults(handler=cmd_demo)
    p = sub.add_parser("stats", help="覆盖率和统计数字")
    p.add_argument("--today", type=day, help="按指定日期统计（YYYY-MM-DD）")
    p.add_argument("--station", help="只统计这个街道（区里使用：街道代码或名称）")
    p.set_defaults(handler=cmd_stats)
    p = sub.add_parser("check", help="按规则检查，列出待整改问题")
    p.add_argument("--rule", action="append", help="只检查这条规则（可重复）")
    p.add_argument("--today", type=day, help="按指定日期检查（YYYY-MM-DD）")
    p.add_argument("--limit", type=limit, default=10, help="每条规则最多列出几项（0 为全部）")
    p.add_argument("--station", help="只检查这个街道的记录（区里使用：街道代码或名称）")
    p.set_defaults(handler=cmd_check)
    p = sub.add_parser("settings", help="规则阈值和统计范围")
    actions = p.add_subparsers(dest="action", required=True, metavar="操作")
    actions.add_parser("list", help="列出设置")
    a = actions.add_parser("set", help="修改设置")
    a.add_argument("key", metavar="设置项")
    a.add_argument("value", metavar="值")
    a = actions.add_parser("reset", help="恢复默认值")
    a.add_argument("key", nargs="?", metavar="设置项")
    a.add_argument("--all", action="store_true", help="全部恢复默认值")
    p.set_defaults(handler=cmd_settings)
    p = sub.add_parser("journal", help="变更日志（审计）")
    p.add_argument("--after", type=bounded("序号", 2**63 - 1), default=0, help="只列出此序号之后的变更")
    p.add_argument("--id", help="只列出这条记录的变更")
    p.add_argument("--limit", type=limit, default=100, help="最多列出几条（0 为全部，默认 100）")
    p.set_defaults(handler=cmd_journal)
