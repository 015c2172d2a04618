"""The left-hand panel: which task, its preset and options, where outputs go, where it runs.

The Preset list and its menu are a part of their own (app/preset_box.py).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import settings as keys
from app.bridge import EngineChoice
from app.desktop import start_folder
from app.i18n import task_text
from app.options_form import OptionsForm, guard_wheel
from app.preset_box import PresetBox
from app.presets import PresetStore, preset_values
from app.run_on import RunOnBox
from app.settings import Settings
from workers.naming import DEFAULT_TEMPLATE, OutputNaming, field_list
from workers.plan import OutputPolicy, default_output_dir
from workers.task import OptionError, Task, build_options

DEFAULT_TASK = "parse"


def policy_texts() -> dict[OutputPolicy, str]:
    """What to do when an output exists, as the combo box says it."""
    return {
        OutputPolicy.SKIP: QCoreApplication.translate("TaskPanel", "Skip the file"),
        OutputPolicy.RENAME: QCoreApplication.translate("TaskPanel", "Write beside it with a new name"),
        OutputPolicy.OVERWRITE: QCoreApplication.translate("TaskPanel", "Overwrite it"),
    }


def typed_values(options: Any) -> dict[str, Any]:
    """An options dataclass as a name -> value mapping."""
    return {f.name: getattr(options, f.name) for f in dataclasses.fields(options)}


def scrollable(panel: QWidget) -> QScrollArea:
    """``panel`` in a scroll area, so a long options form never forces a tall window."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(panel)
    return scroll


def _compact(layout: QFormLayout) -> QFormLayout:
    # The panel must fit beside the file list at the default window size: little air, no waste.
    layout.setContentsMargins(6, 4, 6, 6)
    layout.setVerticalSpacing(4)
    return layout


