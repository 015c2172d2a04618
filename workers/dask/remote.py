"""What runs inside a Dask worker: one chunk of items, run in a local runner process.

A chunk streams its runner's records to the client through the worker's event log
(``Worker.log_event``), each message tagged with the job, the chunk and this attempt, so
the client can tell a re-run chunk (the scheduler retries a chunk whose worker died) from
the first one. It returns the terminal record of every item it was given.

Cancel, drain and pause are per-job Dask ``Event``s, polled by one thread per worker process
and job, so the chunk loops read local flags and the scheduler sees a few calls a second.
"""

from __future__ import annotations

import pickle
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import wait
from time import monotonic
from typing import Any

from workers.engine import wire
from workers.engine.child import IDLE
from workers.engine.pool import crash_reason
from workers.engine.wire import ACTIVE, CRASHED, LOST, NOT_RUN, TERMINAL_CODES, expand
from workers.memory import tree_rss
from workers.outputs import run_token
from workers.task import WorkItem

TOPIC = "batchpilot"
# A chunk adds its own records to a runner's (see workers/engine/wire.py). The runner holds
# back its "started" record until its next flush, which for an item that reports nothing is
# when the item ends; the client needs to know sooner, to show it and to blame it if the
# worker dies: so a chunk says ACTIVE itself once an item has run this long (seconds).
ANNOUNCE_AFTER = 0.1
TICK = 0.05  # how often a chunk looks at its flags and limits while waiting on the runner
CONTROL_SECONDS = 0.2  # how often a worker process asks the scheduler for the job's flags
FLAGS_LINGER_SECONDS = 5.0  # how long a job's flags stay polled after its last chunk here
MEMORY_CHECK_SECONDS = 0.25


@dataclass(frozen=True)
class JobSpec:
    """What every chunk of a job needs besides its items (small: it travels with each chunk)."""

    job_id: str
    task_spec: str
    options_blob: bytes
    timeout: float | None = None
    max_memory_mb: int | None = None
    run_token: str = ""  # partial outputs are written under it (workers/outputs.py)

    def event_name(self, what: str) -> str:
        """Name of the job's ``control``, ``kill``, ``drain`` or ``pause`` Dask Event."""
        return f"batchpilot-{self.job_id}-{what}"


# ------------------------------------------------------------------ job flags, per process


class _Flags:
    """A job's cancel/drain/pause state in this process, kept fresh by one polling thread.

    The client sets the job's ``control`` Event the first time it pauses or cancels, so
    while a job runs undisturbed each poll is one scheduler call, not three. Chunks only read
    the local flags: a scheduler call at every chunk start took 0.1-0.5 s on a busy machine.
    """

    def __init__(self, job: JobSpec) -> None:
        from distributed import Event

        self.job_id = job.job_id
        self.users = 0
        self.idle_since = monotonic()
        self.kill = threading.Event()
        self.drain = threading.Event()
        self.pause = threading.Event()
        self._control = Event(job.event_name("control"))
        self._events = [(Event(job.event_name(name)), flag)
                        for name, flag in (("kill", self.kill), ("drain", self.drain), ("pause", self.pause))]

    def poll(self) -> None:
        try:
            if not self._control.is_set():
                return  # neither paused nor cancelled yet
            for event, flag in self._events:
                if flag is self.kill and flag.is_set():
                    continue  # a kill is never taken back
                if event.is_set():
                    flag.set()
                else:
                    flag.clear()
        except Exception:  # scheduler briefly unreachable: keep the last known state
            pass

    def watch(self) -> None:
        stop = threading.Event()
        while True:
            with _FLAGS_LOCK:
                # Kept a moment after the last chunk: the next one is usually right behind.
                if self.users <= 0 and monotonic() - self.idle_since > FLAGS_LINGER_SECONDS:
                    _FLAGS.pop(self.job_id, None)
                    return
            self.poll()
            stop.wait(CONTROL_SECONDS)


_FLAGS: dict[str, _Flags] = {}
_FLAGS_LOCK = threading.Lock()


def _acquire_flags(job: JobSpec) -> _Flags:
    with _FLAGS_LOCK:
        flags = _FLAGS.get(job.job_id)
        fresh = flags is None
        if flags is None:
            flags = _FLAGS[job.job_id] = _Flags(job)
        flags.users += 1
    if fresh:
        # The first chunk of a job here may have been queued behind a pause or a cancel:
        # it must know before its first item. Later chunks find the flags polled already.
        flags.poll()
        threading.Thread(target=flags.watch, name=f"batchpilot-flags-{job.job_id}", daemon=True).start()
    return flags


