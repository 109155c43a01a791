"""Cells as offices write them, turned into what the field specs take.

This is translation, not validation: a float 120.0 becomes 120, "120人" becomes 120,
已建/未建 become 是/否, an Excel serial number in a date column becomes the date,
2019.3 and 2019年3月 become the first of that month (said as doubtful). The value then
goes through the register's own field spec (``Field.parse``), exactly as a typed one.
What cannot be translated honestly is refused here with the reason: an ID number Excel
stored as a number has lost its last digits, a masked number is not the number.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from app.domain.bounds import YEAR_MAX, YEAR_MIN
from app.domain.fields import _PARSERS, Field
from app.domain.idcard import IdNumberError, validate_id_number
from app.domain.text import halfwidth, plainly_visible, shown

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's 1900 leap-year bug absorbed)
SERIAL_MIN, SERIAL_MAX = 7_000, 73_051  # 1919-03-01 .. 2099-12-31: dates a register holds
ID_AS_NUMBER = "该身份证号被 Excel 存成了数字，末几位已丢失，请把该列设为文本后重新录入"
MASKED = "该号码已打码（导出时未选择完整信息），不能据此导入；请用原始台账或完整导出的表格"
_UNIT = re.compile(r"^([+-]?\d+(?:\.0+)?)\s*(?:人|名|个|家|位|户)?$")
_MONTH = re.compile(r"^(\d{4})\s*(?:[.\-/年])\s*(\d{1,2})\s*月?$")
_COMPACT_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?[eE]\+?\d+$")

# Office words for yes and no that the field spec does not know.
_YES = {"已建", "已建立", "建立", "已", "是的", "对", "✔", "☑", "y", "yes", "true", "已成立", "有的"}
_NO = {"未建", "未建立", "没有", "未", "不是", "✘", "✗", "☐", "n", "no", "false", "未成立", "-", "—", "/"}

# Office words for coded values (beside the codes' own labels), by field.
VALUE_WORDS: dict[str, dict[str, str]] = {
    "gender": {"男性": "male", "女性": "female"},
    "category": {"正式": "full", "预备": "probationary"},
    "education": {
        "博士": "doctorate",
        "博士研究生": "doctorate",
        "硕士": "master",
        "硕士研究生": "master",
        "研究生": "master",
        "本科": "bachelor",
        "大学": "bachelor",
        "大专": "college",
        "专科": "college",
        "高职": "college",
        "中专": "secondary",
        "高中": "secondary",
        "职高": "secondary",
        "技校": "secondary",
        "初中": "junior",
        "小学": "junior",
    },
    "level": {
        "支部": "branch",
        "总支": "general_branch",
        "联合支部": "joint_branch",
        "联合党支部": "joint_branch",
    },
    "formation": {
        "单独": "independent",
        "单建": "independent",
        "联合": "joint",
        "联建": "joint",
        "挂靠": "attached",
    },
    "kind": {
        "企业": "enterprise",
        "非公有制企业": "enterprise",
        "民营企业": "enterprise",
        "社团": "social_org",
    },
    "status": {
        "存续": "active",
        "在业": "active",
        "开业": "active",
        "正常": "active",
        "吊销": "closed",
        "已注销": "closed",
    },
    "relation": {
        "正常": "transferred",
        "已转入组织关系": "transferred",
        "流出": "mobile_out",
        "流入": "mobile_in",
    },
    "industry": {
        "制造": "manufacturing",
        "建筑": "construction",
        "批发和零售业": "retail",
        "批发零售业": "retail",
        "住宿和餐饮业": "catering",
        "餐饮": "catering",
        "信息传输、软件和信息技术服务业": "internet",
        "软件和信息技术服务业": "internet",
        "信息技术": "internet",
        "金融业": "finance",
        "金融": "finance",
        "房地产业": "property",
        "物业": "property",
        "交通运输、仓储和邮政业": "logistics",
        "物流": "logistics",
        "快递": "logistics",
        "租赁和商务服务业": "business_services",
        "商务服务业": "business_services",
        "教育": "education",
        "卫生和社会工作": "medical",
        "医疗": "medical",
        "文化、体育和娱乐业": "culture",
        "居民服务、修理和其他服务业": "social_services",
    },
}


class CellRefused(Exception):
    """A cell that cannot be taken as written; the message is the reason."""


@dataclass(frozen=True)
class Cell:
    value: Any  # what goes to the field spec
    doubt: str = ""  # taken, but the person should look (a month without a day)


def display(raw: Any) -> str:
    """A cell as the report shows it: what the person sees in the sheet."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < 1e15:
        return str(int(raw))
    if isinstance(raw, datetime | date):
        return raw.isoformat()
    return str(raw)


