"""Where each item of a batch on Dask ends up: the counts, the failures, the outcomes for
``Task.finalize``, and the events that say so, handed to the consumer at a steady pace."""

from __future__ import annotations

from time import monotonic
from typing import Any

from workers.engine import Consumer, JobSummary
from workers.events import BatchFinished, EventBatch, ItemCancelled, ItemFailed, ItemSkipped
from workers.outputs import remove_partial
from workers.plan import Plan
from workers.task import Outcome, Task, WorkItem


class Ledger:
    """One end per item, as the local engine keeps them; ``open`` holds the items not ended yet."""

    def __init__(self, plan: Plan, on_events: Consumer | None, deliver_seconds: float) -> None:
        self.plan = plan
        self.task: Task = plan.task
        self.on_events = on_events
        self.deliver_seconds = deliver_seconds
        self.open: dict[int, WorkItem] = {w.id: w for w in plan.items}
        self.summary = JobSummary()
        self.keep_outcomes = type(self.task).finalize is not Task.finalize
        self.outcomes: dict[int, Outcome] = {}
        self.events = EventBatch()
        self.last_deliver = monotonic()
        for item, reason in plan.skipped:
            self.end(item, "skipped", reason)
            self.events.add(ItemSkipped(item.id, reason))

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

    def end(self, item: WorkItem, state: str, reason: str = "", output: str | None = None,
            data: Any = None) -> None:
        """Count an item's end; its event is added by the caller (or comes with the worker's records)."""
        self.open.pop(item.id, None)
        s = self.summary
        if state == "done":
            s.done += 1
        elif state == "failed":
            s.failed += 1
            s.failures.append((item, reason))
        elif state == "skipped":
            s.skipped += 1
        else:
            s.cancelled += 1
        if self.keep_outcomes:
            self.outcomes[item.id] = Outcome(item, state, reason, output, data or {})

    def fail(self, item: WorkItem, reason: str, detail: str = "") -> None:
        """End an open item as failed here (no worker said so), leaving no partial output."""
        if item.id not in self.open:
            return
        if item.output:
            remove_partial(item.output)
        self.end(item, "failed", reason)
        self.events.add(ItemFailed(item.id, reason, detail))

    def cancel(self, item: WorkItem) -> None:
        """End an open item as cancelled, leaving no partial output."""
        if item.id not in self.open:
            return
        if item.output:
            remove_partial(item.output)
        self.end(item, "cancelled")
        self.events.add(ItemCancelled(item.id))

    def finish(self, elapsed: float) -> JobSummary:
        """Run the task's finalize here, as the local engine does, then say the batch is over."""
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
