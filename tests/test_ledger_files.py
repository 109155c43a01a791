"""The files offices exchange: .xls and .ods (made by LibreOffice as a clerk's 另存为
would), CSV in UTF-8 and GBK, a WPS .et refused with what to do; exported workbooks
and templates opened by a real spreadsheet program; the CLI's import, export and
template commands with their exit statuses."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli.main import main
from app.errors import LiangxinError
from app.ledger.importing import dry_run, open_ledger
from app.ledger.reading import read_sheet, sheet_names
from app.services import party_orgs
from app.store import Store
from tests.ledger_books import ID_WANG, USCC_A, convert, members_book, organizations_book


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def office_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The two ledgers as .xlsx, and converted by LibreOffice to .xls and .ods (once)."""
    folder = tmp_path_factory.mktemp("office")
    made = {
        "orgs.xlsx": organizations_book(folder / "orgs.xlsx"),
        "members.xlsx": members_book(folder / "members.xlsx"),
    }
    for name in ("orgs", "members"):
        made[f"{name}.xls"] = convert(made[f"{name}.xlsx"], "xls", folder)
        made[f"{name}.ods"] = convert(made[f"{name}.xlsx"], "ods", folder)
    return made


@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_xls_and_ods_ledgers_read_as_the_xlsx_does(
    store: Store, office_files: dict[str, Path], suffix: str
) -> None:
    party_orgs.add_party_org(store, {"name": "南湾综合党委第一支部", "level": "branch"})
    for name, kind in (("orgs", "organizations"), ("members", "members")):
        expected = dry_run(
            store, open_ledger(store, office_files[f"{name}.xlsx"], kind), create_communities=True
        )
        ledger = open_ledger(store, office_files[f"{name}.{suffix}"], kind)
        plan = dry_run(store, ledger, create_communities=True)
        assert ledger.header.row == expected.header.row and ledger.mapping == expected.mapping
        assert plan.counts == expected.counts
        assert [(i.row, i.column, i.refused) for i in plan.issues] == [
            (i.row, i.column, i.refused) for i in expected.issues
        ]


def test_csv_in_utf8_and_gbk(store: Store, tmp_path: Path) -> None:
    rows = [["单位名称", "统一社会信用代码", "职工人数"], ["深圳市甲科技有限公司", USCC_A, "１２０人"]]
    for encoding in ("utf-8-sig", "gbk"):
        path = tmp_path / f"{encoding}.csv"
        with path.open("w", encoding=encoding, newline="") as fh:
            csv.writer(fh).writerows(rows)
        assert sheet_names(path) == [path.stem]
        plan = dry_run(store, open_ledger(store, path, "organizations"))
        assert plan.counts["new"] == 1 and plan.rows[0].values["employees"] == 120


