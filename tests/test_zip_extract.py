"""Extract mode with archives that are empty, cut short or not archives at all, overwrites that
fail, file names that are not UTF-8, and files that are not archives."""

from __future__ import annotations

import gzip
import os
import random
from pathlib import Path

import pytest

from tests.zip_support import (
    files_under,
    leftovers,
    make_tar,
    make_tar_zst,
    make_tree,
    make_zip,
    read_archive,
    run_job,
    text,
)
from workers.plan import OutputPolicy


def test_empty_truncated_and_random_archives_fail_with_reasons(tmp_path: Path) -> None:
    arc = tmp_path / "in"
    arc.mkdir()
    good = tmp_path / "good"
    good.mkdir()
    members = [(f"f{i}.txt", text(20_000, i)) for i in range(6)]
    make_zip(good / "g.zip", members)
    make_tar(good / "g.tar.gz", members, mode="w:gz")
    make_tar(good / "g.tar.xz", members, mode="w:xz")
    make_tar(good / "g.tar", members)
    make_tar_zst(good / "g.tar.zst", members)
    noise = random.Random(5).randbytes(5000)
    (arc / "empty.zip").write_bytes(b"")
    (arc / "empty.tar.gz").write_bytes(b"")
    (arc / "random.zip").write_bytes(noise)
    (arc / "random.tar.xz").write_bytes(noise)
    (arc / "random.tar").write_bytes(noise)
    for ext in ("zip", "tar.gz", "tar.xz", "tar.zst"):
        data = (good / f"g.{ext}").read_bytes()
        (arc / f"cut.{ext}").write_bytes(data[: len(data) * 2 // 3])
    plain = (good / "g.tar").read_bytes()
    (arc / "cut-at-header.tar").write_bytes(plain[: 512 + 20_480])  # first member whole, then nothing
    (arc / "notatar.tar.gz").write_bytes(gzip.compress(text(5000, 1)))

    job = run_job([arc], tmp_path / "out", mode="extract")

    assert job.summary.failed == 11 and job.summary.done == 0
    for name in ("empty.zip", "empty.tar.gz"):
        assert "empty (0 bytes)" in job.reason(name)
    assert "not a readable zip archive" in job.reason("random.zip")
    assert "not a zip, 7z or tar archive" in job.reason("random.tar.xz")
    assert "damaged" in job.reason("random.tar")
    assert "not a readable zip archive" in job.reason("cut.zip")
    for name in ("cut.tar.gz", "cut.tar.xz", "cut.tar.zst", "cut-at-header.tar", "notatar.tar.gz"):
        assert "damaged or truncated" in job.reason(name), name
    for item, reason in job.summary.failures:
        assert Path(item.source).name in reason
    assert not leftovers(tmp_path / "out")


def test_a_failed_overwrite_keeps_the_previous_output(tmp_path: Path) -> None:
    arc = tmp_path / "in"
    arc.mkdir()
    make_zip(arc / "pack.zip", [("a.txt", b"first")])
    out = tmp_path / "out"
    assert run_job([arc], out, mode="extract").summary.done == 1

    (arc / "pack.zip").write_bytes(b"garbage that is not a zip")
    job = run_job([arc], out, policy=OutputPolicy.OVERWRITE, mode="extract")
    assert job.summary.failed == 1
    assert (out / "pack" / "a.txt").read_bytes() == b"first"

    make_zip(arc / "pack.zip", [("b.txt", b"second")])
    assert run_job([arc], out, policy=OutputPolicy.OVERWRITE, mode="extract").summary.done == 1
    assert files_under(out / "pack") == {"b.txt": (b"second", int((out / "pack" / "b.txt").stat().st_mtime))}
    assert not leftovers(out)


def test_non_utf8_file_names(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    raw = os.fsencode(src) + b"/caf\xe9.txt"
    try:
        with open(raw, "wb") as f:
            f.write(b"latin-1 name")
    except OSError:
        pytest.skip("this file system only takes UTF-8 names")
    (src / "plain.txt").write_bytes(b"plain")
    out = tmp_path / "out"

    for fmt in ("zip", "tar.gz"):
        assert run_job([src], out, mode="selection", format=fmt).summary.done == 1
    # A zip gets a name every unzip shows; a tar keeps the bytes as they were.
    assert read_archive(out / "src.zip")["src/café.txt"][0] == b"latin-1 name"
    tar_names = {os.fsencode(n): d for n, (d, _) in read_archive(out / "src.tar.gz").items()}
    assert tar_names[b"src/caf\xe9.txt"] == b"latin-1 name"

    back = tmp_path / "back"
    job = run_job([out], back, mode="extract")
    assert job.summary.done == 2, job.summary.failures
    found = {p.name: p.read_bytes() for p in map(Path, os.listdir(back)) for p in (back / p).iterdir()}
    assert found == {"café.txt": b"latin-1 name", os.fsdecode(b"caf\xe9.txt"): b"latin-1 name",
                     "plain.txt": b"plain"}


def test_extract_mode_skips_files_that_are_not_archives(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src, {"notes.txt": b"hi"})
    make_zip(src / "a.zip", [("x.txt", b"x")])
    job = run_job([src], tmp_path / "out", mode="extract")
    assert job.summary.done == 1 and job.summary.skipped == 1
    assert (tmp_path / "out" / "a" / "x.txt").read_bytes() == b"x"
