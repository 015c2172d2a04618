"""The worker process: runs batches of items for the pool in :mod:`workers.engine.pool`.

Kept small on purpose: a spawned worker imports only this and the task it is given.
Messages from the parent are read by a thread, so the parent's sends never wait on the
item being worked on, and a parent that dies (its end of the pipe closes) takes the worker
and everything the worker started with it.
"""

from __future__ import annotations

import atexit
import os
import pickle
import queue
import signal
import sys
import threading
import warnings
from collections import deque
from collections.abc import Iterator
from multiprocessing.connection import Connection
from time import monotonic
from typing import Any, NamedTuple

from workers.engine import wire
from workers.outputs import GroupCommit, set_run_token, start_group_commit
from workers.task import ItemError, SkipItem, WorkItem

# A worker flushes what it has every FLUSH_SECONDS, at the end of each batch (so the parent
# sends the next one while it runs the one queued) and at FLUSH_EVENTS events. The consumer
# gets events every 50 ms (EngineOptions.deliver_seconds) anyway: flushing tiny items every
# 512 events woke the parent ten times as often for nothing it could show sooner.
FLUSH_SECONDS = 0.05
IDLE_FLUSH_SECONDS = 1.0  # how often an idle worker's flush thread looks (a watch folder idles for hours)
FLUSH_EVENTS = 8192
# An item that ends with nothing to report makes two events (started, finished): the per-item
# loop counts items down, not events.
FLUSH_ITEMS = FLUSH_EVENTS // 2
PROGRESS_SECONDS = 0.1
IDLE = -1
HELPING = -2  # the current slot of a worker helping with another's item (see run_help): busy, no item


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


