"""The engine: runs a plan's items in worker processes and reports what happened as events.

The public face; the files behind it, from the bottom up: ``wire`` (what travels between the
engine and its workers), ``options``, ``batching``, ``ledger`` (one end per item, shared with
the Dask engine), ``child`` (the worker process), ``pool`` (the processes), ``run`` (one job
on the pool) and ``local`` (the engine that runs one job after another on its pool).
"""

from __future__ import annotations

from workers.engine.batching import cut_batch
from workers.engine.ledger import JobSummary, Ledger
from workers.engine.local import Engine, run_plan
from workers.engine.options import EngineOptions, default_memory_cap_mb, sized_options, worker_limit
from workers.engine.pool import crash_reason
from workers.engine.wire import Consumer, EventBatch

__all__ = [
    "Consumer",
    "Engine",
    "EngineOptions",
    "EventBatch",
    "JobSummary",
    "Ledger",
    "crash_reason",
    "cut_batch",
    "default_memory_cap_mb",
    "run_plan",
    "sized_options",
    "worker_limit",
]
