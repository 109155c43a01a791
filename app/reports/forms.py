"""考核评议表 printed: one form per subject, each starting on its own page, numbered
within itself, with the record id and a short content hash in the footer and as a
QR code, so a signed paper copy can be checked against the data later."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import segno
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from app.dashboard import station_line
from app.domain.dates import chinese_date
from app.errors import FieldError
from app.jobs import Job, Progress, run_job
from app.reports.output import write_error
from app.reports.pdf import (
    FONT,
    GREY,
    INK,
    MARGIN,
    RULE,
    HeavyTitle,
    LateCanvas,
    Lines,
    Page,
    register_font,
    relabel,
    wrap_lines,
    write_document_job,
)
from app.services.appraisals import STATE, Form, FormLine, appraisal_forms
from app.services.template_model import Star, Tally
from app.store import Store

QR_SIZE = 46


class FormStart(Flowable):
    """Marks where a form begins: the canvas numbers pages per form from here."""

    def __init__(self, form: Form) -> None:
        super().__init__()
        self.form = form

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._form = self.form  # type: ignore[attr-defined]


def form_canvas(station: str) -> type[Canvas]:
    class FormCanvas(LateCanvas):
        """Numbers pages within each form (a batch is many forms), and prints each
        form's record id, hash and state below, and its QR code on its first page."""

        _form: Form | None = None

        def decorate(self, page: Page, index: int, states: list[dict[str, Any]]) -> None:
            if index == 0:  # once: each page's number within its form, and the form's length
                totals: dict[str, int] = {}
                self._numbering = []
                for state in states:
                    form = state.get("_form")
                    key = form.id if form else ""
                    totals[key] = totals.get(key, 0) + 1
                    self._numbering.append(totals[key])
                self._totals = totals
            form = states[index].get("_form")
            if form is None:
                page.running_head(station, "")
                return
            number = self._numbering[index]
            page.running_head(station, f"{form.year} 年度 · {form.subject_name}")
            page.footer(number, self._totals[form.id])
            page.text(
                page.left,
                MARGIN / 2 - 11,
                f"记录 {form.id} · 校验码 {form.digest} · {STATE[form.state]}",
                7,
                GREY,
            )
            if number == 1:
                _qr(self, qr_text(form), page.right - QR_SIZE, page.height - MARGIN - QR_SIZE + 6)

    return FormCanvas


def qr_text(form: Form) -> str:
    """Upper-case letters and digits only: QR's compact alphanumeric mode."""
    return f"LX:{form.id.replace('-', '').upper()}:{form.digest.upper()}"


def _qr(canvas: Canvas, text: str, x: float, y: float) -> None:
    """The QR code (segno computes the matrix; a fixed mask keeps it to a millisecond)."""
    matrix = segno.make(text, error="m", micro=False, mask=0, boost_error=False).matrix
    size = len(matrix)
    # A small grey image, scaled up here with hard edges (viewers smooth a tiny image).
    image = Image.frombytes("L", (size, size), bytes(0 if dark else 255 for row in matrix for dark in row))
    # An image object, not an inline image: some readers misparse inline binary data.
    big = image.resize((size * 6, size * 6), Image.Resampling.NEAREST)
    canvas.drawImage(ImageReader(big), x, y, QR_SIZE, QR_SIZE)


def _styles() -> dict[str, ParagraphStyle]:
    register_font()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=15, textColor=INK)
    return {
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=12),
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=10, textColor=GREY),
        "sub": ParagraphStyle("sub", parent=body, alignment=1),
    }


CELL_LINES = 24  # a cell of a form's table stays well within a page, or the table cannot split


def fitted(text: str, style: ParagraphStyle, width: float, padding: float = 12) -> str:
    """The text wrapped to the cell's width (long names and notes never run off the
    page), as plain lines: far cheaper for a table than a Paragraph."""
    return wrap_lines(text, style.fontSize, width - padding, CELL_LINES)


# The printed answers of a checklist. The cross is U+2716 (the bundled font has it, not
# U+2717, which would print as an empty box).
CHECKED = {True: "✓ 符合", False: "✖ 不符合"}


# An unanswered checklist item: boxes to tick on paper (one line at 7.5 pt in 检查结果).
UNANSWERED = "□符合 □不符合 □不适用"


def _score(line: FormLine, kind: str) -> str:
    if line.na:
        return "不适用"
    if line.score is None:
        return UNANSWERED if kind == "checklist" else ""
    if kind == "checklist":
        return CHECKED[bool(line.score)]
    return f"{line.score:g}"


def _star(star: Star) -> str:
    """Whether the area earned its star; a box to tick while it is not yet known (a
    blank form filled in by hand)."""
    return {True: "★ 得星", False: "☆ 未得星", None: "□ 得星"}[star.earned]


def _stars_line(tally: Tally) -> str:
    """Which stars a form earned, and by how much each missing one fell short."""
    earned = [s.section for s in tally.stars if s.earned]
    missed = [s for s in tally.stars if s.earned is False]
    text = f"得星 {len(earned)} 颗" + (f"：{'、'.join(earned)}" if earned else "")
    if missed:
        text += "；未得星：" + "、".join(
            f"{s.section}（{s.score:g} 分，未达 {s.star_min:g} 分）" for s in missed
        )
    return text


