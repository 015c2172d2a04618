"""The output streams of an encode: one "lane" per kept source stream, and the settings they follow.

A lane takes the source's decoded frames, shifts their timestamps so the output starts at
zero, converts what the encoder cannot take (size, pixel format and range, sample rate, layout)
and returns the encoded packets for the muxer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import av
from av.video.frame import PictureType
from av.video.reformatter import Interpolation, VideoReformatter

from workers.task import ItemError
from workers.tasks.media_check import clock
from workers.tasks.media_colour import PIXEL_FORMAT, Stated, colour_of


@contextlib.contextmanager
def encoder_failures(label: str, subject: str, name: str, lane: Any,
                     detail: Callable[[Exception], str] = str) -> Iterator[None]:
    """An encoder's failure as a reason: ``subject`` is what was being encoded ("clip.mov", "the
    sound of clip.mov"), ``name`` the file, ``detail`` what to say of FFmpeg's error."""
    try:
        yield
    except av.FFmpegError as exc:
        raise ItemError(f"the {label} encoder stopped on {subject} near {clock(lane.end)}: {detail(exc)}") from None
    except ValueError as exc:
        if "does not match" not in str(exc):
            raise
        # PyAV's resampler is set up from the first frame: the sound changed layout or rate.
        raise ItemError(f"the sound of {name} changes format near {clock(lane.end)} ({exc}); "
                        "this is not supported yet") from None


@dataclass(frozen=True)
class AvSettings:
    """Everything the encoder needs, already resolved from the task's options."""

    label: str  # "MP4 H.264 + AAC", for messages
    container: str  # FFmpeg muxer name
    video_codec: str | None  # None: an audio-only output
    audio_codec: str
    video_options: dict[str, str] = field(default_factory=dict)
    video_bitrate: int = 0  # bit/s; 0 = constant quality from video_options
    audio_bitrate: int = 0  # bit/s; 0 = the codec's own choice (lossless codecs)
    max_width: int = 0
    max_height: int = 0
    threads: int = 1
    keep_subtitles: bool = True
    keep_metadata: bool = True
    container_options: dict[str, str] = field(default_factory=dict)
    codec_tag: str = ""  # e.g. "hvc1": the H.265 tag Apple's players insist on
    segment_after: float = 0.0  # seconds; a longer video is encoded in resumable segments (0: never)
    segment_dir: str = ""  # the hidden work folder that keeps finished segments between runs
    segment_seconds: float = 30.0  # segments start at the first keyframe after each such step


def park_decoder_threads(inp: Any) -> None:
    """Let the decoders' frame threads finish their work while the GIL is free.

    PyAV frees a codec context holding the GIL, and freeing waits for the codec's frame
    threads; a frame thread that is logging a warning (a damaged packet) waits for the GIL
    to pass the line to Python: the worker would hang for good. Flushing runs without the
    GIL and leaves the threads idle, so the later free has nobody to wait for.
    """
    for stream in inp.streams:
        ctx = stream.codec_context
        if ctx is not None:
            with contextlib.suppress(Exception):
                ctx.flush_buffers()


def even_fit(width: int, height: int, max_width: int, max_height: int) -> tuple[int, int]:
    """Scale (width, height) down to fit the box, keeping the aspect; both even (4:2:0 needs it)."""
    scale = 1.0
    if max_width and width > max_width:
        scale = min(scale, max_width / width)
    if max_height and height > max_height:
        scale = min(scale, max_height / height)
    w = max(2, round(width * scale / 2) * 2)
    h = max(2, round(height * scale / 2) * 2)
    return w, h


