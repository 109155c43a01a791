"""This installation and the stations it knows; rule settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Synced
from db.models.register import live_unique


class Station(Base):
    """A station: this installation (``is_self``) or one it exchanges packages with.

    Local bookkeeping, not synchronised: each side registers the other's keys.
    """

    __tablename__ = "station"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))  # subdistrict | district
    is_self: Mapped[bool] = mapped_column(Boolean, default=False)
    parent_code: Mapped[str | None] = mapped_column(String(12))
    sign_public_key: Mapped[str | None] = mapped_column(Text)
    age_recipient: Mapped[str | None] = mapped_column(Text)
    last_received_seq: Mapped[int] = mapped_column(Integer, default=0)
    # The district stops accepting this station's packages (lost laptop, re-enrolment).
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # On a sub-district's own row: what the district's latest receipt says it holds.
    confirmed_seq: Mapped[int] = mapped_column(Integer, default=0)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Setting(Synced, Base):
    """A rule threshold or scope setting; the district may send these down."""

    __tablename__ = "setting"

    # One live row per key for each owner: the district's thresholds arrive beside the
    # station's own, and the station's own wins (app.settings).
    __table_args__ = (live_unique("uq_setting_key_live", "key"),)

    key: Mapped[str] = mapped_column(String(80))
    value: Mapped[str] = mapped_column(Text)  # JSON
    # Set by the district on its own rows: the sub-districts follow this value and
    # cannot change it (区统一设定).
    locked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class StatSnapshot(Base):
    """The coverage figures as they stood in one month, recorded by the program itself
    whenever the dashboard is computed (the month's last reading wins), so the trend
    chart has a history. Local bookkeeping, not synchronised: each station records its
    own, and the district's are over the merged data."""

    __tablename__ = "stat_snapshot"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # 2026-11
    in_scope: Mapped[int] = mapped_column(Integer)
    covered: Mapped[int] = mapped_column(Integer)
    work_covered: Mapped[int] = mapped_column(Integer)
    independent: Mapped[int] = mapped_column(Integer)
    # 应建尽建率's two counts: organizations the rules say must have a Party organization,
    # and those of them that have one. Empty in months recorded before 0014 (not known).
    must_build: Mapped[int | None] = mapped_column(Integer)
    built: Mapped[int | None] = mapped_column(Integer)
    scope: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
