"""Archives are verified after writing: a damaged archive, or one whose content differs from its
source, is caught, removed, and its item fails; a source that changes while it is read fails."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.zip_support import FORMATS, fingerprint, leftovers, make_tree, run_job, text
from workers.task import ItemError
from workers.tasks.archive import ZipOptions, ZipTask
from workers.tasks.archive_formats import ArchiveFormat, ZipMethod
from workers.tasks.archive_write import (
    SourceReader,
    VerifyError,
    Written,
    verify_tar,
    verify_zip,
    write_tar,
    write_zip,
)


def flip_middle_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


class CorruptingZipTask(ZipTask):
    """Damages every archive right after writing it, as a failing disk would."""

    def write_archive(self, target: Path, members: Sequence[tuple[str, str]], options: ZipOptions,
                      progress: Any) -> list[Written]:
        written = super().write_archive(target, members, options, progress)
        flip_middle_byte(target)
        return written


@pytest.mark.parametrize("fmt", FORMATS)
def test_verification_catches_a_damaged_archive(tmp_path: Path, fmt: str) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(text(300_000, 10))
    target = tmp_path / f"a.{fmt}"
    members = [(str(src), "a.txt")]
    nothing = lambda n, name: None  # noqa: E731
    if fmt == "zip":
        written = write_zip(target, members, ZipMethod.DEFLATE, -1, nothing)
        verify_zip(target, written, nothing)  # intact: passes
        flip_middle_byte(target)
        with pytest.raises(VerifyError):
            verify_zip(target, written, nothing)
    else:
        written = write_tar(target, members, ArchiveFormat(fmt), -1, 1, nothing)
        verify_tar(target, ArchiveFormat(fmt), written, nothing)
        flip_middle_byte(target)
        with pytest.raises(VerifyError):
            verify_tar(target, ArchiveFormat(fmt), written, nothing)


def test_verification_sees_content_that_differs_from_the_source(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(b"hello")
    target = tmp_path / "a.tar.gz"
    written = write_tar(target, [(str(src), "a.txt")], ArchiveFormat.TAR_GZ, -1, 1, lambda n, name: None)
    wrong = [w._replace(crc=w.crc ^ 1) for w in written]
    with pytest.raises(VerifyError, match="different content"):
        verify_tar(target, ArchiveFormat.TAR_GZ, wrong, lambda n, name: None)


@pytest.mark.parametrize("fmt", ["zip", "tar.zst"])
def test_an_archive_failing_verification_is_removed_and_the_item_fails(tmp_path: Path, fmt: str) -> None:
    src = tmp_path / "src"
    make_tree(src, {"a.txt": text(200_000, 11)})
    before = fingerprint(src)
    out = tmp_path / "out"

    job = run_job([src], out, task_spec=f"{__name__}:CorruptingZipTask", mode="per-file", format=fmt)

    assert job.summary.failed == 1
    reason = job.reason("a.txt")
    assert "failed verification" in reason and f"a.txt.{fmt}" in reason
    assert not (out / f"a.txt.{fmt}").exists()
    assert not leftovers(out)
    assert fingerprint(src) == before


def test_a_source_that_shrinks_or_changes_while_read_fails(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    path.write_bytes(b"x" * 1000)
    quiet = lambda n, name: None  # noqa: E731
    with pytest.raises(ItemError, match="shrank"), SourceReader(str(path), "log.txt", quiet) as src:
        path.write_bytes(b"x" * 10)
        while src.read(100):
            pass
    path.write_bytes(b"x" * 1000)
    with pytest.raises(ItemError, match="changed while"), SourceReader(str(path), "log.txt", quiet) as src:
        src.read()
        with open(path, "ab") as f:
            f.write(b"more")
