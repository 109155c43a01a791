"""What every print-out shares: the embedded CJK font, A4 with 2 cm margins, a title
in the heavier weight, the station-and-date header, the page footer and the
signature line (UI.md "Print")."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from app.paths import cjk_font

FONT = "WenQuanYiMicroHei"
MARGIN = 2 * cm
RED = HexColor("#C8161D")
INK = HexColor("#222222")
GREY = HexColor("#666666")
RULE = HexColor("#999999")


@functools.cache
def register_font() -> str:
    """Embed the bundled font (subset) so the PDF reads the same on every PC."""
    pdfmetrics.registerFont(TTFont(FONT, str(cjk_font()), subfontIndex=0))
    # Charts start from reportlab's default state; its Times-Roman would be named, unembedded.
    from reportlab.graphics import shapes

    shapes.STATE_DEFAULTS["fontName"] = FONT
    return FONT


def text_width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, register_font(), size)


@functools.lru_cache(maxsize=8192)
def _char_width(ch: str, size: float) -> float:
    return pdfmetrics.stringWidth(ch, register_font(), size)


NO_LINE_START = set("，。、；：？！）》」』”’%）")


def wrap_lines(text: str, size: float, width: float) -> str:
    """Text broken into lines that fit ``width`` points, joined by newlines: a table
    cell lays such a string out far faster than a Paragraph. Chinese breaks between
    any two characters, except before closing punctuation."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line, used = "", 0.0
        for ch in paragraph:
            w = _char_width(ch, size)
            if line and used + w > width and ch not in NO_LINE_START:
                lines.append(line)
                line, used = "", 0.0
            line += ch
            used += w
        lines.append(line)
    return "\n".join(lines)


def fit_text(text: str, size: float, width: float) -> str:
    """The text cut with “…” to fit ``width`` points."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


@dataclass
class Page:
    """An A4 portrait page being drawn top-down; ``y`` is the next free line."""

    canvas: Canvas
    width: float = A4[0]
    height: float = A4[1]

    def __post_init__(self) -> None:
        register_font()
        self.y = self.height - MARGIN
        self.left = MARGIN
        self.right = self.width - MARGIN

    @property
    def inner_width(self) -> float:
        return self.right - self.left

    def text(
        self, x: float, y: float, text: str, size: float = 9, color: Color = INK, align: str = "left"
    ) -> None:
        c = self.canvas
        c.setFont(FONT, size)
        c.setFillColor(color)
        if align == "right":
            c.drawRightString(x, y, text)
        elif align == "center":
            c.drawCentredString(x, y, text)
        else:
            c.drawString(x, y, text)

    def title(self, text: str, size: float = 18) -> None:
        """Centred, in the heavier weight: the one-weight font is stroked as well as filled."""
        c = self.canvas
        self.y -= size
        c.saveState()  # the stroke mode must not leak into the text that follows
        t = c.beginText()
        t.setFont(FONT, size)
        t.setTextRenderMode(2)
        c.setLineWidth(size / 40)
        c.setStrokeColor(INK)
        c.setFillColor(INK)
        t.setTextOrigin((self.width - text_width(text, size)) / 2, self.y)
        t.textOut(text)
        c.drawText(t)
        c.restoreState()
        self.y -= size * 0.6

    def header(self, left: str, right: str, below: str = "") -> None:
        self.y -= 11
        self.text(self.left, self.y, left, 9)
        self.text(self.right, self.y, right, 9, align="right")
        if below:
            self.y -= 13
            self.text(self.left, self.y, below, 8, GREY)
        self.y -= 6
        self.canvas.setStrokeColor(RULE)
        self.canvas.setLineWidth(0.6)
        self.canvas.line(self.left, self.y, self.right, self.y)
        self.y -= 8

    def footer(self, page: int, pages: int, note: str = "") -> None:
        y = MARGIN / 2
        self.text(self.width / 2, y, f"第 {page} 页 共 {pages} 页", 8, GREY, align="center")
        if note:
            self.text(self.left, y, note, 7, GREY)

    def signature(self, who: str = "审核人签字") -> None:
        """``签字：________  日期：____年__月__日`` above the footer, on the right."""
        self.text(
            self.right,
            MARGIN / 2 + 16,
            f"{who}：____________    日期：______年____月____日",
            9,
            align="right",
        )


class HeavyTitle(Flowable):
    """The document title, centred, in the heavier weight (stroked as well as filled)."""

    def __init__(self, text: str, size: float = 17) -> None:
        super().__init__()
        self.text, self.size = text, size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.size * 1.6

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        t = c.beginText()
        t.setFont(register_font(), self.size)
        t.setTextRenderMode(2)
        c.setLineWidth(self.size / 40)
        c.setStrokeColor(INK)
        c.setFillColor(INK)
        t.setTextOrigin((self.width - text_width(self.text, self.size)) / 2, self.size * 0.45)
        t.textOut(self.text)
        c.drawText(t)
        c.restoreState()


class LateCanvas(Canvas):
    """A canvas that holds every page until the document is laid out, then lets
    ``decorate`` draw on each knowing them all (e.g. 第 x 页 共 y 页). Starts in the
    embedded font, so no unembedded Helvetica is ever named."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = register_font()
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def decorate(self, page: Page, index: int, states: list[dict[str, Any]]) -> None:
        """Draw on page ``index`` (states holds every page's canvas state)."""

    def save(self) -> None:
        states = self._pages
        for index, state in enumerate(states):
            self.__dict__.update(state)
            self.decorate(Page(self, self._pagesize[0], self._pagesize[1]), index, states)
            super().showPage()
        super().save()


