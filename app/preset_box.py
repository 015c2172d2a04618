"""The Preset list of the task panel and the button beside it.

The list holds the task's own presets (by title), then the person's (app/presets.py); the
button's menu saves, renames, deletes, imports and exports those. Choosing a preset emits
``chosen`` with the option values for the form; the panel calls ``mark_custom`` when the person
edits the form and ``match`` to show the preset the form's options are. The questions the box
asks are attributes (``ask_name``, ``ask_open_file``, ``ask_save_file``, ``tell``) that tests
replace, so no modal dialog ever opens under them.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QWidget,
)

from app import settings as keys
from app.desktop import start_folder
from app.i18n import task_text
from app.options_form import guard_wheel
from app.presets import (
    PresetError,
    PresetStore,
    UserPreset,
    clean_name,
    file_name_for,
    preset_values,
    store_path,
    write_preset_file,
)
from app.resources import icon
from app.settings import Settings
from workers.task import OptionError, Task, build_options, describe_options, preset_title

OWN_PRESET_ROLE = Qt.ItemDataRole.UserRole + 1  # True on the Preset list's rows of the person's presets


class PresetChoice(NamedTuple):
    """A preset on the list: the task's key for it, or the person's name for one of their own."""

    key: str
    own: bool


class PresetBox(QWidget):
    """The current task's presets, and the menu that keeps the person's own.

    ``read_options`` gives the form's options (raising OptionError for a text for the person);
    they are what Save as preset and Export write.
    """

    chosen = Signal(object)  # a preset was chosen: its option values by name, secrets left out
    task_wanted = Signal(str)  # an imported preset is for this other task

    def __init__(self, tasks: Mapping[str, Task], settings: Settings, read_options: Callable[[], Any],
                 presets: PresetStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._settings = settings
        self._read_options = read_options
        self._name = ""  # the current task's name as the registry knows it (what presets are kept under)
        self._task: Task | None = None
        self.presets = presets if presets is not None else PresetStore(store_path(settings))
        # The questions the box asks, replaced in tests: a title, a label and a proposed name
        # -> the name or None; a title and a folder or proposed path -> a path or "".
        self.ask_name: Callable[[str, str, str], str | None] = self._ask_name
        self.ask_open_file: Callable[[str, str], str] = self._ask_open_file
        self.ask_save_file: Callable[[str, str], str] = self._ask_save_file
        self.tell: Callable[[str], None] = self._tell
        self._build()

    def _build(self) -> None:
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Preset"))
        self.button = QToolButton()
        self.button.setIcon(icon("edit"))
        self.button.setText("…")
        self.button.setAccessibleName(self.tr("Preset actions"))
        self.button.setToolTip(self.tr("Save the options as a preset; rename, delete, import or export "
                                       "your presets"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        self.save_action = self._action(self.tr("&Save as preset…"), self._on_save)
        self.rename_action = self._action(self.tr("&Rename…"), self._on_rename)
        self.delete_action = self._action(self.tr("&Delete"), self._on_delete)
        self.menu.addSeparator()
        self.import_action = self._action(self.tr("&Import…"), self._on_import)
        self.export_action = self._action(self.tr("&Export…"), self._on_export)
        self.button.setMenu(self.menu)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.combo, 1)
        row.addWidget(self.button)
        guard_wheel(self.combo)

        self.combo.activated.connect(self._on_chosen)
        self.combo.currentIndexChanged.connect(self._update_actions)

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = self.menu.addAction(text)
        action.triggered.connect(slot)
        return action

    # -- what the panel uses --------------------------------------------------------------
    def set_task(self, name: str | None) -> None:
        """List the presets of the task registered as ``name``; None: there is no task."""
        self._task = self._tasks.get(name) if name else None
        self._name = name or ""
        self.combo.clear()
        self.button.setEnabled(self._task is not None)
        if self._task is not None:
            self._fill()

    def choice(self) -> PresetChoice | None:
        """The preset the list shows; None for Custom."""
        i = self.combo.currentIndex()
        key = self.combo.itemData(i)
        if i < 0 or not key:
            return None
        return PresetChoice(str(key), bool(self.combo.itemData(i, OWN_PRESET_ROLE)))

    def select(self, key: str, own: bool = False) -> bool:
        """Choose a preset of the current task as the person would: ``chosen`` carries its values."""
        i = self._index(key, own)
        if i >= 0:
            self.combo.setCurrentIndex(i)
            self._on_chosen(i)
        return i >= 0

    def match(self, options: Any) -> None:
        """Show the first preset whose values ``options`` (the form's) are, or Custom."""
        task = self._task
        if task is None:
            return
        wanted = preset_values(task, options)
        for i in range(1, self.combo.count()):
            key = self.combo.itemData(i)
            if not key:
                continue  # the separator
            with contextlib.suppress(OptionError, PresetError, TypeError, ValueError):
                own = bool(self.combo.itemData(i, OWN_PRESET_ROLE))
                if preset_values(task, self._options(task, str(key), own)) == wanted:
                    self.combo.setCurrentIndex(i)
                    return
        self.combo.setCurrentIndex(0)

    def mark_custom(self) -> None:
        """The form was edited: it is no longer any preset."""
        self.combo.setCurrentIndex(0)

    def set_locked(self, locked: bool) -> None:
        for w in (self.combo, self.button):
            w.setEnabled(not locked)

    # -- the list -------------------------------------------------------------------------
    def _fill(self) -> None:
        task = self._task
        if task is None:
            return
        combo = self.combo
        combo.clear()
        combo.addItem(self.tr("Custom"), "")
        combo.setItemData(0, self.tr("The options as they are in the form"), Qt.ItemDataRole.ToolTipRole)
        for key in task.presets:
            combo.addItem(task_text(preset_title(task, key)), key)
        own = self.presets.names(self._name)
        if own:
            combo.insertSeparator(combo.count())
        for name in own:
            combo.addItem(name, name)
            combo.setItemData(combo.count() - 1, True, OWN_PRESET_ROLE)
        combo.setEnabled(combo.count() > 1)
        # An unreadable presets file is said where the presets would be, not in a dialog at start.
        combo.setToolTip(self.presets.problem or self.tr("Ready-made option values: the task's own, then "
                                                         "the ones you saved"))
        self._update_actions()

    def _index(self, key: str, own: bool) -> int:
        for i in range(self.combo.count()):
            if self.combo.itemData(i) == key and bool(self.combo.itemData(i, OWN_PRESET_ROLE)) == own:
                return i
        return -1

    def _options(self, task: Task, key: str, own: bool) -> Any:
        """The options a preset sets (the others at their defaults); OptionError or PresetError."""
        if own:
            return build_options(task, self.presets.get(self._name, key).options)
        return build_options(task, {}, key)

    def _update_actions(self, *_: object) -> None:
        chosen = self.choice()
        own = chosen is not None and chosen.own
        self.rename_action.setEnabled(own)
        self.delete_action.setEnabled(own)
        for action in (self.save_action, self.import_action, self.export_action):
            action.setEnabled(self._task is not None)
        if chosen is not None and chosen.own:
            self.delete_action.setText(self.tr("&Delete “{name}”").format(name=chosen.key))
        else:
            self.delete_action.setText(self.tr("&Delete"))

    # -- questions (replaced in tests) -----------------------------------------------------
    def _ask_name(self, title: str, label: str, proposed: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, proposed)
        return text if ok else None

    def _preset_files(self) -> str:
        return self.tr("batchpilot presets (*.json);;All files (*)")

    def _ask_open_file(self, title: str, folder: str) -> str:
        return QFileDialog.getOpenFileName(self, title, folder, self._preset_files())[0]

    def _ask_save_file(self, title: str, path: str) -> str:
        return QFileDialog.getSaveFileName(self, title, path, self._preset_files())[0]

    def _tell(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Presets"), message)

    def _folder(self) -> str:
        """Where preset files are looked for: the folder used last, else the home folder."""
        return start_folder(self._settings.get(keys.LAST_PRESET_DIR))

    # -- slots ----------------------------------------------------------------------------
    def _on_chosen(self, index: int) -> None:
        task = self._task
        key = self.combo.itemData(index)
        if task is None or not key:
            return
        own = bool(self.combo.itemData(index, OWN_PRESET_ROLE))
        try:
            options = self._options(task, str(key), own)
        except (OptionError, PresetError) as exc:
            self.tell(self.tr("The preset “{name}” does not fit this version of the task: {reason}.").format(
                name=self.combo.itemText(index), reason=exc))
            self.combo.setCurrentIndex(0)
            return
        # Presets hold no secrets: the form keeps what was typed.
        self.chosen.emit({spec.name: getattr(options, spec.name) for spec in describe_options(task.Options)
                          if spec.kind != "password"})

    def _form_values(self, problem: str) -> dict[str, str] | None:
        """The form's options as a preset holds them, or None after saying ``problem`` (with {reason})."""
        if self._task is None:
            return None
        try:
            return preset_values(self._task, self._read_options())
        except OptionError as exc:
            self.tell(problem.format(reason=exc))
            return None

    def _on_save(self) -> None:
        values = self._form_values(self.tr("The options cannot be saved as a preset: {reason}."))
        if values is None:
            return
        chosen = self.choice()
        proposed = chosen.key if chosen is not None and chosen.own else ""
        name = self.ask_name(self.tr("Save as preset"),
                             self.tr("Name of the preset (one of the same name is replaced):"), proposed)
        if name is not None:
            self._change(lambda: self.presets.save(self._name, name, values))

    def _on_rename(self) -> None:
        chosen = self.choice()
        if self._task is None or chosen is None or not chosen.own:
            return
        new = self.ask_name(self.tr("Rename preset"), self.tr("New name of the preset:"), chosen.key)
        if new is not None:
            self._change(lambda: self.presets.rename(self._name, chosen.key, new))

    def _change(self, change: Callable[[], str]) -> None:
        """Save or rename in the store, then show the preset it names; or say why it could not."""
        try:
            name = change()
        except PresetError as exc:
            self.tell(str(exc))
            return
        self._fill()
        self.combo.setCurrentIndex(self._index(name, own=True))

    def _on_delete(self) -> None:
        chosen = self.choice()
        if self._task is None or chosen is None or not chosen.own:
            return
        try:
            self.presets.delete(self._name, chosen.key)
        except PresetError as exc:
            self.tell(str(exc))
            return
        self._fill()  # the form keeps the values: they are Custom now

    def _on_import(self) -> None:
        path = self.ask_open_file(self.tr("Import a preset"), self._folder())
        if not path:
            return
        self._settings.set(keys.LAST_PRESET_DIR, os.path.dirname(os.path.abspath(path)))
        try:
            preset = self.presets.import_file(path, self._tasks)
        except PresetError as exc:
            self.tell(str(exc))
            return
        if preset.task != self._name:
            self.task_wanted.emit(preset.task)  # a preset for another task takes the person there
        if self._task is not None:
            self._fill()
            self.select(preset.name, own=True)

    def _on_export(self) -> None:
        values = self._form_values(self.tr("The options cannot be exported: {reason}."))
        if values is None:
            return
        if self.choice() is None:
            name = self.ask_name(self.tr("Export a preset"), self.tr("Name of the preset:"), "")
        else:
            name = self.combo.currentText()
        if not name or not name.strip():
            return
        target = self.ask_save_file(self.tr("Export a preset"), os.path.join(self._folder(), file_name_for(name)))
        if not target:
            return
        self._settings.set(keys.LAST_PRESET_DIR, os.path.dirname(os.path.abspath(target)))
        try:
            write_preset_file(target, UserPreset(self._name, clean_name(name), values))
        except PresetError as exc:
            self.tell(str(exc))
