"""The command line's manners for long runs: --when-done, and no sleep while a watch's job runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.dbus_standins import StandInLogind, private_bus
from tests.watch_support import ROOT, WatchProcess

FAULTY = "tests.sample_tasks:FaultyTask"


def test_when_done_runs_the_command_with_the_outcome_in_its_environment(make_files, tmp_path):
    src = make_files({"ok-1.txt": "a", "ok-2.txt": "b", "bad-3.txt": "c"})
    record = tmp_path / "outcome.txt"
    command = f'command:printf "%s %s %s %s" "$BATCHPILOT_STATUS" "$BATCHPILOT_DONE" "$BATCHPILOT_FAILED" ' \
              f'"$BATCHPILOT_OUTPUT" > {record}'
    result = subprocess.run([sys.executable, "-m", "workers", "run", FAULTY, str(src), "--out", str(tmp_path / "out"),
                             "--when-done", command], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1, result.stderr  # a file failed: the command still runs
    assert record.read_text() == f"failed 2 1 {tmp_path / 'out'}"
    assert "finished (exit status 0)" in result.stderr


def test_a_bad_when_done_is_a_usage_error(make_files):
    src = make_files({"ok-1.txt": "a"})
    result = subprocess.run([sys.executable, "-m", "workers", "run", FAULTY, str(src), "--when-done", "hibernate"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2 and "is not one of nothing, quit, suspend, poweroff" in result.stderr


def test_a_watch_keeps_the_computer_awake_only_while_its_job_runs(tmp_path: Path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with private_bus(tmp_path) as bus, StandInLogind(bus.address) as logind:
        monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", bus.address)
        watch = WatchProcess(FAULTY, str(inbox), "--out", str(tmp_path / "out"), "--settle", "0.5",
                             "--set", "hang_seconds=2")
        try:
            assert logind.locks == []  # idle: the computer may sleep
            (inbox / "hang-1.txt").write_text("takes two seconds")
            watch.wait_for(lambda r: r["event"] == "job_started", what="the job")
            logind.wait_for(lambda: bool(logind.locks), "the sleep lock")
            [lock] = logind.locks
            assert (lock.what, lock.who, lock.why, lock.mode) == ("sleep", "batchpilot", "batchpilot: 1 job running",
                                                                  "block")
            assert lock.held()
            watch.wait_done("hang-1.txt")
            assert lock.wait_released(), "the lock outlived the job"
        finally:
            watch.stop()
            watch.close()
