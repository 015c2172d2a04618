"""The window's languages: loading the translations for the user's locale, and translating
the texts that come from the tasks.

The window's own strings go through ``self.tr()`` or ``QCoreApplication.translate()`` where
they are written. Task titles, descriptions, presets and option texts are plain English in
``workers/`` (which never imports Qt): they are looked up here, at display time, in the
``TaskText`` context, whose source strings ``scripts/translations.py update`` collects from
the task registry.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import resources_dir

APP_CATALOG = "batchpilot"
QT_CATALOG = "qtbase"  # Qt's own texts: standard buttons, the file dialog, context menus
TASK_CONTEXT = "TaskText"


def translations_dir() -> Path:
    """``resources/translations``: the .ts sources and the .qm files built from them."""
    return resources_dir() / "translations"


def _qt_translation_dirs() -> list[str]:
    """Where Qt's own catalogs may be: Qt's folder (PySide6 ships them in ``Qt/translations``),
    then ours, for a bundle that copies them beside the window's own."""
    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(translations_dir())]


def install_translations(locale: QLocale | None = None) -> list[QTranslator]:
    """Install the translators for ``locale`` (the system's by default) into the application.

    A language with no catalog simply stays English: a missing file is never an error. Returns
    the installed translators so callers (tests) can remove them again.
    """
    app = QCoreApplication.instance()
    if app is None:
        return []
    locale = locale if locale is not None else QLocale.system()
    installed = []
    for catalog, folders in ((QT_CATALOG, _qt_translation_dirs()), (APP_CATALOG, [str(translations_dir())])):
        for folder in folders:
            translator = QTranslator(app)
            # load(QLocale, ...) tries every UI language in order (LANGUAGE=de:fr, de_AT -> de).
            if translator.load(locale, catalog, "_", folder, ".qm"):
                QCoreApplication.installTranslator(translator)
                installed.append(translator)
                break
    return installed


def remove_translations(translators: list[QTranslator]) -> None:
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def task_text(english: str) -> str:
    """A task's title, description, preset name or option text in the user's language."""
    if not english:
        return english
    return QCoreApplication.translate(TASK_CONTEXT, english)


class Translates:
    """``self.tr()`` for classes that are not QObjects, with the class name as context (as
    pyside6-lupdate reads it); plural forms use the ``n`` argument like ``QObject.tr``."""

    def tr(self, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        for cls in type(self).__mro__:  # a subclass finds the text of the class that says it
            if cls is object:
                break
            translated = QCoreApplication.translate(cls.__name__, source, disambiguation, n)
            if translated != source:
                return translated
        return QCoreApplication.translate(type(self).__name__, source, disambiguation, n)


def with_count(translated: str, formatted: str) -> str:
    """Put a count formatted the window's way ('1,234') where a plural text says ``%1``.

    Plural texts select their form with ``n`` but write the number as ``%1``: Qt's own ``%n``
    would print '1234' without the grouping the rest of the window uses."""
    return translated.replace("%1", formatted)
