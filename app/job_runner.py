"""Runs jobs for the window: the way from Start to the end of a batch, without any widget.

The runner turns the user's requests into bridge calls and the bridge's signals into model
and progress updates, and says what changed through its own signals; the window only shows.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app import text
from app.bridge import EngineBridge, JobRequest
from app.controls import ACTIVE, RunState
from app.file_row import RUNNABLE, FileRow, Status
from app.i18n import task_text, with_count
from app.job_model import JobModel
from app.log_dock import event_lines
from app.notify import headline
from workers.engine import JobSummary
from workers.plan import Plan, SourceFile

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


class JobRunner(QObject):
    """Runs one job at a time: idle -> planning -> running <-> paused -> (cancelling) -> idle.

    Each job brings its own rows and numbers (:class:`app.job_queue.Job`); the runner folds the
    bridge's events into the job it runs and says what changed, naming the job.
    """

    state_changed = Signal(object, object)  # Job, RunState
    updated = Signal(object)  # Job: rows and numbers changed (once per event batch)
    log = Signal(object, list)  # Job, lines for its log
    ended = Signal(object, object)  # Job, JobSummary, once the rows show the outcome
    failed = Signal(object, str)  # Job: it could not run at all

    def __init__(self, bridge: EngineBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.state = RunState.IDLE
        self.job: Any = None  # the Job being planned or run
        self.plan: Plan | None = None
        self.stopping_now = False  # how the current job is being cancelled
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
        job = self.job
        job.overall.paused = state is RunState.PAUSED
        self.state_changed.emit(job, state)

    def _log(self, lines: list[str]) -> None:
        self.job.log.extend(lines)
        self.log.emit(self.job, lines)

    # -- requests -------------------------------------------------------------------------
    def start(self, job: Any) -> int:
        """Run ``job``: its ``rows_to_run`` (failed or cancelled ones are reset), or every waiting row.

        Returns how many files were sent (0: nothing to do, or a job is running). The waiting
        rows are listed in the bridge thread: Start costs the same for 10 files as for 100,000.
        """
        model: JobModel = job.model
        rows = job.rows_to_run
        count = len(rows) if rows is not None else model.count(*RUNNABLE)
        if self.state is not RunState.IDLE or not count or self._stopped:
            return 0
        if rows is None and model.count(Status.CANCELLED):
            rows = model.rows_with(*RUNNABLE)
        if rows is not None:
            self._reset = model.reset(r for r in rows if r.status is not Status.WAITING)
            sources: Any = partial(_sources_of, list(rows))
        else:
            sources = partial(_waiting_sources, model)
        spec = job.spec
        paths = list(spec.inputs) or [model.row(0).folder]
        # Next to the sources, the session keeps the journal in the job's own state folder.
        out_dir = None if spec.naming.next_to_source else spec.out_dir
        request = JobRequest(spec.task, spec.options, paths, out_dir, spec.policy, sources, spec.engine,
                             partial(self._prepare, model), naming=spec.naming)
        self.job = job
        self.plan = None
        self.stopping_now = False
        job.notes = []
        job.summary = None
        job.error = ""
        _hold_heap()
        planning = with_count(self.tr("Planning %1 files for {task}…", "", count), text.count(count))
        self._log([planning.format(task=task_text(spec.task.title) or spec.task.name)])
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

    def pause(self) -> None:
        """Stop the running files where they are (their workers are stopped) and start no new one."""
        if self.state is RunState.RUNNING:
            self.bridge.pause()
            self._set_state(RunState.PAUSED)

    def hold(self) -> None:
        """Let the running files finish, start no new one: paused once they have."""
        if self.state is RunState.RUNNING:
            self.bridge.pause(stop_running=False)
            self._set_state(RunState.PAUSED)

    def resume(self) -> None:
        if self.state is RunState.PAUSED:
            self.bridge.resume()
            self._set_state(RunState.RUNNING)

    def pause_or_resume(self) -> None:
        if self.state is RunState.PAUSED:
            self.resume()
        else:
            self.pause()

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

    @staticmethod
    def _prepare(model: JobModel, plan: Plan) -> Prepared:
        """Runs in the bridge thread: the per-item lookups a big job needs."""
        return Prepared(model.map_items(plan), {w.id: w.size for w in plan.items})

    def name_of(self, item_id: int) -> str:
        rows = self.job.model.job_rows(item_id)
        return rows[0].rel if rows else self.tr("item {number}").format(number=item_id)

    # -- what the bridge says -------------------------------------------------------------
    @Slot(object, object)
    def _on_planned(self, plan: Plan, prepared: Prepared) -> None:
        job = self.job
        self.plan = plan
        self._reset = []
        _hold_heap()  # the plan and its row map live as long as the job
        job.model.begin_job(prepared.job_rows)
        job.overall.begin_counts(len(plan.items) + len(plan.skipped), prepared.sizes)
        job.ran = True
        if self.state is RunState.PLANNING:
            self._set_state(RunState.RUNNING)
        started = with_count(self.tr("Started: %1 files to work on, {skipped} skipped; output in {folder}", "",
                                     len(plan.items)), text.count(len(plan.items)))
        folder = job.spec.out_dir if plan.naming.next_to_source else str(plan.out_dir)
        self._log([started.format(skipped=text.count(len(plan.skipped)), folder=text.tilde(folder))])
        self.ticker.start()
        self.updated.emit(job)

    @Slot(object)
    def _on_events(self, events: list[Any]) -> None:
        job = self.job
        job.model.apply_events(events)
        job.overall.apply(events)
        lines = event_lines(events, self.name_of)
        if lines:
            self._log(lines)
        self.updated.emit(job)

    def _end(self) -> Any:
        """Back to idle; returns the job that ran."""
        job = self.job
        self.ticker.stop()
        gc.unfreeze()
        job.model.end_job()
        self.job = None
        self.state = RunState.IDLE
        job.overall.paused = False
        return job

    @Slot(object)
    def _on_finished(self, summary: JobSummary) -> None:
        if self._stopped or self.job is None:
            return
        ran = self.plan is not None
        job = self._end()
        job.overall.finish(summary.elapsed if ran else None)
        self.state_changed.emit(job, RunState.IDLE)
        note = [text.tilde(summary.note)] if summary.note else []
        job.log.extend([headline(summary), *note])
        self.log.emit(job, [headline(summary), *note])
        self.ended.emit(job, summary)

    @Slot(str)
    def _on_note(self, message: str) -> None:
        if self.job is not None:
            self.job.notes.append(message)
            self._log([message])

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self._stopped or self.job is None:
            return
        job = self._end()
        job.model.restore(self._reset)  # nothing ran: failed files are still failed, and say why
        self._reset = []
        self.state_changed.emit(job, RunState.IDLE)
        line = self.tr("Could not run the batch: {problem}").format(problem=text.tilde(message))
        job.log.append(line)
        self.log.emit(job, [line])
        self.failed.emit(job, message)

    @Slot()
    def _on_tick(self) -> None:
        job = self.job
        if job is None:
            return
        job.model.tick()
        job.overall.tick()
        self.updated.emit(job)
