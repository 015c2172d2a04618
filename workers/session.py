"""One job, end to end: lock the output folder, plan, journal, run on an engine, summarise.

Every front end (the CLI, the window, watch folders) runs its jobs through :class:`JobSession`
and only adapts what it says: a sink gets the plan, the notes and the events. Nothing of the
sequence is written anywhere else. Several sessions may run in one process, one after another
or at once on different output folders.

A job is refused before anything runs (:class:`JobRefused`, a sentence for the user) when it
cannot be planned, its output folder is busy with another run or cannot be written, or its
journal cannot be written. Once it runs, the journal's own failures never sink the batch: a
full disk stops new files from starting, and the files that finished are reported as done.
"""

from __future__ import annotations

import enum
import os
import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from workers.engine import EventBatch, JobSummary
from workers.journal import JOURNAL_NAME, Journal, JournalError, ResumeResult, move_aside, recorded_outputs
from workers.lock import FolderBusy, OutputLock
from workers.naming import OutputNaming, state_folder
from workers.plan import OutputPolicy, Plan, PlanError, ScanOptions, SourceFile, distinct_inputs, make_plan
from workers.task import OptionError, Task

EXIT_REFUSED, EXIT_FAILED = 2, 1


class ResumeMode(enum.StrEnum):
    """What an earlier run recorded in the journal means for this one."""

    RESUME = "resume"  # skip what was done (unless its source changed), redo the rest
    RETRY_FAILED = "retry-failed"  # run only the files that failed
    RESTART = "restart"  # ignore the earlier run


