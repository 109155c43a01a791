"""Every workbook row goes through here: text stays text. A name such as
``=HYPERLINK(…)`` would otherwise be stored as a formula that Excel or WPS runs when
the file is opened; ``+``, ``-`` and ``@`` start formulas too once a cell is edited."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_START = ("=", "+", "-", "@")


def safe_cell(ws: Worksheet, value: Any) -> Any:
    """``value`` as ``ws.append`` should get it: numbers, dates and ordinary text as
    they are; text that a spreadsheet would read as a formula or an error code as a
    text cell marked with a quote prefix (shown as typed, never evaluated). Control
    characters, which a workbook cannot hold, are dropped rather than failing the
    whole export."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if not value.startswith(FORMULA_START) and value not in ERROR_CODES:
        return value
    cell = Cell(ws, value=value)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def append_row(ws: Worksheet, row: Iterable[Any]) -> None:
    ws.append([safe_cell(ws, value) for value in row])
