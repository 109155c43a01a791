"""Finding the header row of a sheet and proposing which column goes to which field.

Office ledgers put a title, a 填报单位 line and blank rows above the headers, and
sometimes a two-row header (党员情况 merged over 正式党员 / 预备党员). The header row is
the one among the first rows whose cells name the most known columns; a row below it
is part of the header when the header has cells merged across columns and the row
below names the parts.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from app.domain.text import halfwidth
from app.errors import LiangxinError
from app.ledger.kinds import LedgerKind
from app.ledger.reading import Sheet

SCAN_ROWS = 30
_HINT = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
_NOISE = re.compile(r"[\s*＊:：·、/\\\-—_]+")


def normalise_header(text: object) -> str:
    """A header as compared: no spaces or line breaks, no hints in brackets (（是/否）,
    (人)), no * or colon; full-width letters and digits as ASCII."""
    if text is None:
        return ""
    value = halfwidth(str(text)).strip()
    without_hints = _HINT.sub("", value)
    return _NOISE.sub("", without_hints or value).lower()


@dataclass(frozen=True)
class Header:
    row: int  # index of the (last) header row in the grid; data starts below it
    rows: int  # 1 or 2
    names: list[str]  # each column's header as shown (党员情况/正式党员 for a two-row one)


def _score(text: str, target_words: list[str]) -> int:
    """3: the header is one of the words; 2: it contains one (of two or more characters)."""
    if not text:
        return 0
    if text in target_words:
        return 3
    if any(len(w) >= 2 and w in text for w in target_words):
        return 2
    return 0


def _words(kind: LedgerKind) -> dict[str, list[str]]:
    return {name: [normalise_header(w) for w in (t.label, *t.synonyms)] for name, t in kind.targets.items()}


def _row_matches(row: list[object], words: dict[str, list[str]]) -> int:
    texts = {normalise_header(v) for v in row if isinstance(v, str)}
    return sum(1 for ws in words.values() if any(_score(t, ws) for t in texts))


def _looks_like_data(value: object) -> bool:
    return isinstance(value, int | float | date) and not isinstance(value, bool)


def find_header(sheet: Sheet, kind: LedgerKind) -> Header:
    words = _words(kind)
    best, best_row = 0, -1
    for i, row in enumerate(sheet.rows[:SCAN_ROWS]):
        found = _row_matches(row, words)
        if found > best:
            best, best_row = found, i
    if best_row < 0:
        best_row = _first_text_row(sheet.rows[:SCAN_ROWS])  # headers nobody uses: the person maps them
    if best_row < 0:
        raise LiangxinError(
            f"在工作表“{sheet.name}”的前 {SCAN_ROWS} 行中找不到表头（如“{_example(kind)}”等列名）。"
            "请确认选对了工作表，或在数据上方一行写上列名。"
        )
    if best_row > 0 and _is_sub_header(sheet.rows[best_row - 1], sheet.rows[best_row], words):
        best_row -= 1  # the row found names the parts of a merged header above it
    top = sheet.rows[best_row]
    below = sheet.rows[best_row + 1] if best_row + 1 < len(sheet.rows) else None
    if below is not None and _is_sub_header(top, below, words):
        names = []
        for c, (upper, lower) in enumerate(zip(top, below, strict=True)):
            spans = _spans(top, c)
            if spans and isinstance(lower, str) and lower.strip() and lower != upper:
                names.append(f"{_shown(upper)}/{_shown(lower)}")
            else:
                names.append(_shown(upper) or _shown(lower))
        return Header(best_row + 1, 2, _unique(names))
    return Header(best_row, 1, _unique([_shown(v) for v in top]))


def _first_text_row(rows: list[list[object]]) -> int:
    """The first row with two or more distinct texts and no numbers: a header of names
    this program does not know."""
    for i, row in enumerate(rows):
        texts = {v for v in row if isinstance(v, str) and v.strip()}
        if len(texts) >= 2 and not any(_looks_like_data(v) for v in row):
            return i
    return -1


def _example(kind: LedgerKind) -> str:
    return "”“".join(t.label for t in list(kind.targets.values())[:3])


def _spans(row: list[object], c: int) -> bool:
    """The cell is part of a run of equal text across columns (a merged header)."""
    value = row[c]
    if not isinstance(value, str) or not value.strip():
        return False
    return (c > 0 and row[c - 1] == value) or (c + 1 < len(row) and row[c + 1] == value)


def _is_sub_header(top: list[object], below: list[object], words: dict[str, list[str]]) -> bool:
    runs = [c for c in range(len(top)) if _spans(top, c)]
    if not runs:
        return False
    if any(_looks_like_data(v) for v in below):
        return False
    # Every column under a merged header cell is named, and differently from it.
    return all(isinstance(below[c], str) and below[c].strip() and below[c] != top[c] for c in runs)


def _shown(value: object) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())


def _unique(names: list[str]) -> list[str]:
    """Column names as shown, blank ones as 第N列, repeated ones numbered."""
    seen: dict[str, int] = {}
    out = []
    for i, name in enumerate(names):
        name = name or f"第{i + 1}列"
        if name in seen:
            seen[name] += 1
            name = f"{name}（{seen[name]}）"
        else:
            seen[name] = 1
        out.append(name)
    return out


def propose_mapping(names: list[str], kind: LedgerKind) -> list[str | None]:
    """For each column the field it most likely holds (None: not imported). Each field
    once: the column whose header matches it best, the leftmost on a tie."""
    words = _words(kind)
    candidates: list[tuple[int, int, int, str]] = []  # (-score, -length of the word, column, field)
    for c, name in enumerate(names):
        parts = [normalise_header(p) for p in name.split("/")]
        texts = [parts[-1], normalise_header(name), *parts[:-1]] if len(parts) > 1 else parts
        for field, ws in words.items():
            for rank, text in enumerate(texts):
                score = _score(text, ws)
                if score:
                    longest = max((len(w) for w in ws if w and w in text), default=0)
                    candidates.append((-(score * 10 - rank), -longest, c, field))
                    break
    mapping: list[str | None] = [None] * len(names)
    used: set[str] = set()
    for _, _, c, field in sorted(candidates):
        if mapping[c] is None and field not in used:
            mapping[c] = field
            used.add(field)
    return mapping


def signature(names: list[str], kind_key: str) -> str:
    """What identifies "a sheet with these headers" for a saved mapping."""
    text = "\x1f".join([kind_key, *(normalise_header(n) for n in names)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
