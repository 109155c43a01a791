"""统一社会信用代码 (GB 32100-2015)."""

from __future__ import annotations

from app.domain.text import normalise_code, shown

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 symbols: no I, O, S, V, Z
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}


class USCCError(ValueError):
    pass


def check_char(first17: str) -> str:
    total = sum(_VALUE[ch] * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def validate_uscc(raw: str) -> str:
    """Return the normalised code or raise ``USCCError`` with a sentence naming the fault."""
    code = normalise_code(raw)
    if len(code) != 18:
        raise USCCError(f"统一社会信用代码应为18位，现为{len(code)}位，请核对。")
    for pos, ch in enumerate(code, start=1):
        if ch not in _VALUE:
            hint = "（代码不使用 I、O、S、V、Z）" if ch in "IOSVZ" else ""
            raise USCCError(f"统一社会信用代码第{pos}位“{shown(ch)}”不是有效字符{hint}，请核对。")
    expected = check_char(code[:17])
    if code[17] != expected:
        raise USCCError(f"统一社会信用代码第18位校验码应为 {expected}，现为 {code[17]}，请核对后重新输入。")
    return code


def org_code_check(first8: str) -> str:
    """Check character of the 9-character organization code (GB 11714) inside a USCC."""
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(ch, 36) * w for ch, w in zip(first8, weights, strict=True))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def make_uscc(authority: str, kind: str, division: str, org_code8: str) -> str:
    """Build a valid code: registration authority, type, 6-digit division, organization code."""
    body = authority + kind + division + org_code8 + org_code_check(org_code8)
    return body + check_char(body)
