"""Printing results: JSON for scripts, aligned tables and label lists for people.

Text for people never carries control characters: an old row may hold an escape
sequence or a newline (stored before input was checked, or received from elsewhere),
and a terminal would obey it (colour the rest of the screen, move the cursor, break
the table). ``printable`` writes each such character as its Python escape instead
(ESC as ``\\x1b``, a line break as ``\\n``, a tab as ``\\t``), as
``app.domain.text.visible`` (the one rule, shared with the input checks) says; the
invisible format characters, which can reorder what is shown, too (``\\u202e``).
Applying it twice changes nothing more. JSON keeps the text exactly: its escapes are
inert.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import unicodedata
from datetime import date, datetime
from typing import Any

from app.domain.text import visible


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_plain)
    sys.stdout.write("\n")


def printable(text: str) -> str:
    """``text`` safe to print to a terminal (see the module's note)."""
    return text if text.isprintable() else visible(text)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, size: int, right: bool = False) -> str:
    gap = " " * max(0, size - width(text))
    return gap + text if right else text + gap


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return f"{value:,}"
    return printable(str(value))


def print_table(headers: list[str], rows: list[list[Any]], max_width: int = 36) -> None:
    cells = [[_cell(v) for v in row] for row in rows]
    for row in cells:
        for i, text in enumerate(row):
            while width(text) > max_width:
                text = text[:-2] + "…"
            row[i] = text
    sizes = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    numeric = [
        all(isinstance(r[i], int) and not isinstance(r[i], bool) for r in rows) and rows
        for i in range(len(headers))
    ]
    print("  ".join(_pad(h, s, bool(n)) for h, s, n in zip(headers, sizes, numeric, strict=True)))
    print("  ".join("-" * s for s in sizes))
    for row in cells:
        print("  ".join(_pad(c, s, bool(n)) for c, s, n in zip(row, sizes, numeric, strict=True)))


def print_record(pairs: list[tuple[str, Any]]) -> None:
    size = max(width(label) for label, _ in pairs)
    for label, value in pairs:
        print(f"{_pad(printable(label), size)}  {_cell(value)}")