class _Batch(NamedTuple):
    ids: deque[int]  # of the items not started or given back yet
    items: Iterator[WorkItem]  # the batch's items in order, made as they are taken


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
        self.has_work = threading.Event()  # set while the main thread has work (see flush_stale)
        self.flush_soon = threading.Event()  # the main thread asks the flush thread to flush now
        self.paused = False  # the same, as a plain flag for the per-item check
        self.draining = False
        # What waits to be sent. The two commonest records travel as columns of ids, which
        # pickle and unpickle far cheaper than a tuple each; see :func:`expand`. Any thread
        # appends to these, with no lock (see "events to the parent"); they are never replaced,
        # so the per-item loop keeps them in local variables.
        self.buf: list[tuple[Any, ...]] = []
        self.started_ids: list[int] = []
        self.done_ids: list[int] = []
        self.done_elapsed: list[float] = []
        self.batches_done: list[int] = []
        # Batches received and not finished, by id: the parent may take their unstarted items
        # back for an idle worker while we are stuck on a long item. Both threads pop item ids
        # off the same deque (atomic under the GIL), the main thread from the left, taking the
        # item that goes with each id from the batch's items in order, the inbox thread from
        # the right: each item is run here or given back, never both. A batch stays the message
        # it came in until it is started or asked back (see _batch).
        self.open_batches: dict[int, _Batch | tuple[Any, ...]] = {}
        self.given_back: list[tuple[int, list[int]]] = []  # (batch id, item ids): the inbox thread's
        self.batch_lock = threading.Lock()  # a give-back and the end of its batch, one at a time
        self.send_lock = threading.Lock()  # one flush at a time
        self.last_flush = monotonic()
        self.task: Any = None
        self.options: Any = None
        self.task_error = ""
        self.reported_item = IDLE  # the item the last progress report was for, and when
        self.last_report = 0.0
        self.reporter = Reporter(self)
        self.group: GroupCommit | None = None  # set by worker_main: outputs made durable per flush
        self.warmed: tuple[str, Any] | None = None  # (spec, task) loaded ahead of the first job

    # -- messages from the parent ------------------------------------------------------
    def read_inbox(self) -> None:
        reader = wire.Reader(self.inbox)
        try:
            while True:
                msg = reader.recv()
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
                    self.open_batches[msg[1]] = msg
                    self.jobs.put((wire.BATCH, msg[1]))
                else:
                    self.jobs.put(msg)
        except (EOFError, OSError):
            _die_with_group()  # the supervisor is gone: no orphans

    def _batch(self, batch_id: int) -> _Batch | None:
        """An open batch, read from its message on first use (``batch_lock`` held): by the
        main thread as it starts the batch, not by the inbox thread as it arrives, so its
        items are made on the core that runs them (made on another, each was a few cache
        misses more for both threads)."""
        entry = self.open_batches.get(batch_id)
        if entry is None or isinstance(entry, _Batch):
            return entry
        ids, items = wire.read_batch(entry)
        batch = self.open_batches[batch_id] = _Batch(deque(ids), items)
        return batch

    def open_batch(self, batch_id: int) -> _Batch:
        """Main thread: a batch it starts."""
        with self.batch_lock:
            return self._batch(batch_id) or _Batch(deque(), iter(()))

    def give_back(self, batch_id: int) -> None:
        """Inbox thread: hand the parent every item of ``batch_id`` not started yet."""
        with self.batch_lock:
            batch = self._batch(batch_id)
            remaining = batch.ids if batch is not None else None
            taken = []
            try:
                while remaining:
                    taken.append(remaining.pop())
            except IndexError:  # the main thread took the last one meanwhile
                pass
            if taken:
                taken.reverse()
                self.given_back.append((batch_id, taken))  # sent with the next flush

    # -- events to the parent ----------------------------------------------------------
    # Records are appended by whichever thread makes them (the main thread, the task's own
    # threads reporting progress or warnings, the inbox thread giving items back) with no lock:
    # a lock, or a flag saying who owns the buffers, cost more than the rest of a tiny item's
    # bookkeeping. A flush (either thread: the main one by count or at a batch's end, the
    # flush thread when an item runs long) copies each list, which is atomic under the GIL,
    # sends the copies and deletes only what it copied: an append meanwhile lands in the next
    # flush, never lost. The copies are taken in reverse order of the appends (a batch's end
    # after its items' ends, an item's end after its start), so a flush never carries an end
    # whose start or a batch end whose items' ends it lacks.
    def unsent(self) -> bool:
        return bool(self.started_ids or self.done_ids or self.buf or self.batches_done or self.given_back)

    def flush(self) -> None:
        """Send everything buffered; the outputs of the items it says are done are made durable
        first (see :meth:`make_durable`)."""
        with self.send_lock:
            if self.unsent():
                batches_done = self.batches_done[:]
                given_back = self.given_back[:]
                records = self.buf[:]
                count = len(self.done_elapsed)  # appended after its id: done_ids has as many
                done_elapsed = self.done_elapsed[:count]
                done_ids = self.done_ids[:count]
                started = self.started_ids[:]
                group = self.group
                if group is not None and (group.pending() or group.unsaved):
                    done_ids, done_elapsed, records = self.make_durable(group, done_ids, done_elapsed, records)
                wire.send(self.outbox, wire.make_flush(started, done_ids, done_elapsed, records, batches_done,
                                                       given_back))
                del self.batches_done[:len(batches_done)], self.given_back[:len(given_back)]
                del self.buf[:len(records)], self.done_elapsed[:count], self.done_ids[:count]
                del self.started_ids[:len(started)]
            self.last_flush = monotonic()

    def make_durable(self, group: GroupCommit, done_ids: list[int], done_elapsed: list[float],
                     records: list[tuple[Any, ...]]) -> tuple[list[int], list[float], list[tuple[Any, ...]]]:
        """The group commit: one sync of every output written so far, before the ends that say
        their items are done leave for the parent (whose journal records them as done).

        Called with the flush's copies taken: every end in them came after its item's outputs
        were renamed into place, so those outputs are among what the sync takes. Should the sync
        fail, those items end as failed instead (their outputs removed: see GroupCommit.sync).
        """
        group.sync()
        unsaved = group.unsaved
        if not unsaved:
            return done_ids, done_elapsed, records
        if any(i in unsaved for i in done_ids):
            kept = [(i, e) for i, e in zip(done_ids, done_elapsed, strict=True) if i not in unsaved]
            records = records + [wire.failed_record(i, unsaved.pop(i), "", e)
                                 for i, e in zip(done_ids, done_elapsed, strict=True) if i in unsaved]
            done_ids, done_elapsed = [i for i, _ in kept], [e for _, e in kept]
        if any(r[0] == wire.FINISHED and r[1] in unsaved for r in records):
            records = [wire.failed_record(r[1], unsaved.pop(r[1]), "", r[2])
                       if r[0] == wire.FINISHED and r[1] in unsaved else r for r in records]
        return done_ids, done_elapsed, records

    def emit(self, record: tuple[Any, ...]) -> None:
        """Main thread: buffer a record (no clock here: see flush_stale)."""
        self.buf.append(record)
        if len(self.buf) + len(self.started_ids) + len(self.done_ids) >= FLUSH_EVENTS:
            self.flush()

    def flush_stale(self) -> None:
        """Thread: send what waited longer than FLUSH_SECONDS, so an item that runs a while
        shows up as started at once and a slow stream of items is seen as it goes; and send at
        once when the main thread asks (``flush_soon``: a batch ended whose outputs are to be
        synced, while the main thread goes on with the next)."""
        soon = self.flush_soon
        while True:
            if not self.has_work.is_set():  # waiting for work: look now and then, not 20 times a second
                self.has_work.wait(IDLE_FLUSH_SECONDS)
            asked = soon.wait(FLUSH_SECONDS)
            if asked:
                soon.clear()
            try:
                if asked or monotonic() - self.last_flush >= FLUSH_SECONDS:
                    self.flush()
            except (OSError, EOFError):
                _die_with_group()

    # -- work ----------------------------------------------------------------------------
    def warm(self, spec: str) -> None:
        """Load the task the first job will run, and let it import what it needs (its optional
        ``warm_up``), while the parent still plans. Any trouble is left for the job to report."""
        try:
            from workers.registry import load_task

            task = load_task(spec)
            warm_up = getattr(task, "warm_up", None)
            if callable(warm_up):
                warm_up()
        except Exception:
            return
        self.warmed = (spec, task)

    def load_job(self, spec: str, options_blob: bytes, run_token: str) -> None:
        self.draining = False
        set_run_token(run_token)  # partial outputs carry the run's mark: two runs never share one
        warmed, self.warmed = self.warmed, None  # a task instance serves one job, as ever
        try:
            from workers.registry import load_task

            self.task = warmed[1] if warmed is not None and warmed[0] == spec else load_task(spec)
            self.options = pickle.loads(options_blob)
            self.task_error = ""
        except Exception as exc:
            self.task = None
            self.task_error = f"the task could not be loaded in the worker: {type(exc).__name__}: {exc}"

    def report(self, fraction: float, message: str = "") -> None:
        """The task's only channel: throttled to PROGRESS_SECONDS per item (an item's first
        report and its end always sent). A report outside any item (from a thread the task
        left behind) has no item to belong to and is dropped."""
        item_id = self.current[self.index]
        if item_id < 0:  # IDLE or HELPING: the progress of a helped item is its runner's to tell
            return
        now = monotonic()
        if fraction >= 1.0 or item_id != self.reported_item or now - self.last_report >= PROGRESS_SECONDS:
            self.reported_item = item_id
            self.last_report = now
            self.buf.append(wire.progress_record(item_id, min(max(float(fraction), 0.0), 1.0), message))

    def _no_task(self, item: WorkItem, options: Any, report: Any) -> Any:
        raise ItemError(self.task_error)

    def run_batch(self, batch: _Batch) -> None:
        """Run a batch's items until it is empty (or given back), drained or paused.

        The loop is the engine's per-item cost for tiny items, so what it touches is held in
        locals, and an item that ends with nothing to report costs no Python call of ours;
        anything else (a result, an error) goes through :meth:`item_ended`.
        """
        remaining = batch.ids
        take, next_item = remaining.popleft, batch.items.__next__
        index, current, started = self.index, self.current, self.started
        started_ids, done_ids, done_elapsed = self.started_ids, self.done_ids, self.done_elapsed
        run = self._no_task if self.task is None else self.task.run
        options, reporter = self.options, self.reporter
        clock = monotonic
        countdown = FLUSH_ITEMS
        t0 = 0.0
        # The last item ended with nothing to report and its time is not taken yet: the next
        # item's start is its end (one clock read per item, not two).
        unclocked = False
        while not self.draining:
            if self.paused:
                if unclocked:
                    done_elapsed.append(clock() - t0)
                    unclocked = False
                self.flush()
                self.running.wait()
                if self.draining:
                    break
            try:
                item_id = take()
            except IndexError:  # done, or the rest was given back
                break
            item = next_item()  # the one that goes with item_id: both are taken in order
            now = clock()
            if unclocked:
                done_elapsed.append(now - t0)  # after its id: see flush
                unclocked = False
            countdown -= 1
            if not countdown:
                countdown = FLUSH_ITEMS
                self.flush()
                now = clock()
            # Written before the item runs: a crash from here on blames it, a timeout counts from here.
            t0 = started[index] = now
            current[index] = item_id
            started_ids.append(item_id)
            try:
                result = run(item, options, reporter)
            except BaseException as exc:  # a bug in a task fails its item, never the worker
                self.item_ended(item, t0, None, exc)
            else:
                if result is None:
                    # Cleared before the end can reach the parent: a crash from here on is
                    # never blamed on this item.
                    current[index] = IDLE
                    done_ids.append(item_id)
                    unclocked = True
                else:
                    self.item_ended(item, t0, result, None)
        if unclocked:
            done_elapsed.append(clock() - t0)

    def keep_helping(self) -> bool:
        """A helper stops taking new pieces once it has anything else to do, or is paused."""
        return not (self.draining or self.paused) and self.jobs.empty()

    def run_help(self, item: WorkItem) -> None:
        """Help with ``item``, which another worker runs (Task.help). The slot says HELPING: busy
        (the cores are shared with it, a full pause stops it) but with no item to blame if it
        dies; the item's runner takes over whatever a helper leaves unfinished."""
        help_ = getattr(self.task, "help", None)
        if self.task is None or not getattr(self.task, "helps", False) or help_ is None:
            return
        self.started[self.index] = monotonic()
        self.current[self.index] = HELPING
        try:
            help_(item, self.options, self.reporter, self.keep_helping)
        except Exception as exc:  # the item's runner does the work instead: said, not fatal
            self.buf.append(wire.log_record(item.id, "info", f"a worker could not help with it: "
                                                             f"{type(exc).__name__}: {exc}"))
        finally:
            self.current[self.index] = IDLE

    def item_ended(self, item: WorkItem, t0: float, result: Any, exc: BaseException | None) -> None:
        """Buffer the end of an item that returned a result or raised (called in the except
        block, so the traceback is still at hand)."""
        import traceback  # here, not at the start of every worker: most items end well

        record: tuple[Any, ...]
        item_id = item.id
        if exc is None:
            record = wire.finished_record(item_id, monotonic() - t0, (result.output, result.message, result.data))
        elif isinstance(exc, SkipItem):
            record = wire.skipped_record(item_id, str(exc))
        elif isinstance(exc, ItemError):
            record = wire.failed_record(item_id, str(exc), "", monotonic() - t0)
        elif isinstance(exc, OSError):  # disk full, permission denied, file gone: say so in plain words
            from workers.errors import describe_os_error

            record = wire.failed_record(item_id, describe_os_error(exc, item), traceback.format_exc(),
                                        monotonic() - t0)
        elif isinstance(exc, MemoryError):
            record = wire.failed_record(item_id, "ran out of memory", traceback.format_exc(), monotonic() - t0)
        else:
            record = wire.failed_record(item_id, f"{type(exc).__name__}: {exc}", traceback.format_exc(),
                                        monotonic() - t0)
        # Cleared before the terminal record can reach the parent: a crash from here on is
        # never blamed on this item.
        self.current[self.index] = IDLE
        self.emit(record)

    def serve(self) -> None:
        while True:
            if self.unsent() and self.jobs.empty():
                self.flush()  # about to wait: the parent gets everything we have
            self.has_work.clear()
            msg = self.jobs.get()
            self.has_work.set()
            kind = msg[0]
            if kind == wire.STOP:
                self.flush()
                return
            if kind == wire.JOB:
                self.load_job(msg[1], msg[2], msg[3])
                continue
            if kind == wire.WARM:
                self.warm(msg[1])
                continue
            batch_id = msg[1]
            if kind == wire.HELP:
                self.run_help(WorkItem(*msg[2]))
            else:
                self.run_batch(self.open_batch(batch_id))
            self.end_batch(batch_id)

    def end_batch(self, batch_id: int) -> None:
        """Main thread: a batch (or a help) is over. Said at once, so the parent sends the next
        batch while we run the one queued; but when outputs wait to be synced first (the group
        commit) and a batch is queued, the flush thread sends it, after a sync that runs beside
        that batch rather than before it."""
        with self.batch_lock:  # a give-back in progress is recorded before the batch ends
            self.open_batches.pop(batch_id, None)
            self.batches_done.append(batch_id)
        group = self.group
        if group is not None and group.pending() and not self.jobs.empty():
            self.flush_soon.set()
        else:
            self.flush()

    def warn(self, message: Any, category: type[Warning], filename: str, lineno: int, file: Any = None,
             line: str | None = None) -> None:
        """A library's warning (Pillow's decompression bomb, say) is the current file's, in the
        event stream; never raw text on the terminal."""
        text = f"{category.__name__}: {message}"
        current = self.current[self.index]
        self.buf.append(wire.log_record(current if current >= 0 else None, "warning", text))


def worker_main(index: int, inbox: Connection, outbox: Connection, current: Any, started: Any,
                workers: int, memory_backstop: int | None = None, spawned: bool = False) -> None:
    """Entry point of a worker process; ``spawned``: a fresh interpreter of its own (not forked)."""
    if hasattr(os, "setpgid"):
        # Its own process group, so cancel-now kills it whole, encoders included. Not its own
        # session (setsid): Linux schedules each session as a group of its own, and every
        # worker would get as much CPU as the whole desktop session, window included.
        os.setpgid(0, 0)
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
    slots = worker.current
    worker.group = start_group_commit(lambda: int(slots[index]))
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
    if spawned:
        # Told to stop, everything sent: leave without tearing the interpreter down module by
        # module (the parent waits for that), with the exit handlers run as a normal exit would.
        # (A forked worker's handlers are its parent's, never run here: multiprocessing's own
        # exit after a fork skips them too.)
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
