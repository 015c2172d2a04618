"""The encode task: video and sound through PyAV (FFmpeg inside the wheel), pictures through Pillow.

The options say what each kind of file becomes (a video, a sound and a picture format, each
with "keep" and "leave-out"), how, and which rules spare files that need no work
(workers/tasks/media_rules.py). The heavy modules are imported only in the worker that runs an
item, so listing tasks stays cheap.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from workers.outputs import atomic_output
from workers.task import (
    ItemResult,
    OptionSpec,
    Outcome,
    Preset,
    Report,
    SkipItem,
    Task,
    WorkItem,
    convert_value,
    option,
    threads_of,
)
from workers.tasks import media_rules as rules
from workers.tasks.media_formats import (
    AUDIO_EXTENSIONS,
    FORMAT_VALUES,
    IMAGE_EXTENSIONS,
    IMAGE_FORMATS,
    IMAGE_LABELS,
    KEEP,
    KIND_WORDS,
    LEAVE_OUT,
    PROFILES,
    SOUND_ONLY,
    SOUND_TARGETS,
    SVT_SPEED,
    VIDEO_EXTENSIONS,
    VIDEO_TARGETS,
    VP9_SPEED,
    AudioFormat,
    Format,
    PictureFormat,
    SameFormat,
    Speed,
    VideoFormat,
)
from workers.tasks.media_rules import PICTURE, SOUND, VIDEO, Facts

INDEX_NAME = "index.jsonl"


@dataclass(frozen=True)
class EncodeOptions:
    video_format: VideoFormat = option(VideoFormat.MP4_H264, "what videos become: a video format, their sound "
                                       "only (in the sound format), kept as they are, or left out")
    audio_format: AudioFormat = option(AudioFormat.MP3, "what sound files become (and a video's sound, "
                                       "when videos become sound only)")
    picture_format: PictureFormat = option(PictureFormat.JPEG, "what pictures become")
    crf: int = option(0, "video quality as CRF, lower is better and bigger; 0 = the codec's usual "
                         "(H.264 23, H.265 28, VP9 31, AV1 35)", min=0, max=63, auto=0)
    video_bitrate: int = option(0, "video bitrate in kbit/s instead of CRF; 0 = use CRF", min=0, max=200000,
                                auto=0, auto_text="off: use CRF", advanced=True)
    speed: Speed = option(Speed.MEDIUM, "encoder effort: slower gives smaller files at the same quality",
                          advanced=True)
    max_width: int = option(0, "shrink wider videos and pictures to this width, aspect kept; 0 = no limit",
                            min=0, max=65535, auto=0, auto_text="no limit", advanced=True)
    max_height: int = option(0, "shrink taller videos and pictures to this height, aspect kept; 0 = no limit",
                             min=0, max=65535, auto=0, auto_text="no limit", advanced=True)
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
    resume_after: int = option(120, "videos longer than this many seconds are encoded in pieces that a "
                                    "re-run after a crash keeps; 0 = always in one piece", min=0, max=86400,
                               auto=0, auto_text="off", advanced=True)
    same_format: SameFormat = option(SameFormat.OFF, "files already in the target format (same codec, within "
                                     "the size limits, at or below the target quality): encoded anyway (off), "
                                     "copied as they are, or left out", advanced=True)
    keep_if_bigger: bool = option(False, "when the new file comes out bigger than the source, keep a copy of "
                                         "the source instead", advanced=True)
    min_size_mb: float = option(0.0, "only files larger than this many MB; 0 = every size", min=0,
                                max=1_000_000, auto=0.0, auto_text="any size", advanced=True)
    min_seconds: float = option(0.0, "only videos and sound longer than this many seconds; 0 = any length",
                                min=0, max=1_000_000, auto=0.0, auto_text="any length", advanced=True)
    min_width: int = option(0, "only videos and pictures wider than this many pixels; 0 = any width", min=0,
                            max=65535, auto=0, auto_text="any width", advanced=True)


# The single ``format`` option of earlier versions, read from saved settings, queues and presets.
_LEGACY_FORMAT = OptionSpec("format", Format, Format.MP4_H264, "what each file becomes")


def upgrade_format(values: Mapping[str, Any]) -> dict[str, Any]:
    """``format=X`` of earlier versions as the three choices that behave as it did: a video format
    makes videos only, a sound format the sound of sound files and videos, a picture format pictures."""
    out = dict(values)
    if "format" not in out:
        return out
    fmt = convert_value(_LEGACY_FORMAT, out.pop("format"))
    if fmt in VIDEO_TARGETS:
        three = (fmt.value, LEAVE_OUT, LEAVE_OUT)
    elif fmt in SOUND_TARGETS:
        three = (SOUND_ONLY, fmt.value, LEAVE_OUT)
    else:
        three = (LEAVE_OUT, LEAVE_OUT, fmt.value)
    for name, value in zip(("video_format", "audio_format", "picture_format"), three, strict=True):
        out.setdefault(name, value)  # a choice given by its own name wins
    return out


def _only(fmt: str) -> dict[str, str]:
    """The three choices of a preset made for one kind: that kind's format, the others left out."""
    return upgrade_format({"format": fmt})


