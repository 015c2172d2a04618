"""The left-hand panel: which task, its preset and options, where outputs go, where it runs."""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
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
from app.i18n import task_text
from app.options_form import OptionsForm
from app.run_on import RunOnBox
from app.settings import Settings
from workers.plan import OutputPolicy, default_output_dir
from workers.task import OptionError, Task, build_options, describe_options, options_to_strings

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


class TaskPanel(QWidget):
    """Task, preset, options form, output folder, exists policy, and where the job runs."""

    task_changed = Signal(str)

    def __init__(self, tasks: Mapping[str, Task], settings: Settings, parent: QWidget | None = None,
                 dask_available: bool | None = None) -> None:
        super().__init__(parent)
        self._tasks = dict(tasks)
        self._settings = settings
        self._dask_available = dask_available
        self._output_chosen = False
        self._build()
        self._restore()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        task_box = QGroupBox(self.tr("Task"))
        task_layout = QFormLayout(task_box)
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
        self.preset_combo = QComboBox()
        self.preset_combo.setAccessibleName(self.tr("Preset"))
        self.preset_combo.setToolTip(self.tr("Ready-made option values for this task"))
        task_layout.addRow(self.tr("Preset:"), self.preset_combo)
        layout.addWidget(task_box)

        options_box = QGroupBox(self.tr("Options"))
        options_layout = QVBoxLayout(options_box)
        self.form = OptionsForm()
        options_layout.addWidget(self.form)
        layout.addWidget(options_box)

        output_box = QGroupBox(self.tr("Output"))
        output_layout = QFormLayout(output_box)
        row = QHBoxLayout()
        self.output_edit = QLineEdit()
        self.output_edit.setAccessibleName(self.tr("Output folder"))
        self.output_edit.setPlaceholderText(self.tr("beside the first folder added"))
        self.output_edit.setToolTip(self.tr("Where outputs are written; the source tree is mirrored inside it"))
        self.output_button = QPushButton(self.tr("Browse…"))
        self.output_button.setAccessibleName(self.tr("Choose output folder"))
        row.addWidget(self.output_edit, 1)
        row.addWidget(self.output_button)
        output_layout.addRow(self.tr("Folder:"), row)
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

        if not self._tasks:
            self.description.setText(self.tr("No task could be loaded. Check the installation "
                                             "(tasks register under the batchpilot.tasks entry points)."))

        self.task_combo.currentIndexChanged.connect(self._on_task_chosen)
        self.preset_combo.activated.connect(self._on_preset_chosen)
        self.form.changed.connect(self._on_form_edited)
        self.output_edit.textEdited.connect(self._on_output_edited)
        self.output_button.clicked.connect(self._on_browse_output)

    def _restore(self) -> None:
        s = self._settings
        wanted = s.get(keys.TASK)
        name = wanted if wanted in self._tasks else DEFAULT_TASK if DEFAULT_TASK in self._tasks else None
        i = self.task_combo.findData(name) if name else 0
        self.task_combo.setCurrentIndex(max(i, 0))
        self._on_task_chosen()
        j = self.policy_combo.findData(s.get(keys.OUTPUT_POLICY))
        self.policy_combo.setCurrentIndex(max(j, 0))

    # -- reading --------------------------------------------------------------------------
    def current_task(self) -> Task | None:
        name = self.task_combo.currentData()
        return self._tasks.get(name) if name else None

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
        """Fill in the default output folder for ``paths`` unless the user chose one."""
        if paths and not self._output_chosen and not self.output_edit.text().strip():
            self.output_edit.setText(str(default_output_dir(paths)))

    def set_output_dir(self, folder: str) -> None:
        self.output_edit.setText(folder)
        self._output_chosen = bool(folder)

    def set_locked(self, locked: bool) -> None:
        """Options cannot change while a job runs (they were sent with it)."""
        for w in (self.task_combo, self.preset_combo, self.form, self.output_edit, self.output_button,
                  self.policy_combo):
            w.setEnabled(not locked)
        self.run_on.set_locked(locked)

    def save(self) -> None:
        """Remember the task, its options, the policy and where jobs run."""
        s = self._settings
        task = self.current_task()
        if task is not None:
            s.set(keys.TASK, str(self.task_combo.currentData()))
            with contextlib.suppress(OptionError, TypeError):  # an invalid form is not worth keeping
                values = options_to_strings(self.options())
                for spec in describe_options(task.Options):
                    if spec.kind == "password":
                        values.pop(spec.name, None)  # secrets are not written to a settings file
                s.set_task_options(str(self.task_combo.currentData()), values)
        s.set(keys.OUTPUT_POLICY, self.policy().value)
        self.run_on.save()

    # -- slots ----------------------------------------------------------------------------
    def _on_task_chosen(self, *_: object) -> None:
        task = self.current_task()
        self.preset_combo.clear()
        if task is None:
            self.form.setEnabled(False)
            return
        self.description.setText(task_text(task.description))
        self.preset_combo.addItem(self.tr("Custom"), "")
        for preset in task.presets:
            self.preset_combo.addItem(task_text(preset), preset)
        self.preset_combo.setEnabled(bool(task.presets))
        name = str(self.task_combo.currentData())
        saved = self._settings.task_options(name)
        try:
            options = build_options(task, saved)
        except (OptionError, TypeError, ValueError):
            options = build_options(task, {})  # saved values from an older version: defaults
        self.form.set_task(task, typed_values(options))
        self.task_changed.emit(name)

    def _on_preset_chosen(self, index: int) -> None:
        task = self.current_task()
        preset = self.preset_combo.itemData(index)
        if task is None or not preset:
            return
        self.form.set_values(typed_values(build_options(task, {}, preset)))

    def _on_form_edited(self) -> None:
        self.preset_combo.setCurrentIndex(0)

    def _on_output_edited(self, text: str) -> None:
        self._output_chosen = bool(text.strip())

    def _on_browse_output(self) -> None:
        start = self.output_edit.text() or self._settings.get(keys.LAST_OUTPUT_DIR)
        folder = QFileDialog.getExistingDirectory(self, self.tr("Output folder"), start)
        if folder:
            self.set_output_dir(folder)
            self._settings.set(keys.LAST_OUTPUT_DIR, folder)
