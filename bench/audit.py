"""操作日志 at district size, each beside a floor measured in the same run:

- ``audit_first_page``: the log's first page as the 操作日志 page opens it — the newest
  200 journal entries and access events, merged newest first in SQL, turned into
  labels, masked values and names (``audit.audit_log``).
- ``audit_filtered_page``: the first page of one user's changes to the 党员 register
  (user + register + action filters).

Floor: the same SQL (captured from our run) replayed through raw ``sqlite3`` on an
open connection. The database is the merged district of ``bench.district`` (20
sub-districts, about a million journal entries at the default size), copied and
upgraded to the current schema. SQLite only, as ``life``. Imported through
``python -m bench`` (bench/__main__.py): it adds "audit" to the harness's scenarios.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import harness
from bench.datasets import Size, Target
from bench.replay import capture, replay
from bench.scenarios import Scenario


def _timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _scenario(name: str, measures: str, db: Path, store: Any, action: Callable[[], Any]) -> Scenario:
    with capture(store.engine) as calls:
        action()
    selects = [c for c in calls if c[0].lstrip().upper().startswith(("SELECT", "WITH"))]
    return Scenario(
        name,
        measures,
        "the same SQL replayed through raw sqlite3 on an open connection",
        "first page < 300 ms at district size",
        "ms",
        lambda: _timed(action),
        lambda: replay(db, selects),
        lambda ours, base: ours < 0.3,
    )


def scenarios(size: Size, engine: str) -> list[Scenario]:
    if engine != "sqlite":
        return []
    from app.services import audit
    from app.store import open_store
    from bench.district import merged_sqlite

    scratch = Path(tempfile.mkdtemp(prefix="liangxin-bench-audit-"))
    copy = scratch / "audit.sqlite3"
    shutil.copy(merged_sqlite(size), copy)
    store = open_store(str(copy))  # upgraded here: the journal's indexes of migration 0017
    total = audit.audit_count(store)
    user = audit.audit_users(store)[0]
    return [
        _scenario(
            "audit_first_page",
            f"操作日志 first page (200 of {total:,} entries, newest first)",
            copy,
            store,
            lambda: audit.audit_log(store, limit=200),
        ),
        _scenario(
            "audit_filtered_page",
            f"操作日志 first page of user {user}'s 修改 of 党员 ({total:,} entries)",
            copy,
            store,
            lambda: audit.audit_log(store, user=user, register="member", action="update", limit=200),
        ),
    ]


def install() -> None:
    """Add "audit" to the harness's scenarios (called from bench/__main__.py)."""
    if "audit" in harness.STORAGE:
        return
    harness.STORAGE = (*harness.STORAGE, "audit")
    before = harness.all_scenarios

    def with_audit(size: Size, db: Target, engine: str = "sqlite") -> dict[str, Callable[[], list[Scenario]]]:
        return {**before(size, db, engine), "audit": lambda: scenarios(size, engine)}

    harness.all_scenarios = with_audit


install()
