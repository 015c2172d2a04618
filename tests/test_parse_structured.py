"""Parsing CSV, JSON and XML: dialects and columns, summaries with warnings, the place of an error,
hostile entities, and files over the size limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import documents as docs
from tests.parse_support import parse, write
from workers.task import ItemError


@pytest.mark.parametrize(("name", "content", "delimiter"), [
    ("people.csv", "name,age,city\nAnn,31,Oslo\nBob,42,\"Rome, Italy\"\nCy,25,Lima\n", ","),
    ("people.csv", "name;age;city\nAnn;31;Oslo\nBob;42;Rome\nCy;25;Lima\n", ";"),
    ("people.tsv", "name\tage\tcity\nAnn\t31\tOslo\nBob\t42\tRome\nCy\t25\tLima\n", "\t"),
])
def test_csv_dialect_header_rows_and_columns(tmp_path: Path, name: str, content: str, delimiter: str) -> None:
    parsed = parse(write(tmp_path / name, content))
    assert parsed.rows == 3
    assert parsed.details["delimiter"] == delimiter and parsed.details["columns"] == 3
    assert parsed.metadata["columns"] == ["name", "age", "city"]
    assert parsed.text.splitlines()[0] == "name\tage\tcity"


def test_ragged_csv_is_read_with_a_warning(tmp_path: Path) -> None:
    parsed = parse(write(tmp_path / "ragged.csv", "a,b\n1,2\n3,4,5\n6,7\n"))
    assert parsed.rows is not None and parsed.details["columns"] == 2
    assert any("do not have 2 columns" in w for w in parsed.warnings)


def test_json_summary_and_strict_warnings(tmp_path: Path) -> None:
    doc = '{"title": "Atlas", "title": "Atlas 2", "tags": ["maps", "geo"], "n": NaN, "nested": {"x": [1, 2]}}'
    parsed = parse(write(tmp_path / "data.json", doc))
    assert parsed.details["top_level"] == "object"
    assert parsed.details["keys"] == ["title", "tags", "n", "nested"]
    assert parsed.details["depth"] == 4
    assert parsed.text.splitlines() == ["Atlas 2", "maps", "geo"]
    assert any("duplicate keys" in w for w in parsed.warnings)
    assert any("NaN" in w for w in parsed.warnings)


@pytest.mark.parametrize(("content", "reason"), [
    ('{"a": 1,\n "b": }', r"not valid JSON: Expecting value at line 2, column 7"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("", "not valid JSON"),
])
def test_invalid_json_fails_with_the_place(tmp_path: Path, content: str, reason: str) -> None:
    with pytest.raises(ItemError, match=reason):
        parse(write(tmp_path / "bad.json", content or " "))


def test_json_lines_count_records_and_name_bad_lines(tmp_path: Path) -> None:
    parsed = parse(write(tmp_path / "events.jsonl", '{"e": "start"}\n\n{oops\n{"e": "stop"}\n'))
    assert parsed.rows == 2 and parsed.text == "start\nstop"
    assert any("1 line(s) are not valid JSON" in w and ": 3" in w for w in parsed.warnings)


def test_xml_structure_and_text(tmp_path: Path) -> None:
    xml = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n<catalog xmlns="urn:books">'
           '<book id="1"><title>Café Society</title></book> between <book id="2"><title>Dune</title></book>'
           "</catalog>")
    parsed = parse(write(tmp_path / "catalog.xml", xml, "latin-1"))
    assert parsed.metadata == {"root": "catalog", "namespace": "urn:books"}
    assert parsed.details["elements"] == 5 and parsed.details["attributes"] == 2
    assert parsed.details["depth"] == 3 and parsed.details["encoding"] == "ISO-8859-1"
    assert parsed.text.splitlines() == ["Café Society", "between", "Dune"]


def test_xml_with_a_plain_doctype_or_deep_nesting_is_read(tmp_path: Path) -> None:
    with_dtd = '<?xml version="1.0"?>\n<!DOCTYPE note SYSTEM "note.dtd">\n<note><to>Tove</to></note>'
    assert parse(write(tmp_path / "dtd.xml", with_dtd)).text == "Tove"
    deep = parse(write(tmp_path / "deep.xml", "<a>" * 5000 + "core" + "</a>" * 5000))
    assert deep.details["depth"] == 5000 and deep.text == "core"


def test_xml_in_an_encoding_expat_does_not_know(tmp_path: Path) -> None:
    xml = '<?xml version="1.0" encoding="windows-1252"?><note>“quoted” text</note>'
    parsed = parse(write(tmp_path / "note.xml", xml, "cp1252"))
    assert parsed.text == "“quoted” text"


@pytest.mark.parametrize(("content", "reason"), [
    (docs.BILLION_LAUGHS, "declares entities, which parse refuses to expand"),
    (docs.EXTERNAL_ENTITY, "declares entities|external"),
    (b"<root><open></root>", "not well-formed XML: mismatched tag: line 1, column 14"),
    (docs.random_bytes(2000), "not well-formed XML"),
])
def test_hostile_or_broken_xml_fails_safely(tmp_path: Path, content: bytes, reason: str) -> None:
    with pytest.raises(ItemError, match=reason):
        parse(write(tmp_path / "evil.xml", content))


def test_oversized_structured_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.json", "[" + ",".join(["1"] * 700_000) + "]")
    with pytest.raises(ItemError, match=r"over the 1.0 MB limit \(max_input_mb\); raise max_input_mb"):
        parse(path, max_input_bytes=1 << 20)
