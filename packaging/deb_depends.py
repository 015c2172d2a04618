"""The Debian packages a frozen bundle needs: every system library its ELF files load.

The bundle ships the libraries that come inside wheels (Qt, FFmpeg, pdfium, ...) but not the
distribution's own (X11, xcb, GL, fontconfig, glib, ...): see bundle_filter.py. This walks
every ELF file in the bundle, asks ``ldd`` where each needed library comes from, and maps the
ones outside the bundle to their packages with ``dpkg-query -S``, like dpkg-shlibdeps would.
A library that cannot be found is an error: the package would not start where it is missing.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

_LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")
_NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")
_GLIBC = re.compile(r"\bGLIBC_(\d+)\.(\d+)\b")


class DependencyError(RuntimeError):
    pass


@dataclass
class SystemLibraries:
    """Libraries the bundle links to directly from the system: soname -> path, who needs
    them, and libraries (direct or not) the loader cannot find; plus the newest glibc
    symbol version asked for."""

    paths: dict[str, str] = field(default_factory=dict)
    needed_by: dict[str, set[str]] = field(default_factory=dict)
    missing: dict[str, set[str]] = field(default_factory=dict)
    glibc: tuple[int, int] = (2, 17)


def elf_files(root: Path) -> Iterator[Path]:
    """Regular files under ``root`` that are ELF objects (executables, libraries, modules)."""
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder, name)
            if path.is_symlink():
                continue
            with path.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    yield path


@dataclass(frozen=True)
class _Links:
    resolved: list[tuple[str, str]]  # every library the loader maps in, and where from
    needed: list[str]  # what the file itself names (DT_NEEDED)
    glibc: tuple[int, int]


def _links(path: Path) -> _Links:
    ldd = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False).stdout
    elf = subprocess.run(["readelf", "--dynamic", "--version-info", "--wide", str(path)],
                         capture_output=True, text=True, check=False).stdout
    versions = [(int(a), int(b)) for a, b in _GLIBC.findall(elf)]
    return _Links([(m.group(1), m.group(2)) for m in map(_LDD_LINE.match, ldd.splitlines()) if m],
                  _NEEDED.findall(elf), max(versions, default=(2, 17)))


def system_libraries(root: Path, files: Iterable[Path] | None = None) -> SystemLibraries:
    """What the ELF files under ``root`` link to from outside ``root``, or cannot find at all.

    Only direct links count for Depends (the libraries' own packages bring the rest, as with
    dpkg-shlibdeps); a missing library anywhere in the chain is reported.
    """
    inside = os.path.realpath(root) + os.sep
    files = list(elf_files(root) if files is None else files)
    found = SystemLibraries()
    with ThreadPoolExecutor(max_workers=4) as pool:
        for path, links in zip(files, pool.map(_links, files), strict=True):
            rel = str(path.relative_to(root))
            found.glibc = max(found.glibc, links.glibc)
            direct = set(links.needed)
            for soname, where in links.resolved:
                if where == "not found":
                    found.missing.setdefault(soname, set()).add(rel)
                elif soname in direct and not os.path.realpath(where).startswith(inside):
                    found.paths.setdefault(soname, where)
                    found.needed_by.setdefault(soname, set()).add(rel)
    return found


def _usrmerge_twin(path: str) -> str:
    # Debian 12 has /lib -> /usr/lib, but each package records the path it ships.
    return path[4:] if path.startswith("/usr/") else "/usr" + path


def owning_packages(paths: Iterable[str]) -> dict[str, str]:
    """path -> the package that installed it (without ``:arch``); unknown paths are left out."""
    wanted = sorted(set(paths))
    candidates = {p: [p, _usrmerge_twin(p), os.path.realpath(p), _usrmerge_twin(os.path.realpath(p))]
                  for p in wanted}
    queries = sorted({c for cs in candidates.values() for c in cs})
    result = subprocess.run(["dpkg-query", "-S", *queries], capture_output=True, text=True, check=False)
    owner: dict[str, str] = {}
    for line in result.stdout.splitlines():
        packages, sep, where = line.partition(": ")
        if sep and not packages.startswith("diversion by"):
            owner.setdefault(where.strip(), packages.split(",")[0].strip().split(":")[0])
    out = {}
    for path, tries in candidates.items():
        for candidate in tries:
            if candidate in owner:
                out[path] = owner[candidate]
                break
    return out


def debian_depends(root: Path) -> list[str]:
    """The Depends entries for a bundle under ``root``, sorted; raises if a library is missing."""
    libs = system_libraries(root)
    if libs.missing:
        lines = [f"  {soname} (needed by {', '.join(sorted(users)[:3])})" for soname, users in
                 sorted(libs.missing.items())]
        raise DependencyError("libraries the bundle needs are not installed on this machine, so their "
                              "packages cannot be named; install them and build again:\n" + "\n".join(lines))
    owners = owning_packages(libs.paths.values())
    unowned = sorted(soname for soname, path in libs.paths.items() if path not in owners)
    if unowned:
        raise DependencyError("no installed package provides these libraries the bundle loads "
                              f"(built against a library outside the package manager?): {', '.join(unowned)}")
    packages = set(owners.values())
    depends = sorted(packages - {"libc6"})
    if "libc6" in packages:
        major, minor = libs.glibc
        depends.append(f"libc6 (>= {major}.{minor})")
    return sorted(depends)
