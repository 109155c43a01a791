"""The same user actions on SQLite and on PostgreSQL give the same answers.

One small demo (60 organizations, 400 members, a campaign under way) is filled once
per engine through the same services; every test gets its own copy of each and runs
the same commands on both — the CLI as a clerk types them, the services as the
window calls them — then compares what a person would see: the figures, the
findings, the tasks and their progress, the appraisal list, and the PDFs and
workbooks read back. Where an answer is compared, it is also checked to be about
something (not empty), so two engines agreeing on nothing cannot pass.

Ids made during a test are random, and print-outs carry the moment they were made;
both are replaced by placeholders before comparing (see ``_same``)."""

from __future__ import annotations

import gc
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import Engine, event, func, select
from sqlalchemy.engine import make_url

from app.cli.main import main
from app.demo.generator import demo_counts, run_demo
from app.errors import ConnectionLost
from app.reports.forms import print_appraisals
from app.services import appraisal_templates, appraisals, organizations, task_board
from app.stats import MEMBER_FIGURES, ORG_FIGURES, Figure, figure_records, station_stats
from app.store import Store, open_store
from db.models import (
    Activity,
    Campaign,
    Community,
    Instructor,
    InstructorAssignment,
    JournalEntry,
    Member,
    Organization,
    PartyOrg,
    Phase,
    StatSnapshot,
    Task,
    TaskProgress,
)
from tests.conftest import IN_CI, _building, _copy_of_template, _PgDatabases, _settled

pytestmark = pytest.mark.postgres

TODAY = date(2026, 11, 22)  # the demo's own "today": its campaign is in its 攻坚阶段
DEMO = {"orgs": 60, "members": 400, "seed": 3, "today": TODAY}
ENGINES = ("sqlite", "postgresql")


# --- the two demos ------------------------------------------------------------------


