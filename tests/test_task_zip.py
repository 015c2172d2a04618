"""The zip task: every mode and format round-trips through real workers, archives are verified,
and extraction refuses what would land outside its folder, zip bombs and damaged archives."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import random
import shutil
import stat
import struct
import subprocess
import tarfile
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pytest
import zstandard

from workers.engine import EngineOptions, JobSummary, run_plan
from workers.events import Event, ItemFinished, ItemProgress
from workers.plan import OutputPolicy, make_plan
from workers.registry import load_task
from workers.task import ItemError, WorkItem, build_options
from workers.tasks.archive import ZipOptions, ZipTask
from workers.tasks.archive_formats import ArchiveFormat, ZipMethod
from workers.tasks.archive_paths import Unsafe, fold, link_problem, member_parts
from workers.tasks.archive_write import (
    SourceReader,
    VerifyError,
    Written,
    verify_tar,
    verify_zip,
    write_tar,
    write_zip,
)

FORMATS = [f.value for f in ArchiveFormat]
BASE_MTIME = 1_600_000_000  # even: a DOS time keeps it exactly
WORDS = ["alpha", "beta", "gamma", "delta", "archive", "folder", "verify", "member", "window"]


# ------------------------------------------------------------------------------- helpers


def text(n: int, seed: int) -> bytes:
    """Compressible but not trivial bytes."""
    rng = random.Random(seed)
    out = bytearray()
    while len(out) < n:
        out += rng.choice(WORDS).encode() + b" "
    return bytes(out[:n])


def make_tree(root: Path, spec: dict[str, bytes]) -> dict[str, tuple[bytes, int]]:
    """Write ``spec`` under ``root`` with distinct whole-second mtimes; returns rel -> (bytes, mtime)."""
    made = {}
    for i, (rel, data) in enumerate(sorted(spec.items())):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        mtime = BASE_MTIME + i * 3602
        os.utime(path, (mtime, mtime))
        made[rel] = (data, mtime)
    return made


SAMPLE = {
    "photos/2020/beach.txt": text(40_000, 1),
    "photos/2020/sea.bin": random.Random(2).randbytes(30_000),
    "photos/cover.txt": text(3_000, 3),
    "docs/readme.txt": text(5_000, 4),
    "docs/empty.txt": b"",
    "docs/résumé final.txt": text(900, 6),  # not ASCII: tar needs a pax record for it
    "docs/" + "a-rather-long-folder-name/" * 4 + "past the 100 bytes of a plain tar name.txt": b"long",
    "notes.txt": text(700, 5),
}


def fingerprint(root: Path) -> dict[str, tuple[str, int]]:
    """sha256 and mtime of every file under ``root`` (to prove sources are left alone)."""
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file():
            out[str(p.relative_to(root))] = (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
    return out


@dataclass
class Job:
    summary: JobSummary
    events: list[Event]
    plan_items: list[WorkItem]

    def reason(self, name: str) -> str:
        """The failure reason of the item whose source is called ``name``."""
        for item, reason in self.summary.failures:
            if Path(item.source).name == name:
                return reason
        raise AssertionError(f"{name} did not fail: {self.summary}")

    def finished(self) -> dict[str, ItemFinished]:
        by_id = {w.id: w for w in self.plan_items}
        return {Path(by_id[e.item_id].source).name: e for e in self.events if isinstance(e, ItemFinished)}


def run_job(paths: Sequence[Path], out: Path, task_spec: str = "zip",
            policy: OutputPolicy = OutputPolicy.SKIP, **options: Any) -> Job:
    """Plan and run a zip job on real worker processes."""
    task = load_task(task_spec)
    opts = build_options(task, options)
    plan = make_plan(task, opts, paths, out, policy)
    events: list[Event] = []
    summary = run_plan(plan, events.extend, EngineOptions(workers=2))
    return Job(summary, events, plan.all_items)


def read_archive(path: Path) -> dict[str, tuple[bytes, int]]:
    """Member name -> (bytes, mtime) of any archive the task writes, read with the standard tools."""
    if path.name.endswith(".zip"):
        out = {}
        with zipfile.ZipFile(path) as zf:
            assert zf.testzip() is None
            for info in zf.infolist():
                mtime = _ut_mtime(info)
                # The DOS time agrees with the exact one (to its two-second step).
                local = time.localtime(mtime)
                assert info.date_time == (*local[:5], local[5] - local[5] % 2)
                out[info.filename] = (zf.read(info), mtime)
        return out
    if path.name.endswith(".tar.zst"):
        with zstandard.open(path, "rb") as raw:
            return _read_tar(tarfile.open(fileobj=raw, mode="r|"))
    return _read_tar(tarfile.open(path, "r:*"))


def _read_tar(tf: tarfile.TarFile) -> dict[str, tuple[bytes, int]]:
    out = {}
    with tf:
        for info in tf:
            member = tf.extractfile(info)
            assert member is not None
            out[info.name] = (member.read(), int(info.mtime))
    return out


def _ut_mtime(info: zipfile.ZipInfo) -> int:
    extra, i = info.extra, 0
    while i + 4 <= len(extra):
        kind, size = struct.unpack_from("<HH", extra, i)
        if kind == 0x5455:
            return int(struct.unpack_from("<i", extra, i + 5)[0])
        i += 4 + size
    raise AssertionError(f"{info.filename} has no exact mtime field")


def extra_ids(extra: bytes) -> list[int]:
    ids, i = [], 0
    while i + 4 <= len(extra):
        kind, size = struct.unpack_from("<HH", extra, i)
        ids.append(kind)
        i += 4 + size
    return ids


def files_under(root: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(root)): (p.read_bytes(), int(p.stat().st_mtime))
            for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()}


def leftovers(root: Path) -> list[Path]:
    """Partial outputs left behind (there must never be any)."""
    return [p for p in root.rglob("*") if ".bp-part" in p.name]


def make_zip(path: Path, members: Sequence[tuple[str, bytes] | zipfile.ZipInfo], data: bytes = b"") -> Path:
    """A .zip with members named exactly as given (hostile names included)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for m in members:
            if isinstance(m, zipfile.ZipInfo):
                zf.writestr(m, data)
            else:
                zf.writestr(m[0], m[1])
    return path


