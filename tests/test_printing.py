"""Printing and exports that never fail or lose a character: rare characters in names
(CJK Extension A and B) printed in the bundled fallback font and read back, long
text flowing onto more pages, long names kept on the page, spreadsheet text never
a formula, and batch prints and exports as jobs that leave nothing behind when
cancelled or when they fail half-way."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.jobs import Progress, run_job
from app.reports import forms as printed_forms
from app.reports.dashboard import export_dashboard, export_dashboard_job
from app.reports.forms import print_appraisals, print_appraisals_job
from app.reports.notice import export_notice
from app.reports.pdf import text_width
from app.reports.registers import print_card, print_ledger, print_ledger_job, print_roster
from app.services import appraisals, campaigns, members, organizations, party_orgs, task_generation
from app.store import Store
from tests.pdf_checks import assert_fonts_embedded

RARE_A = "䶮"  # CJK Extension A (U+4DAE)
RARE_B = "𠮷"  # Extension B (U+20BB7), in the first fallback font
RARE_B2 = "𠀁"  # Extension B (U+20001), only in the second
LONG_NAME = "深圳市前海华信国际物流供应链管理服务" * 3  # 54 characters
FORMULAS = ['=HYPERLINK("http://example.invalid","点我")', "+86 外包服务公司", "-1 号公司", "@SUM(A1:A9)"]


def text_of(pdf: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(pdf).pages)


def flat(pdf: Path) -> str:
    """The text with line breaks taken out (a wrapped line reads back with a break)."""
    return "".join(text_of(pdf).split())


def font_names(pdf: Path) -> set[str]:
    """The base names of every font the pages use, without the subset prefix."""
    names = set()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def _lines(page: object) -> dict[tuple[float, float], tuple[str, float]]:
    """A page's text by where each line starts (a line may be drawn in several runs)."""
    lines: dict[tuple[float, float], tuple[str, float]] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        key = (round(cm[4] + tm[4], 1), round(cm[5] + tm[5], 1))
        seen, _ = lines.get(key, ("", size))
        lines[key] = (seen + text.rstrip("\n"), size)

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return lines


def lines_off_the_page(pdf: Path) -> list[str]:
    """Every line of text that starts left of the page or ends right of it."""
    outside = []
    for page in PdfReader(pdf).pages:
        width = float(page.mediabox.width)
        for (x, _), (line, size) in _lines(page).items():
            if line and (x < 0 or x + text_width(line, size) > width + 0.5):
                outside.append(line)
    return outside


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for the files printed (tmp_path holds the database too)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def rare(store: Store) -> dict[str, str]:
    """A branch whose members and secretary have names with rare characters."""
    org = organizations.add_organization(
        store, {"name": f"深圳市{RARE_A}{RARE_B}科技有限公司", "kind": "enterprise"}
    )["id"]
    party = party_orgs.add_party_org(
        store, {"name": "华信科技党支部", "level": "branch", "secretary": f"王{RARE_A}"}, covers=[org]
    )["id"]
    for name, number in (
        (f"王{RARE_A}", "11010519491231002X"),
        (f"{RARE_B}祥", None),
        (f"李{RARE_B2}", None),
    ):
        members.add_member(store, {"name": name, "id_number": number, "employer": org, "party_org": party})
    return {"org": org, "party": party}


def test_rare_characters_in_names_print_in_the_fallback_font_and_read_back(
    store: Store, rare: dict[str, str], tmp_path: Path
) -> None:
    roster = print_roster(store, rare["party"], tmp_path / "花名册.pdf")
    text = text_of(roster)
    for name in (f"王{RARE_A}", f"{RARE_B}祥", f"李{RARE_B2}"):
        assert name in text
    assert {"WenQuanYiMicroHei-0", "LiangxinHanA", "LiangxinHanB"} <= font_names(roster)
    assert_fonts_embedded(roster)

    card = print_card(store, rare["org"], tmp_path / "档案卡.pdf")
    assert f"深圳市{RARE_A}{RARE_B}科技有限公司" in text_of(card)
    assert {"WenQuanYiMicroHei-0", "LiangxinHanA"} <= font_names(card)
    assert_fonts_embedded(card)


def test_text_without_rare_characters_embeds_only_the_main_font(store: Store, tmp_path: Path) -> None:
    organizations.add_organization(store, {"name": "深圳市华信物流有限公司", "kind": "enterprise"})
    ledger = print_ledger(store, tmp_path / "台账.pdf")
    assert "深圳市华信物流有限公司" in text_of(ledger)
    assert font_names(ledger) == {"WenQuanYiMicroHei-0"}


def test_a_masked_roster_prints_no_birth_date(store: Store, rare: dict[str, str], tmp_path: Path) -> None:
    text = text_of(print_roster(store, rare["party"], tmp_path / "花名册.pdf"))
    assert "110105********002X" in text
    assert "19491231" not in text and "1949-12-31" not in text and "1949年12月31日" not in text


