"""Engine benchmarks: each result is a ratio against a baseline measured in the same run.

    python bench/engine.py [--quick] [--only seed|tiny|scaling|cancel]

1. The seed workload: 20 items sleeping a seeded U(0,1) time on 20 workers, vs max(sleep) and the sum.
2. 5,000 and 50,000 tiny CPU items (~20 us): engine vs a bare ProcessPoolExecutor at its best
   chunksize, warm pools, interleaved rounds, medians.
3. CPU-bound items on 1 vs 2 workers.
4. Cancel-now: time until no worker or grandchild process is left.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import add_summary_option, write_headline
from tests.sample_tasks import tiny
from workers.engine import Engine, EngineOptions
from workers.events import ItemStarted
from workers.plan import OutputPolicy, Plan, make_plan
from workers.registry import load_task
from workers.task import WorkItem, build_options


def synthetic_plan(spec: str, n: int, out: Path) -> Plan:
    task = load_task(spec)
    items = [WorkItem(i, f"item-{i}", f"item-{i}", 0, "") for i in range(n)]
    return Plan(task, build_options(task), out, OutputPolicy.SKIP, items=items)


def tiny_for_pool(i: int) -> None:
    tiny(None, None)  # type: ignore[arg-type]


def warm(engine: Engine, out: Path) -> None:
    engine.run(synthetic_plan("tests.sample_tasks:tiny", engine.worker_count * 4, out))


def bench_seed(out: Path) -> None:
    rng = random.Random(2024)
    sleeps = [rng.uniform(0, 1) for _ in range(20)]
    src = out / "seed"
    src.mkdir()
    for i, s in enumerate(sleeps):
        (src / f"item-{i:02}.txt").write_text(f"{s:.6f}")
    task = load_task("tests.sample_tasks:sleepy")
    plan = make_plan(task, build_options(task), [src], out / "seed-out")
    with Engine(EngineOptions(workers=20)) as engine:
        warm(engine, out)
        t0 = time.perf_counter()
        summary = engine.run(plan)
        wall = time.perf_counter() - t0
    assert summary.done == 20
    print("1. seed workload, 20 sleeping items on 20 workers (warm pool)")
    print(f"   wall {wall:.3f} s = max(sleep) {max(sleeps):.3f} s + {wall - max(sleeps):.3f} s "
          f"(target: + 0.3 s at most); {sum(sleeps) / wall:.1f}x faster than running them one by one")


def bench_tiny(out: Path, sizes: list[int], rounds: int, headlines: Path | None = None) -> None:
    print(f"2. tiny CPU items (~20 us), 2 workers, warm pools, median of {rounds} interleaved rounds")
    with Engine(EngineOptions(workers=2)) as engine, ProcessPoolExecutor(2) as pool:
        warm(engine, out)
        list(pool.map(tiny_for_pool, range(2000), chunksize=100))
        for n in sizes:
            plan = synthetic_plan("tests.sample_tasks:tiny", n, out)
            # The pool's best chunksize for this n, chosen up front (in its favour).
            best_chunk, best_time = 1, float("inf")
            for chunk in (max(1, n // 64), max(1, n // 16), max(1, n // 8), max(1, n // 4)):
                t0 = time.perf_counter()
                list(pool.map(tiny_for_pool, range(n), chunksize=chunk))
                took = time.perf_counter() - t0
                if took < best_time:
                    best_chunk, best_time = chunk, took
            ours, theirs = [], []
            events = [0]

            def count(batch, events=events) -> None:
                events[0] += len(batch)

            for _ in range(rounds):
                t0 = time.perf_counter()
                list(pool.map(tiny_for_pool, range(n), chunksize=best_chunk))
                theirs.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                summary = engine.run(plan, count)
                ours.append(time.perf_counter() - t0)
                assert summary.done == n
            ratio = statistics.median(theirs) / statistics.median(ours)
            print(f"   {n:>6,} items: engine {statistics.median(ours) * 1e3:7.1f} ms, "
                  f"ProcessPoolExecutor(chunksize={best_chunk}) {statistics.median(theirs) * 1e3:7.1f} ms "
                  f"-> {ratio:.3f}x (target >= 0.95x); {events[0] // rounds:,} events delivered per run")
            write_headline(headlines, f"engine: {n:,} tiny items (~20 us), 2 workers, warm pools",
                           f"ProcessPoolExecutor(2).map(fn, items, chunksize={best_chunk})",
                           statistics.median(ours), statistics.median(theirs), None, 0.95)


def bench_scaling(out: Path, n: int) -> None:
    plan = synthetic_plan("tests.sample_tasks:spin", n, out)
    times = {}
    for workers in (1, 2):
        with Engine(EngineOptions(workers=workers)) as engine:
            warm(engine, out)
            t0 = time.perf_counter()
            engine.run(plan)
            times[workers] = time.perf_counter() - t0
    print(f"3. {n} CPU-bound items of 50 ms: 1 worker {times[1]:.2f} s, 2 workers {times[2]:.2f} s "
          f"-> {times[1] / times[2]:.2f}x (target >= 1.8x)")


def bench_cancel(out: Path, repeats: int) -> None:
    src = out / "cancel"
    src.mkdir()
    for i in range(2):
        (src / f"spawner-{i}.txt").write_text("x")
    task = load_task("tests.sample_tasks:FaultyTask")
    latencies = []
    me = psutil.Process()
    for r in range(repeats):
        plan = make_plan(task, build_options(task), [src], out / f"cancel-out-{r}")
        engine = Engine(EngineOptions(workers=2))
        started = threading.Event()

        def on_events(batch, started=started) -> None:
            if sum(isinstance(e, ItemStarted) for e in batch):
                started.set()

        runner = threading.Thread(target=engine.run, args=(plan, on_events))
        runner.start()
        pid_files = [Path(w.output + ".pid") for w in plan.items]
        while not all(p.exists() and p.read_text() for p in pid_files):
            started.wait(0.01)
        family = [p for p in me.children(recursive=True) if "resource_tracker" not in " ".join(p.cmdline())]
        t0 = time.perf_counter()
        engine.cancel(now=True)
        while any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in family):
            time.sleep(0.001)
        latencies.append(time.perf_counter() - t0)
        runner.join()
        engine.close()
    print(f"4. cancel now with 2 workers and 2 grandchildren: median {statistics.median(latencies) * 1e3:.1f} ms, "
          f"worst {max(latencies) * 1e3:.1f} ms until no process is left (target < 500 ms)")


PARTS = ("seed", "tiny", "scaling", "cancel")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer rounds and items (a smoke run)")
    parser.add_argument("--only", choices=PARTS, action="append",
                        help="run only this part (may be given more than once); default: every part")
    add_summary_option(parser)
    args = parser.parse_args()
    parts = args.only or PARTS
    print(f"batchpilot engine benchmark: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        if "seed" in parts:
            bench_seed(out)
        if "tiny" in parts:
            bench_tiny(out, [5_000] if args.quick else [5_000, 50_000], 3 if args.quick else 15, args.summary)
        if "scaling" in parts:
            bench_scaling(out, 20 if args.quick else 60)
        if "cancel" in parts:
            bench_cancel(out, 2 if args.quick else 5)


if __name__ == "__main__":
    main()
