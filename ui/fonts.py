"""Register the bundled fonts so Chinese renders on a PC without Chinese fonts, and
rare characters in names (CJK Extension A and B: 䶮, 𠮷) render instead of boxes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.paths import cjk_font, resource

FALLBACK_FAMILY = "WenQuanYi Micro Hei"
RARE_FONTS = (("LiangxinHanA.ttf", "Liangxin Han A"), ("LiangxinHanB.ttf", "Liangxin Han B"))


_added: dict[str, str] = {}  # font file -> its family: the window's start sets the font twice


def _add(path: str, fallback: str) -> str:
    if path not in _added:  # reading the main font's file again costs about 10 ms
        font_id = QFontDatabase.addApplicationFont(path)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            return fallback
        _added[path] = families[0]
    return _added[path]


def install_cjk_font(app: QApplication, point_size: float = 10.5) -> str:
    """The application font: the main font first, then the rare-character fonts for
    what it lacks (Qt takes each character from the first family in the list that has
    it). Returns the main family."""
    family = _add(str(cjk_font()), FALLBACK_FAMILY)
    rare = [_add(str(resource("fonts", file)), name) for file, name in RARE_FONTS]
    font = QFont(family)
    font.setFamilies([family, *rare])
    font.setPointSizeF(point_size)
    app.setFont(font)
    return family
