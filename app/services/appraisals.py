"""考核评议: appraisals of Party organizations (or organizations) against a template,
for a year — drafted, scored, made final (frozen), reopened only with a reason —
and the data a printed form carries, with a short hash that ties paper to record."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.codes import ORG_KIND, PARTY_LEVEL
from app.errors import FieldError, LiangxinError, NotFoundError
from app.services.appraisal_templates import Template, ensure_templates, template_of
from app.services.party_orgs import member_count_of
from app.store import Store
from db.models import Appraisal, AppraisalTemplate, Community, Member, Organization, PartyOrg

STATE = {"draft": "草稿", "final": "已定稿"}


@dataclass(frozen=True)
class AppraisalRow:
    id: str
    subject_id: str
    subject: str
    total: float | None
    grade: str | None
    state: str
    evaluator: str | None


def _template(session: Session, code: str) -> tuple[AppraisalTemplate, Template]:
    rows = ensure_templates(session)
    row = rows.get(code)
    if row is None:
        raise FieldError("template", f"没有考核模板“{code}”。可用模板：{'、'.join(rows)}。")
    return row, template_of(row)


def _subject_model(template: Template) -> Any:
    return PartyOrg if template.subject == "party_org" else Organization


def subject_choices(store: Store, template_code: str) -> list[tuple[str, str]]:
    """(id, name) of everything a template can appraise, by name."""
    with store.write() as session:
        _, template = _template(session, template_code)
        model = _subject_model(template)
        return [
            (i, n)
            for i, n in session.execute(
                select(model.id, model.name).where(model.deleted.is_(False)).order_by(model.name)
            )
        ]


def start_appraisals(
    store: Store, template_code: str, year: int, subject_ids: list[str] | None = None
) -> list[str]:
    """The user action 开始评议: a draft per subject (all, when none are named) that has
    none yet for this template and year. Returns the ids of all the year's appraisals
    of those subjects, in name order."""
    if not 2000 <= year <= 2100:
        raise FieldError("year", f"年度“{year}”不对，请写四位年份，如 2026。")
    with store.write() as session:
        row, template = _template(session, template_code)
        model = _subject_model(template)
        stmt = select(model.id, model.name).where(model.deleted.is_(False)).order_by(model.name)
        if subject_ids:
            stmt = stmt.where(model.id.in_(subject_ids))
        subjects = session.execute(stmt).all()
        if subject_ids and len(subjects) < len(set(subject_ids)):
            missing = sorted(set(subject_ids) - {s for s, _ in subjects})[0]
            raise NotFoundError(
                f"没有找到评议对象“{missing}”（{'党组织' if template.subject == 'party_org' else '两新组织'}）。",
                "subject",
            )
        existing = {
            a.subject_id: a.id
            for a in session.scalars(
                select(Appraisal).where(
                    Appraisal.template_id == row.id, Appraisal.year == year, Appraisal.deleted.is_(False)
                )
            )
        }
        ids: list[str] = []
        for subject_id, _ in subjects:
            if subject_id not in existing:
                appraisal = Appraisal(
                    template_id=row.id,
                    year=year,
                    subject_kind=template.subject,
                    subject_id=subject_id,
                    scores="{}",
                )
                session.add(appraisal)
                session.flush()
                existing[subject_id] = appraisal.id
            ids.append(existing[subject_id])
        return ids


def list_appraisals(store: Store, template_code: str, year: int) -> list[AppraisalRow]:
    with store.write() as session:
        row, template = _template(session, template_code)
        model = _subject_model(template)
        found = session.execute(
            select(Appraisal, model.name)
            .join(model, model.id == Appraisal.subject_id)
            .where(Appraisal.template_id == row.id, Appraisal.year == year, Appraisal.deleted.is_(False))
            .order_by(model.name)
        ).all()
        return [
            AppraisalRow(a.id, a.subject_id, name, a.total, a.grade, a.state, a.evaluator)
            for a, name in found
        ]


def _appraisal(session: Session, appraisal_id: str) -> Appraisal:
    found = session.get(Appraisal, appraisal_id)
    if found is None or found.deleted:
        raise NotFoundError(f"没有找到考核记录“{appraisal_id}”。", "appraisal")
    return found


def parse_scores(template: Template, scores: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Scores by criterion code; each within 0..maximum, or refused naming the criterion."""
    by_code = {c.code: c for c in template.criteria}
    parsed: dict[str, dict[str, Any]] = {}
    for code, entry in scores.items():
        criterion = by_code.get(code)
        if criterion is None:
            raise FieldError(code, f"模板“{template.name}”没有考核内容“{code}”。")
        entry = entry if isinstance(entry, dict) else {"score": entry}
        raw, note = entry.get("score"), (entry.get("note") or "").strip() or None
        if raw is None or raw == "":
            parsed[code] = {"score": None, "note": note}
            continue
        try:
            value = float(raw)
        except (TypeError, ValueError):
            raise FieldError(code, f"“{criterion.code} {criterion.title}”的得分“{raw}”不是数字。") from None
        if not 0 <= value <= criterion.max:
            raise FieldError(
                code,
                f"“{criterion.code} {criterion.title}”的得分应在 0 到 {criterion.max:g} 之间，“{raw}”不行。",
            )
        parsed[code] = {"score": value, "note": note}
    return parsed


