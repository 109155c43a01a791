"""Many rows into one table, without SQLAlchemy's per-row parameter processing.

For merges and imports of hundreds of thousands of rows, turning every value through
the dialect's bind processors costs as much as SQLite's own work. Here each column's
conversion is chosen once: on SQLite the text SQLAlchemy itself stores for dates and
times, through the driver's ``executemany``; on PostgreSQL, ``COPY``. The rows read back
exactly as rows written through the ORM (tests compare them field by field)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Boolean, Connection, Date, DateTime, Table


def _sqlite_datetime(value: datetime) -> str:
    # SQLAlchemy's SQLite DATETIME storage format, of the UTC time (what the journal writes).
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}"
    )


def _sqlite_date(value: date) -> str:
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def _converter(column: Any) -> Callable[[Any], Any] | None:
    if isinstance(column.type, DateTime):
        return _sqlite_datetime
    if isinstance(column.type, Date):
        return _sqlite_date
    if isinstance(column.type, Boolean):
        return int
    return None


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts holding every column of ``table`` they set; the same keys
    in each) in the connection's transaction."""
    if not rows:
        return
    names = [c.name for c in table.columns if c.name in rows[0]]
    if connection.dialect.name == "postgresql":
        _copy(connection, table, names, rows)
        return
    converters = [(_converter(table.c[name]), name) for name in names]
    values = [
        tuple(
            row[name] if convert is None or row[name] is None else convert(row[name])
            for convert, name in converters
        )
        for row in rows
    ]
    quoted = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    connection.exec_driver_sql(f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})', values)


def _copy(connection: Connection, table: Table, names: list[str], rows: Sequence[dict[str, Any]]) -> None:
    driver = connection.connection.driver_connection
    assert driver is not None
    quoted = ", ".join(f'"{n}"' for n in names)
    with driver.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(tuple(row[n] for n in names))
