"""Group commit: outputs are made durable together, and only then reported done.

A crash of the whole computer cannot be staged in a test; what makes it safe is the order of
things, which can be: an output's data and name are synced before the worker sends the end that
says its item is done, the journal records an item as done only from that end, and a run killed
at either side of the sync resumes correctly (what the journal says is done is complete and not
redone; the rest is redone).
"""

from __future__ import annotations

import errno
import multiprocessing as mp
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import still_running
from tests.sample_tasks import FaultyTask
from workers import outputs
from workers.engine import Engine, EngineOptions, wire
from workers.engine.child import IDLE, _Worker
from workers.events import ItemFailed, ItemFinished
from workers.journal import DONE, JOURNAL_NAME, Journal
from workers.outputs import GroupCommit, atomic_output
from workers.session import JobRequest, JobSession
from workers.task import build_options

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def synced(monkeypatch):
    """Every path outputs syncs, in order, as ("data", path) or ("name", folder)."""
    calls: list[tuple[str, Path]] = []

    def sync_one(path: Path) -> None:
        calls.append(("name" if path.is_dir() else "data", Path(path)))

    monkeypatch.setattr(outputs, "_sync_one", sync_one)
    monkeypatch.setattr(outputs, "_group", None)
    return calls


# ------------------------------------------------------------------ outputs


def test_on_its_own_an_output_is_durable_before_atomic_output_returns(tmp_path, synced):
    final = tmp_path / "new" / "deeper" / "out.txt"
    with atomic_output(final) as tmp:
        tmp.write_text("hello")
        partial = tmp
    assert final.read_text() == "hello"
    assert synced[0] == ("data", partial), "the data is synced before the rename"
    names = [path for kind, path in synced[1:] if kind == "name"]
    # The rename and the folders made for it: each name lives in the folder above it.
    assert {final.parent, final.parent.parent, tmp_path} <= set(names)


def test_in_a_group_outputs_wait_for_one_sync_of_them_all(tmp_path, synced):
    owner = [7]
    group = outputs.start_group_commit(lambda: owner[0])
    finals = [tmp_path / f"out-{n}.txt" for n in range(3)] + [tmp_path / "sub" / "out-3.txt"]
    for n, final in enumerate(finals):
        owner[0] = n
        with atomic_output(final) as tmp:
            tmp.write_text(str(n))
    assert synced == [], "nothing is synced while the items run"
    assert all(f.read_text() == str(n) for n, f in enumerate(finals))
    group.sync()
    data = {path for kind, path in synced if kind == "data"}
    names = {path for kind, path in synced if kind == "name"}
    assert set(finals) <= data
    assert {tmp_path, tmp_path / "sub"} <= names
    assert not group.pending() and group.syncs == 1 and not group.unsaved
    synced.clear()
    group.sync()
    assert synced == [], "a sync with nothing new does nothing"


def test_a_failed_sync_removes_the_outputs_and_names_their_items(tmp_path, monkeypatch):
    def failing(path: Path) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(outputs, "_sync_one", failing)
    monkeypatch.setattr(outputs, "_group", None)
    group = outputs.start_group_commit(lambda: 4)
    final = tmp_path / "out.txt"
    with atomic_output(final) as tmp:
        tmp.write_text("x")
    group.sync()
    assert not final.exists(), "an output that may be lost is not left to look complete"
    assert "could not be saved to the disk" in group.unsaved[4]
    assert "Input/output error" in group.unsaved[4]


# ------------------------------------------------------------------ the worker's flush


@pytest.fixture
def worker(tmp_path):
    """A worker as worker_main makes it, its outbox a real pipe; no threads started."""
    inbox_r, inbox_w = mp.Pipe(duplex=False)
    outbox_r, outbox_w = mp.Pipe(duplex=False)
    current = mp.RawArray("q", [IDLE])
    started = mp.RawArray("d", [0.0])
    w = _Worker(0, inbox_r, outbox_w, current, started, current)
    w.group = GroupCommit(lambda: int(w.current[0]))
    yield w, outbox_r
    for conn in (inbox_r, inbox_w, outbox_r, outbox_w):
        conn.close()


def finish_item(w: _Worker, item_id: int, output: Path, result: bool) -> None:
    """What the run loop does for an item that wrote ``output``: the output is added to the
    group while the item runs, then its end is buffered."""
    assert w.group is not None
    w.current[0] = item_id
    output.write_text("done")
    w.group.add(output)
    w.current[0] = IDLE
    w.started_ids.append(item_id)
    if result:
        w.buf.append(wire.finished_record(item_id, 0.01, (str(output), "ok", {})))
    else:
        w.done_ids.append(item_id)
        w.done_elapsed.append(0.01)


