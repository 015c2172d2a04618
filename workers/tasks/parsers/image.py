"""Pictures of pages (.png, .jpg, .jpeg, .tif, .tiff), read by OCR; a multi-page TIFF page by page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workers.task import ItemError, SkipItem
from workers.tasks.parsers.common import Limits, Parsed, Progress, open_source
from workers.tasks.parsers.ocr import MAX_OCR_PIXELS, OcrUnavailable, Reader, note_ocr

# A resolution outside this range is a placeholder (72 from a camera, 1 from a broken header):
# Tesseract is better left to estimate it from the text.
_PLAUSIBLE_DPI = (100, 2400)


def _dpi(image: Any) -> float | None:
    value = image.info.get("dpi")
    try:
        dpi = float(value[0]) if isinstance(value, tuple) else float(value)
    except (TypeError, ValueError, IndexError):
        return None
    return dpi if _PLAUSIBLE_DPI[0] <= dpi <= _PLAUSIBLE_DPI[1] else None


def _page(frame: Any) -> tuple[Any, float]:
    """One frame upright, in grey, no bigger than MAX_OCR_PIXELS; and the factor it was shrunk by."""
    from PIL import Image, ImageOps

    frame = ImageOps.exif_transpose(frame) or frame  # phone pictures say which way is up
    grey = frame.convert("L")
    pixels = grey.width * grey.height
    if pixels <= MAX_OCR_PIXELS:
        return grey, 1.0
    factor = (MAX_OCR_PIXELS / pixels) ** 0.5
    size = (max(1, int(grey.width * factor)), max(1, int(grey.height * factor)))
    return grey.resize(size, Image.Resampling.LANCZOS), factor


def parse_image(path: Path, limits: Limits, report: Progress) -> Parsed:
    """The text OCR finds on a picture of a page (every page of a multi-page TIFF, up to max_pages)."""
    from PIL import Image, UnidentifiedImageError

    if limits.ocr == "off":
        raise SkipItem("pictures are read by OCR, and the ocr option is off")
    try:
        reader = Reader(limits.ocr_languages)
    except OcrUnavailable as exc:
        raise ItemError(f"this picture can only be read by OCR, and {exc}") from None
    parsed = Parsed("image", section_kind="page")
    confidences: list[float] = []
    timed_out: list[int] = []
    with open_source(path) as fh:
        try:
            image = Image.open(fh)
            total = getattr(image, "n_frames", 1)
            limit = min(total, limits.max_pages)
            parsed.pages = total
            parsed.details.update(picture_format=image.format or "", width=image.width, height=image.height)
            for index in range(limit):
                number = index + 1
                report(index / limit, f"page {number} of {limit}: OCR")
                image.seek(index)
                grey, factor = _page(image)
                dpi = _dpi(image)
                result = reader.read(grey, round(dpi * factor) if dpi else None)
                del grey
                text = result.text.strip()
                parsed.sections.append(text)
                entry: dict[str, Any] = {"page": number, "source": "ocr" if text else "none",
                                         "confidence": round(result.confidence, 1)}
                if result.rotated:
                    entry["rotated"] = result.rotated
                parsed.page_sources.append(entry)
                if result.timed_out:
                    timed_out.append(number)
                else:
                    confidences.append(result.confidence)
        except UnidentifiedImageError:
            raise ItemError("not a picture that can be read (damaged, or not what its name says)") from None
        except Image.DecompressionBombError as exc:
            raise ItemError(f"the picture is too big to read safely ({exc})") from None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:  # what Pillow raises for damaged data
            raise ItemError(f"the picture is damaged or cut short ({exc})") from None
    parsed.details["pages_read"] = limit
    note_ocr(parsed, reader.languages, confidences, timed_out)
    if limit < total:
        parsed.warnings.append(f"only the first {limit} of {total} pages were read (max_pages); "
                               "raise max_pages to read them all")
    if not any(parsed.sections):
        parsed.warnings.append("OCR found no text in this picture")
    return parsed