class VideoLane:
    kind = "video"

    def __init__(self, out: Any, ist: Any, s: AvSettings, offset: int, first: Any | None, stated: Stated) -> None:
        """``first`` is the source's first decoded picture (its turn, format and colour), if any;
        ``stated`` what the stream said of its pictures before decoding."""
        ctx = ist.codec_context
        if not ctx.width or not ctx.height:
            raise ItemError("the video stream has no picture size; the file is probably damaged")
        rotation = first.rotation if first is not None else 0
        self.ist = ist
        self.offset = offset
        self.rotation = rotation
        if rotation % 180:  # shown turned on its side: the box applies to the picture as shown
            h, w = even_fit(ctx.height, ctx.width, s.max_width, s.max_height)
        else:
            w, h = even_fit(ctx.width, ctx.height, s.max_width, s.max_height)
        self.width, self.height = w, h
        rate = ist.average_rate or ist.guessed_rate or Fraction(25)
        options = dict(s.video_options)
        ost = out.add_stream(s.video_codec, rate=rate, options=options)
        ost.width, ost.height = self.width, self.height
        ost.pix_fmt = PIXEL_FORMAT  # what every player decodes
        ost.codec_context.time_base = ist.time_base
        ost.codec_context.thread_count = s.threads
        if s.codec_tag:
            ost.codec_context.codec_tag = s.codec_tag
        if s.video_bitrate:
            ost.bit_rate = s.video_bitrate
        if ctx.sample_aspect_ratio:
            ost.codec_context.sample_aspect_ratio = ctx.sample_aspect_ratio
        colour = colour_of(first, stated, w, h)
        colour.tag(ost.codec_context)
        if rotation:  # phone videos: keep the "play turned" flag (written with the header)
            ost.set_display_rotation(rotation)
        self.ost = ost
        self.scaler = VideoReformatter()
        # One conversion per picture does size, 4:2:0, 8 bits and the range; a picture that needs
        # none of it comes back as it is. One thread: the workers already share out the cores.
        self.reformat_options = {**colour.reformat_options(), "width": w, "height": h,
                                 "interpolation": Interpolation.BICUBIC, "threads": 1}
        self.frame_seconds = float(1 / rate)
        self.last_pts: int | None = None
        self.end = 0.0  # seconds of source covered so far
        self.frames = 0

    def encode(self, frame: Any) -> list[Any]:
        pts = (frame.pts if frame.pts is not None else (self.last_pts or 0) + 1) - self.offset
        if self.last_pts is not None and pts <= self.last_pts:
            return []  # a repeated timestamp: the encoder would reject it
        self.last_pts = pts
        frame = self.scaler.reformat(frame, **self.reformat_options)
        frame.pts = pts
        frame.time_base = self.ist.time_base
        frame.pict_type = PictureType.NONE  # let the encoder place keyframes
        self.end = float(pts * self.ist.time_base) + self.frame_seconds
        self.frames += 1
        return self.ost.encode(frame)

    def flush(self) -> list[Any]:
        return self.ost.encode(None)


def _audio_rate(source: int, supported: Sequence[int] | None) -> int:
    if not supported or source in supported:
        return source or 48000
    higher = [r for r in supported if r >= source]
    return min(higher) if higher else max(supported)


def _audio_format(source: Any, supported: Sequence[Any] | None) -> str:
    names = [f.name for f in supported or ()]
    if not names or source.name in names:
        return str(source.name)
    # Same width first (s16 stays 16-bit, float or 24/32-bit sources get 32 bits).
    wide = source.bytes >= 4
    for name in names:
        if (av.AudioFormat(name).bytes >= 4) == wide:
            return name
    return names[0]


class AudioLane:
    kind = "audio"

    def __init__(self, out: Any, ist: Any, s: AvSettings, offset: int) -> None:
        ctx = ist.codec_context
        codec = av.Codec(s.audio_codec, "w")
        rate = _audio_rate(ctx.sample_rate, codec.audio_rates)
        channels = ctx.channels or 2
        ost = out.add_stream(s.audio_codec, rate=rate)
        if channels > 2 and s.audio_codec == "libmp3lame":
            ost.layout = "stereo"  # MP3 holds at most two channels
        elif channels <= 2:
            ost.layout = "mono" if channels == 1 else "stereo"
        else:
            ost.layout = ctx.layout
        ost.format = _audio_format(ctx.format, codec.audio_formats)
        if s.audio_bitrate and not codec.lossless:
            ost.bit_rate = s.audio_bitrate
        ost.codec_context.time_base = Fraction(1, rate)
        self.ist = ist
        self.ost = ost
        self.offset = offset
        self.end = 0.0

    def encode(self, frame: Any) -> list[Any]:
        if frame.pts is not None:
            frame.pts -= self.offset
            self.end = float(frame.pts * frame.time_base) + frame.samples / frame.sample_rate
        return self.ost.encode(frame)

    def flush(self) -> list[Any]:
        return self.ost.encode(None)
