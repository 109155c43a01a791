"""Who may sign in to this database, and as what.

Local bookkeeping, not synchronised (not ``Synced``): accounts belong to the office
whose database this is, a package never carries them, and a password hash never
leaves the table (the journal's account entries name the fields that changed, never
the hash)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class Account(Base):
    __tablename__ = "account"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # The name as compared (case-folded, full-width letters as ASCII): one account per
    # name however it is typed; ``display_name`` keeps what the administrator typed.
    name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))  # app.accounts.roles: admin | clerk | viewer
    password_hash: Mapped[str] = mapped_column(String(255))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Wrong passwords in a row; at five the account is locked until ``locked_until``.
    failed_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(64))
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
