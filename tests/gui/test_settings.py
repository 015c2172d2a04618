"""Settings: typed values survive a round trip, bad values fall back, the window remembers."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QSettings

from app import settings as keys
from app.settings import Setting, Settings


def test_every_setting_round_trips_through_the_file(tmp_path):
    path = str(tmp_path / "s.ini")
    s = Settings.at(path)
    values: dict[Setting[Any], Any] = {keys.TASK: "zip", keys.OUTPUT_POLICY: "rename", keys.WORKERS: 3,
              keys.LAST_FILES_DIR: "/data/in", keys.RECENT_FOLDERS: ["/a", "/b"],
              keys.GEOMETRY: QByteArray(b"\x01\x02\x00geometry")}
    for setting, value in values.items():
        s.set(setting, value)
    s.set_task_options("zip", {"mode": "per-folder", "level": "9"})
    s.sync()

    again = Settings.at(path)
    for setting, value in values.items():
        assert again.get(setting) == value, setting.key
    assert again.task_options("zip") == {"mode": "per-folder", "level": "9"}
    assert again.task_options("parse") == {}


def test_defaults_and_unusable_values(tmp_path):
    path = str(tmp_path / "s.ini")
    raw = QSettings(path, QSettings.Format.IniFormat)
    raw.setValue(keys.WORKERS.key, "many")  # hand-edited nonsense
    raw.setValue(keys.RECENT_FOLDERS.key, "/only/one")  # INI keeps one-item lists as a string
    raw.sync()
    s = Settings.at(path)
    assert s.get(keys.WORKERS) == 0
    assert s.get(keys.RECENT_FOLDERS) == ["/only/one"]
    assert s.get(keys.TASK) == "parse"
    with pytest.raises(TypeError):
        s.set(keys.WORKERS, "3")  # type: ignore[misc]  # a wrong type is a bug, caught where it is made


def test_recent_folders_keep_the_latest_first(tmp_path):
    s = Settings.at(str(tmp_path / "s.ini"))
    for folder in ("/a", "/b", "/a", *(f"/x{i}" for i in range(12))):
        s.remember_folder(folder)
    recent = s.get(keys.RECENT_FOLDERS)
    assert recent[0] == "/x11" and len(recent) == keys.RECENT_LIMIT and recent.count("/a") <= 1


def test_the_window_remembers_task_options_and_layout(qtbot, settings, make_window, faulty_task):
    from workers.naming import OutputNaming
    from workers.registry import load_task

    tasks = {"faulty": faulty_task, "parse": load_task("parse")}
    window = make_window(tasks)
    window.task_panel.select_task("faulty")
    window.task_panel.form.fields()["hang_seconds"].put(2.5)
    window.task_panel.workers_spin.setValue(3)
    window.task_panel.name_edit.setText("{name}-{date}")
    window.task_panel.next_to_source_check.setChecked(True)
    window.resize(760, 540)
    window.log_dock.hide()
    window.close()

    again = make_window(tasks)
    assert again.task_panel.current_task() is faulty_task
    assert again.task_panel.form.values()["hang_seconds"] == 2.5
    assert again.task_panel.workers() == 3
    assert again.task_panel.naming() == OutputNaming("{name}-{date}", next_to_source=True)
    assert (again.width(), again.height()) == (760, 540)
    assert not again.log_dock.isVisible()


def test_first_run_selects_parse(qtbot, make_window, faulty_task):
    from workers.registry import available_tasks

    tasks = {**available_tasks(), "faulty": faulty_task}
    window = make_window(tasks)
    assert window.task_panel.current_task() is tasks["parse"]
