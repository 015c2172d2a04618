"""Encoding single clips in this process: progress, the size box and turned videos, tags and
chapters, long subtitles, failed checks, damaged packets, cut-short files, and the modern codecs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests import media
from tests.encode.support import run_one
from workers.task import ItemError
from workers.tasks.encode import EncodeTask


def test_progress_follows_the_decoded_time(task: EncodeTask, tmp_path: Path) -> None:
    clip = media.make_clip(tmp_path / "two.mkv", 2.0)
    result, reports = run_one(task, clip, tmp_path, "mp4-h264")
    middle = [(f, m) for f, m in reports if 0.2 < f < 0.9]
    assert middle, reports
    assert any(m.endswith("of 0:02") for _, m in middle)
    assert reports[-1] == (1.0, "done")
    assert "1280" not in result.message and "160x120" in result.message


def test_max_height_shrinks_keeping_aspect_and_turned_videos_fit_as_shown(task: EncodeTask,
                                                                           tmp_path: Path) -> None:
    wide = media.make_clip(tmp_path / "wide.mp4", 0.5)
    upright = media.make_clip(tmp_path / "upright.mp4", 0.5, size=(160, 96), rotation=90)
    run_one(task, wide, tmp_path / "out", "mp4-h264", max_height=50)
    run_one(task, upright, tmp_path / "out", "mp4-h264", max_height=80)
    assert media.probe(tmp_path / "out" / "wide.mp4")["size"] == (66, 50)
    shown_turned = media.probe(tmp_path / "out" / "upright.mp4")
    assert shown_turned["size"] == (80, 48) and shown_turned["rotation"] == 90  # shown 48x80


def test_tags_and_chapters_are_kept_or_stripped(task: EncodeTask, tmp_path: Path) -> None:
    clip = media.make_clip(tmp_path / "tagged.mkv", 1.0, subtitles=[(0.0, 0.4, "Hi")],
                           metadata={"title": "Secret place", "location": "+48.85+002.35/"},
                           chapters=[(0.0, 0.5, "Start"), (0.5, 1.0, "End")], language="fra")
    run_one(task, clip, tmp_path / "kept", "mp4-h264")
    kept = media.probe(tmp_path / "kept" / "tagged.mp4")
    assert kept["metadata"]["title"] == "Secret place" and kept["chapters"] == ["Start", "End"]
    run_one(task, clip, tmp_path / "out", "mp4-h264", strip_metadata=True, subtitles=False)
    info = media.probe(tmp_path / "out" / "tagged.mp4")
    assert "title" not in info["metadata"] and "location" not in info["metadata"]
    assert info["chapters"] == []
    assert info["languages"] == ["fra"]  # how players pick the track: not a private tag
    assert [kind for kind, _ in info["streams"]] == ["video", "audio"]


def test_subtitles_outlasting_the_picture(task: EncodeTask, tmp_path: Path) -> None:
    # The source's stated length (2.5 s) counts the last cue; without subtitles only 1 s is read,
    # and that must not pass for a cut-short file. MP4 counts only picture and sound in its length.
    clip = media.make_clip(tmp_path / "credits.mkv", 1.0, subtitles=[(0.5, 2.5, "The end")])
    for keep in (True, False):
        result, _ = run_one(task, clip, tmp_path / f"out-{keep}", "mp4-h264", subtitles=keep)
        info = media.probe(Path(result.output))
        assert abs(info["duration"] - 1.0) < 0.15
        assert (("subtitle", "mov_text") in info["streams"]) == keep


def test_a_failed_check_keeps_no_output(task: EncodeTask, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import workers.tasks.media_av as media_av

    def refuse(path: Path, name: str, *_: Any) -> dict:
        assert path.exists()  # the encode was written, under its partial name
        raise ItemError(f"the encoded file for {name} does not decode; it was not kept")

    monkeypatch.setattr(media_av, "verify_media", refuse)
    clip = media.make_clip(tmp_path / "clip.mp4", 0.5)
    with pytest.raises(ItemError, match="not kept"):
        run_one(task, clip, tmp_path / "out", "mp4-h264")
    assert list((tmp_path / "out").iterdir()) == []


def damage_sound_packets(src: Path, dst: Path, which: set[int]) -> Path:
    """Copy ``src`` with the given sound packets (by count) replaced by noise of the same size."""
    import random

    rng = random.Random(5)
    av = media.av
    with av.open(str(src)) as c, av.open(str(dst), "w") as o:
        mapping = {s.index: o.add_stream_from_template(s) for s in c.streams}
        count = 0
        for packet in c.demux():
            if packet.dts is None:
                continue
            if packet.stream.type == "audio":
                count += 1
                if count in which:
                    bad = av.Packet(rng.randbytes(packet.size))
                    bad.pts, bad.dts, bad.duration = packet.pts, packet.dts, packet.duration
                    bad.time_base = packet.time_base
                    packet = bad
                    packet.stream = mapping[1]
                    o.mux(packet)
                    continue
            packet.stream = mapping[packet.stream.index]
            o.mux(packet)
    return dst


def test_a_few_damaged_packets_are_skipped_with_a_note_many_fail(task: EncodeTask, tmp_path: Path) -> None:
    clip = media.make_clip(tmp_path / "clip.mkv", 3.0)
    few = damage_sound_packets(clip, tmp_path / "few.mkv", {60, 61, 90})
    result, _ = run_one(task, few, tmp_path / "out", "mp4-h264")
    assert "3 damaged packet(s) skipped, the first near 0:01" in result.message
    assert abs(media.probe(Path(result.output))["duration"] - 3.0) < 0.15
    many = damage_sound_packets(clip, tmp_path / "many.mkv", set(range(30, 60)))
    with pytest.raises(ItemError, match="too damaged: more than 20 packets between 0:00 and 0:01"):
        run_one(task, many, tmp_path / "out", "mp4-h264")
    assert not (tmp_path / "out" / "many.mp4").exists()


# Run in a child: a hang holds the GIL inside FFmpeg, where no timeout of this process can reach.
_FAIL_MANY_TIMES = """
import sys
from pathlib import Path
from tests.encode.support import run_one
from workers.task import ItemError
from workers.tasks.encode import EncodeTask
task, source, out = EncodeTask(), Path(sys.argv[1]), Path(sys.argv[2])
for _ in range(int(sys.argv[3])):
    try:
        run_one(task, source, out, "mp4-h264")
    except ItemError:
        pass
