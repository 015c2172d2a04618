"""Settings as a typed registry over QSettings: each setting has a key, a type and a default.

Nothing else in the window spells a settings key. Values read back are converted to the
declared type (QSettings' INI backend returns strings) and fall back to the default when a
stored value is unusable, so a hand-edited or stale file never breaks the window.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ORGANIZATION = "batchpilot"
APPLICATION = "batchpilot"


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one object per setting
class Setting(Generic[T]):
    """One persisted value: its key, its type (str, int, bool, list or QByteArray) and default."""

    key: str
    type: type[T]
    default: T


TASK = Setting("job/task", str, "parse")
OUTPUT_POLICY = Setting("job/exists_policy", str, "skip")
NAME_TEMPLATE = Setting("job/name_template", str, "")  # "" = each output keeps its source's name
NEXT_TO_SOURCE = Setting("job/next_to_source", bool, False)
WORKERS = Setting("job/workers", int, 0)
RUN_ON = Setting("engine/run_on", str, "local")  # "local" or "dask"
DASK_ADDRESS = Setting("engine/dask_address", str, "")
PATH_MAP = Setting("engine/path_map", str, "")  # HERE=THERE pairs separated by ";"
LAST_FILES_DIR = Setting("folders/last_files", str, "")
LAST_FOLDER_DIR = Setting("folders/last_folder", str, "")
LAST_OUTPUT_DIR = Setting("folders/last_output", str, "")
LAST_PRESET_DIR = Setting("folders/last_preset", str, "")  # where presets were last imported or exported
RECENT_FOLDERS = Setting("folders/recent", list, [])
FILTER = Setting("view/filter", str, "all")
MORE_OPTIONS = Setting("view/more_options", bool, False)  # the options form shows its advanced options
WHEN_DONE = Setting("queue/when_done", str, "nothing")  # what to do once the queue is done (workers/when_done.py)
GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
SPLITTER_STATE = Setting("window/splitter", QByteArray, QByteArray())
# The table's column order is part of a header state: the key names the order's version, so a
# state saved for another order is never applied to this one (2: Status and Progress after Name).
HEADER_STATE = Setting("window/table_header_2", QByteArray, QByteArray())

REGISTRY: dict[str, Setting[Any]] = {
    s.key: s
    for s in (TASK, OUTPUT_POLICY, NAME_TEMPLATE, NEXT_TO_SOURCE, WORKERS, RUN_ON, DASK_ADDRESS, PATH_MAP,
              LAST_FILES_DIR, LAST_FOLDER_DIR, LAST_OUTPUT_DIR, LAST_PRESET_DIR, RECENT_FOLDERS, FILTER,
              MORE_OPTIONS, GEOMETRY, WINDOW_STATE, SPLITTER_STATE, HEADER_STATE)
}
RECENT_LIMIT = 10


def _convert(setting: Setting[T], raw: Any) -> T:
    t = setting.type
    if t is bool:
        if isinstance(raw, bool):
            return cast(T, raw)
        text = str(raw).strip().lower()
        if text in ("true", "1", "yes"):
            return cast(T, True)
        if text in ("false", "0", "no"):
            return cast(T, False)
        raise ValueError(raw)
    if t is int:
        if isinstance(raw, bool):
            raise ValueError(raw)
        return cast(T, int(raw))
    if t is str:
        return cast(T, str(raw))
    if t is list:
        # INI stores a one-element list as a plain string.
        return cast(T, [str(v) for v in raw] if isinstance(raw, list | tuple) else [str(raw)])
    if t is QByteArray:
        return cast(T, QByteArray(raw))
    raise TypeError(f"setting {setting.key}: unsupported type {t!r}")


class Settings:
    """Typed access to a QSettings store; tests pass a throwaway INI file."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANIZATION, APPLICATION)

    @classmethod
    def at(cls, path: str) -> Settings:
        """Settings kept in the INI file at ``path``."""
        return cls(QSettings(path, QSettings.Format.IniFormat))

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when it is missing or unusable."""
        raw = self.store.value(setting.key)
        if raw is None:
            return _convert(setting, setting.default)  # a copy: callers may change lists
        try:
            return _convert(setting, raw)
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        """Store ``value``; a value of the wrong type is a bug and raises."""
        if setting.type is int and isinstance(value, bool):
            raise TypeError(f"setting {setting.key} wants int, got bool")
        if not isinstance(value, setting.type):
            wanted, got = setting.type.__name__, type(value).__name__
            raise TypeError(f"setting {setting.key} wants {wanted}, got {got}")
        self.store.setValue(setting.key, value)

    def task_options(self, task: str) -> dict[str, str]:
        """The option values last used with ``task``, as strings (see build_options)."""
        self.store.beginGroup(f"options/{task}")
        try:
            return {key: str(self.store.value(key)) for key in self.store.childKeys()}
        finally:
            self.store.endGroup()

    def set_task_options(self, task: str, values: Mapping[str, str]) -> None:
        """Replace the option values remembered for ``task``."""
        self.store.beginGroup(f"options/{task}")
        try:
            self.store.remove("")
            for key, value in values.items():
                self.store.setValue(key, str(value))
        finally:
            self.store.endGroup()

    def remember_folder(self, folder: str) -> None:
        """Put ``folder`` first in the recent folders list."""
        recent = [f for f in self.get(RECENT_FOLDERS) if f != folder]
        self.set(RECENT_FOLDERS, [folder, *recent][:RECENT_LIMIT])

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self.store.sync()
