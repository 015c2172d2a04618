"""A batchpilot worker process started by a Dask worker to run items in.

Items never run inside the Dask worker itself: a crash would take the Dask worker down,
and cancelling must be able to kill an item together with everything it started. So each
Dask worker thread drives one of these, speaking the same pipe protocol as the local
engine's workers (:func:`workers.engine.child.worker_main`, which makes it a process group leader).

It is started with ``subprocess`` rather than ``multiprocessing``: Dask workers run as
daemonic processes by default, and those may not have multiprocessing children.
"""

from __future__ import annotations

import json
import mmap
import os
import signal
import subprocess
import sys
import tempfile
from multiprocessing.connection import Connection
from typing import Any

from workers.engine import wire
from workers.engine.child import IDLE

# Sets sys.path before importing anything of ours, so the runner sees the same modules
# (custom task files, test helpers) as the Dask worker that started it.
_BOOT = "import sys, json; sys.path[:] = json.loads(sys.argv[1]); from workers.dask.runner import main; main()"
_SLOTS_BYTES = 16  # current item id (int64) and when it started (float64)


class Runner:
    """One runner process as seen from the Dask worker that started it."""

    def __init__(self, workers: int, memory_backstop: int | None = None) -> None:
        in_r, in_w = os.pipe()
        out_r, out_w = os.pipe()
        with tempfile.TemporaryFile() as shared:
            shared.truncate(_SLOTS_BYTES)
            self._map = mmap.mmap(shared.fileno(), _SLOTS_BYTES)
            args = [str(in_r), str(out_w), str(shared.fileno()), str(workers), str(memory_backstop or 0)]
            try:
                self.process = subprocess.Popen(
                    [sys.executable, "-c", _BOOT, json.dumps(sys.path), *args],
                    pass_fds=(in_r, out_w, shared.fileno()),
                    stdin=subprocess.DEVNULL,
                )
            finally:
                os.close(in_r)
                os.close(out_w)
        view = memoryview(self._map)
        self.current: Any = view[:8].cast("q")
        self.started: Any = view[8:].cast("d")
        self.current[0] = IDLE
        self.inbox = Connection(in_w, readable=False)
        self.outbox = Connection(out_r, writable=False)
        self.memory_backstop = memory_backstop
        self.job_id: str | None = None  # the job whose task it has loaded
        self.kill_reason: str | None = None

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def send(self, message: tuple[Any, ...]) -> bool:
        """Send a message; False if the runner is gone."""
        try:
            self.inbox.send(message)
        except OSError:
            return False
        return True

    def kill(self, reason: str) -> None:
        """Kill the runner and everything it started (it leads its own process group)."""
        self.kill_reason = self.kill_reason or reason
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            self.process.kill()  # not yet a group leader: it is still starting up

    def close(self, wait: float = 5.0) -> int | None:
        """Release the pipes and shared slots once the process is gone (or told to go)."""
        if self.alive():
            self.send((wire.STOP,))
        try:
            self.process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            self.kill("did not stop when asked")
            self.process.wait()
        for conn in (self.inbox, self.outbox):
            conn.close()
        self.current.release()
        self.started.release()
        self._map.close()
        return self.process.returncode


def main() -> None:
    """Entry point of a runner process: wrap the inherited descriptors, then serve as a worker."""
    from workers.engine.child import worker_main

    in_fd, out_fd, shared_fd, workers, backstop = (int(a) for a in sys.argv[2:7])
    shared = mmap.mmap(shared_fd, _SLOTS_BYTES)
    os.close(shared_fd)
    view = memoryview(shared)
    worker_main(0, Connection(in_fd, writable=False), Connection(out_fd, readable=False),
                view[:8].cast("q"), view[8:].cast("d"), workers, backstop or None)
