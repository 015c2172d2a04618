"""The colour of encoded video: limited-range 8-bit 4:2:0, with its colour tags stated.

Players, browsers and phones expect limited-range (16-235) 4:2:0. Cameras, webcams and phones
often write full range (MJPEG's yuvj420p, H.264 flagged "pc"), 4:2:2, 4:4:4 or 10-bit: every
picture is scaled into the limited range by the one conversion it goes through anyway. The
matrix a source's YUV was made with is kept (the conversion never changes it, so its colours
stay exact); tags the source leaves unset are stated as a player would guess them from the
picture's size: BT.709 for HD, BT.601 (SMPTE 170M) for SD.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from av.video.reformatter import ColorPrimaries, ColorRange, Colorspace, ColorTrc

PIXEL_FORMAT = "yuv420p"


class Matrix(enum.IntEnum):
    """FFmpeg's YUV matrix tags (AVColorSpace) that the scaler can work with."""

    BT709 = 1
    UNSPECIFIED = 2
    FCC = 4
    BT470BG = 5  # BT.601 625 lines; JPEG's matrix
    SMPTE170M = 6  # BT.601 525 lines: the same coefficients as BT470BG
    SMPTE240M = 7
    BT2020_NCL = 9


# The scaler names the same matrices with its own numbers.
_SCALER_MATRIX = {Matrix.BT709: Colorspace.ITU709, Matrix.FCC: Colorspace.FCC, Matrix.BT470BG: Colorspace.ITU601,
                  Matrix.SMPTE170M: Colorspace.ITU601, Matrix.SMPTE240M: Colorspace.SMPTE240M,
                  Matrix.BT2020_NCL: Colorspace.BT2020}
_KNOWN_PRIMARIES = frozenset(p.value for p in ColorPrimaries) - {ColorPrimaries.UNSPECIFIED}
_KNOWN_TRC = frozenset(t.value for t in ColorTrc) - {ColorTrc.UNSPECIFIED}
_KNOWN_MATRICES = frozenset(m.value for m in Matrix) - {Matrix.UNSPECIFIED}
_KNOWN_RANGES = frozenset({ColorRange.MPEG.value, ColorRange.JPEG.value})


def is_hd(width: int, height: int) -> bool:
    """Whether players take an untagged picture of this size for HD (BT.709) rather than SD (BT.601)."""
    return width >= 1280 or height > 576


@dataclass(frozen=True)
class Colour:
    """How one video's pictures are converted and what the output says about them."""

    source_range: ColorRange | None  # None: RGB pictures, whose range the scaler knows
    source_matrix: Colorspace | None  # the scaler's matrix for the source's YUV; None for RGB
    matrix: Matrix  # the output's matrix (also the scaler's target matrix for RGB sources)
    primaries: int  # AVColorPrimaries
    trc: int  # AVColorTransferCharacteristic

    def reformat_options(self) -> dict[str, Any]:
        """Keyword arguments for VideoReformatter.reformat (reused for every picture)."""
        return {"format": PIXEL_FORMAT, "src_colorspace": self.source_matrix,
                "dst_colorspace": _SCALER_MATRIX[self.matrix], "src_color_range": self.source_range,
                "dst_color_range": ColorRange.MPEG}

    def tag(self, codec_context: Any) -> None:
        """State range, matrix, primaries and transfer on the encoder (written into the stream)."""
        codec_context.color_range = ColorRange.MPEG
        codec_context.colorspace = int(self.matrix)
        codec_context.color_primaries = self.primaries
        codec_context.color_trc = self.trc


@dataclass(frozen=True)
class Stated:
    """What a video stream says of its pictures before any is decoded (its container included).

    Read before decoding starts: a decoder overwrites these with what its bitstream says, and a
    bitstream may leave unset what the container states (ProRes in a MOV with a 'colr' box, for one).
    """

    format: Any  # VideoFormat, or None when the container does not say
    width: int
    height: int
    color_range: int
    color_primaries: int
    color_trc: int
    colorspace: int

    @classmethod
    def of(cls, ctx: Any) -> Stated:
        """From a decoder's codec context that has not decoded yet."""
        return cls(ctx.format, ctx.width, ctx.height, ctx.color_range, ctx.color_primaries, ctx.color_trc,
                   ctx.colorspace)


def _stated(pictures: list[Any], attr: str, known: frozenset[int]) -> int | None:
    """The first value of ``attr`` that says something: the frame's, else the container's."""
    for picture in pictures:
        value = getattr(picture, attr)
        if value in known:
            return int(value)
    return None


def colour_of(first: Any | None, stated: Stated, out_width: int, out_height: int) -> Colour:
    """Decide the conversion and tags from the first decoded frame (if any) and what the stream stated.

    The frame says what its bitstream says; the stream fills in what the bitstream leaves unset.
    """
    pictures = [p for p in (first, stated) if p is not None]
    fmt = pictures[0].format
    if fmt is not None and (fmt.is_rgb or fmt.has_palette or fmt.is_bayer):
        # Made into YUV here: the matrix is ours to choose, by the size of what is written.
        hd = is_hd(out_width, out_height)
        matrix = Matrix.BT709 if hd else Matrix.SMPTE170M
        source_range, source_matrix = None, None
    else:
        hd = is_hd(pictures[0].width, pictures[0].height)
        stated_range = _stated(pictures, "color_range", _KNOWN_RANGES)
        full = stated_range == ColorRange.JPEG or (fmt is not None and fmt.name.startswith("yuvj"))
        source_range = ColorRange.JPEG if full else ColorRange.MPEG
        stated_matrix = _stated(pictures, "colorspace", _KNOWN_MATRICES)
        # Unstated, the YUV was made for the matrix a player assumes for the source's size.
        matrix = Matrix(stated_matrix) if stated_matrix else Matrix.BT709 if hd else Matrix.SMPTE170M
        source_matrix = _SCALER_MATRIX[matrix]  # the same on both sides: the matrix is not converted
    primaries = _stated(pictures, "color_primaries", _KNOWN_PRIMARIES)
    trc = _stated(pictures, "color_trc", _KNOWN_TRC)
    if primaries is None:
        primaries = ColorPrimaries.BT709 if hd else ColorPrimaries.SMPTE170M
    if trc is None:
        trc = ColorTrc.BT709 if hd else ColorTrc.SMPTE170M
    return Colour(source_range, source_matrix, matrix, int(primaries), int(trc))
