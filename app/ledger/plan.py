"""The dry run's result and what every register shares in making it: which rows are
data, each cell through its field spec, the same record twice in one file.

A ``Plan`` says, row by row, what importing would do (new, update, unchanged,
refused, skipped) and lists every refused or doubtful cell with its sheet row, column,
value and a reason in plain Chinese. Importing carries out a plan made again inside
the write transaction, so it acts on the database as it is then.
"""

from __future__ import annotations

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
    raw: dict[str, Any] = field(default_factory=dict)  # the cell behind each field
    columns: dict[str, int] = field(default_factory=dict)  # field -> column index
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


def skip_reason(cells: list[Any], names: list[str]) -> str | None:
    """Why a row is not data (None: it is): 合计 and 小计 rows, the 填表人 line, notes
    under the table, the header repeated on each printed page."""
    texts = [values.display(v).strip() for v in cells]
    filled = [t for t in texts if t]
    if not filled:
        return ""
    plain = [normalise_header(t) for t in filled]
    if any(p in _TOTALS for p in plain) or any(p.startswith(_TOTALS) and len(p) <= 6 for p in plain[:2]):
        return "合计、小计行，不是一条记录"
    first = filled[0].replace(" ", "")
    if first.startswith(_SIGNED) and (("：" in first or ":" in first) or len(filled) <= 3):
        return "填表人、审核人等落款行"
    if any(s + "：" in t or s + ":" in t for t in filled for s in ("填表人", "填报人", "制表人", "审核人")):
        return "填表人、审核人等落款行"
    if first.startswith(tuple(n + p for n in _NOTES for p in ("：", ":"))) and len(filled) <= 2:
        return "表格下方的说明文字"
    header = [normalise_header(n) for n in names]
    if sum(1 for t, h in zip(texts, header, strict=False) if t and normalise_header(t) == h) >= max(
        2, len(filled) - 1
    ):
        return "重复的表头行"
    return None


def data_rows(sheet: Sheet, header: Header) -> list[RowPlan]:
    """Every row below the header: data rows (to be planned) and skipped ones, said why;
    blank rows are left out."""
    out = []
    for index in range(header.row + 1, len(sheet.rows)):
        cells = sheet.rows[index]
        reason = skip_reason(cells, header.names)
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


def read_cells(row: RowPlan, kind: LedgerKind, names: list[str], mapping: list[str | None]) -> None:
    """Each mapped cell of the row through its field's spec; a refused cell is noted with
    the spec's (or the translation's) sentence. Columns read only to check keep their text."""
    for column, target_name in enumerate(mapping):
        if target_name is None or column >= len(row.cells):
            continue
        raw = row.cells[column]
        row.raw[target_name] = raw
        row.columns[target_name] = column
        target = kind.targets[target_name]
        if target.spec is None:
            text = values.display(raw).strip()
            if text:
                row.values[target_name] = text
            continue
        try:
            cell = values.translate(target.spec, raw)
            if cell.value is None:
                continue
            parsed = values.parse(target.spec, cell.value)
        except values.CellRefused as refusal:
            note(row, names, target_name, str(refusal))
            continue
        except FieldError as exc:
            note(row, names, target_name, exc.message)
            continue
        if cell.doubt:
            note(row, names, target_name, cell.doubt, refused=False)
        if parsed is not None:
            row.values[target_name] = parsed
    for name in kind.required:
        if name not in row.values and not any(
            i.refused for i in row.issues if i.column == _column_name(row, names, name)
        ):
            note(row, names, name, f"请填写“{kind.targets[name].label}”。")


def _column_name(row: RowPlan, names: list[str], field_name: str) -> str:
    column = row.columns.get(field_name)
    return names[column] if column is not None else ""


def note(row: RowPlan, names: list[str], field_name: str, reason: str, *, refused: bool = True) -> None:
    """An issue about the cell behind ``field_name`` (or the row, when no column holds it)."""
    column = row.columns.get(field_name)
    if column is None:
        row.issues.append(Issue(row.row, "", "", "", reason, refused))
        return
    row.issues.append(
        Issue(
            row.row,
            names[column],
            column_letter(column),
            values.display(row.raw.get(field_name)),
            reason,
            refused,
        )
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
