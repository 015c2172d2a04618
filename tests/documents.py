"""Documents made on the fly for the parse tests and benchmark: real files, broken ones, hostile ones."""

from __future__ import annotations

import hashlib
import io
import os
import random
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

LOREM = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "while", "seven", "wizards",
         "quietly", "judge", "a", "sphinx", "of", "black", "quartz", "and", "five", "boxing", "jump"]


def sentence(seed: int, words: int = 12) -> str:
    """A deterministic line of plain ASCII words."""
    rng = random.Random(seed)
    return " ".join(rng.choice(LOREM) for _ in range(words))


def make_pdf(path: Path, pages: Sequence[str] | int, *, title: str = "", author: str = "",
             password: str | None = None, lines_per_page: int = 1) -> Path:
    """A PDF with one text block per page (``pages`` texts, or that many generated pages)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    texts = [f"Page {n + 1}" for n in range(pages)] if isinstance(pages, int) else list(pages)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=password, invariant=1)
    if title:
        pdf.setTitle(title)
    if author:
        pdf.setAuthor(author)
    for n, text in enumerate(texts):
        y = 800.0
        pdf.drawString(50, y, text)
        for line in range(1, lines_per_page):
            y -= 14
            if y < 40:
                break
            pdf.drawString(50, y, sentence(n * 1000 + line))
        pdf.showPage()
    pdf.save()
    return path


def make_docx(path: Path, paragraphs: Sequence[str], *, table: Sequence[Sequence[str]] = (),
              after_table: Sequence[str] = (), title: str = "", author: str = "",
              merge_first_row: bool = False, nested: str = "") -> Path:
    """A Word file: paragraphs, then a table (optionally a merged cell and a nested table), then more."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
        if merge_first_row:
            merged = grid.cell(0, 0).merge(grid.cell(0, len(table[0]) - 1))
            merged.text = table[0][0]
        if nested:
            inner = grid.cell(len(table) - 1, 0).add_table(rows=1, cols=1)
            inner.cell(0, 0).text = nested
    for text in after_table:
        document.add_paragraph(text)
    document.core_properties.title = title
    document.core_properties.author = author
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def _xhtml(title: str, body: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            f"<head><title>{title}</title></head><body>{body}</body></html>")


def make_epub(path: Path, chapters: Sequence[tuple[str, str]], *, title: str = "", author: str = "",
              spine_order: Sequence[int] | None = None, drm: bool = False) -> Path:
    """An EPUB 3 whose chapters are (title, text) pairs, read in ``spine_order`` (default: as given)."""
    order = list(spine_order) if spine_order is not None else list(range(len(chapters)))
    manifest = "".join(f'<item id="c{n}" href="text/ch{n}.xhtml" media-type="application/xhtml+xml"/>'
                       for n in range(len(chapters)))
    spine = "".join(f'<itemref idref="c{n}"/>' for n in order)
    opf = ('<?xml version="1.0" encoding="utf-8"?>\n'
           '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
           f'<dc:identifier id="id">urn:test:1</dc:identifier><dc:title>{title}</dc:title>'
           f"<dc:creator>{author}</dc:creator><dc:language>en</dc:language></metadata>"
           f"<manifest>{manifest}</manifest><spine>{spine}</spine></package>")
    container = ('<?xml version="1.0"?><container version="1.0" '
                 'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                 '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
                 "</rootfiles></container>")
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        zf.writestr("META-INF/container.xml", container)
        zf.writestr("OEBPS/content.opf", opf)
        for n, (heading, text) in enumerate(chapters):
            zf.writestr(f"OEBPS/text/ch{n}.xhtml", _xhtml(heading, f"<h1>{heading}</h1><p>{text}</p>"))
        if drm:
            zf.writestr("META-INF/encryption.xml", (
                '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
                '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
                '<enc:CipherData><enc:CipherReference URI="OEBPS/text/ch0.xhtml"/></enc:CipherData>'
                "</enc:EncryptedData></encryption>"))
    return path


