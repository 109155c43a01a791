"""``import``, ``template``, ``import-history``, ``import-undo`` and the register form of
``export`` (``export OUT.xlsx --kind …``, beside ``export dashboard|notice``).

Exit status of ``import`` (and of ``import --dry-run``, for what it would do): 0 when no
row was refused, 3 when some rows were refused and the rest imported, 2 when nothing
was imported because of refusals (every row refused, or ``--all-or-nothing``); 1 for
refused input (a file that cannot be read, a bad mapping) as everywhere."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.output import print_json, print_table, printable
from app.jobs import Progress, run_job
from app.ledger.kinds import KIND_KEYS, TITLES
from app.store import Store

REGISTER = "register"  # the hidden subcommand ``export OUT.xlsx --kind …`` is routed to


class _Choices(dict):  # type: ignore[type-arg]
    """The export targets: the named reports, and any ``….xlsx`` file (a register)."""

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or (isinstance(key, str) and key.lower().endswith(".xlsx"))

    def __iter__(self):  # type: ignore[no-untyped-def]
        # What argparse lists as the choices: the reports by name (a register is a file name).
        return (k for k in dict.__iter__(self) if k != REGISTER)


class ExportTargets(argparse._SubParsersAction):  # type: ignore[type-arg]
    """``export dashboard --out F`` and ``export F.xlsx --kind members`` side by side: a
    first word that is an .xlsx file name goes to the register export."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._name_parser_map = _Choices(self._name_parser_map)
        self.choices = self._name_parser_map

    def __call__(self, parser: Any, namespace: Any, values: Any, option_string: Any = None) -> None:
        if values and not dict.__contains__(self._name_parser_map, values[0]):
            values = [REGISTER, *values]
        super().__call__(parser, namespace, values, option_string)


def add_register_export(what: Any) -> None:
    """The register export as a subcommand of ``export`` (reached by an .xlsx file name)."""
    r = what.add_parser(REGISTER, help="登记簿（两新组织、党员、党组织）：export 文件.xlsx --kind …")
    r.add_argument("out", metavar="文件.xlsx", help="输出的 xlsx 文件")
    r.add_argument("--kind", required=True, choices=KIND_KEYS, help="哪个登记簿")
    r.add_argument("--search", default="", help="只导出搜索到的记录（名称、拼音首字母或代码）")
    r.add_argument("--sort", default="name", help="排序列（与 list 命令相同）")
    r.add_argument("--desc", action="store_true", help="倒序")
    r.add_argument("--full", action="store_true", help="导出完整的身份证号码和电话（默认打码）")
    r.set_defaults(handler=cmd_export_register)


def _progress(args: argparse.Namespace) -> Any:
    if args.json or not sys.stderr.isatty():
        return None

    def show(step: Progress) -> None:
        print(f"\r{step.stage}（{step.done:,}/{step.total:,}）", end="", file=sys.stderr, flush=True)

    return show


def cmd_export_register(store: Store, args: argparse.Namespace) -> int:
    from app.ledger.export import export_job

    path = run_job(
        export_job(
            store,
            args.kind,
            args.out,
            search=args.search,
            sort=args.sort,
            descending=args.desc,
            full=args.full,
        ),
        _progress(args),
    )
    if args.json:
        print_json({"out": str(path)})
    else:
        masked = "" if args.full else "（身份证号码和电话已打码；需要完整信息请加 --full）"
        print(f"已导出{TITLES[args.kind]}：{path}{masked}")
    return 0


def cmd_template(store: Store, args: argparse.Namespace) -> int:
    from app.ledger.export import write_template

    path = write_template(args.kind, args.out)
    print_json({"out": str(path)}) if args.json else print(f"已生成空白模板：{path}")
    return 0


def cmd_import(store: Store, args: argparse.Namespace) -> int:
    from app.ledger.importing import dry_run, import_ledger_job, open_ledger
    from app.ledger.mappings import read_mapping_file, save_mapping
    from app.ledger.report import write_report

    ledger = open_ledger(store, args.file, args.kind, args.sheet)
    mapping = read_mapping_file(args.mapping, ledger.kind, ledger.names) if args.mapping else ledger.mapping
    if args.dry_run:
        plan = dry_run(store, ledger, mapping, create_communities=args.create_communities)
        import_id, written = None, plan.writes
    else:
        result = run_job(
            import_ledger_job(
                store,
                ledger,
                mapping,
                create_communities=args.create_communities,
                all_or_nothing=args.all_or_nothing,
            ),
            _progress(args),
        )
        plan, import_id, written = result.plan, result.import_id, result.written
        if args.save_mapping:
            save_mapping(store, ledger.kind, ledger.names, mapping)
    report = write_report(plan, args.report) if args.report else None
    counts = plan.counts
    refused = counts["refused"]
    code = 0 if not refused else 3 if written else 2
    if args.json:
        print_json(
            {
                **plan.summary(),
                "dry_run": args.dry_run,
                "import_id": import_id,
                "written": written,
                "mapping": {n: m for n, m in zip(ledger.names, mapping, strict=True) if m},
                "issues": [vars(i) for i in plan.issues],
                "report": str(report) if report else None,
            }
        )
        return code
    _print_summary(ledger, plan, mapping, args.dry_run, written, import_id)
    if report:
        print(f"核对结果已保存：{report}")
    return code


