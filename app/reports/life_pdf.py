"""Organizational life on paper: one event's 会议记录 (A4 portrait, the attendees with a
line to sign), a Party organization's year (组织生活台账, landscape), the compliance
grid (开展情况, landscape) and the visit log (走访记录, landscape). Each page carries the
station and the print date at the top and 第 x 页 共 y 页 below; long lists are many
small tables."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Spacer, Table, TableStyle

from app.dashboard import station_line
from app.domain.dates import chinese_date
from app.domain.station_time import station_today
from app.jobs import Job, Progress, run_job
from app.reports.life_rows import (
    GRID_WORDS,
    activity_facts,
    grid_rows,
    grid_title,
    ledger_rows,
    ledger_summary,
    visit_rows,
)
from app.reports.pdf import FONT, MARGIN, RULE, HeavyTitle, Lines, wrap_lines, write_document_job
from app.services import activity_detail, life_compliance, visits
from app.services.life_compliance import DUE, HELD, MISSED, NA
from app.store import Store

CHUNK = 30
CELL_LINES = 10
FILLS = {HELD: "#E8F5E9", DUE: "#FFF4D6", MISSED: "#FDECEA", NA: "#F4F4F4"}
SIGN_IN_BLANK = 20  # rows to sign when no names were recorded


def _table(header: list[str], rows: Sequence[list[Any]], widths: list[float], size: float = 8.5) -> Table:
    wrapped = [
        [
            wrap_lines(str(v), size, w - 8, CELL_LINES) if isinstance(v, str) else v
            for v, w in zip(row, widths, strict=True)
        ]
        for row in rows
    ]
    table = Table([header, *wrapped], colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, size),
                ("BACKGROUND", (0, 0), (-1, 0), "#F0F0F0"),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _chunks(header: list[str], rows: list[list[Any]], widths: list[float], size: float = 8.5) -> list[Any]:
    return [_table(header, rows[i : i + CHUNK], widths, size) for i in range(0, len(rows), CHUNK)] or [
        _table(header, [["" for _ in header]], widths, size)
    ]


def _build(
    story: list[Any], out: str | Path, store: Store, title: str, pagesize: tuple[float, float]
) -> Job[Path]:
    return write_document_job(
        story,
        out,
        title=title,
        station=station_line(store.station.name, store.station.code),
        header_right=f"打印日期：{chinese_date(station_today())}",
        pagesize=pagesize,
    )


def print_activity_job(store: Store, key: str, out: str | Path) -> Job[Path]:
    """会议记录: the event's facts, its notes, and a sign-in table (a blank one to sign
    by hand where only a headcount was recorded)."""
    yield Progress("正在读取活动记录", 0, 1)
    detail = activity_detail.activity_detail(store, key)
    width = A4[0] - 2 * MARGIN
    facts = Table(
        [[label, wrap_lines(value or "—", 9.5, width - 100)] for label, value in activity_facts(detail)],
        colWidths=[90, width - 90],
    )
    facts.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9.5),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (0, -1), "#F4F4F4"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    joint = detail.joint
    if detail.attendees:
        people = [
            [
                i,
                a.name,
                *([a.party_org] if joint else []),
                "出席" if a.present else f"缺席{('：' + a.reason) if a.reason else ''}",
                "",
            ]
            for i, a in enumerate(detail.attendees, 1)
        ]
    else:
        people = [[i, "", *([""] if joint else []), "", ""] for i in range(1, SIGN_IN_BLANK + 1)]
    header = ["序号", "姓名", *(["党组织"] if joint else []), "出席情况", "本人签名"]
    widths = [34, 70, *([140] if joint else []), 120]
    widths.append(width - sum(widths))
    sign_in = [_table(header, people[i : i + CHUNK], widths, 9.5) for i in range(0, len(people), CHUNK)]
    for table in sign_in:  # room to sign
        table.setStyle(
            TableStyle([("TOPPADDING", (0, 1), (-1, -1), 6), ("BOTTOMPADDING", (0, 1), (-1, -1), 7)])
        )
    story: list[Any] = [
        HeavyTitle(f"{detail.kind_label}记录"),
        Spacer(1, 6),
        facts,
        Spacer(1, 10),
        Lines("内容纪要：", 10, 16),
        Lines(detail.notes or "（未填写）", 10, 16),
        Spacer(1, 10),
        Lines("签到：", 10, 16),
        *sign_in,
    ]
    if detail.attachments:
        story += [Spacer(1, 8), Lines("附件（文件名及 SHA-256 校验值）：", 9, 14)]
        story += [Lines(f"{name}  {sha}", 8, 12) for name, sha, _ in detail.attachments]
    story += [
        Spacer(1, 18),
        Lines("记录人：____________　　主持人：____________　　日期：______年____月____日", 10, 16),
    ]
    title = f"{detail.kind_label}记录 — {detail.held_on:%Y-%m-%d}"
    return (yield from _build(story, out, store, title, A4))


def print_activity(store: Store, key: str, out: str | Path) -> Path:
    return run_job(print_activity_job(store, key, out))


def print_life_ledger_job(
    store: Store, party_org: str, year: int, out: str | Path, today: date | None = None
) -> Job[Path]:
    """组织生活台账: a Party organization's year — month by month what the rules asked and
    what was held, then every event with its attendance."""
    yield Progress("正在读取组织生活", 0, 1)
    name, summary = ledger_summary(store, party_org, year, today)
    rows = ledger_rows(store, party_org, year)
    page = landscape(A4)
    width = page[0] - 2 * MARGIN
    months = [f"{m}月" for m in range(1, 13)]
    summary_table = _table(["", *months], summary, [70] + [(width - 70) / 12] * 12, 8)
    widths = [30, 62, 66, 150, 80, 48, 34, 34, 46]
    widths.append(width - sum(widths))
    story = [
        HeavyTitle(f"{name}{year}年组织生活台账"),
        Spacer(1, 4),
        Lines(
            "按规则逐月核对：已开展、未开展、待开展（本月或本季度尚未结束）、不适用；党课按季度核对，记在季末月份。",
            8.5,
            13,
        ),
        summary_table,
        Spacer(1, 10),
        *_chunks(
            ["序号", "日期", "类型", "主题", "地点", "主持人", "应到", "实到", "出席率", "缺席人员及原因"],
            rows,
            widths,
        ),
    ]
    return (yield from _build(story, out, store, f"{name}{year}年组织生活台账", page))


def print_life_ledger(
    store: Store, party_org: str, year: int, out: str | Path, today: date | None = None
) -> Path:
    return run_job(print_life_ledger_job(store, party_org, year, out, today))


def print_grid_job(
    store: Store, year: int, out: str | Path, rule: str | None = None, today: date | None = None
) -> Job[Path]:
    """开展情况表 (landscape): every Party organization × the twelve months."""
    yield Progress("正在核对开展情况", 0, 1)
    grid = life_compliance.compliance_grid(store, year, today)
    rows, statuses = grid_rows(grid, rule)
    page = landscape(A4)
    width = page[0] - 2 * MARGIN
    widths = [196, 48] + [(width - 244) / 12] * 12
    header = ["党组织", "类别", *[f"{m}月" for m in range(1, 13)]]
    story: list[Any] = [
        HeavyTitle(grid_title(year, rule)),
        Spacer(1, 2),
        Lines(
            f"共 {len(grid.rows):,} 个党组织；"
            + "，".join(f"{GRID_WORDS[s]} {grid.count(s, rule):,} 项次" for s in (MISSED, DUE, HELD))
            + "。“不适用”：党委、党总支本级，成立前的月份，正式党员不足规定人数、不设支委会的支部。",
            8.5,
            13,
        ),
    ]
    for start in range(0, len(rows), CHUNK):
        table = _table(header, rows[start : start + CHUNK], widths, 8)
        style = [("ALIGN", (2, 1), (-1, -1), "CENTER")]
        for r, line in enumerate(statuses[start : start + CHUNK], 1):
            for c, status in enumerate(line):
                if status in FILLS:
                    style.append(("BACKGROUND", (c + 2, r), (c + 2, r), FILLS[status]))
        table.setStyle(TableStyle(style))
        story.append(table)
        if start and start % (CHUNK * 20) == 0:
            yield Progress("正在排版", start, len(rows))
    return (yield from _build(story, out, store, grid_title(year, rule), page))


def print_grid(
    store: Store, year: int, out: str | Path, rule: str | None = None, today: date | None = None
) -> Path:
    return run_job(print_grid_job(store, year, out, rule, today))


def print_visits_job(
    store: Store, out: str | Path, *, instructor: str | None = None, year: int | None = None
) -> Job[Path]:
    """走访记录 (landscape): newest first, as the 走访 page lists them."""
    yield Progress("正在读取走访记录", 0, 1)
    found = visits.list_visits(store, instructor=instructor, year=year, limit=None)
    page = landscape(A4)
    width = page[0] - 2 * MARGIN
    widths = [30, 64, 150, 60, 70, 0, 0, 64, 40]
    rest = (width - sum(widths)) / 2
    widths[5] = widths[6] = rest
    title = f"{year or ''}{'年' if year else ''}走访记录"
    if instructor and found:
        title = f"{found[0].instructor or found[0].visitor}{title}"
    story = [
        HeavyTitle(title),
        Spacer(1, 6),
        *_chunks(
            ["序号", "日期", "两新组织", "走访人", "事由", "发现的情况", "跟进事项", "下次走访", "转任务"],
            visit_rows(found),
            widths,
        ),
    ]
    return (yield from _build(story, out, store, title, page))


def print_visits(
    store: Store, out: str | Path, *, instructor: str | None = None, year: int | None = None
) -> Path:
    return run_job(print_visits_job(store, out, instructor=instructor, year=year))
