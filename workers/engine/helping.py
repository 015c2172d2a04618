"""Idle workers help with long items at the tail of a job (tasks with ``Task.helps``).

When nothing is left to hand out, each idle worker is sent a help message (wire.help_message)
for an item another worker has run for HELP_AFTER seconds, the item with the fewest helpers
first; Task.help takes pieces of it (a long video's segments) while the item's own worker does
the rest and ends it. A help ends as a batch of no items ends. The Dask engine does the same
with spare cluster threads (workers/dask/helping.py).
"""

from __future__ import annotations

from collections import Counter
from time import monotonic
from typing import Any

from workers.engine import wire

# With nothing left to hand out, an idle worker is sent to help with an item that has run this
# long; a worker whose help found nothing to do is asked again about the same item after
# HELP_AGAIN seconds (the item may not have been ready to share yet).
HELP_AFTER = 0.5
HELP_AGAIN = 1.0


class Helpers:
    """The helps of one run of the local engine (workers/engine/run.py's JobRun)."""

    def __init__(self, run: Any) -> None:
        self.run = run
        self.enabled = bool(getattr(run.plan.task, "helps", False))
        self.batches: dict[int, tuple[int, int]] = {}  # help's batch id -> (worker, item id)
        self.ended_at: dict[tuple[int, int], float] = {}  # (worker, item id) -> when its help ended

    def offer(self) -> None:
        """Send each idle worker to help with a long item another worker runs."""
        if not self.enabled:
            return
        run = self.run
        workers = run.pool.workers
        idle = [w for w in workers if not w.batches]  # a worker not started yet is started for it
        if not idle:
            return
        now = monotonic()
        running = [(w.current, w.started) for w in workers
                   if w.alive and w.current >= 0 and w.current in run.open and now - w.started >= HELP_AFTER]
        if not running:
            return
        for worker in idle:
            helpers = Counter(item_id for _, item_id in self.batches.values())
            choices = [(helpers[item_id], started, item_id) for item_id, started in running
                       if now - self.ended_at.get((worker.index, item_id), -HELP_AGAIN) >= HELP_AGAIN]
            if not choices:
                continue
            item_id = min(choices)[2]
            if not worker.alive:
                run.pool.spawn(worker)
            bid = run.pool.next_batch_id()
            self.batches[bid] = (worker.index, item_id)
            worker.batches.append((bid, []))
            message = wire.help_message(bid, run.open[item_id])
            if worker.job_sent != run.job_id:
                worker.send(run.job_msg, message)
                worker.job_sent = run.job_id
            else:
                worker.send(message)

    def ended(self, batch_id: int) -> bool:
        """Whether ``batch_id`` was a help (ended, or lost with its worker: the item's own worker
        takes over its pieces)."""
        helped = self.batches.pop(batch_id, None)
        if helped is None:
            return False
        self.ended_at[helped] = monotonic()
        return True
