"""Extraction refuses what would land outside its folder (climbing names, absolute paths, links
out or through links), zip bombs and too many members; links that stay inside are kept."""

from __future__ import annotations

import os
import random
import stat
import zipfile
from pathlib import Path

import pytest

from tests.zip_support import BASE_MTIME, fingerprint, make_tar, make_tar_zst, make_zip, run_job
from workers.tasks.archive_paths import Unsafe, fold, link_problem, member_parts


def zip_symlink(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target.encode()


def test_extract_refuses_members_that_would_land_outside(tmp_path: Path) -> None:
    arc = tmp_path / "in"
    arc.mkdir()
    ok = ("ok.txt", b"fine")
    make_zip(arc / "dotdot.zip", [ok, ("../evil.txt", b"x")])
    make_zip(arc / "backslash.zip", [ok, ("..\\..\\evil.txt", b"x")])
    make_zip(arc / "absolute.zip", [ok, ("/evil-abs.txt", b"x")])
    make_tar(arc / "dotdot.tar", [ok, ("a/../../evil.txt", b"x")])
    make_tar(arc / "absolute.tar.gz", [ok, ("/evil-abs.txt", b"x")], mode="w:gz")
    make_tar(arc / "symlink-out.tar", [ok, ("link", ("sym", "../../outside"))])
    make_tar(arc / "symlink-abs.tar.xz", [ok, ("link", ("sym", "/etc"))], mode="w:xz")
    make_tar(arc / "through-link.tar", [("link", ("sym", ".")), ("link/evil.txt", b"x")])
    make_tar_zst(arc / "chain.tar.zst", [("b", ("sym", ".")), ("a", ("sym", "b/../../evil"))])
    # On a case-insensitive disk "b" runs through the link "B": refused everywhere.
    make_tar(arc / "case.tar", [("B", ("sym", ".")), ("a", ("sym", "b/../evil"))])
    make_tar(arc / "hardlink-out.tar", [ok, ("h", ("hard", "../../etc/passwd"))])
    info, target = zip_symlink("link", "../../outside")
    make_zip(arc / "zip-symlink.zip", [info], target)
    before = fingerprint(arc)
    out = tmp_path / "out"

    job = run_job([arc], out, mode="extract")

    assert job.summary.failed == 12 and job.summary.done == 0
    assert "'../evil.txt'" in job.reason("dotdot.zip") and "climbs out" in job.reason("dotdot.zip")
    assert "climbs out" in job.reason("backslash.zip")
    assert "absolute path" in job.reason("absolute.zip")
    assert "climbs out" in job.reason("dotdot.tar")
    assert "absolute path" in job.reason("absolute.tar.gz")
    assert "leading outside" in job.reason("symlink-out.tar")
    assert "absolute path '/etc'" in job.reason("symlink-abs.tar.xz")
    assert "through the link" in job.reason("through-link.tar")
    assert "through another link" in job.reason("chain.tar.zst")
    assert "through another link" in job.reason("case.tar")
    assert "hard link" in job.reason("hardlink-out.tar")
    assert "leading outside" in job.reason("zip-symlink.zip")
    for name in ("dotdot.zip", "symlink-out.tar"):
        assert "nothing was extracted" in job.reason(name)
    # Nothing escaped, nothing half-done is left, and the archives are as they were.
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(("evil", "outside"))]
    assert not out.exists() or not any(out.iterdir())
    assert fingerprint(arc) == before


def test_member_names_stay_inside_the_folder() -> None:
    assert member_parts("a/./b//c.txt") == ("a", "b", "c.txt")
    assert member_parts("./") == ()
    for name in ("../x", "a/../../x", "a/..", "/etc/passwd", "C:\\x", "a\\..\\..\\x", "x\x00y"):
        with pytest.raises(Unsafe):
            member_parts(name)


def test_link_targets_are_walked_like_the_system_walks_them() -> None:
    links = {fold(("B",)), fold(("lib", "x.so"))}
    assert link_problem(("lib", "x.so"), "x.so.1", links) is None
    assert link_problem(("lib", "x.so"), "../data/y", links) is None  # lib/.. is the folder itself
    assert link_problem(("top",), "lib/x.so", links) is None  # a link to a link is fine
    assert link_problem(("top",), "../x", links) == "is a link leading outside the folder ('../x')"
    assert link_problem(("top",), "/etc", links) == "is a link to the absolute path '/etc'"
    assert "through another link" in str(link_problem(("top",), "b/../x", links))  # "b" may be "B"
    assert link_problem(("top",), "", links) is not None


def test_extract_keeps_links_that_stay_inside(tmp_path: Path) -> None:
    arc = tmp_path / "in"
    arc.mkdir()
    make_tar(arc / "release.tar", [("v1", None), ("v1/data.txt", b"payload"),
                                   ("latest", ("sym", "v1/data.txt")), ("copy.txt", ("hard", "v1/data.txt"))])
    out = tmp_path / "out"
    job = run_job([arc], out, mode="extract")
    assert job.summary.done == 1, job.summary.failures
    folder = out / "release"
    assert (folder / "latest").is_symlink() and os.readlink(folder / "latest") == "v1/data.txt"
    assert (folder / "latest").read_bytes() == b"payload"
    assert (folder / "copy.txt").read_bytes() == b"payload"
    assert int((folder / "v1" / "data.txt").stat().st_mtime) == BASE_MTIME


def test_skip_unsafe_extracts_only_the_safe_members(tmp_path: Path) -> None:
    arc = tmp_path / "in"
    arc.mkdir()
    make_zip(arc / "mixed.zip", [("good/a.txt", b"good"), ("../evil.txt", b"x")])
    out = tmp_path / "out"
    job = run_job([arc], out, mode="extract", skip_unsafe=True)
    assert job.summary.done == 1
    assert (out / "mixed" / "good" / "a.txt").read_bytes() == b"good"
    message = job.finished()["mixed.zip"].message
    assert "left out 1" in message and "../evil.txt" in message
    assert not list(tmp_path.rglob("evil.txt"))


def test_zip_bombs_are_stopped(tmp_path: Path) -> None:
    arc = tmp_path / "in"
    arc.mkdir()
    zeros = bytes(8 << 20)
    make_zip(arc / "bomb.zip", [("zeros.bin", zeros)])  # the zip says so up front
    make_tar(arc / "bomb.tar.gz", [("zeros.bin", zeros)], mode="w:gz")  # found while unpacking
    make_zip(arc / "big.zip", [("noise.bin", random.Random(1).randbytes(3 << 20))])
    out = tmp_path / "out"

    job = run_job([arc], out, mode="extract", max_ratio=20, max_total_mb=2)

    assert job.summary.failed == 3
    assert "zip bomb" in job.reason("bomb.zip") and "max_ratio" in job.reason("bomb.zip")
    assert "zip bomb" in job.reason("bomb.tar.gz") and "nothing was kept" in job.reason("bomb.tar.gz")
    assert "max_total_mb" in job.reason("big.zip")
    assert not out.exists() or not any(out.iterdir())


def test_too_many_members_are_refused(tmp_path: Path) -> None:
    arc = tmp_path / "in"
    arc.mkdir()
    make_tar(arc / "many.tar", [(f"f{i}.txt", b"") for i in range(30)])
    job = run_job([arc], tmp_path / "out", mode="extract", max_files=10)
    assert "more than 10 members" in job.reason("many.tar")
