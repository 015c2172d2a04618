"""Chunks for search: sizes, overlap and breaks, page ranges and heading paths, offsets into the
text output, and the chunks file as an output: complete or absent, beside its document."""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from tests import documents as docs
from tests.parse_support import Progress, write
from workers.engine import EngineOptions, run_plan
from workers.outputs import partial_path
from workers.plan import OutputPolicy, make_plan
from workers.registry import load_task
from workers.task import WorkItem, build_options
from workers.tasks.parse import ParseTask
from workers.tasks.parsers.chunks import make_chunks


def paragraphs(count: int, words: int = 30) -> str:
    return "\n\n".join(docs.sentence(n, words) + "." for n in range(count))


def run_task(src: Path, out: Path, **values: Any) -> tuple[Path, Any]:
    """Run parse on one file in this process: (its output path, the ItemResult)."""
    task = ParseTask()
    options = build_options(task, {"chunks": True, **values})
    output = out / task.output_name(PurePosixPath(src.name), options)
    item = WorkItem(1, str(src), src.name, os.stat(src).st_size, str(output))
    return output, task.run(item, options, Progress())


def read_chunks(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_chunks_are_about_the_size_asked_overlap_and_end_at_good_breaks() -> None:
    text = paragraphs(40)
    chunks = make_chunks(text, 400, 60)
    assert len(chunks) > 10
    for chunk in chunks[:-1]:
        assert 200 <= chunk.end - chunk.start <= 400
        assert text[chunk.end] in "\n " or text[chunk.end - 1] == "."  # a paragraph or sentence end
    for before, after in itertools.pairwise(chunks):
        assert before.start < after.start < before.end  # they overlap ...
        assert before.end - after.start <= 60  # ... by at most what was asked
        assert text[after.start - 1].isspace() and not text[after.start].isspace()  # at a word start
    covered = "".join(text[c.start:c.end] for c in chunks)
    assert set(text.split()) <= set(covered.split())
    assert [c.index for c in chunks] == list(range(len(chunks)))
    no_overlap = make_chunks(text, 400, 0)
    assert all(a.end <= b.start for a, b in itertools.pairwise(no_overlap))


def test_a_text_without_breaks_is_still_cut_and_an_empty_one_has_no_chunks() -> None:
    chunks = make_chunks("x" * 1000, 300, 50)
    assert [c.end - c.start for c in chunks][:3] == [300, 300, 300]
    assert make_chunks("", 300, 50) == [] and make_chunks("  \n\n ", 300, 50) == []


def test_markdown_heading_paths_and_a_chunk_never_spans_a_heading(tmp_path: Path) -> None:
    body = paragraphs(3)
    md = write(tmp_path / "guide.md", f"# Guide\n{body}\n\n## Install\n{body}\n\n### On Debian\n{body}\n\n"
                                      f"## Use\n{body}\n")
    output, result = run_task(md, tmp_path / "out", output_format="txt", chunk_size=300, chunk_overlap=30)
    text = output.read_text("utf-8")
    chunks = read_chunks(tmp_path / "out/guide.md.chunks.jsonl")
    paths = [tuple(c["headings"]) for c in chunks]
    assert paths[0] == ("Guide",) and paths[-1] == ("Guide", "Use")
    assert ("Guide", "Install", "On Debian") in paths
    assert sorted(set(paths), key=paths.index) == [("Guide",), ("Guide", "Install"),
                                                    ("Guide", "Install", "On Debian"), ("Guide", "Use")]
    for chunk in chunks:
        assert text[chunk["start"]:chunk["end"]] == chunk["text"]  # offsets into the .txt output
        assert chunk["pages"] is None and chunk["source"] == "guide.md"
        assert "\n## " not in chunk["text"] and "\n### " not in chunk["text"]
    assert result.data["chunks"] == len(chunks)


def test_pdf_chunks_carry_their_page_ranges(tmp_path: Path) -> None:
    pdf = docs.make_pdf(tmp_path / "book.pdf", 5, lines_per_page=12)
    output, _ = run_task(pdf, tmp_path / "out", chunk_size=500, chunk_overlap=50)
    text = json.loads(output.read_text("utf-8"))["text"]
    chunks = read_chunks(tmp_path / "out/book.pdf.chunks.jsonl")
    assert chunks[0]["pages"][0] == 1 and chunks[-1]["pages"][1] == 5
    assert any(c["pages"][0] < c["pages"][1] for c in chunks)  # some run across a page break
    for chunk in chunks:
        first, last = chunk["pages"]
        assert first == text.count("\f", 0, chunk["start"]) + 1
        assert last == text.count("\f", 0, chunk["end"] - 1) + 1
        assert text[chunk["start"]:chunk["end"]] == chunk["text"]


def test_docx_and_html_headings_make_the_paths(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Handbook", level=0)
    document.add_heading("Safety", level=1)
    document.add_paragraph(paragraphs(2))
    document.add_heading("Gloves", level=2)
    document.add_paragraph(paragraphs(2))
    document.save(str(tmp_path / "book.docx"))
    run_task(tmp_path / "book.docx", tmp_path / "out", chunk_size=300)
    paths = {tuple(c["headings"]) for c in read_chunks(tmp_path / "out/book.docx.chunks.jsonl")}
    assert ("Handbook", "Safety", "Gloves") in paths and ("Handbook", "Safety") in paths

    page = write(tmp_path / "page.html", f"<title>T</title><h1>Top</h1><p>{paragraphs(2)}</p>"
                                         f"<h2>Sub <em>part</em></h2><p>{paragraphs(2)}</p>")
    run_task(page, tmp_path / "out", chunk_size=300)
    chunks = read_chunks(tmp_path / "out/page.html.chunks.jsonl")
    assert chunks[0]["headings"] == ["Top"] and chunks[-1]["headings"] == ["Top", "Sub part"]
    assert chunks[-1]["text"].startswith("Sub part") or chunks[-2]["text"].startswith("Sub part")


def test_no_chunks_file_unless_asked(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", "some words")
    run_task(src, tmp_path / "out", chunks=False)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt.json"]


def test_chunks_and_output_are_complete_or_absent(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", paragraphs(3))
    out = tmp_path / "out"
    (out / "a.txt.json" / "in-the-way").mkdir(parents=True)  # the output cannot be renamed into place
    with pytest.raises(OSError):
        run_task(src, out)
    assert sorted(p.name for p in out.iterdir()) == ["a.txt.json"]  # no chunks without their document


def test_a_chunks_partial_left_by_a_crash_is_removed_by_the_next_run(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", paragraphs(3))
    out = tmp_path / "out"
    stale = partial_path(out / "a.txt.chunks.jsonl", "0badc0de")
    write(stale, "half a line")
    run_task(src, out)
    assert sorted(p.name for p in out.iterdir()) == ["a.txt.chunks.jsonl", "a.txt.json"]


def test_a_name_that_is_not_utf8_keeps_its_bytes_in_both_outputs(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.md")
    with open(raw, "wb") as fh:
        fh.write(b"# Menu\n\nCoffee and cake.\n")
    src = Path(os.fsdecode(raw))
    output, _ = run_task(src, tmp_path / "out")
    names = sorted(os.listdir(os.fsencode(tmp_path / "out")))
    assert names == [b"caf\xe9.md.chunks.jsonl", b"caf\xe9.md.json"]
    record = json.loads(output.read_bytes())
    (chunk,) = read_chunks(Path(os.fsdecode(os.path.join(os.fsencode(tmp_path / "out"), names[0]))))
    for value in (record, chunk):
        assert value["source"] == "caf\ufffd.md" and value["source_bytes"] == "caf%E9.md"
    assert chunk["headings"] == ["Menu"]


def test_a_batch_writes_chunks_beside_each_output_and_none_for_failures(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    write(src / "notes.md", "# Notes\n\n" + paragraphs(4))
    docs.make_pdf(src / "sub/paper.pdf", 3, lines_per_page=10)
    write(src / "bad.pdf", docs.random_bytes(3000))
    task = load_task("parse")
    options = build_options(task, {"chunks": True, "output_format": "txt", "chunk_size": 400})
    summary = run_plan(make_plan(task, options, [src], out), None, EngineOptions(workers=2))
    assert (summary.done, summary.failed) == (2, 1)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "index.jsonl", "notes.md.chunks.jsonl", "notes.md.txt",
        "sub/paper.pdf.chunks.jsonl", "sub/paper.pdf.txt"]
    for name in ("notes.md", "sub/paper.pdf"):
        text = (out / f"{name}.txt").read_text("utf-8").rstrip("\n")
        chunks = read_chunks(out / f"{name}.chunks.jsonl")
        assert chunks and all(text[c["start"]:c["end"]] == c["text"] for c in chunks)

    # Run again with the rename policy: the new output's chunks follow its name.
    again = make_plan(task, options, [src], out, OutputPolicy.RENAME)
    run_plan(again, None, EngineOptions(workers=2))
    assert (out / "notes (1).md.txt").exists() and (out / "notes (1).md.chunks.jsonl").exists()
