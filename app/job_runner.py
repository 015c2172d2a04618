"""Runs jobs for the window: the way from Start to the end of a batch, without any widget.

The runner turns the user's requests into bridge calls and the bridge's signals into model
and progress updates, and says what changed through its own signals; the window only shows.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app import text
from app.bridge import EngineBridge, EngineChoice, JobRequest
from app.controls import ACTIVE, RunState
from app.file_row import RUNNABLE, FileRow, Status
from app.i18n import task_text, with_count
from app.job_model import JobModel
from app.log_dock import event_lines
from app.notify import headline
from app.overall import Overall
from workers.engine import JobSummary
from workers.plan import OutputPolicy, Plan, SourceFile
from workers.task import Task

LAUNCH_DELAY_MS = 30


@dataclass(frozen=True)
class Prepared:
    """What the bridge thread works out for a planned job, so the GUI thread need not."""

    job_rows: dict[int, tuple[FileRow, ...]]
    sizes: dict[int, int]


def _hold_heap() -> None:
    """Keep what exists now out of the garbage collector's full passes until the job ends.

    A job makes ~4 event objects per file; every so often that triggers a full collection,
    which walks every object in the process (100,000 rows' worth) while holding the GIL:
    50-100 ms with the window frozen (measured with bench/gui_latency.py, 25,000 rows). Rows,
    plan and widgets live through the job anyway; they are handed back at its end
    (``gc.unfreeze``) so any cycle among them is still collected, later, while idle.
    """
    gc.freeze()


def _sources_of(rows: list[FileRow]) -> list[SourceFile]:
    return [r.as_source() for r in rows]


def _waiting_sources(model: JobModel) -> list[SourceFile]:
    # Runs in the bridge thread; rows are only appended while a job is being planned.
    return [r.as_source() for r in list(model.rows()) if r.status is Status.WAITING]


@dataclass(frozen=True)
class JobSettings:
    """What the task panel says about the job to run."""

    task: Task
    options: Any
    out_dir: str | None
    policy: OutputPolicy
    engine: EngineChoice = field(default_factory=EngineChoice)


class JobRunner(QObject):
    """The job state machine: idle -> planning -> running <-> paused -> (cancelling) -> idle."""

    state_changed = Signal(object)  # RunState
    updated = Signal()  # rows and numbers changed (once per event batch)
    log = Signal(list)  # lines for the log panel
    ended = Signal(object)  # JobSummary, once the rows show the outcome
    failed = Signal(str)  # the job could not run at all

    def __init__(self, model: JobModel, overall: Overall, bridge: EngineBridge,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.overall = overall
        self.bridge = bridge
        self.state = RunState.IDLE
        self.plan: Plan | None = None
        self.stopping_now = False  # how the current job is being cancelled
        self.notes: list[str] = []  # what the job's set-up had to say (resuming, journal trouble)
        self._reset: list[Any] = []  # rows put back to waiting for this job, as they were
        self._stopped = False
        self.ticker = QTimer(self)  # a clock for elapsed times and speed, not a queue drain
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._on_tick)
        bridge.planned.connect(self._on_planned)
        bridge.events.connect(self._on_events)
        bridge.finished.connect(self._on_finished)
        bridge.failed.connect(self._on_failed)
        bridge.note.connect(self._on_note)

    def _set_state(self, state: RunState) -> None:
        self.state = state
        self.overall.paused = state is RunState.PAUSED
        self.state_changed.emit(state)

    # -- requests -------------------------------------------------------------------------
    def start(self, job: JobSettings, inputs: Sequence[str], rows: Sequence[FileRow] | None = None) -> int:
        """Run ``rows`` (failed or cancelled ones are reset), or every waiting row when None.

        Returns how many files were sent (0: nothing to do). The waiting rows are listed in
        the bridge thread: Start costs the same for 10 files as for 100,000.
        """
        model = self.model
        count = len(rows) if rows is not None else model.count(*RUNNABLE)
        if self.state is not RunState.IDLE or not count:
            return 0
        if rows is None and model.count(Status.CANCELLED):
            rows = model.rows_with(*RUNNABLE)
        if rows is not None:
            self._reset = model.reset(r for r in rows if r.status is not Status.WAITING)
            sources: Any = partial(_sources_of, list(rows))
        else:
            sources = partial(_waiting_sources, model)
        paths = list(inputs) or [model.row(0).folder]
        request = JobRequest(job.task, job.options, paths, job.out_dir, job.policy, sources, job.engine,
                             self._prepare)
        self.stopping_now = False
        self.notes = []
        _hold_heap()
        planning = with_count(self.tr("Planning %1 files for {task}…", "", count), text.count(count))
        self.log.emit([planning.format(task=task_text(job.task.title) or job.task.name)])
        self._set_state(RunState.PLANNING)
        # Planning is Python-heavy and shares the GIL: let the window repaint for its new state
        # first (the repaint is already posted; a timer fires only once it is done), then plan.
        QTimer.singleShot(LAUNCH_DELAY_MS, partial(self._launch, request))
        return count

    def _launch(self, request: JobRequest) -> None:
        if self._stopped:
            return
        if self.state is RunState.CANCELLING:  # cancelled before planning began: nothing ran
            self._on_finished(JobSummary(cancelled_by_user=True))
            return
        self.bridge.run(request)

    def pause_or_resume(self) -> None:
        if self.state is RunState.RUNNING:
            self.bridge.pause()
            self._set_state(RunState.PAUSED)
        elif self.state is RunState.PAUSED:
            self.bridge.resume()
            self._set_state(RunState.RUNNING)

    def cancel(self, now: bool) -> None:
        """Cancel the job: let running files finish, or stop the workers now."""
        if self.state in ACTIVE and self.state is not RunState.CANCELLING:
            self.bridge.cancel(now=now)  # (a job not sent yet is dropped by _launch)
            self.stopping_now = now
            self._set_state(RunState.CANCELLING)

    def stop(self) -> None:
        """The window is closing: stop listening and stop the workers (no process is left)."""
        self._stopped = True
        self.ticker.stop()
        self.bridge.shutdown()
        gc.unfreeze()

    def _prepare(self, plan: Plan) -> Prepared:
        """Runs in the bridge thread: the per-item lookups a big job needs."""
        return Prepared(self.model.map_items(plan), {w.id: w.size for w in plan.items})

    def name_of(self, item_id: int) -> str:
        rows = self.model.job_rows(item_id)
        return rows[0].rel if rows else self.tr("item {number}").format(number=item_id)

    # -- what the bridge says -------------------------------------------------------------
    @Slot(object, object)
    def _on_planned(self, plan: Plan, prepared: Prepared) -> None:
        self.plan = plan
        self._reset = []
        _hold_heap()  # the plan and its row map live as long as the job
        self.model.begin_job(prepared.job_rows)
        self.overall.begin_counts(len(plan.items) + len(plan.skipped), prepared.sizes)
        if self.state is RunState.PLANNING:
            self._set_state(RunState.RUNNING)
        started = with_count(self.tr("Started: %1 files to work on, {skipped} skipped; output in {folder}", "",
                                     len(plan.items)), text.count(len(plan.items)))
        self.log.emit([started.format(skipped=text.count(len(plan.skipped)), folder=text.tilde(str(plan.out_dir)))])
        self.ticker.start()
        self.updated.emit()

    @Slot(object)
    def _on_events(self, events: list[Any]) -> None:
        self.model.apply_events(events)
        self.overall.apply(events)
        lines = event_lines(events, self.name_of)
        if lines:
            self.log.emit(lines)
        self.updated.emit()

    @Slot(object)
    def _on_finished(self, summary: JobSummary) -> None:
        if self._stopped:
            return
        self.ticker.stop()
        gc.unfreeze()
        self.model.end_job()
        self.overall.finish(summary.elapsed if self.plan is not None else None)
        self._set_state(RunState.IDLE)
        note = [text.tilde(summary.note)] if summary.note else []
        self.log.emit([headline(summary), *note])
        self.ended.emit(summary)

    @Slot(str)
    def _on_note(self, message: str) -> None:
        self.notes.append(message)
        self.log.emit([message])

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self._stopped:
            return
        self.ticker.stop()
        gc.unfreeze()
        self.model.end_job()
        self.model.restore(self._reset)  # nothing ran: failed files are still failed, and say why
        self._reset = []
        self._set_state(RunState.IDLE)
        self.log.emit([self.tr("Could not run the batch: {problem}").format(problem=text.tilde(message))])
        self.failed.emit(message)

    @Slot()
    def _on_tick(self) -> None:
        self.model.tick()
        self.overall.tick()
        self.updated.emit()
