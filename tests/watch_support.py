"""A ``batchpilot watch`` process driven by a test: its JSON lines are read as they come, and the
test waits for the lines it expects (never for a fixed time)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


class WatchProcess:
    def __init__(self, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen([sys.executable, "-m", "workers", "watch", *args, "--json"], cwd=ROOT,
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.records: list[dict[str, Any]] = []
        self.stderr = ""
        self._changed = threading.Condition()
        self._readers = [threading.Thread(target=self._read_out, daemon=True),
                         threading.Thread(target=self._read_err, daemon=True)]
        for reader in self._readers:
            reader.start()
        self.wait_for(lambda r: r["event"] == "watching", what="the watch to start")

    def _read_out(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._changed:
                self.records.append(json.loads(line))
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def _read_err(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            with self._changed:
                self.stderr += line
                self._changed.notify_all()

    def done(self, name: str | None = None) -> list[dict[str, Any]]:
        with self._changed:
            return [r for r in self.records if r["event"] == "file_done" and (name is None or r["rel"] == name)]

    def wait_for(self, predicate: Callable[[dict[str, Any]], bool], count: int = 1, timeout: float = 60,
                 what: str = "a line") -> list[dict[str, Any]]:
        """The first ``count`` records that match, once they have come."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [r for r in self.records if predicate(r)]
                if len(found) >= count:
                    return found[:count]
                left = deadline - time.monotonic()
                if left <= 0 or (self.proc.poll() is not None and not self._readers[0].is_alive()):
                    raise AssertionError(f"waited in vain for {what} ({len(found)} of {count}); "
                                         f"stderr: {self.stderr[-2000:]}")
                self._changed.wait(min(left, 1.0))

    def wait_done(self, name: str, count: int = 1, timeout: float = 60) -> list[dict[str, Any]]:
        return self.wait_for(lambda r: r["event"] == "file_done" and r["rel"] == name, count, timeout,
                             f"{name} to be done")

    def sentinel(self, folder: Path, name: str = "zz-after.txt") -> None:
        """Drop one more file and wait for it: what came before has been seen by then."""
        (folder / name).write_text("sentinel")
        self.wait_done(name)

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> float:
        """Send ``sig`` and wait for the exit; returns how long the exit took."""
        start = time.monotonic()
        self.proc.send_signal(sig)
        self.proc.wait(timeout)
        took = time.monotonic() - start
        for reader in self._readers:
            reader.join(10)
        return took

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        for reader in self._readers:
            reader.join(10)
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()
