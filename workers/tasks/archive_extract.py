"""Safe extraction of archives into a folder of their own: the rules, and the tar reader (the zip
reader is in :mod:`archive_unzip`, the 7z one in :mod:`archive_7z`).

Nothing lands outside that folder: member names that are absolute or climb with ".." are
refused, nothing is written through a link, and links are made last and only when they
stay inside without passing through another link. Output is counted while it is written,
so a zip bomb stops at the size and ratio limits, not when the disk is full.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from workers.task import ItemError
from workers.tasks.archive_formats import (
    CHUNK,
    READ_ERRORS,
    CountingReader,
    check_zstd_frames,
    drain,
    open_decompressed,
    open_tar_reader,
)
from workers.tasks.archive_paths import Parts, Unsafe, fold, link_problem, member_parts

# Archives smaller than this count as this big for the ratio check, so a small archive of
# very compressible text is not mistaken for a bomb.
RATIO_FLOOR = 64 << 10
MAX_LINK_TARGET = 4096

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class Limits:
    """How far one archive may expand before extraction stops."""

    max_total: int  # bytes
    max_ratio: float
    max_files: int
    skip_unsafe: bool = False


@dataclass
class ExtractStats:
    files: int = 0
    folders: int = 0
    links: int = 0
    bytes: int = 0
    left_out: list[str] = field(default_factory=list)


class Damaged(Exception):
    """Reading the archive failed: it is truncated, corrupt or not what its name says."""


FAILURES: tuple[type[BaseException], ...] = (Damaged, *READ_ERRORS)


def _read(source: IO[bytes]) -> bytes:
    # Kept apart from writing, so a damaged archive and a full disk get different reasons.
    try:
        return source.read(CHUNK)
    except READ_ERRORS as exc:
        raise Damaged(f"{type(exc).__name__}: {exc}" if not str(exc) else str(exc)) from None


def _file_mode(mode: int) -> int:
    # No set-id bits, nothing writable by others; archives made on Windows carry no mode.
    return (mode & 0o755) | 0o600 if mode & 0o777 else 0o644


class Extractor:
    """Writes the members of one archive under ``dest``, enforcing the limits and the rules."""

    def __init__(self, dest: Path, shown: str, archive_size: int, limits: Limits) -> None:
        self.dest = dest
        self.shown = shown
        self.limits = limits
        self.allowance = max(archive_size, RATIO_FLOOR) * limits.max_ratio
        self.members = 0
        self.kinds: dict[Parts, str] = {}  # "file" | "dir" | "link" for each path claimed
        self.links: dict[Parts, tuple[str, str]] = {}  # parts -> (target, member name)
        self.dirs: dict[Parts, tuple[int, float | None]] = {}
        self.written: list[Path] = []  # files to flush to disk before the folder is renamed into place
        self.stats = ExtractStats()

    # -- rules ------------------------------------------------------------------------------
    def refuse(self, name: str, why: str) -> None:
        """Leave a member out (skip_unsafe) or fail the whole archive."""
        if self.limits.skip_unsafe:
            self.stats.left_out.append(f"{name} {why}")
            return
        raise ItemError(f"{self.shown}: the member {name!r} {why}; nothing was extracted. The archive "
                        "may be malicious; turn on skip_unsafe to extract only the safe members")

    def count_member(self, n: int = 1) -> None:
        self.members += n
        if self.members > self.limits.max_files:
            raise ItemError(f"{self.shown} has more than {self.limits.max_files} members (the max_files "
                            "limit); nothing was extracted. If you trust it, raise the limit")

    def check_declared(self, total: int) -> None:
        """Refuse up front when the archive itself says it is too big."""
        if total > self.allowance:
            self._bomb(total)
        if total > self.limits.max_total:
            raise ItemError(f"{self.shown} would unpack to {total / 2**20:.0f} MB, over the "
                            f"{self.limits.max_total / 2**20:.0f} MB limit (max_total_mb); nothing was "
                            "extracted. If you trust it, raise the limit")

    def _bomb(self, written: float) -> None:
        raise ItemError(f"{self.shown} expands to over {self.limits.max_ratio:g} times its size "
                        f"({written / 2**20:.1f} MB so far); it looks like a zip bomb, so extraction "
                        "stopped and nothing was kept. If you trust it, raise max_ratio")

    def _account(self, n: int) -> None:
        written = self.stats.bytes = self.stats.bytes + n
        if written > self.allowance:
            self._bomb(written)
        if written > self.limits.max_total:
            raise ItemError(f"{self.shown} unpacks to more than {self.limits.max_total / 2**20:.0f} MB "
                            "(the max_total_mb limit); extraction stopped and nothing was kept. If "
                            "you trust it, raise the limit")

    def claim(self, name: str, kind: str) -> Parts | None:
        """The member's path if it may be written as ``kind``; None when it is left out.

        Nothing is written: a reader that knows every member up front (7z) claims them all first."""
        try:
            parts = member_parts(name)
        except Unsafe as exc:
            self.refuse(name, str(exc))
            return None
        if not parts:
            return None  # "./" and the like: the destination itself
        for i in range(1, len(parts)):
            above = self.kinds.setdefault(parts[:i], "dir")
            if above == "link":
                self.refuse(name, f"would be written through the link {'/'.join(parts[:i])!r}")
                return None
            if above != "dir":
                raise ItemError(f"{self.shown} is inconsistent: {name!r} lies inside "
                                f"{'/'.join(parts[:i])!r}, which is a file; nothing was extracted")
        old = self.kinds.get(parts)
        if old is not None and old != kind:
            if "link" in (old, kind):
                self.refuse(name, f"is a {kind} where the archive also has a {old} of that name")
                return None
            raise ItemError(f"{self.shown} is inconsistent: {name!r} is both a file and a folder; "
                            "nothing was extracted")
        self.kinds[parts] = kind
        return parts

    def _path(self, parts: Parts) -> Path:
        path = self.dest.joinpath(*parts)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)  # no links exist yet: they come last
        except OSError as exc:
            raise ItemError(f"could not create the folder for {'/'.join(parts)} ({exc.strerror})") from None
        return path

    # -- members ----------------------------------------------------------------------------
    def add_file(self, name: str, source: IO[bytes], mode: int, mtime: float | None) -> None:
        parts = self.claim(name, "file")
        if parts is None:
            return
        out = self.open_file(parts, mode, mtime)
        try:
            while chunk := _read(source):
                out.write(chunk)
        except BaseException:
            out.abort()
            raise
        out.close()

    def open_file(self, parts: Parts, mode: int, mtime: float | None) -> FileOut:
        """A claimed file, opened to be written chunk by chunk (counted against the limits)."""
        path = self._path(parts)
        try:
            if os.path.lexists(path):
                os.unlink(path)  # a later member of the same name wins, as tar does
            return FileOut(self, parts, path, open(path, "xb"), mode, mtime)
        except OSError as exc:
            raise ItemError(f"could not write {'/'.join(parts)} ({exc.strerror or exc})") from None

    def add_dir(self, name: str, mode: int, mtime: float | None) -> None:
        parts = self.claim(name, "dir")
        if parts is not None:
            self.make_dir(parts, mode, mtime)

    def make_dir(self, parts: Parts, mode: int, mtime: float | None) -> None:
        path = self._path(parts)
        try:
            path.mkdir(exist_ok=True)
        except OSError as exc:
            raise ItemError(f"could not create the folder {'/'.join(parts)} ({exc.strerror})") from None
        if parts not in self.dirs:
            self.stats.folders += 1
        self.dirs[parts] = ((mode & 0o755) | 0o700, mtime)

    def add_symlink(self, name: str, target: str) -> None:
        parts = self.claim(name, "link")
        if parts is not None:
            self.link(parts, target, name)

    def link(self, parts: Parts, target: str, name: str) -> None:
        """A claimed link: made by :meth:`finish`, once every path is known and its target checked."""
        self.links[parts] = (target, name)

    def add_hardlink(self, name: str, target_name: str) -> None:
        try:
            target = member_parts(target_name)
        except Unsafe:
            self.refuse(name, f"is a hard link to {target_name!r}, outside the archive")
            return
        if self.kinds.get(target) != "file":
            self.refuse(name, f"is a hard link to {target_name!r}, which is not a file extracted before it")
            return
        parts = self.claim(name, "file")
        if parts is None:
            return
        path = self._path(parts)
        source = self.dest.joinpath(*target)
        try:
            if os.path.lexists(path):
                os.unlink(path)
            try:
                os.link(source, path)
            except OSError:  # file systems without hard links get a copy
                self._account(source.stat().st_size)
                shutil.copy2(source, path)
        except OSError as exc:
            raise ItemError(f"could not write {'/'.join(parts)} ({exc.strerror})") from None
        self.written.append(path)
        self.stats.files += 1

    def leave_out(self, name: str, why: str) -> None:
        self.stats.left_out.append(f"{name} {why}")

    def finish(self) -> ExtractStats:
        """Make the links (now that every path is known) and give folders their modes and times."""
        link_paths = {fold(p) for p in self.links}
        for parts, (target, name) in self.links.items():
            problem = link_problem(parts, target, link_paths)
            if problem:
                self.refuse(name, problem)
                continue
            path = self._path(parts)
            # Checked on the disk too: on a case-insensitive file system "a/b" can run through a link "A".
            if any(os.path.islink(self.dest.joinpath(*parts[:i])) for i in range(1, len(parts))):
                self.refuse(name, "would be made inside another link")
                continue
            try:
                os.symlink(target, path)
            except OSError as exc:
                self.leave_out(name, f"is a link that could not be made here ({exc.strerror})")
                continue
            self.stats.links += 1
        for parts in sorted(self.dirs, key=len, reverse=True):  # children first: they touch mtimes
            mode, mtime = self.dirs[parts]
            path = self.dest.joinpath(*parts)
            os.chmod(path, mode)
            if mtime is not None:
                os.utime(path, (mtime, mtime))
        folders = [self.dest.joinpath(*p) for p, kind in self.kinds.items() if kind == "dir"]
        _flush(self.written, [*folders, self.dest])
        return self.stats


class FileOut:
    """A member being written: each chunk is counted against the limits, then written."""

    def __init__(self, ex: Extractor, parts: Parts, path: Path, file: IO[bytes], mode: int,
                 mtime: float | None) -> None:
        self.ex, self.parts, self.path, self.file, self.mode, self.mtime = ex, parts, path, file, mode, mtime

    def write(self, chunk: bytes) -> None:
        self.ex._account(len(chunk))
        try:
            self.file.write(chunk)
        except OSError as exc:
            self.file.close()
            raise ItemError(f"could not write {'/'.join(self.parts)} ({exc.strerror or exc})") from None

    def close(self) -> None:
        """The member is complete: close it and give it its mode and time."""
        try:
            self.file.close()
            os.chmod(self.path, _file_mode(self.mode))
            if self.mtime is not None:
                os.utime(self.path, (self.mtime, self.mtime))
        except OSError as exc:
            raise ItemError(f"could not write {'/'.join(self.parts)} ({exc.strerror or exc})") from None
        self.ex.written.append(self.path)
        self.ex.stats.files += 1

    def abort(self) -> None:
        """Reading the member failed: close the file (the whole folder goes away)."""
        self.file.close()


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # a folder cannot be opened on Windows; its entries are safe there anyway
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on folders
    finally:
        os.close(fd)


def _flush(files: list[Path], folders: list[Path]) -> None:
    """Make the extracted files durable, so a folder renamed into place is complete after a crash."""
    # Many fsyncs at once let the file system commit them together: on a journalled disk
    # 500 small files took 0.24 s this way against 1.5-3 s one after another.
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(_fsync, files))
        list(pool.map(_fsync, folders))


# -- readers --------------------------------------------------------------------------------


def extract_tar(path: Path, kind: str, ex: Extractor, progress: Progress) -> None:
    """Extract a tar (plain, or compressed as ``kind``: gz, xz, bz2, zst) through ``ex``."""
    size = path.stat().st_size or 1
    try:
        if kind == "zst":
            check_zstd_frames(path)
        with open(path, "rb") as raw:
            counter = CountingReader(raw)
            stream = open_decompressed(counter, kind)  # type: ignore[arg-type]
            tf, end = open_tar_reader(stream)
            with tf:
                for info in tf:
                    ex.count_member()
                    name = info.name
                    if info.isreg():
                        member = tf.extractfile(info)
                        assert member is not None  # a regular file always has data
                        ex.add_file(name, member, info.mode, info.mtime)
                    elif info.isdir():
                        ex.add_dir(name, info.mode, info.mtime)
                    elif info.issym():
                        ex.add_symlink(name, info.linkname)
                    elif info.islnk():
                        ex.add_hardlink(name, info.linkname)
                    else:
                        ex.leave_out(name, "is a device or pipe, which is not extracted")
                    progress(counter.count / size, name)
            end.check()
            drain(stream)  # the compressor's own check (gzip CRC, xz check)
    except FAILURES as exc:
        raise ItemError(f"{ex.shown} is damaged or truncated ({exc}); nothing was extracted") from None
