"""OCR: scanned PDF pages and pictures of pages read by Tesseract, made here from text printed
with DejaVu Sans; only the pages without usable text are read; sideways pages are turned; a
second language; what a person is told when the language data is missing."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from tests import documents as docs
from tests.parse_support import Progress, parse, word_recall, write
from workers.task import ItemError, WorkItem, build_options
from workers.tasks.parse import ParseTask
from workers.tasks.parsers import Limits, parse_document
from workers.tasks.parsers.ocr import MAX_OCR_PIXELS, default_languages, installed_languages, render_scale

# Words of different lengths and shapes, capitals and digits among them.
VOCABULARY = [
    "invoice", "number", "total", "amount", "customer", "delivery", "address", "quarterly", "report", "revenue",
    "growth", "March", "April", "Berlin", "London", "meeting", "agenda", "minutes", "budget", "2024", "1987",
    "42", "seven", "hundred", "thirty", "analysis", "summary", "conclusion", "appendix", "Figure", "Table",
    "chapter", "section"
]
GERMAN = [
    "Größe", "Übung", "Straße", "äußerst", "schön", "Mädchen", "Brücke", "Gemüse", "Käse", "Tür", "fünf", "zwölf",
    "Bäcker", "Frühling", "Kühlschrank", "Öffnungszeiten", "Rechnung", "Lieferung"
]


def lines_of(seed: int, count: int = 10, words: int = 7, vocabulary: tuple[str, ...] | list[str] = VOCABULARY
             ) -> list[str]:
    import random

    rng = random.Random(seed)
    return [" ".join(rng.choice(vocabulary) for _ in range(words)) for _ in range(count)]


def ocr(**limits: Any) -> dict[str, Any]:
    """Limits with English OCR, whatever the desktop's language."""
    return {"ocr_languages": "eng", **limits}


def test_scanned_pages_are_read_with_their_confidence(tmp_path: Path) -> None:
    texts = [lines_of(1), lines_of(2)]
    pdf = docs.make_scanned_pdf(tmp_path / "scan.pdf", [docs.page_picture(t) for t in texts])
    parsed = parse(pdf, **ocr())
    for n, lines in enumerate(texts):
        assert word_recall(" ".join(lines), parsed.sections[n]) >= 0.95, parsed.sections[n]
    assert [p["source"] for p in parsed.page_sources] == ["ocr", "ocr"]
    assert all(p["confidence"] > 80 for p in parsed.page_sources)
    assert parsed.details["ocr_pages"] == 2 and parsed.details["ocr_languages"] == "eng"
    assert parsed.details["ocr_confidence"] > 80 and parsed.warnings == []


def test_a_mixed_pdf_has_only_its_scanned_pages_read_by_ocr(tmp_path: Path) -> None:
    scans = [lines_of(3), lines_of(4)]
    # Page 4 is a scan with a page number printed over it: a thin text layer over a full-page picture.
    pdf = docs.make_scanned_pdf(tmp_path / "mixed.pdf", ["Typed first page", docs.page_picture(scans[0]),
                                                          "Typed third page", docs.page_picture(scans[1])],
                                layer=["", "Page 4"])
    progress = Progress()
    parsed = parse_document(pdf, Limits(**ocr()), progress)
    assert [p["source"] for p in parsed.page_sources] == ["text", "ocr", "text", "ocr"]
    assert parsed.sections[0] == "Typed first page" and parsed.sections[2] == "Typed third page"
    assert word_recall(" ".join(scans[0]), parsed.sections[1]) >= 0.95
    assert word_recall(" ".join(scans[1]), parsed.sections[3]) >= 0.95
    assert [m for _, m in progress.calls if m.endswith("OCR")] == ["page 2 of 4: OCR", "page 4 of 4: OCR"]
    fractions = [f for f, _ in progress.calls]
    assert fractions == sorted(fractions)
    assert parsed.details["ocr_pages"] == 2


def test_a_junk_text_layer_is_replaced_by_ocr_and_ocr_always_reads_every_page(tmp_path: Path) -> None:
    words = lines_of(5, count=6)
    pdf = docs.make_scanned_pdf(tmp_path / "junk.pdf", [docs.page_picture(words)],
                                layer=["%%$# &&*@ !!^^ ~~++ ##%% @@&& **!! ^^~~ ++## $$%%"])
    parsed = parse(pdf, **ocr())
    assert parsed.page_sources[0]["source"] == "ocr"
    assert word_recall(" ".join(words), parsed.text) >= 0.95 and "%%$#" not in parsed.text

    typed = docs.make_pdf(tmp_path / "typed.pdf", ["Plain typed words"])
    assert parse(typed, **ocr()).page_sources == [{"page": 1, "source": "text"}]
    always = parse(typed, **ocr(ocr="always"))
    assert always.page_sources[0]["source"] == "ocr" and "typed" in always.text


def test_a_page_scanned_sideways_is_turned_before_it_is_read(tmp_path: Path) -> None:
    words = lines_of(6)
    pdf = docs.make_scanned_pdf(tmp_path / "sideways.pdf", [docs.page_picture(words, angle=90)])
    parsed = parse(pdf, **ocr())
    assert parsed.page_sources[0]["rotated"] in (90, 270)
    assert word_recall(" ".join(words), parsed.text) >= 0.95, parsed.text


def test_a_page_the_pdf_itself_rotates_is_read_upright(tmp_path: Path) -> None:
    words = lines_of(7)
    # Stored sideways, with /Rotate 90 so that viewers (and PDFium's rendering) show it upright.
    pdf = docs.make_scanned_pdf(tmp_path / "rotate.pdf", [docs.page_picture(words, angle=90)], rotate=90)
    parsed = parse(pdf, **ocr())
    assert "rotated" not in parsed.page_sources[0]
    assert word_recall(" ".join(words), parsed.text) >= 0.95, parsed.text


