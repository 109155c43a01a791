"""Writing a sheet with XlsxWriter in constant-memory mode (rows stream to disk, so
100,000 rows cost no more memory than 100): Chinese headers in bold on a frozen first
row, columns as wide as their contents, and text always written as text.

Text follows the rule of ``app.reports.xlsx``: what a spreadsheet would run as a
formula (``=``, ``+``, ``-``, ``@``) or read as an error code is kept as text with a
quote prefix, and the control characters a workbook cannot hold are dropped.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.reports.xlsx import ERROR_CODES, FORMULA_START, ILLEGAL_CHARACTERS_RE

MAX_WIDTH = 60  # characters: longer text wraps in the cell rather than widening the sheet
SAMPLE = 2_000  # rows looked at to size the columns
FILLS = {"refused": "#FDE2E1", "doubt": "#FFF4CE"}  # rows refused, rows taken with a doubt


def text_width(value: Any) -> int:
    text = value.isoformat() if isinstance(value, date) else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text[:200])


class Book:
    """One workbook being written; ``close`` saves it."""

    def __init__(self, path: str | Path) -> None:
        import xlsxwriter

        self.book = xlsxwriter.Workbook(
            str(path), {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False}
        )
        self.header = self.book.add_format(
            {"bold": True, "bg_color": "#F0F0F0", "border": 1, "text_wrap": True, "valign": "top"}
        )
        self._formats: dict[tuple[str, str], Any] = {}

    def format(self, kind: str, fill: str = "") -> Any:
        """A cell format: kind "" (plain), "date", "quoted" (text kept as typed) or "text"
        (a column for codes), on a fill ("refused" red, "doubt" yellow) or none."""
        key = (kind, fill)
        if key not in self._formats:
            spec: dict[str, Any] = {
                "date": {"num_format": "yyyy-mm-dd"},
                "quoted": {"quote_prefix": True},
                "text": {"num_format": "@"},
            }.get(kind, {}).copy()
            if fill:
                spec["bg_color"] = FILLS[fill]
            self._formats[key] = self.book.add_format(spec) if spec else None
        return self._formats[key]

    def sheet(
        self, name: str, headers: list[str], sample: list[list[Any]], *, text_columns: tuple[int, ...] = ()
    ) -> Sheet:
        return Sheet(self, name, headers, sample, text_columns)

    def close(self) -> None:
        self.book.close()


class Sheet:
    def __init__(
        self,
        book: Book,
        name: str,
        headers: list[str],
        sample: list[list[Any]],
        text_columns: tuple[int, ...],
    ) -> None:
        self.book = book
        self.ws = book.book.add_worksheet(name[:31])
        self.row = 0
        for c, header in enumerate(headers):
            widest = max(
                [
                    text_width(header),
                    *(text_width(r[c]) for r in sample[:SAMPLE] if c < len(r) and r[c] is not None),
                ]
            )
            # Columns that hold codes (ID numbers, phones) are text columns: typing in them stays text.
            fmt = book.format("text") if c in text_columns else None
            self.ws.set_column(c, c, min(MAX_WIDTH, widest + 2), fmt)
        self.write(headers, header=True)
        self.ws.freeze_panes(1, 0)

    def write(self, values: list[Any], fill: str = "", *, header: bool = False) -> None:
        ws, r, book = self.ws, self.row, self.book
        plain = book.header if header else book.format("", fill)
        for c, value in enumerate(values):
            if value is None or value == "":
                if plain is not None:
                    ws.write_blank(r, c, None, plain)
                continue
            if isinstance(value, bool):
                ws.write_string(r, c, "是" if value else "否", plain)
            elif isinstance(value, int | float):
                ws.write_number(r, c, value, plain)
            elif isinstance(value, datetime | date):
                ws.write_datetime(r, c, value, book.format("date", fill))
            else:
                text = (
                    value
                    if type(value) is str and value.isprintable()
                    else ILLEGAL_CHARACTERS_RE.sub("", str(value))
                )
                risky = text.startswith(FORMULA_START) or text in ERROR_CODES
                ws.write_string(r, c, text, book.format("quoted", fill) if risky else plain)
        self.row += 1
