"""What the encode task can make: the output formats of each kind, their encoders and containers,
the encoder speeds, and the file types each kind is read from."""

from __future__ import annotations

import enum
from dataclasses import dataclass

VIDEO, SOUND, PICTURE = "video", "sound", "picture"  # the kinds of media file

VIDEO_EXTENSIONS = frozenset({
    ".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".wmv", ".flv", ".mpg", ".mpeg", ".m2v", ".ts",
    ".mts", ".m2ts", ".3gp", ".3g2", ".ogv", ".mxf", ".vob", ".dv", ".asf", ".y4m",
})
AUDIO_EXTENSIONS = frozenset({
    ".mp3", ".m4a", ".aac", ".wav", ".flac", ".ogg", ".oga", ".opus", ".wma", ".aif", ".aiff", ".aifc",
    ".ape", ".wv", ".mka", ".ac3", ".eac3", ".dts", ".amr", ".mp2", ".caf", ".au", ".tta",
})
IMAGE_EXTENSIONS = frozenset({
    ".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp", ".ppm", ".pgm",
    ".pbm", ".tga", ".ico",
})


class Format(enum.StrEnum):
    """An output format; also the values of the single ``format`` option of earlier versions."""

    MP4_H264 = "mp4-h264"
    MP4_H265 = "mp4-h265"
    WEBM_VP9 = "webm-vp9"
    MKV_AV1 = "mkv-av1"
    MP3 = "mp3"
    AAC = "aac"
    OPUS = "opus"
    FLAC = "flac"
    JPEG = "jpeg"
    WEBP = "webp"
    PNG = "png"


FORMAT_VALUES = frozenset(f.value for f in Format)
KEEP, LEAVE_OUT, SOUND_ONLY = "keep", "leave-out", "sound-only"


class VideoFormat(enum.StrEnum):
    """What videos become."""

    MP4_H264 = "mp4-h264"
    MP4_H265 = "mp4-h265"
    WEBM_VP9 = "webm-vp9"
    MKV_AV1 = "mkv-av1"
    SOUND_ONLY = SOUND_ONLY  # the sound track alone, in the sound format
    KEEP = KEEP  # copied unchanged
    LEAVE_OUT = LEAVE_OUT


class AudioFormat(enum.StrEnum):
    """What sound files become."""

    MP3 = "mp3"
    AAC = "aac"
    OPUS = "opus"
    FLAC = "flac"
    KEEP = KEEP
    LEAVE_OUT = LEAVE_OUT


class PictureFormat(enum.StrEnum):
    """What pictures become."""

    JPEG = "jpeg"
    WEBP = "webp"
    PNG = "png"
    KEEP = KEEP
    LEAVE_OUT = LEAVE_OUT


class SameFormat(enum.StrEnum):
    """What happens to a file already in the target format."""

    OFF = "off"  # encoded like any other
    COPY = "copy"
    LEAVE_OUT = LEAVE_OUT


@dataclass(frozen=True)
class VideoProfile:
    label: str
    container: str
    suffix: str
    video: str | None  # FFmpeg encoder; None for sound-only formats
    audio: str
    default_crf: int = 0
    container_options: tuple[tuple[str, str], ...] = ()


MP4 = (("movflags", "+faststart"),)  # index first: plays while it downloads
PROFILES: dict[Format, VideoProfile] = {
    Format.MP4_H264: VideoProfile("MP4 H.264 + AAC", "mp4", ".mp4", "libx264", "aac", 23, MP4),
    Format.MP4_H265: VideoProfile("MP4 H.265 + AAC", "mp4", ".mp4", "libx265", "aac", 28, MP4),
    Format.WEBM_VP9: VideoProfile("WebM VP9 + Opus", "webm", ".webm", "libvpx-vp9", "libopus", 31),
    Format.MKV_AV1: VideoProfile("MKV AV1 + Opus", "matroska", ".mkv", "libsvtav1", "libopus", 35),
    Format.MP3: VideoProfile("MP3", "mp3", ".mp3", None, "libmp3lame"),
    Format.AAC: VideoProfile("AAC (M4A)", "ipod", ".m4a", None, "aac", 0, MP4),
    Format.OPUS: VideoProfile("Opus", "opus", ".opus", None, "libopus"),
    Format.FLAC: VideoProfile("FLAC", "flac", ".flac", None, "flac"),
}
IMAGE_FORMATS = {Format.JPEG: ("JPEG", ".jpg"), Format.WEBP: ("WEBP", ".webp"), Format.PNG: ("PNG", ".png")}
IMAGE_LABELS = {Format.JPEG: "JPEG", Format.WEBP: "WebP", Format.PNG: "PNG"}
# VP9's effort is a deadline and a cpu-used step; SVT-AV1's a preset number (higher is faster).
VP9_SPEED = {"ultrafast": ("realtime", 8), "superfast": ("realtime", 7), "veryfast": ("good", 5),
              "faster": ("good", 4), "fast": ("good", 3), "medium": ("good", 2), "slow": ("good", 1),
              "slower": ("good", 0), "veryslow": ("best", 0)}
SVT_SPEED = {"ultrafast": 12, "superfast": 11, "veryfast": 10, "faster": 9, "fast": 8, "medium": 7,
              "slow": 5, "slower": 4, "veryslow": 2}




class Speed(enum.StrEnum):
    """Encoder effort, in x264's words: slower makes smaller files at the same quality."""

    ULTRAFAST = "ultrafast"
    SUPERFAST = "superfast"
    VERYFAST = "veryfast"
    FASTER = "faster"
    FAST = "fast"
    MEDIUM = "medium"
    SLOW = "slow"
    SLOWER = "slower"
    VERYSLOW = "veryslow"


VIDEO_TARGETS = (Format.MP4_H264, Format.MP4_H265, Format.WEBM_VP9, Format.MKV_AV1)
SOUND_TARGETS = (Format.MP3, Format.AAC, Format.OPUS, Format.FLAC)
# The codec FFmpeg reads back from each format, and the file types that hold it as the format does.
SAME_CODEC = {Format.MP4_H264: "h264", Format.MP4_H265: "hevc", Format.WEBM_VP9: "vp9", Format.MKV_AV1: "av1",
               Format.MP3: "mp3", Format.AAC: "aac", Format.OPUS: "opus", Format.FLAC: "flac",
               Format.JPEG: "JPEG", Format.WEBP: "WEBP", Format.PNG: "PNG"}
SAME_SUFFIXES = {Format.MP4_H264: (".mp4", ".m4v"), Format.MP4_H265: (".mp4", ".m4v"),
                  Format.WEBM_VP9: (".webm",), Format.MKV_AV1: (".mkv",), Format.MP3: (".mp3",),
                  Format.AAC: (".m4a",), Format.OPUS: (".opus",), Format.FLAC: (".flac",)}
KIND_WORDS = {VIDEO: ("a video", "videos"), SOUND: ("a sound file", "sound files"),
               PICTURE: ("a picture", "pictures")}
