"""A stand-in engine that streams synthetic events like the real one, and an event-loop stall meter.

Shared by the responsiveness test and bench/gui_latency.py, so the bench measures exactly what
the test asserts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from time import monotonic, perf_counter, thread_time

from PySide6.QtCore import QObject, Qt, QTimer

from workers.engine import EventBatch, JobSummary
from workers.engine.wire import FINISHED, PROGRESS, STARTED
from workers.events import BatchFinished
from workers.plan import Plan


class SyntheticEngine:
    """Sends four events per item (started, two progress, finished) in batches every ``interval``.

    Batches carry the same compact records real workers send, so decoding happens in the
    bridge thread exactly as in a real job.
    """

    def __init__(self, per_batch: int = 4000, interval: float = 0.05) -> None:
        self.per_batch = per_batch
        self.interval = interval
        self._cancel = threading.Event()
        self.batches = 0

    def start(self) -> None:
        pass

    def run(self, plan: Plan, on_events: Callable[[EventBatch], None] | None = None) -> JobSummary:
        items = plan.items
        per_item = 4
        step = max(1, self.per_batch // per_item)
        t0 = monotonic()
        tick = threading.Event()  # never set: waits pace the batches like the engine's delivery clock
        for start in range(0, len(items), step):
            if self._cancel.is_set():
                break
            records: list[tuple] = []
            for w in items[start:start + step]:  # made as the batch goes, as workers would
                records += [(STARTED, w.id), (PROGRESS, w.id, 0.3, ""), (PROGRESS, w.id, 0.7, ""),
                            (FINISHED, w.id, 0.001, None)]
            batch = EventBatch()
            batch.add_records(self.batches % 2, records)
            if on_events is not None:
                on_events(batch)
            self.batches += 1
            tick.wait(self.interval)
        summary = JobSummary(done=len(items), elapsed=monotonic() - t0)
        final = EventBatch()
        final.add(BatchFinished(summary.done, 0, 0, 0, summary.elapsed))
        if on_events is not None:
            on_events(final)
        return summary

    def pause(self, stop_running: bool = True) -> None:
        pass

    def resume(self) -> None:
        pass

    def cancel(self, now: bool = False) -> None:
        self._cancel.set()

    def close(self) -> None:
        pass

    def worker_pids(self) -> list[int]:
        return []

    @property
    def worker_count(self) -> int:
        return 2

    @property
    def pause_stops_running(self) -> bool:
        return True


class StallMeter(QObject):
    """Ticks every ``interval_ms`` on the GUI thread; a late tick is how long the loop was stuck."""

    def __init__(self, interval_ms: int = 5) -> None:
        super().__init__()
        self.interval = interval_ms / 1000
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_tick)
        self.ticks: list[float] = []
        self.cpu = 0.0  # CPU seconds the GUI thread used while measuring: immune to a busy machine

    def start(self) -> None:
        self.ticks = [perf_counter()]
        self._cpu0 = thread_time()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.cpu = thread_time() - self._cpu0

    def _on_tick(self) -> None:
        self.ticks.append(perf_counter())

    def stalls(self) -> list[float]:
        """How much later than due each tick came, in seconds."""
        return [max(0.0, b - a - self.interval) for a, b in zip(self.ticks, self.ticks[1:], strict=False)]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]
