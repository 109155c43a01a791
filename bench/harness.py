"""``python -m bench``: run scenarios N times after a warm-up, ours and the baseline
interleaved, and print medians, ratios and whether each target is met."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.datasets import SIZES, Target, database, pg_database, pg_server, pg_version, read_whole
from bench.replay import close_all
from bench.scenarios import STORAGE, Scenario, all_scenarios, start_spawner

HERE = Path(__file__).resolve().parent
ENGINES = ("sqlite", "postgresql")
WINDOW = ("startup", "memory")  # the window's scenarios: SQLite only (bench/startup.py adds more)


def results_file(engine: str) -> Path:
    """The last run's figures on this engine."""
    return HERE / ("results.json" if engine == "sqlite" else f"results-{engine}.json")


SCALE = {"ms": 1000.0, "s": 1.0, "MB": 1.0}


def machine(engine: str = "sqlite") -> dict[str, Any]:
    memory = ""
    try:
        with open("/proc/meminfo") as fh:
            memory = f"{int(fh.readline().split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "memory": memory,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        **({"postgresql": pg_version()} if engine == "postgresql" else {}),
        "platform": platform.platform(),
    }


def measure(scenario: Scenario, repeat: int) -> dict[str, Any]:
    scenario.ours()  # warm-up: caches, imports, the OS page cache
    scenario.floor()
    ours, floor = [], []
    for _ in range(repeat):
        ours.append(scenario.ours())
        floor.append(scenario.floor())
    k = SCALE[scenario.unit]
    median, base = statistics.median(ours), statistics.median(floor)
    return {
        "scenario": scenario.name,
        "unit": scenario.unit,
        "measures": scenario.measures,
        "baseline": scenario.baseline,
        "median": median * k,
        "min": min(ours) * k,
        "max": max(ours) * k,
        "baseline_median": base * k,
        "ratio": median / base if base else None,
        "target": scenario.target,
        "met": scenario.met(median, base),
    }


def _fmt(value: float, unit: str) -> str:
    return f"{value:,.1f} {unit}" if unit != "s" else f"{value:,.2f} s"


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| scenario | median | min | max | baseline median | ratio | target | met |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in rows:
        u = r["unit"]
        ratio = f"{r['ratio']:.2f}×" if r["ratio"] is not None else "—"
        lines.append(
            f"| {r['scenario']} | {_fmt(r['median'], u)} | {_fmt(r['min'], u)} | {_fmt(r['max'], u)} | "
            f"{_fmt(r['baseline_median'], u)} | {ratio} | {r['target']} | {'yes' if r['met'] else '**no**'} |"
        )
    return "\n".join(lines)


def side_by_side() -> str:
    """The last run on each engine, scenario by scenario (see --side-by-side)."""
    runs = {
        e: json.loads(results_file(e).read_text(encoding="utf-8"))
        for e in ENGINES
        if results_file(e).exists()
    }
    if set(runs) != set(ENGINES):
        return "run python -m bench on both engines first (results.json and results-postgresql.json)"
    sizes = {e: f"{r['size']}, {r['date']}, repeat {r['repeat']}" for e, r in runs.items()}
    rows = {e: {r["scenario"]: r for r in run["results"]} for e, run in runs.items()}
    lines = [
        f"SQLite: {sizes['sqlite']}; PostgreSQL {runs['postgresql']['machine'].get('postgresql', '')}: "
        f"{sizes['postgresql']}",
        "",
        "| scenario | SQLite median | its floor | PostgreSQL median | its floor | PostgreSQL ÷ its floor "
        "| PostgreSQL ÷ SQLite |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, pg in rows["postgresql"].items():
        lite, u = rows["sqlite"].get(name), pg["unit"]
        if lite is None:
            continue
        floor_ratio = f"{pg['ratio']:.2f}×" if pg["ratio"] is not None else "—"
        lines.append(
            f"| {name} | {_fmt(lite['median'], u)} | {_fmt(lite['baseline_median'], u)} | "
            f"{_fmt(pg['median'], u)} | {_fmt(pg['baseline_median'], u)} | {floor_ratio} | "
            f"{pg['median'] / lite['median']:.2f}× |"
        )
    return "\n".join(lines)


def run(names: list[str], db: Target, size_name: str, engine: str, repeat: int) -> list[dict[str, Any]]:
    rows = []
    available = all_scenarios(SIZES[size_name], db, engine)
    for name in names:
        for scenario in available[name]():
            rows.append(measure(scenario, repeat))
            print(f"  {name}: {_fmt(rows[-1]['median'], rows[-1]['unit'])}", flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--size", choices=SIZES, default="small")
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="sqlite",
        help=f"postgresql: scratch databases on the server named by LIANGXIN_BENCH_PG (now {pg_server()})",
    )
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these scenarios")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--side-by-side", action="store_true", help="print the last run on each engine side by side and stop"
    )
    args = parser.parse_args(argv)
    if args.side_by_side:
        print(side_by_side())
        return 0
    size = SIZES[args.size]
    known = STORAGE if args.engine == "postgresql" else (*WINDOW, *STORAGE)
    names = args.only or list(known)
    unknown = [n for n in names if n not in known]
    if unknown:
        parser.error(f"unknown scenario {unknown[0]!r} on {args.engine}; choose from {', '.join(known)}")
    if args.engine == "postgresql":
        with pg_database(size) as url:
            try:
                rows = run(names, url, size.name, args.engine, args.repeat)
            finally:
                close_all()  # the floors' connections, before the scratch database goes
    else:
        start_spawner()  # before this process grows (see scenarios.start_spawner)
        db = database(size)
        read_whole(db)  # warm page cache: the state of a PC in daily use
        rows = run(names, db, size.name, args.engine, args.repeat)
    report = {
        "date": datetime.now().isoformat(timespec="seconds"),
        "engine": args.engine,
        "size": size.name,
        "orgs": size.orgs,
        "members": size.members,
        "repeat": args.repeat,
        "page_cache": "warm (database read once before the runs, and a warm-up run per scenario)",
        "machine": machine(args.engine),
        "results": rows,
    }
    results_file(args.engine).write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(
        f"\n{size.name} on {args.engine}: {size.orgs:,} organizations, {size.members:,} members, "
        f"repeat {args.repeat}\n"
    )
    print(table(rows))
    return 0
