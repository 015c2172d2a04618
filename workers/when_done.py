"""What happens when the queue is done: nothing, quit, suspend, power off, or a command of the
user's own with the outcome in environment variables. The choice, the variables, running the
command and the terminal's countdown live here, without Qt; the window's side is app/when_done.py.

The command's environment (every value a string):

    BATCHPILOT_STATUS     ok (every file done or skipped), failed (a file failed, or a job stopped
                          early), or cancelled (by the user, nothing failed)
    BATCHPILOT_JOBS       how many jobs ran
    BATCHPILOT_DONE, BATCHPILOT_FAILED, BATCHPILOT_SKIPPED, BATCHPILOT_CANCELLED
                          file counts, summed over the jobs
    BATCHPILOT_ELAPSED    the jobs' running time, in whole seconds
    BATCHPILOT_OUTPUT     the last job's output folder
    BATCHPILOT_OUTPUTS    every job's output folder, one per line, in the order they ran
    BATCHPILOT_SUMMARY    the outcome in one line, as the window or the terminal says it

The command line is the user's own, typed in the window or given to ``--when-done``: it runs
through the shell (``/bin/sh -c``; ``cmd /c`` on Windows), so it can read the variables
(``notify-send "$BATCHPILOT_DONE files done"``), use pipes and ``&&``. The outcome is only ever
passed in the environment, never pasted into the command line, so a file name cannot become a
command.
"""

from __future__ import annotations

import argparse
import math
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple, TextIO

from workers.bus import PowerAction, PowerActionFailed, power
from workers.engine import JobSummary

COUNTDOWN_SECONDS = 60
COMMAND_PREFIX = "command:"


class WhenDone(StrEnum):
    NOTHING = "nothing"
    QUIT = "quit"
    SUSPEND = "suspend"
    POWER_OFF = "poweroff"
    COMMAND = "command"

    @property
    def power_action(self) -> PowerAction | None:
        return {WhenDone.SUSPEND: PowerAction.SUSPEND, WhenDone.POWER_OFF: PowerAction.POWER_OFF}.get(self)


@dataclass(frozen=True)
class WhenDoneChoice:
    """The choice, with the command line when it is to run one. ``str()`` gives the text
    :meth:`parse` reads back ('suspend', 'command:notify-send done'): the CLI's ``--when-done``
    value and what the window keeps in its settings."""

    action: WhenDone = WhenDone.NOTHING
    command: str = ""

    def __str__(self) -> str:
        return f"{COMMAND_PREFIX}{self.command}" if self.action is WhenDone.COMMAND else self.action.value

    @classmethod
    def parse(cls, text: str) -> WhenDoneChoice:
        """'nothing', 'quit', 'suspend', 'poweroff' or 'command:CMD'; ValueError with a sentence."""
        text = text.strip()
        if text.startswith(COMMAND_PREFIX):
            command = text[len(COMMAND_PREFIX):].strip()
            if not command:
                raise ValueError("'command:' needs the command to run after it, as in command:notify-send done")
            return cls(WhenDone.COMMAND, command)
        try:
            return cls(WhenDone(text))
        except ValueError:
            words = ", ".join(w.value for w in WhenDone if w is not WhenDone.COMMAND)
            raise ValueError(f"{text!r} is not one of {words}, or command:CMD") from None


def when_done_argument(text: str) -> WhenDoneChoice:
    """``type=`` for the ``--when-done`` option: argparse shows the sentence on a bad value."""
    try:
        return WhenDoneChoice.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


class FinishedJob(NamedTuple):
    """A job of the queue that ran: its outcome and its output folder."""

    summary: JobSummary
    output: str


def queue_status(jobs: Sequence[FinishedJob]) -> str:
    """BATCHPILOT_STATUS: 'failed', 'cancelled' or 'ok'."""
    if any(j.summary.failed or j.summary.stopped for j in jobs):
        return "failed"
    if any(j.summary.cancelled_by_user or j.summary.cancelled for j in jobs):
        return "cancelled"
    return "ok"


def queue_total(jobs: Sequence[FinishedJob]) -> JobSummary:
    """The jobs' counts and running time added up."""
    return JobSummary(done=sum(j.summary.done for j in jobs), failed=sum(j.summary.failed for j in jobs),
                      skipped=sum(j.summary.skipped for j in jobs),
                      cancelled=sum(j.summary.cancelled for j in jobs), elapsed=sum(j.summary.elapsed for j in jobs))


def summary_env(jobs: Sequence[FinishedJob], summary: str = "") -> dict[str, str]:
    """The queue's outcome as environment variables (listed at the top of this module);
    ``summary`` is the one-line outcome, a plain one is made without it."""
    total = queue_total(jobs)
    outputs = list(dict.fromkeys(j.output for j in jobs if j.output))
    if not summary:
        summary = (f"{len(jobs)} job{'s' if len(jobs) != 1 else ''}: {total.done} done, {total.failed} failed, "
                   f"{total.skipped} skipped, {total.cancelled} cancelled in {round(total.elapsed)} s")
    return {
        "BATCHPILOT_STATUS": queue_status(jobs),
        "BATCHPILOT_JOBS": str(len(jobs)),
        "BATCHPILOT_DONE": str(total.done),
        "BATCHPILOT_FAILED": str(total.failed),
        "BATCHPILOT_SKIPPED": str(total.skipped),
        "BATCHPILOT_CANCELLED": str(total.cancelled),
        "BATCHPILOT_ELAPSED": str(round(total.elapsed)),
        "BATCHPILOT_OUTPUT": outputs[-1] if outputs else "",
        "BATCHPILOT_OUTPUTS": "\n".join(outputs),
        "BATCHPILOT_SUMMARY": summary,
    }


