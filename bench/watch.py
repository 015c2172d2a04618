"""Watch folders: how long from a file's last write to its output, and what the watch costs idle.

    python bench/watch.py [--files 200] [--settle 2] [--quick]

A ``batchpilot watch zip`` process runs on a fresh folder; files of 64 KB are written into it
one after another (``--rate`` per second), each closed before the next. The latency of a file
is from its close to the moment the watch prints that its output is done. Most of it is the
settle time, by design: a file is taken only once unchanged for that long and not open for
writing. The overhead beyond the settle time is what the watch itself adds.

The peer, when ``inotifywait`` is installed (Debian: inotify-tools), is the script people write
by hand, measured the same way: ``inotifywait -m -e close_write`` piped into ``zip -q -j``, one
file at a time. It is faster because it waits for nothing: a file written by two opens, or a
download renamed in, is zipped half-written or not at all.

Idle cost: CPU seconds the watch process and its workers use over ``--idle`` seconds with no
file coming (should be ~0).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent


def _reader(proc: subprocess.Popen[str], arrived: dict[str, float], done_when: str, lock: threading.Condition,
            parse: bool) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        now = time.monotonic()
        name = ""
        if parse:
            record = json.loads(line)
            if record.get("event") == "file_done":
                name = record["rel"]
            elif record.get("event") == "watching":
                name = done_when
        else:
            name = os.path.basename(line.strip())
        if name:
            with lock:
                arrived.setdefault(name, now)
                lock.notify_all()


def _write_files(inbox: Path, count: int, rate: float, closed: dict[str, float]) -> None:
    payload = os.urandom(64 * 1024)
    pace = threading.Event()
    for i in range(count):
        name = f"f{i:04}.bin"
        with open(inbox / name, "wb") as f:
            f.write(payload)
        closed[name] = time.monotonic()
        pace.wait(1 / rate)


def _wait(arrived: dict[str, float], names: list[str], lock: threading.Condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    with lock:
        while not all(n in arrived for n in names):
            left = deadline - time.monotonic()
            if left <= 0:
                missing = [n for n in names if n not in arrived]
                raise SystemExit(f"timed out: {len(missing)} files never came out ({missing[:3]}...)")
            lock.wait(left)


def measure(cmd: list[str], inbox: Path, count: int, rate: float, parse: bool, idle: float,
            ready: str) -> tuple[list[float], float | None]:
    arrived: dict[str, float] = {}
    lock = threading.Condition()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    reader = threading.Thread(target=_reader, args=(proc, arrived, ready, lock, parse), daemon=True)
    reader.start()
    try:
        if parse:
            _wait(arrived, [ready], lock, 60)
        else:
            threading.Event().wait(1.0)  # inotifywait says nothing on stdout once its watches are set
        closed: dict[str, float] = {}
        _write_files(inbox, count, rate, closed)
        names = list(closed)
        _wait(arrived, names, lock, 120 + count / rate)
        latencies = [arrived[n] - closed[n] for n in names]
        idle_cpu = None
        if idle > 0:
            family = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]

            def used() -> float:
                total = 0.0
                for p in family:
                    try:
                        t = p.cpu_times()
                        total += t.user + t.system
                    except psutil.Error:
                        pass
                return total

            before = used()
            threading.Event().wait(idle)
            idle_cpu = used() - before
        return latencies, idle_cpu
    finally:
        proc.terminate()
        proc.wait(10)


def summary(name: str, latencies: list[float]) -> tuple[float, float]:
    ordered = sorted(latencies)
    med = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    print(f"{name:34} median {med * 1000:8.0f} ms   p95 {p95 * 1000:8.0f} ms   max {ordered[-1] * 1000:8.0f} ms")
    return med, p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--rate", type=float, default=10.0, help="files written per second")
    parser.add_argument("--settle", type=float, default=2.0)
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of idle to measure the CPU over")
    parser.add_argument("--quick", action="store_true", help="40 files, 3 s idle")
    args = parser.parse_args()
    if args.quick:
        args.files, args.idle = 40, 3.0
    work = Path(tempfile.mkdtemp(prefix="batchpilot-bench-watch-"))
    try:
        inbox = work / "inbox"
        inbox.mkdir()
        ours = [sys.executable, "-m", "workers", "watch", "zip", str(inbox), "--out", str(work / "out"),
                "--settle", str(args.settle), "--json"]
        print(f"{args.files} files of 64 KB, {args.rate:g} per second, settle {args.settle:g} s, on "
              f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}")
        print(f"batchpilot: {' '.join(ours[1:])}")
        latencies, idle_cpu = measure(ours, inbox, args.files, args.rate, True, args.idle, "(watching)")
        med, p95 = summary("batchpilot watch (last write → out)", latencies)
        print(f"{'':34} beyond the settle time: median {(med - args.settle) * 1000:.0f} ms, "
              f"p95 {(p95 - args.settle) * 1000:.0f} ms")
        if idle_cpu is not None:
            print(f"idle: {idle_cpu:.3f} CPU s over {args.idle:g} s ({100 * idle_cpu / args.idle:.2f} % of one CPU), "
                  "workers included")
        if shutil.which("inotifywait") and shutil.which("zip"):
            peer_in = work / "peer-in"
            peer_in.mkdir()
            peer_out = work / "peer-out"
            peer_out.mkdir()
            script = (f"inotifywait -q -m -e close_write --format '%w%f' {peer_in} | "
                      f"while read f; do zip -q -j {peer_out}/$(basename \"$f\").zip \"$f\" && echo \"$f\"; done")
            print(f"peer: sh -c \"{script}\"")
            peer, _ = measure(["sh", "-c", script], peer_in, args.files, args.rate, False, 0, "")
            peer_med, _ = summary("inotifywait | zip (no settle)", peer)
            print(f"overhead beyond the settle time vs the peer's whole latency: "
                  f"{(med - args.settle) / peer_med:.2f}x")
        else:
            print("peer skipped: apt-get install inotify-tools zip")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
