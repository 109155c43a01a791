"""What every print-out shares: the embedded CJK font, A4 with 2 cm margins, a title
in the heavier weight, the station-and-date header, the page footer and the
signature line (UI.md "Print")."""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageTemplate, SimpleDocTemplate
from reportlab.platypus.doctemplate import LayoutError

from app.errors import LiangxinError
from app.jobs import Job, Progress, run_job
from app.paths import cjk_font, resource

T = TypeVar("T")
FONT = "WenQuanYiMicroHei"
MARGIN = 2 * cm
RED = HexColor("#C8161D")
INK = HexColor("#222222")
GREY = HexColor("#666666")
RULE = HexColor("#999999")


FALLBACK_FONTS = (("LiangxinHanA", "LiangxinHanA.ttf"), ("LiangxinHanB", "LiangxinHanB.ttf"))
_SUBSET_STRIDE = 1 << 20  # a fallback's subset numbers, offset so they cannot clash with the main font's


@functools.cache
def _fallbacks() -> tuple[tuple[TTFont, frozenset[str]], ...]:
    """The rare-character fonts, loaded the first time a text needs one. One that is
    missing or unreadable is left out: the character then prints as a blank box, as
    before, rather than the whole print failing."""
    loaded = []
    for name, file in FALLBACK_FONTS:
        try:
            font = TTFont(name, str(resource("fonts", file)), shapable=False)
        except (OSError, TTFError):
            continue
        pdfmetrics.registerFont(font)
        loaded.append((font, frozenset(map(chr, font.face.charToGlyph))))
    return tuple(loaded)


class FallbackFont(TTFont):
    """The main font, drawing each character it lacks (CJK Extension A and B: 䶮, 𠮷)
    in the first bundled fallback font that has it. reportlab never falls back by
    itself: it draws nothing for a missing glyph. Done here, at the font, every path
    (canvas strings, table cells, paragraphs, charts) and every width measured for
    wrapping gets it; text the main font covers takes reportlab's own path."""

    def __init__(self, name: str, filename: str, subfontIndex: int = 0) -> None:
        super().__init__(name, filename, subfontIndex=subfontIndex, shapable=False)
        self.covered = frozenset(map(chr, self.face.charToGlyph))

    def runs(self, text: str) -> list[tuple[int, str]]:
        """``text`` cut into runs of one font: 0 the main font, n the n-th fallback.
        A character no font has stays in the main font (drawn as its blank box)."""
        out: list[tuple[int, str]] = []
        fallbacks = _fallbacks()
        current, start = -1, 0
        for i, ch in enumerate(text):
            which = 0
            if ch not in self.covered:
                for n, (_, chars) in enumerate(fallbacks, 1):
                    if ch in chars:
                        which = n
                        break
            if which != current:
                if i:
                    out.append((current, text[start:i]))
                current, start = which, i
        if text:
            out.append((current, text[start:]))
        return out

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:
        try:
            plain = _maybe_rare(text) is None  # type: ignore[arg-type]
        except TypeError:  # bytes: rare, so not checked up front
            text = bytes(text).decode(encoding)  # type: ignore[arg-type]
            plain = _maybe_rare(text) is None
        if plain or self.covered.issuperset(text):
            return _ttf_width(self, text, size, encoding)
        fallbacks = _fallbacks()
        return sum(
            _ttf_width(self, run, size) if which == 0 else fallbacks[which - 1][0].stringWidth(run, size)
            for which, run in self.runs(text)
        )

    def splitString(self, text: str | bytes, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        try:
            plain = _maybe_rare(text) is None  # type: ignore[arg-type]
        except TypeError:
            text = bytes(text).decode(encoding)  # type: ignore[arg-type]
            plain = _maybe_rare(text) is None
        if plain or self.covered.issuperset(text):
            return _ttf_split(self, text, doc, encoding)
        fallbacks = _fallbacks()
        out: list[tuple[int, bytes]] = []
        for which, run in self.runs(text):
            if which == 0:
                out += _ttf_split(self, run, doc, encoding)
            else:
                font = fallbacks[which - 1][0]
                out += [(which * _SUBSET_STRIDE + n, chunk) for n, chunk in font.splitString(run, doc)]
        return out

    def getSubsetInternalName(self, subset: int, doc: Any) -> str:
        if subset < _SUBSET_STRIDE:
            return _ttf_subset_name(self, subset, doc)
        which, n = divmod(subset, _SUBSET_STRIDE)
        return _fallbacks()[which - 1][0].getSubsetInternalName(n, doc)  # type: ignore[no-any-return]


# Printing calls these for every string; reportlab's own (partly C) versions, called
# directly, keep text without rare characters as fast as before.
_ttf_width = TTFont.stringWidth
_ttf_split = TTFont.splitString
_ttf_subset_name = TTFont.getSubsetInternalName
# Every character the fallback fonts add lies in these ranges (checked when they were
# made); a text with none of them needs no fallback, found without a per-character loop.
_maybe_rare = re.compile(
    "[\u2e80-\u2fdf\u31c0-\u31ef\u3400-\u4dbf\u9fa6-\u9fff\uf900-\ufaff\U00010000-\U0010ffff]"
).search


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, but with characters beyond U+FFFF written as UTF-16
    surrogate pairs, as the PDF standard asks: reportlab writes ``<20BB7>``, which
    readers reject, so 𠮷 could be neither searched nor copied from the PDF."""
    pairs = [
        f"<{i:02X}> <{chr(code).encode('utf-16-be', 'surrogatepass').hex().upper()}>"
        for i, code in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *pairs,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


@functools.cache
def register_font() -> str:
    """Embed the bundled font (subset) so the PDF reads the same on every PC."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    pdfmetrics.registerFont(FallbackFont(FONT, str(cjk_font()), subfontIndex=0))
    # Charts start from reportlab's default state; its Times-Roman would be named, unembedded.
    from reportlab.graphics import shapes

    shapes.STATE_DEFAULTS["fontName"] = FONT
    return FONT


def text_width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, register_font(), size)


