"""Helpers shared by the zip task's tests: sample trees, a job on real workers, archives read back
with the standard tools, and hand-made archives (hostile ones included)."""

from __future__ import annotations

import hashlib
import io
import os
import random
import struct
import tarfile
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import zstandard

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
