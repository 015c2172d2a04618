"""The Dask backend against a real two-worker cluster on the loopback address.

The cluster is reached through ``connect("dask://127.0.0.1:PORT")``, the same path a real
scheduler address takes; items run in real runner processes on real Dask workers.
"""

from __future__ import annotations

import collections
import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")

import workers
from tests.conftest import still_running, wait_until
from tests.sample_tasks import FaultyTask
from workers.dask_backend import BackendError, DaskEngine, connect
from workers.engine import EngineOptions, run_plan
from workers.events import (
    TERMINAL,
    BatchFinished,
    CancelStarted,
    ItemCancelled,
    ItemFinished,
    ItemProgress,
    ItemStarted,
    LogMessage,
    WorkerLost,
)
from workers.plan import Plan, make_plan
from workers.registry import load_task
from workers.task import Outcome, build_options

pytestmark = pytest.mark.dask
FAULTY = "tests.sample_tasks:FaultyTask"


class IndexedFaulty(FaultyTask):
    """FaultyTask that writes an index of the batch afterwards, as a real task's finalize would."""

    def finalize(self, out_dir: Path, options: Any, outcomes: list[Outcome]) -> str | None:
        lines = sorted(f"{Path(o.item.source).name} {o.state}" for o in outcomes)
        (out_dir / "index.txt").write_text("\n".join(lines) + "\n")
        return f"index of {len(outcomes)} files"


@pytest.fixture
def engine(dask_url: str) -> Any:
    eng = connect(dask_url, EngineOptions(deliver_seconds=0.02), timeout=10)
    eng.client.wait_for_workers(2, timeout=30)  # a test before may have killed one; its nanny restarts it
    yield eng
    eng.close()


def make_files(folder: Path, names: list[str], text: str = "some text\n") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(text)
    return folder


def plan_for(spec: str, folder: Path, out: Path, **values: Any) -> Plan:
    task = load_task(spec)
    return make_plan(task, build_options(task, values, preset=None), [folder], out)


class Recorder:
    """An on_events consumer that keeps every event and when it was delivered."""

    def __init__(self, react: Callable[[Any], None] | None = None) -> None:
        self.events: list[Any] = []
        self.times: list[float] = []
        self.react = react

    def __call__(self, batch: Any) -> None:
        now = time.monotonic()
        for event in batch:
            self.events.append(event)
            self.times.append(now)
            if self.react is not None:
                self.react(event)

    def of(self, kind: type) -> list[Any]:
        return [e for e in self.events if isinstance(e, kind)]

    def terminal_counts(self) -> collections.Counter[int]:
        return collections.Counter(e.item_id for e in self.events if isinstance(e, TERMINAL))


def sleeper_pid(pid_file: Path) -> int | None:
    """The pid the spawner item wrote, once the file is complete and names its sleeping subprocess."""
    import psutil

    try:
        pid = int(pid_file.read_text())
        return pid if "time.sleep(600)" in " ".join(psutil.Process(pid).cmdline()) else None
    except (OSError, ValueError, psutil.Error):
        return None


def run_in_thread(engine: DaskEngine, plan: Plan, recorder: Recorder) -> tuple[threading.Thread, dict[str, Any]]:
    box: dict[str, Any] = {}

    def target() -> None:
        box["summary"] = engine.run(plan, recorder)

    thread = threading.Thread(target=target)
    thread.start()
    return thread, box


# ------------------------------------------------------------------ a batch, end to end


