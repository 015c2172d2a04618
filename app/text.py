"""How numbers and paths read in the window: sizes, speeds, durations, counts, home-relative paths."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication

from workers.progress import human_bytes


def tilde(message: str) -> str:
    """Paths under the home folder written as '~/...', the way people read them."""
    home = os.path.expanduser("~").rstrip(os.sep)
    if not home or home == "~":  # no home folder known (or it is the root)
        return message
    return message.replace(home + os.sep, "~" + os.sep)


def count(n: int) -> str:
    """1234 -> '1,234'."""
    return f"{n:,}"


def size(n: float) -> str:
    """Bytes in decimal units, as file managers show them: '840 B', '1.2 MB' (the CLI's way too)."""
    return human_bytes(n)


def speed(bytes_per_second: float) -> str:
    """'84 MB/s' (no decimals above 10, where they are noise)."""
    n = bytes_per_second
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}/s" if n >= 10 or unit == "B" else f"{n:.1f} {unit}/s"
        n /= 1000
    return f"{n:.0f} GB/s"  # pragma: no cover


def duration(seconds: float) -> str:
    """A short duration: '0.4 s', '12 s', '3 min 05 s', '1 h 02 min'."""
    if seconds < 0.05:
        return "< 0.1 s"
    if seconds < 10:
        return f"{seconds:.1f} s"
    s = round(seconds)
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {(s % 3600) // 60:02d} min"


def time_left(seconds: float) -> str:
    """A rounded estimate: '5 s left', '2 min left', '1 h 05 min left'."""
    s = round(seconds)
    if s < 60:
        left = f"{max(s, 1)} s"
    elif s < 3600:
        left = f"{round(s / 60)} min"
    else:
        left = f"{s // 3600} h {(s % 3600) // 60:02d} min"
    # Units are the SI symbols every language here writes alike; the words around them are not.
    return QCoreApplication.translate("Text", "{time} left").format(time=left)


def sentence(message: str) -> str:
    """A message from the engine as a sentence: capital first letter, a full stop, ~ for home."""
    message = tilde(message.strip())
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."
