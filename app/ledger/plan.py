"""The dry run's result and what every register shares in making it: which rows are
data, each cell through its field spec, the same record twice in one file.

A ``Plan`` says, row by row, what importing would do (new, update, unchanged,
refused, skipped) and lists every refused or doubtful cell with its sheet row, column,
value and a reason in plain Chinese. Importing carries out a plan made again inside
the write transaction, so it acts on the database as it is then.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from app.errors import FieldError
from app.ledger import values
from app.ledger.headers import Header, column_letter, normalise_header
from app.ledger.kinds import LedgerKind
from app.ledger.reading import Sheet

NEW, UPDATE, UNCHANGED, REFUSED, SKIPPED = "new", "update", "unchanged", "refused", "skipped"
ACTION_LABELS = {NEW: "新增", UPDATE: "更新", UNCHANGED: "无变化", REFUSED: "未导入", SKIPPED: "跳过"}

_TOTALS = ("合计", "小计", "总计", "共计", "汇总", "总数")
_SIGNED = (
    "填表人",
    "填报人",
    "制表人",
    "审核人",
    "审批人",
    "负责人",
    "单位负责人",
    "填表日期",
    "填报日期",
    "制表日期",
    "联系人",
)
_NOTES = ("注", "说明", "备注", "填表说明")


@dataclass(frozen=True)
class Issue:
    row: int  # the sheet's row number, as Excel and WPS show it
    column: str  # the column's header ("" for the row as a whole)
    letter: str  # the column's letter
    value: str
    reason: str
    refused: bool  # False: taken, but worth a look


@dataclass
class RowPlan:
    row: int
    cells: list[Any]  # the sheet's cells, for the report
    action: str = NEW
    target: str | None = None  # the record updated (or found unchanged)
    values: dict[str, Any] = field(default_factory=dict)  # parsed, by field
    columns: dict[str, int] = field(default_factory=dict)  # field -> column index (shared)
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # column -> (old, new)
    record: dict[str, Any] = field(default_factory=dict)  # a new row's columns
    issues: list[Issue] = field(default_factory=list)
    label: str = ""  # the record's name, for messages

    @property
    def refused(self) -> bool:
        return any(i.refused for i in self.issues)


@dataclass
class Plan:
    kind: str
    file_name: str
    sheet: str
    header: Header
    mapping: list[str | None]
    rows: list[RowPlan]
    # Communities the ledger names that are not registered: name -> sheet rows.
    new_communities: dict[str, list[int]] = field(default_factory=dict)
    community_ids: dict[str, str] = field(default_factory=dict)  # the ids they would get
    create_communities: bool = False

    @property
    def counts(self) -> dict[str, int]:
        found = Counter(r.action for r in self.rows)
        return {a: found.get(a, 0) for a in (NEW, UPDATE, UNCHANGED, REFUSED, SKIPPED)}

    @property
    def issues(self) -> list[Issue]:
        return [i for r in self.rows for i in r.issues]

    @property
    def writes(self) -> int:
        counts = self.counts
        return counts[NEW] + counts[UPDATE]

    def summary(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "file": self.file_name,
            "sheet": self.sheet,
            "header_row": self.header.row + 1,
            **self.counts,
            "new_communities": sorted(self.new_communities),
        }


_HINT = re.compile("合计|小计|总计|共计|汇总|总数|填表|填报|制表|审核|审批|负责人|联系人|注|说明|备注")


def skip_reason(cells: list[Any], names: list[str], header: frozenset[str] = frozenset()) -> str | None:
    """Why a row is not data (None: it is; "" for a blank row): 合计 and 小计 rows, the
    填表人 line, notes under the table, the header repeated on each printed page."""
    filled = [v for v in cells if v is not None and v != ""]
    if not filled:
        return ""
    texts = [v for v in filled if isinstance(v, str)]
    if header and sum(1 for t in texts if t in header) >= max(2, len(filled) - 1):
        return "重复的表头行"
    if not texts or not _HINT.search("".join(texts[:4])):
        return None  # the usual data row, answered without looking closer
    plain = [normalise_header(t) for t in texts]
    if any(p in _TOTALS for p in plain) or any(p.startswith(_TOTALS) and len(p) <= 6 for p in plain[:2]):
        return "合计、小计行，不是一条记录"
    first = values.display(filled[0]).replace(" ", "")
    if first.startswith(_SIGNED) and (("：" in first or ":" in first) or len(filled) <= 3):
        return "填表人、审核人等落款行"
    if any(s + "：" in t or s + ":" in t for t in texts for s in ("填表人", "填报人", "制表人", "审核人")):
        return "填表人、审核人等落款行"
    if first.startswith(tuple(n + p for n in _NOTES for p in ("：", ":"))) and len(filled) <= 2:
        return "表格下方的说明文字"
    return None


def data_rows(sheet: Sheet, header: Header) -> list[RowPlan]:
    """Every row below the header: data rows (to be planned) and skipped ones, said why;
    blank rows are left out."""
    out = []
    names = frozenset(n for n in header.names if not n.startswith("第"))
    for index in range(header.row + 1, len(sheet.rows)):
        cells = sheet.rows[index]
        reason = skip_reason(cells, header.names, names)
        if reason == "":
            continue
        row = RowPlan(index + 1, cells)
        if reason is not None:
            row.action = SKIPPED
            row.issues.append(Issue(row.row, "", "", _row_text(cells), f"已跳过：{reason}", refused=False))
        out.append(row)
    return out


def _row_text(cells: list[Any]) -> str:
    return " ".join(values.display(v) for v in cells if values.display(v).strip())[:60]


def read_all(rows: list[RowPlan], kind: LedgerKind, names: list[str], mapping: list[str | None]) -> None:
    """Each mapped cell of each data row through its field's spec; a refused cell is
    noted with the spec's (or the translation's) sentence. Columns read only to check
    keep their text."""
    columns = {name: c for c, name in enumerate(mapping) if name is not None}
    mapped = [
        (c, name, spec, values.fast_reader(spec) if spec is not None else None)
        for c, name in enumerate(mapping)
        if name is not None
        for spec in [kind.targets[name].spec]
    ]
    slow = values.SLOW
    required = [(n, kind.targets[n].label) for n in kind.required]
    translate, parse, display, refused_cell = (
        values.translate,
        values.parse,
        values.display,
        values.CellRefused,
    )
    for row in rows:
        if row.action == SKIPPED:
            continue
        row.columns = columns  # shared: the same for every row
        cells, found = row.cells, row.values
        for column, name, spec, fast in mapped:
            raw = cells[column] if column < len(cells) else None
            if raw is None:
                continue
            if fast is not None:
                answer = fast(raw)
                if answer is not slow:
                    found[name] = answer
                    continue
            if spec is None:
                text = display(raw).strip()
                if text:
                    found[name] = text
                continue
            try:
                cell = translate(spec, raw)
                if cell.value is None:
                    continue
                parsed = parse(spec, cell.value)
            except refused_cell as refusal:
                note(row, names, name, str(refusal))
                continue
            except FieldError as exc:
                note(row, names, name, exc.message)
                continue
            if cell.doubt:
                note(row, names, name, cell.doubt, refused=False)
            if parsed is not None:
                found[name] = parsed
        for name, label in required:
            if name not in found and not any(
                i.refused and i.letter == _letter(columns, name) for i in row.issues
            ):
                note(row, names, name, f"请填写“{label}”。")


def _letter(columns: dict[str, int], field_name: str) -> str:
    column = columns.get(field_name)
    return column_letter(column) if column is not None else ""


def note(row: RowPlan, names: list[str], field_name: str, reason: str, *, refused: bool = True) -> None:
    """An issue about the cell behind ``field_name`` (or the row, when no column holds it)."""
    column = row.columns.get(field_name)
    if column is None:
        row.issues.append(Issue(row.row, "", "", "", reason, refused))
        return
    raw = row.cells[column] if column < len(row.cells) else None
    row.issues.append(
        Issue(row.row, names[column], column_letter(column), values.display(raw), reason, refused)
    )


def refuse_repeats(rows: list[RowPlan], names: list[str], key_of: Any) -> None:
    """The same record twice in one file: the later row is refused, naming the first."""
    first: dict[Any, tuple[int, str]] = {}
    for row in rows:
        if row.action == SKIPPED or row.refused:
            continue
        found = key_of(row)
        if found is None:
            continue
        key, field_name, what = found
        if key in first:
            earlier, _ = first[key]
            note(row, names, field_name, f"与第 {earlier} 行重复（{what}相同），本行未导入。")
        else:
            first[key] = (row.row, what)


def settle(row: RowPlan) -> None:
    """The row's action once its checks are done."""
    if row.action == SKIPPED:
        return
    if row.refused:
        row.action = REFUSED
    elif row.target is None:
        row.action = NEW
    else:
        row.action = UPDATE if row.changes else UNCHANGED


def compare(row: RowPlan, stored: dict[str, Any], wanted: dict[str, Any]) -> None:
    """Changes from what is stored to what the row says, column by column; an empty cell
    leaves the stored value as it is (it is not a request to clear it)."""
    for column, new in wanted.items():
        old = stored.get(column)
        if new is not None and new != old:
            row.changes[column] = (old, new)
