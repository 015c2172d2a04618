"""The few questions the window asks, plus Help and About."""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

import workers


def window_actions(window: QWidget) -> list[QAction]:
    """Every action of ``window`` that has a shortcut: menu by menu (File, Batch, View...), those in
    no menu (the file list's Delete) before the last menu (Help), each once."""
    menus: list[list[QAction]] = []
    if isinstance(window, QMainWindow):
        for top in window.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu):
                menus.append(_menu_actions(menu))
    in_menus = [a for group in menus for a in group]
    elsewhere = [a for a in window.findChildren(QAction) if a not in in_menus]
    ordered = [*in_menus[:len(in_menus) - len(menus[-1])], *elsewhere, *menus[-1]] if menus else elsewhere
    return [a for a in dict.fromkeys(ordered) if a.isVisible() and not a.shortcut().isEmpty()]


def _menu_actions(menu: QMenu) -> list[QAction]:
    out: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        out += _menu_actions(sub) if isinstance(sub, QMenu) else [action]
    return out


def shortcut_text(action: QAction) -> str:
    """An action's keys as the platform writes them: 'Ctrl+Return, Ctrl+Enter'."""
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())


def plain_text(action: QAction) -> str:
    """An action's text without its accelerator marks ('&Log panel' -> 'Log panel')."""
    return action.text().split("\t", 1)[0].replace("&&", "\0").replace("&", "").replace("\0", "&")


def help_text(actions: Iterable[QAction]) -> str:
    """The Help dialog's page: what batchpilot does, then every shortcut of ``actions`` (see
    :func:`window_actions`) in their order; each paragraph a message of its own for translators."""
    rows = []
    seen: set[tuple[str, str]] = set()
    for action in actions:
        keys, what = shortcut_text(action), plain_text(action)
        if keys and (keys, what) not in seen:
            seen.add((keys, what))
            rows.append(f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>")
    return (
        "<h3>batchpilot</h3><p>"
        + QCoreApplication.translate(
            "Dialogs", "Drop files or folders on the window (or use <b>Add files…</b> / <b>Add folder…</b>), "
            "choose a task and its options on the left, then press <b>Start</b>. Each file is worked on in a "
            "separate process; a file that fails never stops the others, and the sources are never changed.")
        + "</p><p>"
        + QCoreApplication.translate(
            "Dialogs", "Outputs go to the output folder, mirroring the source folders. By default that is a "
            "folder beside the first folder added, named after it and the task: <i>folder</i>-parsed, "
            "<i>folder</i>-zipped or <i>folder</i>-encoded. Double-click a finished file to open its output, or "
            "a failed one to read why it failed.")
        + f'</p><table cellspacing="4">{"".join(rows)}</table>'
    )


class CancelChoice(enum.Enum):
    FINISH_RUNNING = "finish"
    STOP_NOW = "now"
    KEEP_GOING = "keep"


def ask_cancel(parent: QWidget) -> CancelChoice:
    """Ask how to cancel: let running files finish, or stop every worker now."""
    translate = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Dialogs", "Cancel the batch?"))
    box.setText(translate("Dialogs", "Cancel the batch?"))
    box.setInformativeText(translate("Dialogs", "Files not started yet will not be worked on. Files being worked on "
                                     "now can finish first, or be stopped at once (their partial outputs are "
                                     "removed)."))
    finish = box.addButton(translate("Dialogs", "Finish running files"), QMessageBox.ButtonRole.AcceptRole)
    now = box.addButton(translate("Dialogs", "Stop now"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(translate("Dialogs", "Keep going"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(finish)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is finish:
        return CancelChoice.FINISH_RUNNING
    if clicked is now:
        return CancelChoice.STOP_NOW
    return CancelChoice.KEEP_GOING


def ask_quit(parent: QWidget) -> bool:
    """While a batch runs: quit anyway (running files are stopped)?"""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("Dialogs", "Quit batchpilot?"),
        QCoreApplication.translate("Dialogs", "A batch is running. Quit and stop it now? Finished files are kept; "
                                   "files being worked on are stopped and their partial outputs removed."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def show_help(parent: QWidget) -> None:
    """The Help dialog, listing the shortcuts of ``parent``'s window as they are now."""
    QMessageBox.information(parent, QCoreApplication.translate("Dialogs", "batchpilot help"),
                            help_text(window_actions(parent.window())))


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent, QCoreApplication.translate("Dialogs", "About batchpilot"),
        f"<h3>batchpilot {workers.__version__}</h3>"
        + QCoreApplication.translate("Dialogs", "<p>A desktop batch processor: parse documents, zip files and encode "
                                     "media in parallel worker processes, without ever touching the sources.</p>"
                                     "<p>Built with Qt for Python (PySide6). MIT licence.</p>"))
