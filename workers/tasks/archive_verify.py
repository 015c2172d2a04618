"""Checking written archives: a .zip (and a .7z, in :mod:`archive_7z`) is read back from the
disk; a compressed tar is read back while it is written, or (a .tar.zst made with several threads)
from the disk afterwards, its frames on every core.

A tar's compressed bytes pass through a :class:`TarCheck` on their way to the file: a second
thread decompresses them (gzip CRC, xz check, zstd frame checksums), walks the tar members and
takes their CRCs. The decompressors and ``zlib.crc32`` let go of the GIL, so where a core is
free the check adds next to no time to the writing. It also keeps the CRC of the compressed
bytes; after writing, the file is read once more and must hold exactly those bytes, so what is
on the disk is what was checked. Members are compared with what was read from the sources, not
only with what the archive says about itself.

A .tar.zst compressed on several threads already keeps every core busy, so a check alongside
only takes turns with the compressor and both run slower (on 2 cores and 260 MB: ~1.8 CPU
seconds together against ~1.5-1.7 one after the other). That archive is read back once it is
written instead: its writer cut it into one zstd frame per thread, each starting with a member,
and :func:`verify_tar_zst` decompresses the frames in parallel from the file itself, so what was
checked is what is on the disk.
"""

from __future__ import annotations

import io
import os
import queue
import tarfile
import threading
import zipfile
import zlib
from pathlib import Path
from typing import IO, Any, cast

from workers.tasks.archive_formats import (
    CHUNK,
    READ_ERRORS,
    TAR_CHUNK,
    ArchiveFormat,
    StreamDamaged,
    ZstdReader,
    check_zstd_frames,
    drain,
    open_decompressed,
)
from workers.tasks.archive_write import Progress, Written

# Compressed chunks (about 128 KB each from zstd) the writer may run ahead of the reader.
QUEUED = 64


class VerifyError(Exception):
    """The archive read back differs from what was written."""


def compare(expected: list[Written], found: list[Written]) -> None:
    """Raise VerifyError when the members ``found`` in an archive are not those ``expected``."""
    for want, got in zip(expected, found, strict=False):
        if want.name != got.name:
            raise VerifyError(f"member {want.name!r} reads back as {got.name!r}")
        if want.size != got.size:
            raise VerifyError(f"{want.name} has {got.size} bytes instead of {want.size}")
        if want.crc != got.crc:
            raise VerifyError(f"{want.name} reads back with different content (CRC mismatch)")
    if len(expected) != len(found):
        raise VerifyError(f"it holds {len(found)} members instead of {len(expected)}")


def verify_zip(target: Path, expected: list[Written], progress: Progress, password: str = "") -> None:
    """Read every member of a .zip back; raise VerifyError when anything differs.

    With a ``password`` every member must be WinZip AES-256: it is decrypted (its HMAC checked)
    and its CRC taken from the plain bytes, since AES members store no CRC of their own.
    """
    errors = READ_ERRORS
    if password:
        from workers.tasks.archive_crypto import encrypted_zip_errors, open_encrypted_zip

        errors = (*READ_ERRORS, *encrypted_zip_errors(), RuntimeError)
    found = []
    try:
        with open_encrypted_zip(target, password) if password else zipfile.ZipFile(target) as zf:
            for info in zf.infolist():
                if password:
                    _check_encrypted(info)
                crc = 0
                with zf.open(info) as member:  # zipfile checks the stored CRC (pyzipper the HMAC) at the end
                    while chunk := member.read(CHUNK):
                        crc = zlib.crc32(chunk, crc)
                        progress(len(chunk), info.filename)
                found.append(Written(info.filename, info.file_size, crc))
    except errors as exc:
        raise VerifyError(f"{type(exc).__name__}: {exc}") from None
    compare(expected, found)


