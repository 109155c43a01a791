"""What the kill -9 tests share: a child process that says where it is and is then
SIGKILLed (no cleanup of any kind runs), and the checks a database must pass after:
SQLite's integrity check, a journal numbered 1..N with its counter at N, and a digest
of the tables the interrupted write touches."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select, text

from app.store import Store
from db.base import Base
from db.journal import JOURNAL_COUNTER
from db.models import Counter, JournalEntry

ROOT = Path(__file__).resolve().parent.parent


def integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return ", ".join(row[0] for row in con.execute("PRAGMA integrity_check"))
    finally:
        con.close()


def journal_holes(store: Store) -> list[int]:
    """Sequence numbers missing from 1..max."""
    with store.read() as session:
        seqs = list(session.scalars(select(JournalEntry.seq).order_by(JournalEntry.seq)))
    return sorted(set(range(1, (seqs[-1] if seqs else 0) + 1)) - set(seqs))


def journal_problems(store: Store) -> list[str]:
    """What is wrong with the journal's numbering: holes, or a counter that is not at
    the last number handed out (the next write would then reuse or skip one)."""
    problems = [f"missing seq {seq}" for seq in journal_holes(store)[:10]]
    with store.read() as session:
        top = session.scalar(select(func.max(JournalEntry.seq))) or 0
        counted = session.scalar(select(func.count()).select_from(JournalEntry)) or 0
        counter = session.scalar(select(Counter.value).where(Counter.name == JOURNAL_COUNTER)) or 0
    if counted != top:
        problems.append(f"{counted} entries for seq 1..{top}")
    if counter != top:
        problems.append(f"counter at {counter}, journal at {top}")
    return problems


def table_digest(
    store: Store, tables: tuple[str, ...], ignore: frozenset[str] = frozenset()
) -> dict[str, tuple[int, str]]:
    """Per table: its row count and a sha256 of every row. ``ignore`` names columns a
    second run of the same write fills differently (new ids, the clock); without them
    the rows are compared as a sorted list rather than in key order."""
    found: dict[str, tuple[int, str]] = {}
    with store.read() as session:
        for name in tables:
            table = Base.metadata.tables[name]
            keep = [c.name for c in table.columns if c.name not in ignore]
            order = ", ".join(c.name for c in table.primary_key.columns)
            rows = [
                repr(tuple(row))
                for row in session.execute(text(f"SELECT {', '.join(keep)} FROM {name} ORDER BY {order}"))
            ]
            if ignore:
                rows.sort()
            found[name] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return found


class KilledChild:
    """One child process (``python -c script args…``) that prints a word at each point
    the parent waits for, and is killed whenever the parent decides."""

    def __init__(
        self, script: str, *args: str, stdin_text: str = "", env: dict[str, str] | None = None
    ) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", script, *args],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **(env or {})},
        )
        assert self.proc.stdin is not None
        if stdin_text:
            self.proc.stdin.write(stdin_text)
            self.proc.stdin.flush()

    def said(self, word: str) -> None:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith(word):
            _, err = self.proc.communicate(timeout=60)
            raise AssertionError(f"the child said {line!r}, not {word!r}: {err[-2000:]}")

    def kill(self) -> None:
        """SIGKILL, unless it has already finished (a late moment of a slow test)."""
        os.kill(self.proc.pid, signal.SIGKILL)  # a finished child is a zombie until reaped: no error
        _, err = self.proc.communicate(timeout=60)
        assert self.proc.returncode in (-signal.SIGKILL, 0), err[-2000:]

    def finish(self) -> str:
        out, err = self.proc.communicate(timeout=300)
        assert self.proc.returncode == 0, err[-2000:]
        return out.strip().splitlines()[-1]
