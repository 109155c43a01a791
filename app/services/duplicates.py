"""查重 across sub-districts (at the district): members whose ID number is registered
in two or more stations (口袋党员 or 重复登记: the relation was never transferred, or
two streets both keep the person), and organizations with the same credit code in
two places. Each group lists every record side by side, so the clerk sees which
station should keep it; one action makes a task for each station involved."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import aliased

from app.accounts.roles import REVEAL, require
from app.domain.codes import CATEGORY, RELATION
from app.domain.masking import mask_id_number
from app.errors import LiangxinError
from app.services.access_log import note_full_list
from app.services.campaigns import resolve_campaign
from app.store import Store
from db.models import Member, Organization, PartyOrg, Station, Task

KINDS = {"members": "党员", "orgs": "两新组织"}


@dataclass
class Duplicate:
    """One person (or organization) registered by more than one station."""

    key: str  # the ID number (masked unless revealed) or the credit code
    name: str
    records: list[dict[str, Any]] = field(default_factory=list)

    @property
    def stations(self) -> list[str]:
        return sorted({r["station"] for r in self.records})


def _refuse_station(store: Store) -> None:
    if store.station.role != "district":
        raise LiangxinError("查重比对的是各街道的数据，只在区里进行；街道的登记簿本身不允许重复。")


def _names(session: Any) -> dict[str, str]:
    return dict(session.execute(select(Station.code, Station.name)).all())


def duplicate_members(store: Store, *, reveal: bool = False, limit: int | None = None) -> list[Duplicate]:
    """Live members whose ID number is kept by two or more stations, most stations first."""
    if reveal:
        require(store, REVEAL)  # 查看 accounts see masked data only
    _refuse_station(store)
    with store.read() as session:
        live = (Member.deleted.is_(False), Member.exit_kind.is_(None), Member.id_number.is_not(None))
        numbers = (
            select(Member.id_number)
            .where(*live)
            .group_by(Member.id_number)
            .having(func.count(distinct(Member.owner)) > 1)
        )
        employer, party = aliased(Organization), aliased(PartyOrg)
        rows = session.execute(
            select(
                Member.id,
                Member.owner,
                Member.name,
                Member.id_number,
                Member.category,
                Member.relation,
                Member.joined_on,
                employer.name.label("employer"),
                party.name.label("party_org"),
            )
            .outerjoin(employer, employer.id == Member.employer_id)
            .outerjoin(party, party.id == Member.party_org_id)
            .where(*live, Member.id_number.in_(numbers))
            .order_by(Member.id_number, Member.owner)
        ).all()
        names = _names(session)
    groups: dict[str, Duplicate] = {}
    for r in rows:
        group = groups.setdefault(
            r.id_number, Duplicate(r.id_number if reveal else mask_id_number(r.id_number), r.name)
        )
        group.records.append(
            {
                "id": r.id,
                "station": r.owner,
                "station_name": names.get(r.owner, r.owner),
                "name": r.name,
                "category": CATEGORY.label(r.category),
                "relation": RELATION.label(r.relation),
                "joined_on": r.joined_on.isoformat() if r.joined_on else "",
                "employer": r.employer or "",
                "party_org": r.party_org or "",
            }
        )
    found = sorted(groups.values(), key=lambda g: (-len(g.stations), g.key))
    return found[:limit] if limit else found


def duplicate_orgs(store: Store, *, limit: int | None = None) -> list[Duplicate]:
    """Live organizations whose credit code is kept by two or more stations."""
    _refuse_station(store)
    with store.read() as session:
        live = (Organization.deleted.is_(False), Organization.uscc.is_not(None))
        codes = (
            select(Organization.uscc)
            .where(*live)
            .group_by(Organization.uscc)
            .having(func.count(distinct(Organization.owner)) > 1)
        )
        rows = session.execute(
            select(
                Organization.id,
                Organization.owner,
                Organization.name,
                Organization.uscc,
                Organization.employees,
                Organization.address,
                Organization.party_org_id,
            )
            .where(*live, Organization.uscc.in_(codes))
            .order_by(Organization.uscc, Organization.owner)
        ).all()
        names = _names(session)
    groups: dict[str, Duplicate] = {}
    for r in rows:
        group = groups.setdefault(r.uscc, Duplicate(r.uscc, r.name))
        group.records.append(
            {
                "id": r.id,
                "station": r.owner,
                "station_name": names.get(r.owner, r.owner),
                "name": r.name,
                "employees": r.employees,
                "address": r.address or "",
                "covered": r.party_org_id is not None,
            }
        )
    found = sorted(groups.values(), key=lambda g: (-len(g.stations), g.key))
    return found[:limit] if limit else found


def find_duplicates(store: Store, kind: str, *, reveal: bool = False) -> list[Duplicate]:
    if kind not in KINDS:
        raise LiangxinError(f"查重对象应为 {'、'.join(f'{k}（{v}）' for k, v in KINDS.items())} 之一。")
    if kind == "members" and reveal:
        note_full_list(store, "member", "查重：显示重复党员的完整身份证号码")
    return duplicate_members(store, reveal=reveal) if kind == "members" else duplicate_orgs(store)


def export_duplicates(store: Store, kind: str, out: str | Path, *, reveal: bool = False) -> Path:
    """查重结果 as a workbook: one row per record, the records of a group together."""
    if reveal:
        require(store, REVEAL)  # 查看 accounts see masked data only
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from app.jobs import atomic_output
    from app.reports.xlsx import append_row

    groups = find_duplicates(store, kind, reveal=reveal)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    if kind == "members":
        ws.title = "重复登记的党员"
        headers = [
            "组号",
            "身份证号",
            "街道",
            "姓名",
            "类别",
            "组织关系",
            "入党日期",
            "工作单位",
            "所在党组织",
        ]
        keys = ["station_name", "name", "category", "relation", "joined_on", "employer", "party_org"]
    else:
        ws.title = "重复登记的两新组织"
        headers = ["组号", "统一社会信用代码", "街道", "名称", "从业人员", "地址", "已建党组织"]
        keys = ["station_name", "name", "employees", "address", "covered"]
    append_row(ws, headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for number, group in enumerate(groups, start=1):
        for record in group.records:
            values = [record[k] for k in keys]
            values = ["是" if v is True else "否" if v is False else v for v in values]
            append_row(ws, [number, group.key, *values])
    ws.freeze_panes = "A2"
    for column, width in zip("ABCDEFGHI", [6, 22, 12, 28, 10, 12, 12, 30, 30], strict=False):
        ws.column_dimensions[column].width = width
    target = Path(out)
    try:
        with atomic_output(target) as temp:
            wb.save(temp)
    except OSError:
        raise LiangxinError(
            f"无法写入“{target}”：请确认文件夹存在、有写入权限，且文件没有在 Excel/WPS 中打开。"
        ) from None
    return target


def make_duplicate_tasks(store: Store, kind: str, campaign: str) -> int:
    """The user action 生成核查任务: for each duplicate, a task for every station that
    keeps it (核实组织关系 / 核实重复登记), on the district's campaign. A record that
    already has such a task on the campaign is skipped. Returns how many were made."""
    groups = find_duplicates(store, kind)
    what = "党员" if kind == "members" else "两新组织"
    with store.write() as session:
        found = resolve_campaign(session, campaign)
        # A member has no column on a task: the note names the record, in brackets.
        done = set(
            session.scalars(
                select(Task.notes).where(
                    Task.campaign_id == found.id, Task.title.like("核实重复登记的%"), Task.deleted.is_(False)
                )
            )
        )
        made = 0
        for group in groups:
            others = "、".join(r["station_name"] for r in group.records)
            for record in group.records:
                marker = f"[{record['id']}]"
                if any(marker in (n or "") for n in done):
                    continue
                task = Task(
                    campaign_id=found.id,
                    organization_id=record["id"] if kind == "orgs" else None,
                    title=f"核实重复登记的{what}：{record['name']}"[:200],
                    rule_id=None,  # no register rule: the clerk closes it when the stations agree
                    assignee_kind="unit",
                    assignee=record["station_name"][:100],
                    station_code=record["station"],
                    due_on=found.ends_on,
                    notes=f"{group.key} 同时登记在 {others}；请核实应由哪个街道管理并调整。{marker}",
                )
                session.add(task)
                made += 1
        return made
