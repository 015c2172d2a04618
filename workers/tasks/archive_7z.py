""".7z archives through py7zr: writing, reading back to verify, and reading to extract.

Written archives are one solid LZMA2 block, as 7-Zip makes them. With a password the block is
encrypted with 7-Zip's AES-256 (its key stretched by 2^19 SHA-256 rounds) and so is the header,
so without the password not even the names can be read.

Members are read with py7zr's own extraction worker, member by member into sinks of ours (as its
``testzip`` does), never into files it writes itself: whatever lands on the disk goes through the
extract mode's :class:`Extractor` and its rules. Everything the header says (names, kinds, sizes,
member count) is checked before the first byte is decompressed.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import stat
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple, Protocol

from workers.task import ItemError
from workers.tasks.archive_crypto import needs_password, wrong_password
from workers.tasks.archive_formats import resolve_level
from workers.tasks.archive_write import Progress, SourceReader, Written, unique_names, zip_name

if TYPE_CHECKING:
    from workers.tasks.archive_extract import Extractor
    from workers.tasks.archive_paths import Parts


class Sink(Protocol):
    """Where one member's bytes go: ``write`` them, then ``close`` (only once it read back whole)."""

    def write(self, data: bytes) -> None: ...
    def close(self) -> None: ...


class Entry(NamedTuple):
    """A member as the archive's header describes it."""

    number: int  # its place in the header, which py7zr calls its id
    name: str
    kind: str  # "file", "dir", "link" or "other" (a device, socket or pipe)
    size: int
    mode: int  # permission bits; 0 when the archive was made where there are none
    mtime: float | None


class _Source(io.BufferedIOBase):
    """A :class:`SourceReader` as the file py7zr compresses from (it asks for the size by seeking)."""

    def __init__(self, reader: SourceReader) -> None:
        self.reader = reader
        self.pos = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        data = self.reader.read(-1 if size is None else size)
        self.pos += len(data)
        return data

    def tell(self) -> int:
        return self.pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        # py7zr seeks to the end and back before it reads: report the size, move nothing.
        return self.reader.size if whence == os.SEEK_END else offset


@functools.lru_cache(maxsize=4)
def derive_key(password: bytes, cycles: int, salt: bytes, digest: str) -> bytes:
    """7-Zip's AES key: SHA-256 over (salt, password, 8-byte round number) for 2^cycles rounds.

    The same result as py7zr's own, about 4 times sooner (0.3 s a key there): 256 rounds differ
    only in the round number's low byte, so they are one ``join`` with the high bytes between
    them. Kept for the next call too: an archive needs its key four times (its data and header,
    written and read back), and 7-Zip's archives have no salt, so one password gives one key for
    every archive of the job. (The worker holds the password in the job's options all the same.)
    """
    from py7zr.helpers import calculate_key

    if digest != "sha256" or not 8 <= cycles < 0x3F:
        return calculate_key(password, cycles, salt, digest)
    h = hashlib.sha256()
    pieces = [salt + password + bytes((low,)) for low in range(256)]
    for high in range(1 << (cycles - 8)):
        rest = high.to_bytes(7, "little")
        h.update(rest.join(pieces) + rest)
    return h.digest()


def _py7zr() -> Any:
    """py7zr, deriving its keys with :func:`derive_key`."""
    import py7zr
    import py7zr.compressor

    py7zr.compressor.calculate_key = derive_key  # its encryption and decryption call it by this name
    return py7zr


def _filters(level: int, password: str) -> list[dict[str, int]]:
    py7zr = _py7zr()

    lzma2 = {"id": py7zr.FILTER_LZMA2, "preset": resolve_level("7z", level)}
    return [lzma2, {"id": py7zr.FILTER_CRYPTO_AES256_SHA256}] if password else [lzma2]


def write_7z(target: Path, members: Sequence[tuple[str, str]], level: int, progress: Progress,
             password: str = "") -> list[Written]:
    """Write ``members`` ((source path, member name), ...) into a new .7z at ``target``."""
    py7zr = _py7zr()
    from py7zr.helpers import ArchiveTimestamp
    from py7zr.member import MemberType

    written = []
    with open(target, "w+b") as raw:
        # The header is written by close(): after a failure it is not, and the file is removed.
        zf = py7zr.SevenZipFile(raw, "w", filters=_filters(level, password), password=password or None,
                                header_encryption=bool(password))
        # Names that were not UTF-8 get the same Latin-1 reading as in a zip (7z keeps UTF-16).
        for (path, shown), name in zip(members, unique_names(zip_name(m) for _, m in members), strict=True):
            with SourceReader(path, shown, progress) as src:
                zf.writef(_Source(src), name)
                # writef stamps a member with the time of writing and no permissions: take the source's.
                info = zf.header.files_info.files[-1]
                info["lastwritetime"] = ArchiveTimestamp.from_datetime(src.stat.st_mtime)
                info["attributes"] = MemberType.FILE.attributes(src.stat)
            written.append(Written(name, src.size, src.crc))
        zf.close()
    return written


