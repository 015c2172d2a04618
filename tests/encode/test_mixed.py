"""One batch for a folder of mixed media: every video, sound file and picture gets an output of its
kind, the rest is one clear skip; the single ``format`` of earlier versions still does what it did."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from tests import media
from tests.conftest import tree_hash
from tests.encode.support import no_partials, run_batch, run_one
from workers.cli import main
from workers.events import ItemFinished
from workers.task import ItemResult, OptionError, SkipItem, build_options
from workers.tasks.encode import EncodeTask, upgrade_format


def written(done: ItemFinished | ItemResult) -> Path:
    """The file a finished item wrote."""
    assert done.output is not None
    return Path(done.output)


def run_cli(*args: str) -> tuple[int, list[dict], str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["run", "encode", *args, "--json", "--workers", "2"], out, err)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def by_source(events: list[dict]) -> dict[str, dict]:
    """The last word on each file (finished or skipped), by its name."""
    names = {e["item_id"]: Path(e["source"]).name for e in events if e["event"] == "item_planned"}
    return {names[e["item_id"]]: e for e in events if e["event"] in ("item_finished", "item_skipped", "item_failed")}


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    src = tmp_path / "camera"
    src.mkdir()
    media.make_clip(src / "clip.mp4", 0.5)
    media.make_clip(src / "talk.mkv", 0.5, video="mpeg4", audio="mp2")
    media.make_tone(src / "song.wav", 0.5)
    media.make_tone(src / "voice.flac", 0.5, codec="flac")
    media.make_photo(src / "photo.jpg", (64, 48))
    media.make_photo(src / "shot.png", (64, 48))
    media.make_photo(src / "scan.tif", (64, 48))
    (src / "notes.txt").write_text("not media\n")
    return src


def test_a_mixed_folder_gives_each_file_an_output_of_its_kind(mixed: Path, tmp_path: Path) -> None:
    before = tree_hash(mixed)
    out = tmp_path / "out"
    code, events, _ = run_cli(str(mixed), "--out", str(out))
    assert code == 0
    ends = by_source(events)
    finished = {name: Path(e["output"]).name for name, e in ends.items() if e["event"] == "item_finished"}
    assert finished == {"clip.mp4": "clip.mp4", "talk.mkv": "talk.mp4", "song.wav": "song.mp3",
                        "voice.flac": "voice.mp3", "photo.jpg": "photo.jpg", "shot.png": "shot.jpg",
                        "scan.tif": "scan.jpg"}
    assert ends["notes.txt"] == {"event": "item_skipped", "item_id": ends["notes.txt"]["item_id"],
                                 "reason": "not a media file (a video, sound file or picture)"}
    assert next(e for e in events if e["event"] == "batch_finished")["done"] == 7
    for name in ("clip.mp4", "talk.mp4"):
        info = media.probe(out / name)
        assert ("video", "h264") in info["streams"] and ("audio", "aac") in info["streams"]
    for name in ("song.mp3", "voice.mp3"):
        [(kind, codec)] = media.probe(out / name)["streams"]
        assert kind == "audio" and codec.startswith("mp3")
    for name in ("photo.jpg", "shot.jpg", "scan.jpg"):
        with Image.open(out / name) as im:
            assert im.format == "JPEG"
    kinds = {ends[n]["data"]["kind"] for n in finished}
    assert kinds == {"video", "sound", "picture"}
    index = [json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["source"], r["state"], r["kind"]) for r in index] == [
        ("clip.mp4", "done", "video"), ("notes.txt", "skipped", ""), ("photo.jpg", "done", "picture"),
        ("scan.tif", "done", "picture"), ("shot.png", "done", "picture"), ("song.wav", "done", "sound"),
        ("talk.mkv", "done", "video"), ("voice.flac", "done", "sound")]
    assert tree_hash(mixed) == before
    assert not no_partials(out)


@pytest.mark.slow
def test_the_old_single_format_still_does_what_it_did(mixed: Path, tmp_path: Path) -> None:
    code, events, _ = run_cli(str(mixed), "--out", str(tmp_path / "sound"), "--set", "format=mp3")
    assert code == 0
    ends = by_source(events)
    made = {n: Path(e["output"]).name for n, e in ends.items() if e["event"] == "item_finished"}
    assert made == {"clip.mp4": "clip.mp3", "talk.mkv": "talk.mp3", "song.wav": "song.mp3",
                    "voice.flac": "voice.mp3"}  # the sound of videos too, as before
    for name in ("photo.jpg", "shot.png", "scan.tif"):
        assert ends[name]["reason"] == "a picture; pictures are left out in this run"

    code, events, _ = run_cli(str(mixed), "--out", str(tmp_path / "pictures"), "--preset", "webp")
    ends = by_source(events)
    made = {n: Path(e["output"]).name for n, e in ends.items() if e["event"] == "item_finished"}
    assert made == {"photo.jpg": "photo.webp", "shot.png": "shot.webp", "scan.tif": "scan.webp"}
    assert ends["clip.mp4"]["reason"] == "a video; videos are left out in this run"
    assert ends["song.wav"]["reason"] == "a sound file; sound files are left out in this run"


def test_legacy_format_values_map_to_the_three_choices(task: EncodeTask) -> None:
    three = ("video_format", "audio_format", "picture_format")
    expected = {
        "mp4-h264": ("mp4-h264", "leave-out", "leave-out"), "mkv-av1": ("mkv-av1", "leave-out", "leave-out"),
        "MP4-H265": ("mp4-h265", "leave-out", "leave-out"), "webm-vp9": ("webm-vp9", "leave-out", "leave-out"),
        "mp3": ("sound-only", "mp3", "leave-out"), "flac": ("sound-only", "flac", "leave-out"),
        "aac": ("sound-only", "aac", "leave-out"), "opus": ("sound-only", "opus", "leave-out"),
        "jpeg": ("leave-out", "leave-out", "jpeg"), "png": ("leave-out", "leave-out", "png"),
        "webp": ("leave-out", "leave-out", "webp"),
    }
    for old, wanted in expected.items():
        options = build_options(task, {"format": old, "crf": "20"})
        assert tuple(getattr(options, n).value for n in three) == wanted, old
        assert options.crf == 20
    assert upgrade_format({"crf": 3}) == {"crf": 3}  # nothing to translate
    # A choice given by its own name wins over the old format's; a preset's format gives way to --set.
    assert build_options(task, {"format": "mp3", "picture_format": "png"}).picture_format.value == "png"
    assert build_options(task, {"format": "mp3"}, preset="web").video_format.value == "sound-only"
    with pytest.raises(OptionError, match="format must be one of mp4-h264"):
        build_options(task, {"format": "gif"})


def test_a_container_is_read_for_what_it_holds(task: EncodeTask, tmp_path: Path) -> None:
    # .webm usually holds a video; this one holds only sound, so it becomes a sound file.
    voice = media.make_clip(tmp_path / "voice.webm", 0.5, video=None, audio="libopus")
    result, _ = run_one(task, voice, tmp_path / "out")
    assert written(result).name == "voice.mp3" and result.data["kind"] == "sound"
    assert media.probe(written(result))["streams"][0][0] == "audio"
    # Sound left out: the same file is skipped as sound, saying so.
    with pytest.raises(SkipItem, match="has only sound: sound files are left out in this run"):
        run_one(task, voice, tmp_path / "out2", video_format="mp4-h264", audio_format="leave-out")


def test_keep_copies_a_kind_unchanged_and_sound_only_takes_the_sound(task: EncodeTask, mixed: Path,
                                                                     tmp_path: Path) -> None:
    outcome = run_batch(task, mixed, tmp_path / "out", video_format="sound-only", audio_format="opus",
                        picture_format="keep")
    assert outcome.summary.done == 7 and outcome.skipped == {"notes.txt": "not a media file (a video, sound "
                                                                         "file or picture)"}
    for name in ("photo.jpg", "shot.png", "scan.tif"):
        done = outcome.done[name]
        assert written(done).read_bytes() == (mixed / name).read_bytes()
        assert done.data["action"] == "copied" and done.data["rule"] == "keep"
        assert "pictures are kept as they are" in done.message
    assert {written(outcome.done[n]).name for n in ("clip.mp4", "talk.mkv")} == {"clip.opus", "talk.opus"}
    assert media.probe(tmp_path / "out" / "clip.opus")["streams"] == [("audio", "opus")]
    # Sound only, with sound files left out: videos have nowhere to go, and the plan says why.
    plan_options = build_options(task, {"video_format": "sound-only", "audio_format": "leave-out"})
    assert not task.accepts(mixed / "clip.mp4", plan_options)
    assert task.skip_reason(mixed / "clip.mp4", plan_options) == \
        "a video; videos give only their sound in this run, and sound files are left out"


def test_a_second_run_finds_outputs_written_under_another_name(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    Image.new("RGB", (16, 16), (200, 30, 30)).save(src / "icon.png")  # tiny: its JPEG is bigger, kept as icon.png
    media.make_clip(src / "voice.webm", 0.5, video=None, audio="libopus")  # only sound: a sound file's output
    out = tmp_path / "out"
    code, events, _ = run_cli(str(src), "--out", str(out), "--set", "keep_if_bigger=true")
    assert code == 0
    first = by_source(events)
    assert Path(first["icon.png"]["output"]).name == "icon.png"
    assert Path(first["voice.webm"]["output"]).name != "voice.mp4"  # the plan's name for a video
    code, events, _ = run_cli(str(src), "--out", str(out), "--set", "keep_if_bigger=true")
    assert code == 0
    again = by_source(events)
    assert {e["event"] for e in again.values()} == {"item_skipped"}, again
    assert all("earlier run" in e["reason"] for e in again.values()), again