def _appraised(store: Store, party: str, **values: object) -> str:
    [appraisal_id] = appraisals.start_appraisals(store, "review", 2026, [party])
    appraisals.save_appraisal(store, appraisal_id, **values)  # type: ignore[arg-type]
    return appraisal_id


def test_a_ten_thousand_character_comment_flows_onto_the_next_pages(
    store: Store, rare: dict[str, str], tmp_path: Path
) -> None:
    sentences = [f"第{i}条：该党组织认真履行管党治党责任，“三会一课”落实较好。" for i in range(1, 400)]
    comment = "".join(sentences)[:10_000]
    last = comment.rsplit("第", 1)[0].rsplit("第", 1)[1]  # the last whole sentence
    appraisal_id = _appraised(store, rare["party"], comments=comment, evaluator=f"王{RARE_A}")
    assert appraisals.appraisal_forms(store, [appraisal_id])[0].comments == comment

    [pdf] = print_appraisals(store, [appraisal_id], tmp_path / "考核表.pdf")
    pages = PdfReader(pdf).pages
    assert len(pages) >= 4
    text = "".join(page.extract_text() for page in pages).replace("\n", "")
    assert "第1条：该党组织认真履行管党治党责任" in text
    assert "第" + last in text
    assert f"评议人：王{RARE_A}" in text  # the signature lines follow the comment
    assert f"第 {len(pages)} 页 共 {len(pages)} 页" in text
    assert lines_off_the_page(pdf) == []


def test_a_long_note_in_a_score_cell_is_cut_and_says_so(
    store: Store, rare: dict[str, str], tmp_path: Path
) -> None:
    appraisal_id = _appraised(store, rare["party"], scores={"A1": {"score": 8, "note": "说明" * 240}})
    [pdf] = print_appraisals(store, [appraisal_id], tmp_path / "考核表.pdf")
    assert "以下未印出，全文共480字" in flat(pdf)  # the narrow 说明 column holds some 260
    assert lines_off_the_page(pdf) == []


def test_a_fifty_character_name_wraps_in_titles_and_stays_on_the_page(store: Store, tmp_path: Path) -> None:
    org = organizations.add_organization(store, {"name": LONG_NAME[:50], "kind": "enterprise"})["id"]
    party = party_orgs.add_party_org(store, {"name": LONG_NAME[:50], "level": "branch"}, covers=[org])["id"]
    members.add_member(store, {"name": "张伟", "employer": org, "party_org": party})
    roster = print_roster(store, party, tmp_path / "花名册.pdf")
    card = print_card(store, org, tmp_path / "档案卡.pdf")
    [form] = print_appraisals(
        store, appraisals.start_appraisals(store, "review", 2026, [party]), tmp_path / "表.pdf"
    )
    ledger = print_ledger(store, tmp_path / "台账.pdf")
    for pdf in (roster, card, form, ledger):
        assert lines_off_the_page(pdf) == [], pdf.name
    assert f"{LONG_NAME[:50]}党员花名册" in flat(roster)
    assert LONG_NAME[:50] in flat(card)


def test_a_long_remark_on_the_card_is_printed_in_full_below_the_table(store: Store, tmp_path: Path) -> None:
    notes = "".join(f"第{i}项：2024年起租用园区三楼办公，党员活动室与工会共用。" for i in range(1, 60))
    org = organizations.add_organization(
        store, {"name": "深圳市华信物流有限公司", "kind": "enterprise", "notes": notes}
    )
    card = print_card(store, org["id"], tmp_path / "档案卡.pdf")
    text = flat(card)
    assert "（较长，全文见下）" in text and "备注（全文）：" in text
    after = text.split("备注（全文）：", 1)[1]  # it runs onto the next page, between its header and footer
    assert all(f"第{i}项：" in after for i in range(1, 60))
    assert after.count("党员活动室与工会共用。") >= 58
    assert lines_off_the_page(card) == []


def _all_cells(path: Path) -> Iterator[object]:
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            yield from row


def test_workbook_text_that_looks_like_a_formula_stays_text(store: Store, tmp_path: Path) -> None:
    for name in FORMULAS:
        organizations.add_organization(store, {"name": name, "kind": "enterprise", "employees": 150})
    dashboard = export_dashboard(store, tmp_path / "工作台.xlsx", date(2026, 5, 10))
    campaign = campaigns.create_campaign(store, {}, template="da_zujian", year=2026)["id"]
    task_generation.generate_tasks(store, campaign, ["enterprise_party_org"], today=date(2026, 5, 10))
    notice = export_notice(store, campaign, tmp_path / "通报.xlsx", date(2026, 6, 25))
    for book in (dashboard, notice):
        cells = list(_all_cells(book))
        written = {c.value: c for c in cells if c.value in FORMULAS}  # type: ignore[attr-defined]
        assert set(written) == set(FORMULAS), book.name
        for cell in written.values():
            assert cell.data_type == "s" and cell.quotePrefix  # type: ignore[attr-defined]
        assert not [c for c in cells if c.data_type == "f"]  # type: ignore[attr-defined]
    book = load_workbook(dashboard)
    assert {row[2].value for row in book["问题明细"].iter_rows(min_row=2)} >= set(FORMULAS)
    counts = [row[1] for row in book["问题汇总"].iter_rows(min_row=2)]
    assert counts and all(
        c.data_type == "n" and isinstance(c.value, int) for c in counts
    )  # numbers stay numbers


