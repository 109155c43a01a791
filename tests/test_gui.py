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
