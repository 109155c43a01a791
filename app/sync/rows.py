"""The synchronised tables as packages carry them: which tables, in which order
(parents before children), rows to JSON and back, and the checks a row from another
station must pass before it is stored (the same bounds a typed value meets)."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, Table, Text

from app.domain.fields import INT32_MAX, Field
from app.domain.text import plainly_visible
from app.errors import FieldError
from db.base import Base, Synced

# What a clerk calls each table in a summary or a refusal.
TABLE_LABELS = {
    "community": "社区",
    "organization": "两新组织",
    "party_org": "党组织",
    "member": "党员",
    "instructor": "党建指导员",
    "instructor_assignment": "指导员联系单位",
    "activity": "组织生活",
    "visit": "走访",
    "activity_attendance": "组织生活出席",
    "activity_attachment": "组织生活附件",
    "member_review": "民主评议结果",
    "campaign": "专项行动",
    "phase": "行动阶段",
    "task": "任务",
    "task_progress": "任务进度",
    "appraisal_template": "考评模板",
    "appraisal": "考核评议",
    "setting": "设置",
}
TEXT_MAX = 100_000  # a Text column: the longest a form allows is 20,000 characters


@functools.cache
def synced_tables() -> tuple[Table, ...]:
    """Every synchronised table, parents before children."""
    import db.models  # noqa: F401  (registers every table)

    names = {m.class_.__tablename__ for m in Base.registry.mappers if issubclass(m.class_, Synced)}
    return tuple(t for t in Base.metadata.sorted_tables if t.name in names)


@functools.cache
def tables_by_name() -> dict[str, Table]:
    return {t.name: t for t in synced_tables()}


def label(table: str) -> str:
    return TABLE_LABELS.get(table, table)


@functools.cache
def self_references(table: str) -> tuple[str, ...]:
    """Columns of ``table`` that point at ``table`` itself (a Party organization's parent)."""
    found = []
    for column in tables_by_name()[table].columns:
        found.extend(column.name for fk in column.foreign_keys if fk.column.table.name == table)
    return tuple(found)


@functools.cache
def references(table: str) -> tuple[tuple[str, str], ...]:
    """(column, referenced table) for each foreign key of ``table``."""
    return tuple(
        (column.name, fk.column.table.name)
        for column in tables_by_name()[table].columns
        for fk in column.foreign_keys
    )


def to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        # SQLite hands back the stored UTC time without its zone; say it.
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def dump_row(row: Any) -> dict[str, Any]:
    """A row mapping as plain JSON values."""
    return {key: to_json(value) for key, value in row.items()}


def parents_first(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of a table that refers to itself, each after the row it points at."""
    columns = self_references(table)
    if not columns or len(rows) < 2:
        return rows
    by_id = {r["id"]: r for r in rows}
    placed: set[str] = set()
    ordered: list[dict[str, Any]] = []

    def place(row: dict[str, Any], depth: int = 0) -> None:
        if row["id"] in placed or depth > len(rows):  # a cycle cannot be stored anyway
            return
        for column in columns:
            parent = by_id.get(row.get(column) or "")
            if parent is not None and parent is not row:
                place(parent, depth + 1)
        placed.add(row["id"])
        ordered.append(row)

    for row in rows:
        place(row)
    return ordered


@dataclass(frozen=True)
class ColumnCheck:
    name: str
    kind: str  # str | int | float | bool | date | datetime
    nullable: bool
    length: int | None
    default: Any = None  # what an older program's row without this column gets


@functools.cache
def column_checks(table: str) -> tuple[ColumnCheck, ...]:
    checks = []
    for column in tables_by_name()[table].columns:
        kind_of = column.type
        if isinstance(kind_of, Boolean):
            kind = "bool"
        elif isinstance(kind_of, DateTime):
            kind = "datetime"
        elif isinstance(kind_of, Date):
            kind = "date"
        elif isinstance(kind_of, Integer):
            kind = "int"
        elif isinstance(kind_of, Float):
            kind = "float"
        elif isinstance(kind_of, String | Text):
            kind = "str"
        else:  # pragma: no cover - a new column type must be taught here
            raise TypeError(f"{table}.{column.name}: no sync conversion for {kind_of!r}")
        length = getattr(kind_of, "length", None) or (TEXT_MAX if kind == "str" else None)
        # A column with a Python-side default may be absent in an older program's row.
        default = column.default.arg if column.default is not None and column.default.is_scalar else None
        if default is None and column.server_default is not None:
            default = {"int": int, "bool": lambda t: t not in ("0", "false")}.get(kind, str)(
                str(column.server_default.arg)
            )
        nullable = bool(column.nullable) or default is not None
        checks.append(ColumnCheck(column.name, kind, nullable, length, default))
    return tuple(checks)


class RowProblem(Exception):
    """Why one incoming row cannot be stored (a sentence for the clerk)."""


def load_row(table: str, data: Any) -> dict[str, Any]:
    """An incoming row as column values, or RowProblem naming the field and the fault.

    Unknown fields are refused (a newer program's column would be lost silently)."""
    if not isinstance(data, dict):
        raise RowProblem("数据格式不对")
    checks = column_checks(table)
    known = {c.name for c in checks}
    extra = sorted(set(data) - known)
    if extra:
        raise RowProblem(f"含有本程序不认识的字段 {'、'.join(extra[:3])}")
    row: dict[str, Any] = {}
    for check in checks:
        value = data.get(check.name)
        if value is None:
            if check.name in data and check.nullable and check.default is None:
                row[check.name] = None
            elif check.default is not None:
                row[check.name] = check.default
            elif check.nullable:
                row[check.name] = None
            else:
                raise RowProblem(f"缺少必填字段 {check.name}")
            continue
        row[check.name] = _convert(check, value)
    return row


def _convert(check: ColumnCheck, value: Any) -> Any:
    name = check.name
    if check.kind == "str":
        if not isinstance(value, str):
            raise RowProblem(f"字段 {name} 应为文字")
        if check.length is not None and len(value) > check.length:
            raise RowProblem(f"字段 {name} 超过 {check.length} 个字")
        return value
    if check.kind == "bool":
        if not isinstance(value, bool):
            raise RowProblem(f"字段 {name} 应为是或否")
        return value
    if check.kind == "int":
        if isinstance(value, bool) or not isinstance(value, int) or not -INT32_MAX - 1 <= value <= INT32_MAX:
            raise RowProblem(f"字段 {name} 应为 32 位整数")
        return value
    if check.kind == "float":
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise RowProblem(f"字段 {name} 应为数字")
        return float(value)
    try:
        if check.kind == "date":
            return date.fromisoformat(value)
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise RowProblem(f"字段 {name} 不是有效的日期") from None
    if parsed.tzinfo is None:
        raise RowProblem(f"字段 {name} 缺少时区")
    return parsed.astimezone(UTC)  # stored as UTC, whatever zone the sender's server gave


@functools.cache
def _field_specs() -> dict[str, dict[str, Field]]:
    """The register forms' field specs, by table: an incoming value meets the bounds a
    typed one does."""
    from app.services.campaigns import CAMPAIGN_FIELDS
    from app.services.instructors import INSTRUCTOR_FIELDS
    from app.services.members import MEMBER_FIELDS
    from app.services.organizations import ORG_FIELDS
    from app.services.party_orgs import PARTY_FIELDS

    return {
        "organization": ORG_FIELDS,
        "member": MEMBER_FIELDS,
        "party_org": PARTY_FIELDS,
        "campaign": CAMPAIGN_FIELDS,
        "instructor": INSTRUCTOR_FIELDS,
    }


# The kinds whose stored value is also a valid input: re-parsing it proves the bounds.
_RECHECKED = frozenset({"text", "int", "code", "uscc", "id_number"})


def domain_problem(table: str, row: dict[str, Any]) -> str | None:
    """The first register rule an incoming row breaks, as a sentence, or None."""
    for name, spec in _rechecked(table):
        value = row.get(name)
        if value is None:
            continue
        if spec.kind == "text" and (
            value == ""
            or (isinstance(value, str) and len(value) <= spec.max_length and plainly_visible(value))
        ):
            continue  # the common case, answered without the full parse
        if spec.kind == "code" and spec.codes is not None and value in spec.codes.labels:
            continue  # a stored code, exactly
        try:
            spec.parse(value if spec.kind != "int" else int(value))
        except FieldError as exc:
            return exc.message
    return None


@functools.cache
def _rechecked(table: str) -> tuple[tuple[str, Field], ...]:
    specs = _field_specs().get(table, {})
    columns = {c.name for c in tables_by_name()[table].columns}
    return tuple((n, s) for n, s in specs.items() if s.kind in _RECHECKED and n in columns)


def counts_by_table(items: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """{table: {op: n}} from (table, op) pairs, in the tables' order."""
    found: dict[str, dict[str, int]] = {}
    for table, op in items:
        found.setdefault(table, {}).setdefault(op, 0)
        found[table][op] += 1
    order = {t.name: i for i, t in enumerate(synced_tables())}
    return dict(sorted(found.items(), key=lambda kv: order.get(kv[0], len(order))))
