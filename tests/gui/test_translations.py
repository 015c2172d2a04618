"""The window in German, French and Spanish: no string left in English, accelerators unique.

Each test builds the same window twice, first in English and then with a language's
translators installed, walks every menu, dialog, task form and list part of both, and fails
on any text that reads the same in both and is not on the short list of words the language
shares with English. Strings that were never passed through tr() are caught the same way.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from app import dialogs, text
from app.controls import Counts, RunState
from app.file_row import FileRow, Status
from app.i18n import install_translations, remove_translations
from app.main_window import MainWindow
from app.notify import failure_lines
from workers.engine import JobSummary
from workers.registry import available_tasks

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("de", "fr", "es")
# Names, formats, codecs and encoder presets: the same words in every language.
TECHNICAL = {
    "batchpilot", "json", "txt", "md", "jsonl", "csv", "zip", "tar.gz", "tar.xz", "tar.zst", "deflate", "bzip2",
    "lzma", "mp4-h264", "mp4-h265", "webm-vp9", "mkv-av1", "mp3", "aac", "opus", "flac", "jpeg", "webp", "png",
    "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "CRF",
    "one .tar.zst", "Ctrl+O", "Ctrl+Shift+O", "Ctrl+Return", "Ctrl+P", "Esc", "Ctrl+R", "Ctrl+Q", "F1",
    "-batchpilot", "OK", "Ctrl+L", "Ctrl+E",
}
# Words these languages write as English does.
# "{name}" is the file-name template's field, typed as it is in every language.
SAME = {
    "de": {"Name", "Status", "Format", "Threads", "&Pause", "Pause", "Scheduler", "{name}"},
    "fr": {"Options", "Mode", "Format", "Source", "&Pause", "Pause", "Threads", "{name}"},
    "es": {"Scheduler", "&No", "No", "{name}"},
}
UNIQUE_ACCELERATOR = re.compile(r"&([^&\s])")


def _scripts_module() -> object:
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def catalogs() -> None:
    """The .qm files, built from the committed .ts (skipped when already up to date)."""
    assert _scripts_module().build(list(LANGUAGES)) == 0  # type: ignore[attr-defined]


# -- collecting what the window says ------------------------------------------------------


def widget_texts(root: QWidget, prefix: str) -> dict[str, str]:
    """Every text a person can see or hear on ``root`` and its children, by a stable path."""
    found: dict[str, str] = {}
    for i, w in enumerate([root, *root.findChildren(QWidget)]):
        key = f"{prefix}/{type(w).__name__}{i}"
        attrs: dict[str, str] = {"tip": w.toolTip(), "status": w.statusTip(), "a11y": w.accessibleName(),
                                 "a11y-desc": w.accessibleDescription()}
        if w.isWindow() or w is root:
            attrs["title"] = w.windowTitle()
        if isinstance(w, QLabel | QAbstractButton):
            attrs["text"] = w.text()
        if isinstance(w, QGroupBox):
            attrs["title"] = w.title()
        if isinstance(w, QLineEdit):
            attrs["placeholder"] = w.placeholderText()
        if isinstance(w, QSpinBox):
            attrs["special"] = w.specialValueText()
        if isinstance(w, QMessageBox):
            attrs["info"] = w.informativeText()
        if isinstance(w, QComboBox):
            for j in range(w.count()):
                attrs[f"item{j}"] = w.itemText(j)
                attrs[f"item{j}-tip"] = str(w.itemData(j, Qt.ItemDataRole.ToolTipRole) or "")
        if isinstance(w, QTabWidget):
            for j in range(w.count()):
                attrs[f"tab{j}"] = w.tabText(j)
        found.update({f"{key}.{name}": value for name, value in attrs.items() if value})
    return found


def menu_texts(menu: QMenu, prefix: str) -> dict[str, str]:
    menu.aboutToShow.emit()  # menus filled on demand (recent folders)
    found = {f"{prefix}.title": menu.title()}
    for i, action in enumerate(menu.actions()):
        found.update(action_texts(action, f"{prefix}/{i}"))
        if action.menu() is not None:
            found.update(menu_texts(action.menu(), f"{prefix}/{i}/menu"))
    return found


def action_texts(action: QAction, prefix: str) -> dict[str, str]:
    return {f"{prefix}.{name}": value for name, value in
            (("text", action.text()), ("tip", action.toolTip()), ("status", action.statusTip())) if value}


def modal_texts(qtbot, open_it: Callable[[], object], prefix: str) -> dict[str, str]:
    """Open a modal dialog, read it once it shows, close it (its escape button answers)."""
    found: dict[str, str] = {}

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, read_and_close)
            return
        found.update(widget_texts(dialog, prefix))
        dialog.close()

    QTimer.singleShot(0, read_and_close)
    open_it()
    assert found, f"{prefix} did not open"
    return found


def window_texts(qtbot, window: MainWindow) -> dict[str, str]:
    """Everything the window says: menus, toolbar, panels, each task's form, dialogs, list parts."""
    found: dict[str, str] = {}
    for i, action in enumerate(window.menuBar().actions()):
        assert action.menu() is not None
        found.update(menu_texts(action.menu(), f"menu{i}"))
    for i, action in enumerate(window.toolbar.actions()):
        found.update(action_texts(action, f"toolbar/{i}"))
    model = window.file_list.view.model()
    for column in range(model.columnCount()):
        found[f"header{column}"] = str(model.headerData(column, Qt.Orientation.Horizontal))
    combo = window.task_panel.task_combo
    for i in range(combo.count()):
        combo.setCurrentIndex(i)
        found.update(widget_texts(window.task_panel, f"task{i}"))
    found.update(widget_texts(window, "window"))

    row = FileRow("/data/in/report.pdf", "/data/in", "report.pdf", 1234, status=Status.FAILED, reason="bad file")
    menu = window.file_list.context_menu(row, [row])
    found.update(menu_texts(menu, "context"))
    menu.deleteLater()
    window.log_dock.show_row(row)
    found["log-file"] = window.log_dock.file_view.toPlainText().split("\n")[0].split(":")[0]
    found["time-left"] = text.time_left(125)
    summary = JobSummary(done=1200, failed=7, skipped=1, elapsed=65.0)
    window.banner.show_summary(summary, [(f"f{i}.pdf", "bad") for i in range(7)])
    found.update(widget_texts(window.banner, "banner"))
    found["failures-more"] = failure_lines([("a", "b")] * 9)[-1]
    window.overall.begin_counts(10)
    found["overall"] = window.overall.summary()
    window.banner.hide()

    found.update(modal_texts(qtbot, lambda: dialogs.ask_cancel(window), "cancel"))
    found.update(modal_texts(qtbot, lambda: dialogs.ask_quit(window), "quit"))
    found.update(modal_texts(qtbot, lambda: dialogs.show_help(window), "help"))
    found.update(modal_texts(qtbot, lambda: dialogs.show_about(window), "about"))
    return found


