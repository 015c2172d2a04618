"""How the engine runs a job: workers, batch sizes and the limits per item."""

from __future__ import annotations

import os
from dataclasses import dataclass

# More workers than this per core only add memory and start-up time (and file descriptors:
# each worker holds two pipes and a sentinel).
WORKERS_PER_CPU = 4
# What one idle worker takes, with the task libraries imported (DESIGN.md: ~52 MB RSS);
# what a busy one may take is for the memory cap to watch.
WORKER_BASE_MB = 300
DEFAULT_CAP_SHARE = 0.5  # of the memory, shared among the workers, for the default cap
DEFAULT_CAP_MAX_MB = 2048
DEFAULT_CAP_MIN_MB = 1024


def total_memory_mb() -> int:
    # sysconf first: psutil's import alone cost a command-line run ~20 ms before its workers start.
    try:
        return int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")) >> 20
    except (AttributeError, ValueError, OSError):  # not on this system (Windows)
        pass
    try:
        import psutil

        return int(psutil.virtual_memory().total >> 20)
    except Exception:  # no psutil, or an unusual system: assume a small machine
        return 4096


def worker_limit() -> int:
    """The most workers this computer can run well: 4 per CPU, and what the memory holds."""
    cpus = os.cpu_count() or 1
    by_memory = max(1, total_memory_mb() // WORKER_BASE_MB)
    return max(1, min(WORKERS_PER_CPU * cpus, by_memory))


def default_memory_cap_mb(workers: int) -> int:
    """A per-worker resident memory cap when none is given: half the memory shared among the
    workers, between 1 and 2 GiB, so one huge picture or line cannot take the machine unnoticed."""
    share = int(total_memory_mb() * DEFAULT_CAP_SHARE) // max(1, workers)
    return max(DEFAULT_CAP_MIN_MB, min(DEFAULT_CAP_MAX_MB, share))


@dataclass
class EngineOptions:
    workers: int = 0  # 0: one per CPU
    batch_size: int = 0  # 0: automatic
    max_batch: int = 2048
    batch_bytes: int = 64 << 20  # small files share a batch up to this many bytes
    big_item_bytes: int = 32 << 20  # items this big always run alone
    timeout: float | None = None  # seconds per item
    max_memory_mb: int | None = None  # resident memory per worker; None: no cap
    deliver_seconds: float = 0.05  # how often the consumer is called

    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)


def sized_options(workers: int = 0, *, default_memory_cap: bool = True, **more: object) -> tuple[EngineOptions, str]:
    """Engine options for a run on this computer: the worker count capped at :func:`worker_limit`
    and, unless ``max_memory_mb`` is given, the default memory cap. Also returns a note when
    the count was capped ("" otherwise)."""
    note = ""
    limit = worker_limit()
    if workers > limit:
        note = (f"{workers:,} workers are more than this computer runs well ({os.cpu_count() or 1} CPUs, "
                f"{total_memory_mb() / 1024:.0f} GB of memory); using {limit}")
        workers = limit
    options = EngineOptions(workers=workers, **more)  # type: ignore[arg-type]
    if options.max_memory_mb is None and default_memory_cap:
        options.max_memory_mb = default_memory_cap_mb(options.worker_count())
    return options, note
