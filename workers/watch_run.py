"""A watch folder as a standing job: complete files become small jobs, one after another, each
through :class:`~workers.session.JobSession` — the same engine, journal and verification as any
batch. The journal makes it exactly once across restarts: a watch started again takes every
file in the folder, and the journal skips what an earlier run did (unless its source changed).
"""

from __future__ import annotations

import datetime
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workers.engine import JobSummary
from workers.naming import NameTemplateError, OutputNaming, check_template
from workers.plan import OutputPolicy, ScanOptions, default_output_dir
from workers.session import EngineLike, JobRefused, JobRequest, JobSession, Sink
from workers.task import Task
from workers.watch import RESCAN_SECONDS, SETTLE_SECONDS, FolderWatch

RETRY_SECONDS = 30.0  # a refused job (its output folder busy with another run) is tried again after this


@dataclass(frozen=True)
class WatchSpec:
    """What a watch folder is: a folder, a task with its options, and where outputs go."""

    task: Task
    options: Any
    folder: str
    out_dir: str | None = None
    policy: OutputPolicy = OutputPolicy.SKIP
    scan: ScanOptions = field(default_factory=ScanOptions)
    settle: float = SETTLE_SECONDS
    rescan: float = RESCAN_SECONDS
    naming: OutputNaming = field(default_factory=OutputNaming)  # its name template (outputs go in out_dir)

    @property
    def output_folder(self) -> Path:
        if self.out_dir is not None:
            return Path(os.path.abspath(self.out_dir))
        return default_output_dir([self.folder], self.task)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def check_watch(spec: WatchSpec) -> Path:
    """The output folder of a watch that can be set up; raises JobRefused with a sentence."""
    folder = os.path.abspath(spec.folder)
    if not os.path.isdir(folder):
        raise JobRefused(f"{folder} is not a folder; a watch needs a folder to watch")
    if spec.naming.next_to_source:
        raise JobRefused(f"a watch cannot write next to the sources: its outputs would arrive in {folder} as new "
                         "files. Choose an output folder outside it")
    try:
        check_template(spec.naming.template, spec.task)
    except NameTemplateError as exc:
        raise JobRefused(str(exc)) from None
    out = spec.output_folder
    real_folder, real_out = os.path.realpath(folder), os.path.realpath(out)
    if _inside(real_out, real_folder):
        raise JobRefused(f"the output folder {out} is inside the watched folder {folder}: its outputs would be "
                         "taken as new files. Choose an output folder outside it")
    if _inside(real_folder, real_out):
        raise JobRefused(f"the watched folder {folder} is inside the output folder {out}; choose another "
                         "output folder")
    return out


@dataclass
class WatchCounts:
    """What a watch did today (the counts start again at midnight) and since it started."""

    day: datetime.date = field(default_factory=datetime.date.today)
    done_today: int = 0
    failed_today: int = 0
    jobs: int = 0
    done: int = 0
    failed: int = 0

    def add(self, summary: JobSummary, today: datetime.date | None = None) -> None:
        today = today or datetime.date.today()
        if today != self.day:
            self.day, self.done_today, self.failed_today = today, 0, 0
        self.jobs += 1
        self.done += summary.done
        self.failed += summary.failed
        self.done_today += summary.done
        self.failed_today += summary.failed


class WatchRunner:
    """Runs a watch until :meth:`stop`: takes complete files, runs them as a job, waits again.

    ``sink`` hears each job as a session's sink would, plus notes about the watch itself.
    """

    def __init__(self, spec: WatchSpec, engine: EngineLike, sink: Sink, *,
                 clock: Callable[[], float] = time.monotonic, retry_delay: float = RETRY_SECONDS,
                 folder_hint: str = "choose another output folder") -> None:
        self.spec = spec
        self.out_dir = check_watch(spec)
        self.engine = engine
        self.sink = sink
        self.retry_delay = retry_delay
        self.folder_hint = folder_hint
        self.counts = WatchCounts()
        self.watch = FolderWatch(spec.folder, spec.scan, out_dir=self.out_dir, settle=spec.settle,
                                 rescan=spec.rescan, clock=clock)
        self._lock = threading.Lock()
        self._session: JobSession | None = None
        self._refused_note: str | None = None

    def stop(self) -> None:
        """Stop watching, and stop the running job now (its files are left to the next run).
        Safe to call from a signal handler."""
        self.watch.stop()
        session = self._session
        if session is not None:
            session.cancel(now=True)

    def run(self) -> WatchCounts:
        with self.watch:
            if self.watch.events_note:
                self.sink.note(self.watch.events_note)
            while not self.watch.stopped:
                files = self.watch.take()
                if files and not self.watch.stopped:
                    self._run_job(files)
        return self.counts

    def _run_job(self, files: list[Any]) -> None:
        spec = self.spec
        request = JobRequest(spec.task, spec.options, [spec.folder], self.out_dir, spec.policy, spec.scan,
                             sources=files, naming=spec.naming)
        session = JobSession(request, self.engine, self.sink, folder_hint=self.folder_hint)
        with self._lock:
            self._session = session
        if self.watch.stopped:  # stopped between take and here: leave the files to the next run
            session.cancel(now=True)
        try:
            result = session.run()
        except JobRefused as exc:
            message = f"{exc}; the watch tries again in {self.retry_delay:g} s"
            if message != self._refused_note:  # said once, not every retry
                self.sink.note(message)
                self._refused_note = message
            self.watch.give_back(files, self.retry_delay)
            return
        finally:
            with self._lock:
                self._session = None
        self._refused_note = None
        self.counts.add(result.summary)


__all__ = ["RETRY_SECONDS", "WatchCounts", "WatchRunner", "WatchSpec", "check_watch"]
