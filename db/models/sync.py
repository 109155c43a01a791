"""Local bookkeeping of data exchange (数据交换): this station's secret keys, the
packages it made and imported, what an import replaced (so it can be rolled back), and
the records the other side refused. None of it is synchronised."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class Keyring(Base):
    """This station's secret keys (minisign for signing, age for receiving), encrypted
    with the passphrase the user chose: the database alone never opens them."""

    __tablename__ = "keyring"

    station_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    secrets: Mapped[str] = mapped_column(Text)  # age passphrase-encrypted, armored
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SyncPackage(Base):
    """One package made here or imported here (数据交换 history)."""

    __tablename__ = "sync_package"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    direction: Mapped[str] = mapped_column(String(8))  # made | imported
    kind: Mapped[str] = mapped_column(String(8))  # up | down | receipt
    station_code: Mapped[str] = mapped_column(String(12), index=True)  # the sender (made: this station)
    seq_from: Mapped[int] = mapped_column(Integer)
    seq_to: Mapped[int] = mapped_column(Integer)
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    file_name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    state: Mapped[str] = mapped_column(String(16))  # made | applied | unchanged | rolled_back
    summary: Mapped[str] = mapped_column(Text, default="{}")  # JSON: counts per register, refusals
    # On import: the station's received range before this package, restored by a rollback.
    received_before: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    by: Mapped[str] = mapped_column(String(64))


class SyncUndo(Base):
    """A row as it was before an import changed it (``before`` null: the import added it)."""

    __tablename__ = "sync_undo"

    package_id: Mapped[str] = mapped_column(ForeignKey("sync_package.id"), primary_key=True)
    ordinal: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    rev: Mapped[int] = mapped_column(Integer)  # the rev the import wrote: a later change differs
    before: Mapped[str | None] = mapped_column(Text)  # JSON of the whole row


class SyncRefusal(Base):
    """A record the district refused and still does not hold in that version: at the
    district, kept per sending station until a later package brings it acceptably; at
    a sub-district, as the latest receipt lists them (shown on the record's page)."""

    __tablename__ = "sync_refusal"

    station_code: Mapped[str] = mapped_column(String(12), index=True)
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    package_id: Mapped[str] = mapped_column(String(36))  # the import (district) or receipt (station)
