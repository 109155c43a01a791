"""Changing and deleting a recorded event: its fields and its list for every branch of
a joint activity in one transaction; a delete tombstones the event, its list, its
attachments' rows and the 民主评议 results recorded from it."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from app.domain.codes import ACTIVITY_KIND
from app.domain.station_time import station_today
from app.errors import LiangxinError
from app.services.activities import (
    Listed,
    Recorded,
    attach_files,
    check_attendees_named,
    figures_of,
    parse_activity,
    party_orgs_named,
    roster,
    write_reviews,
)
from app.services.activity_detail import group_rows
from app.store import Store
from db.models import ActivityAttachment, ActivityAttendance, Member, MemberReview


def edit_activity(store: Store, key: str, values: dict[str, Any], today: date | None = None) -> Recorded:
    """The user action 修改: the event's fields and its list, for every branch of a
    joint activity. Which branches held it is not changed here (delete and record it
    again): the list hangs off each branch's own row."""
    with store.write() as session:
        rows = group_rows(session, key)
        values = {"party_orgs": [r.party_org_id for r in rows], **values}
        keys, draft = parse_activity(values, today or station_today())
        names = party_orgs_named(session, keys)
        if set(names) != {r.party_org_id for r in rows}:
            raise LiangxinError("修改记录时不能更换开展活动的党组织；如需更换，请删除这条记录后重新登记。")
        listed = roster(session, list(names))
        # Members listed before stay listable even if they have since left the branch.
        current = {
            a.member_id: a
            for a in session.scalars(
                select(ActivityAttendance).where(
                    ActivityAttendance.activity_id.in_([r.id for r in rows]),
                    ActivityAttendance.deleted.is_(False),
                )
            )
        }
        for member_id in current:
            if member_id not in listed:
                member = session.get(Member, member_id)
                activity = next(r for r in rows if r.id == current[member_id].activity_id)
                if member is not None:
                    listed[member_id] = Listed(
                        member_id, member.name, activity.party_org_id, "", member.category, member.relation
                    )
        if draft.attendees is not None:
            check_attendees_named(session, draft, listed, names)
        by_party = {r.party_org_id: r for r in rows}
        wanted = {a.member_id: a for a in draft.attendees or []} if draft.attendees is not None else None
        per_party: dict[str, list[tuple[bool, str | None, bool]]] = {r.party_org_id: [] for r in rows}
        if wanted is not None:
            for member_id, row in current.items():
                if member_id not in wanted:
                    row.deleted = True
            for member_id, a in wanted.items():
                person = listed[member_id]
                row = current.get(member_id)
                if row is None:
                    row = ActivityAttendance(
                        activity_id=by_party[person.party_org_id].id,
                        member_id=member_id,
                        mobile_out=person.relation == "mobile_out",
                    )
                    session.add(row)
                row.present, row.reason = a.present, a.reason
                party_id = next(r.party_org_id for r in rows if r.id == row.activity_id)
                per_party[party_id].append((row.present, row.reason, row.mobile_out))
            reviews = [
                (a.member_id, by_party[listed[a.member_id].party_org_id].id, draft.held_on.year, a.grade)
                for a in wanted.values()
                if a.grade
            ]
        else:
            reviews = []
        for number, row in enumerate(rows):
            row.kind, row.held_on, row.topic = draft.kind, draft.held_on, draft.topic
            row.place, row.host, row.notes = draft.place, draft.host, draft.notes
            row.items, row.extra_items = ",".join(draft.items) or None, draft.extra_items
            if wanted is not None:
                figures = figures_of(per_party[row.party_org_id])
                row.attendance, row.expected = figures.present, figures.expected
            elif draft.headcount is not None and number == 0:
                row.attendance = draft.headcount
        session.flush()
        if reviews:
            write_reviews(session, reviews)
        if values.get("attachments"):
            attach_files(store, session, rows[0].id, list(values["attachments"]))
        return Recorded([r.id for r in rows], figures_of(t for rows_ in per_party.values() for t in rows_))


def delete_activity(store: Store, key: str) -> str:
    """The user action 删除 (a record entered by mistake): the event, its list, its
    attachments' rows and the 民主评议 results recorded from it, for every branch of a
    joint activity. Returns what was deleted, for the status line."""
    with store.write() as session:
        rows = group_rows(session, key)
        ids = [r.id for r in rows]
        for model, column in (
            (ActivityAttendance, ActivityAttendance.activity_id),
            (ActivityAttachment, ActivityAttachment.activity_id),
            (MemberReview, MemberReview.activity_id),
        ):
            for child in session.scalars(select(model).where(column.in_(ids), model.deleted.is_(False))):
                child.deleted = True
        for row in rows:
            row.deleted = True
        first = rows[0]
        return f"{first.held_on:%Y-%m-%d} {ACTIVITY_KIND.label(first.kind)}“{first.topic or ''}”"