def score_summary(template: Template, scores: dict[str, dict[str, Any]]) -> tuple[float | None, str | None]:
    """The total and grade, once every criterion has a score; (partial total, None) before."""
    values = [scores.get(c.code, {}).get("score") for c in template.criteria]
    if not any(v is not None for v in values):
        return None, None
    total = round(sum(v for v in values if v is not None), 2)
    return total, template.grade_for(total) if all(v is not None for v in values) else None


def save_appraisal(
    store: Store,
    appraisal_id: str,
    *,
    scores: dict[str, Any] | None = None,
    comments: str | None = None,
    evaluator: str | None = None,
    evaluated_on: date | str | None = None,
) -> dict[str, Any]:
    """The user action 保存: scores, comments, evaluator and date of a draft."""
    with store.write() as session:
        appraisal = _appraisal(session, appraisal_id)
        if appraisal.state == "final":
            raise LiangxinError("这份考核已定稿，不能修改。确需修改，请先“重新打开”并写明理由。")
        template = template_of(session.get(AppraisalTemplate, appraisal.template_id))  # type: ignore[arg-type]
        merged = json.loads(appraisal.scores or "{}")
        if scores is not None:
            merged.update(parse_scores(template, scores))
        if isinstance(evaluated_on, str):
            try:
                evaluated_on = date.fromisoformat(evaluated_on) if evaluated_on.strip() else None
            except ValueError:
                raise FieldError("evaluated_on", f"评议日期“{evaluated_on}”应写成 2026-12-20。") from None
        appraisal.scores = json.dumps(merged, ensure_ascii=False, sort_keys=True)
        appraisal.total, appraisal.grade = score_summary(template, merged)
        if comments is not None:
            appraisal.comments = comments.strip() or None
        if evaluator is not None:
            appraisal.evaluator = evaluator.strip() or None
        if evaluated_on is not None:
            appraisal.evaluated_on = evaluated_on
        session.flush()
        return {
            "id": appraisal.id,
            "total": appraisal.total,
            "grade": appraisal.grade,
            "state": appraisal.state,
        }


