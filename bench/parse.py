"""Benchmark: PDFs to text, batchpilot's parse task against the command-line tools.

Two workloads; both run unless ``--only`` picks one.

text: a mixed batch of PDFs made here from a seed, the kind an office folder holds: a few long
reports (100 to 180 pages), many short letters and forms (1 to 8 pages), some mid-length files,
and odd ones: pages turned by /Rotate and landscape text, lines in many fonts (the 14 standard
ones and embedded TrueType subsets with accents), pages with pictures, and a file with form fields
and annotations. Timed in the same run, in interleaved rounds (the order reversed every other
round), medians:
  - the peer: ``find DIR -name '*.pdf' -print0 | xargs -0 -n1 -P2 pdftotext -enc UTF-8`` (poppler-utils),
    two processes at a time, each text written beside its PDF as pdftotext does by default;
  - batchpilot from a cold start: ``batchpilot run parse DIR --out OUT --workers 2 --set
    output_format=txt`` as a subprocess, so its start, the workers' spawn and imports, the scan,
    the journal and the index all count;
  - batchpilot on a pool that is already running (what the window does), for where the cold
    start's time goes.
``--compare-tree DIR`` adds the cold CLI run of another checkout of the project (say the last
commit, unpacked with ``git archive``) to the same rounds: before and after on one busy machine.
Prints wall and CPU medians, the text each side wrote (bytes) and the ratios (peer time / ours:
above 1 means batchpilot is faster).

ocr: scanned PDFs (pages that are pictures of printed text, no text layer), read by OCR:
  - batchpilot, cold and warm as above: each page rendered by PDFium at 300 dpi and read by
    Tesseract inside the worker (tesserocr);
  - the peer: ``tesseract PAGE.png OUT -l eng`` run by hand, two at a time, on the same pages
    rendered beforehand (not timed) at the same 300 dpi; once as installed (OpenMP threads)
    and once with OMP_THREAD_LIMIT=1, Tesseract's advice for running several at once.
Prints pages per second and the ratios (bench/common.py's race: wall, best wall and CPU), and how
many of the printed words each side found.

    .venv/bin/python bench/parse.py              # both workloads
    .venv/bin/python bench/parse.py --only text --rounds 5
    .venv/bin/python bench/parse.py --only ocr   # 6 scanned PDFs of 4 pages, 3 rounds
    .venv/bin/python bench/parse.py --quick      # smaller sets, fewer rounds

pdftotext comes from poppler-utils, tesseract from tesseract-ocr (Debian/Ubuntu: ``apt-get
install poppler-utils tesseract-ocr``); without one, its peer is skipped and only batchpilot's
own figures are printed.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Race, add_summary_option, print_race, race, write_headline
from tests.documents import LOREM, make_scanned_pdf, page_picture
from workers.engine import Engine, EngineOptions, run_plan
from workers.plan import OutputPolicy, Plan, make_plan
from workers.registry import load_task
from workers.task import build_options

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2
SEED = 15
PEER_COMMAND = "find DIR -name '*.pdf' -print0 | xargs -0 -n1 -P2 pdftotext -enc UTF-8"
TARGET = 1.3  # issue 15: parse at least 1.3x pdftotext two at a time, from a cold CLI start

# ------------------------------------------------------------------ the mixed batch

ACCENTED = ["café", "naïve", "Straße", "façade", "crème", "brûlée", "Ångström", "smörgåsbord", "jalapeño",
            "déjà", "über", "œuvre"]
STANDARD_FONTS = ["Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman",
                  "Times-Bold", "Times-Italic", "Times-BoldItalic", "Courier", "Courier-Bold", "Courier-Oblique",
                  "Courier-BoldOblique"]
TRUETYPE = {"Vera": "Vera.ttf", "VeraBd": "VeraBd.ttf", "VeraIt": "VeraIt.ttf", "VeraBI": "VeraBI.ttf"}


@dataclass(frozen=True)
class Shape:
    """One PDF of the batch: what kind, how many pages."""

    name: str
    kind: str  # plain, rotated, fonts, pictures, form
    pages: int


def batch_shapes(rng: random.Random, scale: float) -> list[Shape]:
    """The batch's files, shuffled: long, short, mid-length and odd ones."""
    def count(n: int) -> int:
        return max(1, round(n * scale))

    shapes = [Shape(f"report-{n:02d}", "plain", rng.randint(100, 180)) for n in range(count(5))]
    shapes += [Shape(f"letter-{n:03d}", "plain", rng.choice((1, 1, 1, 2, 2, 3, 4, 6, 8))) for n in range(count(90))]
    shapes += [Shape(f"paper-{n:02d}", "plain", rng.randint(10, 30)) for n in range(count(12))]
    shapes += [Shape(f"turned-{n}", "rotated", rng.randint(4, 12)) for n in range(count(4))]
    shapes += [Shape(f"fonts-{n}", "fonts", rng.randint(6, 16)) for n in range(count(4))]
    shapes += [Shape(f"pictures-{n}", "pictures", rng.randint(2, 6)) for n in range(count(4))]
    shapes.append(Shape("form-0", "form", 3))
    rng.shuffle(shapes)
    return shapes


