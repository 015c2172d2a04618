"""The last step of a segmented encode: the parts and the sound copied into the output, checked.

Nothing is encoded here but the subtitles (converted as in the one-piece encode): the packets
of the finished parts and of the sound are merged by time into the output container, whose
encoders are opened only to give the streams their codec headers, which must equal the stored
ones. A file that does not read back whole is forgotten, so the next run makes it again.
"""

from __future__ import annotations

import contextlib
import heapq
import math
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import av

from workers.task import ItemError, Report
from workers.tasks.media_check import clock
from workers.tasks.media_lanes import AudioLane, AvSettings, VideoLane, park_decoder_threads
from workers.tasks.media_segments import Manifest, WorkFolder, segment_name, sound_name
from workers.tasks.media_subtitles import SubtitleLane

# Where the join's part of the bar starts, and how far it goes (the check ends at 0.99).
JOIN_FROM = 0.97
_JOIN_SHARE = 0.02
# How far the sound may start from the picture in the joined file (seconds).
_SYNC_TOLERANCE = 0.001


def open_codec(ost: Any) -> bytes:
    """Open an output stream's encoder and return its codec headers (the stream's extradata)."""
    ctx = ost.codec_context
    if not ctx.is_open:
        ctx.open()
    return bytes(ctx.extradata or b"")


def close_quietly(container: Any) -> None:
    with contextlib.suppress(Exception):
        container.close()


class JoinParts:
    """The join and the check of :class:`~workers.tasks.media_segmented.SegmentedEncode`."""

    source: str
    s: AvSettings
    name: str
    job: Any
    make_job: Callable[[Any], Any]
    logs: list[Any]
    folder: WorkFolder
    manifest: Manifest | None
    first: Any
    reference: bytes
    total: float

    def join(self, output: Path, report: Report) -> tuple[float, float]:
        """Write the output from the parts and the sound, copying their packets (subtitles come
        from the source as in the one-piece encode); returns the seconds of picture and sound,
        and of the longest stream, subtitles included."""
        with av.open(self.source, metadata_errors="replace") as inp:
            job = self.make_job(inp)
            out = av.open(str(output), "w", format=self.s.container, options=self.s.container_options)
            try:
                seconds, longest = self._join(job, out, report)
                self.job.notes.extend(job.notes)  # subtitles converted, chapters not copied
            except BaseException:
                close_quietly(out)
                raise
            finally:
                park_decoder_threads(inp)
            out.close()
        return seconds, longest

    def _join(self, job: Any, out: Any, report: Report) -> tuple[float, float]:
        m = self.manifest
        assert m is not None
        lanes = job.open_lanes(out, self.first)
        video = lanes[job.video_in.index]
        if open_codec(video.ost) != self.reference:
            raise ItemError(f"the {self.s.label} encoder's headers changed while encoding {self.name}; "
                            "it was not kept")
        streams = [self._video_packets(video)]
        streams += [self._sound_packets(ist.index, lanes[ist.index]) for ist in job.audio_in]
        merged = heapq.merge(*streams, key=_when)
        video_end = 0.0
        count = 0
        report(JOIN_FROM, "joining the parts")

        def mux_until(seconds: float) -> None:
            nonlocal video_end, count
            for packet in merged:
                out.mux(packet)
                if packet.stream is video.ost:
                    video_end = max(video_end, float(packet.pts * packet.time_base) + video.frame_seconds)
                    count += 1
                    if count % 250 == 0 and self.total:
                        report(JOIN_FROM + _JOIN_SHARE * min(video_end / self.total, 1.0),
                               f"joining: {clock(video_end)} of {clock(self.total)}")
                if _when(packet) > seconds:
                    return

        titles = [ist for ist in job.sources() if isinstance(lanes.get(ist.index), SubtitleLane)]
        if titles:
            for packet in job.inp.demux(titles):
                if packet.dts is not None and packet.time_base:
                    mux_until(float(packet.dts * packet.time_base) - job.start_seconds)
                job._feed(out, lanes[packet.stream.index], packet, self.logs)
        mux_until(math.inf)
        seconds = max(video_end, m.sound_seconds)
        cues = [lane.end for lane in lanes.values() if isinstance(lane, SubtitleLane)]
        return seconds, max([seconds, *cues])

    def _video_packets(self, video: VideoLane) -> Iterator[Any]:
        m = self.manifest
        assert m is not None
        last_dts: int | None = None
        for i in range(m.count):
            for packet in self._stored(segment_name(i), f"part {i + 1}", video.ost, partial(self._forget, i)):
                if packet.dts is not None and last_dts is not None and packet.dts <= last_dts:
                    self._forget(i)
                    raise ItemError(f"part {i + 1} of {self.name} overlaps the one before; "
                                    "run again to encode it anew")
                last_dts = packet.dts if packet.dts is not None else last_dts
                yield packet

    def _sound_packets(self, index: int, lane: AudioLane) -> Iterator[Any]:
        assert self.manifest is not None
        manifest = self.manifest

        def forget() -> None:
            manifest.sound.clear()
            with contextlib.suppress(OSError):
                self.folder.save(manifest)

        headers = open_codec(lane.ost)
        yield from self._stored(sound_name(index), "the sound", lane.ost, forget, headers)

    def _stored(self, name: str, what: str, ost: Any, forget: Callable[[], None],
                headers: bytes | None = None) -> Iterator[Any]:
        """The packets of a finished file, for ``ost``; a file that does not read back whole, or
        whose codec headers differ from the output's, is forgotten (the next run makes it anew)."""
        try:
            stored, time_base, packets = self.folder.packets(name)
            if stored != (self.reference if headers is None else headers):
                raise ValueError("its codec headers differ from the output's")
            for pts, dts, duration, key, data in packets:
                packet = av.Packet(data)
                packet.pts, packet.dts, packet.duration = pts, dts, duration
                packet.time_base = time_base
                packet.is_keyframe = key
                packet.stream = ost
                yield packet
        except (OSError, ValueError) as exc:
            forget()
            raise ItemError(f"{what} of {self.name} could not be joined ({exc}); run again to encode it "
                            "anew") from None

    def _forget(self, index: int) -> None:
        assert self.manifest is not None
        self.manifest.done.pop(index, None)
        with contextlib.suppress(OSError):
            self.folder.save(self.manifest)

    # -- the check -------------------------------------------------------------------------
    def check(self, output: Path) -> None:
        """Beyond the usual check: the frame count against the source's, the sound in step."""
        m = self.manifest
        assert m is not None
        with av.open(str(output)) as c:
            v = c.streams.video[0]
            frames = sum(1 for p in c.demux(v) if p.size)
            if not self.job.damaged and abs(frames - m.frames) > 1:
                raise ItemError(f"the joined file for {self.name} has {frames} frames but the source "
                                f"{m.frames}; it was not kept")
            starts = [float(s.start_time * s.time_base) for s in (v, *c.streams.audio)
                      if s.start_time is not None and s.time_base]
            if starts and max(starts) - min(starts) > _SYNC_TOLERANCE:
                raise ItemError(f"in the joined file for {self.name} the sound starts "
                                f"{max(starts) - min(starts):.3f} s away from the picture; it was not kept")


def _when(packet: Any) -> float:
    stamp = packet.dts if packet.dts is not None else packet.pts
    return float(stamp * packet.time_base) if stamp is not None else 0.0
