"""Archives are verified after writing: a damaged archive, or one whose content differs from its
source, is caught, removed, and its item fails; a source that changes while it is read fails.
A tar is checked from the bytes on their way to the disk, so a damaged stream is caught there,
and a file that differs from that stream afterwards is caught too."""

from __future__ import annotations

import io
import os
import random
import sys
import tarfile
import threading
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.zip_support import FORMATS, fingerprint, leftovers, make_tar, make_tree, run_job, text
from workers.task import ItemError
from workers.tasks import archive_write
from workers.tasks.archive import ZipOptions, ZipTask
from workers.tasks.archive_7z import write_7z
from workers.tasks.archive_formats import READ_ERRORS, ArchiveFormat, ZipMethod, check_zstd_frames
from workers.tasks.archive_verify import (
    QUEUED,
    TarCheck,
    VerifyError,
    read_tar_members,
    verify_7z,
    verify_tar_zst,
    verify_zip,
)
from workers.tasks.archive_write import EarlyWriteback, SourceReader, Written, write_tar, write_zip

TARS = [f for f in FORMATS if f.startswith("tar.")]
nothing = lambda n, name: None  # noqa: E731


def flip_middle_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


class CorruptingZipTask(ZipTask):
    """Damages every archive right after writing it, as a failing disk would."""

    def write_archive(self, target: Path, members: Sequence[tuple[str, str]], options: ZipOptions,
                      progress: Any, check: TarCheck | None = None, threads: int = 1) -> list[Written]:
        written = super().write_archive(target, members, options, progress, check, threads)
        flip_middle_byte(target)
        return written


@pytest.mark.parametrize("fmt", FORMATS)
def test_verification_catches_an_archive_damaged_on_the_disk(tmp_path: Path, fmt: str) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(text(300_000, 10))
    target = tmp_path / f"a.{fmt}"
    members = [(str(src), "a.txt")]
    if fmt == "zip":
        written = write_zip(target, members, ZipMethod.DEFLATE, -1, nothing)
        verify_zip(target, written, nothing)  # intact: passes
        flip_middle_byte(target)
        with pytest.raises(VerifyError):
            verify_zip(target, written, nothing)
    elif fmt == "7z":
        written = write_7z(target, members, -1, nothing)
        verify_7z(target, written, nothing)
        flip_middle_byte(target)
        with pytest.raises(VerifyError):
            verify_7z(target, written, nothing)
    else:
        check = TarCheck(ArchiveFormat(fmt))
        written = write_tar(target, members, ArchiveFormat(fmt), -1, 1, nothing, check)
        check.verify(target, written, nothing)  # intact: passes
        flip_middle_byte(target)  # after the stream was checked: only the file is wrong
        with pytest.raises(VerifyError, match="differs from the bytes written"):
            check.verify(target, written, nothing)


def feed(check: TarCheck, target: Path, data: bytes, piece: int = 50_000) -> None:
    """Write ``data`` to ``target`` through the check, in pieces as a compressor would."""
    with open(target, "wb") as f:
        tee = check.tee(f)
        for i in range(0, len(data), piece):
            tee.write(data[i:i + piece])
        check.end()


def good_tar(tmp_path: Path, fmt: str) -> tuple[bytes, list[Written]]:
    src = tmp_path / "a.txt"
    src.write_bytes(text(300_000, 12))
    plain = tmp_path / f"plain.{fmt}"
    written = write_tar(plain, [(str(src), "a.txt")], ArchiveFormat(fmt), -1, 1, nothing)
    return plain.read_bytes(), written


