"""The work folder of a long video encoded in segments: cut points, finished segments, manifest.

A segment holds the encoder's packets exactly as they came out (timestamps in the source's time
base, keyframe flags, the codec's headers), so the join copies them without rounding: Matroska
would round the times to milliseconds and MP4 would reshape them with edit lists. A segment file
appears complete or not at all; the manifest says which are finished, for which source and which
settings, with a checksum each, so a changed source or a damaged file is never joined.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import struct
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import IO, Any

from workers.outputs import atomic_output, is_partial_name, partial_path
from workers.tasks.media_lanes import AvSettings
from workers.tasks.media_shared import free_claims, is_shared_file, manifest_lock

MANIFEST = "manifest.json"
_VERSION = 1
_MAGIC = b"BPSEG1\n"
_HEADER = struct.Struct("<I")
_RECORD = struct.Struct("<qqqBI")  # pts, dts, duration, keyframe, size
_NONE = -(2**63)  # a missing timestamp
Stored = tuple[int | None, int | None, int, bool, bytes]  # pts, dts, duration, keyframe, data
_SAMPLE = 1 << 20  # bytes hashed at each end of the source
# Encoder options that say how many threads to use and nothing about the picture.
_THREAD_KNOBS = frozenset({"threads", "pools", "lp", "frame-threads", "numa-pools"})


def source_identity(path: str) -> dict[str, Any]:
    """Size, modification time and a hash of both ends: enough to notice a replaced or edited file."""
    st = os.stat(path)
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        digest.update(f.read(_SAMPLE))
        if st.st_size > _SAMPLE:
            f.seek(max(_SAMPLE, st.st_size - _SAMPLE))
            digest.update(f.read(_SAMPLE))
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "ends_sha256": digest.hexdigest()}


def _without_thread_knobs(key: str, value: str) -> str:
    if not key.endswith("-params"):
        return value
    kept = [p for p in value.split(":") if p.split("=", 1)[0] not in _THREAD_KNOBS]
    return ":".join(kept)


def bitstream_settings(s: AvSettings) -> dict[str, Any]:
    """The settings that shape the video's bitstream: segments made under others cannot be joined."""
    options = {k: _without_thread_knobs(k, v) for k, v in sorted(s.video_options.items())
               if k not in _THREAD_KNOBS}
    return {"codec": s.video_codec, "options": options, "bitrate": s.video_bitrate,
            "box": [s.max_width, s.max_height], "tag": s.codec_tag, "container": s.container,
            "segment_seconds": s.segment_seconds}


def choose_cuts(keyframes: list[int], time_base: Fraction, every: float) -> list[int]:
    """Segment starts: the first keyframe, then the first keyframe at or after each ``every`` seconds."""
    if not keyframes:
        return []
    cuts = [keyframes[0]]
    step = max(1, round(every / time_base))
    mark = keyframes[0] + step
    for pts in keyframes[1:]:
        if pts >= mark:
            cuts.append(pts)
            mark = pts + step
    return cuts


@dataclass
class Finished:
    """A finished segment as the manifest records it."""

    bytes: int
    sha256: str
    packets: int
    headers_sha256: str  # the codec's extradata: equal in every segment, or the join would break


