"""Archive formats shared by the zip task's writer, verifier and extractor.

Tar streams are always read through a decompressor we open ourselves (not tarfile's own
``r|gz``), because tarfile's stream mode skips the gzip CRC and zstandard's reader says
nothing when a stream is cut short: these wrappers make both of those loud.
"""

from __future__ import annotations

import bz2
import enum
import gzip
import io
import lzma
import os
import tarfile
import zipfile
import zlib
from pathlib import Path
from typing import IO, Any, Self

CHUNK = 1 << 20
# The zip task reads, CRCs and (de)compresses tar members in pieces this big, which stay in the
# CPU's cache from one step to the next (reading a tar back in 1 MB pieces cost ~15 % more CPU).
TAR_CHUNK = 1 << 17


class ArchiveFormat(enum.StrEnum):
    """The archive formats the task writes."""

    ZIP = "zip"
    TAR_GZ = "tar.gz"
    TAR_XZ = "tar.xz"
    TAR_ZST = "tar.zst"
    SEVEN_Z = "7z"

    @property
    def suffix(self) -> str:
        return "." + self.value

    @property
    def is_tar(self) -> bool:
        return self.value.startswith("tar.")

    @property
    def encrypts(self) -> bool:
        """Whether the format can hold encrypted members (tar cannot)."""
        return self in (ArchiveFormat.ZIP, ArchiveFormat.SEVEN_Z)


class ZipMethod(enum.StrEnum):
    """How members of a .zip are compressed."""

    DEFLATE = "deflate"
    BZIP2 = "bzip2"
    LZMA = "lzma"
    STORED = "stored"


# What each writer does with ``level = -1`` and the range it accepts.
_LEVELS: dict[str, tuple[int, int, int]] = {  # default, lowest, highest
    "deflate": (6, 0, 9),
    "bzip2": (9, 1, 9),
    "tar.gz": (6, 0, 9),
    "tar.xz": (6, 0, 9),
    "tar.zst": (3, 1, 22),
    "7z": (5, 0, 9),  # 7-Zip's default; 8 and 9 take several hundred MB of memory to write
}


def printable(name: str) -> str:
    """A file name fit for a message: bytes that were not UTF-8 shown as \\xNN escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def resolve_level(kind: str, level: int) -> int:
    """The level a writer uses: its default for -1, otherwise clamped into its range."""
    default, low, high = _LEVELS.get(kind, (0, 0, 0))
    return default if level < 0 else max(low, min(high, level))


# Suffixes extract mode reads, longest first so ".tar.gz" wins over ".gz".
EXTRACT_SUFFIXES = (".tar.bz2", ".tar.zst", ".tar.gz", ".tar.xz", ".tbz2", ".tzst", ".tgz", ".txz",
                    ".tbz", ".tar", ".zip", ".7z")


def archive_suffix(name: str) -> str:
    """The archive ending of ``name`` (lower case) or "" when it is not an archive we read."""
    lower = name.lower()
    for suffix in EXTRACT_SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return suffix
    return ""


_MAGIC = ((b"PK\x03\x04", "zip"), (b"PK\x05\x06", "zip"), (b"PK\x07\x08", "zip"), (b"7z\xbc\xaf\x27\x1c", "7z"),
          (b"\x1f\x8b", "gz"), (b"\xfd7zXZ\x00", "xz"), (b"\x28\xb5\x2f\xfd", "zst"), (b"BZh", "bz2"))


def sniff(path: Path) -> str:
    """What the file holds by its first bytes: zip, 7z, gz, xz, zst, bz2, tar, or "" if unknown."""
    with open(path, "rb") as f:
        head = f.read(512)
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if len(head) == 512 and head[257:262] == b"ustar":
        return "tar"
    return ""


class CountingReader(io.RawIOBase):
    """A read-only view of a file that counts the bytes taken from it (for progress)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self.raw.readinto(buffer)  # type: ignore[attr-defined]
        self.count += n or 0
        return n or 0


class ZstdReader(io.RawIOBase):
    """Decompresses zstd frames one after another (a cut-short file is caught by the frame walk)."""

    def __init__(self, raw: IO[bytes]) -> None:
        import zstandard

        self._zstd = zstandard
        self.raw = raw
        self._reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True,
                                                                  closefd=False)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            return int(self._reader.readinto(buffer))
        except self._zstd.ZstdError as exc:
            # As an OSError it is caught with the other "damaged stream" errors.
            raise OSError(f"zstd: {exc}") from None


class StreamDamaged(ValueError):
    """A compressed or tar stream is cut short or holds bytes that belong to no format."""


