"""Benchmark: PDFs to text, batchpilot's parse task (2 workers) against the command-line tools.

Two workloads; both run unless ``--only`` picks one.

text: N multi-page PDFs with a text layer (by default a mix of 1 to 21 pages, as office batches
are; --pages fixes every file at one length), timed in the same run and alternating order:
  - pdftotext (poppler-utils), two processes at a time, one per file — the peer;
  - batchpilot: ``run_plan`` on a fresh 2-worker pool (what the CLI does, spawn included),
    and the same plan on a pool that is already running (what the window does);
  - one process looping over the files with pypdfium2, no engine — the floor the engine starts from.
Prints medians and ratios (peer time / our time: above 1 means batchpilot is faster).

ocr: scanned PDFs (pages that are pictures of printed text, no text layer), read by OCR:
  - batchpilot, cold and warm as above: each page rendered by PDFium at 300 dpi and read by
    Tesseract inside the worker (tesserocr);
  - the peer: ``tesseract PAGE.png OUT -l eng`` run by hand, two at a time, on the same pages
    rendered beforehand (not timed) at the same 300 dpi; once as installed (OpenMP threads)
    and once with OMP_THREAD_LIMIT=1, Tesseract's advice for running several at once.
Prints pages per second and the ratios (bench/common.py's race: wall, best wall and CPU), and how
many of the printed words each side found.

    .venv/bin/python bench/parse.py              # both workloads
    .venv/bin/python bench/parse.py --only text --pages 40   # every PDF 40 pages long
    .venv/bin/python bench/parse.py --only ocr   # 6 scanned PDFs of 4 pages, 3 rounds
    .venv/bin/python bench/parse.py --quick      # smaller sets, 1 round

pdftotext comes from poppler-utils, tesseract from tesseract-ocr (Debian/Ubuntu: ``apt-get
install poppler-utils tesseract-ocr``); without one, its peer is skipped and only batchpilot's
own figures are printed.
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

from bench.common import print_race, race
from tests.documents import make_pdf, make_scanned_pdf, page_picture, sentence
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


def batchpilot_plan(src: Path, out: Path, **values: object) -> Plan:
    task = load_task("parse")
    options = build_options(task, {"output_format": "txt", **values})
    return make_plan(task, options, [src], out, OutputPolicy.OVERWRITE)


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def words_in(folder: Path) -> int:
    return sum(len(p.read_text("utf-8", errors="replace").split()) for p in folder.rglob("*.txt"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--only", choices=("text", "ocr"), help="run one workload (default: both)")
    parser.add_argument("--files", type=int, default=0, help="PDFs (default: text 42, ocr 6)")
    parser.add_argument("--pages", type=int, default=0, help="pages per PDF (default: text mixed 1-21, ocr 4)")
    parser.add_argument("--lines", type=int, default=0, help="lines of text per page (default: text 45, ocr 30)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="fewer files, one round")
    args = parser.parse_args()
    if args.quick:
        args.rounds = 1
    code = 0
    if args.only in (None, "text"):
        code |= text_main(argparse.Namespace(**vars(args)))
    if args.only in (None, "ocr"):
        code |= ocr_main(argparse.Namespace(**vars(args)))
    return code


def text_main(args: argparse.Namespace) -> int:
    """The text-layer workload against pdftotext."""
    args.files = args.files or (14 if args.quick else 42)
    args.lines = args.lines or 45
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


# ------------------------------------------------------------------ OCR: scanned pages

OCR_WORDS = [
    "invoice", "total", "amount", "customer", "delivery", "address", "quarterly", "report", "revenue", "growth",
    "March", "April", "meeting", "agenda", "minutes", "budget", "analysis", "summary", "conclusion", "appendix",
    "figure", "table", "chapter", "section", "the", "of", "and", "to", "in", "for", "with", "on", "by", "from"
]


def scanned(folder: Path, files: int, pages: int, lines: int) -> tuple[list[Path], str]:
    """``files`` PDFs of ``pages`` scanned pages (200 dpi pictures, no text layer); and every printed word."""
    import random

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1)
    paths, printed = [], []
    for n in range(files):
        pictures = []
        for _ in range(pages):
            text = [" ".join(rng.choice(OCR_WORDS) for _ in range(9)) for _ in range(lines)]
            printed += text
            pictures.append(page_picture(text, font_size=10))
        paths.append(make_scanned_pdf(folder / f"scan{n:03d}.pdf", pictures))
    return paths, " ".join(printed)


def render_pages(paths: list[Path], folder: Path) -> list[Path]:
    """Every page as a PNG at the resolution parse's OCR renders at (the peer's input)."""
    import pypdfium2 as pdfium

    from workers.tasks.parsers.ocr import render_scale

    folder.mkdir(parents=True, exist_ok=True)
    pngs = []
    for src in paths:
        with pdfium.PdfDocument(src) as pdf:
            for n, page in enumerate(pdf):
                bitmap = page.render(scale=render_scale(*page.get_size()), grayscale=True)
                png = folder / f"{src.stem}-{n + 1:03d}.png"
                bitmap.to_pil().save(png, dpi=(300, 300))
                bitmap.close()
                page.close()
                pngs.append(png)
    return pngs


def tesseract_pair(pngs: list[Path], out: Path, one_thread: bool) -> None:
    """``tesseract`` on every page, two processes at a time."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1") if one_thread else None

    def one(png: Path) -> None:
        subprocess.run(["tesseract", str(png), str(out / png.stem), "-l", "eng"], check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(one, pngs))


