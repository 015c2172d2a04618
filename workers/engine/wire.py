"""What travels between the engine and its worker processes, built and read here only.

Children send compact tuples (records) and columns of ids, not event objects: one pickled
dataclass per item cost the engine a fifth of its throughput on tiny items (DESIGN.md). The
event dataclasses of :mod:`workers.events` are built from them only when a consumer iterates
over an :class:`EventBatch`, so a consumer that only counts pays nothing for them.
"""

from __future__ import annotations

import os
import pickle
import struct
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import repeat
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, NamedTuple

from workers.states import ItemState
from workers.task import WorkItem

if TYPE_CHECKING:
    from workers.events import Event

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


# The event dataclasses, imported on first use: only the parent makes events, and a worker
# starts sooner without them.
_events: Any = None


def _load_events() -> Any:
    global _events
    import workers.events

    _events = workers.events
    return _events


def decode(record: Record, worker: int) -> Event:
    """Turn one compact child record into its event dataclass."""
    ev = _events or _load_events()
    code = record[0]
    if code == STARTED:
        return ev.ItemStarted(record[1], worker)
    if code == PROGRESS:
        return ev.ItemProgress(record[1], record[2], record[3])
    if code == FINISHED:
        _, item_id, elapsed, result = record
        if result is None:
            return ev.ItemFinished(item_id, elapsed=elapsed)
        output, message, data = result
        return ev.ItemFinished(item_id, output, message, data or {}, elapsed)
    if code == FAILED:
        return ev.ItemFailed(record[1], record[2], record[3], record[4])
    if code == SKIPPED:
        return ev.ItemSkipped(record[1], record[2])
    if code == LOG:
        return ev.LogMessage(record[1], record[2], record[3])
    raise ValueError(f"unknown event record {record!r}")


# -- a worker's flush -------------------------------------------------------------------------
class Flush(NamedTuple):
    """Everything a worker sends at once. The two commonest records travel as columns of ids
    (started, and finished with nothing to report), which pickle far cheaper than a tuple each."""

    started: Sequence[int]
    done_ids: Sequence[int]
    done_elapsed: Sequence[float]
    records: list[Record]
    batches_done: list[int]
    given_back: list[tuple[int, list[int]]]  # (batch id, item ids not started)


def make_flush(started: list[int], done_ids: list[int], done_elapsed: list[float], records: list[Record],
               batches_done: list[int], given_back: list[tuple[int, list[int]]]) -> Flush:
    """A worker's flush, its columns packed: ids and times as arrays, which pickle as one
    string each and make no object per item until read, and the started ids, most often the
    same as the finished ones (items started and finished since the last flush), sent once."""
    try:
        done = array("q", done_ids)
        same = started == done_ids
        return Flush(done if same else array("q", started), done, array("d", done_elapsed), records,
                     batches_done, given_back)
    except (OverflowError, TypeError):  # an id that is not a machine integer: plain lists then
        return Flush(started, done_ids, done_elapsed, records, batches_done, given_back)


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


WARM = "warm"


def task_spec(task: Any) -> str:
    """What a worker loads ``task`` by (see workers.registry.load_task)."""
    return getattr(task, "spec", None) or task.name


def warm_message(spec: str) -> tuple[Any, ...]:
    """Load this task now and import what it will need (see Task ``warm_up``), before any job:
    sent as the worker starts, while the parent still scans the folders."""
    return (WARM, spec)


def job_message(spec: str, options_blob: bytes, run_token: str) -> tuple[Any, ...]:
    """Load this task with these (pickled) options; outputs are written under ``run_token``."""
    return (JOB, spec, options_blob, run_token)


# Paths never hold a NUL character (no system allows one), so a batch's paths can travel as one
# string each column, split again in the worker.
_SEP = "\0"


def batch_message(batch_id: int, items: Iterable[WorkItem]) -> tuple[Any, ...]:
    """A batch as columns: ids and sizes as arrays, each path column as one string, the inputs
    as a tuple (None when no item has any).

    Pickling a tuple per item (and memoising it and its strings) was most of the engine's own
    time for tiny items; columns pickle three times faster. Items whose fields cannot travel
    that way (a NUL in a path, a field that is not a string) go as plain tuples, which still
    pickle with no Python call per item.
    """
    items = list(items)
    if items:
        ids, sources, rels, sizes, outputs, inputs = zip(*items, strict=True)
        try:
            paths = (_SEP.join(sources), _SEP.join(rels), _SEP.join(outputs))
        except TypeError:  # not all strings
            paths = None
        if paths is not None and all(column.count(_SEP) == len(items) - 1 for column in paths):
            try:  # as arrays, ids and sizes pickle as one string each
                numbers: tuple[Sequence[int], Sequence[int]] = (array("q", ids), array("q", sizes))
            except (OverflowError, TypeError):
                numbers = (ids, sizes)
            return (BATCH, batch_id, (*numbers, *paths, inputs if any(inputs) else None))
    return (BATCH, batch_id, list(map(tuple, items)))


