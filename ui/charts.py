"""The dashboard's charts (pyqtgraph), in the bundled font, white and calm, with
one accent. Every bar can be clicked: ``bar_clicked`` carries the bar's index
and, for stacked bars, which part (0 the lower, 1 the upper)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPen
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from ui.style import PARTY_RED

LIGHT = "#D0D0D0"
INK = "#333333"
SERIES = (PARTY_RED, "#D98C00", "#3D6A9E", "#5A9A4B")
# Stacked parts: red for 单独组建, lighter shades for 联合 and 挂靠, grey for 未覆盖.
PARTS = (PARTY_RED, "#E58A8E", "#F4C7C9", LIGHT)

_configured = False


def _pg() -> Any:
    """pyqtgraph (and numpy under it, a quarter of a second to import), loaded when the
    first chart is drawn: a page's figures are on screen before it."""
    global _configured
    import pyqtgraph as pg

    if not _configured:
        pg.setConfigOptions(antialias=True, background="w", foreground=INK)
        _configured = True
    return pg


def _font(points: float = 9) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(points)
    return font


class Chart(QWidget):
    bar_clicked = Signal(int, int)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self._plot: Any = None  # made on first use (plot): the chart's frame stands until then
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.items: list[Any] = []

    @property
    def plot(self) -> Any:
        """The pyqtgraph plot, made (and the library loaded) on first use."""
        if self._plot is None:
            # No context menus: built disabled, pyqtgraph skips making them (half of each chart's cost).
            plot = self._plot = _pg().PlotWidget(enableMenu=False)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.setTitle(self.title, color=INK, size="10.5pt")
            plot.getPlotItem().titleLabel.item.setFont(_font(10.5))
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setTickFont(_font(8.5))
                axis.setTextPen(INK)
                axis.setPen(QColor("#BBBBBB"))
            plot.scene().sigMouseClicked.connect(self._clicked)
            plot.setCursor(Qt.CursorShape.PointingHandCursor)
            self._layout.addWidget(plot)
            self._made(plot)
        return self._plot

    def _made(self, plot: Any) -> None:
        """What a kind of chart sets on its plot once it is made."""

    def clear(self) -> None:
        for item in self.items:
            self.plot.removeItem(item)
        self.items = []

    def add(self, item: Any) -> None:
        self.plot.addItem(item)
        self.items.append(item)

    def label(self, text: str, x: float, y: float, anchor: tuple[float, float], size: float = 8) -> None:
        item = _pg().TextItem(text, color=INK, anchor=anchor)
        item.setFont(_font(size))
        item.setPos(x, y)
        self.add(item)

    def _clicked(self, event) -> None:  # type: ignore[no-untyped-def]
        point = self.plot.getPlotItem().vb.mapSceneToView(event.scenePos())
        hit = self.hit(point.x(), point.y())
        if hit is not None:
            self.bar_clicked.emit(*hit)

    def hit(self, x: float, y: float) -> tuple[int, int] | None:
        return None