def verify_7z(target: Path, expected: list[Written], progress: Progress, password: str = "") -> None:
    """Read every member of a .7z back (decrypting it); raise VerifyError when anything differs.

    With a ``password`` the archive must not open without it, names included."""
    from workers.tasks.archive_7z import read_back_7z

    try:
        found = read_back_7z(target, progress, password)
    except Exception as exc:  # py7zr meets damage with its own errors, lzma's, TypeError, KeyError, ...
        raise VerifyError(f"{type(exc).__name__}: {exc}") from None
    compare(expected, found)


def _check_encrypted(info: zipfile.ZipInfo) -> None:
    from workers.tasks.archive_crypto import aes_strength

    if not info.flag_bits & 0x1 or aes_strength(info) != 256:
        raise VerifyError(f"{info.filename} is not encrypted with AES-256")


def read_tar_members(stream: IO[bytes], whole: bool = True) -> list[Written]:
    """Every member of the tar ``stream`` (already decompressed), read to the end of the stream.

    ``whole=False``: the stream is a piece of a tar that ends right after a member, without the
    tar's end marker.

    A lean walk over the blocks rather than tarfile's stream mode, which costs as much as the
    decompression: each header is still parsed by ``tarfile.TarInfo.frombuf`` (so its checksum
    is checked), pax records are read for the names and sizes they carry, and the data is CRC'd
    where it lies. Raises one of READ_ERRORS when the tar or the compression around it is damaged.
    """
    blocks = _Blocks(stream)
    found = []
    pax: dict[str, str] = {}
    while True:
        header = blocks.exactly(tarfile.BLOCKSIZE)
        if not header and not whole and not pax:
            break
        if len(header) < tarfile.BLOCKSIZE:
            raise StreamDamaged("the tar data stops before its end marker (truncated or damaged)")
        if header.count(0) == tarfile.BLOCKSIZE:
            if not whole:
                raise StreamDamaged("the tar's end marker is in the middle of the archive")
            break
        info = tarfile.TarInfo.frombuf(header, "utf-8", "surrogateescape")
        size = int(pax.get("size", info.size))
        if info.type == tarfile.XHDTYPE:  # pax records for the member that follows
            pax = _pax_records(blocks.exactly(size))
            blocks.skip(-size % tarfile.BLOCKSIZE)
            continue
        crc = 0
        if info.isreg():
            left = size
            while left:
                piece = blocks.take(left)
                if not piece:
                    raise StreamDamaged(f"the tar data stops inside {info.name} (truncated or damaged)")
                crc = zlib.crc32(piece, crc)
                left -= len(piece)
        else:
            blocks.skip(size)
        blocks.skip(-size % tarfile.BLOCKSIZE)
        found.append(Written(pax.get("path", info.name), size, crc))
        pax = {}
    drain(stream)  # the compressor's own check (gzip CRC, xz check, zstd checksum)
    return found


def _pax_records(data: bytes) -> dict[str, str]:
    """The "<length> <key>=<value>\\n" records of a pax header (values may hold any bytes)."""
    records = {}
    pos = 0
    while pos < len(data) and data[pos]:
        length, space, _ = data[pos:pos + 20].partition(b" ")
        end = pos + int(length) if length.isdigit() and space else -1
        if not pos < end <= len(data) or data[end - 1] != 0x0A:
            raise StreamDamaged("a pax header of the tar is damaged")
        key, eq, value = data[pos + len(length) + 1:end - 1].partition(b"=")
        if not eq:
            raise StreamDamaged("a pax header of the tar is damaged")
        records[key.decode("utf-8", "surrogateescape")] = value.decode("utf-8", "surrogateescape")
        pos = end
    return records


