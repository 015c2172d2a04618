"""The output-folder lock: one live run per folder, and a lock left by a dead run never blocks."""

from __future__ import annotations

import json
import os
import pickle
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from workers.lock import LOCK_NAME, FolderBusy, OutputLock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX flock behaviour")

ROOT = Path(__file__).resolve().parent.parent
# Holds the lock until its stdin closes (the test ends, or kills it): no timed wait.
HOLD = """
import sys
from workers.lock import OutputLock
lock = OutputLock.acquire(sys.argv[1])
print("locked", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def holder(tmp_path):
    """Start a child process that holds the lock on a folder; yields (process, folder)."""
    folder = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    with subprocess.Popen([sys.executable, "-c", HOLD, str(folder)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, env=env) as proc:
        assert proc.stdout and proc.stderr
        try:
            line = proc.stdout.readline()  # blocks until the child holds the lock (or dies)
            assert line == "locked\n", f"child did not take the lock: {line or proc.stderr.read()}"
            yield proc, folder
        finally:
            proc.kill()


def test_acquire_release_and_acquire_again(tmp_path):
    lock = OutputLock.acquire(tmp_path)
    assert lock.held and (tmp_path / LOCK_NAME).is_file()
    lock.release()
    lock.release()  # idempotent
    assert not lock.held
    with OutputLock.acquire(tmp_path) as again:
        assert again.held
    assert not again.held
    assert (tmp_path / LOCK_NAME).is_file()  # left in place: removing it would race with the next run
    OutputLock.acquire(tmp_path).release()


def test_second_acquire_in_the_same_process_is_refused(tmp_path):
    with OutputLock.acquire(tmp_path), pytest.raises(FolderBusy) as caught:
        OutputLock.acquire(tmp_path)
    busy = caught.value
    assert busy.pid == os.getpid() and busy.host == socket.gethostname()
    assert busy.folder == tmp_path
    text = busy.sentence()
    assert text.startswith(f"{tmp_path} is being written by batchpilot pid {os.getpid()} "
                           f"on host {socket.gethostname()} since ")
    assert text.endswith("; wait for it or choose another --out")
    assert str(busy) == text
    assert busy.sentence("try later").endswith("; try later")
    assert str(pickle.loads(pickle.dumps(busy))) == text  # crosses process boundaries intact
    OutputLock.acquire(tmp_path).release()  # free once the holder released


def test_lock_held_by_another_process_then_freed_at_once_when_it_is_killed(holder):
    proc, folder = holder
    with pytest.raises(FolderBusy) as caught:
        OutputLock.acquire(folder)
    assert caught.value.pid == proc.pid
    assert f"batchpilot pid {proc.pid} on host " in str(caught.value)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with OutputLock.acquire(folder):  # the stale lock file does not block
        info = json.loads((folder / LOCK_NAME).read_text())
        assert info["pid"] == os.getpid()


def test_missing_folder_is_created(tmp_path):
    folder = tmp_path / "a" / "b" / "out"
    with OutputLock.acquire(folder):
        assert folder.is_dir()


def test_garbage_lock_file_from_a_crash_does_not_block(tmp_path):
    (tmp_path / LOCK_NAME).write_bytes(b'\x00{"pid": garbage' + b"x" * 10_000)
    with OutputLock.acquire(tmp_path):
        info = json.loads((tmp_path / LOCK_NAME).read_text())  # rewritten whole, nothing of the old left
        assert info["pid"] == os.getpid() and info["host"] == socket.gethostname()


def test_holder_without_readable_details_is_still_named(tmp_path):
    with OutputLock.acquire(tmp_path):
        (tmp_path / LOCK_NAME).write_text("")  # as if the holder were just writing its details
        with pytest.raises(FolderBusy) as caught:
            OutputLock.acquire(tmp_path)
    assert caught.value.pid is None
    assert str(caught.value) == f"{tmp_path} is being written by another batchpilot run; " \
                                "wait for it or choose another --out"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder_raises_oserror(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OSError):
            OutputLock.acquire(folder)
    finally:
        folder.chmod(0o755)


def test_folder_that_is_a_file_raises_oserror(tmp_path):
    (tmp_path / "out").write_text("not a folder")
    with pytest.raises(OSError):
        OutputLock.acquire(tmp_path / "out")
    with pytest.raises(OSError):
        OutputLock.acquire(tmp_path / "out" / "sub")
