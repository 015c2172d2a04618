"""Drives batchpilot's window for the smoke test, inside the app that is being tested.

The window loads it the way it loads any custom task: ``batchpilot-gui --task
smoke_window.py:task FOLDER``. So the exact executable that ships is driven, with nothing
test-only frozen into it. On import (in the window's process, after the QApplication exists
and before the window is built) it watches for the main window to be shown and painted,
then, in ``batch`` mode, waits for the folder scan, picks the task, presses Start, waits for
the batch to finish, notes the worker processes, and closes the window as a user would.
Everything it sees goes to a JSON report. Environment:

    BATCHPILOT_SMOKE_REPORT    where to write the report (nothing happens without it)
    BATCHPILOT_SMOKE_MODE      "batch" (default) or "startup" (close once painted)
    BATCHPILOT_SMOKE_TASK      task to run in batch mode (default: parse)
    BATCHPILOT_SMOKE_DEADLINE  seconds before giving up (default: 120)

Only the standard library, PySide6, psutil and the app are used: all are in the bundle.
"""

from __future__ import annotations

import functools
import json
import os
import time
import traceback
from collections.abc import Callable
from typing import Any

import psutil
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

REPORT = os.environ.get("BATCHPILOT_SMOKE_REPORT", "")
MODE = os.environ.get("BATCHPILOT_SMOKE_MODE", "batch")
TASK = os.environ.get("BATCHPILOT_SMOKE_TASK", "parse")
DEADLINE_S = float(os.environ.get("BATCHPILOT_SMOKE_DEADLINE", "120"))


def task(item: Any, report: Any) -> None:
    """Smoke-test driver for the window; never selected, never run."""


def child_processes() -> dict[str, list[dict[str, Any]]]:
    """This process's descendants, sorted into workers, multiprocessing helpers and others."""
    kinds: dict[str, list[dict[str, Any]]] = {"workers": [], "helpers": [], "other": []}
    for proc in psutil.Process().children(recursive=True):
        try:
            cmdline = proc.cmdline()
        except psutil.Error:
            continue
        joined = " ".join(cmdline)
        if "--multiprocessing-fork" in cmdline or "spawn_main" in joined:
            kind = "workers"
        elif "multiprocessing.resource_tracker" in joined or "multiprocessing.forkserver" in joined:
            kind = "helpers"
        else:
            kind = "other"
        kinds[kind].append({"pid": proc.pid, "cmdline": cmdline[:4]})
    return kinds


def guarded(slot: Callable[..., None]) -> Callable[..., None]:
    """A slot that reports its own failure and closes the window instead of leaving it open."""

    @functools.wraps(slot)
    def run(self: Driver, *args: Any) -> None:
        try:
            slot(self, *args)
        except Exception:
            self.fail(f"the smoke driver broke (has the window changed?):\n{traceback.format_exc()}")

    return run


def _plan_of(window: Any) -> Any:
    # The running job's plan: kept by the window's job runner (or the window itself before).
    return getattr(getattr(window, "runner", window), "plan", None)


