"""The Dask scheduler dies in the middle of a batch run from the command line.

Everything is a real process: a ``dask scheduler``, a ``dask worker`` (whose runner
processes run the items) and ``python -m workers run ... --backend dask://...``. Once a few
items have finished the scheduler is SIGKILLed; the command must then end on its own, soon,
saying what happened, keeping what finished (outputs and journal) and cancelling the rest.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import psutil
import pytest

from tests.conftest import tree_hash, wait_until

pytest.importorskip("distributed")

pytestmark = [pytest.mark.dask, pytest.mark.slow]

REPO = Path(__file__).resolve().parent.parent
FILES = 20
HANG_SECONDS = 0.5  # each hang-* item sleeps this long, then writes its output
FINISHED_BEFORE_KILL = 3
EXIT_LIMIT = 30.0  # seconds from the kill to the command's exit
TAG_VAR = "BATCHPILOT_TEST_LOST_TAG"  # inherited by every process the test starts, to find them all


class Processes:
    """The processes a test starts, all tagged in their environment so orphans are found too."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.tag = uuid.uuid4().hex
        self.env = {**os.environ, "PYTHONPATH": str(REPO), TAG_VAR: self.tag}
        self.started: list[subprocess.Popen[Any]] = []
        self.files: list[IO[Any]] = []

    def start(self, name: str, args: list[str], stdout: int | None = None) -> subprocess.Popen[Any]:
        err = open(self.tmp / f"{name}.err", "wb")  # noqa: SIM115 - closed in stop_all
        self.files.append(err)
        proc = subprocess.Popen(args, cwd=self.tmp, env=self.env, stdin=subprocess.DEVNULL,
                                stdout=stdout if stdout is not None else err, stderr=err,
                                text=True, encoding="utf-8", start_new_session=True)
        self.started.append(proc)
        return proc

    def log(self, name: str) -> str:
        path = self.tmp / f"{name}.err"
        return path.read_text(errors="replace") if path.exists() else ""

    def tagged(self) -> list[psutil.Process]:
        """Every live process carrying this test's tag, wherever it was reparented to."""
        found = []
        for proc in psutil.process_iter():
            try:
                if proc.environ().get(TAG_VAR) == self.tag and proc.status() != psutil.STATUS_ZOMBIE:
                    found.append(proc)
            except psutil.Error:
                continue
        return found

    def stop_all(self) -> list[psutil.Process]:
        """Kill everything started (process groups included); return what would not die."""
        for proc in self.started:
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # each was started in a session of its own
            except (ProcessLookupError, PermissionError):
                pass
        for proc in self.tagged():  # runners lead their own process groups
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                proc.kill()
            except psutil.Error:
                pass
        for proc in self.started:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            if proc.stdout is not None:
                proc.stdout.close()
        for f in self.files:
            f.close()
        _, alive = psutil.wait_procs(self.tagged(), timeout=10)
        return alive


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[Processes]:
    procs = Processes(tmp_path)
    try:
        yield procs
    finally:
        left = procs.stop_all()
        assert not left, f"processes left behind: {left}"


def scheduler_address(procs: Processes) -> str:
    found: list[str] = []

    def announced() -> bool:
        match = re.search(r"Scheduler at:\s+(tcp://127\.0\.0\.1:\d+)", procs.log("scheduler"))
        if match:
            found.append(match.group(1))
        return bool(match)

    wait_until(announced, 60, "the scheduler's address")
    return found[0]


class LineReader(threading.Thread):
    """Reads the command's --json lines as they come."""

    def __init__(self, stream: IO[str]) -> None:
        super().__init__(daemon=True)
        self.stream = stream
        self.events: list[dict[str, Any]] = []

    def run(self) -> None:
        try:
            for line in self.stream:
                if line.strip():
                    self.events.append(json.loads(line))
        except (OSError, ValueError):  # closed under us when a failed test kills the command
            pass

    def of(self, kind: str) -> list[dict[str, Any]]:
        return [e for e in list(self.events) if e["event"] == kind]


