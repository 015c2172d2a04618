"""What a media file is, read cheaply (PyAV opens the container, Pillow reads the header), and the
encode task's rules that decide a file needs no work.

"Already in the target format" means, concretely:

* video: the same video codec in the target's container (MP4: .mp4/.m4v, WebM: .webm, MKV: .mkv),
  its sound (if any) in the target's sound codec, the picture within max_width/max_height, and at
  most 1.25 times the bits per pixel per frame the target would spend. The target's bits per pixel:
  with a bitrate, that bitrate over the output's pixels per second; with CRF, the codec's usual
  figure at its usual CRF (H.264 0.10 at 23, H.265 0.05 at 28, VP9 0.06 at 31, AV1 0.04 at 35)
  halved for every 6 CRF steps up and doubled for every 6 down;
* sound: the same codec in the target's file type and at most 1.25 times the sound bitrate
  (FLAC: any bitrate);
* pictures: the same format, within the size limits, and for JPEG an estimated quality (from its
  quantisation tables) at most 5 above the target's; for lossy WebP at most 1.25 times
  0.02 x quality bits per pixel (a lossless WebP counts only for a lossless target); PNG has no
  quality to compare.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from workers.outputs import atomic_output
from workers.task import ItemError
from workers.tasks.media_formats import (
    IMAGE_LABELS,
    PICTURE,
    PROFILES,
    SAME_CODEC,
    SAME_SUFFIXES,
    SOUND,
    VIDEO,
    Format,
)


class RuleOptions(Protocol):
    """What the rules read of the encode task's options (its EncodeOptions)."""

    @property
    def max_width(self) -> int: ...
    @property
    def max_height(self) -> int: ...
    @property
    def crf(self) -> int: ...
    @property
    def video_bitrate(self) -> int: ...
    @property
    def audio_bitrate(self) -> int: ...
    @property
    def image_quality(self) -> int: ...
    @property
    def lossless(self) -> bool: ...
    @property
    def min_size_mb(self) -> float: ...
    @property
    def min_seconds(self) -> float: ...
    @property
    def min_width(self) -> int: ...

ROUGHLY = 1.25  # "at or below the target", with room for the estimate's error
# Bits per pixel per frame at each codec's usual CRF, and that CRF.
_BPP_AT_CRF = {"h264": (0.10, 23), "hevc": (0.05, 28), "vp9": (0.06, 31), "av1": (0.04, 35)}
# The IJG sample luminance table: JPEG quality q scales it (quality 50 is the table itself).
_IJG_LUMA = (16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
             14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113,
             92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99)

# The rules, by the key the event data and the index carry, and how a reason names them.
SAME_FORMAT = "same-format"
KEEP_IF_BIGGER = "keep-if-bigger"
MIN_SIZE = "min-size"
MIN_SECONDS = "min-seconds"
MIN_WIDTH = "min-width"
LEFT_OUT = "left-out"  # the kind is left out in this run
KEEP = "keep"  # the kind is kept as it is
RULE_WORDS = {
    SAME_FORMAT: "rule: already in the target format",
    KEEP_IF_BIGGER: "rule: keep the original when the new file is bigger",
    MIN_SIZE: "rule: only files larger than",
    MIN_SECONDS: "rule: only files longer than",
    MIN_WIDTH: "rule: only files wider than",
    LEFT_OUT: "left out in this run",
}


def rule_of(reason: str) -> str:
    """The rule a skip reason names (its key), or "" when no rule made the skip."""
    for key, words in RULE_WORDS.items():
        if words in reason:
            return key
    return ""


@dataclass(frozen=True)
class Facts:
    """What a file is, as far as the rules need to know."""

    kind: str  # VIDEO, SOUND, PICTURE or "" (not media)
    codec: str = ""  # FFmpeg's video or sound codec name; Pillow's format for pictures
    audio_codec: str = ""  # a video's first sound track
    width: int = 0
    height: int = 0
    seconds: float = 0.0
    fps: float = 0.0
    kbps: float = 0.0  # the video stream's (or the sound's) bitrate
    quality: int = 0  # a JPEG's estimated quality
    lossless: bool = False  # a WebP stored without loss
    bytes: int = 0

    def fits(self, max_width: int, max_height: int) -> bool:
        return (not max_width or self.width <= max_width) and (not max_height or self.height <= max_height)


def probe_av(source: str) -> Facts:
    """A video's or sound file's facts from its container header (no decoding)."""
    import av

    size = os.path.getsize(source)
    try:
        container = av.open(source, metadata_errors="replace")
    except (av.FFmpegError, OSError):
        return Facts("", bytes=size)  # the encoder says why in its own words
    with container:
        seconds = container.duration / 1e6 if container.duration else 0.0
        videos = [s for s in container.streams.video
                  if not s.disposition & av.stream.Disposition.attached_pic]
        audios = list(container.streams.audio)
        audio = audios[0] if audios else None
        audio_codec = audio.codec_context.name if audio is not None else ""
        audio_bits = float(audio.bit_rate or 0) if audio is not None else 0.0
        if videos:
            v = videos[0]
            ctx = v.codec_context
            fps = float(v.average_rate or v.guessed_rate or 0)
            bits = float(v.bit_rate or 0)
            if not bits and seconds:  # Matroska and WebM state no stream bitrate: the file's, less the sound
                bits = max(0.0, size * 8 / seconds - audio_bits * len(audios))
            return Facts(VIDEO, ctx.name, audio_codec, ctx.width, ctx.height, seconds, fps, bits / 1000,
                         bytes=size)
        if audio is not None:
            bits = audio_bits or (size * 8 / seconds if seconds else 0.0)
            return Facts(SOUND, audio_codec, audio_codec, seconds=seconds, kbps=bits / 1000, bytes=size)
    return Facts("", bytes=size)


