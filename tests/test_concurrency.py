"""Several clerks at once, as real processes on the same database (both engines): writes
queue (PostgreSQL's advisory lock, SQLite's BEGIN IMMEDIATE), so the journal stays
true and no read-then-insert makes a duplicate; the database refuses the one that
slips past a service's check anyway, in a sentence; a write kept waiting too long
says who holds the database."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from app.errors import DatabaseBusy, FieldError
from app.services import appraisals, campaigns, organizations, party_orgs, task_generation
from app.store import Store, open_store
from bench.concurrent_writers import check_journal, run_writers
from db.engine import LOCK_TIMEOUT_ENV, WRITE_LOCK_KEY, application_name
from db.models import Appraisal, Member, Organization, Task

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 5, 10)
ID_NUMBER = "11010519491231002X"
USCC = "9144030071526726XG"


@pytest.fixture
def pg_store(pg_stations: Any) -> Iterator[Store]:
    """An initialised station on PostgreSQL only."""
    with pg_stations.database() as url:
        store = open_store(url)
        try:
            yield store
        finally:
            store.close()


def _together(db: str, *snippets: str) -> list[Any]:
    """Run each snippet (it sets ``result``; ``store`` is open) in its own process, all
    let go at the same moment; returns each one's result, or {"refused": sentence}."""
    procs = []
    for snippet in snippets:
        code = textwrap.dedent(
            """
            import json, sys
            from datetime import date
            from app.errors import LiangxinError
            from app.store import open_store
            store = open_store(sys.argv[1])
            print("ready", flush=True)
            sys.stdin.readline()
            try:
            {body}
            except LiangxinError as exc:
                result = {{"refused": exc.message}}
            finally:
                store.close()
            print(json.dumps(result, ensure_ascii=False, default=str))
            """
        ).format(body=textwrap.indent(textwrap.dedent(snippet).strip(), "    "))
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", code, db],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=ROOT,
            )
        )
    for p in procs:
        assert p.stdout is not None
        assert p.stdout.readline().strip() == "ready", p.stderr.read() if p.stderr else ""
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0 and not err, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


# --- the journal under concurrent writers -------------------------------------------------


