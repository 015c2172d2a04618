"""Benchmark: PDFs to text, batchpilot's parse task (2 workers) against pdftotext run 2 at a time.

Generates N multi-page PDFs (by default a mix of 1 to 21 pages, as office batches are; --pages
fixes every file at one length), then times, in the same run and alternating order:
  - pdftotext (poppler-utils), two processes at a time, one per file — the peer;
  - batchpilot: ``run_plan`` on a fresh 2-worker pool (what the CLI does, spawn included),
    and the same plan on a pool that is already running (what the window does);
  - one process looping over the files with pypdfium2, no engine — the floor the engine starts from.
Prints medians and ratios (peer time / our time: above 1 means batchpilot is faster).

    .venv/bin/python bench/parse.py              # 42 PDFs of 1-21 pages, 3 rounds
    .venv/bin/python bench/parse.py --pages 40   # every PDF 40 pages long
    .venv/bin/python bench/parse.py --quick      # 14 PDFs of 1-21 pages, 1 round

pdftotext comes from poppler-utils (Debian/Ubuntu: ``apt-get install poppler-utils``); without it
the peer is skipped and only the in-house baselines are measured.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.documents import make_pdf, sentence
from workers.engine import Engine, EngineOptions, run_plan
from workers.plan import OutputPolicy, Plan, make_plan
from workers.registry import load_task
from workers.task import build_options

WORKERS = 2
MIXED_PAGES = (1, 2, 3, 5, 8, 13, 21)  # cycled over the files when --pages is not given


def generate(folder: Path, files: int, pages: int, lines: int) -> list[Path]:
    """``files`` PDFs of ``pages`` pages (0: the mixed lengths) with ``lines`` lines of words each."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(files):
        count = pages or MIXED_PAGES[n % len(MIXED_PAGES)]
        texts = [f"Document {n} page {p + 1} " + sentence(n * 10_000 + p) for p in range(count)]
        paths.append(make_pdf(folder / f"doc{n:03d}.pdf", texts, title=f"Document {n}", lines_per_page=lines))
    return paths


def pdftotext_pair(paths: list[Path], out: Path) -> None:
    """pdftotext on every file, two processes at a time (as many as batchpilot has workers)."""
    out.mkdir(parents=True, exist_ok=True)

    def one(src: Path) -> None:
        subprocess.run(["pdftotext", "-enc", "UTF-8", str(src), str(out / (src.name + ".txt"))],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(one, paths))


def pdfium_loop(paths: list[Path], out: Path) -> None:
    """One process, no engine: open, extract every page, write the text."""
    import pypdfium2 as pdfium

    out.mkdir(parents=True, exist_ok=True)
    for src in paths:
        with pdfium.PdfDocument(str(src)) as pdf:
            pages = []
            for page in pdf:
                textpage = page.get_textpage()
                pages.append(textpage.get_text_range())
                textpage.close()
                page.close()
        (out / (src.name + ".txt")).write_text("\f".join(pages), encoding="utf-8")


def batchpilot_plan(src: Path, out: Path) -> Plan:
    task = load_task("parse")
    options = build_options(task, {"output_format": "txt"})
    return make_plan(task, options, [src], out, OutputPolicy.OVERWRITE)


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def words_in(folder: Path) -> int:
    return sum(len(p.read_text("utf-8", errors="replace").split()) for p in folder.rglob("*.txt"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--files", type=int, default=42)
    parser.add_argument("--pages", type=int, default=0, help="pages per PDF (default: mixed 1-21)")
    parser.add_argument("--lines", type=int, default=45, help="lines of text per page")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="14 files, one round")
    args = parser.parse_args()
    if args.quick:
        args.files, args.rounds = 14, 1

    have_peer = shutil.which("pdftotext") is not None
    if not have_peer:
        print("pdftotext not found: install poppler-utils (e.g. apt-get install poppler-utils) to compare; "
              "measuring batchpilot against its own baseline only")

    with tempfile.TemporaryDirectory(prefix="bench-parse-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        paths = generate(root / "src", args.files, args.pages, args.lines)
        size = sum(p.stat().st_size for p in paths)
        pages = sum(args.pages or MIXED_PAGES[n % len(MIXED_PAGES)] for n in range(args.files))
        shape = f"{args.pages} pages each" if args.pages else f"{pages} pages in all (1-21 each)"
        print(f"{args.files} PDFs, {shape}, {args.lines} lines a page ({size / 2**20:.1f} MB), "
              f"made in {time.perf_counter() - t0:.1f} s; {args.rounds} round(s), {WORKERS} at a time")

        times: dict[str, list[float]] = {"pdftotext x2": [], "batchpilot cold": [], "batchpilot warm": [],
                                         "pypdfium2 loop": []}
        if not have_peer:
            del times["pdftotext x2"]
        with Engine(EngineOptions(workers=WORKERS)) as warm:
            warm.start()
            warm.run(batchpilot_plan(root / "src", root / "warmup"))  # workers import their libraries
            for r in range(args.rounds):
                runs: list[tuple[str, Callable[[], object]]] = [
                    ("batchpilot cold", lambda: run_plan(batchpilot_plan(root / "src", root / "cold"), None,
                                                         EngineOptions(workers=WORKERS))),
                    ("batchpilot warm", lambda: warm.run(batchpilot_plan(root / "src", root / "warm"))),
                    ("pypdfium2 loop", lambda: pdfium_loop(paths, root / "loop")),
                ]
                if have_peer:
                    runs.insert(0, ("pdftotext x2", lambda: pdftotext_pair(paths, root / "poppler")))
                if r % 2:
                    runs.reverse()  # alternate so neither side always runs on a warmer cache
                for name, fn in runs:
                    times[name].append(timed(fn))

        medians = {name: statistics.median(values) for name, values in times.items()}
        if hasattr(os, "getloadavg"):  # context for the figures on a shared machine
            print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        for name, value in medians.items():
            print(f"  {name:<16} {value:7.3f} s  ({pages / value:7.0f} pages/s)")
        base = "pdftotext x2" if have_peer else "pypdfium2 loop"
        for ours in ("batchpilot cold", "batchpilot warm"):
            print(f"ratio {base} / {ours}: {medians[base] / medians[ours]:.2f}x")
        if have_peer:
            print(f"ratio pypdfium2 loop / batchpilot warm: "
                  f"{medians['pypdfium2 loop'] / medians['batchpilot warm']:.2f}x (what two workers buy)")
            ours_words, peer_words = words_in(root / "cold"), words_in(root / "poppler")
            print(f"words extracted: batchpilot {ours_words}, pdftotext {peer_words}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
