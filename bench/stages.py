"""Where the time goes, per stage, in CPU seconds, for the workloads whose target is missed, and
the best ratio each could reach if everything but the libraries' own work cost nothing.

    .venv/bin/python bench/stages.py                  # pictures and PDFs
    .venv/bin/python bench/stages.py --only images --count 48
    .venv/bin/python bench/stages.py --quick

pictures (bench/images.py's workload: 3000x2000 camera-like JPEGs -> fit 1600 px, WebP q80):
  - batchpilot's own code (workers/tasks/media_image.py's ``convert_image``) in this process,
    its C calls attributed by the profiler: JPEG decode, resize, WebP encode, the check's decode;
    the rest (EXIF, files, Python) is the whole, timed without the profiler, less those;
  - the same through the command line (``batchpilot run encode``): the engine and workers on top;
  - vipsthumbnail over all the pictures in one process, taken apart by what it writes: the
    decode alone (a box as big as the picture, written raw), decode and resize (written raw),
    and the whole (WebP): the differences are its resize and its encode.
  The floor: vips's whole CPU per picture / batchpilot's decode + resize + encode, the best
  ratio if the check, the engine and everything else in Python took no time at all.

PDFs (bench/parse.py's mixed batch -> text):
  - PDFium's own page work (open, text page, the text) in this process, no Python of ours;
  - the parse task's ``run`` in this process for every PDF;
  - one cold command line run with ``--json``: when the first page can start in a worker;
  - the peer, pdftotext two at a time: wall and CPU.
  The floor: the peer's wall / (the first item's start + PDFium's work on two cores).

One .tar.zst: ``python bench/zip.py --case zst --stages`` (its floor is printed there).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import batchpilot_command, cpu_seconds, fresh, json_timeline, run_checked, write_floors

# The C calls of Pillow that hold a picture's work, by the stage they are.
PICTURE_CALLS = {
    "JPEG decode (libjpeg-turbo)": ("decode' of 'ImagingDecoder",),
    "resize (Pillow, bicubic)": ("resize' of 'ImagingCore",),
    "WebP encode (libwebp, method 4)": ("WebPEncode",),
    "check: decode the written WebP": ("WebPAnimDecoder",),
}


def median_of(rounds: int, fn: Callable[[], float]) -> float:
    return statistics.median(fn() for _ in range(rounds))


def profile_calls(fn: Callable[[], object], calls: dict[str, tuple[str, ...]]) -> dict[str, float]:
    """CPU seconds (internal time) of the C functions whose names hold one of ``calls``' strings."""
    profiler = cProfile.Profile(time.process_time)
    profiler.runcall(fn)
    found = dict.fromkeys(calls, 0.0)
    for (_file, _line, name), entry in pstats.Stats(profiler).stats.items():  # type: ignore[attr-defined]
        for stage, needles in calls.items():
            if any(needle in name for needle in needles):
                found[stage] += entry[2]
    return found


def child_cpu(command: list[str]) -> float:
    c0 = cpu_seconds()
    run_checked(command)
    return cpu_seconds() - c0


# ------------------------------------------------------------------------------- pictures


def images(work: Path, count: int, rounds: int) -> str:
    from bench.images import BOX, QUALITY, generate, ours_command
    from workers.tasks.media_image import ImageSettings, convert_image

    paths = generate(work / "pictures", count)
    settings = ImageSettings("WEBP", quality=QUALITY, max_width=BOX, max_height=BOX)
    out = fresh(work / "pictures-out")

    def ours() -> None:
        for path in paths:
            convert_image(str(path), out / (path.stem + ".webp"), settings, lambda fraction, message="": None)

    def whole() -> float:
        c0 = time.process_time()
        ours()
        return time.process_time() - c0

    ours()  # warm the page cache and the imports
    total = median_of(rounds, whole) / count
    parts = {stage: seconds / count for stage, seconds in profile_calls(ours, PICTURE_CALLS).items()}
    # The command line's CPU per picture beyond its own start: one picture against all of them.
    one = fresh(work / "one-picture")
    shutil.copy(paths[0], one)
    start = median_of(rounds, lambda: child_cpu(ours_command(one, fresh(work / "pictures-cli"))))
    cli = (median_of(rounds, lambda: child_cpu(ours_command(paths[0].parent, fresh(work / "pictures-cli"))))
           - start) / (count - 1)

    vips = shutil.which("vipsthumbnail")
    rows = [(stage, seconds) for stage, seconds in parts.items()]
    rows.append(("the rest: EXIF, files, Python", total - sum(parts.values())))
    print(f"\npictures: where the CPU goes, per picture ({count} pictures, medians of {rounds} rounds)")
    print(f"  {'batchpilot':<44} {'ms':>7}")
    for stage, seconds in rows:
        print(f"  {stage:<44} {seconds * 1e3:7.1f}")
    print(f"  {'= convert_image in this process':<44} {total * 1e3:7.1f}")
    print(f"  {'the command line, each picture more (2 workers)':<44} {cli * 1e3:7.1f}")
    print(f"  {'the command line run on one picture':<44} {start * 1e3:7.1f}")
    if not vips:
        return "pictures: vipsthumbnail is not installed (apt-get install libvips-tools): no floor"

    def vips_cpu(box: int, suffix: str) -> float:
        folder = fresh(work / "pictures-vips")
        size = f"{box}x{box}" if box else "100000x100000>"  # ">": only ever shrink, so 0 = as it is
        return child_cpu([vips, *map(str, paths), "--size", size, "-o", f"{folder}/%s{suffix}"]) / count

    decode = median_of(rounds, lambda: vips_cpu(0, ".v"))
    resized = median_of(rounds, lambda: vips_cpu(BOX, ".v"))
    vips_whole = median_of(rounds, lambda: vips_cpu(BOX, f".webp[Q={QUALITY}]"))
    print(f"  {'vipsthumbnail, one process':<44} {'ms':>7}")
    print(f"  {'decode (and write it raw)':<44} {decode * 1e3:7.1f}")
    print(f"  {'resize (lanczos3)':<44} {(resized - decode) * 1e3:7.1f}")
    print(f"  {'WebP encode (libwebp, effort 4)':<44} {(vips_whole - resized) * 1e3:7.1f}")
    print(f"  {'= vipsthumbnail':<44} {vips_whole * 1e3:7.1f}")
    check = parts["check: decode the written WebP"]
    library = sum(parts.values()) - check
    line = (f"pictures: vipsthumbnail {vips_whole * 1e3:.0f} ms CPU a picture; batchpilot's decode, resize and "
            f"encode alone {library * 1e3:.0f} ms (resize {parts['resize (Pillow, bicubic)'] * 1e3:.0f} ms), "
            f"its check {check * 1e3:.0f} ms, the rest in the command {(cli - library - check) * 1e3:.0f} ms: "
            f"at best {vips_whole / (library + check):.2f}x with the check and no engine or Python "
            f"({vips_whole / library:.2f}x without the check)")
    print("  floor: " + line)
    return line


