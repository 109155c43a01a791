"""Dates and moments as staff read them on screen and in print: 2026年11月30日 (14:40).
Files keep ISO."""

from __future__ import annotations

from datetime import date, datetime


def chinese_date(day: date | str) -> str:
    day = date.fromisoformat(day) if isinstance(day, str) else day
    return f"{day.year}年{day.month}月{day.day}日"


def chinese_moment(moment: datetime) -> str:
    return f"{chinese_date(moment.date())} {moment:%H:%M}"
