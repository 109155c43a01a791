"""The window (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QImage

from app.cli.main import main
from app.services import organizations
from app.store import Store
from ui.main_window import MainWindow


def test_window_title_names_the_station_and_status_bar_counts(qtbot, store: Store) -> None:
    organizations.add_organization(store, {"name": "深圳市某某科技有限公司", "kind": "enterprise"})
    window = MainWindow(store)
    qtbot.addWidget(window)
    assert window.windowTitle() == "两新组织党建工作台 — 南湾街道"
    # The counts arrive from a worker thread a moment after the window shows.
    qtbot.waitUntil(lambda: "两新组织 1" in window.statusBar().currentMessage(), timeout=3000)
    assert "南湾街道（440307001）" in window.statusBar().currentMessage()


def test_screenshot_writes_a_png_of_the_requested_size(tmp_path: Path, store: Store, capsys) -> None:
    out = tmp_path / "shots" / "main.png"
    store_path = store.location
    store.close()
    assert main(["--db", store_path, "screenshot", "--out", str(out), "--size", "1024x640"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 640)
    assert main(["--db", store_path, "screenshot", "--out", str(out), "--size", "big"]) == 1
    assert "宽x高" in capsys.readouterr().err
    assert main(["--db", store_path, "screenshot", "--out", str(out), "--size", "99999x99999"]) == 1
    assert "7680x4320" in capsys.readouterr().err


def test_the_bundled_cjk_font_is_registered(qapp) -> None:
    from ui.fonts import install_cjk_font

    family = install_cjk_font(qapp)
    assert family in QFontDatabase.families()
    assert "Micro Hei" in family or "微米黑" in family


def test_screenshot_of_a_register_page_and_an_unknown_page(tmp_path: Path, store: Store, capsys) -> None:
    organizations.add_organization(store, {"name": "深圳市某某科技有限公司", "kind": "enterprise"})
    location = store.location
    store.close()
    out = tmp_path / "orgs.png"
    assert (
        main(
            [
                "--db",
                location,
                "screenshot",
                "--page",
                "organizations",
                "--out",
                str(out),
                "--size",
                "1366x768",
            ]
        )
        == 0
    )
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
    assert main(["--db", location, "screenshot", "--page", "reports", "--out", str(out)]) == 1
    assert "没有页面“reports”" in capsys.readouterr().err


def _state_files(data: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data)): p.read_bytes() for p in data.rglob("*.ini")} if data.exists() else {}


def test_a_screenshot_never_changes_how_the_window_opens_next(
    qtbot, tmp_path: Path, store: Store, monkeypatch
) -> None:
    from ui import state

    monkeypatch.setattr(state, "PERSIST", True)
    state.use_database(store.location)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(2)  # 党组织: the page the clerk left the program on
    window.close()
    data = tmp_path / "data"
    before = _state_files(data)
    assert before, "closing the window keeps its state"
    location = store.location
    assert main(["--db", location, "screenshot", "--page", "settings", "--out", str(tmp_path / "s.png")]) == 0
    assert _state_files(data) == before
    reopened = MainWindow(store)
    qtbot.addWidget(reopened)
    assert reopened.current_key == "party_org"


def test_window_state_is_kept_per_database(qtbot, tmp_path: Path, store: Store, monkeypatch) -> None:
    from app.store import init_store
    from ui import state

    monkeypatch.setattr(state, "PERSIST", True)
    other, _ = init_store(str(tmp_path / "other.sqlite3"), "440307002", "招商街道")
    try:
        for db, row in ((store, 2), (other, 3)):
            state.use_database(db.location)
            window = MainWindow(db)
            qtbot.addWidget(window)
            window.nav.setCurrentRow(row)
            window.close()
        for db, key in ((store, "party_org"), (other, "member")):
            state.use_database(db.location)
            window = MainWindow(db)
            qtbot.addWidget(window)
            assert window.current_key == key
    finally:
        other.close()


def test_qt_warnings_go_to_the_log_not_the_terminal(tmp_path: Path, store: Store) -> None:
    """In a real process (pytest-qt catches Qt's messages in this one): the offscreen
    plugin's English warnings must not reach the person's terminal."""
    import os
    import subprocess
    import sys

    location = store.location
    store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIANGXIN_LOG_DIR": str(tmp_path / "logs")}
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", location, "screenshot", "--out", str(tmp_path / "s.png")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert (tmp_path / "s.png").exists()
