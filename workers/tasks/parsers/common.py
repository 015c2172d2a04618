"""What every parser shares: the result type, limits, safe reading and text decoding."""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workers.task import ItemError

if TYPE_CHECKING:
    import zipfile

Progress = Callable[[float, str], None]

# How sections are joined into one text: pages by a form feed (as pdftotext does, so page
# breaks survive in a .txt), chapters and the like by a blank line.
JOINERS = {"page": "\f", "chapter": "\n\n", "": "\n\n"}


@dataclass
class Parsed:
    """A document as text and facts, before it is written anywhere."""

    format: str  # pdf, docx, html, epub, text, markdown, csv, json, jsonl, xml
    sections: list[str] = field(default_factory=list)  # pages, chapters, or one block
    section_kind: str = ""  # "page", "chapter" or ""
    metadata: dict[str, Any] = field(default_factory=dict)  # what the document says of itself
    details: dict[str, Any] = field(default_factory=dict)  # what we measured (encoding, columns...)
    pages: int | None = None
    rows: int | None = None
    warnings: list[str] = field(default_factory=list)
    # (section, offset in that section's text, level, title), in document order: where the
    # headings start, for the chunks' heading paths. Offsets are taken before cleaning and moved
    # with it (see parsers.clean), so they must sit at line starts.
    headings: list[tuple[int, int, int, str]] = field(default_factory=list)
    # Per page of a PDF or picture: {"page": n, "source": "text" | "ocr" | "none", and for OCR
    # "confidence" (Tesseract's mean word confidence, 0-100) and "rotated" when it was turned}.
    page_sources: list[dict[str, Any]] = field(default_factory=list)
    # The body as Markdown, when the parser can say more than the plain text does (tables).
    markdown: str | None = None

    @property
    def text(self) -> str:
        """All sections as one string."""
        return JOINERS.get(self.section_kind, "\n\n").join(self.sections)

    @property
    def words(self) -> int:
        """Whitespace-separated words over all sections."""
        return sum(len(s.split()) for s in self.sections)

    @property
    def title(self) -> str:
        return str(self.metadata.get("title") or "")

    def section_starts(self) -> list[int]:
        """Where each section begins in :attr:`text`."""
        joiner = len(JOINERS.get(self.section_kind, "\n\n"))
        starts, at = [], 0
        for section in self.sections:
            starts.append(at)
            at += len(section) + joiner
        return starts


@dataclass(frozen=True)
class Limits:
    """The bounds a parser must respect, taken from the task options."""

    max_pages: int = 2000
    max_input_bytes: int = 512 << 20
    pdf_password: str = ""
    max_zip_entries: int = 20000
    # OCR: "auto" (pages without a usable text layer, and pictures), "off" or "always"; the
    # Tesseract languages ("eng+deu"; empty: what the system has, see parsers.ocr).
    ocr: str = "auto"
    ocr_languages: str = ""


def mb(n: int) -> str:
    """A byte count as a short human figure."""
    return f"{n / 2**20:.1f} MB" if n < 10 << 20 else f"{n / 2**20:.0f} MB"


def open_source(path: Path) -> io.BufferedReader:
    """Open a source read-only, turning OS errors into reasons a person can act on."""
    try:
        return open(path, "rb")  # the caller closes it
    except FileNotFoundError:
        raise ItemError("the file disappeared before it could be read") from None
    except PermissionError:
        raise ItemError("the file cannot be read (permission denied); check its permissions") from None
    except IsADirectoryError:
        raise ItemError("this is a folder, not a file") from None
    except OSError as exc:
        raise ItemError(f"the file cannot be read ({exc.strerror or exc})") from None


def read_source(path: Path, limits: Limits, *, truncate: bool = False) -> tuple[bytes, bool]:
    """The file's bytes, at most ``limits.max_input_bytes``: (data, truncated).

    Over the limit, ``truncate`` keeps the head of the file; otherwise the item fails.
    """
    cap = limits.max_input_bytes
    with open_source(path) as fh:
        data = fh.read(cap + 1)
        if len(data) <= cap:
            return data, False
        if not truncate:
            fh.seek(0, 2)
            raise ItemError(f"the file is {mb(fh.tell())}, over the {mb(cap)} limit (max_input_mb); "
                            "raise max_input_mb to parse it")
    head = data[:cap]
    cut = head.rfind(b"\n", max(0, cap - (1 << 20)))  # end on a whole line when one is near
    return (head[: cut + 1] if cut >= 0 else head), True


def check_zip(zf: zipfile.ZipFile, limits: Limits, kind: str) -> None:
    """Refuse zip containers that would unpack to far more than the input limit (zip bombs)."""
    infos = zf.infolist()
    if len(infos) > limits.max_zip_entries:
        raise ItemError(f"this {kind} holds {len(infos)} entries, more than the {limits.max_zip_entries} "
                        "parse opens; it may be damaged or hostile")
    total = sum(i.file_size for i in infos)
    if total > limits.max_input_bytes:
        raise ItemError(f"this {kind} unpacks to {mb(total)}, over the {mb(limits.max_input_bytes)} limit "
                        "(max_input_mb); raise max_input_mb if you trust the file")


# ------------------------------------------------------------------ text decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDE = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"]
# When the detector finds several encodings equally likely, the commonest wins: Western
# European text in cp1252 is otherwise often reported as cp1250 and decoded wrongly.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    return bool(sample) and len(_CONTROL.findall(sample)) > 0.05 * len(sample)


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    # UTF-16/32 without a BOM is only plausible when there are NUL bytes; otherwise the
    # detector sometimes picks it for short Latin-1 text and produces CJK noise.
    wide = b"\x00" in data[:65536]
    matches = from_bytes(data, cp_exclusion=None if wide else _WIDE)
    best = matches.best()
    if best is None:
        return None
    ties = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    for name in _PREFERRED:
        for match in ties:
            # could_be_from_charset lists the encodings that decode these bytes identically.
            if name == match.encoding or name in match.could_be_from_charset:
                return str(match), name
    return str(best), best.encoding


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Bytes to text: (text, encoding). A BOM wins, then ``declared``, UTF-8, then detection.

    Raises ItemError for data that is not text in any encoding.
    """
    text: str | None = None
    encoding = ""
    for bom, name in _BOMS:
        if data.startswith(bom):
            text, encoding = data[len(bom):].decode(name, errors="replace"), name
            break
    if text is None and declared:
        try:
            text, encoding = data.decode(declared), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            found = _detect(data)
            if found is None:
                raise ItemError("the file does not look like text in any known encoding "
                                "(binary data, or damaged); check that it is what its name says") from None
            text, encoding = found
    if _looks_binary(text):
        raise ItemError("the file holds binary data, not text; check that it is what its name says")
    return text, encoding


def normalize_newlines(text: str) -> str:
    """Line ends as ``\\n`` whatever the source used."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


_SPACES = re.compile(r"[ \u00a0]+")
_AROUND_TAB = re.compile(r" *\t *")
_LINE_EDGES = re.compile(r"^[ \t]+|[ \t]+$", re.M)
_BLANKS = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """Trim each line, collapse runs of spaces (a tab, as between table cells, stays) and blank lines."""
    # Whole-text passes: per-line Python loops cost seconds on large pages.
    text = _AROUND_TAB.sub("\t", _SPACES.sub(" ", normalize_newlines(text)))
    return _BLANKS.sub("\n\n", _LINE_EDGES.sub("", text)).strip()


