"""Benchmark of the zip task against the command-line tools, as ratios measured in the same run.

    python bench/zip.py            # 2,000 small + 10 big files, best of 3 rounds
    python bench/zip.py --quick    # a smaller set, one round (for trying things out)

Cases (ratio = peer time / our time, so above 1.0 means we are faster; best of the rounds,
then the median, then the same ratio in CPU seconds, which a busy machine disturbs less;
"size ours/peer" below 1.0 means our archives are smaller):
  per-file zip  : one .zip per file on 2 workers   vs  `zip -6` run for each file, 2 at a time
  one .tar.zst  : the whole selection, 2 threads   vs  `tar -cf - | zstd -3 -T2`
  one .7z       : the whole selection, level 5     vs  `7zz a -t7z -mx=5 -mmt=2` (7-Zip's defaults)

Our times include planning, starting the workers, verifying every archive and flushing it
to disk; the peers do none of that. A run without verification is timed too, for reference,
and for .7z one with a password (AES-256, names encrypted) against 7-Zip's `-p... -mhe=on`.
Each peer's exact command is printed. Peers: `apt-get install -y zip zstd 7zip` (tar is part
of the base system; 7zip installs 7-Zip as `7zz`, p7zip-full as `7z`: either is used).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from workers.engine import EngineOptions, run_plan
from workers.events import Event, ItemFinished
from workers.plan import OutputPolicy, make_plan
from workers.registry import load_task
from workers.task import build_options

WORDS = (b"the of and to in is was for on that with as by at from this are be or an it not have which "
         b"batch archive folder window worker progress verify member compress level stream").split()


def _content(rng: random.Random, size: int) -> bytes:
    """Roughly half text, half noise: compresses like a mix of documents and photos."""
    out = bytearray()
    while len(out) < size:
        if rng.random() < 0.5:
            out += b" ".join(rng.choice(WORDS) for _ in range(400)) + b"\n"
        else:
            out += rng.randbytes(2048)
    return bytes(out[:size])


def make_dataset(root: Path, small: int, big: int, big_size: int) -> tuple[int, int]:
    """``small`` files of 1-16 KB in 20 folders and ``big`` files of ``big_size``; returns (files, bytes)."""
    rng = random.Random(7)
    total = 0
    for i in range(small):
        path = root / f"folder{i % 20:02d}" / f"file{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = _content(rng, rng.randint(1 << 10, 16 << 10))
        path.write_bytes(data)
        total += len(data)
    chunk = _content(rng, 4 << 20)
    for i in range(big):
        path = root / "big" / f"big{i:02d}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as f:
            for n in range(0, big_size, len(chunk)):
                f.write(rng.randbytes(16) + chunk[: min(len(chunk), big_size - n) - 16])
        total += big_size
    return small + big, total


def files_of(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def timed_cpu(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall time and CPU time (this process and the children it waited for: workers, tools)."""
    c0, t0 = _cpu(), time.perf_counter()
    fn()
    return time.perf_counter() - t0, _cpu() - c0


def fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


# ------------------------------------------------------------------------------- the runs


def ours(src: Path, out: Path, **options: object) -> dict[str, float]:
    """One job through the engine; returns where its time went (planning, the longest item, the rest)."""
    t0 = time.perf_counter()
    task = load_task("zip")
    opts = build_options(task, options)
    plan = make_plan(task, opts, [src], fresh(out), OutputPolicy.OVERWRITE)
    t1 = time.perf_counter()
    longest = 0.0

    def on_events(events: Sequence[Event]) -> None:
        nonlocal longest
        longest = max([longest, *(e.elapsed for e in events if isinstance(e, ItemFinished))])

    summary = run_plan(plan, on_events, EngineOptions(workers=2))
    if summary.failed or summary.done != len(plan.items):
        sys.exit(f"the zip task failed: {summary.failures[:3]}")
    return {"planning": t1 - t0, "item": longest, "rest": time.perf_counter() - t1 - longest}


def peer_zip_per_file(src: Path, out: Path) -> None:
    fresh(out)
    files = files_of(src)
    for f in files:
        (out / f.relative_to(src)).parent.mkdir(parents=True, exist_ok=True)

    def one(f: Path) -> None:
        dest = out / f"{f.relative_to(src)}.zip"
        subprocess.run(["zip", "-6", "-q", "-j", "-X", str(dest), str(f)], check=True)

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(one, files))


def peer_tar_zstd(src: Path, out: Path) -> None:
    fresh(out)
    tar = subprocess.Popen(["tar", "-cf", "-", "-C", str(src.parent), src.name], stdout=subprocess.PIPE)
    subprocess.run(["zstd", "-3", "-T2", "-q", "-o", str(out / f"{src.name}.tar.zst")], stdin=tar.stdout,
                   check=True)
    assert tar.stdout is not None
    tar.stdout.close()
    if tar.wait():
        sys.exit("tar failed")


SEVEN_ZIP = shutil.which("7zz") or shutil.which("7z") or ""
BENCH_PASSWORD = "bench password 1"


def peer_7z_command(src: Path, out: Path, password: str = "") -> list[str]:
    secret = [f"-p{password}", "-mhe=on"] if password else []
    return [SEVEN_ZIP, "a", "-t7z", "-mx=5", "-mmt=2", "-bd", "-bso0", *secret, str(out / f"{src.name}.7z"),
            src.name]


