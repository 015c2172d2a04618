"""Parsing HTML and EPUB: visible text only, the declared encoding, deep or hostile nesting,
chapters in spine order, DRM."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import documents as docs
from tests.parse_support import parse, write
from workers.task import ItemError


def test_html_visible_text_without_scripts_styles_or_hidden_parts(tmp_path: Path) -> None:
    html = ("<!doctype html><html lang='fr'><head><title> Le  Menu </title><style>p{color:red}</style>"
            "<meta name='description' content='Plats du jour'><script>var x = 'secret';</script></head>"
            "<body><h1>Carte</h1><p>Soupe <b>chaude</b> et pain<p>Café crème<div hidden>caché</div>"
            "<ul><li>un<li>deux</ul><table><tr><td>prix<td>5 €</table><noscript>no js</noscript>"
            "<p style='display: none'>invisible</p><pre>  a\n  b</pre>")
    parsed = parse(write(tmp_path / "menu.html", html, "cp1252"))
    assert parsed.metadata == {"title": "Le Menu", "language": "fr", "description": "Plats du jour"}
    assert parsed.text == "Carte\n\nSoupe chaude et pain\n\nCafé crème\n\nun\ndeux\n\nprix\t5 €\n\na\nb"
    assert parsed.details["encoding"] == "cp1252"


def test_html_encoding_from_meta_tag(tmp_path: Path) -> None:
    html = "<html><head><meta charset='shift_jis'><title>日本語</title></head><body><p>東京の天気</p>"
    parsed = parse(write(tmp_path / "jp.htm", html, "shift_jis"))
    assert parsed.title == "日本語" and parsed.text == "東京の天気"


def test_deep_html_is_read_and_hostile_nesting_refused(tmp_path: Path) -> None:
    deep = "<div>" * 3000 + "deep text" + "</div>" * 3000  # past any recursion limit
    assert parse(write(tmp_path / "deep.html", deep)).text == "deep text"
    hostile = "<div><span>" * 25_000 + "x"  # lexbor would take minutes over this
    with pytest.raises(ItemError, match="nests elements about 50000 levels deep"):
        parse(write(tmp_path / "hostile.html", hostile))


def test_epub_chapters_follow_the_spine_with_metadata(tmp_path: Path) -> None:
    book = docs.make_epub(tmp_path / "book.epub", [("Prologue", "It began."), ("Ending", "It ended.")],
                          title="A Tale", author="Mary Shelley", spine_order=[1, 0])
    parsed = parse(book)
    assert parsed.sections == ["Ending\n\nIt ended.", "Prologue\n\nIt began."]
    assert parsed.metadata["title"] == "A Tale" and parsed.metadata["author"] == "Mary Shelley"
    assert parsed.details["chapters"] == 2
    assert parsed.headings == [(0, 0, 1, "Ending"), (1, 0, 1, "Prologue")]  # each chapter's h1, for chunks


def test_drm_epub_fails_clearly(tmp_path: Path) -> None:
    book = docs.make_epub(tmp_path / "drm.epub", [("One", "locked")], drm=True)
    with pytest.raises(ItemError, match="DRM-protected"):
        parse(book)
