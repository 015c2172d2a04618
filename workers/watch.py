"""Watch folders: a folder whose new and changed files are taken once each, when complete.

A file is *complete* when its size and modification time have not changed for the settle time
and no process has it open for writing. File-system events (watchdog: inotify on Linux) say
early that something changed and when a writer closed a file; a periodic rescan of the folder
is the safety net for events that never come (an overflowed event queue, a network folder).
Where a file's last event was not its writer closing it (a file renamed in, one found by a
rescan, a writer that holds it open), ``/proc`` is asked whether anyone has it open for
writing before it is taken.

Names that downloaders and copiers give a file while it is being written (``.part``,
``.crdownload``, ``.~tmp``, hidden names...) are never taken; the file counts once renamed.

This module decides *which* files are ready and hands each signature (size, modification
time, inode) of a path out once; whether a file was already done by an earlier run is the
journal's decision, when the files run as a job (see :mod:`workers.watch_run`).
"""

from __future__ import annotations

import logging
import os
import queue
import stat
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from workers.plan import ScanOptions, ScanProblem, SourceFile, iter_sources, scan_admits

SETTLE_SECONDS = 2.0
RESCAN_SECONDS = 60.0

# What browsers, download managers and copy tools call a file until it is whole.
DOWNLOAD_SUFFIXES = (".part", ".partial", ".crdownload", ".download", ".opdownload", ".~tmp", ".tmp", ".!qb",
                     ".filepart", ".swp")


def is_download_name(name: str) -> bool:
    """A name a file has only while it is being written ('film.mkv.part', '~$report.docx')."""
    lower = name.lower()
    return lower.endswith(DOWNLOAD_SUFFIXES) or name.startswith("~$")


class Signature(NamedTuple):
    size: int
    mtime_ns: int
    dev: int
    ino: int