@pytest.fixture(scope="module")
def sqlite_demo(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-both") / "demo.sqlite3"
    shutil.copy(sqlite_template, path)
    with _building(tmp_path_factory):
        store = open_store(str(path))
        run_demo(store, **DEMO)
        store.close()
    return _settled(path)


@pytest.fixture(scope="module")
def pg_demo(pg_stations: _PgDatabases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[_PgDatabases]:
    """The demo filled into a PostgreSQL station; tests get copies of it."""
    with pg_stations.database() as url:
        with _building(tmp_path_factory):
            store = open_store(url)
            run_demo(store, **DEMO)
            store.close()  # a template must have nobody connected
        copies = _PgDatabases(make_url(url).database)
        copies.AHEAD = 1  # a handful of tests: a copy made and dropped unused costs a second
        try:
            yield copies
        finally:
            copies.close()


@pytest.fixture
def stores(sqlite_demo: Path, pg_demo: _PgDatabases, tmp_path: Path) -> Iterator[dict[str, Store]]:
    """This test's own copy of the demo on each engine, open."""
    sqlite = _copy_of_template(sqlite_demo, tmp_path / "demo.sqlite3")
    with pg_demo.database() as url:
        pg = open_store(url)
        try:
            yield {"sqlite": next(sqlite), "postgresql": pg}
        finally:
            pg.close()
            sqlite.close()


# --- comparing ----------------------------------------------------------------------

UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# The offset stays: a moment must be written the same way on both engines.
MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?")
# A printed form's check code digests its record, id included: an id of its own per engine.
DIGEST = re.compile(r"(?<=校验码 )[0-9a-f]{12}")


def _placeholders(text: str) -> str:
    """Ids by order of first appearance (so a task referred to twice stays one task),
    moments of printing or saving as <时刻>, content digests as <摘要>."""
    seen: dict[str, str] = {}
    text = UUID.sub(lambda m: seen.setdefault(m.group().lower(), f"<id{len(seen) + 1}>"), text)
    return DIGEST.sub("<摘要>", MOMENT.sub("<时刻>", text))


def _same(answers: dict[str, Any]) -> Any:
    """The one answer both engines gave (compared with placeholders); fails naming
    the first place they differ."""
    texts = {
        engine: _placeholders(
            answer
            if isinstance(answer, str)
            else json.dumps(answer, ensure_ascii=False, default=str, indent=1)
        )
        for engine, answer in answers.items()
    }
    first, second = (texts[e].splitlines() for e in ENGINES)
    for n, (a, b) in enumerate(zip(first, second, strict=False)):
        assert a == b, f"SQLite and PostgreSQL differ at line {n + 1}:\n  sqlite:     {a}\n  postgresql: {b}"
    assert len(first) == len(second), "one engine gave more lines than the other"
    return answers["sqlite"]


def _on_both(stores: dict[str, Store], action: Callable[[Store], Any]) -> Any:
    return _same({engine: action(store) for engine, store in stores.items()})


def _cli(capsys: pytest.CaptureFixture[str], store: Store, *args: str) -> str:
    capsys.readouterr()
    code = main(["--db", store.url if store.url.startswith("postgresql") else store.location, *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def _cli_both(capsys: pytest.CaptureFixture[str], stores: dict[str, Store], *args: str) -> Any:
    """The command's --json answer on each engine, the same on both."""
    return _on_both(stores, lambda store: json.loads(_cli(capsys, store, *args, "--json")))


def _pdf_text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def _xlsx_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


# --- the demo itself ----------------------------------------------------------------

TABLES = (
    Community,
    PartyOrg,
    Organization,
    Member,
    Instructor,
    InstructorAssignment,
    Activity,
    Campaign,
    Phase,
    Task,
    TaskProgress,
    StatSnapshot,
)
MOMENTS = {"created_at", "updated_at", "recorded_at"}  # written at fill time


def _rows(store: Store, model: type[Any]) -> list[tuple[Any, ...]]:
    columns = [c for c in model.__table__.columns if c.name not in MOMENTS]
    with store.read() as session:
        return [tuple(r) for r in session.execute(select(*columns).order_by(*model.__table__.primary_key))]


def _journaled(store: Store) -> int:
    """How many entries the journal holds (numbered 1, 2, … without gaps)."""
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(JournalEntry)) or 0


def test_the_demo_fills_the_same_register_on_both_engines(stores: dict[str, Store]) -> None:
    counts = _on_both(stores, demo_counts)
    assert counts["organization"] == 60 and counts["member"] == 400
    for model in TABLES:
        rows = {engine: _rows(store, model) for engine, store in stores.items()}
        assert rows["sqlite"], model.__tablename__
        assert rows["sqlite"] == rows["postgresql"], model.__tablename__

    assert _on_both(stores, _journaled) >= sum(counts.values())  # every row inserted was journaled


# --- figures and findings -----------------------------------------------------------


def test_the_figures_findings_and_their_records_are_the_same(
    stores: dict[str, Store], capsys: pytest.CaptureFixture[str]
) -> None:
    stats = _cli_both(capsys, stores, "stats", "--today", TODAY.isoformat())
    assert stats["coverage"]["in_scope"] > 0 and stats["findings"]["total"] > 0
    assert _on_both(stores, lambda store: station_stats(store, TODAY)) == stats
    findings = _cli_both(capsys, stores, "check", "--today", TODAY.isoformat(), "--limit", "0")
    assert findings["total"] == stats["findings"]["total"]
    assert len({r["id"] for r in findings["rules"] if r["count"]}) >= 5

    figures = [Figure(what) for what in (*ORG_FIGURES, *MEMBER_FIGURES)]
    for group in ("community", "industry", "staff_band"):
        figures += [
            Figure("uncovered", group, row["key"]) for row in stats[f"by_{group}"] if row["uncovered"]
        ]
    counted = 0
    for figure in figures:
        ids = _on_both(stores, lambda store, f=figure: sorted(figure_records(store, f).ids))
        counted += bool(ids)
    assert counted > 10


# --- campaigns and tasks ------------------------------------------------------------


def test_a_campaign_its_board_and_its_progress_are_the_same(
    stores: dict[str, Store], capsys: pytest.CaptureFixture[str]
) -> None:
    today = ("--today", TODAY.isoformat())
    [campaign] = _cli_both(capsys, stores, "campaign", "list")
    shown = _cli_both(capsys, stores, "campaign", "show", campaign["id"], *today)
    progress = shown["progress"]
    assert progress["total"]["done"] > 0 and len(progress["burn_down"]) > 30
    tasks = _cli_both(capsys, stores, "task", "list", "--campaign", campaign["id"], *today)
    assert len(tasks) == progress["total"]["total"] and {t["status"] for t in tasks} == {
        "todo",
        "doing",
        "done",
    }
    community = tasks[0]["community"]
    filtered = {
        "overdue": _cli_both(capsys, stores, "task", "list", "--overdue", *today),
        "community": _cli_both(capsys, stores, "task", "list", "--community", community, *today),
        "status": _cli_both(capsys, stores, "task", "list", "--status", "进行中", *today),
        "search": _cli_both(capsys, stores, "task", "list", "--search", tasks[0]["record"][3:7], *today),
    }
    for how, found in filtered.items():
        assert 0 < len(found) < len(tasks), how
    lanes = _on_both(
        stores,
        lambda store: [
            (lane.key, {status: [c.id for c in cards] for status, cards in lane.cards.items()})
            for by in ("assignee", "community")
            for lane in task_board.board_lanes(
                task_board.task_cards(store, task_board.TaskFilter(campaign=campaign["id"]), today=TODAY), by
            )
        ],
    )
    assert len(lanes) > 2

    # The clerk generates the rest of the findings' tasks, works one and closes another.
    rules = ("--rule", "enterprise_members", "--rule", "instructor_needed")
    preview = _cli_both(
        capsys, stores, "task", "generate", "--campaign", campaign["id"], *rules, "--preview", *today
    )
    made = _cli_both(capsys, stores, "task", "generate", "--campaign", campaign["id"], *rules, *today)
    assert made["created"] > 0 and made["created"] + made["skipped"] == len(preview)
    again = _cli_both(capsys, stores, "task", "generate", "--campaign", campaign["id"], *rules, *today)
    assert again["created"] == 0
    todo = next(t for t in tasks if t["status"] == "todo")
    _cli_both(capsys, stores, "task", "move", todo["id"], "--to", "doing", "--note", "已约谈负责人", *today)
    closing = next(t for t in tasks if t["status"] == "doing")
    _cli_both(
        capsys, stores, "task", "close", closing["id"], "--note", "已组建", "--override", "登记待更新", *today
    )
    after = _cli_both(capsys, stores, "campaign", "show", campaign["id"], *today)["progress"]
    assert after["total"]["total"] == progress["total"]["total"] + made["created"]
    assert after["total"]["done"] == progress["total"]["done"] + 1


def test_ids_and_searches_ignore_case_on_both_engines(
    stores: dict[str, Store], capsys: pytest.CaptureFixture[str]
) -> None:
    today = ("--today", TODAY.isoformat())
    [campaign] = _cli_both(capsys, stores, "campaign", "list")
    for store in stores.values():
        organizations.add_organization(
            store, {"name": "深圳市iPhone维修有限公司", "kind": "enterprise", "employees": 150}
        )
    rule = ("--rule", "enterprise_party_org")
    assert _cli_both(capsys, stores, "task", "generate", "--campaign", campaign["id"], *rule, *today)[
        "created"
    ]
    found = _cli_both(capsys, stores, "task", "list", "--search", "iphone", *today)
    assert [t["record"] for t in found] == ["深圳市iPhone维修有限公司"]
    assert _cli_both(capsys, stores, "org", "list", "--search", "IPHONE")["total"] == 1
    prefix = campaign["id"][:8].upper()
    assert _cli_both(capsys, stores, "campaign", "show", prefix, *today)["id"] == campaign["id"]


def test_days_and_times_follow_the_station_not_the_servers_session(
    stores: dict[str, Store], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server (or a clerk's PC) set to another time zone: PostgreSQL sessions then
    speak Honolulu time. The burn-down's days and the journal's times stay the
    station's, as on SQLite."""
    monkeypatch.setenv("PGTZ", "Pacific/Honolulu")  # every new PostgreSQL connection from here on
    today = ("--today", TODAY.isoformat())
    [campaign] = _cli_both(capsys, stores, "campaign", "list")
    progress = _cli_both(capsys, stores, "campaign", "show", campaign["id"], *today)["progress"]
    assert any(day["open"] for day in progress["burn_down"])
    last = _on_both(stores, _journaled)
    org = _cli_both(capsys, stores, "org", "list", "--limit", "1")["rows"][0]["id"]
    _cli_both(capsys, stores, "org", "edit", org, "--employees", "99", "--address", "南湾街道丹竹头")
    [entry] = _cli_both(capsys, stores, "journal", "--after", str(last))
    assert entry["changes"]["employees"][1] == 99 and re.search(r"[+-]\d{2}:\d{2}$", entry["at"])


# --- appraisals ---------------------------------------------------------------------


def test_appraisals_their_scores_and_printed_forms_are_the_same(
    stores: dict[str, Store], tmp_path: Path
) -> None:
    template = appraisal_templates.parse_template(appraisal_templates.builtin_text("review"))
    started = {engine: appraisals.start_appraisals(store, "review", 2026) for engine, store in stores.items()}
    with stores["sqlite"].read() as session:
        parties = session.scalar(
            select(func.count()).select_from(PartyOrg).where(PartyOrg.deleted.is_(False))
        )
    assert len(started["sqlite"]) == len(started["postgresql"]) == parties > 0  # every Party organization

    def listed(store: Store) -> list[tuple[Any, ...]]:
        return [
            (r.subject, r.state, r.total, r.grade) for r in appraisals.list_appraisals(store, "review", 2026)
        ]

    drafts = _on_both(stores, listed)
    ids = {
        engine: {r.subject: r.id for r in appraisals.list_appraisals(store, "review", 2026)}
        for engine, store in stores.items()
    }
    for n, (subject, *_) in enumerate(drafts[:4]):
        scores = {
            c.code: {"score": max(0, c.max - n - (i % 3)), "note": ""}
            for i, c in enumerate(template.criteria)
        }
        for engine, store in stores.items():
            appraisals.save_appraisal(
                store, ids[engine][subject], scores=scores, comments="“三会一课”落实较好。",
                evaluator="评议组", evaluated_on="2026-12-20",
            )  # fmt: skip
            if n == 0:
                appraisals.finalize_appraisal(store, ids[engine][subject])
    scored = _on_both(stores, listed)
    assert [r[2] is not None for r in scored].count(True) == 4

    texts = {}
    for engine, store in stores.items():
        [pdf] = print_appraisals(store, started[engine], tmp_path / f"{engine}.pdf")
        texts[engine] = _pdf_text(pdf)
    text = _same(texts)
    assert "评议组" in text and len(PdfReader(tmp_path / "sqlite.pdf").pages) >= parties


# --- print-outs and workbooks -------------------------------------------------------


def test_every_print_out_and_workbook_reads_back_the_same(
    stores: dict[str, Store], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [campaign] = _cli_both(capsys, stores, "campaign", "list")
    today = ("--today", TODAY.isoformat())
    party_org = _cli_both(capsys, stores, "party-org", "list", "--sort", "members", "--desc", "--limit", "1")[
        "rows"
    ][0]["id"]
    org = _cli_both(capsys, stores, "org", "list", "--sort", "employees", "--desc", "--limit", "1")["rows"][
        0
    ]["id"]
    outputs = {
        "通报.pdf": ("print", "dashboard", *today),
        "花名册.pdf": ("print", "roster", "--party-org", party_org),
        "台账.pdf": ("print", "ledger"),
        "档案卡.pdf": ("print", "card", "--org", org),
        "进度通报.pdf": ("print", "notice", "--campaign", campaign["id"], *today),
        "工作台.xlsx": ("export", "dashboard", *today),
        "进度表.xlsx": ("export", "notice", "--campaign", campaign["id"], *today),
    }
    for name, command in outputs.items():
        read: dict[str, Any] = {}
        for engine, store in stores.items():
            out = tmp_path / engine / name
            out.parent.mkdir(exist_ok=True)
            _cli(capsys, store, *command, "--out", str(out))
            read[engine] = _pdf_text(out) if name.endswith(".pdf") else _xlsx_values(out)
        answer = _same(read)
        assert len(str(answer)) > 200, name


# --- a server restart ---------------------------------------------------------------


def _can_restart() -> str | None:
    if not shutil.which("pg_ctlcluster"):
        return "pg_ctlcluster is not installed here"
    if not (IN_CI or os.geteuid() == 0):
        return "restarting the PostgreSQL server needs root (or CI)"
    return None


def _restart_server() -> None:
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart"],
        check=True,
        capture_output=True,
    )


def _heal_after_restart(*under_test: Store) -> None:
    """A restart closes every connection to the server, idle ones in pools included.
    The test fixtures' own engines (which make and drop databases) do not check theirs
    before use, so they start afresh; the stores under test are left as they are."""
    ours = {id(store.engine) for store in under_test}
    for thing in gc.get_objects():
        if isinstance(thing, Engine) and thing.dialect.name == "postgresql" and id(thing) not in ours:
            thing.dispose()


@pytest.mark.skipif(_can_restart() is not None, reason=str(_can_restart()))
def test_a_server_restart_in_the_middle_of_a_session(
    pg_demo: _PgDatabases, pg_stations: _PgDatabases, request: pytest.FixtureRequest
) -> None:
    """Two windows open on the district's database; the server restarts while one of
    them is saving. The saving one says so in one sentence, and its next try goes
    through; the idle one notices nothing."""
    databases = [pg_demo, pg_stations, request.getfixturevalue("_empty_pg")]
    with pg_demo.database() as url:
        saving, idle = open_store(url), open_store(url)
        try:
            listed = organizations.list_organizations(idle).total  # its pool now holds a connection
            for made in databases:  # no CREATE or DROP DATABASE under way when the server goes
                for pending in [*made.ahead, *made.dropping]:
                    pending.result()

            def restart_before_the_insert(_c: Any, _cur: Any, statement: str, *_: Any) -> None:
                if statement.lstrip().upper().startswith("INSERT INTO ORGANIZATION"):
                    event.remove(saving.engine, "before_cursor_execute", restart_before_the_insert)
                    _restart_server()

            event.listen(saving.engine, "before_cursor_execute", restart_before_the_insert)
            with pytest.raises(ConnectionLost) as lost:
                organizations.add_organization(saving, {"name": "重启时登记的公司", "kind": "enterprise"})
            _heal_after_restart(saving, idle)
            message = lost.value.message
            assert "连接中断" in message and "可能没有保存" in message and "\n" not in message
            assert not re.search(r"server|closed|Error|SQL", message), message  # no driver text
            assert organizations.list_organizations(idle).total == listed  # its dead connection replaced
            organizations.add_organization(saving, {"name": "重启时登记的公司", "kind": "enterprise"})
            assert organizations.list_organizations(idle, search="重启时登记的公司").total == 1
            assert organizations.list_organizations(saving).total == listed + 1
        finally:
            saving.close()
            idle.close()
