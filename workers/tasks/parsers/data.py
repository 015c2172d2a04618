"""Structured text: CSV/TSV (dialect sniffed), JSON and JSON Lines (validated), XML (parsed safely)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from workers.task import ItemError
from workers.tasks.parsers.common import Limits, Parsed, Progress, decode_text, read_source

_SAMPLE_CHARS = 64 * 1024
_MAX_KEYS_SHOWN = 50
_MAX_BAD_LINES_SHOWN = 5
_DELIMITERS = ",;\t|"


# ------------------------------------------------------------------ CSV / TSV

def _dialect(sample: str, tab_default: bool) -> tuple[type[csv.Dialect] | csv.Dialect, bool]:
    """(dialect, has header) guessed from a sample; the file's suffix breaks a tie."""
    sniffer = csv.Sniffer()
    default: type[csv.Dialect] = csv.excel_tab if tab_default else csv.excel
    if tab_default and "\t" in sample:
        dialect: type[csv.Dialect] | csv.Dialect = default
    else:
        try:
            dialect = sniffer.sniff(sample, delimiters=_DELIMITERS)
        except csv.Error:  # too irregular for the sniffer: the commonest candidate on the first line
            first = next((line for line in sample.splitlines() if line.strip()), "")
            counts = {d: first.count(d) for d in _DELIMITERS}
            best = max(counts, key=lambda d: counts[d])
            dialect = default
            if counts[best]:
                dialect = type("Guessed", (csv.excel,), {"delimiter": best})
    try:
        header = sniffer.has_header(sample)
    except csv.Error:
        header = False
    return dialect, header or _looks_like_header(sample, dialect)


def _is_number(cell: str) -> bool:
    try:
        float(cell.replace(",", "."))
    except ValueError:
        return False
    return True


def _looks_like_header(sample: str, dialect: type[csv.Dialect] | csv.Dialect) -> bool:
    """A first row of distinct, non-numeric names over a column that holds numbers is a header.

    The standard sniffer misses headers when a text column's values happen to have the
    header's length; this catches the common case of names over figures.
    """
    try:
        rows = [row for row in csv.reader(io.StringIO(sample, newline=""), dialect) if row][:50]
    except csv.Error:
        return False
    if len(rows) < 2:
        return False
    first = [cell.strip() for cell in rows[0]]
    if not all(first) or len(set(first)) != len(first) or any(_is_number(c) for c in first):
        return False
    return any(_is_number(row[i].strip()) for row in rows[1:] for i in range(min(len(row), len(first))))


def parse_csv(path: Path, limits: Limits, report: Progress) -> Parsed:
    """Rows and columns of a CSV/TSV file; the text is the cells, tab-separated, a row per line."""
    data, _ = read_source(path, limits)
    text, encoding = decode_text(data)
    sample = text[:_SAMPLE_CHARS]
    if len(text) > _SAMPLE_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    dialect, has_header = _dialect(sample, path.suffix.lower() in (".tsv", ".tab"))
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    total_lines = max(1, text.count("\n"))
    lines: list[str] = []
    widths: Counter[int] = Counter()
    header: list[str] | None = None
    records = 0
    try:
        for row in reader:
            if not row or not any(cell.strip() for cell in row):
                continue
            if has_header and header is None:
                header = [cell.strip() for cell in row]
            else:
                records += 1
                widths[len(row)] += 1
            lines.append("\t".join(cell.strip() for cell in row))
            if records and records % 20000 == 0:
                report(reader.line_num / total_lines, f"row {records}")
    except csv.Error as exc:
        raise ItemError(f"not a readable CSV: line {reader.line_num}: {exc}") from None
    columns = len(header) if header is not None else (widths.most_common(1)[0][0] if widths else 0)
    parsed = Parsed("csv", sections=["\n".join(lines)], rows=records)
    delimiter = getattr(dialect, "delimiter", ",")
    parsed.details = {"encoding": encoding, "delimiter": delimiter, "columns": columns,
                      "header": header is not None}
    if header is not None:
        parsed.metadata["columns"] = header[:_MAX_KEYS_SHOWN]
    ragged = sum(n for width, n in widths.items() if width != columns)
    if ragged:
        parsed.warnings.append(f"{ragged} row(s) do not have {columns} columns")
    return parsed


