"""Register the bundled CJK font so Chinese renders on a PC without Chinese fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.paths import cjk_font

FALLBACK_FAMILY = "WenQuanYi Micro Hei"


def install_cjk_font(app: QApplication, point_size: float = 10.5) -> str:
    font_id = QFontDatabase.addApplicationFont(str(cjk_font()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    family = families[0] if families else FALLBACK_FAMILY
    font = QFont(family)
    font.setPointSizeF(point_size)
    app.setFont(font)
    return family
