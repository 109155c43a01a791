"""``liangxin-cli`` in the built bundle: the command line, in a console (on Windows the
window program has none, so scripts and the move-to-a-new-PC steps use this one)."""

from __future__ import annotations

from app.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
