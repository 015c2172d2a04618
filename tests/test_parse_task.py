"""The parse task as a task: typed options and presets, output names, skips with advice, the
records and text it writes, and the index it keeps across runs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from tests import documents as docs
from tests.parse_support import Progress, read_index, write
from workers.plan import make_plan
from workers.registry import load_task
from workers.task import Outcome, SkipItem, WorkItem, build_options, describe_options
from workers.tasks.parse import ParseOptions, ParseTask


def run_in_process(src: Path, out_dir: Path, **values: Any) -> tuple[Any, dict[str, Any]]:
    """Run the task on one file without the engine: (ItemResult, parsed .json output or {})."""
    task = ParseTask()
    options = build_options(task, values)
    rel = PurePosixPath(src.name)
    output = out_dir / task.output_name(rel, options)
    item = WorkItem(1, str(src), src.name, src.stat().st_size, str(output))
    result = task.run(item, options, Progress())
    record = json.loads(output.read_text("utf-8")) if output.suffix == ".json" else {}
    return result, record


def test_options_are_typed_documented_and_presets_build() -> None:
    task = ParseTask()
    specs = describe_options(ParseOptions)
    assert {s.name for s in specs} >= {"output_format", "index_format", "include_text", "max_pages",
                                       "pdf_password", "max_input_mb", "ocr", "ocr_languages", "chunks",
                                       "chunk_size", "chunk_overlap"}
    for spec in specs:
        assert spec.help and "\n" not in spec.help, spec.name
    assert [s.choices for s in specs if s.name == "output_format"] == [["json", "txt", "md"]]
    assert [s.choices for s in specs if s.name == "ocr"] == [["auto", "off", "always"]]
    for preset in task.presets:
        build_options(task, preset=preset)
    assert build_options(task, preset="metadata only").include_text is False


def test_outputs_mirror_the_tree_with_the_chosen_suffix(tmp_path: Path) -> None:
    write(tmp_path / "src/a/b/notes.txt", "hello")
    task = ParseTask()
    plan = make_plan(task, build_options(task, {"output_format": "md"}), [tmp_path / "src"], tmp_path / "out")
    outputs = [Path(w.output).relative_to(tmp_path / "out").as_posix() for w in plan.items]
    assert outputs == ["a/b/notes.txt.md"]


def test_unsupported_and_look_alike_files_are_skipped_with_advice(tmp_path: Path) -> None:
    task = ParseTask()
    options = build_options(task)
    assert not task.accepts(tmp_path / "song.mp3", options)
    assert task.skip_reason(tmp_path / "song.mp3", options) == "not a document type parse reads"
    assert task.accepts(tmp_path / "scan.TIFF", options)  # a picture of a page, read by OCR
    no_ocr = build_options(task, {"ocr": "off"})
    assert not task.accepts(tmp_path / "photo.jpg", no_ocr)
    assert task.skip_reason(tmp_path / "photo.jpg", no_ocr) == "pictures are read by OCR, and the ocr option is off"
    assert "save it as .docx" in task.skip_reason(tmp_path / "old.DOC", options)
    assert task.accepts(tmp_path / "REPORT.PDF", options)


def test_empty_file_is_skipped(tmp_path: Path) -> None:
    with pytest.raises(SkipItem, match=r"empty file \(0 bytes\)"):
        run_in_process(write(tmp_path / "empty.pdf", b""), tmp_path / "out")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_json_output_record_and_small_result_data(tmp_path: Path) -> None:
    pdf = docs.make_pdf(tmp_path / "paper.pdf", 3, title="Paper", lines_per_page=20)
    result, record = run_in_process(pdf, tmp_path / "out")
    assert set(record) >= {"source", "format", "size", "sha256", "pages", "metadata", "words", "warnings",
                           "text"}
    assert record["size"] == pdf.stat().st_size and len(record["sha256"]) == 64
    assert record["pages"] == 3 and record["words"] == len(record["text"].split())
    assert result.message == f"3 pages, {record['words']:,} words"
    assert "text" not in result.data and result.data["title"] == "Paper" and result.data["pages"] == 3
    assert len(json.dumps(result.data)) < 400


def test_metadata_only_leaves_the_text_out(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", "some words here")
    _, record = run_in_process(src, tmp_path / "out", include_text=False)
    assert "text" not in record and record["words"] == 3


def test_txt_and_md_outputs(tmp_path: Path) -> None:
    pdf = docs.make_pdf(tmp_path / "two.pdf", ["First page", "Second page"], title="Two Pages")
    run_in_process(pdf, tmp_path / "out", output_format="txt")
    assert (tmp_path / "out/two.pdf.txt").read_text("utf-8") == "First page\fSecond page\n"
    run_in_process(pdf, tmp_path / "out", output_format="md")
    md = (tmp_path / "out/two.pdf.md").read_text("utf-8")
    assert md.startswith("# Two Pages\n") and "## Page 2\n\nSecond page" in md
    cp = write(tmp_path / "latin.txt", "Grüße\n", "cp1252")
    run_in_process(cp, tmp_path / "out", output_format="txt")
    assert (tmp_path / "out/latin.txt.txt").read_bytes() == "Grüße\n".encode()  # written as UTF-8


def test_finalize_writes_a_csv_index_safe_for_spreadsheets(tmp_path: Path) -> None:
    task = ParseTask()
    out = tmp_path / "out"
    kept = write(out / "old.pdf.json", "{}")
    outcomes = [
        Outcome(WorkItem(1, "/s/a.pdf", "a.pdf", 10, str(out / "a.pdf.json")), "done", "",
                str(out / "a.pdf.json"), {"format": "pdf", "size": 10, "pages": 2, "title": "=HYPERLINK(1)",
                                          "warnings": ["w1", "w2"]}),
        Outcome(WorkItem(2, "/s/b.docx", "b.docx", 5, str(out / "b.docx.json")), "failed", "not a DOCX",
                None, {}),
        Outcome(WorkItem(3, "/s/old.pdf", "old.pdf", 7, str(kept)), "skipped",
                "output already exists (exists policy: skip)", None, {}),
    ]
    note = task.finalize(out, build_options(task, {"index_format": "csv"}), outcomes)
    assert note is not None and "3 file(s)" in note and "1 failed" in note
    rows = list(csv.DictReader(io.StringIO((out / "index.csv").read_text("utf-8"))))
    assert [r["source"] for r in rows] == ["a.pdf", "b.docx", "old.pdf"]
    assert rows[0]["title"] == "'=HYPERLINK(1)" and rows[0]["warnings"] == "w1; w2"
    assert rows[1]["state"] == "failed" and rows[1]["reason"] == "not a DOCX" and rows[1]["size"] == "5"
    assert rows[2]["output"] == "old.pdf.json"
    assert sorted(p.name for p in out.iterdir()) == ["index.csv", "old.pdf.json"]  # no partial left


@pytest.mark.parametrize("first_format", ["jsonl", "csv"])
def test_index_of_a_resumed_batch_keeps_earlier_results(tmp_path: Path, first_format: str) -> None:
    task = ParseTask()
    out = tmp_path / "out"
    output = str(write(out / "a.pdf.json", "{}"))
    item = WorkItem(1, "/s/a.pdf", "a.pdf", 10, output)
    data = {"format": "pdf", "size": 10, "pages": 2, "words": 40, "sha256": "ab" * 32, "warnings": ["w"]}
    task.finalize(out, build_options(task, {"index_format": first_format}),
                  [Outcome(item, "done", "", output, data)])
    again = Outcome(item, "skipped", "done by an earlier run", None, {})
    task.finalize(out, build_options(task, {"index_format": "jsonl"}), [again])
    row = read_index(out)["a.pdf"]
    assert row["state"] == "done" and row["reason"] == "done by an earlier run"
    assert (row["pages"], row["words"], row["sha256"], row["warnings"]) == (2, 40, "ab" * 32, ["w"])


def test_parse_is_registered() -> None:
    task = load_task("parse")
    assert isinstance(task, ParseTask) and task.name == "parse"
