"""F1: the help lists every shortcut the window has, with the text of its action, in menu order."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from app.dialogs import help_text, plain_text, shortcut_text, window_actions
from tests.gui.conftest import press


def _shortcut_actions(window) -> list[QAction]:
    return [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty() and a.isVisible()]


def test_help_lists_every_shortcut_of_the_window(qtbot, make_window):
    window = make_window()
    page = help_text(window_actions(window))
    actions = _shortcut_actions(window)
    assert {"Ctrl+L", "Del", "F1", "Esc"} <= {shortcut_text(a).split(", ")[0] for a in actions}
    for action in actions:
        what = plain_text(action)
        assert "&" not in what.replace("&&", "")  # no accelerator marks
        row = f"<tr><td><b>{html.escape(shortcut_text(action))}</b></td><td>{html.escape(what)}</td></tr>"
        assert row in page, row


def test_help_follows_the_menus_file_batch_view_help(qtbot, make_window):
    window = make_window()
    a = window.commands
    order = window_actions(window)
    log_toggle = window.log_dock.toggleViewAction()
    delete = window.file_list.remove_action
    assert order.index(a.add_files) < order.index(a.start) < order.index(log_toggle) < order.index(delete) \
        < order.index(a.help)
    assert len(order) == len(set(order))


def test_actions_added_later_are_listed_without_changing_the_help(qtbot, make_window):
    window = make_window()
    later = QAction("Move the job &up", window)
    later.setShortcut(QKeySequence("Ctrl+Shift+Up"))
    window.addAction(later)
    assert "<td><b>Ctrl+Shift+Up</b></td><td>Move the job up</td>" in help_text(window_actions(window))


def test_f1_shows_the_shortcuts_and_the_per_task_output_folders(qtbot, make_window, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    window = make_window()
    press(qtbot, window, Qt.Key.Key_F1)
    assert len(shown) == 1
    assert "<td><b>Ctrl+L</b></td><td>Log panel</td>" in shown[0]
    assert "<td><b>Ctrl+Shift+O</b></td><td>Add folder…</td>" in shown[0]
    assert "-batchpilot" not in shown[0]
    assert "<i>folder</i>-parsed, <i>folder</i>-zipped or <i>folder</i>-encoded" in shown[0]
