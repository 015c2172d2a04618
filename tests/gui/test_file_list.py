"""What a user does with rows: the context menu, retry one file, remove, copy an error; the table's
columns at the sizes people use, its keys, and switching it to another job's rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QVBoxLayout, QWidget

from app import text
from app.file_filter import StatusFilter
from app.file_list import FileList, shown_file
from app.file_row import FileRow, Status
from app.job_model import ELAPSED, FOLDER, NAME, PROGRESS, RESULT, SIZE, STATUS, JobModel, status_texts
from tests.gui.conftest import click, press, wait_scanned
from workers.events import ItemFailed, ItemFinished, ItemProgress, ItemStarted
from workers.plan import SourceFile


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


# -- the table on its own -----------------------------------------------------------------

LONG = "quarterly-report-of-the-northern-region-2024-final-version.pdf"


def _model(tmp_path: Path, n: int = 30) -> JobModel:
    model = JobModel()
    root = tmp_path / "Documents"
    model.add_entries([SourceFile(str(root / "reports" / "archive" / f"{i:02}-{LONG}"), str(root),
                                  f"reports/archive/{i:02}-{LONG}", 1_234_567 * (i + 1)) for i in range(n)])
    model.begin_job({i: (row,) for i, row in enumerate(model.rows())})
    return model


def _shown(qtbot, model: JobModel, width: int, height: int) -> tuple[QWidget, FileList]:
    parent = QWidget()
    file_list = FileList(model)
    QVBoxLayout(parent).addWidget(file_list)
    qtbot.addWidget(parent)
    parent.resize(width, height)
    parent.show()
    qtbot.waitExposed(parent)
    return parent, file_list


def _in_sight(file_list: FileList, column: int) -> bool:
    header = file_list.view.horizontalHeader()
    left = header.sectionViewportPosition(column)
    return left >= 0 and left + header.sectionSize(column) <= file_list.view.viewport().width()


def _text_fits(file_list: FileList, column: int, text: str) -> bool:
    # The style pads a cell's text by the focus frame margin + 1 on each side.
    view = file_list.view
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return view.fontMetrics().horizontalAdvance(text) + 2 * margin <= view.horizontalHeader().sectionSize(column)


@pytest.mark.parametrize("size", [(800, 600), (1180, 760)])
def test_status_and_progress_stay_in_sight_while_files_run(qtbot, tmp_path, size):
    model = _model(tmp_path)
    _parent, file_list = _shown(qtbot, model, *size)
    model.apply_events([ItemStarted(0, 0), ItemProgress(0, 0.4, "page 3 of 8"), ItemStarted(1, 1),
                        ItemFailed(2, "not a readable PDF (PDFium: Data format error); the file is damaged, "
                                      "truncated or not a PDF", "", 65.0)])
    header = file_list.view.horizontalHeader()
    assert [header.logicalIndex(i) for i in range(4)] == [NAME, STATUS, PROGRESS, FOLDER]
    assert _in_sight(file_list, STATUS) and _in_sight(file_list, PROGRESS)
    for seconds in (59 * 60 + 59, 12 * 3600 + 5 * 60):  # "59 min 59 s", "12 h 05 min"
        assert _text_fits(file_list, ELAPSED, text.duration(seconds))
    for status in status_texts().values():
        assert _text_fits(file_list, STATUS, status)
    if size[0] >= 1180:  # room for every column: the last one ends at the edge, its title whole
        assert _in_sight(file_list, RESULT)
        assert header.sectionSize(RESULT) >= header.sectionSizeHint(RESULT)
        assert file_list.view.horizontalScrollBar().maximum() == 0


def test_long_names_are_cut_in_the_middle_and_shown_whole_as_tooltips(qtbot, tmp_path):
    model = _model(tmp_path, 3)
    reason = "not a readable PDF (PDFium: Data format error); the file is damaged, truncated or not a PDF"
    model.apply_events([ItemFailed(1, reason, "", 1.0), ItemFinished(2, str(tmp_path / "out" / LONG), "", {}, 1.0)])
    _parent, file_list = _shown(qtbot, model, 800, 600)
    view = file_list.view

    (waiting,), (failed,), (done,) = (model.rows_with(s) for s in (Status.WAITING, Status.FAILED, Status.DONE))

    def cell(row: FileRow, column: int) -> QModelIndex:
        return file_list.proxy.mapFromSource(model.index(row.index, column))

    def painted(row: FileRow, column: int) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        view.itemDelegateForIndex(cell(row, column)).initStyleOption(option, cell(row, column))
        return option

    middle, end = Qt.TextElideMode.ElideMiddle, Qt.TextElideMode.ElideRight
    assert painted(waiting, NAME).textElideMode == middle and painted(waiting, FOLDER).textElideMode == middle
    assert painted(failed, RESULT).textElideMode == end  # a sentence keeps its start
    assert painted(done, RESULT).textElideMode == middle  # an output name keeps its end
    tooltip = Qt.ItemDataRole.ToolTipRole
    assert cell(waiting, NAME).data(tooltip) == cell(waiting, FOLDER).data(tooltip) == waiting.source
    assert cell(failed, RESULT).data(tooltip) == reason
    assert cell(done, RESULT).data(tooltip) == str(tmp_path / "out" / LONG)


def test_a_column_the_user_drags_keeps_its_width_when_the_window_changes(qtbot, tmp_path):
    parent, file_list = _shown(qtbot, _model(tmp_path), 1180, 760)
    header = file_list.view.horizontalHeader()
    folder_before = header.sectionSize(FOLDER)
    edge = QPoint(header.sectionViewportPosition(NAME) + header.sectionSize(NAME) - 2, header.height() // 2)
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=edge)
    qtbot.mouseMove(header.viewport(), edge + QPoint(60, 0))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=edge + QPoint(60, 0))
    dragged = header.sectionSize(NAME)
    assert dragged > 0
    parent.resize(900, 700)
    qtbot.waitUntil(lambda: header.sectionSize(FOLDER) != folder_before)  # the others follow the width
    assert header.sectionSize(NAME) == dragged


def test_delete_removes_the_selected_files_that_are_not_running(qtbot, tmp_path):
    model = _model(tmp_path, 4)
    model.apply_events([ItemStarted(1, 0)])
    parent, file_list = _shown(qtbot, model, 800, 600)
    file_list.view.selectAll()
    file_list.view.setFocus()
    parent.activateWindow()
    qtbot.waitUntil(parent.isActiveWindow)
    with qtbot.waitSignal(file_list.remove) as removed:
        qtbot.keyClick(file_list.view, Qt.Key.Key_Delete)
    running = model.rows_with(Status.RUNNING)
    assert sorted(r.name for r in removed.args[0]) == sorted(r.name for r in model.rows() if r not in running)


def test_show_in_folder_points_at_the_output_of_a_done_file_else_its_source(qtbot, tmp_path):
    model = _model(tmp_path, 2)
    output = str(tmp_path / "out" / "00.json")
    model.apply_events([ItemFinished(0, output, "", {}, 1.0)])
    file_list = FileList(model)
    qtbot.addWidget(file_list)
    done, waiting = model.row(0), model.row(1)
    for row, shown in ((done, output), (waiting, waiting.source)):
        actions = {a.text(): a for a in file_list.context_menu(row, [row]).actions() if a.text()}
        with qtbot.waitSignal(file_list.show_in_folder) as asked:
            actions["Show in folder"].trigger()
        assert asked.args[0] is row and shown_file(row) == shown


def test_set_model_shows_another_jobs_rows_all_of_them_unsorted(qtbot, tmp_path):
    first = _model(tmp_path, 5)
    first.apply_events([ItemFailed(0, "broken", "", 1.0)])
    _parent, file_list = _shown(qtbot, first, 1180, 760)
    file_list.set_filter(StatusFilter.FAILED)
    file_list.view.sortByColumn(SIZE, Qt.SortOrder.DescendingOrder)
    header = file_list.view.horizontalHeader()
    assert header.isSortIndicatorShown()
    widths = [header.sectionSize(c) for c in range(header.count())]

    second = _model(tmp_path / "second", 3)
    second.apply_events([ItemStarted(2, 0)])
    file_list.set_model(second)
    assert file_list.model is second and file_list.proxy.rowCount() == 3
    assert file_list.proxy.status_filter is StatusFilter.ALL and file_list.filter_combo.currentData() == "all"
    assert not header.isSortIndicatorShown()
    assert file_list.count_label.text() == "3 files · 1 running"
    assert [header.sectionSize(c) for c in range(header.count())] == widths
    file_list.view.selectAll()
    assert sorted(r.name for r in file_list.selected_rows()) == sorted(r.name for r in second.rows())


def test_columns_follow_a_bigger_font(qtbot, tmp_path):
    _parent, file_list = _shown(qtbot, _model(tmp_path), 1180, 760)
    font = QFont(file_list.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    file_list.setFont(font)
    qtbot.waitUntil(lambda: _text_fits(file_list, ELAPSED, text.duration(12 * 3600 + 5 * 60)))
    assert _text_fits(file_list, ELAPSED, text.duration(59 * 60 + 59))
    assert _in_sight(file_list, STATUS) and _in_sight(file_list, PROGRESS)