def _print_summary(
    ledger: Any, plan: Any, mapping: list[str | None], dry: bool, written: int, import_id: str | None
) -> None:
    from app.ledger.kinds import ledger_kind

    kind = ledger_kind(ledger.kind)
    header = ledger.header
    print(
        f"工作表“{printable(plan.sheet)}”，表头在第 {header.row + 2 - header.rows}"
        + ("–" + str(header.row + 1) if header.rows > 1 else "")
        + " 行。"
    )
    print(
        "列对应："
        + "；".join(
            f"{printable(n)} → {kind.targets[m].label}"
            for n, m in zip(ledger.names, mapping, strict=True)
            if m
        )
    )
    c = plan.counts
    verb = "预计" if dry else ""
    print(
        f"{verb}新增 {c['new']:,}，更新 {c['update']:,}，无变化 {c['unchanged']:,}，未导入 {c['refused']:,}，跳过 {c['skipped']:,}。"
    )
    if plan.new_communities:
        state = "将新建" if plan.create_communities else "尚未登记（加 --create-communities 可一并新建）"
        print(f"社区{state}：" + "、".join(printable(n) for n in sorted(plan.new_communities)))
    issues = plan.issues
    if issues:
        rows = [
            [i.row, f"{i.letter} {i.column}".strip(), i.value, "未导入" if i.refused else "提示", i.reason]
            for i in issues[:200]
        ]
        print()
        print_table(["行", "列", "内容", "处理", "原因"], rows, max_width=60)
        if len(issues) > 200:
            print(f"……共 {len(issues):,} 条，完整清单请用 --report 保存为表格。")
    if dry:
        print("\n这是试导入，没有写入任何数据。")
    elif import_id:
        print(f"\n已导入 {written:,} 条，导入编号 {import_id[-8:]}（可用 import-undo 撤销）。")
    elif c["refused"] and written == 0:
        print("\n没有导入任何数据：请按上面的原因改正台账后重新导入。")
    else:
        print("\n没有需要写入的内容。")


def cmd_history(store: Store, args: argparse.Namespace) -> int:
    from app.ledger.history import list_imports

    found = list_imports(store)
    if args.json:
        print_json(found)
        return 0
    if not found:
        print("还没有导入过台账。")
        return 0
    print_table(
        ["编号", "日期", "登记簿", "文件", "新增", "更新", "未导入", "导入人", "状态"],
        [
            [
                i.id[-8:],
                i.day.isoformat(),
                i.title,
                i.file_name,
                i.counts["new"],
                i.counts["update"],
                i.counts["refused"],
                i.by,
                "已撤销" if i.undone else "",
            ]
            for i in found
        ],
    )
    return 0


def cmd_undo(store: Store, args: argparse.Namespace) -> int:
    from app.ledger.history import undo_import_job

    record = run_job(undo_import_job(store, args.id), _progress(args))
    if args.json:
        print_json(record)
    else:
        print(
            f"已撤销 {record.day} 导入的“{printable(record.file_name)}”：新增的记录已删除，更新的记录已恢复原值。"
        )
    return 0


def add_ledger_commands(sub: Any) -> None:
    p = sub.add_parser("import", help="导入台账（Excel/WPS 表格）到登记簿")
    p.add_argument("file", metavar="文件", help=".xlsx、.xls、.ods 或 .csv（UTF-8 或 GBK）文件")
    p.add_argument(
        "--kind",
        required=True,
        choices=KIND_KEYS,
        help="organizations 两新组织、members 党员、party-orgs 党组织",
    )
    p.add_argument("--sheet", help="工作表名称（默认第一个）")
    p.add_argument(
        "--mapping", help='列对应文件（JSON：{"表头": "字段名或中文名"}；默认自动识别或上次保存的）'
    )
    p.add_argument("--dry-run", action="store_true", help="试导入：只核对并报告，不写入")
    p.add_argument("--report", help="把核对结果保存为 xlsx（原表各行加处理结果和原因两列）")
    p.add_argument("--create-communities", action="store_true", help="台账中尚未登记的社区一并新建")
    p.add_argument("--all-or-nothing", action="store_true", help="有任何一行不能导入时，一行也不导入")
    p.add_argument("--save-mapping", action="store_true", help="保存本次列对应，下次遇到同样表头时自动使用")
    p.set_defaults(handler=cmd_import)
    t = sub.add_parser("template", help="生成空白台账模板（含填写说明）")
    t.add_argument("out", metavar="文件.xlsx", help="输出的 xlsx 文件")
    t.add_argument("--kind", required=True, choices=KIND_KEYS, help="哪个登记簿")
    t.set_defaults(handler=cmd_template)
    h = sub.add_parser("import-history", help="台账导入记录")
    h.set_defaults(handler=cmd_history)
    u = sub.add_parser("import-undo", help="撤销一次台账导入")
    u.add_argument("id", metavar="编号", help="导入编号（import-history 中显示的末 8 位即可）")
    u.set_defaults(handler=cmd_undo)
