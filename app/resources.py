"""Where the window's icons, desktop file and stylesheet are found (source tree or frozen bundle)."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon


@cache
def resources_dir() -> Path:
    """The ``resources`` folder: in the bundle when frozen, beside the package in a checkout,
    or under ``<prefix>/share/batchpilot`` when installed from a wheel."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "resources"] if frozen else []
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    candidates.append(Path(sys.prefix) / "share" / "batchpilot" / "resources")
    for folder in candidates:
        if folder.is_dir():
            return folder
    return candidates[-1]


@cache
def icon(name: str) -> QIcon:
    """An SVG icon from ``resources/icons`` (an empty icon if it is missing: never fatal)."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


@cache
def app_icon() -> QIcon:
    """The application icon."""
    path = resources_dir() / "batchpilot.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()
