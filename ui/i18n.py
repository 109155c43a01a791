"""Translations: Simplified Chinese is the source language; English comes from a
Qt Linguist file in ``resources/i18n``. ``LIANGXIN_LANG=en`` or the saved setting
chooses it. Labels that come from ``app`` (field names, coded values) are
translated too, in the same catalogue."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

from app.paths import data_dir, resource

CONTEXT = "liangxin"
LANGUAGES = {"zh": "简体中文", "en": "English"}
_translator: QTranslator | None = None


def t(text: str) -> str:
    """Translate a UI string (source: Chinese)."""
    return QCoreApplication.translate(CONTEXT, text)


def ui_settings() -> QSettings:
    """Window geometry, splitters, columns, last page, language: one ini file per user."""
    return QSettings(str(data_dir() / "ui.ini"), QSettings.Format.IniFormat)


def chosen_language() -> str:
    lang = os.environ.get("LIANGXIN_LANG") or str(ui_settings().value("language", "zh"))
    return lang if lang in LANGUAGES else "zh"


def install_translator(app: QCoreApplication, lang: str | None = None) -> str:
    global _translator
    lang = lang or chosen_language()
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    if lang != "zh":
        translator = QTranslator(app)
        if translator.load(str(resource("i18n", f"liangxin_{lang}.qm"))):
            app.installTranslator(translator)
            _translator = translator
    return lang
