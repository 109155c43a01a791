"""党建体检 drawn from the records (苏组通〔2018〕57号: "对…开展组织生活情况进行实时采集、
自动分析…定期‘党建体检’"): for a Party organization and a year, which items of the
checklist its recorded organizational life proves met, which it shows not met, which
do not apply to it, and which the records cannot decide — each with the records named.

The 主题党日, 支委会 and 党课 items are judged by the compliance grid, i.e. by the rules'
own conditions (app.services.life_compliance); the others read the activity table.
Nothing here writes: the appraisal page pre-fills its answers from this, a person
confirms them (see ``TEMPLATE_CODES`` for the checklist items each key answers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select

from app.domain.codes import ACTIVITY_KIND
from app.domain.station_time import station_today
from app.rules.catalog import BRANCH_LEVELS
from app.rules.engine import run_checks
from app.services import life_compliance
from app.services.common import resolve
from app.services.life_compliance import HELD, MISSED, NA
from app.settings import load_settings
from app.store import Store
from db.models import Activity, Member, PartyOrg

MET, NOT_MET, NOT_APPLICABLE = "met", "not_met", "na"  # None: the records cannot tell
RECORDS_NAMED = 12

# The items of resources/templates/health_check.json (version 2) each key answers.
TEMPLATE_CODES = {
    "general_meeting": "H1",
    "committee_meeting": "H2",
    "group_meeting": "H3",
    "lecture": "H4",
    "theme_day": "H5",
    "life_meeting": "H6",
    "member_review": "H7",
    "heart_talk": "H8",
    "mobile_members": "H10",
    "term": "H12",
}


@dataclass(frozen=True)
class HealthItem:
    key: str
    code: str  # the checklist item (TEMPLATE_CODES)
    title: str
    state: str | None  # met | not_met | na | None (a person decides)
    note: str
    records: list[str] = field(default_factory=list)  # the events that prove it, named


def _named(rows: list[tuple[date, str, str | None]]) -> list[str]:
    named = [f"{held:%Y-%m-%d} {ACTIVITY_KIND.label(kind)}“{topic or ''}”" for held, kind, topic in rows]
    if len(named) > RECORDS_NAMED:
        return [*named[:RECORDS_NAMED], f"……共 {len(named)} 次"]
    return named


def health_evidence(store: Store, party_org: str, year: int, today: date | None = None) -> list[HealthItem]:
    """What the records prove for ``party_org`` in ``year`` (see the module's note)."""
    today = today or station_today()
    with store.read() as session:
        party = resolve(session, PartyOrg, party_org, "党组织", "party_org")
        party_id, level = party.id, party.level
        events = session.execute(
            select(Activity.held_on, Activity.kind, Activity.topic)
            .where(
                Activity.party_org_id == party_id,
                Activity.deleted.is_(False),
                Activity.held_on.between(date(year, 1, 1), date(year, 12, 31)),
            )
            .order_by(Activity.held_on)
        ).all()
        mobile = session.scalar(
            select(func.count()).where(
                Member.party_org_id == party_id,
                Member.deleted.is_(False),
                Member.exit_kind.is_(None),
                Member.relation.in_(("mobile_out", "mobile_in")),
            )
        )
        expired = run_checks(
            session, load_settings(session), today, ["term_expired"], record=("party_org", party_id)
        )
        term_known = party.term_start is not None or party.term_end is not None
    by_kind: dict[str, list[tuple[date, str, str | None]]] = {}
    for held, kind, topic in events:
        by_kind.setdefault(kind, []).append((held, kind, topic))
    grid = life_compliance.compliance_grid(store, year, today, party_org_ids=[party_id]).rows[0]
    branch = level in BRANCH_LEVELS
    year_over = date(year, 12, 31) < today
    items: list[HealthItem] = []

    def add(key: str, title: str, state: str | None, note: str, kind: str | None = None) -> None:
        records = _named(by_kind.get(kind or key, [])) if state in (MET, NOT_MET, None) else []
        items.append(HealthItem(key, TEMPLATE_CODES[key], title, state, note, records))

    def by_rule(key: str, rule_id: str, title: str, every: str) -> None:
        months = sorted(m for m, cells in grid.cells.items() if rule_id in cells)
        states = {m: grid.cells[m][rule_id] for m in months}
        missed = [m for m, s in states.items() if s == MISSED]
        if missed:
            what = "、".join(f"{m}月" if every == "月" else f"第{m // 3}季度" for m in missed)
            add(key, title, NOT_MET, f"按规则核对，{what}没有记录。")
        elif any(s == HELD for s in states.values()):
            add(key, title, MET, f"已到期的各{every}均有记录。")
        elif states and all(s == NA for s in states.values()):
            add(key, title, NOT_APPLICABLE, "按规则不适用于本党组织（见“开展情况”）。")
        else:
            add(key, title, None, "本年度尚无到期可核对的记录。")

    if branch:
        quarters = [q for q in range(1, 5) if _quarter_end(year, q) < today]
        held_q = {(d.month - 1) // 3 + 1 for d, _, _ in by_kind.get("general_meeting", [])}
        lacking = [q for q in quarters if q not in held_q]
        if lacking:
            add(
                "general_meeting",
                "支部党员大会每季度至少召开一次",
                NOT_MET,
                "、".join(f"第{q}季度" for q in lacking) + "没有记录。",
            )
        elif quarters:
            add("general_meeting", "支部党员大会每季度至少召开一次", MET, "已结束的各季度均有记录。")
        else:
            add("general_meeting", "支部党员大会每季度至少召开一次", None, "本年度尚无结束的季度。")
    else:
        add(
            "general_meeting",
            "支部党员大会每季度至少召开一次",
            NOT_APPLICABLE,
            "党委、党总支本级看所属支部。",
        )
    by_rule("committee_meeting", "committee_meeting_monthly", "支委会每月召开", "月")
    if by_kind.get("group_meeting"):
        add("group_meeting", "党小组会每月召开", MET, "有党小组会记录；是否每月召开请核对。")
    else:
        add("group_meeting", "党小组会每月召开", None, "没有党小组会记录：未划分党小组的选“不适用”。")
    by_rule("lecture", "lecture_quarterly", "党课每季度至少一次", "季度")
    by_rule("theme_day", "theme_day_monthly", "每月开展主题党日", "月")
    for key, title in (
        ("life_meeting", "每年召开组织生活会"),
        ("member_review", "开展民主评议党员"),
        ("heart_talk", "开展谈心谈话"),
    ):
        if by_kind.get(key):
            add(key, title, MET, f"本年度有 {len(by_kind[key])} 次记录。")
        elif year_over:
            add(key, title, NOT_MET, "本年度没有记录。")
        else:
            add(key, title, None, "本年度尚未登记。")
    if not mobile:
        add("mobile_members", "流动党员“双向共管”", NOT_APPLICABLE, "没有登记流动党员。")
    else:
        add("mobile_members", "流动党员“双向共管”", None, f"登记有流动党员 {mobile} 名，请查流动党员台账。")
    if expired:
        add("term", "按期换届", NOT_MET, expired[0].message)
    elif term_known:
        add("term", "按期换届", MET, "登记的任期未届满。")
    else:
        add("term", "按期换届", None, "没有登记任期。")
    return items


def _quarter_end(year: int, quarter: int) -> date:
    return date(year + (quarter == 4), quarter * 3 % 12 + 1, 1) - timedelta(days=1)
