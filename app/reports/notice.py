"""专项行动进度通报 (定期通报): a campaign's progress on a date — overall, per phase, per
responsible unit, and the list of overdue tasks — as a PDF that runs over as many
pages as the overdue list needs, and as a workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from app.dashboard import chinese_date, station_line
from app.reports.output import write_atomically
from app.reports.pdf import FONT, INK, MARGIN, RULE, HeavyTitle, register_font, write_document
from app.services.tasks import STATUS, TaskFilter, campaign_progress, task_cards
from app.store import Store


def notice_data(store: Store, campaign: str, today: date) -> dict[str, Any]:
    progress = campaign_progress(store, campaign, today)
    cards = task_cards(store, TaskFilter(campaign=progress["campaign"]["id"]), today=today)
    return {**progress, "overdue_tasks": [c for c in cards if c.days_overdue], "tasks": cards}


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


def write_notice_pdf(data: dict[str, Any], station: str, out: str | Path) -> Path:
    register_font()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=16, textColor=INK)
    heading = ParagraphStyle("heading", parent=body, fontSize=11.5, leading=20, spaceBefore=8)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11)
    total, campaign = data["total"], data["campaign"]
    day = date.fromisoformat(data["date"])
    width = A4[0] - 2 * MARGIN

    story: list[Any] = [
        HeavyTitle("专项行动进度通报"),
        Paragraph(f"<para align='center'>{campaign['name']}</para>", body),
        Spacer(1, 6),
        Paragraph(
            f"截至{chinese_date(day)}，本专项行动共有任务 {total['total']:,} 项，已销号 {total['done']:,} 项，"
            f"完成率 {total['percent']:.1f}%；未完成 {total['open']:,} 项，其中逾期 {total['overdue']:,} 项。",
            body,
        ),
        Paragraph("一、各阶段进度", heading),
        _table(
            [["阶段", "起止日期", "任务", "已销号", "未完成", "逾期", "完成率"]]
            + [
                [
                    p["name"],
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
                    Paragraph(a["key"], cell),
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
                        Paragraph(c.record or "—", cell),
                        Paragraph(c.title, cell),
                        Paragraph(c.assignee or "—", cell),
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

    return write_document(
        story,
        out,
        title=f"专项行动进度通报 — {campaign['name']} {data['date']}",
        station=station,
        header_right=f"统计日期：{chinese_date(day)}",
    )


def print_notice(store: Store, campaign: str, out: str | Path, today: date | None = None) -> Path:
    """The user action 打印进度通报."""
    data = notice_data(store, campaign, today or date.today())
    return write_notice_pdf(data, station_line(store.station.name, store.station.code), out)


def export_notice(store: Store, campaign: str, out: str | Path, today: date | None = None) -> Path:
    """The user action 导出进度表格: the same figures and every task, one sheet per table."""
    from app.reports.dashboard_xlsx import PERCENT, format_column, sheet

    data = notice_data(store, campaign, today or date.today())

    def write(path: Path) -> None:
        from openpyxl import Workbook

        book = Workbook()
        book.remove(book.active)
        total = data["total"]
        sheet(
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
            ],
        )["B8"].number_format = "0.0%"
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
        sheet(book, "全部任务", headers, [row(c) for c in data["tasks"]])
        book.save(path)

    return write_atomically(out, ".xlsx", write)
