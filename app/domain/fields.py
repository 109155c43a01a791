"""Field specs: how each editable field of a register is labelled, parsed and checked.

One definition serves the CLI, the editor forms and (later) ledger import, so a
wrong value gets the same message everywhere: it names the field and the fix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.codes import Codes
from app.domain.idcard import IdNumberError, validate_id_number
from app.domain.uscc import USCCError, validate_uscc
from app.errors import FieldError


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"  # text | int | bool | date | code | uscc | id_number | ref
    required: bool = False
    max_length: int = 200
    codes: Codes | None = None
    ref: str | None = None  # for kind "ref": organization | party_org | community | member

    def parse(self, value: Any) -> Any:
        """Turn user input (text from a terminal or a form, or a typed value) into a stored value."""
        if value is None or (isinstance(value, str) and not value.strip()):
            if self.required:
                raise FieldError(self.name, f"请填写“{self.label}”。")
            return False if self.kind == "bool" else None
        parser: Callable[[Field, Any], Any] = _PARSERS[self.kind]
        return parser(self, value)


def _text(f: Field, v: Any) -> str:
    s = str(v).strip()
    if len(s) > f.max_length:
        raise FieldError(f.name, f"“{f.label}”最多{f.max_length}个字，现为{len(s)}个字。")
    return s


def _int(f: Field, v: Any) -> int:
    if isinstance(v, bool):
        raise FieldError(f.name, f"“{f.label}”应为整数。")
    if isinstance(v, int):
        n = v
    else:
        s = str(v).strip().replace(",", "").replace("，", "")
        try:
            n = int(s)
        except ValueError:
            raise FieldError(f.name, f"“{f.label}”应为整数，“{v}”不是数字。") from None
    if n < 0:
        raise FieldError(f.name, f"“{f.label}”不能为负数（现为 {n}）。")
    return n


_TRUE = {"1", "true", "yes", "y", "是", "有", "√", "✓"}
_FALSE = {"0", "false", "no", "n", "否", "无", "×", ""}


def _bool(f: Field, v: Any) -> bool:
    if isinstance(v, bool):
        return v
    s = str(v).strip().lower()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise FieldError(f.name, f"“{f.label}”应填“是”或“否”，“{v}”无法识别。")


def _date(f: Field, v: Any) -> date:
    if isinstance(v, date):
        return v
    s = str(v).strip().replace("/", "-").replace(".", "-")
    for sep in ("年", "月"):
        s = s.replace(sep, "-")
    s = s.rstrip("日")
    try:
        y, m, d = (int(p) for p in s.split("-"))
        return date(y, m, d)
    except ValueError:
        raise FieldError(
            f.name, f"“{f.label}”应为日期，如 2026-11-22 或 2026年11月22日，“{v}”无法识别。"
        ) from None


def _code(f: Field, v: Any) -> str:
    assert f.codes is not None
    code = f.codes.parse(str(v))
    if code is None:
        raise FieldError(f.name, f"“{f.label}”应为以下之一：{f.codes.choices_text()}；“{v}”不在其中。")
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
    return str(v).strip()


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
        raise FieldError(name, f"没有名为“{name}”的字段。")
    parsed: dict[str, Any] = {}
    for name, spec in specs.items():
        if name in values:
            parsed[name] = spec.parse(values[name])
        elif not partial and spec.required:
            raise FieldError(name, f"请填写“{spec.label}”。")
    return parsed