class Driver(QObject):
    """Watches the app's events until the main window is painted, then plays the user."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.window: QMainWindow | None = None
        self.report: dict[str, Any] = {"mode": MODE, "task": TASK, "pid": os.getpid(), "imported": time.time()}
        self._painted = self._scanned = self._started = False
        app.installEventFilter(self)
        self.deadline = QTimer(self)
        self.deadline.setSingleShot(True)
        self.deadline.timeout.connect(lambda: self.fail(f"nothing happened for {DEADLINE_S:.0f} s"))
        self.deadline.start(int(DEADLINE_S * 1000))
        app.aboutToQuit.connect(self._on_quit)

    # -- watching start-up ------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(obj, QMainWindow) and "shown" not in self.report:
            self.report["shown"] = time.time()
            self.window = obj
            if MODE != "startup":
                self._listen()
        elif (kind == QEvent.Type.Paint and self.window is not None and isinstance(obj, QWidget)
              and obj.window() is self.window and "painted" not in self.report):
            self.report["painted"] = time.time()
            # Off the hook for every later event: the filter only costs during start-up.
            self.app.removeEventFilter(self)
            QTimer.singleShot(0, self._on_painted)
        return False

    @guarded
    def _listen(self) -> None:
        # Connected when the window is shown, before the event loop runs the window's request
        # to scan the folders: a signal emitted before a connection never reaches it.
        w: Any = self.window
        w.scanner.done.connect(self._on_scanned)
        w.bridge.pool_ready.connect(self._on_pool_ready)
        w.bridge.events.connect(self._on_events)
        w.bridge.finished.connect(self._on_finished)
        w.bridge.failed.connect(lambda message: self.fail(f"the batch could not run: {message}"))

    @guarded
    def _on_painted(self) -> None:
        # What the bundle's Qt plugins can do: SVG/JPEG readers and the SVG icon engine.
        self.report["image_formats"] = sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats())
        icon = self.window.windowIcon() if self.window is not None else None
        self.report["icon_ok"] = icon is not None and not icon.pixmap(32, 32).isNull()
        if MODE == "startup":
            self.close()
        else:
            self._painted = True
            self._start_when_ready()

    # -- playing the user -------------------------------------------------------------
    @guarded
    def _on_pool_ready(self, count: int) -> None:
        self.report.setdefault("pool_ready", time.time())
        self.report.setdefault("pool_size", count)

    @guarded
    def _on_scanned(self, found: int, cancelled: bool) -> None:
        w: Any = self.window
        if not w.scanner.busy:  # the last of the scans the window asked for
            self._scanned = True
            self._start_when_ready()

    def _start_when_ready(self) -> None:
        """Pick the task and press Start, once the window is painted and the folder scanned."""
        w: Any = self.window
        if self._started or not (self._painted and self._scanned):
            return
        self._started = True
        self.report["rows"] = w.model.count()
        if not w.task_panel.select_task(TASK):
            self.fail(f"the window does not offer the task {TASK!r}")
            return
        start = w.commands.start
        if not start.isEnabled():
            self.fail(f"Start is disabled with {w.model.count()} rows in the list")
            return
        self.report["start_pressed"] = time.time()
        start.trigger()

    @guarded
    def _on_events(self, events: list[Any]) -> None:
        if "processes_during_batch" not in self.report:
            self.report["processes_during_batch"] = child_processes()

    @guarded
    def _on_finished(self, summary: Any) -> None:
        w: Any = self.window
        self.report["finished"] = time.time()
        self.report["summary"] = {k: getattr(summary, k, None) for k in ("done", "failed", "skipped", "cancelled")}
        self.report["failures"] = [[str(getattr(item, "source", item)), reason]
                                   for item, reason in getattr(summary, "failures", [])]
        self.report["bar"] = [w.overall_bar.value(), w.overall_bar.maximum()]
        plan = _plan_of(w)
        self.report["out_dir"] = str(plan.out_dir) if plan is not None else None
        self.report["processes_after_batch"] = child_processes()
        # Let the window finish its own slots for this signal first.
        QTimer.singleShot(0, self.close)

    def close(self) -> None:
        """Close the window as the user would (File > Quit); the app quits with it."""
        self.report["closing"] = time.time()
        self._write()
        if self.window is not None:
            self.window.close()
        else:
            self.app.quit()

    def fail(self, reason: str) -> None:
        self.report.setdefault("error", reason)
        self.close()

    @guarded
    def _on_quit(self) -> None:
        self.report["quit"] = time.time()
        self.report["processes_at_quit"] = child_processes()
        self._write()

    def _write(self) -> None:
        tmp = REPORT + ".part"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(self.report, fh, indent=1)
        os.replace(tmp, REPORT)


def _install() -> None:
    app = QApplication.instance()
    if REPORT and isinstance(app, QApplication) and not hasattr(app, "_batchpilot_smoke"):
        app._batchpilot_smoke = Driver(app)  # type: ignore[attr-defined]


_install()
