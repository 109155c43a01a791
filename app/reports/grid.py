"""A register printed as a grid of pre-wrapped text: the 台账 and 花名册 at district
size (30,000 rows, 1,500 pages) without reportlab's Table, which lays out and draws
each cell on its own (255,000 of them, most of the time of a print).

Each page is one path for its rules and one text object for all its words; rows come
in batches and are drawn as they come, never split across pages; the header row is
repeated on every page. The page total in 第 x 页 共 y 页 is written when the file is
saved (the pages are held by reportlab until then anyway), so the rows are wrapped
once, not twice."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics

from app.jobs import Job, Progress
from app.reports.pdf import (
    CREATOR,
    FONT,
    GREY,
    INK,
    MARGIN,
    RULE,
    LateCanvas,
    Page,
    fit_text,
    register_font,
    wrap_lines,
)

SIZE = 8.5  # the cells' type size (as the registers have always printed)
LEADING = SIZE * 1.2
PAD_X, PAD_TOP, PAD_BOTTOM = 4.0, 2.0, 3.0
T = TypeVar("T")
CELL_LINES = 6  # a register row stays a row: a longer value ends with "…"
HEADER_FILL = HexColor("#F0F0F0")
TITLE_SIZE = 17
INTRO_SIZE = 10


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    numeric: bool = False  # right-aligned


@dataclass(frozen=True)
class Sheet:
    """What surrounds the grid: the title (first page, heavier weight), a line under
    it, the running head on every page and the footer's note."""

    title: str
    head_left: str
    head_right: str = ""
    intro: str = ""
    note: str = ""


Row = Sequence[object]
Encoded = tuple[str, str, str, str]


class _Cells:
    """Cell text broken into the lines its column holds; a value seen before (a
    community, a coverage state, a Party organization's name) is wrapped once."""

    def __init__(self, columns: Sequence[Column]) -> None:
        self.font = pdfmetrics.getFont(register_font())
        self.room = [c.width - 2 * PAD_X for c in columns]
        self.seen: list[dict[str, tuple[str, ...]]] = [{} for _ in columns]

    def row(self, values: Row) -> list[tuple[str, ...]]:
        """``lines`` of every cell of a row (the loop most of a print goes round)."""
        out = []
        for seen, room, value in zip(self.seen, self.room, values, strict=True):
            if type(value) is int:
                out.append((str(value),))
                continue
            text = value if type(value) is str else "" if value is None else str(value)
            found = seen.get(text)
            if found is None:
                found = self._wrap(text, room)
                if len(seen) > 20_000:
                    seen.clear()
                seen[text] = found
            out.append(found)
        return out

    def lines(self, index: int, value: object) -> tuple[str, ...]:
        if type(value) is int:  # 序号, 职工人数: a number is never broken (at worst it uses the padding)
            return (str(value),)
        text = "" if value is None else str(value)
        seen = self.seen[index]
        found = seen.get(text)
        if found is None:
            found = self._wrap(text, self.room[index])
            if len(seen) > 20_000:  # unique values (names): keep memory flat
                seen.clear()
            seen[text] = found
        return found

    def _wrap(self, text: str, room: float) -> tuple[str, ...]:
        if "\n" not in text and self.font.stringWidth(text, SIZE) <= room:
            return (text,) if text else ()
        lines = wrap_lines(text, SIZE, room).split("\n")
        if len(lines) > CELL_LINES:
            rest = "".join(lines[CELL_LINES - 1 :])
            lines = [*lines[: CELL_LINES - 1], fit_text(rest + "…", SIZE, room)]
        return tuple(lines)


