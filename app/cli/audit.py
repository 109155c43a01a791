"""``audit``: the audit log (操作日志) — every change (who, when, which field, old →
new) and every look at personal data in full, filtered as on the window's page;
``--out FILE.xlsx`` writes the whole filtered log to a workbook."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.args import _argparse_type, limit
from app.cli.output import print_json, print_table
from app.jobs import run_job
from app.services import audit
from app.services.audit_export import export_audit_xlsx_job
from app.store import Store

_from = _argparse_type(lambda s: audit.parse_date(s, "开始日期"), "开始日期")
_to = _argparse_type(lambda s: audit.parse_date(s, "结束日期"), "结束日期")


def _plain(entry: audit.Entry) -> dict[str, Any]:
    return {
        "at": entry.at.isoformat(),
        "when": entry.when,
        "by": entry.by,
        "action": entry.action_label,
        "register": entry.register_label,
        "id": entry.row_id,
        "record": entry.record,
        "changes": [{"field": c.label, "old": c.old, "new": c.new} for c in entry.changes],
        "detail": entry.detail,
    }


def cmd_audit(store: Store, args: argparse.Namespace) -> int:
    key = audit.record_id(store, args.register or "", args.key) if args.key and args.register else args.key
    filters = audit.Filters.of(
        user=args.by,
        date_from=args.date_from,
        date_to=args.date_to,
        register=args.register,
        action=args.action,
        key=key,
    )
    if args.out:
        path = run_job(export_audit_xlsx_job(store, filters, args.out))
        print(f"已导出 {audit.audit_count(store, filters):,} 条操作日志到 {path}")
        return 0
    entries = audit.audit_log(store, filters, limit=args.limit or None)
    if args.json:
        print_json([_plain(e) for e in entries])
        return 0
    if not entries:
        print("没有符合条件的操作日志。")
        return 0
    print_table(
        ["时间", "用户", "操作", "登记簿", "记录", "字段变化"],
        [[e.when, e.by, e.action_label, e.register_label, e.record, e.summary] for e in entries],
        max_width=60,
    )
    total = audit.audit_count(store, filters)
    if total > len(entries):
        print(f"共 {total:,} 条，只列出最新的 {len(entries):,} 条；用 --limit 0 列出全部，或 --out 导出。")
    return 0


def add_audit_command(sub: Any) -> None:
    p = sub.add_parser("audit", help="操作日志：谁在何时改了哪条记录、哪个字段，谁查看、打印、导出了完整信息")
    # Not --user: that is the signed-in account (liangxin --user 王芳 audit --by 李明).
    p.add_argument("--by", metavar="账户名", help="只列出这个账户（用户）的操作")
    p.add_argument("--from", dest="date_from", type=_from, help="从这一天起（2026-11-22 或 2026年11月22日）")
    p.add_argument("--to", dest="date_to", type=_to, help="到这一天止（含当天）")
    p.add_argument("--register", help="登记簿：党员、两新组织、党组织……（或 member、organization……）")
    p.add_argument("--action", help="操作：新增、修改、删除、查看完整信息、打印、导出")
    p.add_argument("--key", help="只列出这条记录的操作（编号；给出 --register 时也可用名称）")
    p.add_argument("--limit", type=limit, default=50, help="最多列出几条（0 为全部，默认 50）")
    p.add_argument("--out", help="把符合条件的全部操作日志导出为 .xlsx 文件")
    p.set_defaults(handler=cmd_audit)