def signature(path: str) -> Signature | None:
    """The file's signature, or None when it is gone or not a regular file."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return Signature(st.st_size, st.st_mtime_ns, st.st_dev, st.st_ino)


def open_for_writing(files: set[tuple[int, int]], proc: str = "/proc") -> set[tuple[int, int]] | None:
    """Which of ``files`` ((device, inode) pairs) a process has open for writing, or None where
    this cannot be told (no ``/proc``). Only processes whose descriptors we may read are seen:
    all of them as root, the user's own otherwise — the ones that write into the user's folders."""
    if not files or not os.path.isdir(os.path.join(proc, "self", "fd")):
        return None if files else set()
    found: set[tuple[int, int]] = set()
    for pid in os.listdir(proc):
        if not pid.isdigit():
            continue
        fd_dir = os.path.join(proc, pid, "fd")
        try:
            fds = os.listdir(fd_dir)
        except OSError:
            continue
        for fd in fds:
            try:
                st = os.stat(os.path.join(fd_dir, fd))
            except OSError:
                continue
            key = (st.st_dev, st.st_ino)
            if key not in files or key in found:
                continue
            try:
                with open(os.path.join(proc, pid, "fdinfo", fd), encoding="ascii") as info:
                    flags = next((line.split()[1] for line in info if line.startswith("flags:")), "0")
            except (OSError, IndexError, UnicodeDecodeError):
                continue
            if int(flags, 8) & (os.O_WRONLY | os.O_RDWR):
                found.add(key)
    return found


@dataclass
class _Pending:
    sig: Signature
    since: float  # when this signature was first seen
    closed: bool  # the last event for this signature was its writer closing it


class Settler:
    """Paths waiting to be complete: each is due once its signature has held for ``settle``
    seconds. Pure bookkeeping: the caller stats, and gives the time."""

    def __init__(self, settle: float) -> None:
        self.settle = settle
        self.pending: dict[str, _Pending] = {}

    def observe(self, path: str, sig: Signature, now: float, *, wrote: bool = False, closed: bool = False) -> None:
        entry = self.pending.get(path)
        if entry is None or entry.sig != sig or wrote:
            self.pending[path] = _Pending(sig, now, closed)
        elif closed:
            entry.closed = True

    def wait_again(self, path: str, now: float) -> None:
        """Someone still writes it: look again after another settle time."""
        entry = self.pending.get(path)
        if entry is not None:
            entry.since = now
            entry.closed = False

    def forget(self, path: str) -> None:
        self.pending.pop(path, None)

    def forget_under(self, folder: str) -> None:
        prefix = folder.rstrip(os.sep) + os.sep
        for path in [p for p in self.pending if p.startswith(prefix)]:
            del self.pending[path]

    def next_due(self) -> float | None:
        if not self.pending:
            return None
        return min(e.since for e in self.pending.values()) + self.settle

    def due(self, now: float) -> list[tuple[str, _Pending]]:
        limit = now - self.settle
        return [(p, e) for p, e in self.pending.items() if e.since <= limit]


class FolderWatch:
    """Watches ``folder`` (recursively, with the scan options) and hands out complete files.

    ``take`` blocks in the caller's thread; ``stop`` and ``wake`` may be called from any thread
    (and ``stop`` from a signal handler). The output folder, wherever it is, is never watched.
    """

    def __init__(self, folder: str | os.PathLike[str], scan: ScanOptions | None = None, *,
                 out_dir: str | os.PathLike[str] | None = None, settle: float = SETTLE_SECONDS,
                 rescan: float = RESCAN_SECONDS, clock: Callable[[], float] = time.monotonic,
                 use_events: bool = True) -> None:
        self.folder = os.path.abspath(folder)
        self.scan = scan or ScanOptions()
        self.out_dir = os.path.realpath(out_dir) if out_dir is not None else None
        self.rescan_every = rescan
        self.clock = clock
        self.use_events = use_events
        self.settler = Settler(settle)
        self.taken: dict[str, Signature] = {}  # path -> the signature it was handed out with
        self.events_note: str | None = None  # why file-system events are not used, if they are not
        self._inbox: queue.SimpleQueue[tuple[str, str]] = queue.SimpleQueue()
        self._stopped = threading.Event()
        self._returned: list[tuple[str, float]] = []  # (path, when due) given back, for take's thread
        self._returned_lock = threading.Lock()
        self._observer: tuple[object, logging.Handler] | None = None
        self._next_rescan = 0.0  # the first take scans the whole folder
        self._real_folder = os.path.realpath(self.folder)

    # -- life ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Start listening for events (the first :meth:`take` scans what is there already)."""
        if self.use_events:
            self._observer = _start_observer(self.folder, self._inbox.put)
            if self._observer is None:
                self.events_note = ("file-system events are not available here; new files are found by "
                                    f"rescanning every {self.rescan_every:g} s")

    def stop(self) -> None:
        self._stopped.set()
        self._inbox.put(("wake", ""))

    def close(self) -> None:
        self.stop()
        started = self._observer
        self._observer = None
        if started is not None:
            observer, listener = started
            logging.getLogger("watchdog").removeHandler(listener)
            observer.stop()  # type: ignore[attr-defined]
            observer.join(timeout=2)  # type: ignore[attr-defined]

    @property
    def stopped(self) -> bool:
        return self._stopped.is_set()

    def wake(self) -> None:
        """Make a waiting :meth:`take` look again (a rescan is asked with :meth:`rescan_soon`)."""
        self._inbox.put(("wake", ""))

    def rescan_soon(self) -> None:
        self._inbox.put(("scan", self.folder))

    def __enter__(self) -> FolderWatch:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- handing files out ----------------------------------------------------------------------
    def take(self, timeout: float | None = None) -> list[SourceFile]:
        """The files that became complete, each signature once; waits until there are some, the
        watch is stopped, or ``timeout`` seconds passed (then returns [])."""
        end = None if timeout is None else self.clock() + timeout
        while not self._stopped.is_set():
            now = self.clock()
            if self._returned:
                self._take_back()
            if now >= self._next_rescan:
                self._scan(self.folder, now)
                self._next_rescan = now + self.rescan_every
            ready = self._collect(now)
            if ready:
                return ready
            wake_at = min(t for t in (self.settler.next_due(), self._next_rescan, end) if t is not None)
            if end is not None and now >= end:
                return []
            try:
                message = self._inbox.get(timeout=max(wake_at - now, 0.0) + 0.001)
            except queue.Empty:
                continue
            self._handle(message)
            while True:  # everything that came meanwhile, before looking at the clock again
                try:
                    self._handle(self._inbox.get_nowait())
                except queue.Empty:
                    break
        return []

    def give_back(self, files: Iterable[SourceFile], delay: float) -> None:
        """Files handed out that could not run (their job was refused): due again after ``delay``.
        Any thread may give files back; :meth:`take` puts them back in its own."""
        due = self.clock() + delay
        with self._returned_lock:
            self._returned.extend((f.path, due) for f in files)
        self.wake()

    def _take_back(self) -> None:
        with self._returned_lock:
            returned, self._returned = self._returned, []
        for path, due in returned:
            sig = self.taken.pop(path, None)
            if sig is not None:
                self.settler.observe(path, sig, due - self.settler.settle)

    # -- inside -------------------------------------------------------------------------------
    def _rel(self, path: str) -> str | None:
        """``path`` relative to the folder if the watch takes it, else None."""
        if not path.startswith(self.folder + os.sep):
            return None
        if self.out_dir is not None:
            real = os.path.realpath(path)
            if real == self.out_dir or real.startswith(self.out_dir + os.sep):
                return None
        rel = path[len(self.folder) + 1:].replace(os.sep, "/")
        if is_download_name(rel.rsplit("/", 1)[-1]) or not scan_admits(rel, self.scan):
            return None
        return rel

    def _handle(self, message: tuple[str, str]) -> None:
        kind, path = message
        now = self.clock()
        if kind == "wake":
            return
        if kind == "scan":
            self._scan(path, now)
            return
        if kind == "gone":
            self.settler.forget(path)
            return
        if kind == "gone-folder":
            self.settler.forget_under(path)
            return
        if self._rel(path) is None:
            return
        sig = signature(path)
        if sig is None:
            self.settler.forget(path)
        elif self.taken.get(path) != sig:
            self.settler.observe(path, sig, now, wrote=kind == "wrote", closed=kind == "closed")

    def _scan(self, folder: str, now: float) -> None:
        for found in iter_sources([folder], self.out_dir, self.scan):
            if isinstance(found, ScanProblem):
                continue
            if self._rel(found.path) is None:
                continue
            sig = signature(found.path)
            if sig is not None and self.taken.get(found.path) != sig:
                self.settler.observe(found.path, sig, now)

    def _collect(self, now: float) -> list[SourceFile]:
        due = self.settler.due(now)
        if not due:
            return []
        stable: list[tuple[str, Signature, bool]] = []
        for path, entry in due:
            sig = signature(path)
            if sig is None:
                self.settler.forget(path)
            elif sig != entry.sig:
                self.settler.observe(path, sig, now)
            else:
                stable.append((path, sig, entry.closed))
        unsure = {(s.dev, s.ino) for _, s, closed in stable if not closed}
        writing = open_for_writing(unsure) or set()
        ready: list[SourceFile] = []
        for path, sig, _closed in stable:
            if (sig.dev, sig.ino) in writing:
                self.settler.wait_again(path, now)
                continue
            self.settler.forget(path)
            if self.taken.get(path) == sig:
                continue
            self.taken[path] = sig
            rel = self._rel(path)
            if rel is not None:
                ready.append(SourceFile(path, self.folder, rel, sig.size))
        ready.sort(key=lambda f: f.rel)
        return ready


