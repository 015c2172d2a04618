"""Reasons built from operating-system errors name the file and say what to do."""

from __future__ import annotations

import errno
import os

import pytest

from workers.errors import describe_os_error
from workers.task import WorkItem

ITEM = WorkItem(1, "/data/in/report.pdf", "report.pdf", 10, "/data/out/report.pdf.json")


@pytest.mark.parametrize(
    ("code", "filename", "expected"),
    [
        (errno.ENOSPC, ITEM.output,
         "disk full while writing to /data/out: free some space, then retry the failed files"),
        (errno.EACCES, ITEM.source,
         "permission denied for /data/in/report.pdf: check who may read or write it, then retry"),
        (errno.EROFS, ITEM.output,
         "/data/out/report.pdf.json is on a read-only file system: choose another output folder"),
        (errno.ENOENT, ITEM.source, "/data/in/report.pdf was moved or deleted while the batch ran"),
        (errno.EIO, ITEM.source, "input/output error on /data/in/report.pdf: the disk or network share may be failing"),
    ],
)
def test_each_error_names_the_file_and_the_remedy(code, filename, expected):
    assert describe_os_error(OSError(code, os.strerror(code), filename), ITEM) == expected


def test_an_unexpected_error_still_names_the_file():
    reason = describe_os_error(OSError(errno.ELOOP, os.strerror(errno.ELOOP), "/data/in/x"), ITEM)
    assert "/data/in/x" in reason and os.strerror(errno.ELOOP) in reason


def test_undecodable_names_are_shown_not_raised():
    raw = b"/data/in/caf\xe9.pdf"
    reason = describe_os_error(OSError(errno.EACCES, "Permission denied", raw), ITEM)
    assert reason.startswith("permission denied for /data/in/caf")