def test_batch_ends_like_on_the_local_engine(engine: DaskEngine, tmp_path: Path) -> None:
    src = make_files(tmp_path / "in", ["ok-1.txt", "ok-2.txt", "bad-1.txt", "boom-1.txt", "skip-1.txt"])
    (src / "ok-3.txt").write_text("third file\n")
    before = {p.name: p.read_bytes() for p in src.iterdir()}

    local = Recorder()
    local_summary = run_plan(plan_for(FAULTY, src, tmp_path / "local"), local, EngineOptions(workers=2))
    remote = Recorder()
    plan = plan_for("tests.test_dask_backend:IndexedFaulty", src, tmp_path / "out")
    summary = engine.run(plan, remote)

    names = {w.id: Path(w.source).name for w in plan.all_items}
    local_names = {w.id: Path(w.source).name for w in plan_for(FAULTY, src, tmp_path / "x").all_items}
    ends = {names[e.item_id]: type(e).__name__ for e in remote.events if isinstance(e, TERMINAL)}
    local_ends = {local_names[e.item_id]: type(e).__name__ for e in local.events if isinstance(e, TERMINAL)}
    assert ends == local_ends
    assert (summary.done, summary.failed, summary.skipped) == (3, 2, 1)
    assert (summary.done, summary.failed, summary.skipped) == (
        local_summary.done, local_summary.failed, local_summary.skipped)
    assert set(remote.terminal_counts().values()) == {1}  # exactly one end per item
    assert isinstance(remote.events[-1], BatchFinished) and len(remote.of(BatchFinished)) == 1
    reasons = {Path(item.source).name: reason for item, reason in summary.failures}
    assert reasons["bad-1.txt"] == "this file is not what it claims to be"
    assert "boom in the task" in reasons["boom-1.txt"]
    for name in ("ok-1.txt", "ok-2.txt", "ok-3.txt"):
        out = tmp_path / "out" / f"{name}.out"
        assert out.read_bytes() == before[name].upper()
    finished = {names[e.item_id]: e for e in remote.of(ItemFinished)}
    assert finished["ok-1.txt"].output == str(tmp_path / "out" / "ok-1.txt.out")
    assert finished["ok-1.txt"].data == {"bytes": len(before["ok-1.txt"])}
    assert not (tmp_path / "out" / "bad-1.txt.out").exists()
    assert {p.name: p.read_bytes() for p in src.iterdir()} == before  # sources untouched
    assert summary.note == "index of 6 files"  # finalize ran here, once, with every outcome
    assert "bad-1.txt failed" in (tmp_path / "out" / "index.txt").read_text()
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]  # no partials, no probes


def test_progress_streams_while_an_item_runs(engine: DaskEngine, tmp_path: Path) -> None:
    src = make_files(tmp_path / "in", ["slow.txt"], text="0.8")
    recorder = Recorder()
    summary = engine.run(plan_for("tests.sample_tasks:sleepy", src, tmp_path / "out"), recorder)

    assert summary.done == 1
    finished_at = recorder.times[recorder.events.index(recorder.of(ItemFinished)[0])]
    midway = [(t, e.fraction) for t, e in zip(recorder.times, recorder.events, strict=True)
              if isinstance(e, ItemProgress) and 0 < e.fraction < 1]
    assert len(midway) >= 3
    assert finished_at - midway[0][0] > 0.3  # delivered while the item ran, not all at the end
    fractions = [f for _, f in midway]
    assert fractions == sorted(fractions)


def test_many_small_items_share_chunks(engine: DaskEngine, tmp_path: Path) -> None:
    src = make_files(tmp_path / "in", [f"f{i:03}.txt" for i in range(300)])
    recorder = Recorder()
    summary = engine.run(plan_for("tests.sample_tasks:tiny", src, tmp_path / "out"), recorder)

    assert summary.done == 300
    assert set(recorder.terminal_counts().values()) == {1}
    assert len(recorder.of(ItemStarted)) == 300
    assert {e.worker for e in recorder.of(ItemStarted)} <= set(range(2))


# ------------------------------------------------------------------ cancel and pause


def test_cancel_now_kills_the_item_and_what_it_started(engine: DaskEngine, tmp_path: Path) -> None:
    import psutil

    src = make_files(tmp_path / "in", ["spawner-1.txt"])
    out = tmp_path / "out"
    plan = plan_for(FAULTY, src, out, hang_seconds=60)
    recorder = Recorder()
    thread, box = run_in_thread(engine, plan, recorder)
    pid_file = out / "spawner-1.txt.out.pid"
    wait_until(lambda: sleeper_pid(pid_file) is not None, 30, "the item's subprocess")
    grandchild = sleeper_pid(pid_file)
    assert grandchild is not None
    sleeper = psutil.Process(grandchild)  # taken now: once reaped, the pid names nothing

    # The item reports nothing while it waits, yet the window must show it as running.
    wait_until(lambda: any(isinstance(e, ItemStarted) for e in list(recorder.events)), 5, "ItemStarted")

    t0 = time.monotonic()
    engine.cancel(now=True)
    thread.join(timeout=20)
    assert not thread.is_alive()
    assert time.monotonic() - t0 < 5
    summary = box["summary"]
    assert summary.cancelled == 1 and summary.cancelled_by_user
    assert [type(e) for e in recorder.events if isinstance(e, TERMINAL)] == [ItemCancelled]
    assert [e for e in recorder.events if isinstance(e, CancelStarted)] == [CancelStarted(now=True)]
    assert not still_running([sleeper], timeout=10), "the item's subprocess outlived the cancel"
    assert not (out / "spawner-1.txt.out").exists()