def segments(value: str) -> list[str]:
    """A rich text's pieces between tags (a plain text is one piece)."""
    return [s.strip() for s in re.split(r"<[^>]+>", value) if s.strip()]


def untranslated(english: dict[str, str], translated: dict[str, str], same: set[str]) -> list[str]:
    allowed = TECHNICAL | same
    left = []
    for key, value in translated.items():
        before = english.get(key)
        if before is None:
            continue
        for piece in set(segments(value)) & set(segments(before)):
            bare = piece.rstrip(" :")  # a form label is its option's name and a colon
            if re.search(r"[A-Za-z]{2}", piece) and not {piece, bare} & allowed and not piece.startswith("batchpilot "):
                left.append(f"{key}: {piece!r}")
    return left


# -- the tests ------------------------------------------------------------------------------


@pytest.fixture
def language(request, catalogs, qapp) -> Iterator[str]:
    yield request.param


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
def test_every_visible_string_is_translated(qtbot, make_window, language: str) -> None:
    tasks = available_tasks()
    english = window_texts(qtbot, make_window(tasks=tasks))
    translators = install_translations(QLocale(language))
    try:
        assert len(translators) == 2, "the app's catalog and Qt's own (qtbase) should both load"
        translated = window_texts(qtbot, make_window(tasks=tasks))
    finally:
        remove_translations(translators)
    assert english.keys() == translated.keys()
    left = untranslated(english, translated, SAME[language])
    assert not left, f"{language}: {len(left)} text(s) still in English:\n" + "\n".join(left)


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
def test_accelerators_are_unique_in_each_menu(make_window, language: str) -> None:
    translators = install_translations(QLocale(language))
    try:
        window = make_window(tasks=available_tasks())
        menus = [window.menuBar()] + [a.menu() for a in window.menuBar().actions()]
        for menu in menus:
            keys = [m.group(1).lower() for a in menu.actions() for m in [UNIQUE_ACCELERATOR.search(a.text())] if m]
            assert len(keys) == len(set(keys)), f"{language}: {[a.text() for a in menu.actions()]}"
        # Pause and Resume share the Batch menu's place: each must be free of the others' keys.
        batch = window.menuBar().actions()[1].menu()
        window.commands.apply(RunState.PAUSED, Counts())
        keys = [m.group(1).lower() for a in batch.actions() for m in [UNIQUE_ACCELERATOR.search(a.text())] if m]
        assert len(keys) == len(set(keys)), f"{language}: {[a.text() for a in batch.actions()]}"
    finally:
        remove_translations(translators)


def test_english_stays_english_after_a_language_is_removed(make_window) -> None:
    remove_translations(install_translations(QLocale("de")))
    window = make_window()
    assert window.menuBar().actions()[0].text() == "&File"


def test_committed_catalogs_are_complete() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"), "check"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
