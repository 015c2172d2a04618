"""The file list: one table model whose rows are the source files the user added.

Events from the engine arrive in batches and are applied in bulk: each batch ends in one
``dataChanged`` per contiguous run of touched rows, and rows are inserted in blocks, so the
cost of a batch grows with the batch, never with the number of rows.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from time import monotonic
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon

from app import text
from app.file_row import FINISHED, STATUS_ORDER, FileRow, Status
from workers.events import (
    ItemCancelled,
    ItemFailed,
    ItemFinished,
    ItemProgress,
    ItemSkipped,
    ItemStarted,
    LogMessage,
)
from workers.plan import Plan, ScanProblem, SourceFile

# What a person watches while a batch runs comes first, so it stays in sight in a narrow window.
NAME, STATUS, PROGRESS, FOLDER, SIZE, ELAPSED, RESULT = range(7)
COLUMN_TITLES = ("Name", "Status", "Progress", "Folder", "Size", "Elapsed", "Output or reason")
_MIDDLE = Qt.TextElideMode.ElideMiddle
_END = Qt.TextElideMode.ElideRight
# How a cell too narrow for its text is cut: a path keeps both ends (where, and which file); a
# sentence keeps its start. The output column holds either, so it is decided per cell.
COLUMN_ELIDE: tuple[Qt.TextElideMode | None, ...] = (_MIDDLE, None, None, _MIDDLE, None, None, None)


def column_titles() -> tuple[str, ...]:
    """The column headers in the user's language (COLUMN_TITLES are the English ones)."""
    translate = QCoreApplication.translate
    return (translate("JobModel", "Name"), translate("JobModel", "Status"), translate("JobModel", "Progress"),
            translate("JobModel", "Folder"), translate("JobModel", "Size"), translate("JobModel", "Elapsed"),
            translate("JobModel", "Output or reason"))


def status_texts() -> dict[Status, str]:
    """A file's status as the list and the log say it."""
    translate = QCoreApplication.translate
    return {
        Status.WAITING: translate("Status", "Waiting"),
        Status.RUNNING: translate("Status", "Running"),
        Status.DONE: translate("Status", "Done"),
        Status.FAILED: translate("Status", "Failed"),
        Status.SKIPPED: translate("Status", "Skipped"),
        Status.CANCELLED: translate("Status", "Cancelled"),
    }

PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1  # float 0..1 when a bar is drawn (running), else None
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # the Status value, for filtering
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
ROW_ROLE = Qt.ItemDataRole.UserRole + 4  # the FileRow itself
ELIDE_ROLE = Qt.ItemDataRole.UserRole + 5  # Qt.TextElideMode for a cell whose text may be cut, else None

FAILED_COLOR = QColor("#d9443d")
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ANSWERED = frozenset((_DISPLAY, _DECORATION, _ALIGNMENT, _FOREGROUND, _TOOLTIP, int(PROGRESS_ROLE),
                       int(STATUS_ROLE), int(SORT_ROLE), int(ROW_ROLE), int(ELIDE_ROLE)))
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# Past this many separate runs of touched rows, one covering range is cheaper for the views
# than a signal per run (scattered updates come from largest-first scheduling).
MAX_RANGES = 32
_STATUS_OF = {ItemStarted: Status.RUNNING, ItemFinished: Status.DONE, ItemFailed: Status.FAILED,
              ItemSkipped: Status.SKIPPED, ItemCancelled: Status.CANCELLED}