def zip_symlink(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target.encode()


def make_tar(path: Path, members: Sequence[tuple[str, Any]],
             mode: Literal["w", "w:gz", "w:xz"] = "w") -> Path:
    """A tar of (name, bytes) files, (name, ("sym"|"hard", target)) links and (name, None) folders."""
    with tarfile.open(path, mode) as tf:
        for name, what in members:
            info = tarfile.TarInfo(name)
            info.mtime = BASE_MTIME
            if what is None:
                info.type = tarfile.DIRTYPE
                info.mode = 0o755
                tf.addfile(info)
            elif isinstance(what, tuple):
                info.type = tarfile.SYMTYPE if what[0] == "sym" else tarfile.LNKTYPE
                info.linkname = what[1]
                tf.addfile(info)
            else:
                info.size = len(what)
                info.mode = 0o644
                tf.addfile(info, io.BytesIO(what))
    return path


def make_tar_zst(path: Path, members: Sequence[tuple[str, Any]]) -> Path:
    plain = make_tar(path.with_suffix(".plain"), members)
    path.write_bytes(zstandard.ZstdCompressor(write_checksum=True).compress(plain.read_bytes()))
    plain.unlink()
    return path


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


# ------------------------------------------------------------------------------- modes


@pytest.mark.parametrize("fmt", FORMATS)
def test_per_file_archives_round_trip(tmp_path: Path, fmt: str) -> None:
    src = tmp_path / "src"
    made = make_tree(src, SAMPLE)
    before = fingerprint(src)
    out = tmp_path / "out"

    job = run_job([src], out, mode="per-file", format=fmt)

    assert job.summary.done == len(SAMPLE) and job.summary.failed == 0
    for rel, (data, mtime) in made.items():
        archive = out / f"{rel}.{fmt}"
        assert read_archive(archive) == {Path(rel).name: (data, mtime)}
    assert fingerprint(src) == before
    assert not leftovers(out)

    # ... and extract mode gives back each file itself, bytes and mtime.
    back = tmp_path / "back"
    job = run_job([out], back, mode="extract")
    assert job.summary.done == len(SAMPLE), job.summary.failures
    assert files_under(back) == made


@pytest.mark.parametrize("fmt", FORMATS)
def test_per_folder_archives_round_trip(tmp_path: Path, fmt: str) -> None:
    src = tmp_path / "src"
    made = make_tree(src, SAMPLE)
    before = fingerprint(src)
    out = tmp_path / "out"

    job = run_job([src], out, mode="per-folder", format=fmt)

    assert job.summary.done == 3 and job.summary.failed == 0
    assert sorted(p.name for p in out.iterdir()) == [f"docs.{fmt}", f"notes.txt.{fmt}", f"photos.{fmt}"]
    assert read_archive(out / f"photos.{fmt}") == {k: v for k, v in made.items() if k.startswith("photos/")}
    assert read_archive(out / f"docs.{fmt}") == {k: v for k, v in made.items() if k.startswith("docs/")}
    assert read_archive(out / f"notes.txt.{fmt}") == {"notes.txt": made["notes.txt"]}
    assert fingerprint(src) == before

    back = tmp_path / "back"
    assert run_job([out], back, mode="extract").summary.done == 3
    assert files_under(back) == made  # photos.zip gives photos/..., not photos/photos/...


@pytest.mark.parametrize("fmt", FORMATS)
def test_whole_selection_is_one_archive_named_after_the_folder(tmp_path: Path, fmt: str) -> None:
    src = tmp_path / "holiday"
    made = make_tree(src, SAMPLE)
    before = fingerprint(src)
    out = tmp_path / "out"

    job = run_job([src], out, mode="selection", format=fmt)

    assert job.summary.done == 1
    assert [p.name for p in out.iterdir()] == [f"holiday.{fmt}"]
    members = read_archive(out / f"holiday.{fmt}")
    assert members == {f"holiday/{rel}": v for rel, v in made.items()}
    finished = next(e for e in job.events if isinstance(e, ItemFinished))
    assert finished.data["members"] == len(SAMPLE)
    assert finished.data["bytes_in"] == sum(len(d) for d, _ in made.values())
    assert "verified" in finished.message
    assert fingerprint(src) == before

    back = tmp_path / "back"
    assert run_job([out], back, mode="extract").summary.done == 1
    assert files_under(back / "holiday") == made


def test_selection_archive_name_option(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src, {"a.txt": b"a", "b/c.txt": b"c"})
    out = tmp_path / "out"
    assert run_job([src], out, mode="selection", format="zip", archive_name="backup.zip").summary.done == 1
    assert sorted(read_archive(out / "backup.zip")) == ["backup/a.txt", "backup/b/c.txt"]


def test_selection_progress_follows_the_bytes(tmp_path: Path) -> None:
    src = tmp_path / "src"
    sizes = {"a.bin": 600_000, "b.bin": 200_000, "c.bin": 200_000}
    make_tree(src, {name: random.Random(n).randbytes(n) for name, n in sizes.items()})
    task = load_task("zip")
    opts = build_options(task, {"mode": "selection", "format": "tar.gz"})
    (item,) = make_plan(task, opts, [src], tmp_path / "out").items
    seen: list[tuple[float, str]] = []

    task.run(item, opts, lambda fraction, message="": seen.append((fraction, message)))

    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    # Writing is the first 80 %: once a.bin (60 % of the bytes) is in, the bar is near 48 %.
    after_a = max(f for f, m in seen if m == "adding src/a.bin")
    assert after_a == pytest.approx(0.8 * 0.6, abs=0.01)
    assert any(m.startswith("verifying") for _, m in seen)


def test_progress_events_reach_the_window(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src, {"a.txt": text(1000, 1)})
    job = run_job([src], tmp_path / "out", mode="selection", format="zip")
    progress = [e for e in job.events if isinstance(e, ItemProgress)]
    assert progress and progress[-1].fraction == 1.0


@pytest.mark.parametrize("method", [m.value for m in ZipMethod])
def test_every_zip_method_round_trips(tmp_path: Path, method: str) -> None:
    src = tmp_path / "src"
    made = make_tree(src, {"a.txt": text(50_000, 7), "b.bin": random.Random(8).randbytes(5_000)})
    task = load_task("zip")
    opts = build_options(task, {"mode": "selection", "zip_method": method, "level": 9})
    (item,) = make_plan(task, opts, [src], tmp_path / "out").items
    task.run(item, opts, lambda *a: None)
    archive = tmp_path / "out" / "src.zip"
    assert read_archive(archive) == {f"src/{k}": v for k, v in made.items()}
    expected = {"deflate": zipfile.ZIP_DEFLATED, "bzip2": zipfile.ZIP_BZIP2, "lzma": zipfile.ZIP_LZMA,
                "stored": zipfile.ZIP_STORED}[method]
    with zipfile.ZipFile(archive) as zf:
        assert {i.compress_type for i in zf.infolist()} == {expected}


def test_big_members_get_zip64_headers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Shrinking zipfile's 4 GB threshold stands in for a 4 GB file.
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 10_000)
    src = tmp_path / "big.bin"
    src.write_bytes(text(50_000, 9))
    target = tmp_path / "big.zip"
    written = write_zip(target, [(str(src), "big.bin")], ZipMethod.DEFLATE, -1, lambda n, name: None)
    verify_zip(target, written, lambda n, name: None)
    with zipfile.ZipFile(target) as zf:
        (info,) = zf.infolist()
        assert 0x0001 in extra_ids(info.extra)  # the zip64 extra field
        assert zf.read(info) == src.read_bytes()