class RateBars(Chart):
    """Horizontal bars of a rate per group, lowest at the top, with the target line."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.count = 0

    def _made(self, plot: Any) -> None:
        plot.getPlotItem().invertY(True)
        plot.getAxis("bottom").setTicks([[(v, f"{v}%") for v in (0, 25, 50, 75, 100)]])

    def show_rates(self, rows: Sequence[tuple[str, float | None]], target: float, min_slots: int = 0) -> None:
        """``min_slots``: room for at least this many bars, so that a few stay as slim as
        many (one sub-district's bar is not a red block filling the chart)."""
        pg = _pg()
        self.clear()
        self.count = len(rows)
        values = [r or 0.0 for _, r in rows]
        if rows:
            self.add(
                pg.BarGraphItem(
                    x0=0, y=list(range(len(rows))), height=0.62, width=values, brush=PARTY_RED, pen=None
                )
            )
        for i, (_, rate) in enumerate(rows):
            self.label("—" if rate is None else f"{rate:.1f}%", values[i] + 1, i, (0, 0.5))
        self.add(
            pg.InfiniteLine(pos=target, angle=90, pen=pg.mkPen(INK, width=1, style=Qt.PenStyle.DashLine))
        )
        self.label(f"目标 {target:g}%", target, -0.75, (1, 0.5))
        axis = self.plot.getAxis("left")
        axis.setTicks([[(i, name) for i, (name, _) in enumerate(rows)]])
        # Room for the longest name now: pyqtgraph would only widen the axis on a later paint.
        metrics = QFontMetrics(_font(8.5))
        axis.setWidth(min(150, max((metrics.horizontalAdvance(n) for n, _ in rows), default=20) + 16))
        self.plot.setXRange(0, 112, padding=0)
        self.plot.setYRange(-1.1, max(len(rows), min_slots, 1) - 0.4, padding=0)

    def hit(self, x: float, y: float) -> tuple[int, int] | None:
        i = round(y)
        return (i, 0) if 0 <= i < self.count and abs(y - i) <= 0.4 else None


class StackedBars(Chart):
    """Vertical bars per group, the parts stacked bottom up (the last in grey), each bar
    labelled with the parts but the last over the total."""

    def __init__(self, title: str, names: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.names = names
        self.rows: list[tuple[str, tuple[int, ...]]] = []

    def _made(self, plot: Any) -> None:
        legend = plot.addLegend(
            offset=(-8, 4), labelTextSize="8.5pt", labelTextColor=INK, colCount=min(len(self.names), 4)
        )
        legend.setParentItem(plot.getPlotItem().vb)

    def show_counts(self, rows: Sequence[tuple[str, Sequence[int]]]) -> None:
        pg = _pg()
        self.clear()
        self.plot.getPlotItem().legend.clear()
        self.rows = [(name, tuple(parts)) for name, parts in rows]
        x = list(range(len(rows)))
        base = [0] * len(rows)
        colors = (*PARTS[: len(self.names) - 1], LIGHT)
        for k, (name, color) in enumerate(zip(self.names, colors, strict=True)):
            heights = [parts[k] for _, parts in self.rows]
            self.add(
                pg.BarGraphItem(
                    x=x, y0=list(base), height=heights, width=0.6, brush=color, pen=None, name=name
                )
            )
            base = [b + h for b, h in zip(base, heights, strict=True)]
        top = max(base, default=0) or 1
        for i, (_, parts) in enumerate(self.rows):
            self.label(f"{sum(parts[:-1]):,}/{sum(parts):,}", i, sum(parts), (0.5, 1), 8)
        self.plot.getAxis("bottom").setTicks([[(i, name) for i, (name, _) in enumerate(self.rows)]])
        self.plot.getAxis("left").setStyle(showValues=False)  # each bar carries its own counts
        self.plot.setXRange(-0.6, len(rows) - 0.4, padding=0)
        self.plot.setYRange(0, top * 1.35, padding=0)

    def hit(self, x: float, y: float) -> tuple[int, int] | None:
        """(bar, part): which group and which of its stacked parts was clicked."""
        i = round(x)
        if not (0 <= i < len(self.rows)) or abs(x - i) > 0.3 or y < 0:
            return None
        floor = 0
        for k, value in enumerate(self.rows[i][1]):
            if y <= floor + value:
                return (i, k)
            floor += value
        return None


class TrendLines(Chart):
    """The rates by month, 0–100% (a month without a figure is left out of its line)."""

    def _made(self, plot: Any) -> None:
        plot.setCursor(Qt.CursorShape.ArrowCursor)
        # Four rates: two to a legend row, so that every name shows in either language.
        legend = plot.addLegend(offset=(8, 4), labelTextSize="8.5pt", labelTextColor=INK, colCount=2)
        legend.setParentItem(plot.getPlotItem().vb)
        plot.getAxis("left").setTicks([[(v, f"{v}%") for v in (0, 25, 50, 75, 100)]])

    def show_series(
        self, months: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]]
    ) -> None:
        pg = _pg()
        self.clear()
        self.plot.getPlotItem().legend.clear()
        x = list(range(len(months)))
        for (name, values), color in zip(series, SERIES, strict=False):
            points = [(i, v) for i, v in zip(x, values, strict=True) if v is not None]
            curve = pg.PlotDataItem(
                [p[0] for p in points],
                [p[1] for p in points],
                pen=QPen(QColor(color), 2),
                symbol="o",
                symbolSize=5,
                symbolBrush=color,
                symbolPen=None,
                name=name,
            )
            self.add(curve)
        step = 1 if len(months) <= 6 else 2
        ticks = [
            (i, m[2:].replace("-", ".")) for i, m in enumerate(months) if (len(months) - 1 - i) % step == 0
        ]
        self.plot.getAxis("bottom").setTicks([ticks])
        self.plot.setXRange(-0.5, max(len(months) - 0.5, 0.5), padding=0)
        self.plot.setYRange(0, 132, padding=0)


class BurnDown(Chart):
    """Open tasks at the end of each day, with the phase deadlines as dashed lines."""

    def _made(self, plot: Any) -> None:
        plot.setCursor(Qt.CursorShape.ArrowCursor)

    def show_burn_down(self, points: Sequence[dict], deadlines: Sequence[tuple[str, date | None]]) -> None:  # type: ignore[type-arg]
        pg = _pg()
        self.clear()
        if not points:
            return
        start = date.fromisoformat(points[0]["date"])
        x = [(date.fromisoformat(p["date"]) - start).days for p in points]
        y = [p["open"] for p in points]
        self.add(
            pg.PlotDataItem(x, y, pen=QPen(QColor(PARTY_RED), 2), fillLevel=0, brush=QColor(200, 22, 29, 40))
        )
        top = max([*y, 1])
        for name, day in deadlines:
            if day is None:
                continue
            offset = (day - start).days
            self.add(
                pg.InfiniteLine(pos=offset, angle=90, pen=pg.mkPen(INK, width=1, style=Qt.PenStyle.DashLine))
            )
            self.label(name.replace("阶段", ""), offset, top * 1.12, (1, 0), 7.5)
        span = max(x[-1], max(((d - start).days for _, d in deadlines if d), default=0), 1)
        step = max(1, span // 4)
        ticks = [
            (d, (start.fromordinal(start.toordinal() + d)).strftime("%m-%d"))
            for d in range(0, span + 1, step)
        ]
        self.plot.getAxis("bottom").setTicks([ticks])
        self.plot.setXRange(0, span, padding=0.02)
        self.plot.setYRange(0, top * 1.2, padding=0)
