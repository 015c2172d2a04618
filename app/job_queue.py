"""The window's queue of jobs: what a job is, and the order they run in, one after another.

A job is frozen when it is added: files, task, options, output folder, what to do with existing
outputs and where it runs. Jobs run one at a time through :class:`JobRunner` on the bridge's
warm worker pool; the queue only decides which job runs next and keeps each job's own rows,
numbers, log and outcome, so the window can show any of them. No widget lives here.
"""

from __future__ import annotations

import enum
import os
import uuid
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from app.bridge import EngineChoice
from app.controls import RunState
from app.file_row import FileRow, Status
from app.i18n import task_text
from app.job_model import JobModel
from app.job_runner import JobRunner
from app.overall import Overall
from workers.engine import JobSummary
from workers.naming import OutputNaming
from workers.plan import OutputPolicy
from workers.task import Task

MAX_JOB_LOG_LINES = 20_000


class JobState(enum.Enum):
    DRAFT = "draft"  # the files being gathered for the next job; not in the queue
    WAITING = "waiting"
    HELD = "held"  # waiting, but the user paused it: the queue passes it by
    PLANNING = "planning"
    RUNNING = "running"
    PAUSED = "paused"
    CANCELLING = "cancelling"
    DONE = "done"  # ran to its end (some files may have failed)
    CANCELLED = "cancelled"
    REFUSED = "refused"  # could not start: the reason is the job's error


QUEUED = (JobState.WAITING, JobState.HELD)
RUNNING_STATES = (JobState.PLANNING, JobState.RUNNING, JobState.PAUSED, JobState.CANCELLING)
ENDED = (JobState.DONE, JobState.CANCELLED, JobState.REFUSED)
_FROM_RUN_STATE = {RunState.PLANNING: JobState.PLANNING, RunState.RUNNING: JobState.RUNNING,
                   RunState.PAUSED: JobState.PAUSED, RunState.CANCELLING: JobState.CANCELLING}


@dataclass(frozen=True)
class JobSpec:
    """What a job does, fixed when it is added to the queue."""

    task: Task
    options: Any
    out_dir: str
    policy: OutputPolicy
    engine: EngineChoice = field(default_factory=EngineChoice)
    inputs: tuple[str, ...] = ()  # what the user added, in order (for output naming and the title)
    # Name template, and next to the sources (then out_dir is only the first input's folder, to show and open).
    naming: OutputNaming = field(default_factory=OutputNaming)

    @property
    def title(self) -> str:
        """'Encode media · holiday' or 'Parse documents · reports + 2'."""
        what = task_text(self.task.title) or self.task.name
        if not self.inputs:
            return what
        first = os.path.basename(self.inputs[0].rstrip(os.sep)) or self.inputs[0]
        more = f" + {len(self.inputs) - 1}" if len(self.inputs) > 1 else ""
        return f"{what} · {first}{more}"


def new_job_id() -> str:
    return uuid.uuid4().hex[:12]


@dataclass(eq=False)
class Job:
    """One job: its rows and numbers, its log and how it ended. The draft is a job without a spec."""

    model: JobModel
    overall: Overall = field(default_factory=Overall)
    spec: JobSpec | None = None
    state: JobState = JobState.DRAFT
    id: str = field(default_factory=new_job_id)
    inputs: list[str] = field(default_factory=list)  # a draft's added files and folders
    log: deque[str] = field(default_factory=lambda: deque(maxlen=MAX_JOB_LOG_LINES))
    notes: list[str] = field(default_factory=list)  # what the latest run's set-up had to say
    summary: JobSummary | None = None  # the latest run's outcome
    error: str = ""  # why the latest run could not start (REFUSED), or the engine's failure
    rows_to_run: list[FileRow] | None = None  # the next run's rows (retry); None: every waiting row
    ran: bool = False  # a run has planned: the overall numbers mean something
    bytes: int = 0  # the size of its files, counted when it was queued
    watch: Any = None  # the watch folder whose files these are (app.watch_folders.WatchFolder)

    @property
    def title(self) -> str:
        return self.spec.title if self.spec is not None else ""

    @property
    def out_dir(self) -> str:
        return self.spec.out_dir if self.spec is not None else ""

    @property
    def queued(self) -> bool:
        return self.state in QUEUED

    @property
    def running(self) -> bool:
        return self.state in RUNNING_STATES

    @property
    def ended(self) -> bool:
        return self.state in ENDED

    def failures(self) -> list[tuple[str, str]]:
        return [(r.name, r.reason) for r in self.model.rows_with(Status.FAILED)]


