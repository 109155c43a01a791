"""Translations: Simplified Chinese is the source language; English comes from a
Qt Linguist file in ``resources/i18n`` (kept in step with the code by
scripts/translations.py). ``LIANGXIN_LANG=en`` or the saved setting chooses it.
Labels that come from ``app`` (field names, coded values) are translated too, in the
same catalogue. In Chinese mode Qt's own buttons and dialogs speak Chinese as well."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from app.paths import data_dir, resource

CONTEXT = "liangxin"
LANGUAGES = {"zh": "简体中文", "en": "English"}
LOCALES = {
    "zh": QLocale(QLocale.Language.Chinese, QLocale.Country.China),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
}
_translators: list[QTranslator] = []


def t(text: str) -> str:
    """Translate a UI string (source: Chinese)."""
    return QCoreApplication.translate(CONTEXT, text)


def N_(text: str) -> str:
    """Mark a string for the catalogue where it is stored now and passed to ``t()`` later
    through a variable; returns it unchanged (scripts/translations.py looks for it)."""
    return text


def ui_settings() -> QSettings:
    """Window geometry, splitters, columns, last page, language: one ini file per user."""
    return QSettings(str(data_dir() / "ui.ini"), QSettings.Format.IniFormat)


def chosen_language() -> str:
    lang = os.environ.get("LIANGXIN_LANG") or str(ui_settings().value("language", "zh"))
    return lang if lang in LANGUAGES else "zh"


def _catalogues(lang: str) -> list[tuple[str, str]]:
    """(file name, folder) of each catalogue to load, most general first."""
    if lang == "zh":
        # Qt's own strings (QMessageBox's 是/取消, QFileDialog, context menus) come in
        # English unless Qt's catalogue is loaded; PySide6 ships it. Ours fills the few
        # labels Qt's Chinese catalogue lacks.
        qt = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        return [("qtbase_zh_CN.qm", qt), ("qt_zh_CN_extra.qm", str(resource("i18n")))]
    return [(f"liangxin_{lang}.qm", str(resource("i18n")))]


def install_translator(app: QCoreApplication, lang: str | None = None) -> str:
    lang = lang or chosen_language()
    while _translators:
        app.removeTranslator(_translators.pop())
    # Calendars' month and weekday names and spin boxes follow the locale, not a catalogue.
    QLocale.setDefault(LOCALES[lang])
    for name, folder in _catalogues(lang):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
    return lang
