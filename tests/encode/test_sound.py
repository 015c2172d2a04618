"""Sound formats, from sound files and from the sound of videos."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import media
from tests.encode.support import run_one
from workers.tasks.encode import EncodeTask


@pytest.mark.parametrize(("preset", "codec"), [("mp3", "mp3"), ("aac", "aac"), ("opus", "opus"),
                                               ("flac", "flac")])
def test_sound_formats_from_wav_and_from_video(task: EncodeTask, tmp_path: Path, preset: str,
                                               codec: str) -> None:
    wav = media.make_tone(tmp_path / "tone.wav", 1.0, rate=44100, channels=2, metadata={"artist": "Band"})
    clip = media.make_clip(tmp_path / "clip.mkv", 1.0)
    tags = {}
    for source in (wav, clip):
        result, _ = run_one(task, source, tmp_path / "out", preset)
        info = media.probe(Path(result.output))
        assert next(s for s in info["streams"] if s[0] == "audio")[1].startswith(codec)
        assert not any(kind == "video" for kind, _ in info["streams"])
        assert abs(info["duration"] - 1.0) < 0.1
        tags[source.name] = info["metadata"]
    assert tags["tone.wav"].get("artist") == "Band"


def test_video_without_sound_is_skipped_for_sound_formats(task: EncodeTask, tmp_path: Path) -> None:
    from workers.task import SkipItem

    silent = media.make_clip(tmp_path / "silent.mp4", 0.5, audio=None)
    with pytest.raises(SkipItem, match="no audio stream"):
        run_one(task, silent, tmp_path / "out", "opus")
