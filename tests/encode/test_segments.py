"""A long video in segments: joined without re-encoding into a file like the one-piece encode, a
run killed mid-segment resumes with only the unfinished segments, and a changed source, changed
settings or a damaged segment is never joined. Small clips with 5-second segments keep it fast;
the slow test at the end goes through the command line as a person would."""

from __future__ import annotations

import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

from tests import media
from tests.conftest import worker_processes
from tests.encode.segment_support import (
    ROOT,
    encode,
    frame_count,
    killed_mid_segment,
    luma_planes,
    manifest,
    parts_encoded,
    psnr,
    settings,
    start_times,
    work_folder,
)
from workers.engine import Engine, EngineOptions, run_plan
from workers.events import Event, ItemCancelled, ItemFailed, ItemFinished, ItemProgress
from workers.plan import make_plan
from workers.task import ItemError, build_options
from workers.tasks.encode import EncodeTask, Format, Speed
from workers.tasks.media_segments import MANIFEST, segment_name, sound_name
from workers.tasks.media_shared import claim_name, is_shared_file, owner_active

SECONDS = 40.0
FRAMES = 1000  # 40 s at 25 frames a second


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("long")
    return media.make_long_clip(folder / "long.mp4", SECONDS)


def _same_length(path: Path, frames: int = FRAMES, seconds: float = SECONDS) -> None:
    assert abs(frame_count(path) - frames) <= 1
    assert abs(media.probe(path)["duration"] - seconds) < 0.1
    starts = start_times(path)
    assert starts["audio"] == starts["video"], starts


def test_a_long_video_is_encoded_in_parts_and_joined(clip: Path, tmp_path: Path) -> None:
    output = tmp_path / "long.mp4"
    folder = work_folder(output)
    result, reports = encode(clip, output, settings(folder))
    _same_length(output)
    assert parts_encoded(reports) == list(range(1, 8))  # keyframes every 2 s: cuts at 0, 6, 12 ... 36
    fractions = [f for f, _ in reports]
    assert fractions == sorted(fractions) and fractions[-1] == 0.99, "one bar that only moves forward"
    assert not folder.exists(), "the work folder goes once the output is kept"
    assert result.notes == [] and result.facts["duration"] == pytest.approx(SECONDS, abs=0.1)
    assert [kind for kind, _ in media.probe(output)["streams"]] == ["video", "audio"]


def test_a_video_under_the_threshold_goes_in_one_piece(clip: Path, tmp_path: Path) -> None:
    output = tmp_path / "long.mp4"
    folder = work_folder(output)
    _, reports = encode(clip, output, settings(folder, segment_after=SECONDS + 1))
    assert parts_encoded(reports) == [] and not folder.exists()
    _same_length(output)


@pytest.mark.parametrize("named", [False, True], ids=["unnamed-files", "partial-names"])
def test_a_killed_run_redoes_only_the_unfinished_parts(clip: Path, tmp_path: Path, named: bool) -> None:
    output = tmp_path / "long.mp4"
    folder = work_folder(output)
    s = settings(folder)
    fractions = killed_mid_segment(clip, output, s, stop=0.6, named=named)
    assert fractions[-1] >= 0.6
    kept = manifest(folder)["done"]
    # The sound is made beside the parts: its file is there once whole (recorded with the next part).
    left = sorted(p.name for p in folder.iterdir() if p.name != sound_name(1))
    finished = [segment_name(int(i)) for i in kept]
    # The locks, and the claim of the part it was on: free now (its process is gone), taken over next run.
    shared = {n for n in left if is_shared_file(n)}
    assert shared == {"owner.lock", "manifest.lock", claim_name(len(kept))}
    assert not owner_active(folder)
    extra = set(left) - {MANIFEST, *finished} - shared
    assert MANIFEST in left
    if named:  # killed mid-segment: its partial file (and the sound's) stays until the next run
        assert extra and all(".bp-part" in n for n in extra)
    else:
        assert not extra, "only finished parts: no half-written file"
    assert 3 <= len(kept) <= 5

    result, reports = encode(clip, output, s)
    again = parts_encoded(reports)
    assert again == [n for n in range(1, 8) if str(n - 1) not in kept]
    assert reports[1][0] >= 0.5 * 0.94, "the bar starts where the finished parts leave it"
    assert result.notes == [f"resumed: {len(kept)} of 7 segments kept from a stopped run"]
    _same_length(output)
    assert not folder.exists()