def _release_flags(flags: _Flags) -> None:
    with _FLAGS_LOCK:
        flags.users -= 1
        flags.idle_since = monotonic()


# ------------------------------------------------------------------ runners, per process

_IDLE_RUNNERS: list[Any] = []
_RUNNERS_LOCK = threading.Lock()


def _take_runner(threads: int, memory_backstop: int | None) -> Any:
    from workers.dask.runner import Runner

    stale = []
    try:
        with _RUNNERS_LOCK:
            while _IDLE_RUNNERS:
                runner = _IDLE_RUNNERS.pop()
                if runner.alive() and runner.memory_backstop == memory_backstop:
                    return runner
                stale.append(runner)  # dead, or started with another job's memory limit
    finally:
        for runner in stale:
            runner.close(wait=1.0)
    return Runner(threads, memory_backstop)


def _give_back(runner: Any) -> None:
    with _RUNNERS_LOCK:
        _IDLE_RUNNERS.append(runner)


def warm_runners(dask_worker: Any) -> int:
    """Start one runner per worker thread ahead of the first chunk (run through ``Client.run``,
    which passes the worker as ``dask_worker``)."""
    threads = dask_worker.state.nthreads
    with _RUNNERS_LOCK:
        missing = threads - len(_IDLE_RUNNERS)
    for _ in range(missing):
        _give_back(_take_runner(threads, None))
    return max(0, missing)


def stop_idle_runners() -> int:
    """Stop the runners no chunk is using (run through ``Client.run`` when a client closes)."""
    with _RUNNERS_LOCK:
        idle = list(_IDLE_RUNNERS)
        _IDLE_RUNNERS.clear()
    for runner in idle:
        runner.close(wait=2.0)
    return len(idle)


# ------------------------------------------------------------------ one chunk


