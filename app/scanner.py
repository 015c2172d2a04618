"""Scans added files and folders in a background thread; rows reach the window in blocks.

Each request is walked with :func:`workers.plan.iter_sources`; what it finds is handed over
every ~100 ms, so a folder of 100,000 files costs the GUI thread a few dozen block inserts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from time import monotonic

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.bridge import keep_gui_thread_responsive
from workers.plan import ScanProblem, SourceFile, iter_sources

BLOCK_SECONDS = 0.1
ScanFunction = Callable[..., Iterable[SourceFile | ScanProblem]]


class _ScanHost(QObject):
    def __init__(self, scanner: FolderScanner) -> None:
        super().__init__()
        self.scanner = scanner

    @Slot(object)
    def scan(self, request: tuple[int, Sequence[str], str | None]) -> None:
        generation, paths, out_dir = request
        scanner = self.scanner

        def cancelled() -> bool:
            return scanner._cancelled_upto >= generation

        found = 0
        block: list[SourceFile | ScanProblem] = []
        last = monotonic()
        if not cancelled():
            for entry in scanner._scan(paths, out_dir, cancelled=cancelled):
                block.append(entry)
                found += 1
                now = monotonic()
                if now - last >= BLOCK_SECONDS:
                    scanner.found.emit(block, found)
                    block, last = [], now
                if cancelled():
                    break
        if block and not cancelled():
            scanner.found.emit(block, found)
        scanner.done.emit(found, cancelled())


class FolderScanner(QObject):
    """Queues scan requests; ``found`` carries blocks, ``done`` ends each request."""

    found = Signal(object, int)  # a block of SourceFile | ScanProblem, files found so far
    done = Signal(int, bool)  # files found, whether the scan was cancelled
    _requested = Signal(object)

    def __init__(self, parent: QObject | None = None, scan: ScanFunction = iter_sources) -> None:
        super().__init__(parent)
        keep_gui_thread_responsive()  # the scan thread runs Python too
        self._scan = scan  # iter_sources' signature; tests pass a slow one
        self._generation = 0
        self._cancelled_upto = 0
        self._pending = 0
        self._thread = QThread()
        self._thread.setObjectName("batchpilot-scan")
        self._host = _ScanHost(self)
        self._host.moveToThread(self._thread)
        self._requested.connect(self._host.scan)
        self.done.connect(self._on_done)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def scan(self, paths: Sequence[str], out_dir: str | None = None) -> None:
        """Scan ``paths`` (files or folders), leaving out the output folder ``out_dir``."""
        self._generation += 1
        self._pending += 1
        self._requested.emit((self._generation, list(paths), out_dir))

    def cancel(self) -> None:
        """Stop the running scan and drop the queued ones (rows already shown stay)."""
        self._cancelled_upto = self._generation

    @Slot(int, bool)
    def _on_done(self, found: int, cancelled: bool) -> None:
        self._pending = max(0, self._pending - 1)

    def shutdown(self) -> None:
        """Cancel everything and stop the thread."""
        self.cancel()
        self._thread.quit()
        self._thread.wait()
