"""Writing what parse found: one .json/.txt/.md per document, and the batch index."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workers.names import display, name_bytes
from workers.outputs import atomic_output, remove_stale_partials
from workers.task import ItemError
from workers.tasks.parsers.common import Parsed

if TYPE_CHECKING:
    from workers.tasks.parsers.chunks import Chunk

INDEX_FIELDS = ("source", "state", "reason", "output", "format", "size", "pages", "rows", "words",
                "title", "sha256", "warnings")
# Index fields a JSON Lines row holds only when they have a value (CSV always has the columns):
# the bytes of a name that is not valid UTF-8, and what OCR did.
OPTIONAL_INDEX_FIELDS = ("source_bytes", "ocr_pages", "ocr_confidence")
_SUMMARY_FIELDS = ("format", "size", "sha256", "pages", "rows", "words", "ocr_pages", "ocr_confidence", "chunks")
CHUNKS_SUFFIX = ".chunks.jsonl"
_MAX_SUMMARY_WARNINGS = 5
_MAX_SUMMARY_CHARS = 300


def document_record(parsed: Parsed, source: str, size: int, sha256: str,
                    include_text: bool) -> dict[str, Any]:
    """The .json output of one document: identity, counts, metadata, warnings and (optionally) text."""
    text = parsed.text
    record: dict[str, Any] = {"source": display(source)}
    escaped = name_bytes(source)
    if escaped is not None:
        record["source_bytes"] = escaped
    record.update(format=parsed.format, size=size, sha256=sha256)
    if parsed.pages is not None:
        record["pages"] = parsed.pages
    if parsed.rows is not None:
        record["rows"] = parsed.rows
    record.update(metadata=parsed.metadata, details=parsed.details, words=parsed.words,
                  characters=len(text), warnings=parsed.warnings)
    if parsed.page_sources:
        record["page_sources"] = parsed.page_sources
    if include_text:
        record["text"] = text
    return record


def summary(record: Mapping[str, Any]) -> dict[str, Any]:
    """The few fields of a record that travel back to the parent for the index (never the text)."""
    details = record.get("details") or {}
    out = {k: record[k] if k in record else details[k] for k in _SUMMARY_FIELDS if k in record or k in details}
    title = str(record.get("metadata", {}).get("title") or "")
    if title:
        out["title"] = title[:_MAX_SUMMARY_CHARS]
    warnings = record.get("warnings") or []
    if warnings:
        out["warnings"] = [w[:_MAX_SUMMARY_CHARS] for w in warnings[:_MAX_SUMMARY_WARNINGS]]
    return out


def _markdown(parsed: Parsed, record: Mapping[str, Any]) -> str:
    title = parsed.title or Path(record["source"]).name
    lines = [f"# {' '.join(title.split())}", ""]
    facts = [("Source", record["source"]), ("Format", parsed.format)]
    if parsed.pages is not None:
        facts.append(("Pages", parsed.pages))
    if parsed.rows is not None:
        facts.append(("Rows", parsed.rows))
    facts += [(k.replace("_", " ").capitalize(), v) for k, v in parsed.metadata.items()
              if k != "title" and isinstance(v, str | int | float)]
    facts.append(("Words", parsed.words))
    lines += [f"- **{name}:** {' '.join(str(value).split())}" for name, value in facts]
    lines += [f"- **Warning:** {w}" for w in parsed.warnings]
    lines.append("")
    if parsed.section_kind == "page":
        for number, page in enumerate(parsed.sections, 1):
            lines += [f"## Page {number}", "", page, ""]
    else:
        lines += [parsed.markdown if parsed.markdown is not None else parsed.text, ""]
    return "\n".join(lines)


def document_bytes(kind: str, parsed: Parsed, record: Mapping[str, Any]) -> bytes:
    """One document's output as ``kind`` (json, txt or md), UTF-8."""
    if kind == "json":
        body = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    elif kind == "md":
        body = _markdown(parsed, record)
    else:
        text = parsed.text
        body = text + "\n" if text and not text.endswith("\n") else text
    return body.encode("utf-8", "replace")


def chunks_path(output: str) -> str:
    """Where the chunks of the document whose output is ``output`` go: report.pdf.json ->
    report.pdf.chunks.jsonl (a renamed output's chunks follow its name)."""
    base, _ = os.path.splitext(output)
    return base + CHUNKS_SUFFIX


