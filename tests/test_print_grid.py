"""The registers' grid (app/reports/grid.py) read back from the PDF: every page
landscape with the header row and 第 x 页 共 y 页, every row once and whole on one
page, long names wrapped (or ended with … past the cell's lines), rare characters
in their fallback font, and a cancelled print leaving nothing behind."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.jobs import run_job
from app.reports import grid
from app.reports.grid import Sheet, write_grid_job
from app.reports.registers import (
    LEDGER_COLUMNS,
    LEDGER_TITLES,
    ROSTER_COLUMNS,
    print_ledger_job,
    print_roster,
)
from app.services import members, organizations, party_orgs
from app.store import Store
from tests.pdf_checks import assert_fonts_embedded
from tests.test_printing import RARE_A, RARE_B, RARE_B2, flat, font_names, lines_off_the_page

ROWS = 300
LONG = "深圳市前海华信国际物流供应链管理服务有限公司龙岗分公司第一党支部联合委员会办公室"  # 40
FIFTY = (LONG + "华信物流中心仓储部门")[:50]


def _row(i: int) -> list[object]:
    """A ledger row whose every cell can be told apart: the name and the unit carry ``i``."""
    return [
        i,
        f"甲{i:04d}号华信科技有限公司",
        "非公企业",
        "南岭社区" if i % 3 else None,  # some empty cells
        "信息技术",
        i * 7 if i % 5 else None,
        "" if i % 2 else f"乙{i:04d}党支部",
        "已覆盖（单独组建）",
        f"丙{i:04d}局",
    ]


def _batches(rows: list[list[object]], size: int = 64) -> Iterator[list[list[object]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _print(path: Path, rows: list[list[object]], columns: list[grid.Column] = LEDGER_COLUMNS) -> Path:
    sheet = Sheet("两新组织台账", "南湾街道（440307001）", "打印日期：2026年5月10日")
    return run_job(write_grid_job(path, columns, _batches(rows), total=len(rows), sheet=sheet))


def _pages(pdf: Path) -> list[str]:
    return ["".join(page.extract_text().split()) for page in PdfReader(pdf).pages]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = [_row(i) for i in range(1, ROWS + 1)]
    rows[41][1] = FIFTY
    rows[42][1] = "超长名称" * 60  # 240 characters: more than a cell's lines hold
    rows[43][1] = f"深圳市{RARE_A}{RARE_B}{RARE_B2}科技有限公司"
    rows[43][8] = "第一段\n\n第三段"  # an empty line inside a cell, after the fallback fonts
    return _print(tmp_path_factory.mktemp("grid") / "台账.pdf", rows)


def test_every_page_is_landscape_with_the_header_row_and_its_number(ledger: Path) -> None:
    reader = PdfReader(ledger)
    total = len(reader.pages)
    assert total >= 5
    for n, (page, text) in enumerate(zip(reader.pages, _pages(ledger), strict=True), 1):
        assert float(page.mediabox.width) > float(page.mediabox.height)
        assert "".join(LEDGER_TITLES) in text, n  # the header row, in its order
        assert (
            text.endswith(f"第{n}页共{total}页两新组织党建工作台0.1.0生成") or f"第{n}页共{total}页" in text
        )
        assert text.startswith("南湾街道（440307001）打印日期：2026年5月10日")
    assert "两新组织台账" in _pages(ledger)[0] and "两新组织台账" not in _pages(ledger)[1]
    assert_fonts_embedded(ledger)


def test_every_row_is_printed_once_in_order_and_never_split(ledger: Path) -> None:
    pages = _pages(ledger)
    everything = "".join(pages)
    for i in range(1, ROWS + 1):
        if i in (42, 43, 44):
            continue
        assert everything.count(f"甲{i:04d}号华信科技有限公司") == 1, i
        [page] = [p for p in pages if f"甲{i:04d}号" in p]
        assert f"丙{i:04d}局" in page  # the row's last cell on the same page as its first
        if i % 2 == 0:
            assert f"乙{i:04d}党支部" in page
    keys = [int(k) for k in re.findall(r"甲(\d{4})号", everything)]
    assert keys == sorted(keys) and len(keys) == ROWS - 3
    assert "None" not in everything


def test_a_fifty_character_name_wraps_in_full_and_a_longer_one_ends_with_an_ellipsis(ledger: Path) -> None:
    everything = "".join(_pages(ledger))
    assert FIFTY in everything
    cut = re.search(r"(?:超长名称)+[超长名称]*…", everything)
    assert cut is not None and 40 < len(cut.group()) < 240  # some lines of it, then …
    assert lines_off_the_page(ledger) == []


def test_rare_characters_print_in_the_fallback_fonts_and_read_back(ledger: Path) -> None:
    everything = "".join(_pages(ledger))
    assert f"深圳市{RARE_A}{RARE_B}{RARE_B2}科技有限公司" in everything
    assert "第一段第三段" in everything  # back in the main font after them
    assert {"WenQuanYiMicroHei-0", "LiangxinHanA", "LiangxinHanB"} <= font_names(ledger)


def test_a_cancelled_grid_leaves_no_file_and_stops_reading(tmp_path: Path) -> None:
    read: list[int] = []

    def batches() -> Iterator[list[list[object]]]:
        for start in range(0, 1000, 100):
            read.append(start)
            yield [_row(i) for i in range(start + 1, start + 101)]

    target = tmp_path / "台账.pdf"
    target.write_bytes(b"old")
    job = write_grid_job(target, LEDGER_COLUMNS, batches(), total=1000, sheet=Sheet("台账", "南湾街道"))
    for _ in range(4):
        next(job)
    job.close()
    assert read == [0, 100, 200, 300]  # three drawn, one read ahead, then no more
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["台账.pdf"]


def test_the_ledger_and_roster_print_through_the_grid(store: Store, tmp_path: Path) -> None:
    org = organizations.add_organization(store, {"name": FIFTY, "kind": "enterprise", "employees": 120})["id"]
    party = party_orgs.add_party_org(
        store, {"name": "华信科技党支部", "level": "branch", "secretary": f"王{RARE_A}"}, covers=[org]
    )["id"]
    for name in (f"王{RARE_A}", f"{RARE_B}祥", "张伟"):
        members.add_member(store, {"name": name, "employer": org, "party_org": party})
    ledger = run_job(print_ledger_job(store, tmp_path / "台账.pdf"))
    [text] = _pages(ledger)
    assert f"1{FIFTY}非公企业" in text and "120华信科技党支部" in text
    assert "第1页共1页" in text
    roster = print_roster(store, party, tmp_path / "花名册.pdf")
    [text] = _pages(roster)
    assert "华信科技党支部党员花名册" in text and "党员3名·身份证号码和电话已部分隐藏" in text
    assert "".join(c.title for c in ROSTER_COLUMNS) in text
    assert f"王{RARE_A}" in text and f"{RARE_B}祥" in text and "张伟" in text
    assert_fonts_embedded(roster)
    assert flat(roster).count("张伟") == 1
