"""Outputs are complete or absent: written under a partial name beside the target, renamed on success.

Partial names carry a run token, so two runs writing one folder never touch each other's partial files.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

PARTIAL_MARK = ".bp-part"
DEFAULT_NAME_MAX = 255
_TOKEN = re.compile(r"[0-9a-f]{8}")
_DIGEST_LEN = 16

_run_token: str | None = None


def new_run_token() -> str:
    """A fresh random run token: 8 lowercase hex characters."""
    return secrets.token_hex(4)


def _checked(token: str) -> str:
    # The token becomes part of a file name and of the stale-partial pattern, so its shape is fixed.
    if not _TOKEN.fullmatch(token):
        raise ValueError(f"a run token is 8 lowercase hex characters, not {token!r}")
    return token


def set_run_token(token: str) -> None:
    """Write this process's partials under ``token`` (a worker sets its job's token)."""
    global _run_token
    _run_token = _checked(token)


def run_token() -> str:
    """The token this process writes partials under; a random one is made on first use if none was set."""
    global _run_token
    if _run_token is None:
        _run_token = new_run_token()
    return _run_token


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # folder missing, no such limit, or no pathconf (Windows)
        return DEFAULT_NAME_MAX


def _fits(name: str, limit: int) -> bool:
    return len(os.fsencode(name)) <= limit


def _digest(final: Path) -> str:
    return hashlib.sha1(os.fsencode(final.name)).hexdigest()[:_DIGEST_LEN]


def partial_path(final: str | os.PathLike[str], token: str | None = None) -> Path:
    """The hidden name ``final`` is written under by the run ``token`` (default: this process's token).

    When the usual name would be longer than the folder allows, a short digest-based name is used,
    so a name that fits as a final name never fails because of its partial name.
    """
    p = Path(final)
    token = run_token() if token is None else _checked(token)
    limit = _name_max(p.parent)
    name = f".{p.stem}{PARTIAL_MARK}-{token}{p.suffix}"
    if _fits(name, limit):
        return p.with_name(name)
    short = f"{PARTIAL_MARK}-{token}-{_digest(p)}"
    return p.with_name(short + p.suffix if _fits(short + p.suffix, limit) else short)


def side_path(final: str | os.PathLike[str], role: str) -> Path:
    """A second hidden name beside ``final`` for this run (``role``: "old", "lift"...): a partial
    name too, so scans skip it, another run never shares it, and it fits the name limit."""
    return partial_path(Path(f"{os.fspath(final)}.{role}"))


def is_partial_name(name: str) -> bool:
    """True for a partial output's name (either form); scans skip these."""
    return name.startswith(".") and PARTIAL_MARK in name


def _remove(path: Path) -> bool:
    # A partial may be a folder tree; a symlink is removed itself, never followed.
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        return False
    return True


def remove_partial(final: str | os.PathLike[str], token: str | None = None) -> bool:
    """Remove the partial file (or folder) of ``final`` left by run ``token``; True if something was removed."""
    return _remove(partial_path(final, token))


def _stale_pattern(final: Path) -> re.Pattern[str]:
    hexes = r"[0-9a-f]{8}"
    stem, suffix = re.escape(final.stem), re.escape(final.suffix)
    mark = re.escape(PARTIAL_MARK)
    # Usual form (and the tokenless name of earlier versions), then the short form with or without suffix.
    return re.compile(rf"\.{stem}{mark}(?:-{hexes})?{suffix}|{mark}-{hexes}-{_digest(final)}(?:{suffix})?")


def remove_stale_partials(final: str | os.PathLike[str]) -> int:
    """Remove the partials of ``final`` left by any run; returns how many were removed.

    Only safe while holding the folder's lock: a live run's partials are removed too.
    """
    final = Path(final)
    pattern = _stale_pattern(final)
    try:
        names = os.listdir(final.parent)
    except (FileNotFoundError, NotADirectoryError):
        return 0
    return sum(_remove(final.with_name(n)) for n in names if pattern.fullmatch(n))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_output(final: str | os.PathLike[str], *, durable: bool = True) -> Iterator[Path]:
    """Yield a partial path to write; on success it becomes ``final`` in one rename.

    On an exception the partial file is removed and ``final`` is left as it was.
    """
    final = Path(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = partial_path(final)
    _remove(tmp)
    try:
        yield tmp
        if not tmp.exists():
            raise FileNotFoundError(f"the task wrote nothing to {tmp}")
        if durable and tmp.is_file():
            _fsync(tmp)
        os.replace(tmp, final)
    except BaseException:
        _remove(tmp)
        raise
