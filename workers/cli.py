"""The headless command line: ``batchpilot run TASK PATH...``, ``batchpilot watch TASK FOLDER`` (in
workers/cli_watch.py) and ``batchpilot tasks``."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from types import FrameType
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from workers import __version__
from workers.cli_args import (
    UsageError,
    add_job_arguments,
    engine_options,
    engine_options_and_note,
    output_naming,
    scan_options,
    task_and_options,
)
from workers.cli_watch import add_watch_parser, cmd_watch
from workers.registry import TaskNotFound, available_tasks, load_task
from workers.task import describe_options

if TYPE_CHECKING:
    from workers.engine import Engine, EngineOptions
    from workers.session import JobRequest, JobSession

# What only a run needs (the engine, the session and its journal, the terminal output) is
# imported in cmd_run, where it is used: the sooner a run's workers are spawned, the sooner its
# first file starts, and every command builds the whole parser first.

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_CANCELLED = 0, 1, 2, 130


class _RunHelp(argparse.Action):
    """``run --help``; after a TASK (``run parse --help``) it adds that task's presets and options.

    argparse has already stored TASK when it meets ``--help`` after it, and PATH is not needed.
    """

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        parser.print_help()
        spec = getattr(namespace, "task", None)
        if spec:
            try:
                task = load_task(spec)
            except TaskNotFound as exc:
                parser.exit(EXIT_USAGE, f"\nbatchpilot: error: {exc}\n")
            sys.stdout.write("\n")
            describe_task(spec, task, sys.stdout)
        parser.exit()


def _when_done(text: str) -> Any:
    """``type=`` of ``--when-done`` (left out, it is None: nothing to do). workers.when_done, and
    the D-Bus client it imports, are loaded when the option is given or the run is under way."""
    from workers.when_done import when_done_argument

    return when_done_argument(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="batchpilot",
        description="Batch-process folders of files in parallel worker processes. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"batchpilot {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="run a task over files and folders, headless", add_help=False,
                         description="Run TASK over every file under PATH... and write outputs "
                         "mirroring the source tree. Sources are never modified.",
                         epilog="'batchpilot run TASK --help' adds that task's presets and options.")
    run.add_argument("-h", "--help", action=_RunHelp, help="show this help (with TASK: its options) and exit")
    run.add_argument("task", metavar="TASK",
                     help="parse, zip, encode, a module:callable or a file.py[:callable]")
    run.add_argument("paths", metavar="PATH", nargs="+", help="files or folders to process")
    add_job_arguments(run)
    run.add_argument("--retry-failed", action="store_true",
                     help="with a journal from an earlier run: run only the items that failed")
    run.add_argument("--restart", action="store_true",
                     help="ignore the journal of an earlier run and redo everything")
    run.add_argument("--backend", metavar="URL", help="run on a Dask cluster: dask://HOST:PORT")
    run.add_argument("--path-map", action="append", default=[], metavar="HERE=THERE",
                     help="with --backend: a folder here is THERE on the cluster's workers (repeatable)")
    run.add_argument("--json", action="store_true", help="one JSON object per event on stdout, nothing else")
    run.add_argument("--when-done", type=_when_done, metavar="WHAT",
                     help="then: nothing (default), suspend or poweroff (after a 60 s countdown Ctrl+C cancels), "
                          "or command:CMD (run through the shell, the outcome in BATCHPILOT_* variables)")

    add_watch_parser(sub)
    sub.add_parser("tasks", help="list tasks with their presets and options")
    return parser


# ------------------------------------------------------------------ commands


def describe_task(name: str, task: Any, out: TextIO) -> None:
    """One task's title, description, presets and options, as ``tasks`` and ``run TASK --help`` show them."""
    out.write(f"{name} — {task.title}\n")
    if task.description:
        out.write(f"    {task.description}\n")
    if task.presets:
        out.write("  presets (--preset NAME):\n")
        for preset, values in task.presets.items():
            shown = ", ".join(f"{k}={getattr(v, 'value', v)}" for k, v in values.items())
            out.write(f"    {preset}: {shown}\n")
    specs = describe_options(task.Options)
    if specs:
        out.write("  options (--set KEY=VALUE):\n")
        for s in specs:
            choices = f" [{'|'.join(s.choices)}]" if s.choices else ""
            default = getattr(s.default, "value", s.default)
            out.write(f"    {s.name}{choices} = {default!r}  {s.help}\n")


