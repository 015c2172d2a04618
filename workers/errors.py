"""Turning operating-system errors into reasons a person can act on."""

from __future__ import annotations

import errno
import os

from workers.task import WorkItem


def _where(exc: OSError, item: WorkItem) -> str:
    return os.fsdecode(exc.filename) if exc.filename else item.source


def describe_os_error(exc: OSError, item: WorkItem) -> str:
    """Which file, what happened, and what to do about it."""
    path = _where(exc, item)
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        folder = os.path.dirname(item.output or path) or path
        return f"disk full while writing to {folder}: free some space, then retry the failed files"
    if code in (errno.EACCES, errno.EPERM):
        return f"permission denied for {path}: check who may read or write it, then retry"
    if code == errno.EROFS:
        return f"{path} is on a read-only file system: choose another output folder"
    if code == errno.ENOENT:
        if path == item.source or path in (p for p, _ in item.inputs):
            return f"{path} was moved or deleted while the batch ran"
        return f"{path} does not exist (moved or deleted while the batch ran?)"
    if code == errno.ENAMETOOLONG:
        return f"the name is too long for the file system: {path}"
    if code == errno.EIO:
        return f"input/output error on {path}: the disk or network share may be failing"
    return f"{exc.strerror or type(exc).__name__} ({path})"