def test_a_page_in_a_second_language(tmp_path: Path) -> None:
    if "deu" not in installed_languages():
        pytest.skip("German OCR data is not installed (sudo apt-get install tesseract-ocr-deu)")
    words = lines_of(8, vocabulary=GERMAN)
    pdf = docs.make_scanned_pdf(tmp_path / "deutsch.pdf", [docs.page_picture(words)])
    parsed = parse(pdf, ocr_languages="deu")
    assert parsed.details["ocr_languages"] == "deu"
    assert word_recall(" ".join(words), parsed.text) >= 0.95, parsed.text


@pytest.mark.parametrize("suffix", [".png", ".jpg", ".tif"])
def test_pictures_of_pages_are_parsed(tmp_path: Path, suffix: str) -> None:
    words = lines_of(9)
    path = tmp_path / f"page{suffix}"
    docs.page_picture(words, dpi=300).save(path, dpi=(300, 300))
    parsed = parse(path, **ocr())
    assert parsed.format == "image" and parsed.pages == 1
    assert word_recall(" ".join(words), parsed.text) >= 0.95, parsed.text
    assert parsed.page_sources[0]["source"] == "ocr" and parsed.details["ocr_pages"] == 1


def test_every_page_of_a_multipage_tiff_is_read(tmp_path: Path) -> None:
    texts = [lines_of(10, count=4), lines_of(11, count=4)]
    first, second = (docs.page_picture(t, size=(8.27, 4)) for t in texts)
    path = tmp_path / "fax.tiff"
    first.save(path, save_all=True, append_images=[second], compression="tiff_lzw")
    parsed = parse(path, **ocr())
    assert parsed.pages == 2 and len(parsed.sections) == 2
    for lines, text in zip(texts, parsed.sections, strict=True):
        assert word_recall(" ".join(lines), text) >= 0.95, text
    assert parse(path, **ocr(max_pages=1)).warnings[-1].startswith("only the first 1 of 2 pages")


def test_a_damaged_picture_fails_with_a_reason(tmp_path: Path) -> None:
    with pytest.raises(ItemError, match=r"not a picture that can be read"):
        parse(write(tmp_path / "broken.jpg", b"\xff\xd8\xff"), **ocr())
    good = tmp_path / "good.png"
    docs.page_picture(["cut short"], dpi=100).save(good)
    with pytest.raises(ItemError, match=r"the picture is damaged or cut short"):
        parse(write(tmp_path / "cut.png", docs.truncated(good.read_bytes(), 0.5)), **ocr())


def test_missing_language_data_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan = docs.make_scanned_pdf(tmp_path / "scan.pdf", ["Typed page", docs.page_picture(["Scanned words"])])
    picture = tmp_path / "page.png"
    docs.page_picture(["Scanned words"], dpi=100).save(picture)
    empty = tmp_path / "tessdata"
    empty.mkdir()
    monkeypatch.setenv("TESSDATA_PREFIX", str(empty))  # where Tesseract would look: nothing there

    parsed = parse(scan)  # a PDF is still read, without its scanned page, and says why
    assert parsed.sections[0] == "Typed page" and parsed.page_sources[1] == {"page": 2, "source": "none"}
    assert parsed.warnings == [
        f"1 page(s) without a usable text layer were not read: the OCR language data for eng is not installed "
        f"(looked in {empty}); install it with: sudo apt-get install tesseract-ocr-eng (or set ocr_languages "
        "to one installed)"]
    with pytest.raises(ItemError, match=r"this picture can only be read by OCR, .* sudo apt-get install "
                                        r"tesseract-ocr-eng"):
        parse(picture)
    monkeypatch.delenv("TESSDATA_PREFIX")
    with pytest.raises(ItemError, match=r"sudo apt-get install tesseract-ocr-chi-sim"):
        parse(picture, ocr_languages="eng+chi_sim")


def test_the_json_output_and_the_index_say_what_ocr_did(tmp_path: Path) -> None:
    pdf = docs.make_scanned_pdf(tmp_path / "scan.pdf", ["Typed page", docs.page_picture(lines_of(12))])
    task = ParseTask()
    options = build_options(task, {"ocr_languages": "eng"})
    out = tmp_path / "out"
    output = out / task.output_name(PurePosixPath(pdf.name), options)
    item = WorkItem(1, str(pdf), pdf.name, pdf.stat().st_size, str(output))
    result = task.run(item, options, Progress())
    record = json.loads(output.read_text("utf-8"))
    assert [p["source"] for p in record["page_sources"]] == ["text", "ocr"]
    assert record["page_sources"][1]["confidence"] > 80
    assert record["details"]["ocr_pages"] == 1 and record["details"]["reader"] == "pdfium"
    assert result.message.startswith("2 pages (1 by OCR), ")
    assert result.data["ocr_pages"] == 1 and result.data["ocr_confidence"] > 80


def test_languages_default_to_the_desktops_and_english(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "de_AT.UTF-8")
    assert default_languages(["deu", "eng", "fra"]) == "deu+eng"
    assert default_languages(["eng", "fra"]) == "eng"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert default_languages(["deu", "eng"]) == "eng"
    assert default_languages(["fra", "ita"]) == "fra"
    assert default_languages([]) == "eng"  # which then asks to be installed
    assert ParseTask().automatic("ocr_languages", build_options(ParseTask())) == default_languages()


def test_huge_pages_are_rendered_smaller() -> None:
    assert render_scale(*docs.A4_POINTS) == pytest.approx(300 / 72)
    poster = render_scale(2384, 3370)  # A0
    assert 2384 * poster * 3370 * poster == pytest.approx(MAX_OCR_PIXELS, rel=1e-6)
