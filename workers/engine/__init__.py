"""The engine: runs a plan's items in worker processes and reports what happened as events.

The public face; the files behind it, from the bottom up: ``wire`` (what travels between the
engine and its workers), ``options``, ``batching``, ``ledger`` (one end per item, shared with
the Dask engine), ``child`` (the worker process), ``pool`` (the processes), ``run`` (one job
on the pool) and ``local`` (the engine that runs one job after another on its pool).

The names below are imported when first used, not with the package: a worker process imports
``workers.engine.child`` and so this package, and has no use for the parent's side (the plan,
the ledger, the events as dataclasses), which cost it a good part of its start.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workers.engine.batching import cut_batch
    from workers.engine.ledger import JobSummary, Ledger
    from workers.engine.local import Engine, run_plan
    from workers.engine.options import EngineOptions, default_memory_cap_mb, sized_options, worker_limit
    from workers.engine.pool import crash_reason
    from workers.engine.wire import Consumer, EventBatch

_WHERE = {
    "cut_batch": "batching",
    "JobSummary": "ledger",
    "Ledger": "ledger",
    "Engine": "local",
    "run_plan": "local",
    "EngineOptions": "options",
    "default_memory_cap_mb": "options",
    "sized_options": "options",
    "worker_limit": "options",
    "crash_reason": "pool",
    "Consumer": "wire",
    "EventBatch": "wire",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # once: later lookups find it directly
    return value


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