def recall(printed: str, folder: Path) -> float:
    """The share of the printed words found in the text files under ``folder``."""
    from collections import Counter

    found = Counter(" ".join(p.read_text("utf-8", errors="replace") for p in folder.rglob("*.txt")).split())
    hits = 0
    for word in printed.split():
        if found[word] > 0:
            found[word] -= 1
            hits += 1
    return hits / max(1, len(printed.split()))


def ocr_main(args: argparse.Namespace) -> int:
    """The OCR workload against tesseract run by hand."""
    files = args.files or (2 if args.quick else 6)
    pages = args.pages or (2 if args.quick else 4)
    lines = args.lines or 30
    total = files * pages
    options = {"ocr_languages": "eng"}
    with tempfile.TemporaryDirectory(prefix="bench-parse-ocr-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        paths, printed = scanned(root / "src", files, pages, lines)
        pngs = render_pages(paths, root / "pages")
        print(f"\nOCR: {files} scanned PDFs of {pages} pages ({total} pages, {lines} lines of 9 words each), "
              f"made and rendered at 300 dpi in {time.perf_counter() - t0:.1f} s; {args.rounds} round(s), "
              f"{WORKERS} at a time")
        with Engine(EngineOptions(workers=WORKERS)) as warm:
            warm.start()
            warm.run(batchpilot_plan(root / "src", root / "warmup", **options))  # models loaded in each worker
            def cold(out: Path) -> None:
                run_plan(batchpilot_plan(root / "src", out, **options), None, EngineOptions(workers=WORKERS))

            def warmed(out: Path) -> None:
                warm.run(batchpilot_plan(root / "src", out, **options))

            contenders: dict[str, Callable[[Path], None]] = {"batchpilot": cold, "bp warm": warmed}
            if shutil.which("tesseract"):
                contenders["tesseract x2"] = lambda out: tesseract_pair(pngs, out, one_thread=False)
                contenders["tess x2 1thr"] = lambda out: tesseract_pair(pngs, out, one_thread=True)
            else:
                print("tesseract not found: install tesseract-ocr (e.g. apt-get install tesseract-ocr) to compare")
            found: dict[str, float] = {}

            def output_bytes(out: Path) -> int:
                found[out.name.removeprefix("out-")] = recall(printed, out)
                return sum(p.stat().st_size for p in out.rglob("*") if p.is_file())

            result = race(contenders, args.rounds, root, output_bytes)
        print_race(result, "batchpilot", "CPU/page", lambda seconds: f"{seconds / total * 1000:.0f} ms")
        print("(bp warm: workers already running with their models loaded, as in the window; its CPU is "
              "the workers', which this process cannot count)")
        for name, values in result.times.items():
            print(f"  {name:<14} {total / statistics.median(values):6.2f} pages/s   "
                  f"{found.get(name, 0):.1%} of the printed words found")
        for ours in ("batchpilot", "bp warm"):
            for peer in ("tesseract x2", "tess x2 1thr"):
                if peer in result.times:
                    ratio = statistics.median(result.times[peer]) / statistics.median(result.times[ours])
                    print(f"ratio {peer} / {ours} (pages/s ours / theirs): {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
