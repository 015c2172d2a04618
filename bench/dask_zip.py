"""The Dask backend's overhead: one zip batch of small files, local engine vs a loopback Dask cluster.

    python bench/dask_zip.py [--files 2000] [--rounds 3] [--quick]

Both sides get two workers on this machine and are warmed up first (processes started, task
loaded). Rounds alternate local and Dask, each writing a fresh output folder, and the result
is the median Dask/local wall-time ratio: 1.00x means no overhead. The cluster's scheduler
runs inside this process, as LocalCluster's does, so it competes with the workers for the
same cores, which a real cluster's scheduler would not.

Needs the dask extra (pip install 'batchpilot[dask]'); without it the benchmark says so and
exits. If the zip task cannot be loaded, a copy task from the test helpers stands in and the
output says so.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workers.engine import Engine, EngineOptions
from workers.plan import make_plan
from workers.registry import TaskNotFound, load_task
from workers.task import Task, build_options

WORDS = ("batch", "pilot", "worker", "archive", "folder", "report", "signal", "queue", "chunk", "cluster")


def make_files(folder: Path, count: int) -> int:
    """``count`` small text files (1-8 KB, compressible like real documents) in a few sub-folders."""
    rng = random.Random(2000)
    total = 0
    for i in range(count):
        sub = folder / f"part-{i % 10}"
        sub.mkdir(parents=True, exist_ok=True)
        words = [rng.choice(WORDS) for _ in range(rng.randint(150, 1200))]
        data = (" ".join(words) + "\n").encode()
        (sub / f"ok-{i:05}.txt").write_bytes(data)
        total += len(data)
    return total


def choose_task() -> tuple[Task, dict[str, Any], str]:
    try:
        return load_task("zip"), {"mode": "per-file", "format": "zip"}, "zip, one .zip per file"
    except TaskNotFound:
        task = load_task("tests.sample_tasks:FaultyTask")
        return task, {}, "copy task from tests/sample_tasks.py (the zip task could not be loaded)"


def timed_run(engine: Any, task: Task, values: dict[str, Any], src: Path, out: Path, count: int) -> float:
    plan = make_plan(task, build_options(task, values), [src], out)
    t0 = time.perf_counter()
    summary = engine.run(plan)
    wall = time.perf_counter() - t0
    if summary.done != count:
        reasons = "; ".join(f"{item.rel}: {why}" for item, why in summary.failures[:3])
        raise SystemExit(f"only {summary.done} of {count} files were done ({reasons})")
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="500 files, one round (for a smoke test)")
    args = parser.parse_args()
    if args.quick:
        args.files, args.rounds = 500, 1
    try:
        from distributed import LocalCluster
    except ImportError:
        print("dask is not installed, nothing to compare: pip install 'batchpilot[dask]'")
        return
    from workers.dask_backend import connect

    task, values, what = choose_task()
    with tempfile.TemporaryDirectory(prefix="bp-dask-bench-") as tmp:
        root = Path(tmp)
        src = root / "in"
        size = make_files(src, args.files)
        print(f"{args.files} files, {size / 2**20:.1f} MB, task: {what}; 2 workers each side")
        with Engine(EngineOptions(workers=2)) as local, \
                LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=":0") as cluster:
            url = "dask://127.0.0.1:" + cluster.scheduler_address.rsplit(":", 1)[1]
            with connect(url, EngineOptions()) as remote:
                local.start()
                remote.start()
                part = src / "part-0"  # a tenth of the files: loads the task and fills the caches
                for name, engine in (("local", local), ("dask", remote)):
                    timed_run(engine, task, values, part, root / f"warm-{name}", len(list(part.iterdir())))
                walls: dict[str, list[float]] = {"local": [], "dask": []}
                for r in range(args.rounds):
                    for name, engine in (("local", local), ("dask", remote)):
                        wall = timed_run(engine, task, values, src, root / f"out-{name}-{r}", args.files)
                        walls[name].append(wall)
                    ratio = walls["dask"][-1] / walls["local"][-1]
                    print(f"  round {r + 1}: local {walls['local'][-1]:.2f} s, dask {walls['dask'][-1]:.2f} s, "
                          f"ratio {ratio:.2f}x")
        local_med = statistics.median(walls["local"])
        dask_med = statistics.median(walls["dask"])
        ratios = [d / lo for d, lo in zip(walls["dask"], walls["local"], strict=True)]
        print(f"median over {args.rounds} rounds: local {local_med:.2f} s, dask {dask_med:.2f} s")
        print(f"Dask overhead: {statistics.median(ratios):.2f}x the local engine's wall time "
              f"(per round: {', '.join(f'{x:.2f}x' for x in ratios)})")
        print(f"throughput: local {args.files / local_med:.0f} files/s, dask {args.files / dask_med:.0f} files/s")


if __name__ == "__main__":
    main()
