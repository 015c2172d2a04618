"""The journal: a small SQLite file in the output folder that lets a batch resume.

It records each item's state and its source's fingerprint (size, mtime). A re-run of the
same task and options over the same output folder skips what was done (unless the source
changed since), removes partial outputs left by a crash and redoes the rest.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from time import time

from workers.events import (
    Event,
    ItemCancelled,
    ItemFailed,
    ItemFinished,
    ItemSkipped,
    ItemStarted,
)
from workers.naming import DEFAULT_TEMPLATE
from workers.outputs import remove_stale_partials
from workers.plan import Plan
from workers.states import ItemState
from workers.task import WorkItem, describe_options, options_to_strings

JOURNAL_NAME = ".batchpilot-journal.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    job TEXT NOT NULL,
    source BLOB NOT NULL,  -- file system bytes: names need not be valid UTF-8
    output BLOB NOT NULL,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    updated REAL NOT NULL,
    PRIMARY KEY (job, source)
)
"""
# Stored as plain text: the states' values.
DONE, FAILED, SKIPPED, CANCELLED, RUNNING, PENDING = (
    s.value for s in (ItemState.DONE, ItemState.FAILED, ItemState.SKIPPED, ItemState.CANCELLED, ItemState.RUNNING,
                      ItemState.PENDING))
DONE_BEFORE = "done by an earlier run"  # the skip reason of a file the journal says is done
_STATE_OF = {ItemFinished: DONE, ItemFailed: FAILED, ItemSkipped: SKIPPED, ItemCancelled: CANCELLED}


def fingerprint(item: WorkItem) -> str:
    """Size and modification time of the source (of every input for a multi-file item)."""
    paths = [p for p, _ in item.inputs] or [item.source]
    parts = []
    for p in paths:
        try:
            st = os.stat(p)
            parts.append(f"{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append("missing")
    if len(parts) == 1:
        return parts[0]
    return hashlib.sha1("|".join(parts).encode()).hexdigest()


def job_key(plan: Plan) -> str:
    """Same task, same options and same name template: the same job, whose journal can be resumed."""
    spec = getattr(plan.task, "spec", plan.task.name)
    secret = {s.name for s in describe_options(type(plan.options)) if s.kind == "password"}
    opts = sorted((k, v) for k, v in options_to_strings(plan.options).items() if k not in secret)
    if plan.naming.template != DEFAULT_TEMPLATE:  # other names are another job (the default keeps earlier keys)
        opts.append(("name template", plan.naming.template))
    return hashlib.sha1(repr((spec, opts)).encode()).hexdigest()[:16]


def _text(value: str) -> str:
    """A reason may quote an undecodable file name; SQLite text must be valid UTF-8."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


@dataclass
class ResumeResult:
    done_before: int = 0
    redo_changed: int = 0
    partials_removed: int = 0
    note: str = ""


class JournalError(Exception):
    """The journal cannot be used; ``kind`` is one of FULL, READ_ONLY, CORRUPT or IO."""

    FULL, READ_ONLY, CORRUPT, IO = "full", "read-only", "corrupt", "io"

    def __init__(self, kind: str, path: Path, detail: str) -> None:
        self.kind = kind
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: {detail}")


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_KIND = {13: JournalError.FULL, 8: JournalError.READ_ONLY, 11: JournalError.CORRUPT, 26: JournalError.CORRUPT,
                10: JournalError.IO, 14: JournalError.IO}


def journal_error(exc: sqlite3.Error | OSError, path: Path) -> JournalError:
    """What kind of trouble a journal's SQLite (or file system) error is."""
    if isinstance(exc, OSError):
        os_kind = JournalError.FULL if exc.errno in (errno.ENOSPC, errno.EDQUOT) else (
            JournalError.READ_ONLY if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) else JournalError.IO)
        return JournalError(os_kind, path, exc.strerror or str(exc))
    code = getattr(exc, "sqlite_errorcode", None)
    kind: str | None = _SQLITE_KIND.get(code & 0xFF) if isinstance(code, int) else None
    if kind is None:
        text = str(exc).lower()
        kind = (JournalError.FULL if "full" in text else JournalError.READ_ONLY if "readonly" in text
                else JournalError.CORRUPT if "not a database" in text or "malformed" in text else JournalError.IO)
    return JournalError(kind, path, str(exc))


