"""Idle workers help with a long video at the tail of a batch: they take its segments from the
end while the worker that runs it goes from the start. A helper that dies leaves its segment to
the owner; an owner that dies stops its helpers and the next run keeps what they made; one bar."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from tests import media
from tests.conftest import wait_until
from tests.encode.segment_support import ROOT, frame_count
from workers.engine import Engine, EngineOptions, run_plan
from workers.events import Event, ItemFailed, ItemFinished, ItemProgress, WorkerLost
from workers.plan import make_plan
from workers.task import build_options
from workers.tasks.encode import EncodeTask
from workers.tasks.media_shared import OwnerLock, claim_name, owner_active, take_claim

SECONDS = 100.0  # four segments (of about 30 s, the last shorter): past the 60 s threshold the tests set
pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "win32", reason="flock")


@pytest.fixture(scope="module")
def long_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    media.make_long_clip(src / "film.mp4", SECONDS, size=(256, 144))
    return src


def _options(task: EncodeTask) -> object:
    return build_options(task, {"resume_after": 60, "speed": "medium", "threads": 1}, preset="mp4-h264")


def _pid(folder: Path, role: str) -> int | None:
    """The process encoding a segment as owner or helper: its claim file says who, and how far."""
    for claim in folder.glob("*.claim"):
        try:
            said = json.loads(claim.read_bytes().strip() or b"{}")
        except (OSError, ValueError):
            continue
        if said.get("role") == role:
            return int(said["pid"])
    return None


def _helper_pid(folder: Path) -> int | None:
    return _pid(folder, "helper")


def _run_until(task: EncodeTask, src: Path, out: Path, when: Callable[[Path], bool],
               act: Callable[[Path], None]) -> list[Event]:
    """Run the batch on two workers; once ``when(work folder)`` holds, ``act`` on it."""
    events: list[Event] = []
    folder = out / ".film.mp4.bp-segments"
    with Engine(EngineOptions(workers=2)) as engine:
        runner = threading.Thread(target=lambda: engine.run(make_plan(task, _options(task), [src], out),
                                                            events.extend))
        runner.start()
        wait_until(lambda: when(folder) or not runner.is_alive(), timeout=120, what="the moment to act")
        assert runner.is_alive(), "the run ended before the moment to act"
        act(folder)
        runner.join(120)
        assert not runner.is_alive()
    return events


def _one_bar(events: Iterable[Event]) -> list[float]:
    fractions = [e.fraction for e in events if isinstance(e, ItemProgress)]
    assert all(b >= a - 1e-9 for a, b in itertools.pairwise(fractions)), "the bar never goes back"
    return fractions


def test_idle_workers_encode_segments_of_the_last_long_video(task: EncodeTask, long_clip: Path, tmp_path: Path,
                                                            no_leftover_processes: object) -> None:
    events: list[Event] = []
    summary = run_plan(make_plan(task, _options(task), [long_clip], tmp_path / "out"), events.extend,
                       EngineOptions(workers=2))
    assert summary.done == 1
    [done] = [e for e in events if isinstance(e, ItemFinished)]
    assert "segments were encoded by other workers at the same time" in done.message, done.message
    assert any(", 2 workers (part " in e.message for e in events if isinstance(e, ItemProgress))
    assert _one_bar(events)[-1] == 1.0
    output = tmp_path / "out" / "film.mp4"
    assert abs(frame_count(output) - frame_count(long_clip / "film.mp4")) <= 1
    assert not (tmp_path / "out" / ".film.mp4.bp-segments").exists()
    assert not [e for e in events if isinstance(e, WorkerLost)]


def test_a_helper_that_dies_leaves_its_segment_to_the_owner(task: EncodeTask, long_clip: Path, tmp_path: Path,
                                                           no_leftover_processes: object) -> None:
    killed: list[int] = []

    def kill_helper(folder: Path) -> None:
        pid = _helper_pid(folder)
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    events = _run_until(task, long_clip, tmp_path / "out", lambda f: _helper_pid(f) is not None, kill_helper)
    [done] = [e for e in events if isinstance(e, ItemFinished)]
    lost = [e for e in events if isinstance(e, WorkerLost)]
    assert lost and all(e.item_id is None for e in lost), "a helper's death is blamed on no file"
    assert abs(frame_count(tmp_path / "out" / "film.mp4") - frame_count(long_clip / "film.mp4")) <= 1
    _one_bar(events)
    assert done.output


def test_an_owner_that_dies_stops_its_helpers_and_the_next_run_keeps_their_work(
        task: EncodeTask, long_clip: Path, tmp_path: Path, no_leftover_processes: object) -> None:
    out = tmp_path / "out"

    def kill_owner(folder: Path) -> None:
        owner = _pid(folder, "owner")
        assert owner is not None
        os.kill(owner, signal.SIGKILL)

    def helped_a_segment(folder: Path) -> bool:
        try:
            record = json.loads((folder / "manifest.json").read_text())
        except (OSError, ValueError):
            return False
        last = str(len(record["cuts"]) - 1)
        return last in record["done"] and _pid(folder, "owner") is not None  # a helper made the last one

    events = _run_until(task, long_clip, out, helped_a_segment, kill_owner)
    [failed] = [e for e in events if isinstance(e, ItemFailed)]
    assert "worker" in failed.reason
    folder = out / ".film.mp4.bp-segments"
    assert not owner_active(folder)
    kept = json.loads((folder / "manifest.json").read_text())["done"]
    assert str(len(json.loads((folder / "manifest.json").read_text())["cuts"]) - 1) in kept

    again: list[Event] = []
    summary = run_plan(make_plan(task, _options(task), [long_clip], out), again.extend, EngineOptions(workers=1))
    assert summary.done == 1
    [done] = [e for e in again if isinstance(e, ItemFinished)]
    assert f"resumed: {len(kept)} of 4 segments kept from a stopped run" in done.message
    assert abs(frame_count(out / "film.mp4") - frame_count(long_clip / "film.mp4")) <= 1


# ------------------------------------------------------------------------------ the claims

_HOLD = """
import sys
from pathlib import Path
from workers.tasks.media_shared import take_claim
claim = take_claim(Path(sys.argv[1]), 3)
print("held" if claim else "taken", flush=True)
sys.stdin.readline()  # held until the test kills it
"""


def test_a_segment_is_claimed_once_and_a_dead_holders_claim_is_taken_over(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", _HOLD, str(tmp_path)], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        with proc.stdout:
            assert proc.stdout.readline().strip() == "held"
        assert take_claim(tmp_path, 3) is None, "a live process holds it"
        mine = take_claim(tmp_path, 2)
        assert mine is not None and take_claim(tmp_path, 2) is None
        mine.release()
        assert not (tmp_path / claim_name(2)).exists()
    finally:
        proc.kill()
        proc.wait()
        assert proc.stdin is not None
        proc.stdin.close()
    taken = take_claim(tmp_path, 3)  # its holder died: the claim file is left, its lock free
    assert taken is not None
    taken.release()


def test_the_owner_lock_says_whether_anyone_still_encodes_the_video(tmp_path: Path) -> None:
    assert not owner_active(tmp_path)
    lock = OwnerLock(tmp_path)
    assert owner_active(tmp_path)
    lock.release()
    assert not owner_active(tmp_path)