def cmd_tasks(out: TextIO) -> int:
    for name, task in available_tasks().items():
        describe_task(name, task, out)
        out.write("\n")
    return EXIT_OK


def job_request(args: argparse.Namespace) -> JobRequest:
    """The job the arguments ask for; raises UsageError with a message for people."""
    from workers.plan import OutputPolicy
    from workers.session import JobRequest, ResumeMode

    task, options = task_and_options(args)
    missing = [p for p in args.paths if not os.path.lexists(p)]
    if missing:
        raise UsageError(f"no such file or folder: {missing[0]}")
    if args.next_to_source and args.backend:
        # The workers would have to reach this computer's state folder, where the journal is kept.
        raise UsageError("--next-to-source runs on this computer only; on a Dask cluster give an output folder "
                         "with --out")
    mode = ResumeMode.RESTART if args.restart else ResumeMode.RETRY_FAILED if args.retry_failed else ResumeMode.RESUME
    return JobRequest(task, options, list(args.paths), args.out, OutputPolicy(args.on_exists), scan_options(args),
                      resume=mode, naming=output_naming(args))


def open_backend(args: argparse.Namespace, options: EngineOptions) -> Any:
    """The Dask engine for ``--backend``; the local engine is made in :func:`cmd_run`."""
    if not args.backend.startswith("dask://"):
        raise UsageError(f"unknown backend {args.backend!r}; use dask://HOST:PORT")
    try:
        from workers.dask_backend import BackendError, connect
    except ImportError:
        if getattr(sys, "frozen", False):
            raise UsageError("this installed build of batchpilot has no Dask backend; "
                             "use a pip installation: pip install 'batchpilot[dask]'") from None
        raise UsageError("the Dask backend is not installed; pip install 'batchpilot[dask]'") from None
    try:
        from workers.dask.checks import parse_path_map

        return connect(args.backend, options, path_map=parse_path_map(args.path_map) or None)
    except BackendError as exc:
        raise UsageError(str(exc)) from None


class _Interrupts:
    """First Ctrl+C cancels gracefully, a second one cancels now. The handler only passes the
    wish on: what the user reads is printed when the engine says the cancel took effect
    (writing from a signal handler can break a write in progress on the same stream)."""

    def __init__(self, session: JobSession) -> None:
        self.session = session
        self.count = 0
        self.previous: Any = None

    def __enter__(self) -> _Interrupts:
        self.previous = signal.signal(signal.SIGINT, self.handle)
        return self

    def __exit__(self, *exc: object) -> None:
        signal.signal(signal.SIGINT, self.previous)

    def handle(self, signum: int, frame: FrameType | None) -> None:
        self.count += 1
        self.session.cancel(now=self.count > 1)


class _Suspend:
    """Ctrl+Z (SIGTSTP, from the terminal or from ``kill``) pauses the batch, its running files
    stopped where they are, then stops this process; ``fg`` or ``bg`` (SIGCONT) continues it
    and the batch resumes.

    The workers lead process groups of their own, so the terminal's Ctrl+Z never reaches them:
    the engine stops them. The handler only asks for the pause; the engine says when it has taken
    effect, the sink prints that, and only then does :meth:`paused` stop the process, with SIGSTOP
    (SIGTSTP's default action is dropped in a process group with no shell to continue it).
    """

    def __init__(self, session: JobSession) -> None:
        self.session = session
        self.wanted = False  # a pause was asked for by Ctrl+Z and has not taken effect yet
        self.previous: Any = None

    def __enter__(self) -> _Suspend:
        if hasattr(signal, "SIGTSTP"):
            self.previous = signal.signal(signal.SIGTSTP, self.handle)
        return self

    def __exit__(self, *exc: object) -> None:
        if hasattr(signal, "SIGTSTP"):
            signal.signal(signal.SIGTSTP, self.previous)

    def handle(self, signum: int, frame: FrameType | None) -> None:
        if not self.session.running:  # planning, or the summary: nothing runs to pause
            self.stop_here()
            return
        self.wanted = True
        self.session.pause()

    def paused(self) -> None:
        """The pause took effect and was said: stop here; once continued, resume the batch."""
        if not self.wanted:
            return
        self.wanted = False
        self.stop_here()
        self.session.resume()

    @staticmethod
    def stop_here() -> None:
        os.kill(os.getpid(), signal.SIGSTOP)  # returns once continued


