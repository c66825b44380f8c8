"""The interface's language: Welsh or English, through Qt's translation system.

The language is chosen once, when the app starts, before any window is built: from
``assetmap --lang cy`` (or ASSETMAP_LANG) for one session, else the "language" setting
(Help ▸ Language), else the system's locale. Widgets take their words when they are made,
so a change from the menu takes effect on the next start (the menu says so) rather than
leaving half a window in each language.

English is the source language: a string with no Welsh translation yet shows in English.
The compiled catalogues (``assetmap_<lang>.qm``) are package data in ``assetmap/translations``,
found beside this package the same way from a source tree, a wheel or a frozen app.
Strings are marked with ``translate("Context", "text")`` with both arguments literal, so
``pyside6-lupdate`` finds them (packaging/update_translations.py; docs/i18n/README.md).
"""

from __future__ import annotations

import logging
import os
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from assetmap.core import i18n as core_i18n

log = logging.getLogger(__name__)

SETTING = "language"
ENVIRONMENT = "ASSETMAP_LANG"
ENGLISH = "en"
WELSH = "cy"
# Each language named in itself, as a language menu should.
LANGUAGES = {ENGLISH: "English", WELSH: "Cymraeg"}
CATALOGUE = "assetmap"

# The translators in use, kept alive here (Qt does not own them) so they can be removed.
_installed: list[QTranslator] = []
_language = ENGLISH
_system_locale: list[QLocale] = []  # the default locale before a language was installed


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the app's language (the English itself when there is no translation)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate knows)
    """Marks ``text`` for translation where it is defined (a constant), to be translated
    where it is shown; PySide6's own is typed as returning object."""
    return text


def translations_dir() -> Path:
    """The package's translations folder (``assetmap/translations``), wherever it is."""
    return Path(__file__).resolve().parent.parent / "translations"


def catalogue_path(language: str) -> Path:
    return translations_dir() / f"{CATALOGUE}_{language}.qm"


def supported(language: str | None) -> str | None:
    """``language`` as one of LANGUAGES ("cy_GB" and "CY" are Welsh), or None."""
    if not language:
        return None
    code = language.strip().lower().replace("-", "_").split("_")[0]
    return code if code in LANGUAGES else None


def system_language() -> str:
    return supported(QLocale.system().name()) or ENGLISH


def saved_language() -> str | None:
    value = QSettings().value(SETTING)
    return supported(str(value)) if value else None


def save_language(language: str) -> None:
    """Remembered for the next start (Help ▸ Language)."""
    QSettings().setValue(SETTING, language)


def chosen_language(requested: str | None = None) -> str:
    """The session's language: asked for, else ASSETMAP_LANG, else the setting, else the
    system's."""
    return (
        supported(requested)
        or supported(os.environ.get(ENVIRONMENT))
        or saved_language()
        or system_language()
    )


def current_language() -> str:
    """The language the running app's words are in."""
    return _language


def install_translators(language: str | None = None) -> str:
    """Load the app's catalogue (and Qt's own, for its standard buttons, if PySide6 ships
    one for the language) into the running application; returns the language used.
    Call before building any window."""
    global _language
    app = QCoreApplication.instance()
    assert app is not None, "make the QApplication first"
    remove_translators()
    chosen = chosen_language(language)
    _language = chosen
    core_i18n.set_language(chosen)  # the core's words (method statement, errors) follow
    if chosen == ENGLISH:
        return chosen
    locale = QLocale(chosen)
    own = QTranslator(app)
    if own.load(str(catalogue_path(chosen))):
        _add(app, own)
    else:
        log.warning(
            "no %s translation at %s: the interface stays in English",
            chosen,
            catalogue_path(chosen),
        )
    _install_qt_words(app, locale, chosen)
    # Widgets that write dates and numbers themselves (a date box's "7 Rhag 2026") follow too.
    _system_locale.append(QLocale())
    QLocale.setDefault(locale)
    return chosen


def _install_qt_words(app: QCoreApplication, locale: QLocale, language: str) -> None:
    """Qt's own words (OK, Cancel, a text box's Copy and Paste): Qt's catalogue when PySide6
    ships one for the language, else the app's own short one (qtbase_cy.ts: PySide6 6.x has
    no Welsh), so a Welsh dialog does not end in English buttons."""
    qt_own = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(locale, "qtbase", "_", qt_folder):
        _add(app, qt_own)
        return
    ours = QTranslator(app)
    if ours.load(str(translations_dir() / f"qtbase_{language}.qm")):
        _add(app, ours)


def _add(app: QCoreApplication, translator: QTranslator) -> None:
    app.installTranslator(translator)
    _installed.append(translator)


def remove_translators() -> None:
    """Back to English (the tests switch language within one process)."""
    global _language
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
    _language = ENGLISH
    core_i18n.set_language(ENGLISH)
    if _system_locale:
        QLocale.setDefault(_system_locale[0])
        _system_locale.clear()


class LanguageMenu(QMenu):
    """Help ▸ Language: English / Cymraeg, kept in the settings for the next start."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(translate("Language", "&Language"), parent)
        self.setToolTipsVisible(True)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        chosen = saved_language() or current_language()
        for code, name in LANGUAGES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            action.setStatusTip(
                translate(
                    "Language", "the language of menus, dialogs and exports, from the next start"
                )
            )
            action.triggered.connect(partial(self.choose, code))
            self.group.addAction(action)
            self.addAction(action)

    def choose(self, language: str) -> None:
        save_language(language)
        if language == current_language():
            return
        QMessageBox.information(
            self.parentWidget(),
            translate("Language", "Language"),
            translate("Language", "assetmap will use {language} the next time it starts.").format(
                language=LANGUAGES[language]
            ),
        )


__all__ = [
    "ENGLISH",
    "LANGUAGES",
    "WELSH",
    "QT_TRANSLATE_NOOP",
    "LanguageMenu",
    "catalogue_path",
    "chosen_language",
    "current_language",
    "install_translators",
    "remove_translators",
    "save_language",
    "translate",
    "translations_dir",
]
