"""DOCX with python-docx: paragraphs and table text in reading order, core properties."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from workers.task import ItemError
from workers.tasks.parsers.common import Limits, Parsed, Progress, check_zip, open_source

# Old binary Word files and password-protected OOXML files are both OLE compound files.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAX_TABLE_DEPTH = 20
_CORE_FIELDS = ("title", "author", "subject", "keywords", "category", "comments", "language",
                "last_modified_by", "revision", "created", "modified")


def _table_lines(table: Any, depth: int, out: list[str], warnings: list[str]) -> None:
    """Rows as tab-separated cells; a merged cell is written once, nested tables follow their row."""
    from docx.table import Table

    if depth > _MAX_TABLE_DEPTH:
        warnings.append(f"tables nested deeper than {_MAX_TABLE_DEPTH} levels were left out")
        return
    for row in table.rows:
        cells: list[str] = []
        nested: list[Any] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:  # a horizontally merged cell repeats; keep the first
                continue
            previous = cell._tc
            parts = []
            for block in cell.iter_inner_content():
                if isinstance(block, Table):
                    nested.append(block)
                else:
                    parts.append(block.text)
            cells.append(" ".join(p.strip() for p in parts if p.strip()))
        if any(cells):
            out.append("\t".join(cells))
        for inner in nested:
            _table_lines(inner, depth + 1, out, warnings)


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
    lines: list[str] = []
    try:
        blocks = list(document.iter_inner_content())
        for n, block in enumerate(blocks):
            if n % 200 == 0:
                report(n / max(1, len(blocks)), "reading paragraphs")
            if isinstance(block, Table):
                _table_lines(block, 1, lines, parsed.warnings)
            else:
                lines.append(block.text)
        parsed.metadata = _core_properties(document)
    except (KeyError, XMLSyntaxError) as exc:
        raise ItemError(f"damaged DOCX ({type(exc).__name__}: {exc}); open and re-save it in Word "
                        "or LibreOffice") from None
    text = "\n".join(line.rstrip() for line in lines).strip()
    parsed.sections = [text]
    parsed.details = {"paragraphs": sum(1 for b in blocks if not isinstance(b, Table)),
                      "tables": sum(1 for b in blocks if isinstance(b, Table))}
    return parsed