# ------------------------------------------------------------------ JSON

def _walk_json(value: Any, strings: list[str], counts: Counter[str]) -> int:
    """Count the kinds of values, collect strings in document order; returns the nesting depth.

    Iterative: input nested thousands deep must not exhaust the stack.
    """
    depth = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, level = stack.pop()
        depth = max(depth, level)
        if isinstance(node, dict):
            counts["objects"] += 1
            stack.extend((v, level + 1) for v in reversed(list(node.values())))
        elif isinstance(node, list):
            counts["arrays"] += 1
            stack.extend((v, level + 1) for v in reversed(node))
        elif isinstance(node, str):
            counts["strings"] += 1
            if node.strip():
                strings.append(node.strip())
        elif isinstance(node, bool):
            counts["booleans"] += 1
        elif node is None:
            counts["nulls"] += 1
        else:
            counts["numbers"] += 1
    return depth


class _JsonReader:
    """json.loads that notes duplicate keys and NaN/Infinity instead of passing them silently."""

    def __init__(self) -> None:
        self.duplicates: set[str] = set()
        self.constants: set[str] = set()

    def _pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                self.duplicates.add(key)
            out[key] = value
        return out

    def _constant(self, name: str) -> float:
        self.constants.add(name)
        return float(name)

    def loads(self, text: str) -> Any:
        try:
            return json.loads(text, object_pairs_hook=self._pairs, parse_constant=self._constant)
        except json.JSONDecodeError as exc:
            raise ItemError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
        except RecursionError:
            raise ItemError("the JSON is nested too deeply to read safely") from None
        except ValueError as exc:  # e.g. an integer with more digits than Python converts
            raise ItemError(f"not valid JSON: {exc}") from None

    def warnings(self) -> list[str]:
        out = []
        if self.duplicates:
            out.append("duplicate keys (the last value wins): " + ", ".join(sorted(self.duplicates)[:10]))
        if self.constants:
            names = ", ".join(sorted(self.constants))
            out.append(f"non-standard values {names} (not valid strict JSON)")
        return out


