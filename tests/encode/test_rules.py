"""The rules that spare files needing no work: each with a file it applies to and one it does not,
saying which rule applied in the message or reason, the event data and the batch's index."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests import media
from tests.conftest import tree_hash
from tests.encode.support import Outcomes, no_partials, run_batch
from workers.events import ItemFinished
from workers.tasks.encode import EncodeTask
from workers.tasks.media_rules import jpeg_quality, probe_av, rule_of, video_target_bpp

RULE_SAME = "rule: already in the target format"
RULE_BIGGER = "rule: keep the original when the new file is bigger"


def written(done: ItemFinished) -> Path:
    """The file a finished item wrote."""
    assert done.output is not None
    return Path(done.output)


def index_of(out: Path) -> dict[str, dict[str, Any]]:
    rows = [json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    return {row["source"]: row for row in rows}


def batch(task: EncodeTask, src: Path, out: Path, **values: Any) -> Outcomes:
    before = tree_hash(src)
    outcome = run_batch(task, src, out, **values)
    assert tree_hash(src) == before, "a source was changed"
    assert not no_partials(out)
    assert not outcome.failed, outcome.failed
    return outcome


@pytest.fixture
def clips(tmp_path: Path) -> Path:
    src = tmp_path / "clips"
    src.mkdir()
    # Bits per pixel per frame: about 0.5 at CRF 23, 0.8 at CRF 10 (a small moving pattern).
    media.make_clip(src / "lean.mp4", 1.0, (320, 240), video_options={"crf": "23"})
    media.make_clip(src / "rich.mp4", 1.0, (320, 240), video_options={"crf": "10"})
    media.make_clip(src / "other.mp4", 1.0, (320, 240), video="mpeg4")
    return src


def test_the_target_bits_per_pixel_follow_crf_and_bitrate() -> None:
    assert video_target_bpp("h264", 0, 0, 320, 240, 25) == pytest.approx(0.10)
    assert video_target_bpp("h264", 17, 0, 320, 240, 25) == pytest.approx(0.20)  # 6 steps down: twice
    assert video_target_bpp("hevc", 34, 0, 320, 240, 25) == pytest.approx(0.025)
    assert video_target_bpp("vp9", 0, 1000, 320, 240, 25) == pytest.approx(1e6 / (320 * 240 * 25))


def test_same_format_copies_videos_already_at_the_target(task: EncodeTask, clips: Path, tmp_path: Path) -> None:
    lean = probe_av(str(clips / "lean.mp4"))
    assert lean.codec == "h264" and lean.audio_codec == "aac"
    # 1000 kbit/s at 320x240, 25 fps is 0.52 bits per pixel: the CRF 23 clip is within it, CRF 10 not.
    out = tmp_path / "out"
    outcome = batch(task, clips, out, same_format="copy", video_bitrate=1000)
    lean_done = outcome.done["lean.mp4"]
    assert written(lean_done).read_bytes() == (clips / "lean.mp4").read_bytes()
    assert lean_done.data["rule"] == "same-format" and lean_done.data["action"] == "copied"
    assert RULE_SAME in lean_done.message and "already MP4 H.264" in lean_done.message
    for name in ("rich.mp4", "other.mp4"):  # too many bits; another codec
        assert outcome.done[name].data["action"] == "encoded", name
        assert media.probe(written(outcome.done[name]))["streams"][0] == ("video", "h264")
    index = index_of(out)
    assert (index["lean.mp4"]["rule"], index["lean.mp4"]["action"]) == ("same-format", "copied")
    assert (index["rich.mp4"]["rule"], index["rich.mp4"]["action"]) == ("", "encoded")
    # Smaller than the source asks: no longer within the size limits.
    outcome = batch(task, clips, tmp_path / "small", same_format="copy", video_bitrate=1000, max_width=160)
    assert outcome.done["lean.mp4"].data["action"] == "encoded"


def test_same_format_leaves_out_pictures_already_at_the_target(task: EncodeTask, tmp_path: Path) -> None:
    src = tmp_path / "photos"
    src.mkdir()
    media.make_photo(src / "soft.jpg", (320, 240), quality=60)
    media.make_photo(src / "fine.jpg", (320, 240), quality=95)
    media.make_photo(src / "drawn.png", (320, 240))
    with Image.open(src / "soft.jpg") as im:
        assert jpeg_quality(getattr(im, "quantization", {})) == 60
    out = tmp_path / "out"
    outcome = batch(task, src, out, same_format="leave-out", image_quality=85)
    assert "soft.jpg" not in outcome.done and not (out / "soft.jpg").exists()
    reason = outcome.skipped["soft.jpg"]
    assert RULE_SAME in reason and "quality about 60" in reason and rule_of(reason) == "same-format"
    assert outcome.done["fine.jpg"].data["action"] == "encoded"  # quality 95 is above 85 + 5
    assert outcome.done["drawn.png"].data["action"] == "encoded"  # a PNG is not yet a JPEG
    index = index_of(out)
    assert (index["soft.jpg"]["state"], index["soft.jpg"]["rule"], index["soft.jpg"]["action"]) == \
        ("skipped", "same-format", "left out")
    # Off (the default): every file is encoded.
    assert batch(task, src, tmp_path / "off").summary.done == 3


def test_same_format_for_sound_is_codec_and_bitrate(task: EncodeTask, tmp_path: Path) -> None:
    src = tmp_path / "sound"
    src.mkdir()
    media.make_tone(src / "archive.flac", 0.5, codec="flac")
    media.make_tone(src / "take.wav", 0.5)
    outcome = batch(task, src, tmp_path / "out", audio_format="flac", same_format="copy")
    assert outcome.done["archive.flac"].data["rule"] == "same-format"
    assert "already FLAC" in outcome.done["archive.flac"].message
    assert outcome.done["take.wav"].data["action"] == "encoded"


def test_keep_the_original_when_the_new_file_is_bigger(task: EncodeTask, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    Image.new("RGB", (16, 16), (200, 30, 30)).save(src / "icon.png")  # ~80 bytes: no JPEG is smaller
    media.make_photo(src / "photo.png", (320, 240))  # a noisy photo: the JPEG is far smaller
    media.make_clip(src / "talk.mp3", 1.0, video=None, audio="libmp3lame")  # lossless FLAC of it is bigger
    media.make_tone(src / "take.wav", 1.0)  # FLAC shrinks it
    out = tmp_path / "out"
    outcome = batch(task, src, out, keep_if_bigger=True, audio_format="flac")
    icon = outcome.done["icon.png"]
    assert written(icon) == out / "icon.png"  # the source's own type, so the file stays right
    assert written(icon).read_bytes() == (src / "icon.png").read_bytes()
    assert not (out / "icon.jpg").exists()
    assert icon.data["rule"] == "keep-if-bigger" and icon.data["encoded_bytes"] > icon.data["bytes"]
    assert icon.data["bigger_by_bytes"] == icon.data["encoded_bytes"] - icon.data["bytes"]
    assert icon.message.startswith("kept the original") and RULE_BIGGER in icon.message
    assert f"({icon.data['bigger_by_percent']:.0f} %) bigger" in icon.message
    talk = outcome.done["talk.mp3"]
    assert written(talk) == out / "talk.mp3" and talk.data["rule"] == "keep-if-bigger"
    assert not (out / "talk.flac").exists()
    for name, made in (("photo.png", "photo.jpg"), ("take.wav", "take.flac")):
        done = outcome.done[name]
        assert written(done) == out / made and done.data["action"] == "encoded", name
    index = index_of(out)
    assert index["icon.png"]["rule"] == "keep-if-bigger" and index["icon.png"]["output"] == "icon.png"
    assert index["icon.png"]["bigger_by_percent"] == icon.data["bigger_by_percent"]
    assert index["photo.png"]["rule"] == ""
    # Off (the default): the bigger encode is what the batch keeps.
    outcome = batch(task, src, tmp_path / "off", audio_format="flac")
    assert written(outcome.done["icon.png"]).name == "icon.jpg"


def test_only_files_larger_longer_or_wider_than(task: EncodeTask, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    media.make_clip(src / "long.mp4", 1.5, (320, 240))  # ~200 KB
    media.make_clip(src / "short.mp4", 0.3, (96, 64))
    media.make_photo(src / "big.jpg", (320, 240))
    media.make_photo(src / "thumb.jpg", (48, 32))
    media.make_tone(src / "beep.wav", 0.3, channels=1)  # 26 KB

    larger = batch(task, src, tmp_path / "larger", min_size_mb=0.05)  # 51 KB
    assert set(larger.done) == {"long.mp4"}
    assert "rule: only files larger than 0.05 MB" in larger.skipped["thumb.jpg"]
    assert index_of(tmp_path / "larger")["short.mp4"]["rule"] == "min-size"

    longer = batch(task, src, tmp_path / "longer", min_seconds=1)
    assert set(longer.done) == {"long.mp4", "big.jpg", "thumb.jpg"}  # pictures have no length to compare
    assert "lasts 0.3 s, not longer than 1 s (rule: only files longer than 1 s)" in longer.skipped["short.mp4"]
    assert index_of(tmp_path / "longer")["beep.wav"]["rule"] == "min-seconds"

    wider = batch(task, src, tmp_path / "wider", min_width=100)
    assert set(wider.done) == {"long.mp4", "big.jpg", "beep.wav"}  # sound has no width to compare
    assert "96 px wide, not wider than 100 px (rule: only files wider than 100 px)" in wider.skipped["short.mp4"]
    assert index_of(tmp_path / "wider")["thumb.jpg"]["rule"] == "min-width"
