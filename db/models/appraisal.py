"""考核评议: templates (criteria and grades) and filled appraisals."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Synced
from db.models.register import live_unique


class AppraisalTemplate(Synced, Base):
    __tablename__ = "appraisal_template"

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
