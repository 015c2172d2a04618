"""DOCX with python-docx: paragraphs and tables in reading order (and as Markdown), headings, core properties."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from workers.task import ItemError
from workers.tasks.parsers.common import Limits, Parsed, Progress, check_zip, open_source
from workers.tasks.parsers.tables import table_lines, table_markdown

# Old binary Word files and password-protected OOXML files are both OLE compound files.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING = re.compile(r"Heading ([1-9])")
_BLANK_RUN = re.compile(r"\n{3,}")
_CORE_FIELDS = ("title", "author", "subject", "keywords", "category", "comments", "language",
                "last_modified_by", "revision", "created", "modified")


def _heading_level(paragraph: Any) -> int | None:
    """0 for the Title style, N for "Heading N", None for any other paragraph."""
    try:
        name = paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):  # a style the styles part does not define
        return None
    if name == "Title":
        return 0
    m = _HEADING.fullmatch(name or "")
    return int(m.group(1)) if m else None


def _body(blocks: list[Any], parsed: Parsed, report: Progress) -> str:
    """The text of the body's blocks, and as side effects the headings and the Markdown form."""
    from docx.table import Table

    lines: list[str] = []
    markdown: list[str] = []
    heading_lines: list[tuple[int, int, str]] = []  # (line index, level, title)
    for n, block in enumerate(blocks):
        if n % 200 == 0:
            report(n / max(1, len(blocks)), "reading paragraphs")
        if isinstance(block, Table):
            lines += table_lines(block, 1, parsed.warnings)
            markdown += ["", *table_markdown(block, 1, parsed.warnings), ""]
            continue
        text = block.text
        level = _heading_level(block) if text.strip() else None
        if level is not None:
            title = " ".join(text.split())
            heading_lines.append((len(lines), level, title))
            markdown += ["", "#" * min(6, max(1, level) + 1) + " " + title, ""]  # under the file's own "# "
        elif text.strip():
            markdown += ["", text.strip(), ""]
        lines.append(text)
    lines = [line.rstrip() for line in lines]
    joined = "\n".join(lines)
    lead = len(joined) - len(joined.lstrip())
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    parsed.headings = [(0, max(0, starts[i] - lead), level, title) for i, level, title in heading_lines]
    parsed.markdown = _BLANK_RUN.sub("\n\n", "\n".join(markdown)).strip()
    return joined.strip()


def _core_properties(document: Any) -> dict[str, Any]:
    props = document.core_properties
    meta: dict[str, Any] = {}
    for name in _CORE_FIELDS:
        try:
            value = getattr(props, name)
        except (ValueError, TypeError):  # a malformed date or number in docProps/core.xml
            continue
        if isinstance(value, datetime):
            value = value.isoformat()
        if value not in (None, "", 0):
            meta[name] = value
    return meta


def parse_docx(path: Path, limits: Limits, report: Progress) -> Parsed:
    """Paragraph and table text of a .docx in document order, with its core properties."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from lxml.etree import XMLSyntaxError

    with open_source(path) as fh:
        if fh.read(8) == _OLE_MAGIC:
            raise ItemError("this is a password-protected Word file or an old .doc renamed to .docx; "
                            "save it as an unprotected .docx to parse it")
        fh.seek(0)
        try:
            with zipfile.ZipFile(fh) as zf:
                check_zip(zf, limits, "DOCX")
        except zipfile.BadZipFile:
            raise ItemError("not a valid DOCX (it is not a zip package); the file is damaged, "
                            "truncated or not a Word document") from None
        fh.seek(0)
        try:
            document = Document(fh)
        except PackageNotFoundError:
            raise ItemError("not a valid DOCX (no Word document inside the package)") from None
        except ValueError as exc:  # python-docx: the main part is not a Word document
            raise ItemError(f"not a Word document: {str(exc).split(',')[-1].strip()}") from None
        except KeyError as exc:  # python-docx looks parts up by name in the zip
            raise ItemError(f"not a valid DOCX ({exc.args[0] if exc.args else exc}); the file is damaged "
                            "or not a Word document") from None
        except (XMLSyntaxError, zipfile.BadZipFile, EOFError) as exc:
            raise ItemError(f"damaged DOCX ({type(exc).__name__}: {exc}); open and re-save it in Word "
                            "or LibreOffice") from None
    parsed = Parsed("docx")
    try:
        blocks = list(document.iter_inner_content())
        parsed.sections = [_body(blocks, parsed, report)]
        parsed.metadata = _core_properties(document)
    except (KeyError, XMLSyntaxError) as exc:
        raise ItemError(f"damaged DOCX ({type(exc).__name__}: {exc}); open and re-save it in Word "
                        "or LibreOffice") from None
    parsed.details = {"paragraphs": sum(1 for b in blocks if not isinstance(b, Table)),
                      "tables": sum(1 for b in blocks if isinstance(b, Table))}
    return parsed
