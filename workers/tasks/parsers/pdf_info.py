"""What a PDF says of itself, as both PDF readers hand it over: the Info keys and PDF dates."""

from __future__ import annotations

import re

META_KEYS = {
    "Title": "title",
    "Author": "author",
    "Subject": "subject",
    "Keywords": "keywords",
    "Creator": "creator",
    "Producer": "producer",
    "CreationDate": "created",
    "ModDate": "modified",
}
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+\-])?(\d{2})?'?(\d{2})?")


def pdf_date(value: str) -> str:
    """A PDF date (``D:20240131120000+01'00'``) as ISO 8601; anything else is returned as is."""
    m = _PDF_DATE.match(value.strip())
    if not m:
        return value
    year, month, day, hour, minute, second, zone, zh, zm = m.groups()
    out = f"{year}-{month or '01'}-{day or '01'}"
    if hour:
        out += f"T{hour}:{minute or '00'}:{second or '00'}"
        if zone in ("Z", "z"):
            out += "Z"
        elif zone and zh:
            out += f"{zone}{zh}:{zm or '00'}"
    return out