@functools.lru_cache(maxsize=8192)
def _char_width(ch: str, size: float) -> float:
    return pdfmetrics.stringWidth(ch, register_font(), size)


NO_LINE_START = frozenset("，。、；：？！）》」』”’%")


def wrap_lines(text: str, size: float, width: float, max_lines: int | None = None) -> str:
    """Text broken into lines that fit ``width`` points, joined by newlines: a table
    cell lays such a string out far faster than a Paragraph. Chinese breaks between
    any two characters, except before closing punctuation (one may hang over the
    edge, never a run of them). With ``max_lines``, a longer text is cut and its last
    line says so: a table row taller than a page could not be printed at all."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line, used = "", 0.0
        for ch in paragraph:
            w = _char_width(ch, size)
            if line and used + w > width and (ch not in NO_LINE_START or used > width):
                lines.append(line)
                line, used = "", 0.0
            line += ch
            used += w
        lines.append(line)
    if max_lines is not None and len(lines) > max_lines:
        note = wrap_lines(f"……（以下未印出，全文共 {len(text):,} 字）", size, width).split("\n")
        lines = [*lines[: max(max_lines - len(note), 1)], *note]
    return "\n".join(lines)


def fit_text(text: str, size: float, width: float) -> str:
    """The text cut with “…” to fit ``width`` points."""
    if text_width(text, size) <= width:
        return text
    room = width - _char_width("…", size)
    used = 0.0
    for i, ch in enumerate(text):
        used += _char_width(ch, size)
        if used > room:
            return text[:i] + "…"
    return text


def escape(text: str) -> str:
    """Text for a Paragraph, whose markup would otherwise read ``<`` and ``&`` in a
    name as tags (and refuse to print it)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def paragraph_style(name: str, size: float = 10, leading: float = 15, **kwargs: Any) -> ParagraphStyle:
    """A paragraph style in the embedded font that breaks Chinese between any two
    characters (reportlab's default breaks only at spaces, so a long name would run
    off the page)."""
    register_font()
    kwargs.setdefault("textColor", INK)
    return ParagraphStyle(name, fontName=FONT, fontSize=size, leading=leading, wordWrap="CJK", **kwargs)


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
        """Centred, in the heavier weight, on as many lines as it needs."""
        for line in wrap_lines(text, size, self.inner_width).split("\n"):
            self.y -= size
            _heavy_line(self.canvas, line, size, (self.width - text_width(line, size)) / 2, self.y)
            self.y -= size * 0.25
        self.y -= size * 0.35

    def header(self, left: str, right: str, below: str = "") -> None:
        self.y -= 11
        right = fit_text(right, 9, self.inner_width / 2)
        self.text(self.left, self.y, fit_text(left, 9, self.inner_width - text_width(right, 9) - 12), 9)
        self.text(self.right, self.y, right, 9, align="right")
        if below:
            for line in wrap_lines(below, 8, self.inner_width).split("\n"):
                self.y -= 13
                self.text(self.left, self.y, line, 8, GREY)
        self.y -= 6
        self.canvas.setStrokeColor(RULE)
        self.canvas.setLineWidth(0.6)
        self.canvas.line(self.left, self.y, self.right, self.y)
        self.y -= 8

    def running_head(self, left: str, right: str) -> None:
        """The small grey line above the margin on every page; a long name is cut to fit
        beside the other side rather than printed over it."""
        y = self.height - MARGIN / 2 - 4
        right = fit_text(right, 8, self.inner_width * 0.6)
        self.text(self.left, y, fit_text(left, 8, self.inner_width - text_width(right, 8) - 12), 8, GREY)
        self.text(self.right, y, right, 8, GREY, align="right")

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


def _heavy_line(c: Canvas, text: str, size: float, x: float, y: float) -> None:
    """One line in the heavier weight: the one-weight font is stroked as well as filled."""
    c.saveState()  # the stroke mode must not leak into the text that follows
    t = c.beginText()
    t.setFont(register_font(), size)
    t.setTextRenderMode(2)
    c.setLineWidth(size / 40)
    c.setStrokeColor(INK)
    c.setFillColor(INK)
    t.setTextOrigin(x, y)
    t.textOut(text)
    c.drawText(t)
    c.restoreState()