class JobRefused(Exception):
    """The job cannot start; nothing ran. The message is a sentence for the user."""

    def __init__(self, message: str, exit_code: int = EXIT_REFUSED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class EngineLike(Protocol):
    """What a session needs of an engine: the local one and the Dask one both fit."""

    def run(self, plan: Plan, on_events: Callable[[EventBatch], None] | None = None) -> JobSummary: ...
    def pause(self, stop_running: bool = True) -> None: ...
    def resume(self) -> None: ...
    def cancel(self, now: bool = False) -> None: ...
    @property
    def pause_stops_running(self) -> bool:
        """False where a pause always lets running files finish (a Dask cluster)."""


class Sink(Protocol):
    """What a front end hears from a session, in the thread that runs it."""

    def planned(self, plan: Plan) -> None:
        """The plan is final (resumed from the journal); no event has come yet."""

    def note(self, text: str) -> None:
        """Something the user should know about the job itself (resuming, a journal moved aside)."""

    def events(self, batch: EventBatch) -> None:
        """What happened to the items since the last call."""


@dataclass(frozen=True)
class JobRequest:
    """Everything that defines a job. ``sources`` are files already listed by the caller (the
    window scans while the user drops); a callable is listed in the session's thread."""

    task: Task
    options: Any
    paths: Sequence[str]
    out_dir: str | os.PathLike[str] | None = None
    policy: OutputPolicy = OutputPolicy.SKIP
    scan: ScanOptions = field(default_factory=ScanOptions)
    sources: Sequence[SourceFile] | Callable[[], Sequence[SourceFile]] | None = None
    resume: ResumeMode = ResumeMode.RESUME
    journal: bool = True  # resume from, and record into, the output folder's journal
    # The outputs' names, and whether they go next to their sources; then ``out_dir`` (by default
    # the job's folder in the user's state folder) holds only the journal and the lock.
    naming: OutputNaming = field(default_factory=OutputNaming)

    def plan(self, earlier_outputs: Collection[str] = ()) -> Plan:
        sources = self.sources() if callable(self.sources) else self.sources
        try:
            return make_plan(self.task, self.options, self.paths, self.out_dir, self.policy, self.scan,
                             sources=sources, naming=self.naming, earlier_outputs=earlier_outputs)
        except (PlanError, OptionError) as exc:
            raise JobRefused(str(exc)) from None

    def job_folder(self) -> Path:
        """The folder of the job's journal and lock when it writes next to its sources (as the plan's out_dir)."""
        if self.out_dir is not None:
            return Path(os.path.abspath(self.out_dir))
        return state_folder(self.task, distinct_inputs([os.fspath(p) for p in self.paths], None, self.scan))


@dataclass
class JobResult:
    plan: Plan
    summary: JobSummary
    resumed: ResumeResult | None = None


def resume_note(resumed: ResumeResult, to_run: int) -> str:
    """What resuming from the journal did, in words."""
    parts = []
    if resumed.done_before:
        parts.append(f"{resumed.done_before:,} files done by an earlier run are skipped")
    if resumed.redo_changed:
        parts.append(f"{resumed.redo_changed:,} changed since and redone")
    if resumed.partials_removed:
        parts.append(f"{resumed.partials_removed:,} half-written outputs of an interrupted run were removed")
    if not parts:
        return ""
    if resumed.done_before and not to_run:
        return f"Nothing to do: {'; '.join(parts)} (restart to redo them)."
    return f"Resuming: {'; '.join(parts)}; {to_run:,} to go."


def check_writable(folder: Path, hint: str) -> None:
    """Refuse a folder we cannot create or write in, before any worker starts."""
    probe = folder / f".batchpilot-write-test-{os.getpid()}-{threading.get_ident()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise JobRefused(f"cannot write to the output folder {folder}: {exc.strerror or exc}; {hint}") from None


def journal_failure(error: JournalError, out_dir: Path) -> str:
    """The sentence for a journal that failed while the batch ran."""
    if error.kind == JournalError.FULL:
        return (f"the disk of {out_dir} is full: the batch stopped starting new files. Free some space there, "
                "then run again to resume (finished files are kept)")
    return (f"the resume journal {error.path} could not be written ({error.detail}): the batch stopped starting "
            "new files. Finished files are kept; run again to resume")


class JobSession:
    """Runs one job request on an engine, feeding a sink; pause, resume and cancel from any thread."""

    def __init__(self, request: JobRequest, engine: EngineLike, sink: Sink, *,
                 folder_hint: str = "choose another output folder") -> None:
        self.request = request
        self.engine = engine
        self.sink = sink
        self.folder_hint = folder_hint  # what to do about a busy or unwritable folder, in the front end's words
        self.cancelled_by_user = False
        # Re-entrant: Ctrl+Z's handler may run in the thread that holds it (see pause).
        self._lock = threading.RLock()
        self._running = False  # the engine is running our plan: controls go straight to it
        self._asked_now: bool | None = None  # a cancel asked for (now or not), to repeat once running
        self._paused = False
        self._stop_running = True  # what kind of pause was asked for last
        self._journal_failed: JournalError | None = None

    # -- control (any thread) ---------------------------------------------------------------
    @property
    def pause_stops_running(self) -> bool:
        """Whether a pause can stop running files on this session's engine (see :meth:`pause`)."""
        return self.engine.pause_stops_running

    @property
    def running(self) -> bool:
        """Whether the engine runs this job now (planning is over, the summary not yet made)."""
        return self._running

    def pause(self, stop_running: bool = True) -> None:
        """No new file starts, and running files are stopped where they are; with
        ``stop_running`` False (or an engine that cannot stop them) they finish: a hold. A second
        call of the other kind turns one into the other. Safe to call from a signal handler."""
        with self._lock:
            self._paused = True
            self._stop_running = stop_running
            if self._running:
                self.engine.pause(stop_running=stop_running)

    def resume(self) -> None:
        with self._lock:
            self._paused = False
            if self._running:
                self.engine.resume()

    def cancel(self, now: bool = False) -> None:
        """Graceful (running files finish) or now (workers are stopped at once). Safe to call
        from a signal handler: it only records the wish and wakes the engine."""
        self.cancelled_by_user = True
        self._asked_now = bool(now or self._asked_now)
        if self._running:
            self.engine.cancel(now=now)

    @property
    def cancelled(self) -> bool:
        return self._asked_now is not None

    # -- the run --------------------------------------------------------------------------
    def run(self) -> JobResult:
        """Plan and run the job; raises JobRefused when it cannot start."""
        if self.request.naming.next_to_source:
            return self._run_next_to_source()
        plan = self.request.plan()
        out_dir = plan.out_dir
        if not plan.items and not out_dir.exists():
            return self._run_plan(plan, None, None)  # nothing will be written: no folder to make or lock
        with self._lock_folder(out_dir, f"wait for it or {self.folder_hint}"):
            return self._run_journaled(plan)

    def _run_next_to_source(self) -> JobResult:
        # The job's folder is known before the plan: what earlier runs wrote beside the sources is
        # in its journal, and the scan must not take those outputs for sources.
        folder = self.request.job_folder()
        with self._lock_folder(folder, "wait for it: it writes next to the same sources"):
            plan = self.request.plan(recorded_outputs(folder / JOURNAL_NAME))
            return self._run_journaled(plan)

    def _lock_folder(self, folder: Path, busy_hint: str) -> OutputLock:
        check_writable(folder, self.folder_hint)
        try:
            return OutputLock.acquire(folder)
        except FolderBusy as exc:
            raise JobRefused(exc.sentence(busy_hint)) from None
        except OSError as exc:
            raise JobRefused(f"cannot lock the output folder {folder}: {exc.strerror or exc}; "
                             f"{self.folder_hint}") from None

    def _run_journaled(self, plan: Plan) -> JobResult:
        journal, resumed = self._open_journal(plan)
        try:
            return self._run_plan(plan, journal, resumed)
        finally:
            if journal is not None:
                journal.close()

    def _open_journal(self, plan: Plan) -> tuple[Journal | None, ResumeResult | None]:
        request = self.request
        path = plan.out_dir / JOURNAL_NAME
        if not request.journal or not (plan.items or path.exists()):
            return None, None
        for attempt in (1, 2):
            try:
                journal = Journal.for_plan(plan)
            except JournalError as exc:
                if exc.kind == JournalError.CORRUPT and attempt == 1:
                    self._move_aside(path)
                    continue
                raise self._refusal(exc) from None
            try:
                resumed = journal.resume(plan, restart=request.resume is ResumeMode.RESTART,
                                         retry_failed_only=request.resume is ResumeMode.RETRY_FAILED)
            except JournalError as exc:
                journal.close()
                if exc.kind == JournalError.CORRUPT and attempt == 1:
                    self._move_aside(path)
                    continue
                raise self._refusal(exc) from None
            return journal, resumed
        raise AssertionError("unreachable")  # the second attempt returns or raises

    def _move_aside(self, path: Path) -> None:
        try:
            moved = move_aside(path)
        except OSError as exc:
            raise JobRefused(f"the resume journal {path} is damaged and cannot be moved aside "
                             f"({exc.strerror or exc}); delete it, or {self.folder_hint}") from None
        self.sink.note(f"The resume journal {path} was damaged; it was moved aside to {moved.name} and this run "
                       "starts afresh (files whose outputs exist are still skipped).")

    def _refusal(self, error: JournalError) -> JobRefused:
        if error.kind == JournalError.FULL:
            return JobRefused(f"the disk of {error.path.parent} is full: the resume journal cannot be written. "
                              "Free some space there, then run again", EXIT_FAILED)
        if error.kind == JournalError.READ_ONLY:
            return JobRefused(f"the resume journal {error.path} cannot be written (read-only); make it writable, "
                              f"or {self.folder_hint}")
        return JobRefused(f"the resume journal {error.path} cannot be used ({error.detail}); delete it, "
                          f"or {self.folder_hint}")

    def _run_plan(self, plan: Plan, journal: Journal | None, resumed: ResumeResult | None) -> JobResult:
        if resumed is not None:
            note = resume_note(resumed, len(plan.items))
            if note:
                self.sink.note(note)
        self.sink.planned(plan)
        if self.cancelled:  # cancelled while planning: nothing runs
            summary = JobSummary(cancelled_by_user=True)
            return JobResult(plan, summary, resumed)
        first = True

        def on_events(batch: EventBatch) -> None:
            nonlocal first, journal
            if first:
                first = False
                self._reassert()
            if journal is not None:
                try:
                    journal.record(batch)
                except JournalError as exc:
                    # Nothing more can be recorded: no new file starts, the running ones end.
                    self._journal_failed = exc
                    journal.close()
                    journal = None
                    self.engine.cancel(now=False)
            self.sink.events(batch)

        with self._lock:
            self._running = True
        try:
            summary = self.engine.run(plan, on_events)
        finally:
            with self._lock:
                self._running = False
        if self._journal_failed is not None:
            summary.stopped = journal_failure(self._journal_failed, plan.out_dir)
            summary.cancelled_by_user = self.cancelled_by_user
        return JobResult(plan, summary, resumed)

    def _reassert(self) -> None:
        # The engine starts each run with no command pending, so a wish made while the job was
        # being set up is passed on once it runs.
        if self._asked_now is not None:
            self.engine.cancel(now=self._asked_now)
        elif self._paused:
            self.engine.pause(stop_running=self._stop_running)


__all__ = ["EXIT_FAILED", "EXIT_REFUSED", "JobRefused", "JobRequest", "JobResult", "JobSession", "ResumeMode",
           "Sink", "resume_note"]
