"""Parsing plain text and Markdown: any encoding becomes Unicode, newlines are normalised, binary
data is refused, long files are cut at the limit, titles come from front matter or headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import documents as docs
from tests.parse_support import parse, write
from workers.task import ItemError


@pytest.mark.parametrize(("text", "encoding", "detected"), [
    ("plain ascii words\nsecond line\n", "utf-8", "utf-8"),
    ("Ünïcödé with a BOM\n", "utf-8-sig", "utf-8"),
    ("wide text with BOM\nline two\n", "utf-16", "utf-16-le"),
    ("Café crème brûlée, naïve façade. Ça coûte 5 €.\n" * 5, "cp1252", "cp1252"),
    ("Привет мир, это русский текст для проверки.\n" * 5, "koi8_r", "koi8_r"),
    ("これは日本語のテキストです。東京都に住んでいます。\n" * 5, "shift_jis", "cp932"),
])
def test_text_in_any_encoding_becomes_unicode(tmp_path: Path, text: str, encoding: str,
                                              detected: str) -> None:
    parsed = parse(write(tmp_path / "notes.txt", text, encoding))
    assert parsed.text == text.removeprefix("\ufeff")
    assert parsed.details["encoding"] == detected


def test_text_newlines_are_normalised(tmp_path: Path) -> None:
    parsed = parse(write(tmp_path / "dos.log", b"one\r\ntwo\rthree\n"))
    assert parsed.text == "one\ntwo\nthree\n" and parsed.details["lines"] == 3


def test_binary_data_named_txt_fails(tmp_path: Path) -> None:
    with pytest.raises(ItemError, match=r"not look like text|binary data"):
        parse(write(tmp_path / "noise.txt", docs.random_bytes(5000)))
    with pytest.raises(ItemError, match="binary data"):
        parse(write(tmp_path / "zeros.txt", bytes(3000)))


def test_long_text_is_cut_at_the_limit_with_a_warning(tmp_path: Path) -> None:
    line = "a line of log output that repeats\n"
    path = write(tmp_path / "big.log", line * 40000)  # about 1.3 MB
    parsed = parse(path, max_input_bytes=1 << 20)
    assert len(parsed.text.encode()) <= 1 << 20 and parsed.text.endswith("repeats\n")
    assert any("max_input_mb" in w for w in parsed.warnings)


def test_markdown_title_from_front_matter_or_heading(tmp_path: Path) -> None:
    front = parse(write(tmp_path / "a.md", "---\ntitle: \"Release notes\"\nauthor: Linus\n---\n# v2\ntext\n"))
    assert front.metadata == {"title": "Release notes", "author": "Linus"}
    heading = parse(write(tmp_path / "b.markdown", "intro\n\n## Getting started ##\nmore\n"))
    assert heading.title == "Getting started"
