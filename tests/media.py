"""Media made on the fly for the encode tests and benchmarks: clips, tones, photos, broken files.

Clips come from FFmpeg's own test sources (a moving colour pattern and a sine tone) through
PyAV, so nothing binary is committed and the inputs are the same on every machine.
"""

from __future__ import annotations

import functools
import io
import itertools
import os
import random
import struct
import zlib
from collections.abc import Iterator, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import av.filter
from av.subtitles.subtitle import SubtitleSet
from PIL import Image, ImageDraw

_ASS_HEADER = (
    b"[Script Info]\nScriptType: v4.00+\nPlayResX: 384\nPlayResY: 288\n\n[V4+ Styles]\n"
    b"Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, "
    b"Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, "
    b"Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
    b"Style: Default,Arial,16,&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,0\n\n"
    b"[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n\n"
)


def filter_frames(chain: Sequence[tuple[str, str]], audio: bool = False) -> Iterator[Any]:
    """Frames from a source filter followed by more filters, e.g. [("testsrc2", "..."), ("noise", "...")]."""
    graph = av.filter.Graph()
    nodes = [graph.add(name, args) for name, args in chain]
    nodes.append(graph.add("abuffersink" if audio else "buffersink"))
    for a, b in itertools.pairwise(nodes):
        a.link_to(b)
    graph.configure()
    sink = nodes[-1]
    while True:
        try:
            yield sink.pull()
        except (av.error.EOFError, av.error.BlockingIOError):
            return


def video_frames(seconds: float, size: tuple[int, int], fps: int, noise: int = 0) -> Iterator[Any]:
    """A moving test pattern (with film-like grain when ``noise`` > 0, so encoders have work)."""
    chain = [("testsrc2", f"size={size[0]}x{size[1]}:rate={fps}:duration={seconds}")]
    if noise:
        chain.append(("noise", f"alls={noise}:allf=t"))
    chain.append(("format", "yuv420p"))
    return filter_frames(chain)


def tone_frames(seconds: float, rate: int = 48000, channels: int = 1, hz: int = 440) -> Iterator[Any]:
    chain = [("sine", f"frequency={hz}:sample_rate={rate}:duration={seconds}")]
    if channels == 2:
        chain.append(("aformat", "channel_layouts=stereo"))
    return filter_frames(chain, audio=True)


def make_clip(
    path: Path,
    seconds: float = 1.0,
    size: tuple[int, int] = (160, 120),
    fps: int = 25,
    video: str | None = "libx264",
    audio: str | None = "aac",
    fmt: str | None = None,
    noise: int = 0,
    video_options: dict[str, str] | None = None,
    audio_rate: int = 48000,
    channels: int = 1,
    rotation: int = 0,
    subtitles: Sequence[tuple[float, float, str]] = (),
    metadata: dict[str, str] | None = None,
    chapters: Sequence[tuple[float, float, str]] = (),
    language: str | None = None,
) -> Path:
    """Write a short clip: a moving pattern and/or a tone, optional subtitles and chapters
    (start, end, text), tags, and a language on the sound track."""
    with av.open(str(path), "w", format=fmt) as out:
        if metadata:
            out.metadata.update(metadata)
        if chapters:
            out.set_chapters([{"id": n + 1, "start": int(a * 1000), "end": int(b * 1000),
                               "time_base": Fraction(1, 1000), "metadata": {"title": title}}
                              for n, (a, b, title) in enumerate(chapters)])
        v: Any = None
        if video:
            v = out.add_stream(video, rate=fps, options=video_options or {})
            v.width, v.height = size
            v.pix_fmt = "yuv420p"
            if rotation:
                v.set_display_rotation(rotation)
        a: Any = None
        if audio:
            a = out.add_stream(audio, rate=audio_rate)
            a.layout = "stereo" if channels == 2 else "mono"
            if language:
                a.metadata["language"] = language
        s: Any = None
        if subtitles:
            s = out.add_stream("subrip")
            s.codec_context.subtitle_header = _ASS_HEADER
        if v is not None:
            for frame in video_frames(seconds, size, fps, noise):
                out.mux(v.encode(frame))
            out.mux(v.encode(None))
        if a is not None:
            for frame in tone_frames(seconds, audio_rate, channels):
                out.mux(a.encode(frame))
            out.mux(a.encode(None))
        if s is not None:
            for start, end, text in subtitles:
                shown_ms = int((end - start) * 1000)
                cue = SubtitleSet.create(b"0,0,Default,,0,0,0,," + text.encode(), 0, shown_ms)
                packet = s.codec_context.encode_subtitle(cue)
                packet.pts = packet.dts = int(start * 1000)
                packet.duration = shown_ms
                packet.time_base = Fraction(1, 1000)
                packet.stream = s
                out.mux(packet)
    return path


