"""Pictures: a batch of good and broken ones converted to WebP on real workers (built once for this
module), and single pictures to JPEG, PNG and lossless WebP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops, ImageStat

from tests import media
from tests.conftest import tree_hash
from tests.encode.support import Outcomes, no_partials, run_batch, run_one
from workers.registry import load_task
from workers.task import ItemError
from workers.tasks.encode import EncodeTask


@pytest.fixture(scope="module")
def picture_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("pictures") / "src"
    src.mkdir()
    icc = media.srgb_icc()
    media.make_photo(src / "turned.jpg", (400, 300), orientation=6, icc=icc, camera="TestCam")
    media.make_photo(src / "wide.png", (300, 100), mode="RGBA")
    media.make_photo(src / "print.jpg", (200, 150), mode="CMYK")
    media.make_photo(media.odd_name(src, b"f\xf6to", ".jpg"), (120, 90))
    media.make_gif(src / "moving.gif", frames=4)
    media.make_bomb_png(src / "bomb.png")
    media.random_bytes(src / "fake.jpg", 3000)
    media.empty(src / "empty.png")
    whole = media.make_photo(src.parent / "whole.jpg", (400, 300))
    media.truncated_copy(whole, src / "cut.jpg", 0.5)
    anim = media.make_gif(src.parent / "anim.gif", frames=8, size=(200, 150))
    media.truncated_copy(anim, src / "cut.gif", 0.6)
    return src


@pytest.fixture(scope="module")
def webp_batch(picture_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Outcomes, Path, dict]:
    before = tree_hash(picture_folder)
    out = tmp_path_factory.mktemp("webp") / "out"
    outcome = run_batch(load_task("encode"), picture_folder, out, "webp",  # type: ignore[arg-type]
                        max_width=100, max_height=100)
    return outcome, out, before


def test_pictures_fit_the_box_upright_with_profile_and_tags(webp_batch: tuple[Outcomes, Path, dict],
                                                            picture_folder: Path) -> None:
    outcome, out, before = webp_batch
    odd = media.odd_name(picture_folder, b"f\xf6to", ".jpg").name
    assert set(outcome.done) == {"turned.jpg", "wide.png", "print.jpg", odd, "moving.gif"}
    with Image.open(out / "turned.webp") as im:
        assert im.format == "WEBP" and im.size == (75, 100)  # 400x300 turned upright, then fitted
        assert im.info.get("icc_profile") == media.srgb_icc()
        exif = im.getexif()
        assert exif.get(0x010F) == "TestCam" and 0x0112 not in exif
    with Image.open(out / "wide.webp") as im:
        assert im.size == (100, 33) and im.mode == "RGBA"
    with Image.open(out / "print.webp") as im:
        assert im.mode == "RGB" and im.size == (100, 75)
    with Image.open(out / "moving.webp") as im:
        assert getattr(im, "n_frames", 1) == 4
    assert tree_hash(picture_folder) == before


def test_broken_pictures_fail_with_reasons(webp_batch: tuple[Outcomes, Path, dict]) -> None:
    outcome, out, _ = webp_batch
    assert "too large to be safe" in outcome.failed["bomb.png"]
    assert "not a picture" in outcome.failed["fake.jpg"]
    assert "empty (0 bytes)" in outcome.failed["empty.png"]
    assert "cut short" in outcome.failed["cut.jpg"]
    assert "cut short" in outcome.failed["cut.gif"]
    assert not no_partials(out)
    assert not (out / "bomb.webp").exists() and not (out / "cut.webp").exists()


def test_jpeg_options_and_metadata_strip(task: EncodeTask, tmp_path: Path) -> None:
    icc = media.srgb_icc()
    photo = media.make_photo(tmp_path / "big.jpg", (1600, 1200), orientation=8, icc=icc, camera="Cam")
    result, _ = run_one(task, photo, tmp_path / "out", "jpeg", max_width=200, max_height=200,
                        strip_metadata=True, image_quality=70)
    with Image.open(result.output) as im:
        assert im.size == (150, 200)
        assert im.info.get("progressive") or im.info.get("progression")
        assert im.info.get("icc_profile") == icc  # colour kept even when tags go
        assert not im.getexif()
    flat = media.make_photo(tmp_path / "alpha.png", (64, 64), mode="RGBA")
    result, _ = run_one(task, flat, tmp_path / "out", "jpeg")
    with Image.open(result.output) as im:
        assert im.mode == "RGB" and im.size == (64, 64)


def test_png_and_lossless_webp_keep_exact_pixels(task: EncodeTask, tmp_path: Path) -> None:
    source = media.make_photo(tmp_path / "exact.png", (80, 60))
    with Image.open(source) as im:
        pixels = im.convert("RGB").tobytes()
    for preset, extra in (("png", {}), ("webp", {"lossless": True})):
        result, _ = run_one(task, source, tmp_path / preset, preset, **extra)
        with Image.open(result.output) as im:
            assert im.convert("RGB").tobytes() == pixels, preset


def test_failed_picture_check_keeps_no_output(task: EncodeTask, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import workers.tasks.media_image as media_image

    def refuse(path: Path, name: str, fmt: str, size: Any, frames: int, encoded: bytes) -> None:
        raise ItemError(f"the converted picture for {name} does not decode; it was not kept")

    monkeypatch.setattr(media_image, "verify_image", refuse)
    photo = media.make_photo(tmp_path / "p.jpg", (64, 48))
    with pytest.raises(ItemError, match="not kept"):
        run_one(task, photo, tmp_path / "out", "webp")
    assert list((tmp_path / "out").iterdir()) == []


def test_shrunk_photo_matches_a_full_size_resize(task: EncodeTask, tmp_path: Path) -> None:
    # The JPEG is decoded at reduced size (DCT scaling) before the final resize: it must look like
    # the plain full-size decode and resize, within what a user could see (under 1.5 of 255 levels).
    photo = media.make_photo(tmp_path / "big.jpg", (1600, 1200), seed=3, quality=92, grain=0.25, sigma=60)
    result, _ = run_one(task, photo, tmp_path / "out", "png", max_width=370, max_height=370)
    with Image.open(photo) as im:
        reference = im.convert("RGB").resize((370, 278), Image.Resampling.BICUBIC)
    with Image.open(result.output) as im:
        assert im.size == (370, 278)
        ours = im.convert("RGB")
    mean_difference = ImageStat.Stat(ImageChops.difference(ours, reference)).mean  # per channel
    assert max(mean_difference) < 1.5, mean_difference


def test_picture_check_refuses_a_file_not_written_intact(tmp_path: Path) -> None:
    from workers.tasks.media_image import verify_image

    photo = media.make_photo(tmp_path / "p.webp", (64, 48))
    made = photo.read_bytes()
    verify_image(photo, "p.jpg", "WEBP", (64, 48), 1, made)  # intact: accepted
    flipped = bytearray(made)
    flipped[len(made) // 2] ^= 0x10  # one bit in the picture data: a decoder would not notice
    photo.write_bytes(bytes(flipped))
    with pytest.raises(ItemError, match="not written intact"):
        verify_image(photo, "p.jpg", "WEBP", (64, 48), 1, made)
    photo.write_bytes(made[: len(made) // 2])
    with pytest.raises(ItemError, match="not written intact"):
        verify_image(photo, "p.jpg", "WEBP", (64, 48), 1, made)
