"""The few questions the window asks, plus Help and About."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

import workers


def help_text() -> str:
    """The Help dialog's page: each paragraph and shortcut a message of its own for translators."""
    shortcuts = (
        ("Ctrl+O", QCoreApplication.translate("Dialogs", "Add files")),
        ("Ctrl+Shift+O", QCoreApplication.translate("Dialogs", "Add a folder")),
        ("Ctrl+Return", QCoreApplication.translate("Dialogs", "Start")),
        ("Ctrl+P", QCoreApplication.translate("Dialogs", "Pause or resume")),
        ("Esc", QCoreApplication.translate("Dialogs", "Cancel (asks whether to finish running files or stop now)")),
        ("Ctrl+R", QCoreApplication.translate("Dialogs", "Retry the failed files")),
        ("Ctrl+Q", QCoreApplication.translate("Dialogs", "Quit (asks while a batch runs)")),
        ("F1", QCoreApplication.translate("Dialogs", "This help")),
    )
    rows = "".join(f"<tr><td><b>{key}</b></td><td>{what}</td></tr>" for key, what in shortcuts)
    return (
        "<h3>batchpilot</h3><p>"
        + QCoreApplication.translate(
            "Dialogs", "Drop files or folders on the window (or use <b>Add files…</b> / <b>Add folder…</b>), "
            "choose a task and its options on the left, then press <b>Start</b>. Each file is worked on in a "
            "separate process; a file that fails never stops the others, and the sources are never changed.")
        + "</p><p>"
        + QCoreApplication.translate(
            "Dialogs", "Outputs go to the output folder (by default a <i>-batchpilot</i> folder beside the first "
            "folder added), mirroring the source folders. Double-click a finished file to open its output, or a "
            "failed one to read why it failed.")
        + f'</p><table cellspacing="4">{rows}</table>'
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
    QMessageBox.information(parent, QCoreApplication.translate("Dialogs", "batchpilot help"), help_text())


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent, QCoreApplication.translate("Dialogs", "About batchpilot"),
        f"<h3>batchpilot {workers.__version__}</h3>"
        + QCoreApplication.translate("Dialogs", "<p>A desktop batch processor: parse documents, zip files and encode "
                                     "media in parallel worker processes, without ever touching the sources.</p>"
                                     "<p>Built with Qt for Python (PySide6). MIT licence.</p>"))
