"""Opening a ledger file: its sheets and each sheet's cells as a grid of values.

``.xlsx``, ``.xls`` and ``.ods`` are read by calamine (values typed as Excel keeps
them: text, floats, dates, booleans); ``.csv`` in UTF-8 (with or without a BOM) or
GBK, the two encodings Excel and WPS save in on a Chinese Windows. A WPS ``.et``
file is refused with what to do. Merged cells are filled with their top-left value
in every cell they cover: a title over the whole width, a header over two columns, a
community written once beside five rows all read as what a person sees.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from app.domain.text import shown
from app.errors import LiangxinError
from app.logs import log_storage_detail

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
READABLE = (*SPREADSHEETS, ".csv")
Cell = Any  # str | float | int | bool | date | datetime | None
_PLAIN = frozenset({str, float, int, bool, date})  # taken as they come (a datetime is looked at)


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: list[list[Cell]]  # every row as long as the widest; merged cells filled

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0


def sheet_names(path: str | Path) -> list[str]:
    """The sheets of the file, in the order the workbook shows them (a CSV has one)."""
    path = _checked(path)
    if path.suffix.lower() == ".csv":
        return [path.stem]
    book = _open(path)
    try:
        return [m.name for m in book.sheets_metadata if str(m.typ).endswith("WorkSheet")]
    finally:
        book.close()


def read_sheet(path: str | Path, sheet: str | None = None) -> Sheet:
    """One sheet (the first when none is named) as a filled grid."""
    path = _checked(path)
    if path.suffix.lower() == ".csv":
        return Sheet(path.stem, _square(_read_csv(path)))
    book = _open(path)
    try:
        names = [m.name for m in book.sheets_metadata if str(m.typ).endswith("WorkSheet")]
        if not names:
            raise LiangxinError(f"“{path.name}”中没有工作表，请用 Excel 或 WPS 打开核对。")
        name = names[0] if sheet is None else sheet
        if name not in names:
            raise LiangxinError(f"“{path.name}”中没有名为“{shown(name)}”的工作表，现有：{'、'.join(names)}。")
        try:
            data = book.get_sheet_by_name(name)
            rows = [list(r) for r in data.to_python(skip_empty_area=False)]
            merged = data.merged_cell_ranges or []
            if not merged and path.suffix.lower() == ".ods":
                merged = _ods_merges(path, name)
        except Exception as exc:  # calamine's own errors are English and name Rust types
            log_storage_detail(f"reading sheet {name} of {path}", exc)
            raise LiangxinError(
                f"无法读取“{path.name}”的工作表“{name}”，文件可能已损坏。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。"
            ) from None
    finally:
        book.close()
    plain = _PLAIN
    rows = _square([[None if v == "" else v if type(v) in plain else _plain(v) for v in row] for row in rows])
    _fill_merged(rows, merged)
    return Sheet(name, rows)


def _checked(path: str | Path) -> Path:
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if suffix == ".et" or suffix == ".ett":
        raise LiangxinError("这是 WPS 表格（.et）文件，本程序读不了。请在 WPS 中另存为 .xlsx 后再导入。")
    if suffix not in READABLE:
        raise LiangxinError(
            f"“{path.name}”不是可导入的表格。可导入 .xlsx、.xls、.ods 或 .csv 文件；请在 Excel 或 WPS 中另存为 .xlsx。"
        )
    if not path.is_file():
        raise LiangxinError(f"找不到文件“{path}”，请核对路径。")
    return path


def _open(path: Path) -> Any:
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise LiangxinError(
            f"“{path.name}”设置了打开密码。请在 Excel 或 WPS 中取消密码后另存，再导入。"
        ) from None
    except Exception as exc:
        log_storage_detail(f"opening ledger {path}", exc)
        raise LiangxinError(
            f"无法打开“{path.name}”：它不是有效的 {path.suffix.lower()} 表格，或已损坏。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。"
        ) from None


def _read_csv(path: Path) -> list[list[Cell]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # GB18030 reads every GBK file as GBK does
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte sequence of even structure
        raise LiangxinError(
            f"无法识别“{path.name}”的文字编码。请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后再导入。"
        )
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return [[v if v != "" else None for v in row] for row in csv.reader(io.StringIO(text), dialect)]


def _plain(value: Any) -> Cell:
    """A calamine value as the rest of the import expects: empty text as None, a time
    of day (a date cell formatted as time) as its text."""
    if value == "":
        return None
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date()
    if isinstance(value, date | datetime | bool | int | float | str):
        return value
    return str(value)


def _square(rows: list[list[Cell]]) -> list[list[Cell]]:
    width = max((len(r) for r in rows), default=0)
    for row in rows:
        row.extend([None] * (width - len(row)))
    return rows


_ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_SCAN_ROWS = 100_000  # merges further down than this are not looked for


def _ods_merges(path: Path, sheet: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Merged ranges of an .ods sheet (calamine does not report them): the cells with
    number-columns-spanned / number-rows-spanned in content.xml."""
    import zipfile
    from xml.etree.ElementTree import iterparse

    t = f"{{{_ODS_TABLE}}}"
    found: list[tuple[tuple[int, int], tuple[int, int]]] = []
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
            inside, row, col = False, -1, 0
            for event, element in iterparse(content, events=("start", "end")):
                tag = element.tag
                if tag == t + "table":
                    if event == "start":
                        inside = element.get(t + "name") == sheet
                    elif inside:
                        break
                    continue
                if not inside:
                    continue
                if tag == t + "table-row" and event == "start":
                    row += 1
                    col = 0
                elif tag == t + "table-row" and event == "end":
                    row += int(element.get(t + "number-rows-repeated", "1")) - 1
                    element.clear()
                    if row > _SCAN_ROWS:
                        break
                elif tag in (t + "table-cell", t + "covered-table-cell") and event == "start":
                    across = int(element.get(t + "number-columns-spanned", "1"))
                    down = int(element.get(t + "number-rows-spanned", "1"))
                    if across > 1 or down > 1:
                        found.append(((row, col), (row + down - 1, col + across - 1)))
                    col += int(element.get(t + "number-columns-repeated", "1"))
    except (OSError, zipfile.BadZipFile, SyntaxError) as exc:
        log_storage_detail(f"reading merged cells of {path}", exc)
    return found


def _fill_merged(rows: list[list[Cell]], merged: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    for (top, left), (bottom, right) in merged:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            for c in range(left, min(right, len(rows[r]) - 1) + 1):
                rows[r][c] = value
