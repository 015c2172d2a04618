"""The parse task: documents to text and metadata, one output per input plus a batch index.

Reads PDF (pypdfium2, pypdf for damaged files, OCR for pages without text), pictures of pages
(OCR), DOCX (python-docx), HTML and EPUB (selectolax), plain text, Markdown and logs (any
encoding, written as UTF-8), CSV/TSV, JSON, JSON Lines and XML (defusedxml). Optionally each
document's text is also cut into chunks for search (``<name>.chunks.jsonl``). Sources are only
ever opened for reading. The format parsers live in :mod:`workers.tasks.parsers`; this module
holds the options and the protocol glue.
"""

# option() returns a dataclasses.field; ruff cannot tell, so RUF009 is a false alarm here.

from __future__ import annotations

import enum
import hashlib
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from workers.task import ItemError, ItemResult, Outcome, Preset, Report, SkipItem, Task, WorkItem, option
from workers.tasks.parsers import FORMATS, NEAR_MISSES, PICTURES, format_of, parse_document
from workers.tasks.parsers.common import Limits, Parsed, open_source
from workers.tasks.parsers.output import (
    chunk_lines,
    document_bytes,
    document_record,
    index_rows,
    read_index,
    summary,
    write_index,
    write_outputs,
)


class OutputFormat(enum.StrEnum):
    """What each document becomes."""

    JSON = "json"
    TXT = "txt"
    MD = "md"


class IndexFormat(enum.StrEnum):
    """The batch index written to the output folder."""

    JSONL = "jsonl"
    CSV = "csv"


class OcrMode(enum.StrEnum):
    """When pages are read by OCR."""

    AUTO = "auto"  # pages whose text layer is empty or junk, and pictures
    OFF = "off"
    ALWAYS = "always"


@dataclass(frozen=True)
class ParseOptions:
    output_format: OutputFormat = option(
        OutputFormat.JSON, "what each document becomes: json (text and metadata), txt (text) or md")
    index_format: IndexFormat = option(
        IndexFormat.JSONL, "the batch index in the output folder: index.jsonl or index.csv", advanced=True)
    include_text: bool = option(True, "put the extracted text in .json outputs (off: metadata only)")
    max_pages: int = option(2000, "read at most this many pages of a PDF; the rest is noted as a warning",
                            min=1, max=1_000_000, advanced=True)
    pdf_password: str = option("", "password tried on encrypted PDFs (empty: they fail with a note)",
                               kind="password", auto="", auto_text="none", advanced=True)
    max_input_mb: int = option(512, "largest file read whole (PDFs excepted); longer plain text is cut",
                               min=1, max=1_000_000, advanced=True)
    ocr: OcrMode = option(OcrMode.AUTO, "read pages by OCR: auto (pages without usable text, and pictures), "
                          "off, or always (every page)")
    ocr_languages: str = option("", "Tesseract languages for OCR, joined by + (eng+deu)", auto="",
                                auto_text="installed", advanced=True)
    chunks: bool = option(False, "also write a .chunks.jsonl beside each output: the text in overlapping chunks "
                          "for search")
    chunk_size: int = option(1500, "characters per chunk (about: chunks end at a paragraph, sentence or word)",
                             min=100, max=1_000_000, advanced=True)
    chunk_overlap: int = option(150, "characters each chunk repeats from the one before (at most half a chunk)",
                                min=0, max=500_000, advanced=True)


def _chunks(parsed: Parsed, rel: str, size: int, overlap: int) -> bytes:
    """The document's chunks file; the count goes into its details."""
    from workers.tasks.parsers.chunks import make_chunks  # here: only a run with the chunks option needs it

    text = parsed.text
    starts = parsed.section_starts()
    headings = sorted(((starts[section] + offset, level, title) for section, offset, level, title
                       in parsed.headings if section < len(starts)), key=lambda h: h[0])
    chunks = make_chunks(text, size, overlap, page_starts=starts if parsed.section_kind == "page" else None,
                         headings=headings)
    parsed.details["chunks"] = len(chunks)
    return chunk_lines(chunks, text, rel)


def _sha256(path: Path) -> str:
    with open_source(path) as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def _message(parsed: Parsed, words: int) -> str:
    """What the item's end says; ``words`` is the document's count (the record has it already:
    counting splits every page's text again)."""
    if parsed.pages is not None:
        read = parsed.details.get("pages_read", parsed.pages)
        counts = f"{parsed.pages} pages" if read == parsed.pages else f"{read} of {parsed.pages} pages"
        if parsed.details.get("ocr_pages"):
            counts += f" ({parsed.details['ocr_pages']} by OCR)"
        text = f"{counts}, {words:,} words"
    elif parsed.rows is not None:
        text = f"{parsed.rows:,} rows"
        if "columns" in parsed.details:
            text += f", {parsed.details['columns']} columns"
    else:
        text = f"{words:,} words"
    if parsed.warnings:
        text += f" ({len(parsed.warnings)} warning{'s' if len(parsed.warnings) > 1 else ''})"
    return text