def _words(rng: random.Random, n: int, accents: bool = False) -> str:
    pool = LOREM + ACCENTED if accents else LOREM
    return " ".join(rng.choice(pool) for _ in range(n))


def _register_truetype() -> list[str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in TRUETYPE.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, file))  # reportlab ships the Vera fonts
    return list(TRUETYPE)


def _lines(pdf: object, rng: random.Random, top: float, bottom: float, fonts: list[str], size: float = 10,
           x: float = 56, accents: bool = False) -> None:
    y = top
    while y > bottom:
        pdf.setFont(rng.choice(fonts), size)  # type: ignore[attr-defined]
        pdf.drawString(x, y, _words(rng, rng.randint(8, 13), accents))  # type: ignore[attr-defined]
        y -= size * 1.4


def _picture(rng: random.Random) -> object:
    """A photo-like picture: a gradient with noise (JPEG-compressed into the PDF)."""
    from PIL import Image, ImageFilter
    from reportlab.lib.utils import ImageReader

    w, h = 480, 320
    noise = Image.effect_noise((w, h), rng.uniform(30, 70)).filter(ImageFilter.GaussianBlur(1))
    gradient = Image.linear_gradient("L").resize((w, h)).rotate(rng.choice((0, 90, 180, 270)))
    picture = Image.merge("RGB", (noise, gradient, Image.blend(noise, gradient, 0.5)))
    data = io.BytesIO()
    picture.save(data, "JPEG", quality=85)
    data.seek(0)
    return ImageReader(data)


def make_batch_pdf(path: Path, shape: Shape, rng: random.Random) -> Path:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setTitle(shape.name.replace("-", " ").title())
    fonts = ["Helvetica"]
    if shape.kind == "fonts":
        fonts = STANDARD_FONTS + _register_truetype()
    for n in range(shape.pages):
        width, height = A4
        if shape.kind == "rotated":
            if n % 3 == 2:  # a landscape page with its text running up the page
                width, height = landscape(A4)
                pdf.setPageSize((width, height))
                pdf.saveState()
                pdf.translate(width - 40, 40)
                pdf.rotate(90)
                _lines(pdf, rng, width - 150, 20, fonts, x=10)
                pdf.restoreState()
            else:
                pdf.setPageRotation((90, 180, 270)[n % 3])
                _lines(pdf, rng, height - 60, 50, fonts)
        elif shape.kind == "pictures":
            pdf.drawImage(_picture(rng), 56, height - 380, width=420, height=280)
            _lines(pdf, rng, height - 410, 50, fonts)
        elif shape.kind == "form":
            _form_page(pdf, rng, n, height)
        else:
            _lines(pdf, rng, height - 60, 50, fonts, accents=shape.kind == "fonts")
        pdf.drawString(width / 2, 24, f"{n + 1}")
        pdf.showPage()
        pdf.setPageSize(A4)
        pdf.setPageRotation(0)
    pdf.save()
    return path


