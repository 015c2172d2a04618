"""Passwords in the zip task: how they reach the archive libraries, and what is said when one
is missing or wrong.

A password only ever travels inside the task's options. No message, result, progress text or
exception raised here holds it, so it cannot reach the journal, the window's log or an index.
The crypto libraries are imported only when an archive is encrypted, so a worker that never
meets one starts without them.
"""

from __future__ import annotations

import functools
import zipfile
from pathlib import Path
from typing import Any

from workers.task import ItemError


def password_bytes(password: str) -> bytes:
    """The password as WinZip AES (and 7-Zip for it) hashes it: UTF-8."""
    return password.encode("utf-8")


def needs_password(shown: str) -> ItemError:
    return ItemError(f"{shown} is password-protected: set the password option to extract it; nothing "
                     "was extracted")


def wrong_password(shown: str, maybe_damaged: bool = False) -> ItemError:
    """The archive did not open with the password given; nothing of it was kept.

    ``maybe_damaged``: the format has no password check of its own (7z, or ZipCrypto whose
    one-byte check passed), so a damaged archive looks the same."""
    if maybe_damaged:
        return ItemError(f"{shown}: wrong password, or the archive is damaged (its content does not "
                         "decrypt); nothing was extracted. Check the password option")
    return ItemError(f"{shown}: wrong password; nothing was extracted. Check the password option")


def aes_zip_writer(target: Path, compression: int, password: str) -> tuple[Any, type[zipfile.ZipInfo]]:
    """A .zip writer whose members are WinZip AES-256, and the class of its member entries.

    WinZip AES is what 7-Zip, PeaZip, WinZip and the desktop archive managers read. AE-2 (pyzipper's
    choice) authenticates each member with an HMAC and stores no CRC, which would give small files
    away. ZipCrypto is broken and never written.
    """
    import pyzipper

    zf = pyzipper.AESZipFile(target, "w", compression=compression, allowZip64=True, encryption=pyzipper.WZ_AES,
                             encryption_kwargs={"nbits": 256})
    zf.setpassword(password_bytes(password))
    return zf, _aes_info_type()


@functools.cache
def _aes_info_type() -> type[zipfile.ZipInfo]:
    from pyzipper.zipfile_aes import AESZipInfo

    class KeepingExtra(AESZipInfo):
        """pyzipper writes only its own extra fields: the caller's (the exact-time "UT") go after them."""

        __slots__ = ()

        def encode_local_header(self, *, extra: bytes, **kwargs: Any) -> bytes:
            return super().encode_local_header(extra=extra + self.extra, **kwargs)

        def encode_central_directory(self, *, extra_data: bytes, **kwargs: Any) -> Any:
            return super().encode_central_directory(extra_data=extra_data + self.extra, **kwargs)

    return KeepingExtra


def zip_is_encrypted(zf: zipfile.ZipFile) -> bool:
    return any(info.flag_bits & 0x1 for info in zf.infolist())


def open_encrypted_zip(path: Path, password: str) -> Any:
    """A reader of a .zip with ZipCrypto or WinZip AES members (pyzipper's, with zipfile's API)."""
    import pyzipper

    zf = pyzipper.AESZipFile(path)
    zf.setpassword(password_bytes(password))
    return zf


def encrypted_zip_errors() -> tuple[type[BaseException], ...]:
    """What pyzipper raises for a damaged archive (its own BadZipFile, not zipfile's)."""
    import pyzipper

    return (pyzipper.BadZipFile,)


def is_bad_password(exc: BaseException) -> bool:
    """Whether zipfile or pyzipper refused a member because of its password (they raise RuntimeError)."""
    return isinstance(exc, RuntimeError) and "password" in str(exc).lower()


def aes_strength(info: zipfile.ZipInfo) -> int:
    """Key bits of a WinZip AES member (0 when it is not one)."""
    return {1: 128, 2: 192, 3: 256}.get(getattr(info, "wz_aes_strength", None) or 0, 0)
