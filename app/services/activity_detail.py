"""One organizational-life event as it stands: every branch's row of a joint activity,
who was listed (present, or absent with the reason), the 民主评议 grades recorded
from it, its attachments, and the attendance figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.codes import ACTIVITY_KIND, PARTY_LEVEL
from app.domain.life_codes import REVIEW_GRADE, THEME_DAY_ITEMS
from app.services.activities import Figures, figures_of
from app.services.common import resolve
from app.store import Store
from db.models import Activity, ActivityAttachment, ActivityAttendance, Member, MemberReview, PartyOrg


def group_rows(session: Session, key: str) -> list[Activity]:
    """The rows of the event ``key`` names (every branch's row of a joint activity)."""
    activity = resolve(session, Activity, key, "组织生活记录", "activity")
    if not activity.joint_key:
        return [activity]
    return list(
        session.scalars(
            select(Activity)
            .where(Activity.joint_key == activity.joint_key, Activity.deleted.is_(False))
            .order_by(Activity.id)
        )
    )


@dataclass(frozen=True)
class AttendeeLine:
    member_id: str
    name: str
    party_org: str
    present: bool
    reason: str
    mobile_out: bool
    grade: str


@dataclass(frozen=True)
class ActivityDetail:
    id: str
    ids: list[str]
    kind: str
    kind_label: str
    held_on: date
    topic: str
    place: str
    host: str
    notes: str
    items: list[str]  # labels of the "6"
    extra_items: str
    party_orgs: list[tuple[str, str, str]]  # id, name, level label
    attendees: list[AttendeeLine]
    headcount: int | None
    figures: Figures
    attachments: list[tuple[str, str, int]]  # file name, sha256, size
    owner: str

    @property
    def joint(self) -> bool:
        return len(self.party_orgs) > 1

    @property
    def attendance_text(self) -> str:
        if not self.attendees and self.headcount is not None:
            return f"实到 {self.headcount} 人（按纸质记录补录，未登记名单）"
        return self.figures.text()


def activity_detail(store: Store, key: str) -> ActivityDetail:
    with store.read() as session:
        rows = group_rows(session, key)
        ids = [r.id for r in rows]
        first = rows[0]
        # In the rows' order: the first is the one the event was recorded from.
        parties = {
            r[0]: (r[1], PARTY_LEVEL.label(r[2]))
            for r in session.execute(
                select(PartyOrg.id, PartyOrg.name, PartyOrg.level).where(
                    PartyOrg.id.in_([r.party_org_id for r in rows])
                )
            )
        }
        counted = [r.attendance for r in rows if r.attendance is not None]
        headcount = sum(counted) if counted else None
        grades = dict(
            session.execute(
                select(MemberReview.member_id, MemberReview.grade).where(
                    MemberReview.activity_id.in_(ids), MemberReview.deleted.is_(False)
                )
            ).all()
        )
        lines = [
            AttendeeLine(
                m_id, name, party, present, reason or "", mobile, REVIEW_GRADE.label(grades.get(m_id))
            )
            for m_id, name, party, present, reason, mobile in session.execute(
                select(
                    ActivityAttendance.member_id,
                    Member.name,
                    PartyOrg.name,
                    ActivityAttendance.present,
                    ActivityAttendance.reason,
                    ActivityAttendance.mobile_out,
                )
                .join(Member, Member.id == ActivityAttendance.member_id)
                .join(Activity, Activity.id == ActivityAttendance.activity_id)
                .join(PartyOrg, PartyOrg.id == Activity.party_org_id)
                .where(ActivityAttendance.activity_id.in_(ids), ActivityAttendance.deleted.is_(False))
                .order_by(PartyOrg.name_pinyin, Member.name_pinyin)
            )
        ]
        files = session.execute(
            select(ActivityAttachment.file_name, ActivityAttachment.sha256, ActivityAttachment.size)
            .where(ActivityAttachment.activity_id.in_(ids), ActivityAttachment.deleted.is_(False))
            .order_by(ActivityAttachment.created_at)
        ).all()
        return ActivityDetail(
            id=first.id,
            ids=ids,
            kind=first.kind,
            kind_label=ACTIVITY_KIND.label(first.kind),
            held_on=first.held_on,
            topic=first.topic or "",
            place=first.place or "",
            host=first.host or "",
            notes=first.notes or "",
            items=[THEME_DAY_ITEMS.label(c) for c in (first.items or "").split(",") if c],
            extra_items=first.extra_items or "",
            party_orgs=[(pid, *parties[pid]) for pid in (r.party_org_id for r in rows) if pid in parties],
            attendees=lines,
            headcount=None if lines else headcount,
            figures=figures_of((a.present, a.reason, a.mobile_out) for a in lines),
            attachments=[(f[0], f[1], f[2]) for f in files],
            owner=first.owner,
        )