def test_a_lost_scheduler_ends_the_run_and_keeps_what_finished(no_leftover_processes: Any, processes: Processes,
                                                               tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for i in range(FILES):
        (src / f"hang-{i:02}.txt").write_text(f"file number {i}\n")
    sources_before = tree_hash(src)
    out = tmp_path / "out"

    scheduler = processes.start("scheduler", [sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1",
                                              "--port", "0", "--no-dashboard"])
    address = scheduler_address(processes)
    port = address.rsplit(":", 1)[1]
    processes.start("worker", [sys.executable, "-m", "dask", "worker", address, "--nworkers", "1",
                               "--nthreads", "2", "--no-dashboard"])
    wait_until(lambda: "Registered to:" in processes.log("worker"), 60, "the Dask worker")

    cli = processes.start("cli", [sys.executable, "-m", "workers", "run", "tests.sample_tasks:FaultyTask", str(src),
                                  "--out", str(out), "--backend", f"dask://127.0.0.1:{port}", "--json",
                                  "--workers", "2", "--set", f"hang_seconds={HANG_SECONDS}"],
                          stdout=subprocess.PIPE)
    assert cli.stdout is not None
    reader = LineReader(cli.stdout)
    reader.start()
    wait_until(lambda: len(reader.of("item_finished")) >= FINISHED_BEFORE_KILL or cli.poll() is not None,
               90, "the first items to finish")
    assert cli.poll() is None, f"the run ended before the kill: {processes.log('cli')}"

    scheduler.kill()
    killed_at = time.monotonic()
    try:
        code = cli.wait(timeout=EXIT_LIMIT + 30)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the command still runs {EXIT_LIMIT + 30:g} s after the scheduler died")
    took = time.monotonic() - killed_at
    reader.join(timeout=10)
    print(f"\ntime from the scheduler's kill to the command's exit: {took:.2f} s")
    err = processes.log("cli")

    assert took < EXIT_LIMIT, f"the command took {took:.1f} s to end after the scheduler died"
    assert code == 1, err
    assert f"lost the Dask scheduler at tcp://127.0.0.1:{port}" in err
    assert "finished files are kept" in err
    assert "Traceback" not in err, err

    planned = {e["item_id"]: e for e in reader.of("item_planned")}
    assert len(planned) == FILES
    finished = {e["item_id"]: e for e in reader.of("item_finished")}
    cancelled = {e["item_id"] for e in reader.of("item_cancelled")}
    assert len(finished) >= FINISHED_BEFORE_KILL
    assert not reader.of("item_failed") and not reader.of("item_skipped")
    assert cancelled, "the scheduler died with nothing left to run: the test proves nothing"
    assert set(finished) | cancelled == set(planned) and not set(finished) & cancelled  # one end each
    [batch] = reader.of("batch_finished")
    assert (batch["done"], batch["cancelled"], batch["failed"]) == (len(finished), len(cancelled), 0)

    for item_id, event in finished.items():  # what finished is complete
        source = Path(planned[item_id]["source"])
        assert Path(event["output"]).read_text() == source.read_text().upper()
    assert [p for p in out.rglob("*") if ".bp-part" in p.name] == []
    assert tree_hash(src) == sources_before

    db = sqlite3.connect(out / ".batchpilot-journal.sqlite")
    try:
        states = {os.fsdecode(source): state for source, state in db.execute("SELECT source, state FROM items")}
    finally:
        db.close()
    assert {states[planned[i]["source"]] for i in finished} == {"done"}
    assert {states[planned[i]["source"]] for i in cancelled} == {"cancelled"}

    # Run again, here: what finished is kept as it is, the rest is done now.
    kept = {planned[i]["output"]: os.stat(planned[i]["output"]).st_mtime_ns for i in finished}
    again = subprocess.run([sys.executable, "-m", "workers", "run", "tests.sample_tasks:FaultyTask", str(src),
                            "--out", str(out), "--workers", "2", "--set", f"hang_seconds={HANG_SECONDS}", "--json"],
                           cwd=tmp_path, env=processes.env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    events = [json.loads(line) for line in again.stdout.splitlines() if line.strip()]
    sources = {e["item_id"]: e["source"] for e in events if e["event"] == "item_planned"}
    redone = {sources[e["item_id"]] for e in events if e["event"] == "item_finished"}
    assert redone == {planned[i]["source"] for i in cancelled}  # the rest, and only the rest
    assert {path: os.stat(path).st_mtime_ns for path in kept} == kept
    for event in planned.values():
        assert Path(event["output"]).read_text() == Path(event["source"]).read_text().upper()
    assert tree_hash(src) == sources_before
