"""The ranges every number and date must fall in, shared by the window, the CLI,
imports and sync (one validation path)."""

from __future__ import annotations

from datetime import date

from app.domain.text import shown
from app.errors import FieldError

# The Party was founded in 1921: no Party record, year or campaign predates it.
YEAR_MIN = 1921
YEAR_MAX = 2100
STAFF_MAX = 1_000_000  # the largest employer in China has under a million staff at one site
# An organization's Party members are among its staff: no count of members exceeds it.
MEMBERS_MAX = STAFF_MAX
LIST_LIMIT_MAX = 10_000_000
# 党章第一条: a person may apply to join the Party from the age of eighteen.
JOINING_AGE = 18


def out_of_range(label: str, low: int, high: int, value: object, shown_value: str) -> str:
    """The sentence for a number outside its range: which way it is out, and the range."""
    if isinstance(value, int) and value > high:
        which = f"不能大于 {high:,}"
    elif isinstance(value, int) and value < 0 <= low:
        which = "不能为负数"
    else:
        which = f"不能小于 {low:,}"
    return f"“{label}”{which}（应在 {low:,} 至 {high:,} 之间），现为 {shown_value}"


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 1 March in a common year
    (the day a person born on 29 February comes of age in law)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def not_after_today(day: date | None, today: date, label: str, field: str) -> None:
    """A date of something that has happened (joining, founding, an exit)."""
    if day is not None and day > today:
        raise FieldError(
            field,
            f"“{label}”{day.isoformat()}晚于今天（{today.isoformat()}），已发生的事不能填将来的日期，请核对。",
        )


def not_before(day: date | None, earlier: date | None, label: str, earlier_label: str, field: str) -> None:
    """``day`` (e.g. 转正日期) cannot come before ``earlier`` (e.g. 入党日期)."""
    if day is not None and earlier is not None and day < earlier:
        raise FieldError(
            field, f"“{label}”{day.isoformat()}早于“{earlier_label}”{earlier.isoformat()}，请核对。"
        )


def parse_year(value: object, label: str = "年度", field: str = "year") -> int:
    try:
        year = int(str(value).strip())
    except ValueError:
        raise FieldError(field, f"“{label}”应为四位年份，如 2026，“{shown(value)}”不是。") from None
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise FieldError(field, f"“{label}”应在 {YEAR_MIN} 至 {YEAR_MAX} 年之间，现为 {year}。")
    return year


def parse_day(value: object, label: str = "日期", field: str = "today") -> date:
    """An ISO date (2026-11-22) that exists, within the years above."""
    text = str(value).strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise FieldError(
            field, f"“{label}”应为存在的日期，写成 年-月-日，如 2026-11-22；“{shown(value)}”不是。"
        ) from None
    if not YEAR_MIN <= day.year <= YEAR_MAX:
        raise FieldError(field, f"“{label}”应在 {YEAR_MIN} 至 {YEAR_MAX} 年之间，现为 {text}。")
    return day


def parse_count(value: object, label: str, maximum: int = LIST_LIMIT_MAX, field: str = "limit") -> int:
    text = str(value).strip()
    if text.isascii() and text.lstrip("+-").isdigit() and len(text) > 30:
        # Python refuses int() of thousands of digits as "not a number": it is out of range.
        raise FieldError(field, f"“{label}”应在 0 至 {maximum:,} 之间，现为 {shown(value)}。")
    try:
        number = int(text)
    except ValueError:
        raise FieldError(field, f"“{label}”应为整数，“{shown(value)}”不是。") from None
    if not 0 <= number <= maximum:
        raise FieldError(field, f"“{label}”应在 0 至 {maximum:,} 之间，现为 {shown(value)}。")
    return number
