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

from bench.datasets import SIZES, database, read_whole
from bench.scenarios import Scenario, all_scenarios, start_spawner

RESULTS = Path(__file__).resolve().parent / "results.json"
SCALE = {"ms": 1000.0, "s": 1.0, "MB": 1.0}


def machine() -> dict[str, Any]:
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--size", choices=SIZES, default="small")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these scenarios")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    size = SIZES[args.size]
    start_spawner()  # before this process grows (see scenarios.start_spawner)
    read_whole(database(size))  # warm page cache: the state of a PC in daily use
    available = all_scenarios(size)
    names = args.only or list(available)
    unknown = [n for n in names if n not in available]
    if unknown:
        parser.error(f"unknown scenario {unknown[0]!r}; choose from {', '.join(available)}")
    rows = []
    for name in names:
        for scenario in available[name]():
            rows.append(measure(scenario, args.repeat))
            print(f"  {name}: {_fmt(rows[-1]['median'], rows[-1]['unit'])}", flush=True)
    report = {
        "date": datetime.now().isoformat(timespec="seconds"),
        "size": size.name,
        "orgs": size.orgs,
        "members": size.members,
        "repeat": args.repeat,
        "page_cache": "warm (database file read once before the runs, and a warm-up run per scenario)",
        "machine": machine(),
        "results": rows,
    }
    RESULTS.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\n{size.name}: {size.orgs:,} organizations, {size.members:,} members, repeat {args.repeat}\n")
    print(table(rows))
    return 0