@dataclass
class Manifest:
    source: dict[str, Any]
    settings: dict[str, Any]
    time_base: tuple[int, int]
    cuts: list[int]  # segment i starts at cuts[i] (source pts) and ends where the next starts
    frames: int  # video packets in the source
    done: dict[int, Finished] = field(default_factory=dict)
    sound: dict[int, Finished] = field(default_factory=dict)  # by source stream index, once all are made
    sound_seconds: float = 0.0
    version: int = _VERSION
    run: str = ""  # the run whose worker owns the encode now: only its helpers join in

    @property
    def count(self) -> int:
        return len(self.cuts)

    def span(self, index: int, total_seconds: float, start_seconds: float) -> float:
        """Seconds of the source segment ``index`` covers."""
        tb = Fraction(*self.time_base)
        begin = float(self.cuts[index] * tb) - start_seconds if index else 0.0
        end = (float(self.cuts[index + 1] * tb) - start_seconds if index + 1 < self.count else total_seconds)
        return max(0.0, end - begin)

    def to_json(self) -> str:
        data = asdict(self)
        data["done"] = {str(i): asdict(f) for i, f in sorted(self.done.items())}
        data["sound"] = {str(i): asdict(f) for i, f in sorted(self.sound.items())}
        return json.dumps(data, indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        done = {int(i): Finished(**f) for i, f in data.pop("done").items()}
        sound = {int(i): Finished(**f) for i, f in data.pop("sound").items()}
        data["time_base"] = tuple(data["time_base"])
        return cls(**data, done=done, sound=sound)


def segment_name(index: int) -> str:
    return f"segment-{index:05d}.bpseg"


def sound_name(stream: int) -> str:
    """The file of a sound track, encoded once for the whole length (``stream``: its index in the source)."""
    return f"sound-{stream:02d}.bpseg"


class WorkFolder:
    """The hidden folder beside an output that keeps a long video's finished segments."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def load(self) -> Manifest | None:
        try:
            manifest = Manifest.from_json((self.path / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # none yet, or unreadable: start over
        return manifest if manifest.version == _VERSION else None

    def save(self, manifest: Manifest) -> None:
        with atomic_output(self.path / MANIFEST) as tmp:
            tmp.write_text(manifest.to_json(), encoding="utf-8")

    def update(self, change: Callable[[Manifest], object]) -> Manifest | None:
        """Apply ``change`` to the manifest as it is on disk now and save it, one process at a
        time (helpers enter their segments too); None if it is gone (the video is done)."""
        with contextlib.suppress(FileNotFoundError), manifest_lock(self.path):
            manifest = self.load()
            if manifest is not None:
                change(manifest)
                self.save(manifest)
            return manifest
        return None

    def ours(self, name: str) -> bool:
        return name == MANIFEST or name.endswith(".bpseg") or is_partial_name(name) or is_shared_file(name)

    def _removable(self, name: str) -> bool:
        # The locks stay while the folder is in use: a process holding one would otherwise hold
        # a file nobody else can find. Claims go only when nobody holds them (free_claims).
        return self.ours(name) and not is_shared_file(name)

    def clear(self) -> None:
        """Remove every file this module writes but the locks, and the claims nobody holds."""
        with contextlib.suppress(FileNotFoundError):
            for entry in os.scandir(self.path):
                if entry.is_file(follow_symlinks=False) and self._removable(entry.name):
                    os.unlink(entry.path)
        free_claims(self.path)

    def tidy(self, manifest: Manifest) -> None:
        """Remove what a stopped run left: partial files and segments the manifest does not list."""
        keep = {MANIFEST} | {segment_name(i) for i in manifest.done} | {sound_name(i) for i in manifest.sound}
        for entry in os.scandir(self.path):
            if entry.is_file(follow_symlinks=False) and self._removable(entry.name) and entry.name not in keep:
                os.unlink(entry.path)
        free_claims(self.path)

    def remove(self) -> None:
        """The output is kept: the folder goes (only if nothing but ours was in it)."""
        self.clear()
        with contextlib.suppress(FileNotFoundError):
            for entry in os.scandir(self.path):
                if entry.is_file(follow_symlinks=False) and self.ours(entry.name):
                    os.unlink(entry.path)
        with contextlib.suppress(OSError):
            self.path.rmdir()

    def intact(self, name: str, finished: Finished) -> bool:
        """True if the file is there with the size and checksum recorded when it was finished."""
        path = self.path / name
        try:
            if path.stat().st_size != finished.bytes:
                return False
            digest = hashlib.sha256()
            with open(path, "rb") as f:
                while chunk := f.read(1 << 20):
                    digest.update(chunk)
        except OSError:
            return False
        return digest.hexdigest() == finished.sha256

    def writer(self, name: str, time_base: Fraction) -> SegmentWriter:
        self.path.mkdir(parents=True, exist_ok=True)
        return SegmentWriter(self.path / name, time_base)

    def packets(self, name: str) -> tuple[bytes, Fraction, Iterator[Stored]]:
        """A finished file's codec headers, time base and packets (pts, dts, duration, keyframe, data)."""
        return read_segment(self.path / name)


def _unnamed_file(folder: Path) -> int | None:
    # Linux: a file with no name until it is linked in, so a killed run leaves nothing behind.
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_RDWR, 0o644)
    except OSError:  # a file system without unnamed files
        return None


