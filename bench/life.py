"""组织生活 at scale, each beside a floor measured in the same run:

- ``life_grid``: the compliance grid (开展情况) of the demo's year: every Party
  organization × 12 months × the three rules (主题党日, 支委会, 党课), judged by the
  rules' own conditions — what the 开展情况 tab and its print read — with its statement
  built (the first showing, or after the day or the settings changed);
  ``life_grid_again``: the same grid shown again (the statement kept). Floor: the same
  SQL (captured from our run) replayed through raw ``sqlite3`` on an open connection.
- ``life_record``: recording one 主题党日 with 50 attendees (48 present, 2 absent with a
  reason) through ``activities.record_activity`` — checking, the roster read, the
  activity, 50 attendance rows and their journal entries, one transaction — on a
  copy of the demo database. Floor: raw ``sqlite3`` inserting the same rows (the
  activity, 50 attendance rows, 51 journal rows) with ``executemany`` and committing.

SQLite only (as ``ledger``): on PostgreSQL the grid is one statement the ``stats``
scenarios already exercise in kind. Imported through ``python -m bench``
(bench/__main__.py): it adds "life" to the harness's scenarios.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench import harness
from bench.datasets import Size, Target
from bench.replay import capture, replay
from bench.scenarios import Scenario

ATTENDEES = 50


def _timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def grid_scenarios(db: Target) -> list[Scenario]:
    from app.services import life_compliance
    from app.store import open_store

    store = open_store(str(db))
    today = life_compliance.station_today()
    grid = life_compliance.compliance_grid(store, today.year, today)
    with capture(store.engine) as calls:
        life_compliance.compliance_grid(store, today.year, today)
    selects = [c for c in calls if c[0].lstrip().upper().startswith(("SELECT", "WITH"))]

    def first() -> float:
        life_compliance._statement.cache_clear()  # as after a change of day or of the settings
        return _timed(lambda: life_compliance.compliance_grid(store, today.year, today))

    what = f"{len(grid.rows):,} Party organizations × 12 months × 3 rules, by the rules' conditions"
    floor = "the same SQL replayed through raw sqlite3 on an open connection"
    return [
        Scenario(
            "life_grid",
            f"开展情况 of {today.year}, first shown (its statement built): {what}",
            floor,
            "≤ 300 ms at district size",
            "ms",
            first,
            lambda: replay(db, selects),
            lambda ours, base: ours <= 0.3,
        ),
        Scenario(
            "life_grid_again",
            f"开展情况 of {today.year} shown again (after an event is recorded): {what}",
            floor,
            "≤ 300 ms at district size",
            "ms",
            lambda: _timed(lambda: life_compliance.compliance_grid(store, today.year, today)),
            lambda: replay(db, selects),
            lambda ours, base: ours <= 0.3,
        ),
    ]


def _branch_of_fifty(store: Any) -> str:
    """A branch with 50 live members (the demo's largest branch, topped up if need be)."""
    from sqlalchemy import func, select

    from app.services import members
    from db.models import Member, PartyOrg

    with store.read() as session:
        party_id, n = session.execute(
            select(Member.party_org_id, func.count())
            .join(PartyOrg, PartyOrg.id == Member.party_org_id)
            .where(Member.deleted.is_(False), Member.exit_kind.is_(None), PartyOrg.level == "branch")
            .group_by(Member.party_org_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()
    for i in range(max(0, ATTENDEES - n)):
        members.add_member(
            store,
            {"name": f"补充党员{i}", "party_org": party_id, "category": "full", "relation": "transferred"},
        )
    return str(party_id)


def record_scenario(db: Target) -> Scenario:
    from app.services import activities
    from app.store import open_store

    scratch = Path(tempfile.mkdtemp(prefix="liangxin-bench-life-"))
    copy = scratch / "life.sqlite3"
    shutil.copy(db, copy)
    store = open_store(str(copy))
    party = _branch_of_fifty(store)
    people = activities.candidates(store, [party])[:ATTENDEES]
    listed = [
        {"member": p.id, "present": i >= 2, "reason": None if i >= 2 else "出差，已请假"}
        for i, p in enumerate(people)
    ]
    day = iter(range(10**6))

    def ours() -> float:
        held = date.today() - timedelta(days=1 + next(day) % 300)
        values = {
            "party_org": party,
            "kind": "theme_day",
            "held_on": held,
            "topic": "学习党章",
            "items": ["study"],
            "attendees": listed,
        }
        return _timed(lambda: activities.record_activity(store, values))

    raw = sqlite3.connect(copy, isolation_level=None)

    def floor() -> float:
        """The same rows through raw sqlite3: what any program must write for it."""
        started = time.perf_counter()
        now = "2026-01-01T00:00:00+00:00"
        raw.execute("BEGIN IMMEDIATE")
        first = (
            raw.execute(
                "UPDATE counter SET value = value + ? WHERE name = 'journal' RETURNING value",
                (ATTENDEES + 1,),
            ).fetchone()[0]
            - ATTENDEES
        )
        activity = str(uuid.uuid4())
        raw.execute(
            "INSERT INTO activity (id, owner, rev, created_at, updated_at, updated_by, deleted, party_org_id, kind, "
            "held_on, topic, attendance, expected, items) VALUES (?, '440307', ?, ?, ?, 'bench', 0, ?, 'theme_day', "
            "'2026-01-02', '学习党章', 48, 50, 'study')",
            (activity, first, now, now, party),
        )
        rows = [
            (str(uuid.uuid4()), first + i + 1, now, now, activity, a["member"], a["present"], a["reason"])
            for i, a in enumerate(listed)
        ]
        raw.executemany(
            "INSERT INTO activity_attendance (id, owner, rev, created_at, updated_at, updated_by, deleted, activity_id, "
            "member_id, present, reason, mobile_out) VALUES (?, '440307', ?, ?, ?, 'bench', 0, ?, ?, ?, ?, 0)",
            rows,
        )
        journal = [(first, "activity", activity, "insert", "440307", first, "{}", now, "bench")] + [
            (r[1], "activity_attendance", r[0], "insert", "440307", r[1], "{}", now, "bench") for r in rows
        ]
        raw.executemany(
            'INSERT INTO journal (seq, table_name, row_id, op, owner, rev, changes, at, "by") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
            journal,
        )
        raw.execute("COMMIT")
        return time.perf_counter() - started

    return Scenario(
        "life_record",
        f"登记组织生活: one 主题党日 with {ATTENDEES} attendees (2 absent with a reason), checked, journaled, one transaction",
        f"raw sqlite3: the activity, {ATTENDEES} attendance rows and their journal rows, executemany, commit",
        "≤ 100 ms",
        "ms",
        ours,
        floor,
        lambda ours, base: ours <= 0.1,
    )


def scenarios(size: Size, db: Target, engine: str) -> list[Scenario]:
    if engine != "sqlite":
        return []
    return [*grid_scenarios(db), record_scenario(db)]


def install() -> None:
    """Add "life" to the harness's scenarios (called from bench/__main__.py)."""
    if "life" in harness.STORAGE:
        return
    harness.STORAGE = (*harness.STORAGE, "life")
    before = harness.all_scenarios

    def with_life(size: Size, db: Target, engine: str = "sqlite") -> dict[str, Callable[[], list[Scenario]]]:
        return {**before(size, db, engine), "life": lambda: scenarios(size, db, engine)}

    harness.all_scenarios = with_life


install()
