"""The overall progress of a job: bytes-weighted fraction, honest speed and time left.

Speed is measured over the last few seconds of samples, never from a single instant, and
no estimate is shown until there are enough seconds and bytes behind it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from time import monotonic
from typing import Any

from app import text
from workers.events import ItemCancelled, ItemFailed, ItemFinished, ItemProgress, ItemSkipped, ItemStarted
from workers.plan import Plan

WINDOW_SECONDS = 10.0  # how far back speed looks
MIN_SPAN_SECONDS = 2.0  # no speed or ETA before this much history


class Overall:
    """Folds events into counts, a fraction of bytes done, speed and time left."""

    def __init__(self, clock: Callable[[], float] = monotonic) -> None:
        self._clock = clock
        self.begin_counts(0)

    def begin_counts(self, total_files: int, sizes: dict[int, int] | None = None) -> None:
        self.sizes = sizes or {}
        self.total_files = total_files
        self.total_bytes = sum(self.sizes.values())
        self.done = self.failed = self.skipped = self.cancelled = 0
        self.finished_work = 0.0
        self.running: dict[int, float] = {}
        self.paused = False
        self.started_at = self._clock()
        self.ended_at: float | None = None
        self._samples: deque[tuple[float, float]] = deque([(self.started_at, 0.0)])

    def begin(self, plan: Plan) -> None:
        """Start counting a job: sizes of the items that will run (plan-time skips weigh nothing)."""
        self.begin_counts(len(plan.all_items), {w.id: w.size for w in plan.items})

    @property
    def by_bytes(self) -> bool:
        return self.total_bytes > 0

    @property
    def ended(self) -> int:
        return self.done + self.failed + self.skipped + self.cancelled

    def _weight(self, item_id: int) -> float:
        return float(self.sizes.get(item_id, 0)) if self.by_bytes else (1.0 if item_id in self.sizes else 0.0)

    def work_done(self) -> float:
        return self.finished_work + sum(self._weight(i) * f for i, f in self.running.items())

    def fraction(self) -> float:
        total = self.total_bytes if self.by_bytes else len(self.sizes)
        if total <= 0:
            return 1.0 if self.ended >= self.total_files else 0.0
        return min(1.0, self.work_done() / total)

    def apply(self, events: Iterable[Any]) -> None:
        """Fold a batch of events in and take a speed sample (a hot loop: kept flat)."""
        running = self.running
        sizes = self.sizes
        by_bytes = self.by_bytes
        finished = 0.0
        for ev in events:
            kind = type(ev)
            if kind is ItemProgress:
                if ev.item_id in running:
                    running[ev.item_id] = ev.fraction
            elif kind is ItemStarted:
                running[ev.item_id] = 0.0
            elif kind is ItemFinished or kind is ItemFailed or kind is ItemSkipped or kind is ItemCancelled:
                item_id = ev.item_id
                running.pop(item_id, None)
                if by_bytes:
                    finished += sizes.get(item_id, 0)
                elif item_id in sizes:
                    finished += 1.0
                if kind is ItemFinished:
                    self.done += 1
                elif kind is ItemFailed:
                    self.failed += 1
                elif kind is ItemSkipped:
                    self.skipped += 1
                else:
                    self.cancelled += 1
        self.finished_work += finished
        self.tick()

    def tick(self) -> None:
        """Take a speed sample (also called on a clock, so a stalled job shows its speed fall)."""
        now = self._clock()
        self._samples.append((now, self.work_done()))
        while len(self._samples) > 2 and now - self._samples[1][0] >= WINDOW_SECONDS:
            self._samples.popleft()

    def finish(self, elapsed: float | None = None) -> None:
        """The job is over; ``elapsed`` is the engine's own measure, so every text agrees."""
        self.ended_at = self._clock()
        if elapsed is not None:
            self.started_at = self.ended_at - elapsed
        self.running.clear()

    def speed(self) -> float | None:
        """Work (bytes, or files when every file is empty) per second, or None until measurable."""
        (t0, w0), (t1, w1) = self._samples[0], self._samples[-1]
        if t1 - t0 < MIN_SPAN_SECONDS or w1 <= 0:
            return None
        return max(0.0, (w1 - w0) / (t1 - t0))

    def seconds_left(self) -> float | None:
        speed = self.speed()
        if not speed:
            return None
        total = self.total_bytes if self.by_bytes else len(self.sizes)
        return max(0.0, (total - self.work_done()) / speed)

    def summary(self) -> str:
        """'1,234 of 5,000 files · 3 failed · 84 MB/s · 2 min left'."""
        parts = [f"{text.count(self.ended)} of {text.count(self.total_files)} files"]
        if self.failed:
            parts.append(f"{text.count(self.failed)} failed")
        if self.skipped:
            parts.append(f"{text.count(self.skipped)} skipped")
        if self.ended_at is not None:
            if self.cancelled:
                parts.append(f"{text.count(self.cancelled)} cancelled")
            parts.append(f"took {text.duration(self.ended_at - self.started_at)}")
            return " · ".join(parts)
        if self.paused:
            parts.append("paused")
            return " · ".join(parts)
        speed = self.speed()
        if speed is not None:
            parts.append(text.speed(speed) if self.by_bytes else f"{speed:.1f} files/s")
            left = self.seconds_left()
            if left is not None and self.ended < self.total_files:
                parts.append(text.time_left(left))
        return " · ".join(parts)
