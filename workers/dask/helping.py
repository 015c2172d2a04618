"""Idle cluster threads help with long items at the tail of a job (tasks with ``helps``).

When every item is handed out and the cluster has threads to spare, each spare thread gets a
help task (workers.dask.remote.run_help) for an item that has run a while, the one with the
fewest helpers first: this is how one long video uses many machines, its segments encoded
side by side in the work folder the workers share (see workers/tasks/media_shared.py). A help
ends nothing: the chunk that runs the item ends it.
"""

from __future__ import annotations

from collections import Counter
from time import monotonic
from typing import Any

from workers.dask.remote import run_help
from workers.engine.helping import HELP_AFTER, HELP_AGAIN


class Helpers:
    """The help tasks of one DaskJob."""

    def __init__(self, job: Any) -> None:
        self.job = job
        self.enabled = bool(getattr(job.task, "helps", False))
        self.since: dict[int, float] = {}  # item id -> when it was seen running
        self.futures: dict[int, tuple[int, Any]] = {}  # help number -> (item id, future)
        self.ended_at: dict[int, float] = {}  # item id -> when its last help ended

    def running(self, item_id: int) -> None:
        """An item was seen running (its first record from a chunk)."""
        self.since.setdefault(item_id, monotonic())

    def fill(self) -> None:
        """Give spare threads something to help with, when nothing else is left to hand out."""
        job = self.job
        if not self.enabled or job.pending or job.retries:
            return
        free = job.threads - len(job.chunks) - len(self.futures)
        if free <= 0 or not self.since:
            return
        now = monotonic()
        for item_id in [i for i in self.since if i not in job.open]:
            del self.since[item_id]
        ready = [i for i, since in self.since.items()
                 if now - since >= HELP_AFTER and now - self.ended_at.get(i, -HELP_AGAIN) >= HELP_AGAIN]
        for _ in range(free if ready else 0):
            helpers = Counter(i for i, _ in self.futures.values())
            item_id = min(ready, key=lambda i: (helpers[i], self.since[i]))
            self.submit(item_id)

    def submit(self, item_id: int) -> None:
        job = self.job
        job.chunk_counter += 1
        no = job.chunk_counter
        future = job.client.submit(run_help, job.spec, no, job.paths.item(job.open[item_id]),
                                   key=f"batchpilot-{job.job_id}-help-{no}", pure=False, retries=0)
        self.futures[no] = (item_id, future)
        future.add_done_callback(lambda _f, no=no: job.inbox.put(("helped", (job.job_id, no))))

    def done(self, no: int) -> None:
        entry = self.futures.pop(no, None)
        if entry is not None:
            self.ended_at[entry[0]] = monotonic()

    def cancel(self, queued_only: bool = False, busy: set[str] | None = None) -> None:
        """Cancel the help tasks (``queued_only``: those not on a worker yet; those on one stop
        by themselves once their item's runner is done, or when they read the job's flags)."""
        futures = [f for _, f in self.futures.values() if not (queued_only and f.key in (busy or set()))]
        if futures:
            self.job.client.cancel(futures)
        if not queued_only:
            self.futures.clear()