def _form_page(pdf: object, rng: random.Random, n: int, height: float) -> None:
    """Text, form fields (text, check box, choice), a link and a note."""
    c = pdf
    c.setFont("Helvetica-Bold", 14)  # type: ignore[attr-defined]
    c.drawString(56, height - 60, f"Application form, part {n + 1}")  # type: ignore[attr-defined]
    form = c.acroForm  # type: ignore[attr-defined]
    y = height - 110
    for field in range(5):
        c.setFont("Helvetica", 10)  # type: ignore[attr-defined]
        c.drawString(56, y + 4, f"Field {field + 1}: {_words(rng, 3)}")  # type: ignore[attr-defined]
        form.textfield(name=f"p{n}f{field}", x=260, y=y, width=200, height=18, value=_words(rng, 2))
        y -= 32
    form.checkbox(name=f"p{n}agree", x=56, y=y, size=14, checked=bool(n % 2))
    form.choice(name=f"p{n}pick", x=260, y=y, width=120, height=18, options=["one", "two", "three"], value="two")
    c.linkURL("https://example.org/terms", (56, y - 40, 300, y - 20))  # type: ignore[attr-defined]
    c.drawString(56, y - 36, "Read the terms and conditions")  # type: ignore[attr-defined]
    c.textAnnotation(_words(rng, 6), Rect=(400, y - 40, 420, y - 20))  # type: ignore[attr-defined]
    _lines(c, rng, y - 70, 50, ["Helvetica"])


def mixed_batch(folder: Path, scale: float = 1.0, seed: int = SEED) -> tuple[list[Path], int]:
    """The mixed batch in ``folder``; its PDFs and their page count."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    shapes = batch_shapes(rng, scale)
    paths = [make_batch_pdf(folder / f"{s.name}.pdf", s, random.Random(rng.random())) for s in shapes]
    return paths, sum(s.pages for s in shapes)


# ------------------------------------------------------------------ the contenders


def pdftotext_xargs(src: Path) -> None:
    """The peer as a user would run it: every text beside its PDF, two processes at a time."""
    subprocess.run(f"find . -name '*.pdf' -print0 | xargs -0 -n1 -P{WORKERS} pdftotext -enc UTF-8", shell=True,
                   cwd=src, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def cli_run(src: Path, out: Path, tree: Path = ROOT) -> None:
    """``batchpilot run parse`` from a cold start, as a subprocess of the checkout at ``tree``."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run([sys.executable, "-m", "workers", "run", "parse", str(src), "--out", str(out),
                           "--workers", str(WORKERS), "--set", "output_format=txt"],
                          cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        print(f"  (batchpilot in {tree.name} exited {done.returncode}: {done.stderr.strip()[-300:]})")


def batchpilot_plan(src: Path, out: Path, **values: object) -> Plan:
    task = load_task("parse")
    options = build_options(task, {"output_format": "txt", **values})
    return make_plan(task, options, [src], out, OutputPolicy.OVERWRITE)


