"""The desktop entry, the AppStream metainfo, and the frozen app's locale fallback.

The validators are Debian's (desktop-file-utils, appstream; 'make test' installs both); a test
skips, saying which, only when its validator is missing.
"""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
DESKTOP = RESOURCES / "batchpilot.desktop"
METAINFO = RESOURCES / "io.github.batchpilot.metainfo.xml"


def _desktop_entry() -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(delimiters=("=",), comment_prefixes=("#",), strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is missing (apt-get install desktop-file-utils)")
def test_desktop_entry_is_valid() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli is missing (apt-get install appstream)")
def test_metainfo_is_valid() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_names_the_desktop_entry_the_window_uses() -> None:
    root = ET.parse(METAINFO).getroot()
    # The file is named after the component id, and launches the desktop entry that
    # app.setDesktopFileName("batchpilot") refers to.
    assert METAINFO.name == f"{root.findtext('id')}.metainfo.xml"
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name


def test_desktop_entry_opens_folders_and_what_the_tasks_read_with_concrete_types() -> None:
    entry = _desktop_entry()["Desktop Entry"]
    types = [t for t in entry["MimeType"].split(";") if t]
    for wanted in ("inode/directory", "application/pdf", "application/zip", "video/mp4", "audio/flac", "image/jpeg"):
        assert wanted in types
    assert not [t for t in types if "*" in t], "MIME types must be concrete, not globs"
    assert len(types) == len(set(types))
    assert "%F" in entry["Exec"]  # several files and folders at once


def test_desktop_entry_has_an_add_action() -> None:
    entry = _desktop_entry()
    assert entry["Desktop Entry"]["Actions"].strip(";") == "add"
    action = entry["Desktop Action add"]
    assert action["Name"] == "Add to batchpilot"
    assert action["Exec"].split()[0] == "batchpilot-gui"


def _entry_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("batchpilot_entry", ROOT / "packaging" / "entry.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("before", "after"), [
    ({}, {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}),
    ({"LANG": "C"}, {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}),
    ({"LC_ALL": "POSIX", "LANG": "de_DE.UTF-8"}, {"LC_ALL": "C.UTF-8", "LANG": "de_DE.UTF-8"}),
    ({"LANG": "de_DE.UTF-8"}, {"LANG": "de_DE.UTF-8"}),
    ({"LC_ALL": "fr_FR.UTF-8", "LANG": "C"}, {"LC_ALL": "fr_FR.UTF-8", "LANG": "C"}),
    ({"LC_CTYPE": "C.UTF-8"}, {"LC_CTYPE": "C.UTF-8"}),
], ids=["none", "lang-c", "lc-all-posix", "chosen", "lc-all-wins", "ctype"])
def test_frozen_app_falls_back_to_a_utf8_locale_only_without_one(before: dict[str, str],
                                                                 after: dict[str, str]) -> None:
    environ = dict(before)
    _entry_module().ensure_utf8_locale(environ)
    assert environ == after


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the locale fallback is for Linux desktops")
def test_the_fallback_locale_exists_here() -> None:
    # C.UTF-8 is built into glibc since 2.35 and shipped by Debian's libc-bin before that.
    result = subprocess.run(["locale", "-a"], capture_output=True, text=True)
    assert {"C.utf8", "C.UTF-8"} & set(result.stdout.split())