def kind_of(path: PurePath) -> str:
    """A file's kind by its extension: VIDEO, SOUND, PICTURE or "" (the worker looks inside
    containers that may hold either, such as .webm, .ogg or .mka)."""
    suffix = path.suffix.lower()
    if suffix in VIDEO_EXTENSIONS:
        return VIDEO
    if suffix in AUDIO_EXTENSIONS:
        return SOUND
    if suffix in IMAGE_EXTENSIONS:
        return PICTURE
    return ""


def target_of(kind: str, options: EncodeOptions) -> str:
    """What a file of ``kind`` becomes: a Format's value, KEEP or LEAVE_OUT."""
    if kind == PICTURE:
        return str(options.picture_format.value)
    if kind == SOUND:
        return str(options.audio_format.value)
    if kind == VIDEO:
        chosen = options.video_format
        return str(options.audio_format.value) if chosen is VideoFormat.SOUND_ONLY else str(chosen.value)
    return LEAVE_OUT


def _refusal(kind: str, options: EncodeOptions) -> str:
    """Why a file of ``kind`` gets no output in this run."""
    if not kind:
        return "not a media file (a video, sound file or picture)"
    one, many = KIND_WORDS[kind]
    if kind == VIDEO and options.video_format is VideoFormat.SOUND_ONLY:
        what = "kept as they are" if options.audio_format is AudioFormat.KEEP else "left out"
        return f"{one}; videos give only their sound in this run, and sound files are {what}"
    return f"{one}; {many} are left out in this run"


def _suffix(target: str) -> str:
    fmt = Format(target)
    return IMAGE_FORMATS[fmt][1] if fmt in IMAGE_FORMATS else PROFILES[fmt].suffix


def _encodes(target: str) -> bool:
    return target not in (KEEP, LEAVE_OUT)


def av_settings(options: EncodeOptions, threads: int = 1, fmt: Format | None = None) -> Any:
    """The PyAV settings for a video or sound format (imports PyAV's side only when called);
    ``fmt`` defaults to the video format, or the sound format when videos do not encode."""
    from workers.tasks.media_lanes import AvSettings

    if fmt is None:
        chosen = options.video_format.value
        fmt = Format(chosen if chosen in FORMAT_VALUES else options.audio_format.value)
    profile = PROFILES[fmt]
    speed = options.speed.value
    video_options: dict[str, str] = {}
    crf = options.crf or profile.default_crf
    if profile.video == "libx264":
        video_options = {"preset": speed}
    elif profile.video == "libx265":
        # x265 prints an info banner unless told otherwise; pools bounds its thread pool.
        video_options = {"preset": speed, "x265-params": f"log-level=error:pools={threads}"}
    elif profile.video == "libvpx-vp9":
        deadline, cpu_used = VP9_SPEED[speed]
        video_options = {"deadline": deadline, "cpu-used": str(cpu_used), "row-mt": "1"}
    elif profile.video == "libsvtav1":
        # Since SVT-AV1 3.0 "lp" is a level of parallelism (1-6), roughly the cores it may use.
        video_options = {"preset": str(SVT_SPEED[speed]), "svtav1-params": f"lp={min(6, threads)}"}
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