def move_aside(path: Path) -> Path:
    """Move a damaged journal (and its WAL files) out of the way; returns its new name."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    os.replace(path, target)
    for extra in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.replace(f"{path}{extra}", f"{target}{extra}")
    return target


def recorded_outputs(path: Path) -> set[str]:
    """Every output the journal at ``path`` names, of any job; empty when there is no journal or it
    cannot be read (opening it for the run then says why)."""
    if not path.is_file():
        return set()
    try:
        db = sqlite3.connect(path)
        try:
            rows = db.execute("SELECT output FROM items WHERE length(output) > 0").fetchall()
        finally:
            db.close()
    except sqlite3.Error:
        return set()
    return {os.fsdecode(r[0]) for r in rows}


class Journal:
    """The journal of one job (task and options) in an output folder. Every method may raise
    ``JournalError``; the session decides what that means for the batch."""

    def __init__(self, path: Path, job: str) -> None:
        try:
            self._open(path, job)
        except (sqlite3.Error, OSError) as exc:
            with contextlib.suppress(Exception):
                self.db.close()
            raise journal_error(exc, path) from None

    def _open(self, path: Path, job: str) -> None:
        self.path = path
        self.job = job
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(SCHEMA)
        self.by_id: dict[int, WorkItem] = {}

    @classmethod
    def for_plan(cls, plan: Plan) -> Journal:
        return cls(plan.out_dir / JOURNAL_NAME, job_key(plan))

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()

    def previous(self) -> dict[str, tuple[str, str, str, str]]:
        rows = self.db.execute("SELECT source, output, fingerprint, state, reason FROM items WHERE job = ?",
                               (self.job,))
        return {os.fsdecode(r[0]): (os.fsdecode(r[1]), r[2], r[3], r[4]) for r in rows}

    def resume(self, plan: Plan, *, restart: bool = False, retry_failed_only: bool = False) -> ResumeResult:
        """Adjust ``plan`` from what an earlier run of the same job recorded, then record the plan."""
        try:
            return self._resume(plan, restart, retry_failed_only)
        except (sqlite3.Error, OSError) as exc:
            raise journal_error(exc, self.path) from None

    def _resume(self, plan: Plan, restart: bool, retry_failed_only: bool) -> ResumeResult:
        result = ResumeResult()
        prev = {} if restart else self.previous()
        if prev:
            self._apply_previous(plan, prev, result, retry_failed_only)
        self._record_plan(plan)
        if result.done_before and not plan.items:
            result.note = (f"nothing to do: all {result.done_before:,} files were done by an earlier run "
                           f"(use --restart to redo them)")
        elif result.done_before:
            result.note = (f"resuming: {result.done_before:,} files done by an earlier run are skipped, "
                           f"{len(plan.items):,} to go")
        if result.redo_changed:
            result.note += f"; {result.redo_changed:,} changed since and redone"
        return result

    def _apply_previous(self, plan: Plan, prev: dict[str, tuple[str, str, str, str]],
                        result: ResumeResult, retry_failed_only: bool) -> None:
        # Items skipped only because an output exists may be ours from the earlier run.
        exists_skips = [(w, r) for w, r in plan.skipped if w.output and w.source in prev]
        candidates = plan.items + [w for w, _ in exists_skips]
        keep_skipped = [(w, r) for w, r in plan.skipped if not (w.output and w.source in prev)]
        run: list[WorkItem] = []
        skipped = keep_skipped
        for item in candidates:
            record = prev.get(item.source)
            if record is None:  # new since the earlier run (exists-skips always have a record)
                if retry_failed_only:
                    skipped.append((item, "not a failed file of the earlier run"))
                else:
                    run.append(item)
                continue
            output, fp, state, _reason = record
            if output != item.output:
                item = item._replace(output=output)  # the earlier run's output is ours to finish
            if state in (RUNNING, PENDING) and output:
                result.partials_removed += remove_stale_partials(output)
            if state == DONE and fp == fingerprint(item) and (not output or os.path.exists(output)):
                result.done_before += 1
                skipped.append((item, DONE_BEFORE))
            elif retry_failed_only and state != FAILED:
                skipped.append((item, "not a failed file of the earlier run"))
            else:
                if state == DONE:
                    result.redo_changed += 1
                run.append(item)
        run.sort(key=lambda w: w.id)
        plan.items[:] = run
        plan.skipped[:] = skipped

    def _record_plan(self, plan: Plan) -> None:
        now = time()
        self.by_id = {w.id: w for w in plan.items}
        rows = [(self.job, os.fsencode(w.source), os.fsencode(w.output), fingerprint(w), PENDING, "", now)
                for w in plan.items]
        with self.db:
            self.db.execute("BEGIN")
            # Items done earlier keep their record; everything about to run starts as pending.
            self.db.executemany(
                "INSERT INTO items (job, source, output, fingerprint, state, reason, updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job, source) DO UPDATE SET "
                "output = excluded.output, fingerprint = excluded.fingerprint, state = excluded.state, "
                "reason = '', updated = excluded.updated",
                rows,
            )

    def record(self, events: Iterable[Event]) -> None:
        """Write the states these events end in; one transaction per call."""
        try:
            self._record(events)
        except (sqlite3.Error, OSError) as exc:
            raise journal_error(exc, self.path) from None

    def _record(self, events: Iterable[Event]) -> None:
        updates = []
        moved = []  # (output, job, source): items whose output is not the planned one
        now = time()
        for ev in events:
            kind = type(ev)
            if kind is ItemStarted:
                state, reason = RUNNING, ""
            elif kind in _STATE_OF:
                state = _STATE_OF[kind]
                reason = getattr(ev, "reason", "")
            else:
                continue
            item = self.by_id.get(getattr(ev, "item_id", -1))
            if item is not None:
                updates.append((state, _text(reason), now, self.job, os.fsencode(item.source)))
                # A task may write elsewhere than planned (a kept original under its own
                # extension, a .webm holding only sound): the next run must find that file.
                output = getattr(ev, "output", None) if kind is ItemFinished else None
                if output and output != item.output:
                    moved.append((os.fsencode(output), self.job, os.fsencode(item.source)))
        if updates:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany(
                    "UPDATE items SET state = ?, reason = ?, updated = ? WHERE job = ? AND source = ?", updates)
                if moved:
                    self.db.executemany("UPDATE items SET output = ? WHERE job = ? AND source = ?", moved)
