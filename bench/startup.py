"""Start-up beyond the demo database: the district's merged database (bench/district.py),
and the frozen bundle where one is built.

- ``startup_district``: ``startup``, ``startup_dashboard`` and ``memory`` on a copy of the
  district's desk (20 merged sub-districts, 30,000 organizations / 200,000 members at
  district size): the district's 工作台 is the heaviest first page there is.
- ``startup_frozen``: the same three on the demo database and on the district, run with
  the bundle's window program instead of ``python -m app``: ``LIANGXIN_BENCH_FROZEN``
  names it, else the newest ``dist/liangxin-*/liangxin`` (``pyinstaller --noconfirm
  build_installer.spec``). Without a bundle it reports nothing and says so.

Imported through ``python -m bench`` (bench/__main__.py): it adds both names to the
harness's window scenarios (SQLite only: the program is the same on either engine)."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import harness, sync
from bench.datasets import Size, Target
from bench.scenarios import Scenario, startup_and_memory

ROOT = Path(__file__).resolve().parent.parent


def frozen_program() -> Path | None:
    """The bundle's window program, if one is built."""
    named = os.environ.get("LIANGXIN_BENCH_FROZEN")
    if named:
        return Path(named)
    built = sorted(ROOT.glob("dist/liangxin-*/liangxin"), key=lambda p: p.stat().st_mtime)
    return built[-1] if built else None


def _district_copy(size: Size) -> Path:
    """A copy of the merged district (the window never writes, but an upgrade would)."""
    from bench.district import merged_sqlite

    scratch = Path(tempfile.mkdtemp(prefix="liangxin-bench-startup-"))
    sync._cleanups.append(lambda: shutil.rmtree(scratch, ignore_errors=True))
    copy = scratch / "district.sqlite3"
    shutil.copy(merged_sqlite(size), copy)
    return copy


def district(size: Size) -> list[Scenario]:
    return startup_and_memory(_district_copy(size), label="_district")


def frozen(size: Size, db: Target) -> list[Scenario]:
    program = frozen_program()
    if program is None or not program.exists():
        print(
            "  startup_frozen: no bundle (dist/liangxin-*/liangxin or LIANGXIN_BENCH_FROZEN)", file=sys.stderr
        )
        return []
    return [
        *startup_and_memory(Path(db), [str(program)], label="_frozen"),
        *startup_and_memory(_district_copy(size), [str(program)], label="_frozen_district"),
    ]


def install() -> None:
    if "startup_district" in harness.WINDOW:
        return
    harness.WINDOW = (*harness.WINDOW, "startup_district", "startup_frozen")
    before = harness.all_scenarios

    def with_startup(size: Size, db: Target, engine: str = "sqlite") -> dict[str, Callable[[], list[Any]]]:
        extra = {"startup_district": lambda: district(size), "startup_frozen": lambda: frozen(size, db)}
        return {**before(size, db, engine), **(extra if engine == "sqlite" else {})}

    harness.all_scenarios = with_startup


install()
