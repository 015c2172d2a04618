"""The only way the window talks to the engine: a QObject whose reader runs in a QThread.

That thread starts the worker pool and runs each job through a job session
(workers/session.py: lock, plan, journal, engine), as the command line does; the engine calls
back with a batch of events at most ~20 times a second and the bridge emits one signal per
batch with a plain list, decoded off the GUI thread. Pause, resume and cancel go to the
session, which is thread-safe for those.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from workers.dask import BackendError
from workers.engine import Engine, EngineOptions, EventBatch, JobSummary, sized_options
from workers.naming import OutputNaming
from workers.plan import OutputPolicy, Plan, SourceFile
from workers.session import JobRefused, JobSession
from workers.session import JobRequest as SessionRequest
from workers.task import Task


class EngineLike(Protocol):
    """What the bridge needs of an engine (tests inject a synthetic one)."""

    def start(self) -> None: ...
    def run(self, plan: Plan, on_events: Callable[[EventBatch], None] | None = None) -> JobSummary: ...
    def pause(self, stop_running: bool = True) -> None: ...
    def resume(self) -> None: ...
    def cancel(self, now: bool = False) -> None: ...
    def close(self) -> None: ...
    def worker_pids(self) -> list[int]: ...
    @property
    def worker_count(self) -> int: ...
    @property
    def pause_stops_running(self) -> bool: ...


@dataclass(frozen=True)
class EngineChoice:
    """Where jobs run: this computer's worker processes, or the Dask scheduler at ``address``."""

    workers: int = 0  # on this computer; 0: one per CPU
    address: str = ""  # dask://HOST:PORT, or "" for this computer
    path_map: tuple[tuple[str, str], ...] = ()  # this computer's folder -> the workers' folder

    @property
    def local(self) -> bool:
        return not self.address


EngineFactory = Callable[[EngineChoice], EngineLike]
GUI_SWITCH_INTERVAL = 0.0005  # seconds
CONNECT_TIMEOUT = 10.0  # seconds to wait for a Dask scheduler and its first worker


def keep_gui_thread_responsive() -> None:
    """Let the GUI thread have the GIL back within 0.5 ms of asking (CPython's default: 5 ms).

    PySide releases the GIL around Qt calls, and while the bridge or scan thread runs Python
    the GUI thread may wait a whole interval at every call to get it back: a repaint makes
    hundreds of calls into the model. Measured with bench/gui_latency.py (100,000 events,
    quiet machine): worst stall 1.06-1.6 s at 5 ms, 66-74 ms at 0.5 ms.
    """
    if sys.getswitchinterval() > GUI_SWITCH_INTERVAL:
        sys.setswitchinterval(GUI_SWITCH_INTERVAL)


def default_engine(choice: EngineChoice) -> EngineLike:
    """A real engine: local worker processes, or a checked connection to a Dask cluster.

    Connecting waits up to CONNECT_TIMEOUT seconds for the scheduler and raises BackendError
    with a sentence for the user when the cluster cannot be used (dask not installed included).
    """
    if choice.local:
        options, _note = sized_options(choice.workers)  # the Run on box offers no more than the limit
        return Engine(options)
    from workers.dask_backend import connect

    return connect(choice.address, EngineOptions(), timeout=CONNECT_TIMEOUT, path_map=dict(choice.path_map))


@dataclass(frozen=True)
class JobRequest:
    """A job as the window asks for it: the session's request, where to run it, and what the
    bridge thread should work out for the window once it is planned.

    ``sources`` may be a callable, so even listing 100,000 files happens off the GUI thread;
    ``prepare(plan)`` also runs there and its result travels with the ``planned`` signal. With
    ``journal``, files an earlier run finished (and whose source did not change) are skipped.
    """

    task: Task
    options: Any
    paths: Sequence[str]
    out_dir: str | None
    policy: OutputPolicy
    sources: Sequence[SourceFile] | Callable[[], Sequence[SourceFile]]
    engine: EngineChoice = EngineChoice()
    prepare: Callable[[Plan], Any] | None = None
    journal: bool = True  # resume from (and record into) the output folder's journal, as the CLI does
    naming: OutputNaming = field(default_factory=OutputNaming)  # names, and next to the sources or not

    def job(self) -> SessionRequest:
        return SessionRequest(self.task, self.options, self.paths, self.out_dir, self.policy, sources=self.sources,
                              journal=self.journal, naming=self.naming)


class _SignalSink:
    """A job session's sink that speaks through the bridge's signals (from the bridge thread)."""

    def __init__(self, bridge: EngineBridge, prepare: Callable[[Plan], Any] | None) -> None:
        self.bridge = bridge
        self.prepare = prepare

    def planned(self, plan: Plan) -> None:
        prepared = self.prepare(plan) if self.prepare is not None else None
        self.bridge.planned.emit(plan, prepared)

    def note(self, text: str) -> None:
        self.bridge.note.emit(text)

    def events(self, batch: EventBatch) -> None:
        self.bridge.events.emit(list(batch))  # decoded here, off the GUI thread


