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

from app.changes import APPRAISAL, Changes
from app.domain.bounds import parse_day, parse_year
from app.domain.codes import ORG_KIND, PARTY_LEVEL
from app.domain.text import clean_text
from app.errors import FieldError, LiangxinError, NotFoundError
from app.services.appraisal_templates import available_templates, ensure_templates, template_of
from app.services.party_orgs import member_count_of
from app.services.template_model import Tally, Template
from app.store import Store
from db.models import Appraisal, AppraisalTemplate, Community, Member, Organization, PartyOrg

# "blank": a form printed for a subject that has no appraisal yet (nothing is stored).
STATE = {"draft": "草稿", "final": "已定稿", "blank": "未评议"}
# What every write here changes: start_appraisals, save, finalize and reopen (the
# first may also store the shipped templates, which no page shows apart from these).
APPRAISALS_CHANGED = Changes.of(APPRAISAL)


@dataclass(frozen=True)
class AppraisalState:
    """An appraisal after a save, a finalize or a reopen."""

    id: str
    state: str  # draft | final
    total: float | None
    grade: str | None

    @property
    def changes(self) -> Changes:
        return APPRAISALS_CHANGED


@dataclass(frozen=True)
class AppraisalRow:
    id: str
    subject_id: str
    subject: str
    total: float | None
    grade: str | None
    state: str
    evaluator: str | None
    # What the score is out of: the applicable maximum of a checklist (不适用 left out),
    # shown as 9/12 beside it; None for a score template (its total speaks for itself).
    out_of: float | None = None


def _unknown_template(code: str, known: Any) -> FieldError:
    return FieldError("template", f"没有考核模板“{code}”。可用模板：{'、'.join(known)}。")


def _template(session: Session, code: str) -> tuple[AppraisalTemplate, Template]:
    """A template to write with: stored first if it is a shipped one not stored yet."""
    rows = ensure_templates(session)
    row = rows.get(code)
    if row is None:
        raise _unknown_template(code, rows)
    return row, template_of(row)


def _readable_template(session: Session, code: str) -> tuple[AppraisalTemplate | None, Template]:
    """A template to read with, never writing (row ``None``: shipped, not stored yet)."""
    found = available_templates(session)
    if code not in found:
        raise _unknown_template(code, found)
    return found[code]


def _subject_model(template: Template) -> Any:
    return PartyOrg if template.subject == "party_org" else Organization


def subject_choices(store: Store, template_code: str) -> list[tuple[str, str]]:
    """(id, name) of everything a template can appraise, by name."""
    with store.read() as session:
        _, template = _readable_template(session, template_code)
        model = _subject_model(template)
        return [
            (i, n)
            for i, n in session.execute(
                select(model.id, model.name).where(model.deleted.is_(False)).order_by(model.name)
            )
        ]


def _subjects(session: Session, template: Template, subject_ids: list[str] | None) -> list[tuple[str, str]]:
    """(id, name) of the live subjects asked for (all, when none are named), by name."""
    model = _subject_model(template)
    stmt = select(model.id, model.name).where(model.deleted.is_(False)).order_by(model.name)
    if subject_ids:
        stmt = stmt.where(model.id.in_(subject_ids))
    subjects = [(i, n) for i, n in session.execute(stmt)]
    if subject_ids and len(subjects) < len(set(subject_ids)):
        missing = sorted(set(subject_ids) - {s for s, _ in subjects})[0]
        raise NotFoundError(
            f"没有找到评议对象“{missing}”（{'党组织' if template.subject == 'party_org' else '两新组织'}）。",
            "subject",
        )
    return subjects


def _of_template(row: AppraisalTemplate) -> Any:
    """Appraisals with any version of a template: each keeps the version it was scored
    with, and a new version must neither hide them nor start a second one."""
    return Appraisal.template_id.in_(select(AppraisalTemplate.id).where(AppraisalTemplate.code == row.code))


def _existing(session: Session, row: AppraisalTemplate | None, year: int) -> dict[str, str]:
    """The year's appraisals with a template, by subject id."""
    if row is None:
        return {}
    return {
        subject_id: appraisal_id
        for appraisal_id, subject_id in session.execute(
            select(Appraisal.id, Appraisal.subject_id).where(
                _of_template(row), Appraisal.year == year, Appraisal.deleted.is_(False)
            )
        )
    }


def start_appraisals(
    store: Store, template_code: str, year: int, subject_ids: list[str] | None = None
) -> list[str]:
    """The user action 开始评议: a draft per subject (all, when none are named) that has
    none yet for this template and year. Returns the ids of all the year's appraisals
    of those subjects, in name order."""
    year = parse_year(year)
    with store.write() as session:
        row, template = _template(session, template_code)
        subjects = _subjects(session, template, subject_ids)
        existing = _existing(session, row, year)
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
    with store.read() as session:
        row, template = _readable_template(session, template_code)
        if row is None:
            return []
        model = _subject_model(template)
        found = session.execute(
            select(Appraisal, model.name)
            .join(model, model.id == Appraisal.subject_id)
            .where(_of_template(row), Appraisal.year == year, Appraisal.deleted.is_(False))
            .order_by(model.name)
        ).all()
        templates: dict[str, Template] = {}
        rows = []
        for a, name in found:
            if a.template_id not in templates:
                templates[a.template_id] = _stored_template_of(session, a)
            used = templates[a.template_id]
            out_of = used.tally(json.loads(a.scores or "{}")).maximum if used.allows_not_applicable else None
            rows.append(
                AppraisalRow(a.id, a.subject_id, name, a.total, a.grade, a.state, a.evaluator, out_of)
            )
        return rows