def _writers_keep_the_journal_true(store: Store, workers: int, edits: int) -> None:
    org_id = organizations.add_organization(store, {"name": "共同编辑的公司", "kind": "enterprise"})["id"]
    run_writers(store.url, org_id, workers, edits)
    check = check_journal(store.url)
    assert check.gaps == 0 and not check.counter_off
    assert check.chain_breaks == [], check.chain_breaks[:5]
    assert check.stale_revs == [], check.stale_revs[:5]
    adds = workers * ((edits + 1) // 2)
    assert check.entries == 1 + adds + workers * (edits // 2)  # the organization, members, edits
    with store.read() as session:
        assert session.scalar(select(func.count()).where(Member.employer_id == org_id)) == adds
        org = session.get(Organization, org_id)
        assert org is not None and org.rev == check.entries  # edited last or a member added after
    record = organizations.get_organization(store, org_id)
    assert record["contact_name"].startswith("联系人")


def test_concurrent_writers_keep_the_journal_true(any_store: Store) -> None:
    """4 processes each adding members to one organization and editing it: no number
    missing, every row's rev its last entry, and each entry's old value of a field the
    previous entry's new one (on PostgreSQL the old values used to be read before
    waiting for the journal counter, and were stale)."""
    _writers_keep_the_journal_true(any_store, workers=4, edits=40)


@pytest.mark.slow
def test_concurrent_writers_keep_the_journal_true_at_200_edits_each(any_store: Store) -> None:
    _writers_keep_the_journal_true(any_store, workers=4, edits=200)


# --- read-then-insert services run twice at once -----------------------------------------


def test_two_task_generations_at_once_make_one_task_per_record(any_store: Store) -> None:
    campaign = campaigns.create_campaign(any_store, {}, template="da_zujian", year=2026)["id"]
    orgs = [
        organizations.add_organization(
            any_store, {"name": f"百人公司{i}", "kind": "enterprise", "employees": 150}
        )["id"]
        for i in range(12)
    ]
    call = f"""
        from app.services.task_generation import generate_tasks
        done = generate_tasks(store, {campaign!r}, ["enterprise_party_org"], today=date(2026, 5, 10))
        result = [done.created, done.skipped]
        """
    results = _together(any_store.url, call, call)
    assert sorted(results, key=str) == [[0, 12], [12, 0]]  # the second found the first's tasks
    with any_store.read() as session:
        rows = session.execute(
            select(Task.organization_id).where(Task.campaign_id == campaign, Task.deleted.is_(False))
        ).all()
    assert sorted(r[0] for r in rows) == sorted(orgs)


def test_two_clerks_starting_the_same_appraisals_at_once_make_one_each(any_store: Store) -> None:
    branches = [
        party_orgs.add_party_org(any_store, {"name": f"第{i}党支部", "level": "branch"})["id"]
        for i in range(8)
    ]
    call = """
        from app.services.appraisals import start_appraisals
        result = start_appraisals(store, "review", 2028)
        """
    first, second = _together(any_store.url, call, call)
    assert len(first) == 8 and first == second  # both clerks see the same forms
    with any_store.read() as session:
        subjects = session.scalars(
            select(Appraisal.subject_id).where(Appraisal.year == 2028, Appraisal.deleted.is_(False))
        ).all()
    assert sorted(subjects) == sorted(branches)


def test_two_clerks_adding_the_same_id_number_at_once(any_store: Store) -> None:
    call = f"""
        from app.services.members import add_member
        result = add_member(store, {{"name": "张伟", "id_number": {ID_NUMBER!r}}})["id"]
        """
    results = _together(any_store.url, call, call)
    refused = [r["refused"] for r in results if isinstance(r, dict)]
    assert len(refused) == 1, results
    assert re.fullmatch(
        r"公民身份号码 \S+ 已登记为党员“张伟”。|刚才已有人登记了相同公民身份号码的党员.*", refused[0]
    )
    with any_store.read() as session:
        assert session.scalar(select(func.count()).where(Member.id_number == ID_NUMBER)) == 1


def test_two_clerks_adding_the_same_credit_code_at_once(any_store: Store) -> None:
    call = f"""
        from app.services.organizations import add_organization
        result = add_organization(store, {{"name": "深圳市某某科技有限公司", "kind": "enterprise", "uscc": {USCC!r}}})["id"]
        """
    results = _together(any_store.url, call, call)
    refused = [r["refused"] for r in results if isinstance(r, dict)]
    assert len(refused) == 1 and "统一社会信用代码" in refused[0], results
    with any_store.read() as session:
        assert session.scalar(select(func.count()).where(Organization.uscc == USCC)) == 1


# --- what the database itself refuses -------------------------------------------------------


def test_the_database_refuses_a_second_live_task_or_appraisal_in_a_sentence(any_store: Store) -> None:
    """What slips past the services' checks (simulated by skipping them) is refused by
    the new indexes, in one sentence; the first record stays, a tombstoned one frees
    its place."""
    campaign = campaigns.create_campaign(any_store, {"name": "专项"})["id"]
    org = organizations.add_organization(
        any_store, {"name": "百人公司", "kind": "enterprise", "employees": 150}
    )["id"]
    made = task_generation.generate_tasks(any_store, campaign, ["enterprise_party_org"], today=TODAY)
    assert made.created == 1
    duplicate = {
        "campaign_id": campaign,
        "organization_id": org,
        "rule_id": "enterprise_party_org",
        "title": "重复",
    }
    with (
        pytest.raises(FieldError, match="刚才已有人为同样的记录生成了这条规则的任务") as caught,
        any_store.write() as session,
    ):
        session.add(Task(**duplicate))
    assert caught.value.field == "rule"
    with any_store.write() as session:  # by hand, without a rule: not limited
        session.add(Task(campaign_id=campaign, organization_id=org, title="手工任务"))
        session.add(Task(campaign_id=campaign, organization_id=org, title="手工任务"))
    with any_store.read() as session:
        assert session.get(Task, made.task_ids[0]).deleted is False  # type: ignore[union-attr]

    branch = party_orgs.add_party_org(any_store, {"name": "第一党支部", "level": "branch"})["id"]
    (first,) = appraisals.start_appraisals(any_store, "review", 2028, [branch])
    with any_store.read() as session:
        template_id = session.get(Appraisal, first).template_id  # type: ignore[union-attr]
    again = {"template_id": template_id, "year": 2028, "subject_kind": "party_org", "subject_id": branch}
    with (
        pytest.raises(FieldError, match="刚才已有人为同一对象开始了本年度的这项评议"),
        any_store.write() as session,
    ):
        session.add(Appraisal(**again, scores="{}"))
    assert appraisals.start_appraisals(any_store, "review", 2028, [branch]) == [first]
    with any_store.write() as session:
        session.get(Appraisal, first).deleted = True  # type: ignore[union-attr]
        session.add(Appraisal(**again, scores="{}"))  # the tombstoned one frees its place


# --- a write kept waiting ---------------------------------------------------------------------


def _libpq(url: str) -> str:
    parsed = make_url(url)
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.mark.postgres
def test_a_write_kept_waiting_names_the_clerk_who_holds_the_database(
    pg_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = organizations.add_organization(pg_store, {"name": "某公司", "kind": "enterprise", "employees": 5})[
        "id"
    ]
    monkeypatch.setenv(LOCK_TIMEOUT_ENV, "1")
    with psycopg.connect(_libpq(pg_store.url)) as other:  # another clerk's program, mid-save
        other.execute(f"SET application_name = '{application_name('440307001', '张三', 'PC-01')}'")
        other.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK_KEY])
        with pytest.raises(DatabaseBusy) as caught:
            organizations.edit_organization(pg_store, org, {"employees": "9"})
        other.rollback()
    assert re.fullmatch(
        r"数据库正被“liangxin 440307001 张三@PC-01”占用（已 \d+ 秒），等待 1 秒后仍未释放，本次未保存，请稍后再试。",
        caught.value.message,
    ), caught.value.message
    assert organizations.get_organization(pg_store, org)["employees"] == 5  # nothing half-saved
    organizations.edit_organization(pg_store, org, {"employees": "9"})  # released: saves at once
    assert organizations.get_organization(pg_store, org)["employees"] == 9


@pytest.mark.postgres
def test_a_write_kept_waiting_by_the_journal_counter_says_so_from_the_command_line(pg_store: Store) -> None:
    """Someone at psql holding the journal counter row (no advisory lock): the command
    stops after the timeout, naming psql, instead of waiting for ever."""
    org = organizations.add_organization(pg_store, {"name": "某公司", "kind": "enterprise"})["id"]
    with psycopg.connect(_libpq(pg_store.url), application_name="psql") as other:
        other.execute("SELECT value FROM counter WHERE name = 'journal' FOR UPDATE")
        done = subprocess.run(
            [sys.executable, "-m", "app", "--db", pg_store.url, "org", "edit", org, "--employees", "9"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, LOCK_TIMEOUT_ENV: "1"},
            timeout=60,
        )
        other.rollback()
    assert done.returncode == 3
    assert re.fullmatch(
        r"数据库正被“psql”占用（已 \d+ 秒），等待 1 秒后仍未释放，本次未保存，请稍后再试。",
        done.stderr.strip(),
    ), done.stderr


# --- duplicates the old race left behind, met by the upgrade -------------------------------


def test_upgrading_keeps_the_worked_on_or_first_of_each_duplicate_and_tombstones_the_rest(
    db_url: str,
) -> None:
    """A revision-0005 database holding what two clerks made at the same moment: the
    upgrade goes through, the task somebody moved, the appraisal somebody scored, the
    latest state of a task (else the first made) stays; the others are tombstoned, not
    removed, and the journal says so; then the database refuses a new duplicate."""
    from datetime import UTC, datetime, timedelta
    from types import SimpleNamespace

    from sqlalchemy import insert

    from app.services.appraisal_templates import builtin_text
    from app.store import resolve_url
    from db import migrate
    from db.engine import Sessions, create_db_engine
    from db.journal import new_id
    from db.models import AppraisalTemplate, Campaign, JournalEntry, TaskProgress

    url = resolve_url(db_url)
    engine = create_db_engine(url)
    migrate.upgrade(url, engine, to="0005")
    start = datetime(2026, 3, 1, tzinfo=UTC)

    def at(minutes: int) -> datetime:
        return start + timedelta(minutes=minutes)

    with Sessions(engine).write(station="440307001", user="tester") as session:
        # The station row as revision 0005 had it (the model has grown columns since).
        session.execute(
            text(
                "INSERT INTO station (code, name, role, is_self, last_received_seq) "
                "VALUES ('440307001', '南湾街道', 'subdistrict', :yes, 0)"
            ),
            {"yes": True},
        )
        campaign = Campaign(name="专项")
        # The organizations as revision 0005 had them (the model has grown columns since):
        # only the columns named here, and those with a default, are written.
        org, other = (SimpleNamespace(id=new_id()), SimpleNamespace(id=new_id()))
        for row, name in ((org, "甲公司"), (other, "乙公司")):
            session.execute(
                insert(Organization.__table__).values(
                    id=row.id, owner="440307001", rev=0, created_at=at(0), updated_at=at(0),
                    updated_by="tester", deleted=False, name=name, kind="enterprise", subtype="llc",
                    industry="other",
                )
            )  # fmt: skip
        template = AppraisalTemplate(
            code="review", name="述职评议考核", version=1, body=builtin_text("review")
        )
        session.add_all([campaign, template])
        session.flush()
        rule = {"campaign_id": campaign.id, "rule_id": "enterprise_party_org", "title": "应建党组织"}
        untouched, moved = (
            Task(**rule, organization_id=org.id, created_at=at(0)),
            Task(**rule, organization_id=org.id, created_at=at(1)),
        )
        first, second = (
            Task(**rule, organization_id=other.id, created_at=at(0)),
            Task(**rule, organization_id=other.id, created_at=at(1)),
        )
        blank, scored = (
            Appraisal(
                template_id=template.id, year=2028, subject_kind="organization", subject_id=org.id, **extra
            )
            for extra in (
                {"scores": "{}", "created_at": at(0)},
                {"scores": '{"a1": {"score": 5}}', "created_at": at(1)},
            )
        )
        session.add_all([untouched, moved, first, second, blank, scored])
        session.flush()
        session.add_all(
            [
                TaskProgress(task_id=untouched.id, status="todo", created_at=at(0)),
                TaskProgress(task_id=moved.id, status="doing", created_at=at(1)),
                TaskProgress(task_id=first.id, status="todo", created_at=at(0)),
            ]
        )
        ids = {
            n: o.id
            for n, o in [
                ("untouched", untouched),
                ("moved", moved),
                ("first", first),
                ("second", second),
                ("blank", blank),
                ("scored", scored),
            ]
        }
    with Sessions(engine).write(station="440307001", user="tester") as session:
        # A second state of ``first``, changed later than the one above.
        session.add(TaskProgress(task_id=ids["first"], status="doing", created_at=at(5)))
    migrate.upgrade(url, engine)
    engine.dispose()

    store = open_store(db_url)
    try:
        with store.read() as session:
            live_tasks = set(session.scalars(select(Task.id).where(Task.deleted.is_(False))))
            assert live_tasks == {ids["moved"], ids["first"]}
            assert session.get(Task, ids["untouched"]) is not None  # tombstoned, not removed
            live_appraisals = set(session.scalars(select(Appraisal.id).where(Appraisal.deleted.is_(False))))
            assert live_appraisals == {ids["scored"]}
            states = session.execute(
                select(TaskProgress.task_id, TaskProgress.status).where(TaskProgress.deleted.is_(False))
            ).all()
            assert sorted(states) == sorted([(ids["moved"], "doing"), (ids["first"], "doing")])
            tombstones = session.execute(
                select(JournalEntry.table_name, JournalEntry.row_id).where(JournalEntry.op == "delete")
            ).all()
        assert {r for t, r in tombstones if t in ("task", "appraisal")} == {
            ids["untouched"],
            ids["second"],
            ids["blank"],
        }
        assert len([t for t, _ in tombstones if t == "task_progress"]) == 2  # untouched's, first's older one
        check = check_journal(store.url)
        assert (
            check.gaps == 0 and not check.counter_off and check.chain_breaks == [] and check.stale_revs == []
        )
        with (
            pytest.raises(FieldError, match="刚才已有人为同样的记录生成了这条规则的任务"),
            store.write() as session,
        ):
            session.add(Task(**{**rule, "organization_id": org.id}))
    finally:
        store.close()


@pytest.mark.postgres
def test_how_long_a_write_waits_is_the_stations_setting(
    pg_store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No environment override: the setting (set, then read again on open) bounds the wait."""
    from app.cli.main import main

    monkeypatch.delenv(LOCK_TIMEOUT_ENV, raising=False)
    org = organizations.add_organization(pg_store, {"name": "某公司", "kind": "enterprise"})["id"]
    assert main(["--db", pg_store.url, "settings", "set", "storage.lock_timeout_seconds", "2"]) == 0
    with psycopg.connect(_libpq(pg_store.url), application_name="psql") as other:
        other.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK_KEY])
        started = time.monotonic()
        assert main(["--db", pg_store.url, "org", "edit", org, "--employees", "9"]) == 3
        waited = time.monotonic() - started
        other.rollback()
    assert "等待 2 秒后仍未释放" in capsys.readouterr().err
    assert waited < 10  # the default would have waited 15 s
