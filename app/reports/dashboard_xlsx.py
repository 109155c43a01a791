"""工作台 as a workbook for staff who live in Excel/WPS: one sheet per table, numbers
as numbers (rates as percentages), headers frozen, ISO dates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.dashboard import station_line, tiles
from app.jobs import Job, Progress, run_job
from app.reports.output import output_file
from app.reports.xlsx import append_row
from app.rules.catalog import RULES_BY_ID
from app.rules.engine import Finding

HEADER = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="F0F0F0")
PERCENT = "0.0%"
COUNT = "#,##0"


def sheet(book: Workbook, title: str, headers: list[tuple[str, int]], rows: list[list[Any]]) -> Worksheet:
    """A sheet with a bold, frozen header row and the columns as wide as given."""
    ws = book.create_sheet(title)
    append_row(ws, [name for name, _ in headers])
    for i, (_, width) in enumerate(headers, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
        cell = ws.cell(1, i)
        cell.font, cell.fill = HEADER, HEADER_FILL
    for row in rows:
        append_row(ws, row)
    ws.freeze_panes = "A2"
    return ws


def _fraction(percent: float | None) -> float | None:
    return None if percent is None else percent / 100


def format_column(ws: Worksheet, column: int, number_format: str) -> None:
    for (cell,) in ws.iter_rows(min_row=2, min_col=column, max_col=column):
        cell.number_format = number_format


# (header, width, the figure's key in a group's row, whether it is a rate). 单独, 联合 and
# 挂靠 apart (each covered organization by its own formation); 应建 and 已建 beside
# 应建尽建率, so a rate can be checked against its counts.
GROUP_COLUMNS = (
    ("统计范围内", 12, "in_scope", False),
    ("已覆盖", 10, "covered", False),
    ("未覆盖", 10, "uncovered", False),
    ("党的工作已覆盖", 14, "work_covered", False),
    ("单独组建", 10, "independent", False),
    ("联合组建", 10, "joint", False),
    ("挂靠组建", 10, "attached", False),
    ("按规定应建", 12, "must_build", False),
    ("应建已建", 10, "built", False),
    ("党的组织覆盖率", 14, "organization_coverage", True),
    ("党的工作覆盖率", 14, "work_coverage", True),
    ("单独组建率", 12, "independent_rate", True),
    ("应建尽建率", 12, "must_build_rate", True),
)
GROUP_HEADERS = [(header, width) for header, width, _, _ in GROUP_COLUMNS]
# Sheet columns (1-based, after the group's name) that hold rates.
GROUP_RATE_COLUMNS = [i for i, (_, _, _, rate) in enumerate(GROUP_COLUMNS, 2) if rate]


def _group_rows(rows: list[dict[str, Any]]) -> list[list[Any]]:
    return [
        [r["label"], *(_fraction(r[key]) if rate else r[key] for _, _, key, rate in GROUP_COLUMNS)]
        for r in rows
    ]


def _scope_row(stats: dict[str, Any]) -> list[list[Any]]:
    """At a district, whose records these are (every sub-district, or one)."""
    scope = stats.get("station_scope") or {}
    return [["数据范围", scope["label"], ""]] if scope.get("district") else []


def write_dashboard_xlsx_job(stats: dict[str, Any], findings: list[Finding], out: str | Path) -> Job[Path]:
    """The workbook, written all-or-nothing; yields progress once a sheet."""
    steps = 8
    with output_file(out, ".xlsx") as path:
        book = Workbook()
        book.remove(book.active)
        yield Progress("正在写入：概况", 0, steps)
        overview = sheet(
            book,
            "概况",
            [("指标", 16), ("数值", 12), ("说明", 90)],
            [["站点", station_line(stats["station"]["name"], stats["station"]["code"]), ""]]
            + [["统计日期", stats["date"], ""], ["统计范围", stats["scope"], ""]]
            + _scope_row(stats)
            + [
                [
                    t.title,
                    _fraction(t.number) if t.value.endswith("%") else t.number,
                    t.hint.replace("\n", " "),
                ]
                for t in tiles(stats)
            ],
        )
        for row in overview.iter_rows(min_row=5 + len(_scope_row(stats)), min_col=2, max_col=2):
            row[0].number_format = PERCENT if isinstance(row[0].value, float) else COUNT
        for row in overview.iter_rows(min_row=2, min_col=3, max_col=3):
            row[0].alignment = Alignment(wrap_text=True, vertical="top")
        for step, (title, key, label) in enumerate(
            (
                ("按社区", "by_community", "社区"),
                ("按行业", "by_industry", "行业"),
                ("按职工规模", "by_staff_band", "职工规模"),
            ),
            1,
        ):
            yield Progress(f"正在写入：{title}", step, steps)
            grouped = sheet(book, title, [(label, 20), *GROUP_HEADERS], _group_rows(stats[key]))
            for column in GROUP_RATE_COLUMNS:
                format_column(grouped, column, PERCENT)
        yield Progress("正在写入：月度趋势", 4, steps)
        trend = sheet(
            book,
            "月度趋势",
            [
                ("月份", 10),
                ("党的组织覆盖率", 14),
                ("党的工作覆盖率", 14),
                ("单独组建率", 12),
                ("应建尽建率", 12),
                ("统计范围", 30),
            ],
            [
                [
                    p["month"],
                    _fraction(p["organization_coverage"]),
                    _fraction(p["work_coverage"]),
                    _fraction(p["independent_rate"]),
                    _fraction(p["must_build_rate"]),  # empty for a month recorded before it was kept
                    p["scope"],
                ]
                for p in stats["trend"]
            ],
        )
        for column in (2, 3, 4, 5):
            format_column(trend, column, PERCENT)
        yield Progress("正在写入：问题汇总", 5, steps)
        sheet(
            book,
            "问题汇总",
            [("规则", 34), ("问题数", 10), ("标准设置", 40), ("现行标准", 10), ("依据", 90)],
            [
                [r["title"], r["count"], r["setting"], r["threshold"], r["source"]]
                for r in stats["findings"]["rules"]
            ],
        )
        yield Progress(f"正在写入：问题明细（{len(findings):,} 条）", 6, steps)
        subject = {"organization": "两新组织", "party_org": "党组织"}
        sheet(
            book,
            "问题明细",
            [("规则", 34), ("对象", 10), ("名称", 40), ("问题", 70), ("记录编号", 38)],
            [
                [
                    RULES_BY_ID[f.rule_id].title,
                    subject.get(f.table, f.table),
                    f.record_name,
                    f.message,
                    f.record_id,
                ]
                for f in findings
            ],
        )
        yield Progress("正在保存", 7, steps)
        book.save(path)
    return Path(out).expanduser()


def write_dashboard_xlsx(stats: dict[str, Any], findings: list[Finding], out: str | Path) -> Path:
    return run_job(write_dashboard_xlsx_job(stats, findings, out))
