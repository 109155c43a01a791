"""挂图作战 tasks made: from rule findings (one per record that breaks a chosen rule,
never twice for the same rule and record) or by hand. Each task's state lives in its
own ``task_progress`` row, owned by the station doing the work."""

from __future__ import annotations

from collections.abc import Iterator
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
from app.rules.engine import Finding, run_checks
from app.services.campaign_actions import CHUNK, action_assignees, has_action_units
from app.services.campaigns import ASSIGNEE_KIND, parse_units, phases_of, resolve_campaign
from app.services.common import resolve
from app.settings import load_settings
from app.store import Store
from db.models import (
    Campaign,
    Community,
    Instructor,
    InstructorAssignment,
    Organization,
    PartyOrg,
    Phase,
    Task,
    TaskProgress,
)

ASSIGN_BY = {
    "instructor": "该组织的党建指导员",
    "community": "该组织所在社区",
    "unit": "指定的责任单位",
    # The 大组建 plan's lines (app.services.campaign_actions): 挂点 → 区领导, 驻街 → 区直机关,
    # 主管包建 → the 业务主管单位, 党群共建 → 群团; what none claims → its community.
    "action": "按行动分工",
}
TASKS_CHANGED = Changes.of(TASK)


@dataclass(frozen=True)
class Candidate:
    rule_id: str
    subject: str  # organization | party_org
    record_id: str
    record_name: str
    message: str
    exists: bool  # a task for this rule and record is already on the campaign
    assignee: str = ""  # who a new task would go to, when the preview was asked for a way to assign
    assignee_kind: str = ""


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
    store: Store,
    campaign: str,
    rule_ids: list[str],
    today: date | None = None,
    *,
    assign: str | None = None,
    unit: str | None = None,
) -> list[Candidate]:
    """What generating from these rules would create (and what already exists); given
    ``assign`` (and ``unit``), who each new task would go to."""
    rule_ids = _rule_ids(rule_ids)
    if assign is not None:
        _check_assign(assign, unit)
    with store.read() as session:
        found = resolve_campaign(session, campaign)
        existing = _existing_keys(session, found.id)
        findings = run_checks(session, load_settings(session), today or station_today(), rule_ids)
        new = [f for f in findings if (f.rule_id, f.record_id) not in existing]
        who = _assignments(session, found, new, assign, unit) if assign is not None else {}
    candidates = []
    for f in findings:
        kind, assignee = who.get((f.rule_id, f.record_id), ("", ""))
        candidates.append(
            Candidate(
                f.rule_id,
                f.table,
                f.record_id,
                f.record_name,
                f.message,
                (f.rule_id, f.record_id) in existing,
                assignee=assignee,
                assignee_kind=kind,
            )
        )
    return candidates


def _check_assign(assign: str, unit: str | None) -> None:
    if assign not in ASSIGN_BY:
        raise FieldError("assign", f"分派方式“{assign}”不认识，可用：{'、'.join(ASSIGN_BY)}。")
    if assign == "unit" and not (unit and unit.strip()):
        raise FieldError("unit", "按指定单位分派时，请填写责任单位。")


def _by_chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _instructors(session: Session, org_ids: list[str]) -> dict[str, str]:
    """Each organization's current instructor (the first by name, when several)."""
    found: dict[str, str] = {}
    for chunk in _by_chunks(org_ids):
        rows = session.execute(
            select(InstructorAssignment.organization_id, Instructor.name)
            .join(Instructor, InstructorAssignment.instructor_id == Instructor.id)
            .where(
                InstructorAssignment.organization_id.in_(chunk),
                InstructorAssignment.deleted.is_(False),
                InstructorAssignment.ends_on.is_(None),
            )
            .order_by(Instructor.name)
        )
        for org_id, name in rows:
            found.setdefault(org_id, name)
    return found


def _communities(session: Session, findings: list[Finding]) -> dict[str, str]:
    """The community of each finding's record, by record id."""
    found: dict[str, str] = {}
    for model, table in ((Organization, "organization"), (PartyOrg, "party_org")):
        ids = sorted({f.record_id for f in findings if f.table == table})
        for chunk in _by_chunks(ids):
            rows = session.execute(
                select(model.id, Community.name)
                .join(Community, model.community_id == Community.id)
                .where(model.id.in_(chunk))
            )
            found.update((record_id, name) for record_id, name in rows)
    return found


def _assignments(
    session: Session, campaign: Campaign, findings: list[Finding], assign: str, unit: str | None
) -> dict[tuple[str, str], tuple[str, str]]:
    """(kind, responsible unit) of each finding's task, by (rule, record), read in a few
    queries for them all: a named unit; the organization's instructor; the line of the
    campaign's plan that claims it (``campaign_actions``); else the record's community."""
    units = parse_units(campaign.units)
    if assign == "unit":
        kinds = {name: kind for kind, name in units}
        return {(f.rule_id, f.record_id): (kinds.get(unit or "", "unit"), unit or "") for f in findings}
    claimed: dict[tuple[str, str], tuple[str, str]] = {}
    if assign == "instructor":
        org_ids = sorted({f.record_id for f in findings if f.table == "organization"})
        instructors = _instructors(session, org_ids)
        claimed = {
            (f.rule_id, f.record_id): ("instructor", instructors[f.record_id])
            for f in findings
            if f.table == "organization" and f.record_id in instructors
        }
    elif assign == "action":
        if not has_action_units(units):
            raise FieldError(
                "assign",
                f"专项行动“{campaign.name}”没有登记挂点领导、驻街部门、主管单位或群团组织，"
                "无法按行动分工分派；请在专项行动的责任单位中登记，或改用其他分派方式。",
            )
        claimed = action_assignees(session, findings, units)
    rest = [f for f in findings if (f.rule_id, f.record_id) not in claimed]
    communities = _communities(session, rest)
    for f in rest:  # by community, or nobody else to give it to
        claimed[(f.rule_id, f.record_id)] = ("community", communities.get(f.record_id) or "未填社区")
    return claimed


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
    assigned to the organization's instructor, its community, a named unit, or by the
    campaign's action lines (``assign="action"``: 挂点促建 to the 区领导, 驻街保建 to the
    区直机关, 主管包建 to the 业务主管单位, 党群共建 to the 群团; the rest to the community).
    Records that already have a task for that rule on this campaign are skipped."""
    rule_ids = _rule_ids(rule_ids)
    _check_assign(assign, unit)
    day = today or station_today()
    with store.write() as session:
        found = resolve_campaign(session, campaign)
        phases = phases_of(session, found.id)
        chosen = _phase(phases, phase, found.name) if phase else _current_phase(phases, day)
        due = due_on or (chosen.ends_on if chosen else None) or found.ends_on
        existing = _existing_keys(session, found.id)
        findings = run_checks(session, load_settings(session), day, rule_ids)
        new: dict[tuple[str, str], Finding] = {}
        for f in findings:
            new.setdefault((f.rule_id, f.record_id), f)
        new = {key: f for key, f in new.items() if key not in existing}
        skipped = len(findings) - len(new)
        who = _assignments(session, found, list(new.values()), assign, unit)
        created: list[str] = []
        for key, f in new.items():
            kind, assignee = who[key]
            task = Task(
                campaign_id=found.id,
                phase_id=chosen.id if chosen else None,
                organization_id=f.record_id if f.table == "organization" else None,
                party_org_id=f.record_id if f.table == "party_org" else None,
                title=RULES_BY_ID[f.rule_id].title,
                rule_id=f.rule_id,
                assignee_kind=kind,
                assignee=assignee,
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