def _top_level(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return {"top_level": "object", "keys": list(value)[:_MAX_KEYS_SHOWN], "key_count": len(value)}
    if isinstance(value, list):
        return {"top_level": "array", "items": len(value)}
    return {"top_level": type(value).__name__ if value is not None else "null"}


def parse_json(path: Path, limits: Limits, report: Progress) -> Parsed:
    """A JSON document validated and summed up; its text is the string values, one per line."""
    data, _ = read_source(path, limits)
    text, encoding = decode_text(data)
    reader = _JsonReader()
    value = reader.loads(text)
    strings: list[str] = []
    counts: Counter[str] = Counter()
    depth = _walk_json(value, strings, counts)
    parsed = Parsed("json", sections=["\n".join(strings)], warnings=reader.warnings())
    parsed.details = {"encoding": encoding, **_top_level(value), "depth": depth,
                      **dict(sorted(counts.items()))}
    if isinstance(value, list):
        parsed.rows = len(value)
    return parsed


def parse_jsonl(path: Path, limits: Limits, report: Progress) -> Parsed:
    """JSON Lines: one JSON value per line; bad lines are counted and named, not fatal."""
    data, _ = read_source(path, limits)
    text, encoding = decode_text(data)
    reader = _JsonReader()
    strings: list[str] = []
    counts: Counter[str] = Counter()
    bad: list[int] = []
    records = depth = 0
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if number % 20000 == 0:
            report(number / len(lines), f"line {number}")
        try:
            value = reader.loads(line)
        except ItemError:
            bad.append(number)
            continue
        records += 1
        depth = max(depth, _walk_json(value, strings, counts))
    if bad and not records:
        raise ItemError(f"not valid JSON Lines: no line holds valid JSON (first bad line: {bad[0]})")
    parsed = Parsed("jsonl", sections=["\n".join(strings)], rows=records, warnings=reader.warnings())
    if bad:
        more = " ..." if len(bad) > _MAX_BAD_LINES_SHOWN else ""
        shown = ", ".join(map(str, bad[:_MAX_BAD_LINES_SHOWN])) + more
        parsed.warnings.append(f"{len(bad)} line(s) are not valid JSON and were left out: {shown}")
    parsed.details = {"encoding": encoding, "depth": depth, **dict(sorted(counts.items()))}
    return parsed


# ------------------------------------------------------------------ XML

_XML_DECL_ENCODING = re.compile(
    rb"""\A(\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")


class _PrologDone(Exception):
    pass


def _has_doctype(data: bytes) -> bool:
    """Whether a DOCTYPE precedes the root element; expat reads only the prolog to tell."""
    import pyexpat

    found = False

    def doctype(*_: Any) -> None:
        nonlocal found
        found = True
        raise _PrologDone

    def root(*_: Any) -> None:
        raise _PrologDone

    parser = pyexpat.ParserCreate()
    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = root
    try:
        for offset in range(0, len(data), 1 << 16):
            parser.Parse(data[offset:offset + (1 << 16)], False)
        parser.Parse(b"", True)
    except _PrologDone:
        pass
    except pyexpat.ExpatError:
        return True  # whatever is wrong, the careful path says it
    return found


def _parse_xml_bytes(data: bytes) -> tuple[Any, str]:
    """Parse without expanding entities or following external references: (root, encoding).

    Entities and external references can only be declared in a DTD, so a document with a
    DOCTYPE goes through defusedxml, which refuses them; one without goes straight to the C
    parser, several times faster than defusedxml's pure-Python one on large files.
    """
    from xml.etree.ElementTree import XMLParser

    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden, NotSupportedError
    from defusedxml.ElementTree import ParseError, fromstring

    m = _XML_DECL_ENCODING.match(data)
    declared = m.group(2).decode("ascii") if m else "utf-8"
    try:
        if not _has_doctype(data):
            parser = XMLParser()
            parser.feed(data)
            return parser.close(), declared
        return fromstring(data), declared
    except EntitiesForbidden:
        raise ItemError("the XML declares entities, which parse refuses to expand (they are how "
                        "'billion laughs' and entity attacks work); remove the DTD's ENTITY lines to "
                        "parse it") from None
    except (ExternalReferenceForbidden, DTDForbidden, NotSupportedError):
        raise ItemError("the XML refers to external files or a DTD, which parse does not follow for "
                        "safety; remove those references to parse it") from None
    except ParseError as exc:
        if "unknown encoding" in str(exc) and m:
            # expat knows few encodings itself: decode with Python's codecs and parse the text.
            try:
                text = data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                raise ItemError(f"the XML says it is in {declared}, which cannot decode it") from None
            start = text.index("?>") + 2
            utf8 = b'<?xml version="1.0" encoding="utf-8"?>' + text[start:].encode()
            return _parse_xml_bytes(utf8)[0], declared
        raise ItemError(f"not well-formed XML: {exc}") from None


def _local(tag: str) -> tuple[str, str]:
    """(namespace, local name) of a ``{ns}name`` tag."""
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return "", tag


def parse_xml(path: Path, limits: Limits, report: Progress) -> Parsed:
    """Root element, element and attribute counts, depth, and the text content of an XML file."""
    data, _ = read_source(path, limits)
    root, encoding = _parse_xml_bytes(data)
    pieces: list[str] = []
    elements = attributes = depth = 0
    # Explicit stack (documents nest deeper than Python recurses), in document order: an
    # element's text, its children, each child's tail after it. Level 0 marks a tail.
    stack: list[tuple[Any, int]] = [(root, 1)]
    while stack:
        node, level = stack.pop()
        if not level:
            pieces.append(node)
            continue
        elements += 1
        attributes += len(node.attrib)
        depth = max(depth, level)
        if node.text and not node.text.isspace():
            pieces.append(node.text)
        for child in reversed(node):
            if child.tail and not child.tail.isspace():
                stack.append((child.tail, 0))
            if isinstance(child.tag, str):  # not a comment or processing instruction
                stack.append((child, level + 1))
    namespace, name = _local(root.tag)
    parsed = Parsed("xml", sections=["\n".join(" ".join(p.split()) for p in pieces)])
    parsed.metadata = {"root": name, **({"namespace": namespace} if namespace else {})}
    parsed.details = {"encoding": encoding, "elements": elements, "attributes": attributes, "depth": depth}
    return parsed
