"""考核评议: templates (criteria and grades) and filled appraisals."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Synced
from db.models.register import live_unique

# The owner of the templates that ship with the program. No station has this code
# (station codes are digits), so the journal refuses any station's change to them.
BUILTIN_OWNER = "liangxin"
# Fixed for ever: a shipped template's id is made from its code and version, so every
# database holds it under the same id and the district merges one row, not one per station.
BUILTIN_NAMESPACE = uuid.UUID("28f58f89-6772-4986-b3a2-ecea29f1cec2")


def builtin_template_id(code: str, version: int) -> str:
    return str(uuid.uuid5(BUILTIN_NAMESPACE, f"{code}:{version}"))


class AppraisalTemplate(Synced, Base):
    """One version of a template. A version never changes once written: an appraisal
    keeps the criteria it was scored with; a changed file becomes the next version."""

    __tablename__ = "appraisal_template"
    __table_args__ = (live_unique("uq_appraisal_template_version_live", "code", "version"),)

    code: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, default=1)
    body: Mapped[str] = mapped_column(Text)  # JSON: sections, criteria, grades


class Appraisal(Synced, Base):
    __tablename__ = "appraisal"
    # One live appraisal of a subject per template and year (开始评议 twice at once).
    __table_args__ = (live_unique("uq_appraisal_subject_live", "template_id", "year", "subject_id"),)

    template_id: Mapped[str] = mapped_column(ForeignKey("appraisal_template.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    subject_kind: Mapped[str] = mapped_column(String(16))  # party_org | organization
    subject_id: Mapped[str] = mapped_column(String(36), index=True)
    scores: Mapped[str] = mapped_column(Text, default="{}")  # JSON {criterion code: {score, note}}
    total: Mapped[float | None] = mapped_column(Float)
    grade: Mapped[str | None] = mapped_column(String(20))
    comments: Mapped[str | None] = mapped_column(Text)
    evaluator: Mapped[str | None] = mapped_column(String(50))
    evaluated_on: Mapped[date | None] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16), default="draft")  # draft | final
    reopen_reason: Mapped[str | None] = mapped_column(Text)
