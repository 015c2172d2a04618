"""The second PDF reader: pypdf in lenient mode, for files PDFium refuses.

PDFium already rebuilds a broken cross-reference table by itself; what it gives up on (a
trailer that points nowhere, objects whose keywords are damaged, junk before the header) pypdf
often still reads, by searching the file for the document catalogue. Its text is rougher than
PDFium's, so it is only the second choice, and the output says which reader made it.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from workers.tasks.parsers.common import Limits, Parsed, Progress, open_source
from workers.tasks.parsers.pdf_info import META_KEYS, pdf_date

READER = "pypdf"


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs every repair it makes; the damage is said once, in the file's warnings, never
    as raw text on the terminal."""
    logger = logging.getLogger("pypdf")
    handler = logging.NullHandler()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # PdfReadWarning: the same repairs, said again
            yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _info(reader: Any) -> dict[str, str]:
    meta: dict[str, str] = {}
    try:
        info = reader.metadata or {}
        for key, name in META_KEYS.items():
            value = info.get(f"/{key}")
            if isinstance(value, str) and value.strip("\x00 "):
                value = value.strip("\x00 ")
                meta[name] = pdf_date(value) if name in ("created", "modified") else value
    except Exception:  # the Info dictionary of a damaged file is a bonus, never a failure
        return meta
    return meta


def read_lenient(path: Path, limits: Limits, report: Progress) -> Parsed | None:
    """Text per page with pypdf (strict=False), or None when it cannot read the file either."""
    from pypdf import PdfReader

    with open_source(path) as fh, _quiet_pypdf():
        try:
            reader = PdfReader(fh, strict=False, password=limits.pdf_password or None)
            if reader.is_encrypted and not limits.pdf_password:
                return None  # PDFium has already said what an encrypted file needs
            total = len(reader.pages)
        except Exception:  # any failure here means "this reader cannot either"
            return None
        if total == 0:
            return None
        parsed = Parsed("pdf", section_kind="page", pages=total)
        limit = min(total, limits.max_pages)
        unreadable: list[int] = []
        for index in range(limit):
            report(index / limit, f"page {index + 1} of {limit}")
            try:
                text = reader.pages[index].extract_text() or ""
            except Exception:  # one damaged page is a warning, not the end of the file
                unreadable.append(index + 1)
                text = ""
            parsed.sections.append(text.strip())
            parsed.page_sources.append({"page": index + 1, "source": "text" if text.strip() else "none"})
        parsed.metadata = _info(reader)
    if len(unreadable) == limit:
        return None
    parsed.details.update(reader=READER, pages_read=limit)
    if unreadable:
        parsed.warnings.append(f"{len(unreadable)} page(s) could not be read: "
                               + ", ".join(map(str, unreadable[:10])) + (" ..." if len(unreadable) > 10 else ""))
    if limit < total:
        parsed.warnings.append(f"only the first {limit} of {total} pages were read (max_pages); "
                               "raise max_pages to read them all")
    return parsed
