"""Helpers the benchmarks share."""

from __future__ import annotations

import os
import shutil
import statistics
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
