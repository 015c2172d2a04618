"""Benchmark: 6 MP JPEGs -> fit in 1600x1600, WebP quality 80; batchpilot (2 workers) against
libvips' vipsthumbnail and ImageMagick, each running two at a time.

Generates camera-like 3000x2000 JPEGs (gradients, shapes and grain, about 3 MB each) once, then
times, in the same run and alternating order:
  - vipsthumbnail (libvips-tools), two ways: one process per file, two at a time (what a shell
    loop with ``xargs -P 2`` does), and two processes each given half of the files (its fastest);
  - ImageMagick (convert or magick): one process per file, two at a time;
  - batchpilot from a cold command line, a new process every round:
    ``batchpilot run encode SRC --preset webp --set max_width=1600 --set max_height=1600
    --set image_quality=80 --workers 2`` (its checks of every output on, as by default).
Prints the exact peer commands, median and best wall times and median CPU times, ratios (peer /
batchpilot: above 1 means batchpilot is faster or spends less CPU; on a shared machine the
best-of-rounds ratio is the steadiest), and the output sizes and their ratios, so equal settings
are visible. The issue's workload is ``--count 200``; the headline (``--summary FILE``, see
bench/common.py) is batchpilot against vipsthumbnail's fastest mode, two processes of half the
files each. ``--peers vips`` times that peer only.

    .venv/bin/python bench/images.py            # 24 pictures, 3 rounds
    .venv/bin/python bench/images.py --quick    # 8 pictures, 1 round
    .venv/bin/python bench/images.py --count 200 --rounds 2 --peers vips   # what make bench runs

Peers come from Debian/Ubuntu packages: ``apt-get install libvips-tools imagemagick``; a missing
peer is skipped (and said so), the rest still runs.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import add_summary_option, batchpilot_command, print_race, race, race_headline, run_checked
from tests.media import make_photo

WORKERS = 2
BOX = 1600
QUALITY = 80


def _make(path: Path, seed: int) -> None:
    make_photo(path, (3000, 2000), seed=seed, quality=92, camera="Bench", grain=0.25, sigma=60)


def generate(folder: Path, count: int) -> list[Path]:
    """``count`` 3000x2000 camera-like JPEGs (made once per folder, reused by later runs; two at a time)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"photo{n:03d}.jpg" for n in range(count)]
    todo = [(path, n) for n, path in enumerate(paths) if not path.exists()]
    if todo:
        with ProcessPoolExecutor(WORKERS) as pool:
            list(pool.map(_make, [path for path, _ in todo], [seed for _, seed in todo]))
    return paths


def vips_command(sources: list[Path], out: Path) -> list[str]:
    return ["vipsthumbnail", *map(str, sources), "--size", f"{BOX}x{BOX}", "-o", f"{out}/%s.webp[Q={QUALITY}]"]


def magick_command(tool: str, src: Path, out: Path) -> list[str]:
    return [tool, str(src), "-resize", f"{BOX}x{BOX}", "-quality", str(QUALITY), str(out / (src.stem + ".webp"))]


def vips_per_file(paths: list[Path], out: Path) -> None:
    """vipsthumbnail, one process per file, two at a time."""

    def one(src: Path) -> None:
        subprocess.run(vips_command([src], out), check=True)

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(one, paths))


def vips_halves(paths: list[Path], out: Path) -> None:
    """Two vipsthumbnail processes, each converting half of the files."""
    halves = [paths[0::2], paths[1::2]]
    procs = [subprocess.Popen(vips_command(half, out)) for half in halves if half]
    for proc in procs:
        if proc.wait() != 0:
            raise RuntimeError("vipsthumbnail failed")


def magick_pair(tool: str, paths: list[Path], out: Path) -> None:
    """ImageMagick, one process per file, two at a time."""

    def one(src: Path) -> None:
        subprocess.run(magick_command(tool, src, out), check=True)

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(one, paths))


def ours_command(folder: Path, out: Path) -> list[str]:
    """The installed ``batchpilot`` command beside this Python (else ``python -m workers``), run cold."""
    return [*batchpilot_command(), "run", "encode", str(folder), "--out", str(out), "--preset", "webp",
            "--set", f"max_width={BOX}", "--set", f"max_height={BOX}", "--set", f"image_quality={QUALITY}",
            "--workers", str(WORKERS), "--on-exists", "overwrite"]


