"""党员 register. Birth date and gender follow from the ID number; ID and phone
numbers are masked unless the caller asks for them in full."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import Session, aliased

from app.accounts.roles import REVEAL, require
from app.domain.bounds import JOINING_AGE, add_years, not_after_today, not_before
from app.domain.codes import CATEGORY, EDUCATION, EXIT_KIND, GENDER, RELATION
from app.domain.fields import Field, parse_fields
from app.domain.idcard import validate_id_number
from app.domain.masking import birth_display, mask_id_number, mask_phone
from app.domain.station_time import station_today
from app.domain.text import halfwidth, shown
from app.errors import FieldError
from app.services.access_log import note_full_list, note_reveal
from app.services.common import (
    Page,
    list_page,
    ordered_ids,
    owner_name,
    resolve,
    rows_by_ids,
    search_clause,
    set_search_keys,
)
from app.store import Store
from db.models import Member, Organization, PartyOrg

MEMBER_FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("name", "姓名", required=True, max_length=50),
        Field("gender", "性别", "code", codes=GENDER),
        Field("ethnicity", "民族", max_length=20),
        Field("id_number", "公民身份号码", "id_number"),
        Field("phone", "联系电话", max_length=30),
        Field("education", "学历", "code", codes=EDUCATION),
        Field("joined_on", "入党日期", "date"),
        Field("full_on", "转正日期", "date"),
        Field("category", "党员类别", "code", codes=CATEGORY),
        Field("relation", "组织关系", "code", codes=RELATION),
        Field("mobile_from", "流出地/来自", max_length=100),
        Field("mobile_to", "流入地/去向", max_length=100),
        Field("employer", "工作单位", "ref", ref="organization"),
        Field("party_org", "所在党组织", "ref", ref="party_org"),
        Field("exit_kind", "减少方式", "code", codes=EXIT_KIND),
        Field("exit_on", "减少日期", "date"),
        Field("exit_note", "减少说明", max_length=200),
        Field("notes", "备注", max_length=2000),
    )
}
PERSONAL = ("id_number", "phone")
_PHONE = re.compile(r"^\+?[0-9][0-9\- ]{5,19}$")


@dataclass(frozen=True)
class MemberRow:
    id: str
    name: str
    gender: str
    id_number: str
    party_org: str
    employer: str
    category: str
    relation: str
    joined_on: str
    phone: str
    station: str = ""  # at a district: the sub-district that keeps the record


def _check_dates(member: Member, changed: set[str], today: date) -> None:
    """Dates that make sense together: joined on or after the 18th birthday and not in
    the future, 转正 after joining, an exit after joining. Checked when one of the
    dates concerned is being set, so an old record can still be edited elsewhere."""
    if changed & {"id_number", "joined_on"} and member.birth_date is not None:
        adult = add_years(member.birth_date, JOINING_AGE)
        if adult > today:
            raise FieldError(
                "id_number",
                f"公民身份号码表明此人出生于 {member.birth_date.year} 年，未满{JOINING_AGE}周岁，不能登记为党员，请核对。",
            )
        if member.joined_on is not None and member.joined_on < adult:
            raise FieldError(
                "joined_on",
                f"“入党日期”{member.joined_on.isoformat()}早于年满{JOINING_AGE}周岁之日"
                f"（{adult.isoformat()}），请核对入党日期或公民身份号码。",
            )
    labels = {name: spec.label for name, spec in MEMBER_FIELDS.items()}
    for name in ("joined_on", "full_on", "exit_on"):
        if name in changed:
            not_after_today(getattr(member, name), today, labels[name], name)
    if changed & {"joined_on", "full_on"}:
        not_before(member.full_on, member.joined_on, labels["full_on"], labels["joined_on"], "full_on")
    if changed & {"joined_on", "exit_on", "exit_kind"}:
        not_before(member.exit_on, member.joined_on, labels["exit_on"], labels["joined_on"], "exit_on")


def _apply(session: Session, member: Member, values: dict[str, Any], today: date | None = None) -> None:
    today = today or station_today()
    adding = member.id is None
    parsed = parse_fields(MEMBER_FIELDS, values, partial=not adding)
    employer = parsed.pop("employer") if "employer" in parsed else ...
    party_org = parsed.pop("party_org") if "party_org" in parsed else ...
    if parsed.get("phone"):  # ＋８６ １３８－… is the same number
        parsed["phone"] = halfwidth(parsed["phone"], code=True)
    if parsed.get("phone") and not _PHONE.match(parsed["phone"]):
        raise FieldError(
            "phone", f"联系电话“{shown(parsed['phone'])}”格式不对，应为手机号或带区号的固定电话。"
        )
    for name, value in parsed.items():
        if value is None and name in ("category", "relation"):
            continue
        setattr(member, name, value)
    member.category = member.category or "full"
    member.relation = member.relation or "transferred"
    if member.exit_kind and not member.exit_on:
        member.exit_on = today
    if member.id_number:
        ident = validate_id_number(member.id_number, today)
        if parsed.get("gender") and parsed["gender"] != ident.gender:
            raise FieldError(
                "gender", f"性别与公民身份号码第17位不符：号码表明为{GENDER.label(ident.gender)}，请核对。"
            )
        member.gender, member.birth_date = ident.gender, ident.birth_date
    changed = set(MEMBER_FIELDS) if adding else set(parsed)
    _check_dates(member, changed, today)
    if member.id_number:
        other = session.scalar(
            select(Member).where(
                Member.id_number == member.id_number,
                Member.deleted.is_(False),
                Member.id != (member.id or ""),
            )
        )
        if other is not None:
            raise FieldError(
                "id_number", f"公民身份号码 {mask_id_number(member.id_number)} 已登记为党员“{other.name}”。"
            )
    if employer is not ...:
        member.employer_id = (
            resolve(session, Organization, employer, "两新组织", "employer").id if employer else None
        )
    if party_org is not ...:
        member.party_org_id = (
            resolve(session, PartyOrg, party_org, "党组织", "party_org").id if party_org else None
        )
    set_search_keys(member, person=True)


def add_member(store: Store, values: dict[str, Any]) -> dict[str, Any]:
    with store.write() as session:
        member = Member()
        _apply(session, member, values)
        session.add(member)
        session.flush()
        return member_record(session, member, reveal=False)


def edit_member(store: Store, key: str, values: dict[str, Any]) -> dict[str, Any]:
    with store.write() as session:
        member = resolve(session, Member, key, "党员")
        _apply(session, member, values)
        session.flush()
        return member_record(session, member, reveal=False)


def delete_member(store: Store, key: str) -> str:
    """Tombstone a record entered by mistake. A member who leaves is an exit, not a delete."""
    with store.write() as session:
        member = resolve(session, Member, key, "党员")
        member.deleted = True
        return member.name


def get_member(store: Store, key: str, *, reveal: bool = False) -> dict[str, Any]:
    if reveal:
        require(store, REVEAL)  # 查看 accounts see masked data only
    with store.read() as session:
        record = member_record(session, resolve(session, Member, key, "党员"), reveal=reveal)
    if reveal:
        note_reveal(store, "member", record["id"], record["name"])
    return record


def member_record(session: Session, member: Member, *, reveal: bool) -> dict[str, Any]:
    employer = session.get(Organization, member.employer_id) if member.employer_id else None
    party = session.get(PartyOrg, member.party_org_id) if member.party_org_id else None
    record: dict[str, Any] = {"id": member.id}
    for name in MEMBER_FIELDS:
        if name == "employer":
            record[name] = employer.name if employer else None
        elif name == "party_org":
            record[name] = party.name if party else None
        else:
            record[name] = getattr(member, name)
    record["birth_date"] = member.birth_date
    if not reveal:
        record["id_number"] = mask_id_number(member.id_number)
        record["phone"] = mask_phone(member.phone)
        # The masked digits are the birth date: beside the masked number only the year shows.
        record["birth_date"] = birth_display(member.birth_date, masked=True) or None
    for name in ("gender", "education", "category", "relation", "exit_kind"):
        record[f"{name}_label"] = MEMBER_FIELDS[name].codes.label(record[name])  # type: ignore[union-attr]
    record["rev"] = member.rev
    return record


def member_query(
    *,
    search: str = "",
    party_org: str | None = None,
    employer: str | None = None,
    relation: str | None = None,
    category: str | None = None,
    include_exited: bool = False,
    station: str | None = None,
) -> tuple[Select[Any], dict[str, Any]]:
    employer_org = aliased(Organization)
    columns = {
        "name": Member.name_pinyin,
        "gender": Member.gender,
        "id_number": Member.id_number,
        "party_org": PartyOrg.name_pinyin,
        "employer": employer_org.name_pinyin,
        "category": Member.category,
        "relation": Member.relation,
        "joined_on": Member.joined_on,
        "station": Member.owner,
    }
    stmt = (
        select(
            Member.id,
            Member.name,
            Member.gender,
            Member.id_number,
            PartyOrg.name,
            employer_org.name,
            Member.category,
            Member.relation,
            Member.joined_on,
            Member.phone,
            owner_name(Member),
        )
        .outerjoin(PartyOrg, and_(PartyOrg.id == Member.party_org_id, PartyOrg.deleted.is_(False)))
        .outerjoin(employer_org, and_(employer_org.id == Member.employer_id, employer_org.deleted.is_(False)))
        .where(Member.deleted.is_(False))
    )
    if not include_exited:
        stmt = stmt.where(Member.exit_kind.is_(None))
    clause = search_clause(Member, search, Member.id_number)
    if clause is not None:
        stmt = stmt.where(clause)
    # Through the member's own columns (indexed): a condition on the joined name would
    # make SQLite read every member before it could look at the Party organization.
    if party_org:
        named = (PartyOrg.name == party_org) | (PartyOrg.id == party_org)
        stmt = stmt.where(
            Member.party_org_id.in_(select(PartyOrg.id).where(PartyOrg.deleted.is_(False), named))
        )
    if employer:
        named = (Organization.name == employer) | (Organization.id == employer)
        stmt = stmt.where(
            Member.employer_id.in_(select(Organization.id).where(Organization.deleted.is_(False), named))
        )
    if relation:
        stmt = stmt.where(Member.relation == RELATION.require(relation, "relation"))
    if category:
        stmt = stmt.where(Member.category == CATEGORY.require(category, "category"))
    if station:
        stmt = stmt.where(Member.owner == station)
    return stmt, columns


def _member_row(r: Any, reveal: bool = False) -> MemberRow:
    return MemberRow(
        id=r[0],
        name=r[1],
        gender=GENDER.label(r[2]),
        id_number=(r[3] or "") if reveal else mask_id_number(r[3]),
        party_org=r[4] or "",
        employer=r[5] or "",
        category=CATEGORY.label(r[6]),
        relation=RELATION.label(r[7]),
        joined_on=r[8].isoformat() if r[8] else "",
        phone=(r[9] or "") if reveal else mask_phone(r[9]),
        station=r[10] or "",
    )


def list_members(
    store: Store,
    *,
    sort: str = "name",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
    reveal: bool = False,
    **filters: Any,
) -> Page[MemberRow]:
    if reveal:
        require(store, REVEAL)  # 查看 accounts see masked data only
    if reveal:
        note_full_list(store, "member", "列出党员名单（含完整身份证号码和电话）")
    query = member_query(**filters)
    return list_page(
        store,
        query,
        Member.id,
        lambda r: _member_row(r, reveal),
        sort=sort,
        descending=descending,
        limit=limit,
        offset=offset,
    )


def member_ids(
    store: Store, *, sort: str = "name", descending: bool = False, limit: int | None = None, **filters: Any
) -> list[str]:
    return ordered_ids(
        store, member_query(**filters), Member.id, sort=sort, descending=descending, limit=limit
    )


def member_rows(store: Store, ids: list[str], *, reveal: bool = False) -> list[MemberRow]:
    """Rows for the table (ID and phone numbers masked) or, when asked, for a roster in full."""
    if reveal:
        require(store, REVEAL)  # 查看 accounts see masked data only
    return rows_by_ids(
        store, member_query(include_exited=True)[0], Member.id, ids, lambda r: _member_row(r, reveal)
    )