def test_graceful_cancel_lets_running_items_finish(engine: DaskEngine, tmp_path: Path) -> None:
    src = make_files(tmp_path / "in", [f"hang-{i}.txt" for i in range(6)])
    plan = plan_for(FAULTY, src, tmp_path / "out", hang_seconds=0.5)
    cancelled: list[int] = []

    def react(event: Any) -> None:
        if isinstance(event, ItemStarted) and not cancelled:
            cancelled.append(event.item_id)
            engine.cancel()

    recorder = Recorder(react)
    summary = engine.run(plan, recorder)

    assert summary.cancelled_by_user
    assert summary.done >= 1 and summary.cancelled >= 1
    assert summary.done + summary.cancelled == 6
    assert [e for e in recorder.events if isinstance(e, CancelStarted)] == [CancelStarted(now=False)]
    assert set(recorder.terminal_counts().values()) == {1} and len(recorder.terminal_counts()) == 6
    names = {w.id: Path(w.source).name for w in plan.items}
    for event in recorder.of(ItemFinished):  # what finished is complete
        assert (tmp_path / "out" / f"{names[event.item_id]}.out").read_text() == "SOME TEXT\n"
    for event in recorder.of(ItemCancelled):  # what was cancelled left nothing
        assert not (tmp_path / "out" / f"{names[event.item_id]}.out").exists()


def test_pause_holds_new_items_until_resume(engine: DaskEngine, tmp_path: Path) -> None:
    src = make_files(tmp_path / "in", [f"hang-{i}.txt" for i in range(5)])
    # Each file takes a second, so the pause (sent at the first start) lands before the third
    # file starts even on a loaded machine (with 0.3 s files this test once failed there).
    plan = plan_for(FAULTY, src, tmp_path / "out", hang_seconds=1.0)
    marks: dict[str, float] = {}
    started: list[int] = []
    ended: list[int] = []

    def react(event: Any) -> None:
        if isinstance(event, ItemStarted):
            started.append(event.item_id)
            if "paused" not in marks:
                marks["paused"] = time.monotonic()
                engine.pause()
        elif isinstance(event, TERMINAL):
            ended.append(event.item_id)
            if "paused" in marks and "resume" not in marks and set(started) <= set(ended):
                # Everything that was running has ended: hold the pause a moment, then resume.
                marks["settled"] = time.monotonic()
                marks["started_then"] = len(started)
                marks["resume"] = marks["settled"] + 0.6
                threading.Timer(0.6, engine.resume).start()

    recorder = Recorder(react)
    summary = engine.run(plan, recorder)

    assert summary.done == 5
    assert marks["started_then"] < 5  # the pause held some items back
    held = [t for t, e in zip(recorder.times, recorder.events, strict=True)
            if isinstance(e, ItemStarted) and marks["settled"] < t < marks["resume"]]
    assert held == []


# ------------------------------------------------------------------ crashes


def test_a_file_that_crashes_workers_fails_after_three(engine: DaskEngine, tmp_path: Path) -> None:
    src = make_files(tmp_path / "in", ["kill-1.txt", "ok-1.txt"])
    dask_workers = set(engine.client.nthreads())
    recorder = Recorder()
    plan = plan_for(FAULTY, src, tmp_path / "out")
    summary = engine.run(plan, recorder)

    kill_id = next(w.id for w in plan.items if w.source.endswith("kill-1.txt"))
    assert summary.done == 1 and summary.failed == 1
    reason = dict((item.id, r) for item, r in summary.failures)[kill_id]
    assert reason.startswith("this file crashed 3 workers")
    assert "SIGKILL" in reason
    lost = [e for e in recorder.of(WorkerLost) if e.item_id == kill_id]
    assert len(lost) == 3
    assert len(recorder.of(LogMessage)) == 2  # "trying this file again" twice
    assert set(recorder.terminal_counts().values()) == {1}
    assert (tmp_path / "out" / "ok-1.txt.out").read_text() == "SOME TEXT\n"
    assert set(engine.client.nthreads()) == dask_workers  # the Dask workers themselves survived