def _ranges(indices: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted indices as inclusive (first, last) runs."""
    out: list[tuple[int, int]] = []
    for i in sorted(indices):
        if out and i == out[-1][1] + 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


class JobModel(QAbstractTableModel):
    """Rows of :class:`FileRow`; applies engine events in bulk (see module docstring)."""

    def __init__(self, icons: Mapping[Status, QIcon] | None = None,
                 clock: Callable[[], float] = monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FileRow] = []
        self._by_path: dict[str, FileRow] = {}
        self._job_rows: dict[int, tuple[FileRow, ...]] = {}
        self._running: set[FileRow] = set()
        self._counts: Counter[Status] = Counter()
        self._icons = dict(icons or {})
        self._clock = clock
        # Translated once: data() runs for every visible cell at each repaint.
        self._titles = column_titles()
        self._status_text = status_texts()
        self._cancelled_text = self.tr("Cancelled before it finished")

    # -- Qt model interface -----------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_TITLES)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMN_TITLES)
        if horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if horizontal and role == _ALIGNMENT and section in (SIZE, ELAPSED):  # over their numbers
            return _RIGHT
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell at each repaint: roles the model does
        # not answer (font, background, check state...) leave at the first test.
        if role not in _ANSWERED or not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == _DISPLAY:
            return self._display(row, col)
        if role == PROGRESS_ROLE:  # a bar only while running: done rows say so in text, cheaply
            return row.progress if col == PROGRESS and row.status is Status.RUNNING else None
        if role == _DECORATION:
            return self._icons.get(row.status) if col == STATUS else None
        if role == _ALIGNMENT:
            return _RIGHT if col in (SIZE, ELAPSED) else None
        if role == _FOREGROUND:
            return FAILED_COLOR if col == RESULT and row.status is Status.FAILED else None
        if role == SORT_ROLE:
            return self._sort_key(row, col)
        if role == STATUS_ROLE:
            return row.status.value
        if role == ROW_ROLE:
            return row
        if role == ELIDE_ROLE:
            if col == RESULT:
                return _MIDDLE if row.status is Status.DONE and row.output else _END
            return COLUMN_ELIDE[col]
        return self._tooltip(row, col)

    def _display(self, row: FileRow, col: int) -> str:
        if col == NAME:
            return row.name
        if col == FOLDER:
            return row.shown_folder
        if col == SIZE:
            return text.size(row.size)
        if col == STATUS:
            return self._status_text[row.status]
        if col == PROGRESS:
            return f"{row.progress:.0%}" if row.status in (Status.RUNNING, Status.DONE) else ""
        if col == ELAPSED:
            seconds = self._elapsed(row)
            return "" if seconds is None else text.duration(seconds)
        if col == RESULT:
            return self._result(row)
        return ""

    def _elapsed(self, row: FileRow) -> float | None:
        if row.status is Status.RUNNING:
            return max(0.0, self._clock() - row.started)
        return row.elapsed

    def _result(self, row: FileRow) -> str:
        status = row.status
        if status is Status.DONE:
            return os.path.basename(row.output) if row.output else row.message
        if status in (Status.FAILED, Status.SKIPPED):
            return row.reason
        if status is Status.RUNNING:
            return row.message
        if status is Status.CANCELLED:
            return self._cancelled_text
        return ""

    def _tooltip(self, row: FileRow, col: int) -> str | None:
        if col in (NAME, FOLDER):
            return row.source
        if col == RESULT:  # the whole text, however narrow the column; a done file's whole path
            if row.status is Status.DONE and row.output:
                return row.output
            return self._result(row) or None
        if col == STATUS and row.reason:
            return f"{self._status_text[row.status]}: {row.reason}"
        return None

    def _sort_key(self, row: FileRow, col: int) -> Any:
        if col == NAME:
            return row.name.lower()
        if col == FOLDER:
            return row.folder.lower()
        if col == SIZE:
            return row.size
        if col == STATUS:
            return STATUS_ORDER[row.status]
        if col == PROGRESS:
            return row.progress
        if col == ELAPSED:
            return self._elapsed(row) or 0.0
        return self._result(row).lower()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows in place (a Python key sort: fast even for 100,000 rows)."""
        if not 0 <= column < len(COLUMN_TITLES):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        anchors = [(self._rows[i.row()], i.column()) for i in persistent]
        descending = order == Qt.SortOrder.DescendingOrder
        self._rows.sort(key=lambda r: self._sort_key(r, column), reverse=descending)
        self._renumber(0)
        self.changePersistentIndexList(persistent, [self.index(r.index, c) for r, c in anchors])
        self.layoutChanged.emit()

    # -- reading ------------------------------------------------------------------------
    def row(self, position: int) -> FileRow:
        return self._rows[position]

    def rows(self) -> Sequence[FileRow]:
        return self._rows

    def count(self, *statuses: Status) -> int:
        """How many rows are in any of ``statuses`` (all rows when none are given)."""
        if not statuses:
            return len(self._rows)
        return sum(self._counts[s] for s in statuses)

    def rows_with(self, *statuses: Status) -> list[FileRow]:
        return [r for r in self._rows if r.status in statuses]

    def job_rows(self, item_id: int) -> tuple[FileRow, ...]:
        """The rows an item of the current job covers (usually one)."""
        return self._job_rows.get(item_id, ())

    def has_source(self, path: str) -> bool:
        return path in self._by_path

    # -- adding and removing rows -------------------------------------------------------
    def add_entries(self, entries: Iterable[SourceFile | ScanProblem]) -> int:
        """Append scanned files (and problems, as skipped rows) in one block; returns rows added."""
        fresh: list[FileRow] = []
        seen = self._by_path
        for entry in entries:
            if entry.path in seen:
                continue
            if isinstance(entry, ScanProblem):
                row = FileRow(entry.path, os.path.dirname(entry.path), entry.rel, 0,
                              status=Status.SKIPPED, reason=entry.reason)
            else:
                row = FileRow(entry.path, entry.root, entry.rel, entry.size)
            seen[entry.path] = row
            fresh.append(row)
        if not fresh:
            return 0
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        for i, row in enumerate(fresh, first):
            row.index = i
            self._counts[row.status] += 1
        self._rows.extend(fresh)
        self.endInsertRows()
        return len(fresh)

    def remove(self, rows: Iterable[FileRow]) -> int:
        """Remove ``rows`` (running rows stay: their worker still reports on them)."""
        doomed = {r.index for r in rows if r.index >= 0 and r.status is not Status.RUNNING}
        if not doomed:
            return 0
        for first, last in reversed(_ranges(doomed)):
            self.beginRemoveRows(QModelIndex(), first, last)
            for row in self._rows[first:last + 1]:
                row.index = -1
                self._counts[row.status] -= 1
                self._by_path.pop(row.source, None)
            del self._rows[first:last + 1]
            self.endRemoveRows()
        self._renumber(min(doomed))
        return len(doomed)

    def clear_finished(self) -> int:
        """Remove done and skipped rows."""
        return self.remove(self.rows_with(*FINISHED))

    def _renumber(self, start: int) -> None:
        rows = self._rows
        for i in range(start, len(rows)):
            rows[i].index = i

    # -- jobs -----------------------------------------------------------------------------
    def reset(self, rows: Iterable[FileRow]) -> list[tuple[FileRow, tuple[Any, ...]]]:
        """Put rows back to waiting (before they run again); returns what they were, for
        :meth:`restore` should the job not start after all."""
        touched = []
        saved = []
        for row in rows:
            if row.index < 0 or row.status is Status.RUNNING:
                continue
            saved.append((row, (row.status, row.progress, row.elapsed, row.output, row.reason, row.detail,
                                row.message)))
            self._clear(row)
            touched.append(row.index)
        self._changed(touched)
        return saved

    def restore(self, saved: Iterable[tuple[FileRow, tuple[Any, ...]]]) -> None:
        """Give rows :meth:`reset` back their state: the job that was to run them never started."""
        touched = []
        for row, (status, progress, elapsed, output, reason, detail, message) in saved:
            if row.index < 0 or row.status is not Status.WAITING:
                continue
            self._set_status(row, status)
            row.progress, row.elapsed = progress, elapsed
            row.output, row.reason, row.detail, row.message = output, reason, detail, message
            touched.append(row.index)
        self._changed(touched)

    def _clear(self, row: FileRow) -> None:
        self._set_status(row, Status.WAITING)
        row.progress = 0.0
        row.elapsed = None
        row.output = row.reason = row.detail = row.message = ""

    def map_items(self, plan: Plan) -> dict[int, tuple[FileRow, ...]]:
        """Which rows each item of ``plan`` covers (a grouped item covers several).

        Only reads the path index, so the bridge thread can call it while the window runs.
        """
        get = self._by_path.get
        mapping: dict[int, tuple[FileRow, ...]] = {}
        for item in plan.all_items:
            if item.inputs:
                rows = tuple(r for r in (get(p) for p, _ in item.inputs) if r is not None)
            else:
                row = get(item.source)
                rows = (row,) if row is not None else ()
            if rows:
                mapping[item.id] = rows
        return mapping

    def begin_job(self, mapping: dict[int, tuple[FileRow, ...]]) -> None:
        """Start listening for the items in ``mapping`` (see :meth:`map_items`).

        Rows were reset before the job was sent, so nothing here grows with the batch.
        """
        self._job_rows = mapping

    def end_job(self) -> None:
        """Forget the job's ids; rows still marked running (a lost event) end cancelled."""
        self._changed([r.index for r in self._running if r.index >= 0])
        for row in list(self._running):
            self._set_status(row, Status.CANCELLED)
        self._job_rows = {}

    def _set_status(self, row: FileRow, status: Status) -> None:
        old = row.status
        if old is status:
            return
        if row.index >= 0:
            self._counts[old] -= 1
            self._counts[status] += 1
        if old is Status.RUNNING:
            self._running.discard(row)
        if status is Status.RUNNING:
            self._running.add(row)
        row.status = status

    def apply_events(self, events: Iterable[Any]) -> None:
        """Fold a batch of engine events into the rows; one dataChanged per run of touched rows.

        This is the window's hottest loop (up to ~80,000 events a second): progress, the most
        common event, is handled first, status changes are counted inline, and an item's rows
        are marked once however many of its events follow each other.
        """
        now = self._clock()
        get_rows = self._job_rows.get
        status_of = _STATUS_OF
        touched: set[int] = set()
        mark = touched.add
        counts = self._counts
        running = self._running
        last_rows: tuple[FileRow, ...] = ()
        for ev in events:
            try:
                rows = get_rows(ev.item_id)
            except AttributeError:  # BatchFinished is about the job, not an item
                continue
            if rows is None:
                continue
            if rows is not last_rows:
                last_rows = rows
                for row in rows:
                    mark(row.index)
            kind = type(ev)
            if kind is ItemProgress:
                fraction, message = ev.fraction, ev.message
                for row in rows:
                    row.progress = fraction
                    if message and message != row.message:
                        row.message = message
                        row.add_log(message)
                continue
            status = status_of.get(kind)
            if status is None:
                if kind is LogMessage:
                    for row in rows:
                        row.add_log(f"{ev.level}: {ev.text}")
                continue  # WorkerLost: the blamed item gets its own ItemFailed
            for row in rows:
                old = row.status
                if old is not status:
                    if row.index >= 0:
                        counts[old] -= 1
                        counts[status] += 1
                    if old is Status.RUNNING:
                        running.discard(row)
                    row.status = status
                if status is Status.RUNNING:
                    running.add(row)
                    row.started = now
                    row.progress = 0.0
                elif status is Status.DONE:
                    row.progress = 1.0
                    row.elapsed = ev.elapsed
                    row.output = ev.output or ""
                    row.message = ev.message
                elif status is Status.FAILED:
                    row.elapsed = ev.elapsed or (now - row.started if row.started else None)
                    row.reason = ev.reason
                    row.detail = ev.detail
                elif status is Status.SKIPPED:
                    row.reason = ev.reason
                else:
                    row.progress = 0.0
        touched.discard(-1)  # rows removed while the job ran
        self._changed(touched)

    def tick(self) -> None:
        """Refresh the elapsed time of running rows (a handful: one per worker)."""
        self._changed((r.index for r in self._running if r.index >= 0), ELAPSED, ELAPSED)

    def _changed(self, indices: Iterable[int], first_col: int = 0, last_col: int = RESULT) -> None:
        runs = _ranges(indices)
        if not runs:
            return
        if len(runs) > MAX_RANGES:
            runs = [(runs[0][0], runs[-1][1])]
        for first, last in runs:
            self.dataChanged.emit(self.index(first, first_col), self.index(last, last_col))