@pytest.fixture
def batch(store: Store) -> list[str]:
    """Five Party organizations, each with an appraisal to print."""
    parties = []
    for i in range(5):
        org = organizations.add_organization(store, {"name": f"第{i}公司", "kind": "enterprise"})["id"]
        parties.append(
            party_orgs.add_party_org(store, {"name": f"第{i}党支部", "level": "branch"}, covers=[org])["id"]
        )
    return appraisals.start_appraisals(store, "review", 2026, parties)


def test_a_batch_print_reports_progress_and_returns_the_file(
    store: Store, batch: list[str], tmp_path: Path
) -> None:
    steps: list[Progress] = []
    [pdf] = run_job(print_appraisals_job(store, batch, tmp_path / "考核表.pdf"), steps.append)
    assert len(PdfReader(pdf).pages) == 5
    assert len(steps) >= 5 and steps[-1].done == steps[-1].total
    assert all(step.stage for step in steps)
    written = print_appraisals(store, batch, tmp_path, one_file_each=True)
    assert sorted(p.name for p in written) == sorted(p.name for p in tmp_path.glob("2026-第*.pdf"))


def test_a_cancelled_batch_print_leaves_no_file_and_the_old_one_as_it_was(
    store: Store, batch: list[str], out: Path
) -> None:
    target = out / "考核表.pdf"
    target.write_bytes(b"%PDF-1.4 the copy printed last week")
    before = sha(target)
    job = print_appraisals_job(store, batch, target)
    for _ in range(4):
        next(job)
    job.close()
    assert sha(target) == before
    assert [p.name for p in out.iterdir()] == ["考核表.pdf"]


def test_a_cancelled_one_file_each_batch_leaves_none_of_its_files(
    store: Store, batch: list[str], tmp_path: Path
) -> None:
    folder = tmp_path / "逐份"
    folder.mkdir()
    existing = folder / "2026-第0党支部-两新组织党组织书记抓.pdf"
    existing.write_bytes(b"%PDF-1.4 old")
    job = print_appraisals_job(store, batch, folder, one_file_each=True)
    stages = [next(job).stage for _ in range(12)]
    assert any("第 3 份" in stage for stage in stages)  # three files were under way
    job.close()
    assert [p.name for p in folder.iterdir()] == [existing.name]
    assert existing.read_bytes() == b"%PDF-1.4 old"


def test_a_batch_print_failing_half_way_leaves_no_file(
    store: Store, batch: list[str], out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = printed_forms.form_story
    calls = {"n": 0}

    def story_that_breaks(*args: object, **kwargs: object) -> list[object]:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("the third form breaks")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(printed_forms, "form_story", story_that_breaks)
    folder = out / "逐份"
    folder.mkdir()
    with pytest.raises(RuntimeError):
        print_appraisals(store, batch, folder, one_file_each=True)
    assert list(folder.iterdir()) == []

    target = out / "考核表.pdf"
    target.write_bytes(b"old")
    monkeypatch.setattr(printed_forms, "_qr", lambda *a: (_ for _ in ()).throw(RuntimeError("qr")))
    with pytest.raises(RuntimeError):
        print_appraisals(store, batch, target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in out.iterdir()) == ["考核表.pdf", "逐份"]


def test_the_ledger_and_an_export_cancelled_leave_nothing(store: Store, out: Path) -> None:
    for i in range(3):
        organizations.add_organization(store, {"name": f"第{i}公司", "kind": "enterprise"})
    job = print_ledger_job(store, out / "台账.pdf")
    next(job)
    next(job)
    job.close()
    job = export_dashboard_job(store, out / "工作台.xlsx", date(2026, 5, 10))
    for _ in range(5):
        next(job)
    job.close()
    assert list(out.iterdir()) == []
    steps: list[Progress] = []
    path = run_job(print_ledger_job(store, out / "台账.pdf"), steps.append)
    assert "第2公司" in text_of(path) and steps[-1].stage == "正在保存"


def test_the_window_font_falls_back_to_the_bundled_rare_character_fonts(qapp) -> None:
    from PySide6.QtGui import QFontMetrics

    from ui.fonts import install_cjk_font

    family = install_cjk_font(qapp)
    font = qapp.font()
    assert font.families() == [family, "Liangxin Han A", "Liangxin Han B"]
    metrics = QFontMetrics(font)
    for ch in ("王", RARE_A, RARE_B, RARE_B2):
        assert metrics.inFontUcs4(ord(ch)), ch
