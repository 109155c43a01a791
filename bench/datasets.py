"""Demo databases for the benchmark, built once per size and seed and reused."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 1


@dataclass(frozen=True)
class Size:
    name: str
    orgs: int
    members: int


SIZES = {
    "small": Size("small", 150, 1_000),
    "subdistrict": Size("subdistrict", 1_500, 10_000),
    "district": Size("district", 30_000, 200_000),
}


def fill(path: Path, size: Size) -> None:
    from app.demo.generator import run_demo
    from app.store import init_store

    code, name, role = (
        ("440307", "龙岗区", "district")
        if size.name == "district"
        else ("440307001", "南湾街道", "subdistrict")
    )
    store, _ = init_store(str(path), code, name, role)
    try:
        run_demo(store, orgs=size.orgs, members=size.members, seed=SEED)
    finally:
        store.close()


def _generator_digest() -> str:
    """Changes when the demo generator or the schema changes, so a stale cache is not reused."""
    root = Path(__file__).resolve().parent.parent
    files = sorted(
        [*(root / "app" / "demo").glob("*.py"), *(root / "db" / "migrations" / "versions").glob("*.py")]
    )
    return hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()[:10]


def database(size: Size) -> Path:
    """The cached demo database of this size (built on first use)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{size.name}-seed{SEED}-{_generator_digest()}.sqlite3"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    fill(partial, size)
    con = sqlite3.connect(partial)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    partial.rename(path)
    return path


def read_whole(path: Path) -> None:
    """Warm the OS page cache, as on a PC where the program has been in use."""
    with path.open("rb") as fh:
        while fh.read(1 << 24):
            pass
