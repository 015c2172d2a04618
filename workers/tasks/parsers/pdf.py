"""PDF text and metadata with pypdfium2 (PDFium): page by page, bounded by ``max_pages``.

A page whose text layer is empty or junk is rendered (one page at a time) and read by OCR when
the ``ocr`` option allows (see parsers.ocr); a file PDFium refuses goes to the second reader
(parsers.pdf_lenient).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from workers.task import ItemError
from workers.tasks.parsers.clean import layer_facts
from workers.tasks.parsers.common import Limits, Parsed, Progress, normalize_newlines
from workers.tasks.parsers.pdf_info import META_KEYS, pdf_date

if TYPE_CHECKING:
    from workers.tasks.parsers.ocr import OcrPage, Reader

# parsers.ocr (Tesseract's side) is imported where a page needs OCR: most PDFs have none, and
# every worker would pay for its import before its first file.


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



# A page with less text than this (non-space characters) over a picture covering at least
# FULL_PAGE of it is a scan with a stamp or a page number on top: OCR reads the picture.
THIN_TEXT = 40
FULL_PAGE = 0.5


def _picture_cover(page: Any) -> float:
    """The share of the page that pictures cover (overlaps counted twice, capped at 1)."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    if width <= 0 or height <= 0:
        return 0.0
    covered = 0.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4):
        left, bottom, right, top = obj.get_bounds()
        covered += max(0.0, min(right, width) - max(left, 0.0)) * max(0.0, min(top, height) - max(bottom, 0.0))
    return min(1.0, covered / (width * height))


def ocr_reason(mode: str, text: str, page: Any) -> str:
    """Why a page is read by OCR: "always", "junk", "empty" or "thin"; "" when it is not."""
    import pypdfium2.raw as pdfium_c

    if mode == "off":
        return ""
    if mode == "always":
        return "always"
    letters, junk = layer_facts(text)
    if junk:
        return "junk"
    if not letters:
        # A page with nothing drawn on it is blank, not a scan; vector-drawn text still counts.
        return "empty" if pdfium_c.FPDFPage_CountObjects(page.raw) > 0 else ""
    if letters < THIN_TEXT and _picture_cover(page) >= FULL_PAGE:
        return "thin"
    return ""


class PageOcr:
    """Renders pages and reads them with OCR; the engine is loaded at the first page that needs it."""

    def __init__(self, languages: str) -> None:
        self.languages = languages
        self.reader: Reader | None = None
        self.unavailable = ""  # why OCR cannot run here, once it was tried
        self.skipped: list[int] = []  # pages that needed OCR it could not give
        self.timed_out: list[int] = []
        self.confidences: list[float] = []

    def read(self, page: Any, number: int) -> OcrPage | None:
        """The page as OCR reads it at ~300 dpi, or None when OCR is not available."""
        from workers.tasks.parsers.ocr import OcrUnavailable, Reader, render_scale

        if not self.unavailable and self.reader is None:
            try:
                self.reader = Reader(self.languages)
            except OcrUnavailable as exc:
                self.unavailable = str(exc)
        if self.reader is None:
            self.skipped.append(number)
            return None
        scale = render_scale(*page.get_size())
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            result = self.reader.read(bitmap.to_pil(), dpi=round(72 * scale))
        finally:
            bitmap.close()  # one page's picture at a time
        if result.timed_out:
            self.timed_out.append(number)
        else:
            self.confidences.append(result.confidence)
        return result

    def note(self, parsed: Parsed) -> None:
        """What the OCR did, into the details and warnings."""
        if self.reader is not None:  # else no page was read: nothing to say but what was skipped
            from workers.tasks.parsers.ocr import note_ocr

            note_ocr(parsed, self.reader.languages, self.confidences, self.timed_out)
        if self.skipped:
            parsed.warnings.append(f"{len(self.skipped)} page(s) without a usable text layer were not read: "
                                   f"{self.unavailable}")


def _chosen(reason: str, layer: str, result: OcrPage | None) -> tuple[str, dict[str, Any]]:
    """The page's text and its page_sources entry, from its text layer and what OCR read."""
    if result is not None and not result.timed_out:
        read = result.text.strip()
        # A thin layer over a picture keeps its own text if OCR finds less (a blank scan).
        if reason != "thin" or len("".join(read.split())) > len("".join(layer.split())):
            entry: dict[str, Any] = {"source": "ocr" if read else "none", "confidence": round(result.confidence, 1)}
            if result.rotated:
                entry["rotated"] = result.rotated
            return read, entry
    if reason == "junk":
        return "", {"source": "none"}  # junk is not text, whatever else happened
    return layer, {"source": "text" if layer else "none"}


