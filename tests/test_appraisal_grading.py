"""How a form is graded, as a secretary who knows the documents expects: 五星支部 one
star per area, earned when the area reaches its own line, the grade from the stars and
never from the total; 党建体检 items answered 不适用 (a 支委会 item for a branch under 7
正式党员) left out of what is checked — in the service, on the appraisal page and on
paper."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.errors import FieldError, LiangxinError
from app.reports.forms import print_appraisals, write_forms
from app.services import appraisal_templates, appraisals, members, organizations, party_orgs
from app.store import Store

# Every area full but 作用发挥 (S7 + S8 = 15, one point under its line of 16): 95 of 100.
WEAK_IN_ONE_AREA = {**{f"S{i}": 10 for i in range(1, 11)}, "S7": 8, "S8": 7}


@pytest.fixture
def branch(store: Store) -> str:
    """A branch of six 正式党员: under seven, it has no 支委会 (党支部工作条例)."""
    org = organizations.add_organization(store, {"name": "深圳市华信物流有限公司", "kind": "enterprise"})[
        "id"
    ]
    party = party_orgs.add_party_org(
        store, {"name": "华信物流党支部", "level": "branch", "secretary": "王秀英"}, covers=[org]
    )["id"]
    for i in range(6):
        members.add_member(store, {"name": f"党员{i}", "employer": org, "party_org": party})
    return party


def _pdf_text(pdf: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(pdf).pages)


def _page(qtbot, store: Store, monkeypatch: pytest.MonkeyPatch, code: str):  # type: ignore[no-untyped-def]
    from ui import appraisal_page
    from ui import background as ui_background

    monkeypatch.setattr(ui_background, "SYNCHRONOUS", True)
    page = appraisal_page.AppraisalPage(store, ui_background.Background())
    qtbot.addWidget(page)
    page.template.setCurrentIndex(page.template.findData(code))
    page.year.setValue(2026)
    return page


# -- 五星支部 -------------------------------------------------------------------------------------


def test_a_branch_weak_in_one_area_gets_four_stars_not_five(store: Store, branch: str) -> None:
    star = appraisal_templates.builtin_template("star_rating")
    assert [(s, line) for s, line in star.star_mins] == [
        ("班子建设星", 16),
        ("党员队伍星", 16),
        ("组织生活星", 16),
        ("作用发挥星", 16),
        ("基础保障星", 16),
    ]
    [appraisal_id] = appraisals.start_appraisals(store, "star_rating", 2026, [branch])
    weak = appraisals.save_appraisal(store, appraisal_id, scores=WEAK_IN_ONE_AREA)
    assert (weak.total, weak.grade) == (95, "四星")
    # By the total, as version 1 graded it, the same branch was 五星 (95 ≥ 90 %).
    v1 = appraisal_templates.parse_template(appraisal_templates.builtin_texts("star_rating")[1])
    assert appraisals.score_summary(v1, {k: {"score": v} for k, v in WEAK_IN_ONE_AREA.items()})[1] == "五星"
    # At the line the star is earned: 16 of 20 is enough, 15.5 is not.
    assert appraisals.save_appraisal(store, appraisal_id, scores={"S8": 8}).grade == "五星"
    assert appraisals.save_appraisal(store, appraisal_id, scores={"S8": 7.5}).grade == "四星"
    # Weak in two areas: three stars, though the total is still above 90.
    two = appraisals.save_appraisal(store, appraisal_id, scores={"S1": 5, "S2": 10})
    assert (two.total, two.grade) == (90.5, "三星")
    tally = star.tally(appraisals.appraisal_record(store, appraisal_id)["scores"])
    assert [s.section for s in tally.stars if not s.earned] == ["班子建设星", "作用发挥星"]


def test_the_page_and_the_paper_show_each_area_and_its_star(
    qtbot, store: Store, branch: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    appraisals.start_appraisals(store, "star_rating", 2026, [branch])
    page = _page(qtbot, store, monkeypatch, "star_rating")
    assert page.record is not None
    for code, score in WEAK_IN_ONE_AREA.items():
        page.score_widgets[code].setValue(score)
    assert "合计 95 / 100" in page.summary.text()
    assert "得星 4 颗" in page.summary.text() and "等次：四星" in page.summary.text()
    heading = page.grid.item(page.section_rows["作用发挥星"], 0).text()
    assert "15 / 20 分" in heading and "得星分数线 16 分" in heading and "☆ 未得星" in heading
    assert "★ 得星" in page.grid.item(page.section_rows["班子建设星"], 0).text()
    assert "得几颗星评为几星" in page.note.text()
    assert page.save()
    assert page.list.item(0, 2).text() == "四星"

    [pdf] = print_appraisals(store, [page.record["id"]], tmp_path / "五星.pdf")
    text = _pdf_text(pdf)
    assert "作用发挥星（得星分数线 16 分）" in text and "☆ 未得星" in text
    assert text.count("★ 得星") == 4 and "等次：四星" in text
    assert "未得星：作用发挥星（15 分，未达 16 分）" in text
    assert "按得星数评定：5 颗为五星、4 颗为四星" in text


def test_a_star_template_needs_a_line_for_every_area(store: Store, tmp_path: Path) -> None:
    data = json.loads(appraisal_templates.builtin_text("star_rating"))
    del data["sections"][2]["star_min"]
    path = tmp_path / "星级.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(LiangxinError, match="每一部分都要有得星分数线"):
        appraisal_templates.import_template(store, path)
    data = json.loads(appraisal_templates.builtin_text("star_rating"))
    data["sections"][0]["star_min"] = 21
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(LiangxinError, match="“班子建设星”的得星分数线“star_min”应为 0 至 20"):
        appraisal_templates.import_template(store, path)


# -- 党建体检: 不适用 --------------------------------------------------------------------------


def _health(h2: object) -> dict[str, object]:
    """All 符合 but H11 (党员积分考核), and H2 (支委会) as given."""
    return {**{f"H{i}": 1 for i in range(1, 14)}, "H11": 0, "H2": h2}


def test_not_applicable_items_are_left_out_of_what_is_checked(store: Store, branch: str) -> None:
    [appraisal_id] = appraisals.start_appraisals(store, "health_check", 2026, [branch])
    # 支委会 marked 不符合 for a branch that has none: 11 of 13, 84.6 %.
    assert appraisals.save_appraisal(store, appraisal_id, scores=_health(0)).grade == "基本健康"
    # 不适用: 11 of the 12 that apply, 91.7 %.
    fair = appraisals.save_appraisal(store, appraisal_id, scores=_health({"na": True}))
    assert (fair.total, fair.grade) == (11, "健康")
    assert appraisals.save_appraisal(store, appraisal_id, scores=_health("不适用")).grade == "健康"
    [row] = appraisals.list_appraisals(store, "health_check", 2026)
    assert (row.total, row.out_of) == (11, 12)
    # Every item can be 不适用, and all of them is nothing to check: not final.
    everything = {f"H{i}": "不适用" for i in range(1, 14)}
    with pytest.raises(FieldError, match="全部项目都选了“不适用”"):
        appraisals.finalize_appraisal(
            store, appraisal_id, scores=everything, evaluator="李评议", evaluated_on="2026-12-20"
        )
    final = appraisals.finalize_appraisal(
        store, appraisal_id, scores=_health("不适用"), evaluator="李评议", evaluated_on="2026-12-20"
    )
    assert (final.state, final.grade) == ("final", "健康")


def test_a_scored_criterion_cannot_be_not_applicable(store: Store, branch: str) -> None:
    [appraisal_id] = appraisals.start_appraisals(store, "review", 2026, [branch])
    with pytest.raises(FieldError, match="“A3 “双向进入、交叉任职””是评分项，不能选“不适用”"):
        appraisals.save_appraisal(store, appraisal_id, scores={"A3": "不适用"})


def test_not_applicable_on_the_page_and_on_paper(
    qtbot, store: Store, branch: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.appraisal_page import CHECK, NOT_APPLICABLE

    assert list(CHECK.values()) == ["未检查", "✓ 符合", "✗ 不符合", "不适用"]
    appraisals.start_appraisals(store, "health_check", 2026, [branch])
    page = _page(qtbot, store, monkeypatch, "health_check")
    assert page.record is not None
    for code, combo in page.score_widgets.items():
        combo.setCurrentIndex(combo.findData(0.0 if code == "H11" else 1.0))
    h2 = page.score_widgets["H2"]
    h2.setCurrentIndex(h2.findData(NOT_APPLICABLE))
    assert page.summary.text() == "符合 11 / 应检 12 项（不适用 1 项，不计入）　等次：健康"
    assert "选“不适用”" in page.note.text()
    assert page.save()
    assert page.list.item(0, 1).text() == "11/12"
    assert page.score_widgets["H2"].currentText() == "不适用"  # read back from the record

    [pdf] = print_appraisals(store, [page.record["id"]], tmp_path / "体检.pdf")
    text = _pdf_text(pdf)
    assert "不适用" in text.split("支委会每月召开", 1)[1].split("H3", 1)[0]
    assert "11 / 12" in text and "等次：健康" in text
    assert "应检 12 项（不适用 1 项，不计入），符合 11 项，占 91.7%" in text
    assert "✖ 不符合" in text  # a cross the bundled font has (U+2717 would print as a box)


def test_blank_forms_have_boxes_to_tick_and_stay_on_one_page(
    store: Store, branch: str, tmp_path: Path
) -> None:
    """Printed to fill in by hand: each 党建体检 item 符合 / 不符合 / 不适用 to tick, each
    area of 五星 a star to tick, and each form on one sheet of paper."""
    for code, box, count in (("health_check", "□符合 □不符合 □不适用", 13), ("star_rating", "□ 得星", 5)):
        [form] = appraisals.forms_for(store, code, 2027, [branch])
        assert form.state == "blank"
        path = write_forms([form], "南湾街道（440307001）", tmp_path / f"{code}.pdf")
        pages = PdfReader(path).pages
        assert len(pages) == 1, code
        assert pages[0].extract_text().count(box) == count, code