def test_a_changed_source_starts_over(clip: Path, tmp_path: Path) -> None:
    source = tmp_path / "film.mp4"
    shutil.copy(clip, source)
    output = tmp_path / "film-out.mp4"
    s = settings(work_folder(output))
    killed_mid_segment(source, output, s, stop=0.5)
    media.make_long_clip(source, 30.0, noise=3)  # another take under the same name
    result, reports = encode(source, output, s)
    assert parts_encoded(reports) == list(range(1, 6))
    assert result.notes == ["the source changed since the stopped run: its segments were not used"]
    _same_length(output, frames=750, seconds=30.0)


def test_changed_settings_start_over(clip: Path, tmp_path: Path) -> None:
    output = tmp_path / "long.mp4"
    folder = work_folder(output)
    killed_mid_segment(clip, output, settings(folder), stop=0.5)
    result, reports = encode(clip, output, settings(folder, crf=30))
    assert parts_encoded(reports) == list(range(1, 8))
    assert result.notes == ["the settings changed since the stopped run: its segments were not used"]


def test_a_damaged_or_mismatched_part_is_encoded_again(clip: Path, tmp_path: Path) -> None:
    output = tmp_path / "long.mp4"
    folder = work_folder(output)
    s = settings(folder)
    killed_mid_segment(clip, output, s, stop=0.6)
    record = manifest(folder)
    assert {"0", "1", "2"} <= set(record["done"])
    damaged = folder / segment_name(1)
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte in the middle of a picture
    damaged.write_bytes(bytes(data))
    record["done"]["2"]["headers_sha256"] = "0" * 64  # as if made by an encoder with other headers
    (folder / MANIFEST).write_text(json.dumps(record))
    result, reports = encode(clip, output, s)
    again = parts_encoded(reports)
    assert again[:2] == [2, 3] and 1 not in again
    assert result.notes[0] == "2 kept segment(s) were damaged or did not match and were encoded again"
    _same_length(output)


def test_threads_do_not_change_what_can_be_joined(clip: Path, tmp_path: Path) -> None:
    # x265 writes its thread counts into its headers unless told not to: a resumed run given
    # more cores must still reuse the parts.
    output = tmp_path / "long.mp4"
    folder = work_folder(output)
    killed_mid_segment(clip, output, settings(folder, Format.MP4_H265, threads=1, speed=Speed.ULTRAFAST), stop=0.5)
    kept = manifest(folder)["done"]
    result, reports = encode(clip, output, settings(folder, Format.MP4_H265, threads=2, speed=Speed.ULTRAFAST))
    assert len(parts_encoded(reports)) == 7 - len(kept)
    assert result.notes == [f"resumed: {len(kept)} of 7 segments kept from a stopped run"]
    _same_length(output)


@pytest.mark.parametrize("fmt", [Format.WEBM_VP9, Format.MKV_AV1])
def test_other_codecs_join_too(tmp_path: Path, fmt: Format) -> None:
    clip = media.make_long_clip(tmp_path / "clip.mp4", 12.0)
    output = tmp_path / f"clip{'.webm' if fmt is Format.WEBM_VP9 else '.mkv'}"
    folder = work_folder(output)
    _, reports = encode(clip, output, settings(folder, fmt, segment_after=5, segment_seconds=4,
                                                speed=Speed.ULTRAFAST))
    assert parts_encoded(reports) == [1, 2, 3]
    assert abs(frame_count(output) - 300) <= 1
    assert abs(media.probe(output)["duration"] - 12.0) < 0.1
    assert not folder.exists()