def make_tone(path: Path, seconds: float = 1.0, codec: str = "pcm_s16le", fmt: str | None = None,
              rate: int = 44100, channels: int = 2, metadata: dict[str, str] | None = None) -> Path:
    """Write a sound-only file (WAV by default)."""
    return make_clip(path, seconds, video=None, audio=codec, fmt=fmt, audio_rate=rate, channels=channels,
                     metadata=metadata)


def probe(path: Path) -> dict[str, Any]:
    """What a player would see: duration, stream kinds and codecs, picture size, tags."""
    with av.open(str(path)) as c:
        info: dict[str, Any] = {
            "duration": (c.duration or 0) / 1e6,
            "format": c.format.name,
            "streams": [(s.type, s.codec_context.name if s.codec_context else "") for s in c.streams],
            "metadata": dict(c.metadata),
            "chapters": [ch["metadata"].get("title") for ch in c.chapters()],
            "languages": [s.metadata.get("language") for s in c.streams.audio],
        }
        for s in c.streams.audio[:1]:  # Ogg keeps tags with the stream
            for key, value in s.metadata.items():
                info["metadata"].setdefault(key.lower(), value)
        video = [s for s in c.streams.video]
        if video:
            info["size"] = (video[0].codec_context.width, video[0].codec_context.height)
            frame = next(c.decode(video[0]))
            info["rotation"] = frame.rotation
        return info


# ------------------------------------------------------------------------------------ images


