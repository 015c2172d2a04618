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

_SIZE = attrgetter("size")

if TYPE_CHECKING:
    from workers.engine.options import EngineOptions


class Pending:
    """Items not handed out yet, biggest first. Kept reversed in a list, so taking a batch off
    the front is one slice rather than a loop over items."""

    __slots__ = ("_rev", "bytes")

    def __init__(self, items: Iterable[WorkItem]) -> None:
        # Biggest first (so a big file does not start last and leave a core idle at the end),
        # in plan order among equals.
        self._rev = sorted(items, key=_SIZE, reverse=True)  # stable, C-level key
        self._rev.reverse()
        self.bytes = sum(map(_SIZE, self._rev))  # of every item not handed out

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
        if self.bytes:
            self.bytes -= sum(map(_SIZE, batch))
        return batch

    def push_front(self, items: list[WorkItem]) -> None:
        """Put items back to be handed out next, in the given order."""
        self._rev.extend(reversed(items))
        self.bytes += sum(map(_SIZE, items))

    def clear(self) -> None:
        self._rev.clear()
        self.bytes = 0


def cut_batch(pending: Pending, workers: int, opts: EngineOptions, most: int = 0, least: int = 1) -> list[WorkItem]:
    """Take the next batch off ``pending``: big items alone, small ones together.

    Batches shrink as the work drains (guided self-scheduling), so the last items are
    spread over every worker instead of queueing behind one: an automatic batch holds at most
    a 1/(2 x workers) share of the items left, and of their bytes. The bytes matter where
    sizes differ: biggest first, a share by count alone gave the first worker the quarter of
    the files that held most of the work (the long reports of a folder of PDFs), and the
    other one sat idle at the end. An automatic batch size is kept to ``least`` items at the
    fewest (items so quick that a smaller batch costs more to hand out than to run: see
    JobRun.send_batch) and ``most`` at the most, if set (a worker's first batch of a job).
    """
    budget = opts.batch_bytes  # never more bytes than this (one item excepted)
    share = budget  # no item starts past this many bytes into the batch
    if opts.batch_size > 0:
        limit = opts.batch_size
    else:
        shares = 2 * workers
        limit = min(opts.max_batch, max(least, math.ceil(len(pending) / shares)))
        if most > 0:
            limit = min(limit, most)
        if pending.bytes:
            share = math.ceil(pending.bytes / shares)
    first = pending.peek()
    if first.size >= opts.big_item_bytes:
        return pending.take(1)
    if first.size * limit <= budget and first.size * (limit - 1) < share:
        return pending.take(limit)  # biggest first: nothing behind it is larger
    count, total = 0, 0
    for item in pending:
        if count == limit or (count and (total + item.size > budget or total >= share)):
            break
        count += 1
        total += item.size
    return pending.take(count)
