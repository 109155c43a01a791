"""argparse ``type=`` functions over the shared bounds: a bad value is refused by the
parser with one Chinese sentence (exit 2), before any database is opened."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from app.domain.bounds import LIST_LIMIT_MAX, parse_count, parse_day, parse_year
from app.errors import FieldError


def _argparse_type(parse: Callable[[str], Any], name: str) -> Callable[[str], Any]:
    def convert(text: str) -> Any:
        try:
            return parse(text)
        except FieldError as exc:
            raise argparse.ArgumentTypeError(exc.message) from None

    convert.__name__ = name  # argparse names the type in its own messages
    return convert


day: Callable[[str], date] = _argparse_type(lambda s: parse_day(s, "日期"), "日期")
year: Callable[[str], int] = _argparse_type(lambda s: parse_year(s, "年度"), "年度")
limit: Callable[[str], int] = _argparse_type(lambda s: parse_count(s, "条数", LIST_LIMIT_MAX), "条数")


def bounded(label: str, maximum: int) -> Callable[[str], int]:
    """A count between 0 and ``maximum`` (demo sizes, seeds, journal positions)."""
    return _argparse_type(lambda s: parse_count(s, label, maximum), label)
