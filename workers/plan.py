"""Planning, a pure step before anything runs: scan the inputs, filter them, name outputs.

Scanning never follows a symlink that leads out of the folder it was found in, never
descends into the output folder, visits each real directory once (symlink loops end),
skips hidden files unless asked, and reports unreadable or missing paths instead of failing.
"""

from __future__ import annotations

import enum
import fnmatch
import os
import re
import stat
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from workers.naming import (
    DEFAULT_TEMPLATE,
    NameMaker,
    NameTemplateError,
    OutputNaming,
    name_max,
    name_problem,
    state_folder,
)
from workers.outputs import is_partial_name
from workers.task import ItemSpec, Task, WorkItem

ROOT_OUTPUT = "batchpilot"  # the output folder's first word when the input is a file system root
DEFAULT_NAMING = OutputNaming()
EARLIER_OUTPUT = "an output an earlier run of this job wrote next to its source; not a source"


class OutputPolicy(enum.StrEnum):
    """What to do when an output already exists."""

    SKIP = "skip"
    RENAME = "rename"
    OVERWRITE = "overwrite"


class PlanError(ValueError):
    """The request cannot be planned at all (shown to the user as is)."""


@dataclass(frozen=True)
class ScanOptions:
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    include_hidden: bool = False


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str
    root: str
    rel: str  # "/"-separated, relative to root
    size: int


@dataclass(frozen=True, slots=True)
class ScanProblem:
    path: str
    rel: str
    reason: str


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _matches(patterns: tuple[str, ...], name: str, rel: str) -> bool:
    name, rel = name.lower(), rel.lower()
    return any(fnmatch.fnmatchcase(name, p.lower()) or fnmatch.fnmatchcase(rel, p.lower()) for p in patterns)


