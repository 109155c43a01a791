"""Ledgers as offices make them, built for the tests: a title merged over the table,
a 填报单位 line, blank rows, a two-row header, values typed every way a clerk types
them, 小计/合计 rows and the 填表人 line; and the conversions LibreOffice makes (.xls,
.ods) for the formats openpyxl cannot write."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.domain.idcard import make_id_number
from app.domain.uscc import make_uscc

IN_CI = os.environ.get("CI", "").lower() == "true"

USCC_A = make_uscc("9", "1", "440307", "MA5D1A01")
USCC_B = make_uscc("9", "1", "440307", "MA5D1A02")
USCC_C = make_uscc("5", "2", "440307", "MJL0A003")  # a social organization (registered by 民政)
USCC_BAD = USCC_A[:-1] + ("0" if USCC_A[-1] != "0" else "1")

ID_WANG = make_id_number("440307", date(1985, 3, 15), 101)  # male (odd serial)
ID_LI = make_id_number("440307", date(1990, 7, 1), 202)  # female
ID_ZHAO = make_id_number("440307", date(1978, 11, 30), 303)
ID_X = next(
    make_id_number("440307", date(1982, 1, d), 11)
    for d in range(1, 29)
    if make_id_number("440307", date(1982, 1, d), 11).endswith("X")
)
ID_FLOAT = float(make_id_number("440307", date(1988, 5, 5), 505)[:17] + "0")  # what Excel keeps of it


def organizations_book(path: Path) -> Path:
    """A 两新组织 ledger: rows 1–3 title, 填报单位 line, blank; header on row 4."""
    wb = Workbook()
    ws = wb.active
    ws.title = "两新组织台账"
    ws["A1"] = "南湾街道两新组织党建工作台账（2026年）"
    ws.merge_cells("A1:J1")
    ws["A2"] = "填报单位：南湾街道党工委（盖章）"
    ws["G2"] = "填报日期：2026年11月"
    ws.append([])
    ws.append(
        ["序号", "企业名称", "统一社会信用代码", "从业人员（人）", "所属社区", "是否建立党组织（是/否）",
         "组建方式", "党组织书记", "已建工会", "联系电话"]
    )  # fmt: skip
    rows = [
        [1, "深圳市甲科技有限公司  ", USCC_A.lower(), "１２０人", "南岭社区", "是", "单独组建", "王书记", "√", "0755-28881234"],
        [2, "深圳市乙物流有限公司", USCC_B, 35.0, "南岭社区", "否", "", "", "×", "13800138000"],
        [3, "南湾街道丙社会工作服务中心", USCC_C, "8", "丹竹头社区", "未建", "", "", "未建", ""],
        [4, "深圳市丁贸易有限公司", USCC_BAD, "约二十", "南岭社区", "否", "", "", "已建", ""],
        [5, "深圳市甲科技有限公司", USCC_A, "120", "南岭社区", "是", "", "", "", ""],
        ["小计", "", "", 163, "", "", "", "", "", ""],
        ["合计", "", "", 163, "", "", "", "", "", ""],
    ]  # fmt: skip
    for row in rows:
        ws.append(row)
    ws.append([])
    ws.append(["填表人：张三", "", "审核人：李四", "", "", "联系电话：0755-2888"])
    wb.save(path)
    return path


def members_book(path: Path) -> Path:
    """A 党员花名册 with a two-row header (党籍情况 merged over 入党时间 / 转正时间 / 人员类别)
    and the 所在党支部 cell merged down three rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws["A1"] = "南湾街道非公企业党员花名册"
    ws.merge_cells("A1:I1")
    ws["A2"] = "填报单位：南湾街道综合党委"
    ws.append([])
    ws.append(["序号", "姓名", "性别", "身份证号码", "党籍情况", None, None, "所在党支部", "联系电话"])
    ws.append([None, None, None, None, "入党时间", "转正时间", "人员类别", None, None])
    for column in "ABCDHI":
        ws.merge_cells(f"{column}4:{column}5")
    ws.merge_cells("E4:G4")
    body = [
        [1, "王建国 ", "男", ID_WANG, date(2010, 6, 1), 40725, "正式党员", "南湾综合党委第一支部", "１３８００１３８０００"],
        [2, "李梅", "女", ID_LI, "2019.3", "2020年3月", "正式", None, "13900139000"],
        [3, "赵强", "男", ID_FLOAT, "2015/7/1", "", "正式党员", None, ""],
        [4, "钱多多", "", ID_X.lower(), "2008-02-30", "", "预备", "南湾综合党委第一支部", ""],
        [5, "孙悟", "男", ID_ZHAO[:-1] + ("0" if ID_ZHAO[-1] != "0" else "1"), "2001-07-01", "", "正式党员", "", ""],
        [6, "王建国", "男", ID_WANG, "2010-06-01", "", "正式党员", "南湾综合党委第一支部", ""],
        ["合计", "", "", "", "", "", "", "", ""],
    ]  # fmt: skip
    for row in body:
        ws.append(row)
    ws.merge_cells("H6:H8")  # the branch written once beside rows 6–8
    ws.append(["填表人：", "张三", "", "审核人：", "李四"])
    wb.save(path)
    return path


def soffice() -> str:
    """The LibreOffice program, or skip (never in CI, where .ci/run installs it)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if IN_CI:
            pytest.fail("LibreOffice (soffice) is required in CI: .ci/run installs libreoffice-calc-nogui")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def convert(source: Path, to: str, folder: Path) -> Path:
    """``source`` converted by LibreOffice headless (as a clerk's "另存为" would)."""
    profile = folder / ".lo-profile"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    made = folder / f"{source.stem}.{to.split(':')[0]}"
    assert made.exists(), f"LibreOffice did not write {made}"
    return made
