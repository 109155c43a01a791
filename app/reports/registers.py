"""Registers on paper: an organization's 档案卡 (A4 portrait), a Party organization's
党员花名册 and the 两新组织台账 (A4 landscape), each with the station and date on
every page and 第 x 页 共 y 页. The long two are grids of pre-wrapped text
(app/reports/grid.py), read and drawn a batch of rows at a time."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from app.dashboard import station_line
from app.domain.codes import PARTY_LEVEL
from app.domain.dates import chinese_date
from app.domain.station_time import station_today
from app.jobs import Job, Progress, run_job
from app.reports.grid import Column, Sheet, write_grid_job
from app.reports.pdf import (
    FONT,
    MARGIN,
    RULE,
    HeavyTitle,
    Lines,
    escape,
    paragraph_style,
    wrap_lines,
    write_document_job,
)
from app.services import members, organizations, party_orgs
from app.services.access_log import note_full_roster
from app.services.organizations import ORG_FIELDS
from app.station_scope import station_scope
from app.store import Store


def _build_job(
    story: list[Any], out: str | Path, station: str, title: str, pagesize: tuple[float, float]
) -> Job[Path]:
    return write_document_job(
        story,
        out,
        title=title,
        station=station,
        header_right=_printed_on(),
        pagesize=pagesize,
    )


def _printed_on() -> str:
    return f"打印日期：{chinese_date(station_today())}"


def _station(store: Store, scope: str = "") -> str:
    """The running head's left side: the station that printed it and, at a district,
    whose records these are ("龙岗区（440307） · 数据范围：南湾街道")."""
    line = station_line(store.station.name, store.station.code)
    return f"{line} · 数据范围：{scope}" if scope and store.station.role == "district" else line


CARD_LINES = 30  # a field longer than this is printed in full below the card's table


def print_card_job(store: Store, org_key: str, out: str | Path) -> Job[Path]:
    """The user action 打印档案卡 of one organization."""
    yield Progress("正在读取档案", 0, 1)
    record = organizations.get_organization(store, org_key)
    body = paragraph_style("body")
    width = A4[0] - 2 * MARGIN
    rows = []
    full: list[tuple[str, str]] = []
    for name, spec in ORG_FIELDS.items():
        value = record.get(f"{name}_label") or record.get(name)
        if isinstance(value, bool):
            value = "是" if value else "否"
        elif isinstance(value, date):
            value = value.isoformat()
        text = "" if value is None else str(value)
        cell = wrap_lines(text, 9, width - 118)
        if cell.count("\n") >= CARD_LINES:  # a table row cannot run over a page: in full below
            full.append((spec.label, text))
            cell = "（较长，全文见下）"
        rows.append([spec.label, cell])
    extra = [
        ["覆盖状态", record.get("coverage_label") or record.get("coverage") or "—"],
        ["党建工作指导员", wrap_lines(record.get("instructor") or "—", 9, width - 118, CARD_LINES)],
        ["本单位党员", f"{record.get('members', 0)} 名"],
    ]
    table = Table(rows + extra, colWidths=[110, width - 110])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (0, -1), "#F4F4F4"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story = [
        HeavyTitle("两新组织档案卡"),
        Paragraph(f"<para align='center'>{escape(record['name'])}</para>", body),
        Spacer(1, 8),
        table,
    ]
    for label, text in full:
        story += [Spacer(1, 10), Lines(f"{label}（全文）：", 9, 14), Lines(text, 9, 14)]
    story += [
        Spacer(1, 20),
        Paragraph("填表人：____________　　审核人：____________　　日期：______年____月____日", body),
    ]
    kept_by = organizations.organization_rows(store, [record["id"]])[0].station
    return (
        yield from _build_job(story, out, _station(store, kept_by), f"两新组织档案卡 — {record['name']}", A4)
    )


def print_card(store: Store, org_key: str, out: str | Path) -> Path:
    return run_job(print_card_job(store, org_key, out))


ROSTER_TITLES = (
    "序号",
    "姓名",
    "性别",
    "身份证号码",
    "党员类别",
    "入党日期",
    "工作单位",
    "组织关系",
    "联系电话",
)
LEDGER_TITLES = ("序号", "组织名称", "类型", "社区", "行业", "职工人数", "党组织", "覆盖状态", "业务主管单位")
BATCH = 2000  # rows read at a time: a district's register is never held whole
_WIDTH = landscape(A4)[0] - 2 * MARGIN


def _columns(titles: Sequence[str], widths: Sequence[float], numeric: Sequence[int]) -> list[Column]:
    return [Column(t, w, i in numeric) for i, (t, w) in enumerate(zip(titles, widths, strict=True))]


ROSTER_COLUMNS = _columns(ROSTER_TITLES, [30, 70, 36, 130, 60, 70, _WIDTH - 536, 70, 70], (0,))
LEDGER_COLUMNS = _columns(LEDGER_TITLES, [34, 160, 56, 72, 62, 46, _WIDTH - 630, 110, 90], (0, 5))


def roster_batches(store: Store, ids: list[str], *, reveal: bool = False) -> Iterator[list[list[Any]]]:
    """The roster's rows, ``BATCH`` members at a time."""
    for start in range(0, len(ids), BATCH):
        people = members.member_rows(store, ids[start : start + BATCH], reveal=reveal)
        yield [
            [i, m.name, m.gender, m.id_number, m.category, m.joined_on, m.employer, m.relation, m.phone]
            for i, m in enumerate(people, start + 1)
        ]