def chunk_lines(chunks: list[Chunk], text: str, source: str) -> bytes:
    """The chunks file: one JSON object a line."""
    identity: dict[str, Any] = {"source": display(source)}
    escaped = name_bytes(source)
    if escaped is not None:
        identity["source_bytes"] = escaped
    out = []
    for chunk in chunks:
        line = {**identity, "chunk": chunk.index, "pages": list(chunk.pages) if chunk.pages else None,
                "headings": list(chunk.headings), "start": chunk.start, "end": chunk.end,
                "text": text[chunk.start:chunk.end]}
        out.append(json.dumps(line, ensure_ascii=False) + "\n")
    return "".join(out).encode("utf-8", "replace")


def _check_written(tmp: Path, data: bytes, what: str) -> None:
    """Read an output back before it is renamed into place: it must hold exactly what was meant."""
    with open(tmp, "rb") as fh:
        if fh.read() != data:
            raise ItemError(f"the {what} did not read back as written (a failing disk or a full one?); "
                            "run the file again")


def write_outputs(output: str, document: bytes, chunks: bytes | None = None) -> None:
    """Write the document's output and, when given, its chunks file: each under a partial name,
    read back, then renamed into place, the chunks first. The output appears last and only with
    its chunks; if it cannot, new chunks are taken away again, so both are complete or absent."""
    if chunks is None:
        with atomic_output(output) as tmp:
            tmp.write_bytes(document)
            _check_written(tmp, document, "output")
        return
    side = chunks_path(output)
    remove_stale_partials(side)  # a crash mid-write leaves one; this run holds the folder's lock
    placed = False
    try:
        with atomic_output(output) as tmp:
            tmp.write_bytes(document)
            _check_written(tmp, document, "output")
            with atomic_output(side) as side_tmp:
                side_tmp.write_bytes(chunks)
                _check_written(side_tmp, chunks, "chunks file")
            placed = True
    except BaseException:
        if placed:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(side)
        raise


# ------------------------------------------------------------------ the batch index

_FORMULA_STARTS = ("=", "+", "@", "\t", "\r")


def _spreadsheet_safe(value: str) -> str:
    # A cell starting with one of these runs as a formula in spreadsheet programs; file names
    # and PDF titles come from strangers, so they are defused with a leading apostrophe.
    return "'" + value if value[:1] in _FORMULA_STARTS else value


def _unescaped(value: str) -> str:
    # Undoes _spreadsheet_safe, so a row read back from index.csv matches the same file's new row.
    return value[1:] if value[:1] == "'" and value[1:2] in _FORMULA_STARTS else value


def _row(out_dir: Path, outcome: Any, format_of: Any) -> dict[str, Any]:
    """The index row of one item as this batch ended it."""
    item, data = outcome.item, dict(outcome.data or {})
    output = outcome.output or ""
    if not output and outcome.state == "skipped" and item.output and os.path.exists(item.output):
        output = item.output  # kept from an earlier run (exists policy: skip)
    row: dict[str, Any] = {
        "source": display(item.rel),
        "state": outcome.state,
        "reason": display(outcome.reason or ""),
        "output": display(os.path.relpath(output, out_dir).replace(os.sep, "/")) if output else "",
        "format": data.get("format") or format_of(Path(item.source)),
        "size": data.get("size", item.size),
    }
    for key in ("pages", "rows", "words", "title", "sha256"):
        row[key] = data.get(key)
    row["warnings"] = list(data.get("warnings") or [])
    escaped = name_bytes(item.rel)
    optional = {"source_bytes": escaped, "ocr_pages": data.get("ocr_pages"),
                "ocr_confidence": data.get("ocr_confidence")}
    row.update((k, v) for k, v in optional.items() if v is not None)
    return row


def _key(row: Mapping[str, Any]) -> str:
    # Two names that differ only in bytes that are not UTF-8 show the same; their bytes tell them apart.
    return str(row.get("source_bytes") or row.get("source"))


