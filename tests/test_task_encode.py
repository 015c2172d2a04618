"""The encode task: clips, sound and pictures made on the fly go through real workers; every output
plays (or opens) as the format promised, broken inputs end failed or skipped with a reason a
person can act on, the batch goes on, and the sources stay byte-identical."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests import media
from tests.conftest import tree_hash
from workers.engine import EngineOptions, JobSummary, run_plan
from workers.events import Event, ItemFailed, ItemFinished, ItemProgress, ItemSkipped
from workers.outputs import PARTIAL_MARK
from workers.plan import make_plan
from workers.registry import load_task
from workers.task import ItemError, WorkItem, build_options, describe_options
from workers.tasks.encode import EncodeOptions, EncodeTask, Format, av_settings
from workers.tasks.media_image import fit_box
from workers.tasks.media_lanes import even_fit


@pytest.fixture(scope="module")
def task() -> EncodeTask:
    loaded = load_task("encode")
    assert isinstance(loaded, EncodeTask)
    return loaded


class Outcomes:
    """What a batch ended with, by source name."""

    def __init__(self, plan: Any, events: list[Event], summary: JobSummary) -> None:
        names = {w.id: Path(w.source).name for w in plan.all_items}
        self.summary = summary
        self.done: dict[str, ItemFinished] = {}
        self.failed: dict[str, str] = {}
        self.skipped: dict[str, str] = {}
        self.progress: dict[str, list[float]] = {}
        for e in events:
            if isinstance(e, ItemFinished):
                self.done[names[e.item_id]] = e
            elif isinstance(e, ItemFailed):
                self.failed[names[e.item_id]] = e.reason
            elif isinstance(e, ItemSkipped):
                self.skipped[names[e.item_id]] = e.reason
            elif isinstance(e, ItemProgress):
                self.progress.setdefault(names[e.item_id], []).append(e.fraction)


def run_batch(task: EncodeTask, src: Path, out: Path, preset: str | None = None,
              **values: Any) -> Outcomes:
    options = build_options(task, values, preset=preset)
    plan = make_plan(task, options, [src], out)
    events: list[Event] = []
    summary = run_plan(plan, events.extend, EngineOptions(workers=2))
    return Outcomes(plan, events, summary)


def run_one(task: EncodeTask, source: Path, out_dir: Path, preset: str | None = None,
            **values: Any) -> tuple[Any, list[tuple[float, str]]]:
    """Run one item in this process (no workers): for format coverage and progress details."""
    options = build_options(task, values, preset=preset)
    output = out_dir / task.output_name(Path(source.name), options)
    item = WorkItem(0, str(source), source.name, source.stat().st_size, str(output))
    reports: list[tuple[float, str]] = []
    result = task.run(item, options, lambda f, m="": reports.append((f, m)))
    return result, reports


def no_partials(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if PARTIAL_MARK in p.name]


# ------------------------------------------------------------------------------- options


def test_every_option_is_typed_with_a_default_and_help(task: EncodeTask) -> None:
    specs = describe_options(EncodeOptions)
    assert specs, "no options"
    for spec in specs:
        assert spec.help, f"{spec.name} has no help"
        assert spec.default is not None
    assert {s.name for s in specs} >= {"format", "crf", "speed", "max_height", "audio_bitrate", "subtitles",
                                       "strip_metadata", "threads", "image_quality", "lossless"}
    formats = next(s for s in specs if s.name == "format").choices
    assert formats == [f.value for f in Format]


def test_every_preset_builds_and_names_its_output(task: EncodeTask) -> None:
    expected = {"mp4-h264": ".mp4", "mp4-h265": ".mp4", "webm-vp9": ".webm", "mkv-av1": ".mkv",
                "mp3": ".mp3", "aac": ".m4a", "opus": ".opus", "flac": ".flac", "jpeg": ".jpg",
                "webp": ".webp", "png": ".png"}
    assert set(task.presets) == set(expected)
    for preset, suffix in expected.items():
        options = build_options(task, {}, preset=preset)
        assert task.output_name(Path("a/clip.MOV"), options) == Path("a/clip" + suffix)


def test_threads_share_the_cores_among_workers(monkeypatch: pytest.MonkeyPatch, task: EncodeTask) -> None:
    monkeypatch.setenv("BATCHPILOT_WORKERS", "2")
    cores = os.cpu_count() or 1
    auto = av_settings(build_options(task, {}, preset="mp4-h265"))
    assert auto.threads == max(1, cores // 2)
    assert f"pools={auto.threads}" in auto.video_options["x265-params"]
    assert av_settings(build_options(task, {"threads": 3}, preset="mp4-h264")).threads == 3


def test_sizes_fit_the_box_keep_the_aspect_and_stay_even() -> None:
    assert even_fit(1920, 1080, 0, 720) == (1280, 720)
    assert even_fit(160, 120, 0, 50) == (66, 50)
    assert even_fit(640, 480, 0, 0) == (640, 480)
    assert all(v % 2 == 0 for v in even_fit(1001, 777, 333, 0))
    assert fit_box(4000, 3000, 1600, 1600) == (1600, 1200)
    assert fit_box(300, 200, 1600, 1600) == (300, 200)  # never enlarged


def test_plan_skips_what_the_format_does_not_read(task: EncodeTask, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("clip.mp4", "song.flac", "photo.jpg", "notes.txt"):
        (src / name).write_bytes(b"x")
    reasons = {}
    for preset in ("mp4-h264", "mp3", "webp"):
        plan = make_plan(task, build_options(task, {}, preset=preset), [src], tmp_path / "out")
        reasons[preset] = ({Path(w.source).name for w in plan.items},
                           {Path(w.source).name: r for w, r in plan.skipped})
    assert reasons["mp4-h264"][0] == {"clip.mp4"}
    assert "sound file" in reasons["mp4-h264"][1]["song.flac"]
    assert reasons["mp3"][0] == {"clip.mp4", "song.flac"}  # sound can come out of a video
    assert reasons["webp"][0] == {"photo.jpg"}
    assert "not a media file" in reasons["webp"][1]["notes.txt"]


# ------------------------------------------------------------------------------- video batch


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


# ------------------------------------------------------------------------------- sound


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


# ------------------------------------------------------------------------------- other video codecs


@pytest.mark.slow
@pytest.mark.parametrize(("preset", "video", "audio"), [("mp4-h265", "hevc", "aac"),
                                                        ("webm-vp9", "vp9", "opus"),
                                                        ("mkv-av1", "av1", "opus")])
def test_modern_codecs(task: EncodeTask, tmp_path: Path, preset: str, video: str, audio: str) -> None:
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


# ------------------------------------------------------------------------------- pictures


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

    def refuse(path: Path, name: str, fmt: str, size: Any, frames: int) -> None:
        raise ItemError(f"the converted picture for {name} does not decode; it was not kept")

    monkeypatch.setattr(media_image, "verify_image", refuse)
    photo = media.make_photo(tmp_path / "p.jpg", (64, 48))
    with pytest.raises(ItemError, match="not kept"):
        run_one(task, photo, tmp_path / "out", "webp")
    assert list((tmp_path / "out").iterdir()) == []