def numbered_canvas(header_left: str, header_right: str, note: str = "") -> type[Canvas]:
    """A canvas that, once every page is laid out, writes the header on each page and
    the footer ``第 x 页 共 y 页`` (the total is known only at the end)."""

    class NumberedCanvas(LateCanvas):
        def decorate(self, page: Page, index: int, states: list[dict[str, Any]]) -> None:
            page.text(page.left, page.height - MARGIN / 2 - 4, header_left, 8, GREY)
            page.text(page.right, page.height - MARGIN / 2 - 4, header_right, 8, GREY, align="right")
            page.footer(index + 1, len(states), note)

    return NumberedCanvas


class Lines(Flowable):
    """Plain text wrapped to the frame's width and drawn line by line: what a form needs
    for its remarks and signature lines, at a fraction of a Paragraph's cost."""

    def __init__(
        self, text: str, size: float = 10, leading: float = 15, align: str = "left", color: Any = INK
    ) -> None:
        super().__init__()
        self.text, self.size, self.leading, self.align, self.color = text, size, leading, align, color

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.lines = wrap_lines(self.text, self.size, available_width).split("\n")
        self.height = self.leading * len(self.lines)
        return available_width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setFont(register_font(), self.size)
        c.setFillColor(self.color)
        y = self.height - self.size
        for line in self.lines:
            if self.align == "center":
                c.drawCentredString(self.width / 2, y, line)
            elif self.align == "right":
                c.drawRightString(self.width, y, line)
            else:
                c.drawString(0, y, line)
            y -= self.leading


CREATOR = "两新组织党建工作台"


def write_document(
    story: list[Any],
    out: str | Path,
    *,
    title: str,
    station: str,
    canvasmaker: type[Canvas] | None = None,
    header_right: str = "",
    pagesize: tuple[float, float] = A4,
) -> Path:
    """A flowing document with 2 cm margins, written all-or-nothing; by default every
    page gets the station and ``header_right`` at the top and 第 x 页 共 y 页 below."""
    from app import __version__
    from app.reports.output import write_atomically

    maker = canvasmaker or numbered_canvas(station, header_right, f"{CREATOR} {__version__} 生成")

    def write(path: Path) -> None:
        SimpleDocTemplate(
            str(path),
            pagesize=pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=title,
            author=station,
            creator=f"{CREATOR} {__version__}",
        ).build(story, canvasmaker=maker)

    return write_atomically(out, ".pdf", write)