def test_a_worker_syncs_before_it_sends_the_ends(worker, tmp_path, monkeypatch):
    w, outbox = worker
    order: list[str] = []
    real_send = wire.send

    def sync(paths, *, data=True):
        order.append("sync " + ",".join(sorted(Path(p).name for p in paths)))

    def send(conn, *messages):
        order.append("send")
        real_send(conn, *messages)

    monkeypatch.setattr(outputs, "sync_paths", sync)
    monkeypatch.setattr(wire, "send", send)
    finish_item(w, 1, tmp_path / "a.txt", result=False)
    finish_item(w, 2, tmp_path / "b.txt", result=True)
    w.flush()
    assert order == ["sync a.txt,b.txt", "send"]
    flat, _ = wire.expand(outbox.recv())
    ends = {r[1] for r in flat if r[0] == wire.FINISHED}
    assert ends == {1, 2}
    # A flush with nothing new written does not sync again (progress, starts...).
    w.started_ids.append(3)
    w.flush()
    assert order == ["sync a.txt,b.txt", "send", "send"]


def test_a_batch_queued_behind_does_not_wait_for_the_sync(worker, tmp_path, monkeypatch):
    w, outbox = worker
    order: list[str] = []
    monkeypatch.setattr(outputs, "sync_paths", lambda paths, *, data=True: order.append("sync"))
    finish_item(w, 1, tmp_path / "a.txt", result=False)
    w.jobs.put((wire.BATCH, 8))  # the next batch is here already
    w.end_batch(7)
    assert not order and not outbox.poll(), "the main thread goes on to batch 8 at once"
    assert w.flush_soon.is_set(), "the flush thread is asked to sync and send"
    w.flush()  # what the flush thread does when asked
    flat, batches_done = wire.expand(outbox.recv())
    assert order == ["sync"] and batches_done == [7]
    assert [r[1] for r in flat if r[0] == wire.FINISHED] == [1]
    # With nothing queued the worker is about to wait anyway: it syncs and sends itself.
    w.jobs.get()
    w.flush_soon.clear()
    finish_item(w, 2, tmp_path / "b.txt", result=False)
    w.end_batch(8)
    assert order == ["sync", "sync"] and outbox.poll() and not w.flush_soon.is_set()


def test_items_whose_outputs_could_not_be_synced_end_as_failed(worker, tmp_path, monkeypatch):
    w, outbox = worker

    def sync(paths, *, data=True):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outputs, "sync_paths", sync)
    finish_item(w, 1, tmp_path / "a.txt", result=False)
    finish_item(w, 2, tmp_path / "b.txt", result=True)
    w.flush()
    flat, _ = wire.expand(outbox.recv())
    events = [wire.decode(r, 0) for r in flat]
    assert not [e for e in events if isinstance(e, ItemFinished)]
    failed = {e.item_id: e.reason for e in events if isinstance(e, ItemFailed)}
    assert set(failed) == {1, 2} and all("disk filled up" in r for r in failed.values())
    assert not (tmp_path / "a.txt").exists() and not (tmp_path / "b.txt").exists()
    assert not w.group.unsaved, "each such item is told once"


# ------------------------------------------------------------------ a whole job


def make_sources(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"ok-{n}.txt").write_text(f"file number {n}\n" * 50)
    return folder


class Quiet:
    def planned(self, plan) -> None:
        pass

    def note(self, text: str) -> None:
        pass

    def events(self, batch) -> None:
        pass


def test_the_journal_records_done_only_what_was_synced(tmp_path, monkeypatch, no_leftover_processes):
    """Observed in order: each time the journal records an item as done, its output has been
    synced already, in the worker (a forked one, so it logs its syncs with the patch below)."""
    log = tmp_path / "synced.log"
    real = outputs.sync_paths

    def logged(paths, *, data=True):
        paths = list(paths)
        real(paths, data=data)
        with open(log, "a", encoding="utf-8") as fh:  # one write per sync, before the ends leave
            fh.write("".join(f"{p}\n" for p in paths))

    monkeypatch.setattr(outputs, "sync_paths", logged)
    checked: list[str] = []
    real_record = Journal.record

    def record(self, events) -> None:
        events = list(events)
        synced = set(log.read_text(encoding="utf-8").splitlines()) if log.exists() else set()
        for event in events:
            if isinstance(event, ItemFinished):
                assert event.output in synced, f"{event.output} recorded done before it was synced"
                checked.append(str(event.output))
        real_record(self, events)

    monkeypatch.setattr(Journal, "record", record)
    src = make_sources(tmp_path / "src", 40)
    task = FaultyTask()
    task.spec = "tests.sample_tasks:FaultyTask"  # type: ignore[attr-defined]
    engine = Engine(EngineOptions(workers=2, batch_size=4), context=mp.get_context("fork"))
    with engine:
        result = JobSession(JobRequest(task, build_options(task), [str(src)], tmp_path / "out"), engine,
                            Quiet()).run()
    assert result.summary.done == 40
    assert len(checked) == 40


