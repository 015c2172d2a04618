"""An advisory lock on an output folder, so two runs never write the same folder at once.

The operating system drops the lock when its holder dies, so a lock file left by a crash never blocks.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

LOCK_NAME = ".batchpilot-lock"
_INFO_MAX = 4096

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _since(started: float) -> str:
    """Local "HH:MM" for today, with the date for an earlier day."""
    when = time.localtime(started)
    today = time.localtime()
    same_day = (when.tm_year, when.tm_yday) == (today.tm_year, today.tm_yday)
    return time.strftime("%H:%M" if same_day else "%Y-%m-%d %H:%M", when)


class FolderBusy(Exception):
    """Another live run holds the output folder."""

    def __init__(self, folder: str | os.PathLike[str], pid: int | None = None, host: str = "", since: str = ""):
        self.folder = Path(folder)
        self.pid = pid
        self.host = host
        self.since = since
        super().__init__(self.sentence())

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.folder, self.pid, self.host, self.since))

    def sentence(self, hint: str = "wait for it or choose another --out") -> str:
        """Who holds the folder since when, then what to do."""
        if self.pid is None:
            who = "another batchpilot run"
        else:
            who = f"batchpilot pid {self.pid}" + (f" on host {self.host}" if self.host else "")
        since = f" since {self.since}" if self.since else ""
        return f"{self.folder} is being written by {who}{since}; {hint}"

    def __str__(self) -> str:
        return self.sentence()


def _read_holder(fd: int, folder: Path) -> FolderBusy:
    """What the holder wrote about itself; it may be empty or half-written if it is writing right now."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        info = json.loads(os.read(fd, _INFO_MAX))
    except (OSError, ValueError):
        return FolderBusy(folder)
    if not isinstance(info, dict):
        return FolderBusy(folder)
    pid, host, started = info.get("pid"), info.get("host"), info.get("started")
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return FolderBusy(folder)
    host = host if isinstance(host, str) else ""
    since = _since(started) if isinstance(started, int | float) and not isinstance(started, bool) else ""
    return FolderBusy(folder, pid, host, since)


def _write_holder(fd: int) -> None:
    data = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "started": int(time.time())})
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, data.encode())


class OutputLock:
    """Holds ``<folder>/.batchpilot-lock`` locked until released; use as a context manager."""

    def __init__(self, folder: Path, fd: int):
        self.folder = folder
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, folder: str | os.PathLike[str]) -> OutputLock:
        """Lock ``folder`` (created if missing); raises FolderBusy, or OSError if it cannot be written."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        # Close-on-exec: worker processes must not inherit the lock and keep it alive after we exit.
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0)
        fd = os.open(folder / LOCK_NAME, flags, 0o644)
        try:
            # Each acquire opens its own file description, so a second acquire in this process conflicts too.
            if not _try_lock(fd):
                raise _read_holder(fd, folder)
            _write_holder(fd)
        except BaseException:
            os.close(fd)
            raise
        return cls(folder, fd)

    def release(self) -> None:
        """Unlock and close; the file stays, since removing it would race with the next run taking it."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> OutputLock:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
