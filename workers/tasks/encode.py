"""The encode task: video and sound through PyAV (FFmpeg inside the wheel), pictures through Pillow.

The options say what to make (one output format per run) and how; the heavy modules are
imported only in the worker that runs an item, so listing tasks stays cheap.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from workers.outputs import atomic_output
from workers.task import ItemResult, Preset, Report, Task, WorkItem, option, threads_of

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
    """What each output file becomes."""

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


@dataclass(frozen=True)
class _VideoProfile:
    label: str
    container: str
    suffix: str
    video: str | None  # FFmpeg encoder; None for sound-only formats
    audio: str
    default_crf: int = 0
    container_options: tuple[tuple[str, str], ...] = ()


_MP4 = (("movflags", "+faststart"),)  # index first: plays while it downloads
_PROFILES: dict[Format, _VideoProfile] = {
    Format.MP4_H264: _VideoProfile("MP4 H.264 + AAC", "mp4", ".mp4", "libx264", "aac", 23, _MP4),
    Format.MP4_H265: _VideoProfile("MP4 H.265 + AAC", "mp4", ".mp4", "libx265", "aac", 28, _MP4),
    Format.WEBM_VP9: _VideoProfile("WebM VP9 + Opus", "webm", ".webm", "libvpx-vp9", "libopus", 31),
    Format.MKV_AV1: _VideoProfile("MKV AV1 + Opus", "matroska", ".mkv", "libsvtav1", "libopus", 35),
    Format.MP3: _VideoProfile("MP3", "mp3", ".mp3", None, "libmp3lame"),
    Format.AAC: _VideoProfile("AAC (M4A)", "ipod", ".m4a", None, "aac", 0, _MP4),
    Format.OPUS: _VideoProfile("Opus", "opus", ".opus", None, "libopus"),
    Format.FLAC: _VideoProfile("FLAC", "flac", ".flac", None, "flac"),
}
_IMAGE_FORMATS = {Format.JPEG: ("JPEG", ".jpg"), Format.WEBP: ("WEBP", ".webp"), Format.PNG: ("PNG", ".png")}
_IMAGE_LABELS = {Format.JPEG: "JPEG", Format.WEBP: "WebP", Format.PNG: "PNG"}
# VP9's effort is a deadline and a cpu-used step; SVT-AV1's a preset number (higher is faster).
_VP9_SPEED = {"ultrafast": ("realtime", 8), "superfast": ("realtime", 7), "veryfast": ("good", 5),
              "faster": ("good", 4), "fast": ("good", 3), "medium": ("good", 2), "slow": ("good", 1),
              "slower": ("good", 0), "veryslow": ("best", 0)}
_SVT_SPEED = {"ultrafast": 12, "superfast": 11, "veryfast": 10, "faster": 9, "fast": 8, "medium": 7,
              "slow": 5, "slower": 4, "veryslow": 2}


@dataclass(frozen=True)
class EncodeOptions:
    format: Format = option(Format.MP4_H264, "what each file becomes (video, sound-only or picture format)")
    crf: int = option(0, "video quality as CRF, lower is better and bigger; 0 = the codec's usual "
                         "(H.264 23, H.265 28, VP9 31, AV1 35)", min=0, max=63, auto=0)
    video_bitrate: int = option(0, "video bitrate in kbit/s instead of CRF; 0 = use CRF", min=0, max=200000,
                                auto=0, auto_text="off: use CRF", advanced=True)
    speed: Speed = option(Speed.MEDIUM, "encoder effort: slower gives smaller files at the same quality")
    max_width: int = option(0, "shrink wider videos and pictures to this width, aspect kept; 0 = no limit",
                            min=0, max=65535, auto=0, auto_text="no limit")
    max_height: int = option(0, "shrink taller videos and pictures to this height, aspect kept; 0 = no limit",
                             min=0, max=65535, auto=0, auto_text="no limit")
    audio_bitrate: int = option(128, "sound bitrate in kbit/s (not used by FLAC)", min=8, max=512, advanced=True)
    subtitles: bool = option(True, "keep subtitle tracks (converted to the text format the container takes)",
                             advanced=True)
    strip_metadata: bool = option(False, "drop tags (title, GPS, camera, EXIF, chapters); "
                                         "picture colour profiles are always kept", advanced=True)
    threads: int = option(0, "threads per file; 0 = share the cores among the workers", min=0, max=64,
                          auto=0, advanced=True)
    image_quality: int = option(85, "JPEG and WebP quality, 1-100", min=1, max=100, advanced=True)
    progressive: bool = option(True, "progressive JPEG (shows coarse-to-fine while loading)", advanced=True)
    lossless: bool = option(False, "lossless WebP (bigger, exact pixels)", advanced=True)
    optimize: bool = option(True, "spend a little more time for smaller JPEG and PNG files", advanced=True)


def av_settings(options: EncodeOptions, threads: int = 1) -> Any:
    """The PyAV settings for a video or sound format (imports PyAV's side only when called)."""
    from workers.tasks.media_lanes import AvSettings

    profile = _PROFILES[options.format]
    speed = options.speed.value
    video_options: dict[str, str] = {}
    crf = options.crf or profile.default_crf
    if profile.video == "libx264":
        video_options = {"preset": speed}
    elif profile.video == "libx265":
        # x265 prints an info banner unless told otherwise; pools bounds its thread pool.
        video_options = {"preset": speed, "x265-params": f"log-level=error:pools={threads}"}
    elif profile.video == "libvpx-vp9":
        deadline, cpu_used = _VP9_SPEED[speed]
        video_options = {"deadline": deadline, "cpu-used": str(cpu_used), "row-mt": "1"}
    elif profile.video == "libsvtav1":
        # Since SVT-AV1 3.0 "lp" is a level of parallelism (1-6), roughly the cores it may use.
        video_options = {"preset": str(_SVT_SPEED[speed]), "svtav1-params": f"lp={min(6, threads)}"}
    if profile.video and not options.video_bitrate:
        video_options["crf"] = str(crf)
        if profile.video == "libvpx-vp9":
            video_options["b"] = "0"  # constant quality needs the bitrate cap off
    return AvSettings(
        label=profile.label,
        container=profile.container,
        video_codec=profile.video,
        audio_codec=profile.audio,
        video_options=video_options,
        video_bitrate=options.video_bitrate * 1000,
        audio_bitrate=options.audio_bitrate * 1000,
        max_width=options.max_width,
        max_height=options.max_height,
        threads=threads,
        keep_subtitles=options.subtitles,
        keep_metadata=not options.strip_metadata,
        container_options=dict(profile.container_options),
        codec_tag="hvc1" if profile.video == "libx265" else "",
    )


def image_settings(options: EncodeOptions) -> Any:
    """The Pillow settings for a picture format."""
    from workers.tasks.media_image import ImageSettings

    return ImageSettings(
        format=_IMAGE_FORMATS[options.format][0],
        quality=options.image_quality,
        progressive=options.progressive,
        lossless=options.lossless,
        optimize=options.optimize,
        max_width=options.max_width,
        max_height=options.max_height,
        keep_metadata=not options.strip_metadata,
    )


def _size(n: int) -> str:
    value = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} bytes"


