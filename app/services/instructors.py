"""党建工作指导员 and their assignments to organizations (工作覆盖)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.fields import Field, parse_fields
from app.domain.station_time import station_today
from app.errors import LiangxinError
from app.services.common import resolve, search_clause, set_search_keys
from app.store import Store
from db.models import Instructor, InstructorAssignment, Organization

INSTRUCTOR_FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("name", "姓名", required=True, max_length=50),
        Field("phone", "联系电话", max_length=30),
        Field("unit", "工作单位", max_length=100),
        Field("position", "职务", max_length=50),
        Field("notes", "备注", max_length=2000),
    )
}


@dataclass(frozen=True)
class InstructorRow:
    id: str
    name: str
    unit: str
    position: str
    organizations: int


def _active(session: Session, org_id: str) -> list[InstructorAssignment]:
    return list(
        session.scalars(
            select(InstructorAssignment).where(
                InstructorAssignment.organization_id == org_id,
                InstructorAssignment.deleted.is_(False),
                InstructorAssignment.ends_on.is_(None),
            )
        )
    )


def add_instructor(store: Store, values: dict[str, Any]) -> dict[str, Any]:
    with store.write() as session:
        instructor = Instructor(**parse_fields(INSTRUCTOR_FIELDS, values, partial=False))
        set_search_keys(instructor, person=True)
        session.add(instructor)
        session.flush()
        return {"id": instructor.id, **{n: getattr(instructor, n) for n in INSTRUCTOR_FIELDS}}


def edit_instructor(store: Store, key: str, values: dict[str, Any]) -> dict[str, Any]:
    with store.write() as session:
        instructor = resolve(session, Instructor, key, "指导员")
        for name, value in parse_fields(INSTRUCTOR_FIELDS, values, partial=True).items():
            setattr(instructor, name, value)
        set_search_keys(instructor, person=True)
        return {"id": instructor.id, **{n: getattr(instructor, n) for n in INSTRUCTOR_FIELDS}}


def delete_instructor(store: Store, key: str) -> str:
    with store.write() as session:
        instructor = resolve(session, Instructor, key, "指导员")
        active = session.scalar(
            select(func.count()).where(
                InstructorAssignment.instructor_id == instructor.id,
                InstructorAssignment.deleted.is_(False),
                InstructorAssignment.ends_on.is_(None),
            )
        )
        if active:
            raise LiangxinError(f"指导员“{instructor.name}”仍在指导 {active} 个两新组织，请先结束这些指派。")
        instructor.deleted = True
        return instructor.name


def assign_instructor(store: Store, instructor_key: str, org_key: str, starts_on: date | None = None) -> str:
    """Assign an instructor to an organization, ending any assignment it had."""
    with store.write() as session:
        instructor = resolve(session, Instructor, instructor_key, "指导员", "instructor")
        org = resolve(session, Organization, org_key, "两新组织", "organization")
        today = starts_on or station_today()
        for current in _active(session, org.id):
            if current.instructor_id == instructor.id:
                return instructor.name
            current.ends_on = today
        session.add(
            InstructorAssignment(
                instructor_id=instructor.id, organization_id=org.id, starts_on=today, ends_on=None
            )
        )
        return instructor.name


def end_assignment(store: Store, org_key: str, ends_on: date | None = None) -> int:
    with store.write() as session:
        org = resolve(session, Organization, org_key, "两新组织", "organization")
        active = _active(session, org.id)
        for assignment in active:
            assignment.ends_on = ends_on or station_today()
        return len(active)


def list_instructors(store: Store, *, search: str = "") -> list[InstructorRow]:
    counts = (
        select(InstructorAssignment.instructor_id, func.count().label("n"))
        .where(InstructorAssignment.deleted.is_(False), InstructorAssignment.ends_on.is_(None))
        .group_by(InstructorAssignment.instructor_id)
        .subquery()
    )
    stmt = (
        select(
            Instructor.id, Instructor.name, Instructor.unit, Instructor.position, func.coalesce(counts.c.n, 0)
        )
        .outerjoin(counts, counts.c.instructor_id == Instructor.id)
        .where(Instructor.deleted.is_(False))
        .order_by(Instructor.name_pinyin)
    )
    clause = search_clause(Instructor, search)
    if clause is not None:
        stmt = stmt.where(clause)
    with store.read() as session:
        return [InstructorRow(r[0], r[1], r[2] or "", r[3] or "", r[4]) for r in session.execute(stmt)]
