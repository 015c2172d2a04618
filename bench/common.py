"""Helpers the benchmarks share.

Headlines: a bench given ``--summary FILE`` (:func:`add_summary_option`) appends one JSON line
per headline to FILE (:func:`write_headline`, or :func:`race_headline` after a :func:`race`),
with exactly these keys::

    {"workload": "zip: 2,010 files + 10 x 20 MB -> one .tar.zst",
     "peer_command": "tar -cf - DIR | zstd -3 -T2 -o OUT",
     "ours_s": 1.52, "peer_s": 1.31,       # median wall seconds, batchpilot and the peer
     "ratio": 0.862,                       # peer_s / ours_s: above 1 means batchpilot is faster
     "size_ratio": 1.004,                  # batchpilot's output bytes / the peer's (null: not compared)
     "target": 0.8}                        # the ratio the issue asks for (null: none)

bench/summary.py runs the benches and prints those lines as one Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


def cpu_seconds() -> float:
    """CPU used so far by this process and every child it has waited for (workers, peers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def fresh(folder: Path) -> Path:
    """An empty folder at ``folder`` (whatever was there is removed)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


@dataclass
class Race:
    """Wall and CPU seconds of every round, and the output size, per contender."""

    times: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)


def race(contenders: dict[str, Callable[[Path], None]], rounds: int, work: Path,
         output_bytes: Callable[[Path], int], say_rounds: bool = False) -> Race:
    """Run every contender ``rounds`` times into a fresh folder, the order reversed every other round."""
    result = Race({name: [] for name in contenders}, {name: [] for name in contenders})
    for r in range(rounds):
        order = list(contenders) if r % 2 == 0 else list(reversed(contenders))
        for name in order:
            out = fresh(work / f"out-{name}")
            start, cpu_start = time.perf_counter(), cpu_seconds()
            contenders[name](out)
            result.times[name].append(time.perf_counter() - start)
            result.cpu[name].append(cpu_seconds() - cpu_start)
            result.sizes[name] = output_bytes(out)
            if say_rounds:
                print(f"  round {r + 1}: {name} {result.times[name][-1]:.1f} s", flush=True)
    return result


def print_race(result: Race, ours: str, cpu_header: str, cpu_cell: Callable[[float], str]) -> None:
    """A table of medians and best times, with each peer's ratios against ``ours`` (peer / ours)."""
    med = statistics.median(result.times[ours])
    best = min(result.times[ours])
    cpu = statistics.median(result.cpu[ours])
    print(f"\nload average now {os.getloadavg()[0]:.1f} (other work on the machine skews wall times)")
    print(f"{'':14} {'wall s':>8} {'best s':>8} {cpu_header:>12} {'output':>9}"
          "   ratios (peer / batchpilot): wall, best wall, CPU")
    for name, values in result.times.items():
        their_med, their_best, their_cpu = statistics.median(values), min(values), statistics.median(result.cpu[name])
        ratio = "" if name == ours else \
            f"   {their_med / med:5.2f}x {their_best / best:5.2f}x {their_cpu / cpu:5.2f}x"
        print(f"{name:14} {their_med:8.2f} {their_best:8.2f} {cpu_cell(their_cpu):>12} "
              f"{result.sizes[name] / 2**20:7.2f} MB{ratio}")


def add_summary_option(parser: argparse.ArgumentParser) -> None:
    """``--summary FILE``: where the bench appends its headline lines (see the module's docstring)."""
    parser.add_argument("--summary", type=Path, metavar="FILE",
                        help="append this bench's headline results to FILE, one JSON line each "
                             "(bench/summary.py collects them into one table)")


def write_headline(summary: Path | None, workload: str, peer_command: str, ours_s: float, peer_s: float,
                   size_ratio: float | None = None, target: float | None = None) -> None:
    """Append one headline to ``summary`` (nothing when it is None: the bench ran on its own)."""
    if summary is None:
        return
    line = {"workload": workload, "peer_command": peer_command, "ours_s": round(ours_s, 3),
            "peer_s": round(peer_s, 3), "ratio": round(peer_s / ours_s, 3) if ours_s > 0 else None,
            "size_ratio": None if size_ratio is None else round(size_ratio, 3), "target": target}
    with open(summary, "a", encoding="utf-8") as f:
        f.write(json.dumps(line, ensure_ascii=False) + "\n")


def write_floors(floors: Path | None, lines: list[str]) -> None:
    """Append the floor lines of missed targets (where the time goes, the best ratio it could
    reach) to ``floors``; bench/summary.py lists them under its table. Nothing when None."""
    if floors is None:
        return
    with open(floors, "a", encoding="utf-8") as f:
        f.writelines(line + "\n" for line in lines)


def race_headline(summary: Path | None, result: Race, ours: str, peer: str, workload: str, peer_command: str,
                  target: float | None = None) -> None:
    """The headline of ``ours`` against ``peer`` in a :func:`race`: median wall times, output sizes."""
    peer_bytes = result.sizes.get(peer, 0)
    size_ratio = result.sizes[ours] / peer_bytes if peer_bytes else None
    write_headline(summary, workload, peer_command, statistics.median(result.times[ours]),
                   statistics.median(result.times[peer]), size_ratio, target)


def read_headlines(summary: Path) -> list[dict[str, object]]:
    """The headlines in ``summary`` (none when the file is missing)."""
    if not summary.exists():
        return []
    lines = summary.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def batchpilot_command() -> list[str]:
    """The installed ``batchpilot`` command beside this Python, else ``python -m workers``: what a
    cold command-line run of batchpilot starts (spawn and imports included in its time)."""
    script = Path(sys.executable).parent / "batchpilot"
    return [str(script)] if script.exists() else [sys.executable, "-m", "workers"]


def run_checked(command: list[str], **kwargs: object) -> None:
    """Run ``command`` quietly; a failure ends the bench with the command and the end of its stderr."""
    done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, **kwargs)  # type: ignore[call-overload]
    if done.returncode:
        sys.exit(f"{shlex.join(command)} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")


def json_timeline(command: list[str]) -> dict[str, float]:
    """One cold run of a ``batchpilot run`` command with ``--json``: when its events arrive.

    Returns seconds from the start: ``to_plan`` (the batch planned and started), ``first_item``
    (the first item started in a worker), ``total`` (the command ended); and ``items``, the sum
    of the finished items' own times. Events reach the command every 50 ms, so each moment is
    known to within that.
    """
    t0 = time.perf_counter()
    proc = subprocess.Popen([*command, "--json"], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    seen: dict[str, float] = {}
    items = 0.0
    first = float("inf")
    for line in proc.stdout:
        event = json.loads(line)
        now = time.perf_counter() - t0
        seen.setdefault(event["event"], now)
        if event["event"] == "item_started":
            first = min(first, now)
        elif event["event"] == "item_finished":
            # A short item's start and end arrive together: its end less its own time is nearer.
            items += float(event["elapsed"])
            first = min(first, now - float(event["elapsed"]))
    if proc.wait():
        sys.exit(f"{shlex.join(command)} failed ({proc.returncode})")
    return {"to_plan": seen.get("batch_started", 0.0), "first_item": first if first < float("inf") else 0.0,
            "items": items, "total": time.perf_counter() - t0}
