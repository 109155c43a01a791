"""台账 in and out at scale, each beside a floor measured in the same run:

- ``ledger_import``: a 党员花名册 of N member rows (1,000 / 10,000 / 100,000 for small /
  subdistrict / district) read, its header found, every cell through the member field
  specs and rules, matched, written with the journal and committed, into a copy of the
  small demo (whose Party organizations and employers the rows name). Floor: calamine
  reading the same sheet plus raw ``sqlite3`` ``executemany`` of exactly the rows the
  import wrote (member rows and their journal rows) and the commit.
- ``ledger_export``: the member register of that size exported in full to .xlsx
  (XlsxWriter, constant memory). Floor: bare XlsxWriter writing the same rows' raw
  column values.
- ``ledger_dry_run``: the dry run of a 1,500-row 两新组织 ledger (title rows, a 合计 row,
  some bad cells, half of it already registered). Floor: calamine reading the sheet
  and one SELECT of the registered organizations.

SQLite only: the engine's share is the bulk insert, which ``demo_fill`` already
measures on PostgreSQL. The ledgers are made once and kept in ``bench/.cache``.

Imported through ``python -m bench`` (bench/__main__.py): it adds "ledger" to the
harness's scenarios.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench import harness
from bench.datasets import CACHE, SIZES, Size, Target, database
from bench.scenarios import Scenario

VERSION = 1  # bump when the ledgers made here change
ROWS = {"small": 1_000, "subdistrict": 10_000, "district": 100_000}
DRY_RUN_ROWS = 1_500
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红梅鑫波斌宇浩凯健俊帆帅旭宁龙林欣佳丹玲婷雪琳晨阳辉鹏颖海燕"
EDUCATION = ("大学本科", "大学专科", "研究生（硕士）", "中专/高中", "本科", "大专")


def _registered(db: Path) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """The demo's Party organization and organization names, and (name, credit code) pairs."""
    con = sqlite3.connect(db)
    try:
        parties = [r[0] for r in con.execute("SELECT name FROM party_org WHERE deleted = 0 ORDER BY name")]
        orgs = [r[0] for r in con.execute("SELECT name FROM organization WHERE deleted = 0 ORDER BY name")]
        codes = [
            (r[0], r[1])
            for r in con.execute("SELECT name, uscc FROM organization WHERE deleted = 0 AND uscc IS NOT NULL")
        ]
    finally:
        con.close()
    return parties, orgs, codes


def _roster(path: Path, rows: int, base: Path) -> Path:
    """A roster as an office keeps it: a title, a 填报单位 line, then one row per member."""
    import xlsxwriter

    from app.domain.idcard import make_id_number

    if path.exists():
        return path
    parties, orgs, _ = _registered(base)
    rng = random.Random(rows)
    partial = path.with_suffix(".partial.xlsx")
    book = xlsxwriter.Workbook(str(partial), {"constant_memory": True})
    ws = book.add_worksheet("花名册")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, ["南湾街道党员花名册"])
    ws.write_row(1, 0, ["填报单位：南湾街道党工委"])
    ws.write_row(
        3,
        0,
        [
            "序号",
            "姓名",
            "性别",
            "民族",
            "身份证号码",
            "联系电话",
            "学历",
            "入党时间",
            "人员类别",
            "工作单位",
            "所在党支部",
        ],
    )
    used: set[str] = set()
    for i in range(rows):
        while True:
            born = date(1955, 1, 1) + timedelta(days=rng.randrange(365 * 45))
            number = make_id_number("110105", born, rng.randrange(1000))  # a division the demo does not use
            if number not in used:
                used.add(number)
                break
        male = int(number[16]) % 2 == 1
        joined = born + timedelta(days=365 * 19 + rng.randrange(365 * 20))
        joined = min(joined, date(2025, 6, 30))
        r = 4 + i
        ws.write_row(
            r,
            0,
            [
                i + 1,
                rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else ""),
                "男" if male else "女",
                "汉族",
                number,
                f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
                rng.choice(EDUCATION),
            ],
        )
        ws.write_datetime(r, 7, joined, day)
        ws.write_row(
            r, 8, ["正式党员" if rng.random() < 0.9 else "预备", rng.choice(orgs), rng.choice(parties)]
        )
    book.close()
    partial.rename(path)
    return path


