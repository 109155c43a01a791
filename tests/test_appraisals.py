"""考核评议 and printed registers: templates as checked data, scores within their
maximum, final means frozen, and PDFs read back — fonts embedded, Chinese text
intact, long text kept inside the page, long forms flowing with the header repeated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli.main import main
from app.errors import FieldError, LiangxinError
from app.reports.forms import print_appraisals
from app.services import appraisal_templates, appraisals, members, organizations, party_orgs
from app.services.audit import read_journal
from app.store import Store
from tests.pdf_checks import assert_fonts_embedded

# Compares the database file's bytes: SQLite only.
SQLITE_ONLY = pytest.mark.parametrize("any_store", ["sqlite"], indirect=True)


@pytest.fixture
def store(any_store: Store) -> Store:
    """Every test here on both engines: appraisals, their forms and the registers they
    print read the same records either way."""
    return any_store


def text_of(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


@pytest.fixture
def branch(store: Store) -> str:
    org = organizations.add_organization(store, {"name": "深圳市华信物流有限公司", "kind": "enterprise"})[
        "id"
    ]
    party = party_orgs.add_party_org(
        store, {"name": "华信物流党支部", "level": "branch", "secretary": "王秀英"}, covers=[org]
    )["id"]
    members.add_member(
        store, {"name": "张伟", "id_number": "11010519491231002X", "employer": org, "party_org": party}
    )
    return party


def _full_scores(template: str = "review") -> dict[str, dict[str, object]]:
    parsed = appraisal_templates.parse_template(appraisal_templates.builtin_text(template))
    return {c.code: {"score": c.max - 1 if c.max > 1 else 1, "note": ""} for c in parsed.criteria}


def test_the_three_templates_ship_and_a_bad_one_is_refused_with_line_and_reason(
    store: Store, tmp_path: Path
) -> None:
    names = {t["code"]: t["name"] for t in appraisal_templates.list_templates(store)}
    assert set(names) == {"review", "star_rating", "health_check"}
    review = appraisal_templates.parse_template(appraisal_templates.builtin_text("review"))
    assert [g for g, _ in review.grades] == ["好", "较好", "一般", "差"]
    assert review.max_total == 100 and review.grade_for(85) == "较好"
    assert (
        appraisal_templates.parse_template(appraisal_templates.builtin_text("health_check")).kind
        == "checklist"
    )

    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "code": "x",\n  "name": "坏模板",\n  "sections": [\n', encoding="utf-8")
    with pytest.raises(LiangxinError, match=r"“broken.json”第 5 行第 1 列不是有效的 JSON"):
        appraisal_templates.import_template(store, broken)
    bad_max = tmp_path / "bad.json"
    bad_max.write_text(
        json.dumps(
            {
                "code": "mine",
                "name": "自定义",
                "sections": [
                    {
                        "title": "一",
                        "criteria": [
                            {"code": "M1", "title": "甲", "max": 10},
                            {"code": "M2", "title": "乙", "max": 0},
                        ],
                    }
                ],
                "grades": [{"name": "合格", "min": 0}],
            },
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    line = next(
        i for i, text in enumerate(bad_max.read_text(encoding="utf-8").splitlines(), 1) if '"M2"' in text
    )
    with pytest.raises(
        LiangxinError, match=rf"第 {line} 行：考核内容“M2”的满分“max”应为 0 至 1000 之间的正数"
    ):
        appraisal_templates.import_template(store, bad_max)


def test_a_custom_template_imports_and_gets_a_new_version(store: Store, tmp_path: Path) -> None:
    body = {
        "code": "building",
        "name": "楼宇党建评分表",
        "sections": [{"title": "一、阵地", "criteria": [{"code": "L1", "title": "有活动场所", "max": 50}]}],
        "grades": [{"name": "达标", "min": 60}, {"name": "不达标", "min": 0}],
    }
    path = tmp_path / "楼宇.json"
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    assert appraisal_templates.import_template(store, path)["version"] == 1
    body["sections"][0]["criteria"][0]["max"] = 60
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    assert appraisal_templates.import_template(store, path)["version"] == 2
    assert "building" in {t["code"] for t in appraisal_templates.list_templates(store)}


def test_scores_outside_the_maximum_are_refused_naming_the_criterion(store: Store, branch: str) -> None:
    [appraisal_id] = appraisals.start_appraisals(store, "review", 2026, [branch])
    with pytest.raises(FieldError, match=r"“A1 研究部署党建工作”的得分应在 0 到 8 之间，“11”不行"):
        appraisals.save_appraisal(store, appraisal_id, scores={"A1": 11})
    with pytest.raises(FieldError, match="得分“十”不是数字"):
        appraisals.save_appraisal(store, appraisal_id, scores={"A1": "十"})
    with pytest.raises(FieldError, match="没有考核内容“Z9”"):
        appraisals.save_appraisal(store, appraisal_id, scores={"Z9": 1})
    partial = appraisals.save_appraisal(store, appraisal_id, scores={"A1": 8})
    assert (partial.total, partial.grade) == (8, None)  # no grade until every criterion is scored
    full = appraisals.save_appraisal(store, appraisal_id, scores=_full_scores())
    assert (full.total, full.grade) == (88, "较好")  # one point short of each of the 12 maxima
    assert appraisals.start_appraisals(store, "review", 2026, [branch]) == [appraisal_id]  # not twice


def test_final_means_frozen_and_reopening_needs_a_recorded_reason(store: Store, branch: str) -> None:
    [appraisal_id] = appraisals.start_appraisals(store, "review", 2026, [branch])
    appraisals.save_appraisal(store, appraisal_id, scores={"A1": 8})
    with pytest.raises(FieldError, match="还有 11 项未评分"):
        appraisals.finalize_appraisal(store, appraisal_id)
    appraisals.save_appraisal(store, appraisal_id, scores=_full_scores())
    with pytest.raises(FieldError, match="评议人和评议日期"):
        appraisals.finalize_appraisal(store, appraisal_id)
    appraisals.save_appraisal(store, appraisal_id, evaluator="李评议", evaluated_on="2026-12-20")
    appraisals.finalize_appraisal(store, appraisal_id)
    with pytest.raises(LiangxinError, match="已定稿，不能修改"):
        appraisals.save_appraisal(store, appraisal_id, scores={"A1": 1})
    with pytest.raises(FieldError, match="请写明理由"):
        appraisals.reopen_appraisal(store, appraisal_id, " ")
    appraisals.reopen_appraisal(store, appraisal_id, "评分录入错误，A1 应为 8 分")
    appraisals.save_appraisal(store, appraisal_id, scores={"A1": 8})
    changes = [c for c in read_journal(store, limit=None, row_id=appraisal_id)]
    assert any(c.changes.get("reopen_reason") == [None, "评分录入错误，A1 应为 8 分"] for c in changes)
    assert any(c.changes.get("state") == ["final", "draft"] for c in changes)


def test_a_printed_form_carries_the_register_the_scores_and_a_checkable_hash(
    store: Store, branch: str, tmp_path: Path
) -> None:
    [appraisal_id] = appraisals.start_appraisals(store, "review", 2026, [branch])
    long_comment = "该支部认真落实“三会一课”制度，" * 30
    appraisals.save_appraisal(
        store,
        appraisal_id,
        scores={
            **_full_scores(),
            "B1": {"score": 12, "note": "党课记录不全，缺少第三季度党课讲稿和签到表，" * 4},
        },
        comments=long_comment,
        evaluator="李评议",
        evaluated_on="2026-12-20",
    )
    [pdf] = print_appraisals(store, [appraisal_id], tmp_path / "考核表.pdf")
    assert_fonts_embedded(pdf)
    pages = text_of(pdf)
    first = pages[0]
    for expected in (
        "两新组织党组织书记抓党建工作述职评议考核表",
        "华信物流党支部",
        "王秀英",
        "深圳市华信物流有限公司",
    ):
        assert expected in first
    form = appraisals.appraisal_forms(store, [appraisal_id])[0]
    assert (form.total, form.grade) == (89, "较好") and "等次：较好" in "".join(pages)
    assert f"校验码 {form.digest}" in first and appraisal_id in first
    appraisals.save_appraisal(store, appraisal_id, scores={"A1": 1})
    assert (
        appraisals.appraisal_forms(store, [appraisal_id])[0].digest != form.digest
    )  # the paper no longer matches

    # Nothing is drawn outside the page's margins, however long the comment and the note.
    reader = PdfReader(pdf)
    for page in reader.pages:
        width = float(page.mediabox.width)
        xs: list[float] = []

        def visit(text: str, cm, tm, font, size, xs=xs) -> None:  # type: ignore[no-untyped-def]
            if text.strip():
                xs.append(tm[4] * cm[0] + cm[4])

        page.extract_text(visitor_text=visit)
        assert xs and max(xs) < width - 40 and min(xs) > 20


def test_a_form_of_sixty_criteria_flows_onto_more_pages_with_the_header_repeated(
    store: Store, branch: str, tmp_path: Path
) -> None:
    body = {
        "code": "long",
        "name": "六十项考核表",
        "sections": [
            {
                "title": f"第{s + 1}部分",
                "criteria": [
                    {
                        "code": f"L{s * 10 + i + 1}",
                        "title": f"第{s * 10 + i + 1}项考核内容",
                        "guidance": "按规定落实，记录完整、规范",
                        "max": 5,
                    }
                    for i in range(10)
                ],
            }
            for s in range(6)
        ],
        "grades": [{"name": "合格", "min": 60}, {"name": "不合格", "min": 0}],
    }
    path = tmp_path / "long.json"
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    appraisal_templates.import_template(store, path)
    ids = appraisals.start_appraisals(store, "long", 2026, [branch])
    [pdf] = print_appraisals(store, ids, tmp_path / "long.pdf")
    pages = text_of(pdf)
    assert len(pages) >= 2
    assert all("考核内容" in page and "评分标准" in page for page in pages[:2])  # header repeated
    assert "第 2 页 共" in pages[1] and "L60" in "".join(pages)


def test_batch_forms_start_each_on_its_own_page_or_go_to_one_file_each(store: Store, tmp_path: Path) -> None:
    names = ["甲支部", "乙支部", "丙支部", *(f"第{i}联合党支部" for i in range(1, 10))]
    for name in names:
        party_orgs.add_party_org(store, {"name": name, "level": "branch"})
    ids = appraisals.start_appraisals(store, "health_check", 2026)
    [pdf] = print_appraisals(store, ids, tmp_path / "体检.pdf")
    pages = text_of(pdf)  # every page's content parses (an inline QR image once broke readers)
    assert len(pages) == len(names)
    for name in ("甲支部", "乙支部", "丙支部"):
        assert sum(name in page for page in pages) == 1  # each form on its own page
    assert all("第 1 页 共 1 页" in page for page in pages)  # numbered within each form
    folder = tmp_path / "each"
    folder.mkdir()
    written = print_appraisals(store, ids, folder, one_file_each=True)
    assert len(written) == len(names) and all(p.suffix == ".pdf" and p.parent == folder for p in written)
    with pytest.raises(FieldError, match="请给出一个已有的文件夹"):
        print_appraisals(store, ids, tmp_path / "nope", one_file_each=True)


def test_registers_print_with_masking_unless_asked(store: Store, branch: str, tmp_path: Path, capsys) -> None:
    db = store.location
    roster = tmp_path / "花名册.pdf"
    assert main(["--db", db, "print", "roster", "--party-org", "华信物流党支部", "--out", str(roster)]) == 0
    text = "".join(text_of(roster))
    assert "华信物流党支部党员花名册" in text and "张伟" in text
    assert "110105********002X" in text and "11010519491231002X" not in text
    assert (
        main(["--db", db, "print", "roster", "--party-org", "华信物流党支部", "--full", "--out", str(roster)])
        == 0
    )
    assert "11010519491231002X" in "".join(text_of(roster))
    ledger, card = tmp_path / "台账.pdf", tmp_path / "档案卡.pdf"
    assert main(["--db", db, "print", "ledger", "--out", str(ledger)]) == 0
    assert main(["--db", db, "print", "card", "--org", "深圳市华信物流有限公司", "--out", str(card)]) == 0
    for pdf in (roster, ledger, card):
        assert_fonts_embedded(pdf)
    assert "深圳市华信物流有限公司" in "".join(text_of(ledger)) and "第 1 页 共 1 页" in text_of(ledger)[0]
    assert "两新组织档案卡" in text_of(card)[0]
    forms = tmp_path / "forms.pdf"
    assert (
        main(
            [
                "--db",
                db,
                "print",
                "appraisal",
                "--template",
                "review",
                "--year",
                "2026",
                "--subject",
                "华信物流党支部",
                "--out",
                str(forms),
            ]
        )
        == 0
    )
    assert "已生成考核表" in capsys.readouterr().out
    assert (
        main(
            [
                "--db",
                db,
                "print",
                "appraisal",
                "--template",
                "review",
                "--year",
                "2026",
                "--subject",
                "没有这个支部",
                "--out",
                str(forms),
            ]
        )
        == 1
    )
    assert "没有找到评议对象" in capsys.readouterr().err


def test_the_appraisal_page_scores_saves_finalizes_and_reopens(
    qtbot, store: Store, branch: str, monkeypatch
) -> None:
    from ui import background as ui_background
    from ui.appraisal_page import AppraisalPage

    monkeypatch.setattr(ui_background, "SYNCHRONOUS", True)
    appraisals.start_appraisals(store, "review", 2026, [branch])
    page = AppraisalPage(store, ui_background.Background())
    qtbot.addWidget(page)
    page.year.setValue(2026)
    assert page.list.rowCount() == 1 and page.record is not None
    for code, entry in _full_scores().items():
        page.score_widgets[code].setValue(entry["score"])
    assert "合计 88 / 100" in page.summary.text() and "等次：较好" in page.summary.text()
    page.evaluator.setText("李评议")
    from PySide6.QtCore import QDate

    page.evaluated_on.setDate(QDate(2026, 12, 20))
    assert page.finalize()
    assert page.record["state"] == "final" and not page.score_widgets["A1"].isEnabled()
    monkeypatch.setattr(page, "ask_reason", lambda: "分数录错")
    assert page.reopen()
    assert page.record["state"] == "draft" and "分数录错" in page.state.text()
    assert page.score_widgets["A1"].isEnabled()


def test_a_pdf_goes_to_a_printer_page_by_page_in_its_own_orientation(
    qapp, store: Store, branch: str, tmp_path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from app.reports.registers import print_roster
    from ui.printing import render_pdf

    roster = print_roster(store, branch, tmp_path / "花名册.pdf")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a file stands in for the printer
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert render_pdf(roster, printer) == 1
    page = PdfReader(tmp_path / "printed.pdf").pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # the roster stays landscape


def test_register_pages_print_their_card_roster_and_ledger(
    qtbot, store: Store, branch: str, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui import background as ui_background
    from ui import register_page as page_module
    from ui.main_window import MainWindow

    monkeypatch.setattr(ui_background, "SYNCHRONOUS", True)
    window = MainWindow(store)
    qtbot.addWidget(window)
    parties = window.pages["party_org"]
    parties.open_after_export = False
    parties.reload()
    parties.table.selectRow(0)
    target = tmp_path / "roster.pdf"
    monkeypatch.setattr(page_module, "ask_save_path", lambda *a: str(target))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    parties.print_register("roster_full")
    assert "11010519491231002X" in "".join(text_of(target))
    assert "已生成" in window.statusBar().currentMessage()
    orgs = window.pages["organization"]
    orgs.open_after_export = False
    orgs.reload()
    target = tmp_path / "ledger.pdf"
    orgs.print_register("ledger")
    assert "两新组织台账" in text_of(target)[0]


def test_a_template_can_appraise_organizations(store: Store, tmp_path) -> None:
    organizations.add_organization(
        store, {"name": "深圳市某某科技有限公司", "kind": "enterprise", "employees": 120}
    )
    body = {
        "code": "org_check",
        "name": "非公企业党建指导评价表",
        "subject": "organization",
        "sections": [{"title": "一、组建", "criteria": [{"code": "O1", "title": "建立党组织", "max": 10}]}],
        "grades": [{"name": "达标", "min": 60}, {"name": "未达标", "min": 0}],
    }
    path = tmp_path / "org.json"
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    appraisal_templates.import_template(store, path)
    [appraisal_id] = appraisals.start_appraisals(store, "org_check", 2026)
    assert appraisals.save_appraisal(store, appraisal_id, scores={"O1": 4}).grade == "未达标"
    [pdf] = print_appraisals(store, [appraisal_id], tmp_path / "org.pdf")
    text = text_of(pdf)[0]
    assert "深圳市某某科技有限公司" in text and "职工人数" in text and "未建立" in text


def _appraisal_count(store: Store) -> int:
    from sqlalchemy import func, select

    from db.models import Appraisal

    with store.read() as session:
        return session.scalar(select(func.count()).select_from(Appraisal)) or 0


def test_finalize_saves_and_freezes_in_one_step_or_not_at_all(store: Store, branch: str) -> None:
    [appraisal_id] = appraisals.start_appraisals(store, "review", 2026, [branch])
    appraisals.save_appraisal(store, appraisal_id, scores={"A1": 8}, comments="初稿")
    before = appraisals.appraisal_record(store, appraisal_id)
    bad = {**_full_scores(), "A1": 11}  # one score above its maximum
    with pytest.raises(FieldError, match="A1"):
        appraisals.finalize_appraisal(
            store,
            appraisal_id,
            scores=bad,
            comments="定稿意见",
            evaluator="李评议",
            evaluated_on="2026-12-20",
        )
    after = appraisals.appraisal_record(store, appraisal_id)
    assert after["state"] == "draft"
    assert (after["scores"], after["comments"], after["evaluator"], after["total"]) == (
        before["scores"],
        "初稿",
        None,
        8,
    )
    with pytest.raises(FieldError, match="评议日期"):
        appraisals.finalize_appraisal(
            store, appraisal_id, scores=_full_scores(), evaluator="李评议", evaluated_on="2026-02-30"
        )
    assert appraisals.appraisal_record(store, appraisal_id)["evaluator"] is None
    final = appraisals.finalize_appraisal(
        store, appraisal_id, scores=_full_scores(), evaluator="李评议", evaluated_on="2026-12-20"
    )
    assert (final.state, final.total, final.grade) == ("final", 88, "较好")
    assert final.changes.touches("appraisal")
    assert appraisals.appraisal_record(store, appraisal_id)["evaluator"] == "李评议"


def test_the_finalize_button_is_one_write(qtbot, store: Store, branch: str, monkeypatch) -> None:
    from ui import background as ui_background
    from ui.appraisal_page import AppraisalPage

    monkeypatch.setattr(ui_background, "SYNCHRONOUS", True)
    [appraisal_id] = appraisals.start_appraisals(store, "review", 2026, [branch])
    page = AppraisalPage(store, ui_background.Background())
    qtbot.addWidget(page)
    page.show_record(appraisals.appraisal_record(store, appraisal_id))
    page.comments.setPlainText("不应留下的意见")
    assert not page.finalize()  # scores and evaluator missing: refused
    record = appraisals.appraisal_record(store, appraisal_id)
    assert (record["state"], record["comments"]) == ("draft", None)  # not saved half-way


@SQLITE_ONLY
def test_listing_templates_and_subjects_writes_nothing(store: Store, branch: str) -> None:
    import hashlib

    from sqlalchemy import func, select

    from db.models import AppraisalTemplate

    def digest() -> str:
        return hashlib.sha256(Path(store.location).read_bytes()).hexdigest()

    before = digest()
    listed = appraisal_templates.list_templates(store)
    assert [t["code"] for t in listed] == ["review", "star_rating", "health_check"]
    assert appraisals.subject_choices(store, "review") == [(branch, "华信物流党支部")]
    assert appraisals.list_appraisals(store, "review", 2026) == []
    with pytest.raises(FieldError, match="没有考核模板“nope”"):
        appraisals.list_appraisals(store, "nope", 2026)
    assert digest() == before
    with store.read() as session:  # seeded when the database was made: each shipped version
        assert session.scalar(select(func.count()).select_from(AppraisalTemplate)) == 6
    with store.write() as session:
        assert appraisal_templates.seed_builtin_templates(session) == 0  # idempotent
    # A database made before the seeding (no template rows) still lists them, read-only.
    with store.write() as session:
        session.execute(AppraisalTemplate.__table__.delete())
    before = digest()
    assert [t["code"] for t in appraisal_templates.list_templates(store)] == [t["code"] for t in listed]
    assert digest() == before


def test_printing_forms_for_subjects_without_an_appraisal_prints_blank_forms_and_creates_nothing(
    store: Store, branch: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    second = party_orgs.add_party_org(store, {"name": "安达科技党支部", "level": "branch"})["id"]
    [scored] = appraisals.start_appraisals(store, "review", 2026, [branch])
    appraisals.save_appraisal(store, scored, scores={"A1": 7}, evaluator="李评议")
    count = _appraisal_count(store)

    forms = appraisals.forms_for(store, "review", 2026)
    assert [(f.subject_name, f.state) for f in forms] == [
        ("华信物流党支部", "draft"),
        ("安达科技党支部", "blank"),
    ]
    blank = forms[1]
    assert blank.id == second and blank.total is None and all(line.score is None for line in blank.lines)
    assert blank.subject and blank.subject[0] == ("党组织名称", "安达科技党支部")

    out = tmp_path / "考核表.pdf"
    db = store.location
    assert (
        main(["--db", db, "print", "appraisal", "--template", "review", "--year", "2026", "--out", str(out)])
        == 0
    )
    assert _appraisal_count(store) == count  # printing created no records
    pages = text_of(out)
    assert any("李评议" in p and "华信物流党支部" in p for p in pages)
    assert any("安达科技党支部" in p and "未评议" in p for p in pages)
    # A year nobody has been appraised in: every form blank, still nothing stored.
    assert (
        main(["--db", db, "print", "appraisal", "--template", "review", "--year", "2028", "--out", str(out)])
        == 0
    )
    assert _appraisal_count(store) == count
    assert sum("未评议" in p for p in text_of(out)) >= 2
    folder = tmp_path / "each"
    folder.mkdir()
    each = ["print", "appraisal", "--template", "review", "--year", "2028", "--out", str(folder), "--each"]
    assert main(["--db", db, *each]) == 0
    assert len(list(folder.glob("*.pdf"))) == 2 and _appraisal_count(store) == count
    capsys.readouterr()