def zip_bomb(path: Path, inner_name: str, unpacked_mb: int) -> Path:
    """A small zip holding one entry that unpacks to ``unpacked_mb`` MB of zeros."""
    path.parent.mkdir(parents=True, exist_ok=True)
    block = bytes(1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, \
            zf.open(inner_name, "w", force_zip64=True) as fh:
        for _ in range(unpacked_mb):
            fh.write(block)
    return path


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<lolz>&lol3;</lolz>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE data [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<data>&secret;</data>
"""


def random_bytes(n: int, seed: int = 7) -> bytes:
    """Deterministic noise, for files that claim a format they do not have."""
    return random.Random(seed).randbytes(n)


def truncated(data: bytes, fraction: float = 0.5) -> bytes:
    """The first part of a file, as a broken download leaves it."""
    return data[: max(1, int(len(data) * fraction))]


def pdf_bytes(pages: Sequence[str] | int, **kwargs: object) -> bytes:
    """A PDF made in memory (see :func:`make_pdf`)."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    texts = [f"Page {n + 1}" for n in range(pages)] if isinstance(pages, int) else list(pages)
    pdf = canvas.Canvas(buf, invariant=1, **kwargs)
    for text in texts:
        pdf.drawString(50, 800, text)
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def tree_digest(folder: Path) -> dict[bytes, str]:
    """sha256 of every file under ``folder`` by raw relative path (names need not be UTF-8)."""
    out = {}
    root = os.fsencode(folder)
    for dirpath, _, files in os.walk(root):
        for name in files:
            full = os.path.join(dirpath, name)
            with open(full, "rb") as fh:
                out[os.path.relpath(full, root)] = hashlib.file_digest(fh, "sha256").hexdigest()
    return out


# ------------------------------------------------------------------ pictures of pages (OCR)

A4_POINTS = (595.27, 841.89)


def page_picture(lines: Sequence[str], *, dpi: int = 200, font_size: float = 12, angle: int = 0,
                 size: tuple[float, float] = (8.27, 11.69)) -> Image.Image:
    """A white page of ``size`` inches at ``dpi`` with ``lines`` printed in DejaVu Sans, as a
    scanner would see it; ``angle`` turns the picture counter-clockwise (a page scanned sideways)."""
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("L", (round(size[0] * dpi), round(size[1] * dpi)), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype("DejaVuSans.ttf", round(font_size / 72 * dpi))  # fonts-dejavu-core
    y = dpi * 0.8
    for line in lines:
        draw.text((dpi * 0.8, y), line, font=font, fill=0)
        y += font_size * 1.6 / 72 * dpi
    return page.rotate(angle, expand=True) if angle else page


def make_scanned_pdf(path: Path, pages: Sequence[Image.Image | str], *, stamp: str = "",
                     layer: Sequence[str] = (), rotate: int = 0) -> Path:
    """A PDF of A4 pages: a picture fills each page given as an image (no text layer), a string
    becomes an ordinary text page. ``stamp`` adds a little real text over every picture (a page
    number, as scanning software prints); ``layer[n]`` puts that text over picture n instead.
    ``rotate`` sets every picture page's /Rotate (how a viewer turns it for display)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path.parent.mkdir(parents=True, exist_ok=True)
    pdf = canvas.Canvas(str(path), pagesize=A4_POINTS, invariant=1)
    picture = 0
    for page in pages:
        if isinstance(page, str):
            pdf.drawString(50, 800, page)
        else:
            width, height = A4_POINTS if page.width <= page.height else A4_POINTS[::-1]
            if width > height:
                pdf.setPageSize((width, height))
            pdf.drawImage(ImageReader(page), 0, 0, width=width, height=height)
            text = layer[picture] if picture < len(layer) else stamp
            if text:
                pdf.drawString(30, 20, text)
            picture += 1
            pdf.setPageRotation(rotate)
        pdf.showPage()
        pdf.setPageSize(A4_POINTS)
        pdf.setPageRotation(0)
    pdf.save()
    return path


def damaged_xref_pdf(pages: Sequence[str]) -> bytes:
    """A PDF whose cross-reference offsets and startxref are wrong and whose trailer names a
    catalogue that does not exist: PDFium gives up on it; a lenient reader finds the pages."""
    import re

    data = pdf_bytes(pages)
    data = re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 7), data)
    data = re.sub(rb"startxref\s+\d+", b"startxref\n999999", data)
    return re.sub(rb"/Root \d+ 0 R", b"/Root 99 0 R", data)