def text_bytes(folder: Path) -> int:
    """Bytes of extracted text under ``folder`` (the .txt files, not the index)."""
    return sum(p.stat().st_size for p in folder.rglob("*.txt"))


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds (this process and the children it waited for) of ``fn()``."""
    from bench.common import cpu_seconds

    t0, c0 = time.perf_counter(), cpu_seconds()
    fn()
    return time.perf_counter() - t0, cpu_seconds() - c0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--only", choices=("text", "ocr"), help="run one workload (default: both)")
    parser.add_argument("--files", type=int, default=0, help="ocr: scanned PDFs (default 6)")
    parser.add_argument("--pages", type=int, default=0, help="ocr: pages per PDF (default 4)")
    parser.add_argument("--lines", type=int, default=0, help="ocr: lines of text per page (default 30)")
    parser.add_argument("--scale", type=float, default=0.0,
                        help="text: the share of the batch's files to make (default 1, --quick 0.3)")
    parser.add_argument("--rounds", type=int, default=0, help="interleaved rounds (default 5, --quick 3)")
    parser.add_argument("--compare-tree", type=Path, metavar="DIR",
                        help="text: also time the cold CLI run of the checkout in DIR (before/after)")
    parser.add_argument("--quick", action="store_true", help="a smaller batch, fewer rounds")
    add_summary_option(parser)
    args = parser.parse_args()
    args.rounds = args.rounds or (3 if args.quick else 5)
    code = 0
    if args.only in (None, "text"):
        code |= text_main(argparse.Namespace(**vars(args)))
    if args.only in (None, "ocr"):
        args.rounds = min(args.rounds, 1 if args.quick else 3)
        code |= ocr_main(argparse.Namespace(**vars(args)))
    return code


def text_main(args: argparse.Namespace) -> int:
    """The mixed batch against pdftotext, two at a time."""
    scale = args.scale or (0.3 if args.quick else 1.0)
    have_peer = shutil.which("pdftotext") is not None
    if not have_peer:
        print("pdftotext not found: install poppler-utils (e.g. apt-get install poppler-utils) to compare; "
              "measuring batchpilot on its own")
    with tempfile.TemporaryDirectory(prefix="bench-parse-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        src = root / "src"
        paths, pages = mixed_batch(src, scale)
        size = sum(p.stat().st_size for p in paths)
        print(f"text: {len(paths)} PDFs, {pages:,} pages (long, short, turned, many fonts, pictures, a form; "
              f"{size / 2**20:.1f} MB), made in {time.perf_counter() - t0:.1f} s; {args.rounds} rounds, "
              f"{WORKERS} at a time")

        def peer(out: Path) -> None:
            pdftotext_xargs(src)

        def peer_after(out: Path) -> None:  # not timed: the texts move out of the sources' folder
            for text in src.glob("*.txt"):
                os.replace(text, out / text.name)

        contenders: dict[str, Callable[[Path], None]] = {}
        if have_peer:
            contenders["pdftotext x2"] = peer
        contenders["batchpilot"] = lambda out: cli_run(src, out)
        if args.compare_tree:
            contenders["compared tree"] = lambda out: cli_run(src, out, args.compare_tree.resolve())
        result = Race({n: [] for n in contenders}, {n: [] for n in contenders})
        warm_times: list[float] = []
        with Engine(EngineOptions(workers=WORKERS)) as warm:
            warm.start()
            warm.run(batchpilot_plan(src, root / "warmup"))  # the workers import their libraries
            for r in range(args.rounds):
                order = list(contenders) if r % 2 == 0 else list(reversed(contenders))
                for name in order:
                    out = root / f"out-{name}"
                    shutil.rmtree(out, ignore_errors=True)
                    out.mkdir()
                    wall, cpu = timed(lambda: contenders[name](out))  # noqa: B023 (called at once)
                    if name == "pdftotext x2":
                        peer_after(out)
                    result.times[name].append(wall)
                    result.cpu[name].append(cpu)
                    result.sizes[name] = text_bytes(out)
                warm_out = root / "out-warm"
                shutil.rmtree(warm_out, ignore_errors=True)
                warm_times.append(timed(lambda: warm.run(batchpilot_plan(src, warm_out)))[0])  # noqa: B023
        print_race(result, "batchpilot", "CPU s", lambda seconds: f"{seconds:.2f}")
        ours = statistics.median(result.times["batchpilot"])
        print(f"batchpilot on a running pool (window): {statistics.median(warm_times):.2f} s median; "
              f"the cold start costs {ours - statistics.median(warm_times):.2f} s")
        for name, values in result.times.items():
            print(f"  {name:<14} {pages / statistics.median(values):7.0f} pages/s, "
                  f"{result.sizes[name]:,} bytes of text")
        if args.compare_tree:
            print(f"ratio compared tree / batchpilot: {statistics.median(result.times['compared tree']) / ours:.2f}x")
        if have_peer:
            peer_s = statistics.median(result.times["pdftotext x2"])
            size_ratio = result.sizes["batchpilot"] / max(1, result.sizes["pdftotext x2"])
            print(f"ratio pdftotext x2 / batchpilot (cold CLI): {peer_s / ours:.2f}x (target {TARGET}x); "
                  f"text size batchpilot / pdftotext {size_ratio:.3f}")
            write_headline(args.summary, f"parse: {len(paths)} PDFs, {pages:,} pages (mixed) -> text",
                           PEER_COMMAND, ours, peer_s, size_ratio, TARGET)
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
