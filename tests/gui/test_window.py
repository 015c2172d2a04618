"""Smaller things a user meets: help and about, the worker count, recent folders, the keyboard."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

import workers
from app.file_row import Status
from tests.gui.conftest import press, wait_scanned

ROOT = Path(__file__).resolve().parents[2]


def test_drop_then_ctrl_return_runs_the_batch(qtbot, tmp_path, make_window):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok-1.txt").write_text("one")
    window = make_window()
    window.add_paths([str(tmp_path / "in")])
    wait_scanned(qtbot, window, 1)
    assert window.overall_text.text() == "1 files waiting. Press Start (Ctrl+Return) to begin."
    with qtbot.waitSignal(window.bridge.finished, timeout=60_000):
        press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.model.row(0).status is Status.DONE
    window.file_list.view.selectRow(0)
    window.log_dock.show_row(window.model.row(0))
    log = window.log_dock.file_view.toPlainText()
    assert f"Output: {tmp_path / 'in-faulty' / 'ok-1.txt.out'}" in log and "Done in" in log


def test_help_and_about(qtbot, make_window, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window = make_window()
    press(qtbot, window, Qt.Key.Key_F1)
    assert "Ctrl+Shift+O" in shown[-1] and "Retry failed" in shown[-1]
    window.commands.about.trigger()
    assert f"batchpilot {workers.__version__}" in shown[-1]


def test_changing_the_worker_count_restarts_the_pool(qtbot, make_window):
    window = make_window()
    with qtbot.waitSignal(window.bridge.pool_ready, timeout=30_000,
                          check_params_cb=lambda n: n == 1):
        window.task_panel.workers_spin.setValue(1)
    assert len(window.bridge.worker_pids()) == 1


def test_recent_folders_menu_adds_a_folder_again(qtbot, tmp_path, make_window):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "a.txt").write_text("a")
    window = make_window()
    window.add_paths([str(folder)])
    wait_scanned(qtbot, window, 1)
    window.file_list.remove.emit(list(window.model.rows()))  # "Remove from list": empty again
    window.recent_menu.aboutToShow.emit()
    entries = {a.text(): a for a in window.recent_menu.actions()}
    entries[str(folder)].trigger()
    wait_scanned(qtbot, window, 1)
    assert window.model.row(0).source == str(folder / "a.txt")


def test_the_entry_point_imports_no_qt_until_main_runs():
    # Worker processes re-import the main module: it must stay free of Qt.
    code = "import sys, app.__main__ as m; assert 'PySide6' not in sys.modules; print(m.main.__doc__)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT), timeout=60)
    assert result.returncode == 0, result.stderr
    help_text = subprocess.run([sys.executable, "-m", "app", "--help"], capture_output=True, text=True,
                               cwd=str(ROOT), timeout=60)
    assert help_text.returncode == 0 and "--task SPEC" in help_text.stdout