# -- reading -----------------------------------------------------------------------------------


def open_7z(fp: IO[bytes], password: str) -> Any:
    """py7zr's reader over ``fp`` (raises what py7zr raises; see :func:`open_for_extract`)."""
    return _py7zr().SevenZipFile(fp, "r", password=password or None)


def entries_of(zf: Any) -> list[Entry]:
    """Every member of an open archive, in the order of its header."""
    out = []
    for f in zf.files:
        if f.is_directory:
            kind = "dir"
        elif f.is_symlink:
            kind = "link"
        elif f.is_socket or (f.st_fmt is not None and not stat.S_ISREG(f.st_fmt)):
            kind = "other"
        else:
            kind = "file"
        when = f.lastwritetime
        out.append(Entry(f.id, f.filename, kind, f.uncompressed or 0, f.posix_mode or 0,
                         None if when is None else when.totimestamp()))
    return out


def encrypted(zf: Any) -> bool:
    """Whether the members' data is encrypted (py7zr's ``needs_password`` says yes whenever a
    password was given, so the coders are asked, as py7zr asks them when none was)."""
    from py7zr.compressor import SupportedMethods

    streams = zf.header.main_streams
    return streams is not None and any(SupportedMethods.needs_password(folder.coders)
                                       for folder in streams.unpackinfo.folders)


def stream(zf: Any, sinks: dict[int, Callable[[], Sink]]) -> None:
    """Decompress the members whose number is in ``sinks`` into a sink each (made when the member
    starts), in the archive's order; the others are skipped where the format allows."""
    from py7zr.io import MemIO, Py7zIO, WriterFactory

    class Writer(Py7zIO):
        def __init__(self, sink: Sink) -> None:
            self.sink = sink
            self.count = 0

        def write(self, s: bytes | bytearray) -> int:
            self.sink.write(bytes(s))
            self.count += len(s)
            return len(s)

        def read(self, size: int | None = None) -> bytes:
            return b""

        def seek(self, offset: int, whence: int = 0) -> int:
            return 0

        def seekable(self) -> bool:
            return False

        def flush(self) -> None:
            pass

        def size(self) -> int:
            return self.count

        def close(self) -> None:  # called only once the member's CRC matched
            self.sink.close()

    class Factory(WriterFactory):
        def __init__(self) -> None:
            self.current: Writer | None = None

        def create(self, filename: str) -> Py7zIO:
            self.current = Writer(sinks[int(filename)]())
            return self.current

    factory = Factory()
    for f in zf.files:
        zf.worker.register_filelike(f.id, MemIO(str(f.id), factory) if f.id in sinks else None)
    try:
        # One member after another in this thread; py7zr checks each member's CRC.
        zf.worker.extract(zf.fp, None, parallel=False)
    except BaseException:
        abort = getattr(factory.current and factory.current.sink, "abort", None)
        if abort is not None:
            abort()  # the member cut short: its file is closed (the folder it is in goes away)
        raise


# -- verifying -----------------------------------------------------------------------------------


class _Crc:
    def __init__(self, found: list[Written], name: str, progress: Progress) -> None:
        self.found, self.name, self.progress = found, name, progress
        self.size = self.crc = 0

    def write(self, data: bytes) -> None:
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)
        self.progress(len(data), self.name)

    def close(self) -> None:
        self.found.append(Written(self.name, self.size, self.crc))


def read_back_7z(target: Path, progress: Progress, password: str = "") -> list[Written]:
    """Every member of a .7z decompressed (decrypted) from the disk, as name, size and CRC.

    Raises what py7zr raises for a damaged archive; with a ``password``, ValueError when the
    archive or its header is not encrypted after all."""
    py7zr = _py7zr()

    found: list[Written] = []
    with open(target, "rb") as fp:
        if password:
            try:
                py7zr.SevenZipFile(fp, "r").close()
            except py7zr.PasswordRequired:
                pass  # as it should be: without the password not even the names can be read
            else:
                raise ValueError("its member names can be read without the password")
            fp.seek(0)
        zf = open_7z(fp, password)
        try:
            if password and not encrypted(zf):
                raise ValueError("its members are not encrypted")
            members = [e for e in entries_of(zf) if e.kind != "dir"]
            stream(zf, {e.number: functools.partial(_Crc, found, e.name, progress) for e in members})
        finally:
            zf.close()
    return found


