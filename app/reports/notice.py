"""专项行动进度通报 (定期通报): a campaign's progress on a date — overall, per phase, per
responsible unit, and the list of overdue tasks — as a PDF that runs over as many
pages as the overdue list needs, and as a workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from app.dashboard import station_line, summary_line
from app.domain.dates import chinese_date
from app.domain.station_time import station_today
from app.jobs import Job, Progress, run_job
from app.reports.output import output_file
from app.reports.pdf import (
    FONT,
    MARGIN,
    RULE,
    HeavyTitle,
    escape,
    paragraph_style,
    wrap_lines,
    write_document_job,
)
from app.services.campaign_progress import campaign_progress
from app.services.task_board import STATUS, TaskFilter, task_cards
from app.store import Store


def notice_data(store: Store, campaign: str, today: date) -> dict[str, Any]:
    from app.stats import station_stats

    progress = campaign_progress(store, campaign, today).as_dict()
    cards = task_cards(store, TaskFilter(campaign=progress["campaign"]["id"]), today=today)
    # What the campaign is for, as it stands today (seed 002: "确保党组织应建尽建率和党的
    # 工作覆盖率均达到100%"): the same figures as 工作台.
    stats = station_stats(store, today)
    return {
        **progress,
        "overdue_tasks": [c for c in cards if c.days_overdue],
        "tasks": cards,
        "coverage": summary_line(stats),
        "must_build_rate": stats["rates"]["must_build_rate"]["percent"],
        "station_scope": stats["station_scope"],
    }


def _table(rows: list[list[Any]], widths: list[float], numeric_from: int) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8.5),
                ("BACKGROUND", (0, 0), (-1, 0), "#F0F0F0"),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


CELL_LINES = 6  # a row of the overdue list stays a row: a longer value is cut, and says so


def _cell(text: str | None, width: float) -> str:
    return wrap_lines(text or "—", 8.5, width - 12, CELL_LINES)


def _scope_line(data: dict[str, Any], style: Any) -> list[Any]:
    """At a district: whose tasks and figures these are ("数据范围：龙岗区（全区 3 个街道）")."""
    scope = data.get("station_scope") or {}
    if not scope.get("district"):
        return []
    return [Paragraph(f"<para align='center'>数据范围：{escape(scope['label'])}</para>", style)]


def write_notice_pdf_job(data: dict[str, Any], station: str, out: str | Path) -> Job[Path]:
    body = paragraph_style("body", 10, 16)
    heading = paragraph_style("heading", 11.5, 20, spaceBefore=8)
    total, campaign = data["total"], data["campaign"]
    day = date.fromisoformat(data["date"])
    width = A4[0] - 2 * MARGIN

    story: list[Any] = [
        HeavyTitle("专项行动进度通报"),
        Paragraph(f"<para align='center'>{escape(campaign['name'])}</para>", body),
        *_scope_line(data, body),
        Spacer(1, 6),
        Paragraph(
            f"截至{chinese_date(day)}，本专项行动共有任务 {total['total']:,} 项，已销号 {total['done']:,} 项，"
            f"完成率 {total['percent']:.1f}%；未完成 {total['open']:,} 项，其中逾期 {total['overdue']:,} 项。",
            body,
        ),
        Paragraph(f"辖区两新组织党建情况：{escape(data['coverage'])}", body),
        Paragraph("一、各阶段进度", heading),
        _table(
            [["阶段", "起止日期", "任务", "已销号", "未完成", "逾期", "完成率"]]
            + [
                [
                    _cell(p["name"], 70),
                    f"{p['starts_on'] or '—'} 至 {p['ends_on'] or '—'}",
                    f"{p['total']:,}",
                    f"{p['done']:,}",
                    f"{p['open']:,}",
                    f"{p['overdue']:,}",
                    f"{p['percent']:.1f}%",
                ]
                for p in data["phases"]
            ],
            [70, 150, 50, 50, 50, 50, width - 420],
            2,
        ),
        Paragraph("二、各责任单位进度（逾期多的在前）", heading),
        _table(
            [["责任单位", "任务", "已销号", "未完成", "逾期", "完成率"]]
            + [
                [
                    _cell(a["key"], width - 250),
                    f"{a['total']:,}",
                    f"{a['done']:,}",
                    f"{a['open']:,}",
                    f"{a['overdue']:,}",
                    f"{a['percent']:.1f}%",
                ]
                for a in data["assignees"]
            ],
            [width - 250, 50, 50, 50, 50, 50],
            1,
        ),
        Paragraph(f"三、逾期任务清单（{len(data['overdue_tasks']):,} 项）", heading),
    ]
    if data["overdue_tasks"]:
        story.append(
            _table(
                [["序号", "对象", "任务", "责任单位", "完成时限", "逾期天数"]]
                + [
                    [
                        str(i),
                        _cell(c.record, 130),
                        _cell(c.title, 130),
                        _cell(c.assignee, width - 366),
                        c.due_on.isoformat() if c.due_on else "—",
                        f"{c.days_overdue:,}",
                    ]
                    for i, c in enumerate(data["overdue_tasks"], 1)
                ],
                [26, 130, 130, width - 366, 62, 48],
                4,
            )
        )
    else:
        story.append(Paragraph("没有逾期任务。", body))
    story += [
        Spacer(1, 24),
        Paragraph("<para align='right'>审核人签字：____________　　日期：______年____月____日</para>", body),
    ]

    return (
        yield from write_document_job(
            story,
            out,
            title=f"专项行动进度通报 — {campaign['name']} {data['date']}",
            station=station,
            header_right=f"统计日期：{chinese_date(day)}",
        )
    )


def write_notice_pdf(data: dict[str, Any], station: str, out: str | Path) -> Path:
    return run_job(write_notice_pdf_job(data, station, out))


def print_notice_job(store: Store, campaign: str, out: str | Path, today: date | None = None) -> Job[Path]:
    """The user action 打印进度通报."""
    yield Progress("正在统计任务", 0, 1)
    data = notice_data(store, campaign, today or station_today())
    return (yield from write_notice_pdf_job(data, station_line(store.station.name, store.station.code), out))


def print_notice(store: Store, campaign: str, out: str | Path, today: date | None = None) -> Path:
    """``print_notice_job`` run to its end."""
    return run_job(print_notice_job(store, campaign, out, today))


def export_notice_job(store: Store, campaign: str, out: str | Path, today: date | None = None) -> Job[Path]:
    """The user action 导出进度表格: the same figures and every task, one sheet per table;
    written all-or-nothing."""
    from openpyxl import Workbook

    from app.reports.dashboard_xlsx import PERCENT, format_column, sheet

    yield Progress("正在统计任务", 0, 3)
    data = notice_data(store, campaign, today or station_today())
    with output_file(out, ".xlsx") as path:
        yield Progress("正在写入各表", 1, 3)
        book = Workbook()
        book.remove(book.active)
        total = data["total"]
        overview = sheet(
            book,
            "概况",
            [("项目", 16), ("数值", 40)],
            [
                ["专项行动", data["campaign"]["name"]],
                ["统计日期", data["date"]],
                ["任务", total["total"]],
                ["已销号", total["done"]],
                ["未完成", total["open"]],
                ["逾期", total["overdue"]],
                ["完成率", total["percent"] / 100],
                ["应建尽建率", None if data["must_build_rate"] is None else data["must_build_rate"] / 100],
                ["辖区两新组织党建情况", data["coverage"]],
                *(
                    [["数据范围", data["station_scope"]["label"]]]
                    if data["station_scope"]["district"]
                    else []
                ),
            ],
        )
        overview["B8"].number_format = "0.0%"
        overview["B9"].number_format = "0.0%"
        tally = [("任务", 8), ("已销号", 8), ("未完成", 8), ("逾期", 8), ("完成率", 8)]
        phases = sheet(
            book,
            "各阶段",
            [("阶段", 12), ("开始", 12), ("截止", 12), *tally],
            [
                [
                    p["name"],
                    p["starts_on"],
                    p["ends_on"],
                    p["total"],
                    p["done"],
                    p["open"],
                    p["overdue"],
                    p["percent"] / 100,
                ]
                for p in data["phases"]
            ],
        )
        format_column(phases, 8, PERCENT)
        units = sheet(
            book,
            "各责任单位",
            [("责任单位", 36), *tally],
            [
                [a["key"], a["total"], a["done"], a["open"], a["overdue"], a["percent"] / 100]
                for a in data["assignees"]
            ],
        )
        format_column(units, 6, PERCENT)
        headers = [
            ("对象", 36),
            ("任务", 36),
            ("责任单位", 24),
            ("社区", 14),
            ("阶段", 10),
            ("状态", 8),
            ("完成时限", 12),
            ("逾期天数", 9),
            ("完成情况", 40),
            ("特殊情况说明", 30),
        ]

        def row(c: Any) -> list[Any]:
            return [
                c.record,
                c.title,
                c.assignee,
                c.community,
                c.phase,
                STATUS.label(c.status),
                c.due_on,
                c.days_overdue or None,
                c.note,
                c.override_reason,
            ]

        sheet(book, "逾期清单", headers, [row(c) for c in data["overdue_tasks"]])
        yield Progress(f"正在写入全部任务（{len(data['tasks']):,} 项）", 2, 3)
        sheet(book, "全部任务", headers, [row(c) for c in data["tasks"]])
        yield Progress("正在保存", 3, 3)
        book.save(path)
    return Path(out).expanduser()


def export_notice(store: Store, campaign: str, out: str | Path, today: date | None = None) -> Path:
    """``export_notice_job`` run to its end."""
    return run_job(export_notice_job(store, campaign, out, today))
