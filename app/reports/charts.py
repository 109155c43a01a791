"""The dashboard's charts drawn for print (reportlab graphics, vector, with the
embedded font). The window draws the same data with pyqtgraph; these are their
paper twins, so ``app/`` needs no Qt."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.lib.colors import Color, HexColor

from app.reports.pdf import FONT, GREY, INK, RED, fit_text, register_font, text_width

LIGHT = HexColor("#D9D9D9")
GRID = HexColor("#E6E6E6")
SERIES = (RED, HexColor("#D98C00"), HexColor("#3D6A9E"))


def _drawing(title: str, width: float, height: float) -> Drawing:
    """A blank chart with its title, in the embedded font."""
    register_font()
    d = Drawing(width, height)
    d.add(String(0, height - 9, title, fontName=FONT, fontSize=8.5, fillColor=INK))
    return d


def rate_bars(
    title: str,
    rows: Sequence[tuple[str, float | None]],
    target: float,
    width: float,
    height: float,
) -> Drawing:
    """Horizontal bars of a rate per group (already sorted), with the target line."""
    d = _drawing(title, width, height)
    label_w = 58
    top = height - 16
    bottom = 12
    area_w = width - label_w - 30
    n = max(len(rows), 1)
    step = (top - bottom) / n
    bar_h = min(step * 0.7, 11)
    for tick in (0, 50, 100):
        x = label_w + area_w * tick / 100
        d.add(Line(x, bottom, x, top, strokeColor=GRID, strokeWidth=0.5))
        d.add(String(x, 3, f"{tick}%", fontName=FONT, fontSize=6, fillColor=GREY, textAnchor="middle"))
    for i, (label, percent) in enumerate(rows):
        y = top - (i + 1) * step + (step - bar_h) / 2
        d.add(
            String(
                label_w - 3,
                y + bar_h / 2 - 2.2,
                fit_text(label, 6.5, label_w - 4),
                fontName=FONT,
                fontSize=6.5,
                fillColor=INK,
                textAnchor="end",
            )
        )
        value = percent or 0.0
        d.add(Rect(label_w, y, area_w * value / 100, bar_h, fillColor=RED, strokeColor=None))
        text = "—" if percent is None else f"{percent:.1f}%"
        d.add(
            String(
                label_w + area_w * value / 100 + 2,
                y + bar_h / 2 - 2.2,
                text,
                fontName=FONT,
                fontSize=6,
                fillColor=INK,
            )
        )
    x = label_w + area_w * min(target, 100) / 100
    d.add(Line(x, bottom, x, top, strokeColor=INK, strokeWidth=0.8, strokeDashArray=[2, 2]))
    tag = f"目标 {target:g}%"
    d.add(String(min(x, width - text_width(tag, 6)), top + 1, tag, fontName=FONT, fontSize=6, fillColor=INK))
    return d


def stacked_bars(
    title: str,
    rows: Sequence[tuple[str, int, int]],
    names: tuple[str, str],
    width: float,
    height: float,
) -> Drawing:
    """Vertical bars per group, the first count stacked under the second, with counts."""
    d = _drawing(title, width, height)
    left, bottom, top = 6, 14, height - 36
    biggest = max((a + b for _, a, b in rows), default=0) or 1
    n = max(len(rows), 1)
    step = (width - left) / n
    bar_w = step * 0.6
    for i, (label, first, second) in enumerate(rows):
        x = left + i * step + (step - bar_w) / 2
        h1 = (top - bottom) * first / biggest
        h2 = (top - bottom) * second / biggest
        d.add(Rect(x, bottom, bar_w, h1, fillColor=RED, strokeColor=None))
        d.add(Rect(x, bottom + h1, bar_w, h2, fillColor=LIGHT, strokeColor=None))
        d.add(
            String(
                x + bar_w / 2,
                bottom + h1 + h2 + 2,
                f"{first:,}/{first + second:,}",
                fontName=FONT,
                fontSize=5.5,
                fillColor=INK,
                textAnchor="middle",
            )
        )
        d.add(String(x + bar_w / 2, 4, label, fontName=FONT, fontSize=6, fillColor=INK, textAnchor="middle"))
    _legend(d, [(RED, names[0]), (LIGHT, names[1])], height - 20)
    return d


def trend_lines(
    title: str,
    months: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    width: float,
    height: float,
) -> Drawing:
    """Lines of rates (0–100%) by month; a missing month leaves a gap."""
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
    for (_, values), color in zip(series, SERIES, strict=False):
        points: list[float] = []
        for i, value in enumerate(values):
            if value is None:
                continue
            points += [x_of(i), bottom + (top - bottom) * value / 100]
        if len(points) >= 4:
            d.add(PolyLine(points, strokeColor=color, strokeWidth=1.2))
        for j in range(0, len(points), 2):
            d.add(Rect(points[j] - 1.2, points[j + 1] - 1.2, 2.4, 2.4, fillColor=color, strokeColor=None))
    _legend(d, [(color, name) for (name, _), color in zip(series, SERIES, strict=False)], height - 20)
    return d


def _legend(d: Drawing, items: Sequence[tuple[Color, str]], y: float) -> None:
    x = 6.0
    for color, name in items:
        d.add(Rect(x, y, 7, 5, fillColor=color, strokeColor=None))
        d.add(String(x + 9, y, name, fontName=FONT, fontSize=6, fillColor=INK))
        x += 14 + text_width(name, 6)
