"""Whole parse batches on real workers: a mixed tree with every kind of failure, and a text batch
with a CSV index and progress."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests import documents as docs
from tests.parse_support import read_index, write
from workers.engine import EngineOptions, JobSummary, run_plan
from workers.events import ItemFailed, ItemFinished, ItemProgress, ItemSkipped
from workers.plan import make_plan
from workers.registry import load_task
from workers.task import build_options


def run_batch(src: Path, out_dir: Path, **values: Any) -> tuple[JobSummary, list[Any]]:
    task = load_task("parse")
    options = build_options(task, values)
    plan = make_plan(task, options, [src], out_dir)
    events: list[Any] = []
    summary = run_plan(plan, events.extend, EngineOptions(workers=2))
    return summary, events


def _build_mixed_tree(src: Path) -> None:
    docs.make_pdf(src / "pdf/report.pdf", ["Annual report", "Revenue grew"], title="Report 2024")
    docs.make_pdf(src / "pdf/locked.pdf", ["secret"], password="pw")
    write(src / "pdf/random.pdf", docs.random_bytes(5000))
    write(src / "pdf/empty.pdf", b"")
    docs.make_docx(src / "office/letter.docx", ["Hello Bob"], table=[["k", "v"]], title="Letter")
    write(src / "office/cut.docx", docs.truncated((src / "office/letter.docx").read_bytes(), 0.5))
    write(src / "office/legacy.doc", b"\xd0\xcf\x11\xe0 old word")
    write(src / "web/page.html", "<title>Home</title><p>Welcome <script>x()</script>home")
    docs.make_epub(src / "web/book.epub", [("One", "Chapter text")], title="Book")
    write(src / "text/notes.txt", "Grüße aus Köln\n", "cp1252")
    write(src / "text/readme.md", "# Read me\nplease\n")
    write(src / "data/table.csv", "a,b\n1,2\n3,4\n")
    write(src / "data/doc.json", '{"k": "value"}')
    write(src / "data/feed.xml", "<feed><entry>news</entry></feed>")
    write(src / "data/bomb.xml", docs.BILLION_LAUGHS)
    write(src / "photo.jpg", b"\xff\xd8\xff")
    with open(os.path.join(os.fsencode(src / "text"), b"caf\xe9.txt"), "wb") as fh:
        fh.write(b"latin-1 name")


def test_mixed_batch_on_real_workers(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    _build_mixed_tree(src)
    before = docs.tree_digest(src)
    summary, events = run_batch(src, out)

    assert docs.tree_digest(src) == before  # sources untouched
    index = read_index(out)
    assert len(index) == len(before) == 17
    done = {k for k, v in index.items() if v["state"] == "done"}
    assert done == {"pdf/report.pdf", "office/letter.docx", "web/page.html", "web/book.epub",
                    "text/notes.txt", "text/readme.md", "data/table.csv", "data/doc.json", "data/feed.xml",
                    "text/caf\ufffd.txt"}
    assert (summary.done, summary.failed, summary.skipped) == (10, 5, 2)
    reasons = {k: v["reason"] for k, v in index.items() if v["state"] != "done"}
    assert reasons["pdf/locked.pdf"].startswith("password-protected PDF")
    assert "PDFium: Data format error" in reasons["pdf/random.pdf"]
    assert reasons["pdf/empty.pdf"] == "empty file (0 bytes): nothing to parse"
    assert "not a valid DOCX" in reasons["office/cut.docx"]
    assert "save it as .docx" in reasons["office/legacy.doc"]
    assert "refuses to expand" in reasons["data/bomb.xml"]
    assert reasons["photo.jpg"].startswith("not a picture that can be read")  # a picture is read by OCR

    # A name that is not UTF-8: its output keeps the bytes; JSON says it with U+FFFD and escaped bytes.
    latin = json.loads((out / "text").joinpath(os.fsdecode(b"caf\xe9.txt.json")).read_text("utf-8"))
    assert (latin["source"], latin["source_bytes"], latin["text"]) == (
        "text/caf\ufffd.txt", "text/caf%E9.txt", "latin-1 name")
    assert index["text/caf\ufffd.txt"]["source_bytes"] == "text/caf%E9.txt"
    assert "source_bytes" not in index["text/notes.txt"]

    for rel in done - {"text/caf\ufffd.txt"}:
        record = json.loads((out / f"{rel}.json").read_text("utf-8"))
        assert record["source"] == rel and record["sha256"] == index[rel]["sha256"]
        assert record["words"] > 0 and record["text"].strip()
    assert json.loads((out / "text/notes.txt.json").read_text("utf-8"))["text"] == "Grüße aus Köln\n"
    assert index["pdf/report.pdf"]["title"] == "Report 2024" and index["pdf/report.pdf"]["pages"] == 2
    assert not [p for p in out.rglob(".*")]  # no partial outputs left behind
    assert summary.note is not None and "17 file(s)" in summary.note

    finished = [e for e in events if isinstance(e, ItemFinished)]
    assert len(finished) == 10 and all(e.data and "text" not in e.data for e in finished)
    failed = [e for e in events if isinstance(e, ItemFailed)]
    assert all(e.reason and not e.detail for e in failed)  # expected failures carry no traceback
    assert len([e for e in events if isinstance(e, ItemSkipped)]) == 2


def test_text_batch_with_csv_index_reports_progress(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    docs.make_pdf(src / "book.pdf", 30, lines_per_page=30)
    write(src / "sub/a.txt", "alpha beta\n")
    summary, events = run_batch(src, out, output_format="txt", index_format="csv", max_pages=25)

    assert (summary.done, summary.failed) == (2, 0)
    pages = (out / "book.pdf.txt").read_text("utf-8").split("\f")
    assert len(pages) == 25 and pages[24].startswith("Page 25")
    assert (out / "sub/a.txt.txt").read_text("utf-8") == "alpha beta\n"
    rows = {r["source"]: r for r in csv.DictReader(io.StringIO((out / "index.csv").read_text("utf-8")))}
    assert rows["book.pdf"]["pages"] == "30" and "first 25 of 30 pages" in rows["book.pdf"]["warnings"]
    progress: dict[int, list[ItemProgress]] = {}
    for e in events:
        if isinstance(e, ItemProgress):
            progress.setdefault(e.item_id, []).append(e)
    assert len(progress) == 2
    for reports in progress.values():
        assert reports[-1].fraction == 1.0
    assert any(r.message.startswith("25 of 30 pages") for rs in progress.values() for r in rs)


@pytest.mark.slow
def test_ocr_batch_reports_each_ocr_page_and_indexes_what_ocr_did(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    pages = [docs.page_picture([docs.sentence(n, 10) for n in range(p, p + 20)]) for p in range(3)]
    docs.make_scanned_pdf(src / "scan.pdf", pages)
    docs.make_pdf(src / "typed.pdf", ["Typed words"])
    summary, events = run_batch(src, out, ocr_languages="eng", index_format="csv")
    assert (summary.done, summary.failed) == (2, 0)
    messages = [e.message for e in events if isinstance(e, ItemProgress)]
    # Reports are throttled to one per 0.1 s, and every OCR'd page takes longer than that: each
    # page after the first is seen (the first may follow "reading pdf" too closely).
    assert {"page 2 of 3: OCR", "page 3 of 3: OCR"} <= set(messages)
    assert any(m.startswith("3 pages (3 by OCR), ") for m in messages)
    rows = {r["source"]: r for r in csv.DictReader(io.StringIO((out / "index.csv").read_text("utf-8")))}
    assert rows["scan.pdf"]["ocr_pages"] == "3" and float(rows["scan.pdf"]["ocr_confidence"]) > 80
    assert rows["typed.pdf"]["ocr_pages"] == ""


def test_a_name_that_is_not_utf8_is_journaled_and_resumed_like_any_other(tmp_path: Path) -> None:
    from workers.cli import main

    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    with open(os.path.join(os.fsencode(src), b"r\xe9sum\xe9.txt"), "wb") as fh:
        fh.write(b"curriculum vitae")
    write(src / "plain.txt", "plain words")
    for expected in ("2 done", "Nothing to do: 2 files done by an earlier run"):
        err = io.StringIO()
        assert main(["run", "parse", str(src), "--out", str(out), "--workers", "2"], io.StringIO(), err) == 0
        assert expected in err.getvalue(), err.getvalue()
    outputs = sorted(n for n in os.listdir(os.fsencode(out)) if not n.startswith(b"."))
    assert outputs == [b"index.jsonl", b"plain.txt.json", b"r\xe9sum\xe9.txt.json"]  # the bytes of the name kept
    rows = [json.loads(line) for line in (out / "index.jsonl").read_text("utf-8").splitlines()]
    assert [(r["source"], r["state"], r.get("source_bytes")) for r in rows] == [
        ("plain.txt", "done", None), ("r\ufffdsum\ufffd.txt", "done", "r%E9sum%E9.txt")]
