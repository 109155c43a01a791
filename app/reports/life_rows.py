"""What the organizational-life prints and workbooks show, as rows: one source for the
PDF and the .xlsx of the same report."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.services import activity_detail, activity_lists, life_compliance
from app.services.activity_detail import ActivityDetail
from app.services.life_compliance import DUE, FUTURE, HELD, LIFE_RULES, MISSED, NA, Grid
from app.services.visits import VisitRow
from app.store import Store

GRID_WORDS = {HELD: "已开展", DUE: "待开展", MISSED: "未开展", NA: "不适用", FUTURE: ""}


def activity_facts(detail: ActivityDetail) -> list[tuple[str, str]]:
    absent = "；".join(
        a.name + (f"（{a.reason}）" if a.reason else "") for a in detail.attendees if not a.present
    )
    graded = "；".join(f"{a.name} {a.grade}" for a in detail.attendees if a.grade)
    facts = [
        (
            "党组织",
            "、".join(name for _, name, _ in detail.party_orgs) + ("（联合开展）" if detail.joint else ""),
        ),
        ("时间", f"{detail.held_on.year}年{detail.held_on.month}月{detail.held_on.day}日"),
        ("地点", detail.place),
        ("主持人", detail.host),
        ("主题", detail.topic),
    ]
    if detail.kind == "theme_day":
        six = "、".join(detail.items)
        facts.append(
            (
                "“1+6+X”",
                "；".join(p for p in (six, f"X：{detail.extra_items}" if detail.extra_items else "") if p),
            )
        )
    facts.append(("出席情况", detail.attendance_text))
    if absent:
        facts.append(("缺席人员及原因", absent))
    if graded:
        facts.append(("评议结果", graded))
    return facts


def ledger_summary(
    store: Store, party_org: str, year: int, today: date | None
) -> tuple[str, list[list[str]]]:
    """The Party organization's name and, per rule, a row of the twelve months' states."""
    from app.services.common import resolve
    from db.models import PartyOrg

    with store.read() as session:
        party = resolve(session, PartyOrg, party_org, "党组织", "party_org")
        party_id, name = party.id, party.name
    grid = life_compliance.compliance_grid(store, year, today, party_org_ids=[party_id])
    row = grid.rows[0]
    summary = []
    for rule_id, _kind, label, length in LIFE_RULES:
        cells = []
        for month in range(1, 13):
            status = row.cells.get(month, {}).get(rule_id)
            cells.append("" if status is None and length == 3 else GRID_WORDS.get(status or FUTURE, ""))
        summary.append([label, *cells])
    return name, summary


def ledger_rows(store: Store, party_org: str, year: int) -> list[list[Any]]:
    found = activity_lists.list_activities(store, party_org=party_org, year=year, limit=None)
    rows = []
    for i, item in enumerate(reversed(found.rows), 1):
        detail = activity_detail.activity_detail(store, item.id)
        absent = "；".join(
            a.name + (f"（{a.reason}）" if a.reason else "") for a in detail.attendees if not a.present
        )
        figures = detail.figures
        rate = f"{figures.rate * 100:.1f}%" if figures.listed and figures.rate is not None else ""
        expected = figures.expected if figures.listed else ""
        present = (
            figures.present if figures.listed else (detail.headcount if detail.headcount is not None else "")
        )
        if detail.joint:
            absent = "联合开展；" + absent
        rows.append(
            [
                i,
                item.held_on.isoformat(),
                item.kind_label,
                item.topic,
                item.place,
                item.host,
                expected,
                present,
                rate,
                absent,
            ]
        )
    return rows


def grid_title(year: int, rule: str | None) -> str:
    what = next((label for r, _k, label, _n in LIFE_RULES if r == rule), "")
    return f"{year}年组织生活开展情况" + (f"（{what}）" if what else "（主题党日、支委会、党课）")


def grid_rows(grid: Grid, rule: str | None) -> tuple[list[list[str]], list[list[str]]]:
    """Rows of words, and the status behind each month's word (for colour)."""
    rows, statuses = [], []
    for r in grid.rows:
        line = []
        for month in range(1, 13):
            if rule == "lecture_quarterly" and month % 3:
                line.append("")
            else:
                line.append(r.month_status(month, rule))
        rows.append([r.name, r.level, *(GRID_WORDS.get(s, "") for s in line)])
        statuses.append(line)
    return rows, statuses


def visit_rows(found: list[VisitRow]) -> list[list[Any]]:
    return [
        [
            i,
            v.visited_on.isoformat(),
            v.organization,
            v.visitor,
            v.reason,
            v.findings,
            v.follow_up,
            v.next_due.isoformat() if v.next_due else "",
            "是" if v.task_id else "",
        ]
        for i, v in enumerate(found, 1)
    ]
