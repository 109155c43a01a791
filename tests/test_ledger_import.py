"""导入台账 through the app functions the window and the CLI call: real workbooks made
the way offices make them, a real database (SQLite; PostgreSQL where the engine
matters), every refused cell with its row, column and reason."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.errors import FieldError, LiangxinError
from app.jobs import run_job
from app.ledger.export import export_register
from app.ledger.history import list_imports, undo_import
from app.ledger.importing import dry_run, import_ledger, import_ledger_job, open_ledger
from app.ledger.mappings import save_mapping
from app.ledger.report import write_report
from app.ledger.values import ID_AS_NUMBER
from app.services import members, organizations, party_orgs
from app.services.communities import add_community
from app.store import Store
from db.models import JournalEntry, Member, Organization
from tests.ledger_books import ID_LI, ID_WANG, ID_X, USCC_A, USCC_C, members_book, organizations_book


def _issues(plan, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.reason for i in plan.issues if i.row == row]


def test_an_office_ledger_is_read_under_its_title_and_every_refusal_names_row_column_and_reason(
    store: Store, tmp_path: Path
) -> None:
    ledger = open_ledger(store, organizations_book(tmp_path / "台账.xlsx"), "organizations")
    assert ledger.header.row == 3  # under the merged title, the 填报单位 line and a blank row
    mapping = dict(zip(ledger.names, ledger.mapping, strict=True))
    assert mapping["企业名称"] == "name" and mapping["统一社会信用代码"] == "uscc"
    assert mapping["从业人员（人）"] == "employees" and mapping["所属社区"] == "community"
    assert mapping["是否建立党组织（是/否）"] == "has_party_org" and mapping["序号"] is None

    plan = dry_run(store, ledger)
    assert plan.counts == {"new": 0, "update": 0, "unchanged": 0, "refused": 5, "skipped": 3}
    assert plan.new_communities == {"南岭社区": [5, 6], "丹竹头社区": [7]}
    uscc = next(i for i in plan.issues if i.row == 8 and i.letter == "C")
    assert uscc.column == "统一社会信用代码" and uscc.refused and "第18位校验码" in uscc.reason
    staff = next(i for i in plan.issues if i.row == 8 and i.letter == "D")
    assert staff.value == "约二十" and "应为整数" in staff.reason
    assert any("与第 5 行重复（统一社会信用代码相同）" in r for r in _issues(plan, 9))
    skipped = {i.row: i.reason for i in plan.issues if i.reason.startswith("已跳过")}
    assert set(skipped) == {10, 11, 13} and "合计" in skipped[11] and "填表人" in skipped[13]

    plan = dry_run(store, ledger, create_communities=True)
    assert plan.counts == {"new": 3, "update": 0, "unchanged": 0, "refused": 2, "skipped": 3}
    assert any(
        "只写到月份" not in r and "未关联党组织" in r for r in _issues(plan, 5)
    )  # 是否建立党组织 said yes


def test_values_as_offices_write_them_are_stored_as_typed_ones_would_be(store: Store, tmp_path: Path) -> None:
    ledger = open_ledger(store, organizations_book(tmp_path / "台账.xlsx"), "organizations")
    result = import_ledger(store, ledger, create_communities=True)
    assert result.written == 3 and result.import_id
    with store.read() as session:
        orgs = {o.name: o for o in session.scalars(select(Organization))}
        a = orgs["深圳市甲科技有限公司"]  # trailing spaces gone
        assert (a.uscc, a.employees, a.has_union, a.kind) == (
            USCC_A,
            120,
            True,
            "enterprise",
        )  # lower case, １２０人, √
        b = orgs["深圳市乙物流有限公司"]
        assert (b.employees, b.has_union) == (35, False)  # 35.0 and ×
        c = orgs["南湾街道丙社会工作服务中心"]
        assert (c.kind, c.subtype, c.uscc) == ("social_org", "private_non_enterprise", USCC_C)
        assert a.name_initials.startswith("szsjkj")  # searchable like a typed one
    assert [o.name for o in organizations.list_organizations(store, search="szsj").rows] == [
        "深圳市甲科技有限公司"
    ]


def test_a_roster_with_a_two_row_header_links_members_and_refuses_a_float_id_with_the_sentence(
    store: Store, tmp_path: Path
) -> None:
    party_orgs.add_party_org(store, {"name": "南湾综合党委第一支部", "level": "branch"})
    ledger = open_ledger(store, members_book(tmp_path / "花名册.xlsx"), "members")
    assert ledger.header.rows == 2 and ledger.header.row == 4
    assert "党籍情况/入党时间" in ledger.names
    mapping = dict(zip(ledger.names, ledger.mapping, strict=True))
    assert mapping["党籍情况/入党时间"] == "joined_on" and mapping["党籍情况/转正时间"] == "full_on"
    assert mapping["身份证号码"] == "id_number" and mapping["所在党支部"] == "party_org"

    plan = dry_run(store, ledger)
    assert plan.counts == {"new": 2, "update": 0, "unchanged": 0, "refused": 4, "skipped": 2}
    float_id = next(i for i in plan.issues if i.row == 8)
    assert float_id.reason == ID_AS_NUMBER and float_id.column == "身份证号码" and float_id.refused
    assert any("不是" in r and "日期" in r for r in _issues(plan, 9))  # 2008-02-30 does not exist
    assert any("校验码" in r for r in _issues(plan, 10))
    assert any("与第 6 行重复（公民身份号码相同）" in r for r in _issues(plan, 11))
    month = [i for i in plan.issues if i.row == 7 and not i.refused]
    assert {i.column for i in month} == {"党籍情况/入党时间", "党籍情况/转正时间"}  # said, not refused

    import_ledger(store, ledger)
    with store.read() as session:
        found = {m.name: m for m in session.scalars(select(Member))}
        wang, li = found["王建国"], found["李梅"]
        assert wang.phone == "13800138000" and wang.full_on == date(
            2011, 7, 1
        )  # full-width digits, Excel serial
        assert (li.joined_on, li.full_on, li.category) == (date(2019, 3, 1), date(2020, 3, 1), "full")
        assert li.gender == "female" and li.party_org_id == wang.party_org_id is not None  # merged cell read
    assert set(found) == {"王建国", "李梅"}  # the float ID (赵强) and the other refused rows are not stored


def test_an_id_number_with_a_lower_case_x_is_the_same_number(store: Store, tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["姓名", "公民身份号码", "入党日期", "出生年月"])
    book.active.append(["钱多多", ID_X.lower(), "2008-03-01", "1982年2月"])  # the ID says January
    book.save(tmp_path / "x.xlsx")
    result = import_ledger(store, open_ledger(store, tmp_path / "x.xlsx", "members"))
    assert members.list_members(store, search=ID_X, reveal=True).rows[0].id_number == ID_X
    doubt = result.plan.issues[0]
    assert (doubt.column, doubt.refused) == ("出生年月", False) and "以身份证号为准" in doubt.reason


def test_one_validation_path_the_import_refuses_what_the_editor_refuses_in_the_same_words(
    store: Store, tmp_path: Path
) -> None:
    """The same bad values typed and imported: the same sentence."""
    add_community(store, "南岭社区")
    cases = {
        "uscc": USCC_A[:-1] + "0" if USCC_A[-1] != "0" else USCC_A[:-1] + "1",
        "employees": "-5",
        "kind": "国企",
    }
    book = Workbook()
    book.active.append(["组织名称", "统一社会信用代码", "职工人数", "组织类型"])
    book.active.append(["甲", cases["uscc"], "", "非公企业"])
    book.active.append(["乙", "", cases["employees"], "非公企业"])
    book.active.append(["丙", "", "", cases["kind"]])
    book.save(tmp_path / "bad.xlsx")
    plan = dry_run(store, open_ledger(store, tmp_path / "bad.xlsx", "organizations"))
    for row, (field, value) in zip((2, 3, 4), cases.items(), strict=True):
        with pytest.raises(FieldError) as typed:
            organizations.add_organization(store, {"name": "试", "kind": "enterprise", field: value})
        assert _issues(plan, row) == [typed.value.message]

    book = Workbook()
    book.active.append(["姓名", "公民身份号码", "入党日期", "性别"])
    young = ID_LI  # born 1990-07-01: joining in 2005 is before eighteen
    book.active.append(["李梅", young, "2005-01-01", "女"])
    book.active.append(["王建国", ID_WANG, "2010-06-01", "女"])
    book.save(tmp_path / "bad-members.xlsx")
    plan = dry_run(store, open_ledger(store, tmp_path / "bad-members.xlsx", "members"))
    for row, values in (
        (2, {"name": "李梅", "id_number": young, "joined_on": "2005-01-01"}),
        (3, {"name": "王建国", "id_number": ID_WANG, "gender": "female"}),
    ):
        with pytest.raises(FieldError) as typed:
            members.add_member(store, values)
        assert typed.value.message in _issues(plan, row)


def test_matching_by_credit_code_then_exact_name_updates_and_reports_unchanged(
    store: Store, tmp_path: Path
) -> None:
    add_community(store, "南岭社区")
    organizations.add_organization(
        store, {"name": "深圳市甲科技有限公司", "kind": "enterprise", "employees": "100"}
    )
    organizations.add_organization(store, {"name": "旧名称", "kind": "enterprise", "uscc": USCC_C})
    book = Workbook()
    book.active.append(["单位名称", "信用代码", "员工数"])
    book.active.append(["深圳市甲科技有限公司", USCC_A, 120])  # by name: gains its code, staff change
    book.active.append(["新名称", USCC_C, ""])  # by code: renamed
    book.save(tmp_path / "u.xlsx")
    ledger = open_ledger(store, tmp_path / "u.xlsx", "organizations")
    plan = dry_run(store, ledger)
    assert plan.counts["update"] == 2 and plan.counts["new"] == 0
    import_ledger(store, ledger)
    a = organizations.get_organization(store, "深圳市甲科技有限公司")
    assert (a["uscc"], a["employees"]) == (USCC_A, 120)
    assert organizations.get_organization(store, USCC_C[:0] or "新名称")["uscc"] == USCC_C
    assert organizations.list_organizations(store, search="xmc").total == 1  # the new name's pinyin
    again = dry_run(store, ledger)
    assert again.counts["unchanged"] == 2 and again.writes == 0


def test_all_or_nothing_writes_nothing_while_a_row_is_refused(store: Store, tmp_path: Path) -> None:
    ledger = open_ledger(store, organizations_book(tmp_path / "台账.xlsx"), "organizations")
    result = import_ledger(store, ledger, create_communities=True, all_or_nothing=True)
    assert result.import_id is None and result.written == 0 and result.refused == 2
    assert organizations.list_organizations(store).total == 0
    assert list_imports(store) == []


def test_cancel_leaves_the_database_as_it_was(store: Store, tmp_path: Path) -> None:
    ledger = open_ledger(store, organizations_book(tmp_path / "台账.xlsx"), "organizations")
    with store.read() as session:
        journal = session.scalar(select(func.count()).select_from(JournalEntry))
    job = import_ledger_job(store, ledger, create_communities=True)
    steps = [next(job), next(job)]  # checked, and the first chunk written inside the transaction
    assert steps[-1].done == 3
    job.close()  # 取消
    assert organizations.list_organizations(store).total == 0
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(JournalEntry)) == journal
    assert list_imports(store) == []


def test_history_and_undo(store: Store, tmp_path: Path) -> None:
    add_community(store, "南岭社区")
    add_community(store, "丹竹头社区")
    organizations.add_organization(
        store, {"name": "深圳市乙物流有限公司", "kind": "enterprise", "employees": "20"}
    )
    ledger = open_ledger(store, organizations_book(tmp_path / "台账.xlsx"), "organizations")
    result = import_ledger(store, ledger)
    assert result.plan.counts["new"] == 2 and result.plan.counts["update"] == 1
    history = list_imports(store)
    assert [(h.file_name, h.counts["new"], h.counts["update"], h.undone) for h in history] == [
        ("台账.xlsx", 2, 1, False)
    ]
    undone = undo_import(store, history[0].id[-8:])
    assert undone.undone
    assert [o.name for o in organizations.list_organizations(store).rows] == ["深圳市乙物流有限公司"]
    assert organizations.get_organization(store, "深圳市乙物流有限公司")["employees"] == 20  # its old value
    with pytest.raises(LiangxinError, match=r"已于 .* 撤销"):
        undo_import(store, history[0].id)
    with store.read() as session:  # the undo travels: tombstones and restored values are journaled
        ops = [e.op for e in session.scalars(select(JournalEntry).order_by(JournalEntry.seq.desc()).limit(3))]
    assert "delete" in ops and "update" in ops


def test_undo_is_refused_when_a_row_was_changed_since(store: Store, tmp_path: Path) -> None:
    ledger = open_ledger(store, organizations_book(tmp_path / "台账.xlsx"), "organizations")
    result = import_ledger(store, ledger, create_communities=True)
    organizations.edit_organization(store, "深圳市乙物流有限公司", {"employees": "40"})
    with pytest.raises(LiangxinError, match="此后又被修改过（如“深圳市乙物流有限公司”）"):
        undo_import(store, result.import_id or "")
    assert organizations.list_organizations(store).total == 3


def test_undo_is_refused_while_another_record_points_at_an_added_one(store: Store, tmp_path: Path) -> None:
    ledger = open_ledger(store, organizations_book(tmp_path / "台账.xlsx"), "organizations")
    result = import_ledger(store, ledger, create_communities=True)
    members.add_member(store, {"name": "王建国", "id_number": ID_WANG, "employer": "深圳市乙物流有限公司"})
    with pytest.raises(LiangxinError, match="已被其他记录引用（如“王建国”）"):
        undo_import(store, result.import_id or "")


def test_a_saved_mapping_is_proposed_again_for_the_same_headers(store: Store, tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["名字", "证件", "支部"])
    book.active.append(["王建国", ID_WANG, ""])
    book.save(tmp_path / "m.xlsx")
    ledger = open_ledger(store, tmp_path / "m.xlsx", "members")
    assert ledger.mapping == [None, None, None] and not ledger.mapping_saved  # names nobody uses
    save_mapping(store, "members", ledger.names, ["name", "id_number", "party_org"])
    again = open_ledger(store, tmp_path / "m.xlsx", "members")
    assert again.mapping == ["name", "id_number", "party_org"] and again.mapping_saved
    assert import_ledger(store, again).written == 1


def test_the_report_holds_the_original_rows_with_a_reason_and_imports_again(
    store: Store, tmp_path: Path
) -> None:
    ledger = open_ledger(store, organizations_book(tmp_path / "台账.xlsx"), "organizations")
    plan = dry_run(store, ledger, create_communities=True)
    out = write_report(plan, tmp_path / "核对结果.xlsx")
    sheet = load_workbook(out).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-2:] == ("导入结果", "未导入原因及提示") and rows[0][1] == "企业名称"
    by_name = {r[1]: r for r in rows[1:] if r[1]}
    assert by_name["深圳市丁贸易有限公司"][-2] == "未导入" and "校验码" in by_name["深圳市丁贸易有限公司"][-1]
    assert by_name["深圳市甲科技有限公司  "][-2] == "新增"
    listing = list(load_workbook(out).worksheets[1].iter_rows(values_only=True))
    assert (8, "C", "统一社会信用代码") in [r[:3] for r in listing]
    # The clerk fixes the ledger in the report and imports it again.
    fixed = open_ledger(store, out, "organizations")
    assert fixed.mapping[-2:] == [None, None]
    assert dry_run(store, fixed, create_communities=True).counts["new"] == 3


@pytest.mark.parametrize("kind", ["organizations", "members", "party-orgs"])
def test_round_trip_export_then_import_changes_nothing(demo_store: Store, tmp_path: Path, kind: str) -> None:
    out = export_register(demo_store, kind, tmp_path / f"{kind}.xlsx", full=True)
    plan = dry_run(demo_store, open_ledger(demo_store, out, kind))
    assert plan.counts["new"] == 0 and plan.counts["update"] == 0 and plan.counts["refused"] == 0
    assert plan.counts["unchanged"] > 0


def test_a_masked_export_is_not_taken_for_id_numbers(demo_store: Store, tmp_path: Path) -> None:
    out = export_register(demo_store, "members", tmp_path / "masked.xlsx")
    rows = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
    ids = [r[rows[0].index("公民身份号码")] for r in rows[1:] if r[rows[0].index("公民身份号码")]]
    assert ids and all("*" in i for i in ids)
    plan = dry_run(demo_store, open_ledger(demo_store, out, "members"))
    assert plan.counts["refused"] == len(ids) and "已打码" in plan.issues[0].reason


def test_export_follows_the_search_and_sort_on_screen(demo_store: Store, tmp_path: Path) -> None:
    shown = organizations.list_organizations(demo_store, search="科技", sort="employees", descending=True)
    out = export_register(
        demo_store, "organizations", tmp_path / "o.xlsx", search="科技", sort="employees", descending=True
    )
    sheet = load_workbook(out).worksheets[0]
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == [r.name for r in shown.rows]
    assert sheet.freeze_panes == "A2"


def test_nothing_in_an_export_runs_as_a_formula(store: Store, tmp_path: Path) -> None:
    organizations.add_organization(store, {"name": '=HYPERLINK("http://x","点我")', "kind": "enterprise"})
    organizations.add_organization(store, {"name": "+86 公司", "kind": "enterprise"})
    out = export_register(store, "organizations", tmp_path / "f.xlsx")
    with __import__("zipfile").ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet  # no formula cell anywhere
    names = [r[0] for r in load_workbook(out).worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert '=HYPERLINK("http://x","点我")' in names and "+86 公司" in names


def test_journal_rows_of_an_import_travel_like_typed_ones(store: Store, tmp_path: Path) -> None:
    ledger = open_ledger(store, organizations_book(tmp_path / "台账.xlsx"), "organizations")
    import_ledger(store, ledger, create_communities=True)
    with store.read() as session:
        entries = [
            (e.op, json.loads(e.changes))
            for e in session.scalars(select(JournalEntry).where(JournalEntry.table_name == "organization"))
        ]
        owners = {o.owner for o in session.scalars(select(Organization))}
    assert [op for op, _ in entries] == ["insert"] * 3 and owners == {store.station.code}
    assert {changes["name"][1] for _, changes in entries} == {
        "深圳市甲科技有限公司",
        "深圳市乙物流有限公司",
        "南湾街道丙社会工作服务中心",
    }


def test_the_import_on_postgresql(any_store: Store, tmp_path: Path) -> None:
    party_orgs.add_party_org(any_store, {"name": "南湾综合党委第一支部", "level": "branch"})
    ledger = open_ledger(any_store, members_book(tmp_path / "花名册.xlsx"), "members")
    result = import_ledger(any_store, ledger)
    assert result.written == 2
    assert run_job(import_ledger_job(any_store, ledger)).plan.counts["unchanged"] == 2
    undo_import(any_store, result.import_id or "")
    assert members.list_members(any_store).total == 0


def test_the_quick_answers_for_common_cells_are_what_the_field_specs_answer() -> None:
    """The per-cell shortcut (plain text, known codes, ID numbers, date cells) gives what
    translate + Field.parse give, and leaves everything else to them."""
    from app.ledger import values
    from app.ledger.kinds import ledger_kind

    samples = [
        "王建国", " 王建国 ", "ＡＢＣ１２３", "正式党员", "正式", "full", "男", "女性", "本科", "大学本科",
        ID_WANG, ID_X.lower(), ID_WANG[:-1] + "0", "138****0000", "a\u200bb", "x" * 300, "",
        date(2019, 3, 1), date(1900, 1, 1), 35.0, 120, True, None,
    ]  # fmt: skip
    checked = 0
    for key in ("organizations", "members", "party-orgs"):
        for spec in ledger_kind(key).specs.values():
            fast = values.fast_reader(spec)
            if fast is None:
                continue
            for raw in samples:
                answer = fast(raw)
                if answer is values.SLOW:
                    continue
                assert answer == values.parse(spec, values.translate(spec, raw).value), (spec.name, raw)
                checked += 1
    assert checked > 50
