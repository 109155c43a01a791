"""挂图作战 tasks made: from rule findings (one per record that breaks a chosen rule,
never twice for the same rule and record) or by hand. Each task's state lives in its
own ``task_progress`` row, owned by the station doing the work."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.changes import TASK, Changes
from app.domain.bounds import parse_day
from app.domain.station_time import station_today
from app.domain.text import clean_text
from app.errors import FieldError
from app.rules.catalog import RULES, RULES_BY_ID
from app.rules.engine import run_checks
from app.services.campaigns import ASSIGNEE_KIND, parse_units, phases_of, resolve_campaign
from app.services.common import resolve
from app.settings import load_settings
from app.store import Store
from db.models import (
    Community,
    Instructor,
    InstructorAssignment,
    Organization,
    PartyOrg,
    Phase,
    Task,
    TaskProgress,
)

ASSIGN_BY = {"instructor": "该组织的党建指导员", "community": "该组织所在社区", "unit": "指定的责任单位"}
TASKS_CHANGED = Changes.of(TASK)


@dataclass(frozen=True)
class Candidate:
    rule_id: str
    subject: str  # organization | party_org
    record_id: str
    record_name: str
    message: str
    exists: bool  # a task for this rule and record is already on the campaign


@dataclass(frozen=True)
class Generated:
    created: int
    skipped: int  # already on the campaign: generation twice creates no duplicates
    task_ids: list[str] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        return TASKS_CHANGED if self.created else Changes()


@dataclass(frozen=True)
class AddedTask:
    id: str

    @property
    def changes(self) -> Changes:
        return TASKS_CHANGED


def _existing_keys(session: Session, campaign_id: str) -> set[tuple[str | None, str | None]]:
    rows = session.execute(
        select(Task.rule_id, func.coalesce(Task.organization_id, Task.party_org_id)).where(
            Task.campaign_id == campaign_id, Task.deleted.is_(False)
        )
    )
    return {(rule, record) for rule, record in rows}


def _rule_ids(rule_ids: list[str]) -> list[str]:
    unknown = [r for r in rule_ids if r not in RULES_BY_ID]
    if unknown:
        raise FieldError("rule", f"没有规则“{unknown[0]}”。可用规则：{'、'.join(r.id for r in RULES)}。")
    if not rule_ids:
        raise FieldError("rule", "请至少选择一条规则。")
    return rule_ids


def _phase(phases: list[Phase], key: str | None, campaign_name: str) -> Phase | None:
    if not key:
        return None
    chosen = next((p for p in phases if key in (p.id, p.name)), None)
    if chosen is None:
        names = "、".join(p.name for p in phases) or "（没有阶段）"
        raise FieldError("phase", f"专项行动“{campaign_name}”没有阶段“{key}”，可选：{names}。")
    return chosen


def _current_phase(phases: list[Phase], today: date) -> Phase | None:
    for phase in phases:
        if phase.ends_on and today <= phase.ends_on:
            return phase
    return phases[-1] if phases else None


def preview_tasks(
    store: Store, campaign: str, rule_ids: list[str], today: date | None = None
) -> list[Candidate]:
    """What generating from these rules would create (and what already exists)."""
    rule_ids = _rule_ids(rule_ids)
    with store.read() as session:
        found = resolve_campaign(session, campaign)
        existing = _existing_keys(session, found.id)
        findings = run_checks(session, load_settings(session), today or station_today(), rule_ids)
    return [
        Candidate(
            f.rule_id, f.table, f.record_id, f.record_name, f.message, (f.rule_id, f.record_id) in existing
        )
        for f in findings
    ]


def _instructor_of(session: Session, org_id: str) -> str | None:
    return session.scalar(
        select(Instructor.name)
        .join(InstructorAssignment, InstructorAssignment.instructor_id == Instructor.id)
        .where(
            InstructorAssignment.organization_id == org_id,
            InstructorAssignment.deleted.is_(False),
            InstructorAssignment.ends_on.is_(None),
        )
        .limit(1)
    )


def _community_of(session: Session, subject: str, record_id: str) -> str | None:
    model = Organization if subject == "organization" else PartyOrg
    return session.scalar(
        select(Community.name).join(model, model.community_id == Community.id).where(model.id == record_id)
    )


def generate_tasks(
    store: Store,
    campaign: str,
    rule_ids: list[str],
    *,
    assign: str = "instructor",
    unit: str | None = None,
    phase: str | None = None,
    due_on: date | None = None,
    today: date | None = None,
) -> Generated:
    """The user action 从问题生成任务: one task per record that breaks a chosen rule,
    assigned to the organization's instructor, its community, or a named unit.
    Records that already have a task for that rule on this campaign are skipped."""
    rule_ids = _rule_ids(rule_ids)
    if assign not in ASSIGN_BY:
        raise FieldError("assign", f"分派方式“{assign}”不认识，可用：{'、'.join(ASSIGN_BY)}。")
    if assign == "unit" and not (unit and unit.strip()):
        raise FieldError("unit", "按指定单位分派时，请填写责任单位。")
    day = today or station_today()
    with store.write() as session:
        found = resolve_campaign(session, campaign)
        phases = phases_of(session, found.id)
        chosen = _phase(phases, phase, found.name) if phase else _current_phase(phases, day)
        due = due_on or (chosen.ends_on if chosen else None) or found.ends_on
        existing = _existing_keys(session, found.id)
        units = dict((name, kind) for kind, name in parse_units(found.units))
        created: list[str] = []
        skipped = 0
        for f in run_checks(session, load_settings(session), day, rule_ids):
            if (f.rule_id, f.record_id) in existing:
                skipped += 1
                continue
            existing.add((f.rule_id, f.record_id))
            if assign == "unit":
                kind, who = units.get(unit or "", "unit"), unit
            elif (
                assign == "instructor"
                and f.table == "organization"
                and (name := _instructor_of(session, f.record_id))
            ):
                kind, who = "instructor", name
            else:  # by community, or no instructor to give it to
                kind, who = "community", _community_of(session, f.table, f.record_id) or "未填社区"
            task = Task(
                campaign_id=found.id,
                phase_id=chosen.id if chosen else None,
                organization_id=f.record_id if f.table == "organization" else None,
                party_org_id=f.record_id if f.table == "party_org" else None,
                title=RULES_BY_ID[f.rule_id].title,
                rule_id=f.rule_id,
                assignee_kind=kind,
                assignee=who,
                station_code=working_station(session, f.table, f.record_id, store.station.code),
                due_on=due,
                notes=f.message,
            )
            session.add(task)
            session.flush()
            if task.station_code == store.station.code:  # another station reports its own progress
                session.add(TaskProgress(task_id=task.id, status="todo", changed_on=day))
            created.append(task.id)
        return Generated(len(created), skipped, created)


def working_station(session: Session, table: str, record_id: str, default: str) -> str:
    """The station that does a task's work: the one that keeps the record (at the
    district, a sub-district's organization is that sub-district's to fix)."""
    model = Organization if table == "organization" else PartyOrg
    owner = session.scalar(select(model.owner).where(model.id == record_id))
    return owner or default


def _due(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    return parse_day(text, "完成时限", "due_on") if text else None


def add_task(store: Store, campaign: str, values: dict[str, Any], today: date | None = None) -> AddedTask:
    """The user action 新增任务 (by hand): a title, and optionally the organization,
    the responsible unit (and its kind), the phase and the due date."""
    title = clean_text(values.get("title") or "", "任务内容", "title", max_length=200)
    if not title:
        raise FieldError("title", "请填写任务内容。")
    assignee = clean_text(values.get("assignee") or "", "责任单位", "assignee", max_length=100)
    notes = clean_text(values.get("notes") or "", "备注", "notes", max_length=2000, multiline=True)
    due = _due(values.get("due_on"))
    kind_text = str(values.get("assignee_kind") or "unit")
    kind = ASSIGNEE_KIND.parse(kind_text)
    if kind is None:
        raise FieldError(
            "assignee_kind", f"责任单位类型“{kind_text}”不认识，可用：{ASSIGNEE_KIND.choices_text()}。"
        )
    with store.write() as session:
        found = resolve_campaign(session, campaign)
        chosen = _phase(phases_of(session, found.id), values.get("phase"), found.name)
        org = (
            resolve(session, Organization, values["organization"], "两新组织")
            if values.get("organization")
            else None
        )
        task = Task(
            campaign_id=found.id,
            phase_id=chosen.id if chosen else None,
            organization_id=org.id if org else None,
            title=title,
            assignee_kind=kind,
            assignee=assignee or None,
            station_code=org.owner if org else store.station.code,
            due_on=due or (chosen.ends_on if chosen else None) or found.ends_on,
            notes=notes or None,
        )
        session.add(task)
        session.flush()
        if task.station_code == store.station.code:
            session.add(TaskProgress(task_id=task.id, status="todo", changed_on=today or station_today()))
        return AddedTask(task.id)
