"""``liangxin upgrade``: check, back up and upgrade an older database (see app/upgrade.py).

It opens the database its own way (every other command refuses an outdated
PostgreSQL schema), so its handler takes the arguments, not a store."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.output import print_json, print_table
from app.errors import FieldError
from app.upgrade import TABLES, DuplicatesFound, key_text, record_text, upgrade_database


def _print_duplicates(found: DuplicatesFound, as_json: bool) -> None:
    if as_json:
        print_json(
            {
                "duplicates": [
                    {
                        "table": g.table,
                        "index": g.index,
                        "key": key_text(g),
                        "count": g.count,
                        "records": [{"id": i, "name": n} for i, n in g.rows],
                    }
                    for g in found.groups
                ],
                "groups": found.total,
            }
        )
        return
    print_table(
        ["记录", "重复的代码", "唯一约束", "记录名称与编号"],
        [
            [
                TABLES.get(g.table, g.table),
                key_text(g),
                g.index,
                "；".join(record_text(g.table, r) for r in g.rows) + ("……" if g.count > len(g.rows) else ""),
            ]
            for g in found.groups
        ],
        max_width=120,
    )
    if found.total > len(found.groups):
        print(f"（共 {found.total} 组，以上列出前 {len(found.groups)} 组）")


def cmd_upgrade(args: argparse.Namespace) -> int:
    if args.no_backup and args.backup:
        raise FieldError(
            "backup", "--backup 和 --no-backup 只能选一个：要备份就写 --backup 文件，不备份就写 --no-backup。"
        )
    backup_to = Path(args.backup).expanduser().resolve() if args.backup else None
    try:
        done = upgrade_database(args.db, backup=not args.no_backup, backup_to=backup_to)
    except DuplicatesFound as found:
        _print_duplicates(found, args.json)
        raise
    if args.json:
        print_json(
            {
                "database": done.location,
                "from": done.revision,
                "to": done.head,
                "upgraded": done.changed,
                "backup": str(done.backup) if done.backup else None,
            }
        )
    elif not done.changed:
        print(f"数据库“{done.location}”已是最新结构（版本 {done.head}），无需升级。")
    else:
        kept = f"升级前的备份在“{done.backup}”" if done.backup else "按 --no-backup 没有做备份"
        print(f"已将数据库“{done.location}”从结构版本 {done.revision} 升级到 {done.head}，{kept}。")
    return 0


def add_upgrade_command(sub: Any) -> None:
    p = sub.add_parser(
        "upgrade",
        help="把旧版本的数据库升级到本程序的结构：先检查重复记录、再备份（PostgreSQL 用 pg_dump）、后升级",
    )
    p.add_argument(
        "--backup",
        metavar="文件",
        help="备份写到这个文件（默认：PostgreSQL 在用户数据目录的 backups 文件夹，SQLite 在数据文件旁）",
    )
    p.add_argument("--no-backup", action="store_true", help="不备份（确已另有备份时才用）")
    p.set_defaults(handler=None, without_store=cmd_upgrade)
