"""Parsing Word documents: paragraphs and tables in reading order, and files that are broken,
cut short, not Word at all or zip bombs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests import documents as docs
from tests.parse_support import parse, write
from workers.task import ItemError


def test_docx_paragraphs_and_tables_in_reading_order(tmp_path: Path) -> None:
    path = docs.make_docx(tmp_path / "memo.docx", ["Dear team,", "Figures below."],
                          table=[["Region", "Q1", "Q2"], ["North", "10", "12"]],
                          after_table=["Regards, Grace"], title="Memo", author="Grace Hopper",
                          merge_first_row=True, nested="inner note")
    parsed = parse(path)
    # The second row holds a table, so its cells come one after another, the inner table inside
    # the first cell, where it stands.
    assert parsed.text.splitlines() == ["Dear team,", "Figures below.", "Region", "North", "inner note",
                                        "10", "12", "Regards, Grace"]
    assert parsed.metadata["title"] == "Memo" and parsed.metadata["author"] == "Grace Hopper"
    assert parsed.details == {"paragraphs": 3, "tables": 1}


@pytest.mark.parametrize(("content", "reason"), [
    (docs.random_bytes(3000), r"not a valid DOCX \(it is not a zip package\)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "password-protected Word file or an old .doc"),
])
def test_broken_docx_fails_with_a_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    with pytest.raises(ItemError, match=reason):
        parse(write(tmp_path / "bad.docx", content))


def test_truncated_docx_fails(tmp_path: Path) -> None:
    good = docs.make_docx(tmp_path / "good.docx", ["hello"])
    bad = write(tmp_path / "bad.docx", docs.truncated(good.read_bytes(), 0.7))
    with pytest.raises(ItemError, match="not a valid DOCX"):
        parse(bad)


def test_zip_that_is_not_a_word_document_fails(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "not word")
    with pytest.raises(ItemError, match="not a valid DOCX"):
        parse(path)


def test_zip_bomb_docx_is_refused_before_unpacking(tmp_path: Path) -> None:
    bomb = docs.zip_bomb(tmp_path / "bomb.docx", "word/document.xml", unpacked_mb=24)
    assert bomb.stat().st_size < 1 << 20
    with pytest.raises(ItemError, match=r"unpacks to 24 MB, over the 8.0 MB limit \(max_input_mb\)"):
        parse(bomb, max_input_bytes=8 << 20)