# -- the command -----------------------------------------------------------------------------


def shell_argv(command: str) -> list[str]:
    """The program and arguments that run a user's command line through the shell."""
    if sys.platform == "win32":
        return [os.environ.get("COMSPEC", "cmd.exe"), "/d", "/c", command]
    return ["/bin/sh", "-c", command]


@dataclass(frozen=True)
class CommandResult:
    """How the command ended: ``returncode`` (negative: ended by that signal), or ``error`` when
    it did not start or was stopped; ``output`` when it was captured."""

    command: str
    returncode: int | None
    output: str = ""
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.error

    def sentence(self) -> str:
        """What the log says about it."""
        if self.error:
            return f"The command {self.command!r} {self.error}."
        code = self.returncode
        if code == 0:
            return f"The command {self.command!r} finished (exit status 0)."
        if code is not None and code < 0:
            try:
                name = f" ({signal.Signals(-code).name})"
            except ValueError:
                name = ""
            return f"The command {self.command!r} was ended by signal {-code}{name}."
        hint = {126: " (the program could not be run)", 127: " (the shell did not find the program)"}.get(code or 0, "")
        return f"The command {self.command!r} failed with exit status {code}{hint}."


def run_command(command: str, extra_env: Mapping[str, str], *, capture: bool = False,
                timeout: float | None = None) -> CommandResult:
    """Run the user's command line with ``extra_env`` added to ours, and wait for it. Its output
    goes to our terminal, or into the result with ``capture`` (stdout and stderr together); after
    ``timeout`` seconds it is stopped, with whatever it started."""
    # With a time limit the command gets a process group of its own, so that stopping it also
    # stops what it started (a program in the background would hold the output pipe open). Without
    # one it stays in the terminal's group, where Ctrl+C reaches it.
    own_group = timeout is not None and sys.platform != "win32"
    try:
        process = subprocess.Popen(shell_argv(command), env={**os.environ, **extra_env}, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE if capture else None,
                                   stderr=subprocess.STDOUT if capture else None,
                                   text=capture, errors="replace" if capture else None,
                                   process_group=0 if own_group else None)
    except OSError as exc:
        return CommandResult(command, None, "", f"could not start ({exc.strerror or exc})")
    with process:
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            try:
                if own_group:
                    os.killpg(process.pid, signal.SIGKILL)
                else:
                    process.kill()
            except ProcessLookupError:  # it ended just now
                pass
            output, _ = process.communicate()
            return CommandResult(command, None, output or "", f"was still running after {timeout:g} s and was stopped")
    return CommandResult(command, process.returncode, output or "")


# -- the terminal's countdown ----------------------------------------------------------------


def countdown(seconds: int, action_text: str, out: TextIO, cancel: threading.Event | None = None, *,
              clock: Callable[[], float] = time.monotonic,
              wait: Callable[[float], bool] | None = None) -> bool:
    """Count ``seconds`` down aloud ('Suspending in 60 s — press Ctrl+C to cancel'); True when it
    ran out, False when cancelled by Ctrl+C or by ``cancel`` being set.

    ``wait(s)`` waits up to s seconds and says whether to cancel (``cancel.wait`` by default);
    tests pass one that moves ``clock`` on instead. A terminal sees one line rewritten each
    second; a log gets a line every ten seconds and for each of the last five.
    """
    cancel = cancel if cancel is not None else threading.Event()
    wait = wait if wait is not None else cancel.wait
    live = out.isatty()
    deadline = clock() + seconds
    shown: int | None = None
    try:
        while True:
            left = deadline - clock()
            if cancel.is_set():
                break
            if left <= 0:
                if live:
                    out.write("\n")
                return True
            whole = math.ceil(left)  # 59.2 s left still reads 60
            if whole != shown and (live or whole == seconds or whole % 10 == 0 or whole <= 5):
                line = f"{action_text} in {whole} s — press Ctrl+C to cancel"
                out.write(f"\r{line}  " if live else f"{line}\n")
                out.flush()
            shown = whole
            if wait(min(1.0, left - (whole - 1))):  # to the next whole second
                break
    except KeyboardInterrupt:
        pass
    if live:
        out.write("\n")
    return False


def carry_out(choice: WhenDoneChoice, jobs: Sequence[FinishedJob], out: TextIO, *,
              cancel: threading.Event | None = None, seconds: int = COUNTDOWN_SECONDS, summary: str = "",
              system_bus: str | None = None, capture: bool = False,
              clock: Callable[[], float] = time.monotonic, wait: Callable[[float], bool] | None = None) -> bool:
    """Do what ``choice`` says, for the CLI, saying so on ``out`` (stderr when stdout carries JSON);
    False when it was cancelled or failed. NOTHING and QUIT do nothing here: quitting is the caller's."""
    if choice.action is WhenDone.COMMAND:
        out.write(f"Running the command {choice.command!r}.\n")
        result = run_command(choice.command, summary_env(jobs, summary), capture=capture)
        out.write(result.sentence() + "\n")
        return result.ok
    action = choice.action.power_action
    if action is None:
        return True
    try:
        power(action, system_bus, check_only=True)  # say it is impossible now, not after a minute
        words = "Suspending" if action is PowerAction.SUSPEND else "Powering off"
        if not countdown(seconds, words, out, cancel, clock=clock, wait=wait):
            out.write(f"Cancelled: batchpilot will not {action.verb}.\n")
            return False
        out.write(f"{words} now.\n")
        out.flush()
        power(action, system_bus)
    except PowerActionFailed as exc:
        out.write(f"{exc}\n")
        return False
    return True
