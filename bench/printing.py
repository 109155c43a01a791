"""打印台账与花名册 at district size, each beside a bare reportlab floor and beside
LibreOffice printing the same rows from a spreadsheet (what staff use today):

- ``print_ledger``: 打印台账 of every organization (``print_ledger``: reading the rows
  batch by batch, wrapping, paginating, drawing, saving). Floor: reportlab drawing the
  same lines at the same places (wrapped and paginated beforehand, untimed) with one
  text object per page and nothing else, then saving.
- ``print_roster``: 打印花名册 of the Party organization with the most members, the same
  way.
- ``*_libreoffice``: ours against ``soffice --headless --convert-to pdf`` of an .xlsx
  holding the same rows and columns (landscape A4, 2 cm margins, header row repeated,
  one page wide, 第 x 页 共 y 页 in the footer; cells not wrapped, its fastest way); only the conversion is
  timed (its profile made by the warm-up run). Left out, with a note, where ``soffice``
  is missing.
- ``*_memory``: the peak RSS of the process that printed, ours beside LibreOffice's
  (or beside the floor's where LibreOffice is missing).

Every run is a fresh process (``python -m bench.printing child …``) that times only
the print and reports its own peak RSS (VmHWM); LibreOffice's is the largest of the
processes it started (RUSAGE_CHILDREN of a small wrapper).

Imported through ``python -m bench`` (bench/__main__.py): it adds "printing" to the
harness's scenarios. ``python -m bench.printing --db FILE`` measures one database
without the harness (its district demo need not be rebuilt)."""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench import harness
from bench.datasets import Size, Target
from bench.scenarios import Scenario

MEMORY_LIMIT_MB = 400
FLOOR_RATIO = 1.3


# -- the child: one print, timed, in a fresh process ------------------------------


def _peak_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _largest_party(store: Any) -> str:
    from sqlalchemy import func, select

    from db.models import Member

    with store.read() as session:
        return str(
            session.execute(
                select(Member.party_org_id)
                .where(Member.deleted.is_(False), Member.party_org_id.is_not(None))
                .group_by(Member.party_org_id)
                .order_by(func.count().desc(), Member.party_org_id)
                .limit(1)
            ).scalar_one()
        )


def _register(store: Any, what: str) -> tuple[Any, list[list[Any]], Any]:
    """(columns, every row, sheet) of a register, as print_ledger / print_roster read them."""
    from app.reports import registers
    from app.reports.grid import Sheet
    from app.services import members, organizations

    if what == "ledger":
        ids = organizations.organization_ids(store)
        rows = [r for b in registers.ledger_batches(store, ids) for r in b]
        return registers.LEDGER_COLUMNS, rows, Sheet("两新组织台账", "龙岗区（440307）", "打印日期：")
    ids = members.member_ids(store, party_org=_largest_party(store))
    rows = [r for b in registers.roster_batches(store, ids) for r in b]
    return registers.ROSTER_COLUMNS, rows, Sheet("党员花名册", "龙岗区（440307）", "打印日期：", "党员")


def _floor_pages(
    columns: Any, rows: list[list[Any]], sheet: Any
) -> list[list[tuple[float, float, Sequence[str]]]]:
    """The lines the print draws and where, page by page: what the floor draws, laid
    out here, untimed, with the print's own wrapping and row heights."""
    from reportlab.lib.pagesizes import A4, landscape

    from app.reports import grid
    from app.reports.pdf import MARGIN

    width, height = landscape(A4)
    cells = grid._Cells(columns)
    x0 = (width - sum(c.width for c in columns)) / 2
    edges = [x0]
    for column in columns:
        edges.append(edges[-1] + column.width)
    header = [cells.lines(i, c.title) for i, c in enumerate(columns)]
    pages: list[list[tuple[float, float, Sequence[str]]]] = []

    def place(page: list[Any], y: float, row: list[tuple[str, ...]]) -> float:
        tall = max(1, *map(len, row))
        for i, lines in enumerate(row):
            if lines:
                page.append((edges[i] + grid.PAD_X, y - grid.PAD_TOP - grid.LEADING * 0.8, lines))
        return y - tall * grid.LEADING - grid.PAD_TOP - grid.PAD_BOTTOM

    def new_page() -> tuple[list[Any], float]:
        page: list[Any] = [(MARGIN, height - MARGIN / 2 - 4, (sheet.head_left,))]
        pages.append(page)
        y = height - MARGIN - (60 if len(pages) == 1 else 0)
        if len(pages) == 1:
            page.append((width / 2, height - MARGIN - 20, (sheet.title,)))
        return page, place(page, y, header)

    page, y = new_page()
    for row in rows:
        wrapped = [cells.lines(i, v) for i, v in enumerate(row)]
        tall = max(1, *map(len, wrapped)) * grid.LEADING + grid.PAD_TOP + grid.PAD_BOTTOM
        if y - tall < MARGIN:
            page, y = new_page()
        y = place(page, y, wrapped)
    for n, page in enumerate(pages, 1):
        page.append((width / 2, MARGIN / 2, (f"第 {n} 页 共 {len(pages)} 页",)))
    return pages


