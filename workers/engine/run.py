"""One run of a plan on the pool: handing out batches, folding in what workers send, faults.

It uses the pool's public face only (workers/engine/pool.py) and ends items in the ledger
shared with the Dask engine, so a run leaves nothing behind in the pool.
"""

from __future__ import annotations

import math
import pickle
import select
from collections.abc import Iterable, Sequence
from multiprocessing.connection import wait
from operator import itemgetter
from time import monotonic
from typing import Any

from workers.engine import wire
from workers.engine.batching import Pending, cut_batch
from workers.engine.child import IDLE
from workers.engine.helping import Helpers
from workers.engine.ledger import JobSummary, Ledger
from workers.engine.pool import CAN_STOP, Worker, WorkerPool, crash_reason
from workers.events import CancelStarted, Paused, Resumed, WorkerLost
from workers.memory import tree_rss
from workers.outputs import run_token
from workers.plan import Plan
from workers.states import Control
from workers.task import WorkItem

# An idle worker takes over the files queued behind one that has run this long (seconds),
TAKE_BACK_AFTER = 0.5
# or behind any item, once those files would take this long by the mean time of an item so
# far: a batch of ten-millisecond items left a worker idle for a third of a second at the end.
TAKE_BACK_QUEUED = 0.02
CRASH_STREAK_LIMIT = 5  # workers dying in a row with nobody to blame before the rest fails
# A worker's first batch of a job is kept this small: it starts at once, and its second batch,
# the usual size, is made and sent while it runs this one (else the last worker to get a first
# batch waited for all the others' to be made).
FIRST_BATCH = 64
# The least work a batch is cut for, once the items' times are known: each batch costs a
# message each way, a wake-up on both sides and a few hundred microseconds before the next
# one arrives, more than a batch of a few tiny items takes to run.
MIN_BATCH_SECONDS = 0.001
TIME_SAMPLE = 64  # items' times read from each flush for that
# A busy worker's memory (with its children's) is looked at every RSS_EVERY seconds.
RSS_EVERY = 0.25


