"""Dropping files and folders on the window, as a file manager's drag would."""

from __future__ import annotations

import threading

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from app.scanner import FolderScanner
from tests.gui.conftest import wait_scanned
from workers.plan import SourceFile


def _mime(*urls: QUrl) -> QMimeData:
    mime = QMimeData()
    mime.setUrls(list(urls))
    return mime


def _drag_and_drop(widget, mime: QMimeData) -> tuple[bool, bool]:
    """Send enter + drop to ``widget``; returns whether each was accepted."""
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dropping_a_folder_and_files_on_the_empty_window_lists_them(qtbot, tmp_path, make_window):
    folder = tmp_path / "photos"
    (folder / "2024").mkdir(parents=True)
    for name in ("a.txt", "b.txt", "2024/c.txt"):
        (folder / name).write_text(name)
    loose = tmp_path / "notes.txt"
    loose.write_text("loose")
    window = make_window()
    assert window.stack.currentWidget() is window.drop_area

    accepted = _drag_and_drop(window.drop_area, _mime(QUrl.fromLocalFile(str(folder)),
                                                       QUrl.fromLocalFile(str(loose))))
    assert accepted == (True, True)
    wait_scanned(qtbot, window, 4)
    assert sorted(r.rel for r in window.model.rows()) == ["2024/c.txt", "a.txt", "b.txt", "notes.txt"]
    assert window.stack.currentWidget() is window.file_list
    assert window.task_panel.output_edit.text() == str(tmp_path / "photos-faulty")
    assert window.commands.start.isEnabled()


def test_dropping_on_the_file_list_adds_more_rows_without_duplicates(qtbot, tmp_path, make_window):
    first = tmp_path / "one.txt"
    second = tmp_path / "two.txt"
    first.write_text("1")
    second.write_text("2")
    window = make_window()
    window.add_paths([str(first)])
    wait_scanned(qtbot, window, 1)

    viewport = window.file_list.view.viewport()
    assert _drag_and_drop(viewport, _mime(QUrl.fromLocalFile(str(first)), QUrl.fromLocalFile(str(second)))) \
        == (True, True)
    wait_scanned(qtbot, window, 2)
    assert sorted(r.name for r in window.model.rows()) == ["one.txt", "two.txt"]


def test_a_web_link_is_refused_politely(qtbot, make_window):
    window = make_window()
    with qtbot.waitSignal(window.drops.refused) as refused:
        accepted = _drag_and_drop(window.drop_area, _mime(QUrl("https://example.org/report.pdf")))
    assert accepted == (False, False)
    assert "Only files and folders on this computer can be added" in refused.args[0]
    assert "report.pdf" in window.statusBar().currentMessage()
    assert window.model.count() == 0


def test_the_window_highlights_while_files_hover_it(qtbot, tmp_path, make_window):
    (tmp_path / "a.txt").write_text("a")
    window = make_window()
    mime = _mime(QUrl.fromLocalFile(str(tmp_path)))  # the event does not own it: keep it alive
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.drop_area, enter)
    assert window.drop_overlay.isVisible()
    QApplication.sendEvent(window.drop_area, QDragLeaveEvent())
    assert not window.drop_overlay.isVisible()


def test_a_scan_shows_rows_as_it_goes_and_can_be_cancelled(qtbot, tmp_path, make_window):
    slow_disk = threading.Event()  # never set: each wait is a slow directory read

    def endless_scan(paths, out_dir=None, cancelled=None):
        """A folder that never ends, read slowly, until the user cancels."""
        i = 0
        while not cancelled():
            slow_disk.wait(0.02)
            i += 1
            yield SourceFile(str(tmp_path / f"f{i}.txt"), str(tmp_path), f"f{i}.txt", 1)

    window = make_window(scanner=FolderScanner(scan=endless_scan))
    window.add_paths([str(tmp_path)])
    qtbot.waitUntil(lambda: window.model.count() >= 3, timeout=10_000)  # rows come before the end
    assert window.scan_label.isVisible() and window.scan_label.text().startswith("Scanning… ")
    with qtbot.waitSignal(window.scanner.done, timeout=10_000) as done:
        qtbot.mouseClick(window.scan_cancel, Qt.MouseButton.LeftButton)
    found, cancelled = done.args
    assert cancelled
    shown = window.model.count()
    assert 3 <= shown <= found  # what was found stays listed
    assert window.statusBar().currentMessage() == f"Scan cancelled; {shown} files in the list."
    assert not window.scan_label.isVisible()
    assert window.commands.start.isEnabled()