class ParseTask(Task):
    """Extract text and metadata from documents into .json/.txt/.md files and a batch index."""

    name = "parse"
    output_word = "parsed"  # outputs go to <folder>-parsed by default
    title = "Parse documents"
    description = ("Extract the text and metadata of PDFs, Word files, web pages, e-books, text, CSV, "
                   "JSON and XML into one file per document, plus an index of the batch.")
    Options = ParseOptions
    presets = {
        "json": Preset("Text and metadata (JSON)", output_format="json", include_text=True),
        "text only": Preset("Plain text", output_format="txt"),
        "markdown": Preset("Markdown for notes", output_format="md"),
        "metadata only": Preset("Metadata only, no text", output_format="json", include_text=False),
        "catalogue": Preset("Catalogue for a spreadsheet (CSV)", output_format="json", include_text=False,
                            index_format="csv"),
        "first pages": Preset("Quick look: first 10 pages", output_format="json", max_pages=10),
        "scans": Preset("Scans: OCR every page", output_format="json", ocr="always"),
        "search chunks": Preset("Text and chunks for search", output_format="txt", chunks=True),
    }
    extensions = frozenset(FORMATS)
    not_accepted = "not a document type parse reads"

    def accepts(self, path: Path, options: Any) -> bool:
        suffix = path.suffix.lower()
        return suffix in self.extensions and not (suffix in PICTURES and OcrMode(options.ocr) is OcrMode.OFF)

    def skip_reason(self, path: Path, options: Any) -> str:
        if path.suffix.lower() in PICTURES:
            return "pictures are read by OCR, and the ocr option is off"
        return NEAR_MISSES.get(path.suffix.lower(), self.not_accepted)

    def automatic(self, name: str, options: Any) -> Any:
        if name == "ocr_languages":
            from workers.tasks.parsers.ocr import default_languages

            return default_languages()
        return None

    def warm_up(self) -> None:
        """Import the PDF reader (most batches are PDFs) in a worker that waits for its first
        file: PDFium loads while the folders are still being scanned."""
        import pypdfium2  # noqa: F401

        import workers.tasks.parsers.pdf  # noqa: F401

    def output_name(self, rel: PurePath, options: Any) -> PurePath:
        return rel.with_name(f"{rel.name}.{OutputFormat(options.output_format).value}")

    def run(self, item: WorkItem, options: Any, report: Report) -> ItemResult:
        """Parse one document and write its output; expected problems end as ItemError/SkipItem."""
        path = Path(item.source)
        if not self.accepts(path, options):
            raise SkipItem(self.skip_reason(path, options))
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise ItemError("the file disappeared before it could be read") from None
        if size == 0:
            raise SkipItem("empty file (0 bytes): nothing to parse")
        limits = Limits(max_pages=options.max_pages, max_input_bytes=options.max_input_mb << 20,
                        pdf_password=options.pdf_password, ocr=OcrMode(options.ocr).value,
                        ocr_languages=options.ocr_languages)
        report(0.0, f"reading {format_of(path)}")
        digest = _sha256(path)

        def progress(fraction: float, message: str = "") -> None:
            report(0.02 + 0.93 * fraction, message)  # the rest is writing the output

        parsed = parse_document(path, limits, progress)
        kind = OutputFormat(options.output_format).value
        chunks = None
        if options.chunks:
            chunks = _chunks(parsed, item.rel, options.chunk_size, options.chunk_overlap)
        record = document_record(parsed, item.rel, size, digest, options.include_text and kind == "json")
        write_outputs(item.output, document_bytes(kind, parsed, record), chunks)
        message = _message(parsed, record["words"])
        report(1.0, message)
        return ItemResult(item.output, message, summary(record))

    def finalize(self, out_dir: Path, options: Any, outcomes: list[Outcome]) -> str | None:
        """Write index.jsonl (or index.csv) with a line for every file of the batch."""
        kind = IndexFormat(options.index_format).value
        rows = index_rows(out_dir, outcomes, format_of, read_index(Path(out_dir), kind))
        path = Path(out_dir) / f"index.{kind}"
        write_index(path, rows, kind)
        states = Counter(row["state"] for row in rows)
        parts = [f"{states[s]} {s}" for s in ("done", "failed", "skipped", "cancelled") if states[s]]
        return f"index of {len(rows)} file(s) written to {os.fspath(path)}" + (
            f" ({', '.join(parts)})" if parts else "")