def test_a_wps_et_file_is_refused_with_what_to_do(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "台账.et"
    path.write_bytes(b"\xd0\xcf\x11\xe0 not really")
    with pytest.raises(LiangxinError, match=r"请在 WPS 中另存为 \.xlsx"):
        open_ledger(store, path, "organizations")


def test_a_damaged_workbook_is_one_sentence(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "坏.xlsx"
    path.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(LiangxinError) as refused:
        open_ledger(store, path, "organizations")
    assert "无法打开“坏.xlsx”" in refused.value.message and "Error" not in refused.value.message


def test_merged_cells_are_filled_in_every_cell_they_cover(tmp_path: Path) -> None:
    sheet = read_sheet(members_book(tmp_path / "m.xlsx"))
    assert sheet.rows[0] == ["南湾街道非公企业党员花名册"] * 9  # the title over the whole width
    assert [sheet.rows[r][7] for r in (5, 6, 7)] == [
        "南湾综合党委第一支部"
    ] * 3  # written once beside three rows


def test_exported_workbooks_and_templates_open_in_libreoffice(demo_store: Store, tmp_path: Path) -> None:
    """A real spreadsheet program opens them (no repair) and reads the values back."""
    from app.ledger.export import export_register, write_template

    made = [
        export_register(demo_store, "members", tmp_path / "members.xlsx", full=True),
        export_register(demo_store, "organizations", tmp_path / "orgs.xlsx"),
        write_template("party-orgs", tmp_path / "template.xlsx"),
    ]
    for path in made:
        back = convert(path, "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path / "back")
        rows = list(csv.reader(back.read_text(encoding="utf-8").splitlines()))
        assert rows[0] == [c.value for c in next(load_workbook(path).worksheets[0].iter_rows(max_row=1))]
        if path.name == "members.xlsx":
            numbers = {r[rows[0].index("公民身份号码")] for r in rows[1:]}
            assert any(len(n) == 18 for n in numbers)  # kept as text: all 18 digits, no 4.4E+17


def test_the_template_lists_columns_rules_and_examples(tmp_path: Path) -> None:
    from app.ledger.export import write_template

    book = load_workbook(write_template("members", tmp_path / "t.xlsx"))
    headers = [c.value for c in next(book.worksheets[0].iter_rows(max_row=1))]
    assert headers[0] == "*姓名" and "公民身份号码" in headers and book.worksheets[0].freeze_panes == "A2"
    rules = {r[0]: r for r in book["填写说明"].iter_rows(min_row=2, values_only=True) if r and r[0]}
    assert "设为文本" in rules["公民身份号码"][2] and "正式党员" in rules["党员类别"][2]


def test_cli_import_exit_codes_report_and_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sqlite_template: Path
) -> None:
    db = str(tmp_path / "s.sqlite3")
    shutil.copy(sqlite_template, db)
    book = organizations_book(tmp_path / "台账.xlsx")
    code, out, _ = _run(capsys, "--db", db, "import", str(book), "--kind", "organizations", "--dry-run")
    assert code == 2 and "预计新增 0" in out and "尚未登记（加 --create-communities 可一并新建）" in out
    code, out, _ = _run(
        capsys, "--db", db, "import", str(book), "--kind", "organizations", "--create-communities",
        "--report", str(tmp_path / "r.xlsx"), "--json",
    )  # fmt: skip
    result = json.loads(out)
    assert code == 3 and result["new"] == 3 and result["refused"] == 2 and result["import_id"]
    assert (tmp_path / "r.xlsx").exists() and any(i["row"] == 8 for i in result["issues"])
    code, out, _ = _run(
        capsys, "--db", db, "import", str(book), "--kind", "organizations", "--all-or-nothing"
    )
    assert code == 2 and "没有导入任何数据" in out
    code, out, _ = _run(capsys, "--db", db, "import-history")
    assert code == 0 and "台账.xlsx" in out
    code, out, _ = _run(capsys, "--db", db, "import-undo", result["import_id"][-8:])
    assert code == 0 and "已撤销" in out
    code, _, err = _run(capsys, "--db", db, "import", str(tmp_path / "x.et"), "--kind", "members")
    assert code == 1 and "请在 WPS 中另存为 .xlsx" in err


def test_cli_a_clean_ledger_exits_0_and_a_mapping_file_is_used(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sqlite_template: Path
) -> None:
    db = str(tmp_path / "s.sqlite3")
    shutil.copy(sqlite_template, db)
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["名字", "证件"])
    book.active.append(["王建国", ID_WANG])
    book.save(tmp_path / "m.xlsx")
    (tmp_path / "map.json").write_text(json.dumps({"名字": "姓名", "证件": "id_number"}), encoding="utf-8")
    code, out, _ = _run(
        capsys,
        "--db",
        db,
        "import",
        str(tmp_path / "m.xlsx"),
        "--kind",
        "members",
        "--mapping",
        str(tmp_path / "map.json"),
    )
    assert code == 0 and "已导入 1 条" in out


def test_cli_export_a_register_beside_export_dashboard(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_db: Path
) -> None:
    db = str(tmp_path / "demo.sqlite3")
    shutil.copy(demo_db, db)
    code, out, _ = _run(
        capsys, "--db", db, "export", str(tmp_path / "党员.xlsx"), "--kind", "members", "--search", "张"
    )
    assert code == 0 and "已打码" in out
    rows = list(load_workbook(tmp_path / "党员.xlsx").worksheets[0].iter_rows(min_row=2, values_only=True))
    assert rows and all("张" in r[0] or r[0] for r in rows)
    code, _, _ = _run(capsys, "--db", db, "export", "dashboard", "--out", str(tmp_path / "工作台.xlsx"))
    assert code == 0 and (tmp_path / "工作台.xlsx").exists()
    code, out, _ = _run(capsys, "--db", db, "template", str(tmp_path / "模板.xlsx"), "--kind", "party-orgs")
    assert code == 0 and (tmp_path / "模板.xlsx").exists()
    with pytest.raises(SystemExit) as bad:
        main(["--db", db, "export", "dashbord"])
    err = capsys.readouterr().err
    assert bad.value.code == 2 and "可选：'dashboard', 'notice'" in err and "register" not in err