def _checklist_line(tally: Tally) -> str:
    percent = f"，占 {100 * (tally.total or 0) / tally.maximum:.1f}%" if tally.maximum else ""
    left_out = f"（不适用 {tally.not_applicable} 项，不计入）" if tally.not_applicable else ""
    return f"应检 {tally.maximum:g} 项{left_out}，符合 {tally.total or 0:g} 项{percent}"


def _without_max_column(command: tuple[Any, ...]) -> tuple[Any, ...]:
    """A table style command with the cells right of 满分 (column 3) one column left."""

    def moved(cell: tuple[int, int]) -> tuple[int, int]:
        column, row = cell
        return (column - 1 if column > 3 else column, row)

    name, first, last, *rest = command
    return (name, moved(first), moved(last), *rest)


def form_story(form: Form, styles: dict[str, ParagraphStyle], width: float) -> list[Any]:
    cell, small = styles["cell"], styles["small"]
    story: list[Any] = [
        FormStart(form),
        HeavyTitle(form.template, 15 if len(form.template) > 18 else 17),  # wraps if longer still
        Lines(f"（{form.year} 年度）", 10, 15, "center"),
        Spacer(1, 6),
    ]
    value_width = width - 80 - QR_SIZE - 8
    info = [[label, fitted(value, cell, value_width)] for label, value in form.subject]
    if info:
        table = Table(info, colWidths=[80, value_width], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, 9),
                    ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                    ("BACKGROUND", (0, 0), (0, -1), "#F4F4F4"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        story += [table, Spacer(1, 8)]
    checklist = form.kind == "checklist"
    tally = form.tally
    stars = {s.section: s for s in tally.stars} if tally else {}
    header = [
        "编号",
        "考核内容",
        "评分标准",
        "满分" if not checklist else "",
        "检查结果" if checklist else "得分",
        "说明",
    ]
    # 说明 wide enough for "等次：基本健康" on one line at 9 pt; a checklist's guidance
    # gives 10 to 检查结果, for its three boxes on one line
    widths = [34, 150, 128 if checklist else 138, 30, 62 if checklist else 52, width - 404]
    rows: list[list[Any]] = [header]
    section = None
    spans, star_rows = [], []
    for line in form.lines:
        if line.section != section:
            section = line.section
            star = stars.get(section)
            if star is None:
                rows.append([section, "", "", "", "", ""])
                spans.append(len(rows) - 1)
            else:  # the area's own line, its points and whether it earns its star
                rows.append(
                    [
                        f"{section}（得星分数线 {star.star_min:g} 分）",
                        "",
                        "",
                        f"{star.max:g}",
                        f"{star.score:g}" if star.complete or star.score else "",
                        _star(star),
                    ]
                )
                star_rows.append(len(rows) - 1)
        rows.append(
            [
                line.code,
                fitted(line.title, cell, widths[1]),
                fitted(line.guidance, small, widths[2]),
                "" if checklist else f"{line.max:g}",
                _score(line, form.kind),
                fitted(line.note or "", small, widths[5]),
            ]
        )
    if checklist:
        done = tally is not None and form.total is not None
        total = f"{form.total:g} / {tally.maximum:g}" if done and tally else "—"
    else:
        total = "—" if form.total is None else f"{form.total:g}"
    rows.append(
        [
            "",
            "合计" if not checklist else "符合项数 / 应检项数",
            "",
            "" if checklist else f"{form.max_total:g}",
            total,
            fitted(f"等次：{form.grade or '—'}", cell, widths[5]),
        ]
    )
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("FONT", (2, 1), (2, -1), FONT, 7.5),  # guidance and notes in the small size they were fitted at
        ("FONT", (5, 1), (5, -1), FONT, 7.5),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), "#F0F0F0"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (3, 1), (4, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("SPAN", (1, -1), (2, -1)),
        ("FONT", (5, -1), (5, -1), FONT, 9),
    ]
    for row in spans:
        style += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), "#FAFAFA")]
    for row in star_rows:
        style += [
            ("SPAN", (0, row), (2, row)),
            ("BACKGROUND", (0, row), (-1, row), "#FAFAFA"),
            ("FONT", (5, row), (5, row), FONT, 9),
        ]
    if checklist:  # answered, not scored: no 满分 column, and its width (and some) to 检查结果
        rows = [row[:3] + row[4:] for row in rows]
        widths = [*widths[:3], widths[3] + widths[4], widths[5]]
        style = [_without_max_column(command) for command in style]
        style += [("FONT", (3, i), (3, i), FONT, 7.5) for i, row in enumerate(rows) if row[3] == UNANSWERED]
    scores = Table(rows, colWidths=widths, repeatRows=1)
    scores.setStyle(TableStyle(style))
    story += [scores, Spacer(1, 6)]
    if tally and tally.stars and form.total is not None:
        story.append(Lines(_stars_line(tally), 9, 13))
    if checklist and tally and form.total is not None:
        story.append(Lines(_checklist_line(tally), 9, 13))
    story.append(Lines(f"等次标准：{form.grades}", 7.5, 10, color=GREY))
    if form.note:
        story.append(Lines(f"填表说明：{form.note}", 7.5, 10, color=GREY))
    if form.source:
        story.append(Lines(f"依据：{form.source}", 7.5, 10, color=GREY))
    story += [Spacer(1, 8), Lines("评议意见：" + (form.comments or ""))]
    day = chinese_date(form.evaluated_on) if form.evaluated_on else "______年____月____日"
    who = form.evaluator or ""
    story.append(
        KeepTogether(
            [
                Spacer(1, 18),
                Lines(f"评议人：{who or '____________'}　　评议日期：{day}"),
                Spacer(1, 14),
                Lines("被评议党组织负责人签字：____________　　评议组负责人签字：____________"),
                Lines("（盖章）", 7.5, 10, color=GREY),
            ]
        )
    )
    return story