def _integral(raw: float) -> int | None:
    return int(raw) if math.isfinite(raw) and raw.is_integer() else None


def translate(spec: Field, raw: Any) -> Cell:
    """``raw`` as the field spec should receive it (raising CellRefused when it cannot)."""
    if raw is None:
        return Cell(None)
    if isinstance(raw, str):
        if not halfwidth(raw).strip():
            return Cell(None)
        if spec.name in ("id_number", "phone", "contact_phone", "secretary_phone") and "*" in raw:
            if spec.kind == "id_number":
                raise CellRefused(MASKED)
            return Cell(None, "号码已打码，保留原登记的号码")
    kind = spec.kind
    if kind == "id_number":
        return Cell(_id_number(raw))
    if kind == "int":
        return Cell(_int(raw))
    if kind == "bool":
        return Cell(_bool(raw))
    if kind == "date":
        return _date(raw)
    if kind == "code":
        return Cell(_code(spec, raw))
    return Cell(_text(raw))


def _text(raw: Any) -> Any:
    if isinstance(raw, float):
        whole = _integral(raw)
        return str(whole) if whole is not None else repr(raw)
    if isinstance(raw, bool):
        return "是" if raw else "否"
    if isinstance(raw, datetime | date):
        return raw.isoformat()
    return raw if isinstance(raw, str) else str(raw)


def _id_number(raw: Any) -> Any:
    if isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, int | float):
        whole = _integral(float(raw))
        # Up to 15 digits a double holds every digit: an old 15-digit number survives.
        if whole is not None and 0 < whole < 10**15:
            return str(whole)
        raise CellRefused(ID_AS_NUMBER)
    text = halfwidth(str(raw), code=True).strip()
    if _SCIENTIFIC.match(text):  # 4.40106E+17: the text of a number, from a CSV or a paste
        raise CellRefused(ID_AS_NUMBER)
    return raw


def _int(raw: Any) -> Any:
    if isinstance(raw, bool):
        return raw  # the spec refuses it with its own words
    if isinstance(raw, float):
        whole = _integral(raw)
        if whole is None:
            raise CellRefused(f"应为整数，“{display(raw)}”带有小数")
        return whole
    if isinstance(raw, int):
        return raw
    text = halfwidth(str(raw)).strip().replace(",", "").replace("，", "")
    match = _UNIT.match(text)
    if match:
        return int(float(match.group(1)))
    return raw


def _bool(raw: Any) -> Any:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float):
        return "是" if raw else "否"
    text = halfwidth(str(raw)).strip().lower()
    if text in _YES:
        return "是"
    if text in _NO:
        return "否"
    return raw


def _from_serial(serial: float) -> date:
    return EXCEL_EPOCH + timedelta(days=int(serial))


def _date(raw: Any) -> Cell:
    if isinstance(raw, datetime):
        return Cell(raw.date())
    if isinstance(raw, date):
        return Cell(raw)
    if isinstance(raw, bool):
        return Cell(raw)
    if isinstance(raw, int | float):
        if SERIAL_MIN <= raw <= SERIAL_MAX and float(raw).is_integer():
            return Cell(_from_serial(raw))
        # 2019.3 typed into a number cell: a year and a month
        year, month = divmod(round(float(raw) * 100), 100)
        if 1900 <= year <= 2100 and float(raw) != year:
            text = f"{raw:.2f}".rstrip("0")
            return _month(int(year), int(month), text, lost_zero=month in (1, 10) and len(text) < 7)
        return Cell(display(raw))
    text = halfwidth(str(raw), code=True).strip()
    match = _MONTH.match(text)
    if match:
        return _month(int(match.group(1)), int(match.group(2)), text)
    match = _COMPACT_DAY.match(text)
    if match:
        return Cell("-".join(match.groups()))
    return Cell(raw)


