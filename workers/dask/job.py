"""One batch on a Dask cluster, seen from the client: chunks out, records in, one end per item.

Everything arrives on one queue, read by the thread that called ``run``: record messages
from the event-log subscription, finished chunks from future callbacks, and pause/cancel
commands from any thread. Each item has an owner (the chunk now responsible for it) and
each chunk its current attempt, so messages from a chunk the scheduler re-ran after its
worker died, or from an item already retried elsewhere, are recognised and dropped.
"""

from __future__ import annotations

import queue
import uuid
from collections import deque
from dataclasses import dataclass, field
from time import monotonic, sleep
from typing import Any, Protocol

from workers.dask.checks import PathMap
from workers.dask.helping import Helpers
from workers.dask.remote import ACTIVE, CRASHED, LOST, NOT_RUN, TOPIC, JobSpec, options_blob, run_chunk
from workers.dask.sizing import ChunkCutter
from workers.engine import EngineOptions, JobSummary
from workers.engine.ledger import Ledger
from workers.engine.wire import FAILED, FINISHED, LOG, PROGRESS, SKIPPED, STARTED
from workers.events import CancelStarted, ItemStarted, LogMessage, Paused, Resumed, WorkerLost
from workers.outputs import remove_partial, run_token
from workers.states import Control, ItemState
from workers.task import Task, WorkItem


class ClusterEngine(Protocol):
    """What a job needs of the Dask engine that runs it (workers/dask_backend.py)."""

    client: Any
    options: EngineOptions
    paths: PathMap
    address: str  # the scheduler's, as the user is told: tcp://HOST:PORT
    chunk_seconds: float
    max_chunk: int
    max_crashes: int

    @property
    def inbox(self) -> queue.SimpleQueue[tuple[str, Any]]: ...

KILL_GRACE = 5.0  # seconds a cancel-now waits for running chunks to confirm their runners died
GIVE_UP_STREAK = 5  # chunks lost in a row with nobody to blame before the rest fails
NOTICE_LOST_SECONDS = 5.0  # how long a call that failed on the connection waits for the client to see it
LOST_SCHEDULER = ("lost the Dask scheduler at {address}; finished files are kept — "
                  "run again (here or on the cluster) to resume")


def _connection_lost(future: Any) -> bool:
    """Whether the client cancelled ``future`` because it lost its scheduler."""
    exc = getattr(getattr(future, "_state", None), "exception", None)
    return getattr(exc, "reason", None) == "scheduler-connection-lost"


@dataclass
class _Chunk:
    no: int
    ids: list[int]
    future: Any = None
    attempt: str | None = None
    address: str = ""
    slot: int = 0
    current: int | None = None  # item the current attempt is on, as far as we have heard
    announced: set[int] = field(default_factory=set)  # items whose ItemStarted this attempt was sent