def test_joins_match_the_one_piece_encode(clip: Path, tmp_path: Path) -> None:
    # Quality is measured against the source, the same way for both encodes: around each join
    # the joined file must look as good as the one-piece encode there, and as the rest of it.
    one = tmp_path / "one.mp4"
    joined = tmp_path / "joined.mp4"
    encode(clip, one, settings(work_folder(one), segment_after=0))
    encode(clip, joined, settings(work_folder(joined)))
    ratio = joined.stat().st_size / one.stat().st_size
    src, a, b = luma_planes(clip), luma_planes(one), luma_planes(joined)
    assert len(src) == len(a) == len(b) == FRAMES
    joins = [150, 300, 450, 600, 750, 900]  # first pictures of parts 2-7 (keyframes every 50)
    around = sorted({n for j in joins for n in range(j - 3, j + 3)})
    typical = statistics.median(psnr(src[n], b[n]) for n in range(0, FRAMES, 5))
    joined_there = [psnr(src[n], b[n]) for n in around]
    one_there = [psnr(src[n], a[n]) for n in around]
    between = statistics.median(psnr(a[n], b[n]) for n in around)
    print(f"\nsize joined/one-piece {ratio:.4f}; PSNR against the source: joined file median {typical:.2f} dB, "
          f"around the joins min {min(joined_there):.2f} / mean {statistics.fmean(joined_there):.2f} dB, "
          f"one-piece there mean {statistics.fmean(one_there):.2f} dB; joined against one-piece there "
          f"median {between:.2f} dB")
    assert abs(ratio - 1) < 0.03
    assert min(joined_there) > typical - 1.5
    for j in joins:  # each join's six pictures, on average, as good as the one-piece encode's
        window = range(j - 3, j + 3)
        mine = statistics.fmean(psnr(src[n], b[n]) for n in window)
        theirs = statistics.fmean(psnr(src[n], a[n]) for n in window)
        assert mine > theirs - 1.0, (j, mine, theirs)


def test_a_cut_short_source_fails_as_in_one_piece(clip: Path, tmp_path: Path) -> None:
    source = media.truncated_copy(media.make_long_clip(tmp_path / "whole.mkv", 30.0), tmp_path / "cut.mkv", 0.7)
    output = tmp_path / "cut.mp4"
    with pytest.raises(ItemError, match=r"cut\.mkv is cut short: only 0:\d\d of 0:30 could be read"):
        encode(source, output, settings(work_folder(output)))
    assert not work_folder(output).exists()


# ------------------------------------------------------------------------------ the engine


@pytest.mark.parametrize("how", ["cancel-now", "worker-crash"])
def test_an_engine_run_stopped_inside_a_part_resumes(task: EncodeTask, tmp_path: Path, how: str,
                                                     no_leftover_processes: object) -> None:
    src = tmp_path / "src"
    src.mkdir()
    media.make_long_clip(src / "film.mp4", 40.0, size=(320, 180))
    out = tmp_path / "out"
    options = build_options(task, {"resume_after": 10, "speed": "veryfast"}, preset="mp4-h264")
    events: list[Event] = []
    in_part_two = threading.Event()

    def on_events(batch: Iterable[Event]) -> None:
        events.extend(batch)
        if any(isinstance(e, ItemProgress) and "(part 2 of 2)" in e.message for e in batch):
            in_part_two.set()

    with Engine(EngineOptions(workers=1)) as engine:
        runner = threading.Thread(target=lambda: engine.run(make_plan(task, options, [src], out), on_events))
        runner.start()
        assert in_part_two.wait(120), "the second part never started"
        if how == "cancel-now":
            engine.cancel(now=True)
        else:
            for proc in worker_processes():
                proc.kill()  # as a crash would end it: no clean-up of any kind
        runner.join(60)
    [ended] = [e for e in events if isinstance(e, ItemCancelled | ItemFailed | ItemFinished)]
    assert isinstance(ended, ItemCancelled if how == "cancel-now" else ItemFailed), ended
    folder = out / ".film.mp4.bp-segments"
    record = manifest(folder)
    kept = record["done"]
    assert "0" in kept
    finished = [segment_name(int(i)) for i in kept]
    left = sorted(p.name for p in folder.iterdir() if p.name != sound_name(1) and not is_shared_file(p.name))
    assert left == sorted([MANIFEST, *finished]), "only finished parts: no half-written file"
    assert not owner_active(folder), "nobody holds the video's locks any more"
    assert not [p for p in out.rglob("*") if ".bp-part" in p.name], "no half-written file"

    again: list[Event] = []
    summary = run_plan(make_plan(task, options, [src], out), again.extend, EngineOptions(workers=1))
    assert summary.done == 1
    [done] = [e for e in again if isinstance(e, ItemFinished)]
    assert f"resumed: {len(kept)} of 2 segments kept from a stopped run" in done.message
    _same_length(out / "film.mp4")
    assert not folder.exists()


