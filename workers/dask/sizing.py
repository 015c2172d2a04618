"""How many items go into one Dask task: about ``chunk_seconds`` of work, as measured so far.

Dask spends a millisecond or two on every task, so tiny items must share one; but a chunk
is also the unit a worker takes, so chunks shrink as the work drains (the local engine's
rule for its batches), and the first ones, cut before anything was timed, are single items.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable

from workers.engine import EngineOptions
from workers.task import WorkItem


class ChunkCutter:
    """The items still to hand out, largest first, and the time items have taken so far."""

    def __init__(self, items: Iterable[WorkItem], options: EngineOptions, chunk_seconds: float,
                 max_chunk: int) -> None:
        # Largest first so a big file does not start last and leave a core idle at the end.
        self.pending: deque[WorkItem] = deque(sorted(items, key=lambda w: -w.size))
        self.options = options
        self.chunk_seconds = chunk_seconds
        self.max_chunk = max_chunk
        self.seconds_done = 0.0
        self.items_timed = 0

    def __len__(self) -> int:
        return len(self.pending)

    def timed(self, elapsed: float) -> None:
        """An item took ``elapsed`` seconds in its worker."""
        self.seconds_done += elapsed
        self.items_timed += 1

    def put_back(self, item: WorkItem) -> None:
        """An item to hand out again, before the others."""
        self.pending.appendleft(item)

    def take_all(self) -> list[WorkItem]:
        items = list(self.pending)
        self.pending.clear()
        return items

    def size(self, threads: int) -> int:
        if self.options.batch_size > 0:
            return self.options.batch_size
        if not self.items_timed:
            return 1  # nothing measured yet
        tail = max(1, math.ceil(len(self.pending) / (2 * threads)))
        per_item = max(self.seconds_done / self.items_timed, 1e-6)
        want = max(1, int(self.chunk_seconds / per_item))
        return min(want, tail, self.max_chunk)

    def cut(self, threads: int) -> list[WorkItem]:
        """The next chunk: big files alone, small ones together up to the size and byte limits."""
        opts = self.options
        limit = self.size(threads)
        first = self.pending.popleft()
        chunk = [first]
        if first.size >= opts.big_item_bytes:
            return chunk
        total = first.size
        while len(chunk) < limit and self.pending:
            nxt = self.pending[0]
            if nxt.size >= opts.big_item_bytes or total + nxt.size > opts.batch_bytes:
                break
            chunk.append(self.pending.popleft())
            total += nxt.size
        return chunk
