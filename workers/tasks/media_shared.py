"""The segments of one long video shared out among workers: claims, locks, the shared manifest.

The worker that runs the item (its owner) plans the segments, encodes them in order and joins
them. Meanwhile idle workers may help (see workers.tasks.media_segmented.help_segments): a
segment is taken by whoever creates its claim file first and holds a lock on it (``flock``)
while it encodes. The lock goes with its process, so a claim whose lock can be taken was left
by a worker that died or gave up, and its segment is taken over; a stopped (paused) helper
still holds its lock, and nobody encodes its segment twice. A finished segment is entered in
the manifest under the manifest's own lock. The owner holds ``owner.lock`` for its whole
encode: helpers stop as soon as they could take it (the owner finished, failed or died).

The locks are advisory locks on files in the work folder, which is beside the output: on one
computer, and on a cluster whose workers share the output folder, every process sees them.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; segments are not shared there (see sharing())
    fcntl = None  # type: ignore[assignment]

OWNER_LOCK = "owner.lock"
MANIFEST_LOCK = "manifest.lock"
_CLAIM = ".claim"


def sharing() -> bool:
    """Whether this system has the locks that sharing a video's segments needs."""
    return fcntl is not None


def claim_name(index: int) -> str:
    return f"segment-{index:05d}{_CLAIM}"


def is_shared_file(name: str) -> bool:
    """The lock and claim files this module writes in a work folder."""
    return name in (OWNER_LOCK, MANIFEST_LOCK) or name.endswith(_CLAIM)


def _try_lock(fd: int) -> bool:
    if fcntl is None:
        return True  # no helpers here (owner_active says no owner): nobody to share a claim with
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _still_named(fd: int, path: Path) -> bool:
    """The open file is still the one at ``path`` (not one unlinked since it was opened)."""
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except FileNotFoundError:
        return False


class Claim:
    """A segment being encoded by this process; its file says who (``role``: "owner" or
    "helper", and the process id) and how far it has come."""

    def __init__(self, path: Path, fd: int, role: str) -> None:
        self.path = path
        self.fd = fd
        self.role = role
        self.progress(0.0)

    def progress(self, end: float) -> None:
        """Say how far in the source (seconds) the segment's encode has come."""
        data = json.dumps({"end": round(end, 3), "pid": os.getpid(), "role": self.role}).encode()
        with contextlib.suppress(OSError):
            os.pwrite(self.fd, data.ljust(96), 0)

    def release(self) -> None:
        """Give the segment up, finished (entered in the manifest first) or not."""
        with contextlib.suppress(OSError):
            if _still_named(self.fd, self.path):
                os.unlink(self.path)
        with contextlib.suppress(OSError):
            os.close(self.fd)


def take_claim(folder: Path, index: int, role: str = "owner") -> Claim | None:
    """Claim segment ``index``; None when another live process holds it."""
    path = folder / claim_name(index)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        try:
            fd = os.open(path, os.O_RDWR)  # left by a process that died? its lock is free then
        except FileNotFoundError:
            return None  # released just now: looked at again on the next pass
    except FileNotFoundError:
        return None  # the work folder is gone: the owner is done with this video
    if not _try_lock(fd) or not _still_named(fd, path):
        os.close(fd)
        return None
    return Claim(path, fd, role)


def others_progress(folder: Path, mine: int | None = None) -> dict[int, float]:
    """How far (seconds in the source) each segment other processes are encoding has come."""
    found: dict[int, float] = {}
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(folder):
            name = entry.name
            if not name.endswith(_CLAIM):
                continue
            try:
                index = int(name[len("segment-"):-len(_CLAIM)])
                with open(entry.path, "rb") as f:
                    end = float(json.loads(f.read(256).strip() or b"{}").get("end", 0.0))
            except (OSError, ValueError):
                continue  # just made (nothing written yet) or just released
            if index != mine:
                found[index] = end
    return found


def free_claims(folder: Path) -> None:
    """Remove the claim files nobody holds (left by a stopped run)."""
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(folder):
            if entry.name.endswith(_CLAIM):
                claim = take_claim(folder, int(entry.name[len("segment-"):-len(_CLAIM)]))
                if claim is not None:
                    claim.release()


class OwnerLock:
    """Held by the worker that runs the item, for its whole encode."""

    def __init__(self, folder: Path) -> None:
        self.fd: int | None = None
        if fcntl is None:
            return
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / OWNER_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            os.close(fd)
            raise BusyError
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = None


class BusyError(Exception):
    """Another process is encoding this video as its owner now."""


def owner_active(folder: Path) -> bool:
    """Whether a live process owns the video's encode (helpers work only for one)."""
    if fcntl is None:
        return False
    try:
        fd = os.open(folder / OWNER_LOCK, os.O_RDONLY)
    except OSError:
        return False
    try:
        return not _try_lock(fd)  # taken: nobody held it
    finally:
        os.close(fd)


@contextlib.contextmanager
def manifest_lock(folder: Path) -> Iterator[None]:
    """One read-change-write of the manifest at a time, across processes."""
    if fcntl is None:
        yield
        return
    fd = os.open(folder / MANIFEST_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # and the lock with it


def every(seconds: float, clock: Callable[[], float]) -> Callable[[], bool]:
    """A gate that opens at most once per ``seconds`` (for checks too dear to make per frame)."""
    last = [-seconds]

    def due() -> bool:
        now = clock()
        if now - last[0] < seconds:
            return False
        last[0] = now
        return True

    return due


__all__ = ["BusyError", "Claim", "OwnerLock", "claim_name", "every", "free_claims", "is_shared_file",
           "manifest_lock", "others_progress", "owner_active", "sharing", "take_claim"]
