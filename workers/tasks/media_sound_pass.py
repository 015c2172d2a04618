"""The sound of a long video encoded in segments: made once for the whole length, in a thread of
its own beside the video's parts, into the work folder (see workers.tasks.media_segmented).

Encoding the sound once, not per segment, leaves no gap or encoder priming at the joins. PyAV
lets the GIL go while it decodes and encodes, so the sound uses a core the video's encoder leaves
idle now and then.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from typing import Any

import av

from workers.tasks.media_join import close_quietly, open_codec
from workers.tasks.media_lanes import AudioLane, AvSettings, encoder_failures, park_decoder_threads
from workers.tasks.media_segments import Finished, Manifest, SegmentWriter, WorkFolder, sound_name


class SoundPass:
    """The sound's pass of :class:`~workers.tasks.media_segmented.SegmentedEncode`."""

    source: str
    s: AvSettings
    name: str
    job: Any
    make_job: Callable[[Any], Any]
    folder: WorkFolder
    manifest: Manifest | None

    def _sound_pass(self, stop: threading.Event) -> tuple[dict[int, Finished], float, list[Any]]:
        """Encode every sound track once, for the whole length, into the work folder (in a thread
        of its own, beside the video's parts; ``stop`` asks it to give up)."""
        with av.open(self.source, metadata_errors="replace") as inp:
            job = self.make_job(inp)
            boxes: list[Any] = []
            lanes: dict[int, AudioLane] = {}
            writers: dict[int, SegmentWriter] = {}
            try:
                for ist in job.audio_in:
                    boxes.append(av.open(io.BytesIO(), "w", format=self.s.container))
                    lane = AudioLane(boxes[-1], ist, self.s, job._offset(ist))
                    writer = self.folder.writer(sound_name(ist.index), lane.ost.codec_context.time_base)
                    writer.start(open_codec(lane.ost))
                    lanes[ist.index], writers[ist.index] = lane, writer
                for packet in inp.demux(job.audio_in):
                    if stop.is_set():
                        raise Stopped
                    lane = lanes[packet.stream.index]
                    for frame in job._decode(packet, []):
                        writers[packet.stream.index].write(self._sound(lane, frame))
                for index, lane in lanes.items():
                    writers[index].write(self._sound(lane, None))
                sound = {index: writer.finish() for index, writer in writers.items()}
            except BaseException:
                for writer in writers.values():
                    writer.discard()
                raise
            finally:
                for box in boxes:
                    close_quietly(box)
                park_decoder_threads(inp)
        return sound, max(lane.end for lane in lanes.values()), job.damaged

    def _take_sound(self, made: tuple[dict[int, Finished], float, list[Any]]) -> None:
        m = self.manifest
        assert m is not None
        m.sound, m.sound_seconds, damaged = made
        self.job.damaged.extend(damaged)

    def _sound(self, lane: AudioLane, frame: Any | None) -> list[Any]:
        with encoder_failures(self.s.label, f"the sound of {self.name}", self.name, lane):
            return lane.encode(frame) if frame is not None else lane.flush()


class Stopped(Exception):
    """Asked to give up: the sound's thread (the video's parts failed or were cancelled), or a
    helper (the video's owner is gone)."""


class Alongside:
    """Work running in a thread of its own: PyAV lets the GIL go while it decodes and encodes,
    so the sound is made on a core the video's encoder leaves idle now and then."""

    def __init__(self, work: Callable[[threading.Event], Any]) -> None:
        self.stop = threading.Event()
        self._value: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(work,), name="sound", daemon=True)
        self._thread.start()

    def _run(self, work: Callable[[threading.Event], Any]) -> None:
        try:
            self._value = work(self.stop)
        except BaseException as exc:  # handed to the thread that waits for the result
            self._error = exc

    def finished(self) -> bool:
        return not self._thread.is_alive()

    def result(self) -> Any:
        """Wait for the work; its value, or its error raised here."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value

    def cancel(self) -> None:
        self.stop.set()
        self._thread.join()
