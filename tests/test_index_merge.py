"""The parse index across runs: retrying failed files and resuming keep every earlier row."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from tests import documents as docs
from tests.parse_support import read_index, write
from workers.cli import main
from workers.task import Outcome, WorkItem
from workers.tasks.parsers import format_of
from workers.tasks.parsers.output import index_rows

GOOD = ("a.txt", "notes.md", "web/page.html")


def run_parse(src: Path, out: Path, *extra: str) -> tuple[int, str]:
    out_io, err_io = io.StringIO(), io.StringIO()
    code = main(["run", "parse", str(src), "--out", str(out), "--workers", "2", *extra], out_io, err_io)
    return code, err_io.getvalue()


def make_batch(src: Path) -> None:
    write(src / "a.txt", "plain words here\n")
    write(src / "notes.md", "# Notes\nsome notes\n")
    write(src / "web/page.html", "<title>Home</title><p>Welcome home</p>")
    write(src / "song.mp3", b"ID3")  # not a document: a skipped row (a picture would be read by OCR)


def without_reason(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "reason"}


def test_retrying_failed_files_keeps_every_other_row(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    make_batch(src)
    write(src / "bad.pdf", docs.random_bytes(3000))
    write(src / "empty.txt", b"")  # skipped when it runs, so not a failed file for the retry
    code, err = run_parse(src, out)
    assert code == 1, err
    first = read_index(out)
    assert sorted(first) == ["a.txt", "bad.pdf", "empty.txt", "notes.md", "song.mp3", "web/page.html"]
    assert first["bad.pdf"]["state"] == "failed"
    assert first["empty.txt"]["reason"] == "empty file (0 bytes): nothing to parse"

    docs.make_pdf(src / "bad.pdf", ["Fixed at last"], title="Fixed")
    code, err = run_parse(src, out, "--retry-failed")
    assert code == 0, err
    again = read_index(out)
    assert sorted(again) == sorted(first)
    fixed = again["bad.pdf"]
    assert (fixed["state"], fixed["reason"], fixed["output"], fixed["title"], fixed["pages"]) == (
        "done", "", "bad.pdf.json", "Fixed", 1)
    for rel in GOOD:  # the same data; only the reason says they were done by the first run
        assert without_reason(again[rel]) == without_reason(first[rel])
        assert again[rel]["state"] == "done" and again[rel]["words"] > 0
    assert again["song.mp3"] == first["song.mp3"] and again["empty.txt"] == first["empty.txt"]


def test_running_only_the_failed_file_again_keeps_every_other_row(tmp_path: Path) -> None:
    # What the window's Retry failed does: a batch of just the failed files, same output folder.
    src, out = tmp_path / "src", tmp_path / "out"
    make_batch(src)
    write(src / "bad.pdf", docs.random_bytes(3000))
    assert run_parse(src, out)[0] == 1
    first = read_index(out)
    docs.make_pdf(src / "bad.pdf", ["Fixed at last"])
    out_io, err_io = io.StringIO(), io.StringIO()
    code = main(["run", "parse", str(src / "bad.pdf"), "--out", str(out), "--workers", "2"], out_io, err_io)
    assert code == 0, err_io.getvalue()
    again = read_index(out)
    assert again["bad.pdf"]["state"] == "done"
    assert {rel: row for rel, row in again.items() if rel != "bad.pdf"} == {
        rel: row for rel, row in first.items() if rel != "bad.pdf"}


def test_a_resumed_run_with_nothing_to_do_keeps_every_row_done(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    make_batch(src)
    assert run_parse(src, out)[0] == 0
    first = read_index(out)
    code, err = run_parse(src, out)
    assert code == 0 and "Nothing to do" in err, err
    again = read_index(out)
    assert sorted(again) == sorted(first)
    assert {rel: again[rel]["state"] for rel in GOOD} == dict.fromkeys(GOOD, "done")
    for rel in GOOD:
        assert without_reason(again[rel]) == without_reason(first[rel])


def test_rows_of_files_outside_this_batch_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    kept = {"source": "other.txt", "state": "done", "reason": "", "output": "other.txt.json", "format": "text",
            "size": 3, "pages": None, "rows": None, "words": 1, "title": None, "sha256": "cd" * 32,
            "warnings": []}
    failed_before = {**kept, "source": "b.pdf", "state": "failed", "reason": "not a PDF", "output": "",
                     "format": "pdf", "words": None, "sha256": None}
    retried = WorkItem(0, str(tmp_path / "b.pdf"), "b.pdf", 9, str(out / "b.pdf.json"))
    fresh = WorkItem(1, str(tmp_path / "c.jpg"), "c.jpg", 2, "")
    outcomes = [Outcome(retried, "done", "", retried.output, {"format": "pdf", "size": 9, "pages": 1, "words": 2}),
                Outcome(fresh, "skipped", "not a document type parse reads", None, {})]
    rows = index_rows(out, outcomes, format_of, {"other.txt": kept, "b.pdf": failed_before})
    assert [r["source"] for r in rows] == ["b.pdf", "c.jpg", "other.txt"]
    assert rows[0]["state"] == "done" and rows[0]["pages"] == 1 and rows[0]["output"] == "b.pdf.json"
    assert rows[1]["state"] == "skipped" and rows[1]["reason"] == "not a document type parse reads"
    assert rows[2] == kept
