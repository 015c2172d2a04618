"""Outputs are complete or absent: written under a partial name beside the target, renamed on success."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

PARTIAL_MARK = ".bp-part"


def partial_path(final: str | os.PathLike[str]) -> Path:
    """The temporary name an output is written under (hidden, same folder, same suffix)."""
    p = Path(final)
    return p.with_name(f".{p.stem}{PARTIAL_MARK}{p.suffix}")


def is_partial_name(name: str) -> bool:
    return name.startswith(".") and PARTIAL_MARK in name


def remove_partial(final: str | os.PathLike[str]) -> bool:
    """Remove the partial file (or folder) of ``final`` if one is left; True if something was removed."""
    tmp = partial_path(final)
    try:
        if tmp.is_dir() and not tmp.is_symlink():
            import shutil

            shutil.rmtree(tmp)
        else:
            tmp.unlink()
    except FileNotFoundError:
        return False
    return True


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
    remove_partial(final)
    try:
        yield tmp
        if not tmp.exists():
            raise FileNotFoundError(f"the task wrote nothing to {tmp}")
        if durable and tmp.is_file():
            _fsync(tmp)
        os.replace(tmp, final)
    except BaseException:
        remove_partial(final)
        raise