@pytest.mark.parametrize("fmt", TARS)
@pytest.mark.parametrize("damage", ["flipped byte", "cut short", "cut at the tar's end"])
def test_the_check_while_writing_catches_a_damaged_stream(tmp_path: Path, fmt: str, damage: str) -> None:
    # As a compressor that goes wrong would: the file holds exactly the bytes the check read.
    data, written = good_tar(tmp_path, fmt)
    if damage == "flipped byte":
        bad = bytearray(data)
        bad[len(bad) // 2] ^= 0xFF
        data = bytes(bad)
    elif damage == "cut short":
        data = data[: len(data) // 2]
    else:
        data = data[:-40]  # the compressor's trailer (and maybe the end of the tar) is missing
    check = TarCheck(ArchiveFormat(fmt))
    target = tmp_path / f"a.{fmt}"
    feed(check, target, data)
    with pytest.raises(VerifyError):
        check.verify(target, written, nothing)


@pytest.mark.parametrize("fmt", TARS)
def test_the_check_while_writing_passes_a_good_stream(tmp_path: Path, fmt: str) -> None:
    data, written = good_tar(tmp_path, fmt)
    check = TarCheck(ArchiveFormat(fmt))
    target = tmp_path / f"a.{fmt}"
    feed(check, target, data)
    check.verify(target, written, nothing)


def test_a_big_zst_stream_from_two_compressor_threads_is_checked_to_its_end(tmp_path: Path) -> None:
    # Several MB through two compressor threads, handed to the check in many pieces: a good
    # stream passes; one damaged far from its start (long after the first piece) is caught, and
    # so is one cut short by less than a piece.
    rng = random.Random(21)
    src = tmp_path / "big.bin"
    src.write_bytes(b"".join(rng.randbytes(600_000) + text(300_000, n) for n in range(6)))
    check = TarCheck(ArchiveFormat.TAR_ZST)
    target = tmp_path / "big.tar.zst"
    written = write_tar(target, [(str(src), "big.bin")], ArchiveFormat.TAR_ZST, -1, 2, nothing, check)
    check.verify(target, written, nothing)
    data = target.read_bytes()
    assert len(data) > 3_000_000

    bad = bytearray(data)
    bad[len(bad) * 3 // 4] ^= 0x55
    check = TarCheck(ArchiveFormat.TAR_ZST)
    feed(check, tmp_path / "bad.tar.zst", bytes(bad), 1 << 20)
    with pytest.raises(VerifyError):
        check.verify(tmp_path / "bad.tar.zst", written, nothing)

    check = TarCheck(ArchiveFormat.TAR_ZST)
    feed(check, tmp_path / "short.tar.zst", data[: len(data) - 100_000])
    with pytest.raises(VerifyError):
        check.verify(tmp_path / "short.tar.zst", written, nothing)


@pytest.mark.timeout(60)
def test_a_check_that_fails_early_never_holds_up_the_writer(tmp_path: Path) -> None:
    check = TarCheck(ArchiveFormat.TAR_ZST)
    junk = random.Random(3).randbytes(1000)  # not zstd at all: the reader fails on the first chunk
    target = tmp_path / "junk.tar.zst"
    writer = threading.Thread(target=feed, args=(check, target, junk * (QUEUED * 60)))
    writer.start()
    writer.join(30)
    assert not writer.is_alive(), "the writer waited on a reader that had stopped"
    with pytest.raises(VerifyError, match="zstd"):
        check.verify(target, [], nothing)


def test_a_write_that_fails_ends_the_check_too(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(b"a" * 1000)
    check = TarCheck(ArchiveFormat.TAR_ZST)
    members = [(str(src), "a.txt"), (str(tmp_path / "gone.txt"), "gone.txt")]
    with pytest.raises(ItemError, match=r"gone\.txt disappeared"):
        write_tar(tmp_path / "a.tar.zst", members, ArchiveFormat.TAR_ZST, -1, 2, nothing, check)
    # The stream ended where the writing stopped: the check finishes and finds the tar unfinished.
    with pytest.raises(VerifyError, match="end marker"):
        check.verify(tmp_path / "a.tar.zst", [], nothing)


def test_the_members_read_back_are_those_tarfile_sees(tmp_path: Path) -> None:
    # The check walks the tar blocks itself; it must agree with tarfile on what tar writers make:
    # pax records for long, non-ASCII and non-UTF-8 names, folders, links, empty files.
    archive = tmp_path / "other.tar"
    members: list[tuple[str, Any]] = [
        ("plain.txt", text(5_000, 1)),
        ("d/" + "long-name-" * 15 + ".txt", text(700, 2)),
        ("d/résumé.txt", b"accent"),
        (os.fsdecode(b"d/caf\xe9.txt"), b"latin-1 name"),
        ("d/empty.txt", b""),
        ("d/sub", None),
        ("d/link", ("sym", "plain.txt")),
        ("exact.bin", random.Random(5).randbytes(1024)),  # ends on a block boundary
    ]
    make_tar(archive, members)
    with tarfile.open(archive, encoding="utf-8", errors="surrogateescape") as tf:
        expected = [(i.name, i.size, zlib.crc32(tf.extractfile(i).read()) if i.isreg() else 0)  # type: ignore[union-attr]
                    for i in tf]
    with open(archive, "rb") as f:
        assert [tuple(w) for w in read_tar_members(f)] == expected


@pytest.mark.parametrize("damage", ["bad header checksum", "bad pax record", "no end marker"])
def test_reading_members_back_fails_on_a_damaged_tar(tmp_path: Path, damage: str) -> None:
    archive = make_tar(tmp_path / "a.tar", [("d/" + "long-name-" * 15 + ".txt", b"x" * 600), ("b.txt", b"b")])
    data = bytearray(archive.read_bytes())
    if damage == "bad header checksum":
        data[1024 + 3] ^= 1  # the name in the member's own header, after the pax header
    elif damage == "bad pax record":
        data[512:514] = b"9x"  # the first record's length
    else:
        del data[3584:]  # pax header and data, header and 2 blocks of data, header and 1 block
    with pytest.raises(READ_ERRORS, match={"bad header checksum": "bad checksum", "bad pax record": "pax header",
                                           "no end marker": "before its end marker"}[damage]):
        read_tar_members(io.BytesIO(bytes(data)))


def test_early_writeback_writes_every_byte_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EarlyWriteback, "EVERY", 10_000)
    pieces = [random.Random(i).randbytes(3_000 + i) for i in range(20)]
    with open(tmp_path / "out", "wb") as f:
        sink = EarlyWriteback(f)
        for piece in pieces:
            assert sink.write(piece) == len(piece)
        sink.start()
    assert (tmp_path / "out").read_bytes() == b"".join(pieces)
    assert sink.started == sink.written == sum(map(len, pieces)) or sys.platform != "linux"


def test_verification_sees_content_that_differs_from_the_source(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(b"hello")
    target = tmp_path / "a.tar.gz"
    check = TarCheck(ArchiveFormat.TAR_GZ)
    written = write_tar(target, [(str(src), "a.txt")], ArchiveFormat.TAR_GZ, -1, 1, nothing, check)
    wrong = [w._replace(crc=w.crc ^ 1) for w in written]
    with pytest.raises(VerifyError, match="different content"):
        check.verify(target, wrong, nothing)


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


def framed_tar_zst(tmp_path: Path, threads: int = 2) -> tuple[Path, list[Written]]:
    """A .tar.zst of a dozen members written on ``threads`` threads, so in as many zstd frames."""
    rng = random.Random(8)
    members = []
    for i in range(12):
        src = tmp_path / f"m{i:02d}.bin"
        src.write_bytes(rng.randbytes(50_000) + text(150_000, i))
        members.append((str(src), f"d/m{i:02d}.bin"))
    target = tmp_path / "framed.tar.zst"
    return target, write_tar(target, members, ArchiveFormat.TAR_ZST, -1, threads, nothing)


@pytest.fixture
def small_frames(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive_write, "FRAME_MIN", 0)  # test archives are far below the real minimum


@pytest.mark.parametrize("threads", [2, 3])
def test_a_tar_zst_on_several_threads_is_one_frame_each_and_reads_back_on_as_many(tmp_path: Path, threads: int,
                                                                                 small_frames: None) -> None:
    target, written = framed_tar_zst(tmp_path, threads)
    assert len(check_zstd_frames(target)) == threads  # each frame ends after a member
    for readers in (1, threads, threads + 2):
        verify_tar_zst(target, written, nothing, readers)
    wrong = [*written[:7], written[7]._replace(crc=written[7].crc ^ 1), *written[8:]]
    with pytest.raises(VerifyError, match="different content"):
        verify_tar_zst(target, wrong, nothing, threads)
    with pytest.raises(VerifyError, match="members instead"):
        verify_tar_zst(target, written[:-1], nothing, threads)


@pytest.mark.parametrize("damage", ["flipped byte in the first frame", "flipped byte in the last frame",
                                    "cut short", "second frame lost", "frame starting inside a member"])
def test_reading_a_tar_zst_back_on_several_threads_catches_damage(tmp_path: Path, damage: str,
                                                                 small_frames: None) -> None:
    target, written = framed_tar_zst(tmp_path)
    data = bytearray(target.read_bytes())
    second = check_zstd_frames(target)[1]
    if damage == "flipped byte in the first frame":
        data[second // 2] ^= 0x20
    elif damage == "flipped byte in the last frame":
        data[(second + len(data)) // 2] ^= 0x20
    elif damage == "cut short":
        del data[-50:]
    elif damage == "second frame lost":
        del data[second:]
    else:  # the same members, but the frames cut elsewhere than after a member
        import zstandard

        plain = zstandard.ZstdDecompressor().stream_reader(bytes(data), read_across_frames=True).read()
        cctx = zstandard.ZstdCompressor(write_checksum=True)
        data = bytearray(cctx.compress(plain[:700_000]) + cctx.compress(plain[700_000:]))
    target.write_bytes(bytes(data))
    with pytest.raises(VerifyError):
        verify_tar_zst(target, written, nothing, 2)


def test_one_tar_zst_of_a_selection_is_read_back_after_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               small_frames: None) -> None:
    # Selection mode on several cores: the archive is cut into frames and read back from the disk
    # (no check while writing); it unpacks to the same files with any zstd reader.
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    src = tmp_path / "src"
    spec = {f"f{i:02d}/x{i}.txt": text(40_000 + 1_000 * i, i) for i in range(20)}
    make_tree(src, spec)
    out = tmp_path / "out"
    calls: list[int] = []
    real = verify_tar_zst

    def spy(target: Path, expected: list[Written], progress: Any, threads: int) -> None:
        calls.append(threads)
        real(target, expected, progress, threads)

    monkeypatch.setattr("workers.tasks.archive.verify_tar_zst", spy)
    task = ZipTask()
    from workers.plan import OutputPolicy, make_plan
    from workers.task import build_options

    opts = build_options(task, {}, preset="one .tar.zst")
    plan = make_plan(task, opts, [src], out_dir=out, policy=OutputPolicy.OVERWRITE)
    result = task.run(plan.items[0], opts, lambda fraction, message="": None)
    assert calls == [2]
    archive = Path(result.output)
    assert len(check_zstd_frames(archive)) == 2
    with _zst_tar(archive) as tf:
        got = {m.name: tf.extractfile(m).read() for m in tf if m.isreg()}  # type: ignore[union-attr]
    assert got == {f"src/{rel}": data for rel, data in spec.items()}


def _zst_tar(path: Path) -> tarfile.TarFile:
    import zstandard

    plain = zstandard.ZstdDecompressor().stream_reader(path.read_bytes(), read_across_frames=True).read()
    return tarfile.open(fileobj=io.BytesIO(plain))


def test_a_small_tar_zst_stays_in_one_frame_on_many_threads(tmp_path: Path) -> None:
    target, written = framed_tar_zst(tmp_path, 8)  # 2.4 MB: far below FRAME_MIN
    assert len(check_zstd_frames(target)) == 1
    verify_tar_zst(target, written, nothing, 8)


def test_one_tar_zst_damaged_on_the_disk_is_removed_and_the_item_fails(tmp_path: Path) -> None:
    # Selection mode: on several cores the archive is read back after writing, from the disk.
    src = tmp_path / "src"
    make_tree(src, {f"d{i}/a{i}.txt": text(100_000, i) for i in range(4)})
    out = tmp_path / "out"
    job = run_job([src], out, task_spec=f"{__name__}:CorruptingZipTask", mode="selection", format="tar.zst")
    assert job.summary.failed == 1
    assert "failed verification" in job.reason("src")
    assert not (out / "src.tar.zst").exists()
    assert not leftovers(out)
