"""Declarative base, naming convention and the columns every synchronised table carries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names on SQLite and PostgreSQL, so batch migrations can find them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Synced:
    """Columns of a row that travels in sync packages.

    ``id`` is born where the row is born and never reused; ``owner`` is the station
    that may change it; ``rev`` is the journal sequence number of its last change at
    the owner, so (owner, rev) orders versions. The journal hook fills all of these.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner: Mapped[str] = mapped_column(String(12), index=True)
    rev: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str] = mapped_column(String(64))
    # No index: a boolean column misleads the SQLite planner into scanning by it.
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


# Columns the journal maintains itself; they are not "changed fields" of a record.
BOOKKEEPING_COLUMNS = frozenset({"id", "owner", "rev", "created_at", "updated_at", "updated_by"})
