"""The file list model: Qt's model rules, bulk updates, filtering and sorting."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.file_filter import FileFilterProxy, StatusFilter
from app.file_row import Status
from app.job_model import (
    COLUMN_TITLES,
    ELAPSED,
    ELIDE_ROLE,
    FOLDER,
    NAME,
    PROGRESS,
    RESULT,
    SIZE,
    STATUS,
    JobModel,
)
from workers.events import (
    ItemCancelled,
    ItemFailed,
    ItemFinished,
    ItemProgress,
    ItemSkipped,
    ItemStarted,
    LogMessage,
)
from workers.plan import ScanProblem, SourceFile, make_plan
from workers.task import build_options


def _sources(root: Path, n: int) -> list[SourceFile]:
    return [SourceFile(str(root / f"f{i:03}.txt"), str(root), f"f{i:03}.txt", 100 + i) for i in range(n)]


@pytest.fixture
def job(tmp_path, faulty_task):
    """A model of 20 rows and the plan of a job over all of them (item i is row i)."""
    model = JobModel()
    sources = _sources(tmp_path, 20)
    model.add_entries(sources)
    plan = make_plan(faulty_task, build_options(faulty_task), [str(tmp_path)], tmp_path / "out", sources=sources)
    model.begin_job(model.map_items(plan))
    ids = {Path(w.source).name: w.id for w in plan.all_items}
    return model, plan, ids


def test_model_follows_qt_model_rules_through_a_job(qtmodeltester, job, tmp_path):
    model, plan, _ids = job
    qtmodeltester.check(model)
    item = plan.items[0].id
    model.apply_events([ItemStarted(item, 0), ItemProgress(item, 0.5, "half way"),
                        ItemFinished(item, str(tmp_path / "out" / "f000.txt.out"), "copied", {}, 0.2),
                        ItemFailed(plan.items[1].id, "unreadable", "Traceback ...", 0.1)])
    model.add_entries([ScanProblem(str(tmp_path / "locked"), "locked", "cannot be read (Permission denied)")])
    model.sort(SIZE)
    model.remove(model.rows_with(Status.FAILED))
    qtmodeltester.check(model)
    qtmodeltester.check(FileFilterProxy(model))


def test_rows_show_what_happened(job, tmp_path):
    model, _plan, ids = job
    a, b, c = ids["f000.txt"], ids["f001.txt"], ids["f002.txt"]
    model.apply_events([ItemStarted(a, 0), ItemProgress(a, 0.25, "reading"),
                        ItemStarted(b, 1), ItemFailed(b, "not a PDF: the header is missing", "", 0.4),
                        ItemSkipped(c, "empty file"), LogMessage(a, "warning", "odd encoding")])

    def cell(row: int, col: int):
        return model.index(row, col).data()

    assert (cell(0, STATUS), cell(0, PROGRESS), cell(0, RESULT)) == ("Running", "25%", "reading")
    assert (cell(1, STATUS), cell(1, RESULT)) == ("Failed", "not a PDF: the header is missing")
    assert (cell(2, STATUS), cell(2, RESULT)) == ("Skipped", "empty file")
    assert model.row(0).log == ["reading", "warning: odd encoding"]

    model.apply_events([ItemFinished(a, str(tmp_path / "out" / "f000.txt.out"), "copied", {}, 1.5)])
    assert (cell(0, STATUS), cell(0, PROGRESS), cell(0, RESULT)) == ("Done", "100%", "f000.txt.out")
    assert model.count(Status.DONE) == 1 and model.count(Status.FAILED) == 1 and model.count(Status.WAITING) == 17


def test_a_batch_of_events_is_one_signal_per_run_of_rows(qtbot, job):
    model, _plan, ids = job
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), last.row())))
    events = []
    for name in ("f003.txt", "f004.txt", "f005.txt", "f010.txt", "f011.txt"):
        events += [ItemStarted(ids[name], 0), ItemProgress(ids[name], 0.5)]
    model.apply_events(events)
    assert changed == [(3, 5), (10, 11)]


def test_rows_are_inserted_in_one_block_without_duplicates(qtbot, tmp_path):
    model = JobModel()
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    sources = _sources(tmp_path, 1000)
    assert model.add_entries(sources) == 1000
    assert model.add_entries(sources[:10] + _sources(tmp_path / "more", 5)) == 5
    assert inserted == [(0, 999), (1000, 1004)]


def test_filter_shows_only_the_chosen_kind(job):
    model, _plan, ids = job
    model.apply_events([ItemFailed(ids["f007.txt"], "broken"), ItemSkipped(ids["f008.txt"], "empty"),
                        ItemStarted(ids["f009.txt"], 0)])
    proxy = FileFilterProxy(model)

    def names() -> list[str]:
        return [proxy.index(i, NAME).data() for i in range(proxy.rowCount())]

    proxy.set_status_filter(StatusFilter.FAILED)
    assert names() == ["f007.txt"]
    proxy.set_status_filter(StatusFilter.RUNNING)
    assert names() == ["f009.txt"]
    model.apply_events([ItemFinished(ids["f009.txt"])])  # leaves the running filter as it ends
    assert names() == []
    proxy.set_status_filter(StatusFilter.WAITING)
    assert len(names()) == 17
    proxy.set_status_filter(StatusFilter.ALL)
    assert len(names()) == 20


def test_sorting_through_the_proxy_orders_the_rows(job):
    model, _plan, ids = job
    proxy = FileFilterProxy(model)
    proxy.sort(SIZE, Qt.SortOrder.DescendingOrder)
    sizes = [model.row(i).size for i in range(model.rowCount())]
    assert sizes == sorted(sizes, reverse=True)
    model.apply_events([ItemStarted(ids["f000.txt"], 0)])  # events still reach the moved row
    assert model.row(19).status is Status.RUNNING and model.row(19).name == "f000.txt"


def test_clear_finished_keeps_failed_and_waiting_rows(job):
    model, _plan, ids = job
    model.apply_events([ItemFinished(ids["f000.txt"]), ItemSkipped(ids["f001.txt"], "empty"),
                        ItemFailed(ids["f002.txt"], "broken")])
    assert model.clear_finished() == 2
    assert model.count() == 18
    assert model.row(0).name == "f002.txt" and model.row(0).index == 0
    model.apply_events([ItemStarted(ids["f003.txt"], 0)])
    assert model.row(1).status is Status.RUNNING


def test_columns_put_what_runs_beside_the_name(job):
    model, _plan, _ids = job
    horizontal = Qt.Orientation.Horizontal
    titles = [model.headerData(c, horizontal) for c in range(model.columnCount())]
    assert titles == ["Name", "Status", "Progress", "Folder", "Size", "Elapsed", "Output or reason"]
    assert titles == list(COLUMN_TITLES)
    assert tuple(range(7)) == (NAME, STATUS, PROGRESS, FOLDER, SIZE, ELAPSED, RESULT)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    alignment = Qt.ItemDataRole.TextAlignmentRole
    for column in (SIZE, ELAPSED):  # numbers and their titles line up on the right
        assert model.headerData(column, horizontal, alignment) == right
        assert model.index(0, column).data(alignment) == right
    assert model.headerData(NAME, horizontal, alignment) is None


def test_long_texts_say_where_to_cut_and_tooltips_hold_them_whole(job, tmp_path):
    model, _plan, ids = job
    output = str(tmp_path / "out" / "f000.txt.out")
    model.apply_events([ItemFinished(ids["f000.txt"], output, "copied", {}, 0.2),
                        ItemFailed(ids["f001.txt"], "not a PDF: the header is missing", "", 0.1),
                        ItemStarted(ids["f002.txt"], 0), ItemProgress(ids["f002.txt"], 0.3, "page 3 of 10"),
                        ItemStarted(ids["f003.txt"], 1), ItemCancelled(ids["f003.txt"])])
    done, failed, running, cancelled = (model.row(i) for i in range(4))

    def cell(row, column, role):
        return model.index(row.index, column).data(role)

    tooltip, elide = Qt.ItemDataRole.ToolTipRole, ELIDE_ROLE
    middle, end = Qt.TextElideMode.ElideMiddle, Qt.TextElideMode.ElideRight
    assert cell(done, NAME, elide) == cell(done, FOLDER, elide) == middle
    assert cell(done, RESULT, elide) == middle and cell(failed, RESULT, elide) == end
    assert cell(done, STATUS, elide) is None
    assert cell(done, RESULT, tooltip) == output
    assert cell(failed, RESULT, tooltip) == "not a PDF: the header is missing"
    assert cell(running, RESULT, tooltip) == "page 3 of 10"
    assert cell(cancelled, RESULT, tooltip) == cell(cancelled, RESULT, Qt.ItemDataRole.DisplayRole) \
        == "Cancelled before it finished"
    assert cell(model.row(5), RESULT, tooltip) is None  # waiting: nothing to say
