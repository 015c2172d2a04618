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
        parsed.headings = [(0, offset, level, title) for offset, level, title in markdown_headings(text)]
    return parsed


_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*")


def markdown_headings(text: str) -> list[tuple[int, int, str]]:
    """(offset of the line, level, title) of the ATX ("## Title") and setext (underlined)
    headings, outside fenced code blocks."""
    found: list[tuple[int, int, str]] = []
    offset = 0
    fence = ""
    previous: tuple[int, str] | None = None  # the line before, if it could be a setext title
    for line in text.split("\n"):
        m = _FENCE.match(line)
        title_line = not fence and not m
        if fence:
            if m and m.group(1) == fence:
                fence = ""
        elif m:
            fence = m.group(1)
        elif (atx := _ATX.fullmatch(line)) and (atx.group(2) or "").strip():
            found.append((offset, len(atx.group(1)), atx.group(2).strip()))
            title_line = False
        elif previous is not None and (setext := _SETEXT.fullmatch(line)):
            found.append((previous[0], 1 if setext.group(1)[0] == "=" else 2, previous[1]))
            title_line = False
        stripped = line.strip()
        previous = (offset, stripped) if title_line and stripped and not line.startswith(("    ", "\t")) else None
        offset += len(line) + 1
    return found


def parse_markdown(path: Path, limits: Limits, report: Progress) -> Parsed:
    """Markdown as text, with a title from front matter or the first heading."""
    return parse_text(path, limits, report, "markdown")
