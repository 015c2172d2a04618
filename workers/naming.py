"""Output names people choose: a template for each output's name, and where outputs go.

A template such as ``{name}-720p`` replaces the source's name without its extension; what the
task adds after it stays (``clip.mov`` → ``clip-720p.mp4`` in an H.264 run, ``report.pdf`` →
``report-720p.pdf.json`` in a parse run). ``{name}``, the default, gives today's names exactly.
A template is checked before anything runs: an unknown field, a path separator or a name that
cannot be a file's name refuses the job (or, when only some files give such a name, those files).
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_TEMPLATE = "{name}"
# What each field stands for, as the docs and the window's tooltip list them.
FIELDS: dict[str, str] = {
    "name": "the source's name without its extension",
    "ext": "the source's extension, without the dot",
    "task": "the task (parse, zip, encode)",
    "preset": "the preset the options are, or custom",
    "date": "the source's modification date, YYYY-MM-DD",
    "parent": "the name of the source's folder",
    "width": "the picture's width in pixels (pictures and videos)",
    "height": "the picture's height in pixels (pictures and videos)",
}
# Fields only a task's ``name_fields(path)`` hook knows, read from the file only when used.
MEDIA_FIELDS = frozenset({"width", "height"})
DEFAULT_NAME_MAX = 255
CUSTOM_PRESET = "custom"


class NameTemplateError(ValueError):
    """The template cannot be used at all; the message is a sentence for the user."""


@dataclass(frozen=True)
class OutputNaming:
    """How outputs are named and where they go: a name template, and next to each source
    (in the source's own folder) instead of a mirrored output folder. ``preset`` is the name of
    the preset the options were chosen as (one of the person's own, say), for ``{preset}``;
    "" lets the plan find which of the task's presets the options are, if any."""

    template: str = DEFAULT_TEMPLATE
    next_to_source: bool = False
    preset: str = ""

    @property
    def is_default(self) -> bool:
        return self.template == DEFAULT_TEMPLATE and not self.next_to_source


def state_folder(task: Any, paths: Sequence[str]) -> Path:
    """Where a job that writes next to its sources keeps its journal and lock: a folder of its own
    in the user's state folder, named for the task and the inputs, so the same command finds it
    again (and leaves nothing hidden among the sources)."""
    import platformdirs

    roots = sorted(os.path.normcase(os.path.realpath(p)) for p in paths)
    spec = str(getattr(task, "spec", getattr(task, "name", "")))
    digest = hashlib.sha1(repr((spec, roots)).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    first = os.path.basename(roots[0].rstrip(os.sep)) if roots else ""
    word = re.sub(r"[^\w.-]+", "-", f"{first}-{getattr(task, 'name', '')}").strip("-.")[:40]
    return Path(platformdirs.user_state_dir("batchpilot")) / "next-to-source" / f"{word}-{digest}"


def template_fields(template: str) -> list[str]:
    """The fields ``template`` uses, in order; raises NameTemplateError for a template that
    cannot be read (an unmatched brace, an empty field, a format spec)."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise NameTemplateError(f"the name template {template!r} cannot be read ({exc}); write a field as "
                                "{name}, and a brace itself as {{ or }}") from None
    used = []
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if not field or spec or conversion or not field.isidentifier():
            shown = "{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise NameTemplateError(f"the name template {template!r} has {shown}; a field is a plain name "
                                    f"in braces: {field_list()}")
        used.append(field)
    return used


def field_list() -> str:
    return ", ".join("{" + f + "}" for f in FIELDS)


def check_template(template: str, task: Any) -> list[str]:
    """The fields ``template`` uses, after checking it can name outputs of ``task``; raises
    NameTemplateError with a sentence for the user."""
    if not template.strip():
        raise NameTemplateError(f"the name template is empty; use {DEFAULT_TEMPLATE} for the sources' own names")
    used = template_fields(template)
    unknown = [f for f in used if f not in FIELDS]
    if unknown:
        raise NameTemplateError(f"the name template {template!r} has an unknown field {{{unknown[0]}}}; "
                                f"the fields are {field_list()}")
    if any(sep and sep in template for sep in (os.sep, os.altsep, "/")):
        raise NameTemplateError(f"the name template {template!r} holds a path separator; it names files, "
                                "not folders (outputs keep the source's folders)")
    if "\0" in template:
        raise NameTemplateError("the name template holds a NUL character")
    media = sorted(MEDIA_FIELDS.intersection(used))
    if media and not callable(getattr(task, "name_fields", None)):
        raise NameTemplateError(f"the {getattr(task, 'name', 'chosen')} task does not know a picture's size, so "
                                f"{{{media[0]}}} cannot be used in its names (it works with encode)")
    return used


def preset_of(task: Any, options: Any) -> str:
    """The key of the task's preset that ``options`` are exactly, or "custom"."""
    from workers.task import OptionError, build_options

    for key in getattr(task, "presets", {}):
        try:
            if build_options(task, preset=key) == options:
                return str(key)
        except (OptionError, TypeError, ValueError):
            continue
    return CUSTOM_PRESET


def split_name(source_name: str, output_name: str) -> tuple[str, str, str]:
    """(name, ext, tail): the source's name without its extension, that extension, and what the
    task's output name keeps after the name (``clip.mov``, ``clip.mp4`` → clip, mov, .mp4;
    ``doc.pdf``, ``doc.pdf.json`` → doc, pdf, .pdf.json; ``a.tar.gz``, ``a`` → a, tar.gz, "")."""
    stem, ext = _split(source_name)
    if output_name.startswith(stem):
        return stem, ext, output_name[len(stem):]
    if source_name.startswith(output_name + "."):  # the task took a compound ending off (extraction)
        return output_name, source_name[len(output_name) + 1:], ""
    out_ext = _split(output_name)[1]
    return stem, ext, f".{out_ext}" if out_ext else ""


def _split(name: str) -> tuple[str, str]:
    """A file name's stem and extension without the dot, as pathlib sees them ("a." and ".rc" have none)."""
    stem, ext = os.path.splitext(name)
    return (name, "") if ext in ("", ".") else (stem, ext[1:])


def name_max(folder: Path) -> int:
    """The longest file name (in bytes) the folder's file system takes, from its nearest existing folder."""
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            try:
                return os.pathconf(candidate, "PC_NAME_MAX")
            except (OSError, ValueError, AttributeError):  # no such limit, or no pathconf (Windows)
                return DEFAULT_NAME_MAX
    return DEFAULT_NAME_MAX


def name_problem(name: str, limit: int = DEFAULT_NAME_MAX) -> str:
    """Why ``name`` cannot be an output's file name ("" when it can)."""
    if not name.strip():
        return "gives an empty name"
    if name in (".", ".."):
        return f"gives {name!r}, which is not a file name"
    if any(sep and sep in name for sep in (os.sep, os.altsep, "/")) or "\0" in name:
        return f"gives {name!r}, which holds a path separator"
    if name.startswith("."):
        return f"gives {name!r}, a hidden name (it starts with a dot)"
    size = len(os.fsencode(name))
    if size > limit:
        return f"gives a name of {size} bytes, longer than the {limit} the file system allows"
    return ""


class NameMaker:
    """Names each output of one plan from the template; the fields are worked out per source."""

    def __init__(self, template: str, task: Any, options: Any, preset: str = "") -> None:
        self.template = template
        self.used = set(check_template(template, task))
        self.task = task
        self.preset = ""
        if "preset" in self.used:
            # A preset of the person's own may be named anything: no separator goes into a file name.
            named = re.sub(r"[/\\\x00]+", "-", preset).strip()
            self.preset = named or preset_of(task, options)
        self._media: Callable[[Path], Mapping[str, Any]] | None = getattr(task, "name_fields", None)

    def name(self, source: str, output_name: str) -> tuple[str, str]:
        """(the output's file name, "" ) or ("", why this source cannot be named so)."""
        name, ext, tail = split_name(os.path.basename(source), output_name)
        values: dict[str, Any] = {"name": name, "ext": ext, "task": self.task.name, "preset": self.preset}
        if "date" in self.used or "parent" in self.used:
            values["parent"] = os.path.basename(os.path.dirname(source))
            try:
                mtime = os.stat(source).st_mtime
            except OSError as exc:
                return "", f"its modification date cannot be read for the name template ({exc.strerror or exc})"
            values["date"] = datetime.date.fromtimestamp(mtime).isoformat()
        if self.used & MEDIA_FIELDS:
            assert self._media is not None  # check_template refused the template otherwise
            try:
                media = dict(self._media(Path(source)))
            except Exception as exc:  # a file the reader chokes on: that file's name cannot be made
                return "", f"its picture size cannot be read for the name template ({exc})"
            missing = sorted(f for f in self.used & MEDIA_FIELDS if media.get(f) in (None, ""))
            if missing:
                return "", f"it has no picture, so the name template's {{{missing[0]}}} has no value for it"
            values.update(media)
        return self.template.format(**values) + tail, ""


__all__ = ["DEFAULT_TEMPLATE", "FIELDS", "NameMaker", "NameTemplateError", "OutputNaming", "check_template",
           "field_list", "name_max", "name_problem", "preset_of", "split_name", "state_folder", "template_fields"]
