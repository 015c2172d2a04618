"""One batch of nine clips, good and broken, encoded to H.264 MP4 on real workers: the tests share it
(built once for this module)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import media
from tests.conftest import tree_hash
from tests.encode.support import Outcomes, no_partials, run_batch
from workers.registry import load_task


@pytest.fixture(scope="module")
def video_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("video") / "src"
    src.mkdir()
    media.make_clip(src / "plain.mp4", 1.0)
    media.make_clip(src / "talk.mkv", 1.5, subtitles=[(0.1, 0.6, "Hello"), (0.8, 1.2, "Again")],
                    metadata={"title": "A talk", "artist": "Someone"})
    media.make_clip(src / "phone.mp4", 1.0, size=(160, 96), rotation=90)
    media.make_clip(media.odd_name(src, b"caf\xe9-\xff", ".mp4"), 1.0)
    media.make_tone(src / "voice.mp4", 1.0, codec="aac", fmt="mp4")  # sound only, video suffix
    media.empty(src / "empty.mp4")
    media.truncated_copy(src / "plain.mp4", src / "cut.mp4")
    long_mkv = media.make_clip(src.parent / "long.mkv", 2.0)
    media.truncated_copy(long_mkv, src / "cut.mkv", 0.5)
    media.random_bytes(src / "noise.mkv")
    return src


@pytest.fixture(scope="module")
def h264_batch(video_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Outcomes, Path, dict]:
    before = tree_hash(video_folder)
    out = tmp_path_factory.mktemp("h264") / "out"
    outcome = run_batch(load_task("encode"), video_folder, out, "mp4-h264")  # type: ignore[arg-type]
    return outcome, out, before


@pytest.mark.slow  # shares a batch of nine clips on real workers (about 5 s)
def test_good_clips_become_playable_mp4s(h264_batch: tuple[Outcomes, Path, dict], video_folder: Path) -> None:
    outcome, _, _ = h264_batch
    odd = media.odd_name(video_folder, b"caf\xe9-\xff", ".mp4").name
    assert set(outcome.done) == {"plain.mp4", "talk.mkv", "phone.mp4", odd}
    for name in outcome.done:
        result = Path(outcome.done[name].output or "")
        info = media.probe(result)
        source = media.probe(video_folder / name)
        assert info["streams"][:2] == [("video", "h264"), ("audio", "aac")], name
        assert abs(info["duration"] - source["duration"]) < 0.15, name
        assert info["size"] == source["size"]
    assert outcome.done["plain.mp4"].data["width"] == 160


@pytest.mark.slow
def test_subtitles_metadata_and_rotation_carry_over(h264_batch: tuple[Outcomes, Path, dict]) -> None:
    outcome, out, _ = h264_batch
    talk = media.probe(out / "talk.mp4")
    assert ("subtitle", "mov_text") in talk["streams"]
    assert talk["metadata"]["title"] == "A talk"
    assert "subtitle" in outcome.done["talk.mkv"].message
    assert media.probe(out / "phone.mp4")["rotation"] == 90


@pytest.mark.slow
def test_broken_inputs_fail_or_skip_with_reasons(h264_batch: tuple[Outcomes, Path, dict]) -> None:
    outcome, out, _ = h264_batch
    assert "empty (0 bytes)" in outcome.failed["empty.mp4"]
    assert "incomplete" in outcome.failed["cut.mp4"] and "moov atom not found" in outcome.failed["cut.mp4"]
    assert "cut short" in outcome.failed["cut.mkv"]
    assert "Matroska" in outcome.failed["noise.mkv"]
    assert "only sound" in outcome.skipped["voice.mp4"]
    for reason in outcome.failed.values():
        assert "Traceback" not in reason
    assert outcome.summary.done == 4 and outcome.summary.failed == 4 and outcome.summary.skipped == 1
    names = {p.name for p in out.rglob("*") if p.is_file()}
    assert not {"empty.mp4", "cut.mp4", "noise.mp4", "voice.mp4"} & names  # no output for a failure
    assert not no_partials(out)


@pytest.mark.slow
def test_sources_are_untouched_and_progress_reaches_the_end(h264_batch: tuple[Outcomes, Path, dict],
                                                            video_folder: Path) -> None:
    outcome, _, before = h264_batch
    assert tree_hash(video_folder) == before
    for name in outcome.done:
        fractions = outcome.progress[name]
        assert fractions[-1] == 1.0
        assert fractions == sorted(fractions), f"progress went backwards for {name}"