class HeavyTitle(Flowable):
    """The document title, centred, in the heavier weight; a long one (an organization's
    full name) wraps onto more lines instead of running off the page."""

    def __init__(self, text: str, size: float = 17) -> None:
        super().__init__()
        self.text, self.size = text, size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.lines = wrap_lines(self.text, self.size, available_width).split("\n")
        self.height = self.size * 1.6 + (len(self.lines) - 1) * self.size * 1.25
        return available_width, self.height

    def draw(self) -> None:
        y = self.size * 0.45 + (len(self.lines) - 1) * self.size * 1.25
        for line in self.lines:
            _heavy_line(self.canv, line, self.size, (self.width - text_width(line, self.size)) / 2, y)
            y -= self.size * 1.25


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
            page.running_head(header_left, header_right)
            page.footer(index + 1, len(states), note)

    return NumberedCanvas


class Lines(Flowable):
    """Plain text wrapped to the frame's width and drawn line by line: what a form needs
    for its remarks and signature lines, at a fraction of a Paragraph's cost. A text
    longer than the page goes on over the next pages."""

    def __init__(
        self, text: str, size: float = 10, leading: float = 15, align: str = "left", color: Any = INK
    ) -> None:
        super().__init__()
        self.text, self.size, self.leading, self.align, self.color = text, size, leading, align, color
        self._wrapped_at: float | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._wrapped_at != available_width:
            self.lines = wrap_lines(self.text, self.size, available_width).split("\n")
            self._wrapped_at = available_width
        self.width = available_width
        self.height = self.leading * len(self.lines)
        return available_width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        fit = int(available_height // self.leading)
        if fit <= 0 or fit >= len(self.lines):
            return [] if fit <= 0 else [self]
        return [self._part(self.lines[:fit], available_width), self._part(self.lines[fit:], available_width)]

    def _part(self, lines: list[str], width: float) -> Lines:
        part = Lines("\n".join(lines), self.size, self.leading, self.align, self.color)
        part.lines, part._wrapped_at = lines, width
        return part

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


class _Document(SimpleDocTemplate):
    """A document laid out one flowable at a time, so a job can report progress and be
    cancelled between pages (reportlab's ``build`` runs to the end in one call)."""

    def build_steps(self, story: list[Any], canvasmaker: type[Canvas]) -> Iterator[int]:
        """What ``SimpleDocTemplate.build`` does, yielding how many flowables are laid out;
        the file is written after the last."""
        self._calc()
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="normal")
        self.addPageTemplates(
            [
                PageTemplate(id="First", frames=frame, pagesize=self.pagesize),
                PageTemplate(id="Later", frames=frame, pagesize=self.pagesize),
            ]
        )
        flowables = list(story)
        total = len(flowables)
        self._startBuild(None, canvasmaker)
        canvas = self.canv
        canvas._doctemplate = self  # type: ignore[attr-defined]
        try:
            while flowables:
                self.clean_hanging()
                self.handle_flowable(flowables)
                yield total - len(flowables)
        finally:
            del canvas._doctemplate  # type: ignore[attr-defined]
        self._endBuild()


def write_document_job(
    story: list[Any],
    out: str | Path,
    *,
    title: str,
    station: str,
    canvasmaker: type[Canvas] | None = None,
    header_right: str = "",
    pagesize: tuple[float, float] = A4,
    stage: str = "正在排版",
) -> Job[Path]:
    """A flowing document with 2 cm margins, written all-or-nothing (a cancel or an
    error leaves no file and an existing one untouched); by default every page gets
    the station and ``header_right`` at the top and 第 x 页 共 y 页 below. Yields
    progress once a page."""
    from app import __version__
    from app.reports.output import output_file

    maker = canvasmaker or numbered_canvas(station, header_right, f"{CREATOR} {__version__} 生成")
    total = len(story)
    with output_file(out, ".pdf") as path:
        doc = _Document(
            str(path),
            pagesize=pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=title,
            author=station,
            creator=f"{CREATOR} {__version__}",
        )
        page = 0
        yield Progress(stage, 0, total)
        try:
            for done in doc.build_steps(story, maker):
                if doc.page != page and done < total:
                    page = doc.page
                    yield Progress(f"{stage}（第 {page} 页）", done, total)
        except LayoutError:
            # Every flowable here wraps, splits or is capped; this is the net under that.
            raise LiangxinError("有一项内容太长，一页纸放不下，未能打印。请缩短这项内容后重试。") from None
        yield Progress("正在保存", total, total)
    return Path(out).expanduser()


def relabel(job: Job[T], stage: str, done: int, total: int) -> Job[T]:
    """A job within a larger one, its steps reported as the larger one's (``done`` of
    ``total``); closing the outer job closes it at once, so its files go too."""
    with contextlib.closing(job):
        while True:
            try:
                next(job)
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]
            yield Progress(stage, done, total)


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
    """``write_document_job`` run to its end."""
    return run_job(
        write_document_job(
            story,
            out,
            title=title,
            station=station,
            canvasmaker=canvasmaker,
            header_right=header_right,
            pagesize=pagesize,
        )
    )
