"""``liangxin backup``, ``restore`` and ``verify`` (app/backup/).

``restore`` opens the database its own way: a damaged database is exactly when one
restores, and it could not be opened like every other command's."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.backup.backup import backup_job
from app.backup.daily import auto_backup_job
from app.backup.place import place_warning, storage_place
from app.backup.preview import describe, preview_backup
from app.backup.restore import restore_damaged, restore_job
from app.backup.verify import OK, verify
from app.cli.output import print_json, print_table, printable
from app.errors import DamagedDatabase, FieldError, LiangxinError
from app.jobs import Progress, run_job
from app.store import Store, open_store, resolve_url
from db import migrate


def _progress(args: argparse.Namespace) -> Any:
    if args.json or not sys.stderr.isatty():
        return None

    def show(step: Progress) -> None:
        share = f" {100 * step.done // step.total}%" if step.total > 1 else ""
        print(f"\r{step.stage}{share}   ", end="", file=sys.stderr, flush=True)

    return show


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{max(1, n // 1024)} KB"


def cmd_backup(store: Store, args: argparse.Namespace) -> int:
    if args.auto:
        done = run_job(auto_backup_job(store), _progress(args))
        made, note = done.made, f"（删除了 {len(done.pruned)} 份过期的自动备份）" if done.pruned else ""
        if made is None:
            message = f"今天已有自动备份（在“{done.folder}”），无需再备份。"
    else:
        if not args.target:
            raise FieldError(
                "target", "请给出备份写到哪里：liangxin backup 文件夹或文件名（如 U 盘上的文件夹）。"
            )
        made, note = run_job(backup_job(store, args.target), _progress(args)), ""
    if args.json:
        print_json(
            {
                "file": str(made.path),
                "bytes": made.size,
                "counts": made.preview.counts,
                "attachments": made.attachments.referred,
                "attachments_copied": made.attachments.copied,
                "attachments_missing": len(made.attachments.missing),
            }
            if made
            else {"file": None}
        )
    elif made is None:
        print(message)
    else:
        print(f"已备份到“{made.path}”（{_size(made.size)}）{note}：{describe(made.preview)}")
        if made.attachments_note():
            print(made.attachments_note())
    return 0


def _confirmed(args: argparse.Namespace, question: str) -> bool:
    if args.yes:
        return True
    if sys.stdin is None or not sys.stdin.isatty():
        raise LiangxinError("恢复会替换当前数据库，没有终端可以确认；确定要恢复请加 --yes。")
    return input(f"{question}[y/N] ").strip().lower() in ("y", "yes", "是")


def _open(args: argparse.Namespace) -> Store:
    user = getattr(args, "user", None)
    if not user:
        return open_store(args.db)
    from app.cli.accounts import sign_in_password

    return open_store(args.db, user=user, password=sign_in_password(user))


def cmd_restore(args: argparse.Namespace) -> int:
    try:
        store: Store | None = _open(args)
    except DamagedDatabase:
        if migrate.sqlite_path(resolve_url(args.db)) is None:
            raise
        store = None
    try:
        preview = preview_backup(args.file)
        if not args.json:
            print(describe(preview))
            if store is None:
                print("当前数据库已损坏、读不出站点，将原样移到 backups 文件夹后用这个备份替换。")
        if not _confirmed(args, "用这个备份替换当前数据库吗？当前数据库会先另存一份。"):
            print("没有恢复，当前数据库未做任何改动。")
            return 1
        job = (
            restore_job(store, args.file)
            if store is not None
            else restore_damaged(resolve_url(args.db), args.file)
        )
        done = run_job(job, _progress(args))
    finally:
        if store is not None:
            store.close()
    if args.json:
        print_json(
            {
                "restored": str(done.preview.path),
                "kept_aside": str(done.kept_aside),
                "upgraded": done.upgraded,
                "attachments_copied": done.attachments.copied,
                "attachments_missing": len(done.attachments.missing),
            }
        )
    else:
        upgraded = "，并已升级到本程序的结构" if done.upgraded else ""
        print(f"已从“{done.preview.path}”恢复{upgraded}；恢复前的数据库另存在“{done.kept_aside}”。")
        if done.attachments_note():
            print(done.attachments_note())
    return 0


def cmd_verify(store: Store, args: argparse.Namespace) -> int:
    report = verify(store)
    if args.json:
        print_json({"database": report.location, "ok": report.ok, "checks": report.checks})
        return report.exit_status
    print_table(
        ["检查项", "结果", "数量", "例子"],
        [
            [
                c.title,
                "正常" if c.status == OK else "有问题",
                str(c.count) if c.status != OK else "",
                printable(c.example),
            ]
            for c in report.checks
            if c.status != OK or args.all
        ]
        or [["全部检查项", "正常", "", ""]],
        max_width=120,
    )
    print(report.summary())
    return report.exit_status


def warn_about_place(store: Store) -> None:
    """One line on stderr when the database file is on a network share or a removable drive."""
    path = migrate.sqlite_path(store.url)
    if path is None:
        return
    warning = place_warning(path, storage_place(path))
    if warning:
        print(warning, file=sys.stderr)


def add_backup_commands(sub: Any) -> None:
    p = sub.add_parser("backup", help="备份整个数据库到文件或文件夹（如 U 盘）；--auto：每日自动备份")
    p.add_argument("target", nargs="?", metavar="文件或文件夹", help="备份写到这里；给文件夹时自动命名")
    p.add_argument(
        "--auto",
        action="store_true",
        help="自动备份到数据文件旁的 backups 文件夹（每天至多一份，保留 14 天及每月一份）",
    )
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser("restore", help="用备份替换当前数据库（先显示备份内容并确认；当前数据库先另存）")
    p.add_argument("file", metavar="备份文件")
    p.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
    p.set_defaults(handler=None, without_store=cmd_restore)
    p = sub.add_parser(
        "verify", help="检查数据：文件完整性、变更日志连续、记录之间的关联（0 正常，1 有问题，3 读不出）"
    )
    p.add_argument("--all", action="store_true", help="列出每一项（默认只列有问题的）")
    p.set_defaults(handler=cmd_verify)
