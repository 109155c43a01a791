"""组织生活纪实: recording a held event — kind, date, topic, place, host, who was
listed (present, or absent with the reason), the 主题党日 "1+6+X" items, notes and
attachments — for one Party organization or, as a joint activity, for several at once.

One path writes every event, from the window, the CLI and the demo alike:
``parse_activity`` checks what was typed, ``write_activities`` writes checked drafts
inside the caller's transaction (one row per Party organization that held it, the
attendance on the row of each member's own Party organization), journaled.

Attendance (出席率): present / 应到, where 应到 is everyone listed except members on
流出 (working elsewhere) who sent a reason — they cannot be expected at every
meeting, and the rate says how many were left out for it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.changes import ACTIVITY, Changes
from app.domain.bounds import not_after_today, parse_day
from app.domain.codes import ACTIVITY_KIND, RELATION
from app.domain.life_codes import REVIEW_GRADE, THEME_DAY_ITEMS
from app.domain.station_time import station_today
from app.domain.text import clean_text, halfwidth, shown
from app.errors import FieldError
from app.services.attachments import copy_in
from app.services.common import resolve
from app.store import Store
from db.journal import bulk_insert, new_id
from db.models import Activity, ActivityAttachment, ActivityAttendance, Member, MemberReview, PartyOrg

ACTIVITY_CHANGED = Changes.of(ACTIVITY)
HEADCOUNT_MAX = 100_000


@dataclass(frozen=True)
class Listed:
    """A live member who may be listed: of one of the Party organizations holding it."""

    id: str
    name: str
    party_org_id: str
    party_org: str
    category: str
    relation: str

    @property
    def note(self) -> str:
        parts = ["预备党员" if self.category == "probationary" else ""]
        if self.relation in ("mobile_out", "mobile_in"):
            parts.append(RELATION.label(self.relation))
        return "、".join(p for p in parts if p)


@dataclass(frozen=True)
class Attendee:
    member_id: str
    present: bool = True
    reason: str | None = None
    grade: str | None = None  # 民主评议党员 result (events of that kind only)


@dataclass
class Draft:
    """A checked event, ready to write."""

    party_org_ids: list[str]
    kind: str
    held_on: date
    topic: str
    place: str | None = None
    host: str | None = None
    notes: str | None = None
    items: list[str] = field(default_factory=list)
    extra_items: str | None = None
    attendees: list[Attendee] | None = None  # None: not listed (a headcount only, 补录)
    headcount: int | None = None


@dataclass(frozen=True)
class Figures:
    listed: int
    present: int
    excused_mobile: int  # 流出党员 absent with a reason: not expected
    absent: int

    @property
    def expected(self) -> int:
        return self.listed - self.excused_mobile

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None

    def text(self) -> str:
        """出席率 90.0%（应到 20 人，实到 18 人；流出党员请假 2 人不计入应到）."""
        if not self.listed:
            return (
                f"实到 {self.present} 人（未登记名单，无法计算出席率）" if self.present else "未登记出席情况"
            )
        rate = f"{self.rate * 100:.1f}%" if self.rate is not None else "—"
        note = f"；流出党员请假 {self.excused_mobile} 人不计入应到" if self.excused_mobile else ""
        return f"出席率 {rate}（应到 {self.expected} 人，实到 {self.present} 人{note}）"


def figures_of(rows: Iterable[tuple[bool, str | None, bool]]) -> Figures:
    """(present, reason, mobile_out) of each listed member."""
    listed = present = excused = 0
    for is_present, reason, mobile_out in rows:
        listed += 1
        if is_present:
            present += 1
        elif mobile_out and reason:
            excused += 1
    return Figures(listed, present, excused, listed - present - excused)


@dataclass(frozen=True)
class Recorded:
    ids: list[str]  # one activity row per Party organization
    figures: Figures

    @property
    def id(self) -> str:
        return self.ids[0]

    @property
    def changes(self) -> Changes:
        return ACTIVITY_CHANGED


# -- checking what was typed ------------------------------------------------------------


def _text(values: dict[str, Any], key: str, label: str, length: int, multiline: bool = False) -> str | None:
    value = values.get(key)
    if value is None:
        return None
    return clean_text(value, label, key, max_length=length, multiline=multiline) or None


def _items(value: Any) -> list[str]:
    if not value:
        return []
    parts = (
        value
        if isinstance(value, list | tuple)
        else halfwidth(str(value)).replace("，", ",").replace("、", ",").split(",")
    )
    codes: list[str] = []
    for part in parts:
        part = str(part).strip()
        if part:
            code = THEME_DAY_ITEMS.require(part, "items")
            if code not in codes:
                codes.append(code)
    return codes


def _attendee(value: Any, kind: str) -> Attendee:
    if isinstance(value, Attendee):
        raw: dict[str, Any] = {
            "member": value.member_id,
            "present": value.present,
            "reason": value.reason,
            "grade": value.grade,
        }
    else:
        raw = dict(value)
    present = bool(raw.get("present", True))
    reason = (
        None
        if present
        else (clean_text(raw.get("reason") or "", "缺席原因", "attendees", max_length=200) or None)
    )
    grade = raw.get("grade")
    if grade:
        if kind != "member_review":
            raise FieldError("attendees", "只有“民主评议党员”活动才能登记评议等次。")
        grade = REVIEW_GRADE.require(str(grade), "attendees")
    return Attendee(str(raw.get("member") or raw.get("member_id") or ""), present, reason, grade or None)


def parse_activity(values: dict[str, Any], today: date) -> tuple[list[str], Draft]:
    """The event as typed (labels or codes): the Party organizations as typed (keys, to
    resolve) and the checked draft. Nothing is read from the database here."""
    keys = values.get("party_orgs") or ([values["party_org"]] if values.get("party_org") else [])
    if isinstance(keys, str):
        keys = [k for k in halfwidth(keys).replace("，", ",").split(",")]
    keys = [str(k).strip() for k in keys if str(k).strip()]
    if not keys:
        raise FieldError("party_org", "请选择开展活动的党组织；联合开展的，可选多个。")
    kind = ACTIVITY_KIND.require(str(values.get("kind") or ""), "kind")
    if not values.get("held_on"):
        raise FieldError("held_on", "请填写活动日期。")
    held = values["held_on"]
    held_on = held if isinstance(held, date) else parse_day(held, "活动日期", "held_on")
    not_after_today(held_on, today, "活动日期", "held_on")
    topic = _text(values, "topic", "主题（议题）", 200)
    if not topic:
        raise FieldError("topic", "请填写活动主题（主题党日的“1”，会议的议题）。")
    items = _items(values.get("items"))
    extra = _text(values, "extra_items", "“X”自选内容", 200)
    if (items or extra) and kind != "theme_day":
        raise FieldError("items", "“1+6+X”内容只属于主题党日；其他活动请把内容写在备注中。")
    attendees = values.get("attendees")
    listed = None if attendees is None else [_attendee(a, kind) for a in attendees]
    headcount = values.get("headcount")
    if headcount not in (None, ""):
        try:
            headcount = int(str(headcount).strip())
        except ValueError:
            raise FieldError("headcount", f"“实到人数”应为整数，“{shown(headcount)}”不是。") from None
        if not 0 <= headcount <= HEADCOUNT_MAX:
            raise FieldError("headcount", f"“实到人数”应在 0 至 {HEADCOUNT_MAX:,} 之间。")
        if listed:
            raise FieldError("headcount", "已登记出席名单的，实到人数按名单计算，不必另填。")
    else:
        headcount = None
    draft = Draft(
        party_org_ids=[],
        kind=kind,
        held_on=held_on,
        topic=topic,
        place=_text(values, "place", "地点", 200),
        host=_text(values, "host", "主持人", 50),
        notes=_text(values, "notes", "内容纪要", 20_000, multiline=True),
        items=items,
        extra_items=extra,
        attendees=listed,
        headcount=headcount,
    )
    return keys, draft


# -- who may be listed ------------------------------------------------------------------


def roster(session: Session, party_org_ids: Sequence[str]) -> dict[str, Listed]:
    """The live members (not deleted, not left) of these Party organizations."""
    rows = session.execute(
        select(Member.id, Member.name, Member.party_org_id, PartyOrg.name, Member.category, Member.relation)
        .join(PartyOrg, PartyOrg.id == Member.party_org_id)
        .where(
            Member.party_org_id.in_(list(party_org_ids)),
            Member.deleted.is_(False),
            Member.exit_kind.is_(None),
        )
        .order_by(PartyOrg.name_pinyin, Member.name_pinyin)
    )
    return {r[0]: Listed(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows}


def candidates(store: Store, party_org_keys: Sequence[str]) -> list[Listed]:
    """The members the clerk may list for an event of these Party organizations."""
    with store.read() as session:
        ids = [resolve(session, PartyOrg, key, "党组织", "party_org").id for key in party_org_keys]
        return list(roster(session, ids).values())


def check_attendees(draft: Draft, listed: dict[str, Listed], where: str = "", who: Any = None) -> None:
    """Only the live members of the Party organizations holding it, each once. ``who``
    names a member that is not among them (for the sentence), when it can be looked up."""
    seen: set[str] = set()
    for a in draft.attendees or []:
        if a.member_id not in listed:
            name = who(a.member_id) if who else None
            person = f"“{name}”" if name else f"编号“{shown(a.member_id)}”的党员"
            raise FieldError(
                "attendees",
                f"{person}不是{where or '开展活动的党组织'}的在册党员（可能已转出或属于其他党组织），不能列入出席名单。",
            )
        if a.member_id in seen:
            raise FieldError("attendees", f"“{listed[a.member_id].name}”在名单中出现了两次，请只保留一次。")
        seen.add(a.member_id)


def check_attendees_named(
    session: Session, draft: Draft, listed: dict[str, Listed], names: dict[str, str]
) -> None:
    def who(member_id: str) -> str | None:
        member = session.get(Member, member_id) if member_id else None
        return member.name if member else None

    check_attendees(draft, listed, "、".join(names.values()), who)


# -- writing ------------------------------------------------------------------------------


def party_orgs_named(session: Session, keys: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for key in keys:
        party = resolve(session, PartyOrg, key, "党组织", "party_org")
        found[party.id] = party.name
    return found


def write_activities(
    session: Session,
    drafts: Sequence[Draft],
    listed: dict[str, Listed] | None = None,
    make_id: Callable[[], str] = new_id,
) -> list[Recorded]:
    """Write checked drafts (their ``party_org_ids`` resolved) in the caller's
    transaction. ``listed``: the roster of every Party organization involved, when the
    caller has it (the demo reads it once for all); otherwise read here per draft.
    ``make_id``: the demo's seeded ids, so the same seed makes the same rows everywhere."""
    activities: list[dict[str, Any]] = []
    attendance: list[dict[str, Any]] = []
    reviews: list[tuple[str, str, int, str]] = []
    recorded: list[Recorded] = []
    for draft in drafts:
        members = listed if listed is not None else roster(session, draft.party_org_ids)
        joint = make_id() if len(draft.party_org_ids) > 1 else None
        ids = {pid: make_id() for pid in draft.party_org_ids}
        per_party: dict[str, list[tuple[bool, str | None, bool]]] = {pid: [] for pid in ids}
        for a in draft.attendees or []:
            person = members[a.member_id]
            mobile = person.relation == "mobile_out"
            activity_id = ids[person.party_org_id]
            per_party[person.party_org_id].append((a.present, a.reason, mobile))
            attendance.append(
                {
                    "id": make_id(),
                    "activity_id": activity_id,
                    "member_id": a.member_id,
                    "present": a.present,
                    "reason": a.reason,
                    "mobile_out": mobile,
                }
            )
            if a.grade:
                reviews.append((a.member_id, activity_id, draft.held_on.year, a.grade))
        for number, (pid, activity_id) in enumerate(ids.items()):
            figures = figures_of(per_party[pid])
            headcount = draft.headcount if number == 0 else None
            activities.append(
                {
                    "id": activity_id,
                    "party_org_id": pid,
                    "kind": draft.kind,
                    "held_on": draft.held_on,
                    "topic": draft.topic,
                    "attendance": figures.present if draft.attendees is not None else headcount,
                    "expected": figures.expected if draft.attendees is not None else None,
                    "notes": draft.notes,
                    "place": draft.place,
                    "host": draft.host,
                    "items": ",".join(draft.items) or None,
                    "extra_items": draft.extra_items,
                    "joint_key": joint,
                }
            )
        all_rows = [row for rows in per_party.values() for row in rows]
        recorded.append(Recorded(list(ids.values()), figures_of(all_rows)))
    bulk_insert(session, Activity, activities)
    bulk_insert(session, ActivityAttendance, attendance)
    if reviews:
        write_reviews(session, reviews, make_id)
    return recorded