# ------------------------------------------------------------------------------- PDFs


def pdfs(work: Path, scale: float, rounds: int) -> str:
    import pypdfium2 as pdfium

    from bench.parse import WORKERS, batchpilot_plan, mixed_batch, pdftotext_xargs

    src = work / "pdfs"
    paths, pages = mixed_batch(src, scale)
    plan = batchpilot_plan(src, fresh(work / "pdfs-out"))

    def pdfium_pages() -> float:
        c0 = time.process_time()
        for path in paths:
            pdf = pdfium.PdfDocument(path)
            for page in pdf:
                textpage = page.get_textpage()
                textpage.get_text_range()
                textpage.close()
                page.close()
            pdf.close()
        return time.process_time() - c0

    def task_runs() -> float:
        c0 = time.process_time()
        for item in plan.items:
            plan.task.run(item, plan.options, lambda fraction, message="": None)
        return time.process_time() - c0

    def peer() -> tuple[float, float]:
        t0, c0 = time.perf_counter(), cpu_seconds()
        pdftotext_xargs(src)
        wall, cpu = time.perf_counter() - t0, cpu_seconds() - c0
        for text in src.rglob("*.txt"):
            text.unlink()
        return wall, cpu

    command = [*batchpilot_command(), "run", "parse", str(src), "--workers", str(WORKERS), "--set",
               "output_format=txt", "--on-exists", "overwrite"]
    pdfium_pages()
    library = median_of(rounds, pdfium_pages)
    in_task = median_of(rounds, task_runs)
    timelines = [json_timeline([*command, "--out", str(fresh(work / "pdfs-cli"))]) for _ in range(rounds)]
    first = statistics.median(t["first_item"] for t in timelines)
    cli_wall = statistics.median(t["total"] for t in timelines)
    print(f"\nPDFs: where the time goes ({len(paths)} PDFs, {pages} pages, medians of {rounds} rounds)")
    print(f"  {'stage':<52} {'s':>6}")
    print(f"  {'PDFium page work, CPU (open, text page, text)':<52} {library:6.2f}")
    print(f"  {'the parse task in this process, CPU':<52} {in_task:6.2f}")
    print(f"  {'cold command line: the first item starts at':<52} {first:6.2f}")
    print(f"  {'cold command line: ends at':<52} {cli_wall:6.2f}")
    if not shutil.which("pdftotext"):
        return "PDFs: pdftotext is not installed (apt-get install poppler-utils): no floor"
    peer_runs = [peer() for _ in range(rounds)]
    peer_wall = statistics.median(w for w, _ in peer_runs)
    peer_cpu = statistics.median(c for _, c in peer_runs)
    print(f"  {'pdftotext, two at a time: wall':<52} {peer_wall:6.2f}")
    print(f"  {'pdftotext, two at a time: CPU':<52} {peer_cpu:6.2f}")
    best = first + library / WORKERS
    line = (f"PDFs: pdftotext {peer_wall:.2f} s ({peer_cpu:.2f} s CPU); PDFium's page work alone {library:.2f} s CPU, "
            f"the first page starts {first:.2f} s after a cold command: at best {peer_wall / best:.2f}x if every "
            f"page then took only PDFium's time on {WORKERS} cores ({peer_wall / (library / WORKERS):.2f}x "
            "with workers already running)")
    print("  floor: " + line)
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=("images", "parse"), help="one workload (default: both)")
    parser.add_argument("--count", type=int, default=0, help="pictures (default 24, quick 4)")
    parser.add_argument("--rounds", type=int, default=0, help="rounds (default 3, quick 1)")
    parser.add_argument("--quick", action="store_true", help="fewer pictures and PDFs, one round")
    parser.add_argument("--floors", type=Path, metavar="FILE", help="append each floor line to FILE")
    args = parser.parse_args()
    rounds = args.rounds or (1 if args.quick else 3)
    lines = []
    with tempfile.TemporaryDirectory(prefix="bp-bench-stages-") as tmp:
        work = Path(tmp)
        if args.only in (None, "images"):
            lines.append(images(work, args.count or (4 if args.quick else 24), rounds))
        if args.only in (None, "parse"):
            lines.append(pdfs(work, 0.25 if args.quick else 1.0, rounds))
    write_floors(args.floors, lines)


if __name__ == "__main__":
    main()