class EncodeTask(Task):
    """Re-encode videos, sound files and pictures into one chosen format."""

    name = "encode"
    output_word = "encoded"  # outputs go to <folder>-encoded by default
    title = "Encode media"
    description = ("Convert videos (H.264, H.265, VP9, AV1), sound (MP3, AAC, Opus, FLAC) and pictures "
                   "(JPEG, WebP, PNG); every output is checked before it is kept")
    Options = EncodeOptions
    # Keys are what --preset takes (the format names came first and stay); titles are what the
    # window lists, in the order people look for them: video, sound, pictures.
    presets = {
        "web-1080p": Preset("Web video 1080p", format="mp4-h264", crf=23, speed="medium", max_width=1920,
                            max_height=1080, audio_bitrate=128),
        "phone-720p": Preset("Phone video 720p", format="mp4-h264", crf=24, speed="medium", max_width=1280,
                             max_height=720, audio_bitrate=96),
        "mp4-h264": Preset("MP4 video, full size (H.264)", format="mp4-h264", crf=23, speed="medium",
                           audio_bitrate=128),
        "mp4-h265": Preset("Small video (H.265)", format="mp4-h265", crf=28, speed="medium", audio_bitrate=128),
        "webm-vp9": Preset("WebM video for browsers (VP9)", format="webm-vp9", crf=31, speed="fast",
                           audio_bitrate=128),
        "mkv-av1": Preset("Smallest video (AV1, slow to make)", format="mkv-av1", crf=35, speed="fast",
                          audio_bitrate=128),
        "podcast-mp3": Preset("Podcast MP3", format="mp3", audio_bitrate=96),
        "mp3": Preset("Music MP3", format="mp3", audio_bitrate=192),
        "aac": Preset("Music AAC (.m4a)", format="aac", audio_bitrate=160),
        "opus": Preset("Small sound files (Opus)", format="opus", audio_bitrate=128),
        "flac": Preset("Archive sound (FLAC, lossless)", format="flac"),
        "webp": Preset("Photos for the web (WebP)", format="webp", image_quality=80),
        "email-photos": Preset("Photos for e-mail (JPEG, 1600 px)", format="jpeg", image_quality=80,
                               progressive=True, max_width=1600, max_height=1600),
        "jpeg": Preset("JPEG photos, full size", format="jpeg", image_quality=85, progressive=True),
        "png": Preset("Pictures without loss (PNG)", format="png", optimize=True),
    }
    extensions = VIDEO_EXTENSIONS | AUDIO_EXTENSIONS | IMAGE_EXTENSIONS

    @staticmethod
    def _reads(options: EncodeOptions) -> frozenset[str]:
        fmt = options.format
        if fmt in _IMAGE_FORMATS:
            return IMAGE_EXTENSIONS
        if _PROFILES[fmt].video:
            return VIDEO_EXTENSIONS
        return AUDIO_EXTENSIONS | VIDEO_EXTENSIONS  # sound can be taken from a video

    def accepts(self, path: Path, options: Any) -> bool:
        return path.suffix.lower() in self._reads(options)

    def automatic(self, name: str, options: Any) -> Any:
        """The CRF the codec uses when it is left automatic; threads depend on the run."""
        if name == "crf" and options.format in _PROFILES and not options.video_bitrate:
            return _PROFILES[options.format].default_crf or None
        return None

    def skip_reason(self, path: Path, options: Any) -> str:
        suffix = path.suffix.lower()
        fmt = options.format
        if fmt in _IMAGE_FORMATS:
            wanted = "pictures"
        elif _PROFILES[fmt].video:
            wanted = "videos"
        else:
            wanted = "sound and videos"
        kind = ("a picture" if suffix in IMAGE_EXTENSIONS else "a sound file" if suffix in AUDIO_EXTENSIONS
                else "a video" if suffix in VIDEO_EXTENSIONS else "not a media file")
        return f"{kind}; the {fmt.value} format reads {wanted}"

    def output_name(self, rel: PurePath, options: Any) -> PurePath:
        fmt = options.format
        suffix = _IMAGE_FORMATS[fmt][1] if fmt in _IMAGE_FORMATS else _PROFILES[fmt].suffix
        return rel.with_suffix(suffix)

    def run(self, item: WorkItem, options: Any, report: Report) -> ItemResult:
        if options.format in _IMAGE_FORMATS:
            return self._run_image(item, options, report)
        return self._run_av(item, options, report)

    def _run_av(self, item: WorkItem, options: EncodeOptions, report: Report) -> ItemResult:
        from workers.tasks.media_av import transcode

        settings = av_settings(options, threads_of(report, options.threads))
        with atomic_output(item.output) as tmp:
            result = transcode(item.source, tmp, settings, report)
        size = Path(item.output).stat().st_size
        facts = result.facts
        shape = f"{facts['width']}x{facts['height']} " if "width" in facts else ""
        message = (f"{shape}{settings.label}, {facts['duration']:.1f} s, "
                   f"{_size(size)} (was {_size(item.size)})")
        data = {**facts, "bytes": size, "format": options.format.value}
        if result.notes:
            message += "; " + "; ".join(result.notes)
            data["notes"] = result.notes
        report(1.0, "done")
        return ItemResult(item.output, message, data)

    def _run_image(self, item: WorkItem, options: EncodeOptions, report: Report) -> ItemResult:
        from workers.tasks.media_image import convert_image

        settings = image_settings(options)
        with atomic_output(item.output) as tmp:
            result = convert_image(item.source, tmp, settings, report)
        size = Path(item.output).stat().st_size
        frames = f", {result.frames} frames" if result.frames > 1 else ""
        message = (f"{result.width}x{result.height} {_IMAGE_LABELS[options.format]}{frames}, "
                   f"{_size(size)} (was {_size(item.size)})")
        data: dict[str, Any] = {"width": result.width, "height": result.height, "frames": result.frames,
                                "bytes": size, "format": options.format.value}
        if result.notes:
            message += "; " + "; ".join(result.notes)
            data["notes"] = list(result.notes)
        report(1.0, "done")
        return ItemResult(item.output, message, data)
