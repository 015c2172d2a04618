"""PDF text and metadata with pypdfium2 (PDFium): page by page, bounded by ``max_pages``."""

from __future__ import annotations

import re
from pathlib import Path

from workers.task import ItemError
from workers.tasks.parsers.common import Limits, Parsed, Progress, normalize_newlines

_META_KEYS = {
    "Title": "title",
    "Author": "author",
    "Subject": "subject",
    "Keywords": "keywords",
    "Creator": "creator",
    "Producer": "producer",
    "CreationDate": "created",
    "ModDate": "modified",
}
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+\-])?(\d{2})?'?(\d{2})?")


def pdf_date(value: str) -> str:
    """A PDF date (``D:20240131120000+01'00'``) as ISO 8601; anything else is returned as is."""
    m = _PDF_DATE.match(value.strip())
    if not m:
        return value
    year, month, day, hour, minute, second, zone, zh, zm = m.groups()
    out = f"{year}-{month or '01'}-{day or '01'}"
    if hour:
        out += f"T{hour}:{minute or '00'}:{second or '00'}"
        if zone in ("Z", "z"):
            out += "Z"
        elif zone and zh:
            out += f"{zone}{zh}:{zm or '00'}"
    return out


def _open_error(exc: Exception, err_code: int | None, password_given: bool) -> ItemError:
    import pypdfium2.raw as pdfium_c

    if err_code == pdfium_c.FPDF_ERR_PASSWORD:
        if password_given:
            return ItemError("password-protected PDF, and the pdf_password given does not open it; "
                             "check the password")
        return ItemError("password-protected PDF: set the pdf_password option to the document's "
                         "password to read it")
    if err_code == pdfium_c.FPDF_ERR_SECURITY:
        return ItemError("this PDF uses an encryption scheme PDFium does not support; "
                         "save an unprotected copy to parse it")
    if err_code == pdfium_c.FPDF_ERR_FILE:
        return ItemError("the PDF could not be opened (file access error); check that it is readable")
    said = str(exc).removeprefix("Failed to load document ").strip(" .()")
    return ItemError(f"not a readable PDF ({said}); the file is damaged, truncated or not a PDF")


def parse_pdf(path: Path, limits: Limits, report: Progress) -> Parsed:
    """Text per page, page count and document information of a PDF."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    password = limits.pdf_password or None
    try:
        pdf = pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_SUCCESS and path.stat().st_size > 0:
            # PDFium opens it but counts no pages: a valid shell with nothing inside.
            raise ItemError("the PDF has no pages") from None
        raise _open_error(exc, exc.err_code, password is not None) from None
    except FileNotFoundError:
        raise ItemError("the file disappeared before it could be read") from None
    parsed = Parsed("pdf", section_kind="page")
    with pdf:
        total = len(pdf)
        limit = min(total, limits.max_pages)
        parsed.pages = total
        for key, name in _META_KEYS.items():
            try:
                value = pdf.get_metadata_value(key).strip("\x00 ")
            except UnicodeDecodeError:  # a hostile or broken Info dictionary
                parsed.warnings.append(f"the document's {key} could not be decoded")
                continue
            if value:
                parsed.metadata[name] = pdf_date(value) if name in ("created", "modified") else value
        version = pdf.get_version()
        if version:
            parsed.details["pdf_version"] = f"{version // 10}.{version % 10}"
        if pdfium_c.FPDF_GetSecurityHandlerRevision(pdf.raw) != -1:
            parsed.details["encrypted"] = True
        unreadable: list[int] = []
        empty = 0
        for index in range(limit):
            report(index / limit, f"page {index + 1} of {limit}")
            try:
                page = pdf[index]
            except pdfium.PdfiumError:
                unreadable.append(index + 1)
                parsed.sections.append("")
                continue
            try:
                textpage = page.get_textpage()
                raw = textpage.get_text_range()
                textpage.close()
            except pdfium.PdfiumError:
                unreadable.append(index + 1)
                raw = ""
            finally:
                page.close()  # one page at a time keeps memory flat on long documents
            text = normalize_newlines(raw).replace("\x00", "").strip()
            empty += not text
            parsed.sections.append(text)
    parsed.details["pages_read"] = limit
    if limit < total:
        parsed.warnings.append(f"only the first {limit} of {total} pages were read (max_pages); "
                               "raise max_pages to read them all")
    if unreadable:
        shown = ", ".join(map(str, unreadable[:10])) + (" ..." if len(unreadable) > 10 else "")
        parsed.warnings.append(f"{len(unreadable)} page(s) could not be read: {shown}")
    if limit and empty == limit:
        parsed.warnings.append("no page has a text layer (a scan?); parse does not do OCR")
    elif empty > limit // 2:
        parsed.warnings.append(f"{empty} of {limit} pages have no text layer (scanned images?)")
    return parsed
