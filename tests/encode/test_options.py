"""The encode task's options and planning: typed options with help, presets and output names, threads
per worker, sizes that fit the box, and the files each format does not read."""

from __future__ import annotations

import os
from pathlib import Path

from workers.engine.batching import Pending
from workers.plan import make_plan
from workers.task import build_options, describe_options, threads_of
from workers.tasks.encode import EncodeOptions, EncodeTask, av_settings
from workers.tasks.media_image import fit_box
from workers.tasks.media_lanes import even_fit


def test_every_option_is_typed_with_a_default_and_help(task: EncodeTask) -> None:
    specs = describe_options(EncodeOptions)
    assert specs, "no options"
    for spec in specs:
        assert spec.help, f"{spec.name} has no help"
        assert spec.default is not None
    assert {s.name for s in specs} >= {"video_format", "audio_format", "picture_format", "crf", "speed",
                                       "max_height", "audio_bitrate", "subtitles", "strip_metadata", "threads",
                                       "image_quality", "lossless", "same_format", "keep_if_bigger",
                                       "min_size_mb", "min_seconds", "min_width", "resume_after"}
    assert "format" not in {s.name for s in specs}  # read from older settings, never shown
    choices = {s.name: s.choices for s in specs}
    assert choices["video_format"] == ["mp4-h264", "mp4-h265", "webm-vp9", "mkv-av1", "sound-only", "keep",
                                       "leave-out"]
    assert choices["audio_format"] == ["mp3", "aac", "opus", "flac", "keep", "leave-out"]
    assert choices["picture_format"] == ["jpeg", "webp", "png", "keep", "leave-out"]
    assert choices["same_format"] == ["off", "copy", "leave-out"]


def test_every_preset_builds_and_names_its_output(task: EncodeTask) -> None:
    expected = {"mp4-h264": ".mp4", "mp4-h265": ".mp4", "webm-vp9": ".webm", "mkv-av1": ".mkv",
                "mp3": ".mp3", "aac": ".m4a", "opus": ".opus", "flac": ".flac", "jpeg": ".jpg",
                "webp": ".webp", "png": ".png", "web-1080p": ".mp4", "phone-720p": ".mp4", "podcast-mp3": ".mp3",
                "email-photos": ".jpg", "web": ".mp4", "phone-backup": ".mp4"}
    assert set(task.presets) == set(expected)
    for preset, suffix in expected.items():
        options = build_options(task, {}, preset=preset)
        name = "a/clip.MOV" if suffix in (".mp4", ".webm", ".mkv") else \
            "a/clip.wav" if suffix in (".mp3", ".m4a", ".opus", ".flac") else "a/clip.tif"
        assert task.output_name(Path(name), options) == Path("a/clip" + suffix)
        if preset not in ("web", "phone-backup"):  # made for one kind: the others are left out, as before
            kinds = (options.video_format.value, options.audio_format.value, options.picture_format.value)
            assert sorted(kinds).count("leave-out") == 2 or kinds[0] == "sound-only", (preset, kinds)
    # The presets for a whole folder name each kind's output by its own format.
    web = build_options(task, {}, preset="web")
    assert [str(task.output_name(Path(n), web)) for n in ("v.mov", "s.flac", "p.png", "k.mp4")] == \
        ["v.mp4", "s.m4a", "p.webp", "k.mp4"]
    phone = build_options(task, {}, preset="phone-backup")
    assert (phone.video_format.value, phone.audio_format.value, phone.picture_format.value) == \
        ("mp4-h265", "aac", "jpeg")


class _SharedReport:
    """A report as a worker gives it while another worker is busy too."""

    def __call__(self, fraction: float, message: str = "") -> None:
        pass

    def threads(self, requested: int = 0) -> int:
        return requested or max(1, (os.cpu_count() or 1) // 2)


def test_threads_share_the_cores_among_workers(task: EncodeTask) -> None:
    cores = os.cpu_count() or 1
    options = build_options(task, {}, preset="mp4-h265")
    auto = av_settings(options, threads_of(_SharedReport(), options.threads))
    assert auto.threads == max(1, cores // 2)
    assert f"pools={auto.threads}" in auto.video_options["x265-params"]
    fixed = build_options(task, {"threads": 3}, preset="mp4-h264")
    assert av_settings(fixed, threads_of(_SharedReport(), fixed.threads)).threads == 3


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


def test_the_biggest_clips_are_handed_out_first_while_the_plan_keeps_name_order(task: EncodeTask,
                                                                                tmp_path: Path) -> None:
    # A big clip started last leaves a core idle at the end of the batch. The engine hands out
    # every task's items biggest first; the plan (the window's rows, the journal) stays in name order.
    src = tmp_path / "src"
    src.mkdir()
    sizes = {"a-short.mp4": 1_000, "b-long.mkv": 50_000, "c-middle.mov": 20_000, "d-tiny.mp4": 10}
    for name, size in sizes.items():
        (src / name).write_bytes(bytes(size))
    plan = make_plan(task, build_options(task, {}, preset="mp4-h264"), [src], tmp_path / "out")
    assert [w.rel for w in plan.items] == sorted(sizes)
    handed_out = [w.rel for w in Pending(plan.items)]
    assert handed_out == ["b-long.mkv", "c-middle.mov", "a-short.mp4", "d-tiny.mp4"]
