"""Reading a .zip for extract mode, encrypted ones (ZipCrypto and WinZip AES) included.

A zip without encrypted members is read with the standard library's zipfile; one with them
with pyzipper (zipfile's API, plus AES), and only when a password is set: without one the
archive fails before anything is written.
"""

from __future__ import annotations

import stat
import struct
import time
import zipfile
from pathlib import Path

from workers.task import ItemError
from workers.tasks.archive_crypto import (
    encrypted_zip_errors,
    is_bad_password,
    needs_password,
    open_encrypted_zip,
    wrong_password,
    zip_is_encrypted,
)
from workers.tasks.archive_extract import FAILURES, MAX_LINK_TARGET, Extractor, Progress
from workers.tasks.archive_formats import READ_ERRORS


def _zip_mtime(info: zipfile.ZipInfo) -> float | None:
    extra, i = info.extra, 0
    while i + 4 <= len(extra):
        kind, size = struct.unpack_from("<HH", extra, i)
        if kind == 0x5455 and size >= 5 and extra[i + 4] & 1 and i + 9 <= len(extra):
            return float(struct.unpack_from("<i", extra, i + 5)[0])
        i += 4 + size
    try:
        return time.mktime((*info.date_time, 0, 0, -1))
    except (OverflowError, ValueError):
        return None


def _unreadable(shown: str, exc: BaseException) -> ItemError:
    return ItemError(f"{shown} is not a readable zip archive ({exc}); it may be truncated, damaged or not "
                     "a zip at all")


def _open(path: Path, shown: str, password: str) -> tuple[zipfile.ZipFile, tuple[type[BaseException], ...]]:
    """The reader for ``path`` and what it raises for damage; fails when a needed password is missing."""
    try:
        zf = zipfile.ZipFile(path)
    except READ_ERRORS as exc:
        raise _unreadable(shown, exc) from None
    if not zip_is_encrypted(zf):
        return zf, FAILURES
    zf.close()
    if not password:
        raise needs_password(shown)
    errors = (*FAILURES, *encrypted_zip_errors())
    try:
        return open_encrypted_zip(path, password), errors
    except errors as exc:
        raise _unreadable(shown, exc) from None


def extract_zip(path: Path, ex: Extractor, progress: Progress, password: str = "") -> None:
    """Extract a .zip through ``ex``; encrypted members are decrypted with ``password``."""
    zf, errors = _open(path, ex.shown, password)
    with zf:
        infos = zf.infolist()
        ex.count_member(len(infos))
        ex.check_declared(sum(i.file_size for i in infos))
        total = sum(i.compress_size for i in infos) or 1
        done = 0
        for info in infos:
            name = info.filename
            mode = info.external_attr >> 16
            try:
                if info.is_dir():
                    ex.add_dir(name, mode, _zip_mtime(info))
                elif info.create_system == 3 and stat.S_ISLNK(mode):
                    if info.file_size > MAX_LINK_TARGET:
                        ex.refuse(name, "is a link with an over-long target")
                    else:
                        ex.add_symlink(name, zf.read(info).decode("utf-8", "surrogateescape"))
                else:
                    with zf.open(info) as member:
                        ex.add_file(name, member, mode, _zip_mtime(info))
            except RuntimeError as exc:  # zipfile's and pyzipper's word for a password that does not fit
                if is_bad_password(exc):
                    raise wrong_password(ex.shown) from None
                raise
            except NotImplementedError as exc:
                raise ItemError(f"{ex.shown}: {name} uses a compression method that cannot be read "
                                f"here ({exc})") from None
            except errors as exc:
                if info.flag_bits & 0x1:
                    # A wrong password can pass ZipCrypto's one-byte check (1 in 256) or AES's
                    # two-byte one; then the data fails its CRC or HMAC, as damaged data would.
                    raise wrong_password(ex.shown, maybe_damaged=True) from None
                raise ItemError(f"{ex.shown} is damaged: reading {name} failed ({exc}); nothing was "
                                "extracted") from None
            done += info.compress_size
            progress(done / total, name)
