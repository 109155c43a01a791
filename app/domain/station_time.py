"""Moments turned into the station's dates and clock times, the same on both engines.

The database keeps moments, not dates: SQLite returns them as written (UTC, without an
offset), PostgreSQL in its session's time zone (``PGTZ``, the server's default). A day
is a day where the clerks are, so every moment becomes a date or a clock time here, in
the station's time zone (the ``station.time_zone`` setting), never in SQL with
``date()``."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

DEFAULT_ZONE = "Asia/Shanghai"
# China has kept UTC+8 without daylight saving since 1991: what the default zone is
# where no time-zone database is installed (Windows without the tzdata package).
_DEFAULT_OFFSET = timezone(timedelta(hours=8), DEFAULT_ZONE)


@cache
def _names() -> dict[str, str]:
    """Every zone name this computer knows, by its lower-case spelling."""
    return {name.lower(): name for name in (*available_timezones(), DEFAULT_ZONE)}


def zone_name(text: str) -> str | None:
    """The zone's proper name for what was typed (``asia/shanghai`` → Asia/Shanghai),
    or None when there is no such zone."""
    return _names().get(text.strip().lower()) if isinstance(text, str) else None


@cache
def station_zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return _DEFAULT_OFFSET  # only the default is ever stored without being checked


def as_utc(moment: datetime) -> datetime:
    """A stored moment with its offset: SQLite's come back naive, and are UTC (the
    journal writes UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def local_time(moment: datetime, zone: tzinfo) -> datetime:
    """The station's clock time of a stored moment, with its offset (e.g. +08:00)."""
    return as_utc(moment).astimezone(zone)


def local_date(moment: datetime, zone: tzinfo) -> date:
    return local_time(moment, zone).date()


# The station whose day it is: set when a database is opened (and when its setting
# changes). One program, one station; a process that opens another database resets it.
_zone_name = DEFAULT_ZONE


def use_station_zone(name: str) -> None:
    global _zone_name
    _zone_name = name


def station_zone_now() -> tzinfo:
    """The zone of the station whose day it is (see ``use_station_zone``)."""
    return station_zone(_zone_name)


def station_date(moment: datetime) -> date:
    """The station's calendar day of a stored moment."""
    return local_date(moment, station_zone(_zone_name))


def station_today() -> date:
    """Today where the clerks are (the ``station.time_zone`` setting), not in this
    computer's zone: a task made and closed at 07:00 in Shenzhen is made and closed on
    the same day whatever the computer's clock is set to."""
    return datetime.now(station_zone(_zone_name)).date()
