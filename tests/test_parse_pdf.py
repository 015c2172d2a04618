"""Parsing PDFs: text per page, metadata and progress, the page limit, passwords, broken and
image-only files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import documents as docs
from tests.parse_support import Progress, parse, write
from workers.task import ItemError
from workers.tasks.parsers import Limits, parse_document


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


def test_blank_pdf_is_parsed_with_a_warning(tmp_path: Path) -> None:
    pdf = docs.make_pdf(tmp_path / "blank.pdf", ["", ""])
    parsed = parse(pdf)
    assert parsed.pages == 2 and parsed.words == 0
    assert parsed.warnings == ["no text was found on any page"]
    assert [p["source"] for p in parsed.page_sources] == ["none", "none"]


def test_pdf_without_text_layer_and_ocr_off_says_how_to_read_it(tmp_path: Path) -> None:
    pdf = docs.make_scanned_pdf(tmp_path / "scan.pdf", [docs.page_picture(["A scanned page"])])
    parsed = parse(pdf, ocr="off")
    assert parsed.words == 0 and parsed.page_sources == [{"page": 1, "source": "none"}]
    assert parsed.warnings == ["no page has a text layer (scanned images?); set ocr to auto to read them"]


def test_damaged_xref_pdf_is_read_by_the_second_reader(tmp_path: Path) -> None:
    pdf = write(tmp_path / "damaged.pdf", docs.damaged_xref_pdf(["Alpha page text", "Beta page text"]))
    import pypdfium2 as pdfium

    with pytest.raises(pdfium.PdfiumError):  # the damage is of a kind PDFium gives up on
        pdfium.PdfDocument(pdf)
    parsed = parse(pdf)
    assert parsed.sections == ["Alpha page text", "Beta page text"] and parsed.pages == 2
    assert parsed.details["reader"] == "pypdf"
    assert parsed.warnings[0].startswith("the PDF is damaged (PDFium could not open it: Data format error); "
                                         "its text was read by a second reader (pypdf)")


def test_pdf_read_by_pdfium_says_so_and_keeps_its_bookmarks_as_headings(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "book.pdf"
    pdf = canvas.Canvas(str(path), invariant=1)
    for n, (title, level) in enumerate([("Part One", 0), ("Chapter A", 1), ("Part Two", 0)]):
        pdf.drawString(50, 800, f"{title} text")
        pdf.bookmarkPage(f"p{n}")
        pdf.addOutlineEntry(title, f"p{n}", level=level)
        pdf.showPage()
    pdf.save()
    parsed = parse(path)
    assert parsed.details["reader"] == "pdfium"
    assert parsed.headings == [(0, 0, 1, "Part One"), (1, 0, 2, "Chapter A"), (2, 0, 1, "Part Two")]