def _org_ledger(path: Path, base: Path) -> Path:
    """1,500 organizations: half registered (by credit code), half new, a few bad cells."""
    import xlsxwriter

    from app.domain.uscc import make_uscc

    if path.exists():
        return path
    _, _, codes = _registered(base)
    rng = random.Random(DRY_RUN_ROWS)
    partial = path.with_suffix(".partial.xlsx")
    book = xlsxwriter.Workbook(str(partial), {"constant_memory": True})
    ws = book.add_worksheet("两新组织")
    ws.write_row(0, 0, ["南湾街道两新组织台账"])
    ws.write_row(1, 0, ["填报单位：南湾街道党工委"])
    ws.write_row(
        3,
        0,
        [
            "序号",
            "企业名称",
            "统一社会信用代码",
            "从业人员",
            "所属社区",
            "是否建立党组织",
            "联系电话",
            "地址",
        ],
    )
    for i in range(DRY_RUN_ROWS):
        if i < len(codes) and i % 2 == 0:
            name, code = codes[i]
        else:
            name, code = f"深圳市测试{i:04d}科技有限公司", make_uscc("9", "1", "440307", f"MB{i:06d}")
        staff: Any = f"{rng.randrange(1, 900)}人" if i % 7 else rng.randrange(1, 900)
        if i % 97 == 0:
            staff = "若干"
        ws.write_row(
            4 + i,
            0,
            [
                i + 1,
                name,
                code.lower() if i % 5 == 0 else code,
                staff,
                "南岭社区",
                "是" if i % 3 else "否",
                "0755-28881234",
                "南湾街道某路1号",
            ],
        )
    ws.write_row(4 + DRY_RUN_ROWS, 0, ["合计"])
    book.close()
    partial.rename(path)
    return path


