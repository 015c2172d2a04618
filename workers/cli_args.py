"""What ``batchpilot run`` and ``batchpilot watch`` share: the arguments that define a job (task,
options, output folder, filters, limits) and how they become the engine's and the task's options."""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from typing import Any, TextIO

from workers.engine import EngineOptions, sized_options
from workers.naming import DEFAULT_TEMPLATE, OutputNaming, field_list
from workers.plan import OutputPolicy, ScanOptions
from workers.registry import TaskNotFound, load_task
from workers.task import OptionError, Task, build_options


class UsageError(Exception):
    pass


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"must be a number of seconds, not {text}")
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return value


def add_job_arguments(parser: argparse.ArgumentParser) -> None:
    """--out, --workers, limits, --on-exists, --next-to-source, --name, --preset, --set and the file filters."""
    parser.add_argument("--out", metavar="DIR",
                        help="output folder (default: beside the input, named for the task: <folder>-parsed, "
                             "<folder>-zipped, <folder>-encoded)")
    parser.add_argument("--workers", type=positive_int, default=0, metavar="N",
                        help="worker processes (default: one per CPU)")
    parser.add_argument("--batch-size", type=positive_int, default=0, metavar="N",
                        help="items per batch handed to a worker (default: automatic)")
    parser.add_argument("--timeout", type=positive_float, metavar="S", help="fail an item after S seconds")
    parser.add_argument("--max-memory", type=positive_int, metavar="MB",
                        help="kill a worker whose resident memory passes MB (its item fails)")
    parser.add_argument("--on-exists", choices=[p.value for p in OutputPolicy], default="skip",
                        help="when an output already exists (default: skip)")
    parser.add_argument("--next-to-source", action="store_true",
                        help="write each output in its source's folder instead of an output folder "
                             "(a source is never overwritten)")
    parser.add_argument("--name", metavar="TEMPLATE", default=DEFAULT_TEMPLATE,
                        help="output names, e.g. '{name}-720p'; fields: " + field_list() +
                             "; the task's own ending is added (default: {name})")
    parser.add_argument("--preset", metavar="NAME", help="start from one of the task's presets")
    parser.add_argument("--set", dest="settings", action="append", default=[], metavar="KEY=VALUE",
                        help="set a task option (repeatable); see 'batchpilot tasks'")
    parser.add_argument("--include", action="append", default=[], metavar="GLOB", help="only files matching")
    parser.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                        help="leave out files/folders")
    parser.add_argument("--hidden", action="store_true", help="include hidden files and folders")


def parse_settings(pairs: Sequence[str]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--set takes KEY=VALUE, not {pair!r}")
        values[key.strip().replace("-", "_")] = value
    return values


def task_and_options(args: argparse.Namespace) -> tuple[Task, Any]:
    """The task and its options the arguments ask for; raises UsageError with a message for people."""
    try:
        task = load_task(args.task)
    except TaskNotFound as exc:
        raise UsageError(str(exc)) from None
    try:
        return task, build_options(task, parse_settings(args.settings), args.preset)
    except OptionError as exc:
        raise UsageError(str(exc)) from None


def scan_options(args: argparse.Namespace) -> ScanOptions:
    return ScanOptions(tuple(args.include), tuple(args.exclude), args.hidden)


def output_naming(args: argparse.Namespace) -> OutputNaming:
    """The outputs' names and place the arguments ask for; raises UsageError for a contradiction."""
    if args.next_to_source and args.out:
        raise UsageError("--out and --next-to-source exclude each other: outputs go either in one folder "
                         "or next to their sources")
    return OutputNaming(args.name, args.next_to_source)


def engine_options(args: argparse.Namespace, err: TextIO | None = None) -> EngineOptions:
    """Workers capped to what this computer runs well (said on ``err``), and on this computer a
    default memory cap per worker; a cluster's workers get only the caps asked for."""
    options, note = engine_options_and_note(args)
    if note and err is not None:
        err.write(f"batchpilot: {note}\n")
    return options


def engine_options_and_note(args: argparse.Namespace) -> tuple[EngineOptions, str]:
    """:func:`engine_options`, with what it would say about the cap for the caller to say when it likes."""
    backend = getattr(args, "backend", None)
    return sized_options(args.workers, default_memory_cap=not backend, batch_size=args.batch_size,
                         timeout=args.timeout, max_memory_mb=args.max_memory, deliver_seconds=0.1)
