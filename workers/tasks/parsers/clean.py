"""Text as every parser hands it on: soft hyphens resolved, control characters gone, NFC.

PDFium marks a hyphen that ends a line with U+FFFE and, for a soft hyphen (U+00AD), often
joins the two lines itself; other sources keep U+00AD. Either mark before a line break joins the
word across it, as pdftotext does; anywhere else it is dropped. Ligatures stay as the source
has them: NFC composes accents but never folds compatibility characters (that would be NFKC).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# A soft hyphen (or PDFium's line-end hyphen mark) with the line break after it: the word goes on.
_JOINED = re.compile(r"[\u00ad\ufffe][ \t]*\n(?!\n)[ \t]*")
# C0 and C1 controls except tab and newline, DEL, the noncharacter U+FFFF, and what is left of
# the hyphen marks once the joins are done.
_DROPPED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# What a text layer looks like when its fonts map glyphs to nothing useful.
_BAD = re.compile("[\ufffd\ue000-\uf8ff\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NOT_WORDLIKE = re.compile(r"[\W_]", re.UNICODE)  # anything but a letter or digit of any script
# What clean_text takes out of plain ASCII text (no soft hyphen, surrogate or composition there),
# dropped by bytes.translate: a regular expression's pass cost ten times as much per page.
_ASCII_DROPPED = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])
# The same kind of shortcut for the junk test of ASCII text: what str.split() takes for white
# space, the ASCII part of _BAD, and everything but what _NOT_WORDLIKE leaves (letters, digits).
_ASCII_SPACE = b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "
_ASCII_BAD = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])
_ASCII_NOT_WORDLIKE = bytes(b for b in range(0x80) if not chr(b).isalnum())


def clean_text(text: str) -> str:
    """``text`` with soft hyphens resolved, controls (but tab and newline) removed, lone
    surrogates replaced by U+FFFD, and composed to NFC."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        data = text.encode("ascii")
        kept = data.translate(None, _ASCII_DROPPED)
        return text if len(kept) == len(data) else kept.decode("ascii")
    text = _DROPPED.sub("", _JOINED.sub("", text))
    text = _SURROGATE.sub("\ufffd", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def clean_with_anchors(text: str, anchors: Sequence[int]) -> tuple[str, list[int]]:
    """:func:`clean_text`, and where each offset in ``anchors`` (ascending, at line starts) lands.

    The text is cleaned piece by piece between the anchors: cleaning never reaches across a line
    start, so the pieces add up to the same text as one pass would make.
    """
    if not anchors:
        return clean_text(text), []
    pieces: list[str] = []
    moved: list[int] = []
    length = 0
    start = 0
    for anchor in anchors:
        anchor = min(max(anchor, start), len(text))
        piece = clean_text(text[start:anchor])
        pieces.append(piece)
        length += len(piece)
        moved.append(length)
        start = anchor
    pieces.append(clean_text(text[start:]))
    return "".join(pieces), moved


def looks_like_junk(text: str) -> bool:
    """True for a text layer that holds no readable words: mostly replacement, private-use or
    control characters, or hardly a letter or digit among its symbols (fonts without a usable
    character map). Empty text is not junk; it is empty."""
    return compact_looks_like_junk("".join(text.split()))


def layer_facts(text: str) -> tuple[int, bool]:
    """How many characters of ``text`` are not white space, and whether it looks like junk
    (:func:`looks_like_junk`): what deciding on OCR asks of every page of a PDF.

    Plain ASCII text (most pages) is counted with bytes.translate, which answers the same as
    the regular expressions at a tenth of their cost per page."""
    if text.isascii():
        compact = text.encode("ascii").translate(None, _ASCII_SPACE)
        size = len(compact)
        if not size:
            return 0, False
        bad = size - len(compact.translate(None, _ASCII_BAD))
        wordlike = len(compact.translate(None, _ASCII_NOT_WORDLIKE))
        return size, bad > 0.3 * size or wordlike < 0.4 * size
    joined = "".join(text.split())
    return len(joined), compact_looks_like_junk(joined)


def compact_looks_like_junk(compact: str) -> bool:
    """:func:`looks_like_junk` for a text with its white space taken out already."""
    if not compact:
        return False
    # Counted by what is rare in readable text (few symbols, no bad characters), so a page of
    # words makes short lists, not one string per letter.
    bad = len(_BAD.findall(compact)) if _BAD.search(compact) else 0
    wordlike = len(compact) - len(_NOT_WORDLIKE.findall(compact))
    return bad > 0.3 * len(compact) or wordlike < 0.4 * len(compact)