def _month(year: int, month: int, text: str, *, lost_zero: bool = False) -> Cell:
    if not 1 <= month <= 12:
        return Cell(text)  # the spec says why
    doubt = f"“{shown(text)}”只写到月份，按 {year}年{month}月1日 登记"
    if lost_zero:
        doubt += "（该格是数字，若原写 2019.10 之类会被 Excel 存成 2019.1，请核对月份）"
    return Cell(date(year, month, 1), doubt)


def _code(spec: Field, raw: Any) -> Any:
    text = _text(raw)
    if not isinstance(text, str):
        return text
    word = halfwidth(text).strip()
    return VALUE_WORDS.get(spec.name, {}).get(word, text)


def parse(spec: Field, value: Any) -> Any:
    """``spec.parse(value)``, without its character-by-character control check where
    that check cannot refuse anything: for text with no control, format or invisible
    character (``plainly_visible``, a C-speed test) the result is the spec's own parser's.
    Plain text within its length is stored as ``clean_text`` stores it (full-width
    letters and digits as ASCII, trimmed), a code or label of a coded field is its code;
    anything else visible goes to the field's own parser; the rest takes ``spec.parse``."""
    if isinstance(value, str) and plainly_visible(value):
        text = halfwidth(value).strip()
        if text:
            kind = spec.kind
            if kind == "text" and not spec.is_multiline and len(text) <= spec.max_length:
                return text
            if kind == "ref" and len(text) <= max(spec.max_length, 200):
                return text
            if kind == "code" and spec.codes is not None:
                code = _code_lookup(spec).get(text)
                if code is not None:
                    return code
            if kind not in ("text", "ref"):
                return _PARSERS[kind](spec, value)
    return spec.parse(value)


SLOW = object()  # fast_reader's answer when the value needs the full path


def fast_reader(spec: Field) -> Any:
    """For a column of this field, a function that answers the common text cell at once
    (what ``translate`` and ``parse`` together would give), or SLOW; None when the field
    has no such case. Used for the thousands of rows of a roster."""
    if spec.kind in ("text", "ref") and not spec.is_multiline:
        limit = spec.max_length if spec.kind == "text" else max(spec.max_length, 200)

        def text(raw: Any) -> Any:
            if type(raw) is str and plainly_visible(raw):
                value = halfwidth(raw).strip()
                if value and len(value) <= limit and "*" not in value:
                    return value
            return SLOW

        return text
    if spec.kind == "code" and spec.codes is not None:
        known = {**_code_lookup(spec), **VALUE_WORDS.get(spec.name, {})}

        def code(raw: Any) -> Any:
            return known.get(raw.strip(), SLOW) if type(raw) is str else SLOW

        return code
    if spec.kind == "id_number":

        def ident(raw: Any) -> Any:
            if type(raw) is not str or "*" in raw or not plainly_visible(raw):
                return SLOW
            try:
                return validate_id_number(raw).number
            except IdNumberError:
                return SLOW  # the full path says why, in the spec's words

        return ident
    if spec.kind == "date":

        def day(raw: Any) -> Any:
            # A date cell within the years a register holds (a datetime goes the full way).
            return raw if type(raw) is date and YEAR_MIN <= raw.year <= YEAR_MAX else SLOW

        return day
    return None


_LOOKUPS: dict[int, dict[str, str]] = {}


def _code_lookup(spec: Field) -> dict[str, str]:
    assert spec.codes is not None
    found = _LOOKUPS.get(id(spec.codes))
    if found is None:
        found = {code: code for code in spec.codes.labels}
        for code, label in spec.codes.labels.items():
            found.setdefault(label, code)
        _LOOKUPS[id(spec.codes)] = found
    return found
