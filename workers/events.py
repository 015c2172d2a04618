"""Events the engine reports: plain frozen dataclasses carrying item ids.

Workers send compact records (workers/engine/wire.py); these are built from them only when a
consumer reads an ``EventBatch``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class ItemStarted:
    item_id: int
    worker: int


@dataclass(frozen=True, slots=True)
class ItemProgress:
    item_id: int
    fraction: float
    message: str = ""


@dataclass(frozen=True, slots=True)
class ItemFinished:
    item_id: int
    output: str | None = None
    message: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    elapsed: float = 0.0


@dataclass(frozen=True, slots=True)
class ItemFailed:
    item_id: int
    reason: str
    detail: str = ""
    elapsed: float = 0.0


@dataclass(frozen=True, slots=True)
class ItemSkipped:
    item_id: int
    reason: str


@dataclass(frozen=True, slots=True)
class ItemCancelled:
    item_id: int


@dataclass(frozen=True, slots=True)
class WorkerLost:
    worker: int
    reason: str
    item_id: int | None


@dataclass(frozen=True, slots=True)
class BatchFinished:
    """The whole job is over: every item has had its one terminal event."""

    done: int
    failed: int
    skipped: int
    cancelled: int
    elapsed: float


@dataclass(frozen=True, slots=True)
class LogMessage:
    """A line for the log: per-item (item_id set) or about the job."""

    item_id: int | None
    level: str
    text: str


@dataclass(frozen=True, slots=True)
class CancelStarted:
    """A cancel took effect: running items finish (``now`` False) or were stopped at once."""

    now: bool


# The engines' answers to a pause, a hold and a resume, sent among the job's events (as CancelStarted
# answers a cancel), so a front end says what a pause did only once it has done it.
@dataclass(frozen=True, slots=True)
class Paused:
    """A pause took effect: no new item starts; ``stopped`` running items were stopped where
    they are, or none and running items go on (``hold``: asked for, or all the engine can do)."""

    stopped: int
    hold: bool


@dataclass(frozen=True, slots=True)
class Resumed:
    """A pause ended: stopped items go on and new items start again."""


Event = (
    ItemStarted
    | ItemProgress
    | ItemFinished
    | ItemFailed
    | ItemSkipped
    | ItemCancelled
    | WorkerLost
    | BatchFinished
    | LogMessage
    | CancelStarted
    | Paused
    | Resumed
)
TERMINAL = (ItemFinished, ItemFailed, ItemSkipped, ItemCancelled)
