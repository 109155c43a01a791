"""Registers on paper: an organization's 档案卡 (A4 portrait), a Party organization's
党员花名册 and the 两新组织台账 (A4 landscape), each with the station and date on
every page and 第 x 页 共 y 页. Long lists are many small tables, never one giant one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from app.dashboard import chinese_date, station_line
from app.domain.codes import PARTY_LEVEL
from app.domain.station_time import station_today
from app.jobs import Job, Progress, run_job
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

CHUNK = 40  # rows per table: platypus lays out small tables in linear time
CELL_LINES = 8  # a register row stays a row: a longer value is cut, and says so


def _table(
    header: list[str], rows: Sequence[list[Any]], widths: list[float], numeric: Sequence[int] = ()
) -> Table:
    table = Table([header, *rows], colWidths=widths, repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), "#F0F0F0"),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    style += [("ALIGN", (c, 1), (c, -1), "RIGHT") for c in numeric]
    table.setStyle(TableStyle(style))
    return table


def _chunks(
    header: list[str], rows: list[list[Any]], widths: list[float], numeric: Sequence[int] = ()
) -> list[Any]:
    wrapped = [
        [
            wrap_lines(str(v), 8.5, w - 8, CELL_LINES) if isinstance(v, str) else v
            for v, w in zip(row, widths, strict=True)
        ]
        for row in rows
    ]
    return [
        _table(header, wrapped[i : i + CHUNK], widths, numeric) for i in range(0, len(wrapped), CHUNK)
    ] or [_table(header, [["" for _ in header]], widths)]


def _build_job(
    story: list[Any], out: str | Path, station: str, title: str, pagesize: tuple[float, float]
) -> Job[Path]:
    return write_document_job(
        story,
        out,
        title=title,
        station=station,
        header_right=f"打印日期：{chinese_date(station_today())}",
        pagesize=pagesize,
    )


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


def print_roster_job(store: Store, party_key: str, out: str | Path, *, reveal: bool = False) -> Job[Path]:
    """The user action 打印花名册: a Party organization's members, landscape; ID and
    phone numbers masked unless ``reveal`` (and no birth date is printed: with the
    number masked it would give the hidden digits back)."""
    yield Progress("正在读取党员名单", 0, 1)
    party = party_orgs.get_party_org(store, party_key)
    page = landscape(A4)
    body = paragraph_style("body")
    ids = members.member_ids(store, party_org=party["id"])
    people = members.member_rows(store, ids, reveal=reveal) if ids else []
    note_full_roster(store, party["id"], party["name"], reveal)
    rows = [
        [i, m.name, m.gender, m.id_number, m.category, m.joined_on, m.employer, m.relation, m.phone]
        for i, m in enumerate(people, 1)
    ]
    width = page[0] - 2 * MARGIN
    widths = [30, 70, 36, 130, 60, 70, width - 536, 70, 70]
    story = [
        HeavyTitle(f"{party['name']}党员花名册"),
        Paragraph(
            f"<para align='center'>{PARTY_LEVEL.label(party['level'])} · 书记 {escape(party.get('secretary') or '—')} · 党员 {len(rows)} 名"
            + ("" if reveal else " · 身份证号码和电话已部分隐藏")
            + "</para>",
            body,
        ),
        Spacer(1, 8),
        *_chunks(
            [
                "序号",
                "姓名",
                "性别",
                "身份证号码",
                "党员类别",
                "入党日期",
                "工作单位",
                "组织关系",
                "联系电话",
            ],
            rows,
            widths,
            (0,),
        ),
    ]
    kept_by = party_orgs.party_org_rows(store, [party["id"]])[0].station
    return (
        yield from _build_job(story, out, _station(store, kept_by), f"党员花名册 — {party['name']}", page)
    )


def print_roster(store: Store, party_key: str, out: str | Path, *, reveal: bool = False) -> Path:
    return run_job(print_roster_job(store, party_key, out, reveal=reveal))


def print_ledger_job(store: Store, out: str | Path, station: str | None = None) -> Job[Path]:
    """The user action 打印台账: every organization with its coverage state, landscape
    (at a district, of every sub-district or of ``station``)."""
    page = landscape(A4)
    scope = station_scope(store, station)
    ids = organizations.organization_ids(store, station=scope.station)
    rows: list[list[Any]] = []
    for start in range(0, len(ids), 2000):
        yield Progress("正在读取组织", start, len(ids))
        chunk = ids[start : start + 2000]
        units = organizations.supervising_units(store, chunk)
        for org in organizations.organization_rows(store, chunk):
            rows.append(
                [
                    len(rows) + 1,
                    org.name,
                    org.kind,
                    org.community,
                    org.industry,
                    org.employees,
                    org.party_org,
                    org.coverage,
                    units.get(org.id, ""),
                ]
            )
    width = page[0] - 2 * MARGIN
    widths = [34, 160, 56, 72, 62, 46, width - 630, 110, 90]
    story = [
        HeavyTitle("两新组织台账"),
        Spacer(1, 6),
        *_chunks(
            ["序号", "组织名称", "类型", "社区", "行业", "职工人数", "党组织", "覆盖状态", "业务主管单位"],
            rows,
            widths,
            (0, 5),
        ),
    ]
    return (yield from _build_job(story, out, _station(store, scope.label), "两新组织台账", page))


def print_ledger(store: Store, out: str | Path, station: str | None = None) -> Path:
    return run_job(print_ledger_job(store, out, station))
