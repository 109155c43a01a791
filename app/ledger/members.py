"""Planning a 党员花名册: each row matched to a registered member by ID number, linked to
its employer and Party organization by name or credit code, and checked by the member
service's rules (adult on joining, dates in order, gender as the ID number says)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.codes import GENDER
from app.domain.idcard import validate_id_number
from app.domain.pinyin import person_keys
from app.domain.text import halfwidth, shown
from app.errors import FieldError
from app.ledger.plan import RowPlan, compare, note, refuse_repeats
from app.ledger.registry import Registry, column_defaults, owned_elsewhere
from app.ledger.values import CellRefused, translate
from app.ledger.values import parse as values_parse
from app.services import members as service
from db.journal import new_id
from db.models import Member

_REFS = ("employer", "party_org")
# How a written birth date is read: as 入党日期 is (the same date forms, the same bounds).
MEMBER_FIELDS_DATE = service.MEMBER_FIELDS["joined_on"]
CHUNK = 900  # ids per IN (…): under SQLite's old 999-parameter limit


def plan_rows(
    session: Session, rows: list[RowPlan], names: list[str], registry: Registry, today: date
) -> None:
    refuse_repeats(rows, names, _file_key)
    table = Member.__table__
    # Every registered ID number from its index (one pass), then the rows matched in full.
    known = dict(
        session.execute(
            select(table.c.id_number, table.c.id).where(
                table.c.deleted.is_(False), table.c.id_number.is_not(None)
            )
        ).all()
    )
    matched = sorted({known[n] for r in rows if (n := r.values.get("id_number")) in known and not r.refused})
    stored: dict[str, dict[str, Any]] = {}
    for start in range(0, len(matched), CHUNK):
        for r in session.execute(
            select(table).where(table.c.id.in_(matched[start : start + CHUNK]))
        ).mappings():
            stored[r["id_number"]] = dict(r)
    nameless = _without_id_number(session, rows)
    columns = set(table.c.keys())
    for row in rows:
        if row.refused or row.action == "skipped":
            continue
        v = row.values
        row.label = v["name"]
        current = stored.get(v["id_number"]) if v.get("id_number") else nameless.get(v["name"])
        if current is not None:
            row.target = current["id"]
            if owned_elsewhere(registry, row, names, current):
                continue
        wanted = {
            n: x for n, x in v.items() if n in service.MEMBER_FIELDS and n not in _REFS and n in columns
        }
        _check_phone(row, names, wanted)
        _check_identity(row, names, wanted, today)
        if "employer" in v:
            wanted["employer_id"] = registry.organization(
                row, names, v["employer"], "employer", "本行导入时未关联工作单位"
            )
        if "party_org" in v:
            party = registry.party_org(row, names, v["party_org"])
            wanted["party_org_id"] = party.id if party else None
        _check_dates(row, names, wanted, current, today)
        if row.refused:
            continue
        if current is None:
            record = column_defaults(Member)
            record.update({k: x for k, x in wanted.items() if x is not None})
            record["category"] = record["category"] or "full"
            record["relation"] = record["relation"] or "transferred"
            if record["exit_kind"] and not record["exit_on"]:
                record["exit_on"] = today
            record["name_pinyin"], record["name_initials"] = person_keys(record["name"])
            record["id"] = new_id()
            row.record = record
        else:
            compare(row, current, wanted)
            if "name" in row.changes:
                row.changes["name_pinyin"], row.changes["name_initials"] = (None, None), (None, None)


def _file_key(row: RowPlan) -> tuple[Any, str, str] | None:
    number = row.values.get("id_number")
    return (number, "id_number", "公民身份号码") if number else None


def _without_id_number(session: Session, rows: list[RowPlan]) -> dict[str, dict[str, Any]]:
    """Members registered without an ID number, by name, for rows without one: matched
    only where exactly one such member has the name."""
    wanted = {r.values["name"] for r in rows if not r.values.get("id_number") and r.values.get("name")}
    if not wanted:
        return {}
    table = Member.__table__
    found: dict[str, list[dict[str, Any]]] = {}
    for r in session.execute(
        select(table).where(
            table.c.deleted.is_(False), table.c.id_number.is_(None), table.c.name.in_(sorted(wanted))
        )
    ).mappings():
        found.setdefault(r["name"], []).append(dict(r))
    return {name: same[0] for name, same in found.items() if len(same) == 1}


def _check_phone(row: RowPlan, names: list[str], wanted: dict[str, Any]) -> None:
    # As members._apply: ＋８６ １３８－… is the same number, and it must look like one.
    if wanted.get("phone"):
        wanted["phone"] = halfwidth(wanted["phone"], code=True)
        if not service._PHONE.match(wanted["phone"]):
            note(
                row,
                names,
                "phone",
                f"联系电话“{shown(wanted['phone'])}”格式不对，应为手机号或带区号的固定电话。",
            )


def _check_identity(row: RowPlan, names: list[str], wanted: dict[str, Any], today: date) -> None:
    """Birth date and gender follow from the ID number, as the member service sets them."""
    number = wanted.get("id_number")
    if not number:
        return
    ident = validate_id_number(number, today)
    if wanted.get("gender") and wanted["gender"] != ident.gender:
        note(
            row,
            names,
            "gender",
            f"性别与公民身份号码第17位不符：号码表明为{GENDER.label(ident.gender)}，请核对。",
        )
    wanted["gender"], wanted["birth_date"] = ident.gender, ident.birth_date
    written = row.values.get("birth_date")
    if written:
        day = _written_day(written)
        if day is not None and (day.year, day.month) != (ident.birth_date.year, ident.birth_date.month):
            note(
                row,
                names,
                "birth_date",
                f"与公民身份号码中的出生日期 {ident.birth_date.isoformat()} 不一致，以身份证号为准。",
                refused=False,
            )


def _written_day(text: str) -> date | None:
    """A 出生日期/出生年月 cell as a day (its month is what is compared), or None."""
    cell = translate(MEMBER_FIELDS_DATE, text)
    try:
        value = values_parse(MEMBER_FIELDS_DATE, cell.value)
    except (FieldError, CellRefused):
        return None
    return value if isinstance(value, date) else None


def _check_dates(
    row: RowPlan, names: list[str], wanted: dict[str, Any], current: dict[str, Any] | None, today: date
) -> None:
    """The member service's own date rules, on the record as it would be after the import."""
    merged = {**(current or {}), **{k: x for k, x in wanted.items() if x is not None}}
    person = SimpleNamespace(
        **{k: merged.get(k) for k in ("birth_date", "joined_on", "full_on", "exit_on", "exit_kind")}
    )
    if person.exit_kind and not person.exit_on:
        person.exit_on = today
    changed = (
        set(service.MEMBER_FIELDS) if current is None else {k for k, x in wanted.items() if x is not None}
    )
    try:
        service._check_dates(person, changed, today)  # type: ignore[arg-type]
    except FieldError as exc:
        note(row, names, exc.field, exc.message)