def write_reviews(
    session: Session, reviews: list[tuple[str, str, int, str]], make_id: Callable[[], str] = new_id
) -> None:
    """One result per member and year: a later 民主评议 of the same year replaces it."""
    station = session.info["station"]
    existing: dict[tuple[str, int], MemberReview] = {}
    members = sorted({m for m, *_ in reviews})
    for start in range(0, len(members), 900):
        for row in session.scalars(
            select(MemberReview).where(
                MemberReview.member_id.in_(members[start : start + 900]),
                MemberReview.deleted.is_(False),
                MemberReview.owner == station,
            )
        ):
            existing[(row.member_id, row.year)] = row
    new: dict[tuple[str, int], dict[str, Any]] = {}
    for member_id, activity_id, year, grade in reviews:
        row = existing.get((member_id, year))
        if row is not None:
            row.grade, row.activity_id = grade, activity_id
        else:
            new[(member_id, year)] = {
                "id": make_id(),
                "member_id": member_id,
                "year": year,
                "grade": grade,
                "activity_id": activity_id,
                "notes": None,
            }
    session.flush()
    bulk_insert(session, MemberReview, list(new.values()))


def attach_files(store: Store, session: Session, activity_id: str, paths: Sequence[str]) -> None:
    rows = []
    for path in paths:
        name, sha, size = copy_in(store, path)
        rows.append({"activity_id": activity_id, "file_name": name, "sha256": sha, "size": size})
    bulk_insert(session, ActivityAttachment, rows)


def record_activity(store: Store, values: dict[str, Any], today: date | None = None) -> Recorded:
    """The user action 登记组织生活: one event, for one Party organization or jointly
    for several (one transaction, however many branches and attendees)."""
    keys, draft = parse_activity(values, today or station_today())
    with store.write() as session:
        names = party_orgs_named(session, keys)
        draft.party_org_ids = list(names)
        listed = roster(session, draft.party_org_ids)
        check_attendees_named(session, draft, listed, names)
        [recorded] = write_activities(session, [draft], listed)
        if values.get("attachments"):
            attach_files(store, session, recorded.id, list(values["attachments"]))
        return recorded
