"""Benchmark: one long video whose segments are shared out among workers, on one computer and on
a loopback Dask cluster, against the same video on one worker.

    .venv/bin/python bench/encode_cluster.py              # 120 s at 480x270, 3 rounds
    .venv/bin/python bench/encode_cluster.py --quick      # 90 s at 480x270, 1 round

A long video left alone at the end of a batch is encoded in segments of about 30 s; every idle
worker takes segments from the end while the video's own worker goes from the start, and the
parts are joined without re-encoding. Each worker here encodes with one thread (``threads=1``),
so one worker stands for one machine's worth of encoder, and two for two machines: the ratio
is what a second machine gives. Timed in the same run, rounds alternating:
  - local, 1 worker: the engine on this computer, the video on one worker (the baseline);
  - local, 2 workers: the same, the second worker helping;
  - Dask, 1 worker / 2 workers: a LocalCluster on the loopback address with that many workers
    of one thread each, the engine connected to it as ``--dask`` does.
Then it times the stages of one segmented encode in this process (the keyframe scan, the
segments, the join and its check), and from those and the two-worker Dask time what N machines
would give a 2-hour film of the same kind. The machine has 2 cores and the scheduler
and client share them with the workers, so the two-worker figures are a floor, not a ceiling.

Needs the dask extra (pip install 'batchpilot[dask]') for the cluster rows; without it they are
skipped and said so.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.media import make_long_clip
from workers.engine import EngineOptions, run_plan
from workers.events import Event, ItemFinished
from workers.plan import make_plan
from workers.task import build_options
from workers.tasks.encode import EncodeTask

SEGMENT_SECONDS = 30.0  # the encode task's segment length


def encode_options(task: EncodeTask, resume_after: int) -> Any:
    return build_options(task, {"resume_after": resume_after, "speed": "medium", "threads": 1}, preset="mp4-h264")


def finished_message(events: list[Event]) -> str:
    done = [e for e in events if isinstance(e, ItemFinished)]
    if len(done) != 1:
        sys.exit(f"the encode did not finish: {events[-3:]}")
    return done[0].message


def local_run(workers: int) -> Callable[[Path, Path, Any], str]:
    def run(src: Path, out: Path, options: Any) -> str:
        events: list[Event] = []
        run_plan(make_plan(EncodeTask(), options, [src], out), events.extend, EngineOptions(workers=workers))
        return finished_message(events)

    return run


def dask_run(engine: Any) -> Callable[[Path, Path, Any], str]:
    def run(src: Path, out: Path, options: Any) -> str:
        events: list[Event] = []
        engine.run(make_plan(EncodeTask(), options, [src], out), events.extend)
        return finished_message(events)

    return run


def stages(clip: Path, options: Any, work: Path) -> tuple[float, float, float]:
    """One segmented encode in this process on one thread, timed by its progress messages: the
    part before the segments (the keyframe scan), the segments, and the part after (waiting for
    the sound, the join, the check)."""
    from workers.tasks.encode import Format, av_settings
    from workers.tasks.media_av import output_kept, transcode

    s = dataclasses.replace(av_settings(options, 1, Format.MP4_H264), segment_after=1.0,
                            segment_dir=str(work / ".stages.bp-segments"))
    seen: dict[str, float] = {}
    t0 = time.perf_counter()

    def report(fraction: float, message: str = "") -> None:
        now = time.perf_counter() - t0
        stage = "parts" if "(part " in message else "before" if "parts" not in seen else "after"
        seen.setdefault(stage, now)

    result = transcode(str(clip), work / "stages.mp4", s, report)
    end = time.perf_counter() - t0
    output_kept(result)
    parts_at = seen.get("parts", 0.0)
    after_at = seen.get("after", end)
    return parts_at, after_at - parts_at, end - after_at


def film_time(delay: float, serial_per_second: float, seg: float, machines: int) -> float:
    """A 2-hour film's encode on ``machines`` of one core each: what does not grow with the length
    (``delay``: the run's start and end, the helpers' start), the scan, join and check (which grow
    with it), then the segments in rounds."""
    parts = int(7200 // SEGMENT_SECONDS)
    return delay + 7200 * serial_per_second + math.ceil(parts / machines) * seg


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="90 s at 480x270, 1 round")
    parser.add_argument("--seconds", type=int, default=0, help="the clip's length (default 120, quick 90)")
    parser.add_argument("--size", help="the clip's size as WxH (default 480x270)")
    parser.add_argument("--rounds", type=int, default=0, help="interleaved rounds (default 3, quick 1)")
    args = parser.parse_args()
    seconds = args.seconds or (90 if args.quick else 120)
    width, height = (int(n) for n in (args.size or "480x270").split("x"))
    rounds = args.rounds or (1 if args.quick else 3)
    parts = int(seconds // SEGMENT_SECONDS) + (1 if seconds % SEGMENT_SECONDS else 0)

    work = Path(tempfile.mkdtemp(prefix="bp-bench-encode-cluster-"))
    src = work / "src"
    src.mkdir()
    t0 = time.perf_counter()
    make_long_clip(src / "film.mp4", float(seconds), size=(width, height), noise=6, preset="veryfast")
    print(f"one clip of {seconds} s at {width}x{height}p25, H.264 + AAC, made in {time.perf_counter() - t0:.1f} s; "
          f"about {parts} segments of {SEGMENT_SECONDS:.0f} s; H.264 CRF 23 medium, one thread per worker; "
          f"{rounds} round(s)")
    task = EncodeTask()
    options = encode_options(task, resume_after=min(60, seconds // 2))

    contenders: dict[str, Callable[[Path, Path, Any], str]] = {
        "local, 1 worker": local_run(1), "local, 2 workers": local_run(2)}
    clusters: list[Any] = []
    engines: list[Any] = []
    try:
        try:
            from distributed import LocalCluster

            from workers.dask_backend import connect
        except ImportError:
            print("the dask extra is not installed: the cluster rows are skipped")
        else:
            for n in (1, 2):
                cluster = LocalCluster(n_workers=n, threads_per_worker=1, host="127.0.0.1", dashboard_address=":0")
                clusters.append(cluster)
                engine = connect("dask://127.0.0.1:" + cluster.scheduler_address.rsplit(":", 1)[1],
                                 EngineOptions(), timeout=30)
                engine.client.wait_for_workers(n, timeout=60)
                engines.append(engine)
                contenders[f"Dask, {n} worker{'s' if n > 1 else ''}"] = dask_run(engine)
        times: dict[str, list[float]] = {name: [] for name in contenders}
        notes: dict[str, str] = {}
        for r in range(rounds):
            for i, (name, run) in enumerate(contenders.items()):
                out = work / f"out-{r}-{i}"
                t = time.perf_counter()
                message = run(src, out, options)
                times[name].append(time.perf_counter() - t)
                notes[name] = message.split("; ", 1)[1] if "; " in message else "one worker did every segment"
            print(f"round {r + 1}: " + ", ".join(f"{name} {times[name][-1]:.1f} s" for name in contenders))
    finally:
        for engine in engines:
            engine.close()
        for cluster in clusters:
            cluster.close()
    try:
        report_times(times, notes, src, options, work, seconds, parts)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report_times(times: dict[str, list[float]], notes: dict[str, str], src: Path, options: Any, work: Path,
                 seconds: int, parts: int) -> None:
    print()
    for base, other in (("local, 1 worker", "local, 2 workers"), ("Dask, 1 worker", "Dask, 2 workers")):
        if base not in times:
            continue
        one, two = statistics.median(times[base]), statistics.median(times[other])
        speedup = one / two
        print(f"{base}: median {one:.1f} s; {other}: median {two:.1f} s -> {speedup:.2f}x ({notes[other]})")
        if base.startswith("Dask"):
            before, during, after = stages(src / "film.mp4", options, work)
            seg = during / parts
            fixed = max(0.0, one - (before + during + after))  # the run's own start and end, any length
            ideal = one - (parts - math.ceil(parts / 2)) * seg
            lost = max(0.0, two - ideal)
            print(f"  in one process on one thread: keyframe scan {before:.2f} s, {parts} segments of {seg:.1f} s, "
                  f"sound, join and check after them {after:.2f} s; the cluster run adds {fixed:.1f} s to that "
                  f"(start, plan, end), and two workers lose {lost:.1f} s against the ideal {ideal:.1f} s (the "
                  f"helper's runner starting, the item's first announcement)")
            per_second = (before + after) / seconds
            alone = film_time(fixed, per_second, seg, 1)
            guesses = ", ".join(f"{n} {alone / film_time(fixed + lost, per_second, seg, n):.1f}x"
                                for n in (2, 4, 8, 16, 32))
            print(f"  so a 2-hour film of this kind ({int(7200 // SEGMENT_SECONDS)} segments) on N machines of one "
                  f"core each, against one: {guesses}")

if __name__ == "__main__":
    main()