class _Blocks:
    """A stream read in pieces of TAR_CHUNK into one buffer, handed out as views of it."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.buffer = bytearray(TAR_CHUNK)
        self.view = memoryview(self.buffer)
        self.start = self.end = 0

    def take(self, n: int) -> memoryview:
        """Up to ``n`` bytes (empty only at the end); valid until the next call."""
        if self.start == self.end:
            self.start, self.end = 0, self.stream.readinto(self.view) or 0  # type: ignore[attr-defined]
        piece = self.view[self.start:min(self.end, self.start + n)]
        self.start += len(piece)
        return piece

    def exactly(self, n: int) -> bytes:
        """``n`` bytes, or fewer when the stream ends first."""
        parts = []
        while n and (piece := self.take(n)):
            parts.append(bytes(piece))
            n -= len(piece)
        return b"".join(parts)

    def skip(self, n: int) -> None:
        while n and (piece := self.take(n)):
            n -= len(piece)


class _Pipe(io.RawIOBase):
    """The compressed bytes on their way to the file, as a stream the reading thread reads."""

    def __init__(self) -> None:
        self.chunks: queue.Queue[bytes | None] = queue.Queue(QUEUED)
        self.ended = False
        self.size = 0
        self.crc = 0
        self._chunk = memoryview(b"")
        self._pos = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if self._pos >= len(self._chunk):
            if self.ended:
                return b""
            chunk = self.chunks.get()
            if chunk is None:
                self.ended = True
                return b""
            self.size += len(chunk)
            self.crc = zlib.crc32(chunk, self.crc)
            self._chunk, self._pos = memoryview(chunk), 0
            if size is None or size < 0 or size >= len(chunk):
                self._pos = len(chunk)
                return chunk  # the common case: a whole chunk, not copied
        end = len(self._chunk) if size is None or size < 0 else self._pos + size
        out = bytes(self._chunk[self._pos:end])
        self._pos += len(out)
        return out

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def drain(self) -> None:
        while self.read(CHUNK):
            pass


class _Tee(io.RawIOBase):
    """What the compressor writes to: the file, and the pipe to the reading thread."""

    def __init__(self, file: IO[bytes], pipe: _Pipe) -> None:
        self.file = file
        self.pipe = pipe

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.file.write(data)  # a buffered file writes everything or raises
        if len(data):  # an empty chunk would read as the end of the stream
            self.pipe.chunks.put(bytes(data))
        return len(data)


class TarCheck:
    """Verifies a compressed tar from the bytes written to it, in a thread of its own.

    The compressor writes to :meth:`tee` instead of the file; :meth:`end` follows its last byte
    (also when writing fails, so the thread stops); then :meth:`verify` checks the file.
    """

    def __init__(self, fmt: ArchiveFormat) -> None:
        self.fmt = fmt
        self.pipe = _Pipe()
        self.found: list[Written] = []
        self.error = ""
        self._thread = threading.Thread(target=self._read, name="tar-check", daemon=True)

    def tee(self, file: IO[bytes]) -> _Tee:
        """A writer that writes to ``file`` and hands every byte to the checking thread."""
        self._thread.start()
        return _Tee(file, self.pipe)

    def end(self) -> None:
        """No more bytes: the reader sees the end of the stream (call it also when writing failed)."""
        self.pipe.chunks.put(None)

    def _read(self) -> None:
        kind = {ArchiveFormat.TAR_GZ: "gz", ArchiveFormat.TAR_XZ: "xz", ArchiveFormat.TAR_ZST: "zst"}[self.fmt]
        pipe = cast(IO[bytes], self.pipe)
        try:
            # zstd without the buffered reader open_decompressed adds: the walk reads in pieces
            # of its own, and the buffer would only copy every byte once more.
            stream = cast(IO[bytes], ZstdReader(pipe)) if kind == "zst" else open_decompressed(pipe, kind)
            self.found = read_tar_members(stream)
        except READ_ERRORS as exc:
            self.error = f"{type(exc).__name__}: {exc}"
        except Exception as exc:  # a bug here must fail the archive, not pass it
            self.error = f"the check failed: {type(exc).__name__}: {exc}"
        finally:
            self.pipe.drain()  # the writer never waits on a reader that stopped early

    def verify(self, target: Path, expected: list[Written], progress: Progress) -> None:
        """Raise VerifyError unless the stream read back holds ``expected`` and ``target`` holds that stream."""
        try:
            if self.fmt is ArchiveFormat.TAR_ZST:
                check_zstd_frames(target)  # the reader says nothing of a last frame cut short
            on_disk = file_crc(target, progress)  # meanwhile the reader finishes the last chunks
        except READ_ERRORS as exc:
            raise VerifyError(f"{type(exc).__name__}: {exc}") from None
        self._thread.join()
        if self.error:
            raise VerifyError(self.error)
        compare(expected, self.found)
        if on_disk != (self.pipe.size, self.pipe.crc):
            raise VerifyError("the file on the disk differs from the bytes written to it")


def file_crc(path: Path, progress: Progress) -> tuple[int, int]:
    """Size and CRC-32 of the file at ``path`` (progress is reported without a member name)."""
    size = crc = 0
    buffer = bytearray(CHUNK)
    view = memoryview(buffer)
    with open(path, "rb", buffering=0) as f:
        while n := f.readinto(buffer):
            crc = zlib.crc32(view[:n], crc)
            size += n
            progress(n, "")
    return size, crc


def verify_tar_zst(target: Path, expected: list[Written], progress: Progress, threads: int) -> None:
    """Read a .tar.zst back from the disk, its frames shared among ``threads`` threads; raise
    VerifyError when its members are not ``expected``.

    Each thread decompresses a run of whole frames (zstd checks every frame's checksum) and walks
    the members in it, so every frame must start with a member, as :func:`write_tar` cuts them.
    One written otherwise fails here; it is never passed.
    """
    try:
        starts = check_zstd_frames(target)  # the reader says nothing of a last frame cut short
        size = target.stat().st_size
    except READ_ERRORS as exc:
        raise VerifyError(f"{type(exc).__name__}: {exc}") from None
    if not starts:
        raise VerifyError("it holds no zstd frame")
    k = max(1, min(threads, len(starts)))
    cuts = [starts[i * len(starts) // k] for i in range(k)] + [size]
    cuts[0] = 0  # whatever comes before the first frame is read too (and fails the check)
    parts = [_FramesReader(target, cuts[i], cuts[i + 1], whole=i == k - 1) for i in range(k)]
    reported = 0

    def tick() -> None:  # progress only from this thread: the other parts just count
        nonlocal reported
        done = sum(p.done for p in parts)
        progress(done - reported, "")
        reported = done

    helpers = [threading.Thread(target=p.run, name="tar-check", daemon=True) for p in parts[1:]]
    for helper in helpers:
        helper.start()
    parts[0].run(tick)
    for helper in helpers:
        helper.join()
    tick()
    for part in parts:
        if part.error:
            raise VerifyError(part.error)
    compare(expected, [w for part in parts for w in part.found])


class _FramesReader(io.RawIOBase):
    """The bytes ``start`` to ``end`` of a file, which the members in them are read from."""

    def __init__(self, path: Path, start: int, end: int, whole: bool) -> None:
        self.path = path
        self.start, self.end, self.whole = start, end, whole
        self.done = 0
        self.found: list[Written] = []
        self.error = ""
        self._fd = -1
        self._tick: Any = None

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        left = self.end - self.start - self.done
        n = left if size is None or size < 0 else min(size, left)
        if n <= 0:
            return b""
        data = os.read(self._fd, n)
        if not data:
            raise StreamDamaged("the file is shorter than it was a moment ago")
        self.done += len(data)
        if self._tick is not None:
            self._tick()
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def run(self, tick: Any = None) -> None:
        self._tick = tick
        try:
            self._fd = os.open(self.path, os.O_RDONLY)
            try:
                os.lseek(self._fd, self.start, os.SEEK_SET)
                self.found = read_tar_members(cast(IO[bytes], ZstdReader(cast(IO[bytes], self))), self.whole)
            finally:
                os.close(self._fd)
        except READ_ERRORS as exc:
            self.error = f"{type(exc).__name__}: {exc}"
        except Exception as exc:  # a bug here must fail the archive, not pass it
            self.error = f"the check failed: {type(exc).__name__}: {exc}"
