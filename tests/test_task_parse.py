"""The parse task: each format family read directly, hostile inputs, and whole batches on real workers."""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from tests import documents as docs
from workers.engine import EngineOptions, JobSummary, run_plan
from workers.events import ItemFailed, ItemFinished, ItemProgress, ItemSkipped
from workers.plan import make_plan
from workers.registry import load_task
from workers.task import ItemError, Outcome, SkipItem, WorkItem, build_options, describe_options
from workers.tasks.parse import ParseOptions, ParseTask
from workers.tasks.parsers import Limits, Parsed, parse_document

# ------------------------------------------------------------------ helpers


class Progress:
    """Collects (fraction, message) reports the way the worker would receive them."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, str]] = []

    def __call__(self, fraction: float, message: str = "") -> None:
        self.calls.append((fraction, message))


def parse(path: Path, **limits: Any) -> Parsed:
    return parse_document(path, Limits(**limits), Progress())


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


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


def run_batch(src: Path, out_dir: Path, **values: Any) -> tuple[JobSummary, list[Any]]:
    task = load_task("parse")
    options = build_options(task, values)
    plan = make_plan(task, options, [src], out_dir)
    events: list[Any] = []
    summary = run_plan(plan, events.extend, EngineOptions(workers=2))
    return summary, events


def read_index(out_dir: Path) -> dict[str, dict[str, Any]]:
    lines = (out_dir / "index.jsonl").read_text("utf-8").splitlines()
    return {row["source"]: row for row in map(json.loads, lines)}


# ------------------------------------------------------------------ PDF


def test_pdf_text_per_page_metadata_and_progress(tmp_path: Path) -> None:
    pdf = docs.make_pdf(tmp_path / "report.pdf", ["Alpha page", "Beta page", "Gamma page", "Delta page"],
                        title="Quarterly Report", author="Ada Lovelace")
    progress = Progress()
    parsed = parse_document(pdf, Limits(), progress)
    assert parsed.format == "pdf" and parsed.pages == 4
    assert parsed.sections == ["Alpha page", "Beta page", "Gamma page", "Delta page"]
    assert parsed.text.split("\f") == parsed.sections  # page breaks survive as form feeds
    assert parsed.metadata["title"] == "Quarterly Report"
    assert parsed.metadata["author"] == "Ada Lovelace"
    assert parsed.metadata["created"].startswith("2000-01-01T")  # reportlab's invariant date, as ISO 8601
    assert parsed.words == 8 and parsed.warnings == []
    fractions = [f for f, _ in progress.calls]
    assert fractions == sorted(fractions) and len(fractions) == 4
    assert progress.calls[2][1] == "page 3 of 4"


def test_pdf_page_count_is_bounded_by_max_pages(tmp_path: Path) -> None:
    pdf = docs.make_pdf(tmp_path / "long.pdf", 40)
    parsed = parse(pdf, max_pages=3)
    assert parsed.pages == 40 and parsed.details["pages_read"] == 3
    assert parsed.sections == ["Page 1", "Page 2", "Page 3"]
    assert any("first 3 of 40 pages" in w and "max_pages" in w for w in parsed.warnings)


def test_encrypted_pdf_needs_its_password(tmp_path: Path) -> None:
    pdf = docs.make_pdf(tmp_path / "secret.pdf", ["Classified text"], password="hunter2")
    with pytest.raises(ItemError, match="password-protected PDF: set the pdf_password option"):
        parse(pdf)
    with pytest.raises(ItemError, match="password-protected PDF, and the pdf_password given does not"):
        parse(pdf, pdf_password="wrong")
    parsed = parse(pdf, pdf_password="hunter2")
    assert parsed.sections == ["Classified text"] and parsed.details["encrypted"] is True


@pytest.mark.parametrize("content", [
    pytest.param(docs.random_bytes(4000), id="random-bytes"),
    pytest.param(docs.truncated(docs.pdf_bytes(3), 0.6), id="truncated"),
    pytest.param(b"%PDF-1.4\n%garbage only\n", id="header-only"),
])
def test_broken_pdf_fails_with_what_pdfium_said(tmp_path: Path, content: bytes) -> None:
    pdf = write(tmp_path / "broken.pdf", content)
    with pytest.raises(ItemError, match=r"not a readable PDF \(PDFium: Data format error\); the file is"):
        parse(pdf)


def test_image_only_pdf_is_parsed_with_a_warning(tmp_path: Path) -> None:
    pdf = docs.make_pdf(tmp_path / "scan.pdf", ["", ""])
    parsed = parse(pdf)
    assert parsed.pages == 2 and parsed.words == 0
    assert any("OCR" in w for w in parsed.warnings)


# ------------------------------------------------------------------ DOCX


def test_docx_paragraphs_and_tables_in_reading_order(tmp_path: Path) -> None:
    path = docs.make_docx(tmp_path / "memo.docx", ["Dear team,", "Figures below."],
                          table=[["Region", "Q1", "Q2"], ["North", "10", "12"]],
                          after_table=["Regards, Grace"], title="Memo", author="Grace Hopper",
                          merge_first_row=True, nested="inner note")
    parsed = parse(path)
    assert parsed.text.splitlines() == ["Dear team,", "Figures below.", "Region", "North\t10\t12",
                                        "inner note", "Regards, Grace"]
    assert parsed.metadata["title"] == "Memo" and parsed.metadata["author"] == "Grace Hopper"
    assert parsed.details == {"paragraphs": 3, "tables": 1}


@pytest.mark.parametrize(("content", "reason"), [
    (docs.random_bytes(3000), r"not a valid DOCX \(it is not a zip package\)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "password-protected Word file or an old .doc"),
])
def test_broken_docx_fails_with_a_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    with pytest.raises(ItemError, match=reason):
        parse(write(tmp_path / "bad.docx", content))


def test_truncated_docx_fails(tmp_path: Path) -> None:
    good = docs.make_docx(tmp_path / "good.docx", ["hello"])
    bad = write(tmp_path / "bad.docx", docs.truncated(good.read_bytes(), 0.7))
    with pytest.raises(ItemError, match="not a valid DOCX"):
        parse(bad)


def test_zip_that_is_not_a_word_document_fails(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "not word")
    with pytest.raises(ItemError, match="not a valid DOCX"):
        parse(path)


def test_zip_bomb_docx_is_refused_before_unpacking(tmp_path: Path) -> None:
    bomb = docs.zip_bomb(tmp_path / "bomb.docx", "word/document.xml", unpacked_mb=24)
    assert bomb.stat().st_size < 1 << 20
    with pytest.raises(ItemError, match=r"unpacks to 24 MB, over the 8.0 MB limit \(max_input_mb\)"):
        parse(bomb, max_input_bytes=8 << 20)


# ------------------------------------------------------------------ HTML and EPUB


def test_html_visible_text_without_scripts_styles_or_hidden_parts(tmp_path: Path) -> None:
    html = ("<!doctype html><html lang='fr'><head><title> Le  Menu </title><style>p{color:red}</style>"
            "<meta name='description' content='Plats du jour'><script>var x = 'secret';</script></head>"
            "<body><h1>Carte</h1><p>Soupe <b>chaude</b> et pain<p>Café crème<div hidden>caché</div>"
            "<ul><li>un<li>deux</ul><table><tr><td>prix<td>5 €</table><noscript>no js</noscript>"
            "<p style='display: none'>invisible</p><pre>  a\n  b</pre>")
    parsed = parse(write(tmp_path / "menu.html", html, "cp1252"))
    assert parsed.metadata == {"title": "Le Menu", "language": "fr", "description": "Plats du jour"}
    assert parsed.text == "Carte\n\nSoupe chaude et pain\n\nCafé crème\n\nun\ndeux\n\nprix\t5 €\n\na\nb"
    assert parsed.details["encoding"] == "cp1252"


def test_html_encoding_from_meta_tag(tmp_path: Path) -> None:
    html = "<html><head><meta charset='shift_jis'><title>日本語</title></head><body><p>東京の天気</p>"
    parsed = parse(write(tmp_path / "jp.htm", html, "shift_jis"))
    assert parsed.title == "日本語" and parsed.text == "東京の天気"


def test_deep_html_is_read_and_hostile_nesting_refused(tmp_path: Path) -> None:
    deep = "<div>" * 3000 + "deep text" + "</div>" * 3000  # past any recursion limit
    assert parse(write(tmp_path / "deep.html", deep)).text == "deep text"
    hostile = "<div><span>" * 25_000 + "x"  # lexbor would take minutes over this
    with pytest.raises(ItemError, match="nests elements about 50000 levels deep"):
        parse(write(tmp_path / "hostile.html", hostile))


def test_epub_chapters_follow_the_spine_with_metadata(tmp_path: Path) -> None:
    book = docs.make_epub(tmp_path / "book.epub", [("Prologue", "It began."), ("Ending", "It ended.")],
                          title="A Tale", author="Mary Shelley", spine_order=[1, 0])
    parsed = parse(book)
    assert parsed.sections == ["Ending\n\nIt ended.", "Prologue\n\nIt began."]
    assert parsed.metadata["title"] == "A Tale" and parsed.metadata["author"] == "Mary Shelley"
    assert parsed.details["chapters"] == 2


def test_drm_epub_fails_clearly(tmp_path: Path) -> None:
    book = docs.make_epub(tmp_path / "drm.epub", [("One", "locked")], drm=True)
    with pytest.raises(ItemError, match="DRM-protected"):
        parse(book)


# ------------------------------------------------------------------ text


@pytest.mark.parametrize(("text", "encoding", "detected"), [
    ("plain ascii words\nsecond line\n", "utf-8", "utf-8"),
    ("Ünïcödé with a BOM\n", "utf-8-sig", "utf-8"),
    ("wide text with BOM\nline two\n", "utf-16", "utf-16-le"),
    ("Café crème brûlée, naïve façade. Ça coûte 5 €.\n" * 5, "cp1252", "cp1252"),
    ("Привет мир, это русский текст для проверки.\n" * 5, "koi8_r", "koi8_r"),
    ("これは日本語のテキストです。東京都に住んでいます。\n" * 5, "shift_jis", "cp932"),
])
def test_text_in_any_encoding_becomes_unicode(tmp_path: Path, text: str, encoding: str,
                                              detected: str) -> None:
    parsed = parse(write(tmp_path / "notes.txt", text, encoding))
    assert parsed.text == text.removeprefix("\ufeff")
    assert parsed.details["encoding"] == detected


def test_text_newlines_are_normalised(tmp_path: Path) -> None:
    parsed = parse(write(tmp_path / "dos.log", b"one\r\ntwo\rthree\n"))
    assert parsed.text == "one\ntwo\nthree\n" and parsed.details["lines"] == 3


def test_binary_data_named_txt_fails(tmp_path: Path) -> None:
    with pytest.raises(ItemError, match=r"not look like text|binary data"):
        parse(write(tmp_path / "noise.txt", docs.random_bytes(5000)))
    with pytest.raises(ItemError, match="binary data"):
        parse(write(tmp_path / "zeros.txt", bytes(3000)))


def test_long_text_is_cut_at_the_limit_with_a_warning(tmp_path: Path) -> None:
    line = "a line of log output that repeats\n"
    path = write(tmp_path / "big.log", line * 40000)  # about 1.3 MB
    parsed = parse(path, max_input_bytes=1 << 20)
    assert len(parsed.text.encode()) <= 1 << 20 and parsed.text.endswith("repeats\n")
    assert any("max_input_mb" in w for w in parsed.warnings)


def test_markdown_title_from_front_matter_or_heading(tmp_path: Path) -> None:
    front = parse(write(tmp_path / "a.md", "---\ntitle: \"Release notes\"\nauthor: Linus\n---\n# v2\ntext\n"))
    assert front.metadata == {"title": "Release notes", "author": "Linus"}
    heading = parse(write(tmp_path / "b.markdown", "intro\n\n## Getting started ##\nmore\n"))
    assert heading.title == "Getting started"


# ------------------------------------------------------------------ CSV, JSON, XML


@pytest.mark.parametrize(("name", "content", "delimiter"), [
    ("people.csv", "name,age,city\nAnn,31,Oslo\nBob,42,\"Rome, Italy\"\nCy,25,Lima\n", ","),
    ("people.csv", "name;age;city\nAnn;31;Oslo\nBob;42;Rome\nCy;25;Lima\n", ";"),
    ("people.tsv", "name\tage\tcity\nAnn\t31\tOslo\nBob\t42\tRome\nCy\t25\tLima\n", "\t"),
])
def test_csv_dialect_header_rows_and_columns(tmp_path: Path, name: str, content: str, delimiter: str) -> None:
    parsed = parse(write(tmp_path / name, content))
    assert parsed.rows == 3
    assert parsed.details["delimiter"] == delimiter and parsed.details["columns"] == 3
    assert parsed.metadata["columns"] == ["name", "age", "city"]
    assert parsed.text.splitlines()[0] == "name\tage\tcity"


def test_ragged_csv_is_read_with_a_warning(tmp_path: Path) -> None:
    parsed = parse(write(tmp_path / "ragged.csv", "a,b\n1,2\n3,4,5\n6,7\n"))
    assert parsed.rows is not None and parsed.details["columns"] == 2
    assert any("do not have 2 columns" in w for w in parsed.warnings)


def test_json_summary_and_strict_warnings(tmp_path: Path) -> None:
    doc = '{"title": "Atlas", "title": "Atlas 2", "tags": ["maps", "geo"], "n": NaN, "nested": {"x": [1, 2]}}'
    parsed = parse(write(tmp_path / "data.json", doc))
    assert parsed.details["top_level"] == "object"
    assert parsed.details["keys"] == ["title", "tags", "n", "nested"]
    assert parsed.details["depth"] == 4
    assert parsed.text.splitlines() == ["Atlas 2", "maps", "geo"]
    assert any("duplicate keys" in w for w in parsed.warnings)
    assert any("NaN" in w for w in parsed.warnings)


@pytest.mark.parametrize(("content", "reason"), [
    ('{"a": 1,\n "b": }', r"not valid JSON: Expecting value at line 2, column 7"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("", "not valid JSON"),
])
def test_invalid_json_fails_with_the_place(tmp_path: Path, content: str, reason: str) -> None:
    with pytest.raises(ItemError, match=reason):
        parse(write(tmp_path / "bad.json", content or " "))


def test_json_lines_count_records_and_name_bad_lines(tmp_path: Path) -> None:
    parsed = parse(write(tmp_path / "events.jsonl", '{"e": "start"}\n\n{oops\n{"e": "stop"}\n'))
    assert parsed.rows == 2 and parsed.text == "start\nstop"
    assert any("1 line(s) are not valid JSON" in w and ": 3" in w for w in parsed.warnings)


def test_xml_structure_and_text(tmp_path: Path) -> None:
    xml = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n<catalog xmlns="urn:books">'
           '<book id="1"><title>Café Society</title></book> between <book id="2"><title>Dune</title></book>'
           "</catalog>")
    parsed = parse(write(tmp_path / "catalog.xml", xml, "latin-1"))
    assert parsed.metadata == {"root": "catalog", "namespace": "urn:books"}
    assert parsed.details["elements"] == 5 and parsed.details["attributes"] == 2
    assert parsed.details["depth"] == 3 and parsed.details["encoding"] == "ISO-8859-1"
    assert parsed.text.splitlines() == ["Café Society", "between", "Dune"]


def test_xml_with_a_plain_doctype_or_deep_nesting_is_read(tmp_path: Path) -> None:
    with_dtd = '<?xml version="1.0"?>\n<!DOCTYPE note SYSTEM "note.dtd">\n<note><to>Tove</to></note>'
    assert parse(write(tmp_path / "dtd.xml", with_dtd)).text == "Tove"
    deep = parse(write(tmp_path / "deep.xml", "<a>" * 5000 + "core" + "</a>" * 5000))
    assert deep.details["depth"] == 5000 and deep.text == "core"


def test_xml_in_an_encoding_expat_does_not_know(tmp_path: Path) -> None:
    xml = '<?xml version="1.0" encoding="windows-1252"?><note>“quoted” text</note>'
    parsed = parse(write(tmp_path / "note.xml", xml, "cp1252"))
    assert parsed.text == "“quoted” text"


@pytest.mark.parametrize(("content", "reason"), [
    (docs.BILLION_LAUGHS, "declares entities, which parse refuses to expand"),
    (docs.EXTERNAL_ENTITY, "declares entities|external"),
    (b"<root><open></root>", "not well-formed XML: mismatched tag: line 1, column 14"),
    (docs.random_bytes(2000), "not well-formed XML"),
])
def test_hostile_or_broken_xml_fails_safely(tmp_path: Path, content: bytes, reason: str) -> None:
    with pytest.raises(ItemError, match=reason):
        parse(write(tmp_path / "evil.xml", content))


def test_oversized_structured_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.json", "[" + ",".join(["1"] * 700_000) + "]")
    with pytest.raises(ItemError, match=r"over the 1.0 MB limit \(max_input_mb\); raise max_input_mb"):
        parse(path, max_input_bytes=1 << 20)


# ------------------------------------------------------------------ the task protocol


def test_options_are_typed_documented_and_presets_build() -> None:
    task = ParseTask()
    specs = describe_options(ParseOptions)
    assert {s.name for s in specs} >= {"output_format", "index_format", "include_text", "max_pages",
                                       "pdf_password", "max_input_mb"}
    for spec in specs:
        assert spec.help and "\n" not in spec.help, spec.name
    assert [s.choices for s in specs if s.name == "output_format"] == [["json", "txt", "md"]]
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
    assert not task.accepts(tmp_path / "photo.jpg", options)
    assert task.skip_reason(tmp_path / "photo.jpg", options) == "not a document type parse reads"
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


# ------------------------------------------------------------------ whole batches on real workers


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
                    "text/notes.txt", "text/readme.md", "data/table.csv", "data/doc.json", "data/feed.xml"}
    assert (summary.done, summary.failed, summary.skipped) == (9, 4, 4)
    reasons = {k: v["reason"] for k, v in index.items() if v["state"] != "done"}
    assert reasons["pdf/locked.pdf"].startswith("password-protected PDF")
    assert "PDFium: Data format error" in reasons["pdf/random.pdf"]
    assert reasons["pdf/empty.pdf"] == "empty file (0 bytes): nothing to parse"
    assert "not a valid DOCX" in reasons["office/cut.docx"]
    assert "save it as .docx" in reasons["office/legacy.doc"]
    assert "refuses to expand" in reasons["data/bomb.xml"]
    assert reasons["photo.jpg"] == "not a document type parse reads"
    assert "not valid UTF-8" in reasons["text/caf\ufffd.txt"]

    for rel in done:
        record = json.loads((out / f"{rel}.json").read_text("utf-8"))
        assert record["source"] == rel and record["sha256"] == index[rel]["sha256"]
        assert record["words"] > 0 and record["text"].strip()
    assert json.loads((out / "text/notes.txt.json").read_text("utf-8"))["text"] == "Grüße aus Köln\n"
    assert index["pdf/report.pdf"]["title"] == "Report 2024" and index["pdf/report.pdf"]["pages"] == 2
    assert not [p for p in out.rglob(".*")]  # no partial outputs left behind
    assert summary.note is not None and "17 file(s)" in summary.note

    finished = [e for e in events if isinstance(e, ItemFinished)]
    assert len(finished) == 9 and all(e.data and "text" not in e.data for e in finished)
    failed = [e for e in events if isinstance(e, ItemFailed)]
    assert all(e.reason and not e.detail for e in failed)  # expected failures carry no traceback
    assert len([e for e in events if isinstance(e, ItemSkipped)]) == 4


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


def test_parse_is_registered() -> None:
    task = load_task("parse")
    assert isinstance(task, ParseTask) and task.name == "parse"
