"""Audio and video through PyAV: decode the source, scale, encode, mux, then check the result.

One pass over the source's packets feeds a "lane" per kept stream (video, each audio track,
subtitles). Timestamps are shifted so the output starts at zero, as the ffmpeg tool does.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import av
import av.logging

from workers.task import ItemError, Report, SkipItem
from workers.tasks.media_check import (
    ADVICE,
    clock,
    damaged_at,
    duration_tolerance,
    ffmpeg_detail,
    read_failure,
    truncation_mark,
    verify_media,
)
from workers.tasks.media_colour import Stated
from workers.tasks.media_lanes import AudioLane, AvSettings, VideoLane, encoder_failures, park_decoder_threads
from workers.tasks.media_segmented import SegmentedEncode, for_segments
from workers.tasks.media_segmented import wanted as segments_wanted
from workers.tasks.media_segments import WorkFolder
from workers.tasks.media_shared import owner_active
from workers.tasks.media_subtitles import SubtitleLane, subtitle_lane

# Container tags that describe the old file rather than its content.
_STALE_TAGS = frozenset({"major_brand", "minor_version", "compatible_brands", "encoder", "duration"})
# Packets the decoder may reject (each skipped, with a note) before the file counts as too damaged.
_MAX_DAMAGED_PACKETS = 20
# Packets of other streams kept while waiting for the first picture (a decoder's delay is far less).
_MAX_HELD = 4096
# Formats whose header states the exact duration, so a shorter decode means a cut-short file.
_EXACT_DURATION_FORMATS = ("mov", "matroska", "wav", "flac", "ogg", "aiff")


def _quiet_ffmpeg() -> None:
    # FFmpeg's log lines are how it says *why* something failed; we capture them per run.
    # Lines from other threads (frame-threaded codecs) must not spill onto the worker's stderr.
    av.logging.set_level(av.logging.WARNING)
    av.logging.set_skip_repeated(False)  # the second bad file must be told its own reason
    libav = logging.getLogger("libav")
    libav.propagate = False
    if not libav.handlers:
        libav.addHandler(logging.NullHandler())
    os.environ.setdefault("SVT_LOG", "1")  # SVT-AV1 prints a banner per encode otherwise


def _is_picture(stream: Any) -> bool:
    return bool(stream.disposition & av.stream.Disposition.attached_pic)


def _pick_default(streams: Sequence[Any]) -> Any | None:
    for s in streams:
        if s.disposition & av.stream.Disposition.default:
            return s
    return streams[0] if streams else None


@dataclass
class AvResult:
    seconds: float
    facts: dict[str, Any]
    notes: list[str]
    # A segmented encode's work folder: removed by :func:`output_kept` once the output is in place
    # (not before: a run stopped between the check and the rename still has every segment).
    work_folder: str = ""


def output_kept(result: AvResult) -> None:
    """The output of ``result`` is in place: the segments it was joined from are no longer needed."""
    if result.work_folder:
        WorkFolder(result.work_folder).remove()


class _Transcode:
    def __init__(self, inp: Any, s: AvSettings, name: str) -> None:
        self.inp = inp
        self.s = s
        self.name = name
        video_in = [v for v in inp.streams.video if not _is_picture(v)]
        audio_in = list(inp.streams.audio)
        self.video_in = _pick_default(video_in) if s.video_codec else None
        if s.video_codec and self.video_in is None:
            what = "only sound" if audio_in else "no video stream"
            raise SkipItem(f"has {what}: the {s.label} preset makes videos "
                           "(choose an audio format for sound files)")
        self.video_stated: Stated | None = None
        if self.video_in is not None:
            self.video_in.thread_type = "AUTO"  # frame and slice threads, as many as we may use
            self.video_in.thread_count = s.threads
            self.video_stated = Stated.of(self.video_in.codec_context)  # before decoding overwrites it
        if s.video_codec:
            self.audio_in = audio_in  # every audio track (languages, commentary) goes along
        else:
            first = _pick_default(audio_in)
            self.audio_in = [first] if first is not None else []
        if not self.audio_in and not s.video_codec:
            raise SkipItem(f"has no audio stream: there is no sound to make {s.label} from")
        self.notes: list[str] = []
        self.main: Any = None  # the lane whose position is the progress
        self.longest = 0.0  # seconds, subtitle cues included
        self.damaged: list[tuple[float, str]] = []  # (where, FFmpeg's line) of skipped packets
        start = inp.start_time if inp.start_time is not None else 0
        self.start_seconds = start / 1e6

    def _offset(self, stream: Any) -> int:
        return round(self.start_seconds / stream.time_base) if stream.time_base else 0

    def open_lanes(self, out: Any, first: Any | None) -> dict[int, Any]:
        """Output streams for the kept source streams, by source stream index (``first``: the
        first decoded picture, which tells the turn and the colour)."""
        lanes: list[Any] = []
        try:
            if self.video_in is not None and self.video_stated is not None:
                lanes.append(VideoLane(out, self.video_in, self.s, self._offset(self.video_in), first,
                                       self.video_stated))
            for ist in self.audio_in:
                lanes.append(AudioLane(out, ist, self.s, self._offset(ist)))
        except (av.FFmpegError, ValueError) as exc:
            raise ItemError(f"the {self.s.label} encoder cannot take {self.name}: {exc}") from None
        if self.s.keep_subtitles and self.s.video_codec:
            for ist in self.inp.streams.subtitles:
                lane, note = subtitle_lane(out, ist, self._offset(ist))
                if lane is not None:
                    lanes.append(lane)
                if note:
                    self.notes.append(note)
        for lane in lanes:  # a track's language is how players pick it: kept even when tags go
            language = lane.ist.metadata.get("language")
            if language and not isinstance(lane, SubtitleLane):
                lane.ost.metadata["language"] = language
        if self.s.keep_metadata:
            self._copy_metadata(out, lanes)
        self.main = lanes[0]
        return {lane.ist.index: lane for lane in lanes}

    def _copy_metadata(self, out: Any, lanes: list[Any]) -> None:
        for key, value in self.inp.metadata.items():
            if key.lower() not in _STALE_TAGS:
                out.metadata[key] = value
        for lane in lanes:
            title = lane.ist.metadata.get("title")
            if title:
                lane.ost.metadata["title"] = title
        if self.s.video_codec:
            try:
                chapters = self.inp.chapters()
                if chapters:
                    out.set_chapters(chapters)
            except (av.FFmpegError, ValueError, TypeError):
                self.notes.append("chapters could not be copied")

    def declared_seconds(self) -> float | None:
        """How long the source says it is, if its format states that exactly."""
        fmt = self.inp.format.name
        if not any(f in fmt.split(",") for f in _EXACT_DURATION_FORMATS):
            return None
        read = self.sources()
        own = [float(s.duration * s.time_base) for s in read if s.duration and s.time_base]
        if own:
            return max(own)
        # Only the file's overall length is stated (Matroska): it covers every stream, so it
        # says something only when every stream with a timeline was read.
        timed = [s for s in self.inp.streams
                 if s.type in ("video", "audio", "subtitle", "data") and not _is_picture(s)]
        if len(timed) == len(read) and self.inp.duration:
            return float(self.inp.duration / 1e6)
        return None

    def sources(self) -> list[Any]:
        """The source streams read in the one pass."""
        streams = [self.video_in] if self.video_in is not None else []
        streams += self.audio_in
        if self.s.keep_subtitles and self.s.video_codec:
            streams += list(self.inp.streams.subtitles)
        return streams

    def _decode(self, packet: Any, logs: list[tuple[int, str, str]]) -> list[Any]:
        try:
            return list(packet.decode())
        except av.FFmpegError as exc:
            at = float(packet.pts * packet.time_base) - self.start_seconds if packet.pts is not None else 0.0
            if not isinstance(exc, av.InvalidDataError):
                raise ItemError(damaged_at(self.name, at, exc, logs)) from None
            if len(self.damaged) >= _MAX_DAMAGED_PACKETS:
                first = self.damaged[0][0]
                raise ItemError(f"{self.name} is too damaged: more than {_MAX_DAMAGED_PACKETS} packets between "
                                f"{clock(first)} and {clock(at)} do not decode [{ffmpeg_detail(exc, logs)}]. "
                                f"{ADVICE}") from None
            # One bad packet costs a moment of sound or picture, as in a player; the file goes on.
            self.damaged.append((at, ffmpeg_detail(exc, logs)))
            return []

    def _feed(self, out: Any, lane: Any, packet: Any, logs: list[tuple[int, str, str]]) -> None:
        if lane is None:
            return  # a subtitle track that cannot be kept
        if isinstance(lane, SubtitleLane):
            out.mux(lane.take(packet))
            return
        for frame in self._decode(packet, logs):
            self._encode(out, lane, frame, logs)

    def _encode(self, out: Any, lane: Any, frame: Any, logs: list[tuple[int, str, str]]) -> None:
        with encoder_failures(self.s.label, self.name, self.name, lane, lambda exc: ffmpeg_detail(exc, logs)):
            out.mux(lane.encode(frame))

    def run(self, out: Any, report: Report, logs: list[tuple[int, str, str]]) -> float:
        total = self.inp.duration / 1e6 if self.inp.duration else 0.0
        shown = clock(total) if total else "?"
        report(0.0, f"encoding to {self.s.label}")
        lanes: dict[int, Any] | None = None
        if self.video_in is None:
            lanes = self.open_lanes(out, None)
        # Until the first picture is decoded (it tells the rotation, which decides the output
        # size, and the colour) other streams' packets wait here; a decoder's delay is a few frames.
        held: list[Any] = []
        video_index = self.video_in.index if self.video_in is not None else -1
        for packet in self.inp.demux(self.sources()):
            index = packet.stream.index
            if lanes is None:
                is_video = index == video_index
                if not is_video and len(held) < _MAX_HELD:
                    held.append(packet)
                    continue
                frames = self._decode(packet, logs) if is_video else []
                if is_video and not frames and len(held) < _MAX_HELD:
                    continue
                lanes = self.open_lanes(out, frames[0] if frames else None)
                for early in held:
                    self._feed(out, lanes.get(early.stream.index), early, logs)
                held = []
                if is_video:
                    for frame in frames:
                        self._encode(out, lanes[index], frame, logs)
                    continue
            self._feed(out, lanes.get(index), packet, logs)
            main = self.main
            if index == main.ist.index and total:
                report(min(main.end / total, 0.99), f"{clock(main.end)} of {shown}")
        if lanes is None:
            raise ItemError(f"the video in {self.name} has no picture that decodes. {ADVICE}")
        for lane in lanes.values():
            out.mux(lane.flush())
        if self.video_in is not None and not lanes[self.video_in.index].frames:
            raise ItemError(f"the video in {self.name} has no picture that decodes. {ADVICE}")
        seconds = max(lane.end for lane in lanes.values() if not isinstance(lane, SubtitleLane))
        self.longest = max(seconds, *(lane.end for lane in lanes.values()))
        self.check_complete(logs)
        _note_damage(self)
        return seconds

    def check_complete(self, logs: list[tuple[int, str, str]]) -> None:
        """Raise if the source turned out cut short (``self.longest`` is what could be read)."""
        mark = truncation_mark(logs)
        declared = self.declared_seconds()
        if mark or (declared and declared - self.longest > max(0.5, 2 * duration_tolerance(declared))):
            cut = f"only {clock(self.longest)} of {clock(declared)} could be read" if declared else "it ends early"
            why = mark or (self.damaged[-1][1] if self.damaged else "the stream stops before its stated end")
            raise ItemError(f"{self.name} is cut short: {cut} [{why}]. Re-copy or re-download the file.")


def transcode(source: str, output: Path, s: AvSettings, report: Report) -> AvResult:
    """Encode ``source`` into ``output`` (a path to write) and verify the result.

    A video longer than ``s.segment_after`` is encoded in segments kept in ``s.segment_dir``
    until the output is kept, so a stopped run resumes where it stopped (see media_segmented).
    """
    with ordinary_scheduling():
        return _transcode(source, output, s, report)


@contextlib.contextmanager
def ordinary_scheduling() -> Iterator[None]:
    """Give the calling thread back the scheduling it had. Run as root, SVT-AV1 makes the thread
    that opens it real-time (SCHED_FIFO, priority 99), and everything the worker did after an AV1
    file (its next encodes, the threads it starts) would then run ahead of the whole desktop."""
    getter = getattr(os, "sched_getscheduler", None)
    if getter is None:  # not on this system
        yield
        return
    policy, param = getter(0), os.sched_getparam(0)
    try:
        yield
    finally:
        if (os.sched_getscheduler(0), os.sched_getparam(0)) != (policy, param):
            with contextlib.suppress(OSError):
                os.sched_setscheduler(0, policy, param)


def _transcode(source: str, output: Path, s: AvSettings, report: Report) -> AvResult:
    _quiet_ffmpeg()
    name = Path(source).name
    if os.path.getsize(source) == 0:
        raise ItemError(f"{name} is empty (0 bytes): there is nothing to encode")
    segmented: SegmentedEncode | None = None
    with av.logging.Capture() as logs:
        try:
            inp = av.open(source, metadata_errors="replace")
        except av.FFmpegError as exc:
            raise ItemError(read_failure(name, exc, logs)) from None
        with inp:
            try:
                if segments_wanted(inp, s):
                    segmented = _segmented(source, inp, for_segments(s), name, report, logs)
                if segmented is not None:
                    job = segmented.job
                    segmented.encode(report)
                    seconds, job.longest = segmented.join(output, report)
                    job.check_complete(logs)
                    _note_damage(job)
                else:
                    job = _Transcode(inp, s, name)
                    seconds = _one_piece(job, output, report, logs)
            finally:
                park_decoder_threads(inp)
                if segmented is not None:
                    segmented.close()
    report(0.99, "checking the result")
    kinds = ["video"] if s.video_codec else []
    kinds += ["audio"] if job.audio_in else []
    facts = verify_media(output, name, kinds, seconds, job.longest)
    notes = job.notes
    if segmented is not None:
        segmented.check(output)
        return AvResult(seconds, facts, segmented.notes + notes, str(segmented.folder.path))
    return AvResult(seconds, facts, notes)


def _one_piece(job: _Transcode, output: Path, report: Report, logs: list[tuple[int, str, str]]) -> float:
    s = job.s
    out = av.open(str(output), "w", format=s.container, options=s.container_options)
    try:
        seconds = job.run(out, report, logs)
    except BaseException:
        _close_quietly(out)
        raise
    out.close()  # writes the trailer: an error here is a real failure
    return seconds


def _segmented(source: str, inp: Any, s: AvSettings, name: str, report: Report,
               logs: list[tuple[int, str, str]]) -> SegmentedEncode | None:
    """The segmented encode of a long video, ready to run; None when it must go in one piece
    (no timestamps to cut at, a single keyframe, or a cut-short file, which the one-piece
    encode reports in its own words)."""
    job = _Transcode(inp, s, name)
    segmented = SegmentedEncode(source, job, lambda other: _Transcode(other, s, name), logs)
    try:
        cut = segmented.prepare(report)
    except BaseException:
        segmented.close()
        raise
    if not cut or truncation_mark(logs):
        # One piece: a cut-short file has no segments to keep, one that cannot be cut none to make.
        segmented.close()
        segmented.folder.remove()
        return None
    return segmented


def help_segments(source: str, s: AvSettings, keep_going: Callable[[], bool]) -> int:
    """Encode segments of a long video another worker of this run is encoding (see
    media_shared); how many. Anything wrong with the source is for that worker to report."""
    if not s.segment_dir or not owner_active(Path(s.segment_dir)):
        return 0
    _quiet_ffmpeg()
    name = Path(source).name
    s = for_segments(s)
    with ordinary_scheduling(), av.logging.Capture() as logs:
        try:
            with av.open(source, metadata_errors="replace") as inp:
                try:
                    job = _Transcode(inp, s, name)
                    helper = SegmentedEncode(source, job, lambda other: _Transcode(other, s, name), logs)
                    return helper.help(keep_going)
                finally:
                    park_decoder_threads(inp)
        except (av.FFmpegError, ItemError, OSError):
            return 0


def _note_damage(job: _Transcode) -> None:
    if job.damaged:
        at, detail = job.damaged[0]
        job.notes.append(f"{len(job.damaged)} damaged packet(s) skipped, the first near {clock(at)} [{detail}]")


def _close_quietly(out: Any) -> None:
    # After a failure the file is thrown away anyway: an error from closing must not hide the first.
    with contextlib.suppress(Exception):
        out.close()
