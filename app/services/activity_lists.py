"""Reading organizational life back: the list of events (a joint activity once), the
year's events of one Party organization (its 组织生活台账), and each member's
民主评议党员 results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import extract, func, or_, select

from app.domain.bounds import YEAR_MAX, YEAR_MIN
from app.domain.codes import ACTIVITY_KIND
from app.domain.life_codes import REVIEW_GRADE, THEME_DAY_ITEMS
from app.errors import FieldError
from app.services.common import contains, resolve
from app.store import Store
from db.models import Activity, ActivityAttachment, Member, MemberReview, PartyOrg

LIST_LIMIT = 2000


@dataclass(frozen=True)
class ActivityRow:
    id: str
    held_on: date
    kind: str
    kind_label: str
    party_org: str  # the Party organizations that held it (a joint one names them all)
    topic: str
    place: str
    host: str
    present: int | None
    expected: int | None
    attachments: int
    joint: bool

    @property
    def attendance(self) -> str:
        if self.present is None:
            return ""
        return f"{self.present}/{self.expected}" if self.expected is not None else f"{self.present}"


@dataclass(frozen=True)
class ActivityList:
    rows: list[ActivityRow]
    total: int  # events matching (rows may stop at the limit)


def list_activities(
    store: Store,
    *,
    party_org: str | None = None,
    kind: str | None = None,
    year: int | None = None,
    month: int | None = None,
    search: str = "",
    limit: int | None = LIST_LIMIT,
) -> ActivityList:
    """Events newest first; a joint activity once, naming every branch that held it."""
    if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
        raise FieldError("year", f"“年度”应在 {YEAR_MIN} 至 {YEAR_MAX} 年之间。")
    if month is not None and not 1 <= month <= 12:
        raise FieldError("month", "“月份”应在 1 至 12 之间。")
    stmt = (
        select(
            Activity.id,
            Activity.joint_key,
            Activity.held_on,
            Activity.kind,
            PartyOrg.name,
            Activity.topic,
            Activity.place,
            Activity.host,
            Activity.attendance,
            Activity.expected,
        )
        .join(PartyOrg, PartyOrg.id == Activity.party_org_id)
        .where(Activity.deleted.is_(False))
        .order_by(Activity.held_on.desc(), Activity.id)
    )
    with store.read() as session:
        if party_org:
            found = resolve(session, PartyOrg, party_org, "党组织", "party_org")
            joined = select(Activity.joint_key).where(
                Activity.party_org_id == found.id,
                Activity.joint_key.is_not(None),
                Activity.deleted.is_(False),
            )
            stmt = stmt.where(or_(Activity.party_org_id == found.id, Activity.joint_key.in_(joined)))
        if kind:
            stmt = stmt.where(Activity.kind == ACTIVITY_KIND.require(kind, "kind"))
        if year is not None:
            stmt = stmt.where(Activity.held_on.between(date(year, 1, 1), date(year, 12, 31)))
        if month is not None:
            stmt = stmt.where(extract("month", Activity.held_on) == month)
        if search.strip():
            stmt = stmt.where(
                or_(contains(Activity.topic, search.strip()), contains(PartyOrg.name, search.strip()))
            )
        groups: dict[str, list[Any]] = {}
        for r in session.execute(stmt):
            groups.setdefault(r.joint_key or r.id, []).append(r)
        total = len(groups)
        chosen = list(groups.values())[:limit] if limit else list(groups.values())
        ids = [r.id for rows in chosen for r in rows]
        files: dict[str, int] = {}
        for start in range(0, len(ids), 900):
            files.update(
                session.execute(
                    select(ActivityAttachment.activity_id, func.count())
                    .where(
                        ActivityAttachment.activity_id.in_(ids[start : start + 900]),
                        ActivityAttachment.deleted.is_(False),
                    )
                    .group_by(ActivityAttachment.activity_id)
                ).all()
            )
    rows = []
    for group in chosen:
        first = group[0]
        present = [r.attendance for r in group if r.attendance is not None]
        expected = [r.expected for r in group if r.expected is not None]
        rows.append(
            ActivityRow(
                id=first.id,
                held_on=first.held_on,
                kind=first.kind,
                kind_label=ACTIVITY_KIND.label(first.kind),
                party_org="、".join(sorted({r.name for r in group})),
                topic=first.topic or "",
                place=first.place or "",
                host=first.host or "",
                present=sum(present) if present else None,
                expected=sum(expected) if expected else None,
                attachments=sum(files.get(r.id, 0) for r in group),
                joint=len(group) > 1,
            )
        )
    return ActivityList(rows, total)


def theme_items_text(items: str | None, extra: str | None) -> str:
    """The "1+6+X" of a 主题党日 as a line: 学习讨论、缴纳党费；X：支部联建."""
    six = "、".join(THEME_DAY_ITEMS.label(c) for c in (items or "").split(",") if c)
    return "；".join(p for p in (six, f"X：{extra}" if extra else "") if p)


@dataclass(frozen=True)
class ReviewLine:
    year: int
    grade: str
    grade_label: str
    held_on: date | None
    topic: str


def member_reviews(store: Store, member_id: str) -> list[ReviewLine]:
    """A member's 民主评议党员 results, newest year first (the member's page)."""
    with store.read() as session:
        rows = session.execute(
            select(MemberReview.year, MemberReview.grade, Activity.held_on, Activity.topic)
            .outerjoin(Activity, Activity.id == MemberReview.activity_id)
            .where(MemberReview.member_id == member_id, MemberReview.deleted.is_(False))
            .order_by(MemberReview.year.desc())
        ).all()
    return [ReviewLine(r[0], r[1], REVIEW_GRADE.label(r[1]), r[2], r[3] or "") for r in rows]


def reviews_text(store: Store, member_id: str) -> str:
    """民主评议 on the member's page: 2026年 合格；2025年 优秀."""
    return "；".join(f"{r.year}年 {r.grade_label}" for r in member_reviews(store, member_id))


def members_named(store: Store, member_ids: list[str]) -> dict[str, str]:
    with store.read() as session:
        return dict(session.execute(select(Member.id, Member.name).where(Member.id.in_(member_ids))).all())


def party_org_choices(store: Store) -> list[tuple[str, str, str]]:
    """Every live Party organization (id, name, level), branches first: what a clerk
    chooses an event's holders from."""
    with store.read() as session:
        rows = session.execute(
            select(PartyOrg.id, PartyOrg.name, PartyOrg.level)
            .where(PartyOrg.deleted.is_(False))
            .order_by(PartyOrg.level.in_(("branch", "joint_branch")).desc(), PartyOrg.name_pinyin)
        ).all()
    return [(r[0], r[1], r[2]) for r in rows]