def _headings(pdf: Any, limit: int) -> list[tuple[int, int, int, str]]:
    """The bookmarks as headings at the start of the pages they point to."""
    found: list[tuple[int, int, int, str]] = []
    try:
        for mark in pdf.get_toc(max_depth=8):
            dest = mark.get_dest()
            index = dest.get_index() if dest is not None else None
            title = " ".join((mark.get_title() or "").split())
            if index is not None and 0 <= index < limit and title:
                found.append((index, 0, mark.level + 1, title))
    except Exception:  # a damaged outline costs the heading paths, never the text
        return []
    return sorted(found, key=lambda h: h[0])  # stable: the outline's order within a page


def _second_reader(path: Path, limits: Limits, report: Progress, refused: ItemError) -> Parsed:
    """The file PDFium refused, read by pypdf; the refusal stands if pypdf cannot read it either."""
    from workers.tasks.parsers.pdf_lenient import READER, read_lenient

    parsed = read_lenient(path, limits, report)
    if parsed is None:
        raise refused
    said = str(refused).split(";")[0].removeprefix("not a readable PDF ").strip("()").removeprefix("PDFium: ")
    parsed.warnings.insert(0, f"the PDF is damaged (PDFium could not open it: {said}); its text was read by "
                              f"a second reader ({READER}), which may miss or misplace some of it")
    if not any(parsed.sections):
        parsed.warnings.append("no text was found, and a damaged file cannot be rendered for OCR")
    return parsed


def parse_pdf(path: Path, limits: Limits, report: Progress) -> Parsed:
    """Text per page (from the text layer, or OCR where it is missing), page count and document
    information of a PDF."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    password = limits.pdf_password or None
    try:
        pdf = pdfium.PdfDocument(path, password=password)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_SUCCESS and path.stat().st_size > 0:
            # PDFium opens it but counts no pages: a valid shell with nothing inside, or a damaged one.
            return _second_reader(path, limits, report, ItemError("the PDF has no pages"))
        refused = _open_error(exc, exc.err_code, password is not None)
        if exc.err_code in (pdfium_c.FPDF_ERR_FORMAT, pdfium_c.FPDF_ERR_UNKNOWN):
            return _second_reader(path, limits, report, refused)
        raise refused from None
    except FileNotFoundError:
        raise ItemError("the file disappeared before it could be read") from None
    parsed = Parsed("pdf", section_kind="page")
    ocr = PageOcr(limits.ocr_languages)
    with pdf:
        total = len(pdf)
        limit = min(total, limits.max_pages)
        parsed.pages = total
        _read_info(pdf, parsed)
        unreadable: list[int] = []
        for index in range(limit):
            number = index + 1
            try:
                page = pdf[index]
            except pdfium.PdfiumError:
                report(index / limit, f"page {number} of {limit}")
                unreadable.append(number)
                parsed.sections.append("")
                parsed.page_sources.append({"page": number, "source": "none"})
                continue
            try:
                textpage = page.get_textpage()
                layer = normalize_newlines(textpage.get_text_range()).replace("\x00", "").strip()
                textpage.close()
                reason = ocr_reason(limits.ocr, layer, page)
                # One report per page, said once it is known whether OCR reads it: reports are
                # throttled, and a second one right after the first would be dropped.
                report(index / limit, f"page {number} of {limit}" + (": OCR" if reason else ""))
                result = ocr.read(page, number) if reason else None
            except pdfium.PdfiumError:
                unreadable.append(number)
                layer, reason, result = "", "", None
            finally:
                page.close()  # one page at a time keeps memory flat on long documents
            text, entry = _chosen(reason, layer, result)
            parsed.sections.append(text)
            parsed.page_sources.append({"page": number, **entry})
        parsed.headings = _headings(pdf, limit)
    parsed.details["reader"] = "pdfium"
    parsed.details["pages_read"] = limit
    if limit < total:
        parsed.warnings.append(f"only the first {limit} of {total} pages were read (max_pages); "
                               "raise max_pages to read them all")
    if unreadable:
        from workers.tasks.parsers.ocr import page_list

        parsed.warnings.append(f"{len(unreadable)} page(s) could not be read: {page_list(unreadable)}")
    ocr.note(parsed)
    empty = sum(1 for s in parsed.sections if not s)
    if limits.ocr == "off" and empty:
        what = "no page has" if empty == limit else f"{empty} of {limit} pages have"
        parsed.warnings.append(f"{what} a text layer (scanned images?); set ocr to auto to read them")
    elif limit and empty == limit and not ocr.skipped:
        parsed.warnings.append("no text was found on any page")
    return parsed


def _read_info(pdf: Any, parsed: Parsed) -> None:
    """The document information dictionary, the PDF version and whether it is encrypted."""
    import pypdfium2.raw as pdfium_c

    for key, name in META_KEYS.items():
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