class _WarmSpec(NamedTuple):
    """A task as the pool's warm-up needs it, before the task itself is loaded here: what a worker
    loads it by (the pool asks a task for nothing else; see WorkerPool.start)."""

    spec: str


def start_local(args: argparse.Namespace, err: TextIO) -> tuple[JobRequest, Engine]:
    """The job the arguments ask for, and a local engine whose workers are already starting.

    A worker takes a tenth of a second of CPU or more to start and import its task, and this
    process about as long to load the task, check the job and scan the folders: so the workers are
    spawned first, as soon as the task's name is known, and warm up while the rest goes on here.
    A job the arguments get wrong ends them again and fails with the message it always had; an
    unknown task fails before any worker starts.
    """
    from workers.engine import Engine
    from workers.registry import worker_spec

    spec = worker_spec(args.task)
    request = job_request(args) if spec is None else None  # an unknown task's error, said at once
    options, note = engine_options_and_note(args)
    engine = Engine(options)
    try:
        # They load the task and import what it needs while the folders are scanned; more when there is work.
        engine.start(os.cpu_count() or 1, task=request.task if request is not None else _WarmSpec(str(spec)))
        if request is None:
            request = job_request(args)
    except BaseException:
        # The workers have done nothing yet but start: ended at once, not after their warm-up.
        for worker in engine.workers:
            worker.kill("the job was refused")
        engine.close()
        raise
    if note:
        err.write(f"batchpilot: {note}\n")
    return request, engine


def cmd_run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from workers.dask import BackendError  # light: does not import dask

    if args.backend:
        request = job_request(args)
        # A cluster that cannot be used fails before any scanning.
        engine = open_backend(args, engine_options(args, err))
    else:
        request, engine = start_local(args, err)
    from workers.bus import SleepInhibitor
    from workers.cli_output import CliSink, print_summary
    from workers.session import JobRefused, JobSession
    from workers.when_done import FinishedJob, WhenDone, carry_out

    sink = CliSink(out, err, json=args.json)
    session = JobSession(request, engine, sink, folder_hint="choose another with --out")
    interrupts = _Interrupts(session)
    suspend = _Suspend(session)
    sink.on_paused = suspend.paused
    awake = SleepInhibitor()
    try:
        with engine, interrupts, suspend, sink, awake:
            awake.set_running(1)  # where logind cannot be reached, a run says nothing of it: a watch does
            result = session.run()
    except JobRefused as exc:
        err.write(f"batchpilot: error: {exc}\n")
        return exc.exit_code
    except BackendError as exc:  # a cluster check that failed before anything ran
        raise UsageError(str(exc)) from None
    plan, summary = result.plan, result.summary
    if not plan.items and not plan.skipped:
        err.write("batchpilot: nothing to do: no files matched\n")
        return EXIT_OK
    if not args.json:
        print_summary(plan, summary, err)
    if args.when_done is not None and args.when_done.action is not WhenDone.NOTHING and not interrupts.count:
        carry_out(args.when_done, [FinishedJob(summary, str(plan.out_dir))], err)
    if summary.stopped:
        err.write(f"batchpilot: {summary.stopped}\n")
        return EXIT_FAILED
    if summary.cancelled_by_user or interrupts.count:  # Ctrl+C means 130, even if the job ended anyway
        return EXIT_CANCELLED
    return EXIT_FAILED if summary.failed else EXIT_OK


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed why
        return EXIT_OK if exc.code == 0 else EXIT_USAGE
    try:
        if args.command == "tasks":
            return cmd_tasks(out)
        if args.command == "run":
            return cmd_run(args, out, err)
        if args.command == "watch":
            return cmd_watch(args, out, err)
    except UsageError as exc:
        err.write(f"batchpilot: error: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:  # before the run took Ctrl+C over, or after it gave it back
        return EXIT_CANCELLED
    except BrokenPipeError:
        # The reader of --json went away (e.g. piped into head): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    parser.print_help(out)
    return EXIT_USAGE