class _Text:
    """One page's text object, written as PDF text operators the way reportlab's
    ttfonts module documents for its subset fonts (``splitString``, then
    ``getSubsetInternalName`` per run). Each distinct line is encoded once per
    document: a register repeats its communities, kinds and coverage states on every
    page, and encoding is most of what drawing text costs. Characters the main font
    lacks come as runs in a fallback font (FallbackFont.splitString), each with its
    own font switch inside the same object."""

    def __init__(self, canvas: LateCanvas, encoded: dict[float, dict[str, Encoded]]) -> None:
        self.canvas = canvas
        self.doc = canvas._doc
        self.font = pdfmetrics.getFont(FONT)
        self.encoded = encoded  # by type size, each line's operators
        self.shows: dict[str, Encoded] = {}
        self.names: dict[int, str] = {}  # subset font names, by subset
        self.code: list[str] = ["BT"]
        self.size = 0.0
        self.current = ""  # the subset font last set

    def style(self, size: float, color: Color, mode: int | None = None) -> None:
        self.size = size
        self.shows = self.encoded.setdefault(size, {})
        self.current = ""
        r, g, b = color.rgb()
        self.code.append(f"{fp_str(r, g, b)} rg")
        if mode is not None:
            self.code.append(f"{mode} Tr")

    def line(self, x: float, y: float, text: str) -> None:
        self.at(f"{fp_str(x)} {fp_str(y)}", text)

    def at(self, where: str, text: str) -> None:
        """``text`` with its start at ``where`` ("x y", already formatted)."""
        first, last, full, rest = self.shows.get(text) or self._encode(text)
        if full:  # the first font switch only if another font is set
            self.code.append(f"1 0 0 1 {where} Tm {rest if first == self.current else full}")
            self.current = last

    def _encode(self, text: str) -> Encoded:
        """(first font, last font, the operators, the operators without the first font)."""
        out: list[str] = []
        size = fp_str(self.size)
        names = self.names
        for subset, chunk in self.font.splitString(text, self.doc):
            name = names.get(subset)
            if name is None:
                name = names[subset] = self.font.getSubsetInternalName(subset, self.doc)
            out.append(f"{name} {size} Tf")
            out.append(f"({escapePDF(chunk)}) Tj")
        if not out:  # an empty line (between paragraphs): nothing to draw
            return ("", "", "", "")
        found = (out[0], out[-2], " ".join(out), " ".join(out[1:]))
        if len(self.shows) > 50_000:  # unique values (names): keep memory flat
            self.shows.clear()
        self.shows[text] = found
        return found

    def width(self, text: str) -> float:
        return float(self.font.stringWidth(text, self.size))


