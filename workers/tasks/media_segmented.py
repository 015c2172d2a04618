"""A long video encoded in segments that survive a stopped run, then joined without re-encoding.

Segments start at the source's keyframes, a few tens of seconds apart. Each is decoded from its
keyframe and encoded by a fresh encoder with the settings of the whole file, so it begins with
a keyframe and refers to nothing before it; its packets keep the source's timestamps, so the
join only copies them one after the other. The sound is encoded once for the whole length, in a
thread beside the video's parts, and kept in the work folder too: no gap or encoder priming at
the joins. A run that stops (killed, cancelled, crashed) keeps the finished files; the next run
encodes only the others, then joins everything and checks the result like any output. At the
end of a batch, idle workers encode some of the segments at the same time (SegmentedEncode.help;
the sharing itself is workers.tasks.media_shared); the sound is media_sound_pass's.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
from collections.abc import Callable
from itertools import accumulate
from time import monotonic, sleep
from typing import Any

import av

from workers.outputs import run_token
from workers.task import ItemError, Report
from workers.tasks.media_check import clock
from workers.tasks.media_join import JoinParts, close_quietly, open_codec
from workers.tasks.media_lanes import AvSettings, VideoLane, park_decoder_threads
from workers.tasks.media_segments import (
    Finished,
    Manifest,
    WorkFolder,
    bitstream_settings,
    choose_cuts,
    segment_name,
    sound_name,
    source_identity,
)
from workers.tasks.media_shared import (
    BusyError,
    OwnerLock,
    every,
    others_progress,
    owner_active,
    take_claim,
)
from workers.tasks.media_sound_pass import Alongside, SoundPass, Stopped

# The video's parts fill the bar up to here; waiting for the sound and the join take the rest.
_ENCODE_SHARE = 0.94
# How often the owner looks at how far its helpers have come, and how often it looks for parts
# they finished while it has none left to take (seconds).
_LOOK_SECONDS = 0.5
_WAIT_SECONDS = 0.2


def for_segments(s: AvSettings) -> AvSettings:
    """The settings segments are made with: x265 leaves out its informational header (it names
    the thread counts, which change between runs, and would make the segments' headers differ)."""
    if s.video_codec != "libx265":
        return s
    options = dict(s.video_options)
    params = options.get("x265-params", "")
    options["x265-params"] = f"{params}:info=0" if params else "info=0"
    return dataclasses.replace(s, video_options=options)


def wanted(inp: Any, s: AvSettings) -> bool:
    """Whether this source is encoded in segments: a video longer than the settings' threshold."""
    seconds = inp.duration / 1e6 if inp.duration else 0.0
    return bool(s.video_codec and s.segment_dir and s.segment_after > 0 and seconds > s.segment_after
                and any(not (v.disposition & av.stream.Disposition.attached_pic) for v in inp.streams.video))


def _scan(source: str, index: int) -> tuple[list[int], int] | None:
    """The source's keyframe timestamps and its count of video packets (None: timestamps missing)."""
    with av.open(source, metadata_errors="replace") as inp:
        keys: list[int] = []
        frames = 0
        for packet in inp.demux(inp.streams[index]):
            if not packet.size:
                continue
            if packet.pts is None:
                return None  # no timestamps to cut at
            frames += 1
            if packet.is_keyframe:
                keys.append(packet.pts)
    return sorted(keys), frames


class SegmentedEncode(JoinParts, SoundPass):
    """One long video's segmented encode: plan (or pick up) the segments, encode the missing
    ones, join them with the sound into the output, check the result."""

    def __init__(self, source: str, job: Any, make_job: Callable[[Any], Any], logs: list[Any]) -> None:
        self.source = source
        self.job = job  # the one-piece encoder's view of the source: streams, decoding, lanes
        self.make_job = make_job
        self.logs = logs
        self.s: AvSettings = job.s
        self.name: str = job.name
        self.folder = WorkFolder(self.s.segment_dir)
        self.total = job.inp.duration / 1e6 if job.inp.duration else 0.0
        self.notes: list[str] = []
        self.manifest: Manifest | None = None
        self.first: Any = None
        self.reference = b""
        self.owner: OwnerLock | None = None

    def close(self) -> None:
        """Let go of the encode (helpers stop once the owner lock is free)."""
        if self.owner is not None:
            self.owner.release()
            self.owner = None

    # -- the plan --------------------------------------------------------------------------
    def prepare(self, report: Report) -> bool:
        """Pick up the work folder or start it; False if this source cannot be cut (one piece then)."""
        identity = source_identity(self.source)
        settings = bitstream_settings(self.s)
        index = self.job.video_in.index
        try:
            self.owner = OwnerLock(self.folder.path)
        except BusyError:
            raise ItemError(f"another worker is encoding {self.name} into the same output right now") from None
        manifest = self.folder.load()
        if manifest is not None and (manifest.source != identity or manifest.settings != settings):
            why = "the source" if manifest.source != identity else "the settings"
            self.notes.append(f"{why} changed since the stopped run: its segments were not used")
            manifest = None
        if manifest is None:
            self.folder.clear()
            report(0.0, "finding the keyframes to cut at")
            scanned = _scan(self.source, index)
            if scanned is None:
                return False
            keys, frames = scanned
            tb = self.job.video_in.time_base
            cuts = choose_cuts(keys, tb, self.s.segment_seconds)
            if len(cuts) < 2:
                return False
            manifest = Manifest(identity, settings, (tb.numerator, tb.denominator), cuts, frames)
            self.folder.path.mkdir(parents=True, exist_ok=True)
            self.folder.save(manifest)
        else:
            self.folder.tidy(manifest)
        self.manifest = manifest
        self.first = self._first_picture()
        self.reference = self._reference_headers()
        self._drop_unusable()
        manifest.run = run_token()  # from now on this run's idle workers may help
        self.folder.save(manifest)
        return True

    def _first_picture(self) -> Any:
        # The first picture tells the turn and the colour: every segment's encoder takes the same.
        with av.open(self.source, metadata_errors="replace") as inp:
            try:
                ist = inp.streams[self.job.video_in.index]
                for frame in inp.decode(ist):
                    return frame
            except av.FFmpegError:
                pass
            finally:
                park_decoder_threads(inp)
        raise ItemError(f"the video in {self.name} has no picture that decodes. Re-copy or re-download "
                        "the file, or check that it plays in a media player.")

    def _scratch_lane(self, ist: Any) -> tuple[Any, VideoLane]:
        box = av.open(io.BytesIO(), "w", format=self.s.container)
        try:
            lane = VideoLane(box, ist, self.s, self.job._offset(ist), self.first, self.job.video_stated)
        except (av.FFmpegError, ValueError) as exc:
            box.close()
            raise ItemError(f"the {self.s.label} encoder cannot take {self.name}: {exc}") from None
        return box, lane

    def _reference_headers(self) -> bytes:
        box, lane = self._scratch_lane(self.job.video_in)
        try:
            return open_codec(lane.ost)
        finally:
            close_quietly(box)

    def _drop_unusable(self) -> None:
        """Forget finished segments whose file is missing or damaged, or whose headers differ."""
        assert self.manifest is not None
        reference = hashlib.sha256(self.reference).hexdigest()
        bad = [i for i, f in self.manifest.done.items()
               if f.headers_sha256 != reference or not self.folder.intact(segment_name(i), f)]
        for i in bad:
            del self.manifest.done[i]
        if not all(self.folder.intact(sound_name(i), f) for i, f in self.manifest.sound.items()):
            self.manifest.sound.clear()  # made again with the rest: it is one pass
            self.folder.save(self.manifest)
        if bad:
            self.notes.append(f"{len(bad)} kept segment(s) were damaged or did not match and were encoded again")
            self.folder.save(self.manifest)
            self.folder.tidy(self.manifest)

    # -- encoding --------------------------------------------------------------------------
    def encode(self, report: Report) -> None:
        """Encode the missing parts, and the sound (once, for the whole length) beside them."""
        m = self.manifest
        assert m is not None
        sound = Alongside(self._sound_pass) if self.job.audio_in and not m.sound else None
        try:
            self._encode_parts(report, sound)
            if sound is not None and not m.sound:
                report(_ENCODE_SHARE, "encoding the sound")
                self._record_sound(sound.result())
        except BaseException:
            if sound is not None:
                sound.cancel()
            raise

    def _encode_parts(self, report: Report, sound: Alongside | None) -> None:
        """Encode the parts nobody has finished, in order, leaving those other workers hold to
        them (see workers.tasks.media_shared); then wait for theirs, or take them over if their
        worker died."""
        m = self.manifest
        assert m is not None
        start = self.job.start_seconds
        spans = [m.span(i, self.total, start) for i in range(m.count)]
        begins = list(accumulate([0.0, *spans[:-1]]))
        kept = len(m.done)
        if kept:
            self.notes.append(f"resumed: {kept} of {m.count} segments kept from a stopped run")
        shown = clock(self.total)
        look = every(_LOOK_SECONDS, monotonic)
        others: dict[int, float] = {}
        before, made_here = set(m.done), set()

        def inside(i: int, end: float) -> float:
            return min(max(0.0, end - begins[i]), spans[i])

        def show(mine: int | None, end: float) -> None:
            nonlocal others
            if look():
                # The claims first, then the manifest: a part its helper finished and let go of
                # is in one or the other (entered before its claim goes), never in neither.
                others = others_progress(self.folder.path, mine)
                self._refresh()
            done = self.manifest.done if self.manifest is not None else {}
            seconds = sum(spans[i] for i in done) + sum(inside(i, e) for i, e in others.items() if i not in done)
            # Who works on it comes before which part: a narrow column still shows it.
            workers = f", {len(others) + 1} workers" if others and mine is not None else ""
            if mine is not None:
                seconds += inside(mine, end)
                where = f"part {mine + 1} of {m.count}"
            else:
                where = f"waiting for {len(others)} part(s) other workers encode"
            fraction = seconds / self.total if self.total else 0.0
            report(min(fraction, 1.0) * _ENCODE_SHARE, f"{clock(seconds)} of {shown}{workers} ({where})")

        while True:
            todo = [i for i in range(m.count) if i not in self._known().done]
            if not todo:
                break
            claim = None
            for index in todo:
                claim = take_claim(self.folder.path, index)
                if claim is not None:
                    break
            if claim is None:  # every part left is being encoded elsewhere
                show(None, 0.0)
                sleep(_WAIT_SECONDS)
                self._refresh()
                continue
            try:
                self._refresh()
                if index not in self._known().done:
                    self._known().done[index] = self._encode_one(index, functools.partial(show, index))
                    made_here.add(index)
                    if sound is not None and sound.finished() and not self._known().sound:
                        self._take_sound(sound.result())  # saved with the part
                    self._save()
            finally:
                claim.release()
        by_others = set(self._known().done) - before - made_here
        if by_others:
            self.notes.append(f"{len(by_others)} of {m.count} segments were encoded by other workers at the same time")

    # -- the manifest, shared with helpers -------------------------------------------------
    def _known(self) -> Manifest:
        """The manifest as this worker knows it (set once prepared)."""
        assert self.manifest is not None
        return self.manifest

    def _refresh(self) -> None:
        """Take in the parts helpers finished (those made with the same codec headers)."""
        disk = self.folder.load()
        if disk is None or self.manifest is None:
            return
        reference = hashlib.sha256(self.reference).hexdigest()
        for i, f in disk.done.items():
            if i not in self.manifest.done and f.headers_sha256 == reference:
                self.manifest.done[i] = f

    def _save(self) -> None:
        """Save what this worker knows into the manifest on disk, with what helpers entered."""
        mine = self.manifest
        assert mine is not None
        reference = hashlib.sha256(self.reference).hexdigest()

        def merge(disk: Manifest) -> None:
            disk.done.update(mine.done)
            for i in [i for i, f in disk.done.items() if f.headers_sha256 != reference]:
                del disk.done[i]  # a helper's part that cannot be joined: made again here
            if mine.sound:
                disk.sound, disk.sound_seconds = mine.sound, mine.sound_seconds
            disk.run = mine.run

        saved = self.folder.update(merge)
        if saved is None:
            raise ItemError(f"the work folder of {self.name} disappeared during the encode; run it again")
        self.manifest = saved

    # -- helping another worker's encode ---------------------------------------------------
    def help(self, keep_going: Callable[[], bool]) -> int:
        """Encode parts of a video another worker of this run owns, from the end backwards (the
        owner goes forwards), while ``keep_going()`` and the owner is at work; how many."""
        folder = self.folder.path
        m = self.folder.load()
        if (m is None or not m.run or m.run != run_token() or m.settings != bitstream_settings(self.s)
                or not owner_active(folder)):
            return 0
        self.manifest = m
        self.first = self._first_picture()
        self.reference = self._reference_headers()
        check = every(1.0, monotonic)
        made = 0
        for index in reversed(range(m.count)):
            if not keep_going() or not owner_active(folder):
                break
            if index in m.done:
                continue
            claim = take_claim(folder, index, "helper")
            if claim is None:
                continue
            try:
                fresh = self.folder.load()
                if fresh is None or index in fresh.done:
                    continue

                def progress(end: float, claim: Any = claim) -> None:
                    claim.progress(end)
                    if check() and not owner_active(folder):
                        raise Stopped  # the owner failed or was stopped: this part is for nobody

                finished = self._encode_one(index, progress)
                if self.folder.update(functools.partial(_enter, index, finished)) is None:
                    break
                made += 1
            except Stopped:
                break
            finally:
                claim.release()
        return made

    def _encode_one(self, index: int, progress: Callable[[float], None]) -> Finished:
        m = self.manifest
        assert m is not None
        start = m.cuts[index] if index else None
        end = m.cuts[index + 1] if index + 1 < m.count else None
        with av.open(self.source, metadata_errors="replace") as inp:
            ist = inp.streams[self.job.video_in.index]
            ist.thread_type = "AUTO"
            ist.thread_count = self.s.threads
            box, lane = self._scratch_lane(ist)
            writer = self.folder.writer(segment_name(index), ist.time_base)
            try:
                if open_codec(lane.ost) != self.reference:
                    raise ItemError(f"the {self.s.label} encoder made different headers for part {index + 1} "
                                    f"of {self.name}; the parts could not be joined")
                writer.start(self.reference)
                if start is not None:
                    inp.seek(start, stream=ist, backward=True)
                self._feed(inp, ist, lane, writer, start, end, progress)
                writer.write(self._encoded(lane, None))
                if writer.count and not writer.first_is_key:
                    raise ItemError(f"part {index + 1} of {self.name} does not begin with a keyframe")
                finished = writer.finish()
            except BaseException:
                writer.discard()
                raise
            finally:
                close_quietly(box)
                park_decoder_threads(inp)
        return finished

    def _feed(self, inp: Any, ist: Any, lane: VideoLane, writer: Any, start: int | None, end: int | None,
              progress: Callable[[float], None]) -> None:
        first = True
        for packet in inp.demux(ist):
            for frame in self.job._decode(packet, self.logs):
                pts = frame.pts
                if pts is not None and start is not None and pts < start:
                    continue  # before the cut (a seek lands on the keyframe or just before)
                if pts is not None and end is not None and pts >= end:
                    return  # the next segment's first picture
                if first and start is not None and pts is not None and pts > start:
                    raise ItemError(f"{self.name} cannot be read from its keyframe at "
                                    f"{clock(float(start * ist.time_base))}; encode it without resuming")
                first = False
                writer.write(self._encoded(lane, frame))
                progress(lane.end)

    def _encoded(self, lane: VideoLane, frame: Any | None) -> list[Any]:
        try:
            return lane.encode(frame) if frame is not None else lane.flush()
        except av.FFmpegError as exc:
            raise ItemError(f"the {self.s.label} encoder stopped on {self.name} near {clock(lane.end)}: "
                            f"{exc}") from None

    # -- the sound (see SoundPass) -------------------------------------------------------
    def _record_sound(self, made: tuple[dict[int, Finished], float, list[Any]]) -> None:
        self._take_sound(made)
        self._save()


def _enter(index: int, finished: Finished, manifest: Manifest) -> None:
    manifest.done[index] = finished
