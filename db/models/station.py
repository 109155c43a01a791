"""This installation and the stations it knows; rule settings."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Synced


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


class Setting(Synced, Base):
    """A rule threshold or scope setting; the district may send these down."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), unique=True)
    value: Mapped[str] = mapped_column(Text)  # JSON
