"""What ``batchpilot run`` prints: a live progress line, a JSON event stream, the final summary."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from workers.events import CancelStarted, Paused, Resumed
from workers.names import display, name_bytes
from workers.progress import BatchProgress, human_bytes, human_duration

if TYPE_CHECKING:
    from workers.engine import EventBatch, JobSummary
    from workers.plan import Plan
    from workers.task import WorkItem


def status_line(p: BatchProgress) -> str:
    """'1,234 of 5,000 files · 3 failed · 84.0 MB/s · 2 min left' — the window shows the same."""
    parts = [f"{p.ended:,} of {p.total_files:,} files"]
    if p.failed:
        parts.append(f"{p.failed:,} failed")
    speed = p.speed()
    if speed is not None:
        parts.append(f"{human_bytes(speed)}/s" if p.by_bytes else f"{speed:,.1f} files/s")
    left = p.seconds_left()
    if left is not None and p.ended < p.total_files:
        parts.append(f"{human_duration(left)} left")
    return " · ".join(parts)


class TerminalProgress:
    """A progress bar on the terminal (stderr), weighted by bytes."""

    def __init__(self, plan: Plan, err: TextIO) -> None:
        # rich is imported here, once the folders are scanned, not as the command starts: its
        # ~25 ms would delay the moment the workers are spawned (see cli.start_local).
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

        self.state = BatchProgress.for_items(plan.all_items)
        self.console = Console(file=err, highlight=False)
        self.bar = Progress(
            TextColumn(f"[bold]{plan.task.name}[/]"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[status]}"),
            console=self.console,
            transient=False,
            refresh_per_second=8,
        )
        self.task_id = self.bar.add_task("", total=1000, status=status_line(self.state))

    def __enter__(self) -> TerminalProgress:
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.update(self.task_id, completed=self.state.fraction() * 1000, status=status_line(self.state))
        self.bar.stop()

    def started(self) -> None:
        pass

    def __call__(self, batch: EventBatch) -> None:
        self.state.apply(batch)
        self.bar.update(self.task_id, completed=self.state.fraction() * 1000, status=status_line(self.state))


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def event_json(event: Any) -> str:
    record = {"event": _snake(type(event).__name__)}
    for key, value in dataclasses.asdict(event).items():
        record[key] = value
        escaped = name_bytes(value) if isinstance(value, str) else None
        if escaped is not None:  # a path that is not valid UTF-8: as text, and as its bytes
            record[key] = display(value)
            record[f"{key}_bytes"] = escaped
    return json.dumps(record, default=str)


def name_fields(source: str, **more: Any) -> dict[str, Any]:
    """``source`` for JSON: as text (U+FFFD for bytes that are not UTF-8) and, for such a name,
    its exact bytes percent-encoded as ``source_bytes``."""
    record: dict[str, Any] = {"source": display(source)}
    escaped = name_bytes(source)
    if escaped is not None:
        record["source_bytes"] = escaped
    record.update(more)
    return record


def planned_record(w: WorkItem) -> dict[str, Any]:
    return {"event": "item_planned", "item_id": w.id,
            **name_fields(w.source, rel=display(w.rel), size=w.size,
                          output=display(w.output) if w.output else None)}


class JsonStream:
    """``--json``: one object per line on stdout — the plan first, then every event."""

    def __init__(self, plan: Plan, out: TextIO) -> None:
        self.plan = plan
        self.out = out

    def __enter__(self) -> JsonStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.out.flush()

    def started(self) -> None:
        p = self.plan
        write = self.out.write
        write(json.dumps({"event": "batch_started", "task": p.task.name, "out_dir": str(p.out_dir),
                          "next_to_source": p.naming.next_to_source, "files": len(p.items) + len(p.skipped),
                          "bytes": p.total_bytes}) + "\n")
        for w in p.all_items:
            write(json.dumps(planned_record(w)) + "\n")
        self.out.flush()

    def __call__(self, batch: EventBatch) -> None:
        self.out.write("".join(event_json(e) + "\n" for e in batch))
        self.out.flush()


CANCEL_MESSAGES = {
    False: "cancelling: running files finish, nothing new starts (Ctrl+C again to stop now)",
    True: "stopping now",
}


def pause_message(event: Paused) -> str:
    """What Ctrl+Z did, said once the pause took effect (the command line asks only for a full pause)."""
    if event.hold:  # all a cluster can do
        return "paused: on a Dask cluster, pause lets running files finish; `fg` resumes"
    files = "running file" if event.stopped == 1 else "running files"
    return f"paused: {event.stopped:,} {files} stopped; `fg` resumes"


class CliSink:
    """What ``batchpilot run`` shows of a job session: a progress bar on stderr, or JSON lines on
    stdout; notes and the effect of Ctrl+C and Ctrl+Z as ``batchpilot: ...`` lines on stderr.

    ``on_paused``, when set, is called once a pause has taken effect and been said (Ctrl+Z
    stops the process there)."""

    def __init__(self, out: TextIO, err: TextIO, *, json: bool) -> None:
        self.out = out
        self.err = err
        self.json = json
        self.on_paused: Callable[[], None] | None = None
        self.view: TerminalProgress | JsonStream | None = None

    def __enter__(self) -> CliSink:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.view is not None:
            self.view.__exit__(*exc)

    def _say(self, text: str) -> None:
        if isinstance(self.view, TerminalProgress):
            self.view.console.print(f"batchpilot: {text}", markup=False, soft_wrap=True)  # above the bar
        else:
            self.err.write(f"batchpilot: {text}\n")
            self.err.flush()

    def planned(self, plan: Plan) -> None:
        if not self.json and not plan.all_items:
            return  # nothing matched: no bar, the command says so
        self.view = JsonStream(plan, self.out) if self.json else TerminalProgress(plan, self.err)
        self.view.__enter__()
        self.view.started()

    def note(self, text: str) -> None:
        self._say(text)

    def events(self, batch: EventBatch) -> None:
        paused = False
        for event in batch.notices():
            if isinstance(event, CancelStarted):
                self._say(CANCEL_MESSAGES[event.now])
            elif isinstance(event, Paused):
                self._say(pause_message(event))
                paused = True
            elif isinstance(event, Resumed):
                self._say("resumed")
                paused = False
        if self.view is not None:
            self.view(batch)
        if paused and self.on_paused is not None:  # after the batch is shown: the bar and --json are current
            self.on_paused()


def print_summary(plan: Plan, summary: JobSummary, err: TextIO) -> None:
    from rich.console import Console

    console = Console(file=err, highlight=False)
    head = (f"{summary.done:,} done, {summary.failed:,} failed, {summary.skipped:,} skipped"
            + (f", {summary.cancelled:,} cancelled" if summary.cancelled else "")
            + f" in {human_duration(summary.elapsed)}")
    console.print(head, markup=False)
    if summary.done and plan.task.writes_output:
        where = "next to their sources" if plan.naming.next_to_source else f"in {plan.out_dir}"
        console.print(f"outputs {where}", markup=False)
    if summary.note:
        console.print(summary.note, markup=False)
    if summary.failures:
        console.print("failed:", markup=False)
        for item, reason in sorted(summary.failures, key=lambda f: f[0].rel):
            console.print(f"  {item.source}: {reason}", markup=False, soft_wrap=True)
