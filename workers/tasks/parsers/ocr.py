"""OCR with Tesseract, through tesserocr: pictures of pages to text and a confidence.

tesserocr's wheels carry libtesseract, so no program is started per page and the model is
loaded once per worker and kept. The language data ("traineddata") comes from the system's
packages (Debian: tesseract-ocr-eng, tesseract-ocr-deu, ...); nothing is downloaded. A page that
reads badly is checked for being sideways or upside down (Tesseract's orientation data, osd),
turned and read again.
"""

from __future__ import annotations

import locale
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

OCR_DPI = 300
# A page bigger than this at OCR_DPI (A2 is 35 Mpx) is rendered at a lower resolution, so one
# poster cannot take a worker's memory.
MAX_OCR_PIXELS = 40_000_000
# Tesseract's own cut-off for one page (noise can keep it busy for minutes).
PAGE_SECONDS = 120
# Below this mean word confidence a page is checked for its orientation.
LOW_CONFIDENCE = 60
# Below this mean confidence over a document's OCR'd pages, the warnings say it reads badly.
POOR_CONFIDENCE = 50
# Where distributions put the language data, newest layout first. TESSDATA_PREFIX, when set, wins.
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
    "/opt/local/share/tessdata",
    r"C:\Program Files\Tesseract-OCR\tessdata",
)
# Data files that are not languages to read text in.
_NOT_LANGUAGES = frozenset({"osd", "equ"})
# The locale's language (ISO 639-1) as Tesseract names its data (ISO 639-2/T).
_LOCALE_LANGUAGES = {
    "ar": "ara", "bg": "bul", "ca": "cat", "cs": "ces", "da": "dan", "de": "deu", "el": "ell", "es": "spa",
    "et": "est", "fi": "fin", "fr": "fra", "he": "heb", "hi": "hin", "hr": "hrv", "hu": "hun", "id": "ind",
    "it": "ita", "ja": "jpn", "ko": "kor", "lt": "lit", "lv": "lav", "nb": "nor", "nl": "nld", "no": "nor",
    "pl": "pol", "pt": "por", "ro": "ron", "ru": "rus", "sk": "slk", "sl": "slv", "sr": "srp", "sv": "swe",
    "th": "tha", "tr": "tur", "uk": "ukr", "vi": "vie", "zh": "chi_sim",
}


class OcrUnavailable(Exception):
    """OCR cannot run here; the message says what to install."""


@dataclass(frozen=True)
class OcrPage:
    """What Tesseract read on one page."""

    text: str
    confidence: float  # mean word confidence, 0-100
    rotated: int = 0  # degrees the picture was turned (counter-clockwise) before it read well
    timed_out: bool = False


def tessdata_dir() -> Path | None:
    """The folder holding the language data: TESSDATA_PREFIX if set, else the first usual place
    that has any."""
    prefix = os.environ.get("TESSDATA_PREFIX")
    candidates = [prefix, os.path.join(prefix, "tessdata")] if prefix else list(TESSDATA_DIRS)
    for folder in candidates:
        path = Path(folder)
        if path.is_dir() and any(path.glob("*.traineddata")):
            return path
    return None


def installed_languages(folder: Path | None = None) -> list[str]:
    """Languages whose data is installed, sorted ("deu", "eng", ...)."""
    folder = folder if folder is not None else tessdata_dir()
    if folder is None:
        return []
    return sorted(p.stem for p in folder.glob("*.traineddata") if p.stem not in _NOT_LANGUAGES)


def _locale_language() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return _LOCALE_LANGUAGES.get(value.split("_")[0].split(".")[0].lower(), "")
    code = locale.getlocale()[0] or ""
    return _LOCALE_LANGUAGES.get(code.split("_")[0].lower(), "")


def default_languages(installed: list[str] | None = None) -> str:
    """What ``ocr_languages`` left empty means: the desktop's language and English, those of them
    installed; else the first language installed; else English (which then asks to be installed)."""
    installed = installed_languages() if installed is None else installed
    wanted = [lang for lang in (_locale_language(), "eng") if lang and lang in installed]
    if wanted:
        return "+".join(dict.fromkeys(wanted))
    return installed[0] if installed else "eng"


def debian_package(language: str) -> str:
    """Debian's package for a language's data: chi_sim -> tesseract-ocr-chi-sim."""
    return "tesseract-ocr-" + language.lower().replace("_", "-")


def _missing(languages: list[str], where: Path | None) -> OcrUnavailable:
    names = ", ".join(languages)
    packages = " ".join(debian_package(lang) for lang in languages)
    place = f" (looked in {where})" if where is not None else ""
    return OcrUnavailable(f"the OCR language data for {names} is not installed{place}; install it with: "
                          f"sudo apt-get install {packages} (or set ocr_languages to one installed)")


def languages_of(value: str) -> list[str]:
    """``"eng+deu"`` (or with commas or spaces) as a list."""
    return [part for part in value.replace(",", "+").replace(" ", "+").split("+") if part]


# One engine per language set and folder, kept for the worker's life: loading a model costs
# ~0.15 s, which would otherwise be paid per page. The lock keeps a second thread off an engine
# in use (a worker runs one item at a time; this is for callers outside the engine).
_engines: dict[tuple[str, str], Any] = {}
_lock = threading.Lock()


