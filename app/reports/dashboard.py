"""工作台 printed: the one-page 通报 (PDF) and the workbook with one sheet per table.
Both are drawn from the same ``station_stats`` result as the page and the CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from app import __version__
from app.dashboard import (
    FORMATION_PARTS,
    Tile,
    formation_rows,
    station_line,
    summary_line,
    tiles,
)
from app.domain.dates import chinese_date
from app.jobs import Job, Progress, run_job
from app.reports import charts, coverage_charts
from app.reports.output import output_file
from app.reports.pdf import FONT, GREY, INK, RED, RULE, Page, escape, fit_text, paragraph_style, register_font
from app.rules.catalog import RULES_BY_ID, SEEDS
from app.stats import RATE_TITLES, check, record_monthly_snapshot, records_the_month, station_stats
from app.store import Store

CHART_ROWS = 12  # bars per rate chart on paper; the page and the workbook list all groups


def seed_short(seed: str) -> str:
    """The document's number without the long title in brackets."""
    return SEEDS[seed].split("（", 1)[0]


def _tile_grid(page: Page, cells: list[Tile]) -> None:
    cols, gap, h = 5, 5, 42
    w = (page.inner_width - gap * (cols - 1)) / cols
    c = page.canvas
    for i, tile in enumerate(cells):
        x = page.left + (i % cols) * (w + gap)
        y = page.y - (i // cols + 1) * (h + gap) + gap
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        c.rect(x, y, w, h, stroke=1, fill=0)
        page.text(x + 5, y + h - 10, tile.title, 7, GREY)
        page.text(x + w - 5, y + 14, tile.value, 13.5, RED if tile.key == "findings" else INK, align="right")
        if tile.detail:
            page.text(x + w - 5, y + 4.5, fit_text(tile.detail, 5.8, w - 8), 5.8, GREY, align="right")
    page.y -= (len(cells) + cols - 1) // cols * (h + gap) + 2


def _summary(page: Page, stats: dict[str, Any]) -> None:
    """The line every print carries: 应建尽建率 and the coverage rates, by kind."""
    text = Paragraph(escape(summary_line(stats)), paragraph_style("summary", 7.5, 10.5))
    _, height = text.wrapOn(page.canvas, page.inner_width, page.y)
    text.drawOn(page.canvas, page.left, page.y - height)
    page.y -= height + 6


def _charts(page: Page, stats: dict[str, Any]) -> None:
    gap, h = 12, 138
    w = (page.inner_width - gap) / 2
    target = float(stats["target_percent"])
    worst = stats["by_community"][:CHART_ROWS]
    more = len(stats["by_community"]) - len(worst)
    community_title = "各社区党的组织覆盖率" + (
        f"（最低的 {len(worst)} 个，共 {len(stats['by_community'])} 个）" if more else ""
    )
    industries = [r for r in stats["by_industry"] if r["in_scope"]][:CHART_ROWS]
    drawings = [
        charts.rate_bars(
            community_title, [(r["label"], r["organization_coverage"]) for r in worst], target, w, h
        ),
        charts.rate_bars(
            "各行业党的组织覆盖率",
            [(r["label"], r["organization_coverage"]) for r in industries],
            target,
            w,
            h,
        ),
        coverage_charts.stacked_parts(
            "按职工规模：单独 / 联合 / 挂靠 / 未覆盖",
            formation_rows(stats["by_staff_band"]),
            FORMATION_PARTS,
            w,
            h,
        ),
        coverage_charts.rate_trend(
            "覆盖率月度趋势（应建尽建率自本月起记）",
            [p["month"] for p in stats["trend"]],
            [(name, [p[key] for p in stats["trend"]]) for key, name in RATE_TITLES.items()],
            w,
            h,
        ),
    ]
    for i, drawing in enumerate(drawings):
        x = page.left + (i % 2) * (w + gap)
        y = page.y - (i // 2 + 1) * (h + gap) + gap
        renderPDF.draw(drawing, page.canvas, x, y)
    page.y -= 2 * (h + gap) + 2


def _findings_table(page: Page, stats: dict[str, Any]) -> None:
    page.text(page.left, page.y - 9, f"规则检查发现的问题（共 {stats['findings']['total']:,} 项）", 9)
    page.y -= 14
    cell = paragraph_style("cell", 6.5, 7.5)
    widths = [18, 170, 46, 46, page.inner_width - 280]
    data: list[list[Any]] = [["序号", "规则", "现行标准", "问题数", "依据"]]
    for n, row in enumerate(stats["findings"]["rules"], 1):
        rule = RULES_BY_ID[row["id"]]
        data.append(
            [
                str(n),
                Paragraph(escape(row["title"]), cell),
                "—" if row["threshold"] is None else str(row["threshold"]),
                f"{row['count']:,}",
                fit_text(seed_short(rule.seed), 6.5, widths[4] - 6),
            ]
        )
    table = Table(data, colWidths=widths, rowHeights=None, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 6.5),
                ("FONT", (0, 0), (-1, 0), FONT, 7),
                ("BACKGROUND", (0, 0), (-1, 0), "#F0F0F0"),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
                ("ALIGN", (2, 1), (3, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    _, height = table.wrapOn(page.canvas, page.inner_width, page.y)
    table.drawOn(page.canvas, page.left, page.y - height)
    page.y -= height


def scope_prefix(stats: dict[str, Any]) -> str:
    """At a district, whose records the figures are: "数据范围：南湾街道。"."""
    scope = stats.get("station_scope") or {}
    return f"数据范围：{scope['label']}。" if scope.get("district") else ""


def write_dashboard_pdf_job(stats: dict[str, Any], out: str | Path) -> Job[Path]:
    """The one-page 通报, written all-or-nothing."""
    with output_file(out, ".pdf") as path:
        yield Progress("正在绘制通报", 0, 2)
        canvas = Canvas(
            str(path), pagesize=(595.2756, 841.8898), pageCompression=1, initialFontName=register_font()
        )
        station = stats["station"]
        canvas.setTitle(f"两新组织党建工作情况通报 — {station['name']} {stats['date']}")
        canvas.setAuthor(station["name"])
        canvas.setCreator(f"两新组织党建工作台 {__version__}")
        page = Page(canvas)
        page.title("两新组织党建工作情况通报")
        page.header(
            station_line(station["name"], station["code"]),
            f"统计日期：{chinese_date(stats['date'])}",
            scope_prefix(stats)
            + f"统计范围：{stats['scope']}；覆盖率目标 {stats['target_percent']}%。比率的定义见电子表格“概况”页。",
        )
        _tile_grid(page, tiles(stats))
        _summary(page, stats)
        _charts(page, stats)
        _findings_table(page, stats)
        page.signature()
        page.footer(1, 1, f"两新组织党建工作台 {__version__} 生成")
        canvas.showPage()
        yield Progress("正在保存", 1, 2)
        canvas.save()
    return Path(out).expanduser()


def write_dashboard_pdf(stats: dict[str, Any], out: str | Path) -> Path:
    return run_job(write_dashboard_pdf_job(stats, out))


def print_dashboard_job(
    store: Store, out: str | Path, today: date | None = None, station: str | None = None
) -> Job[Path]:
    """The user action 打印通报: today's figures, recorded for the trend, as a one-page PDF
    (at a district, of every sub-district or of ``station``)."""
    yield Progress("正在统计", 0, 1)
    stats = station_stats(store, today, station)
    path = yield from write_dashboard_pdf_job(stats, out)
    _record_for_the_trend(store, stats)
    return path


def print_dashboard(
    store: Store, out: str | Path, today: date | None = None, station: str | None = None
) -> Path:
    """``print_dashboard_job`` run to its end."""
    return run_job(print_dashboard_job(store, out, today, station))


def export_dashboard_job(
    store: Store, out: str | Path, today: date | None = None, station: str | None = None
) -> Job[Path]:
    """The user action 导出表格: every table of the dashboard, and the findings behind it."""
    from app.reports.dashboard_xlsx import write_dashboard_xlsx_job

    yield Progress("正在统计", 0, 2)
    stats = station_stats(store, today, station)
    yield Progress("正在检查规则", 1, 2)
    findings = check(store, today, station=stats["station_scope"]["station"])
    path = yield from write_dashboard_xlsx_job(stats, findings, out)
    _record_for_the_trend(store, stats)
    return path


def _record_for_the_trend(store: Store, stats: dict[str, Any]) -> None:
    """After the file is written, this month's figures for the trend: a report from a
    read-only database (or one another program holds) is still made, and a cancelled
    one records nothing."""
    import logging

    from app.errors import StorageProblem

    if not records_the_month(stats):  # one sub-district's figures are not the district's month
        return
    try:
        record_monthly_snapshot(store, stats=stats)
    except StorageProblem as exc:
        logging.getLogger("liangxin.storage").info("snapshot not recorded: %s", exc.message)


def export_dashboard(
    store: Store, out: str | Path, today: date | None = None, station: str | None = None
) -> Path:
    """``export_dashboard_job`` run to its end."""
    return run_job(export_dashboard_job(store, out, today, station))