class SegmentWriter:
    """Writes one segment so that it is complete or absent; ``finish`` puts it in place."""

    def __init__(self, final: Path, time_base: Fraction) -> None:
        self.final = final
        self.time_base = time_base
        self.partial: Path | None = None
        fd = _unnamed_file(final.parent)
        if fd is None:
            self.partial = partial_path(final)
            fd = os.open(self.partial, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
        self.file: IO[bytes] = os.fdopen(fd, "w+b", buffering=1 << 20)
        self.digest = hashlib.sha256()
        self.size = 0
        self.count = 0
        self.first_is_key: bool | None = None
        self.headers: bytes | None = None

    def _put(self, data: bytes) -> None:
        self.file.write(data)
        self.digest.update(data)
        self.size += len(data)

    def start(self, headers: bytes) -> None:
        """Write the file's header: the codec's extradata, needed by the join's check."""
        self.headers = headers
        head = json.dumps({"time_base": [self.time_base.numerator, self.time_base.denominator],
                           "headers": base64.b64encode(headers).decode()}).encode()
        self._put(_MAGIC + _HEADER.pack(len(head)) + head)

    def write(self, packets: list[Any]) -> None:
        for p in packets:
            data = bytes(p)
            if self.first_is_key is None:
                self.first_is_key = bool(p.is_keyframe)
            pts = _NONE if p.pts is None else p.pts
            dts = _NONE if p.dts is None else p.dts
            self._put(_RECORD.pack(pts, dts, p.duration or 0, 1 if p.is_keyframe else 0, len(data)) + data)
            self.count += 1

    def finish(self) -> Finished:
        self.file.flush()
        os.fsync(self.file.fileno())
        if self.partial is not None:
            self.file.close()
            os.replace(self.partial, self.final)
        else:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.final)  # a damaged one from an earlier run
            self._link()
            self.file.close()
        headers = hashlib.sha256(self.headers or b"").hexdigest()
        return Finished(self.size, self.digest.hexdigest(), self.count, headers)

    def _link(self) -> None:
        folder = os.open(self.final.parent, os.O_RDONLY)
        try:
            os.link(f"/proc/self/fd/{self.file.fileno()}", self.final.name, dst_dir_fd=folder,
                    follow_symlinks=True)
        except OSError:
            # No linking of unnamed files here: copy through a partial name instead.
            partial = partial_path(self.final)
            self.file.seek(0)
            with open(partial, "wb") as copy:
                while chunk := self.file.read(1 << 20):
                    copy.write(chunk)
                copy.flush()
                os.fsync(copy.fileno())
            os.replace(partial, self.final)
        finally:
            os.close(folder)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.file.close()
        if self.partial is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.partial)


def read_segment(path: Path) -> tuple[bytes, Fraction, Iterator[Stored]]:
    f = open(path, "rb")  # noqa: SIM115 - closed by the generator below
    try:
        if f.read(len(_MAGIC)) != _MAGIC:
            raise ValueError(f"{path.name} is not a segment file")
        (size,) = _HEADER.unpack(f.read(_HEADER.size))
        head = json.loads(f.read(size))
        headers = base64.b64decode(head["headers"])
        time_base = Fraction(*head["time_base"])
    except BaseException:
        f.close()
        raise

    def packets() -> Iterator[Stored]:
        with f:
            while raw := f.read(_RECORD.size):
                if len(raw) < _RECORD.size:
                    raise ValueError(f"{path.name} ends in the middle of a packet")
                pts, dts, duration, key, size = _RECORD.unpack(raw)
                data = f.read(size)
                if len(data) < size:
                    raise ValueError(f"{path.name} ends in the middle of a packet")
                yield (None if pts == _NONE else pts, None if dts == _NONE else dts, duration, bool(key), data)

    return headers, time_base, packets()
