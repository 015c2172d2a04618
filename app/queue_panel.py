"""The queue panel: the new job being gathered, the watch folders, then every queued, running
and finished job.

One row per job with its state, counts, bytes, elapsed time and time left; a watch folder's row
says whether it watches and what it did today. The buttons under the table act on the selected
row and say so through signals (the window decides). Selecting a job shows its own file table,
banner and log.
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import text
from app.file_row import Status
from app.i18n import with_count
from app.job_queue import ENDED, Job, JobQueue, JobState
from app.resources import icon
from app.watch_folders import WatchFolder, WatchList

JOB, STATE, FILES, SIZE, ELAPSED, LEFT = range(6)
JOB_ROLE = Qt.ItemDataRole.UserRole + 1


def state_texts() -> dict[JobState, str]:
    translate = QCoreApplication.translate
    return {
        JobState.DRAFT: translate("QueueModel", "not queued"),
        JobState.WAITING: translate("QueueModel", "waiting"),
        JobState.HELD: translate("QueueModel", "paused"),
        JobState.PLANNING: translate("QueueModel", "preparing"),
        JobState.RUNNING: translate("QueueModel", "running"),
        JobState.PAUSED: translate("QueueModel", "paused"),
        JobState.CANCELLING: translate("QueueModel", "stopping"),
        JobState.DONE: translate("QueueModel", "done"),
        JobState.CANCELLED: translate("QueueModel", "cancelled"),
        JobState.REFUSED: translate("QueueModel", "could not start"),
    }


class QueueModel(QAbstractTableModel):
    """Row 0 is the draft (the next job), then the watch folders, then the queue's jobs in their order."""

    def __init__(self, queue: JobQueue, draft: Callable[[], Job], clock: Callable[[], float] = monotonic,
                 parent: Any = None, watches: WatchList | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.watches = watches
        self._draft = draft
        self._clock = clock
        self._titles = (self.tr("Job"), self.tr("State"), self.tr("Files"), self.tr("Size"), self.tr("Elapsed"),
                        self.tr("Left"))
        self._states = state_texts()
        self._new_job = self.tr("New job")
        queue.added.connect(self.refresh_all)
        queue.removed.connect(self.refresh_all)
        queue.moved.connect(self.refresh_all)
        queue.changed.connect(self.refresh_job)
        if watches is not None:
            watches.added.connect(self.refresh_all)
            watches.removed.connect(self.refresh_all)
            watches.changed.connect(self.refresh_job)

    def _watches(self) -> list[WatchFolder]:
        return self.watches.watches if self.watches is not None else []

    def jobs(self) -> list[Job | WatchFolder]:
        return [self._draft(), *self._watches(), *self.queue.jobs]

    def job_at(self, row: int) -> Job | WatchFolder | None:
        jobs = self.jobs()
        return jobs[row] if 0 <= row < len(jobs) else None

    def row_of(self, job: Job | WatchFolder) -> int:
        if job is self._draft():
            return 0
        watches = self._watches()
        if isinstance(job, WatchFolder):
            return watches.index(job) + 1 if job in watches else -1
        i = self.queue.position(job)
        return i + 1 + len(watches) if i >= 0 else -1

    def refresh_all(self, *_: object) -> None:
        self.beginResetModel()
        self.endResetModel()

    def refresh_job(self, job: Job | WatchFolder) -> None:
        row = self.row_of(job)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, LEFT))

    # -- Qt model interface -----------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.queue.jobs) + len(self._watches()) + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        job = self.job_at(index.row()) if index.isValid() else None
        if job is None:
            return None
        col = index.column()
        if isinstance(job, WatchFolder):
            return self._watch_data(job, col, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(job, col)
        if role == JOB_ROLE:
            return job
        if role == Qt.ItemDataRole.ToolTipRole and col == JOB and job.spec is not None:
            return f"{job.title}\n→ {text.tilde(job.out_dir)}" + (f"\n{job.error}" if job.error else "")
        if role == Qt.ItemDataRole.ToolTipRole and col == STATE and job.error:
            return job.error
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (SIZE, ELAPSED, LEFT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _watch_data(self, watch: WatchFolder, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.watch_cell(watch, col)
        if role == JOB_ROLE:
            return watch
        if role == Qt.ItemDataRole.ToolTipRole and col == JOB:
            return f"{text.tilde(watch.spec.folder)}\n→ {text.tilde(watch.out_dir)}"
        return None

    def watch_cell(self, watch: WatchFolder, col: int) -> str:
        """A watch folder's row: its name, whether it watches, what it did today."""
        if col == JOB:
            return watch.title
        if col == STATE:
            return self.tr("watching") if watch.running else self._states[JobState.HELD]
        if col == FILES:
            c = watch.counts
            done = with_count(self.tr("%1 done today", "", c.done_today), text.count(c.done_today))
            if c.failed_today:
                return done + " · " + with_count(self.tr("%1 failed", "", c.failed_today), text.count(c.failed_today))
            return done
        return ""

    def cell(self, job: Job, col: int) -> str:
        """The text of one cell, as the table shows it."""
        if col == JOB:
            return job.title or self._new_job
        if col == STATE:
            return self._states[job.state]
        if col == FILES:
            return self._files(job)
        if col == SIZE:
            return text.size(job.bytes) if job.spec is not None else ""
        return self._times(job, col)

    def _files(self, job: Job) -> str:
        o, m = job.overall, job.model
        if not job.ran:
            rows = m.count()
            return with_count(self.tr("%1 files", "", rows), text.count(rows))
        shown = with_count(self.tr("%2 of %1", "", o.total_files), text.count(o.total_files))
        parts = [shown.replace("%2", text.count(o.ended))]
        failed = m.count(Status.FAILED)
        if failed:
            parts.append(with_count(self.tr("%1 failed", "", failed), text.count(failed)))
        if o.skipped:
            parts.append(with_count(self.tr("%1 skipped", "", o.skipped), text.count(o.skipped)))
        return " · ".join(parts)

    def _times(self, job: Job, col: int) -> str:
        o = job.overall
        if not job.ran:
            return ""
        if col == ELAPSED:
            end = o.ended_at if o.ended_at is not None else self._clock()
            return text.duration(max(0.0, end - o.started_at))
        if job.state in ENDED or job.state is JobState.PAUSED:
            return ""
        left = o.seconds_left()
        return text.duration(left) if left is not None else ""


def _button(icon_name: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setIcon(icon(icon_name))
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setAutoRaise(True)
    return button


class QueuePanel(QWidget):
    """The job table and the buttons for the selected job."""

    selected = Signal(object)  # Job
    move_up = Signal(object)
    move_down = Signal(object)
    remove = Signal(object)
    pause = Signal(object)
    cancel = Signal(object)
    open_output = Signal(object)
    retry_failed = Signal(object)
    run_again = Signal(object)
    edit = Signal(object)

    def __init__(self, model: QueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        view = self.view = QTableView()
        view.setObjectName("queueTable")
        view.setAccessibleName(self.tr("Queue of jobs"))
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.verticalHeader().hide()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setSectionResizeMode(JOB, QHeaderView.ResizeMode.Stretch)
        metrics = view.fontMetrics()
        for col, sample in ((STATE, "could not start"), (FILES, "20,000 of 20,000 · 999 failed"),
                            (SIZE, "999.9 MB"), (ELAPSED, "59 min 59 s"), (LEFT, "59 min 59 s")):
            header.resizeSection(col, metrics.horizontalAdvance(sample) + 24)
        layout.addWidget(view, 1)

        bar = self._bar = QHBoxLayout()
        self._spacing = layout.spacing()
        bar.setSpacing(0)
        self.up_button = _button("up", self.tr("Move the job up"))
        self.down_button = _button("down", self.tr("Move the job down"))
        self.pause_button = _button("pause", self.tr("Pause or resume the job"))
        self.cancel_button = _button("cancel", self.tr("Cancel the job"))
        self.remove_button = _button("remove", self.tr("Remove the job from the queue"))
        self.output_button = _button("open-folder", self.tr("Open the job's output folder"))
        self.retry_button = _button("retry", self.tr("Retry the job's failed files"))
        self.again_button = _button("start", self.tr("Run the job again (files already done are skipped)"))
        self.edit_button = _button("edit", self.tr("Edit as a new job: its files and settings become the new job"))
        for group in ((self.up_button, self.down_button), (self.pause_button, self.cancel_button, self.remove_button),
                      (self.output_button, self.retry_button, self.again_button, self.edit_button)):
            for b in group:
                bar.addWidget(b)
            bar.addSpacing(12)
        bar.addStretch(1)
        layout.addLayout(bar)

        wiring = ((self.up_button, self.move_up), (self.down_button, self.move_down),
                  (self.pause_button, self.pause), (self.cancel_button, self.cancel),
                  (self.remove_button, self.remove), (self.output_button, self.open_output),
                  (self.retry_button, self.retry_failed), (self.again_button, self.run_again),
                  (self.edit_button, self.edit))
        for button, signal in wiring:
            button.clicked.connect(lambda _=False, s=signal: self._emit(s))
        view.selectionModel().currentRowChanged.connect(self._on_current)
        model.modelReset.connect(self.update_buttons)
        model.dataChanged.connect(self.update_buttons)

    def current(self) -> Job | WatchFolder | None:
        return self.model.job_at(self.view.currentIndex().row())

    def fitting_height(self, most_rows: int = 5) -> int:
        """The height that shows the jobs without scrolling, up to ``most_rows`` of them."""
        view = self.view
        rows = min(self.model.rowCount(), most_rows)
        header = view.horizontalHeader().sizeHint().height()
        table = header + rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth()
        return table + self._spacing + self._bar.sizeHint().height()

    def select(self, job: Job | WatchFolder) -> None:
        row = self.model.row_of(job)
        if row >= 0 and self.view.currentIndex().row() != row:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self.update_buttons()

    def _emit(self, signal: Any) -> None:
        job = self.current()
        if job is not None:
            signal.emit(job)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        job = self.model.job_at(current.row())
        self.update_buttons()
        if job is not None:
            self.selected.emit(job)

    def update_buttons(self, *_: object) -> None:
        job = self.current()
        if isinstance(job, WatchFolder):
            self._watch_buttons(job)
            return
        queue = self.model.queue
        queued = job is not None and job.spec is not None
        pos = queue.position(job) if job is not None else -1
        state = job.state if job is not None else JobState.DRAFT
        ended = state in ENDED
        self.up_button.setEnabled(queued and pos > 0)
        self.down_button.setEnabled(queued and 0 <= pos < len(queue.jobs) - 1)
        self.pause_button.setEnabled(state in (JobState.WAITING, JobState.HELD, JobState.RUNNING, JobState.PAUSED))
        paused = state in (JobState.HELD, JobState.PAUSED)
        self.pause_button.setIcon(icon("start" if paused else "pause"))
        self.pause_button.setToolTip(self.tr("Resume the job") if paused else self.tr("Pause the job"))
        self.cancel_button.setEnabled(queued and not ended and state is not JobState.CANCELLING)
        self.remove_button.setEnabled(queued and (ended or state in (JobState.WAITING, JobState.HELD)))
        self.output_button.setEnabled(queued)
        failed = job is not None and job.model.count(Status.FAILED) > 0
        self.retry_button.setEnabled(ended and failed)
        self.again_button.setEnabled(ended and queued)
        self.edit_button.setEnabled(queued)

    def _watch_buttons(self, watch: WatchFolder) -> None:
        for b in (self.up_button, self.down_button, self.cancel_button, self.retry_button, self.again_button,
                  self.edit_button):
            b.setEnabled(False)
        for b in (self.pause_button, self.remove_button, self.output_button):
            b.setEnabled(True)
        self.pause_button.setIcon(icon("pause" if watch.running else "start"))
        self.pause_button.setToolTip(self.tr("Pause the watch") if watch.running else self.tr("Resume the watch"))
        self.remove_button.setToolTip(self.tr("Stop watching the folder"))
