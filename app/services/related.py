"""What the detail panel shows beside a register: the records related to the one
selected, and the rule findings about it; and the global search (Ctrl+K)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.accounts.roles import REVEAL, require
from app.domain.station_time import station_today
from app.rules.engine import Finding, run_checks
from app.services.access_log import note_reveal
from app.services.common import search_clause
from app.services.members import member_record
from app.services.organizations import organization_record
from app.services.party_orgs import party_org_record
from app.settings import load_settings
from app.store import Store
from db.models import Member, Organization, PartyOrg

RELATED_LIMIT = 200


@dataclass(frozen=True)
class Link:
    """A related record: which register, its id, its name and a short description."""

    kind: str  # organization | party_org | member
    id: str
    name: str
    note: str = ""


@dataclass(frozen=True)
class Detail:
    kind: str
    record: dict[str, Any]
    links: dict[str, list[Link]]  # section title -> related records
    totals: dict[str, int]  # section title -> how many exist (links may be cut at RELATED_LIMIT)
    findings: list[Finding]


def _findings(session: Session, table: str, record_id: str, today: date | None) -> list[Finding]:
    return run_checks(session, load_settings(session), today or station_today(), record=(table, record_id))


def _members_of(session: Session, column: Any, value: str) -> tuple[list[Link], int]:
    live = (column == value, Member.deleted.is_(False), Member.exit_kind.is_(None))
    total = session.scalar(select(func.count()).where(*live)) or 0
    rows = session.execute(
        select(Member.id, Member.name, Member.category)
        .where(*live)
        .order_by(Member.name_pinyin)
        .limit(RELATED_LIMIT)
    )
    return [Link("member", r[0], r[1], "预备党员" if r[2] == "probationary" else "") for r in rows], total


def organization_detail(
    store: Store, org_id: str, today: date | None = None, *, reveal: bool = False
) -> Detail:
    if reveal:
        require(store, REVEAL)  # 查看 accounts see masked data only
    with store.read() as session:
        org = session.get(Organization, org_id)
        if org is None:
            raise LookupError(org_id)
        record = organization_record(session, org, reveal=reveal)
        party = session.get(PartyOrg, org.party_org_id) if org.party_org_id else None
        members, total = _members_of(session, Member.employer_id, org_id)
        links = {
            "所属党组织": [Link("party_org", party.id, party.name, record["coverage_label"])]
            if party
            else [],
            "本单位党员": members,
        }
        totals = {"所属党组织": len(links["所属党组织"]), "本单位党员": total}
        detail = Detail(
            "organization", record, links, totals, _findings(session, "organization", org_id, today)
        )
    if reveal:
        note_reveal(store, "organization", org_id, record["name"])
    return detail


def party_org_detail(
    store: Store, party_id: str, today: date | None = None, *, reveal: bool = False
) -> Detail:
    if reveal:
        require(store, REVEAL)  # 查看 accounts see masked data only
    with store.read() as session:
        party = session.get(PartyOrg, party_id)
        if party is None:
            raise LookupError(party_id)
        record = party_org_record(session, party, reveal=reveal)
        covered = [Link("organization", o["id"], o["name"]) for o in record["covered"]]
        children = [
            Link("party_org", r[0], r[1])
            for r in session.execute(
                select(PartyOrg.id, PartyOrg.name)
                .where(PartyOrg.parent_id == party_id, PartyOrg.deleted.is_(False))
                .order_by(PartyOrg.name_pinyin)
            )
        ]
        parent = session.get(PartyOrg, party.parent_id) if party.parent_id else None
        members, total = _members_of(session, Member.party_org_id, party_id)
        links = {
            "覆盖的两新组织": covered,
            "上级党组织": [Link("party_org", parent.id, parent.name)] if parent else [],
            "下设党组织": children,
            "党员": members,
        }
        totals = {key: len(value) for key, value in links.items()} | {"党员": total}
        detail = Detail("party_org", record, links, totals, _findings(session, "party_org", party_id, today))
    if reveal:
        note_reveal(store, "party_org", party_id, record["name"])
    return detail


def member_detail(store: Store, member_id: str, *, reveal: bool = False) -> Detail:
    if reveal:
        require(store, REVEAL)  # 查看 accounts see masked data only
    with store.read() as session:
        member = session.get(Member, member_id)
        if member is None:
            raise LookupError(member_id)
        record = member_record(session, member, reveal=reveal)
        record["reviews"] = member_reviews_text(session, member_id)
        employer = session.get(Organization, member.employer_id) if member.employer_id else None
        party = session.get(PartyOrg, member.party_org_id) if member.party_org_id else None
        links = {
            "工作单位": [Link("organization", employer.id, employer.name)] if employer else [],
            "所在党组织": [Link("party_org", party.id, party.name)] if party else [],
        }
        detail = Detail("member", record, links, {k: len(v) for k, v in links.items()}, [])
    if reveal:
        note_reveal(store, "member", member_id, record["name"])
    return detail


def member_reviews_text(session: Session, member_id: str) -> str:
    """民主评议党员 results on the member's page: 2026年 合格；2025年 优秀."""
    from app.domain.life_codes import REVIEW_GRADE
    from db.models import MemberReview

    rows = session.execute(
        select(MemberReview.year, MemberReview.grade)
        .where(MemberReview.member_id == member_id, MemberReview.deleted.is_(False))
        .order_by(MemberReview.year.desc())
    )
    return "；".join(f"{year}年 {REVIEW_GRADE.label(grade)}" for year, grade in rows)


def global_search(
    store: Store, query: str, limit: int = 8, kinds: tuple[str, ...] | None = None
) -> list[Link]:
    """Organizations, Party organizations and members matching what was typed."""
    query = query.strip()
    if not query:
        return []
    results: list[Link] = []
    with store.read() as session:
        for kind, model, codes, note in (
            ("organization", Organization, (Organization.uscc,), "两新组织"),
            ("party_org", PartyOrg, (), "党组织"),
            ("member", Member, (Member.id_number,), "党员"),
        ):
            if kinds is not None and kind not in kinds:
                continue
            clause = search_clause(model, query, *codes)
            rows = session.execute(
                select(model.id, model.name)
                .where(model.deleted.is_(False), clause)
                .order_by(func.length(model.name), model.name_pinyin)
                .limit(limit)
            )
            results += [Link(kind, r[0], r[1], note) for r in rows]
    return results
