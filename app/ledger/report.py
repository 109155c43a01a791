"""The dry run's report as a workbook the clerk fixes the ledger in: the original rows
under the original headers, with what the import does to each row and why (refused
rows red, doubtful ones yellow) in two columns at the end, and a second sheet listing
every refused or doubtful cell. Importing the first sheet again works: its last two
columns are not mapped to any field."""

from __future__ import annotations

from pathlib import Path

from app.jobs import atomic_output
from app.ledger.plan import ACTION_LABELS, REFUSED, Plan
from app.ledger.workbook import Book

RESULT, REASON = "导入结果", "未导入原因及提示"


def write_report(plan: Plan, out: str | Path) -> Path:
    target = Path(out).expanduser()
    with atomic_output(target, ".xlsx") as temp:
        book = Book(temp)
        names = plan.header.names
        rows = []
        for row in plan.rows:
            reasons = [f"{i.column}（{i.value}）：{i.reason}" if i.column else i.reason for i in row.issues]
            rows.append(([*row.cells, ACTION_LABELS[row.action], "；".join(reasons)], row))
        sheet = book.sheet("核对结果", [*names, RESULT, REASON], [r for r, _ in rows[:2000]])
        for values, row in rows:
            fill = (
                "refused"
                if row.action == REFUSED
                else "doubt"
                if row.issues and row.action != "skipped"
                else ""
            )
            sheet.write(values, fill)
        issues = [
            [i.row, i.letter, i.column, i.value, i.reason, "否" if i.refused else "是"] for i in plan.issues
        ]
        listing = book.sheet("问题清单", ["表格行号", "列", "列名", "单元格内容", "原因", "是否导入"], issues)
        for values in issues:
            listing.write(values, "refused" if values[-1] == "否" else "")
        book.close()
    return target
