"""Two of the 通报's charts that break coverage down further than app/reports/charts.py
draws: bars stacked in any number of parts (单独, 联合, 挂靠 apart, then 未覆盖), and
the monthly trend of all four rates (the 应建尽建率 beside the three coverage rates)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.lib.colors import Color, HexColor

from app.reports.charts import GRID, LIGHT, SERIES, _drawing, _legend
from app.reports.pdf import FONT, GREY, INK, RED

# Red for what the program cares most about (单独组建), then lighter shades; grey for 未覆盖.
PARTS = (RED, HexColor("#E58A8E"), HexColor("#F4C7C9"), LIGHT)
RATES = (*SERIES, HexColor("#5A9A4B"))


def stacked_parts(
    title: str,
    rows: Sequence[tuple[str, Sequence[int]]],
    names: Sequence[str],
    width: float,
    height: float,
    colors: Sequence[Color] = PARTS,
) -> Drawing:
    """Vertical bars per group, the parts stacked bottom up, with covered/total on top."""
    d = _drawing(title, width, height)
    left, bottom, top = 6, 14, height - 36
    biggest = max((sum(parts) for _, parts in rows), default=0) or 1
    n = max(len(rows), 1)
    step = (width - left) / n
    bar_w = step * 0.6
    for i, (label, parts) in enumerate(rows):
        x = left + i * step + (step - bar_w) / 2
        y = float(bottom)
        for value, color in zip(parts, colors, strict=False):
            h = (top - bottom) * value / biggest
            d.add(Rect(x, y, bar_w, h, fillColor=color, strokeColor=None))
            y += h
        covered, total = sum(parts[:-1]), sum(parts)
        d.add(
            String(
                x + bar_w / 2,
                y + 2,
                f"{covered:,}/{total:,}",
                fontName=FONT,
                fontSize=5.5,
                fillColor=INK,
                textAnchor="middle",
            )
        )
        d.add(String(x + bar_w / 2, 4, label, fontName=FONT, fontSize=6, fillColor=INK, textAnchor="middle"))
    _legend(d, list(zip(colors, names, strict=False)), height - 20)
    return d


def rate_trend(
    title: str,
    months: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    width: float,
    height: float,
) -> Drawing:
    """Lines of rates (0–100%) by month, one colour each; a month without a figure
    leaves a gap (a lone point is still drawn)."""
    d = _drawing(title, width, height)
    left, bottom, top, right = 24, 14, height - 26, width - 6
    for tick in (0, 25, 50, 75, 100):
        y = bottom + (top - bottom) * tick / 100
        d.add(Line(left, y, right, y, strokeColor=GRID, strokeWidth=0.5))
        d.add(
            String(left - 2, y - 2, f"{tick}%", fontName=FONT, fontSize=5.5, fillColor=GREY, textAnchor="end")
        )
    n = len(months)
    step = (right - left) / max(n - 1, 1)

    def x_of(i: int) -> float:
        return left + i * step if n > 1 else (left + right) / 2

    for i, month in enumerate(months):
        if n <= 6 or i % 2 == (n - 1) % 2:
            d.add(
                String(
                    x_of(i),
                    4,
                    month[2:].replace("-", "."),
                    fontName=FONT,
                    fontSize=5.5,
                    fillColor=GREY,
                    textAnchor="middle",
                )
            )
    for (_, values), color in zip(series, RATES, strict=False):
        points: list[float] = []
        for i, value in enumerate(values):
            if value is not None:
                points += [x_of(i), bottom + (top - bottom) * value / 100]
        if len(points) >= 4:
            d.add(PolyLine(points, strokeColor=color, strokeWidth=1.2))
        for j in range(0, len(points), 2):
            d.add(Rect(points[j] - 1.4, points[j + 1] - 1.4, 2.8, 2.8, fillColor=color, strokeColor=None))
    _legend(d, [(color, name) for (name, _), color in zip(series, RATES, strict=False)], height - 20)
    return d
