"""Start the real program (``liangxin --db FILE gui``) offscreen in a child process on a
chosen page and report what it had loaded when its frame and its first page were
painted (FRAME_AT / SHOWN_AT, the bench's hooks in ui/launch.py and ui/start_frame.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from app.store import Store

# Run in the child: at each of the window's lines, the modules loaded and the windows up.
SPY = r"""
import json, sys
real = sys.stderr
class Spy:
    def write(self, text):
        for mark in ("FRAME_AT", "SHOWN_AT"):
            if text.startswith(mark):
                from PySide6.QtWidgets import QApplication
                windows = [type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]
                print(mark + " " + json.dumps([sorted(sys.modules), windows]), flush=True)
        return real.write(text)
    def flush(self):
        real.flush()
sys.stderr = Spy()
from app.cli.main import main
raise SystemExit(main(sys.argv[1:]))
"""


@dataclass(frozen=True)
class Moment:
    modules: set[str]
    windows: list[str]


@dataclass(frozen=True)
class Started:
    frame: Moment | None
    shown: Moment
    page: str  # the page the window says it showed


def start_window(store: Store, page: str, tmp_path: Path) -> Started:
    from ui import state

    location = store.location
    store.close()
    state.use_database(location)  # the window opens on the page it was left on, per database
    settings = state.window_state()
    settings.setValue("window/page", page)
    settings.sync()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_LOGGING_RULES": "qt.qpa.*=false",
        "LIANGXIN_QUIT_WHEN_SHOWN": "1",
    }
    done = subprocess.run(
        [sys.executable, "-c", SPY, "--db", location, "gui"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    said = {}
    for line in done.stdout.splitlines():
        mark, _, body = line.partition(" ")
        modules, windows = json.loads(body)
        said[mark] = Moment(set(modules), windows)
    shown = [line for line in done.stderr.splitlines() if line.startswith("SHOWN_AT ")]
    assert shown and "SHOWN_AT" in said, done.stderr
    return Started(said.get("FRAME_AT"), said["SHOWN_AT"], shown[-1].split()[2])
