"""The supervisor: long-lived spawn-context worker processes fed with batches of items.

One pipe pair per worker (a shared queue can hang the pool when a worker dies holding its
lock); the supervisor waits on those pipes and the process sentinels together, so a dead
worker is noticed at once and only the item it was on is blamed. See DESIGN.md.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from time import monotonic
from typing import Any

from workers.batching import cut_batch
from workers.child import IDLE, worker_main
from workers.job import Consumer, Job, JobSummary, crash_reason
from workers.plan import Plan
from workers.task import WorkItem


@dataclass
class EngineOptions:
    workers: int = 0  # 0: one per CPU
    batch_size: int = 0  # 0: automatic
    max_batch: int = 512
    batch_bytes: int = 64 << 20  # small files share a batch up to this many bytes
    big_item_bytes: int = 32 << 20  # items this big always run alone
    timeout: float | None = None  # seconds per item
    max_memory_mb: int | None = None  # resident memory per worker
    deliver_seconds: float = 0.05  # how often the consumer is called

    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)


class _Slot:
    """One worker process and what the supervisor knows about it."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.process: Any = None
        self.inbox: Any = None  # Connection we send on
        self.outbox: Any = None  # Connection we receive from
        self.batches: deque[tuple[int, list[WorkItem]]] = deque()
        self.job_sent = -1
        self.kill_reason: str | None = None
        self.rss_checked = 0.0

    @property
    def alive(self) -> bool:
        return self.process is not None


class Engine:
    """Runs plans on a pool of worker processes that lives as long as the engine."""

    def __init__(self, options: EngineOptions | None = None, context: Any = None) -> None:
        self.options = options or EngineOptions()
        self._ctx = context or mp.get_context("spawn")
        n = self.options.worker_count()
        self._current = self._ctx.RawArray("q", [IDLE] * n)
        self._started = self._ctx.RawArray("d", [0.0] * n)
        self._slots = [_Slot(i) for i in range(n)]
        self._wake_r: Connection
        self._wake_w: Connection
        self._wake_r, self._wake_w = self._ctx.Pipe(duplex=False)
        self._control: deque[str] = deque()
        self._lock = threading.Lock()
        self._job_id = 0
        self._batch_counter = 0  # batch ids are unique across jobs: stale markers never match
        self._idle = threading.Event()  # set while no job runs
        self._idle.set()

    # -- pool ------------------------------------------------------------------------------
    @property
    def worker_count(self) -> int:
        return len(self._slots)

    def start(self) -> None:
        """Spawn the workers now (they are otherwise spawned by the first run)."""
        with self._lock:
            for slot in self._slots:
                if not slot.alive:
                    self._spawn(slot)

    def _spawn(self, slot: _Slot) -> None:
        their_in, our_in = self._ctx.Pipe(duplex=False)
        our_out, their_out = self._ctx.Pipe(duplex=False)
        cap = self.options.max_memory_mb
        backstop = max(4 * cap << 20, (cap << 20) + (4 << 30)) if cap else None
        proc = self._ctx.Process(
            target=worker_main,
            args=(slot.index, their_in, their_out, self._current, self._started, len(self._slots), backstop),
            name=f"batchpilot-worker-{slot.index}",
            daemon=True,
        )
        proc.start()
        their_in.close()
        their_out.close()
        self._current[slot.index] = IDLE
        slot.process, slot.inbox, slot.outbox = proc, our_in, our_out
        slot.batches.clear()
        slot.job_sent = -1
        slot.kill_reason = None

    def worker_pids(self) -> list[int]:
        return [s.process.pid for s in self._slots if s.alive]

    def _kill(self, slot: _Slot, reason: str) -> None:
        if not slot.alive:
            return
        slot.kill_reason = slot.kill_reason or reason
        pid = slot.process.pid
        try:
            if hasattr(os, "killpg"):
                os.killpg(pid, signal.SIGKILL)  # the worker leads its own process group
            else:
                slot.process.kill()
        except (ProcessLookupError, PermissionError):
            slot.process.kill()

    def _reap(self, slot: _Slot) -> None:
        slot.process.join(timeout=5)
        for conn in (slot.inbox, slot.outbox):
            if conn is not None:
                conn.close()
        slot.process = slot.inbox = slot.outbox = None

    def close(self) -> None:
        """Stop every worker (politely, then firmly); the engine can be started again.

        Called while a job runs in another thread, it cancels that job now and waits for it.
        """
        if not self._idle.is_set():
            self.cancel(now=True)
            self._idle.wait(30)
        with self._lock:
            for slot in self._slots:
                if slot.alive and slot.inbox is not None:
                    try:
                        slot.inbox.send(("stop",))
                    except OSError:
                        pass
            deadline = monotonic() + 1.0
            for slot in self._slots:
                if slot.alive:
                    slot.process.join(timeout=max(0.0, deadline - monotonic()))
                    if slot.process.is_alive():
                        self._kill(slot, "closing")
                    self._reap(slot)

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- control (thread-safe) ------------------------------------------------------------
    def _post(self, command: str) -> None:
        self._control.append(command)
        try:
            self._wake_w.send_bytes(b"!")
        except OSError:
            pass

    def pause(self) -> None:
        """No new item starts until :meth:`resume`; running items go on."""
        self._post("pause")

    def resume(self) -> None:
        self._post("resume")

    def cancel(self, now: bool = False) -> None:
        """Graceful: running items finish, nothing new starts. Now: kill every worker at once."""
        self._post("cancel-now" if now else "cancel")

    # -- running a job --------------------------------------------------------------------
    def run(self, plan: Plan, on_events: Consumer | None = None) -> JobSummary:
        """Run every item of ``plan``; blocks until each one has ended. Call from one thread."""
        if not self._idle.is_set():
            raise RuntimeError("this engine is already running a job")
        self._idle.clear()
        try:
            job = Job(self, plan, on_events)
            return job.run()
        finally:
            self._idle.set()


def run_plan(plan: Plan, on_events: Consumer | None = None, options: EngineOptions | None = None) -> JobSummary:
    """Run one plan on a fresh pool and close it (the CLI's way; the window keeps its pool)."""
    with Engine(options) as engine:
        return engine.run(plan, on_events)


__all__: Sequence[str] = ["Consumer", "Engine", "EngineOptions", "JobSummary", "crash_reason", "cut_batch", "run_plan"]