def _timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _read_sheet(path: Path) -> list[list[Any]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    try:
        return book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    finally:
        book.close()


def scenarios(size: Size, db: Target, engine: str = "sqlite") -> list[Scenario]:
    if engine != "sqlite":
        return []
    from app.ledger.export import export_register
    from app.ledger.importing import dry_run, import_ledger, open_ledger
    from app.store import open_store

    base = database(SIZES["small"])  # the demo whose names the rows use
    rows = ROWS[size.name]
    CACHE.mkdir(exist_ok=True)
    roster = _roster(CACHE / f"ledger-v{VERSION}-members-{rows}.xlsx", rows, base)
    org_ledger = _org_ledger(CACHE / f"ledger-v{VERSION}-organizations-{DRY_RUN_ROWS}.xlsx", base)
    scratch = CACHE / "ledger-scratch"  # this run's databases; the last run's are removed now
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    counter = iter(range(10**6))

    def fresh() -> Path:
        path = scratch / f"import-{next(counter)}.sqlite3"
        shutil.copy(base, path)
        return path

    def ours_import() -> float:
        path = fresh()
        store = open_store(str(path))
        try:
            started = time.perf_counter()
            result = import_ledger(store, open_ledger(store, roster, "members"))
            elapsed = time.perf_counter() - started
        finally:
            store.close()
        path.unlink()
        assert result.written == rows, result.plan.counts
        return elapsed

    # Once: what the import writes, for the floor to write the same rows raw.
    written = fresh()
    con = sqlite3.connect(written)
    before = con.execute("SELECT value FROM counter WHERE name = 'journal'").fetchone()[0]
    con.close()
    store = open_store(str(written))
    try:
        result = import_ledger(store, open_ledger(store, roster, "members"))
    finally:
        store.close()
    con = sqlite3.connect(written)
    member_cols = [r[1] for r in con.execute("PRAGMA table_info(member)")]
    journal_cols = [r[1] for r in con.execute("PRAGMA table_info(journal)")]
    imported = con.execute(
        f"SELECT {', '.join(member_cols)} FROM member WHERE id_number LIKE '110105%'"
    ).fetchall()
    journal = con.execute(
        f"SELECT {', '.join(journal_cols)} FROM journal WHERE seq > ?", (before,)
    ).fetchall()
    con.close()
    assert len(imported) == rows == result.written

    def floor_import() -> float:
        path = fresh()
        started = time.perf_counter()
        _read_sheet(roster)
        con = sqlite3.connect(path)
        con.executemany(
            f"INSERT INTO member ({', '.join(member_cols)}) VALUES ({', '.join('?' * len(member_cols))})",
            imported,
        )
        con.executemany(
            f"INSERT INTO journal ({', '.join(journal_cols)}) VALUES ({', '.join('?' * len(journal_cols))})",
            journal,
        )
        con.execute("UPDATE counter SET value = value + ? WHERE name = 'journal'", (len(journal),))
        con.commit()
        elapsed = time.perf_counter() - started
        con.close()
        path.unlink()
        return elapsed

    export_store = open_store(str(written))  # open for the rest of the run
    out = scratch / "export.xlsx"

    def ours_export() -> float:
        return _timed(lambda: export_register(export_store, "members", out, full=True))

    con = sqlite3.connect(written)
    raw_rows = con.execute(
        "SELECT name, gender, ethnicity, id_number, phone, education, joined_on, full_on, category, relation, "
        "mobile_from, mobile_to, employer_id, party_org_id, exit_kind, exit_on, exit_note, notes "
        "FROM member WHERE deleted = 0 AND exit_kind IS NULL ORDER BY name_pinyin"
    ).fetchall()
    con.close()

    def floor_export() -> float:
        import xlsxwriter

        started = time.perf_counter()
        book = xlsxwriter.Workbook(str(scratch / "floor.xlsx"), {"constant_memory": True})
        ws = book.add_worksheet("党员")
        for r, row in enumerate(raw_rows):
            ws.write_row(r, 0, row)
        book.close()
        return time.perf_counter() - started

    dry_store = open_store(str(fresh()))

    def ours_dry() -> float:
        return _timed(
            lambda: dry_run(
                dry_store, open_ledger(dry_store, org_ledger, "organizations"), create_communities=True
            )
        )

    def floor_dry() -> float:
        started = time.perf_counter()
        _read_sheet(org_ledger)
        with dry_store.engine.connect() as conn:
            conn.exec_driver_sql("SELECT * FROM organization WHERE deleted = 0").fetchall()
        return time.perf_counter() - started

    target = "≤ 4 s and ≤ 2× baseline" if rows >= 100_000 else "≤ 2× baseline (4 s applies at 100,000 rows)"
    return [
        Scenario(
            "ledger_import",
            f"导入台账: a {rows:,}-row 党员花名册 read, checked by the member rules and committed with its journal",
            "calamine read + raw sqlite3 executemany of the same member and journal rows",
            target,
            "s",
            ours_import,
            floor_import,
            lambda ours, base: ours <= 2 * base and (rows < 100_000 or ours <= 4.0),
        ),
        Scenario(
            "ledger_export",
            f"导出: {len(raw_rows):,} members to .xlsx in full (XlsxWriter, constant memory)",
            "bare XlsxWriter (constant memory) writing the same rows' raw values",
            "≤ 8 s at 100,000 rows",
            "s",
            ours_export,
            floor_export,
            lambda ours, base: len(raw_rows) < 100_000 or ours <= 8.0,
        ),
        Scenario(
            "ledger_dry_run",
            f"试导入 of a {DRY_RUN_ROWS:,}-row 两新组织 ledger (title rows, 合计, bad cells, half registered)",
            "calamine read of the sheet + one SELECT of the registered organizations",
            "≤ 1 s",
            "ms",
            ours_dry,
            floor_dry,
            lambda ours, base: ours <= 1.0,
        ),
    ]


def install() -> None:
    """Add "ledger" to the harness's scenarios (called from bench/__main__.py)."""
    if "ledger" in harness.STORAGE:
        return
    harness.STORAGE = (*harness.STORAGE, "ledger")
    before = harness.all_scenarios

    def with_ledger(
        size: Size, db: Target, engine: str = "sqlite"
    ) -> dict[str, Callable[[], list[Scenario]]]:
        return {**before(size, db, engine), "ledger": lambda: scenarios(size, db, engine)}

    harness.all_scenarios = with_ledger


install()