class _OverflowListener(logging.Handler):
    """watchdog only logs an overflowed inotify queue; that is our cue to rescan."""

    def __init__(self, post: Callable[[tuple[str, str]], None], folder: str) -> None:
        super().__init__(logging.WARNING)
        self.post = post
        self.folder = folder

    def emit(self, record: logging.LogRecord) -> None:
        if "overflow" in record.getMessage().lower():
            self.post(("scan", self.folder))


def _start_observer(folder: str, post: Callable[[tuple[str, str]], None]) -> tuple[object, logging.Handler] | None:
    """A running watchdog observer posting (kind, path) messages for :meth:`FolderWatch._handle`,
    and the listener that turns an overflow into a rescan; None when events cannot be had (no
    watchdog, no inotify watches left)."""
    try:
        from watchdog import events as ev
        from watchdog.observers import Observer
    except ImportError:
        return None

    class Handler(ev.FileSystemEventHandler):
        def on_any_event(self, event: ev.FileSystemEvent) -> None:
            src = os.fsdecode(event.src_path)
            dest = os.fsdecode(event.dest_path) if event.dest_path else ""
            kind = event.event_type
            if event.is_directory:
                if kind in (ev.EVENT_TYPE_CREATED, ev.EVENT_TYPE_MOVED):
                    post(("scan", dest or src))  # a folder copied or moved in: its files come with no events
                if kind in (ev.EVENT_TYPE_DELETED, ev.EVENT_TYPE_MOVED):
                    post(("gone-folder", src))
                return
            if kind == ev.EVENT_TYPE_MOVED:
                post(("gone", src))
                post(("changed", dest))
            elif kind == ev.EVENT_TYPE_DELETED:
                post(("gone", src))
            elif kind == ev.EVENT_TYPE_CLOSED:
                post(("closed", src))
            elif kind in (ev.EVENT_TYPE_CREATED, ev.EVENT_TYPE_MODIFIED):
                post(("wrote", src))

    wanted: list[type[ev.FileSystemEvent]] = [
        ev.FileCreatedEvent, ev.FileModifiedEvent, ev.FileClosedEvent, ev.FileMovedEvent, ev.FileDeletedEvent,
        ev.DirCreatedEvent, ev.DirMovedEvent, ev.DirDeletedEvent]
    observer = Observer()
    try:
        observer.schedule(Handler(), folder, recursive=True, event_filter=wanted)
        observer.start()
    except OSError:
        return None
    listener = _OverflowListener(post, folder)
    logging.getLogger("watchdog").addHandler(listener)
    return observer, listener


__all__ = ["DOWNLOAD_SUFFIXES", "RESCAN_SECONDS", "SETTLE_SECONDS", "FolderWatch", "Settler", "Signature",
           "is_download_name", "open_for_writing", "signature"]