def finalize_appraisal(store: Store, appraisal_id: str) -> dict[str, Any]:
    """The user action 定稿: only a complete form (every score, evaluator, date) is frozen."""
    with store.write() as session:
        appraisal = _appraisal(session, appraisal_id)
        template = template_of(session.get(AppraisalTemplate, appraisal.template_id))  # type: ignore[arg-type]
        scores = json.loads(appraisal.scores or "{}")
        missing = [c for c in template.criteria if scores.get(c.code, {}).get("score") is None]
        if missing:
            raise FieldError(
                missing[0].code,
                f"还有 {len(missing)} 项未评分（如“{missing[0].code} {missing[0].title}”），不能定稿。",
            )
        if not appraisal.evaluator or not appraisal.evaluated_on:
            raise FieldError("evaluator", "定稿前请填写评议人和评议日期。")
        appraisal.state = "final"
        session.flush()
        return {"id": appraisal.id, "state": "final", "grade": appraisal.grade}


def reopen_appraisal(store: Store, appraisal_id: str, reason: str) -> dict[str, Any]:
    """The user action 重新打开: a final appraisal back to draft, with the reason recorded."""
    reason = (reason or "").strip()
    if not reason:
        raise FieldError("reason", "重新打开已定稿的考核，请写明理由（将记入变更日志）。")
    with store.write() as session:
        appraisal = _appraisal(session, appraisal_id)
        if appraisal.state != "final":
            raise LiangxinError("这份考核还是草稿，可以直接修改，无需重新打开。")
        appraisal.state = "draft"
        appraisal.reopen_reason = reason
        session.flush()
        return {"id": appraisal.id, "state": "draft"}


# -- what a printed form carries --------------------------------------------------------------


@dataclass(frozen=True)
class FormLine:
    section: str
    code: str
    title: str
    guidance: str
    max: float
    score: float | None
    note: str | None


@dataclass(frozen=True)
class Form:
    id: str
    template: str
    kind: str
    year: int
    subject: list[tuple[str, str]]  # label, value: the subject as the register has it
    subject_name: str
    lines: list[FormLine]
    max_total: float
    total: float | None
    grade: str | None
    grades: str
    comments: str | None
    evaluator: str | None
    evaluated_on: date | None
    state: str
    digest: str = field(default="")  # a short hash of the content, printed on the paper


def _party_lines(session: Session, ids: list[str]) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """The register lines of many Party organizations, in four queries."""
    if not ids:
        return {}
    parties = list(session.scalars(select(PartyOrg).where(PartyOrg.id.in_(ids))))
    communities = dict(session.execute(select(Community.id, Community.name)).all())
    covered: dict[str, list[str]] = {}
    for party_id, name in session.execute(
        select(Organization.party_org_id, Organization.name)
        .where(Organization.party_org_id.in_(ids), Organization.deleted.is_(False))
        .order_by(Organization.name)
    ):
        covered.setdefault(party_id, []).append(name)
    counts = dict(
        session.execute(
            select(Member.party_org_id, func.count())
            .where(Member.party_org_id.in_(ids), Member.deleted.is_(False), Member.exit_kind.is_(None))
            .group_by(Member.party_org_id)
        ).all()
    )
    return {
        p.id: (
            p.name,
            [
                ("党组织名称", p.name),
                ("组织层级", PARTY_LEVEL.label(p.level)),
                ("书记", p.secretary or "—"),
                ("党员人数", f"{counts.get(p.id, 0)} 名"),
                ("所在社区", communities.get(p.community_id, "—") if p.community_id else "—"),
                ("覆盖单位", "、".join(covered.get(p.id, [])) or "—"),
            ],
        )
        for p in parties
    }