def _check_forms(forms: Sequence[Form]) -> None:
    if not forms:
        from app.errors import LiangxinError

        raise LiangxinError("没有要打印的考核表。请先选择评议对象并“开始评议”。")


def _forms_story(forms: Sequence[Form]) -> list[Any]:
    styles = _styles()
    width = A4[0] - 2 * MARGIN
    story: list[Any] = []
    for i, form in enumerate(forms):
        if i:
            story.append(PageBreak())
        story += form_story(form, styles, width)
    return story


def _one_file_job(forms: Sequence[Form], station: str, out: str | Path, stage: str) -> Job[Path]:
    title = forms[0].template if len(forms) == 1 else f"{forms[0].template}（{len(forms)} 份）"
    return (
        yield from write_document_job(
            _forms_story(forms),
            out,
            title=title,
            station=station,
            canvasmaker=form_canvas(station),
            stage=stage,
        )
    )


def _file_name(form: Form) -> str:
    name = "".join(ch for ch in form.subject_name if ch not in '\\/:*?"<>|' and ch >= " ")
    return f"{form.year}-{name[:60]}-{form.template[:12]}.pdf"


def write_forms_job(
    forms: Sequence[Form], station: str, out: str | Path, *, one_file_each: bool = False
) -> Job[list[Path]]:
    """All forms into one PDF, each starting on its own page; or, ``one_file_each``, a
    PDF per form in the folder ``out``. Cancelled or failed part-way, it leaves no new
    file behind and every existing file as it was: the batch is written into a
    temporary folder beside its targets and moved into place only at the end."""
    _check_forms(forms)
    if not one_file_each:
        return [(yield from _one_file_job(forms, station, out, f"正在排版 {len(forms)} 份考核表"))]
    folder = Path(out).expanduser()
    if not folder.is_dir():
        raise FieldError("out", f"逐份保存时请给出一个已有的文件夹，“{folder}”不是。")
    names: dict[str, int] = {}
    targets = []
    for form in forms:
        name = _file_name(form)
        names[name] = names.get(name, 0) + 1
        if names[name] > 1:  # two subjects of the same name must not overwrite each other
            name = f"{name[:-4]}-{names[name]}.pdf"
        targets.append(folder / name)
    try:
        staging = Path(tempfile.mkdtemp(prefix=".liangxin-forms-", dir=folder))
    except OSError as exc:
        raise write_error(folder / targets[0].name, exc) from None
    try:
        for i, (form, target) in enumerate(zip(forms, targets, strict=True)):
            stage = f"正在生成第 {i + 1} 份：{form.subject_name}"
            yield from relabel(
                _one_file_job([form], station, staging / target.name, stage), stage, i, len(forms)
            )
        yield Progress("正在保存", len(forms), len(forms))
        try:
            for target in targets:
                os.replace(staging / target.name, target)
        except OSError as exc:
            raise write_error(target, exc) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return targets


def write_forms(forms: Sequence[Form], station: str, out: str | Path) -> Path:
    """All forms into one PDF, each starting on its own page."""
    [path] = run_job(write_forms_job(forms, station, out))
    return path


def print_appraisals_job(
    store: Store, appraisal_ids: list[str], out: str | Path, *, one_file_each: bool = False
) -> Job[list[Path]]:
    """The user action 打印考核表: one PDF of every form, or one file per subject in ``out``
    (a folder then)."""
    yield Progress("正在读取考核表", 0, len(appraisal_ids))
    forms = appraisal_forms(store, appraisal_ids)
    station = station_line(store.station.name, store.station.code)
    return (yield from write_forms_job(forms, station, out, one_file_each=one_file_each))


def print_appraisals(
    store: Store, appraisal_ids: list[str], out: str | Path, *, one_file_each: bool = False
) -> list[Path]:
    """``print_appraisals_job`` run to its end."""
    return run_job(print_appraisals_job(store, appraisal_ids, out, one_file_each=one_file_each))