@pytest.mark.slow
@pytest.mark.parametrize("allowed_failures", [None, 0], ids=["scheduler-retries", "scheduler-gives-up"])
def test_a_killed_dask_worker_hands_its_item_to_another(engine: DaskEngine, dask_cluster: Any, tmp_path: Path,
                                                        allowed_failures: int | None,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    if allowed_failures is not None:
        # The scheduler then fails the chunk at once (KilledWorker) and the backend resubmits it.
        monkeypatch.setattr(dask_cluster.scheduler, "allowed_failures", allowed_failures)
    src = make_files(tmp_path / "in", ["hang-1.txt"])
    plan = plan_for(FAULTY, src, tmp_path / "out", hang_seconds=1.0)
    client = engine.client
    killed: list[str] = []

    def react(event: Any) -> None:
        if isinstance(event, ItemStarted) and not killed:
            busy = [w for w, keys in client.processing().items() if keys]
            pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
            killed.append(busy[0])
            os.kill(pid, signal.SIGKILL)

    recorder = Recorder(react)
    summary = engine.run(plan, recorder)

    assert killed
    assert summary.done == 1 and summary.failed == 0
    assert (tmp_path / "out" / "hang-1.txt.out").read_text() == "SOME TEXT\n"
    assert [e.item_id for e in recorder.of(WorkerLost)] == [plan.items[0].id]
    assert len(recorder.of(ItemStarted)) == 2  # once on each worker
    assert set(recorder.terminal_counts().values()) == {1}


# ------------------------------------------------------------------ checks before anything runs


def test_input_folder_the_workers_cannot_see(dask_url: str, tmp_path: Path) -> None:
    src = make_files(tmp_path / "in", ["ok-1.txt"])
    out = tmp_path / "out"
    plan = plan_for(FAULTY, src, out)
    with connect(dask_url, EngineOptions(), path_map={str(src): str(tmp_path / "not-mounted")}) as eng:
        with pytest.raises(BackendError) as excinfo:
            eng.preflight(plan)
        message = str(excinfo.value)
        assert str(src / "ok-1.txt") in message and "not-mounted" in message
        assert "cannot be reached" in message and "path map" in message
        with pytest.raises(BackendError):
            eng.run(plan, Recorder())
    assert not out.exists()  # nothing ran, nothing was left behind


def test_output_folder_that_is_another_folder_on_the_workers(dask_url: str, tmp_path: Path) -> None:
    src = make_files(tmp_path / "in", ["ok-1.txt"])
    out = tmp_path / "out"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    plan = plan_for(FAULTY, src, out)
    with connect(dask_url, EngineOptions(), path_map={str(out): str(elsewhere)}) as eng, \
            pytest.raises(BackendError) as excinfo:
        eng.run(plan, Recorder())
    assert f"the output folder {out}" in str(excinfo.value)
    assert "is not the folder this computer writes to" in str(excinfo.value)
    assert list(elsewhere.iterdir()) == [] and not out.exists()


def test_a_task_the_workers_cannot_load(engine: DaskEngine, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    task_file = tmp_path / "only_here.py"
    task_file.write_text(
        "import os\n"
        "if not os.environ.get('BP_ONLY_HERE'):\n"
        "    raise ImportError('needs a library this machine does not have')\n"
        "def task(item, report):\n"
        "    return None\n")
    monkeypatch.setenv("BP_ONLY_HERE", "1")  # the workers were started without it
    src = make_files(tmp_path / "in", ["a.txt"])
    plan = plan_for(f"{task_file}:task", src, tmp_path / "out")
    with pytest.raises(BackendError) as excinfo:
        engine.run(plan, Recorder())
    message = str(excinfo.value)
    assert message.startswith("The Dask cluster cannot load the task: the worker tcp://127.0.0.1:")
    assert "needs a library this machine does not have" in message
    assert "folder" not in message  # the folders are fine: no advice about them


def test_path_map_reaches_the_same_files_under_another_name(dask_url: str, tmp_path: Path) -> None:
    share = tmp_path / "share"
    src = make_files(share / "in", ["ok-1.txt"])
    mount = tmp_path / "mnt"
    mount.symlink_to(share)  # the workers' mount point of the same folder
    plan = plan_for(FAULTY, src, share / "out")
    recorder = Recorder()
    with connect(dask_url, EngineOptions(), path_map={str(share): str(mount)}) as eng:
        summary = eng.run(plan, recorder)
    assert summary.done == 1
    assert recorder.of(ItemFinished)[0].output == str(share / "out" / "ok-1.txt.out")
    assert (share / "out" / "ok-1.txt.out").read_text() == "SOME TEXT\n"


def test_a_different_batchpilot_version_is_refused(dask_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = workers.__version__
    monkeypatch.setattr(workers, "__version__", "0.0.0-test")
    with pytest.raises(BackendError) as excinfo:
        connect(dask_url, EngineOptions())
    message = str(excinfo.value)
    assert f"runs batchpilot {real}, this computer 0.0.0-test" in message
    assert "the worker tcp://127.0.0.1:" in message
