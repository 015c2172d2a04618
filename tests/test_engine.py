"""The engine with real spawned workers: faults, limits, control, exactly-once events."""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psutil

from tests.conftest import still_running, tree_hash, wait_until, worker_processes
from workers.engine import Engine, EngineOptions, cut_batch, run_plan
from workers.engine.batching import Pending
from workers.events import (
    TERMINAL,
    BatchFinished,
    ItemCancelled,
    ItemFailed,
    ItemFinished,
    ItemStarted,
    WorkerLost,
)
from workers.plan import make_plan
from workers.registry import load_task
from workers.task import WorkItem, build_options

FAULTY = "tests.sample_tasks:FaultyTask"


def faulty_plan(folder: Path, **opts):
    task = load_task(FAULTY)
    return make_plan(task, build_options(task, opts), [folder])


class Recorder:
    """Collects events and lets a test wait for one without sleeping."""

    def __init__(self) -> None:
        self.events: list = []
        self.cond = threading.Condition()

    def __call__(self, batch) -> None:
        with self.cond:
            self.events.extend(batch)
            self.cond.notify_all()

    def wait_for(self, predicate, timeout: float = 30) -> None:
        with self.cond:
            assert self.cond.wait_for(lambda: predicate(self.events), timeout), "event never came"

    def terminal_counts(self) -> Counter:
        return Counter(e.item_id for e in self.events if isinstance(e, TERMINAL))

    def of(self, kind) -> list:
        return [e for e in self.events if isinstance(e, kind)]


def test_a_crashing_or_failing_file_fails_alone(make_files, no_leftover_processes):
    files = {f"ok-{i}.txt": f"text {i}" for i in range(12)}
    files |= {"kill-a.txt": "x", "segv-a.txt": "x", "exit-a.txt": "x", "boom-a.txt": "x",
              "bad-a.txt": "x", "skip-a.txt": "x", "halfway-a.txt": "half of this"}
    src = make_files(files)
    before = tree_hash(src)
    plan = faulty_plan(src)
    rec = Recorder()
    summary = run_plan(plan, rec, EngineOptions(workers=2))

    reasons = {Path(w.source).name: r for w, r in summary.failures}
    assert reasons == {
        "kill-a.txt": "worker crashed (signal 9, SIGKILL)",
        "segv-a.txt": "worker crashed (signal 11, SIGSEGV)",
        "exit-a.txt": "worker exited unexpectedly (exit code 7)",
        "boom-a.txt": "ValueError: boom in the task",
        "bad-a.txt": "this file is not what it claims to be",
        "halfway-a.txt": "stopped halfway on purpose",
    }
    assert (summary.done, summary.skipped) == (12, 1)
    assert set(rec.terminal_counts().values()) == {1} and len(rec.terminal_counts()) == 19
    assert len(rec.of(WorkerLost)) == 3
    boom = next(e for e in rec.of(ItemFailed) if e.reason.startswith("ValueError"))
    assert "Traceback" in boom.detail and "boom in the task" in boom.detail
    out = plan.out_dir
    assert sorted(p.name for p in out.iterdir()) == sorted(f"ok-{i}.txt.out" for i in range(12))
    assert (out / "ok-3.txt.out").read_text() == "TEXT 3"
    assert tree_hash(src) == before


def test_timeout_kills_the_worker_and_fails_only_that_item(make_files, no_leftover_processes):
    src = make_files({"hang-1.txt": "x", **{f"ok-{i}.txt": "y" for i in range(6)}})
    summary = run_plan(faulty_plan(src), None, EngineOptions(workers=2, timeout=1))
    assert [(Path(w.source).name, r) for w, r in summary.failures] == [("hang-1.txt", "timed out after 1 s")]
    assert summary.done == 6


def test_memory_cap_fails_the_item_with_a_memory_reason(make_files, no_leftover_processes):
    src = make_files({"hog-1.txt": "x", "ok-1.txt": "y"})
    summary = run_plan(faulty_plan(src), None, EngineOptions(workers=2, max_memory_mb=250))
    assert summary.done == 1
    [(item, reason)] = summary.failures
    assert Path(item.source).name == "hog-1.txt"
    assert "memory" in reason and "250 MB limit" in reason


