"""Benchmark of the zip task against the command-line tools people would use instead, timed in the
same run from a cold command line.

    python bench/zip.py                 # the issue's workload: 2,010 files of 1-50 KB + 10 x 20 MB
    python bench/zip.py --quick         # 400 small files + 2 x 20 MB
    python bench/zip.py --stages        # also: where one .tar.zst's time goes, per stage, in CPU seconds

The workload is made on the fly from a seed: small files of 1-50 KB (half text-like, a quarter
incompressible like photos, a quarter text and noise mixed) in nested folders, and files of 20 MB
that are partly compressible (runs of noise, of a 16-letter alphabet and of text). The page cache
is warmed for both sides alike.

Cases (ratio = the peer's median time / batchpilot's, so above 1.0 means batchpilot is faster;
"size" = batchpilot's output bytes / the peer's):
  per-file zip : `batchpilot run zip --preset "zip per file" --workers 2`
                 against `zip -6 -q -j -X OUT.zip FILE` for each file, two at a time
  one .tar.zst : `batchpilot run zip --preset "one .tar.zst" --workers 2`
                 against `tar -cf - DIR | zstd -3 -T2 -q -o OUT`
  one .7z      : (only with --case 7z) `--preset "one .7z"` against `7zz a -t7z -mx=5 -mmt=2`

batchpilot runs as a new process every round (`batchpilot run ...`), as a user would call it:
its times include starting Python, planning, starting and stopping the workers, reading every
archive back to verify it, and making the outputs durable (fsync); the peers do none of the
checking. Rounds alternate the order of the contenders; medians are reported, with the best
times and CPU seconds (which a busy machine disturbs less) beside them.
Peers: `apt-get install -y zip zstd 7zip` (tar is part of the base system).
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    add_summary_option,
    batchpilot_command,
    cpu_seconds,
    fresh,
    json_timeline,
    print_race,
    race,
    race_headline,
    run_checked,
    write_floors,
)

SEED = 15
KB = 1 << 10
MB = 1 << 20
WORKERS = 2


# ------------------------------------------------------------------------------- the workload


def _vocabulary(rng: random.Random, size: int = 3000) -> tuple[list[bytes], list[float]]:
    """Made-up words of 1-4 syllables with Zipf-like frequencies: compresses like prose."""
    syllables = [a + b for a in (b"b", b"c", b"d", b"f", b"g", b"k", b"l", b"m", b"n", b"p", b"r", b"s",
                                 b"t", b"v", b"th", b"st", b"")
                 for b in (b"a", b"e", b"i", b"o", b"u", b"ai", b"ea", b"ou")]
    words = [b"".join(rng.choice(syllables) for _ in range(rng.choice((1, 1, 2, 2, 2, 3, 3, 4))))
             for _ in range(size)]
    weights, total = [], 0.0
    for rank in range(1, size + 1):
        total += 1 / rank
        weights.append(total)
    return words, weights


class Maker:
    """Seeded contents of the three kinds, generated fresh every time (no repeats across files)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words, self.weights = _vocabulary(self.rng)
        self.narrow = bytes(self.rng.choice(b"0123456789abcdef") for _ in range(256))

    def text(self, size: int) -> bytes:
        out = bytearray()
        while len(out) < size:
            line = self.rng.choices(self.words, cum_weights=self.weights, k=self.rng.randint(6, 18))
            out += b" ".join(line).capitalize() + (b".\n" if self.rng.random() < 0.8 else b",\n")
        return bytes(out[:size])

    def noise(self, size: int) -> bytes:
        return self.rng.randbytes(size)

    def narrow_noise(self, size: int) -> bytes:
        """Random letters of a 16-letter alphabet: about half compressible (hex dumps, logs of ids)."""
        return self.rng.randbytes(size).translate(self.narrow)

    def mixed(self, size: int) -> bytes:
        out = bytearray()
        while len(out) < size:
            out += self.text(4 * KB) if self.rng.random() < 0.5 else self.noise(4 * KB)
        return bytes(out[:size])

    def small(self, size: int) -> bytes:
        pick = self.rng.random()
        return self.text(size) if pick < 0.5 else self.noise(size) if pick < 0.75 else self.mixed(size)

    def big(self, size: int) -> bytes:
        parts, made = [], 0
        while made < size:
            n = min(MB, size - made)
            pick = self.rng.random()
            parts.append(self.noise(n) if pick < 0.4 else self.narrow_noise(n) if pick < 0.7 else self.text(n))
            made += n
        return b"".join(parts)


