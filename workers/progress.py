"""Progress arithmetic shared by the CLI and the window: bytes-weighted fraction, throughput, ETA."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from time import monotonic

from workers.events import (
    Event,
    ItemCancelled,
    ItemFailed,
    ItemFinished,
    ItemProgress,
    ItemSkipped,
    ItemStarted,
    WorkerLost,
)
from workers.task import WorkItem


@dataclass
class BatchProgress:
    """Folds events into the numbers a person watches: done, failed, bytes, speed, time left."""

    sizes: dict[int, int]
    total_files: int = 0
    total_bytes: int = 0
    done: int = 0
    failed: int = 0
    skipped: int = 0
    cancelled: int = 0
    bytes_finished: int = 0  # of items that ended (any way)
    running: dict[int, float] = field(default_factory=dict)  # item id -> fraction
    window: float = 20.0  # seconds of history behind the speed
    _samples: deque[tuple[float, float]] = field(default_factory=deque)
    started_at: float | None = None

    @classmethod
    def for_items(cls, items: list[WorkItem]) -> BatchProgress:
        sizes = {w.id: w.size for w in items}
        return cls(sizes, total_files=len(items), total_bytes=sum(sizes.values()))

    @property
    def ended(self) -> int:
        return self.done + self.failed + self.skipped + self.cancelled

    @property
    def by_bytes(self) -> bool:
        return self.total_bytes > 0

    def work_done(self) -> float:
        """Bytes (or files, when every file is empty) worth of work finished so far."""
        if self.by_bytes:
            sizes = self.sizes
            return self.bytes_finished + sum(sizes.get(i, 0) * f for i, f in self.running.items())
        return self.ended + sum(self.running.values())

    def fraction(self) -> float:
        total = self.total_bytes if self.by_bytes else self.total_files
        if total <= 0:
            return 1.0 if self.total_files == self.ended else 0.0
        return min(1.0, self.work_done() / total)

    def apply(self, events: Iterable[Event]) -> None:
        now = monotonic()
        if self.started_at is None:
            self.started_at = now
        for ev in events:
            if isinstance(ev, ItemProgress):
                if ev.item_id in self.running:
                    self.running[ev.item_id] = ev.fraction
            elif isinstance(ev, ItemStarted):
                self.running[ev.item_id] = 0.0
            elif isinstance(ev, ItemFinished | ItemFailed | ItemSkipped | ItemCancelled):
                self.running.pop(ev.item_id, None)
                self.bytes_finished += self.sizes.get(ev.item_id, 0)
                if isinstance(ev, ItemFinished):
                    self.done += 1
                elif isinstance(ev, ItemFailed):
                    self.failed += 1
                elif isinstance(ev, ItemSkipped):
                    self.skipped += 1
                else:
                    self.cancelled += 1
            elif isinstance(ev, WorkerLost):
                pass
        self._samples.append((now, self.work_done()))
        while len(self._samples) > 2 and now - self._samples[0][0] > self.window:
            self._samples.popleft()

    def speed(self) -> float | None:
        """Work units (bytes or files) per second over the recent window; None until measurable."""
        if len(self._samples) < 2:
            return None
        (t0, w0), (t1, w1) = self._samples[0], self._samples[-1]
        if t1 - t0 < 0.5:
            return None
        return max(0.0, (w1 - w0) / (t1 - t0))

    def seconds_left(self) -> float | None:
        speed = self.speed()
        if not speed:
            return None
        total = self.total_bytes if self.by_bytes else self.total_files
        return max(0.0, (total - self.work_done()) / speed)


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