def test_cancel_gracefully_lets_running_items_finish(make_files, no_leftover_processes):
    src = make_files({f"s{i:02}.txt": "0.3" for i in range(12)})
    task = load_task("tests.sample_tasks:sleepy")
    plan = make_plan(task, build_options(task), [src])
    rec = Recorder()
    with Engine(EngineOptions(workers=2)) as engine:
        result: dict[str, Any] = {}
        runner = threading.Thread(target=lambda: result.setdefault("s", engine.run(plan, rec)))
        runner.start()
        rec.wait_for(lambda evs: sum(isinstance(e, ItemStarted) for e in evs) >= 2)
        engine.cancel()
        runner.join(30)
        summary = result["s"]
    started = {e.item_id for e in rec.of(ItemStarted)}
    finished = {e.item_id for e in rec.of(ItemFinished)}
    assert started == finished, "every item that started ran to the end"
    assert summary.cancelled_by_user and summary.cancelled == 12 - len(finished) > 0
    assert set(rec.terminal_counts().values()) == {1} and len(rec.terminal_counts()) == 12


def test_cancel_now_leaves_no_process_within_half_a_second(make_files, no_leftover_processes):
    src = make_files({"spawner-1.txt": "a", "spawner-2.txt": "b"})
    plan = faulty_plan(src)
    rec = Recorder()
    with Engine(EngineOptions(workers=2)) as engine:
        done = threading.Event()
        def run_then_say_so() -> None:
            engine.run(plan, rec)
            done.set()

        runner = threading.Thread(target=run_then_say_so)
        runner.start()
        pid_files = [Path(w.output + ".pid") for w in plan.items if "spawner" in w.source]
        wait_until(lambda: all(p.exists() and p.read_text() for p in pid_files), what="grandchildren")
        doomed = worker_processes()
        assert len(doomed) >= 4  # two workers, each with an encoder-like grandchild
        engine.cancel(now=True)
        alive = still_running(doomed, timeout=0.5)
        assert not alive, f"still running 0.5 s after cancel-now: {alive}"
        assert done.wait(5)
        runner.join()
    assert {type(e) for e in rec.events if isinstance(e, TERMINAL)} == {ItemCancelled}
    assert isinstance(rec.events[-1], BatchFinished)
    assert not any(p.name.startswith(".") for p in plan.out_dir.rglob("*") if "bp-part" in p.name)


def test_an_idle_worker_takes_over_the_files_queued_behind_a_long_one(make_files, no_leftover_processes):
    # The long file is the biggest, so it heads the first batch; 39 quick ones queue behind it.
    src = make_files({"hang-0.txt": "x" * 100, **{f"ok-{i:02}.txt": "x" for i in range(1, 60)}})
    rec = Recorder()
    t0 = time.monotonic()
    summary = run_plan(faulty_plan(src, hang_seconds=3.0), rec, EngineOptions(workers=2, batch_size=40))
    elapsed = time.monotonic() - t0
    assert summary.done == 60
    counts = rec.terminal_counts()
    assert len(counts) == 60 and set(counts.values()) == {1}
    assert rec.of(ItemFinished)[-1].item_id == 0, "every quick file ended before the long one"
    worker_of = {e.item_id: e.worker for e in rec.of(ItemStarted)}
    assert {w for i, w in worker_of.items() if i != 0} == {1 - worker_of[0]}  # all on the other worker
    assert elapsed < 3.0 + 2.0


def test_taking_files_back_amid_crashes_still_ends_each_exactly_once(tmp_path, no_leftover_processes):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(200):
        kind = "hang" if i % 50 == 3 else "kill" if i % 100 == 11 else "ok"
        (src / f"{kind}-{i:03}.txt").write_text("x" * (i % 7))
    rec = Recorder()
    summary = run_plan(faulty_plan(src, hang_seconds=0.8), rec, EngineOptions(workers=2, batch_size=30))
    assert summary.failed == 2 and summary.done == 198
    counts = rec.terminal_counts()
    assert len(counts) == 200 and set(counts.values()) == {1}
    assert len(rec.of(ItemStarted)) == 200  # a file given back had not started: it starts once


def test_ten_thousand_items_each_end_exactly_once(tmp_path, no_leftover_processes):
    task = load_task("tests.sample_tasks:tiny")
    from workers.plan import OutputPolicy, Plan

    plan = Plan(task, build_options(task), tmp_path, OutputPolicy.SKIP,
                items=[WorkItem(i, f"item-{i}", f"item-{i}", 0, "") for i in range(10_000)])
    rec = Recorder()
    summary = run_plan(plan, rec, EngineOptions(workers=2))
    counts = rec.terminal_counts()
    assert summary.done == 10_000 and len(counts) == 10_000 and set(counts.values()) == {1}
    assert len(rec.of(ItemStarted)) == 10_000