# ------------------------------------------------------------------------------ command line


def _cli(src: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "workers", "run", "encode", str(src), "--out", str(out), "--preset", "mp4-h264",
         "--set", "speed=faster", "--set", "resume_after=60", "--workers", "1", "--json"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)


def _progress_until(proc: subprocess.Popen[str], stop: float) -> list[float]:
    assert proc.stdout is not None
    fractions: list[float] = []
    for line in proc.stdout:
        record = json.loads(line)
        if record["event"] == "item_progress":
            fractions.append(record["fraction"])
            if record["fraction"] >= stop:
                return fractions
    raise AssertionError("the run ended before the stop")


@pytest.mark.slow
def test_the_command_line_resumes_a_killed_three_minute_encode(tmp_path: Path) -> None:
    src = tmp_path / "films"
    src.mkdir()
    film = media.make_long_clip(src / "film.mp4", 180.0, size=(640, 360), noise=6)
    out = tmp_path / "out"
    output = out / "film.mp4"
    folder = work_folder(output)

    start = time.monotonic()
    full = _cli(src, tmp_path / "full")
    full.communicate(timeout=600)
    full_seconds = time.monotonic() - start
    assert full.returncode == 0

    proc = _cli(src, out)
    _progress_until(proc, 0.6)
    proc.send_signal(signal.SIGKILL)  # power-cut style: no clean-up of any kind
    proc.communicate(timeout=60)
    kept = set(manifest(folder)["done"])
    count = len(manifest(folder)["cuts"])
    assert len(kept) >= count // 2

    start = time.monotonic()
    again = _cli(src, out)
    rest, err = again.communicate(timeout=600)
    resumed_seconds = time.monotonic() - start
    assert again.returncode == 0, err
    [finished] = [json.loads(x) for x in rest.splitlines() if '"item_finished"' in x]
    assert f"resumed: {len(kept)} of {count} segments kept from a stopped run" in finished["message"]
    messages = [json.loads(x).get("message", "") for x in rest.splitlines() if '"item_progress"' in x]
    redone = {int(m.split("(part ")[1].split(" of ")[0]) - 1 for m in messages if "(part " in m}
    assert redone == set(range(count)) - {int(i) for i in kept}
    print(f"\nfull encode {full_seconds:.1f} s, resumed after a kill at 60 %: {resumed_seconds:.1f} s "
          f"({resumed_seconds / full_seconds:.0%}); {len(kept)} of {count} parts kept")
    _same_length(output, frames=4500, seconds=180.0)
    assert not folder.exists()
    assert film.exists()


def test_subtitles_chapters_and_tags_come_along(tmp_path: Path) -> None:
    clip = media.make_clip(tmp_path / "talk.mkv", 12.0, subtitles=[(1.0, 3.0, "Hello"), (9.0, 11.0, "Bye")],
                           metadata={"title": "A talk"}, chapters=[(0.0, 6.0, "One"), (6.0, 12.0, "Two")],
                           language="fra")
    output = tmp_path / "talk.mp4"
    result, reports = encode(clip, output, settings(work_folder(output), segment_after=5, segment_seconds=4))
    assert parts_encoded(reports) == [1, 2, 3]
    info = media.probe(output)
    assert ("subtitle", "mov_text") in info["streams"] and info["languages"] == ["fra"]
    assert info["metadata"]["title"] == "A talk" and info["chapters"] == ["One", "Two"]
    assert abs(frame_count(output) - 300) <= 1 and abs(info["duration"] - 12.0) < 0.1
    assert result.notes == ["subtitle track #2 converted from srt to mov_text"]


def test_a_run_stopped_after_the_sound_keeps_it(clip: Path, tmp_path: Path) -> None:
    output = tmp_path / "long.mp4"
    folder = work_folder(output)
    s = settings(folder)
    killed_mid_segment(clip, output, s, stop=0.95)  # stops in the join, every part and the sound made
    record = manifest(folder)
    assert len(record["done"]) == 7 and set(record["sound"]) == {"1"}
    result, reports = encode(clip, output, s)
    assert parts_encoded(reports) == [] and not any("sound" in m for _, m in reports)
    assert result.notes == ["resumed: 7 of 7 segments kept from a stopped run"]
    _same_length(output)
