"""Helpers shared by the parse task's tests: parse one file directly, write inputs, read the index."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from workers.tasks.parsers import Limits, Parsed, parse_document


class Progress:
    """Collects (fraction, message) reports the way the worker would receive them."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, str]] = []

    def __call__(self, fraction: float, message: str = "") -> None:
        self.calls.append((fraction, message))


def parse(path: Path, **limits: Any) -> Parsed:
    return parse_document(path, Limits(**limits), Progress())


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def read_index(out_dir: Path) -> dict[str, dict[str, Any]]:
    lines = (out_dir / "index.jsonl").read_text("utf-8").splitlines()
    return {row["source"]: row for row in map(json.loads, lines)}


def word_recall(expected: str, found: str) -> float:
    """The share of ``expected``'s words that ``found`` holds, each occurrence counted once."""
    from collections import Counter

    left = Counter(found.split())
    hits = 0
    for word in expected.split():
        if left[word] > 0:
            left[word] -= 1
            hits += 1
    return hits / max(1, len(expected.split()))
