"""Encoded video plays the same everywhere: limited-range 8-bit 4:2:0 with its colour tags stated,
whatever the camera wrote (full-range MJPEG, phone video flagged full range, 4:2:2, 4:4:4, 10-bit,
RGB), with black at 16, white at 235 and the greys between mapped on a straight line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from av.video.reformatter import ColorPrimaries, ColorTrc

from tests.encode.colour_sources import FULL, LIMITED, LIMITED_10, Levels, chart, read_chart, solid_rgb, write_clip
from tests.encode.support import run_one
from workers.tasks.encode import EncodeTask
from workers.tasks.media_colour import Matrix

SD, HD = (320, 240), (1280, 720)
# (primaries, transfer, matrix) as the output states them
SD_TAGS = (ColorPrimaries.SMPTE170M, ColorTrc.SMPTE170M, Matrix.SMPTE170M)
HD_TAGS = (ColorPrimaries.BT709, ColorTrc.BT709, Matrix.BT709)
JPEG_SD_TAGS = (ColorPrimaries.SMPTE170M, ColorTrc.SMPTE170M, Matrix.BT470BG)  # JPEG's own matrix is kept
JPEG_HD_TAGS = (ColorPrimaries.BT709, ColorTrc.BT709, Matrix.BT470BG)
LOSSLESS = {"qp": "0"}  # an H.264 source that holds the chart's values exactly


def limited(value: float, levels: Levels) -> float:
    """Where a source sample belongs in 8-bit limited range."""
    if levels is FULL:
        return 16 + value * 219 / 255
    return value / 4 if levels is LIMITED_10 else value


# name, codec, pixel format, size, levels drawn, flagged full range, tags written, expected output tags
SOURCES = [
    ("webcam.mov", "mjpeg", "yuvj420p", SD, FULL, True, None, JPEG_SD_TAGS),
    ("webcam-hd.mov", "mjpeg", "yuvj420p", HD, FULL, True, None, JPEG_HD_TAGS),
    ("phone.mp4", "libx264", "yuv420p", SD, FULL, True, None, SD_TAGS),
    ("phone-hd.mp4", "libx264", "yuv420p", HD, FULL, True, None, HD_TAGS),
    ("camera-422.mov", "mjpeg", "yuvj422p", SD, FULL, True, None, JPEG_SD_TAGS),
    ("camera-422-10bit.mov", "prores_ks", "yuv422p10le", SD, LIMITED_10, False, HD_TAGS, HD_TAGS),
    ("camera-444.mkv", "libx264", "yuv444p", SD, LIMITED, False, None, SD_TAGS),
    ("ten-bit.mkv", "libx264", "yuv420p10le", SD, LIMITED_10, False, None, SD_TAGS),
    ("already-limited.mp4", "libx264", "yuv420p", SD, LIMITED, False, None, SD_TAGS),
    ("screen.mov", "png", "rgb24", SD, FULL, False, None, SD_TAGS),
]


@pytest.mark.parametrize(("name", "codec", "pix_fmt", "size", "levels", "full", "tags", "expected_tags"),
                         [pytest.param(*case, id=case[0]) for case in SOURCES])
def test_every_source_becomes_limited_range_420_with_black_white_and_greys_in_place(
        task: EncodeTask, tmp_path: Path, name: str, codec: str, pix_fmt: str, size: tuple[int, int],
        levels: Levels, full: bool, tags: tuple[int, int, int] | None, expected_tags: tuple[int, int, int]) -> None:
    options = LOSSLESS if codec == "libx264" else {}
    source = write_clip(tmp_path / name, codec, chart(*size, pix_fmt, levels), full, tags, options=options)
    result, _ = run_one(task, source, tmp_path / "out", "mp4-h264")
    out = read_chart(Path(result.output))
    assert (out.pix_fmt, out.color_range) == ("yuv420p", 1), "8-bit 4:2:0, limited (tv) range"
    assert out.tags == expected_tags
    # The source's own values were written and read back exactly, so the output is judged against them.
    assert out.black == pytest.approx(limited(levels.black, levels), abs=1.5)
    assert out.white == pytest.approx(limited(levels.white, levels), abs=1.5)
    wanted = [limited(v, levels) for v in levels.ramp()]
    assert out.ramp == pytest.approx(wanted, abs=1.5), "the greys lie on the line from black to white"
    assert all(a < b for a, b in zip(out.ramp, out.ramp[1:], strict=False)), "the ramp keeps its order"
    assert out.mean[1:] == pytest.approx((128, 128), abs=1), "grey stays grey"


def test_full_range_colour_is_scaled_into_limited_range_with_its_own_matrix(task: EncodeTask,
                                                                            tmp_path: Path) -> None:
    # Y 128, U 64, V 192 in full range: Y scales by 219/255 around 16, U and V by 224/255 around 128.
    picture = chart(*SD, "yuvj420p", FULL, chroma=(64, 192), flat=128)
    source = write_clip(tmp_path / "colour.mov", "mjpeg", picture, full_range=True)
    result, _ = run_one(task, source, tmp_path / "out", "mp4-h264")
    y, u, v = read_chart(Path(result.output)).mean
    assert (y, u, v) == pytest.approx((16 + 128 * 219 / 255, 128 - 64 * 224 / 255, 128 + 64 * 224 / 255), abs=1.5)


@pytest.mark.parametrize(("size", "matrix", "expected"), [(SD, Matrix.SMPTE170M, (81.5, 90.2, 240.0)),
                                                          (HD, Matrix.BT709, (62.6, 102.3, 240.0))])
def test_rgb_is_made_into_yuv_with_the_matrix_the_output_states(task: EncodeTask, tmp_path: Path,
                                                                 size: tuple[int, int], matrix: Matrix,
                                                                 expected: tuple[float, float, float]) -> None:
    # Pure red has a different Y under BT.601 and BT.709: the values must follow the tag.
    source = write_clip(tmp_path / "red.mov", "png", solid_rgb(*size, (255, 0, 0)))
    result, _ = run_one(task, source, tmp_path / "out", "mp4-h264")
    out = read_chart(Path(result.output))
    assert out.matrix == matrix and out.color_range == 1
    assert out.mean == pytest.approx(expected, abs=2)


def check_other_codec(folder: str, preset: str) -> None:
    """Encode a full-range MJPEG chart with ``preset`` and check the output's range, levels and tags."""
    tmp_path = Path(folder)
    source = write_clip(tmp_path / "webcam.mov", "mjpeg", chart(*SD, "yuvj420p", FULL), full_range=True)
    result, _ = run_one(EncodeTask(), source, tmp_path / "out", preset, speed="ultrafast")
    out = read_chart(Path(result.output))
    assert (out.pix_fmt, out.color_range) == ("yuv420p", 1), (preset, out)
    assert out.tags == JPEG_SD_TAGS, (preset, out)
    assert (out.black, out.white) == pytest.approx((16, 235), abs=2), (preset, out)
    assert out.ramp == pytest.approx([limited(v, FULL) for v in FULL.ramp()], abs=2.5), (preset, out)


@pytest.mark.slow
@pytest.mark.parametrize("preset", ["mp4-h265", "webm-vp9", "mkv-av1"])
def test_every_video_preset_writes_limited_range(tmp_path: Path, preset: str) -> None:
    # In a process of its own, as tests/encode/test_video.py runs these encoders (SVT-AV1 in the
    # test process upsets a later engine's pause).
    root = Path(__file__).resolve().parents[2]
    code = "import sys; from tests.encode.test_colour import check_other_codec; check_other_codec(*sys.argv[1:])"
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path), preset], cwd=root, capture_output=True,
                         text=True, timeout=240)
    assert run.returncode == 0, run.stderr[-3000:]
