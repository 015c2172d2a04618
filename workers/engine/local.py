"""The local engine: a worker pool on this computer that runs one job at a time."""

from __future__ import annotations

import threading
from typing import Any

from workers.engine.ledger import JobSummary
from workers.engine.options import EngineOptions
from workers.engine.pool import CAN_STOP, WorkerPool
from workers.engine.run import JobRun
from workers.engine.wire import Consumer
from workers.plan import Plan
from workers.states import Control


class Engine(WorkerPool):
    """Runs plans on a pool of worker processes that lives as long as the engine."""

    def __init__(self, options: EngineOptions | None = None, context: Any = None) -> None:
        super().__init__(options, context)
        self._idle = threading.Event()  # set while no job runs
        self._idle.set()

    def close(self) -> None:
        """Stop every worker (politely, then firmly); the engine can be started again.

        Called while a job runs in another thread, it cancels that job now and waits for it.
        """
        if not self._idle.is_set():
            self.cancel(now=True)
            self._idle.wait(30)
        self.stop_workers()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- control (thread-safe) ------------------------------------------------------------
    @property
    def pause_stops_running(self) -> bool:
        """Whether a pause can stop running items (not on Windows: there it holds)."""
        return CAN_STOP

    def pause(self, stop_running: bool = True) -> None:
        """No new item starts until :meth:`resume`, and running items are stopped where they
        are (their worker's process group); with ``stop_running`` False they go on (a hold).
        A second call of the other kind turns one pause into the other."""
        self.post(Control.PAUSE if stop_running else Control.HOLD)

    def resume(self) -> None:
        self.post(Control.RESUME)

    def cancel(self, now: bool = False) -> None:
        """Graceful: running items finish (stopped ones go on), nothing new starts. Now: kill
        every worker at once, stopped or not."""
        self.post(Control.CANCEL_NOW if now else Control.CANCEL)

    # -- running a job --------------------------------------------------------------------
    def run(self, plan: Plan, on_events: Consumer | None = None) -> JobSummary:
        """Run every item of ``plan``; blocks until each one has ended. Call from one thread."""
        if not self._idle.is_set():
            raise RuntimeError("this engine is already running a job")
        self._idle.clear()
        try:
            return JobRun(self, plan, on_events).run()
        finally:
            self._idle.set()


def run_plan(plan: Plan, on_events: Consumer | None = None, options: EngineOptions | None = None) -> JobSummary:
    """Run one plan on a fresh pool and close it."""
    with Engine(options) as engine:
        return engine.run(plan, on_events)