def jpeg_quality(tables: Mapping[int, Any]) -> int:
    """The IJG quality (1-100) whose scaling of the sample table is nearest the file's luminance table."""
    luma = list(tables.get(0) or [])
    if len(luma) != 64:
        return 0
    scale = 100 * sum(luma) / sum(_IJG_LUMA)  # percent of the quality-50 table
    quality = 5000 / scale if scale > 100 else (200 - scale) / 2
    return max(1, min(100, round(quality)))


def probe_picture(source: str) -> Facts:
    """A picture's facts from its header (Pillow reads no pixels for this)."""
    from PIL import Image, UnidentifiedImageError

    size = os.path.getsize(source)
    try:
        with Image.open(source) as im:
            quality = jpeg_quality(getattr(im, "quantization", None) or {}) if im.format == "JPEG" else 0
            lossless = im.format == "WEBP" and _webp_lossless(source)
            return Facts(PICTURE, im.format or "", width=im.width, height=im.height, quality=quality,
                         lossless=lossless, bytes=size)
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
        return Facts("", bytes=size)


def _webp_lossless(source: str) -> bool:
    with open(source, "rb") as f:
        head = f.read(64)
    return b"VP8L" in head


def video_target_bpp(codec: str, crf: int, video_kbps: int, width: int, height: int, fps: float) -> float:
    """The bits per pixel per frame the target encode would spend (see the module's text)."""
    if video_kbps and width and height and fps:
        return video_kbps * 1000 / (width * height * fps)
    base, usual = _BPP_AT_CRF[codec]
    return base * 2 ** ((usual - (crf or usual)) / 6)


def bpp(facts: Facts) -> float:
    pixels = facts.width * facts.height * facts.fps
    return facts.kbps * 1000 / pixels if pixels else float("inf")


def describe_size(n: int) -> str:
    value = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} bytes"


# ---------------------------------------------------------------- the rules applied


def same_format(target: Format, facts: Facts, options: RuleOptions, source: str) -> str | None:
    """What makes the file already what ``target`` would make (for its reason), or None."""
    if facts.codec.split("float")[0] != SAME_CODEC[target]:
        return None
    if facts.kind != PICTURE and Path(source).suffix.lower() not in SAME_SUFFIXES[target]:
        return None
    if not facts.fits(options.max_width, options.max_height):
        return None
    if facts.kind == VIDEO:
        profile = PROFILES[target]
        wanted_audio = "aac" if profile.audio == "aac" else "opus"
        if facts.audio_codec not in ("", wanted_audio):
            return None
        codec = SAME_CODEC[target]
        aim = video_target_bpp(codec, options.crf, options.video_bitrate, facts.width, facts.height, facts.fps)
        have = bpp(facts)
        if have > ROUGHLY * aim:
            return None
        return (f"already {profile.label.split(' + ')[0]}, {facts.width}x{facts.height} at {have:.3f} bits per "
                f"pixel per frame (the target spends about {aim:.3f})")
    if facts.kind == SOUND:
        label = PROFILES[target].label
        if target is Format.FLAC:
            return f"already {label}"
        if facts.kbps > ROUGHLY * options.audio_bitrate:
            return None
        return f"already {label} at {facts.kbps:.0f} kbit/s (the target is {options.audio_bitrate})"
    label = IMAGE_LABELS[target]
    if target is Format.JPEG:
        if not facts.quality or facts.quality > options.image_quality + 5:
            return None
        return f"already {label}, {facts.width}x{facts.height} at quality about {facts.quality}"
    if target is Format.WEBP:
        if facts.lossless != options.lossless:
            return None
        if not facts.lossless:
            bits = facts.bytes * 8 / max(1, facts.width * facts.height)
            aim = 0.02 * options.image_quality
            if bits > ROUGHLY * aim:
                return None
            return (f"already {label}, {facts.width}x{facts.height} at {bits:.2f} bits per pixel "
                    f"(the target spends about {aim:.2f})")
    return f"already {label}, {facts.width}x{facts.height}"


def threshold_skip(kind: str, facts: Facts, size: int, options: RuleOptions) -> str | None:
    """The reason an "only files ..." rule leaves the file out, or None."""
    limit = options.min_size_mb
    if limit and size <= limit * 1024 * 1024:
        return f"{describe_size(size)}, not larger than {limit:g} MB ({RULE_WORDS[MIN_SIZE]} {limit:g} MB)"
    if not facts.kind:
        return None  # not read: the encoder says what is wrong with the file
    limit = options.min_seconds
    if limit and kind in (VIDEO, SOUND) and facts.seconds <= limit:
        return (f"lasts {facts.seconds:.1f} s, not longer than {limit:g} s "
                f"({RULE_WORDS[MIN_SECONDS]} {limit:g} s)")
    width = options.min_width
    if width and kind in (VIDEO, PICTURE) and facts.width <= width:
        return (f"{facts.width} px wide, not wider than {width} px "
                f"({RULE_WORDS[MIN_WIDTH]} {width} px)")
    return None


def copy_source(source: str, target: str | os.PathLike[str]) -> int:
    """Copy ``source`` to ``target`` through a partial file (the source is only read); its size."""
    if os.path.realpath(source) == os.path.realpath(target):
        raise ItemError(f"{Path(source).name} would be copied onto itself; choose another output folder")
    with atomic_output(target) as tmp:
        shutil.copyfile(source, tmp)
        stat = os.stat(source)
        os.utime(tmp, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the copy dates from the original
    return os.path.getsize(target)
