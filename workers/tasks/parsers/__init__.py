"""Document parsers for the parse task: one function per format family, chosen by suffix.

Each parser takes (path, limits, report) and returns a :class:`Parsed`, or raises
``ItemError`` with a reason a person can act on. Parser modules import their libraries
lazily so a worker only loads what the files in front of it need.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from workers.tasks.parsers.clean import clean_text, clean_with_anchors
from workers.tasks.parsers.common import Limits, Parsed, Progress

# suffix -> (format name, module, function)
FORMATS: dict[str, tuple[str, str, str]] = {
    ".pdf": ("pdf", "pdf", "parse_pdf"),
    ".docx": ("docx", "office", "parse_docx"),
    ".html": ("html", "markup", "parse_html"),
    ".htm": ("html", "markup", "parse_html"),
    ".xhtml": ("html", "markup", "parse_html"),
    ".epub": ("epub", "markup", "parse_epub"),
    ".txt": ("text", "text", "parse_text"),
    ".text": ("text", "text", "parse_text"),
    ".log": ("text", "text", "parse_text"),
    ".md": ("markdown", "text", "parse_markdown"),
    ".markdown": ("markdown", "text", "parse_markdown"),
    ".csv": ("csv", "data", "parse_csv"),
    ".tsv": ("csv", "data", "parse_csv"),
    ".tab": ("csv", "data", "parse_csv"),
    ".json": ("json", "data", "parse_json"),
    ".jsonl": ("jsonl", "data", "parse_jsonl"),
    ".ndjson": ("jsonl", "data", "parse_jsonl"),
    ".xml": ("xml", "data", "parse_xml"),
    # Pictures of pages: read by OCR (not when the ocr option is off).
    ".png": ("image", "image", "parse_image"),
    ".jpg": ("image", "image", "parse_image"),
    ".jpeg": ("image", "image", "parse_image"),
    ".tif": ("image", "image", "parse_image"),
    ".tiff": ("image", "image", "parse_image"),
}
PICTURES = frozenset(suffix for suffix, entry in FORMATS.items() if entry[0] == "image")

# Look-alikes people drop by mistake, with what to do instead.
NEAR_MISSES: dict[str, str] = {
    ".doc": "old Word .doc files are not read; save it as .docx",
    ".docm": "macro-enabled Word files are not read; save it as .docx",
    ".odt": "OpenDocument text is not read; save it as .docx",
    ".rtf": "RTF is not read; save it as .docx or .txt",
    ".xls": "spreadsheets are not read; export the sheet as .csv",
    ".xlsx": "spreadsheets are not read; export the sheet as .csv",
    ".ods": "spreadsheets are not read; export the sheet as .csv",
    ".mobi": "Kindle books are not read; convert it to .epub",
    ".azw3": "Kindle books are not read; convert it to .epub",
}


def format_of(path: Path) -> str:
    """The format name parse uses for ``path``, or "" when it does not read that suffix."""
    entry = FORMATS.get(path.suffix.lower())
    return entry[0] if entry else ""


def parse_document(path: Path, limits: Limits, report: Progress) -> Parsed:
    """Parse one file with the parser its suffix names; its text comes out clean (parsers.clean)."""
    _, module_name, function = FORMATS[path.suffix.lower()]
    module = importlib.import_module(f"{__name__}.{module_name}")
    parser = getattr(module, function)
    parsed: Parsed = parser(path, limits, report)
    clean_parsed(parsed)
    return parsed


def clean_parsed(parsed: Parsed) -> None:
    """Clean every section (and the Markdown form), moving the headings' offsets with the text."""
    by_section: dict[int, list[int]] = {}
    for n, (section, _offset, _level, _title) in enumerate(parsed.headings):
        by_section.setdefault(section, []).append(n)
    headings = list(parsed.headings)
    for index, raw in enumerate(parsed.sections):
        marks = sorted(by_section.get(index, []), key=lambda n: headings[n][1])
        text, moved = clean_with_anchors(raw, [headings[n][1] for n in marks])
        parsed.sections[index] = text
        for n, offset in zip(marks, moved, strict=True):
            _, _, level, title = headings[n]
            headings[n] = (index, offset, level, clean_text(title))
    parsed.headings = [h for h in headings if h[0] < len(parsed.sections)]
    if parsed.markdown is not None:
        parsed.markdown = clean_text(parsed.markdown)


__all__ = ["FORMATS", "NEAR_MISSES", "PICTURES", "Limits", "Parsed", "Progress", "format_of", "parse_document"]