def test_crashes_amid_many_items_still_end_each_exactly_once(tmp_path, no_leftover_processes):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(300):
        (src / (f"kill-{i}.txt" if i % 100 == 7 else f"ok-{i}.txt")).write_text("x")
    plan = faulty_plan(src)
    rec = Recorder()
    summary = run_plan(plan, rec, EngineOptions(workers=2))
    assert summary.failed == 3 and summary.done == 297
    counts = rec.terminal_counts()
    assert len(counts) == 300 and set(counts.values()) == {1}


def test_batches_group_small_items_and_isolate_big_ones():
    opts = EngineOptions(big_item_bytes=1000, batch_bytes=5000, max_batch=50)
    items = Pending([WorkItem(0, "big", "big", 5000, "")] + [WorkItem(i, "s", "s", 10, "") for i in range(1, 401)])
    first = cut_batch(items, 2, opts)
    assert [w.id for w in first] == [0], "a big item goes alone"
    second = cut_batch(items, 2, opts)
    assert len(second) == 50, "small items share a batch, up to the cap"
    while len(items) > 10:
        cut_batch(items, 2, opts)
    assert len(cut_batch(items, 2, opts)) == 3, "batches shrink as the work drains"
    heavy = Pending(WorkItem(i, "m", "m", 900, "") for i in range(20))
    assert len(cut_batch(heavy, 1, opts)) == 5, "a batch stops at its byte budget"


def test_batches_take_a_share_of_the_bytes_left_as_well_as_of_the_items():
    opts = EngineOptions(big_item_bytes=1 << 20, batch_bytes=1 << 20)
    # A folder of PDFs: four long reports, biggest, handed out first, and many short letters.
    items = Pending([WorkItem(i, "report", "report", 1000, "") for i in range(4)]
                    + [WorkItem(i, "letter", "letter", 10, "") for i in range(4, 100)])
    first = cut_batch(items, 2, opts)
    assert [w.size for w in first] == [1000, 1000], \
        "a quarter of the items would be every report: the batch stops past a quarter of the bytes"
    second = cut_batch(items, 2, opts)
    assert [w.size for w in second] == [1000], "a report alone is more than a quarter of what is left"
    assert items.bytes == sum(w.size for w in items), "the bytes left follow what is handed out"
    items.push_front(second)
    assert items.bytes == sum(w.size for w in items)
    same = Pending(WorkItem(i, "s", "s", 0, "") for i in range(100))
    assert len(cut_batch(same, 2, opts)) == 25, "items of no size: by count alone, as before"


def test_an_idle_worker_takes_over_short_items_queued_behind_another(make_files, no_leftover_processes):
    # Every file the same size, so the first batch (a quarter of them) holds all the slow ones;
    # each takes 80 ms, far less than a stuck item (TAKE_BACK_AFTER), and still the other
    # worker, done with the quick ones, must not sit idle while half a second of work waits.
    files = {f"a-{i:02}.txt": "0.080" for i in range(8)} | {f"b-{i:02}.txt": "0.000" for i in range(40)}
    src = make_files(files)
    task = load_task("tests.sample_tasks:sleepy")
    plan = make_plan(task, build_options(task), [src])
    rec = Recorder()
    summary = run_plan(plan, rec, EngineOptions(workers=2))
    assert summary.done == 48
    names = {w.id: Path(w.source).name for w in plan.items}
    ran_by = {names[e.item_id]: e.worker for e in rec.of(ItemStarted)}
    slow = Counter(ran_by[name] for name in names.values() if name.startswith("a-"))
    assert len(slow) == 2 and min(slow.values()) >= 1, f"the slow files ran on one worker: {slow}"


def test_pool_is_reused_across_jobs(make_files, no_leftover_processes):
    src = make_files({f"ok-{i}.txt": "z" for i in range(5)})
    with Engine(EngineOptions(workers=2)) as engine:
        engine.start()
        pids = engine.worker_pids()
        first = engine.run(faulty_plan(src))
        second = engine.run(faulty_plan(src, hang_seconds=1))
        assert engine.worker_pids() == pids
    assert first.done == 5
    assert second.skipped == 5, "outputs of the first run exist: skipped by the exists policy"