class DaskJob:
    """The state of one run on the cluster; ``run`` returns the same JobSummary as the local engine."""

    def __init__(self, engine: ClusterEngine, plan: Any, on_events: Any, threads: int) -> None:
        self.engine = engine
        self.client = engine.client
        self.opts = engine.options
        self.paths = engine.paths
        self.task: Task = plan.task
        self.threads = max(1, threads)
        self.job_id = uuid.uuid4().hex[:16]
        spec = getattr(self.task, "spec", None) or self.task.name
        self.spec = JobSpec(self.job_id, spec, options_blob(self.paths.options(plan.options)),
                            self.opts.timeout, self.opts.max_memory_mb, run_token())
        self.inbox: queue.SimpleQueue[tuple[str, Any]] = engine.inbox
        self.pending = ChunkCutter(plan.items, self.opts, engine.chunk_seconds, engine.max_chunk)
        self.retries: deque[WorkItem] = deque()  # crashed a worker; each goes alone, elsewhere
        self.ledger = Ledger(plan, on_events, self.opts.deliver_seconds)
        self.open = self.ledger.open
        self.owner: dict[int, int] = {}
        self.chunks: dict[int, _Chunk] = {}
        self.chunk_counter = 0
        self.crashed_on: dict[int, list[str]] = {}
        self.runner_index: dict[tuple[str, int], int] = {}
        self.lost_streak = 0
        self.paused = False
        self.cancelling = False
        self.kill_deadline: float | None = None
        self.control_set = False
        self.lost = False  # the client lost its scheduler: the job stops, see stop_lost
        self.helpers = Helpers(self)  # spare threads at the tail help with long items

    # -- item ends ------------------------------------------------------------------------
    @property
    def summary(self) -> JobSummary:
        return self.ledger.summary

    def end_item(self, item: WorkItem, state: ItemState, reason: str = "", output: str | None = None,
                 data: Any = None) -> None:
        self.owner.pop(item.id, None)
        self.ledger.end(item, state, reason, output, data)

    def fail(self, item: WorkItem, reason: str) -> None:
        self.owner.pop(item.id, None)
        self.ledger.fail(item, reason)

    def cancel_item(self, item: WorkItem) -> None:
        self.owner.pop(item.id, None)
        self.ledger.cancel(item)

    def worker_index(self, address: str, slot: int) -> int:
        """A small stable number for each runner, as ItemStarted and WorkerLost carry."""
        return self.runner_index.setdefault((address, slot), len(self.runner_index))

    # -- handing out chunks ---------------------------------------------------------------
    def fill(self) -> None:
        if self.paused or self.cancelling or self.scheduler_lost():
            return
        while self.retries and len(self.chunks) < 2 * self.threads:
            item = self.retries.popleft()
            self.launch([item], avoid=self.crashed_on.get(item.id, []))
        while self.pending and len(self.chunks) < 2 * self.threads:
            self.launch(self.pending.cut(self.threads))
        self.helpers.fill()

    def launch(self, items: list[WorkItem], avoid: list[str] | None = None) -> None:
        self.chunk_counter += 1
        no = self.chunk_counter
        chunk = _Chunk(no, [w.id for w in items])
        self.chunks[no] = chunk
        for w in items:
            self.owner[w.id] = no
        restrictions: dict[str, Any] = {}
        if avoid:
            others = [w for w in self.client.scheduler_info(n_workers=-1)["workers"] if w not in avoid]
            if others:  # a preference: if they all leave, any worker may take it
                restrictions = {"workers": others, "allow_other_workers": True}
        chunk.future = self.client.submit(
            run_chunk, self.spec, no, [self.paths.item(w) for w in items],
            key=f"batchpilot-{self.job_id}-{no}", pure=False, retries=0, **restrictions)
        chunk.future.add_done_callback(lambda _f, no=no: self.inbox.put(("done", (self.job_id, no))))

    # -- records from the workers ---------------------------------------------------------
    def take_message(self, message: list[Any]) -> _Chunk | None:
        job_id, no, attempt, address, slot, records = message
        chunk = self.chunks.get(no) if job_id == self.job_id else None
        if chunk is None:
            return None
        if chunk.attempt != attempt:
            if chunk.attempt is not None:
                self.attempt_lost(chunk, "the Dask worker running it was lost")
            chunk.attempt, chunk.address, chunk.slot = attempt, address, slot
            chunk.announced.clear()
        index = self.worker_index(address, slot)
        kept: list[tuple[Any, ...]] = []
        for r in records:
            code = r[0]
            if code == LOST:
                self.ledger.events.add(WorkerLost(index, r[2], r[1]))
                continue
            item = self.open.get(r[1])
            if item is None or self.owner.get(item.id) != no:
                continue  # already ended, or since handed to another chunk
            if code in (STARTED, ACTIVE):
                chunk.current = item.id
                self.helpers.running(item.id)
                if item.id in chunk.announced:
                    continue  # the runner's own record, after the chunk announced the item
                chunk.announced.add(item.id)
                if code == ACTIVE:
                    self.ledger.events.add(ItemStarted(item.id, index))
                    continue
            elif code == FINISHED:
                r = self.finished(item, r)
            elif code == FAILED:
                self.pending.timed(r[4])
                if item.output:
                    remove_partial(item.output)  # a runner killed mid-write leaves one behind
                self.end_item(item, ItemState.FAILED, r[2])
            elif code == SKIPPED:
                self.end_item(item, ItemState.SKIPPED, r[2])
            elif code == CRASHED:
                self.crashed(item, r[2], address)
                continue
            elif code == NOT_RUN:
                self.not_run(item)
                continue
            elif code not in (PROGRESS, LOG):
                continue
            if chunk.current == item.id and item.id not in self.open:
                chunk.current = None
            kept.append(tuple(r))
        if kept:
            self.ledger.events.add_records(index, kept)
        return chunk

    def finished(self, item: WorkItem, r: Any) -> tuple[Any, ...]:
        _, item_id, elapsed, result = r
        self.pending.timed(elapsed)
        if result is None:
            self.end_item(item, ItemState.DONE)
            return (FINISHED, item_id, elapsed, None)
        output, message, data = result
        if output:
            output = self.paths.to_client(output)
        self.end_item(item, ItemState.DONE, "", output, data)
        return (FINISHED, item_id, elapsed, (output, message, data or {}))

    def crashed(self, item: WorkItem, reason: str, address: str) -> None:
        places = self.crashed_on.setdefault(item.id, [])
        places.append(address)
        self.lost_streak = 0
        if len(places) >= self.engine.max_crashes:
            self.fail(item, f"this file crashed {len(places)} workers (the last one: {reason})")
            return
        if self.cancelling:
            self.cancel_item(item)
            return
        self.owner.pop(item.id, None)
        self.ledger.events.add(LogMessage(item.id, "warning", f"{reason}; trying this file again on another worker"))
        self.retries.append(item)

    def not_run(self, item: WorkItem) -> None:
        if self.cancelling:
            self.cancel_item(item)
        else:
            self.owner.pop(item.id, None)
            self.pending.put_back(item)

    def attempt_lost(self, chunk: _Chunk, reason: str) -> bool:
        """The worker of the chunk's current attempt died: blame the item it was on (True if one was)."""
        index = self.worker_index(chunk.address, chunk.slot)
        item = self.open.get(chunk.current) if chunk.current is not None else None
        blamed = item is not None and self.owner.get(item.id) == chunk.no
        if item is not None and blamed:
            self.ledger.events.add(WorkerLost(index, reason, item.id))
            places = self.crashed_on.setdefault(item.id, [])
            places.append(chunk.address)
            self.lost_streak = 0
            if len(places) >= self.engine.max_crashes:
                self.fail(item, f"this file crashed {len(places)} workers (the last one: {reason})")
        else:
            self.ledger.events.add(WorkerLost(index, reason, None))
        chunk.current = None
        return blamed

    def chunk_done(self, no: int) -> None:
        chunk = self.chunks.pop(no, None)
        if chunk is None:
            return
        future = chunk.future
        if self.scheduler_lost() or _connection_lost(future):
            self.lost = True  # its items stay open: stop_lost ends them all as cancelled
            return
        if future.status == "finished":
            self.chunks[no] = chunk  # its records still count while we read them
            try:
                self.take_message(future.result())
            finally:
                self.chunks.pop(no, None)
            leftover = "the worker returned without running this file (internal error)"
            for item_id in chunk.ids:
                if self.owner.get(item_id) == no:
                    self.fail(self.open[item_id], leftover)
            return
        left = [self.open[i] for i in chunk.ids if i in self.open and self.owner.get(i) == no]
        if future.status == "cancelled":
            for item in left:
                if self.cancelling:
                    self.cancel_item(item)
                else:
                    self.fail(item, "the Dask scheduler dropped this work (was the connection lost?)")
            return
        exc = future.exception()
        from distributed import KilledWorker

        if isinstance(exc, KilledWorker):
            # The scheduler gave up on the chunk after its workers died: the rest of it
            # goes out again, and the file it was on when they died has one more crash.
            if not self.attempt_lost(chunk, "the Dask workers running it kept dying"):
                self.lost_streak += 1
            for item in left:
                if item.id not in self.open:
                    continue
                if self.cancelling:
                    self.cancel_item(item)
                else:
                    self.owner.pop(item.id, None)
                    self.pending.put_back(item)
            if self.lost_streak >= GIVE_UP_STREAK:
                for item in [*self.pending.take_all(), *self.retries]:
                    self.fail(item, "the Dask workers keep dying without finishing anything")
                self.retries.clear()
            return
        reason = f"the Dask task failed: {type(exc).__name__}: {exc}"
        for item in left:
            self.fail(item, reason)

    # -- control ----------------------------------------------------------------------------
    def command(self, cmd: Control) -> None:
        from distributed import Event

        if self.scheduler_lost():
            return  # nobody left to tell; the job is stopping anyway

        def event(name: str) -> Any:
            return Event(self.spec.event_name(name), client=self.client)

        if cmd is Control.HOLD and not self.paused and not self.cancelling:
            self.paused = True
            event("pause").set()
            self.controlled(event)
            self.ledger.events.add(Paused(0, hold=True))
        elif cmd is Control.RESUME and self.paused:
            self.paused = False
            event("pause").clear()
            self.ledger.events.add(Resumed())
        elif cmd in (Control.CANCEL, Control.CANCEL_NOW):
            self.summary.cancelled_by_user = True
            now = cmd is Control.CANCEL_NOW
            if not self.cancelling or (now and self.kill_deadline is None):
                self.ledger.events.add(CancelStarted(now=now))
            if not self.cancelling:
                self.cancelling = True
                for item in [*self.pending.take_all(), *self.retries]:
                    self.cancel_item(item)
                self.retries.clear()
                event("drain").set()
            if now and self.kill_deadline is None:
                event("kill").set()
                self.kill_deadline = monotonic() + KILL_GRACE
            self.controlled(event)
            self.drop_queued_chunks()

    def controlled(self, event: Any) -> None:
        """Tell the workers to start reading the pause and cancel flags (set after them)."""
        if not self.control_set:
            event("control").set()
            self.control_set = True

    def drop_queued_chunks(self) -> None:
        """Cancel the chunks still queued on the scheduler; those on a worker stop by themselves.

        A chunk on a worker may not have said anything yet (a runner sends its first records
        only after a while), so ``processing`` is asked rather than trusting our own records.
        Should one start between the question and the cancel, it finds the flags set and
        returns without running anything.
        """
        busy = {key for keys in self.client.processing().values() for key in keys}
        queued = [c.future for c in self.chunks.values() if c.future.key not in busy]
        if queued:
            self.client.cancel(queued)
        self.helpers.cancel(queued_only=True, busy=busy)

    def give_up_waiting(self) -> None:
        """Running chunks did not confirm a cancel in time: drop them and end their items."""
        futures = [c.future for c in self.chunks.values()] + [f for _, f in self.helpers.futures.values()]
        if futures:
            self.client.cancel(futures, force=True)
        self.helpers.futures.clear()
        for item in list(self.open.values()):
            self.cancel_item(item)
        self.chunks.clear()

    def event_names(self) -> list[str]:
        """The job's Dask Events, to clear (which frees them on the scheduler) once no chunk needs them.

        After a cancel they stay set until the engine closes: a chunk cancelled while on a
        worker runs until it reads them.
        """
        if not self.control_set:
            return []
        return [self.spec.event_name(name) for name in ("control", "pause", "drain", "kill")]

    # -- a lost scheduler -----------------------------------------------------------------
    def scheduler_lost(self) -> bool:
        """True once the client has lost its scheduler.

        The client cancels every future the moment its connection drops (then tries to
        reconnect for a while), so the chunks cannot be waited for, nor their records, which
        reach us through the scheduler: the job stops.
        """
        if not self.lost and self.client.status != "running":
            self.lost = True
        return self.lost

    def lost_in(self, exc: BaseException) -> bool:
        """Whether a client call raised ``exc`` because the scheduler is gone.

        A call can fail on a dropped connection (ConnectionResetError, CommClosedError) a
        moment before the client itself notices and says so: give it that moment.
        """
        if isinstance(exc, OSError):
            deadline = monotonic() + NOTICE_LOST_SECONDS
            while self.client.status == "running" and monotonic() < deadline:
                sleep(0.05)
        return self.scheduler_lost()

    def stop_lost(self) -> None:
        """End the job after losing the scheduler: keep what finished, cancel the rest."""
        while True:  # records the client received before the connection dropped still count
            try:
                kind, payload = self.inbox.get_nowait()
            except queue.Empty:
                break
            if kind == "log" and payload[0] == self.job_id:
                self.take_message(payload)
        self.pending.take_all()
        self.retries.clear()
        self.chunks.clear()
        self.helpers.futures.clear()
        self.kill_deadline = None
        for item in list(self.open.values()):
            self.cancel_item(item)  # also removes the partial output it may have left
        self.summary.stopped = LOST_SCHEDULER.format(address=self.engine.address)

    # -- main loop ------------------------------------------------------------------------
    def run(self) -> JobSummary:
        t0 = monotonic()
        self.client.subscribe_topic(TOPIC, lambda event: self.inbox.put(("log", event[1])))
        try:
            while self.open:
                try:
                    self.step()
                except BaseException as exc:  # a call to the scheduler failed: is it gone?
                    if isinstance(exc, (KeyboardInterrupt, SystemExit)) or not self.lost_in(exc):
                        raise
                if self.scheduler_lost():
                    self.stop_lost()
        finally:
            try:
                if not self.lost:
                    self.helpers.cancel()  # those still at work stop by themselves: their item is over
                self.client.unsubscribe_topic(TOPIC)
            except Exception:  # the connection is gone; so is the subscription
                pass
        return self.ledger.finish(monotonic() - t0)

    def step(self) -> None:
        """Hand out chunks, then take what arrives within ``deliver_seconds`` and deliver it."""
        job_id = self.job_id
        self.fill()
        try:
            kind, payload = self.inbox.get(timeout=self.opts.deliver_seconds)
        except queue.Empty:
            kind, payload = "", None
        while kind:
            if kind == "log":
                if payload[0] == job_id:
                    self.take_message(payload)
            elif kind == "done":
                if payload[0] == job_id:
                    self.chunk_done(payload[1])
            elif kind == "helped":
                if payload[0] == job_id:
                    self.helpers.done(payload[1])
            elif kind == "ctl":
                self.command(payload)
            try:
                kind, payload = self.inbox.get_nowait()
            except queue.Empty:
                kind = ""
        if self.scheduler_lost():
            return  # run stops the job
        if self.kill_deadline is not None and (not self.chunks or monotonic() > self.kill_deadline):
            self.give_up_waiting()
        if not self.chunks and not self.pending and not self.retries and self.open:
            for item in list(self.open.values()):  # nothing can end them any more
                if self.cancelling:
                    self.cancel_item(item)
                else:
                    self.fail(item, "no chunk was left to run this file (internal error)")
        self.ledger.deliver()
