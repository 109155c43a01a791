"""Local bookkeeping of ledger imports (导入台账): each import's summary and the range
of journal numbers it wrote (what undoing it reverses), and the column mappings a
clerk saved for a sheet's headers. None of it is synchronised: the imported rows
themselves are ordinary register rows and travel like typed ones."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class LedgerImport(Base):
    """One import of a ledger into a register (导入记录)."""

    __tablename__ = "ledger_import"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # organizations | members | party-orgs
    file_name: Mapped[str] = mapped_column(String(260))
    sheet: Mapped[str] = mapped_column(String(100))
    summary: Mapped[str] = mapped_column(Text, default="{}")  # JSON: the counts of the run
    # The journal entries this import wrote are exactly seq_from..seq_to (one write
    # transaction allocates them gap-free); none when it changed nothing.
    seq_from: Mapped[int | None] = mapped_column(Integer)
    seq_to: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    by: Mapped[str] = mapped_column(String(64))
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    undone_by: Mapped[str | None] = mapped_column(String(64))


class LedgerMapping(Base):
    """Which column of a sheet goes to which field, saved for sheets with these headers."""

    __tablename__ = "ledger_mapping"
    __table_args__ = (Index("uq_ledger_mapping_kind_signature", "kind", "signature", unique=True),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    signature: Mapped[str] = mapped_column(String(64))  # sha256 of the normalised headers
    headers: Mapped[str] = mapped_column(Text)  # JSON list, for showing what it was made for
    mapping: Mapped[str] = mapped_column(Text)  # JSON {header: field}
    saved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    saved_by: Mapped[str] = mapped_column(String(64))