"""


@pytest.mark.slow
def test_failing_amid_frame_threaded_decoding_never_hangs_the_worker(tmp_path: Path) -> None:
    # Unfixed, this hung after 26 to 357 failures (PyAV freed the decoder holding the GIL
    # while a frame thread waited for the GIL to log a warning).
    clip = media.make_clip(tmp_path / "clip.mkv", 3.0)
    many = damage_sound_packets(clip, tmp_path / "many.mkv", set(range(30, 60)))
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run([sys.executable, "-c", _FAIL_MANY_TIMES, str(many), str(tmp_path / "out"), "300"],
                         cwd=root, capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr[-2000:]


def test_a_cut_short_file_with_its_index_first_fails(task: EncodeTask, tmp_path: Path) -> None:
    whole = media.make_clip(tmp_path / "whole.mp4", 2.0, fmt="mp4")
    streamable = tmp_path / "stream.mp4"
    # Index first (as phones and web servers write it), then cut: the demuxer reads on into nothing.
    with media.av.open(str(whole)) as c, media.av.open(str(streamable), "w",
                                                       options={"movflags": "+faststart"}) as o:
        mapping = {s.index: o.add_stream_from_template(s) for s in c.streams}
        for packet in c.demux():
            if packet.dts is not None:
                packet.stream = mapping[packet.stream.index]
                o.mux(packet)
    cut = media.truncated_copy(streamable, tmp_path / "cut.mp4", 0.6)
    with pytest.raises(ItemError) as info:
        run_one(task, cut, tmp_path / "out", "mp4-h264")
    assert "cut short: only 0:01 of 0:02 could be read" in str(info.value)
    assert not (tmp_path / "out" / "cut.mp4").exists()


def check_modern_codec(folder: str, preset: str, video: str, audio: str) -> None:
    """Encode a short clip with subtitles in ``preset`` and check what a player would see."""
    tmp_path = Path(folder)
    task = EncodeTask()
    clip = media.make_clip(tmp_path / "clip.mkv", 1.0, subtitles=[(0.0, 0.5, "Hi")])
    result, reports = run_one(task, clip, tmp_path / "out", preset, speed="ultrafast")
    info = media.probe(Path(result.output))
    kinds = dict(info["streams"][:2])
    assert kinds["video"].startswith(video[:3]) or video in kinds["video"]
    assert kinds["audio"] == audio
    assert any(kind == "subtitle" for kind, _ in info["streams"])  # WebVTT, mov_text or SubRip
    assert abs(info["duration"] - 1.0) < 0.1
    assert reports[-1][0] == 1.0
    if preset == "mp4-h265":
        with media.av.open(str(result.output)) as c:
            assert c.streams.video[0].codec_context.codec_tag == "hvc1"  # what Apple's players need


@pytest.mark.slow
@pytest.mark.parametrize(("preset", "video", "audio"), [("mp4-h265", "hevc", "aac"),
                                                        ("webm-vp9", "vp9", "opus"),
                                                        ("mkv-av1", "av1", "opus")])
def test_modern_codecs(tmp_path: Path, preset: str, video: str, audio: str) -> None:
    # In a process of its own: after SVT-AV1 has encoded in the test process, a later engine in
    # that process could not stop its workers on pause (tests/test_pause.py); the encoders run in
    # worker processes in the product, so the test does too.
    root = Path(__file__).resolve().parents[2]
    code = "import sys; from tests.encode.test_video import check_modern_codec; check_modern_codec(*sys.argv[1:])"
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path), preset, video, audio], cwd=root,
                         capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr[-3000:]