# ------------------------------------------------------------------------------- verification


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


# ------------------------------------------------------------------------------- extraction


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
    assert "not a zip or tar archive" in job.reason("random.tar.xz")
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


# ------------------------------------------------------------------------------- other tools


@pytest.mark.skipif(not shutil.which("unzip"), reason="unzip is not installed")
def test_unzip_accepts_our_zip_with_exact_mtimes(tmp_path: Path) -> None:
    src = tmp_path / "src"
    made = make_tree(src, {"a.txt": text(10_000, 1), "d/b.txt": b"b"})
    out = tmp_path / "out"
    assert run_job([src], out, mode="selection", format="zip").summary.done == 1
    subprocess.run(["unzip", "-tq", str(out / "src.zip")], check=True, capture_output=True)
    subprocess.run(["unzip", "-q", str(out / "src.zip"), "-d", str(tmp_path / "u")], check=True)
    assert files_under(tmp_path / "u" / "src") == made


@pytest.mark.skipif(not shutil.which("zip"), reason="zip is not installed")
def test_extracts_what_zip_made(tmp_path: Path) -> None:
    src = tmp_path / "tree"
    made = make_tree(src, {"a.txt": text(10_000, 1), "d/b.txt": b"b"})
    (src / "d" / "link").symlink_to("b.txt")
    arc = tmp_path / "in"
    arc.mkdir()
    subprocess.run(["zip", "-qry", str(arc / "tree.zip"), "tree"], cwd=tmp_path, check=True)
    out = tmp_path / "out"
    assert run_job([arc], out, mode="extract").summary.done == 1
    assert files_under(out / "tree") == made
    assert os.readlink(out / "tree" / "d" / "link") == "b.txt"


def test_presets_build_valid_options() -> None:
    task = load_task("zip")
    assert isinstance(task, ZipTask)
    for preset in task.presets:
        assert isinstance(build_options(task, preset=preset), ZipOptions)
    assert build_options(task, preset="one .tar.zst").format is ArchiveFormat.TAR_ZST
