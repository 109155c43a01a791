"""Text as people type it, made comparable before any check: full-width digits and
letters become ASCII (so ４４０１… and 4401… are the same ID number), codes are
upper-cased, and invisible control characters are refused with the field named.

A targeted mapping, not NFKC: NFKC also rewrites CJK compatibility ideographs and
full-width punctuation that belongs in Chinese names (（分公司）, ·), which would
change what a person typed.
"""

from __future__ import annotations

import unicodedata

from app.errors import FieldError

IDEOGRAPHIC_SPACE = "\u3000"
_FULLWIDTH_OFFSET = 0xFEE0  # U+FF01..U+FF5E are U+0021..U+007E shifted by this

# Every full-width ASCII character (for codes: ＋８６－１３８…, ＵＳＣＣ).
_ALL_ASCII = {cp: cp - _FULLWIDTH_OFFSET for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# Only digits and Latin letters (for names and free text, where （）、：are Chinese punctuation).
_ALNUM = {
    cp: cp - _FULLWIDTH_OFFSET
    for cp in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
} | {0x3000: 0x20}

# Characters that change how text is laid out or read without being seen: bidi
# overrides can make "exe.txt" read "txt.exe", line/paragraph separators break lines.
_INVISIBLE = {
    *range(0x202A, 0x202F),  # LRE, RLE, PDF, LRO, RLO
    *range(0x2066, 0x206A),  # LRI, RLI, FSI, PDI
    0x2028,  # LINE SEPARATOR
    0x2029,  # PARAGRAPH SEPARATOR
    0xFEFF,  # BYTE ORDER MARK
}
_INVISIBLE_CHARS = frozenset(map(chr, _INVISIBLE))
_NAMES = {"\n": "换行", "\r": "回车", "\t": "制表符", "\x1b": "ESC", "\x00": "空字符"}


def halfwidth(text: str, *, code: bool = False) -> str:
    """Full-width digits and letters (every full-width ASCII character for a code) and
    the ideographic space as their ASCII forms."""
    return text.translate(_ALL_ASCII if code else _ALNUM)


def normalise_code(text: str) -> str:
    """An identifier typed by a person (ID number, credit code): ASCII, upper case, no
    spaces (people group the digits as they read them out: 440106 19660707 4587)."""
    return "".join(halfwidth(text, code=True).upper().split())


def normalise_search(text: str) -> str:
    """What was typed in a search box, comparable with stored (normalised) values."""
    return halfwidth(text).strip()


def visible(text: str) -> str:
    """Text for a terminal: control characters as escapes (\\x1b, \\n), so a stored ESC
    sequence cannot recolour or rewrite the screen."""
    out = []
    for ch in text:
        if _is_control(ch, multiline=False):
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


def shown(value: object, limit: int = 30) -> str:
    """A value echoed back in a message: short, and with control characters made
    visible, so an ESC sequence or a 10,000-character paste cannot flood the screen."""
    text = str(value)
    return visible(text[:limit]) + ("…" if len(text) > limit else "")


def _is_control(ch: str, *, multiline: bool) -> bool:
    if multiline and ch in "\n\t\r":  # \r: Windows line ends, made \n when stored
        return False
    cp = ord(ch)
    if cp in _INVISIBLE:
        return True
    # Cc: C0, DEL and C1 controls (ESC starts terminal escape sequences);
    # Cs: lone surrogates, which a terminal's undecodable bytes become and no database can store;
    # Cf: format characters — zero-width spaces and joiners, bidi marks, soft hyphens — which
    # make a name that looks empty, or two names that look alike and are not.
    return unicodedata.category(ch) in ("Cc", "Cs", "Cf")


def _describe(ch: str) -> str:
    return _NAMES.get(ch) or f"U+{ord(ch):04X}"


def plainly_visible(text: str) -> bool:
    """True when no character of ``text`` can be a control, format or invisible one: the
    quick answer for the many values that need no closer look (str.isprintable is
    False for every Cc, Cf and Cs character, and for line breaks)."""
    return text.isprintable() and _INVISIBLE_CHARS.isdisjoint(text)


def refuse_controls(text: str, label: str, field: str, *, multiline: bool = False) -> None:
    if plainly_visible(text):  # nearly every value: no character to look at one by one
        return
    for position, ch in enumerate(text, start=1):
        if _is_control(ch, multiline=multiline):
            raise FieldError(
                field,
                f"“{label}”第{position}个字符是看不见的控制字符（{_describe(ch)}），请删去后重新输入。",
            )


def clean_text(value: object, label: str, field: str, *, max_length: int, multiline: bool = False) -> str:
    """Free text as stored: full-width digits and letters as ASCII, trimmed, no control
    characters (a multi-line field keeps its line breaks and tabs), within its length."""
    text = halfwidth(str(value))
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.strip()
    refuse_controls(text, label, field, multiline=multiline)
    if len(text) > max_length:
        raise FieldError(
            field, f"“{label}”最多 {max_length:,} 个字，现为 {len(text):,} 个字，请删减后重新输入。"
        )
    return text