# -- extracting ----------------------------------------------------------------------------------


def open_for_extract(fp: IO[bytes], shown: str, password: str) -> Any:
    """The archive's reader, or an ItemError that says whether the password is missing or wrong."""
    py7zr = _py7zr()

    try:
        return open_7z(fp, password)
    except py7zr.PasswordRequired:
        raise needs_password(shown) from None
    except Exception as exc:  # py7zr meets a garbled header with TypeError, KeyError, IndexError, ...
        detail = f"{type(exc).__name__}: {exc}"
    if password:
        # An encrypted header that would not decrypt, or a damaged archive: without a password
        # the first asks for one.
        fp.seek(0)
        try:
            py7zr.SevenZipFile(fp, "r").close()
        except py7zr.PasswordRequired:
            raise wrong_password(shown) from None
        except Exception:
            pass
    raise ItemError(f"{shown} is not a readable 7z archive ({detail}); it may be truncated or damaged") from None


class _LinkTarget:
    """Collects a link member's content, its target, and hands the link to the extractor."""

    def __init__(self, ex: Extractor, parts: Parts, name: str) -> None:
        self.ex, self.parts, self.name = ex, parts, name
        self.data = bytearray()

    def write(self, data: bytes) -> None:
        self.data += data  # no more than MAX_LINK_TARGET: the header said so, and py7zr stops there

    def close(self) -> None:
        self.ex.link(self.parts, self.data.decode("utf-8", "surrogateescape"), self.name)


class _Counted:
    """A member's sink (its file, or its link target) that reports the bytes through it as progress
    over the whole archive."""

    def __init__(self, ex: Extractor, entry: Entry, parts: Parts, tally: list[int], total: int,
                 progress: Callable[[float, str], None]) -> None:
        self.sink: Sink = (_LinkTarget(ex, parts, entry.name) if entry.kind == "link"
                           else ex.open_file(parts, entry.mode, entry.mtime))
        self.name, self.tally, self.total, self.progress = entry.name, tally, total, progress

    def write(self, data: bytes) -> None:
        self.sink.write(data)
        self.tally[0] += len(data)
        self.progress(self.tally[0] / self.total, self.name)

    def close(self) -> None:
        self.sink.close()

    def abort(self) -> None:
        abort = getattr(self.sink, "abort", None)
        if abort is not None:
            abort()


def extract_7z(path: Path, ex: Extractor, progress: Callable[[float, str], None], password: str = "") -> None:
    """Extract a .7z through ``ex``. Its header is checked whole (member count, declared sizes,
    names, link sizes, the password) before anything is written."""
    with open(path, "rb") as fp:
        zf = open_for_extract(fp, ex.shown, password)
        try:
            _extract(zf, ex, progress, password)
        finally:
            zf.close()


def _extract(zf: Any, ex: Extractor, progress: Callable[[float, str], None], password: str) -> None:
    from py7zr.exceptions import UnsupportedCompressionMethodError

    from workers.tasks.archive_extract import MAX_LINK_TARGET

    entries = entries_of(zf)
    ex.count_member(len(entries))
    ex.check_declared(sum(e.size for e in entries if e.kind != "dir"))
    if not password and encrypted(zf):
        raise needs_password(ex.shown)
    claimed: list[tuple[Entry, Parts]] = []
    for e in entries:
        if e.kind == "other":
            ex.leave_out(e.name, "is a device or pipe, which is not extracted")
        elif e.kind == "link" and e.size > MAX_LINK_TARGET:
            ex.refuse(e.name, "is a link with an over-long target")
        elif (parts := ex.claim(e.name, e.kind)) is not None:
            claimed.append((e, parts))

    # Every member passed: now the folders, then the files and links as they are decompressed.
    total = sum(e.size for e, _ in claimed) or 1
    tally = [0]
    sinks: dict[int, Callable[[], Sink]] = {}
    for e, parts in claimed:
        if e.kind == "dir":
            ex.make_dir(parts, e.mode, e.mtime)
        else:
            sinks[e.number] = functools.partial(_Counted, ex, e, parts, tally, total, progress)
    try:
        stream(zf, sinks)
    except ItemError:
        raise
    except UnsupportedCompressionMethodError as exc:
        raise ItemError(f"{ex.shown} uses a compression method that cannot be read here ({exc}); nothing "
                        "was extracted") from None
    except Exception as exc:  # py7zr's errors, lzma's, and TypeError & co. on garbled data
        if password and encrypted(zf):
            raise wrong_password(ex.shown, maybe_damaged=True) from None
        raise ItemError(f"{ex.shown} is damaged or truncated ({type(exc).__name__}: {exc}); nothing was "
                        "extracted") from None
