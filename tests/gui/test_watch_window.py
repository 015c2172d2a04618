"""Watch folders in the window: listed in the queue panel, their files queued as jobs, paused,
removed, and started again with the window."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.job_queue import JobState
from app.watch_folders import WatchFolder
from tests.gui.conftest import press
from workers.registry import available_tasks


def _zip_window(make_window, tmp_path: Path, inbox: Path):
    window = make_window({"zip": available_tasks()["zip"]})
    window.task_panel.select_task("zip")
    window.choose_folder = lambda title, start: str(inbox)
    return window


def watch_key(qtbot, window) -> None:
    """Ctrl+Shift+W: Batch ▸ Watch a folder."""
    press(qtbot, window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def _watch_of(window) -> WatchFolder:
    [watch] = window.watches.watches
    return watch


def test_a_watch_folder_queues_each_file_once_and_counts_it(no_leftover_processes, qtbot, tmp_path, make_window):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    window = _zip_window(make_window, tmp_path, inbox)
    watch_key(qtbot, window)
    watch = _watch_of(window)
    assert watch.running and watch.out_dir == str(tmp_path / "inbox-zipped")
    assert window.queue_panel.isVisible()
    assert window.queue_model.watch_cell(watch, 1) == "watching"

    (inbox / "a.txt").write_text("first file")
    (inbox / "b.txt").write_text("second file")
    qtbot.waitUntil(lambda: watch.counts.done_today == 2, timeout=60_000)
    assert sorted(p.name for p in (tmp_path / "inbox-zipped").glob("*.zip")) == ["a.txt.zip", "b.txt.zip"]
    with zipfile.ZipFile(tmp_path / "inbox-zipped" / "a.txt.zip") as z:
        assert z.read("a.txt") == b"first file"
    # A job whose files all went well leaves the queue; the watch's row keeps the count.
    qtbot.waitUntil(lambda: not window.queue.jobs, timeout=10_000)
    assert window.queue_model.watch_cell(watch, 2) == "2 done today"

    window.control.pause_job(watch)  # the queue panel's pause button
    assert not watch.running and window.queue_model.watch_cell(watch, 1) == "paused"
    (inbox / "c.txt").write_text("came while paused")
    window.control.pause_job(watch)
    qtbot.waitUntil(lambda: watch.counts.done_today == 3, timeout=60_000)

    window.control.remove_job(watch)
    assert window.watches.watches == [] and not watch.running


def test_a_watch_starts_again_with_the_window_and_redoes_nothing(no_leftover_processes, qtbot, tmp_path,
                                                                 make_window):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "old.txt").write_text("there before")
    first = _zip_window(make_window, tmp_path, inbox)
    watch_key(qtbot, first)
    watch = _watch_of(first)
    qtbot.waitUntil(lambda: watch.counts.done_today == 1, timeout=60_000)
    first.shutdown()
    output = tmp_path / "inbox-zipped" / "old.txt.zip"
    made = output.stat().st_mtime_ns

    (inbox / "new.txt").write_text("came while the window was closed")
    second = _zip_window(make_window, tmp_path, inbox)
    again = _watch_of(second)
    assert again.running and again.id == watch.id
    qtbot.waitUntil(lambda: (tmp_path / "inbox-zipped" / "new.txt.zip").exists()
                    and not second.queue.jobs, timeout=60_000)
    assert again.counts.done_today == 1  # new.txt; old.txt was done by the earlier run
    assert output.stat().st_mtime_ns == made


def test_a_watch_of_its_own_output_folder_is_refused(qtbot, tmp_path, make_window):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    window = _zip_window(make_window, tmp_path, inbox)
    window.task_panel.set_output_dir(str(inbox / "zipped"))
    watch_key(qtbot, window)
    assert window.watches.watches == []
    assert "inside the watched folder" in window.banner.details.text()


def test_a_failed_file_keeps_its_job_in_the_queue(no_leftover_processes, qtbot, tmp_path, make_window,
                                                  faulty_task):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    window = make_window({"faulty": faulty_task})
    window.choose_folder = lambda title, start: str(inbox)
    watch_key(qtbot, window)
    watch = _watch_of(window)
    (inbox / "bad-1.txt").write_text("x")
    qtbot.waitUntil(lambda: watch.counts.failed_today == 1, timeout=60_000)
    [job] = window.queue.jobs
    assert job.state is JobState.DONE and job.watch is watch
    assert "1 failed" in window.queue_model.watch_cell(watch, 2)


# The offscreen platform has no tray: the icon and raise() say so.
@pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise", "propagateSizeHints")
def test_closing_the_window_with_a_watch_keeps_it_running_in_the_tray(qtbot, tmp_path, make_window):
    from PySide6.QtWidgets import QSystemTrayIcon

    from app.resources import app_icon

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    window = _zip_window(make_window, tmp_path, inbox)
    window.notifier.tray = QSystemTrayIcon(app_icon(), window)  # a desktop with a tray (Xvfb has none)
    watch_key(qtbot, window)
    watch = _watch_of(window)
    window.close()
    assert not window.isVisible() and watch.running and not window._shut
    (inbox / "a.txt").write_text("arrives while the window is in the tray")
    qtbot.waitUntil(lambda: watch.counts.done_today == 1, timeout=60_000)
    window.watch_control.show_window()
    assert window.isVisible()
    window.quit()  # File ▸ Quit (or the tray icon's Quit) ends it for good
    assert window._shut and not watch.running


def test_without_a_tray_closing_the_window_stops_the_watch(qtbot, tmp_path, make_window):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    window = _zip_window(make_window, tmp_path, inbox)
    window.notifier.tray = None
    watch_key(qtbot, window)
    watch = _watch_of(window)
    window.close()
    assert window._shut and not watch.running


def test_a_watch_with_a_password_does_not_start_again_without_it(qtbot, tmp_path, make_window):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    window = _zip_window(make_window, tmp_path, inbox)
    window.task_panel.form.set_values({"password": "correct horse"})
    watch_key(qtbot, window)
    assert _watch_of(window).running
    window.shutdown()
    assert "correct horse" not in (tmp_path / "queue" / "watches.json").read_text()

    (inbox / "a.txt").write_text("must not be zipped in the clear")
    again = _zip_window(make_window, tmp_path, inbox)
    assert again.watches.watches == []
    assert "it used a password (password), which is never saved" in again.log_dock.batch_view.toPlainText()
    assert not (tmp_path / "inbox-zipped" / "a.txt.zip").exists()
