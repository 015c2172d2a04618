"""Run batches on a Dask cluster instead of local worker processes (the optional ``dask`` extra).

``connect("dask://HOST:PORT", EngineOptions())`` returns a :class:`DaskEngine` with the same
surface as :class:`workers.engine.Engine`: ``run(plan, on_events) -> JobSummary``, ``pause``,
``resume``, ``cancel(now)``, ``start``, ``close`` and ``worker_count``, delivering the same
events; only its pause always lets running files finish (``pause_stops_running`` is False).
Every problem found before anything runs (bad address, no scheduler, different software,
folders the workers cannot see, dask not installed) is a :class:`BackendError` whose message
is meant for the user.

Inputs and outputs are read and written by the workers themselves, so they must live on a
folder every worker mounts; ``path_map`` translates this computer's folders to the workers'.
"""

from __future__ import annotations

import logging
import queue
import time
import warnings
from collections.abc import Mapping
from typing import Any

from workers.dask import BackendError
from workers.dask.checks import PathMap, folder_problems, scheduler_address, version_problems
from workers.engine import Consumer, EngineOptions, JobSummary
from workers.plan import Plan
from workers.states import Control

INSTALL_HINT = "pip install 'batchpilot[dask]'"
CLOSE_TIMEOUT = 3.0  # seconds closing a client that lost its scheduler may take, on top of its reconnecting


class DaskEngine:
    """Runs plans on a Dask cluster; made by :func:`connect`, used like the local Engine."""

    chunk_seconds = 1.0  # work per Dask task: Dask spends ~1.6 ms on each, so keep them fat
    max_chunk = 5000  # items per Dask task at most, however tiny they are
    max_crashes = 3  # workers a file may crash before it fails

    def __init__(self, client: Any, url: str, options: EngineOptions | None = None,
                 path_map: Mapping[str, str] | None = None, timeout: float = 10) -> None:
        self.client = client
        self.url = url
        self.options = options or EngineOptions()
        self.paths = PathMap(path_map)
        self.timeout = timeout
        try:
            self.address = scheduler_address(url)  # as a lost scheduler is named: tcp://HOST:PORT
        except BackendError:
            self.address = url
        self._inbox: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self._running = False
        self._threads = self._count_threads()
        self._events_to_clear: list[str] = []

    @property
    def inbox(self) -> queue.SimpleQueue[tuple[str, Any]]:
        """Commands and messages for the job running now, read by the thread that runs it."""
        return self._inbox

    # -- pool -------------------------------------------------------------------------------
    def _count_threads(self) -> int:
        return sum(self.client.nthreads().values())

    @property
    def worker_count(self) -> int:
        """Items that can run at once: the threads of every worker, as last counted."""
        return self._threads

    def worker_pids(self) -> list[int]:
        """Processes of this computer that run items: none, they all run on the cluster."""
        return []

    def start(self) -> None:
        """Start each worker's runner processes now, so the first items do not wait for them."""
        from workers.dask.remote import warm_runners

        self.client.run(warm_runners, on_error="ignore")

    @property
    def connected(self) -> bool:
        """False once the client has lost its scheduler (or was closed)."""
        return self.client.status == "running"

    def close(self) -> None:
        """Stop the idle runner processes on the workers and disconnect; the cluster itself stays up.

        A client that lost its scheduler is let go, without an error, once its own attempt to
        reconnect has ended (``timeout`` seconds) and at most CLOSE_TIMEOUT seconds later.
        """
        from workers.dask.remote import stop_idle_runners

        try:
            if self.connected:
                self._clear_events()
                self.client.run(stop_idle_runners, on_error="ignore")
        except Exception:
            if self.connected:
                raise
            # the scheduler went away meanwhile: the runners stop with their workers
        finally:
            self._close_client()

    def _close_client(self) -> None:
        client = self.client
        if client.status == "running":
            client.close()
            return
        # It lost its scheduler and tries to reconnect for its timeout, then closes itself.
        # Closing it before makes distributed log the reconnect's CancelledError with a
        # traceback, so wait for that (bounded), then close what is left without an error.
        deadline = time.monotonic() + self.timeout + CLOSE_TIMEOUT
        while client.status in ("connecting", "closing") and time.monotonic() < deadline:
            time.sleep(0.05)
        try:
            client.close(timeout=CLOSE_TIMEOUT)
        except Exception:
            pass

    def _clear_events(self) -> None:
        from distributed import Event

        if not self.connected:
            return  # each call would wait for the lost scheduler; they are kept for a reconnect
        names, self._events_to_clear = self._events_to_clear, []
        for name in names:
            try:
                Event(name, client=self.client).clear()  # a cleared Event is freed on the scheduler
            except Exception:
                pass

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- control (thread-safe) ---------------------------------------------------------------
    @property
    def pause_stops_running(self) -> bool:
        """Always False: items run in threads of the cluster's workers, which are not ours to stop."""
        return False

    def pause(self, stop_running: bool = True) -> None:
        """No new item starts until :meth:`resume`; running items go on, whatever ``stop_running``
        says (a hold: see :attr:`pause_stops_running`)."""
        self._inbox.put(("ctl", Control.HOLD))

    def resume(self) -> None:
        self._inbox.put(("ctl", Control.RESUME))

    def cancel(self, now: bool = False) -> None:
        """Graceful: running items finish, nothing new starts. Now: kill running items at once."""
        self._inbox.put(("ctl", Control.CANCEL_NOW if now else Control.CANCEL))

    # -- running a job --------------------------------------------------------------------
    def preflight(self, plan: Plan) -> None:
        """Check that the cluster can run ``plan`` (software, task, folders); raise BackendError if not."""
        if not self.connected:
            raise BackendError(f"Lost the Dask scheduler at {self.address}; connect to it again.")
        if not self.client.nthreads():
            try:
                self.client.wait_for_workers(1, timeout=self.timeout)
            except TimeoutError:
                raise BackendError(f"The Dask scheduler at {self.url} has no workers now; start some with "
                                   f"`dask worker {self.url.split('://', 1)[-1]}`.") from None
        problems = version_problems(self.client, self.url)
        if not problems and plan.items:
            spec = getattr(plan.task, "spec", None) or plan.task.name
            problems = folder_problems(self.client, spec, plan.items, plan.out_dir, self.paths)
        if problems:
            raise BackendError(problems[0])

    def run(self, plan: Plan, on_events: Consumer | None = None) -> JobSummary:
        """Check, then run every item of ``plan`` on the cluster; blocks until each one has ended."""
        from workers.dask.job import DaskJob

        if self._running:
            raise RuntimeError("this engine is already running a job")
        self._running = True
        try:
            self._inbox = queue.SimpleQueue()  # commands given before this run do not apply to it
            self.preflight(plan)
            self._threads = self._count_threads()
            job = DaskJob(self, plan, on_events, self._threads)
            try:
                return job.run()
            finally:
                self._events_to_clear += job.event_names()
                if not job.cancelling:
                    self._clear_events()
        finally:
            self._running = False


