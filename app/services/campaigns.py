"""专项行动: campaigns with their phases and responsible units, created from scratch or
from the built-in template of the Longgang "大组建" campaign (seed 001)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.changes import CAMPAIGN, Changes
from app.domain.bounds import YEAR_MAX, YEAR_MIN, parse_year
from app.domain.codes import Codes
from app.domain.fields import Field, parse_fields
from app.domain.station_time import station_today
from app.domain.text import clean_text, normalise_search, shown
from app.errors import FieldError, NotFoundError
from app.services.common import id_prefix
from app.store import Store
from db.models import Campaign, Phase

ASSIGNEE_KIND = Codes(
    "责任单位类型",
    {
        "leader": "挂点领导",  # 挂点促建: by 区领导 (seed 001)
        "department": "驻街部门",
        "supervisor": "主管单位",
        "mass_org": "群团组织",
        "instructor": "党建指导员",
        "community": "社区",
        "unit": "其他单位",
    },
)

# What create_campaign changes (it returns the campaign's record, not a change record).
CAMPAIGNS_CHANGED = Changes.of(CAMPAIGN)

CAMPAIGN_FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("name", "行动名称", required=True, max_length=200),
        Field("goal", "工作目标", max_length=4000),
        Field("starts_on", "开始日期", kind="date"),
        Field("ends_on", "结束日期", kind="date"),
    )
}


@dataclass(frozen=True)
class PhasePlan:
    name: str
    starts_on: date | None
    ends_on: date | None


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    goal: str
    # name, and the first and last day as days after the start the campaign is given
    phases: tuple[tuple[str, int, int], ...]
    units: tuple[tuple[str, str], ...]  # (kind, name)
    source: str
    # The calendar the plan itself gives, for a campaign created by year: (month, day).
    usual_start: tuple[int, int] = (4, 1)

    def phase_plans(self, start: int | date) -> list[PhasePlan]:
        """The phases from a chosen first day (or, given a year, the plan's own calendar)."""
        first = date(start, *self.usual_start) if isinstance(start, int) else start
        return [
            PhasePlan(name, first + timedelta(days=a), first + timedelta(days=b))
            for name, a, b in self.phases
        ]


# Seed 001 (深龙组通〔2019〕27号): "4月中旬前为准备阶段…6月20日前为攻坚阶段…6月30日前为总结
# 阶段" — from a start on 1 April: 15 days to prepare, until day 80 (20 June) the push, until
# day 90 (30 June) the wrap-up. The start is a choice; the lengths keep the plan's proportions.
# Its units (三、分工安排) and its four action lines (二、工作措施), each with the unit that
# carries it: "区领导“挂点促建”", "区直机关“驻街保建”", "社会组织“主管包建”", "群团组织“党群共建”";
# "区委两新组织工委…做好行动期间各单位工作情况统计、汇总及通报".
TEMPLATES = {
    "da_zujian": Template(
        "da_zujian",
        "两新组织党组织“大组建”专项攻坚行动",
        "两新组织党组织单独组建率和覆盖率明显提升：严格落实应建尽建要求，以单独组建为原则；"
        "实现50人以上非公企业有党员，100人以上非公企业、规模以上非公企业及30人以上实体性社会组织有党组织；"
        "成立党组织的两新组织同步成立群团组织，暂不具备条件的先行成立群团组织。",
        (
            ("准备阶段", 0, 14),
            ("攻坚阶段", 15, 80),
            ("总结阶段", 81, 90),
        ),
        (
            ("unit", "区委两新组织工委（统筹协调、统计汇总、定期通报）"),
            ("leader", "区领导（挂点促建）"),
            ("department", "区直机关驻街工作组（驻街保建）"),
            ("supervisor", "社会组织业务主管单位（主管包建）"),
            ("mass_org", "区总工会、团区委、区妇联（党群共建）"),
            ("unit", "区非公党委（组织安排挂点促建、固化成果）"),
            ("unit", "区社会组织党委（统筹指导主管包建）"),
        ),
        "深龙组通〔2019〕27号（两新组织党组织“大组建”专项攻坚行动实施方案）",
    )
}


MAX_UNITS = 200
MAX_PHASES = 20


def parse_units(lines: list[str] | str | None) -> list[tuple[str, str]]:
    """Responsible units as ``kind:name`` (kind as code or 中文 label) or just a name."""
    if lines is None:
        return []
    if isinstance(lines, str):
        lines = lines.splitlines()
    units: list[tuple[str, str]] = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        kind, sep, name = line.partition(":") if ":" in line else line.partition("：")
        code = ASSIGNEE_KIND.parse(kind) if sep else None
        if sep and code is None:
            raise FieldError(
                "units", f"责任单位类型“{shown(kind)}”不认识，可用：{ASSIGNEE_KIND.choices_text()}。"
            )
        # The same bounds as a task's responsible unit: these names become its assignees.
        unit = clean_text(name if sep else line, "责任单位", "units", max_length=100)
        if not unit:
            raise FieldError("units", f"“{shown(line)}”没有写责任单位的名称，请写成 类型:名称。")
        units.append((code or "unit", unit))
    if len(units) > MAX_UNITS:
        raise FieldError("units", f"责任单位最多 {MAX_UNITS} 个，现为 {len(units)} 个。")
    return units


def _units_text(units: list[tuple[str, str]]) -> str:
    return "\n".join(f"{kind}:{name}" for kind, name in units)


def resolve_campaign(session: Session, key: str) -> Campaign:
    """A live campaign by id, exact name or id prefix (≥ 6 characters, either case)."""
    key = normalise_search(key)
    campaign = session.get(Campaign, key)
    if campaign is None or campaign.deleted:
        found = list(
            session.scalars(
                select(Campaign).where(Campaign.deleted.is_(False), Campaign.name == key).limit(2)
            )
        )
        if len(found) != 1:
            found = (
                list(
                    session.scalars(
                        select(Campaign)
                        .where(Campaign.deleted.is_(False), id_prefix(Campaign.id, key))
                        .limit(2)
                    )
                )
                if len(key) >= 6
                else []
            )
        if len(found) != 1:
            raise NotFoundError(f"没有找到专项行动“{key}”。可用 liangxin campaign list 查看。", "campaign")
        campaign = found[0]
    return campaign


def phases_of(session: Session, campaign_id: str) -> list[Phase]:
    return list(
        session.scalars(
            select(Phase)
            .where(Phase.campaign_id == campaign_id, Phase.deleted.is_(False))
            .order_by(Phase.ordinal)
        )
    )


def campaign_record(session: Session, campaign: Campaign) -> dict[str, Any]:
    return {
        "id": campaign.id,
        "name": campaign.name,
        "goal": campaign.goal,
        "starts_on": campaign.starts_on,
        "ends_on": campaign.ends_on,
        "template": campaign.template,
        "units": [
            {"kind": kind, "kind_label": ASSIGNEE_KIND.label(kind), "name": name}
            for kind, name in parse_units(campaign.units)
        ],
        "phases": [
            {"id": p.id, "name": p.name, "starts_on": p.starts_on, "ends_on": p.ends_on}
            for p in phases_of(session, campaign.id)
        ],
    }


def create_campaign(
    store: Store,
    values: dict[str, Any],
    *,
    template: str | None = None,
    phases: list[PhasePlan] | None = None,
    units: list[str] | str | None = None,
    year: int | None = None,
) -> dict[str, Any]:
    """The user action 新建专项行动: from scratch, or from a template — its phases from
    the chosen start (``values["starts_on"]``; else, given ``year``, the plan's own
    calendar that year; else from today) and its units, which ``values``, ``phases``
    and ``units`` may override."""
    plan = TEMPLATES.get(template) if template else None
    if template and plan is None:
        raise FieldError("template", f"没有模板“{template}”。可用模板：{'、'.join(TEMPLATES)}。")
    if year is not None:
        year = parse_year(year, "模板年份")
    if plan is not None:
        values = {
            "name": plan.name,
            "goal": plan.goal,
            **{k: v for k, v in values.items() if v not in (None, "")},
        }
        if phases is None:
            chosen = parse_fields(CAMPAIGN_FIELDS, {"starts_on": values.get("starts_on")}, partial=True)
            start = chosen.get("starts_on") or (year if year is not None else station_today())
            phases = plan.phase_plans(start)
        values.setdefault("starts_on", phases[0].starts_on if phases else None)
        values.setdefault("ends_on", phases[-1].ends_on if phases else None)
    parsed = parse_fields(CAMPAIGN_FIELDS, values, partial=False)
    unit_list = parse_units(units) if units is not None else list(plan.units) if plan else []
    if parsed.get("starts_on") and parsed.get("ends_on") and parsed["ends_on"] < parsed["starts_on"]:
        raise FieldError("ends_on", "结束日期不能早于开始日期。")
    phases = [
        PhasePlan(clean_text(p.name, "阶段名称", "phases", max_length=50), p.starts_on, p.ends_on)
        for p in phases or []
    ]
    if len(phases) > MAX_PHASES:
        raise FieldError("phases", f"阶段最多 {MAX_PHASES} 个，现为 {len(phases)} 个。")
    for phase in phases:
        if not phase.name:
            raise FieldError("phases", "每个阶段都要有名称。")
        for day in (phase.starts_on, phase.ends_on):
            if day is not None and not YEAR_MIN <= day.year <= YEAR_MAX:
                raise FieldError("phases", f"阶段“{phase.name}”的日期应在 {YEAR_MIN} 至 {YEAR_MAX} 年之间。")
        if phase.starts_on and phase.ends_on and phase.ends_on < phase.starts_on:
            raise FieldError("phases", f"阶段“{phase.name}”的结束日期早于开始日期。")
    with store.write() as session:
        campaign = Campaign(**parsed, template=template, units=_units_text(unit_list) or None)
        session.add(campaign)
        session.flush()
        for i, phase in enumerate(phases or []):
            session.add(
                Phase(
                    campaign_id=campaign.id,
                    name=phase.name,
                    ordinal=i,
                    starts_on=phase.starts_on,
                    ends_on=phase.ends_on,
                )
            )
        session.flush()
        return campaign_record(session, campaign)


def get_campaign(store: Store, key: str) -> dict[str, Any]:
    with store.read() as session:
        return campaign_record(session, resolve_campaign(session, key))


def list_campaigns(store: Store) -> list[dict[str, Any]]:
    with store.read() as session:
        campaigns = session.scalars(
            select(Campaign)
            .where(Campaign.deleted.is_(False))
            .order_by(Campaign.starts_on.desc(), Campaign.name)
        )
        return [
            {"id": c.id, "name": c.name, "starts_on": c.starts_on, "ends_on": c.ends_on, "owner": c.owner}
            for c in campaigns
        ]
