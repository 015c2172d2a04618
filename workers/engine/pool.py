"""The worker pool: long-lived spawn-context processes, one pipe pair each.

One pipe pair per worker (a shared queue can hang the pool when a worker dies holding its
lock); a run waits on those pipes and the process sentinels together, so a dead worker is
noticed at once and only the item it was on is blamed. See DESIGN.md.

Everything a run of one job needs is public here; the run itself (workers/engine/run.py)
keeps its state apart, so a run leaves nothing behind in the pool.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading
from collections import deque
from multiprocessing.connection import Connection
from time import monotonic
from typing import Any

from workers.engine import wire
from workers.engine.child import IDLE, worker_main
from workers.engine.options import EngineOptions
from workers.states import Control
from workers.task import WorkItem

SIGNAL_NAMES = {s.value: s.name for s in signal.Signals}
# A full pause stops running items where they are (SIGSTOP to the worker's process group, its
# encoder threads and children included); where there is no such signal (Windows) it holds:
# running items finish and nothing new starts.
CAN_STOP = hasattr(signal, "SIGSTOP") and hasattr(os, "killpg")


def crash_reason(exitcode: int | None) -> str:
    """Why a worker process ended, in words."""
    if exitcode is not None and exitcode < 0:
        sig = -exitcode
        return f"worker crashed (signal {sig}, {SIGNAL_NAMES.get(sig, 'unknown')})"
    return f"worker exited unexpectedly (exit code {exitcode})"


# Room in the pipe to a worker for a batch of the largest size at once (2,048 items of a few
# hundred bytes). A message larger than the pipe (64 KiB by default on Linux) kept the parent
# waiting until the worker had read part of it, and a worker's inbox thread reads only when its
# busy main thread lets it have the GIL. (A worker's flushes are columns of numbers, small.)
PIPE_BYTES = 1 << 20


def _widen(conn: Connection) -> None:
    """Give a pipe PIPE_BYTES of room where the system allows it (Linux); else leave it."""
    try:
        import fcntl

        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass


class Worker:
    """One worker process and what the pool knows about it."""

    def __init__(self, index: int, current: Any, started: Any) -> None:
        self.index = index
        self._current = current
        self._started = started
        self.process: Any = None
        self.inbox: Any = None  # Connection we send on
        self.outbox: Any = None  # Connection we receive from
        self.batches: deque[tuple[int, list[WorkItem]]] = deque()  # (batch id, items) sent, not ended
        self.job_sent = 0  # the job whose task this worker has loaded (0: none)
        self.kill_reason: str | None = None
        self.rss_checked = 0.0
        self.stopped = False  # sent SIGSTOP by a full pause, not continued since

    @property
    def alive(self) -> bool:
        return self.process is not None

    @property
    def pid(self) -> int:
        return int(self.process.pid)

    @property
    def current(self) -> int:
        """The id of the item the process is on now, or IDLE."""
        return int(self._current[self.index])

    @property
    def started(self) -> float:
        """When it started that item (monotonic seconds)."""
        return float(self._started[self.index])

    def send(self, *messages: tuple[Any, ...]) -> bool:
        """Send messages (at once: one wake-up of the worker); False if the worker is gone
        (its sentinel fires, the run notices)."""
        try:
            wire.send(self.inbox, *messages)
        except OSError:
            return False
        return True

    def kill(self, reason: str) -> None:
        """Kill the process and everything it started; the first reason given is kept."""
        if not self.alive:
            return
        self.kill_reason = self.kill_reason or reason
        try:
            if hasattr(os, "killpg"):
                os.killpg(self.process.pid, signal.SIGKILL)  # the worker leads its own process group
            else:
                self.process.kill()
        except (ProcessLookupError, PermissionError):
            self.process.kill()

    def stop(self) -> None:
        """Stop the process and everything it started where they are (a full pause; see CAN_STOP)."""
        self._signal_group(signal.SIGSTOP)
        self.stopped = True

    def cont(self) -> None:
        """Let a stopped process and everything it started go on."""
        self._signal_group(signal.SIGCONT)
        self.stopped = False

    def _signal_group(self, signum: int) -> None:
        try:
            os.killpg(self.process.pid, signum)  # the worker leads its own process group
        except ProcessLookupError:
            pass  # it died: its sentinel fires, the run notices


class WorkerPool:
    """Worker processes that live as long as the pool; controlled from any thread."""

    def __init__(self, options: EngineOptions | None = None, context: Any = None) -> None:
        self.options = options or EngineOptions()
        self._ctx = context or mp.get_context("spawn")
        n = self.options.worker_count()
        self._current = self._ctx.RawArray("q", [IDLE] * n)
        self._started = self._ctx.RawArray("d", [0.0] * n)
        self.workers = [Worker(i, self._current, self._started) for i in range(n)]
        self.wakeup: Connection  # readable when a command was posted
        self._wake_w: Connection
        self.wakeup, self._wake_w = self._ctx.Pipe(duplex=False)
        self._commands: deque[Control] = deque()
        self._lock = threading.Lock()
        self._batch_counter = 0  # batch ids are unique across jobs: stale markers never match
        self._job_counter = 0

    # -- processes ---------------------------------------------------------------------------
    @property
    def worker_count(self) -> int:
        return len(self.workers)

    def start(self, count: int | None = None, task: Any = None) -> None:
        """Spawn workers now (``count`` of them at most; a run spawns the rest when it has work for them).

        With ``task``, each new worker loads it and imports what it needs at once (its
        ``warm_up``), while the caller goes on planning: the first job finds it ready.
        """
        with self._lock:
            for worker in self.workers[:count]:
                if not worker.alive:
                    self.spawn(worker)
                    if task is not None:
                        worker.send(wire.warm_message(wire.task_spec(task)))

    def spawn(self, worker: Worker) -> None:
        their_in, our_in = self._ctx.Pipe(duplex=False)
        our_out, their_out = self._ctx.Pipe(duplex=False)
        _widen(our_in)
        cap = self.options.max_memory_mb
        backstop = max(4 * cap << 20, (cap << 20) + (4 << 30)) if cap else None
        proc = self._ctx.Process(
            target=worker_main,
            args=(worker.index, their_in, their_out, self._current, self._started, len(self.workers), backstop,
                  self._ctx.get_start_method() == "spawn"),
            name=f"batchpilot-worker-{worker.index}",
            daemon=True,
        )
        proc.start()
        their_in.close()
        their_out.close()
        self._current[worker.index] = IDLE
        worker.process, worker.inbox, worker.outbox = proc, our_in, our_out
        worker.batches.clear()
        worker.job_sent = 0
        worker.kill_reason = None
        worker.stopped = False

    def reap(self, worker: Worker) -> None:
        """Wait for a dead (or killed) worker and release its pipes; it can be spawned again."""
        worker.process.join(timeout=5)
        for conn in (worker.inbox, worker.outbox):
            if conn is not None:
                conn.close()
        worker.process = worker.inbox = worker.outbox = None
        worker.stopped = False

    def worker_pids(self) -> list[int]:
        return [w.pid for w in self.workers if w.alive]

    def next_job_id(self) -> int:
        self._job_counter += 1
        return self._job_counter

    def next_batch_id(self) -> int:
        self._batch_counter += 1
        return self._batch_counter

    def stop_workers(self) -> None:
        """Stop every worker (politely, then firmly); the pool can be started again."""
        with self._lock:
            for worker in self.workers:
                if worker.alive:
                    if worker.stopped:  # a run that could not continue it: let it read STOP
                        worker.cont()
                    worker.send((wire.STOP,))
            deadline = monotonic() + 1.0
            for worker in self.workers:
                if worker.alive:
                    worker.process.join(timeout=max(0.0, deadline - monotonic()))
                    if worker.process.is_alive():
                        worker.kill("closing")
                    self.reap(worker)

    # -- commands (thread-safe) -------------------------------------------------------------
    def post(self, command: Control) -> None:
        self._commands.append(command)
        try:
            self._wake_w.send_bytes(b"!")
        except OSError:
            pass

    def take_commands(self) -> list[Control]:
        """The commands posted since the last call, oldest first."""
        try:
            while self.wakeup.poll():
                self.wakeup.recv_bytes()
        except (EOFError, OSError):
            pass
        taken = []
        while self._commands:
            taken.append(self._commands.popleft())
        return taken

    def has_commands(self) -> bool:
        return bool(self._commands)

    def clear_commands(self) -> None:
        self._commands.clear()
