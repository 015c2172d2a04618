#!/usr/bin/env python3
"""Makes a sample folder of documents for demos and screenshots (nothing binary is committed).

    python resources/make_sample_folder.py FOLDER [--big-pdf-pages 1200]

About fifty files a parse batch can chew on: PDF reports (made with reportlab when it is
installed, as it is with the test extra), Word letters, notes, CSV and JSON data, web pages,
and a few that go wrong on purpose: a damaged PDF (fails with a reason), an empty note and
a photo (both skipped with a reason).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

WORDS = ["invoice", "budget", "meeting", "quarter", "forecast", "client", "supplier", "delivery",
         "schedule", "review", "summary", "contract", "payment", "shipment", "warehouse", "audit",
         "revenue", "margin", "growth", "target"]


def _sentence(rng: random.Random, n: int = 14) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _pdf(path: Path, pages: int, title: str, rng: random.Random) -> bool:
    try:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas
    except ImportError:
        return False
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setTitle(title)
    for page in range(pages):
        y = 800.0
        pdf.drawString(50, y, f"{title} - page {page + 1}")
        for _ in range(30):
            y -= 22
            pdf.drawString(50, y, _sentence(rng, 12))
        pdf.showPage()
    pdf.save()
    return True


def _docx(path: Path, title: str, rng: random.Random) -> bool:
    try:
        import docx
    except ImportError:
        return False
    document = docx.Document()
    document.add_heading(title, 1)
    for _ in range(12):
        document.add_paragraph(" ".join(_sentence(rng) for _ in range(4)))
    document.save(str(path))
    return True


def make_sample_folder(root: Path, big_pdf_pages: int = 1200, seed: int = 2024) -> list[Path]:
    """Fill ``root`` with the sample documents; returns the files written."""
    rng = random.Random(seed)
    written: list[Path] = []

    def put(rel: str, content: str | bytes) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        written.append(path)

    root.mkdir(parents=True, exist_ok=True)
    (root / "reports").mkdir(exist_ok=True)
    for name, pages in (("annual-report-2024", big_pdf_pages), ("audit-findings", big_pdf_pages // 2),
                        ("quarterly-q1", 40), ("quarterly-q2", 40), ("quarterly-q3", 40)):
        path = root / "reports" / f"{name}.pdf"
        if _pdf(path, pages, name.replace("-", " ").title(), rng):
            written.append(path)
    (root / "letters").mkdir(exist_ok=True)
    for i in range(1, 6):
        path = root / "letters" / f"letter-{i:02}.docx"
        if _docx(path, f"Letter {i}", rng):
            written.append(path)
    for i in range(1, 21):
        put(f"notes/meeting-{i:02}.txt", "\n".join(_sentence(rng) for _ in range(40 + 10 * i)) + "\n")
    for i in range(1, 9):
        rows = ["date,client,amount"] + [f"2024-{m:02}-{d:02},{rng.choice(WORDS)},{rng.randint(10, 9999)}"
                                         for m in range(1, 13) for d in (1, 15)]
        put(f"data/ledger-{i}.csv", "\n".join(rows) + "\n")
    for i in range(1, 5):
        put(f"data/export-{i}.json", json.dumps({"batch": i, "items": [
            {"id": n, "label": _sentence(rng, 5), "value": rng.random()} for n in range(50)]}, indent=1))
    for i in range(1, 5):
        body = "".join(f"<p>{_sentence(rng)}</p>" for _ in range(30))
        put(f"web/page-{i}.html", f"<html><head><title>Page {i}</title></head><body><h1>Page {i}</h1>{body}")
    # These go wrong on purpose, so a batch shows how failures and skips look.
    put("reports/scan-0042.pdf", b"%PDF-1.7\n" + bytes(rng.getrandbits(8) for _ in range(4096)))
    put("notes/empty.txt", "")
    put("photos/holiday.bmp", b"BM" + bytes(rng.getrandbits(8) for _ in range(2048)))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--big-pdf-pages", type=int, default=1200)
    args = parser.parse_args(argv)
    files = make_sample_folder(args.folder, args.big_pdf_pages)
    print(f"{len(files)} files written under {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
