"""账户登录: how long signing in takes, beside a floor measured in the same run.

- ``login``: ``app.accounts.service.sign_in`` with the right password — the account
  read, one argon2id verify (t=2, 64 MiB, p=1; app/accounts/passwords.py), then the
  write that resets the wrong-password count and notes the last login, under the
  write lock. Floor: one bare ``argon2.PasswordHasher.verify`` of the same hash with
  the same parameters (the cost we chose; everything above it is ours).
- ``login_refused``: an unknown name (verified against the dummy hash, the same write
  finding no row), which must take what a wrong password takes. Same floor.

Target: ≤ 0.5 s (issue 18). On a fresh SQLite database of its own (the size of the
registers does not enter a sign-in). Imported through ``python -m bench``.
"""

from __future__ import annotations

import contextlib
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import harness
from bench.datasets import Size, Target
from bench.scenarios import Scenario

PASSWORD = "bench-pass-1"


def _store() -> Any:
    from app.accounts import service
    from app.store import init_store

    folder = Path(tempfile.mkdtemp(prefix="liangxin-bench-accounts-"))
    store, _ = init_store(str(folder / "accounts.sqlite3"), "440307001", "南湾街道")
    service.enable_accounts(store, "管理员", PASSWORD)
    return store


def scenarios(size: Size, db: Target, engine: str) -> list[Scenario]:
    if engine != "sqlite":
        return []
    from argon2 import PasswordHasher, Type

    from app.accounts import passwords, service
    from app.errors import LiangxinError

    store = _store()
    hasher = PasswordHasher(
        time_cost=passwords.TIME_COST,
        memory_cost=passwords.MEMORY_KIB,
        parallelism=passwords.PARALLELISM,
        type=Type.ID,
    )
    stored = hasher.hash(PASSWORD)

    def floor() -> float:
        started = time.perf_counter()
        hasher.verify(stored, PASSWORD)
        return time.perf_counter() - started

    def login() -> float:
        started = time.perf_counter()
        service.sign_in(store, "管理员", PASSWORD)
        return time.perf_counter() - started

    def refused() -> float:
        started = time.perf_counter()
        with contextlib.suppress(LiangxinError):
            service.authenticate(store, "没有这个人", PASSWORD)
        return time.perf_counter() - started

    return [
        Scenario(
            "login",
            "登录: sign_in with the right password (argon2id verify, then the count reset under the write lock)",
            "one bare argon2id verify, same parameters",
            "≤ 0.5 s",
            "ms",
            login,
            floor,
            lambda ours, base: ours <= 0.5,
        ),
        Scenario(
            "login_refused",
            "登录 refused: an unknown name (dummy hash, the same write), as long as a wrong password",
            "one bare argon2id verify, same parameters",
            "≤ 0.5 s",
            "ms",
            refused,
            floor,
            lambda ours, base: ours <= 0.5,
        ),
    ]


def install() -> None:
    """Add "accounts" to the harness's scenarios (called on import from bench/__main__.py)."""
    if "accounts" in harness.STORAGE:
        return
    harness.STORAGE = (*harness.STORAGE, "accounts")
    before = harness.all_scenarios

    def with_accounts(
        size: Size, db: Target, engine: str = "sqlite"
    ) -> dict[str, Callable[[], list[Scenario]]]:
        return {**before(size, db, engine), "accounts": lambda: scenarios(size, db, engine)}

    harness.all_scenarios = with_accounts


install()
