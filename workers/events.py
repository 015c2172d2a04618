"""Events the engine reports: plain frozen dataclasses carrying item ids.

Children send compact tuples; the dataclasses are only built when a consumer iterates
over an :class:`EventBatch`, so a consumer that only counts pays nothing for them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
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
)
TERMINAL = (ItemFinished, ItemFailed, ItemSkipped, ItemCancelled)

# Wire codes of the compact records a child sends: (code, item_id, *payload).
STARTED, PROGRESS, FINISHED, FAILED, SKIPPED, LOG = "S", "P", "F", "X", "K", "L"


def decode(record: tuple[Any, ...], worker: int) -> Event:
    """Turn one compact child record into its event dataclass."""
    code = record[0]
    if code == STARTED:
        return ItemStarted(record[1], worker)
    if code == PROGRESS:
        return ItemProgress(record[1], record[2], record[3])
    if code == FINISHED:
        _, item_id, elapsed, result = record
        if result is None:
            return ItemFinished(item_id, elapsed=elapsed)
        output, message, data = result
        return ItemFinished(item_id, output, message, data or {}, elapsed)
    if code == FAILED:
        return ItemFailed(record[1], record[2], record[3], record[4])
    if code == SKIPPED:
        return ItemSkipped(record[1], record[2])
    if code == LOG:
        return LogMessage(record[1], record[2], record[3])
    raise ValueError(f"unknown event record {record!r}")


class _Started:
    """A column of started item ids, decoded only when read."""

    __slots__ = ("ids",)

    def __init__(self, ids: Sequence[int]) -> None:
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)


class _Done(_Started):
    """A column of ids of items that finished with nothing to report, and their times."""

    __slots__ = ("elapsed",)

    def __init__(self, ids: Sequence[int], elapsed: Sequence[float]) -> None:
        super().__init__(ids)
        self.elapsed = elapsed


class EventBatch(Sequence[Event]):
    """Events handed to a consumer in one call; decoded lazily from compact records."""

    __slots__ = ("_decoded", "_parts")

    def __init__(self) -> None:
        self._parts: list[tuple[int, Any]] = []  # (worker, records | column) or (-1, events)
        self._decoded: list[Event] | None = None

    def add_records(self, worker: int, records: Sequence[tuple[Any, ...]]) -> None:
        self._parts.append((worker, records))
        self._decoded = None

    def add_flush(self, worker: int, started: Sequence[int], done: Sequence[int], elapsed: Sequence[float],
                  records: Sequence[tuple[Any, ...]]) -> None:
        """A worker's flush as sent: started ids, other records, then plain finished ids."""
        if started:
            self._parts.append((worker, _Started(started)))
        if records:
            self._parts.append((worker, records))
        if done:
            self._parts.append((worker, _Done(done, elapsed)))
        self._decoded = None

    def add(self, event: Event) -> None:
        self._parts.append((-1, (event,)))
        self._decoded = None

    def _materialise(self) -> list[Event]:
        if self._decoded is None:
            out: list[Event] = []
            for worker, part in self._parts:
                if worker < 0:
                    out.extend(part)
                elif isinstance(part, _Done):
                    out.extend(ItemFinished(i, elapsed=e) for i, e in zip(part.ids, part.elapsed, strict=True))
                elif isinstance(part, _Started):
                    out.extend(ItemStarted(i, worker) for i in part.ids)
                else:
                    out.extend(decode(r, worker) for r in part)
            self._decoded = out
        return self._decoded

    def __len__(self) -> int:
        return sum(len(p) for _, p in self._parts)

    def __getitem__(self, index):
        return self._materialise()[index]

    def __iter__(self) -> Iterator[Event]:
        return iter(self._materialise())

    def __bool__(self) -> bool:
        return any(p for _, p in self._parts)
