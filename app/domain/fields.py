"""Field specs: how each editable field of a register is labelled, parsed and checked.

One definition serves the CLI, the editor forms and (later) ledger import, so a
wrong value gets the same message everywhere: it names the field and the fix.
Every value is normalised first (full-width digits and letters, surrounding
spaces), then refused if it holds control characters, then checked against its
bounds: text length, integer range, years 1921–2100.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.bounds import YEAR_MAX, YEAR_MIN, out_of_range
from app.domain.codes import Codes
from app.domain.idcard import IdNumberError, validate_id_number
from app.domain.text import clean_text, halfwidth, refuse_controls, shown
from app.domain.uscc import USCCError, validate_uscc
from app.errors import FieldError

# Spin boxes (QSpinBox) and PostgreSQL INTEGER columns hold 32-bit signed integers:
# no field may allow more, or a stored value could not be shown or saved.
INT32_MAX = 2_147_483_647
# Text longer than this is written in paragraphs (notes, goals): line breaks belong in it.
MULTILINE_FROM = 500


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"  # text | int | bool | date | code | uscc | id_number | ref
    required: bool = False
    max_length: int = 200
    codes: Codes | None = None
    ref: str | None = None  # for kind "ref": organization | party_org | community | member
    minimum: int = 0  # for kind "int"
    maximum: int | None = None  # for kind "int": required, at most INT32_MAX
    multiline: bool | None = None  # None: multi-line when more than MULTILINE_FROM characters allowed

    def __post_init__(self) -> None:
        if self.kind == "int" and (self.maximum is None or not self.minimum <= self.maximum <= INT32_MAX):
            raise ValueError(f"integer field {self.name} needs a maximum between its minimum and {INT32_MAX}")

    @property
    def is_multiline(self) -> bool:
        return self.max_length > MULTILINE_FROM if self.multiline is None else self.multiline

    def parse(self, value: Any) -> Any:
        """Turn user input (text from a terminal or a form, or a typed value) into a stored value."""
        if isinstance(value, str):
            refuse_controls(value.strip(), self.label, self.name, multiline=self.is_multiline)
        if value is None or (isinstance(value, str) and not halfwidth(value).strip()):
            if self.required:
                raise FieldError(self.name, f"请填写“{self.label}”。")
            return False if self.kind == "bool" else None
        parser: Callable[[Field, Any], Any] = _PARSERS[self.kind]
        return parser(self, value)


def _text(f: Field, v: Any) -> str:
    return clean_text(v, f.label, f.name, max_length=f.max_length, multiline=f.is_multiline)


def _int(f: Field, v: Any) -> int:
    assert f.maximum is not None
    if isinstance(v, bool):
        raise FieldError(f.name, f"“{f.label}”应为整数。")
    if isinstance(v, int):
        n = v
    else:
        s = halfwidth(str(v)).strip().replace(",", "").replace("，", "")
        digits = s.lstrip("+-")
        # Python refuses int() of over 4,300 digits as "not a number"; the range says why.
        if digits.isascii() and digits.isdigit() and len(digits.lstrip("0")) > 12:
            n = -(10**12) if s.startswith("-") else 10**12
        else:
            try:
                n = int(s)
            except ValueError:
                raise FieldError(f.name, f"“{f.label}”应为整数，“{shown(v)}”不是数字。") from None
    if not f.minimum <= n <= f.maximum:
        message = out_of_range(f.label, f.minimum, f.maximum, n, shown(v, 20))
        raise FieldError(f.name, f"{message}，请核对后重新输入。")
    return n


_TRUE = {"1", "true", "yes", "y", "是", "有", "√", "✓"}
_FALSE = {"0", "false", "no", "n", "否", "无", "×", ""}


def _bool(f: Field, v: Any) -> bool:
    if isinstance(v, bool):
        return v
    s = halfwidth(str(v)).strip().lower()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise FieldError(f.name, f"“{f.label}”应填“是”或“否”，“{shown(v)}”无法识别。")


def _date(f: Field, v: Any) -> date:
    if isinstance(v, date):
        day = v
    else:
        s = halfwidth(str(v), code=True).strip().replace("/", "-").replace(".", "-")
        for sep in ("年", "月"):
            s = s.replace(sep, "-")
        s = s.rstrip("日")
        try:
            y, m, d = (int(p) for p in s.split("-"))
            day = date(y, m, d)
        except ValueError:
            raise FieldError(
                f.name, f"“{f.label}”应为存在的日期，如 2026-11-22 或 2026年11月22日，“{shown(v)}”不是。"
            ) from None
    if not YEAR_MIN <= day.year <= YEAR_MAX:
        raise FieldError(
            f.name, f"“{f.label}”应在 {YEAR_MIN} 至 {YEAR_MAX} 年之间，现为 {day.isoformat()}，请核对。"
        )
    return day


def _code(f: Field, v: Any) -> str:
    assert f.codes is not None
    code = f.codes.parse(str(v))
    if code is None:
        raise FieldError(f.name, f"“{f.label}”应为以下之一：{f.codes.choices_text()}；“{shown(v)}”不在其中。")
    return code


def _uscc(f: Field, v: Any) -> str:
    try:
        return validate_uscc(str(v))
    except USCCError as exc:
        raise FieldError(f.name, str(exc)) from None


def _id_number(f: Field, v: Any) -> str:
    try:
        return validate_id_number(str(v)).number
    except IdNumberError as exc:
        raise FieldError(f.name, str(exc)) from None


def _ref(f: Field, v: Any) -> str:
    # A name or id to look up: the same normalisation the stored names had.
    return clean_text(v, f.label, f.name, max_length=max(f.max_length, 200))


_PARSERS: dict[str, Callable[[Field, Any], Any]] = {
    "text": _text,
    "int": _int,
    "bool": _bool,
    "date": _date,
    "code": _code,
    "uscc": _uscc,
    "id_number": _id_number,
    "ref": _ref,
}


def parse_fields(specs: dict[str, Field], values: dict[str, Any], *, partial: bool) -> dict[str, Any]:
    """Parse every given value; on a full record, required fields must be present."""
    unknown = set(values) - set(specs)
    if unknown:
        name = sorted(unknown)[0]
        raise FieldError(name, f"没有名为“{shown(name)}”的字段。")
    parsed: dict[str, Any] = {}
    for name, spec in specs.items():
        if name in values:
            parsed[name] = spec.parse(values[name])
        elif not partial and spec.required:
            raise FieldError(name, f"请填写“{spec.label}”。")
    return parsed
