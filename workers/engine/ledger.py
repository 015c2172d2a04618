"""Where each item of a job ends up: one end per item, the counts, the failures, the outcomes
for ``Task.finalize``, and the events that say so, handed to the consumer at a steady pace.

Kept once for every engine: the local run (workers/engine/run.py) and the Dask job
(workers/dask/job.py) both end their items here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from time import monotonic
from typing import Any

from workers.engine.wire import Consumer, End, EventBatch
from workers.events import BatchFinished, ItemCancelled, ItemFailed, ItemSkipped
from workers.outputs import remove_partial
from workers.plan import Plan
from workers.states import ItemState
from workers.task import Outcome, Task, WorkItem


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
    # Why the whole job ended before every file ran (a lost cluster, a journal that cannot be
    # written): a sentence for the user; the files not run end as cancelled.
    stopped: str | None = None

    @property
    def total(self) -> int:
        return self.done + self.failed + self.skipped + self.cancelled


class Ledger:
    """One end per item; ``open`` holds the items not ended yet, by id.

    ``open_items``, if given, are the items open from the start instead of the plan's; the
    others are opened with :meth:`add` (the local run opens items as it hands them out: see
    JobRun). Only open items can be ended.
    """

    def __init__(self, plan: Plan, on_events: Consumer | None, deliver_seconds: float,
                 open_items: Iterable[WorkItem] | None = None) -> None:
        self.plan = plan
        self.task: Task = plan.task
        self.on_events = on_events
        self.deliver_seconds = deliver_seconds
        self.open: dict[int, WorkItem] = {w.id: w for w in (plan.items if open_items is None else open_items)}
        self.summary = JobSummary()
        self.keep_outcomes = type(self.task).finalize is not Task.finalize
        self.outcomes: dict[int, Outcome] = {}
        self.events = EventBatch()
        self.last_deliver = monotonic()
        for item, reason in plan.skipped:
            self._count(item, ItemState.SKIPPED, reason)
            self.events.add(ItemSkipped(item.id, reason))

    def add(self, ids: Iterable[int], items: Iterable[WorkItem]) -> None:
        """Open these items (``ids`` are theirs, in the same order)."""
        self.open.update(zip(ids, items, strict=True))

    # -- events ---------------------------------------------------------------------------
    def deliver(self, force: bool = False) -> None:
        """Hand the events gathered so far to the consumer, at most every ``deliver_seconds``."""
        if self.on_events is None:
            self.events = EventBatch()
            return
        now = monotonic()
        if self.events and (force or now - self.last_deliver >= self.deliver_seconds):
            batch, self.events = self.events, EventBatch()
            self.last_deliver = now
            self.on_events(batch)

    # -- ends -----------------------------------------------------------------------------
    def _count(self, item: WorkItem, state: ItemState, reason: str = "", output: str | None = None,
               data: Any = None) -> None:
        s = self.summary
        if state == ItemState.DONE:
            s.done += 1
        elif state == ItemState.FAILED:
            s.failed += 1
            s.failures.append((item, reason))
        elif state == ItemState.SKIPPED:
            s.skipped += 1
        else:
            s.cancelled += 1
        if self.keep_outcomes:
            self.outcomes[item.id] = Outcome(item, state, reason, output, data or {})

    def end(self, item: WorkItem, state: ItemState, reason: str = "", output: str | None = None,
            data: Any = None) -> bool:
        """Count an open item's end (its event comes with the worker's records); False if it had ended."""
        if self.open.pop(item.id, None) is None:
            return False
        self._count(item, state, reason, output, data)
        return True

    def take_end(self, end: End) -> bool:
        """An end a worker reported; False if the item had ended already (the record is stale)."""
        item = self.open.pop(end.item_id, None)
        if item is None:
            return False
        self._count(item, end.state, end.reason, end.output, end.data)
        return True

    def take_done(self, ids: Iterable[int]) -> set[int]:
        """Items that finished with nothing to report (the hot path of tiny items: no call per
        item); returns the ids that had ended already."""
        opened = self.open
        stale: set[int] = set()
        if self.keep_outcomes:
            for item_id in ids:
                if not self.end(opened.get(item_id) or _GONE, ItemState.DONE):
                    stale.add(item_id)
            return stale
        if not isinstance(ids, Sequence):
            ids = list(ids)
        # Popped by map() in C: a Python loop here was a tenth of the engine's own time.
        popped = list(map(opened.pop, ids, repeat(None)))
        missing = popped.count(None)
        self.summary.done += len(popped) - missing
        if missing:
            stale.update(item_id for item_id, item in zip(ids, popped, strict=True) if item is None)
        return stale

    def fail(self, item: WorkItem, reason: str, detail: str = "") -> None:
        """End an open item as failed here (no worker said so), leaving no partial output."""
        if item.id not in self.open:
            return
        if item.output:
            remove_partial(item.output)
        self.end(item, ItemState.FAILED, reason)
        self.events.add(ItemFailed(item.id, reason, detail))

    def cancel(self, item: WorkItem) -> None:
        """End an open item as cancelled, leaving no partial output."""
        if item.id not in self.open:
            return
        if item.output:
            remove_partial(item.output)
        self.end(item, ItemState.CANCELLED)
        self.events.add(ItemCancelled(item.id))

    def cancel_open(self) -> None:
        for item in list(self.open.values()):
            self.cancel(item)

    def finish(self, elapsed: float) -> JobSummary:
        """Run the task's finalize (e.g. its index), then say the batch is over."""
        s = self.summary
        s.elapsed = elapsed
        if self.keep_outcomes:
            try:
                s.note = self.task.finalize(self.plan.out_dir, self.plan.options, list(self.outcomes.values()))
            except Exception as exc:  # the batch's results stand; the note says what went wrong
                s.note = f"writing the batch summary failed: {type(exc).__name__}: {exc}"
        self.events.add(BatchFinished(s.done, s.failed, s.skipped, s.cancelled, s.elapsed))
        self.deliver(force=True)
        return s


_GONE = WorkItem(-1, "", "", 0, "")  # stands for an id no longer open
