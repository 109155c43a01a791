"""``sync export|import|receipt|load-receipt|history|rollback|status``: 数据交换 from the command line.

Exit status of ``sync import``: 0 when every package was imported (or already was),
3 when some were refused or wait for a missing range and the rest imported, 2 when
nothing was imported; 1 for refused input as everywhere."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli import args as types
from app.cli.output import print_json, print_table
from app.errors import LiangxinError
from app.jobs import Progress
from app.store import Store
from app.sync import apply, down, export, history, receipt


def _passphrase(args: argparse.Namespace) -> str:
    from app.cli.keys import passphrase

    return passphrase(args, new=False)


def _progress(args: argparse.Namespace) -> Any:
    if args.json or not sys.stderr.isatty():
        return None

    def show(step: Progress) -> None:
        print(f"\r{step.stage}（{step.done}/{step.total}）", end="", file=sys.stderr, flush=True)

    return show


def cmd_sync(store: Store, args: argparse.Namespace) -> int:
    action = args.action
    if action == "export":
        if args.down:
            if not args.station:
                raise LiangxinError(
                    "生成下发数据包时请用 --station 指明发给哪个街道（代码见 station list）。"
                )
            made = down.export_down(
                store,
                args.station,
                args.out,
                full=args.full,
                passphrase=_unlock(store, args),
                on_progress=_progress(args),
            )
        else:
            made = export.export_up(
                store, args.out, full=args.full, passphrase=_unlock(store, args), on_progress=_progress(args)
            )
        if args.json:
            print_json(
                {
                    "file": str(made.path),
                    "range": [made.seq_from, made.seq_to],
                    "full": made.full,
                    "rows": made.rows,
                    "counts": made.counts,
                }
            )
        else:
            kind = "全量" if made.full else "增量"
            print(
                f"已生成{kind}上报数据包“{made.path}”（#{made.seq_from} 至 #{made.seq_to}，{made.rows} 条记录）："
            )
            for line in made.summary_lines():
                print(f"  {line}")
        return 0
    if action == "import":
        results = apply.import_packages(
            store,
            args.files,
            dry_run=args.dry_run,
            passphrase=_unlock(store, args),
            receipt_dir=args.receipt_dir,
            on_progress=_progress(args),
        )
        if args.json:
            print_json([r.as_json() for r in results])
        else:
            for r in results:
                stream = sys.stderr if r.state in ("refused", "waiting") else sys.stdout
                print(r.message, file=stream)
                if r.refusals and r.state in ("applied", "dry_run"):
                    for refusal in r.refusals[:50]:
                        print(f"  拒收 {refusal.sentence()}")
                    if len(r.refusals) > 50:
                        print(f"  ……另有 {len(r.refusals) - 50} 条，完整清单见回执或 --json。")
        done = [r for r in results if r.state in ("applied", "unchanged", "dry_run")]
        if len(done) == len(results):
            return 0
        return 3 if done else 2
    if action == "receipt":
        made = receipt.write_receipt(store, args.station, args.out, passphrase=_unlock(store, args))
        print_json(
            {"file": str(made.path), "held_to": made.held_to, "refused": len(made.refused)}
        ) if args.json else print(made.message)
        return 0
    if action == "load-receipt":
        loaded = receipt.load_receipt(store, args.file, passphrase=_unlock(store, args))
        if args.json:
            print_json(
                {
                    "held_to": loaded.held_to,
                    "at": loaded.at,
                    "refused": loaded.refused,
                    "message": loaded.message,
                }
            )
        else:
            print(loaded.message)
        return 0
    if action == "history":
        rows = history.sync_history(store, args.limit)
        if args.json:
            print_json(rows)
        elif not rows:
            print("还没有生成或导入过数据包。")
        else:
            print_table(
                ["编号", "时间", "操作", "街道", "范围", "状态", "文件"],
                [
                    [
                        r["short_id"],
                        r["at_text"],
                        r["what"],
                        r["station_name"],
                        f"#{r['range'][0]}–#{r['range'][1]}" + ("（全量）" if r["full"] else ""),
                        r["state_label"],
                        r["file"],
                    ]
                    for r in rows
                ],
            )
        return 0
    if action == "rollback":
        print(history.rollback_import(store, args.id))
        return 0
    status = history.exchange_status(store)
    print_json(status) if args.json else print(status["text"])
    return 0


def _unlock(store: Store, args: argparse.Namespace) -> str | None:
    """The passphrase, asked for only when the keys are not open in this process."""
    from app.sync import keys

    try:
        keys.unlocked(store)
        return None
    except keys.PassphraseNeeded:
        return _passphrase(args)


def add_sync_commands(sub: Any) -> None:
    p = sub.add_parser("sync", help="数据交换：上报数据包、导入、回执")
    actions = p.add_subparsers(dest="action", metavar="操作", required=True)
    a = actions.add_parser("export", help="生成上报数据包（街道），或用 --down 生成下发数据包（区）")
    a.add_argument("--out", required=True, help="写入的文件夹，如 U 盘")
    a.add_argument(
        "--full", action="store_true", help="全量：全部记录，而不只是对方确认（或上次下发）之后的变化"
    )
    a.add_argument(
        "--down", action="store_true", help="区：生成发给某街道的下发数据包（专项行动、任务、模板、统一设定）"
    )
    a.add_argument("--station", help="--down 时：收件街道的代码")
    a = actions.add_parser("import", help="导入数据包：区导入街道的上报数据包，街道载入区里的下发数据包")
    a.add_argument("files", nargs="+", metavar="文件", help="数据包文件（.lxpkg）或含数据包的文件夹")
    a.add_argument("--dry-run", action="store_true", help="只预检，列出将新增、更新、拒收的记录，不导入")
    a.add_argument("--receipt-dir", help="回执写到的文件夹（默认：数据包所在文件夹）")
    a = actions.add_parser("receipt", help="为某街道生成回执（区）")
    a.add_argument("--station", required=True, help="街道代码")
    a.add_argument("--out", required=True, help="回执文件或文件夹")
    a = actions.add_parser("load-receipt", help="载入区里的回执（街道）")
    a.add_argument("file", metavar="文件", help="回执文件（.lxpkg）")
    a = actions.add_parser("history", help="数据包的生成与导入记录")
    a.add_argument("--limit", type=types.limit, default=500, help="最多列出多少条（默认 500）")
    a = actions.add_parser("rollback", help="撤销一次导入（区）")
    a.add_argument("id", metavar="编号", help="sync history 中的编号（可只写列出的末 8 位）")
    actions.add_parser("status", help="本站点的数据交换状态")
    p.set_defaults(handler=cmd_sync)
