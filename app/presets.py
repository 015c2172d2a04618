"""User presets: option values a person saved under a name, per task, and the files they travel in.

The store is one JSON file in the user's data folder, rewritten whole through a temporary file
and ``os.replace``, so a crash never leaves half a file. Every change reads the file again
first, so two windows do not undo each other's presets. A preset file (export, import) holds one
preset: ``{"batchpilot-preset": 1, "task": "encode", "name": "...", "options": {name: value}}``.
Values are strings as :func:`~workers.task.options_to_strings` writes them; password options
are never written. No widgets here: the task panel asks the questions, this module keeps and
checks the files, and its errors are :class:`PresetError` sentences for the user.
"""

from __future__ import annotations

import enum
import json
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths

from app.settings import Settings
from workers.task import OptionError, Task, build_options, describe_options, options_to_strings

FILE_MARK = "batchpilot-preset"  # a file holding one preset
STORE_MARK = "batchpilot-presets"  # the store holding all of them
VERSION = 1
STORE_NAME = "presets.json"
NAME_MAX = 80
_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class StoreState(enum.Enum):
    """What was found when the store file was read."""

    READ = "read"  # read (or absent: no presets yet)
    UNREADABLE = "unreadable"  # the file system refused it
    DAMAGED = "damaged"  # not a presets file: moved aside on the next save
    NEWER = "newer"  # written by a newer batchpilot: left alone


class PresetError(Exception):
    """A preset could not be saved, found, read or used; the text is one sentence for the user."""


@dataclass(frozen=True)
class UserPreset:
    """A preset a person made: the task it is for, its name and its option values as strings."""

    task: str
    name: str
    options: Mapping[str, str] = field(default_factory=dict)


def store_path(settings: Settings) -> Path:
    """Where the user presets are kept: beside a settings file of its own (``--settings``, tests),
    so a separate profile keeps separate presets; otherwise in the user's data folder."""
    store = settings.store
    if store.format() == QSettings.Format.IniFormat and store.fileName():
        path = Path(store.fileName())
        return path.with_name(f"{path.stem}-{STORE_NAME}")
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / STORE_NAME