def _engine(folder: Path, languages: str) -> Any:
    # tesserocr's wheel is built without OpenMP; a build against a system libtesseract is not,
    # and its threads would fight the other workers for the cores.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        import tesserocr
    except ImportError as exc:
        raise OcrUnavailable(f"OCR needs the tesserocr package, which cannot be loaded ({exc}); "
                             "reinstall batchpilot's dependencies") from None
    key = (str(folder), languages)
    api = _engines.get(key)
    if api is None:
        psm = tesserocr.PSM.OSD_ONLY if languages == "osd" else tesserocr.PSM.AUTO
        try:
            api = tesserocr.PyTessBaseAPI(path=str(folder) + os.sep, lang=languages, psm=psm)
        except RuntimeError as exc:  # a damaged or incompatible .traineddata
            packages = " ".join(debian_package(lang) for lang in languages_of(languages))
            raise OcrUnavailable(f"Tesseract could not load the language data {languages} from {folder} ({exc}); "
                                 f"reinstall it: sudo apt-get install --reinstall {packages}") from None
        _engines[key] = api
    return api


class Reader:
    """Reads pictures of pages in the given languages ("eng+deu"; empty: the default)."""

    def __init__(self, languages: str = "") -> None:
        folder = tessdata_dir()
        installed = installed_languages(folder)
        wanted = languages_of(languages) or languages_of(default_languages(installed))
        missing = [lang for lang in wanted if lang not in installed]
        if missing:
            prefix = os.environ.get("TESSDATA_PREFIX")
            raise _missing(missing, folder if folder is not None or not prefix else Path(prefix))
        assert folder is not None  # languages are installed, so their folder was found
        self.folder = folder
        self.languages = "+".join(wanted)
        self.can_turn = (folder / "osd.traineddata").is_file()
        _engine(folder, self.languages)  # fails here, once, if the library or data cannot load

    def read(self, image: Any, dpi: int | None = None) -> OcrPage:
        """Text and confidence of one page picture (a PIL image), turned first if it lies sideways."""
        grey = image if image.mode == "L" else image.convert("L")
        page = self._recognise(grey, dpi)
        if page.confidence < LOW_CONFIDENCE and self.can_turn and not page.timed_out:
            angle = self._orientation(grey, dpi)
            if angle:
                turned = self._recognise(grey.rotate(angle, expand=True), dpi)
                if turned.confidence > page.confidence:
                    page = OcrPage(turned.text, turned.confidence, angle, turned.timed_out)
        return page

    def _recognise(self, grey: Any, dpi: int | None) -> OcrPage:
        with _lock:
            api = _engine(self.folder, self.languages)
            api.SetImageBytes(grey.tobytes(), grey.width, grey.height, 1, grey.width)
            if dpi:
                api.SetSourceResolution(dpi)
            finished = api.Recognize(timeout=PAGE_SECONDS * 1000)
            text = api.GetUTF8Text() if finished else ""
            confidence = float(api.MeanTextConf()) if finished and text.strip() else 0.0
            api.Clear()  # the picture's memory goes now, not at the next page
        return OcrPage(text, confidence, timed_out=not finished)

    def _orientation(self, grey: Any, dpi: int | None) -> int:
        with _lock:
            api = _engine(self.folder, "osd")
            api.SetImageBytes(grey.tobytes(), grey.width, grey.height, 1, grey.width)
            if dpi:
                api.SetSourceResolution(dpi)
            found = api.DetectOrientationScript()
            api.Clear()
        if not found:
            return 0
        angle = int(found.get("orient_deg") or 0)
        return angle if angle in (90, 180, 270) else 0


def render_scale(width_pt: float, height_pt: float, dpi: int = OCR_DPI) -> float:
    """PDFium's render scale for a page of this size: ``dpi``, or less for a page so big that its
    picture would pass MAX_OCR_PIXELS."""
    scale = dpi / 72
    pixels = width_pt * scale * height_pt * scale
    if pixels > MAX_OCR_PIXELS:
        scale *= (MAX_OCR_PIXELS / pixels) ** 0.5
    return scale


def page_list(numbers: list[int]) -> str:
    """Page numbers for a warning: the first ten, then "..."."""
    return ", ".join(map(str, numbers[:10])) + (" ..." if len(numbers) > 10 else "")


def note_ocr(parsed: Any, languages: str, confidences: list[float], timed_out: list[int]) -> None:
    """What OCR did to a document, into its details (pages, mean confidence, languages) and warnings."""
    if confidences:
        mean = sum(confidences) / len(confidences)
        parsed.details.update(ocr_pages=len(confidences), ocr_confidence=round(mean, 1), ocr_languages=languages)
        if mean < POOR_CONFIDENCE:
            parsed.warnings.append(f"OCR read {len(confidences)} page(s) with a low mean confidence ({mean:.0f} of "
                                   "100): the scan may be poor, or in another language (ocr_languages)")
    if timed_out:
        parsed.warnings.append(f"OCR gave up on {len(timed_out)} page(s) after {PAGE_SECONDS} s each: "
                               + page_list(timed_out))