def _draw_floor(pages: list[list[tuple[float, float, Sequence[str]]]], out: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from app.reports.pdf import register_font

    font = register_font()
    canvas = Canvas(str(out), pagesize=landscape(A4), initialFontName=font)
    for page in pages:
        t = canvas.beginText()
        t.setFont(font, 8.5, 10.2)
        for x, y, lines in page:
            t.setTextOrigin(x, y)
            t.textLines(lines, trim=0)
        canvas.drawText(t)
        canvas.showPage()
    canvas.save()


def _write_xlsx(columns: Any, rows: list[list[Any]], title: str, out: Path) -> None:
    """The rows as staff would keep them in a workbook, set up to print like ours."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    ws = book.add_worksheet("台账")
    head = book.add_format({"bold": True, "bg_color": "#F0F0F0", "border": 1, "text_wrap": True})
    # Cells not wrapped: LibreOffice then keeps its default row height and needs no
    # row-height pass (with text_wrap the district's ledger took it 54 s, not 6).
    cell = book.add_format({"border": 1, "valign": "vcenter", "font_size": 8.5})
    for i, column in enumerate(columns):
        ws.set_column(i, i, column.width / 5.6)  # points to character widths (Calibri 11)
    ws.set_paper(9)  # A4
    ws.set_landscape()
    ws.set_margins(0.79, 0.79, 0.79, 0.79)
    ws.repeat_rows(0)
    ws.fit_to_pages(1, 0)
    ws.set_header(f"&C{title}")
    ws.set_footer("&C第 &P 页 共 &N 页")
    ws.write_row(0, 0, [c.title for c in columns], head)
    for r, row in enumerate(rows, 1):
        ws.write_row(r, 0, ["" if v is None else str(v) if not isinstance(v, int) else v for v in row], cell)
    book.close()


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def child(argv: list[str]) -> None:
    """``child ours|floor ledger|roster DB OUT``: print, then report seconds, MB, pages."""
    way, what, db, out = argv[0], argv[1], argv[2], Path(argv[3])
    from app.store import open_store

    store = open_store(db)
    if way == "ours":
        from app.reports.pdf import register_font
        from app.reports.registers import print_ledger, print_roster

        party = _largest_party(store) if what == "roster" else ""
        register_font()  # loaded once a session, as the floor's is (in its set-up)
        started = time.perf_counter()
        if what == "ledger":
            print_ledger(store, out)
        else:
            print_roster(store, party, out)
        elapsed = time.perf_counter() - started
    else:
        columns, rows, sheet = _register(store, what)
        if way == "xlsx":
            _write_xlsx(columns, rows, sheet.title, out)
            print(json.dumps({"rows": len(rows)}))
            return
        pages = _floor_pages(columns, rows, sheet)
        del rows
        started = time.perf_counter()
        _draw_floor(pages, out)
        elapsed = time.perf_counter() - started
    store.close()
    print(json.dumps({"seconds": elapsed, "mb": _peak_mb(), "pages": _pages(out)}))


def soffice_child(argv: list[str]) -> None:
    """``soffice XLSX OUTDIR PROFILE``: LibreOffice's conversion, timed, with its peak RSS."""
    xlsx, outdir, profile = argv
    started = time.perf_counter()
    subprocess.run(
        [
            shutil.which("soffice") or "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            outdir,
            xlsx,
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    pdf = Path(outdir) / (Path(xlsx).stem + ".pdf")
    print(json.dumps({"seconds": elapsed, "mb": peak, "pages": _pages(pdf)}))


# -- the parent: scenarios ----------------------------------------------------------


def _run(*args: str) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "bench.printing", *args],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"bench.printing {' '.join(args)} failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


class _Runs:
    """The three ways of printing one register, each run in a fresh process; every
    result is kept, so the memory scenarios report the runs already timed."""

    def __init__(self, what: str, db: Path, scratch: Path) -> None:
        self.what, self.db, self.scratch = what, db, scratch
        self.results: dict[str, list[dict[str, Any]]] = {"ours": [], "floor": [], "libreoffice": []}
        self.xlsx = scratch / f"{what}.xlsx"
        self.libreoffice = shutil.which("soffice") is not None
        if self.libreoffice:
            _run("child", "xlsx", what, str(db), str(self.xlsx))

    def run(self, way: str) -> dict[str, Any]:
        if way == "libreoffice":
            outdir = self.scratch / "lo"
            shutil.rmtree(outdir, ignore_errors=True)
            outdir.mkdir()
            result = _run("soffice", str(self.xlsx), str(outdir), str(self.scratch / "lo-profile"))
        else:
            result = _run("child", way, self.what, str(self.db), str(self.scratch / f"{way}-{self.what}.pdf"))
        self.results[way].append(result)
        return result

    def seconds(self, way: str) -> Callable[[], float]:
        return lambda: float(self.run(way)["seconds"])

    def mb(self, way: str) -> Callable[[], float]:
        """The peak of a run already timed (in turn), else of a new run."""
        taken: list[int] = [0]

        def one() -> float:
            done = self.results[way]
            if taken[0] < len(done):
                taken[0] += 1
                return float(done[taken[0] - 1]["mb"])
            return float(self.run(way)["mb"])

        return one

    def pages(self, way: str) -> str:
        done = self.results[way]
        return f"{done[-1]['pages']:,} pages" if done else "?"


def scenarios(size: Size, db: Target, engine: str = "sqlite") -> list[Scenario]:
    if engine != "sqlite":
        return []
    assert isinstance(db, Path)
    scratch = Path(tempfile.mkdtemp(prefix="liangxin-bench-printing-"))
    from bench import sync

    sync._cleanups.append(lambda: shutil.rmtree(scratch, ignore_errors=True))
    out: list[Scenario] = []
    for what, action in (
        ("ledger", "打印台账 of every organization"),
        ("roster", "打印花名册 of the largest Party organization"),
    ):
        runs = _Runs(what, db, scratch)
        out.append(
            Scenario(
                f"print_{what}",
                f"{action} at {size.name} size: read, wrap, paginate, draw, save",
                "bare reportlab drawing the same lines at the same places, one text object per page",
                f"≤ {FLOOR_RATIO}× baseline at district size",
                "s",
                runs.seconds("ours"),
                runs.seconds("floor"),
                lambda ours, base: size.name != "district" or ours <= FLOOR_RATIO * base,
            )
        )
        if runs.libreoffice:
            out.append(
                Scenario(
                    f"print_{what}_libreoffice",
                    f"{action}, ours",
                    "soffice --headless --convert-to pdf of an .xlsx of the same rows (landscape, header repeated)",
                    "faster than baseline",
                    "s",
                    runs.seconds("ours"),
                    runs.seconds("libreoffice"),
                    lambda ours, base: ours < base,
                )
            )
        other = "libreoffice" if runs.libreoffice else "floor"
        out.append(
            Scenario(
                f"print_{what}_memory",
                f"{action}: peak RSS of the printing process",
                f"peak RSS of {other}" + ("" if runs.libreoffice else " (LibreOffice missing)"),
                f"< {MEMORY_LIMIT_MB} MB",
                "MB",
                runs.mb("ours"),
                runs.mb(other),
                lambda ours, base: ours < MEMORY_LIMIT_MB,
            )
        )
    return out


def install() -> None:
    """Add "printing" to the harness's scenarios (called from bench/__main__.py)."""
    if "printing" in harness.STORAGE:
        return
    harness.STORAGE = (*harness.STORAGE, "printing")
    before = harness.all_scenarios

    def with_printing(
        size: Size, db: Target, engine: str = "sqlite"
    ) -> dict[str, Callable[[], list[Scenario]]]:
        return {**before(size, db, engine), "printing": lambda: scenarios(size, db, engine)}

    harness.all_scenarios = with_printing


def main(argv: list[str]) -> int:
    """Measure one database without the harness; print the table for bench/README.md."""
    parser = argparse.ArgumentParser(prog="python -m bench.printing")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="liangxin-bench-printing-"))
    try:
        lines = [
            "| register | ours | floor | LibreOffice | ours ÷ floor | ours ÷ LibreOffice | pages (ours / floor / LO) "
            "| peak MB (ours / floor / LO) |",
            "|---|---:|---:|---:|---:|---:|---|---|",
        ]
        for what in ("ledger", "roster"):
            runs = _Runs(what, args.db, scratch)
            ways = ["ours", "floor"] + (["libreoffice"] if runs.libreoffice else [])
            for way in ways:
                runs.run(way)  # warm-up: caches, LibreOffice's profile
                runs.results[way].clear()
            for _ in range(args.repeat):
                for way in ways:
                    runs.run(way)
            med = {w: statistics.median(r["seconds"] for r in runs.results[w]) for w in ways}
            mb = {w: statistics.median(r["mb"] for r in runs.results[w]) for w in ways}
            pages = {w: runs.results[w][-1]["pages"] for w in ways}
            lo = med.get("libreoffice")
            lines.append(
                f"| {what} | {med['ours']:.2f} s | {med['floor']:.2f} s | "
                + (f"{lo:.2f} s" if lo else "— (no soffice)")
                + f" | {med['ours'] / med['floor']:.2f}× | "
                + (f"{med['ours'] / lo:.2f}×" if lo else "—")
                + " | "
                + " / ".join(f"{pages[w]:,}" for w in ways)
                + " | "
                + " / ".join(f"{mb[w]:.0f}" for w in ways)
                + " |"
            )
            print(lines[-1], flush=True)
        print("\n".join(lines))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(sys.argv[2:])
    elif sys.argv[1:2] == ["soffice"]:
        soffice_child(sys.argv[2:])
    else:
        sys.exit(main(sys.argv[1:]))
else:
    install()