def make_dataset(root: Path, small: int, big: int, big_size: int = 20 * MB, seed: int = SEED) -> tuple[int, int]:
    """``small`` files of 1-50 KB in nested folders and ``big`` partly compressible files of
    ``big_size``; returns (files, bytes)."""
    maker = Maker(seed)
    total = 0
    for i in range(small):
        folder = root / f"folder{i % 20:02d}" / (f"sub{i % 3}" if i % 5 == 0 else "")
        folder.mkdir(parents=True, exist_ok=True)
        data = maker.small(maker.rng.randint(1 * KB, 50 * KB))
        (folder / f"file{i:05d}.{('txt', 'dat', 'log')[i % 3]}").write_bytes(data)
        total += len(data)
    for i in range(big):
        path = root / "big" / f"big{i:02d}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(maker.big(big_size))
        total += big_size
    return small + big, total


def files_of(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def output_bytes(folder: Path) -> int:
    """The archives' bytes (the journal and lock batchpilot keeps beside them are not counted)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".batchpilot"))


# ------------------------------------------------------------------------------- the contenders


def ours_command(src: Path, out: Path, preset: str, *settings: str) -> list[str]:
    sets = [arg for s in settings for arg in ("--set", s)]
    return [*batchpilot_command(), "run", "zip", str(src), "--out", str(out), "--preset", preset,
            "--workers", str(WORKERS), "--on-exists", "overwrite", *sets]


def zip_command(src: Path, out: Path) -> list[str]:
    return ["zip", "-6", "-q", "-j", "-X", str(out), str(src)]


def peer_zip_per_file(files: list[Path], src: Path, out: Path) -> None:
    for f in files:
        (out / f.relative_to(src)).parent.mkdir(parents=True, exist_ok=True)

    def one(f: Path) -> None:
        run_checked(zip_command(f, out / f"{f.relative_to(src)}.zip"))

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(one, files))


def tar_zstd_command(src: Path, out: Path) -> str:
    return (f"tar -cf - -C {shlex.quote(str(src.parent))} {shlex.quote(src.name)} | "
            f"zstd -3 -T{WORKERS} -q -o {shlex.quote(str(out / (src.name + '.tar.zst')))}")


def peer_tar_zstd(src: Path, out: Path) -> None:
    run_checked(["sh", "-c", "set -e; " + tar_zstd_command(src, out)])


SEVEN_ZIP = shutil.which("7zz") or shutil.which("7z") or ""


def seven_zip_command(src: Path, out: Path) -> list[str]:
    return [SEVEN_ZIP, "a", "-t7z", "-mx=5", f"-mmt={WORKERS}", "-bd", "-bso0", str(out / f"{src.name}.7z"),
            str(src)]


# ------------------------------------------------------------------------------- where the time goes


def stages(src: Path, work: Path, rounds: int) -> str:
    """One .tar.zst taken apart, each part timed in interleaved rounds: the CLI's own start,
    planning, the item alone (with and without its check), the engine around it, the peer.
    Returns the floor: the best ratio if the engine and workers cost nothing beyond the
    command's own start."""
    from workers.plan import OutputPolicy, make_plan
    from workers.registry import load_task
    from workers.task import build_options

    task = load_task("zip")

    def item(verify: bool) -> None:
        opts = build_options(task, {"verify": verify}, preset="one .tar.zst")
        plan = make_plan(task, opts, [src], out_dir=fresh(work / "stage-out"), policy=OutputPolicy.OVERWRITE)
        task.run(plan.items[0], opts, lambda fraction, message="": None)

    opts = build_options(task, {}, preset="one .tar.zst")
    parts: dict[str, Callable[[], object]] = {
        "the CLI's start and imports (run zip --help)": lambda: run_checked([*batchpilot_command(), "run", "zip",
                                                                              "--help"]),
        "planning (in-process)": lambda: make_plan(task, opts, [src], out_dir=fresh(work / "stage-plan"),
                                                   policy=OutputPolicy.OVERWRITE),
        "the item alone, unchecked (in-process)": lambda: item(False),
        "the item alone, checked (in-process)": lambda: item(True),
        "the whole CLI run, unchecked": lambda: run_checked(ours_command(src, fresh(work / "stage-cli"),
                                                                         "one .tar.zst", "verify=false")),
        "the whole CLI run (default: checked)": lambda: run_checked(ours_command(src, fresh(work / "stage-cli"),
                                                                                 "one .tar.zst")),
        "peer: tar | zstd": lambda: peer_tar_zstd(src, fresh(work / "stage-peer")),
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in parts}
    timelines = []
    for r in range(rounds):
        for name in (list(parts) if r % 2 == 0 else list(reversed(parts))):
            wall, cpu = time.perf_counter(), cpu_seconds()
            parts[name]()
            times[name].append((time.perf_counter() - wall, cpu_seconds() - cpu))
        timelines.append(json_timeline(ours_command(src, fresh(work / "stage-cli"), "one .tar.zst")))
    print(f"\nwhere one .tar.zst's time goes (medians of {rounds} interleaved rounds; CPU = this process and "
          "the children it waited for):")
    print(f"  {'part':<46} {'wall s':>7} {'CPU s':>7}")
    for name, values in times.items():
        print(f"  {name:<46} {statistics.median(w for w, _ in values):7.2f} "
              f"{statistics.median(c for _, c in values):7.2f}")
    med = {key: statistics.median(t[key] for t in timelines) for key in timelines[0]}
    print(f"  one CLI run with --json, medians: start, imports and planning {med['to_plan']:.2f} s; workers "
          f"started and the item handed over {med['first_item'] - med['to_plan']:.2f} s; the item in its "
          f"worker {med['items']:.2f} s; the engine stopping and the CLI exiting "
          f"{med['total'] - med['first_item'] - med['items']:.2f} s; in all {med['total']:.2f} s "
          "(events arrive every 50 ms)")
    wall = {name: statistics.median(w for w, _ in values) for name, values in times.items()}
    start = wall["the CLI's start and imports (run zip --help)"] + wall["planning (in-process)"]
    peer = wall["peer: tar | zstd"]
    checked, unchecked = wall["the item alone, checked (in-process)"], wall["the item alone, unchecked (in-process)"]
    line = (f"one .tar.zst: tar | zstd {peer:.2f} s; batchpilot's start and planning {start:.2f} s, the archive "
            f"written {unchecked:.2f} s and read back to check it {checked - unchecked:.2f} s more: at best "
            f"{peer / (start + checked):.2f}x with the check and no engine ({peer / (start + unchecked):.2f}x "
            "without the check)")
    print("  floor: " + line)
    return line


# ------------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="400 small files + 2 big ones, 3 rounds")
    parser.add_argument("--rounds", type=int, default=0, help="rounds per case (default 3; .tar.zst 5)")
    parser.add_argument("--case", choices=("all", "zip", "zst", "7z"), default="all",
                        help="run one case only (all = per-file zip and one .tar.zst)")
    parser.add_argument("--stages", action="store_true", help="also time one .tar.zst's stages")
    parser.add_argument("--floors", type=Path, metavar="FILE", help="with --stages: append the floor line to FILE")
    add_summary_option(parser)
    args = parser.parse_args()
    small, big = (400, 2) if args.quick else (2010, 10)
    zip_rounds = args.rounds or 3
    zst_rounds = args.rounds or (3 if args.quick else 5)

    work = Path(tempfile.mkdtemp(prefix="bp-bench-zip-"))
    try:
        src = work / "data"
        t0 = time.perf_counter()
        count, total = make_dataset(src, small, big)
        files = files_of(src)
        for f in files:  # warm the page cache for both sides alike
            f.read_bytes()
        print(f"data: {count} files, {total / 1e6:.0f} MB ({small} of 1-50 KB, {big} of 20 MB), made in "
              f"{time.perf_counter() - t0:.1f} s; {os.cpu_count()} cores; medians of interleaved rounds")
        label = f"{small:,} files (1-50 KB) + {big} x 20 MB, {total / 1e6:.0f} MB"

        if args.case in ("all", "zip"):
            if shutil.which("zip"):
                print(f"\nper-file zip, {zip_rounds} rounds")
                print("  batchpilot:", shlex.join(ours_command(src, Path("OUT"), "zip per file")))
                print("  peer, for each file, 2 at a time:",
                      shlex.join(zip_command(Path("FILE"), Path("OUT/FILE.zip"))))
                result = race({"batchpilot": lambda out: run_checked(ours_command(src, out, "zip per file")),
                               "zip -6": lambda out: peer_zip_per_file(files, src, out)},
                              zip_rounds, work, output_bytes)
                print_race(result, "batchpilot", "CPU s", lambda s: f"{s:.2f}")
                race_headline(args.summary, result, "batchpilot", "zip -6", f"zip: {label} → a .zip per file, "
                              "deflate 6", "zip -6 FILE, 2 at a time", 1.0)
            else:
                print("per-file zip skipped: `zip` not found (apt-get install -y zip)")

        if args.case in ("all", "zst"):
            if shutil.which("zstd") and shutil.which("tar"):
                print(f"\none .tar.zst, {zst_rounds} rounds")
                print("  batchpilot:", shlex.join(ours_command(src, Path("OUT"), "one .tar.zst")))
                print("  peer:", tar_zstd_command(src, Path("OUT")))
                result = race({"batchpilot": lambda out: run_checked(ours_command(src, out, "one .tar.zst")),
                               "tar | zstd": lambda out: peer_tar_zstd(src, out)},
                              zst_rounds, work, output_bytes)
                print_race(result, "batchpilot", "CPU s", lambda s: f"{s:.2f}")
                race_headline(args.summary, result, "batchpilot", "tar | zstd", "zip: the same → one .tar.zst",
                              f"tar -cf - DIR | zstd -3 -T{WORKERS}", 0.8)
                if args.stages:
                    write_floors(args.floors, [stages(src, work, zst_rounds)])
            else:
                print("one .tar.zst skipped: `zstd` or `tar` not found (apt-get install -y zstd tar)")

        if args.case == "7z":
            if SEVEN_ZIP:
                print(f"\none .7z, {zip_rounds} rounds")
                print("  batchpilot:", shlex.join(ours_command(src, Path("OUT"), "one .7z")))
                print("  peer:", shlex.join(seven_zip_command(src, Path("OUT"))))
                result = race({"batchpilot": lambda out: run_checked(ours_command(src, out, "one .7z")),
                               "7-Zip": lambda out: run_checked(seven_zip_command(src, out))},
                              zip_rounds, work, output_bytes)
                print_race(result, "batchpilot", "CPU s", lambda s: f"{s:.2f}")
                race_headline(args.summary, result, "batchpilot", "7-Zip", "zip: the same → one .7z",
                              f"7zz a -t7z -mx=5 -mmt={WORKERS}")
            else:
                print("one .7z skipped: 7-Zip not found (apt-get install -y 7zip)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
