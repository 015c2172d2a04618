"""Progress arithmetic shared by the CLI and the window: bytes-weighted fraction, throughput, ETA."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from time import monotonic
from typing import Any

from workers.events import (
    ItemCancelled,
    ItemFailed,
    ItemFinished,
    ItemProgress,
    ItemSkipped,
    ItemStarted,
    Paused,
    Resumed,
)
from workers.task import WorkItem


class Throughput:
    """Work per second between the oldest and the newest of recent (time, work done) samples."""

    def __init__(self, window: float, min_span: float, *, whole_window: bool = False,
                 needs_work: bool = False) -> None:
        self.window = window  # seconds of history behind the speed
        self.min_span = min_span  # no speed until the samples span this many seconds
        # True: keep the newest sample at least ``window`` old, so the speed spans the whole
        # window; False: drop every sample older than ``window``.
        self.whole_window = whole_window
        self.needs_work = needs_work  # no speed until some work is done
        self.samples: deque[tuple[float, float]] = deque()

    def add(self, now: float, work: float) -> None:
        samples = self.samples
        samples.append((now, work))
        if self.whole_window:
            while len(samples) > 2 and now - samples[1][0] >= self.window:
                samples.popleft()
        else:
            while len(samples) > 2 and now - samples[0][0] > self.window:
                samples.popleft()

    def shift(self, seconds: float) -> None:
        """Move every sample ``seconds`` later (a stretch of time that must not count)."""
        self.samples = deque((t + seconds, w) for t, w in self.samples)

    def speed(self) -> float | None:
        """Work units per second over the samples kept; None until measurable."""
        samples = self.samples
        if len(samples) < 2:
            return None
        (t0, w0), (t1, w1) = samples[0], samples[-1]
        if t1 - t0 < self.min_span or (self.needs_work and w1 <= 0):
            return None
        return max(0.0, (w1 - w0) / (t1 - t0))


class BatchProgress:
    """Folds events into the numbers a person watches: done, failed, work done, speed, time left.

    Work is bytes, or files when every file is empty; items not in ``sizes`` weigh nothing.
    While running files are stopped (a full pause) the speed's clock stops too, so the speed
    and time left go on from where they were when the batch resumes.
    """

    def __init__(self, total_files: int = 0, sizes: dict[int, int] | None = None,
                 throughput: Throughput | None = None, clock: Callable[[], float] = monotonic) -> None:
        self._clock = clock
        self.throughput = throughput or Throughput(window=20.0, min_span=0.5)
        self.restart(total_files, sizes)

    @classmethod
    def for_items(cls, items: list[WorkItem]) -> BatchProgress:
        return cls(len(items), {w.id: w.size for w in items})

    def restart(self, total_files: int, sizes: dict[int, int] | None = None) -> None:
        """Count a new job from zero, with no speed history."""
        self.sizes = sizes or {}
        self.total_files = total_files
        self.total_bytes = sum(self.sizes.values())
        self.done = self.failed = self.skipped = self.cancelled = 0
        self.finished_work = 0.0  # of items that ended (any way)
        self.running: dict[int, float] = {}  # item id -> fraction
        self.throughput.samples.clear()
        self.stopped_since: float | None = None  # when running files were stopped by a pause

    @property
    def ended(self) -> int:
        return self.done + self.failed + self.skipped + self.cancelled

    @property
    def by_bytes(self) -> bool:
        return self.total_bytes > 0

    def total_work(self) -> float:
        return self.total_bytes if self.by_bytes else len(self.sizes)

    def work_done(self) -> float:
        """Bytes (or files, when every file is empty) worth of work finished so far."""
        sizes = self.sizes
        if self.by_bytes:
            return self.finished_work + sum(sizes.get(i, 0) * f for i, f in self.running.items())
        return self.finished_work + sum(f for i, f in self.running.items() if i in sizes)

    def fraction(self) -> float:
        total = self.total_work()
        if total <= 0:
            return 1.0 if self.ended >= self.total_files else 0.0
        return min(1.0, self.work_done() / total)

    def apply(self, events: Iterable[Any]) -> None:  # Any: ``type(ev) is`` does not narrow for mypy
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
            elif kind is Paused:
                self.pause_clock(not ev.hold)
            elif kind is Resumed:
                self.pause_clock(False)
        self.finished_work += finished
        self.tick()

    def pause_clock(self, paused: bool) -> None:
        """Stop the speed's clock while running files are stopped (True), or start it again: the
        time between counts for nothing. A hold leaves it running: the running files still work."""
        now = self._clock()
        if paused and self.stopped_since is None:
            self.stopped_since = now
        elif not paused and self.stopped_since is not None:
            self.throughput.shift(now - self.stopped_since)
            self.stopped_since = None

    def tick(self) -> None:
        """Take a speed sample now (none while the clock is stopped)."""
        if self.stopped_since is None:
            self.throughput.add(self._clock(), self.work_done())

    def speed(self) -> float | None:
        """Work units (bytes or files) per second over the recent window; None until measurable."""
        return self.throughput.speed()

    def seconds_left(self) -> float | None:
        speed = self.speed()
        if not speed:
            return None
        return max(0.0, (self.total_work() - self.work_done()) / speed)


def human_bytes(n: float) -> str:
    for unit in ("B", "kB", "MB", "GB", "TB"):
        if abs(n) < 1000 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} TB"


def human_duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s" if seconds < 600 else f"{round(seconds / 60)} min"
    return f"{seconds // 3600} h {(seconds % 3600) // 60:02d} min"