class TaskPanel(QWidget):
    """Task, preset, options form, output folder, exists policy, and where the job runs."""

    task_changed = Signal(str)

    def __init__(self, tasks: Mapping[str, Task], settings: Settings, parent: QWidget | None = None,
                 dask_available: bool | None = None, presets: PresetStore | None = None) -> None:
        super().__init__(parent)
        self._tasks = dict(tasks)
        self._settings = settings
        self._dask_available = dask_available
        self._output_chosen = False
        self._build(presets)
        self._restore()

    # -- building -------------------------------------------------------------------------
    def _build(self, presets: PresetStore | None) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        # The task and its preset head the panel without a frame: the frame's title would only
        # repeat "Task", and its height is what the Run on box needs at the default size.
        task_box = QWidget()
        task_layout = _compact(QFormLayout(task_box))
        task_layout.setContentsMargins(7, 2, 7, 2)
        self.task_combo = QComboBox()
        self.task_combo.setAccessibleName(self.tr("Task"))
        for name, task in self._tasks.items():
            self.task_combo.addItem(task_text(task.title) or name, name)
            self.task_combo.setItemData(self.task_combo.count() - 1, task_text(task.description),
                                        Qt.ItemDataRole.ToolTipRole)
        task_layout.addRow(self.tr("Task:"), self.task_combo)
        self.description = QLabel()
        self.description.setWordWrap(True)
        task_layout.addRow(self.description)
        self.preset_box = PresetBox(self._tasks, self._settings, self.options, presets)
        self.preset_combo = self.preset_box.combo  # what the window and its tests choose presets with
        task_layout.addRow(self.tr("Preset:"), self.preset_box)
        layout.addWidget(task_box)

        options_box = QGroupBox(self.tr("Options"))
        options_layout = QVBoxLayout(options_box)
        options_layout.setContentsMargins(6, 4, 6, 2)
        self.form = OptionsForm()
        self.form.show_more(self._settings.get(keys.MORE_OPTIONS))
        options_layout.addWidget(self.form)
        layout.addWidget(options_box)

        output_box = QGroupBox(self.tr("Output"))
        output_layout = _compact(QFormLayout(output_box))
        row = QHBoxLayout()
        row.setSpacing(2)
        self.output_edit = QLineEdit()
        self.output_edit.setAccessibleName(self.tr("Output folder"))
        self.output_edit.setPlaceholderText(self.tr("beside the first folder added"))
        self.output_edit.setToolTip(self.tr("Where outputs are written; the source tree is mirrored inside it"))
        self.output_button = QPushButton(self.tr("Browse…"))
        self.output_button.setAccessibleName(self.tr("Choose output folder"))
        row.addWidget(self.output_edit, 1)
        row.addWidget(self.output_button)
        output_layout.addRow(self.tr("Folder:"), row)
        self.next_to_source_check = QCheckBox(self.tr("Next to the sources"))
        self.next_to_source_check.setToolTip(self.tr("Write each output in its source's folder instead; "
                                                     "a source is never overwritten"))
        output_layout.addRow("", self.next_to_source_check)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("File names"))
        self.name_edit.setPlaceholderText(DEFAULT_TEMPLATE)
        self.name_edit.setToolTip(self.tr("The outputs' names; the task adds its own ending. Fields: {fields}")
                                  .format(fields=field_list()))
        output_layout.addRow(self.tr("File names:"), self.name_edit)
        self.policy_combo = QComboBox()
        self.policy_combo.setAccessibleName(self.tr("If an output exists"))
        for policy, label in policy_texts().items():
            self.policy_combo.addItem(label, policy.value)
        output_layout.addRow(self.tr("If it exists:"), self.policy_combo)
        layout.addWidget(output_box)
        self.run_on = RunOnBox(self._settings, self._dask_available)
        self.workers_spin = self.run_on.workers_spin
        layout.addWidget(self.run_on)
        layout.addStretch(1)
        guard_wheel(self.task_combo, self.policy_combo)

        if not self._tasks:
            self.description.setText(self.tr("No task could be loaded. Check the installation "
                                             "(tasks register under the batchpilot.tasks entry points)."))

        self.task_combo.currentIndexChanged.connect(self._on_task_chosen)
        self.preset_box.chosen.connect(self.form.set_values)
        self.preset_box.task_wanted.connect(self.select_task)
        self.form.changed.connect(self.preset_box.mark_custom)
        self.form.more_toggled.connect(lambda shown: self._settings.set(keys.MORE_OPTIONS, shown))
        self.output_edit.textEdited.connect(self._on_output_edited)
        self.output_button.clicked.connect(self._on_browse_output)
        self.next_to_source_check.toggled.connect(self._on_next_to_source)

    def _restore(self) -> None:
        s = self._settings
        wanted = s.get(keys.TASK)
        name = wanted if wanted in self._tasks else DEFAULT_TASK if DEFAULT_TASK in self._tasks else None
        i = self.task_combo.findData(name) if name else 0
        self.task_combo.setCurrentIndex(max(i, 0))
        self._on_task_chosen()
        j = self.policy_combo.findData(s.get(keys.OUTPUT_POLICY))
        self.policy_combo.setCurrentIndex(max(j, 0))
        self.set_naming(OutputNaming(s.get(keys.NAME_TEMPLATE) or DEFAULT_TEMPLATE, s.get(keys.NEXT_TO_SOURCE)))

    # -- reading --------------------------------------------------------------------------
    def current_task(self) -> Task | None:
        name = self.task_combo.currentData()
        return self._tasks.get(name) if name else None

    def _task_key(self) -> str:
        """The current task's name as the registry knows it (what settings and presets are kept under)."""
        return str(self.task_combo.currentData())

    def options(self) -> Any:
        """The task's options from the form; raises OptionError with a text for the user."""
        task = self.current_task()
        if task is None:
            raise OptionError("no task is selected")
        return build_options(task, self.form.values())

    def output_dir(self) -> str | None:
        text = self.output_edit.text().strip()
        return os.path.abspath(os.path.expanduser(text)) if text else None

    def policy(self) -> OutputPolicy:
        return OutputPolicy(self.policy_combo.currentData())

    def naming(self) -> OutputNaming:
        """The outputs' name template, whether they go next to their sources, and the preset the
        options are (the Preset list's choice, one of the person's own included) for ``{preset}``."""
        choice = self.preset_box.choice()
        return OutputNaming(self.name_edit.text().strip() or DEFAULT_TEMPLATE, self.next_to_source_check.isChecked(),
                            choice.key if choice is not None else "")

    def set_naming(self, naming: OutputNaming) -> None:
        self.name_edit.setText("" if naming.template == DEFAULT_TEMPLATE else naming.template)
        self.next_to_source_check.setChecked(naming.next_to_source)

    def workers(self) -> int:
        return self.run_on.workers()

    def engine_choice(self) -> EngineChoice:
        """Where the job runs; BackendError (a sentence for the user) when the cluster fields are wrong."""
        return self.run_on.choice()

    # -- changing -------------------------------------------------------------------------
    def select_task(self, name: str) -> bool:
        i = self.task_combo.findData(name)
        if i >= 0:
            self.task_combo.setCurrentIndex(i)
        return i >= 0

    def suggest_output(self, paths: Sequence[str]) -> None:
        """Show the current task's default output folder for ``paths``, unless the user chose one."""
        if not self._output_chosen:
            self.output_edit.setText(str(default_output_dir(paths, self.current_task())) if paths else "")

    def new_draft(self) -> None:
        """A new job begins: its output folder follows its files again until the user chooses one."""
        self._output_chosen = False
        self.output_edit.clear()

    def set_output_dir(self, folder: str) -> None:
        self.output_edit.setText(folder)
        self._output_chosen = bool(folder)

    def set_locked(self, locked: bool) -> None:
        """Options cannot change while a job runs (they were sent with it)."""
        for w in (self.task_combo, self.form, self.policy_combo, self.next_to_source_check, self.name_edit):
            w.setEnabled(not locked)
        self._on_next_to_source(self.next_to_source_check.isChecked(), locked)
        self.preset_box.set_locked(locked)
        self.run_on.set_locked(locked)

    def save(self) -> None:
        """Remember the task, its options, the policy and where jobs run."""
        s = self._settings
        task = self.current_task()
        if task is not None:
            s.set(keys.TASK, str(self.task_combo.currentData()))
            with contextlib.suppress(OptionError, TypeError):  # an invalid form is not worth keeping
                # As a preset keeps them: secrets are not written to a settings file.
                s.set_task_options(self._task_key(), preset_values(task, self.options()))
        s.set(keys.OUTPUT_POLICY, self.policy().value)
        naming = self.naming()
        s.set(keys.NAME_TEMPLATE, "" if naming.template == DEFAULT_TEMPLATE else naming.template)
        s.set(keys.NEXT_TO_SOURCE, naming.next_to_source)
        self.run_on.save()

    # -- slots ----------------------------------------------------------------------------
    def _on_task_chosen(self, *_: object) -> None:
        task = self.current_task()
        self.preset_box.set_task(self._task_key() if task is not None else None)
        if task is None:
            self.form.setEnabled(False)
            return
        self.description.setText(task_text(task.description))
        name = self._task_key()
        saved = self._settings.task_options(name)
        try:
            options = build_options(task, saved)
        except (OptionError, TypeError, ValueError):
            options = build_options(task, {})  # saved values from an older version: defaults
        self.form.set_task(task, typed_values(options))
        with contextlib.suppress(OptionError, TypeError, ValueError):
            self.preset_box.match(self.options())  # the preset the saved options are, or Custom
        self.task_changed.emit(name)

    def _on_next_to_source(self, checked: bool, locked: bool = False) -> None:
        # Next to the sources there is no output folder to choose.
        for w in (self.output_edit, self.output_button):
            w.setEnabled(not checked and not locked and self.task_combo.isEnabled())

    def _on_output_edited(self, text: str) -> None:
        self._output_chosen = bool(text.strip())

    def _on_browse_output(self) -> None:
        start = start_folder(self.output_edit.text() or self._settings.get(keys.LAST_OUTPUT_DIR))
        folder = QFileDialog.getExistingDirectory(self, self.tr("Output folder"), start)
        if folder:
            self.set_output_dir(folder)
            self._settings.set(keys.LAST_OUTPUT_DIR, folder)