def test_parent_killed_takes_its_workers_along(tmp_path):
    import subprocess
    import sys

    script = tmp_path / "parent.py"
    script.write_text(
        "import sys, time\n"
        "from pathlib import Path\n"
        "from workers.engine import Engine, EngineOptions\n"
        "from workers.plan import make_plan\n"
        "from workers.registry import load_task\n"
        "from workers.task import build_options\n"
        "if __name__ == '__main__':\n"
        "    src = Path(sys.argv[1])\n"
        "    t = load_task('tests.sample_tasks:FaultyTask')\n"
        "    plan = make_plan(t, build_options(t), [src])\n"
        "    e = Engine(EngineOptions(workers=2))\n"
        "    e.run(plan, lambda b: print('events', flush=True))\n"
    )
    src = tmp_path / "src"
    src.mkdir()
    for i in range(2):
        (src / f"spawner-{i}.txt").write_text("x")
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.Popen([sys.executable, str(script), str(src)], cwd=root, env=env, stdout=subprocess.DEVNULL)
    parent = psutil.Process(proc.pid)
    out = src.parent / "src-faulty"
    pid_files = [out / f"spawner-{i}.txt.out.pid" for i in range(2)]
    wait_until(lambda: all(p.exists() and p.read_text() for p in pid_files), what="grandchildren")
    family = [p for p in parent.children(recursive=True) if "resource_tracker" not in " ".join(p.cmdline())]
    assert len(family) >= 4
    proc.kill()
    proc.wait()
    alive = still_running(family, timeout=3)
    for p in alive:
        p.kill()
    assert not alive, "workers outlived their parent"


def test_a_long_silent_item_shows_as_started_while_it_runs(make_files, no_leftover_processes):
    # A quick item first, so the long one starts right after a flush, in the same batch.
    src = make_files({"ok-1.txt": "bigger", "hang-2.txt": "x"})
    plan = faulty_plan(src, hang_seconds=1.5)
    hang_id = next(w.id for w in plan.items if "hang" in w.source)
    arrivals: dict[type, float] = {}

    def on_events(batch) -> None:
        for e in batch:
            if getattr(e, "item_id", None) == hang_id:
                arrivals.setdefault(type(e), time.monotonic())

    summary = run_plan(plan, on_events, EngineOptions(workers=1))
    assert summary.done == 2
    assert arrivals[ItemFinished] - arrivals[ItemStarted] > 1.0, "the start was only reported with the end"


def test_threads_follow_the_workers_busy_right_now(tmp_path, no_leftover_processes):
    from workers.plan import OutputPolicy, Plan

    task = load_task("tests.sample_tasks:thread_share")
    items = [WorkItem(0, "alone", "alone", 0, "")]
    plan = Plan(task, build_options(task), tmp_path, OutputPolicy.SKIP, items=items)
    rec = Recorder()
    run_plan(plan, rec, EngineOptions(workers=2))
    [finished] = rec.of(ItemFinished)
    assert finished.message == str(os.cpu_count()), "a file running alone may use every core"


WARMED_TASK = '''
import os
from pathlib import Path
from workers.task import ItemResult, Task


class Warmed(Task):
    name = "warmed"

    def warm_up(self):
        Path(os.environ["WARM_MARKS"], f"{os.getpid()}-{id(self)}").write_text("")

    def run(self, item, options, report):
        Path(item.output).parent.mkdir(parents=True, exist_ok=True)
        Path(item.output).write_text(f"{os.getpid()}-{id(self)}")
        return ItemResult(item.output)


task = Warmed()
'''


def test_workers_started_with_a_task_load_it_before_the_first_job(tmp_path, monkeypatch, no_leftover_processes):
    marks = tmp_path / "marks"
    marks.mkdir()
    monkeypatch.setenv("WARM_MARKS", str(marks))  # spawned workers inherit it
    module = tmp_path / "warmed.py"
    module.write_text(WARMED_TASK)
    task = load_task(f"{module}:task")
    src = tmp_path / "src"
    src.mkdir()
    for i in range(4):
        (src / f"f{i}.txt").write_text("x")
    with Engine(EngineOptions(workers=2)) as engine:
        engine.start(task=task)
        wait_until(lambda: len(list(marks.iterdir())) == 2, what="both workers warmed up")
        summary = engine.run(make_plan(task, build_options(task), [src], tmp_path / "out"))
    assert summary.done == 4
    warmed = {p.name for p in marks.iterdir()}
    ran_by = {p.read_text() for p in (tmp_path / "out").iterdir()}
    assert ran_by <= warmed, "the first job runs on the task instance each worker loaded ahead"