def batchpilot(folder: Path, out: Path) -> None:
    run_checked(ours_command(folder, out))


def output_bytes(out: Path) -> int:
    return sum(p.stat().st_size for p in out.rglob("*.webp"))


def magick_tool(given: str | None) -> str | None:
    if given:
        return given
    for name in ("magick", "convert"):
        found = shutil.which(name)
        if found:
            return found
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="8 pictures, 1 round")
    parser.add_argument("--count", type=int, default=0, help="number of pictures (default 24, quick 8)")
    parser.add_argument("--rounds", type=int, default=0, help="timed rounds (default 3, quick 1)")
    parser.add_argument("--magick", help="ImageMagick program to run (default: magick or convert on PATH)")
    parser.add_argument("--keep", type=Path, help="folder to keep the generated pictures in between runs")
    parser.add_argument("--peers", choices=("all", "vips"), default="all",
                        help="vips: only vipsthumbnail's fastest mode (two processes of half the files each)")
    add_summary_option(parser)
    args = parser.parse_args()
    count = args.count or (8 if args.quick else 24)
    rounds = args.rounds or (1 if args.quick else 3)

    work = Path(tempfile.mkdtemp(prefix="bp-bench-images-"))
    src = (args.keep or work / "src")
    try:
        t0 = time.perf_counter()
        paths = generate(src, count)
        extra = [p for p in src.glob("*.jpg") if p not in paths]
        if extra:
            sys.exit(f"{src} holds other pictures too; give --keep an empty or earlier bench folder")
        print(f"{count} pictures of 3000x2000 ({sum(p.stat().st_size for p in paths) / 2**20:.1f} MB) "
              f"ready in {time.perf_counter() - t0:.1f} s; {rounds} round(s), {os.cpu_count()} cores")

        contenders: dict[str, Callable[[Path], None]] = {"batchpilot": lambda out: batchpilot(src, out)}
        if shutil.which("vipsthumbnail"):
            if args.peers == "all":
                contenders["vips per file"] = lambda out: vips_per_file(paths, out)
            contenders["vips halves"] = lambda out: vips_halves(paths, out)
        else:
            print("vipsthumbnail not found: skipped (apt-get install libvips-tools)")
        tool = magick_tool(args.magick) if args.peers == "all" else None
        if tool:
            contenders["imagemagick"] = lambda out: magick_pair(tool, paths, out)
        elif args.peers == "all":
            print("ImageMagick not found: skipped (apt-get install imagemagick)")

        print("commands (OUT is a fresh folder per round):")
        print("  batchpilot:", shlex.join(ours_command(src, Path("OUT"))))
        if "vips halves" in contenders:
            shown = shlex.join(vips_command([Path("FILE1")], Path("OUT"))).replace("FILE1", "FILE1 FILE3 ...", 1)
            print(f"  vips halves, one of two at once ({len(paths[0::2])} files each):", shown)
        if "vips per file" in contenders:
            print("  vips per file, two at once:", shlex.join(vips_command(paths[:1], Path("OUT"))))
        if tool:
            print("  imagemagick, two at once:", shlex.join(magick_command(tool, paths[0], Path("OUT"))))
        result = race(contenders, rounds, work, output_bytes)
        print_race(result, "batchpilot", "CPU/picture", lambda seconds: f"{seconds / count * 1000:.0f} ms")
        ours = result.sizes["batchpilot"]
        print("output size, peer / batchpilot: " + ", ".join(
            f"{name} {size / ours:.2f}x" for name, size in result.sizes.items() if name != "batchpilot"))
        if "vips halves" in result.times:
            race_headline(args.summary, result, "batchpilot", "vips halves",
                          f"images: {count} photo-like 3000x2000 JPEGs (q92) → fit {BOX} px, WebP q{QUALITY}",
                          f"vipsthumbnail FILES... --size {BOX}x{BOX} -o OUT/%s.webp[Q={QUALITY}], 2 processes of "
                          "half the files", 1.0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
