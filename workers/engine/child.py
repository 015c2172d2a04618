"""The worker process: runs batches of items for the pool in :mod:`workers.engine.pool`.

Kept small on purpose: a spawned worker imports only this and the task it is given.
Messages from the parent are read by a thread, so the parent's sends never wait on the
item being worked on, and a parent that dies (its end of the pipe closes) takes the worker
and everything the worker started with it.
"""

from __future__ import annotations

import functools
import os
import pickle
import queue
import signal
import sys
import threading
import time
import traceback
import warnings
from collections import deque
from multiprocessing.connection import Connection
from time import monotonic
from typing import Any

from workers.engine import wire
from workers.outputs import set_run_token
from workers.task import ItemError, SkipItem, WorkItem

FLUSH_SECONDS = 0.05
FLUSH_EVENTS = 512
PROGRESS_SECONDS = 0.1
IDLE = -1
# Batches arrive as plain tuples (they pickle with no Python call per item); this makes them
# WorkItems again without one either.
_as_item = functools.partial(tuple.__new__, WorkItem)


class Reporter:
    """What a task gets as ``report``: ``report(fraction, message)`` sends its progress
    (throttled), and ``report.threads(requested)`` says how many threads it may use."""

    __slots__ = ("_worker",)

    def __init__(self, worker: _Worker) -> None:
        self._worker = worker

    def __call__(self, fraction: float, message: str = "") -> None:
        self._worker.report(fraction, message)

    def threads(self, requested: int = 0) -> int:
        """``requested`` if set, else the cores shared among the workers busy right now, so the
        last file of a batch is not left on one thread while a core idles."""
        if requested > 0:
            return requested
        sharing = sum(1 for item in self._worker.busy if item != IDLE)
        return max(1, (os.cpu_count() or 1) // max(1, sharing))


def _die_with_group() -> None:
    """Exit now, taking any grandchildren (encoders, converters) in our process group along."""
    if hasattr(os, "killpg"):
        try:
            os.killpg(os.getpgid(0), signal.SIGKILL)
        except OSError:
            pass
    os._exit(3)


class _Worker:
    def __init__(self, index: int, inbox: Connection, outbox: Connection, current: Any, started: Any,
                 busy: Any) -> None:
        self.index = index
        self.busy = busy  # every worker's current item: who shares the cores now
        self.inbox = inbox
        self.outbox = outbox
        # Typed views of the shared slots: a store through them costs a third of a ctypes store.
        self.current = memoryview(current).cast("B").cast("q")
        self.started = memoryview(started).cast("B").cast("d")
        self.jobs: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()
        self.running = threading.Event()  # cleared while paused
        self.running.set()
        self.paused = False  # the same, as a plain flag for the per-item check
        self.draining = False
        # What waits to be sent. The two commonest records travel as columns of ids, which
        # pickle and unpickle far cheaper than a tuple each; see :func:`expand`.
        self.buf: list[tuple[Any, ...]] = []
        self.started_ids: list[int] = []
        self.done_ids: list[int] = []
        self.done_elapsed: list[float] = []
        self.batches_done: list[int] = []
        # Batches received and not finished, by id: the parent may take their unstarted items
        # back for an idle worker while we are stuck on a long item. Both threads pop items off
        # the same deque (atomic under the GIL), so each item is run here or given back, never both.
        self.open_batches: dict[int, deque[tuple[Any, ...]]] = {}
        self.given_back: list[tuple[int, list[int]]] = []  # (batch id, item ids): the inbox thread's
        self.batch_lock = threading.Lock()  # a give-back and the end of its batch, one at a time
        self.waiting = 0  # records buffered, all kinds
        self.send_lock = threading.Lock()  # see "events to the parent"
        self.in_task = False
        self.flushing = False
        self.last_flush = monotonic()
        self.task: Any = None
        self.options: Any = None
        self.task_error = ""
        self.item_id = IDLE
        self.last_report = 0.0
        self.reporter = Reporter(self)

    # -- messages from the parent ------------------------------------------------------
    def read_inbox(self) -> None:
        try:
            while True:
                msg = self.inbox.recv()
                kind = msg[0]
                if kind == wire.PAUSE:
                    self.paused = True
                    self.running.clear()
                elif kind == wire.RESUME:
                    self.paused = False
                    self.running.set()
                elif kind == wire.DRAIN:
                    self.draining = True
                    self.paused = False
                    self.running.set()
                elif kind == wire.GIVE_BACK:
                    self.give_back(msg[1])
                elif kind == wire.BATCH:
                    remaining = self.open_batches[msg[1]] = deque(msg[2])
                    self.jobs.put((wire.BATCH, msg[1], remaining))
                else:
                    self.jobs.put(msg)
        except (EOFError, OSError):
            _die_with_group()  # the supervisor is gone: no orphans

    def give_back(self, batch_id: int) -> None:
        """Inbox thread: hand the parent every item of ``batch_id`` not started yet."""
        with self.batch_lock:
            remaining = self.open_batches.get(batch_id)
            taken = []
            try:
                while remaining:
                    taken.append(remaining.pop())
            except IndexError:  # the main thread took the last one meanwhile
                pass
            if taken:
                taken.reverse()
                # Sent with the next flush; appended to the list the sender swaps out first,
                # so an append racing with a send lands in this flush or the next, never lost.
                self.given_back.append((batch_id, [raw[0] for raw in taken]))

    # -- events to the parent ----------------------------------------------------------
    # The buffers belong to the main thread while it is outside a task: the per-item records
    # are appended there without a lock (a lock costs more than the rest of an item's
    # bookkeeping). While a task runs, ``in_task`` is set and the buffers are shared with the
    # flush thread, both sides holding ``send_lock``; leaving the task, the main thread waits
    # out a flush in progress (see flush_stale).
    def flush(self) -> None:
        """Send everything buffered (main thread, outside a task)."""
        if self.waiting or self.batches_done or self.given_back:
            given_back, self.given_back = self.given_back, []
            self.outbox.send(wire.Flush(self.started_ids, self.done_ids, self.done_elapsed, self.buf,
                                        self.batches_done, given_back))
            self.buf, self.started_ids, self.done_ids, self.done_elapsed = [], [], [], []
            self.batches_done = []
            self.waiting = 0
        self.last_flush = monotonic()

    # No clock in these: the flush thread sends whatever waits longer than FLUSH_SECONDS.
    def emit(self, record: tuple[Any, ...]) -> None:
        self.buf.append(record)
        self.waiting += 1
        if self.waiting >= FLUSH_EVENTS:
            self.flush()

    def emit_done(self, item_id: int, elapsed: float) -> None:
        self.done_ids.append(item_id)
        self.done_elapsed.append(elapsed)
        self.waiting += 1
        if self.waiting >= FLUSH_EVENTS:
            self.flush()

    def flush_stale(self) -> None:
        """Thread: while a task runs, send what waited longer than FLUSH_SECONDS, so an item
        that reports nothing for a while still shows up as started at once."""
        tick = threading.Event()
        while True:
            tick.wait(FLUSH_SECONDS)
            # Announce first, then look: the main thread clears ``in_task`` first, then looks
            # at ``flushing``; with the GIL's ordering one of us always sees the other.
            self.flushing = True
            try:
                if self.in_task and monotonic() - self.last_flush >= FLUSH_SECONDS:
                    with self.send_lock:  # report() appends under it while the task runs
                        self.flush()
            except (OSError, EOFError):
                _die_with_group()
            finally:
                self.flushing = False

    # -- work ----------------------------------------------------------------------------
    def load_job(self, spec: str, options_blob: bytes, run_token: str) -> None:
        self.draining = False
        set_run_token(run_token)  # partial outputs carry the run's mark: two runs never share one
        try:
            from workers.registry import load_task

            self.task = load_task(spec)
            self.options = pickle.loads(options_blob)
            self.task_error = ""
        except Exception as exc:
            self.task = None
            self.task_error = f"the task could not be loaded in the worker: {type(exc).__name__}: {exc}"

    def report(self, fraction: float, message: str = "") -> None:
        """The task's only channel: throttled to PROGRESS_SECONDS per item, the end always sent."""
        now = monotonic()
        if fraction >= 1.0 or now - self.last_report >= PROGRESS_SECONDS:
            self.last_report = now
            record = wire.progress_record(self.item_id, min(max(float(fraction), 0.0), 1.0), message)
            with self.send_lock:  # inside a task: the flush thread may be sending
                self.buf.append(record)
                self.waiting += 1

    def run_item(self, item: WorkItem) -> None:
        item_id = self.item_id = item.id
        self.last_report = 0.0
        t0 = self.started[self.index] = monotonic()
        self.current[self.index] = item_id
        self.started_ids.append(item_id)
        self.waiting += 1
        record: tuple[Any, ...]
        try:
            if self.task is None:
                raise ItemError(self.task_error)
            self.in_task = True
            try:
                result = self.task.run(item, self.options, self.reporter)
            finally:
                self.in_task = False
                while self.flushing:  # rare: the flush thread is sending right now
                    time.sleep(0)
            if result is None:
                self.current[self.index] = IDLE
                self.emit_done(item_id, monotonic() - t0)
                return
            record = wire.finished_record(item_id, monotonic() - t0, (result.output, result.message, result.data))
        except SkipItem as exc:
            record = wire.skipped_record(item_id, str(exc))
        except ItemError as exc:
            record = wire.failed_record(item_id, str(exc), "", monotonic() - t0)
        except OSError as exc:  # disk full, permission denied, file gone: say so in plain words
            from workers.errors import describe_os_error

            record = wire.failed_record(item_id, describe_os_error(exc, item), traceback.format_exc(),
                                        monotonic() - t0)
        except MemoryError:
            record = wire.failed_record(item_id, "ran out of memory", traceback.format_exc(), monotonic() - t0)
        except BaseException as exc:  # a bug in a task fails its item, never the worker
            record = wire.failed_record(item_id, f"{type(exc).__name__}: {exc}", traceback.format_exc(),
                                        monotonic() - t0)
        # Cleared before the terminal record can reach the parent: a crash from here on is
        # never blamed on this item.
        self.current[self.index] = IDLE
        self.emit(record)

    def serve(self) -> None:
        while True:
            if (self.waiting or self.batches_done) and self.jobs.empty():
                self.flush()  # about to wait: the parent gets everything we have
            msg = self.jobs.get()
            kind = msg[0]
            if kind == wire.STOP:
                self.flush()
                return
            if kind == wire.JOB:
                self.load_job(msg[1], msg[2], msg[3])
                continue
            _, batch_id, remaining = msg
            take = remaining.popleft
            while not self.draining:
                if self.paused:
                    self.flush()
                    self.running.wait()
                    if self.draining:
                        break
                try:
                    raw = take()
                except IndexError:  # done, or the rest was given back
                    break
                self.run_item(_as_item(raw))
            with self.batch_lock:  # a give-back in progress is recorded before the batch ends
                self.open_batches.pop(batch_id, None)
                self.batches_done.append(batch_id)
            if self.jobs.empty():
                self.flush()  # on our last batch: let the parent send the next one now


    def warn(self, message: Any, category: type[Warning], filename: str, lineno: int, file: Any = None,
             line: str | None = None) -> None:
        """A library's warning (Pillow's decompression bomb, say) is the current file's, in the
        event stream; never raw text on the terminal."""
        text = f"{category.__name__}: {message}"
        item_id = self.item_id if self.current[self.index] != IDLE else None
        if self.in_task:
            with self.send_lock:
                self.buf.append(wire.log_record(item_id, "warning", text))
                self.waiting += 1
        else:
            self.emit(wire.log_record(item_id, "warning", text))


def worker_main(index: int, inbox: Connection, outbox: Connection, current: Any, started: Any,
                workers: int, memory_backstop: int | None = None) -> None:
    """Entry point of a worker process."""
    if hasattr(os, "setsid"):
        os.setsid()  # own process group: cancel-now kills it whole, encoders included
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the supervisor's to handle
    if memory_backstop:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_backstop, memory_backstop))
        except (ImportError, ValueError, OSError):
            pass
    # The inbox and flush threads need the GIL only briefly, but a busy main thread gives it up
    # only every switch interval (5 ms by default): a batch could sit unread while we idle.
    sys.setswitchinterval(0.0005)
    worker = _Worker(index, inbox, outbox, current, started, current)
    # Every warning, every time, for the file it concerns (not once per place in the code).
    warnings.simplefilter("always")
    warnings.showwarning = worker.warn
    threading.Thread(target=worker.read_inbox, name="inbox", daemon=True).start()
    threading.Thread(target=worker.flush_stale, name="flush", daemon=True).start()
    try:
        worker.serve()
    except (BrokenPipeError, EOFError, OSError):
        _die_with_group()
    sys.stdout.flush()
