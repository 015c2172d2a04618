"""Runs the benchmarks one after another and prints their headlines as one Markdown table, the
one the README shows: each workload, the peer's exact command, both medians, the ratio and the
output sizes.

    python bench/summary.py              # the issue's workloads (about 15 minutes on 2 cores)
    python bench/summary.py --quick      # smaller sets (under 3 minutes)
    python bench/summary.py --only zip --only images --markdown table.md

Each bench is run as its own process with ``--summary FILE`` and appends its headlines to FILE
(bench/common.py: write_headline). Its own report goes by as it runs; the table comes last. A
bench that fails, or that does not take ``--summary`` yet, is named under the table. Benches that
take ``--floors FILE`` (bench/stages.py, bench/zip.py with --stages) append one line per missed
target: where its time goes and the best ratio it could reach; they are listed under the table.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import read_headlines

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Bench:
    name: str
    script: str
    full: tuple[str, ...]  # arguments of the full run (the workload, a budget of rounds)
    quick: tuple[str, ...]


BENCHES = (
    Bench("engine", "engine.py", (), ("--quick",)),
    Bench("parse", "parse.py", ("--only", "text", "--rounds", "3"), ("--quick", "--only", "text")),
    Bench("zip", "zip.py", ("--stages",), ("--quick",)),
    Bench("encode", "encode.py", ("--rounds", "2"), ("--quick",)),
    Bench("images", "images.py", ("--count", "200", "--rounds", "2", "--peers", "vips"),
          ("--quick", "--peers", "vips")),
    # Where the misses' time goes, per stage, and the best each could do (zip's .tar.zst: --stages).
    Bench("stages", "stages.py", (), ("--quick",)),
)


def options_of(script: Path) -> str:
    """The bench's --help text (its options: ``--summary FILE``, ``--floors FILE``)."""
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else ""


def cell(value: object) -> str:
    return str(value).replace("|", "\\|")


def seconds(value: object) -> str:
    return f"{value:.2f} s" if isinstance(value, (int, float)) else "-"


def table(headlines: list[dict[str, object]]) -> str:
    """The headlines as a Markdown table; ratio = peer median / batchpilot median."""
    rows = ["| workload | peer (its exact command) | peer median | batchpilot median | ratio | "
            "output size, batchpilot / peer | target |",
            "|---|---|---|---|---|---|---|"]
    for h in headlines:
        ratio = h.get("ratio")
        target = h.get("target")
        size = h.get("size_ratio")
        if isinstance(target, (int, float)) and isinstance(ratio, (int, float)):
            verdict = f"≥ {target:.2f}x: {'met' if ratio >= target else '**not met**'}"
        else:
            verdict = "-"
        rows.append(f"| {cell(h.get('workload'))} | `{cell(h.get('peer_command'))}` | {seconds(h.get('peer_s'))} | "
                    f"{seconds(h.get('ours_s'))} | "
                    f"{f'{ratio:.2f}x' if isinstance(ratio, (int, float)) else '-'} | "
                    f"{f'{size:.3f}' if isinstance(size, (int, float)) else '-'} | {verdict} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="every bench's quick mode")
    parser.add_argument("--only", action="append", choices=[b.name for b in BENCHES],
                        help="run this bench (repeatable; default: all)")
    parser.add_argument("--markdown", type=Path, metavar="FILE", help="also write the table to FILE")
    args = parser.parse_args()
    chosen = [b for b in BENCHES if not args.only or b.name in args.only]

    missing: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bp-bench-summary-") as work:
        summary = Path(work) / "headlines.jsonl"
        floors = Path(work) / "floors.txt"
        for bench in chosen:
            script = HERE / bench.script
            extra = list(bench.quick if args.quick else bench.full)
            options = options_of(script)
            headlined = "--summary" in options
            if headlined:
                extra += ["--summary", str(summary)]
            if "--floors" in options:
                extra += ["--floors", str(floors)]
            print(f"\n=== {bench.name}: bench/{bench.script} {' '.join(extra)}", flush=True)
            before = len(read_headlines(summary))
            t0 = time.perf_counter()
            code = subprocess.run([sys.executable, str(script), *extra], cwd=HERE.parent).returncode
            print(f"=== {bench.name}: {time.perf_counter() - t0:.0f} s", flush=True)
            if code:
                missing.append(f"{bench.name}: the bench failed (exit status {code})")
            elif not headlined and "--floors" not in options:
                missing.append(f"{bench.name}: bench/{bench.script} takes no --summary yet, so it has no row")
            elif headlined and len(read_headlines(summary)) == before:
                missing.append(f"{bench.name}: no headline (its peers are not installed?)")
        headlines = read_headlines(summary)
        floor_lines = floors.read_text(encoding="utf-8").splitlines() if floors.exists() else []

    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d")
    lines = [table(headlines), "",
             f"{'Quick' if args.quick else 'Full'} run of `make bench` on {when}: {os.cpu_count()} cores, "
             f"Python {platform.python_version()}, {platform.system()}; medians of interleaved rounds, "
             f"batchpilot from a cold command line; ratio = peer median / batchpilot median (above 1: "
             f"batchpilot is faster); {time.perf_counter() - started:.0f} s in all."]
    if floor_lines:
        lines += ["", "Where the misses' time goes, and the best each could do if everything but the libraries' "
                      "own work cost nothing (bench/stages.py, bench/zip.py --stages):"]
        lines += [f"- {line}" for line in floor_lines]
    lines += [f"- {m}" for m in missing]
    text = "\n".join(lines)
    print("\n" + text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
