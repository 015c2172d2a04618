"""Helpers shared by the zip task's tests: sample trees, a job on real workers, archives read back
with the standard tools, and hand-made archives (hostile ones included)."""

from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import struct
import subprocess
import tarfile
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import py7zr
import pytest
import pyzipper
import zstandard
from py7zr.io import BytesIOFactory

from workers.engine import EngineOptions, JobSummary, run_plan
from workers.events import Event, ItemFinished
from workers.plan import OutputPolicy, make_plan
from workers.registry import load_task
from workers.task import WorkItem, build_options
from workers.tasks.archive_formats import ArchiveFormat

FORMATS = [f.value for f in ArchiveFormat]
BASE_MTIME = 1_600_000_000  # even: a DOS time keeps it exactly
WORDS = ["alpha", "beta", "gamma", "delta", "archive", "folder", "verify", "member", "window"]


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


def read_archive(path: Path, password: str = "") -> dict[str, tuple[bytes, int]]:
    """Member name -> (bytes, mtime) of any archive the task writes, read with the standard tools
    (pyzipper and py7zr for .zip with a password and .7z)."""
    if path.name.endswith(".7z"):
        return read_7z(path, password)
    if path.name.endswith(".zip"):
        out = {}
        with (pyzipper.AESZipFile(path) if password else zipfile.ZipFile(path)) as zf:
            if password:
                zf.setpassword(password.encode())
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


def read_7z(path: Path, password: str = "") -> dict[str, tuple[bytes, int]]:
    """Member name -> (bytes, mtime) of the files in a .7z, read with py7zr (which checks CRCs)."""
    with py7zr.SevenZipFile(path, password=password or None) as zf:
        times = {f.filename: int(f.lastwritetime.totimestamp()) for f in zf.files if not f.is_directory}
        factory = BytesIOFactory(1 << 30)
        zf.extractall(factory=factory)
    return {name: (factory.get(name).read(), times[name]) for name in times}


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


# -- 7-Zip and encrypted archives ---------------------------------------------------------------

# Debian's 7zip package installs 7-Zip itself as `7zz`; p7zip's `7z` reads the same archives.
SEVEN_ZIP = shutil.which("7zz") or shutil.which("7z") or ""
needs_7zip = pytest.mark.skipif(not SEVEN_ZIP, reason="7-Zip is not installed (apt-get install 7zip)")


def seven_zip(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run 7-Zip; stdin is closed, so a missing password makes it fail instead of asking."""
    return subprocess.run([SEVEN_ZIP, *args, "-bd", "-y"], cwd=cwd, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)


def make_7z(path: Path, members: Sequence[tuple[str, bytes]], password: str | None = None,
            encrypt_names: bool = False) -> Path:
    """A .7z written by py7zr with members named exactly as given ("../x" included)."""
    scratch = path.with_name(path.name + ".members")
    scratch.mkdir()
    with py7zr.SevenZipFile(path, "w", password=password, header_encryption=encrypt_names) as zf:
        for i, (name, data) in enumerate(members):
            source = scratch / str(i)
            source.write_bytes(data)
            if name.startswith("/"):
                # write() would strip the slash, writef() refuses the name: a hostile tool does neither.
                zf._writef(io.BytesIO(data), name)
            else:
                zf.write(source, arcname=name)
    shutil.rmtree(scratch)
    return path


def make_7z_symlink(path: Path, name: str, target: str) -> Path:
    """A .7z holding one symlink ``name`` -> ``target`` (stored as py7zr stores links)."""
    scratch = path.with_name(path.name + ".link")
    link = scratch / "a" / "b" / "c" / "link"
    link.parent.mkdir(parents=True)
    link.symlink_to(target)
    # py7zr stores only a link that leads somewhere: give a relative target something to find.
    if not os.path.isabs(target) and not link.exists():
        (link.parent / target).parent.mkdir(parents=True, exist_ok=True)
        (link.parent / target).write_bytes(b"")
    with py7zr.SevenZipFile(path, "w") as zf:
        zf.write(link, arcname=name)
    shutil.rmtree(scratch)
    return path


def nothing_of(root: Path) -> bool:
    """``root`` holds no output at all (absent or empty but for the job's own files)."""
    return not root.exists() or not [p for p in root.iterdir() if not p.name.startswith(".batchpilot")]