def image_settings(options: EncodeOptions, fmt: Format | None = None) -> Any:
    """The Pillow settings for a picture format (``fmt`` defaults to the picture format)."""
    from workers.tasks.media_image import ImageSettings

    fmt = fmt or Format(options.picture_format.value)
    return ImageSettings(
        format=IMAGE_FORMATS[fmt][0],
        quality=options.image_quality,
        progressive=options.progressive,
        lossless=options.lossless,
        optimize=options.optimize,
        max_width=options.max_width,
        max_height=options.max_height,
        keep_metadata=not options.strip_metadata,
    )


def _with_segments(settings: Any, options: EncodeOptions, item: WorkItem) -> Any:
    """A video's settings with where and after how long it is encoded in pieces (see media_segments)."""
    out = Path(item.output)
    pieces = {"segment_after": float(options.resume_after),
              "segment_dir": str(out.parent / f".{out.name}.bp-segments")}
    known = {f.name for f in dataclasses.fields(settings)}
    return dataclasses.replace(settings, **{k: v for k, v in pieces.items() if k in known})


_size = rules.describe_size


def _free(wanted: Path, item: WorkItem) -> str:
    """``wanted`` as the item's output when it is the planned one or names nothing yet: a name the
    plan did not choose is never written over (it may be another file's source or output)."""
    if str(wanted) == item.output or not os.path.lexists(wanted):
        return str(wanted)
    raise SkipItem(f"its output would be {wanted.name} (the file type it holds), which already exists; "
                   "nothing was written")