def _inside(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # different drives
        return False


def _real(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _scan_reaches(real: str, folder_real: str, is_dir: bool, options: ScanOptions, out_real: str | None) -> bool:
    """Whether scanning the folder ``folder_real`` finds ``real`` (a path inside it) by itself.

    A hidden, excluded or not included path the user named on its own is wanted anyway, and the
    output folder is never scanned, so those are not covered by the folder's scan.
    """
    if not _inside(real, folder_real) or real == folder_real:
        return False
    if out_real is not None and _inside(real, out_real):
        return False
    return scan_admits(os.path.relpath(real, folder_real).replace(os.sep, "/"), options, is_dir)


def scan_admits(rel: str, options: ScanOptions, is_dir: bool = False) -> bool:
    """Whether a folder's scan takes ``rel`` ("/"-separated, relative to the folder): no hidden
    or partial name on the way, nothing excluded, and a file matches the includes."""
    parts = rel.split("/")
    for depth, name in enumerate(parts, 1):
        if (_is_hidden(name) and not options.include_hidden) or is_partial_name(name):
            return False
        if options.exclude and _matches(options.exclude, name, "/".join(parts[:depth])):
            return False
    return is_dir or not options.include or _matches(options.include, parts[-1], rel)


def distinct_inputs(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] | None = None,
    options: ScanOptions = ScanOptions(),
) -> list[str]:
    """The given paths with repeats and paths inside another given folder left out, in the order given.

    Paths are compared by where they really lead (``dir``, ``dir/`` and a symlink to it are one),
    and the first spelling given is kept. A file or folder that a given folder's scan reaches
    anyway is left to that scan, so it is planned once, named as part of that folder.
    """
    given = [os.fspath(p) for p in paths]
    reals = [_real(os.path.abspath(p)) for p in given]
    out_real = _real(os.fspath(out_dir)) if out_dir is not None else None
    # The output folder given as an input is reported by the scan, never scanned: it covers nothing.
    folders = {r for p, r in zip(given, reals, strict=True) if r != out_real and os.path.isdir(p)}
    kept: list[str] = []
    seen: set[str] = set()
    for path, real in zip(given, reals, strict=True):
        if real in seen:
            continue
        is_dir = os.path.isdir(path)
        if any(_scan_reaches(real, folder, is_dir, options, out_real) for folder in folders):
            continue
        seen.add(real)
        kept.append(path)
    return kept


def iter_sources(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] | None = None,
    options: ScanOptions = ScanOptions(),
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[SourceFile | ScanProblem]:
    """Yield every file under ``paths`` (depth first, sorted by name) or a problem with a reason.

    Each file is found once: repeated paths and paths inside another given folder are dropped
    first (see :func:`distinct_inputs`).
    """
    out_real = os.path.realpath(out_dir) if out_dir is not None else None
    visited: set[tuple[int, int]] = set()
    for given in distinct_inputs(paths, out_dir, options):
        p = os.path.abspath(given)
        try:
            st = os.stat(p)
        except FileNotFoundError:
            yield ScanProblem(p, os.path.basename(p), "does not exist")
            continue
        except OSError as exc:
            yield ScanProblem(p, os.path.basename(p), f"cannot be read ({exc.strerror})")
            continue
        if stat.S_ISDIR(st.st_mode):
            root_real = os.path.realpath(p)
            if out_real is not None and root_real == out_real:
                yield ScanProblem(p, os.path.basename(p), "is the output folder itself; choose another output")
                continue
            yield from _walk(p, root_real, "", out_real, options, visited, cancelled)
        elif stat.S_ISREG(st.st_mode):
            yield SourceFile(p, os.path.dirname(p), os.path.basename(p), st.st_size)
        else:
            yield ScanProblem(p, os.path.basename(p), "is not a regular file")


def _walk(
    folder: str,
    root_real: str,
    rel_prefix: str,
    out_real: str | None,
    options: ScanOptions,
    visited: set[tuple[int, int]],
    cancelled: Callable[[], bool] | None,
) -> Iterator[SourceFile | ScanProblem]:
    root = folder if not rel_prefix else None
    stack: list[tuple[str, str]] = [(folder, rel_prefix)]
    base = folder
    while stack:
        if cancelled is not None and cancelled():
            return
        current, rel_dir = stack.pop()
        try:
            st = os.stat(current)
            key = (st.st_dev, st.st_ino)
            if key in visited:
                yield ScanProblem(current, rel_dir, "folder already scanned (symlink loop); not followed")
                continue
            visited.add(key)
            with os.scandir(current) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield ScanProblem(current, rel_dir or os.path.basename(current),
                              f"folder cannot be read ({exc.strerror}); check its permissions")
            continue
        subdirs: list[tuple[str, str]] = []
        for entry in entries:
            name = entry.name
            rel = f"{rel_dir}/{name}" if rel_dir else name
            if (_is_hidden(name) and not options.include_hidden) or is_partial_name(name):
                continue
            if options.exclude and _matches(options.exclude, name, rel):
                continue
            path = entry.path
            try:
                is_link = entry.is_symlink()
                if is_link:
                    target = os.path.realpath(path)
                    if not _inside(target, root_real):
                        yield ScanProblem(path, rel, "symlink leads outside the folder; not followed")
                        continue
                is_dir = entry.is_dir()  # follows links, now known to stay inside
                if is_dir:
                    real = os.path.realpath(path)
                    if out_real is not None and (real == out_real or _inside(real, out_real)):
                        continue
                    subdirs.append((path, rel))
                    continue
                if not entry.is_file():
                    continue
                if options.include and not _matches(options.include, name, rel):
                    continue
                size = entry.stat().st_size
            except OSError as exc:
                yield ScanProblem(path, rel, f"cannot be read ({exc.strerror})")
                continue
            yield SourceFile(path, root or base, rel, size)
        stack.extend(reversed(subdirs))


def _root_of(path: str | os.PathLike[str]) -> str:
    """The root a scan of ``path`` gives its files: the folder itself, or a file's folder."""
    p = os.path.abspath(path)
    return p if os.path.isdir(p) else os.path.dirname(p)


def output_word(task: Task | None) -> str:
    """What a task's outputs are called in its default folder: 'parsed', 'zipped', 'encoded', or its
    name as a folder can spell it ('tools/shrink.py:run' -> 'run')."""
    if task is None:
        return ROOT_OUTPUT
    if task.output_word:
        return task.output_word
    last = os.path.basename(task.name.rsplit(":", 1)[-1])
    return re.sub(r"[^\w-]+", "-", last).strip("-")[:40] or ROOT_OUTPUT


def default_output_dir(paths: Iterable[str | os.PathLike[str]], task: Task | None = None) -> Path:
    """``<folder>-<word>`` beside the first folder given (or the folder of the first file): each
    task has its own word (``photos-encoded``, ``photos-parsed``), so two tasks run on one folder
    never share outputs or a journal."""
    suffix = f"-{output_word(task)}"
    for given in paths:
        p = Path(os.path.abspath(os.fspath(given)))
        folder = p if p.is_dir() else p.parent
        if folder.parent == folder:  # a file system root
            return folder / f"{ROOT_OUTPUT}{suffix}"
        return folder.with_name(folder.name + suffix)
    raise PlanError("no input paths given")


@dataclass
class Plan:
    """Everything needed to run a job, decided up front."""

    task: Task
    options: Any
    out_dir: Path
    policy: OutputPolicy
    items: list[WorkItem] = field(default_factory=list)  # to run
    skipped: list[tuple[WorkItem, str]] = field(default_factory=list)  # decided at plan time
    # Next to the sources, ``out_dir`` holds only the job's own files (journal, lock, index).
    naming: OutputNaming = field(default_factory=OutputNaming)

    @property
    def all_items(self) -> list[WorkItem]:
        return self.items + [w for w, _ in self.skipped]

    @property
    def total_bytes(self) -> int:
        return sum(w.size for w in self.items)


def _renamed(name: str, n: int) -> str:
    # Keep compound endings such as ".tar.gz" or ".pdf.json" together.
    stem, dot, ext = name.partition(".")
    ext = dot + ext
    if not stem:  # a dot-file
        stem, ext = name, ""
    return f"{stem} ({n}){ext}"


class _OutputNamer:
    """Chooses each output path once, honouring the exists policy and the outputs already chosen.

    A path in ``protected`` (a source of the job) is never an output, whatever the policy: the
    output is renamed instead.
    """

    def __init__(self, policy: OutputPolicy, protected: set[str] | None = None) -> None:
        self.policy = policy
        self.taken: set[str] = set(protected or ())

    def choose(self, folder: str, name: str) -> tuple[str, str | None]:
        """(final output path of ``name`` in ``folder``, skip reason or None)."""
        full = os.path.join(folder, name)
        n = 0
        while True:
            key = os.path.normcase(full)
            clash = key in self.taken
            exists = not clash and os.path.lexists(full)
            if not clash and (not exists or self.policy is OutputPolicy.OVERWRITE):
                break
            if exists and self.policy is OutputPolicy.SKIP:
                self.taken.add(key)
                return full, "output already exists (exists policy: skip)"
            n += 1
            full = os.path.join(folder, _renamed(name, n))
        self.taken.add(key)
        return full, None


def _read_only_reason(folder: str, cache: dict[str, str]) -> str:
    """Why outputs cannot be written in ``folder`` ("" when they can). A folder without any write
    bit counts as read-only even for root: it is what its owner asked for."""
    if folder not in cache:
        try:
            mode = os.stat(folder).st_mode
        except OSError as exc:
            cache[folder] = f"cannot write next to the source: the folder {folder} cannot be read ({exc.strerror})"
        else:
            writable = bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(folder, os.W_OK)
            cache[folder] = "" if writable else (f"cannot write next to the source: the folder {folder} is "
                                                 "read-only; make it writable or choose an output folder")
    return cache[folder]


def _key(path: str) -> str:
    return os.path.normcase(path if os.path.isabs(path) else os.path.abspath(path))


def make_plan(
    task: Task,
    options: Any,
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] | None = None,
    policy: OutputPolicy = OutputPolicy.SKIP,
    scan: ScanOptions = ScanOptions(),
    sources: Iterable[SourceFile | ScanProblem] | None = None,
    naming: OutputNaming = DEFAULT_NAMING,
    earlier_outputs: Collection[str] = (),
) -> Plan:
    """Scan ``paths`` (or use already scanned ``sources``) and decide every item's fate.

    With ``naming.next_to_source`` each output goes in its source's folder and ``out_dir`` (by
    default the job's folder in the user's state folder) keeps only the journal and the lock;
    ``earlier_outputs`` (what earlier runs of the job wrote) are then found by the scan, and are
    not taken as sources.
    """
    given = [os.fspath(p) for p in paths]
    try:
        maker = None
        if naming.template != DEFAULT_TEMPLATE:
            maker = NameMaker(naming.template, task, options, naming.preset)
    except NameTemplateError as exc:
        raise PlanError(str(exc)) from None
    if out_dir is not None:
        out = Path(out_dir)
    elif naming.next_to_source:
        out = state_folder(task, distinct_inputs(given, None, scan))
    else:
        out = default_output_dir(distinct_inputs(given, None, scan), task)
    out = Path(os.path.abspath(out))
    for p in given:
        if os.path.isdir(p) and os.path.realpath(p) == os.path.realpath(out):
            raise PlanError(f"the output folder {out} is the source folder itself; choose another output folder")
    # The scan and the roots below must see the same inputs, so "docs docs/sub" is one root.
    paths = distinct_inputs(given, out, scan)
    if sources is None:
        sources = iter_sources(paths, out, scan)
    plan = Plan(task, options, out, policy, naming=naming)
    earlier = {_key(p) for p in earlier_outputs}
    files: list[SourceFile] = []
    for s in sources:
        if isinstance(s, ScanProblem):
            plan.skipped.append((WorkItem(len(plan.skipped), s.path, s.rel, 0, ""), s.reason))
        elif earlier and _key(s.path) in earlier:
            plan.skipped.append((WorkItem(len(plan.skipped), s.path, s.rel, s.size, ""), EARLIER_OUTPUT))
        else:
            files.append(s)
    roots = {f.root for f in files}
    if len(roots) <= 1:
        # Outputs must land where they did for the whole batch when only some files run again
        # (a retry of one folder's failures after a two-folder run): the given paths count too.
        roots |= {_root_of(p) for p in paths}
    prefix_roots = len(roots) > 1
    # No output ever replaces a source of the job, whatever the template and the exists policy.
    namer = _OutputNamer(policy, {_key(f.path) for f in files})
    next_id = len(plan.skipped)
    accepted: list[ItemSpec] = []
    for src in files:
        rel = f"{Path(src.root).name}/{src.rel}" if prefix_roots else src.rel
        if not task.accepts(Path(src.path), options):
            plan.skipped.append((WorkItem(next_id, src.path, rel, src.size, ""),
                                 task.skip_reason(Path(src.path), options)))
            next_id += 1
            continue
        accepted.append(ItemSpec(src.path, rel, src.size))
    read_only: dict[str, str] = {}
    limits: dict[str, int] = {}
    out_text = str(out)
    for spec in task.group(accepted, options):
        output, reason = "", None
        if task.writes_output:
            sub, _, name = task.output_name(PurePosixPath(spec.rel), options).as_posix().rpartition("/")
            if naming.next_to_source:
                folder = os.path.dirname(spec.source if os.path.isabs(spec.source) else os.path.abspath(spec.source))
            else:
                folder = os.path.join(out_text, sub.replace("/", os.sep)) if sub else out_text
            if maker is not None:
                name, reason = _templated(maker, spec.source, name, folder, limits)
            if not reason and naming.next_to_source:
                reason = _read_only_reason(folder, read_only) or None
            if not reason:
                output, reason = namer.choose(folder, name)
        item = WorkItem(next_id, spec.source, spec.rel, spec.size, output, spec.inputs)
        next_id += 1
        if reason:
            plan.skipped.append((item, reason))
        else:
            plan.items.append(item)
    return plan


def _templated(maker: NameMaker, source: str, name: str, folder: str, limits: dict[str, int]) -> tuple[str, str]:
    """(the templated output name, "") or ("", why the source is not run)."""
    name, why = maker.name(source, name)
    if why:
        return "", f"the name template cannot name it: {why}"
    if folder not in limits:
        limits[folder] = name_max(Path(folder))
    problem = name_problem(name, limits[folder])
    if problem:
        return "", f"the name template {maker.template!r} {problem} for it"
    return name, ""