def check_zstd_frames(path: Path) -> list[int]:
    """Walk the zstd frames' block headers; raise StreamDamaged when the file is cut short.

    Returns where each frame that holds data starts (skippable frames are left out).
    """
    import zstandard

    fd = os.open(path, os.O_RDONLY)
    starts = []
    try:
        size = os.fstat(fd).st_size
        pos = 0
        while pos < size:
            head = os.pread(fd, 18, pos)
            magic = int.from_bytes(head[:4], "little")
            if 0x184D2A50 <= magic <= 0x184D2A5F:  # a skippable frame
                pos += 8 + int.from_bytes(head[4:8], "little")
                continue
            if magic != 0xFD2FB528:
                raise StreamDamaged(f"unexpected bytes at offset {pos} (not a zstd frame)")
            starts.append(pos)
            try:
                pos += zstandard.frame_header_size(head)
                has_checksum = zstandard.get_frame_parameters(head).has_checksum
            except zstandard.ZstdError as exc:
                raise StreamDamaged(f"bad zstd frame header at offset {pos}: {exc}") from None
            while True:
                block = os.pread(fd, 3, pos)  # only the 3-byte block headers are read
                if len(block) < 3:
                    raise StreamDamaged("the zstd stream ends in the middle of a frame")
                value = int.from_bytes(block, "little")
                kind = (value >> 1) & 3
                if kind == 3:
                    raise StreamDamaged(f"reserved zstd block type at offset {pos}")
                pos += 3 + (1 if kind == 1 else value >> 3)
                if value & 1:
                    break
            pos += 4 if has_checksum else 0
            if pos > size:
                raise StreamDamaged("the zstd stream ends in the middle of a frame")
    finally:
        os.close(fd)
    return starts


def open_decompressed(raw: IO[bytes], kind: str) -> IO[bytes]:
    """A reader of the tar stream inside ``raw`` (kind from :func:`sniff`, "tar" for none)."""
    # The caller closes ``raw``; these wrappers hold no other resource.
    if kind == "gz":
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    if kind == "xz":
        return lzma.LZMAFile(raw, "rb")
    if kind == "bz2":
        return bz2.BZ2File(raw, "rb")
    if kind == "zst":
        return io.BufferedReader(ZstdReader(raw), CHUNK)
    return raw


class _EndMarker:
    """Remembers the last tar header block read, to tell a proper end from a cut-short stream."""

    def __init__(self) -> None:
        self.last = b""

    def check(self) -> None:
        # tarfile stops quietly at a truncated or garbled header; only a zero block is a real end.
        if len(self.last) != tarfile.BLOCKSIZE or self.last.count(0) != tarfile.BLOCKSIZE:
            raise StreamDamaged("the tar data stops before its end marker (truncated or damaged)")


def open_tar_reader(stream: IO[bytes]) -> tuple[tarfile.TarFile, _EndMarker]:
    """A tarfile reading ``stream`` front to back, and the marker to check once it is read."""
    marker = _EndMarker()

    class _Recording(tarfile.TarInfo):
        @classmethod
        def frombuf(cls, buf: bytes | bytearray, encoding: str, errors: str) -> Self:
            marker.last = bytes(buf)
            return super().frombuf(buf, encoding, errors)

        # Python's 2025 tarfile security fixes (3.11.2-6+deb12u9, 3.12.11, ...) parse headers
        # through _frombuf and no longer call frombuf: record there too.
        @classmethod
        def _frombuf(cls, buf: bytes | bytearray, encoding: str, errors: str, **kwargs: Any) -> Self:
            marker.last = bytes(buf)
            return super()._frombuf(buf, encoding, errors, **kwargs)  # type: ignore[misc]

    return tarfile.open(fileobj=stream, mode="r|", tarinfo=_Recording), marker


# What reading a damaged archive raises (zstd errors arrive as OSError from ZstdReader).
READ_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, tarfile.TarError, EOFError, zlib.error, lzma.LZMAError, OSError, StreamDamaged,
    NotImplementedError,
)


def drain(stream: IO[bytes]) -> None:
    """Read a stream to its end, so a decompressor checks its trailer (CRC, length)."""
    while stream.read(CHUNK):
        pass


def open_compressed_writer(raw: IO[bytes], fmt: ArchiveFormat, level: int, threads: int) -> IO[bytes]:
    """A writer that compresses into ``raw``; closing it finishes the stream, not ``raw``."""
    lvl = resolve_level(fmt.value, level)
    if fmt is ArchiveFormat.TAR_GZ:
        # filename="" keeps the partial file's name out of the gzip header.
        return gzip.GzipFile(filename="", mode="wb", compresslevel=lvl, fileobj=raw)  # type: ignore[return-value]
    if fmt is ArchiveFormat.TAR_XZ:
        return lzma.LZMAFile(raw, "wb", preset=lvl)
    if fmt is ArchiveFormat.TAR_ZST:
        import zstandard

        # threads=0 compresses in this thread; 1 would add a helper thread for nothing.
        cctx = zstandard.ZstdCompressor(level=lvl, write_checksum=True, threads=threads if threads > 1 else 0)
        return cctx.stream_writer(raw, closefd=False)
    raise ValueError(f"not a tar format: {fmt}")
