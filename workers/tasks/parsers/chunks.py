"""Chunks of a document's text for search and retrieval: about N characters each, overlapping.

A chunk never runs across a heading (each heading starts a new one, so its heading path holds
for all of it) and ends, where it can, at a paragraph, a line, a sentence or at least a word.
Offsets are code-point indexes into the document's text: what ``.txt`` holds and ``.json``
has as ``text`` (``text[start:end]`` is the chunk).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

# Where a chunk may end, best first, searched for in the last half of its room.
_BREAKS = (re.compile(r"\n[ \t]*\n|\f"), re.compile(r"\n"), re.compile("[.!?:;\u2026][\"')\\]\u00bb\u201d\u2019]*\\s"),
           re.compile(r"\s"))
_WORD_START = re.compile(r"\S")


@dataclass(frozen=True)
class Chunk:
    """One chunk: ``text[start:end]``, the pages it spans (1-based, or None) and its heading path."""

    index: int
    start: int
    end: int
    pages: tuple[int, int] | None
    headings: tuple[str, ...]


def _end_of(text: str, start: int, limit: int, size: int) -> int:
    """Where a chunk from ``start`` that may reach ``limit`` ends: a good break in its last half."""
    if limit - start <= size:
        return limit
    hard = start + size
    floor = start + size // 2
    for pattern in _BREAKS:
        found = None
        for m in pattern.finditer(text, floor, hard):
            found = m
        if found is not None:
            # After the punctuation of a sentence end; before the break otherwise.
            return found.end() - 1 if pattern is _BREAKS[2] else max(found.start(), floor)
    return hard


def _spans(text: str, cuts: Sequence[int]) -> Iterator[tuple[int, int]]:
    edges = sorted({0, len(text), *(c for c in cuts if 0 < c < len(text))})
    yield from itertools.pairwise(edges)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def make_chunks(text: str, size: int, overlap: int, *, page_starts: Sequence[int] | None = None,
                headings: Sequence[tuple[int, int, str]] = ()) -> list[Chunk]:
    """Chunks of ``text`` of about ``size`` characters, each starting up to ``overlap`` characters
    (at a word start) before the previous one ended.

    ``page_starts``: where each page begins in ``text`` (for page ranges); ``headings``:
    (offset, level, title) in ascending offset order (for heading paths and chunk breaks).
    """
    size = max(1, size)
    overlap = max(0, min(overlap, size // 2))  # a chunk always moves on by half its size at least
    chunks: list[Chunk] = []
    offsets = [h[0] for h in headings]
    path: list[tuple[int, str]] = []
    applied = 0
    for span_start, span_end in _spans(text, offsets):
        while applied < len(headings) and headings[applied][0] <= span_start:
            _, level, title = headings[applied]
            path = [p for p in path if p[0] < level] + [(level, title)]
            applied += 1
        position = span_start
        while position < span_end:
            start, _ = _trimmed(text, position, span_end)
            if start >= span_end:
                break
            end = _end_of(text, start, span_end, size)
            start, end = _trimmed(text, start, end)
            if end <= start:
                break
            pages = None
            if page_starts:
                pages = (bisect.bisect_right(page_starts, start), bisect.bisect_right(page_starts, end - 1))
            chunks.append(Chunk(len(chunks), start, end, pages, tuple(title for _, title in path)))
            if end >= span_end or _trimmed(text, end, span_end)[0] >= span_end:
                break
            position = _next_start(text, start, end, overlap)
    return chunks


def _next_start(text: str, start: int, end: int, overlap: int) -> int:
    """The next chunk's start: ``overlap`` characters back from ``end``, moved on to a word start."""
    if overlap <= 0:
        return end
    back = max(start + 1, end - overlap)
    if back > 0 and not text[back - 1].isspace():  # mid-word: on to the next word
        m = re.compile(r"\s").search(text, back, end)
        if m is None:
            return end
        back = m.end()
    m = _WORD_START.search(text, back, end)
    return m.start() if m is not None else end
