"""``batchpilot watch TASK FOLDER``: a watch folder in the foreground.

It prints a line per file (or, with ``--json``, a JSON object per file on stdout) and runs until
Ctrl+C or SIGTERM, which stop it at once: the running job is cancelled now, its workers end, and
its files are taken again by the next run (the journal keeps what finished).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import time
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO

from workers.cli_args import (
    UsageError,
    add_job_arguments,
    engine_options,
    output_naming,
    positive_float,
    scan_options,
    task_and_options,
)
from workers.watch import RESCAN_SECONDS, SETTLE_SECONDS

if TYPE_CHECKING:
    from workers.bus import SleepInhibitor
    from workers.engine import EventBatch
    from workers.events import ItemFailed, ItemFinished, ItemSkipped
    from workers.plan import Plan
    from workers.task import WorkItem

# Every command builds the watch command's parser, so this module is imported by ``batchpilot
# run`` too: what only a watch needs is imported where it is used, not here, and a run's
# workers are spawned that much sooner (see cli.start_local).


def add_watch_parser(sub: Any) -> None:
    watch = sub.add_parser(
        "watch", help="watch a folder and process each new or changed file once it is complete",
        description="Watch FOLDER (and its subfolders) and run TASK on each file that arrives or changes, "
        "once it is complete: no longer growing and not open for writing. Files being downloaded "
        "(.part, .crdownload, hidden names) wait until renamed. Runs until Ctrl+C or SIGTERM; "
        "started again, it takes what arrived meanwhile and redoes nothing (the output folder's "
        "journal decides).")
    watch.add_argument("task", metavar="TASK", help="parse, zip, encode, a module:callable or a file.py[:callable]")
    watch.add_argument("folder", metavar="FOLDER", help="the folder to watch")
    add_job_arguments(watch)
    watch.add_argument("--settle", type=positive_float, default=SETTLE_SECONDS, metavar="S",
                       help=f"a file is complete once unchanged for S seconds (default: {SETTLE_SECONDS:g})")
    watch.add_argument("--rescan", type=positive_float, default=RESCAN_SECONDS, metavar="S",
                       help="look through the whole folder every S seconds, for changes that sent no event "
                            f"(network folders; default: {RESCAN_SECONDS:g})")
    watch.add_argument("--json", action="store_true", help="one JSON object per file on stdout, nothing else")


class WatchPrinter:
    """What ``batchpilot watch`` says of each file: a line on stdout, or a JSON object."""

    def __init__(self, out: TextIO, err: TextIO, *, json_lines: bool, clock: Any = time.localtime,
                 awake: SleepInhibitor | None = None) -> None:
        self.awake = awake  # no sleep while a job runs; said once where it cannot be kept
        self.out = out
        self.err = err
        self.json = json_lines
        self.clock = clock
        self._items: dict[int, WorkItem] = {}

    def note(self, text: str) -> None:
        self.err.write(f"batchpilot: {text}\n")
        self.err.flush()

    def planned(self, plan: Plan) -> None:
        self._items = {w.id: w for w in plan.all_items}
        if self.awake is not None and plan.items:
            said = self.awake.unavailable
            self.awake.set_running(1)
            if self.awake.unavailable and not said:
                self.note(self.awake.unavailable)
        if self.json and plan.items:
            self.out.write(json.dumps({"event": "job_started", "time": time.strftime("%H:%M:%S", self.clock()),
                                       "files": len(plan.items), "bytes": plan.total_bytes}) + "\n")

    def events(self, batch: EventBatch) -> None:
        from workers.events import BatchFinished, ItemFailed, ItemFinished, ItemSkipped

        if self.awake is not None and any(isinstance(e, BatchFinished) for e in batch):
            self.awake.release()  # idle until the next file: the computer may sleep
        for event in batch:
            if isinstance(event, (ItemFinished, ItemFailed, ItemSkipped)):
                item = self._items.get(event.item_id)
                if item is not None:
                    self._file(item, event)
        self.out.flush()

    def _file(self, item: WorkItem, event: ItemFinished | ItemFailed | ItemSkipped) -> None:
        from workers.cli_output import name_fields
        from workers.events import ItemFailed, ItemFinished, ItemSkipped
        from workers.journal import DONE_BEFORE
        from workers.names import display
        from workers.progress import human_duration

        if isinstance(event, ItemSkipped) and event.reason == DONE_BEFORE:
            return  # taken again after a restart, and the journal says it is done: nothing to say
        stamp = time.strftime("%H:%M:%S", self.clock())
        if self.json:
            record: dict[str, Any] = {"time": stamp, **name_fields(item.source, rel=display(item.rel))}
            if isinstance(event, ItemFinished):
                output = event.output or item.output
                record.update(event="file_done", output=display(output) if output else None,
                              elapsed=round(event.elapsed, 3))
            elif isinstance(event, ItemFailed):
                record.update(event="file_failed", reason=event.reason)
            else:
                record.update(event="file_skipped", reason=event.reason)
            self.out.write(json.dumps(record) + "\n")  # ASCII escapes: any file name makes valid JSON
            return
        if isinstance(event, ItemFinished):
            output = event.output or item.output
            line = f"{stamp}  done     {item.rel}" + (f" → {output}" if output else "")
            line += f" ({human_duration(event.elapsed)})"
        elif isinstance(event, ItemFailed):
            line = f"{stamp}  failed   {item.rel}: {event.reason}"
        else:
            line = f"{stamp}  skipped  {item.rel}: {event.reason}"
        self.out.write(os.fsencode(line).decode("utf-8", "backslashreplace") + "\n")


def cmd_watch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from workers.bus import SleepInhibitor
    from workers.engine import Engine
    from workers.plan import OutputPolicy
    from workers.session import JobRefused
    from workers.watch_run import WatchRunner, WatchSpec

    task, options = task_and_options(args)
    if not os.path.isdir(args.folder):
        raise UsageError(f"no such folder: {args.folder}")
    spec = WatchSpec(task, options, args.folder, args.out, OutputPolicy(args.on_exists), scan_options(args),
                     settle=args.settle, rescan=args.rescan, naming=output_naming(args))
    awake = SleepInhibitor()
    printer = WatchPrinter(out, err, json_lines=args.json, awake=awake)
    engine = Engine(engine_options(args, err))
    try:
        runner = WatchRunner(spec, engine, printer, folder_hint="choose another with --out")
    except JobRefused as exc:
        err.write(f"batchpilot: error: {exc}\n")
        return exc.exit_code
    engine.start(os.cpu_count() or 1)  # warm workers: the first file does not wait for imports

    def stop(signum: int, frame: FrameType | None) -> None:
        runner.stop()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        if args.json:
            out.write(json.dumps({"event": "watching", "folder": os.path.abspath(args.folder),
                                  "out_dir": str(runner.out_dir), "task": task.name}) + "\n")
            out.flush()
        else:
            printer.note(f"watching {os.path.abspath(args.folder)} → {runner.out_dir} "
                         f"(a file is taken once unchanged for {args.settle:g} s); Ctrl+C stops")
        with engine, awake:
            counts = runner.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    printer.note(f"stopped: {counts.done:,} done, {counts.failed:,} failed in {counts.jobs:,} "
                 f"{'job' if counts.jobs == 1 else 'jobs'}")
    return 0


__all__ = ["WatchPrinter", "add_watch_parser", "cmd_watch"]
