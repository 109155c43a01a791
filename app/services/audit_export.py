"""The audit log (操作日志) out to a workbook, filtered as on screen: one row per
entry, every changed field old → new (a new record's values), personal data masked
as the log masks it. XlsxWriter in constant-memory mode: a district's millions of
entries stream through without being held."""

from __future__ import annotations

from pathlib import Path

from app.jobs import Job, Progress, atomic_output, run_job
from app.ledger.workbook import Book
from app.services.audit import Filters, audit_count, stream
from app.store import Store

HEADERS = ["时间", "用户", "操作", "登记簿", "记录", "字段变化"]


def export_audit_xlsx_job(
    store: Store, filters: Filters, out: str | Path, *, order: str = "newest"
) -> Job[Path]:
    yield Progress("正在统计", 0, 1)
    total = audit_count(store, filters)
    target = Path(out).expanduser()
    done = 0
    with atomic_output(target, ".xlsx") as temp:
        book = Book(temp)
        sheet = None
        for entries in stream(store, filters, order):
            rows: list[list[object]] = [
                [e.when, e.by, e.action_label, e.register_label, e.record, e.full_text] for e in entries
            ]
            if sheet is None:
                sheet = book.sheet("操作日志", HEADERS, rows)
            for row in rows:
                sheet.write(row)
            done += len(rows)
            yield Progress("正在写入", done, max(total, done))
        if sheet is None:
            book.sheet("操作日志", HEADERS, [])
        book.close()
    return target


def export_audit_xlsx(store: Store, filters: Filters, out: str | Path) -> Path:
    return run_job(export_audit_xlsx_job(store, filters, out))