class _Bigger(Exception):
    """The encode came out bigger than its source: it is thrown away and the source copied."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


# ---------------------------------------------------------------- the task


class EncodeTask(Task):
    """Re-encode videos, sound files and pictures, each kind into its chosen format."""

    name = "encode"
    output_word = "encoded"  # outputs go to <folder>-encoded by default
    title = "Encode media"
    description = ("Convert videos (H.264, H.265, VP9, AV1), sound (MP3, AAC, Opus, FLAC) and pictures "
                   "(JPEG, WebP, PNG); every output is checked before it is kept")
    Options = EncodeOptions
    # Keys are what --preset takes (the format names came first and stay); titles are what the
    # window lists: whole folders first, then video, sound, pictures. A preset made for one kind
    # leaves the other kinds out, as it did when a run had one format.
    presets = {
        "web": Preset("Web: videos, sound and photos (H.264, AAC, WebP)", video_format="mp4-h264",
                      audio_format="aac", picture_format="webp", crf=23, speed="medium", max_width=1920,
                      max_height=1080, audio_bitrate=128, image_quality=80),
        "phone-backup": Preset("Phone backup (H.265, AAC, JPEG)", video_format="mp4-h265", audio_format="aac",
                               picture_format="jpeg", crf=28, speed="medium", audio_bitrate=128,
                               image_quality=85, same_format="copy", keep_if_bigger=True),
        "web-1080p": Preset("Web video 1080p", **_only("mp4-h264"), crf=23, speed="medium", max_width=1920,
                            max_height=1080, audio_bitrate=128),
        "phone-720p": Preset("Phone video 720p", **_only("mp4-h264"), crf=24, speed="medium", max_width=1280,
                             max_height=720, audio_bitrate=96),
        "mp4-h264": Preset("MP4 video, full size (H.264)", **_only("mp4-h264"), crf=23, speed="medium",
                           audio_bitrate=128),
        "mp4-h265": Preset("Small video (H.265)", **_only("mp4-h265"), crf=28, speed="medium", audio_bitrate=128),
        "webm-vp9": Preset("WebM video for browsers (VP9)", **_only("webm-vp9"), crf=31, speed="fast",
                           audio_bitrate=128),
        "mkv-av1": Preset("Smallest video (AV1, slow to make)", **_only("mkv-av1"), crf=35, speed="fast",
                          audio_bitrate=128),
        "podcast-mp3": Preset("Podcast MP3", **_only("mp3"), audio_bitrate=96),
        "mp3": Preset("Music MP3", **_only("mp3"), audio_bitrate=192),
        "aac": Preset("Music AAC (.m4a)", **_only("aac"), audio_bitrate=160),
        "opus": Preset("Small sound files (Opus)", **_only("opus"), audio_bitrate=128),
        "flac": Preset("Archive sound (FLAC, lossless)", **_only("flac")),
        "webp": Preset("Photos for the web (WebP)", **_only("webp"), image_quality=80),
        "email-photos": Preset("Photos for e-mail (JPEG, 1600 px)", **_only("jpeg"), image_quality=80,
                               progressive=True, max_width=1600, max_height=1600),
        "jpeg": Preset("JPEG photos, full size", **_only("jpeg"), image_quality=85, progressive=True),
        "png": Preset("Pictures without loss (PNG)", **_only("png"), optimize=True),
    }
    extensions = VIDEO_EXTENSIONS | AUDIO_EXTENSIONS | IMAGE_EXTENSIONS
    helps = True  # idle workers take segments of a long video (see help)

    @staticmethod
    def name_fields(path: Path) -> Mapping[str, Any]:
        """{width} and {height} for output name templates, read from the file's header."""
        from workers.tasks.media_names import picture_size

        return picture_size(path)

    # -- options ----------------------------------------------------------------------------
    def upgrade_options(self, values: Mapping[str, Any]) -> dict[str, Any]:
        return upgrade_format(values)

    def automatic(self, name: str, options: Any) -> Any:
        """The CRF the codec uses when it is left automatic; threads depend on the run."""
        chosen = options.video_format.value
        if name == "crf" and chosen in FORMAT_VALUES and not options.video_bitrate:
            return PROFILES[Format(chosen)].default_crf or None
        return None

    def applies(self, name: str, options: Any) -> bool:
        """Whether ``name`` changes anything with the three choices in ``options``."""
        video = target_of(VIDEO, options) if options.video_format is not VideoFormat.SOUND_ONLY else LEAVE_OUT
        video_encodes = video in VIDEO_TARGETS
        sound = {target_of(SOUND, options), target_of(VIDEO, options)} & set(SOUND_TARGETS)
        picture = options.picture_format.value
        any_encodes = video_encodes or bool(sound) or _encodes(picture)
        if name in ("crf", "video_bitrate", "speed", "subtitles", "resume_after"):
            return video_encodes
        if name in ("max_width", "max_height"):
            return video_encodes or _encodes(picture)
        if name == "audio_bitrate":
            return video_encodes or bool(sound - {Format.FLAC})
        if name == "threads":
            return video_encodes or bool(sound)
        if name == "image_quality":
            return picture in (Format.JPEG, Format.WEBP)
        if name == "progressive":
            return picture == Format.JPEG
        if name == "lossless":
            return picture == Format.WEBP
        if name == "optimize":
            return picture in (Format.JPEG, Format.PNG)
        if name in ("strip_metadata", "same_format", "keep_if_bigger"):
            return any_encodes
        if name == "min_seconds":
            return target_of(VIDEO, options) != LEAVE_OUT or target_of(SOUND, options) != LEAVE_OUT
        if name == "min_width":
            return target_of(VIDEO, options) != LEAVE_OUT or picture != LEAVE_OUT
        return True

    # -- planning ---------------------------------------------------------------------------
    def accepts(self, path: Path, options: Any) -> bool:
        return target_of(kind_of(path), options) != LEAVE_OUT

    def skip_reason(self, path: Path, options: Any) -> str:
        return _refusal(kind_of(path), options)

    def output_name(self, rel: PurePath, options: Any) -> PurePath:
        target = target_of(kind_of(rel), options)
        return rel.with_suffix(_suffix(target)) if _encodes(target) else rel

    # -- one item ---------------------------------------------------------------------------
    def run(self, item: WorkItem, options: Any, report: Report) -> ItemResult:
        kind = kind_of(PurePath(item.source))
        facts = Facts(kind, bytes=item.size)
        if kind in (VIDEO, SOUND):
            facts = rules.probe_av(item.source)
            kind = facts.kind or kind  # .webm with sound only, .ogg with a picture track...
        elif kind == PICTURE and (options.same_format is not SameFormat.OFF or options.min_width):
            facts = rules.probe_picture(item.source)
        target = target_of(kind, options)
        if target == LEAVE_OUT:
            if kind == SOUND and kind_of(PurePath(item.source)) == VIDEO:
                raise SkipItem(f"has only sound: {_refusal(SOUND, options).split('; ', 1)[1]}")
            raise SkipItem(_refusal(kind, options))
        skip = rules.threshold_skip(kind, facts, item.size, options)
        if skip:
            raise SkipItem(skip)
        if target == KEEP:
            many = KIND_WORDS[kind][1]
            return self._copy(item, report, f"{many} are kept as they are in this run", rules.KEEP, kind)
        fmt = Format(target)
        output = _free(Path(item.output).with_suffix(_suffix(target)), item)  # .webm holding only sound...
        if options.same_format is not SameFormat.OFF:
            same = rules.same_format(fmt, facts, options, item.source)
            if same:
                why = f"{same} ({rules.RULE_WORDS[rules.SAME_FORMAT]})"
                if options.same_format is SameFormat.LEAVE_OUT:
                    raise SkipItem(why)
                return self._copy(item, report, why, rules.SAME_FORMAT, kind)
        item = item._replace(output=output)
        try:
            if fmt in IMAGE_FORMATS:
                return self._run_image(item, options, report, fmt)
            return self._run_av(item, options, report, fmt)
        except _Bigger as bigger:
            return self._keep_original(item, report, fmt, kind, bigger.size)

    def help(self, item: WorkItem, options: Any, report: Report, keep_going: Callable[[], bool]) -> int:
        """Encode segments of a long video another worker is encoding (see media_shared)."""
        if kind_of(PurePath(item.source)) != VIDEO:
            return 0
        target = target_of(VIDEO, options)
        if not _encodes(target) or Format(target) in IMAGE_FORMATS:
            return 0
        fmt = Format(target)
        from workers.tasks.media_av import help_segments

        settings = av_settings(options, threads_of(report, options.threads), fmt)
        if not settings.video_codec:
            return 0
        output = str(Path(item.output).with_suffix(_suffix(target)))
        settings = _with_segments(settings, options, item._replace(output=output))
        return help_segments(item.source, settings, keep_going)

    def _copy(self, item: WorkItem, report: Report, why: str, rule: str, kind: str,
              output: str | None = None) -> ItemResult:
        """The source copied unchanged to ``output`` (default: the item's planned output)."""
        report(0.0, "copying")
        output = output or item.output
        size = rules.copy_source(item.source, output)
        report(1.0, "done")
        return ItemResult(output, f"copied as it is, {_size(size)}: {why}",
                          {"kind": kind, "action": "copied", "rule": rule, "bytes": size, "reason": why})

    def _keep_original(self, item: WorkItem, report: Report, fmt: Format, kind: str, encoded: int) -> ItemResult:
        label = IMAGE_LABELS[fmt] if fmt in IMAGE_FORMATS else PROFILES[fmt].label
        more = encoded - item.size
        percent = 100 * more / item.size if item.size else 100.0
        why = (f"the {label} encode came out {_size(encoded)}, {_size(more)} ({percent:.0f} %) bigger than the "
               f"source ({rules.RULE_WORDS[rules.KEEP_IF_BIGGER]})")
        # The copy keeps the source's extension, so its type stays right.
        wanted = Path(item.output).with_suffix(Path(item.source).suffix)
        if os.path.lexists(wanted) and os.path.samefile(wanted, item.source):
            raise SkipItem(f"the original stays as it is: {why}")  # written next to the source
        result = self._copy(item, report, why, rules.KEEP_IF_BIGGER, kind, _free(wanted, item))
        data = {**result.data, "format": fmt.value, "encoded_bytes": encoded, "bigger_by_bytes": more,
                "bigger_by_percent": round(percent, 1)}
        return ItemResult(result.output, f"kept the original, {_size(item.size)}: {why}", data)

    def _check_size(self, tmp: Path, item: WorkItem, options: EncodeOptions) -> None:
        if options.keep_if_bigger and item.size and tmp.stat().st_size > item.size:
            raise _Bigger(tmp.stat().st_size)

    def _run_av(self, item: WorkItem, options: EncodeOptions, report: Report, fmt: Format) -> ItemResult:
        from workers.tasks.media_av import output_kept, transcode

        settings = av_settings(options, threads_of(report, options.threads), fmt)
        if settings.video_codec:
            settings = _with_segments(settings, options, item)
        with atomic_output(item.output) as tmp:
            result = transcode(item.source, tmp, settings, report)
            try:
                self._check_size(tmp, item, options)
            except _Bigger:
                output_kept(result)  # the source is kept instead: its segments are not needed either
                raise
        output_kept(result)
        size = Path(item.output).stat().st_size
        facts = result.facts
        shape = f"{facts['width']}x{facts['height']} " if "width" in facts else ""
        message = (f"{shape}{settings.label}, {facts['duration']:.1f} s, "
                   f"{_size(size)} (was {_size(item.size)})")
        data = {**facts, "bytes": size, "format": fmt.value, "kind": VIDEO if settings.video_codec else SOUND,
                "action": "encoded"}
        if result.notes:
            message += "; " + "; ".join(result.notes)
            data["notes"] = result.notes
        report(1.0, "done")
        return ItemResult(item.output, message, data)

    def _run_image(self, item: WorkItem, options: EncodeOptions, report: Report, fmt: Format) -> ItemResult:
        from workers.tasks.media_image import convert_image

        settings = image_settings(options, fmt)
        with atomic_output(item.output) as tmp:
            result = convert_image(item.source, tmp, settings, report)
            self._check_size(tmp, item, options)
        size = Path(item.output).stat().st_size
        frames = f", {result.frames} frames" if result.frames > 1 else ""
        message = (f"{result.width}x{result.height} {IMAGE_LABELS[fmt]}{frames}, "
                   f"{_size(size)} (was {_size(item.size)})")
        data: dict[str, Any] = {"width": result.width, "height": result.height, "frames": result.frames,
                                "bytes": size, "format": fmt.value, "kind": PICTURE, "action": "encoded"}
        if result.notes:
            message += "; " + "; ".join(result.notes)
            data["notes"] = list(result.notes)
        report(1.0, "done")
        return ItemResult(item.output, message, data)

    # -- the batch's index ------------------------------------------------------------------
    def finalize(self, out_dir: Path, options: Any, outcomes: list[Outcome]) -> str | None:
        """Write index.jsonl: a line for every file, saying what became of it and which rule applied."""
        return write_index(Path(out_dir), outcomes)