def read_batch(message: tuple[Any, ...]) -> tuple[Sequence[int], Iterator[WorkItem]]:
    """The ids of a batch message's items, and its items as WorkItems in the same order, made
    one at a time as they are taken (no Python call per item): made all at once, a batch's
    items were as many objects for the garbage collector to go through on each pass, and
    cold in the cache by the time they ran."""
    payload = message[2]
    if isinstance(payload, list):
        return [raw[0] for raw in payload], map(tuple.__new__, repeat(WorkItem), payload)
    ids, sizes, sources, rels, outputs, inputs = payload
    columns = zip(ids, sources.split(_SEP), rels.split(_SEP), sizes, outputs.split(_SEP),
                  ((),) * len(ids) if inputs is None else inputs, strict=True)
    return ids, map(tuple.__new__, repeat(WorkItem), columns)


def give_back_message(batch_id: int) -> tuple[Any, ...]:
    return (GIVE_BACK, batch_id)


HELP = "help"


def help_message(batch_id: int, item: WorkItem) -> tuple[Any, ...]:
    """Help with ``item``, which another worker runs (see Task.help); it ends as a batch of no
    items ends, with ``batch_id`` in a flush's batches done."""
    return (HELP, batch_id, tuple(item))


# -- on the pipe ------------------------------------------------------------------------------
# Messages are framed as multiprocessing.connection frames them (a 4-byte big-endian length,
# then the pickle), so either end may be a plain Connection (the Dask runner's parent is). But
# Connection.send_bytes writes a large message's length and body in two system calls, each a
# wake-up of the reader, and Connection.recv reads them in two more; a worker's inbox thread
# takes the GIL back from its busy main thread after every one, which is slow. Where the system
# has writev (not Windows), a message goes in one call and the inbox reads whatever is there.
_LENGTH = struct.Struct("!i")
_LONG = 0x7FFFFFFF  # longer messages take Connection's own way (a longer length field)


def send(conn: Connection, *messages: Any) -> None:
    """Send messages (pickled here), all in one system call where the system allows."""
    blobs = [pickle.dumps(message, pickle.HIGHEST_PROTOCOL) for message in messages]
    if not hasattr(os, "writev") or any(len(data) > _LONG for data in blobs):
        for data in blobs:
            conn.send_bytes(data)
        return
    parts: list[bytes] = []
    for data in blobs:
        parts += (_LENGTH.pack(len(data)), data)
    fd = conn.fileno()
    written = os.writev(fd, parts)
    if written < sum(map(len, parts)):  # cut short (a signal): write the rest as it comes
        rest = memoryview(b"".join(parts))[written:]
        while rest:
            rest = rest[os.write(fd, rest):]


class Reader:
    """Reads the messages sent on ``conn`` (by :func:`send` or Connection.send): each read
    takes all there is, up to ``chunk`` bytes, so a message costs one system call, not two."""

    def __init__(self, conn: Connection, chunk: int = 1 << 20) -> None:
        self.conn = conn
        self.buf = bytearray()  # read, not yet taken
        self.space = bytearray(chunk)  # read into (os.read would allocate a chunk each time)
        self.raw = not hasattr(os, "readv")  # Windows: Connection's own framing

    def recv(self) -> Any:
        if self.raw:
            return self.conn.recv()
        while True:
            message = self._take()
            if message is not _NONE:
                return message
            count = os.readv(self.conn.fileno(), [self.space])
            if not count:
                raise EOFError
            with memoryview(self.space) as view:
                self.buf += view[:count]

    def _take(self) -> Any:
        buf = self.buf
        if len(buf) < _LENGTH.size:
            return _NONE
        (size,) = _LENGTH.unpack_from(buf)
        start = _LENGTH.size
        if size == -1:  # Connection's frame for a message of 2 GiB or more
            if len(buf) < 12:
                return _NONE
            (size,) = struct.unpack_from("!Q", buf, 4)
            start = 12
        end = start + size
        if len(buf) < end:
            return _NONE
        with memoryview(buf) as view:
            message = pickle.loads(view[start:end])
        del buf[:end]
        return message


_NONE = object()


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


class EventBatch(Sequence["Event"]):
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
            ev = _events or _load_events()
            finished, started = ev.ItemFinished, ev.ItemStarted
            out: list[Event] = []
            for worker, part in self._parts:
                if worker < 0:
                    out.extend(part)
                elif isinstance(part, _Done):
                    out.extend(finished(i, elapsed=e) for i, e in zip(part.ids, part.elapsed, strict=True))
                elif isinstance(part, _Started):
                    out.extend(started(i, worker) for i in part.ids)
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
