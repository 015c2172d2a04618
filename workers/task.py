"""The task protocol: what a unit of work looks like to the engine.

A task is a plain picklable object. It knows nothing of processes, queues or Qt; its only
channel back is ``report(fraction, message)``. Options are a dataclass whose fields carry a
default and a one-line help text (see :func:`option`), from which the CLI and the window
build their option parsers and forms. Presets are named sets of option values (:class:`Preset`
adds the title the window shows).
"""

from __future__ import annotations

import dataclasses
import enum
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path, PurePath
from typing import Any, ClassVar, NamedTuple, Protocol, get_type_hints


class Report(Protocol):
    """A task's channel back: ``report(fraction, message)``. The engine's also has
    ``threads(requested)``: how many threads this item may use now (see :func:`threads_of`)."""

    def __call__(self, fraction: float, message: str = "") -> None: ...


def threads_of(report: Report, requested: int = 0) -> int:
    """Threads an item may use: ``requested`` if set, else what the engine's report says (the
    cores shared among the busy workers), else every core (a report from outside the engine)."""
    if requested > 0:
        return requested
    threads = getattr(report, "threads", None)
    return threads(0) if threads is not None else (os.cpu_count() or 1)


class WorkItem(NamedTuple):
    """One unit of work. A NamedTuple so that batches pickle compactly."""

    id: int
    source: str
    rel: str  # path relative to the root it was found under, "/"-separated
    size: int
    output: str  # final output path ("" when the task writes nothing)
    inputs: tuple[tuple[str, str], ...] = ()  # (path, name in output) for multi-file items


class ItemSpec(NamedTuple):
    """What a task's :meth:`Task.group` returns: an item before it gets an id and output."""

    source: str
    rel: str
    size: int
    inputs: tuple[tuple[str, str], ...] = ()


@dataclasses.dataclass(frozen=True)
class ItemResult:
    """What a task returns for a finished item; ``data`` stays small and JSON-able."""

    output: str | None = None
    message: str = ""
    data: dict[str, Any] = dataclasses.field(default_factory=dict)


class SkipItem(Exception):
    """Raised by a task for an input it does not handle; the item ends skipped with this reason."""


class ItemError(Exception):
    """An expected failure with a reason a person can act on; no traceback is kept."""


@dataclasses.dataclass(frozen=True)
class NoOptions:
    pass


class _Unset(enum.Enum):
    NO_AUTO = "no automatic value"


# An option's ``auto`` when no value of it means "the task decides" (None can be such a value).
NO_AUTO = _Unset.NO_AUTO