class _Host(QObject):
    """Lives in the bridge's thread; its slots run there, one at a time."""

    def __init__(self, bridge: EngineBridge, factory: EngineFactory) -> None:
        super().__init__()
        self.bridge = bridge
        self.factory = factory
        self.choice: EngineChoice | None = None

    def _drop_engine(self) -> None:
        bridge = self.bridge
        with bridge._lock:
            engine, bridge._engine = bridge._engine, None
        self.choice = None
        if engine is not None:
            with contextlib.suppress(Exception):  # a broken engine may fail to close, too
                engine.close()

    def _ensure_engine(self, choice: EngineChoice) -> EngineLike:
        engine = self.bridge._engine
        if engine is None or self.choice != choice:
            self._drop_engine()
            engine = self.factory(choice)  # may raise: the next request tries again
            self.choice = choice
            with self.bridge._lock:
                self.bridge._engine = engine
        return engine

    @Slot(object)
    def start_pool(self, choice: EngineChoice) -> None:
        try:
            engine = self._ensure_engine(choice)
            engine.start()
        except BackendError as exc:
            self.bridge.pool_failed.emit(str(exc))
            return
        except Exception as exc:  # the window still works: the first run spawns the workers
            self.bridge.pool_failed.emit(QCoreApplication.translate(
                "EngineBridge", "The worker processes could not be started: {problem}").format(problem=exc))
            return
        self.bridge.pool_ready.emit(engine.worker_count)

    @Slot(object)
    def run_job(self, request: JobRequest) -> None:
        bridge = self.bridge
        try:
            engine = self._ensure_engine(request.engine)
            session = JobSession(request.job(), engine, _SignalSink(bridge, request.prepare))
            bridge._begin(session)
            result = session.run()
        except (JobRefused, BackendError) as exc:  # nothing ran: a sentence for the banner
            bridge._job_over()
            bridge.failed.emit(str(exc))
            return
        except Exception:  # a bug: the window must still come back to idle, with the details
            details = traceback.format_exc()
            self._drop_engine()  # the next job starts a fresh one (or connects again)
            bridge._job_over()
            bridge.failed.emit(QCoreApplication.translate("EngineBridge", "The engine stopped unexpectedly:") + "\n"
                               + details)
            return
        bridge._job_over()
        bridge.finished.emit(result.summary)


class EngineBridge(QObject):
    """Owns the engine and its thread; signals arrive in the GUI thread, one per event batch."""

    pool_ready = Signal(int)  # files that can run at once: local worker processes or cluster threads
    planned = Signal(object, object)  # Plan and what JobRequest.prepare made of it, before any event
    events = Signal(object)  # list of events from one EventBatch
    finished = Signal(object)  # JobSummary
    failed = Signal(str)  # the job could not be planned, or the engine broke
    pool_failed = Signal(str)  # the workers could not be started (or the cluster reached) ahead of time
    note = Signal(str)  # something planning wants said (e.g. resuming from an earlier run)
    _start_requested = Signal(object)
    _run_requested = Signal(object)

    def __init__(self, factory: EngineFactory = default_engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        keep_gui_thread_responsive()
        self._lock = threading.Lock()
        self._engine: EngineLike | None = None
        self._busy = False
        self._session: JobSession | None = None  # the job being planned or run
        self._pause_wanted = False
        self._stop_running = True  # the kind of pause wanted
        self._cancel_wanted: bool | None = None  # None, or whether to stop now
        self._thread = QThread()
        self._thread.setObjectName("batchpilot-engine")
        self._host = _Host(self, factory)
        self._host.moveToThread(self._thread)
        self._start_requested.connect(self._host.start_pool)
        self._run_requested.connect(self._host.run_job)
        self._thread.start()
        self._closed = False

    @property
    def busy(self) -> bool:
        """A job is being planned or run."""
        return self._busy

    def worker_pids(self) -> list[int]:
        with self._lock:
            engine = self._engine
        return engine.worker_pids() if engine is not None else []

    @property
    def pause_stops_running(self) -> bool:
        """Whether Pause stops running files on the engine in use (a Dask cluster lets them finish)."""
        with self._lock:
            engine = self._engine
        return engine.pause_stops_running if engine is not None else True

    def start_pool(self, choice: EngineChoice = EngineChoice()) -> None:
        """Start (or resize, or connect) the engine in the background; ``pool_ready`` or ``pool_failed`` says when."""
        if not self._closed:
            self._start_requested.emit(choice)

    def run(self, request: JobRequest) -> None:
        """Plan and run a job in the bridge thread; at most one job at a time."""
        if self._busy or self._closed:
            raise RuntimeError("a job is already running")
        self._busy = True
        self._pause_wanted = False
        self._cancel_wanted = None
        self._run_requested.emit(request)

    def pause(self, stop_running: bool = True) -> None:
        """Start no new file; ``stop_running``: stop the running ones too (their workers pause)."""
        self._pause_wanted = True
        self._stop_running = stop_running
        self._control(lambda session: session.pause(stop_running=stop_running))

    def resume(self) -> None:
        self._pause_wanted = False
        self._control(lambda session: session.resume())

    def cancel(self, now: bool = False) -> None:
        """Graceful (running files finish) or now (workers are killed at once)."""
        self._cancel_wanted = bool(now or self._cancel_wanted)
        self._control(lambda session: session.cancel(now=now))

    def _control(self, command: Callable[[JobSession], None]) -> None:
        with self._lock:
            session = self._session
        if session is not None:
            command(session)

    def _begin(self, session: JobSession) -> None:
        # A wish made before the session existed (the job was still queued) is passed on now;
        # the session passes it to the engine once the run has started.
        with self._lock:
            self._session = session
        if self._cancel_wanted is not None:
            session.cancel(now=self._cancel_wanted)
        elif self._pause_wanted:
            session.pause(stop_running=self._stop_running)

    def _job_over(self) -> None:
        with self._lock:
            self._session = None
        self._busy = False

    def shutdown(self) -> None:
        """Stop any job at once, stop the workers and the thread; leaves no process behind."""
        if self._closed:
            return
        self._closed = True
        if self._busy:
            self.cancel(now=True)
        self._thread.quit()
        self._thread.wait()  # returns once the running job (if any) has ended
        with self._lock:
            engine, self._engine = self._engine, None
        if engine is not None:
            engine.close()