def _appraisal(session: Session, appraisal_id: str) -> Appraisal:
    found = session.get(Appraisal, appraisal_id)
    if found is None or found.deleted:
        raise NotFoundError(f"没有找到考核记录“{appraisal_id}”。", "appraisal")
    return found


NOT_APPLICABLE = ("不适用", "na")  # what a score may say for 不适用, besides {"na": true}


def parse_scores(template: Template, scores: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Scores by criterion code; each within 0..maximum, or 不适用 where the template
    allows it (a checklist), or refused naming the criterion."""
    by_code = {c.code: c for c in template.criteria}
    parsed: dict[str, dict[str, Any]] = {}
    for code, entry in scores.items():
        criterion = by_code.get(code)
        if criterion is None:
            raise FieldError(code, f"模板“{template.name}”没有考核内容“{code}”。")
        entry = entry if isinstance(entry, dict) else {"score": entry}
        raw = entry.get("score")
        note = clean_text(entry.get("note") or "", "评分说明", "note", max_length=500, multiline=True) or None
        if entry.get("na") or (isinstance(raw, str) and raw.strip().lower() in NOT_APPLICABLE):
            if not template.allows_not_applicable:
                raise FieldError(
                    code,
                    f"“{criterion.code} {criterion.title}”是评分项，不能选“不适用”；请打分，不得分的填 0。",
                )
            parsed[code] = {"score": None, "na": True, "note": note}
            continue
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
    """The total and grade, once every criterion has a score (or is 不适用); (partial
    total, None) before. A star rating's grade is its stars, one per area that reaches
    its own line, not a share of the total."""
    tally = template.tally(scores)
    return tally.total, tally.grade


def _evaluated_on(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return parse_day(value, "评议日期", "evaluated_on") if value.strip() else None


def _stored_template_of(session: Session, appraisal: Appraisal) -> Template:
    return template_of(session.get(AppraisalTemplate, appraisal.template_id))  # type: ignore[arg-type]


def _apply(
    session: Session,
    appraisal: Appraisal,
    scores: dict[str, Any] | None,
    comments: str | None,
    evaluator: str | None,
    evaluated_on: date | str | None,
) -> None:
    """Put the edits on a draft; refused (nothing kept) when a value is wrong."""
    if appraisal.state == "final":
        raise LiangxinError("这份考核已定稿，不能修改。确需修改，请先“重新打开”并写明理由。")
    template = _stored_template_of(session, appraisal)
    merged = json.loads(appraisal.scores or "{}")
    if scores is not None:
        merged.update(parse_scores(template, scores))
    day = _evaluated_on(evaluated_on)
    appraisal.scores = json.dumps(merged, ensure_ascii=False, sort_keys=True)
    appraisal.total, appraisal.grade = score_summary(template, merged)
    if comments is not None:
        # Long on purpose: a 述职评议 opinion runs to pages, and printing flows it on.
        appraisal.comments = (
            clean_text(comments, "评议意见", "comments", max_length=20_000, multiline=True) or None
        )
    if evaluator is not None:
        appraisal.evaluator = clean_text(evaluator, "评议人", "evaluator", max_length=50) or None
    if day is not None:
        appraisal.evaluated_on = day


def _state(appraisal: Appraisal) -> AppraisalState:
    return AppraisalState(appraisal.id, appraisal.state, appraisal.total, appraisal.grade)


def save_appraisal(
    store: Store,
    appraisal_id: str,
    *,
    scores: dict[str, Any] | None = None,
    comments: str | None = None,
    evaluator: str | None = None,
    evaluated_on: date | str | None = None,
) -> AppraisalState:
    """The user action 保存: scores, comments, evaluator and date of a draft."""
    with store.write() as session:
        appraisal = _appraisal(session, appraisal_id)
        _apply(session, appraisal, scores, comments, evaluator, evaluated_on)
        session.flush()
        return _state(appraisal)


def finalize_appraisal(
    store: Store,
    appraisal_id: str,
    *,
    scores: dict[str, Any] | None = None,
    comments: str | None = None,
    evaluator: str | None = None,
    evaluated_on: date | str | None = None,
) -> AppraisalState:
    """The user action 定稿: the edits on screen saved and the form frozen in one
    transaction — only a complete form (every score, evaluator, date) is frozen, and a
    refusal keeps neither the edits nor the freeze."""
    with store.write() as session:
        appraisal = _appraisal(session, appraisal_id)
        _apply(session, appraisal, scores, comments, evaluator, evaluated_on)
        template = _stored_template_of(session, appraisal)
        stored = json.loads(appraisal.scores or "{}")
        missing = [
            c
            for c in template.criteria
            if stored.get(c.code, {}).get("score") is None and not stored.get(c.code, {}).get("na")
        ]
        if missing:
            raise FieldError(
                missing[0].code,
                f"还有 {len(missing)} 项未评分（如“{missing[0].code} {missing[0].title}”），不能定稿。",
            )
        if not template.tally(stored).maximum:
            raise FieldError(
                template.criteria[0].code, "全部项目都选了“不适用”，没有可检查的内容，不能定稿。"
            )
        if not appraisal.evaluator or not appraisal.evaluated_on:
            raise FieldError("evaluator", "定稿前请填写评议人和评议日期。")
        appraisal.state = "final"
        session.flush()
        return _state(appraisal)


def reopen_appraisal(store: Store, appraisal_id: str, reason: str) -> AppraisalState:
    """The user action 重新打开: a final appraisal back to draft, with the reason recorded."""
    reason = clean_text(reason or "", "重新打开的理由", "reason", max_length=1000, multiline=True)
    if not reason:
        raise FieldError("reason", "重新打开已定稿的考核，请写明理由（将记入变更日志）。")
    with store.write() as session:
        appraisal = _appraisal(session, appraisal_id)
        if appraisal.state != "final":
            raise LiangxinError("这份考核还是草稿，可以直接修改，无需重新打开。")
        appraisal.state = "draft"
        appraisal.reopen_reason = reason
        session.flush()
        return _state(appraisal)


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
    na: bool = False  # answered 不适用


@dataclass(frozen=True)
class Form:
    id: str  # the appraisal's id; for a blank form (state "blank") the subject's
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
    note: str = ""  # the template's word to the person filling it in
    source: str = ""  # the sentence the template comes from
    tally: Tally | None = None  # stars, the applicable maximum, 不适用 counted


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


def _grades_text(template: Template) -> str:
    return template.grades_text()


def _digest(content: list[Any]) -> str:
    text = json.dumps(content, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _forms(session: Session, appraisal_ids: list[str]) -> list[Form]:
    templates: dict[str, Template] = {}
    # One query for all the appraisals and one per kind of register detail, not five a form.
    found = {a.id: a for a in session.scalars(select(Appraisal).where(Appraisal.id.in_(appraisal_ids)))}
    details = _party_lines(session, [a.subject_id for a in found.values() if a.subject_kind == "party_org"])
    forms: list[Form] = []
    for appraisal_id in appraisal_ids:
        a = found.get(appraisal_id) or _appraisal(session, appraisal_id)
        if a.template_id not in templates:
            templates[a.template_id] = _stored_template_of(session, a)
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
                bool(scores.get(c.code, {}).get("na")),
            )
            for c in template.criteria
        ]
        content = [
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
        ]
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
                _grades_text(template),
                a.comments,
                a.evaluator,
                a.evaluated_on,
                a.state,
                _digest(content),
                template.note,
                template.source,
                template.tally(scores),
            )
        )
    return forms


def appraisal_forms(store: Store, appraisal_ids: list[str]) -> list[Form]:
    """Everything the printed forms show, in the order asked."""
    with store.read() as session:
        return _forms(session, appraisal_ids)


def _blank_form(
    template: Template, year: int, subject_id: str, name: str, subject: list[tuple[str, str]]
) -> Form:
    lines = [FormLine(c.section, c.code, c.title, c.guidance, c.max, None, None) for c in template.criteria]
    return Form(
        subject_id,
        template.name,
        template.kind,
        year,
        subject,
        name,
        lines,
        template.max_total,
        None,
        None,
        _grades_text(template),
        None,
        None,
        None,
        "blank",
        _digest([template.code, year, subject_id, "blank"]),
        template.note,
        template.source,
        template.tally({}),
    )


def forms_for(
    store: Store, template_code: str, year: int, subject_ids: list[str] | None = None
) -> list[Form]:
    """The forms of a template and year for the subjects asked (all, when none are
    named), by name: each subject's appraisal as it stands, or a blank form (nothing
    scored, state "blank") for a subject that has none. A read: printing the forms to
    fill in by hand creates no records."""
    year = parse_year(year)
    with store.read() as session:
        row, template = _readable_template(session, template_code)
        subjects = _subjects(session, template, subject_ids)
        existing = _existing(session, row, year)
        stored = {f.id: f for f in _forms(session, [existing[s] for s, _ in subjects if s in existing])}
        blank = [s for s, _ in subjects if s not in existing]
        details = _party_lines(session, blank) if template.subject == "party_org" else {}
        forms: list[Form] = []
        for subject_id, name in subjects:
            if subject_id in existing:
                forms.append(stored[existing[subject_id]])
                continue
            name, lines = details.get(subject_id) or _subject_lines(session, template.subject, subject_id)
            forms.append(_blank_form(template, year, subject_id, name, lines))
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