class JobRun:
    """The state of one run of a plan on a pool."""

    def __init__(self, pool: WorkerPool, plan: Plan, on_events: wire.Consumer | None) -> None:
        self.pool = pool
        self.opts = pool.options
        self.plan = plan
        self.job_msg = wire.job_message(wire.task_spec(plan.task), pickle.dumps(plan.options), run_token())
        self.job_id = pool.next_job_id()
        self.pending = Pending(plan.items)
        # Items are opened in the ledger as they are handed out, not all at the start: the
        # table is built from items just read to be sent (in the cache, not a pass of its own
        # over the whole plan), and stays as small as the work in flight, so ending an item
        # finds it at once. Items still pending are not in it: whatever ends them here
        # (a cancel, a run of crashes) opens them first (see adopt).
        self.ledger = Ledger(plan, on_events, self.opts.deliver_seconds, open_items=())
        self.open = self.ledger.open
        self.batch_items: dict[int, list[WorkItem]] = {}
        self.batch_ids: dict[int, Sequence[int]] = {}  # as sent: given-back items stay in
        self.paused = False  # no new item starts
        self.stopping = False  # and busy workers are stopped (a full pause)
        self.stopped_since: float | None = None  # when the current full pause began
        self.stop_spans: list[tuple[float, float]] = []  # the earlier ones: (began, ended)
        self.cancelling = False
        self.crash_streak = 0
        self.asked_back: set[int] = set()  # batches whose unstarted items were asked back
        self.timed_seconds = 0.0  # the times items that finished with nothing to report took
        self.timed_items = 0
        self.helpers = Helpers(self)  # idle workers at the tail help with long items

    @property
    def summary(self) -> JobSummary:
        return self.ledger.summary

    # -- what workers send ------------------------------------------------------------------
    def take_flush(self, worker: Worker, flush: wire.Flush) -> None:
        """Fold one flush of a worker into the job."""
        ledger = self.ledger
        done_ids, done_elapsed, records = flush.done_ids, flush.done_elapsed, flush.records
        if done_ids:
            sample = done_elapsed[:TIME_SAMPLE]  # enough to size batches by, without a float per item
            self.timed_seconds += sum(sample)
            self.timed_items += len(sample)
            stale = ledger.take_done(done_ids)
            if stale:  # never expected: an item's second end is not passed on
                pairs = [(i, e) for i, e in zip(done_ids, done_elapsed, strict=True) if i not in stale]
                done_ids, done_elapsed = [i for i, _ in pairs], [e for _, e in pairs]
        stale_records: set[int] = set()  # id() of records ending items that had ended already
        for r in records:
            end = wire.read_end(r)
            if end is None:
                continue
            if not ledger.take_end(end):
                stale_records.add(id(r))
            elif r[0] == wire.FINISHED:  # an item with a result: its time counts as well
                self.timed_seconds += r[2]
                self.timed_items += 1
        if stale_records:
            records = [r for r in records if id(r) not in stale_records]
        ledger.events.add_flush(worker.index, flush.started, done_ids, done_elapsed, records)
        for batch_id, ids in flush.given_back:  # before the ends of batches: those may be these batches
            self.took_back(batch_id, ids)
        for batch_id in flush.batches_done:
            self.batch_done(worker, batch_id)

    def batch_done(self, worker: Worker, batch_id: int) -> None:
        if worker.batches and worker.batches[0][0] == batch_id:
            worker.batches.popleft()
        if self.helpers.ended(batch_id):
            return
        batch = self.batch_items.pop(batch_id, ())
        sent_ids = self.batch_ids.pop(batch_id, ())
        # Nearly always every item has ended: checked in C first on the ids the batch was sent
        # with (the items themselves are not touched), not with a loop per item.
        if not batch or self.open.keys().isdisjoint(sent_ids):
            return
        for item in batch:
            if item.id in self.open:
                if self.cancelling:
                    self.ledger.cancel(item)
                else:
                    self.ledger.fail(item, "the worker returned without running this file (internal error)")

    # -- handing out work -----------------------------------------------------------------
    def may_prefetch(self, worker: Worker) -> bool:
        """Queue a second batch behind the running one only when nothing can get stuck there.

        A prefetched batch hides the round trip between batches of small items, but an item
        queued behind a long one would wait while another worker sits idle: so never behind or
        for a big item, and not at the tail of the job, where each worker takes one at a time.
        """
        big = self.opts.big_item_bytes
        if len(self.pending) <= self.pool.worker_count or self.pending.peek().size >= big:
            return False
        return not any(len(batch) == 1 and batch[0].size >= big for _, batch in worker.batches)

    def fill(self) -> None:
        if self.paused or self.cancelling:
            return
        for depth in (1, 2):  # every idle worker gets a batch before any gets a second
            for worker in self.pool.workers:
                if not self.pending:
                    self.ask_back()
                    self.helpers.offer()
                    return
                if len(worker.batches) >= depth or (depth == 2 and not self.may_prefetch(worker)):
                    continue
                if not worker.alive:
                    self.pool.spawn(worker)  # only when there is work for it
                self.send_batch(worker)

    def ask_back(self) -> None:
        """Nothing left to hand out and a worker idles: ask a worker for the items queued
        behind its running one (it answers with those not started; see took_back), when it
        is stuck on a long item or when those items are worth moving (TAKE_BACK_QUEUED)."""
        workers = self.pool.workers
        if not any(w.alive and not w.batches for w in workers):
            return
        now = monotonic()
        mean = self.timed_seconds / self.timed_items if self.timed_items else 0.0
        for worker in workers:
            if not worker.batches or not worker.alive:
                continue
            current = worker.current
            if current == IDLE:
                continue
            stuck = now - worker.started >= TAKE_BACK_AFTER
            if not stuck and not mean:
                continue
            for i, (bid, batch) in enumerate(worker.batches):
                if bid in self.asked_back or not batch or (i == 0 and batch[-1].id == current):
                    continue  # asked already, or nothing queued behind the running item
                if not stuck:
                    # The batch's items not ended yet, less the running one (an estimate:
                    # ends reach us in flushes).
                    queued = sum(w.id in self.open for w in batch) - (i == 0)
                    if queued * mean < TAKE_BACK_QUEUED:
                        continue
                self.asked_back.add(bid)
                worker.send(wire.give_back_message(bid))

    def took_back(self, batch_id: int, ids: list[int]) -> None:
        """A worker gave back items of ``batch_id`` it had not started: hand them out again."""
        batch = self.batch_items.get(batch_id)
        if batch is None:
            return
        back = set(ids)
        items = [w for w in batch if w.id in back and w.id in self.open]
        batch[:] = [w for w in batch if w.id not in back]  # also the worker's view of the batch
        if self.cancelling:
            for item in items:
                self.ledger.cancel(item)
        else:
            self.pending.push_front(items)

    def adopt(self, items: Iterable[WorkItem]) -> None:
        """Open pending items in the ledger, so they can be ended without being handed out."""
        items = list(items)
        self.ledger.add([w.id for w in items], items)

    def send_batch(self, worker: Worker) -> None:
        first = worker.job_sent != self.job_id
        least = 1
        if self.timed_seconds > 0:
            least = math.ceil(MIN_BATCH_SECONDS * self.timed_items / self.timed_seconds)
        batch = cut_batch(self.pending, self.pool.worker_count, self.opts, FIRST_BATCH if first else 0, least)
        bid = self.pool.next_batch_id()
        self.batch_items[bid] = batch
        worker.batches.append((bid, batch))
        message = wire.batch_message(bid, batch)
        # The items' own ids (int objects already made, and in the cache after the message was
        # made from the same items) key the ledger and check the batch's end (see batch_done).
        ids = self.batch_ids[bid] = list(map(_ITEM_ID, batch))
        self.ledger.add(ids, batch)
        if first:
            worker.send(self.job_msg, message)
            worker.job_sent = self.job_id
        else:
            worker.send(message)

    def broadcast(self, msg: tuple[Any, ...]) -> None:
        for worker in self.pool.workers:
            if worker.alive:
                worker.send(msg)

    # -- faults ---------------------------------------------------------------------------
    def worker_died(self, worker: Worker) -> None:
        # Whatever it flushed before dying counts; only then is the blame decided.
        try:
            while worker.outbox.poll():
                self.take_flush(worker, worker.outbox.recv())
        except (EOFError, OSError):
            pass
        worker.process.join(timeout=5)
        exitcode = worker.process.exitcode
        blamed_id = worker.current
        reason = worker.kill_reason or crash_reason(exitcode)
        self.pool.reap(worker)
        blamed = self.open.get(blamed_id) if blamed_id != IDLE else None
        if blamed is not None:
            self.crash_streak = 0
            self.ledger.fail(blamed, reason)
        else:
            self.crash_streak += 1
        self.ledger.events.add(WorkerLost(worker.index, reason, blamed.id if blamed else None))
        requeue = [w for _, batch in worker.batches for w in batch if w.id in self.open]
        for bid, _ in worker.batches:
            self.batch_items.pop(bid, None)
            self.batch_ids.pop(bid, None)
            self.helpers.ended(bid)
        worker.batches.clear()
        self.pending.push_front(requeue)
        if self.crash_streak >= CRASH_STREAK_LIMIT:
            self.adopt(self.pending)
            for item in list(self.pending):
                self.ledger.fail(item, f"workers keep dying without running anything ({reason})")
            self.pending.clear()

    def check_limits(self, now: float) -> None:
        timeout = self.opts.timeout
        cap = self.opts.max_memory_mb
        for worker in self.pool.workers:
            if not worker.alive or worker.kill_reason:
                continue
            if worker.current == IDLE:
                continue
            # The timeout is an item's; a helper (HELPING) is never on one longer than its runner.
            if (timeout and worker.current >= 0
                    and now - worker.started - self.stopped_during(worker.started, now) > timeout):
                worker.kill(f"timed out after {timeout:g} s")
            elif cap and now - worker.rss_checked >= RSS_EVERY:
                worker.rss_checked = now
                rss = tree_rss(worker.pid)  # a few reads in /proc (workers/memory.py)
                if rss > cap << 20:
                    worker.kill(f"used {rss / 2**20:.0f} MB of memory, over the {cap} MB limit per worker")

    def cancel_now(self) -> None:
        workers = [w for w in self.pool.workers if w.alive]
        for worker in workers:
            worker.kill("cancelled")
        for worker in workers:
            # What a worker sent before it was killed still counts: a file it finished (its
            # output renamed into place) is reported done, not cancelled.
            try:
                while worker.outbox.poll():
                    self.take_flush(worker, worker.outbox.recv())
            except (EOFError, OSError):
                pass
            self.pool.reap(worker)
        self.adopt(self.pending)
        self.ledger.cancel_open()
        self.pending.clear()

    # -- pause ------------------------------------------------------------------------------
    def pause(self, stop: bool) -> None:
        """Start nothing new; ``stop``: stop the busy workers too, else let them go on (a hold).
        A second pause of the other kind turns one into the other."""
        if self.paused and stop == self.stopping:
            return
        if not self.paused:
            self.paused = True
            self.broadcast((wire.PAUSE,))  # a worker between items takes no next one
        self.stopping = stop
        stopped = 0
        if stop:
            stopped = self.stop_busy()
        else:
            self.continue_stopped()
        self.ledger.events.add(Paused(stopped, hold=not stop))

    def resume(self) -> None:
        self.paused = self.stopping = False
        self.broadcast((wire.RESUME,))
        self.continue_stopped()
        self.ledger.events.add(Resumed())

    def stop_busy(self) -> int:
        """Stop every busy worker not stopped yet (one may start an item before it reads the
        pause); how many were stopped."""
        stopped = 0
        for worker in self.pool.workers:
            if worker.alive and not worker.stopped and worker.current != IDLE:
                worker.stop()
                stopped += 1
        if self.stopped_since is None:
            self.stopped_since = monotonic()
        return stopped

    def continue_stopped(self) -> None:
        """Let every stopped worker go on."""
        for worker in self.pool.workers:
            if worker.stopped:
                worker.cont()
        if self.stopped_since is not None:
            self.stop_spans.append((self.stopped_since, monotonic()))
            self.stopped_since = None

    def stopped_during(self, since: float, now: float) -> float:
        """Seconds between ``since`` and ``now`` the job's busy workers spent stopped: they do
        not count against an item's timeout."""
        spans = self.stop_spans if self.stopped_since is None else [*self.stop_spans, (self.stopped_since, now)]
        return sum(max(0.0, end - max(began, since)) for began, end in spans)

    def release(self) -> None:
        """Leave no worker stopped or holding, whatever ended the run: the next job starts at once."""
        self.continue_stopped()
        if self.paused:
            self.broadcast((wire.RESUME,))

    # -- main loop ------------------------------------------------------------------------
    def control(self) -> bool:
        """Apply the commands posted; False when the job must end now."""
        for cmd in self.pool.take_commands():
            if cmd in (Control.PAUSE, Control.HOLD) and not self.cancelling:
                self.pause(stop=cmd is Control.PAUSE and CAN_STOP)
            elif cmd is Control.RESUME and self.paused:
                self.resume()
            elif cmd is Control.CANCEL and not self.cancelling:
                if self.paused:  # the running items finish: they must run to do so
                    self.resume()
                self.cancelling = True
                self.summary.cancelled_by_user = True
                self.ledger.events.add(CancelStarted(now=False))
                self.adopt(self.pending)
                for item in self.pending:
                    self.ledger.cancel(item)
                self.pending.clear()
                self.broadcast((wire.DRAIN,))
            elif cmd is Control.CANCEL_NOW:
                self.summary.cancelled_by_user = True
                self.cancelling = True
                self.ledger.events.add(CancelStarted(now=True))
                self.cancel_now()
                return False
        return True

    def run(self) -> JobSummary:
        try:
            return self._run()
        finally:
            self.release()

    def _run(self) -> JobSummary:
        pool = self.pool
        t0 = monotonic()
        pool.clear_commands()
        tick = 0.1 if (self.opts.timeout or self.opts.max_memory_mb) else 1.0
        waiter = _Waiter(pool)
        while self.open or self.pending:
            self.fill()
            woken, ready = waiter.wait(min(tick, self.opts.deliver_seconds))
            dead: list[Worker] = []
            for worker, is_sentinel in ready:
                if is_sentinel:
                    dead.append(worker)
                    continue
                try:
                    self.take_flush(worker, worker.outbox.recv())
                except (EOFError, OSError):
                    dead.append(worker)
            if (woken or pool.has_commands()) and not self.control():
                break
            if self.stopping:
                self.stop_busy()
            for worker in dict.fromkeys(dead):
                if worker.alive:
                    self.worker_died(worker)
            self.check_limits(monotonic())
            if not (self.open or self.pending):
                break
            self.ledger.deliver()
        return self.ledger.finish(monotonic() - t0)


