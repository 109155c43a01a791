"""Long work as Qt-free generators: a *job* yields ``Progress`` while it works and
returns its result (``StopIteration.value``). The window runs a job with a progress
dialog whose Cancel closes the generator; the CLI runs it to the end.

A job must leave nothing behind when closed early: database work happens in one
transaction that ``GeneratorExit`` rolls back, and files are written beside their
target and renamed into place only at the end (``atomic_output``).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    """What a job is doing (one short Chinese phrase) and how far it is."""

    stage: str
    done: int
    total: int


Job = Generator[Progress, None, T]


def run_job(job: Job[T], on_progress: Callable[[Progress], Any] | None = None) -> T:
    """Run a job to its end (the CLI, tests); returns what the job returns."""
    while True:
        try:
            step = next(job)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
        if on_progress is not None:
            on_progress(step)


@contextlib.contextmanager
def atomic_output(target: str | Path, suffix: str | None = None) -> Iterator[Path]:
    """A temporary path beside ``target``; renamed onto it only when the block ends
    normally. On an error or a cancel the temporary file is removed and ``target``
    (if it existed) is untouched."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=suffix or target.suffix or ".tmp", dir=target.parent
    )
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        os.replace(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
