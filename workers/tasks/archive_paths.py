"""Where an archive member would land: names and link targets checked against the destination.

Pure functions over path components, so the rules can be read (and tested) apart from the
writing: a member must stay inside the destination folder, and so must a link's target,
walked the way the operating system will walk it.
"""

from __future__ import annotations

import os
import unicodedata

Parts = tuple[str, ...]


class Unsafe(Exception):
    """A member that would land outside the destination folder."""


def member_parts(name: str) -> Parts:
    """The path components of a member name inside the destination; raises Unsafe."""
    if "\x00" in name:
        raise Unsafe("has a NUL byte in its name")
    # Backslashes count as separators: Windows tools write them, and on Windows they are.
    norm = name.replace("\\", "/")
    if norm.startswith("/") or (len(norm) > 1 and norm[1] == ":" and norm[0].isalpha()):
        raise Unsafe("has an absolute path")
    parts = tuple(p for p in norm.split("/") if p not in ("", "."))
    if ".." in parts:
        raise Unsafe("climbs out of the folder with '..'")
    if os.name == "nt" and any(":" in p for p in parts):
        raise Unsafe("has a ':' in its name (an alternate data stream on Windows)")
    return parts


def fold(parts: Parts) -> Parts:
    """Parts as a case- and normalisation-insensitive file system may see them ("A" is "a")."""
    return tuple(unicodedata.normalize("NFC", p).casefold() for p in parts)


def link_problem(parts: Parts, target: str, links: set[Parts]) -> str | None:
    """Why a symlink at ``parts`` pointing to ``target`` is unsafe, or None if it stays inside.

    ``links`` holds every link's path in the archive, folded (see :func:`fold`).
    """
    if not target or "\x00" in target:
        return "is a link with an empty or invalid target"
    if os.path.isabs(target) or target.startswith(("/", "\\")) or (len(target) > 1 and target[1] == ":"):
        return f"is a link to the absolute path {target!r}"
    # Walked the way the OS will: component by component from the link's folder. Passing
    # through another link is refused, since its target is what the OS would follow.
    pieces = target.replace(os.altsep, os.sep).split(os.sep) if os.altsep else target.split(os.sep)
    comps = [c for c in pieces if c not in ("", ".")]
    where = list(parts[:-1])
    for i, comp in enumerate(comps):
        if comp == "..":
            if not where:
                return f"is a link leading outside the folder ({target!r})"
            where.pop()
        else:
            where.append(comp)
            if i < len(comps) - 1 and fold(tuple(where)) in links:
                return f"is a link that passes through another link ({target!r})"
    return None
