"""Window state (geometry, last page, splitters, columns) kept per database file, so
the demo and the real register each open as they were left; the user's own choices
(language, the reports folder) stay in ``ui.ini``. A screenshot never writes the
user's state: it reads and writes a scratch file of its own."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

from app.paths import data_dir

PERSIST = True  # screenshots switch this off: rendering a page must not change the next start
_location = ""
_scratch: Path | None = None


def use_database(location: str) -> None:
    """The database whose window state ``window_state`` reads and writes from now on."""
    global _location
    _location = location


def _file() -> Path:
    global _scratch
    if not PERSIST:
        if _scratch is None:
            _scratch = Path(tempfile.mkdtemp(prefix="liangxin-state-")) / "window.ini"
        return _scratch
    key = hashlib.sha256(_location.encode()).hexdigest()[:16]
    return data_dir() / "windows" / f"{key}.ini"


def window_state() -> QSettings:
    settings = QSettings(str(_file()), QSettings.Format.IniFormat)
    if _location and settings.value("database") != _location:
        settings.setValue("database", _location)  # which file this state belongs to, for a person
    return settings