def option(default: Any, help: str, *, min: float | None = None, max: float | None = None,
           kind: str | None = None, auto: Any = NO_AUTO, auto_text: str = "", advanced: bool = False) -> Any:
    """A task option field: default, one-line help, optional numeric range and kind ('path').

    ``auto`` is the value that lets the task decide (crf 0, level -1): forms show ``auto_text``
    (or "auto") instead of it; for a number it must be the minimum. ``advanced`` options sit
    behind the window's "More options"."""
    if isinstance(auto, int | float) and not isinstance(auto, bool) and auto != min:
        # A spin box can show a word only for its minimum.
        raise ValueError(f"an option's automatic value ({auto}) must be its minimum (min={min})")
    meta = {"help": help, "min": min, "max": max, "kind": kind, "auto": auto, "auto_text": auto_text,
            "advanced": advanced}
    if isinstance(default, list | dict | set):
        return dataclasses.field(default_factory=lambda: type(default)(default), metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


class Preset(Mapping[str, Any]):
    """A preset's option values and the title people choose it by (``Preset("Web video 1080p",
    format="mp4-h264", crf=23)``). It is a mapping of the values, so code that reads presets as
    dictionaries keeps working; a plain dictionary is a preset whose title is its key."""

    __slots__ = ("_values", "title")

    def __init__(self, title: str, /, **values: Any) -> None:
        self.title = title
        self._values = dict(values)

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        values = "".join(f", {k}={v!r}" for k, v in self._values.items())
        return f"Preset({self.title!r}{values})"


def preset_title(task: Task, key: str) -> str:
    """What the window calls the preset ``key``: its title, or the key for a plain dictionary."""
    return getattr(task.presets.get(key), "title", "") or key


class Task:
    """Base class of tasks. Subclasses set the class attributes and implement :meth:`run`."""

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    description: ClassVar[str] = ""
    Options: ClassVar[type] = NoOptions
    presets: ClassVar[Mapping[str, Mapping[str, Any]]] = {}
    # The default output folder is <folder>-<output_word> ("photos-encoded"); empty: the task's name.
    output_word: ClassVar[str] = ""
    # Suffixes this task reads (lower case, with dot); empty means every file.
    extensions: ClassVar[frozenset[str]] = frozenset()
    not_accepted: ClassVar[str] = "not a file type this task reads"
    # Whether output files are written (False for tasks that only report).
    writes_output: ClassVar[bool] = True
    # Whether idle workers may help with a long item (see :meth:`help`).
    helps: ClassVar[bool] = False

    def accepts(self, path: Path, options: Any) -> bool:
        return not self.extensions or path.suffix.lower() in self.extensions

    def skip_reason(self, path: Path, options: Any) -> str:
        return self.not_accepted

    def output_name(self, rel: PurePath, options: Any) -> PurePath:
        """Relative output path for an item whose source is at ``rel`` under its root."""
        return rel

    def group(self, specs: list[ItemSpec], options: Any) -> list[ItemSpec]:
        """Turn accepted files into items; the default is one item per file."""
        return specs

    def run(self, item: WorkItem, options: Any, report: Report) -> ItemResult | None:
        raise NotImplementedError

    def help(self, item: WorkItem, options: Any, report: Report, keep_going: Callable[[], bool]) -> int:
        """Do part of ``item``'s work while another worker runs it (tasks with ``helps``): the
        engine asks an idle worker at the tail of a batch, for an item that has run a while.
        Returns how many pieces it did, when nothing is left to take or ``keep_going()`` turns
        False. It never ends the item: the worker that runs the item does, with what the helpers
        made. ``report`` is only for ``report.threads``; the item's progress is its runner's."""
        return 0

    def finalize(self, out_dir: Path, options: Any, outcomes: list[Outcome]) -> str | None:
        """Runs in the parent once the job is over (e.g. writes an index); returns a note."""
        return None

    def automatic(self, name: str, options: Any) -> Any:
        """What the option ``name``, left at its automatic value, comes to with ``options``
        (the window shows "auto (23)"); None when it is not known before the run."""
        return None

    def applies(self, name: str, options: Any) -> bool:
        """Whether the option ``name`` makes any difference with ``options`` (the window hides
        the options that do not: image quality when no picture is encoded)."""
        return True

    def upgrade_options(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Option values as an earlier version named them (saved settings, queues, presets, the
        command line) in today's names and values; the default changes nothing."""
        return dict(values)


class Outcome(NamedTuple):
    """An item's end state as :meth:`Task.finalize` sees it."""

    item: WorkItem
    state: str  # "done" | "failed" | "skipped" | "cancelled"
    reason: str
    output: str | None
    data: Mapping[str, Any]


class FunctionTask(Task):
    """Wraps a plain ``fn(item, report)`` so one-off custom tasks need no class."""

    def __init__(self, fn: Callable[..., Any], name: str) -> None:
        self.fn = fn
        self.name = name  # type: ignore[misc]
        self.title = name  # type: ignore[misc]
        self.description = (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else ""  # type: ignore[misc]
        self.writes_output = False  # type: ignore[misc]

    def run(self, item: WorkItem, options: Any, report: Report) -> ItemResult | None:
        result = self.fn(item, report)
        if result is None or isinstance(result, ItemResult):
            return result
        return ItemResult(message=str(result))


# ---------------------------------------------------------------- options as data


@dataclasses.dataclass(frozen=True)
class OptionSpec:
    name: str
    type: type
    default: Any
    help: str
    min: float | None = None
    max: float | None = None
    kind: str | None = None
    auto: Any = NO_AUTO  # the value that lets the task decide (see option())
    auto_text: str = ""  # what that value means, when "auto" does not say it ("no limit")
    advanced: bool = False  # shown behind "More options"

    @property
    def has_auto(self) -> bool:
        return self.auto is not NO_AUTO

    @property
    def choices(self) -> list[str]:
        if isinstance(self.type, type) and issubclass(self.type, enum.Enum):
            return [str(m.value) for m in self.type]
        return []


def describe_options(options_cls: type) -> list[OptionSpec]:
    """The fields of an options dataclass, with their types resolved."""
    hints = get_type_hints(options_cls)
    specs = []
    for f in dataclasses.fields(options_cls):
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default = None
        m = f.metadata
        specs.append(OptionSpec(f.name, hints[f.name], default, m.get("help", ""), m.get("min"),
                                m.get("max"), m.get("kind"), m.get("auto", NO_AUTO), m.get("auto_text", ""),
                                m.get("advanced", False)))
    return specs


class OptionError(ValueError):
    pass


def convert_value(spec: OptionSpec, value: Any) -> Any:
    """Convert a value (often a string from the CLI or settings) to the option's type."""
    t = spec.type
    try:
        if isinstance(t, type) and issubclass(t, enum.Enum):
            if isinstance(value, t):
                return value
            for member in t:
                if str(member.value).lower() == str(value).lower() or member.name.lower() == str(value).lower():
                    return member
            raise OptionError(f"{spec.name} must be one of {', '.join(spec.choices)}, not {value!r}")
        if t is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off"):
                return False
            raise OptionError(f"{spec.name} must be true or false, not {value!r}")
        if t is int or t is float:
            if isinstance(value, bool):
                raise OptionError(f"{spec.name} must be a number, not {value!r}")
            number = t(value)
            if spec.min is not None and number < spec.min:
                raise OptionError(f"{spec.name} must be at least {spec.min:g}, not {value}")
            if spec.max is not None and number > spec.max:
                raise OptionError(f"{spec.name} must be at most {spec.max:g}, not {value}")
            return number
        if t is str:
            return os.fspath(value) if isinstance(value, os.PathLike) else str(value)
    except OptionError:
        raise
    except (TypeError, ValueError):
        raise OptionError(f"{spec.name}: {value!r} is not a valid {getattr(t, '__name__', t)}") from None
    return value


def build_options(task: Task, values: Mapping[str, Any] | None = None, preset: str | None = None) -> Any:
    """Options for ``task`` from a preset and overrides; raises OptionError with a clear text."""
    merged: dict[str, Any] = {}
    if preset:
        if preset not in task.presets:
            known = ", ".join(task.presets) or "none"
            raise OptionError(f"task {task.name!r} has no preset {preset!r} (presets: {known})")
        merged.update(task.upgrade_options(task.presets[preset]))
    merged.update(task.upgrade_options(values or {}))  # apart, so a value given overrides the preset's
    specs = {s.name: s for s in describe_options(task.Options)}
    unknown = sorted(set(merged) - set(specs))
    if unknown:
        known = ", ".join(specs) or "none"
        raise OptionError(f"task {task.name!r} has no option {unknown[0]!r} (options: {known})")
    kwargs = {k: convert_value(specs[k], v) for k, v in merged.items()}
    return task.Options(**kwargs)


def options_to_strings(options: Any) -> dict[str, str]:
    """Options as strings (for settings and the journal), inverse of :func:`build_options`."""
    out = {}
    for f in dataclasses.fields(options):
        v = getattr(options, f.name)
        out[f.name] = str(v.value) if isinstance(v, enum.Enum) else str(v)
    return out