def _index_row(out_dir: Path, outcome: Outcome) -> dict[str, Any]:
    data = dict(outcome.data)
    output = outcome.output or ""
    if output:
        with_out = os.path.relpath(output, out_dir)
        output = output if with_out.startswith("..") else with_out
    rule = str(data.get("rule") or rules.rule_of(outcome.reason))
    action = str(data.get("action") or ("left out" if outcome.state == "skipped" else ""))
    row: dict[str, Any] = {"source": outcome.item.rel, "state": outcome.state, "reason": outcome.reason,
                           "output": output, "kind": data.get("kind") or kind_of(PurePath(outcome.item.source)),
                           "action": action, "rule": rule, "source_bytes": outcome.item.size,
                           "bytes": data.get("bytes"), "format": data.get("format", "")}
    for key in ("encoded_bytes", "bigger_by_bytes", "bigger_by_percent"):
        if key in data:
            row[key] = data[key]
    if outcome.state == "done" and data.get("reason"):
        row["reason"] = data["reason"]  # why a file was copied rather than encoded
    return row


def read_index(path: Path) -> dict[str, dict[str, Any]]:
    """The rows an earlier run's index holds, by source; {} when there is none (or it is unreadable)."""
    rows: dict[str, dict[str, Any]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return rows
    for line in lines:
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict) and isinstance(row.get("source"), str):
            rows[row["source"]] = row
    return rows


def write_index(out_dir: Path, outcomes: list[Outcome]) -> str:
    """Merge this batch's outcomes into the folder's index.jsonl (a file this batch only skipped for
    a reason that is no rule keeps the earlier run's row); returns the note for the summary."""
    path = out_dir / INDEX_NAME
    rows = read_index(path)
    for outcome in outcomes:
        row = _index_row(out_dir, outcome)
        earlier = rows.get(row["source"])
        if outcome.state == "skipped" and not row["rule"] and earlier is not None:
            continue  # e.g. "output already exists": the earlier row still says what the output is
        rows[row["source"]] = row
    out_dir.mkdir(parents=True, exist_ok=True)
    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8", errors="replace") as fh:
        for source in sorted(rows):
            fh.write(json.dumps(rows[source], ensure_ascii=False) + "\n")
    ruled = sum(1 for r in rows.values() if r.get("rule"))
    return f"index of {len(rows)} file(s) written to {path}" + (f" ({ruled} by a rule)" if ruled else "")
