"""Writing archives (.zip, .tar.gz, .tar.xz, .tar.zst; .7z is in :mod:`archive_7z`); checking them is in
:mod:`archive_verify`.

Each source is read once, exactly as big as it was when opened: a file that shrinks or
changes meanwhile fails the archive instead of slipping in half-written. The CRC of every
member is taken while writing, so verification compares what is in the archive with what
was read from the disk, not only with what the archive says about itself.
"""

from __future__ import annotations

import functools
import io
import os
import stat
import struct
import sys
import tarfile
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple, Protocol, cast

from workers.task import ItemError
from workers.tasks.archive_formats import (
    CHUNK,
    TAR_CHUNK,
    ArchiveFormat,
    ZipMethod,
    open_compressed_writer,
    resolve_level,
)


class TarCheck(Protocol):
    """Reads a tar back while it is written (workers/tasks/archive_verify.py has the real one)."""

    def tee(self, sink: Any) -> Any: ...
    def end(self) -> None: ...

Progress = Callable[[int, str], None]  # (bytes just read, member name)


class Written(NamedTuple):
    """A member as it went into the archive."""

    name: str
    size: int
    crc: int


class SourceReader:
    """Reads one source file for an archive, exactly as big as it was when it was opened."""

    def __init__(self, path: str, shown: str, progress: Progress) -> None:
        self.shown = shown
        self.progress = progress
        try:
            self.file = open(path, "rb")  # noqa: SIM115 - closed by close()
        except FileNotFoundError:
            raise ItemError(f"{shown} disappeared before it could be archived; run again") from None
        except OSError as exc:
            raise ItemError(f"{shown} cannot be read ({exc.strerror}); check its permissions "
                            "or leave it out") from None
        self.stat = os.fstat(self.file.fileno())
        self.size = self.stat.st_size
        self.left = self.size
        self.crc = 0

    def read(self, n: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        n = self.left if n < 0 else min(n, self.left)
        try:
            data = self.file.read(n)
        except OSError as exc:
            raise ItemError(f"{self.shown} could not be read ({exc.strerror})") from None
        if not data:
            raise ItemError(f"{self.shown} shrank while it was being archived; run again when "
                            "nothing is writing to it")
        self.left -= len(data)
        self.crc = zlib.crc32(data, self.crc)
        self.progress(len(data), self.shown)
        return data

    def close(self) -> None:
        """Close the file; raise if it changed while it was read."""
        after = os.fstat(self.file.fileno())
        self.file.close()
        if after.st_size != self.size or after.st_mtime_ns != self.stat.st_mtime_ns:
            raise ItemError(f"{self.shown} changed while it was being archived; run again when "
                            "nothing is writing to it")

    def __enter__(self) -> SourceReader:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.close()
        else:
            self.file.close()


def zip_name(name: str) -> str:
    """A member name every unzip shows: bytes that were not UTF-8 are read as Latin-1."""
    # Names that are not valid UTF-8 reach us as lone surrogates (U+DC80..U+DCFF), which
    # zipfile cannot encode; mapping each such byte to its Latin-1 letter keeps the name
    # readable ("caf\xe9" is almost always a Latin-1 or CP1252 "café").
    if not any(0xDC80 <= ord(c) <= 0xDCFF for c in name):
        return name
    return "".join(chr(ord(c) - 0xDC00) if 0xDC80 <= ord(c) <= 0xDCFF else c for c in name)


def unique_names(names: Iterable[str]) -> list[str]:
    """The names with later duplicates renamed "x (2).txt", so no member hides another."""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, n = name, 1
        while candidate in seen:
            n += 1
            head, slash, tail = name.rpartition("/")
            stem, dot, ext = tail.partition(".")
            if not stem:  # a dot-file
                stem, dot, ext = tail, "", ""
            candidate = f"{head}{slash}{stem} ({n}){dot}{ext}"
        seen.add(candidate)
        out.append(candidate)
    return out


def _dos_time(mtime: float) -> tuple[int, int, int, int, int, int]:
    t = time.localtime(mtime)[:6]
    if t[0] < 1980:
        return (1980, 1, 1, 0, 0, 0)
    if t[0] > 2107:
        return (2107, 12, 31, 23, 59, 58)
    return t


def _mtime_extra(mtime: float) -> bytes:
    """The "UT" extra field: exact seconds, where the DOS time only keeps every other second."""
    seconds = int(mtime)
    if not -(2**31) <= seconds < 2**31:
        return b""
    return struct.pack("<HHBi", 0x5455, 5, 1, seconds)


_ZIP_METHODS = {
    ZipMethod.DEFLATE: zipfile.ZIP_DEFLATED,
    ZipMethod.BZIP2: zipfile.ZIP_BZIP2,
    ZipMethod.LZMA: zipfile.ZIP_LZMA,
    ZipMethod.STORED: zipfile.ZIP_STORED,
}


def write_zip(target: Path, members: Sequence[tuple[str, str]], method: ZipMethod, level: int,
              progress: Progress, password: str = "") -> list[Written]:
    """Write ``members`` ((source path, member name), ...) into a new .zip at ``target``; with a
    ``password``, every member is encrypted with WinZip AES-256."""
    compression = _ZIP_METHODS[method]
    leveled = method in (ZipMethod.DEFLATE, ZipMethod.BZIP2)
    compresslevel = resolve_level(method.value, level) if leveled else None
    written = []
    zf, info_type = _open_zip_writer(target, compression, password)
    with zf:
        for (path, shown), name in zip(members, unique_names(zip_name(m) for _, m in members), strict=True):
            with SourceReader(path, shown, progress) as src:
                info = info_type(name, _dos_time(src.stat.st_mtime))
                info.compress_type = compression
                # zipfile takes a per-member level only from this attribute (3.13 keeps it
                # as an alias of compress_level).
                info._compresslevel = compresslevel  # type: ignore[attr-defined]
                info.external_attr = (stat.S_IFREG | stat.S_IMODE(src.stat.st_mode)) << 16
                info.extra = _mtime_extra(src.stat.st_mtime)
                # Known up front, so zipfile writes zip64 headers for members that need them.
                info.file_size = src.size
                with zf.open(info, "w") as out:
                    while chunk := src.read(CHUNK):
                        out.write(chunk)
            written.append(Written(name, src.size, src.crc))
    return written


def _open_zip_writer(target: Path, compression: int, password: str) -> tuple[zipfile.ZipFile, type[zipfile.ZipInfo]]:
    """The writer, and the class of the member entries it takes."""
    if not password:
        return zipfile.ZipFile(target, "w", compression=compression, allowZip64=True), zipfile.ZipInfo
    # Imported here: a worker that writes no encrypted zip never loads the crypto library.
    from workers.tasks.archive_crypto import aes_zip_writer

    return aes_zip_writer(target, compression, password)


def _ustar_header(name: str, mode: int, uid: int, gid: int, size: int, mtime: int) -> bytes | None:
    """A plain ustar header built directly, or None when the member needs tarfile's extensions.

    tarfile's own header code costs ~20x more, which shows with thousands of small files.
    """
    if len(name) > 100 or not name.isascii() or size >= 8**11 or not 0 <= mtime < 8**11 \
            or uid >= 8**7 or gid >= 8**7:
        return None
    head = b"".join((
        name.encode("ascii").ljust(100, b"\0"),
        b"%07o\0%07o\0%07o\0%011o\0%011o\0" % (mode, uid, gid, size, mtime),
        b" " * 8,  # the checksum counts its own field as spaces
        b"0",  # a regular file
        bytes(100),  # link name
        b"ustar\x0000",
        bytes(32 + 32 + 8 + 8 + 155 + 12),  # owner and group names, device numbers, prefix, padding
    ))
    return head[:148] + b"%06o\0 " % sum(head) + head[156:]


class EarlyWriteback(io.RawIOBase):
    """Writes to ``file`` and has the kernel start putting every few MB on the disk as it goes,
    so the fsync that makes the archive durable has little left to wait for.

    Linux only (``sync_file_range``); elsewhere it just writes. Failures are left to the fsync.
    """

    EVERY = 8 << 20

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.written = self.started = 0
        self._start = _writeback_call()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.file.write(data)  # a buffered file writes everything or raises
        self.written += len(data)
        if self.written - self.started >= self.EVERY:
            self.start()
        return len(data)

    def start(self) -> None:
        """Start the writeback of what was written since the last start (call it after the last write too)."""
        if self._start is not None and self.written > self.started:
            self.file.flush()
            self._start(self.file.fileno(), self.started)
            self.started = self.written


_SYNC_FILE_RANGE_WRITE = 2


@functools.cache
def _writeback_call() -> Callable[[int, int], object] | None:
    """``start(fd, offset)``: begin writing a file's dirty pages from ``offset`` on (None if unsupported)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        call = ctypes.CDLL(None, use_errno=True).sync_file_range
    except (ImportError, OSError, AttributeError):
        return None
    call.argtypes = (ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint)
    call.restype = ctypes.c_int
    return lambda fd, offset: call(fd, offset, 0, _SYNC_FILE_RANGE_WRITE)  # 0 bytes: up to the end


# A .tar.zst's frames hold at least this much: ending a frame lets the compressor's threads run
# dry (it waits for all of them), so on many cores a small archive stays in fewer frames.
FRAME_MIN = 64 << 20


def write_tar(target: Path, members: Sequence[tuple[str, str]], fmt: ArchiveFormat, level: int,
              threads: int, progress: Progress, check: TarCheck | None = None) -> list[Written]:
    """Write ``members`` into a new compressed tar at ``target``; ``check`` reads it back meanwhile.

    A .tar.zst written with several ``threads`` is cut into as many zstd frames (fewer when they
    would hold less than FRAME_MIN), each ending after a member, so it can be read back on every
    core (see :func:`workers.tasks.archive_verify.verify_tar_zst`).
    """
    with open(target, "wb") as raw:
        early = EarlyWriteback(raw)
        sink = cast(IO[bytes], early)
        if check:
            sink = cast(IO[bytes], check.tee(sink))
        try:
            out = open_compressed_writer(sink, fmt, level, threads)
            try:
                end_frame = None
                frame_bytes = 0
                if fmt is ArchiveFormat.TAR_ZST and threads > 1:
                    import zstandard

                    # A zstandard writer's flush takes what to flush up to; IO's does not say so.
                    end_frame = functools.partial(cast(Any, out).flush, zstandard.FLUSH_FRAME)
                    frame_bytes = max(_input_size(members) // threads + 1, FRAME_MIN)
                written = _write_tar_stream(out, members, progress, end_frame, frame_bytes)
            finally:
                out.close()
        finally:
            if check:
                check.end()  # also after an error: the checking thread stops
        early.start()  # the last few MB go to the disk while the archive is checked
    return written


def _input_size(members: Sequence[tuple[str, str]]) -> int:
    """The sources' bytes as they are now (one that cannot be read counts as empty: reading it fails later)."""
    total = 0
    for path, _ in members:
        try:
            total += os.stat(path).st_size
        except OSError:
            pass
    return total


def _write_tar_stream(out: IO[bytes], members: Sequence[tuple[str, str]], progress: Progress,
                      end_frame: Callable[[], object] | None = None, frame_bytes: int = 0) -> list[Written]:
    """Write the tar stream; ``end_frame()`` is called after the member that brings a frame to
    ``frame_bytes`` of sources (but not after the last one), so every frame starts with a member."""
    written = []
    block = tarfile.BLOCKSIZE
    total = 0
    in_frame = 0
    last = len(members) - 1
    for i, ((path, shown), name) in enumerate(zip(members, unique_names(m for _, m in members), strict=True)):
        with SourceReader(path, shown, progress) as src:
            st = src.stat
            mode, mtime = stat.S_IMODE(st.st_mode), int(st.st_mtime)  # whole seconds, as tar keeps
            header = _ustar_header(name, mode, st.st_uid, st.st_gid, src.size, mtime)
            if header is None:  # long or non-ASCII name, huge file: pax records
                info = tarfile.TarInfo(name)
                info.size, info.mtime, info.mode = src.size, mtime, mode
                info.uid, info.gid = st.st_uid, st.st_gid
                header = info.tobuf(tarfile.PAX_FORMAT, "utf-8", "surrogateescape")
            out.write(header)
            while chunk := src.read(TAR_CHUNK):
                out.write(chunk)
            pad = -src.size % block
            out.write(bytes(pad))
            total += len(header) + src.size + pad
        written.append(Written(name, src.size, src.crc))
        in_frame += src.size
        if end_frame is not None and in_frame >= frame_bytes and i < last:
            end_frame()
            in_frame = 0
    # The end: two zero blocks, then zeros up to a whole record, as tar writes it.
    total += 2 * block
    out.write(bytes(2 * block + (-total % tarfile.RECORDSIZE)))
    return written
