"""Where things live: the default database, configuration, and bundled resources
(also inside a PyInstaller bundle, where ``sys._MEIPASS`` is the root)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "liangxin"


def data_dir() -> Path:
    override = os.environ.get("LIANGXIN_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def default_database() -> Path:
    return data_dir() / "liangxin.sqlite3"


def resource_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def cjk_font() -> Path:
    return resource("fonts", "wqy-microhei.ttc")
