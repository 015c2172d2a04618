"""What a run has not handed out yet, and how the next batch is cut from it.

Kept apart from one run of the engine (workers/engine/run.py): the queue's order and the batch sizes
decide how evenly the work spreads over the workers, and are tested on their own.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from operator import attrgetter
from typing import TYPE_CHECKING

from workers.task import WorkItem

if TYPE_CHECKING:
    from workers.engine.options import EngineOptions


class Pending:
    """Items not handed out yet, biggest first. Kept reversed in a list, so taking a batch off
    the front is one slice rather than a loop over items."""

    __slots__ = ("_rev",)

    def __init__(self, items: Iterable[WorkItem]) -> None:
        # Biggest first (so a big file does not start last and leave a core idle at the end),
        # in plan order among equals.
        self._rev = sorted(items, key=attrgetter("size"), reverse=True)  # stable, C-level key
        self._rev.reverse()

    def __len__(self) -> int:
        return len(self._rev)

    def __iter__(self) -> Iterator[WorkItem]:
        return reversed(self._rev)

    def peek(self) -> WorkItem:
        return self._rev[-1]

    def take(self, n: int) -> list[WorkItem]:
        batch = self._rev[-n:]
        del self._rev[-n:]
        batch.reverse()
        return batch

    def push_front(self, items: list[WorkItem]) -> None:
        """Put items back to be handed out next, in the given order."""
        self._rev.extend(reversed(items))

    def clear(self) -> None:
        self._rev.clear()


def cut_batch(pending: Pending, workers: int, opts: EngineOptions, most: int = 0, least: int = 1) -> list[WorkItem]:
    """Take the next batch off ``pending``: big items alone, small ones together.

    Batches shrink as the work drains (guided self-scheduling), so the last items are
    spread over every worker instead of queueing behind one. An automatic batch size is
    kept to ``least`` items at the fewest (items so quick that a smaller batch costs more to
    hand out than to run: see JobRun.send_batch) and ``most`` at the most, if set (a worker's
    first batch of a job).
    """
    if opts.batch_size > 0:
        limit = opts.batch_size
    else:
        limit = min(opts.max_batch, max(least, math.ceil(len(pending) / (2 * workers))))
        if most > 0:
            limit = min(limit, most)
    first = pending.peek()
    if first.size >= opts.big_item_bytes:
        return pending.take(1)
    if first.size * limit <= opts.batch_bytes:
        return pending.take(limit)  # biggest first: nothing behind it is larger
    count, total = 0, 0
    for item in pending:
        if count == limit or (count and total + item.size > opts.batch_bytes):
            break
        count += 1
        total += item.size
    return pending.take(count)
