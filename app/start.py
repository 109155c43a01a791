"""What starting the window has to know before it can open anything."""

from __future__ import annotations

from pathlib import Path

from app.store import resolve_url
from db import migrate


def missing_database(db: str | None) -> Path | None:
    """The SQLite file ``db`` names (or the default one) when it does not exist yet: the
    window then asks how to begin instead of refusing. None for an existing file or a
    PostgreSQL server (made by its administrator, never by a first start)."""
    path = migrate.sqlite_path(resolve_url(db))
    return path if path is not None and not path.exists() else None