def clean_name(name: str) -> str:
    """A preset name as kept: spaces collapsed; PresetError when it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise PresetError("A preset needs a name.")
    if len(cleaned) > NAME_MAX:
        raise PresetError(f"A preset name has at most {NAME_MAX} characters.")
    return cleaned


def file_name_for(name: str) -> str:
    """A file name for exporting the preset ``name`` (``Web video.json``)."""
    stem = _UNSAFE_IN_FILE_NAMES.sub("-", name).strip(" .-") or "preset"
    return f"{stem}.json"


def _secret_names(task: Task) -> set[str]:
    return {spec.name for spec in describe_options(task.Options) if spec.kind == "password"}


def preset_values(task: Task, options: Any) -> dict[str, str]:
    """``options`` as a preset keeps them: strings, without password options."""
    secrets = _secret_names(task)
    return {name: value for name, value in options_to_strings(options).items() if name not in secrets}


def checked_values(task: Task, values: Mapping[str, Any]) -> dict[str, str]:
    """The values a preset may hold for ``task``, as the strings :func:`preset_values` writes;
    OptionError (naming the option and what is wrong) when one is not usable."""
    secrets = _secret_names(task)
    wanted = {name: value for name, value in values.items() if name not in secrets}
    options = build_options(task, wanted)
    canonical = options_to_strings(options)
    # A preset may leave options at their defaults; one an earlier version named is kept in today's names.
    return {name: canonical[name] for name in task.upgrade_options(wanted)}


def _text(value: Any) -> str:
    """A value from a JSON file as the option strings are written (``true`` -> ``True``)."""
    return str(value)


def read_preset_file(path: str | os.PathLike[str], tasks: Mapping[str, Task]) -> UserPreset:
    """The preset in the file at ``path``, checked against its task; PresetError says what is wrong."""
    shown = Path(path).name
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise PresetError(f"“{shown}” could not be read: {exc.strerror or exc}.") from None
    except UnicodeDecodeError:
        raise PresetError(f"“{shown}” is not a batchpilot preset: it is not a text file.") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise PresetError(f"“{shown}” is not a batchpilot preset: it is not valid JSON "
                          f"(line {exc.lineno}, {exc.msg}).") from None
    if not isinstance(data, dict) or FILE_MARK not in data:
        raise PresetError(f"“{shown}” is not a batchpilot preset: it has no “{FILE_MARK}” entry.")
    version = data[FILE_MARK]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PresetError(f"“{shown}” is not a batchpilot preset: “{FILE_MARK}” should be {VERSION}, "
                          f"not {version!r}.")
    if version > VERSION:
        raise PresetError(f"“{shown}” was written by a newer batchpilot (preset version {version}); "
                          "update batchpilot to import it.")
    task_name, name, options = data.get("task"), data.get("name"), data.get("options", {})
    if not isinstance(task_name, str) or not task_name:
        raise PresetError(f"“{shown}” does not say which task the preset is for (its “task” entry).")
    task = tasks.get(task_name)
    if task is None:
        known = ", ".join(tasks) or "none"
        raise PresetError(f"“{shown}” is a preset for the task “{task_name}”, which is not installed "
                          f"(tasks: {known}).")
    if not isinstance(name, str) or not name.strip():
        raise PresetError(f"“{shown}” does not give the preset a name (its “name” entry).")
    if len(" ".join(name.split())) > NAME_MAX:
        raise PresetError(f"“{shown}” cannot be imported: the preset's name is longer than {NAME_MAX} characters.")
    if not isinstance(options, dict) or not all(isinstance(v, str | int | float | bool) for v in options.values()):
        raise PresetError(f"“{shown}” cannot be imported: its “options” entry should map option names "
                          "to values.")
    try:
        values = checked_values(task, {str(k): _text(v) for k, v in options.items()})
    except OptionError as exc:
        raise PresetError(f"“{shown}” cannot be imported: {exc}.") from None
    return UserPreset(task_name, clean_name(name), values)


def _write_json(path: Path, data: Any) -> None:
    """Write ``data`` to ``path`` whole or not at all (temporary file, then os.replace)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=2)
            out.write("\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_preset_file(path: str | os.PathLike[str], preset: UserPreset) -> None:
    """Export ``preset`` to the file at ``path``; PresetError when it cannot be written."""
    data = {FILE_MARK: VERSION, "task": preset.task, "name": preset.name, "options": dict(preset.options)}
    try:
        _write_json(Path(path), data)
    except OSError as exc:
        raise PresetError(f"“{Path(path).name}” could not be written: {exc.strerror or exc}.") from None


Presets = dict[str, dict[str, dict[str, str]]]  # task -> preset name -> option -> value


def _parse_store(data: Any) -> Presets:
    """The presets in a store file's JSON; entries that are not well formed are left out."""
    if not isinstance(data, dict) or not isinstance(data.get("tasks"), dict):
        raise ValueError("not a presets file")
    found: Presets = {}
    for task, presets in data["tasks"].items():
        if not isinstance(presets, dict):
            continue
        for name, options in presets.items():
            if isinstance(name, str) and name.strip() and isinstance(options, dict):
                found.setdefault(str(task), {})[name] = {str(k): _text(v) for k, v in options.items()}
    return found


class PresetStore:
    """The user presets of every task, kept in the JSON file at ``path``."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.state = StoreState.READ
        self.problem = ""  # why the file could not be read, as a sentence ("" when it could)
        self._presets = self._read()

    # -- reading --------------------------------------------------------------------------
    def names(self, task: str) -> list[str]:
        """The names of ``task``'s presets, in alphabetical order."""
        return sorted(self._presets.get(task, {}), key=str.casefold)

    def __contains__(self, key: tuple[str, str]) -> bool:
        task, name = key
        return name in self._presets.get(task, {})

    def get(self, task: str, name: str) -> UserPreset:
        """The preset ``name`` of ``task``; PresetError when there is none."""
        try:
            return UserPreset(task, name, dict(self._presets[task][name]))
        except KeyError:
            raise PresetError(f"There is no preset named “{name}”.") from None

    def reload(self) -> None:
        """Read the file again (another window may have changed it)."""
        self._presets = self._read()

    # -- changing -------------------------------------------------------------------------
    def save(self, task: str, name: str, values: Mapping[str, str]) -> str:
        """Keep ``values`` as the preset ``name`` of ``task`` (one of that name is replaced);
        returns the name as kept."""
        name = clean_name(name)
        self._change(lambda presets: presets.setdefault(task, {}).__setitem__(name, dict(values)))
        return name

    def rename(self, task: str, old: str, new: str) -> str:
        """Give the preset ``old`` the name ``new``; returns the name as kept."""
        new = clean_name(new)

        def rename(presets: Presets) -> None:
            mine = presets.get(task, {})
            if old not in mine:
                raise PresetError(f"There is no preset named “{old}”.")
            if new != old and new in mine:
                raise PresetError(f"There is already a preset named “{new}”.")
            # Rebuilt, so the file keeps the order the presets were made in.
            presets[task] = {new if key == old else key: value for key, value in mine.items()}

        self._change(rename)
        return new

    def delete(self, task: str, name: str) -> None:
        """Forget the preset ``name`` of ``task`` (nothing happens when there is none)."""
        self._change(lambda presets: presets.get(task, {}).pop(name, None))

    def free_name(self, task: str, name: str) -> str:
        """``name``, or ``name (2)``, ``name (3)``… when ``task`` already has a preset of that name."""
        taken = self._presets.get(task, {})
        candidate, n = name, 1
        while candidate in taken:
            n += 1
            candidate = f"{name} ({n})"
        return candidate

    def import_file(self, path: str | os.PathLike[str], tasks: Mapping[str, Task]) -> UserPreset:
        """Add the preset in the file at ``path`` (renamed when its name is taken); returns it as kept."""
        preset = read_preset_file(path, tasks)
        self.reload()
        name = self.save(preset.task, self.free_name(preset.task, preset.name), preset.options)
        return UserPreset(preset.task, name, preset.options)

    def export_file(self, task: str, name: str, path: str | os.PathLike[str]) -> None:
        """Write the preset ``name`` of ``task`` to a file of its own."""
        write_preset_file(path, self.get(task, name))

    # -- the file -------------------------------------------------------------------------
    def _read(self) -> Presets:
        presets, self.state, self.problem = self._load()
        return presets

    def _load(self) -> tuple[Presets, StoreState, str]:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}, StoreState.READ, ""
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", "") or exc
            return {}, StoreState.UNREADABLE, f"Your presets could not be read from {self.path}: {reason}."
        try:
            data = json.loads(raw)
            version = data.get(STORE_MARK, 0)
            if isinstance(version, int) and version > VERSION:
                return {}, StoreState.NEWER, (f"Your presets in {self.path} were saved by a newer batchpilot; "
                                              "update batchpilot to change them.")
            return _parse_store(data), StoreState.READ, ""
        except (ValueError, TypeError, AttributeError):
            return {}, StoreState.DAMAGED, (f"Your presets file {self.path} is damaged; it is kept aside "
                                            "as it is when you next save a preset.")

    def _change(self, change: Callable[[Presets], object]) -> None:
        presets = self._read()
        if self.state is StoreState.NEWER:
            raise PresetError(self.problem)
        try:
            if self.state is StoreState.DAMAGED:
                # Kept, not overwritten: the person may want what was in it.
                os.replace(self.path, self.path.with_name(self.path.name + ".damaged"))
            change(presets)
            presets = {task: mine for task, mine in presets.items() if mine}
            _write_json(self.path, {STORE_MARK: VERSION, "tasks": presets})
        except OSError as exc:
            raise PresetError(f"Your presets could not be saved to {self.path}: {exc.strerror or exc}.") from None
        self._presets, self.state, self.problem = presets, StoreState.READ, ""