def _subject_lines(session: Session, kind: str, subject_id: str) -> tuple[str, list[tuple[str, str]]]:
    if kind == "party_org":
        party = session.get(PartyOrg, subject_id)
        if party is None:
            return "（已删除）", []
        community = session.get(Community, party.community_id) if party.community_id else None
        covered = list(
            session.scalars(
                select(Organization.name)
                .where(Organization.party_org_id == party.id, Organization.deleted.is_(False))
                .order_by(Organization.name)
            )
        )
        return party.name, [
            ("党组织名称", party.name),
            ("组织层级", PARTY_LEVEL.label(party.level)),
            ("书记", party.secretary or "—"),
            ("党员人数", f"{session.scalar(select(member_count_of(party.id))) or 0} 名"),
            ("所在社区", community.name if community else "—"),
            ("覆盖单位", "、".join(covered) if covered else "—"),
        ]
    org = session.get(Organization, subject_id)
    if org is None:
        return "（已删除）", []
    party = session.get(PartyOrg, org.party_org_id) if org.party_org_id else None
    return org.name, [
        ("组织名称", org.name),
        ("类型", ORG_KIND.label(org.kind)),
        ("统一社会信用代码", org.uscc or "—"),
        ("职工人数", f"{org.employees} 人" if org.employees is not None else "—"),
        ("党组织", party.name if party else "未建立"),
    ]


def appraisal_forms(store: Store, appraisal_ids: list[str]) -> list[Form]:
    """Everything the printed forms show, in the order asked."""
    forms: list[Form] = []
    with store.read() as session:
        templates: dict[str, Template] = {}
        # One query for all the appraisals and one per kind of register detail, not five a form.
        found = {a.id: a for a in session.scalars(select(Appraisal).where(Appraisal.id.in_(appraisal_ids)))}
        details = _party_lines(
            session, [a.subject_id for a in found.values() if a.subject_kind == "party_org"]
        )
        for appraisal_id in appraisal_ids:
            a = found.get(appraisal_id) or _appraisal(session, appraisal_id)
            if a.template_id not in templates:
                templates[a.template_id] = template_of(session.get(AppraisalTemplate, a.template_id))  # type: ignore[arg-type]
            template = templates[a.template_id]
            scores = json.loads(a.scores or "{}")
            if a.subject_id in details:
                name, subject = details[a.subject_id]
            else:
                name, subject = _subject_lines(session, a.subject_kind, a.subject_id)
            lines = [
                FormLine(
                    c.section,
                    c.code,
                    c.title,
                    c.guidance,
                    c.max,
                    scores.get(c.code, {}).get("score"),
                    scores.get(c.code, {}).get("note"),
                )
                for c in template.criteria
            ]
            content = json.dumps(
                [
                    a.id,
                    a.year,
                    a.subject_id,
                    scores,
                    a.total,
                    a.grade,
                    a.comments,
                    a.evaluator,
                    str(a.evaluated_on),
                    a.state,
                ],
                ensure_ascii=False,
                sort_keys=True,
            )
            forms.append(
                Form(
                    a.id,
                    template.name,
                    template.kind,
                    a.year,
                    subject,
                    name,
                    lines,
                    template.max_total,
                    a.total,
                    a.grade,
                    "；".join(f"{g}（得分率 {m:g}% 以上）" if m else f"{g}" for g, m in template.grades),
                    a.comments,
                    a.evaluator,
                    a.evaluated_on,
                    a.state,
                    hashlib.sha256(content.encode()).hexdigest()[:12],
                )
            )
    return forms


def appraisal_record(store: Store, appraisal_id: str) -> dict[str, Any]:
    """One appraisal for the score grid: the template's criteria with the scores so far."""
    with store.read() as session:
        a = _appraisal(session, appraisal_id)
        template = template_of(session.get(AppraisalTemplate, a.template_id))  # type: ignore[arg-type]
        name, subject = _subject_lines(session, a.subject_kind, a.subject_id)
        return {
            "id": a.id,
            "subject": name,
            "subject_lines": subject,
            "year": a.year,
            "kind": template.kind,
            "criteria": template.criteria,
            "scores": json.loads(a.scores or "{}"),
            "total": a.total,
            "grade": a.grade,
            "max_total": template.max_total,
            "comments": a.comments,
            "evaluator": a.evaluator,
            "evaluated_on": a.evaluated_on,
            "state": a.state,
            "reopen_reason": a.reopen_reason,
            "template": template,
        }