_ITEM_ID = itemgetter(0)  # a WorkItem's id, read in C


class _Waiter:
    """Waits for the pool's wakeup pipe, the workers' pipes and their process sentinels.

    multiprocessing.connection.wait registers every handle with a new selector on every call,
    which cost more than the rest of the run loop when flushes of tiny items come in fast; a
    poll object is kept instead and made anew only when a worker comes, goes, is stopped or
    continued. Where there is no poll (Windows), wait() it is.

    A stopped worker's pipe is not read until it is continued (its sentinel still is): stopped
    in the middle of writing a flush, it would keep the run waiting in recv for the rest.
    """

    def __init__(self, pool: WorkerPool) -> None:
        self.pool = pool
        self.outboxes: list[Any] = []  # the workers' pipes when the poll object was made
        self.poller: Any = None
        self.by_fd: dict[int, tuple[Worker, bool] | None] = {}  # None: the wakeup pipe

    def wait(self, timeout: float) -> tuple[bool, list[tuple[Worker, bool]]]:
        """Whether a command woke us, and the (worker, is_sentinel) pairs that are ready."""
        workers = self.pool.workers
        if not hasattr(select, "poll"):
            return self._wait_handles(timeout)
        outboxes = [None if w.stopped else w.outbox for w in workers]
        if self.poller is None or outboxes != self.outboxes:  # a worker was spawned, reaped, stopped...
            self.outboxes = outboxes
            self.poller = select.poll()
            self.by_fd = {self.pool.wakeup.fileno(): None}
            for worker in workers:
                if worker.alive:
                    if not worker.stopped:
                        self.by_fd[worker.outbox.fileno()] = (worker, False)
                    self.by_fd[worker.process.sentinel] = (worker, True)
            for fd in self.by_fd:
                self.poller.register(fd, select.POLLIN)
        woken = False
        ready = []
        for fd, _ in self.poller.poll(math.ceil(timeout * 1000)):
            what = self.by_fd[fd]
            if what is None:
                woken = True
            else:
                ready.append(what)
        return woken, ready

    def _wait_handles(self, timeout: float) -> tuple[bool, list[tuple[Worker, bool]]]:
        wakeup = self.pool.wakeup
        handles: list[Any] = [wakeup]
        by_handle: dict[Any, tuple[Worker, bool]] = {}
        for worker in self.pool.workers:
            if worker.alive:
                handles.append(worker.outbox)
                handles.append(worker.process.sentinel)
                by_handle[worker.outbox] = (worker, False)
                by_handle[worker.process.sentinel] = (worker, True)
        ready = wait(handles, timeout=timeout)
        return wakeup in ready, [by_handle[h] for h in ready if h is not wakeup]
