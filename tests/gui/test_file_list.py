"""What a user does with rows after a batch: the context menu, retry one file, remove, copy an error."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.file_filter import StatusFilter
from app.file_row import Status
from tests.gui.conftest import click, press, wait_scanned


def _finished_window(qtbot, tmp_path: Path, make_window):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("ok-1.txt", "ok-2.txt", "bad-3.txt", "boom-4.txt"):
        (src / name).write_text(name)
    window = make_window()
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 4)
    with qtbot.waitSignal(window.bridge.finished, timeout=60_000):
        click(qtbot, window, window.commands.start)
    return window, {r.name: r for r in window.model.rows()}


def _menu(window, clicked, rows):
    menu = window.file_list.context_menu(clicked, rows)
    return {a.text(): a for a in menu.actions() if a.text()}


def test_context_menu_copies_errors_and_opens_folders(qtbot, tmp_path, make_window):
    window, rows = _finished_window(qtbot, tmp_path, make_window)
    bad, boom, ok = rows["bad-3.txt"], rows["boom-4.txt"], rows["ok-1.txt"]

    actions = _menu(window, bad, [bad, boom])
    assert not actions["Open output"].isEnabled()  # a failed file has none
    actions["Copy error"].trigger()
    copied = QApplication.clipboard().text()
    assert f"{bad.source}: this file is not what it claims to be" in copied
    assert f"{boom.source}: ValueError: boom in the task" in copied and "Traceback" in copied

    actions["Open source folder"].trigger()
    assert window.opened[-1].toLocalFile() == str(tmp_path / "src")
    actions = _menu(window, ok, [ok])
    assert not actions["Copy error"].isEnabled() and not actions["Retry"].isEnabled()
    actions["Open output"].trigger()
    assert window.opened[-1].toLocalFile() == ok.output


def test_retry_from_the_menu_runs_just_that_file(qtbot, tmp_path, make_window):
    window, rows = _finished_window(qtbot, tmp_path, make_window)
    planned: list[str] = []
    window.bridge.planned.connect(lambda plan, _prepared: planned.extend(Path(w.source).name for w in plan.items))
    with qtbot.waitSignal(window.bridge.finished, timeout=60_000):
        _menu(window, rows["boom-4.txt"], [rows["boom-4.txt"]])["Retry"].trigger()
    assert planned == ["boom-4.txt"]
    assert rows["bad-3.txt"].status is Status.FAILED  # untouched, still waiting for its own retry
    assert rows["boom-4.txt"].status is Status.FAILED  # ran again, failed again (same file)
    assert window.banner.title.text().startswith("Batch finished: 0 done, 1 failed")


def test_remove_and_clear_finished(qtbot, tmp_path, make_window):
    window, rows = _finished_window(qtbot, tmp_path, make_window)
    _menu(window, rows["bad-3.txt"], [rows["bad-3.txt"]])["Remove from list"].trigger()
    assert sorted(r.name for r in window.model.rows()) == ["boom-4.txt", "ok-1.txt", "ok-2.txt"]
    click(qtbot, window, window.commands.clear_finished)
    assert [r.name for r in window.model.rows()] == ["boom-4.txt"]
    assert not window.commands.clear_finished.isEnabled()
    _menu(window, rows["boom-4.txt"], [rows["boom-4.txt"]])["Remove from list"].trigger()
    assert window.stack.currentWidget() is window.drop_area  # empty again: back to the drop area
    assert window.inputs == []


def test_show_failed_filters_the_list_and_retry_shortcut(qtbot, tmp_path, make_window):
    window, _ = _finished_window(qtbot, tmp_path, make_window)
    qtbot.mouseClick(window.banner.show_button, Qt.MouseButton.LeftButton)
    assert window.file_list.proxy.status_filter is StatusFilter.FAILED
    assert window.file_list.proxy.rowCount() == 2
    with qtbot.waitSignal(window.bridge.finished, timeout=60_000):
        press(qtbot, window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.file_list.proxy.rowCount() == 2  # both failed again, both still shown