class _GridCanvas(LateCanvas):
    """Holds each page's text open until the total is known, so the footer goes into
    the same text object as the rest of the page."""

    def __init__(self, *args: Any, note: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.texts: list[_Text | None] = []
        self.note = note

    def decorate(self, page: Page, index: int, states: list[dict[str, Any]]) -> None:
        t = self.texts[index]
        assert t is not None
        t.style(8, GREY, 0)
        footer = f"第 {index + 1} 页 共 {len(states)} 页"
        t.line((page.width - t.width(footer)) / 2, MARGIN / 2, footer)
        if self.note:
            t.style(7, GREY)
            t.line(page.left, MARGIN / 2, self.note)
        t.code.append("ET")
        self.addLiteral(" ".join(t.code))
        self.texts[index] = None  # written into the page


class _Pages:
    """The page being filled: its rules (one path), its header band, its text."""

    def __init__(self, canvas: _GridCanvas, columns: Sequence[Column], sheet: Sheet, cells: _Cells) -> None:
        self.c = canvas
        self.columns = columns
        self.sheet = sheet
        self.cells = cells
        self.encoded: dict[float, dict[str, Encoded]] = {}
        self.width, self.height = canvas._pagesize
        self.table_width = sum(c.width for c in columns)
        self.x0 = (self.width - self.table_width) / 2
        self.edges = [self.x0]
        for column in columns:
            self.edges.append(self.edges[-1] + column.width)
        self.lefts = [fp_str(x + PAD_X) for x in self.edges]
        self.numeric = [c.numeric for c in columns]
        self.header = [cells.lines(i, c.title) for i, c in enumerate(columns)]
        self.pages = 0

    def start(self) -> None:
        self.pages += 1
        self.text = t = _Text(self.c, self.encoded)
        t.style(8, GREY)
        head_y = self.height - MARGIN / 2 - 4
        inner = self.width - 2 * MARGIN
        right = fit_text(self.sheet.head_right, 8, inner * 0.6)
        left = fit_text(self.sheet.head_left, 8, inner - t.width(right) - 12)
        t.line(MARGIN, head_y, left)
        t.line(self.width - MARGIN - t.width(right), head_y, right)
        self.y = self.height - MARGIN
        if self.pages == 1:
            self._title_block()
        self.top = self.y
        self.rules: list[float] = [self.y]  # the horizontal rules' heights
        t.style(SIZE, INK)
        self._row(self.header, max(1, *map(len, self.header)), header=True)

    def _title_block(self) -> None:
        t = self.text
        inner = self.width - 2 * MARGIN
        t.style(TITLE_SIZE, INK, 2)  # filled and stroked: the one-weight font's heavier title
        y = self.y - TITLE_SIZE * 1.15
        for line in wrap_lines(self.sheet.title, TITLE_SIZE, inner).split("\n"):
            t.line((self.width - t.width(line)) / 2, y, line)
            y -= TITLE_SIZE * 1.25
        self.y = y + TITLE_SIZE * 1.25 - TITLE_SIZE * 0.6
        t.style(INTRO_SIZE, INK, 0)
        for line in wrap_lines(self.sheet.intro, INTRO_SIZE, inner).split("\n") if self.sheet.intro else ():
            self.y -= 15
            t.line((self.width - t.width(line)) / 2, self.y + 4, line)
        self.y -= 8 if self.sheet.intro else 6

    def finish(self) -> None:
        """Header band and rules (one path) now; the text when the total is known."""
        c = self.c
        c.setFillColor(HEADER_FILL)
        c.rect(self.x0, self.rules[1], self.table_width, self.top - self.rules[1], stroke=0, fill=1)
        # One path: every rule of the page, stroked once.
        left, right = fp_str(self.x0), fp_str(self.x0 + self.table_width)
        top, bottom = fp_str(self.top), fp_str(self.rules[-1])
        path = [f"{left} {y} m {right} {y} l" for y in map(fp_str, self.rules)]
        path += [f"{x} {top} m {x} {bottom} l" for x in map(fp_str, self.edges)]
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.addLiteral(" ".join(path) + " S")
        # The title's outline, set outside the text object that inherits it.
        c.setLineWidth(TITLE_SIZE / 40)
        c.setStrokeColor(INK)
        c.texts.append(self.text)
        c.showPage()

    def add(self, row: Row) -> None:
        cells = self.cells.row(row)
        tall = max(1, *map(len, cells))
        if self.y - tall * LEADING - PAD_TOP - PAD_BOTTOM < MARGIN and len(self.rules) > 2:
            self.finish()
            self.start()
        self._row(cells, tall)

    def _row(self, cells: list[tuple[str, ...]], tall: int, header: bool = False) -> None:
        t = self.text
        shows, code, encode = t.shows, t.code, t._encode
        top = self.y - PAD_TOP - LEADING * 0.8  # the first line's baseline
        ys: dict[int, str] = {}  # each line's formatted height, by (centring offset, line)
        current = t.current
        for i, lines in enumerate(cells):
            if not lines:
                continue
            # Vertically centred, as the tables were.
            skip = tall - len(lines)
            numeric = self.numeric[i] and not header
            for n, line in enumerate(lines):
                key = skip + 2 * n
                y = ys.get(key)
                if y is None:
                    y = ys[key] = fp_str(top - key * LEADING / 2)
                x = fp_str(self.edges[i + 1] - PAD_X - t.width(line)) if numeric else self.lefts[i]
                first, last, full, rest = shows.get(line) or encode(line)
                if full:
                    code.append(f"1 0 0 1 {x} {y} Tm {rest if first == current else full}")
                    current = last
        t.current = current
        self.y -= tall * LEADING + PAD_TOP + PAD_BOTTOM
        self.rules.append(self.y)


def _read_ahead(batches: Iterable[T]) -> Iterator[T]:
    """``batches``, the next read in a thread while this one is drawn: the database
    drivers let go of the interpreter while a query runs, so at district size most of
    the reading happens beside the drawing. One batch at a time is in the thread; a
    closed job waits for it before the reading is closed."""
    rows = iter(batches)
    with ThreadPoolExecutor(1, thread_name_prefix="grid-read") as pool:
        pending = pool.submit(next, rows, None)
        while (batch := pending.result()) is not None:
            pending = pool.submit(next, rows, None)
            yield batch


def write_grid_job(
    out: str | Path,
    columns: Sequence[Column],
    batches: Iterable[Sequence[Row]],
    *,
    total: int,
    sheet: Sheet,
    author: str = "",
    stage: str = "正在排版",
) -> Job[Path]:
    """The register in ``out`` (landscape A4), written all-or-nothing: a cancel or an
    error leaves no file and an existing one untouched. ``batches`` are read as the
    pages are drawn (``total`` rows in all, for the progress)."""
    from app import __version__
    from app.reports.output import output_file

    register_font()
    note = sheet.note or f"{CREATOR} {__version__} 生成"
    ahead = _read_ahead(batches)
    with contextlib.ExitStack() as stack:
        if hasattr(batches, "close"):
            stack.callback(batches.close)  # a cancel ends the reading too
        stack.callback(ahead.close)  # first: the batch in the thread is waited for
        path = stack.enter_context(output_file(out, ".pdf"))
        canvas = _GridCanvas(str(path), pagesize=landscape(A4), note=note)
        canvas.setTitle(sheet.title)
        canvas.setAuthor(author or sheet.head_left)
        canvas.setCreator(f"{CREATOR} {__version__}")
        pages = _Pages(canvas, columns, sheet, _Cells(columns))
        pages.start()
        done = 0
        yield Progress(stage, 0, total)
        for batch in ahead:
            for row in batch:
                pages.add(row)
            done += len(batch)
            yield Progress(f"{stage}（第 {pages.pages} 页）", done, total)
        pages.finish()
        yield Progress("正在保存", total, total)
        canvas.save()
    return Path(out).expanduser()
