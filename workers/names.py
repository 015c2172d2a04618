"""File names that are not valid UTF-8, in text meant for people and for JSON readers.

On Linux a name is bytes; Python holds the bytes that are not UTF-8 as surrogate escapes, which
strict JSON readers and UTF-8 files refuse. Text shows such a name with U+FFFD where the odd
bytes are, and JSON adds the exact bytes, percent-encoded, beside it.
"""

from __future__ import annotations

from urllib.parse import quote_from_bytes


def is_utf8_name(name: str) -> bool:
    """False for a file name whose bytes are not valid UTF-8 (Python holds them as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def display(name: str) -> str:
    """A name safe to show and to write as UTF-8: undecodable bytes become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def name_bytes(name: str) -> str | None:
    """A name that is not valid UTF-8 as its bytes, percent-encoded (RFC 3986; "/" and the
    unreserved characters stay); None for a valid name. ``urllib.parse.unquote_to_bytes``
    gives the bytes back."""
    if is_utf8_name(name):
        return None
    return quote_from_bytes(name.encode("utf-8", "surrogateescape"), safe="/")