CRASH_SCRIPT = '''
import os, signal, sys
from pathlib import Path
from workers import outputs
from workers.engine import Engine, EngineOptions
from workers.events import ItemFinished
from workers.registry import load_task
from workers.session import JobRequest, JobSession
from workers.task import build_options

mode, src, out, log = sys.argv[1:5]
real = outputs.sync_paths
calls = 0


def sync_paths(paths, *, data=True):
    """In the worker (which runs this file's top level again as it starts): the second sync
    never happens, the whole program dies first."""
    global calls
    paths = list(paths)
    calls += 1
    if mode == "before-sync" and calls == 2:
        Path(log).write_text("".join(f"{p}\\n" for p in paths))
        os.kill(os.getppid(), signal.SIGKILL)
        os.kill(os.getpid(), signal.SIGKILL)
    real(paths, data=data)


outputs.sync_paths = sync_paths


class Sink:
    def planned(self, plan):
        pass

    def note(self, text):
        pass

    def events(self, batch):
        # The session records a batch in the journal before its sink hears of it.
        if mode == "after-done" and any(isinstance(e, ItemFinished) for e in batch):
            os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    task = load_task("tests.sample_tasks:FaultyTask")
    engine = Engine(EngineOptions(workers=1, batch_size=3))
    with engine:
        result = JobSession(JobRequest(task, build_options(task), [src], out), engine, Sink()).run()
    print(result.summary.done, result.summary.skipped)
'''


def run_script(tmp_path: Path, mode: str, src: Path, out: Path) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "crash.py"
    script.write_text(CRASH_SCRIPT)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(script), mode, str(src), str(out), str(tmp_path / "unsynced")],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stdout, stderr = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


def journal_states(out: Path) -> dict[str, str]:
    db = sqlite3.connect(out / JOURNAL_NAME)
    try:
        return {os.fsdecode(source): state for source, state in db.execute("SELECT source, state FROM items")}
    finally:
        db.close()


def expected(source: Path) -> str:
    return source.read_text().upper()


def output_of(out: Path, source: Path) -> Path:
    return out / (source.name + ".out")


def rerun(src: Path, out: Path):
    task = FaultyTask()
    task.spec = "tests.sample_tasks:FaultyTask"  # type: ignore[attr-defined]
    with Engine(EngineOptions(workers=1)) as engine:
        return JobSession(JobRequest(task, build_options(task), [str(src)], out), engine, Quiet()).run()


def no_worker_left(before: set[int]) -> None:
    import psutil

    left = [p for p in psutil.process_iter(["cmdline"]) if "crash.py" in " ".join(p.info["cmdline"] or [])
            and p.pid not in before]
    alive = still_running(left, timeout=3)
    for p in alive:
        p.kill()
    assert not alive, "the crashed run left processes behind"


def test_killed_after_the_journal_says_done_those_outputs_are_complete_and_kept(tmp_path):
    src = make_sources(tmp_path / "src", 12)
    out = tmp_path / "out"
    crashed = run_script(tmp_path, "after-done", src, out)
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr
    no_worker_left(set())
    states = journal_states(out)
    done = sorted(s for s, state in states.items() if state == DONE)
    assert done, "the run was killed once the journal had recorded items as done"
    stamps = {}
    for source in map(Path, done):
        output = output_of(out, source)
        assert output.read_text() == expected(source), "an item the journal says is done is complete"
        stamps[output] = output.stat().st_mtime_ns
    result = rerun(src, out)
    assert result.resumed is not None and result.resumed.done_before == len(done)
    assert result.summary.done == 12 - len(done), "only the rest is redone"
    for output, stamp in stamps.items():
        assert output.stat().st_mtime_ns == stamp, f"{output.name} was done and redone"
    for source in src.iterdir():
        assert output_of(out, source).read_text() == expected(source)
    assert not [p for p in out.iterdir() if outputs.is_partial_name(p.name)]


def test_killed_before_the_sync_those_items_are_redone(tmp_path):
    src = make_sources(tmp_path / "src", 12)
    out = tmp_path / "out"
    crashed = run_script(tmp_path, "before-sync", src, out)
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr
    no_worker_left(set())
    unsynced = {Path(p) for p in (tmp_path / "unsynced").read_text().splitlines()}
    assert unsynced, "the second sync had outputs to make durable"
    states = journal_states(out)
    by_output = {output_of(out, Path(s)): state for s, state in states.items()}
    for output in unsynced:
        # Renamed into place, but on a real crash possibly empty or garbage: never recorded done.
        assert by_output[output] != DONE, f"{output.name} was recorded done before its sync"
    done = {s for s, state in states.items() if state == DONE}
    result = rerun(src, out)
    assert result.resumed is not None and result.resumed.done_before == len(done)
    assert result.summary.done == 12 - len(done), "exactly the items not recorded done are redone"
    assert result.summary.done >= len(unsynced)
    for source in src.iterdir():
        assert output_of(out, source).read_text() == expected(source)
    assert not [p for p in out.iterdir() if outputs.is_partial_name(p.name)]