def peer_7z(src: Path, out: Path, password: str = "") -> None:
    fresh(out)
    subprocess.run(peer_7z_command(src, out, password), cwd=src.parent, stdin=subprocess.DEVNULL, check=True)


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def compare(name: str, rounds: int, baseline: Callable[[], object], mine: Callable[[], object],
            target: float, sizes: Callable[[], tuple[int, int]]) -> float:
    """Alternate the two runs, keep each one's best time, print and return the ratio.

    The CPU ratio (CPU seconds spent by the peer / by us) is printed too: on a shared machine
    it moves much less than wall time.
    """
    peer_runs, our_runs = [], []
    for _ in range(rounds):
        peer_runs.append(timed_cpu(baseline))
        our_runs.append(timed_cpu(mine))
    peer_t, our_t = min(w for w, _ in peer_runs), min(w for w, _ in our_runs)
    ratio = peer_t / our_t
    median = statistics.median(w for w, _ in peer_runs) / statistics.median(w for w, _ in our_runs)
    cpu = min(c for _, c in peer_runs) / min(c for _, c in our_runs)
    peer_size, our_size = sizes()
    verdict = "ok" if ratio >= target else "BELOW TARGET"
    print(f"{name:<16} peer {peer_t:6.2f} s   ours {our_t:6.2f} s   ratio {ratio:4.2f}x (target >= "
          f"{target:.1f}x, {verdict})   median {median:4.2f}x   cpu {cpu:4.2f}x   "
          f"size ours/peer {our_size / peer_size:.3f}")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small data set, one round")
    parser.add_argument("--rounds", type=int, default=0, help="rounds per case (default 3, 1 with --quick)")
    parser.add_argument("--case", choices=("all", "zip", "zst", "7z"), default="all", help="run one case only")
    args = parser.parse_args()
    small, big, big_size = (200, 2, 4 << 20) if args.quick else (2000, 10, 16 << 20)
    rounds = args.rounds or (1 if args.quick else 3)

    work = Path(tempfile.mkdtemp(prefix="bp-bench-zip-"))
    try:
        src = work / "data"
        count, total = make_dataset(src, small, big, big_size)
        print(f"data: {count} files, {total / 2**20:.0f} MB ({small} small of 1-16 KB, {big} of "
              f"{big_size >> 20} MB); {os.cpu_count()} cores; best of {rounds} round(s)")
        for f in files_of(src):  # warm the page cache for both sides alike
            f.read_bytes()

        if args.case in ("all", "zip") and shutil.which("zip"):
            print(f"{'':<16} peer: zip -6 -q -j -X OUT/FILE.zip FILE, for each file, 2 at a time")
            compare("per-file zip", rounds,
                    lambda: peer_zip_per_file(src, work / "peer-zip"),
                    lambda: ours(src, work / "our-zip", mode="per-file", format="zip"),
                    1.0, lambda: (size_of(work / "our-zip"), size_of(work / "peer-zip")))
            # Verification off, for information: what reading every archive back costs.
            t = timed(lambda: ours(src, work / "our-zip-nv", mode="per-file", format="zip", verify=False))
            print(f"{'':<16} (ours without verify: {t:.2f} s)")
        elif args.case in ("all", "zip"):
            print("per-file zip     skipped: `zip` not found (apt-get install -y zip)")

        if args.case in ("all", "zst") and shutil.which("zstd") and shutil.which("tar"):
            print(f"{'':<16} peer: tar -cf - -C {src.parent} {src.name} | zstd -3 -T2 -q -o OUT/{src.name}.tar.zst")
            compare("one .tar.zst", rounds,
                    lambda: peer_tar_zstd(src, work / "peer-zst"),
                    lambda: ours(src, work / "our-zst", mode="selection", format="tar.zst"),
                    0.8, lambda: (size_of(work / "our-zst"), size_of(work / "peer-zst")))
            t = timed(lambda: ours(src, work / "our-zst-nv", mode="selection", format="tar.zst", verify=False))
            print(f"{'':<16} (ours without verify: {t:.2f} s)")
            # The archive is one item: its time in the worker against planning and the engine's
            # own (starting the workers, handing out the item, stopping them).
            split = ours(src, work / "our-zst", mode="selection", format="tar.zst")
            print(f"{'':<16} (one more run of ours: planning {split['planning']:.2f} s, the archive written "
                  f"and checked {split['item']:.2f} s, workers starting and stopping {split['rest']:.2f} s)")
        elif args.case in ("all", "zst"):
            print("one .tar.zst     skipped: `zstd` or `tar` not found (apt-get install -y zstd tar)")

        if args.case in ("all", "7z") and SEVEN_ZIP:
            print(f"{'':<16} peer: (cd {src.parent} && {' '.join(peer_7z_command(src, Path('OUT')))})")
            compare("one .7z", rounds,
                    lambda: peer_7z(src, work / "peer-7z"),
                    lambda: ours(src, work / "our-7z", mode="selection", format="7z"),
                    # One LZMA2 thread (liblzma, through py7zr) against 7-Zip's two, and a read-back.
                    0.7, lambda: (size_of(work / "our-7z"), size_of(work / "peer-7z")))
            t = timed(lambda: ours(src, work / "our-7z-nv", mode="selection", format="7z", verify=False))
            print(f"{'':<16} (ours without verify: {t:.2f} s)")
            # With a password: AES-256 over the data and the header, on both sides.
            peer_t = timed(lambda: peer_7z(src, work / "peer-7z-pw", BENCH_PASSWORD))
            our_t = timed(lambda: ours(src, work / "our-7z-pw", mode="selection", format="7z",
                                       password=BENCH_PASSWORD))
            print(f"{'':<16} (with a password: peer {peer_t:.2f} s, ours {our_t:.2f} s, ratio {peer_t / our_t:.2f}x, "
                  f"size ours/peer {size_of(work / 'our-7z-pw') / size_of(work / 'peer-7z-pw'):.3f})")
        elif args.case in ("all", "7z"):
            print("one .7z          skipped: 7-Zip not found (apt-get install -y 7zip)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
