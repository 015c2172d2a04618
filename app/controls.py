"""The window's actions (menus, toolbar, shortcuts) and which of them make sense when.

Enabling is a pure function of the job state and the row counts, tested without a window.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, fields

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from app.resources import app_icon, icon


class RunState(enum.Enum):
    IDLE = "idle"
    PLANNING = "planning"
    RUNNING = "running"
    PAUSED = "paused"
    CANCELLING = "cancelling"


ACTIVE = (RunState.PLANNING, RunState.RUNNING, RunState.PAUSED, RunState.CANCELLING)


@dataclass(frozen=True)
class Counts:
    rows: int = 0
    runnable: int = 0  # waiting or cancelled
    failed: int = 0
    finished: int = 0  # done or skipped
    has_task: bool = True
    has_output: bool = False


def enabled(state: RunState, counts: Counts) -> dict[str, bool]:
    """Which actions are available: action name -> enabled."""
    idle = state is RunState.IDLE
    return {
        "add_files": True,
        "add_folder": True,
        "start": idle and counts.runnable > 0 and counts.has_task,
        "pause": state in (RunState.RUNNING, RunState.PAUSED),
        "cancel": state in ACTIVE and state is not RunState.CANCELLING,
        "retry_failed": idle and counts.failed > 0 and counts.has_task,
        "clear_finished": counts.finished > 0,
        "open_output": counts.has_output,
        "quit": True,
        "help": True,
        "about": True,
    }


@dataclass
class Actions:
    """Every QAction of the main window, with icon, shortcut and accessible text."""

    add_files: QAction
    add_folder: QAction
    start: QAction
    pause: QAction
    cancel: QAction
    retry_failed: QAction
    clear_finished: QAction
    open_output: QAction
    quit: QAction
    help: QAction
    about: QAction

    def apply(self, state: RunState, counts: Counts) -> None:
        """Enable and label the actions for ``state`` (called per event batch: cheap when unchanged)."""
        wanted = (state, tuple(enabled(state, counts).items()))
        if wanted == getattr(self, "_applied", None):
            return
        self._applied = wanted
        for name, on in wanted[1]:
            getattr(self, name).setEnabled(on)
        paused = state is RunState.PAUSED
        translate = QCoreApplication.translate
        self.pause.setText(translate("Actions", "&Resume") if paused else translate("Actions", "&Pause"))
        self.pause.setIcon(icon("start" if paused else "pause"))
        tip = (translate("Actions", "Resume") if paused
               else translate("Actions", "Pause: running files finish, no new file starts"))
        self.pause.setToolTip(f"{tip} (Ctrl+P)")

    def all(self) -> list[QAction]:
        return [getattr(self, f.name) for f in fields(self)]


def _action(parent: QObject, text: str, icon_name: str | None,
            shortcuts: list[QKeySequence | QKeySequence.StandardKey | str],
            tip: str) -> QAction:
    action = QAction(icon(icon_name) if icon_name else app_icon(), text, parent)
    keys: list[QKeySequence] = []
    for s in shortcuts:  # a standard key may equal an explicit one: a duplicate is ambiguous
        key = QKeySequence(s)
        if not key.isEmpty() and key not in keys:
            keys.append(key)
    action.setShortcuts(keys)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    first = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({first})" if first else tip)
    action.setStatusTip(tip)
    return action


def create_actions(parent: QObject) -> Actions:
    """The actions with the shortcuts the team agreed on (see DESIGN.md)."""
    # Accelerators (&) must stay unique within each menu in every language: File holds add
    # files/folder, recent folders, open output and quit; Batch the five run actions.
    return Actions(
        add_files=_action(parent, QCoreApplication.translate("Actions", "Add &files…"), "add-files",
                          [QKeySequence.StandardKey.Open],
                          QCoreApplication.translate("Actions", "Add files to the list")),
        add_folder=_action(parent, QCoreApplication.translate("Actions", "Add f&older…"), "add-folder",
                           ["Ctrl+Shift+O"], QCoreApplication.translate("Actions", "Add every file in a folder")),
        start=_action(parent, QCoreApplication.translate("Actions", "&Start"), "start", ["Ctrl+Return", "Ctrl+Enter"],
                      QCoreApplication.translate("Actions", "Start working on the waiting files")),
        pause=_action(parent, QCoreApplication.translate("Actions", "&Pause"), "pause", ["Ctrl+P"],
                      QCoreApplication.translate("Actions", "Pause: running files finish, no new file starts")),
        cancel=_action(parent, QCoreApplication.translate("Actions", "&Cancel"), "cancel", ["Esc"],
                       QCoreApplication.translate("Actions", "Cancel the batch (asks how)")),
        retry_failed=_action(parent, QCoreApplication.translate("Actions", "&Retry failed"), "retry", ["Ctrl+R"],
                             QCoreApplication.translate("Actions", "Run the failed files again")),
        clear_finished=_action(parent, QCoreApplication.translate("Actions", "C&lear finished"), "clear", [],
                               QCoreApplication.translate("Actions", "Remove done and skipped files from the list")),
        open_output=_action(parent, QCoreApplication.translate("Actions", "Open &output folder"), "open-folder", [],
                            QCoreApplication.translate("Actions", "Open the output folder in the file manager")),
        quit=_action(parent, QCoreApplication.translate("Actions", "&Quit"), None,
                     [QKeySequence.StandardKey.Quit, "Ctrl+Q"],
                     QCoreApplication.translate("Actions", "Quit batchpilot (asks while a batch runs)")),
        help=_action(parent, QCoreApplication.translate("Actions", "&Help"), "help",
                     [QKeySequence.StandardKey.HelpContents, "F1"],
                     QCoreApplication.translate("Actions", "How to use batchpilot and its shortcuts")),
        about=_action(parent, QCoreApplication.translate("Actions", "&About batchpilot"), None, [],
                      QCoreApplication.translate("Actions", "Version and credits")),
    )