def connect(url: str, engine_options: EngineOptions | None = None, *, timeout: float = 10,
            path_map: dict[str, str] | None = None) -> DaskEngine:
    """Connect to the Dask scheduler at ``dask://HOST:PORT`` and check its workers; BackendError if unusable."""
    address = scheduler_address(url)
    try:
        import distributed
        from distributed.versions import VersionMismatchWarning
    except ImportError:
        raise BackendError(f"Running on a Dask cluster needs the dask extra; install it with {INSTALL_HINT}.") from None
    _quiet_client_logs()
    with warnings.catch_warnings():
        # A version mismatch is reported below, in words, as an error.
        warnings.simplefilter("ignore", VersionMismatchWarning)
        try:
            client = distributed.Client(address, timeout=timeout, set_as_default=False, name="batchpilot")
        except (OSError, TimeoutError) as exc:
            raise BackendError(f"Could not reach the Dask scheduler at {url} within {timeout:g} s ({exc}). "
                               "Is `dask scheduler` running there, and can this computer reach its port?") from None
    try:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            raise BackendError(f"The Dask scheduler at {url} has no workers; start some with "
                               f"`dask worker {address}`.") from None
        problems = version_problems(client, url)
        if problems:
            raise BackendError(problems[0])
        return DaskEngine(client, url, engine_options, path_map, timeout)
    except BaseException:
        client.close()
        raise


def _quiet_client_logs() -> None:
    """Keep distributed's INFO chatter off this computer's console (stderr of the command line).

    Dask logs ``distributed`` at INFO by default, and when the connection to the scheduler
    drops some of those records carry a traceback ("Batched Comm Closed ..."), which looks
    like a crash next to our own message. Warnings and errors still show; a level set
    higher by the user is kept.
    """
    log = logging.getLogger("distributed")
    if log.getEffectiveLevel() < logging.WARNING:
        log.setLevel(logging.WARNING)


__all__ = ["BackendError", "DaskEngine", "connect"]
