"""Organizational life and visits: the held 组织生活 events with who attended, their
attachments, the 民主评议党员 results, and the instructors' 走访."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Synced
from db.models.register import live_unique


class Visit(Synced, Base):
    """A 走访 to an organization."""

    __tablename__ = "visit"
    __table_args__ = (
        # The last visit of each organization, read from the index alone (the
        # "not visited in N months" rule asks it of every organization with an instructor).
        Index("ix_visit_org_day", "organization_id", "visited_on", "deleted"),
    )

    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    visitor: Mapped[str] = mapped_column(String(50))
    findings: Mapped[str | None] = mapped_column(Text)
    follow_up: Mapped[str | None] = mapped_column(Text)
    # The instructor who visited, when the visitor is one (null for other staff).
    instructor_id: Mapped[str | None] = mapped_column(ForeignKey("instructor.id"), index=True)
    reason: Mapped[str | None] = mapped_column(String(24))  # 四必访 reason code
    next_due: Mapped[date | None] = mapped_column(Date)
    # The board task the follow-up became (a plain id: the task may live on a district campaign).
    task_id: Mapped[str | None] = mapped_column(String(36))


class Activity(Synced, Base):
    """A held 组织生活 event: 主题党日, 支委会, 党课, 党员大会 …

    One row per Party organization that held it: a joint activity (several branches
    together) is one row for each, sharing ``joint_key``, so every rule reads who held
    what from this table alone."""

    __tablename__ = "activity"
    __table_args__ = (
        # Who held a kind of activity in a period, read from the index alone: the
        # organizational-life rules look the period up once for all Party organizations.
        Index("ix_activity_period", "kind", "held_on", "party_org_id", "deleted"),
        # The months each held each kind, per Party organization (the compliance grid).
        Index("ix_activity_party_kind_day", "party_org_id", "kind", "held_on", "deleted"),
    )

    party_org_id: Mapped[str] = mapped_column(ForeignKey("party_org.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24), index=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    topic: Mapped[str | None] = mapped_column(String(200))
    attendance: Mapped[int | None] = mapped_column(Integer)  # 实到 (present)
    notes: Mapped[str | None] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(String(200))
    host: Mapped[str | None] = mapped_column(String(50))  # 主持人
    # 主题党日 "1+6+X": the "6" items held (codes, comma-separated) and the "X" in words.
    items: Mapped[str | None] = mapped_column(String(200))
    extra_items: Mapped[str | None] = mapped_column(String(200))
    expected: Mapped[int | None] = mapped_column(Integer)  # 应到, without 流出党员 excused
    joint_key: Mapped[str | None] = mapped_column(String(36), index=True)


class ActivityAttendance(Synced, Base):
    """One member listed for one activity: present, or absent (with the reason given).
    ``mobile_out`` is the member's 流出 state on the day, so the rate stays what it was."""

    __tablename__ = "activity_attendance"
    __table_args__ = (live_unique("uq_activity_attendance_live", "activity_id", "member_id"),)

    activity_id: Mapped[str] = mapped_column(ForeignKey("activity.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    present: Mapped[bool] = mapped_column(Boolean, default=True)
    reason: Mapped[str | None] = mapped_column(String(200))
    mobile_out: Mapped[bool] = mapped_column(Boolean, default=False)


class ActivityAttachment(Synced, Base):
    """A photo or a scanned sign-in sheet: the file is copied beside the database under
    its sha256; the row (which travels) names it and its hash."""

    __tablename__ = "activity_attachment"

    activity_id: Mapped[str] = mapped_column(ForeignKey("activity.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(260))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer, default=0)


class MemberReview(Synced, Base):
    """A member's 民主评议党员 result for a year (优秀 / 合格 / 基本合格 / 不合格)."""

    __tablename__ = "member_review"
    __table_args__ = (live_unique("uq_member_review_live", "member_id", "year"),)

    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    grade: Mapped[str] = mapped_column(String(16))
    activity_id: Mapped[str | None] = mapped_column(ForeignKey("activity.id"), index=True)
    notes: Mapped[str | None] = mapped_column(String(200))
