"""党组织 register, including which organizations a joint branch covers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.accounts.roles import REVEAL, require
from app.domain.bounds import not_after_today, not_before
from app.domain.codes import FORMATION, PARTY_LEVEL
from app.domain.fields import Field, parse_fields
from app.domain.masking import mask_phone
from app.domain.station_time import station_today
from app.errors import FieldError, LiangxinError
from app.services import coverage as coverage_rules
from app.services import formation as formations
from app.services.access_log import note_reveal
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
from app.services.communities import resolve_community
from app.store import Store
from db.models import Community, Member, Organization, PartyOrg

PARTY_FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("name", "党组织名称", required=True),
        Field("level", "党组织类别", "code", required=True, codes=PARTY_LEVEL),
        Field("formation", "组建方式", "code", codes=FORMATION),
        Field("parent", "上级党组织", "ref", ref="party_org"),
        Field("community", "所在社区", "ref", ref="community"),
        Field("secretary", "书记", max_length=50),
        Field("secretary_phone", "书记电话", max_length=30),
        Field("established_on", "成立日期", "date"),
        Field("term_start", "本届任期开始", "date"),
        Field("term_end", "本届任期届满", "date"),
        Field("notes", "备注", max_length=2000),
    )
}


@dataclass(frozen=True)
class PartyOrgRow:
    id: str
    name: str
    level: str
    formation: str
    secretary: str
    members: int
    organizations: int
    term_end: str
    community: str
    station: str = ""  # at a district: the sub-district that keeps it


def member_count_of(party_org_id: Any) -> Any:
    return (
        select(func.count())
        .where(Member.party_org_id == party_org_id, Member.deleted.is_(False), Member.exit_kind.is_(None))
        .scalar_subquery()
    )


def covered_count_of(party_org_id: Any) -> Any:
    return (
        select(func.count())
        .where(Organization.party_org_id == party_org_id, Organization.deleted.is_(False))
        .scalar_subquery()
    )


def _check_parent(session: Session, party: PartyOrg, parent: PartyOrg) -> None:
    if parent.level not in ("committee", "general_branch"):
        raise FieldError(
            "parent", f"上级党组织应为党委或党总支，“{parent.name}”是{PARTY_LEVEL.label(parent.level)}。"
        )
    node: PartyOrg | None = parent
    while node is not None:
        if node.id == party.id:
            raise FieldError("parent", f"“{parent.name}”是本党组织的下级，不能作为上级。")
        node = session.get(PartyOrg, node.parent_id) if node.parent_id else None


def _apply(session: Session, party: PartyOrg, values: dict[str, Any], today: date | None = None) -> None:
    parsed = parse_fields(PARTY_FIELDS, values, partial=party.id is not None)
    parent = parsed.pop("parent") if "parent" in parsed else ...
    community = parsed.pop("community") if "community" in parsed else ...
    for name, value in parsed.items():
        if value is None and name in ("level", "formation"):
            continue
        setattr(party, name, value)
    if party.formation is None:
        party.formation = "joint" if party.level == "joint_branch" else "independent"
    if party.level == "joint_branch" and party.formation != "joint":
        raise FieldError("formation", "联合党支部的组建方式应为“联合组建”。")
    if party.term_start and party.term_end and party.term_end < party.term_start:
        raise FieldError("term_end", "任期届满日期早于任期开始日期，请核对。")
    if "established_on" in parsed:  # a founding is a past event (an old record may be edited elsewhere)
        not_after_today(party.established_on, today or station_today(), "成立日期", "established_on")
    if {"established_on", "term_start"} & set(parsed):
        not_before(party.term_start, party.established_on, "本届任期开始", "成立日期", "term_start")
    if parent is not ...:
        if parent:
            target = resolve(session, PartyOrg, parent, "上级党组织", "parent")
            _check_parent(session, party, target)
            party.parent_id = target.id
        else:
            party.parent_id = None
    if community is not ...:
        party.community_id = resolve_community(session, community).id if community else None
    set_search_keys(party)


def _cover(session: Session, party: PartyOrg, org_keys: list[str], override: str | None) -> None:
    """Make exactly these organizations the ones this Party organization covers."""
    wanted = [resolve(session, Organization, key, "两新组织", "covers") for key in org_keys]
    coverage_rules.check_capacity(session, party, [o.id for o in wanted], override, replacing=True)
    keep = {o.id for o in wanted}
    for org in session.scalars(
        select(Organization).where(Organization.party_org_id == party.id, Organization.deleted.is_(False))
    ):
        if org.id not in keep:
            org.party_org_id = None
            org.formation = None
    for org in wanted:
        if org.party_org_id != party.id:  # newly covered: as this Party organization is formed
            org.formation = None
        org.party_org_id = party.id
    formations.settle(session, party)


def add_party_org(
    store: Store, values: dict[str, Any], *, covers: list[str] | None = None, override: str | None = None
) -> dict[str, Any]:
    with store.write() as session:
        party = PartyOrg()
        _apply(session, party, values)
        # Without a founding date the activity rules would judge a branch set up
        # today by last month's meetings.
        # The start of the current term, when given, is the earliest date known.
        party.established_on = party.established_on or party.term_start or station_today()
        session.add(party)
        session.flush()
        if covers is not None:
            _cover(session, party, covers, override)
            session.flush()
        return party_org_record(session, party)


def edit_party_org(
    store: Store,
    key: str,
    values: dict[str, Any],
    *,
    covers: list[str] | None = None,
    override: str | None = None,
) -> dict[str, Any]:
    with store.write() as session:
        party = resolve(session, PartyOrg, key, "党组织")
        was_joint = party.formation == "joint"
        _apply(session, party, values)
        if covers is not None:
            _cover(session, party, covers, override)
        else:
            if not was_joint:  # becoming a joint branch must respect the limit for what it covers
                coverage_rules.check_capacity(session, party, [], override)
            formations.settle(session, party)  # its organizations follow a changed formation
        session.flush()
        return party_org_record(session, party)


def set_covered_organizations(
    store: Store, key: str, org_keys: list[str], *, override: str | None = None
) -> dict[str, Any]:
    return edit_party_org(store, key, {}, covers=org_keys, override=override)


def delete_party_org(store: Store, key: str) -> str:
    """Tombstone a Party organization; refused while it still has members, units or sub-organizations."""
    with store.write() as session:
        party = resolve(session, PartyOrg, key, "党组织")
        members = session.scalar(select(member_count_of(party.id)))
        orgs = session.scalar(select(covered_count_of(party.id)))
        children = session.scalar(
            select(func.count()).where(PartyOrg.parent_id == party.id, PartyOrg.deleted.is_(False))
        )
        if members or orgs or children:
            raise LiangxinError(
                f"党组织“{party.name}”仍有 {members} 名党员、覆盖 {orgs} 个两新组织、下设 {children} 个党组织，"
                "请先调整后再删除。未做任何改动。"
            )
        # Members who left (转出、死亡…) still name the branch they left from: their
        # record would point at a deleted one. Deleting is for a branch entered by mistake.
        departed = session.scalar(
            select(func.count()).where(
                Member.party_org_id == party.id, Member.deleted.is_(False), Member.exit_kind.is_not(None)
            )
        )
        if departed:
            raise LiangxinError(
                f"党组织“{party.name}”还有 {departed} 名已减少（转出、死亡等）党员的记录属于它，不能删除；"
                "如确属误建，请先把这些记录改到正确的党组织后再删除。未做任何改动。"
            )
        party.deleted = True
        return party.name


def get_party_org(store: Store, key: str, *, reveal: bool = False) -> dict[str, Any]:
    if reveal:
        require(store, REVEAL)  # 查看 accounts see masked data only
    with store.read() as session:
        record = party_org_record(session, resolve(session, PartyOrg, key, "党组织"), reveal=reveal)
    if reveal:
        note_reveal(store, "party_org", record["id"], record["name"])
    return record


def party_org_record(session: Session, party: PartyOrg, *, reveal: bool = False) -> dict[str, Any]:
    parent = session.get(PartyOrg, party.parent_id) if party.parent_id else None
    community = session.get(Community, party.community_id) if party.community_id else None
    record: dict[str, Any] = {"id": party.id}
    for name in PARTY_FIELDS:
        if name == "parent":
            record[name] = parent.name if parent else None
        elif name == "community":
            record[name] = community.name if community else None
        else:
            record[name] = getattr(party, name)
    if not reveal:
        record["secretary_phone"] = mask_phone(party.secretary_phone)
    record["level_label"] = PARTY_LEVEL.label(party.level)
    record["formation_label"] = FORMATION.label(party.formation)
    record["members"] = session.scalar(select(member_count_of(party.id)))
    record["covered"] = [
        {"id": o.id, "name": o.name}
        for o in session.scalars(
            select(Organization)
            .where(Organization.party_org_id == party.id, Organization.deleted.is_(False))
            .order_by(Organization.name_pinyin)
        )
    ]
    record["coverage_override"] = party.coverage_override
    record["rev"] = party.rev
    return record


def party_org_query(
    *,
    search: str = "",
    level: str | None = None,
    formation: str | None = None,
    community: str | None = None,
    station: str | None = None,
) -> tuple[Select[Any], dict[str, Any]]:
    members = member_count_of(PartyOrg.id)
    covered = covered_count_of(PartyOrg.id)
    columns = {
        "name": PartyOrg.name_pinyin,
        "level": PartyOrg.level,
        "formation": PartyOrg.formation,
        "secretary": PartyOrg.secretary,
        "members": members,
        "organizations": covered,
        "term_end": PartyOrg.term_end,
        "community": Community.name,
        "station": PartyOrg.owner,
    }
    stmt = (
        select(
            PartyOrg.id,
            PartyOrg.name,
            PartyOrg.level,
            PartyOrg.formation,
            PartyOrg.secretary,
            members,
            covered,
            PartyOrg.term_end,
            Community.name,
            owner_name(PartyOrg),
        )
        .outerjoin(Community, Community.id == PartyOrg.community_id)
        .where(PartyOrg.deleted.is_(False))
    )
    clause = search_clause(PartyOrg, search)
    if clause is not None:
        stmt = stmt.where(clause)
    if level:
        stmt = stmt.where(PartyOrg.level == PARTY_LEVEL.require(level, "level"))
    if formation:
        stmt = stmt.where(PartyOrg.formation == FORMATION.require(formation, "formation"))
    if community:
        stmt = stmt.where(Community.name == community)
    if station:
        stmt = stmt.where(PartyOrg.owner == station)
    return stmt, columns


def _party_row(r: Any) -> PartyOrgRow:
    return PartyOrgRow(
        id=r[0],
        name=r[1],
        level=PARTY_LEVEL.label(r[2]),
        formation=FORMATION.label(r[3]),
        secretary=r[4] or "",
        members=r[5] or 0,
        organizations=r[6] or 0,
        term_end=r[7].isoformat() if r[7] else "",
        community=r[8] or "",
        station=r[9] or "",
    )


def list_party_orgs(
    store: Store,
    *,
    sort: str = "name",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
    **filters: Any,
) -> Page[PartyOrgRow]:
    query = party_org_query(**filters)
    return list_page(
        store, query, PartyOrg.id, _party_row, sort=sort, descending=descending, limit=limit, offset=offset
    )


def party_org_ids(
    store: Store, *, sort: str = "name", descending: bool = False, limit: int | None = None, **filters: Any
) -> list[str]:
    return ordered_ids(
        store, party_org_query(**filters), PartyOrg.id, sort=sort, descending=descending, limit=limit
    )


def party_org_rows(store: Store, ids: list[str]) -> list[PartyOrgRow]:
    return rows_by_ids(store, party_org_query()[0], PartyOrg.id, ids, _party_row)
