"""PostgreSQL backups through pg_dump's custom format and pg_restore. The password goes
to the tools by their environment, never on a command line every user can read."""

from __future__ import annotations

import contextlib
import re
import subprocess
import time
from collections.abc import Generator, Iterator
from datetime import datetime
from pathlib import Path

from app.backup.pool import FileRef, pool_beside, present_in_pool, unique_refs
from app.backup.preview import COUNTED, BackupPreview, BackupRefused, check_revision, damaged_backup
from app.errors import StorageProblem
from app.jobs import Progress
from app.logs import log_path, log_storage_detail
from db import migrate

INSTALL = (
    "请安装 PostgreSQL 客户端工具（Debian/Ubuntu：apt install postgresql-client；"
    "Windows：PostgreSQL 安装程序中的 Command Line Tools），或把它们所在的文件夹加入 PATH"
)


find_tool = migrate.find_pg_tool  # on PATH, else where PostgreSQL installs its programs


def require_tool(name: str, doing: str) -> Path:
    tool = find_tool(name)
    if tool is None:
        raise StorageProblem(f"找不到 PostgreSQL 的 {name} 程序，{doing}没有进行；{INSTALL}。")
    return tool


def run_tool(args: list[str], env: dict[str, str], stage: str) -> Generator[Progress, None, str]:
    """Run a tool, yielding while it works; closed early, the tool is stopped. Returns
    what it wrote on stderr; raises ``ToolFailed`` when it failed."""
    with subprocess.Popen(
        args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    ) as proc:
        try:
            while proc.poll() is None:
                yield Progress(stage, 0, 1)
                time.sleep(0.2)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise ToolFailed(err.strip() or f"{args[0]} exited {proc.returncode}")
    return err


class ToolFailed(Exception):
    pass


def dump(url: str, target: Path, stage: str = "正在用 pg_dump 备份") -> Generator[Progress, None, None]:
    pg_dump = require_tool("pg_dump", "备份")
    conninfo, env = migrate.pg_conninfo(url)
    args = [str(pg_dump), "--format=custom", "--no-password", f"--file={target}", f"--dbname={conninfo}"]
    try:
        yield from run_tool(args, env, stage)
    except ToolFailed as exc:
        problem = StorageProblem(
            f"用 pg_dump 备份数据库没有成功，没有留下备份文件；pg_dump 的说明已写入日志文件 {log_path()}，"
            "请检查服务器连接和磁盘空间后再试。"
        )
        log_storage_detail(problem.message, exc)
        raise problem from None


def restore(url: str, source: Path) -> Generator[Progress, None, None]:
    """Replace everything in the database with the dump, in one transaction: a failure
    (or a kill) leaves the database as it was."""
    pg_restore = require_tool("pg_restore", "恢复")
    conninfo, env = migrate.pg_conninfo(url)
    args = [
        str(pg_restore),
        "--clean",
        "--if-exists",
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        "--no-privileges",
        "--no-password",
        f"--dbname={conninfo}",
        str(source),
    ]
    try:
        yield from run_tool(args, env, "正在用 pg_restore 恢复")
    except ToolFailed as exc:
        problem = StorageProblem(
            f"用 pg_restore 恢复“{source}”没有成功，数据库保持恢复前的样子；pg_restore 的说明已写入日志文件 "
            f"{log_path()}，请发给维护人员。"
        )
        log_storage_detail(problem.message, exc)
        raise problem from None


def _pg_restore_text(path: Path, *args: str) -> Iterator[str]:
    tool = require_tool("pg_restore", "读取备份")
    with subprocess.Popen(
        [str(tool), *args, "--file=-", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    ) as proc:
        assert proc.stdout is not None
        yield from proc.stdout
        proc.stdout.close()
        if proc.wait() != 0:
            raise damaged_backup(path)


def _copy_rows(path: Path, tables: list[str]) -> dict[str, tuple[list[str], list[list[str]] | int]]:
    """Each table's COPY data from the dump: the column names and the rows (or, for the
    counted tables, the number of live rows)."""
    found: dict[str, tuple[list[str], list[list[str]] | int]] = {}
    table_args = [f"--table={t}" for t in tables]
    current: str | None = None
    columns: list[str] = []
    rows: list[list[str]] = []
    live = 0
    deleted_at = -1
    for line in _pg_restore_text(path, "--data-only", *table_args):
        if current is None:
            head = re.match(r"COPY (?:\w+\.)?(\w+) \((.*)\) FROM stdin;", line)
            if head:
                current, columns = head.group(1), [c.strip().strip('"') for c in head.group(2).split(",")]
                rows, live = [], 0
                deleted_at = columns.index("deleted") if "deleted" in columns else -1
            continue
        if line.rstrip("\n") == "\\.":
            found[current] = (columns, live if current in COUNTED.values() else rows)
            current = None
            continue
        fields = line.rstrip("\n").split("\t")
        if current in COUNTED.values():
            live += deleted_at < 0 or fields[deleted_at] == "f"
        else:
            rows.append(fields)
    return found


def preview_dump(path: Path) -> BackupPreview:
    made = None
    for line in _pg_restore_text(path, "--list"):
        stamp = re.search(r"Archive created at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", line)
        if stamp:
            made = datetime.fromisoformat(stamp.group(1))
            break
    data = _copy_rows(path, ["alembic_version", "station", "activity_attachment", *COUNTED.values()])
    revision_rows = data.get("alembic_version", ([], []))[1]
    revision = revision_rows[0][0] if isinstance(revision_rows, list) and revision_rows else None
    check_revision(path, revision)
    columns, stations = data.get("station", ([], []))
    if not isinstance(stations, list) or "is_self" not in columns:
        raise BackupRefused(f"“{path}”不是 liangxin 数据库的备份，未做任何改动；请选择 liangxin 做的备份。")
    me = next((r for r in stations if r[columns.index("is_self")] == "t"), None)
    if me is None:
        raise BackupRefused(f"“{path}”不是 liangxin 数据库的备份，未做任何改动；请选择 liangxin 做的备份。")
    counts = {key: int(data[t][1]) for key, t in COUNTED.items() if t in data}  # type: ignore[arg-type]
    code, name = me[columns.index("code")], me[columns.index("name")]
    refs = _attachment_refs(data.get("activity_attachment", ([], [])), code)
    return BackupPreview(
        path,
        "postgresql",
        made,
        code,
        name,
        str(revision),
        counts,
        "",
        len(refs),
        present_in_pool(refs, pool_beside(path)),
    )


def _attachment_refs(table: tuple[list[str], list[list[str]] | int], station: str) -> list[FileRef]:
    """The dump's live attachment rows of this station (as ``pool.refs_in_file``)."""
    columns, rows = table
    if not isinstance(rows, list) or not rows:
        return []
    at = {c: columns.index(c) for c in ("sha256", "file_name", "size", "deleted", "owner")}
    return unique_refs(
        FileRef(r[at["sha256"]], r[at["file_name"]], int(r[at["size"]]))
        for r in rows
        if r[at["deleted"]] == "f" and r[at["owner"]] == station
    )


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
