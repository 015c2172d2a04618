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
    """What the actions depend on besides the running job's state.

    ``rows``, ``failed`` and ``finished`` count the job shown; ``runnable`` the new job's
    waiting files (what Start and Add to queue would take).
    """

    rows: int = 0
    runnable: int = 0  # waiting or cancelled files of the new job
    failed: int = 0
    finished: int = 0  # done or skipped
    has_task: bool = True
    has_output: bool = False
    scanning: bool = False  # files are still being listed: a job taken now would miss some
    waiting_jobs: int = 0  # queued jobs that have not run
    queue_started: bool = False
    shown_ended: bool = False  # the job shown has run and ended
    shown_is_draft: bool = True  # the job shown is the new job (not yet queued)


def enabled(state: RunState, counts: Counts) -> dict[str, bool]:
    """Which actions are available: action name -> enabled."""
    takes_job = counts.runnable > 0 and counts.has_task and not counts.scanning
    return {
        "add_files": True,
        "add_folder": True,
        "start": takes_job or (counts.waiting_jobs > 0 and not counts.queue_started),
        "add_to_queue": takes_job,
        "pause": state in (RunState.RUNNING, RunState.PAUSED),
        "hold": state is RunState.RUNNING,
        "cancel": state in ACTIVE and state is not RunState.CANCELLING,
        "retry_failed": counts.shown_ended and counts.failed > 0,
        "run_again": counts.shown_ended,
        "edit_job": not counts.shown_is_draft,
        "clear_finished": counts.finished > 0 and (counts.shown_is_draft or counts.shown_ended),
        "clear_list": counts.shown_is_draft and counts.rows > 0 and not counts.scanning,
        "watch_folder": counts.has_task,
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
    add_to_queue: QAction
    pause: QAction
    hold: QAction
    cancel: QAction
    retry_failed: QAction
    run_again: QAction
    edit_job: QAction
    clear_finished: QAction
    clear_list: QAction
    watch_folder: QAction
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
               else translate("Actions", "Pause: running files stop where they are"))
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
    # files/folder, recent folders, open output and quit; Batch the run and queue actions.
    return Actions(
        add_files=_action(parent, QCoreApplication.translate("Actions", "Add &files…"), "add-files",
                          [QKeySequence.StandardKey.Open],
                          QCoreApplication.translate("Actions", "Add files to the list")),
        add_folder=_action(parent, QCoreApplication.translate("Actions", "Add f&older…"), "add-folder",
                           ["Ctrl+Shift+O"], QCoreApplication.translate("Actions", "Add every file in a folder")),
        start=_action(parent, QCoreApplication.translate("Actions", "&Start"), "start", ["Ctrl+Return", "Ctrl+Enter"],
                      QCoreApplication.translate("Actions", "Queue the files as a job and start the queue")),
        add_to_queue=_action(parent, QCoreApplication.translate("Actions", "Add to &queue"), "queue-add",
                             ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"],
                             QCoreApplication.translate("Actions", "Queue the files as a job without starting it")),
        pause=_action(parent, QCoreApplication.translate("Actions", "&Pause"), "pause", ["Ctrl+P"],
                      QCoreApplication.translate("Actions", "Pause: running files stop where they are")),
        hold=_action(parent, QCoreApplication.translate("Actions", "&Finish running files, then pause"), "pause", [],
                     QCoreApplication.translate("Actions", "Running files finish; no new file starts")),
        cancel=_action(parent, QCoreApplication.translate("Actions", "&Cancel"), "cancel", ["Esc"],
                       QCoreApplication.translate("Actions", "Cancel the batch (asks how)")),
        retry_failed=_action(parent, QCoreApplication.translate("Actions", "&Retry failed"), "retry", ["Ctrl+R"],
                             QCoreApplication.translate("Actions", "Run the failed files again")),
        run_again=_action(parent, QCoreApplication.translate("Actions", "Run a&gain"), "start", ["Ctrl+Shift+R"],
                          QCoreApplication.translate("Actions", "Run the job again: files already done are skipped")),
        edit_job=_action(parent, QCoreApplication.translate("Actions", "&Edit as new job"), "edit", ["Ctrl+E"],
                         QCoreApplication.translate("Actions", "Make a new job from this job's files and settings")),
        clear_finished=_action(parent, QCoreApplication.translate("Actions", "C&lear finished"), "clear", [],
                               QCoreApplication.translate("Actions", "Remove done and skipped files from the list")),
        clear_list=_action(parent, QCoreApplication.translate("Actions", "Clear the l&ist"), "remove",
                           ["Ctrl+Shift+Backspace"],
                           QCoreApplication.translate("Actions", "Remove every file from the new job")),
        watch_folder=_action(parent, QCoreApplication.translate("Actions", "&Watch a folder…"), "add-folder",
                             ["Ctrl+Shift+W"],
                             QCoreApplication.translate("Actions", "Process each file that arrives in a folder, with "
                                                        "these settings, while batchpilot runs")),
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
