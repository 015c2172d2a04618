"""One run of a plan on the engine's pool: handing out batches, folding in events, faults.

Kept apart from the pool (workers/engine.py) so that a run leaves nothing behind in it.
"""

from __future__ import annotations

import pickle
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from time import monotonic
from typing import TYPE_CHECKING, Any

from workers.batching import Pending, cut_batch
from workers.child import IDLE
from workers.events import (
    FAILED,
    FINISHED,
    PROGRESS,
    SKIPPED,
    BatchFinished,
    EventBatch,
    ItemCancelled,
    ItemFailed,
    ItemSkipped,
    WorkerLost,
)
from workers.memory import tree_rss
from workers.outputs import remove_partial
from workers.plan import Plan
from workers.task import Outcome, Task, WorkItem

if TYPE_CHECKING:
    from workers.engine import Engine, _Slot

Consumer = Callable[[EventBatch], None]
TERMINAL_CODES = frozenset((FINISHED, FAILED, SKIPPED))
# An idle worker takes over the files queued behind one that has run this long (seconds).
TAKE_BACK_AFTER = 0.5
SIGNAL_NAMES = {s.value: s.name for s in signal.Signals}


def crash_reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        sig = -exitcode
        return f"worker crashed (signal {sig}, {SIGNAL_NAMES.get(sig, 'unknown')})"
    return f"worker exited unexpectedly (exit code {exitcode})"


@dataclass
class JobSummary:
    done: int = 0
    failed: int = 0
    skipped: int = 0
    cancelled: int = 0
    elapsed: float = 0.0
    failures: list[tuple[WorkItem, str]] = field(default_factory=list)
    cancelled_by_user: bool = False
    note: str | None = None

    @property
    def total(self) -> int:
        return self.done + self.failed + self.skipped + self.cancelled


