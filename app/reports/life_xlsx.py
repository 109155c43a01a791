"""Organizational life as workbooks, the same rows as the prints: one event (its facts
and who attended), a Party organization's year, the compliance grid, the visit log."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from app.jobs import Job, Progress, run_job
from app.reports.dashboard_xlsx import sheet
from app.reports.life_rows import (
    activity_facts,
    grid_rows,
    grid_title,
    ledger_rows,
    ledger_summary,
    visit_rows,
)
from app.reports.output import output_file
from app.services import activity_detail, life_compliance, visits
from app.store import Store

FILLS = {"held": "E8F5E9", "due": "FFF4D6", "missed": "FDECEA", "na": "F4F4F4"}


def _save(book: Workbook, out: str | Path) -> Path:
    del book["Sheet"]
    with output_file(out, ".xlsx") as path:
        book.save(path)
    return Path(out).expanduser()


def export_activity_job(store: Store, key: str, out: str | Path) -> Job[Path]:
    yield Progress("正在读取活动记录", 0, 1)
    detail = activity_detail.activity_detail(store, key)
    book = Workbook()
    sheet(
        book,
        "会议记录",
        [("项目", 16), ("内容", 80)],
        [list(f) for f in activity_facts(detail)] + [["内容纪要", detail.notes]],
    )
    sheet(
        book,
        "出席名单",
        [
            ("序号", 6),
            ("姓名", 12),
            ("党组织", 30),
            ("出席", 8),
            ("缺席原因", 30),
            ("流出党员", 10),
            ("评议等次", 10),
        ],
        [
            [
                i,
                a.name,
                a.party_org,
                "出席" if a.present else "缺席",
                a.reason,
                "是" if a.mobile_out else "",
                a.grade,
            ]
            for i, a in enumerate(detail.attendees, 1)
        ],
    )
    if detail.attachments:
        sheet(
            book,
            "附件",
            [("文件名", 40), ("SHA-256", 70), ("字节", 12)],
            [list(a) for a in detail.attachments],
        )
    return _save(book, out)


def export_life_ledger_job(
    store: Store, party_org: str, year: int, out: str | Path, today: date | None = None
) -> Job[Path]:
    yield Progress("正在读取组织生活", 0, 1)
    name, summary = ledger_summary(store, party_org, year, today)
    book = Workbook()
    sheet(book, "逐月核对", [("项目", 12), *[(f"{m}月", 8) for m in range(1, 13)]], summary)
    ws = sheet(
        book,
        "活动台账",
        [
            ("序号", 6),
            ("日期", 12),
            ("类型", 12),
            ("主题", 36),
            ("地点", 20),
            ("主持人", 10),
            ("应到", 6),
            ("实到", 6),
            ("出席率", 8),
            ("缺席人员及原因", 40),
        ],
        ledger_rows(store, party_org, year),
    )
    ws.title = "活动台账"
    book.properties.title = f"{name}{year}年组织生活台账"
    return _save(book, out)


def export_grid_job(
    store: Store, year: int, out: str | Path, rule: str | None = None, today: date | None = None
) -> Job[Path]:
    yield Progress("正在核对开展情况", 0, 1)
    grid = life_compliance.compliance_grid(store, year, today)
    rows, statuses = grid_rows(grid, rule)
    book = Workbook()
    ws = sheet(book, "开展情况", [("党组织", 40), ("类别", 10), *[(f"{m}月", 8) for m in range(1, 13)]], rows)
    for r, line in enumerate(statuses, 2):
        for c, status in enumerate(line, 3):
            if status in FILLS:
                ws.cell(r, c).fill = PatternFill("solid", fgColor=FILLS[status])
    book.properties.title = grid_title(year, rule)
    return _save(book, out)


def export_visits_job(
    store: Store, out: str | Path, *, instructor: str | None = None, year: int | None = None
) -> Job[Path]:
    yield Progress("正在读取走访记录", 0, 1)
    found = visits.list_visits(store, instructor=instructor, year=year, limit=None)
    book = Workbook()
    sheet(
        book,
        "走访记录",
        [
            ("序号", 6),
            ("日期", 12),
            ("两新组织", 36),
            ("走访人", 10),
            ("事由", 14),
            ("发现的情况", 40),
            ("跟进事项", 40),
            ("下次走访", 12),
            ("转任务", 8),
        ],
        visit_rows(found),
    )
    return _save(book, out)


def run(job: Job[Any]) -> Any:
    return run_job(job)
