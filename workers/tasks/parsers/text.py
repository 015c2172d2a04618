"""Plain text, Markdown and logs: any encoding in, UTF-8 text out."""

from __future__ import annotations

import re
from pathlib import Path

from workers.tasks.parsers.common import (
    Limits,
    Parsed,
    Progress,
    decode_text,
    mb,
    normalize_newlines,
    read_source,
)

_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.S)
_FRONT_KEY = re.compile(r"^(title|author|date|description|tags)\s*:\s*(.+?)\s*$", re.M | re.I)


def _markdown_metadata(text: str) -> dict[str, str]:
    """Title and a few front-matter fields; the first heading stands in for a missing title."""
    meta: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        for key, value in _FRONT_KEY.findall(front.group(1)):
            meta.setdefault(key.lower(), value.strip("\"'"))
    if "title" not in meta:
        heading = _MD_HEADING.search(text)
        if heading:
            meta["title"] = heading.group(1)
    return meta


def parse_text(path: Path, limits: Limits, report: Progress, fmt: str = "text") -> Parsed:
    """A text file decoded (BOM, UTF-8, else detected); a file over the size limit is cut, with a warning."""
    data, truncated = read_source(path, limits, truncate=True)
    text, encoding = decode_text(data)
    text = normalize_newlines(text)
    parsed = Parsed(fmt, sections=[text])
    parsed.details = {"encoding": encoding, "lines": len(text.splitlines())}
    if truncated:
        parsed.warnings.append(f"only the first {mb(len(data))} were read (max_input_mb); "
                               "raise max_input_mb to read the whole file")
    if fmt == "markdown":
        parsed.metadata = _markdown_metadata(text)
    return parsed


def parse_markdown(path: Path, limits: Limits, report: Progress) -> Parsed:
    """Markdown as text, with a title from front matter or the first heading."""
    return parse_text(path, limits, report, "markdown")