class Job:
    """The state of one run: kept apart from the pool so a run leaves nothing behind."""

    def __init__(self, engine: Engine, plan: Plan, on_events: Consumer | None) -> None:
        self.engine = engine
        self.opts = engine.options
        self.plan = plan
        self.task: Task = plan.task
        self.on_events = on_events
        engine._job_id += 1
        self.job_id = engine._job_id
        spec = getattr(self.task, "spec", None) or self.task.name
        self.job_msg = ("job", spec, pickle.dumps(plan.options))
        self.pending = Pending(plan.items)
        self.open: dict[int, WorkItem] = {w.id: w for w in plan.items}
        self.batch_items: dict[int, list[WorkItem]] = {}
        self.summary = JobSummary()
        self.keep_outcomes = type(self.task).finalize is not Task.finalize
        self.outcomes: dict[int, Outcome] = {}
        self.events = EventBatch()
        self.last_deliver = monotonic()
        self.paused = False
        self.cancelling = False
        self.crash_streak = 0
        self.asked_back: set[int] = set()  # batches whose unstarted items were asked back

    # -- events ---------------------------------------------------------------------------
    def deliver(self, force: bool = False) -> None:
        if self.on_events is None:
            self.events = EventBatch()
            return
        now = monotonic()
        if self.events and (force or now - self.last_deliver >= self.opts.deliver_seconds):
            batch, self.events = self.events, EventBatch()
            self.last_deliver = now
            self.on_events(batch)

    def end_item(self, item: WorkItem, state: str, reason: str = "", output: str | None = None,
                 data: Any = None) -> None:
        if state == "done":
            self.summary.done += 1
        elif state == "failed":
            self.summary.failed += 1
            self.summary.failures.append((item, reason))
        elif state == "skipped":
            self.summary.skipped += 1
        else:
            self.summary.cancelled += 1
        if self.keep_outcomes:
            self.outcomes[item.id] = Outcome(item, state, reason, output, data or {})

    def fail(self, item: WorkItem, reason: str, detail: str = "") -> None:
        if self.open.pop(item.id, None) is None:
            return
        if item.output:
            remove_partial(item.output)
        self.end_item(item, "failed", reason)
        self.events.add(ItemFailed(item.id, reason, detail))

    def cancel_item(self, item: WorkItem) -> None:
        if self.open.pop(item.id, None) is None:
            return
        if item.output:
            remove_partial(item.output)
        self.end_item(item, "cancelled")
        self.events.add(ItemCancelled(item.id))

    def take_message(self, slot: _Slot, message: tuple[Any, ...]) -> None:
        """Fold one flush of a worker into the job (see workers.child.expand for its shape)."""
        started, done_ids, done_elapsed, records, batches_done, given_back = message
        opened = self.open
        stale: set[int] = set()  # ids, or id() of records, of ends for items that had already ended
        if done_ids:
            keep = self.keep_outcomes
            done = 0
            for item_id in done_ids:  # the hot path of small items: no call per item
                item = opened.pop(item_id, None)
                if item is None:
                    stale.add(item_id)
                elif keep:
                    self.end_item(item, "done")
                else:
                    done += 1
            self.summary.done += done
            if stale:
                pairs = [(i, e) for i, e in zip(done_ids, done_elapsed, strict=True) if i not in stale]
                done_ids, done_elapsed = [i for i, _ in pairs], [e for _, e in pairs]
                stale.clear()
        for r in records:
            code = r[0]
            if code == PROGRESS:
                continue
            if code in (FINISHED, FAILED, SKIPPED):
                item = opened.pop(r[1], None)
                if item is None:
                    stale.add(id(r))
                elif code == FINISHED:
                    res = r[3]
                    self.end_item(item, "done", "", res[0], res[2])
                else:
                    self.end_item(item, "failed" if code == FAILED else "skipped", r[2])
        if stale:  # never expected: an item's second end is not passed on
            records = [r for r in records if id(r) not in stale]
        self.events.add_flush(slot.index, started, done_ids, done_elapsed, records)
        for batch_id, ids in given_back:  # before the ends of batches: those may be these batches
            self.took_back(batch_id, ids)
        for batch_id in batches_done:
            self.batch_done(slot, batch_id)

    def batch_done(self, slot: _Slot, batch_id: int) -> None:
        if slot.batches and slot.batches[0][0] == batch_id:
            slot.batches.popleft()
        for item in self.batch_items.pop(batch_id, ()):
            if item.id in self.open:
                if self.cancelling:
                    self.cancel_item(item)
                else:
                    self.fail(item, "the worker returned without running this file (internal error)")

    # -- handing out work -----------------------------------------------------------------
    def may_prefetch(self, slot: _Slot) -> bool:
        """Queue a second batch behind the running one only when nothing can get stuck there.

        A prefetched batch hides the round trip between batches of small items, but an item
        queued behind a long one would wait while another worker sits idle: so never behind or
        for a big item, and not at the tail of the job, where each worker takes one at a time.
        """
        big = self.opts.big_item_bytes
        if len(self.pending) <= self.engine.worker_count or self.pending.peek().size >= big:
            return False
        return not any(len(batch) == 1 and batch[0].size >= big for _, batch in slot.batches)

    def fill(self) -> None:
        if self.paused or self.cancelling:
            return
        for depth in (1, 2):  # every idle worker gets a batch before any gets a second
            for slot in self.engine._slots:
                if not self.pending:
                    self.ask_back()
                    return
                if len(slot.batches) >= depth or (depth == 2 and not self.may_prefetch(slot)):
                    continue
                if not slot.alive:
                    self.engine._spawn(slot)
                self.send_batch(slot)

    def ask_back(self) -> None:
        """Nothing left to hand out and a worker idles: ask a worker stuck on a long item for
        the items queued behind it (it answers with those not started; see took_back)."""
        engine = self.engine
        slots = engine._slots
        if not any(s.alive and not s.batches for s in slots):
            return
        now = monotonic()
        for slot in slots:
            current = engine._current[slot.index]
            if (not slot.batches or not slot.alive or current == IDLE
                    or now - engine._started[slot.index] < TAKE_BACK_AFTER):
                continue
            for i, (bid, batch) in enumerate(slot.batches):
                if bid in self.asked_back or not batch or (i == 0 and batch[-1].id == current):
                    continue  # asked already, or nothing queued behind the running item
                self.asked_back.add(bid)
                try:
                    slot.inbox.send(("give back", bid))
                except OSError:
                    pass  # it died: its sentinel fires and its batches are requeued

    def took_back(self, batch_id: int, ids: list[int]) -> None:
        """A worker gave back items of ``batch_id`` it had not started: hand them out again."""
        batch = self.batch_items.get(batch_id)
        if batch is None:
            return
        back = set(ids)
        items = [w for w in batch if w.id in back and w.id in self.open]
        batch[:] = [w for w in batch if w.id not in back]  # also the slot's view of the batch
        if self.cancelling:
            for item in items:
                self.cancel_item(item)
        else:
            self.pending.push_front(items)

    def send_batch(self, slot: _Slot) -> None:
        batch = cut_batch(self.pending, self.engine.worker_count, self.opts)
        self.engine._batch_counter += 1
        bid = self.engine._batch_counter
        self.batch_items[bid] = batch
        slot.batches.append((bid, batch))
        try:
            if slot.job_sent != self.job_id:
                slot.inbox.send(self.job_msg)
                slot.job_sent = self.job_id
            slot.inbox.send(("batch", bid, list(map(tuple, batch))))
        except OSError:
            pass  # it died: its sentinel fires and the batch is requeued

    def broadcast(self, msg: tuple[Any, ...]) -> None:
        for slot in self.engine._slots:
            if slot.alive:
                try:
                    slot.inbox.send(msg)
                except OSError:
                    pass

    # -- faults ---------------------------------------------------------------------------
    def worker_died(self, slot: _Slot) -> None:
        engine = self.engine
        # Whatever it flushed before dying counts; only then is the blame decided.
        try:
            while slot.outbox.poll():
                self.take_message(slot, slot.outbox.recv())
        except (EOFError, OSError):
            pass
        slot.process.join(timeout=5)
        exitcode = slot.process.exitcode
        blamed_id = engine._current[slot.index]
        reason = slot.kill_reason or crash_reason(exitcode)
        engine._reap(slot)
        blamed = self.open.get(blamed_id) if blamed_id != IDLE else None
        if blamed is not None:
            self.crash_streak = 0
            self.fail(blamed, reason)
        else:
            self.crash_streak += 1
        self.events.add(WorkerLost(slot.index, reason, blamed.id if blamed else None))
        requeue = [w for _, batch in slot.batches for w in batch if w.id in self.open]
        for bid, _ in slot.batches:
            self.batch_items.pop(bid, None)
        slot.batches.clear()
        self.pending.push_front(requeue)
        if self.crash_streak >= 5:
            for item in list(self.pending):
                self.fail(item, f"workers keep dying without running anything ({reason})")
            self.pending.clear()

    def check_limits(self, now: float) -> None:
        engine = self.engine
        timeout = self.opts.timeout
        cap = self.opts.max_memory_mb
        for slot in engine._slots:
            if not slot.alive or slot.kill_reason:
                continue
            current = engine._current[slot.index]
            if current == IDLE:
                continue
            if timeout and now - engine._started[slot.index] > timeout:
                engine._kill(slot, f"timed out after {timeout:g} s")
            elif cap and now - slot.rss_checked >= 0.25:
                slot.rss_checked = now
                rss = tree_rss(slot.process.pid)
                if rss > cap << 20:
                    engine._kill(slot, f"used {rss / 2**20:.0f} MB of memory, over the {cap} MB limit per worker")

    def cancel_now(self) -> None:
        engine = self.engine
        slots = [s for s in engine._slots if s.alive]
        for slot in slots:
            engine._kill(slot, "cancelled")
        for slot in slots:
            engine._reap(slot)
        for item in list(self.open.values()):
            self.cancel_item(item)
        self.pending.clear()

    # -- main loop ------------------------------------------------------------------------
    def control(self) -> bool:
        """Apply queued commands; False when the job must end now."""
        engine = self.engine
        try:
            while engine._wake_r.poll():
                engine._wake_r.recv_bytes()
        except (EOFError, OSError):
            pass
        while engine._control:
            cmd = engine._control.popleft()
            if cmd == "pause" and not self.paused:
                self.paused = True
                self.broadcast(("pause",))
            elif cmd == "resume" and self.paused:
                self.paused = False
                self.broadcast(("resume",))
            elif cmd == "cancel" and not self.cancelling:
                self.cancelling = True
                self.summary.cancelled_by_user = True
                for item in self.pending:
                    self.cancel_item(item)
                self.pending.clear()
                self.broadcast(("drain",))
            elif cmd == "cancel-now":
                self.summary.cancelled_by_user = True
                self.cancelling = True
                self.cancel_now()
                return False
        return True

    def run(self) -> JobSummary:
        engine = self.engine
        t0 = monotonic()
        engine._control.clear()
        for item, reason in self.plan.skipped:
            self.end_item(item, "skipped", reason)
            self.events.add(ItemSkipped(item.id, reason))
        tick = 0.1 if (self.opts.timeout or self.opts.max_memory_mb) else 1.0
        while self.open:
            self.fill()
            slots = [s for s in engine._slots if s.alive]
            handles: list[Any] = [engine._wake_r]
            by_handle: dict[Any, tuple[_Slot, bool]] = {}
            for slot in slots:
                handles.append(slot.outbox)
                handles.append(slot.process.sentinel)
                by_handle[slot.outbox] = (slot, False)
                by_handle[slot.process.sentinel] = (slot, True)
            ready = wait(handles, timeout=min(tick, self.opts.deliver_seconds))
            dead: list[_Slot] = []
            for h in ready:
                if h is engine._wake_r:
                    continue
                slot, is_sentinel = by_handle[h]
                if is_sentinel:
                    dead.append(slot)
                    continue
                try:
                    self.take_message(slot, slot.outbox.recv())
                except (EOFError, OSError):
                    dead.append(slot)
            if (engine._wake_r in ready or engine._control) and not self.control():
                break
            for slot in dict.fromkeys(dead):
                if slot.alive:
                    self.worker_died(slot)
            self.check_limits(monotonic())
            if not self.open:
                break
            self.deliver()
        self.summary.elapsed = monotonic() - t0
        if self.keep_outcomes:
            try:
                self.summary.note = self.task.finalize(self.plan.out_dir, self.plan.options,
                                                       list(self.outcomes.values()))
            except Exception as exc:  # the batch's results stand; the note says what went wrong
                self.summary.note = f"writing the batch summary failed: {type(exc).__name__}: {exc}"
        total = self.summary
        self.events.add(BatchFinished(total.done, total.failed, total.skipped, total.cancelled, total.elapsed))
        self.deliver(force=True)
        return self.summary


