"""Helpers for the smoke test: starting the frozen app, reading its events, watching processes."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

# What Qt's offscreen plugin says on every start; not a problem.
HARMLESS_STDERR = ("This plugin does not support propagateSizeHints()",)


class SmokeFailure(AssertionError):
    pass


def expect(condition: object, message: str) -> None:
    """Fail the current check with ``message`` unless ``condition`` holds."""
    if not condition:
        raise SmokeFailure(message)


@dataclass
class App:
    """How to start one build of batchpilot: the frozen executable, or the sources (the baseline)."""

    label: str
    command: list[str]  # the CLI: argv before the arguments
    window: list[str]  # the window: argv before the arguments
    prefix: str = ""  # processes running a file under here belong to this app

    def popen(self, argv: Sequence[str], window: bool = False, **kwargs: Any) -> subprocess.Popen[str]:
        base = self.window if window else self.command
        return subprocess.Popen([*base, *argv], text=True, **kwargs)


@dataclass
class CliRun:
    returncode: int
    events: list[dict[str, Any]]
    stderr: str
    pid: int
    seen: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def finished(self) -> list[dict[str, Any]]:
        return [e for e in self.events if e.get("event") == "item_finished"]

    def summary(self) -> dict[str, Any]:
        done = [e for e in self.events if e.get("event") == "batch_finished"]
        return done[-1] if done else {}

    def describe(self) -> str:
        failed = [f"{e.get('item_id')}: {e.get('reason')}" for e in self.events if e.get("event") == "item_failed"]
        return (f"exit {self.returncode}, summary {self.summary()}, failures {failed}, "
                f"stderr: {self.stderr.strip()[-1500:]}")


def run_cli(app: App, argv: Sequence[str], env: dict[str, str] | None = None, timeout: float = 300,
            while_running: Callable[[subprocess.Popen[str]], dict[str, Any]] | None = None) -> CliRun:
    """Run ``batchpilot ARGV`` (with --json), returning its events; ``while_running`` may watch it."""
    proc = app.popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    seen: dict[str, Any] = {}
    try:
        if while_running is not None:
            seen = while_running(proc)
        out, err = proc.communicate(timeout=timeout)
    except BaseException:
        kill_tree(proc.pid)
        proc.communicate()
        raise
    events = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return CliRun(proc.returncode, events, err, proc.pid, seen)


def classify(processes: Sequence[psutil.Process]) -> dict[str, list[dict[str, Any]]]:
    """Processes sorted into spawned workers, multiprocessing's helpers, and anything else."""
    kinds: dict[str, list[dict[str, Any]]] = {"workers": [], "helpers": [], "other": []}
    for proc in processes:
        try:
            cmdline = proc.cmdline()
        except psutil.Error:
            continue
        joined = " ".join(cmdline)
        if "--multiprocessing-fork" in cmdline or "spawn_main" in joined:
            kind = "workers"
        elif "multiprocessing.resource_tracker" in joined or "multiprocessing.forkserver" in joined:
            kind = "helpers"
        else:
            kind = "other"
        kinds[kind].append({"pid": proc.pid, "cmdline": [c[:80] for c in cmdline[:6]]})
    return kinds


def descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def kill_tree(pid: int) -> None:
    """Kill a process we started and everything under it (only after a check went wrong)."""
    procs = descendants(pid)
    try:
        procs.append(psutil.Process(pid))
    except psutil.NoSuchProcess:
        pass
    for proc in procs:
        try:
            proc.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(procs, timeout=10)


def processes_under(prefix: str) -> list[psutil.Process]:
    """Running processes whose executable lives under ``prefix``."""
    found = []
    for proc in psutil.process_iter(["exe", "cmdline"]):
        exe = proc.info.get("exe") or ""
        first = (proc.info.get("cmdline") or [""])[0]
        if exe.startswith(prefix) or first.startswith(prefix):
            found.append(proc)
    return found


def expect_no_leftovers(app: App, grace: float = 10.0) -> None:
    """Every process of the app has gone (the resource tracker gets ``grace`` seconds to notice)."""
    if not app.prefix:
        return
    stragglers = processes_under(app.prefix)
    _gone, alive = psutil.wait_procs(stragglers, timeout=grace)
    if alive:
        details = classify(alive)
        kill = [p.pid for p in alive]
        for proc in alive:
            try:
                proc.kill()
            except psutil.Error:
                pass
        raise SmokeFailure(f"processes left behind after the app exited (killed now: {kill}): {details}")


def wait_until(condition: Callable[[], bool], timeout: float, what: str, interval: float = 0.02) -> None:
    """Poll ``condition`` until it holds; a script has no event loop to wait on."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SmokeFailure(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def unexpected_stderr(stderr: str) -> list[str]:
    """Lines on stderr other than the offscreen plugin's usual notice."""
    return [line for line in stderr.splitlines() if line.strip() and line.strip() not in HARMLESS_STDERR]


def tree_size(folder: Path) -> int:
    """Bytes of the regular files under ``folder`` (links not followed, not counted twice)."""
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root, name)
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def source_app(python: str = sys.executable) -> App:
    """The baseline: the same app run from the checkout with the project's virtualenv."""
    return App("source", [python, "-m", "workers"], [python, "-m", "app"])
