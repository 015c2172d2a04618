"""Clean text out of every parser: soft hyphens resolved, control characters gone, NFC, ligatures
kept; Word tables (nested too) in reading order, and as Markdown tables in .md outputs."""

from __future__ import annotations

import io
import random
import unicodedata
from pathlib import Path, PurePosixPath

import pytest

from tests.parse_support import Progress, parse, write
from workers.task import WorkItem, build_options
from workers.tasks.parse import ParseTask
from workers.tasks.parsers.clean import clean_text, clean_with_anchors, layer_facts, looks_like_junk


def _pdf_with_lines(path: Path, lines: list[str]) -> Path:
    """A PDF with one line of text per string, in DejaVu Sans (so any character can be drawn)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", "DejaVuSans.ttf"))
    pdf = canvas.Canvas(str(path), invariant=1)
    pdf.setFont("DejaVuSans", 12)
    for n, line in enumerate(lines):
        pdf.drawString(50, 800 - 14 * n, line)
    pdf.showPage()
    pdf.save()
    return path


def test_pdf_hyphens_at_line_ends_join_the_word_and_soft_hyphens_inside_a_line_go(tmp_path: Path) -> None:
    pdf = _pdf_with_lines(tmp_path / "hyphens.pdf",
                          ["A long hyph\u00ad", "enation and a co-", "operative mid\u00adline word."])
    text = parse(pdf).text
    assert text == "A long hyphenation and a cooperative midline word."
    assert "\ufffe" not in text and "\u00ad" not in text


def test_text_is_cleaned_of_controls_and_composed_to_nfc_keeping_ligatures(tmp_path: Path) -> None:
    raw = ("Cafe\u0301 \ufb01ne\x00 and a tab\tkept\x07\nsoft hy\u00ad\nphen, mid\u00adword, colour\x1b[0m "
           "codes from a terminal\r\nthe end\x0c")
    parsed = parse(write(tmp_path / "notes.txt", raw))
    assert parsed.text == ("Caf\u00e9 \ufb01ne and a tab\tkept\nsoft hyphen, midword, colour[0m codes from a "
                           "terminal\nthe end")
    assert unicodedata.is_normalized("NFC", parsed.text)


def test_html_soft_hyphens_and_control_references_are_cleaned(tmp_path: Path) -> None:
    page = write(tmp_path / "page.html", "<p>Donau&shy;dampf&shy;schiff and a&#1;b</p><p>Zweite Zeile</p>")
    assert parse(page).text == "Donaudampfschiff and ab\n\nZweite Zeile"


@pytest.mark.parametrize(("raw", "clean"), [
    ("line\u00ad\nnext", "linenext"),  # joined across the break
    ("para\u00ad\n\nnext", "para\n\nnext"),  # not across a blank line: the mark just goes
    ("x\ud800y", "x\ufffdy"),  # a lone surrogate cannot be written as UTF-8
    ("\u212b", "\u00c5"),  # NFC: the angstrom sign is the letter
    ("\ufb01", "\ufb01"),  # a ligature is not folded (that would be NFKC)
])
def test_clean_text_cases(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_anchors_follow_the_text_as_it_is_cleaned() -> None:
    raw = "a\x00b\u00ad\ncd\nHeading\nE\u0301nd\nLast"
    text, moved = clean_with_anchors(raw, [raw.index("Heading"), raw.index("Last")])
    assert text == "abcd\nHeading\n\u00c9nd\nLast"
    assert [text[m:m + 4] for m in moved] == ["Head", "Last"]


def test_junk_text_layers_are_told_from_real_text() -> None:
    assert looks_like_junk("\ue001\ue002\ue003 \ue004\ue005")  # glyphs mapped to private use
    assert looks_like_junk("\ufffd\ufffd\ufffd \ufffd\ufffd")
    assert looks_like_junk("%%$# &&*@ !!^^ ~~++")
    assert not looks_like_junk("Total: 12.50 \u20ac (incl. VAT) \u2014 see \u00a74")
    assert not looks_like_junk("\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8")  # letters of any script
    assert not looks_like_junk("")


def test_the_quick_count_of_a_text_layer_agrees_with_the_junk_test() -> None:
    """layer_facts counts plain ASCII pages with bytes.translate: it must answer as the regular
    expressions do, on every mix of letters, digits, marks, controls and white space."""
    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0x80)] + ["\u00e9", "\u20ac", "\ufffd", "\ue001", "\u65e5", "\u00a0"]
    texts = ["", " \t\n", "abc", "%%$# &&*@", "a_b_c", "\x00\x01abc", "Total: 12.50 (incl. VAT)"]
    for _ in range(3000):
        pool = alphabet[:0x80] if rng.random() < 0.7 else alphabet  # mostly ASCII, as most pages are
        texts.append("".join(rng.choice(pool) for _ in range(rng.randrange(0, 40))))
    for text in texts:
        compact = "".join(text.split())
        assert layer_facts(text) == (len(compact), looks_like_junk(text) if compact else False), repr(text)


def _docx_with_nested_table(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Report", level=1)
    document.add_paragraph("Intro | with a pipe")
    outer = document.add_table(rows=2, cols=2)
    outer.cell(0, 0).text, outer.cell(0, 1).text = "Name", "Notes"
    outer.cell(1, 0).text = "First"
    cell = outer.cell(1, 1)
    cell.paragraphs[0].text = "Text before"
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "Table", "Inner"
    cell.add_paragraph("Text after")
    document.add_paragraph("Between")
    document.save(str(path))
    return path


def test_docx_nested_tables_come_in_reading_order(tmp_path: Path) -> None:
    parsed = parse(_docx_with_nested_table(tmp_path / "nested.docx"))
    assert parsed.text == ("Report\nIntro | with a pipe\nName\tNotes\nFirst\nText before\nTable\tInner\n"
                           "Text after\nBetween")
    assert parsed.headings == [(0, 0, 1, "Report")]


def test_docx_tables_are_markdown_tables_in_md_output(tmp_path: Path) -> None:
    src = _docx_with_nested_table(tmp_path / "nested.docx")
    task = ParseTask()
    options = build_options(task, {"output_format": "md"})
    output = tmp_path / "out" / task.output_name(PurePosixPath(src.name), options)
    task.run(WorkItem(1, str(src), src.name, src.stat().st_size, str(output)), options, Progress())
    md = output.read_text("utf-8")
    body = md.split("- **Words:**", 1)[1].split("\n", 1)[1]
    assert body.strip() == ("## Report\n\nIntro | with a pipe\n\n"
                            "| Name | Notes |\n| --- | --- |\n"
                            "| First | Text before<br>Table; Inner<br>Text after |\n\nBetween")
    table = [line for line in io.StringIO(md) if line.startswith("|")]
    assert len({line.count(" | ") for line in table if "---" not in line}) == 1  # every row as wide
