"""What travels between the engine and its worker processes, built and read here only.

Children send compact tuples (records) and columns of ids, not event objects: one pickled
dataclass per item cost the engine a fifth of its throughput on tiny items (DESIGN.md). The
event dataclasses of :mod:`workers.events` are built from them only when a consumer iterates
over an :class:`EventBatch`, so a consumer that only counts pays nothing for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from workers.events import (
    Event,
    ItemFailed,
    ItemFinished,
    ItemProgress,
    ItemSkipped,
    ItemStarted,
    LogMessage,
)
from workers.states import ItemState
from workers.task import WorkItem

# -- records: (code, item_id, *payload) -------------------------------------------------------
STARTED, PROGRESS, FINISHED, FAILED, SKIPPED, LOG = "S", "P", "F", "X", "K", "L"
# Added by a Dask chunk (workers/dask/remote.py): an item crashed its runner, an item was not
# run (drained or killed), a runner was lost (item id or None, reason), an item has been
# running a while (the runner's own "started" waits for its next flush).
CRASHED, NOT_RUN, LOST, ACTIVE = "C", "N", "W", "A"
TERMINAL_CODES = frozenset((FINISHED, FAILED, SKIPPED))
_STATE_OF_CODE = {FINISHED: ItemState.DONE, FAILED: ItemState.FAILED, SKIPPED: ItemState.SKIPPED}

Record = tuple[Any, ...]
Result = tuple[str | None, str, dict[str, Any]]  # output, message, data


def progress_record(item_id: int, fraction: float, message: str) -> Record:
    return (PROGRESS, item_id, fraction, message)


def finished_record(item_id: int, elapsed: float, result: Result | None) -> Record:
    return (FINISHED, item_id, elapsed, result)


def failed_record(item_id: int, reason: str, detail: str, elapsed: float) -> Record:
    return (FAILED, item_id, reason, detail, elapsed)


def skipped_record(item_id: int, reason: str) -> Record:
    return (SKIPPED, item_id, reason)


def log_record(item_id: int | None, level: str, text: str) -> Record:
    return (LOG, item_id, level, text)


def item_of(record: Record) -> Any:
    return record[1]


def elapsed_of(record: Record) -> float:
    """Seconds an ended item ran (finished or failed records)."""
    return record[2] if record[0] == FINISHED else record[4]


class End(NamedTuple):
    """A terminal record, read."""

    item_id: int
    state: ItemState
    reason: str
    output: str | None
    data: dict[str, Any]


def read_end(record: Record) -> End | None:
    """The end a record says an item came to, or None for records that are not ends."""
    state = _STATE_OF_CODE.get(record[0])
    if state is None:
        return None
    if state is ItemState.DONE:
        result = record[3]
        if result is None:
            return End(record[1], state, "", None, {})
        return End(record[1], state, "", result[0], result[2] or {})
    return End(record[1], state, record[2], None, {})


def with_output(record: Record, output: str | None) -> Record:
    """A finished record whose output path is replaced (paths mapped back from a cluster)."""
    result = record[3]
    if result is None:
        return record
    return (FINISHED, record[1], record[2], (output, result[1], result[2] or {}))


def without_data(record: Record) -> Record:
    """A finished record with its result data dropped (for when it cannot be serialised)."""
    if record[0] == FINISHED and record[3] is not None:
        output, message, _ = record[3]
        return (*record[:3], (output, message, {}))
    return record


def decode(record: Record, worker: int) -> Event:
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


# -- a worker's flush -------------------------------------------------------------------------
class Flush(NamedTuple):
    """Everything a worker sends at once. The two commonest records travel as columns of ids
    (started, and finished with nothing to report), which pickle far cheaper than a tuple each."""

    started: list[int]
    done_ids: list[int]
    done_elapsed: list[float]
    records: list[Record]
    batches_done: list[int]
    given_back: list[tuple[int, list[int]]]  # (batch id, item ids not started)


def expand(flush: Flush) -> tuple[list[Record], list[int]]:
    """A flush as plain records, in an order that keeps each item's own order (started, then
    progress, then its end), and the ids of the batches it finished. Given-back items are
    left out: only the local engine asks for them."""
    flat: list[Record] = [(STARTED, i) for i in flush.started]
    flat.extend(flush.records)
    flat.extend((FINISHED, i, e, None) for i, e in zip(flush.done_ids, flush.done_elapsed, strict=True))
    return flat, flush.batches_done


# -- messages to a worker ---------------------------------------------------------------------
JOB, BATCH, PAUSE, RESUME, DRAIN, GIVE_BACK, STOP = "job", "batch", "pause", "resume", "drain", "give back", "stop"


def job_message(spec: str, options_blob: bytes, run_token: str) -> tuple[Any, ...]:
    """Load this task with these (pickled) options; outputs are written under ``run_token``."""
    return (JOB, spec, options_blob, run_token)


def batch_message(batch_id: int, items: Iterable[WorkItem]) -> tuple[Any, ...]:
    # Items travel as plain tuples: they pickle with no Python call per item.
    return (BATCH, batch_id, list(map(tuple, items)))


def give_back_message(batch_id: int) -> tuple[Any, ...]:
    return (GIVE_BACK, batch_id)


# -- events as a consumer gets them -----------------------------------------------------------
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

    def add_records(self, worker: int, records: Sequence[Record]) -> None:
        self._parts.append((worker, records))
        self._decoded = None

    def add_flush(self, worker: int, started: Sequence[int], done: Sequence[int], elapsed: Sequence[float],
                  records: Sequence[Record]) -> None:
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

    def notices(self) -> list[Event]:
        """The events the engine added itself (a lost worker, a cancel taking effect...), not
        the workers' records: cheap, nothing is decoded."""
        return [part[0] for worker, part in self._parts if worker < 0]

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


Consumer = Callable[[EventBatch], None]