class JobQueue(QObject):
    """Jobs in order; runs the first waiting one whenever none runs and the queue is started.

    ``Start`` starts the queue; it stops by itself when no job is left waiting, and when the
    running job is cancelled from the toolbar (``stop``): cancel means stopped, the jobs behind
    it wait for the next Start.
    """

    added = Signal(object)  # Job
    removed = Signal(object)  # Job
    moved = Signal()
    changed = Signal(object)  # Job: its state or numbers changed
    job_ended = Signal(object)  # Job, after its run ended (DONE, CANCELLED or REFUSED)
    drained = Signal()  # the queue was running and has nothing left to run

    def __init__(self, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.jobs: list[Job] = []
        self.started = False  # jobs are taken one after another until none waits
        runner.state_changed.connect(self._on_run_state)
        runner.ended.connect(self._on_run_ended)
        runner.failed.connect(self._on_run_failed)

    # -- reading --------------------------------------------------------------------------
    @property
    def current(self) -> Job | None:
        """The job being planned or run."""
        return self.runner.job

    def waiting(self) -> list[Job]:
        return [j for j in self.jobs if j.state is JobState.WAITING]

    def unfinished(self) -> list[Job]:
        return [j for j in self.jobs if not j.ended]

    def position(self, job: Job) -> int:
        return self.jobs.index(job) if job in self.jobs else -1

    # -- changing the queue ---------------------------------------------------------------
    def add(self, job: Job, spec: JobSpec, start: bool = False) -> None:
        """Freeze ``job`` (a draft) with ``spec`` and put it at the end of the queue."""
        job.spec = spec
        job.state = JobState.WAITING
        self.jobs.append(job)
        self.added.emit(job)
        if start:
            self.start()

    def start(self) -> None:
        """Run the waiting jobs one after another, from the top."""
        self.started = True
        self._next()

    def stop(self) -> None:
        """Take no further job once the running one ends."""
        self.started = False

    def move(self, job: Job, offset: int) -> bool:
        """Move ``job`` up (offset < 0) or down in the order; running jobs move too (order only)."""
        i = self.position(job)
        j = i + offset
        if i < 0 or not 0 <= j < len(self.jobs):
            return False
        self.jobs.insert(j, self.jobs.pop(i))
        self.moved.emit()
        return True

    def remove(self, job: Job) -> bool:
        """Take ``job`` out of the queue; a running job must be cancelled first."""
        if job.running or job not in self.jobs:
            return False
        self.jobs.remove(job)
        self.removed.emit(job)
        return True

    def hold(self, job: Job) -> None:
        """Pause a job: the running one pauses its workers, a waiting one is passed by."""
        if job.state is JobState.WAITING:
            self._set(job, JobState.HELD)
        elif job is self.current:
            self.runner.pause()

    def release(self, job: Job) -> None:
        """Undo :meth:`hold`."""
        if job.state is JobState.HELD:
            self._set(job, JobState.WAITING)
            self._next()
        elif job is self.current:
            self.runner.resume()

    def cancel(self, job: Job, now: bool = False) -> None:
        """Cancel ``job``: a queued one ends cancelled without running, the running one stops."""
        if job.queued:
            job.summary = None
            self._set(job, JobState.CANCELLED)
            self.job_ended.emit(job)
        elif job is self.current:
            self.runner.cancel(now=now)

    def requeue(self, job: Job, rows: Sequence[FileRow] | None = None) -> bool:
        """Run an ended job again, at the end of the queue: ``rows`` only (retry), or every file.

        Every file: rows go back to waiting and the output folder's journal skips what an
        earlier run finished (unless its source changed), so *Run again* redoes only the rest.
        """
        if not job.ended or job.spec is None:
            return False
        if rows is None:
            rows = [r for r in job.model.rows() if r.status is not Status.RUNNING]
        if not rows:
            return False
        job.rows_to_run = list(rows)
        job.error = ""
        self.jobs.remove(job)
        self.jobs.append(job)
        self._set(job, JobState.WAITING)
        self.moved.emit()
        self.start()
        return True

    def restore(self, jobs: Iterable[Job]) -> None:
        """Put jobs saved by an earlier session back (already frozen, in their order)."""
        for job in jobs:
            self.jobs.append(job)
            self.added.emit(job)

    def shutdown(self) -> None:
        self.started = False
        self.runner.stop()

    # -- running --------------------------------------------------------------------------
    def _next(self) -> None:
        if not self.started or self.current is not None:
            return
        for job in self.jobs:
            if job.state is JobState.WAITING:
                if self.runner.start(job):
                    return
                # nothing to run in it (every row removed or finished): it is over
                self._set(job, JobState.DONE)
                self.job_ended.emit(job)
        self.started = False
        self.drained.emit()

    def _set(self, job: Job, state: JobState) -> None:
        job.state = state
        self.changed.emit(job)

    @Slot(object, object)
    def _on_run_state(self, job: Job, state: RunState) -> None:
        mapped = _FROM_RUN_STATE.get(state)
        if mapped is not None:
            self._set(job, mapped)

    @Slot(object, object)
    def _on_run_ended(self, job: Job, summary: JobSummary) -> None:
        job.summary = summary
        self._ended(job, JobState.CANCELLED if summary.cancelled_by_user else JobState.DONE)

    @Slot(object, str)
    def _on_run_failed(self, job: Job, message: str) -> None:
        # A job that ran before keeps what that run did (done, with this refusal in its banner);
        # one that never ran could not start at all.
        job.error = message
        self._ended(job, JobState.DONE if job.ran else JobState.REFUSED)

    def _ended(self, job: Job, state: JobState) -> None:
        job.rows_to_run = None
        self._set(job, state)
        self.job_ended.emit(job)
        self._next()