class _Chunk:
    def __init__(self, job: JobSpec, chunk_no: int, flags: _Flags) -> None:
        from distributed import get_worker

        self.job = job
        self.chunk_no = chunk_no
        self.flags = flags
        self.worker = get_worker()
        self.threads = self.worker.state.nthreads
        self.attempt = uuid.uuid4().hex[:12]
        self.slot = threading.get_ident()  # tells apart the runners of one Dask worker
        self.results: list[tuple[Any, ...]] = []
        self.todo: dict[int, WorkItem] = {}
        cap = job.max_memory_mb
        self.backstop = max(4 * cap << 20, (cap << 20) + (4 << 30)) if cap else None

    def message(self, records: Sequence[tuple[Any, ...]]) -> list[Any]:
        return [self.job.job_id, self.chunk_no, self.attempt, self.worker.address, self.slot, list(records)]

    def send(self, records: Sequence[tuple[Any, ...]]) -> None:
        if not records:
            return
        try:
            self.worker.log_event(TOPIC, self.message(records))
        except TypeError:  # a task returned data msgpack cannot carry: send the rest
            self.worker.log_event(TOPIC, self.message([wire.without_data(r) for r in records]))

    def end(self, record: tuple[Any, ...]) -> None:
        if self.todo.pop(record[1], None) is not None:
            self.results.append(record)

    def run(self, items: list[WorkItem]) -> list[Any]:
        self.todo = {w.id: w for w in items}
        runner = None
        try:
            while self.todo and not (self.flags.kill.is_set() or self.flags.drain.is_set()):
                if runner is None:
                    runner = _take_runner(self.threads, self.backstop)
                if self.serve(runner, list(self.todo.values())):
                    break  # the runner went through the batch (or was drained)
                runner.close(wait=1.0)  # it died or was killed: a fresh one takes the rest
                runner = None
        except BaseException:
            if runner is not None:  # a bug here: never leave a runner working for nobody
                runner.kill("the chunk failed")
                runner.close(wait=1.0)
            raise
        if runner is not None:
            if self.flags.kill.is_set() or not runner.alive():
                runner.close(wait=1.0)
            else:
                _give_back(runner)
        self.results.extend((NOT_RUN, item_id) for item_id in self.todo)
        self.send([r for r in self.results if r[0] == NOT_RUN])
        return self.message(self.results)

    def serve(self, runner: Any, batch: list[WorkItem], message: tuple[Any, ...] | None = None) -> bool:
        """Run ``batch`` on ``runner`` (or send it ``message``, a help); True when it reported the
        batch done, False when it was lost."""
        job = self.job
        if runner.job_id != job.job_id:
            runner.send(wire.job_message(job.task_spec, job.options_blob, job.run_token or run_token()))
            runner.job_id = job.job_id
        paused = self.flags.pause.is_set()
        if paused:
            runner.send((wire.PAUSE,))  # before the batch, or the runner may start an item first
        drained = False
        runner.send(message or wire.batch_message(self.chunk_no, batch))
        rss_checked = 0.0
        announced = IDLE
        while True:
            if self.flags.kill.is_set():
                runner.kill("cancelled")
                runner.process.wait()
                return True
            if self.flags.drain.is_set() and not drained:
                runner.send((wire.DRAIN,))
                runner.job_id = None  # a drained runner must reload the job to run again
                drained = True
            if self.flags.pause.is_set() != paused:
                paused = not paused
                runner.send((wire.PAUSE,) if paused else (wire.RESUME,))
            now = monotonic()
            current = runner.current[0]
            if current >= 0 and current != announced and now - runner.started[0] >= ANNOUNCE_AFTER:
                announced = current  # (a helper's slot says HELPING: no item of its own)
                self.send([(ACTIVE, current)])
            if current != IDLE and runner.kill_reason is None:
                if job.timeout and current >= 0 and now - runner.started[0] > job.timeout:
                    runner.kill(f"timed out after {job.timeout:g} s")
                elif job.max_memory_mb and now - rss_checked >= MEMORY_CHECK_SECONDS:
                    rss_checked = now
                    rss = tree_rss(runner.pid)
                    if rss > job.max_memory_mb << 20:
                        runner.kill(f"used {rss / 2**20:.0f} MB of memory, over the "
                                    f"{job.max_memory_mb} MB limit per worker")
            if wait([runner.outbox], timeout=TICK):
                try:
                    records = runner.outbox.recv()
                except (EOFError, OSError):
                    return self.lost(runner)
                if self.take(records):
                    if paused:
                        runner.send((wire.RESUME,))
                    return True
            elif not runner.alive():
                return self.lost(runner)

    def take(self, message: wire.Flush) -> bool:
        """Forward a runner's flush as records; True when it ended the runner's batch."""
        records, batches_done = expand(message)
        for r in records:
            if r[0] in TERMINAL_CODES:
                self.end(r)
        self.send(records)
        return bool(batches_done)

    def lost(self, runner: Any) -> bool:
        """The runner died: keep what it flushed, then blame the item it was on."""
        try:
            while runner.outbox.poll():
                self.take(runner.outbox.recv())
        except (EOFError, OSError):
            pass
        returncode = runner.process.wait()
        blamed = runner.current[0]
        item = self.todo.get(blamed) if blamed != IDLE else None
        reason = runner.kill_reason or crash_reason(returncode)
        records: list[tuple[Any, ...]] = [(LOST, item.id if item else None, reason)]
        if item is not None:
            if runner.kill_reason:  # a limit we enforce: the file fails, retrying would not help
                record = wire.failed_record(item.id, reason, "", monotonic() - runner.started[0])
            else:
                record = (CRASHED, item.id, reason)
            self.end(record)
            records.append(record)
        self.send(records)
        return False


class _Help(_Chunk):
    """A chunk of no items: its runner helps with an item another chunk runs (Task.help)."""

    def help(self, item: WorkItem) -> None:
        runner = _take_runner(self.threads, self.backstop)
        try:
            served = self.serve(runner, [], wire.help_message(self.chunk_no, item))
        except BaseException:
            runner.kill("the help failed")
            runner.close(wait=1.0)
            raise
        if served and runner.alive() and not self.flags.kill.is_set():
            _give_back(runner)
        else:
            runner.close(wait=1.0)


def run_help(job: JobSpec, chunk_no: int, item: WorkItem) -> None:
    """The Dask task that helps with a long item another chunk runs (see DaskJob's helpers)."""
    flags = _acquire_flags(job)
    try:
        if not (flags.kill.is_set() or flags.drain.is_set()):
            _Help(job, chunk_no, flags).help(item)
    finally:
        _release_flags(flags)


def run_chunk(job: JobSpec, chunk_no: int, items: list[WorkItem]) -> list[Any]:
    """The Dask task: run ``items`` in a runner process; returns every item's terminal record."""
    flags = _acquire_flags(job)
    try:
        return _Chunk(job, chunk_no, flags).run(items)
    finally:
        _release_flags(flags)


def options_blob(options: Any) -> bytes:
    """Task options as the runners receive them (the same pickle the local engine sends)."""
    return pickle.dumps(options)


__all__ = ["ACTIVE", "CRASHED", "LOST", "NOT_RUN", "TOPIC", "JobSpec", "run_chunk", "run_help", "stop_idle_runners",
           "warm_runners"]