def _carried(previous: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The earlier index's rows, by source, with only the index's fields (a hand-edited line may hold others)."""
    rows: dict[str, dict[str, Any]] = {}
    for earlier in previous.values():
        source = earlier.get("source")
        if isinstance(source, str) and source:
            row = {k: earlier.get(k) for k in INDEX_FIELDS}
            row["warnings"] = list(row["warnings"] or [])
            row.update((k, earlier[k]) for k in OPTIONAL_INDEX_FIELDS if earlier.get(k) not in (None, ""))
            rows[_key(row)] = row
    return rows


def _skipped_row(row: dict[str, Any], earlier: dict[str, Any]) -> dict[str, Any]:
    """What a file this batch only skipped shows, given the row an earlier run left for it."""
    if row["output"] and earlier.get("state") == "done" and earlier.get("output") == row["output"]:
        # Its output is the earlier run's: that run's data, said to be done, with why it was not redone.
        kept = {k: earlier.get(k) for k in INDEX_FIELDS[4:]}
        kept.update((k, earlier[k]) for k in OPTIONAL_INDEX_FIELDS[1:] if k in earlier)
        return {**{k: v for k, v in row.items() if k not in OPTIONAL_INDEX_FIELDS[1:]}, **kept, "state": "done"}
    # Skipping a file says nothing new about it (a retry of failed files plans the rest as skipped).
    return earlier


def index_rows(out_dir: Path, outcomes: Iterable[Any], format_of: Any,
               previous: Mapping[str, Mapping[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The batch index: every row of ``previous`` updated by this batch's outcomes, sorted by source path.

    A file that ran (done, failed or cancelled) gets its new row. A file this batch only skipped
    keeps the row an earlier run left, and gets a skipped row only when it has none; rows of files
    not in this batch at all stay, so retrying the failed files never loses the finished ones.
    """
    rows = _carried(previous or {})
    for outcome in outcomes:
        row = _row(out_dir, outcome, format_of)
        earlier = rows.get(_key(row))
        rows[_key(row)] = _skipped_row(row, earlier) if outcome.state == "skipped" and earlier else row
    return sorted(rows.values(), key=lambda r: (r["source"], _key(r)))


def write_index(path: Path, rows: list[dict[str, Any]], kind: str) -> None:
    """The index as JSON Lines or CSV, written atomically."""
    import csv  # the index is the parent's to write: workers never need csv

    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8", errors="replace", newline="") as fh:
        if kind == "csv":
            writer = csv.writer(fh)
            writer.writerow(INDEX_FIELDS + OPTIONAL_INDEX_FIELDS)
            for row in rows:
                cells = []
                for field in INDEX_FIELDS + OPTIONAL_INDEX_FIELDS:
                    value = row.get(field)
                    if isinstance(value, list):
                        value = "; ".join(value)
                    cells.append(_spreadsheet_safe(value) if isinstance(value, str) else
                                 ("" if value is None else value))
                writer.writerow(cells)
        else:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_index(out_dir: Path, kind: str) -> dict[str, dict[str, Any]]:
    """Rows of the index an earlier run left in ``out_dir`` (either format), by source; {} if none."""
    rows: dict[str, dict[str, Any]] = {}
    for name in (f"index.{other}" for other in ("csv", "jsonl") if other != kind):
        rows.update(_read_index_file(out_dir / name))
    rows.update(_read_index_file(out_dir / f"index.{kind}"))  # the same format wins
    return rows


def _number(value: Any) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _read_index_file(path: Path) -> dict[str, dict[str, Any]]:
    # An unreadable or hand-edited index only costs the carried-over rows, never the batch.
    import csv

    rows: dict[str, dict[str, Any]] = {}
    try:
        with open(path, encoding="utf-8", errors="replace", newline="") as fh:
            if path.suffix == ".csv":
                for row in csv.DictReader(fh):
                    parsed: dict[str, Any] = {k: _unescaped(v) if isinstance(v, str) else v
                                              for k, v in row.items()}
                    for key in ("size", "pages", "rows", "words", "ocr_pages"):
                        value = parsed.get(key) or ""
                        parsed[key] = int(value) if value.isdigit() else None
                    parsed["ocr_confidence"] = _number(parsed.get("ocr_confidence"))
                    parsed["warnings"] = [w for w in (parsed.get("warnings") or "").split("; ") if w]
                    for key in OPTIONAL_INDEX_FIELDS:  # as in JSON Lines: only when set
                        if parsed.get(key) in (None, ""):
                            parsed.pop(key, None)
                    rows[_key(parsed)] = parsed
            else:
                for line in fh:
                    try:
                        record = json.loads(line)
                    except ValueError:
                        continue
                    if isinstance(record, dict):
                        rows[_key(record)] = record
    except (OSError, csv.Error):
        return {}
    return rows