def print_roster_job(store: Store, party_key: str, out: str | Path, *, reveal: bool = False) -> Job[Path]:
    """The user action 打印花名册: a Party organization's members, landscape; ID and
    phone numbers masked unless ``reveal`` (and no birth date is printed: with the
    number masked it would give the hidden digits back)."""
    yield Progress("正在读取党员名单", 0, 1)
    party = party_orgs.get_party_org(store, party_key)
    ids = members.member_ids(store, party_org=party["id"])
    note_full_roster(store, party["id"], party["name"], reveal)
    kept_by = party_orgs.party_org_rows(store, [party["id"]])[0].station
    intro = (
        f"{PARTY_LEVEL.label(party['level'])} · 书记 {party.get('secretary') or '—'} · 党员 {len(ids)} 名"
        + ("" if reveal else " · 身份证号码和电话已部分隐藏")
    )
    sheet = Sheet(f"{party['name']}党员花名册", _station(store, kept_by), _printed_on(), intro)
    return (
        yield from write_grid_job(
            out, ROSTER_COLUMNS, roster_batches(store, ids, reveal=reveal), total=len(ids), sheet=sheet
        )
    )


def print_roster(store: Store, party_key: str, out: str | Path, *, reveal: bool = False) -> Path:
    return run_job(print_roster_job(store, party_key, out, reveal=reveal))


def ledger_batches(store: Store, ids: list[str]) -> Iterator[list[list[Any]]]:
    """The ledger's rows, ``BATCH`` organizations at a time."""
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        units = organizations.supervising_units(store, chunk)
        yield [
            [
                i,
                org.name,
                org.kind,
                org.community,
                org.industry,
                org.employees,
                org.party_org,
                org.coverage,
                units.get(org.id, ""),
            ]
            for i, org in enumerate(organizations.organization_rows(store, chunk), start + 1)
        ]


def print_ledger_job(store: Store, out: str | Path, station: str | None = None) -> Job[Path]:
    """The user action 打印台账: every organization with its coverage state, landscape
    (at a district, of every sub-district or of ``station``)."""
    yield Progress("正在读取组织", 0, 1)
    scope = station_scope(store, station)
    ids = organizations.organization_ids(store, station=scope.station)
    sheet = Sheet("两新组织台账", _station(store, scope.label), _printed_on())
    return (
        yield from write_grid_job(
            out, LEDGER_COLUMNS, ledger_batches(store, ids), total=len(ids), sheet=sheet
        )
    )


def print_ledger(store: Store, out: str | Path, station: str | None = None) -> Path:
    return run_job(print_ledger_job(store, out, station))