def photo(size: tuple[int, int], seed: int = 1, grain: float = 0.12, sigma: float = 24) -> Image.Image:
    """A colourful RGB picture with edges, gradients and grain (compresses like a photo, not a flat fill).

    ``grain`` 0.25 with ``sigma`` 60 gives camera-like files (a 6 MP JPEG at quality 92 near 3 MB).
    """
    w, h = size
    img = Image.linear_gradient("L").resize((w, h)).convert("RGB")
    r = Image.radial_gradient("L").resize((w, h))
    mirrored = img.getchannel(0).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    img = Image.merge("RGB", (img.getchannel(0), r, mirrored))
    draw = ImageDraw.Draw(img)
    rnd = random.Random(seed)
    for _ in range(40):
        x, y = rnd.randrange(w), rnd.randrange(h)
        rw, rh = rnd.randrange(w // 20 + 1, w // 4 + 2), rnd.randrange(h // 20 + 1, h // 4 + 2)
        color = (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
        if rnd.random() < 0.5:
            draw.ellipse((x, y, x + rw, y + rh), fill=color)
        else:
            draw.rectangle((x, y, x + rw, y + rh), outline=color, width=max(1, w // 200))
    noise = Image.effect_noise((w, h), sigma).convert("RGB")
    return Image.blend(img, noise, grain)


@functools.cache
def srgb_icc() -> bytes:
    """An sRGB ICC profile (from Pillow's colour management module; cached, as it carries a date)."""
    from PIL import ImageCms

    profile = ImageCms.createProfile("sRGB")
    return ImageCms.ImageCmsProfile(profile).tobytes()


def make_photo(path: Path, size: tuple[int, int] = (320, 240), fmt: str | None = None, orientation: int = 0,
               icc: bytes | None = None, camera: str | None = None, seed: int = 1, quality: int = 90,
               mode: str = "RGB", grain: float = 0.12, sigma: float = 24) -> Path:
    """Write a picture; ``orientation`` sets the EXIF tag (6 = turn 90 degrees clockwise to view)."""
    fmt = fmt or Image.registered_extensions()[path.suffix.lower()]
    img = photo(size, seed, grain, sigma)
    if mode == "RGBA":  # a real see-through part: a fade from opaque at the top to clear at the bottom
        img.putalpha(Image.linear_gradient("L").resize(size).transpose(Image.Transpose.FLIP_TOP_BOTTOM))
    elif mode != "RGB":
        img = img.convert(mode)
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if camera:
        exif[0x010F] = camera  # Make
    kwargs: dict[str, Any] = {}
    if fmt in ("JPEG", "WEBP", "PNG", "TIFF") and (orientation or camera):
        kwargs["exif"] = exif.tobytes()
    if icc:
        kwargs["icc_profile"] = icc
    if fmt in ("JPEG", "WEBP"):
        kwargs["quality"] = quality
    img.save(path, fmt, **kwargs)
    return path


def make_gif(path: Path, frames: int = 4, size: tuple[int, int] = (64, 48)) -> Path:
    """An animated GIF whose frames differ (a square moving across)."""
    images = []
    for i in range(frames):
        img = Image.new("RGB", size, (20 * i, 80, 160))
        ImageDraw.Draw(img).rectangle((i * 8, 8, i * 8 + 16, 24), fill=(255, 255, 0))
        images.append(img.convert("P", palette=Image.Palette.ADAPTIVE))
    images[0].save(path, save_all=True, append_images=images[1:], duration=100, loop=0)
    return path


def make_bomb_png(path: Path, width: int = 40000, height: int = 40000) -> Path:
    """A tiny PNG whose header claims a huge picture: Pillow refuses it as a decompression bomb."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    body = zlib.compress(b"\0" * 64)
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunks)
    return path


# ------------------------------------------------------------------------------- broken files


def truncated_copy(src: Path, dst: Path, keep: float = 0.5) -> Path:
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * keep)])
    return dst


def random_bytes(path: Path, size: int = 20000, seed: int = 7) -> Path:
    path.write_bytes(random.Random(seed).randbytes(size))
    return path


def empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def odd_name(folder: Path, stem: bytes, suffix: str) -> Path:
    """A path whose name is not valid UTF-8 (as old archives and Windows shares produce)."""
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + stem + suffix.encode()))


def jpeg_bytes(size: tuple[int, int] = (32, 24)) -> bytes:
    buf = io.BytesIO()
    photo(size).save(buf, "JPEG")
    return buf.getvalue()


# --------------------------------------------------------------------------- long videos


def make_long_clip(path: Path, seconds: float = 40.0, size: tuple[int, int] = (160, 90), fps: int = 25,
                   gop: int = 50, noise: int = 8, preset: str = "ultrafast", audio: bool = True) -> Path:
    """A camera-like video: keyframes every ``gop`` frames (not every frame, as the source
    filter's pictures would ask for), sound interleaved with the picture as recorders write it."""
    from av.video.frame import PictureType

    with av.open(str(path), "w") as out:
        v = out.add_stream("libx264", rate=fps, options={"preset": preset, "g": str(gop)})
        v.width, v.height = size
        v.pix_fmt = "yuv420p"
        a: Any = None
        sound: Iterator[Any] = iter(())
        if audio:
            a = out.add_stream("aac", rate=48000)
            a.layout = "mono"
            sound = tone_frames(seconds)
        heard = 0.0  # seconds of sound written so far
        for frame in video_frames(seconds, size, fps, noise):
            frame.pict_type = PictureType.NONE  # let x264 place keyframes by its own rules
            out.mux(v.encode(frame))
            seen = float(frame.pts * frame.time_base)
            while a is not None and heard <= seen:
                tone = next(sound, None)
                if tone is None:
                    break
                out.mux(a.encode(tone))
                heard = float(tone.pts * tone.time_base)
        out.mux(v.encode(None))
        if a is not None:
            for tone in sound:
                out.mux(a.encode(tone))
            out.mux(a.encode(None))
    return path
