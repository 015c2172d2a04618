"""The few questions the window asks, plus Help and About."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QMessageBox, QWidget

import workers

HELP_TEXT = """
<h3>batchpilot</h3>
<p>Drop files or folders on the window (or use <b>Add files…</b> / <b>Add folder…</b>), choose a
task and its options on the left, then press <b>Start</b>. Each file is worked on in a separate
process; a file that fails never stops the others, and the sources are never changed.</p>
<p>Outputs go to the output folder (by default a <i>-batchpilot</i> folder beside the first folder
added), mirroring the source folders. Double-click a finished file to open its output, or a failed
one to read why it failed.</p>
<table cellspacing="4">
<tr><td><b>Ctrl+O</b></td><td>Add files</td></tr>
<tr><td><b>Ctrl+Shift+O</b></td><td>Add a folder</td></tr>
<tr><td><b>Ctrl+Return</b></td><td>Start</td></tr>
<tr><td><b>Ctrl+P</b></td><td>Pause or resume</td></tr>
<tr><td><b>Esc</b></td><td>Cancel (asks whether to finish running files or stop now)</td></tr>
<tr><td><b>Ctrl+R</b></td><td>Retry the failed files</td></tr>
<tr><td><b>Ctrl+Q</b></td><td>Quit (asks while a batch runs)</td></tr>
<tr><td><b>F1</b></td><td>This help</td></tr>
</table>
"""


class CancelChoice(enum.Enum):
    FINISH_RUNNING = "finish"
    STOP_NOW = "now"
    KEEP_GOING = "keep"


def ask_cancel(parent: QWidget) -> CancelChoice:
    """Ask how to cancel: let running files finish, or stop every worker now."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Cancel the batch?")
    box.setText("Cancel the batch?")
    box.setInformativeText("Files not started yet will not be worked on. Files being worked on now can "
                           "finish first, or be stopped at once (their partial outputs are removed).")
    finish = box.addButton("Finish running files", QMessageBox.ButtonRole.AcceptRole)
    now = box.addButton("Stop now", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep going", QMessageBox.ButtonRole.RejectRole)
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
        parent, "Quit batchpilot?",
        "A batch is running. Quit and stop it now? Finished files are kept; files being worked on "
        "are stopped and their partial outputs removed.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def show_help(parent: QWidget) -> None:
    QMessageBox.information(parent, "batchpilot help", HELP_TEXT)


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent, "About batchpilot",
        f"<h3>batchpilot {workers.__version__}</h3>"
        "<p>A desktop batch processor: parse documents, zip files and encode media in parallel "
        "worker processes, without ever touching the sources.</p>"
        "<p>Built with Qt for Python (PySide6). MIT licence.</p>")
