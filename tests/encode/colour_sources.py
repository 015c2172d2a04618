"""Clips of known sample values for the colour tests, written on the fly, and the reading of them back.

Every picture is the same chart: black on the top left, white on the top right, and below them
a grey ramp of eight steps from black to white; the chroma is neutral unless asked otherwise.
The steps are a whole number of 16-pixel blocks wide, so an encoder keeps them flat.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import av

STEPS = 8
_CHART_ROWS = 0.5  # the top half holds black and white, the bottom half the ramp


@dataclass(frozen=True)
class Levels:
    """The sample values a clip's chart is drawn with."""

    black: int
    white: int
    neutral: int  # chroma of grey

    def ramp(self) -> list[int]:
        return [self.black + round(k * (self.white - self.black) / (STEPS - 1)) for k in range(STEPS)]


FULL = Levels(0, 255, 128)
LIMITED = Levels(16, 235, 128)
LIMITED_10 = Levels(64, 940, 512)


def luma_row(y: int, width: int, height: int, levels: Levels, flat: int | None = None) -> list[tuple[int, int]]:
    """The chart's luma (or grey) along row ``y``, as runs of (value, length)."""
    if flat is not None:
        return [(flat, width)]
    if y < height * _CHART_ROWS:
        return [(levels.black, width // 2), (levels.white, width - width // 2)]
    edges = [k * width // STEPS for k in range(STEPS + 1)]
    return [(value, edges[k + 1] - edges[k]) for k, value in enumerate(levels.ramp())]


def chart(width: int, height: int, pix_fmt: str, levels: Levels, chroma: tuple[int, int] | None = None,
          flat: int | None = None) -> av.VideoFrame:
    """A picture of the chart (or of one flat luma ``flat``), chroma neutral unless ``chroma`` = (U, V).

    ``pix_fmt`` is a planar YUV format (8 or 16 bits a sample) or packed ``rgb24`` (a grey chart).
    """
    frame = av.VideoFrame(width, height, pix_fmt)
    fmt = frame.format
    size = (3 if fmt.is_rgb else 1) * (2 if fmt.components[0].bits > 8 else 1)  # bytes a pixel
    for index, plane in enumerate(frame.planes):
        pad = bytes(plane.line_size - plane.width * size)
        rows = bytearray()
        for y in range(plane.height):
            if index == 0:
                runs = luma_row(y * height // plane.height, plane.width, plane.height, levels, flat)
            else:
                runs = [(chroma[index - 1] if chroma else levels.neutral, plane.width)]
            for value, length in runs:
                sample = bytes([value] * 3) if fmt.is_rgb else value.to_bytes(size, "little")
                rows += sample * length
            rows += pad
        plane.update(bytes(rows))
    return frame


def solid_rgb(width: int, height: int, rgb: tuple[int, int, int]) -> av.VideoFrame:
    """A packed RGB picture of one colour."""
    frame = av.VideoFrame(width, height, "rgb24")
    plane = frame.planes[0]
    row = bytes(rgb) * width + bytes(plane.line_size - 3 * width)
    plane.update(row * height)
    return frame


def write_clip(path: Path, codec: str, picture: av.VideoFrame, full_range: bool = False,
               tags: tuple[int, int, int] | None = None, frames: int = 4,
               options: dict[str, str] | None = None) -> Path:
    """A short still clip of ``picture``; ``tags`` = (primaries, transfer, matrix) written into the stream."""
    width, height, pix_fmt = picture.width, picture.height, picture.format.name
    with av.open(str(path), "w") as out:
        stream: Any = out.add_stream(codec, rate=25, options=options or {})
        stream.width, stream.height, stream.pix_fmt = width, height, pix_fmt
        ctx = stream.codec_context
        if full_range:
            ctx.color_range = 2  # JPEG (full)
        if tags:
            ctx.color_primaries, ctx.color_trc, ctx.colorspace = tags
        for n in range(frames):
            frame = av.VideoFrame(width, height, pix_fmt)
            for mine, theirs in zip(frame.planes, picture.planes, strict=True):
                mine.update(bytes(theirs))
            frame.pts = n
            frame.color_range = ctx.color_range
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path


@dataclass(frozen=True)
class Decoded:
    """What a player gets from a clip's video: the picture's format and tags, and chart readings."""

    pix_fmt: str
    color_range: int
    primaries: int
    trc: int
    matrix: int
    black: float
    white: float
    ramp: list[float]
    mean: tuple[float, float, float]  # mean Y, U and V over the whole picture

    @property
    def tags(self) -> tuple[int, int, int]:
        return self.primaries, self.trc, self.matrix


def _mean(plane: Any, data: bytes, box: tuple[int, int, int, int], bytes_each: int) -> float:
    x0, y0, x1, y1 = box
    total, count = 0, 0
    for y in range(y0, y1):
        start = y * plane.line_size + x0 * bytes_each
        row = data[start:start + (x1 - x0) * bytes_each]
        if bytes_each == 1:
            total += sum(row)
        else:
            total += sum(int.from_bytes(row[i:i + 2], "little") for i in range(0, len(row), 2))
        count += x1 - x0
    return total / count


def read_chart(path: Path, picture: int = 2) -> Decoded:
    """Decode the ``picture``-th frame of ``path`` and read the chart's patches (away from their edges)."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        frames = list(itertools.islice(container.decode(stream), picture + 1))
        assert frames, f"{path.name} has no picture"
        frame = frames[-1]
        bytes_each = 2 if frame.format.components[0].bits > 8 else 1
        w, h = frame.width, frame.height
        y_plane = frame.planes[0]
        y_data = bytes(y_plane)
        top = int(h * _CHART_ROWS)
        margin_x, margin_y = w // 16, top // 6
        black = _mean(y_plane, y_data, (margin_x, margin_y, w // 2 - margin_x, top - margin_y), bytes_each)
        white = _mean(y_plane, y_data, (w // 2 + margin_x, margin_y, w - margin_x, top - margin_y), bytes_each)
        step = w // STEPS
        ramp = [_mean(y_plane, y_data, (k * step + step // 4, top + margin_y, (k + 1) * step - step // 4,
                                        h - margin_y), bytes_each) for k in range(STEPS)]
        y, u, v = (round(_mean(p, bytes(p), (0, 0, p.width, p.height), bytes_each), 2) for p in frame.planes[:3])
        return Decoded(frame.format.name, frame.color_range, frame.color_primaries, frame.color_trc,
                       frame.colorspace, round(black, 2), round(white, 2), [round(v, 2) for v in ramp], (y, u, v))
