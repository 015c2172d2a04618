"""Benchmark: 720p clips -> MP4 H.264 (CRF 23, preset medium) + AAC 128 kbit/s; batchpilot
(2 workers) against the ffmpeg tool one clip at a time and HandBrakeCLI one clip at a time.

Two workloads, generated on the fly (seeded, so every run encodes the same pictures and sound)
and made once per folder:
  - camera (the default): six 10 s clips of 1280x720p30 as cameras and webcams write them, a
    moving pattern with film grain and ambient sound: three MPEG-4 part 2 in .mkv, three
    full-range MJPEG in .mov, sound as 16-bit PCM;
  - mixed: four H.264 + AAC clips of mixed length (12, 9, 6, 3 s), stored at a camera-like
    7-8 Mbit/s, so feeding the longest first matters.
Then it times, in the same run and alternating order:
  - ffmpeg: one clip at a time, its own threading (what a shell loop does), the command printed;
  - HandBrakeCLI: one clip at a time, filters off, same encoder settings;
  - batchpilot: ``batchpilot run encode`` with the mp4-h264 preset and 2 workers, a cold command
    line each round (start, spawn and imports in its time); each worker encodes with the threads its share of
    the cores allows, and the largest clip starts first.
Prints median and best wall times and median CPU times, ratios (peer / batchpilot: above 1 means
batchpilot is faster or spends less CPU; on a shared machine the best-of-rounds ratio is the
steadiest) and each peer's output size against batchpilot's, which shows the settings match
(the sizes should agree within 3 %).

    .venv/bin/python bench/encode.py                    # camera clips, 6 x 10 s, 3 rounds
    .venv/bin/python bench/encode.py --quick            # camera clips, 6 x 2 s, 1 round
    .venv/bin/python bench/encode.py --workload mixed   # 4 H.264 clips (12, 9, 6, 3 s)

With ``--long`` it times one long video instead (an H.264 + AAC camera-like clip, 1280x720p25 by
default), with all the cores given to that one file: batchpilot in one piece (the baseline of the
ratios), batchpilot in segments (resumable: ``resume_after`` below the clip's length, parts of
30 s joined without re-encoding) and the ffmpeg tool. Segments cost the keyframe scan, a keyframe
at every cut and the sound's own pass while joining; what they buy is a re-run after a crash that
encodes only the unfinished parts.

    .venv/bin/python bench/encode.py --long                         # 5 min at 720p, 3 rounds
    .venv/bin/python bench/encode.py --long --quick                 # 75 s at 320x180, 1 round
    .venv/bin/python bench/encode.py --long --seconds 120 --size 640x360

With ``--cluster`` it runs bench/encode_cluster.py: one long video on one worker against two
sharing its segments, on this computer and on a loopback Dask cluster (its options follow).

Peers come from Debian/Ubuntu packages: ``apt-get install ffmpeg handbrake-cli``; a missing
peer is skipped (and said so), the rest still runs.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import av
import av.filter

from bench.common import add_summary_option, batchpilot_command, print_race, race, race_headline, run_checked
from tests.media import filter_frames, make_clip, make_long_clip

WORKERS = 2
CRF, PRESET, AUDIO_KBPS = 23, "medium", 128
SIZE, FPS = (1280, 720), 30
SIZE_TOLERANCE = 0.03  # outputs of the same settings differ this much at most
GOAL = 1.05  # ffmpeg's wall time over batchpilot's that the camera workload aims at
# (clip seconds for the full run, for --quick)
WORKLOADS = {"camera": ((10,) * 6, (2,) * 6), "mixed": ((12, 9, 6, 3), (4, 2))}
CLIP_SUFFIXES = (".mkv", ".mov", ".mp4")
# The peer's command, one clip at a time (IN and OUT filled in).
FFMPEG = ["ffmpeg", "-i", "IN", "-c:v", "libx264", "-crf", str(CRF), "-preset", PRESET, "-pix_fmt", "yuv420p",
          "-c:a", "aac", "-b:a", f"{AUDIO_KBPS}k", "OUT"]
QUALITY_SCALE = 118  # FFmpeg's lambda per quantiser step: "qscale 3" is a global quality of 3 * 118


def camera_clip(path: Path, seconds: float, seed: int) -> Path:
    """A clip as a camera writes it: a moving pattern (its colours turned by ``seed``) under film
    grain seeded with ``seed``, and ambient noise for sound. MPEG-4 part 2 in .mkv (limited
    range), MJPEG in .mov (full range, yuvj420p, as webcams and photo cameras write it); PCM sound."""
    mjpeg = path.suffix == ".mov"
    pictures = [("testsrc2", f"size={SIZE[0]}x{SIZE[1]}:rate={FPS}:duration={seconds}"),
                ("hue", f"h={seed * 47 % 360}"), ("noise", f"alls=4:allf=t:all_seed={seed}")]
    pictures += [("scale", "out_range=full"), ("format", "yuvj420p")] if mjpeg else [("format", "yuv420p")]
    sound = [("anoisesrc", f"color=pink:amplitude=0.1:sample_rate=48000:duration={seconds}:seed={seed}"),
             ("aformat", "sample_fmts=s16:channel_layouts=stereo")]
    quality = 3 if mjpeg else 4
    with av.open(str(path), "w") as out:
        video: Any = out.add_stream("mjpeg" if mjpeg else "mpeg4", rate=FPS,
                                    options={"flags": "+qscale", "global_quality": str(quality * QUALITY_SCALE)})
        video.width, video.height = SIZE
        video.pix_fmt = "yuvj420p" if mjpeg else "yuv420p"
        if mjpeg:
            video.codec_context.color_range = 2  # full (JPEG) range
        audio: Any = out.add_stream("pcm_s16le", rate=48000)
        audio.layout = "stereo"
        for frame in filter_frames(pictures):
            out.mux(video.encode(frame))
        out.mux(video.encode(None))
        for frame in filter_frames(sound, audio=True):
            out.mux(audio.encode(frame))
        out.mux(audio.encode(None))
    return path


def generate(folder: Path, workload: str, seconds: tuple[int, ...]) -> list[Path]:
    """The workload's clips (made once per folder, reused by later runs)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, length in enumerate(seconds):
        if workload == "camera":
            path = folder / f"cam{n}-{length}s{'.mov' if n % 2 else '.mkv'}"
            if not path.exists():
                camera_clip(path, float(length), seed=n + 1)
        else:
            path = folder / f"clip{n}-{length}s.mp4"
            if not path.exists():
                # Grain keeps the encoder honest (a clean test pattern compresses to nothing);
                # CRF 20 veryfast makes a camera-like 7-8 Mbit/s source.
                make_clip(path, float(length), size=SIZE, fps=FPS, noise=3, channels=2,
                          video_options={"preset": "veryfast", "crf": "20"})
        paths.append(path)
    return paths


def ffmpeg_command(src: Path, out: Path) -> list[str]:
    return [str(src) if a == "IN" else str(out / f"{src.stem}.mp4") if a == "OUT" else a for a in FFMPEG]


def ffmpeg_serial(paths: list[Path], out: Path) -> None:
    for src in paths:
        command = ffmpeg_command(src, out)
        subprocess.run([command[0], "-nostdin", "-v", "error", "-y", *command[1:]], check=True)


def handbrake_serial(paths: list[Path], out: Path) -> None:
    for src in paths:
        # Settings given one by one (no preset), filters that would cost time switched off.
        subprocess.run(["HandBrakeCLI", "-i", str(src), "-o", str(out / f"{src.stem}.mp4"), "--format", "av_mp4",
                        "--optimize", "-e", "x264", "--encoder-preset", PRESET, "-q", str(CRF),
                        "--vfr", "-E", "av_aac", "-B", str(AUDIO_KBPS), "--mixdown", "stereo",
                        "--crop", "0:0:0:0", "--no-comb-detect", "--no-deinterlace", "--no-decomb",
                        "--no-detelecine", "--no-hqdn3d", "--no-nlmeans", "--no-deblock",
                        "--no-grayscale"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def ours_command(folder: Path, out: Path, *settings: str) -> list[str]:
    """batchpilot's command line for these settings, run cold (spawn and imports in its time)."""
    sets = [arg for s in (f"crf={CRF}", f"speed={PRESET}", f"audio_bitrate={AUDIO_KBPS}", *settings)
            for arg in ("--set", s)]
    return [*batchpilot_command(), "run", "encode", str(folder), "--out", str(out), "--preset", "mp4-h264",
            *sets, "--workers", str(WORKERS), "--on-exists", "overwrite"]


def batchpilot(folder: Path, out: Path) -> None:
    run_checked(ours_command(folder, out))


def batchpilot_long(folder: Path, out: Path, resume_after: int) -> None:
    """One long clip with the mp4-h264 preset; ``resume_after`` 0 encodes it in one piece."""
    run_checked(ours_command(folder, out, f"resume_after={resume_after}"))


def long_case(args: argparse.Namespace, work: Path) -> None:
    """One long video: segmented against one piece against the ffmpeg tool, all cores on it."""
    seconds = args.seconds or (75 if args.quick else 300)
    size = tuple(int(n) for n in (args.size or ("320x180" if args.quick else "1280x720")).split("x"))
    rounds = args.rounds or (1 if args.quick else 3)
    src = args.keep or work / "src"
    src.mkdir(parents=True, exist_ok=True)
    clip = src / f"long-{seconds}s-{size[0]}x{size[1]}.mp4"
    t0 = time.perf_counter()
    if not clip.exists():
        # Camera-like: keyframes every 2 s, grain so the encoder has work, sound along.
        make_long_clip(clip, float(seconds), size=(size[0], size[1]), noise=6, preset="veryfast")
    extra = [p for p in src.iterdir() if p.suffix in CLIP_SUFFIXES and p != clip]
    if extra:
        sys.exit(f"{src} holds other clips too; give --keep an empty folder or one for this case")
    print(f"one clip of {seconds} s at {size[0]}x{size[1]}p25, H.264 + AAC ({clip.stat().st_size / 2**20:.1f} MB) "
          f"ready in {time.perf_counter() - t0:.1f} s; {rounds} round(s), {os.cpu_count()} cores, "
          f"{WORKERS} workers (one file: it gets every core)")
    resume_after = max(1, min(60, seconds // 2))
    contenders: dict[str, Callable[[Path], None]] = {
        "one piece": lambda out: batchpilot_long(src, out, 0),
        "segments": lambda out: batchpilot_long(src, out, resume_after),
    }
    if shutil.which("ffmpeg"):
        contenders["ffmpeg"] = lambda out: ffmpeg_serial([clip], out)
        print(f"ffmpeg: {shlex.join(FFMPEG)}")
    else:
        print("ffmpeg not found: skipped (apt-get install ffmpeg)")
    result = race(contenders, rounds, work, output_bytes, say_rounds=True)
    print_race(result, "one piece", "CPU s", lambda s: f"{s:.2f}")
    base = result.sizes["one piece"]
    for name in contenders:
        if name != "one piece":
            print(f"output size {name} / one piece: {result.sizes[name] / base:.3f}")
    seg, one = statistics.median(result.times["segments"]), statistics.median(result.times["one piece"])
    print(f"segments cost {seg / one - 1:+.1%} wall time against one piece (medians, same run); "
          f"resume_after={resume_after} s, parts of 30 s")


def output_bytes(out: Path) -> int:
    return sum(p.stat().st_size for p in out.glob("*.mp4"))


def main() -> None:
    if "--cluster" in sys.argv:
        from bench import encode_cluster

        sys.argv.remove("--cluster")
        encode_cluster.main()
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workload", choices=sorted(WORKLOADS), default="camera",
                        help="camera: 6 MPEG-4/MJPEG clips with PCM sound; mixed: 4 H.264 clips of mixed length")
    parser.add_argument("--quick", action="store_true", help="shorter clips, 1 round")
    parser.add_argument("--rounds", type=int, default=0, help="timed rounds (default 3, quick 1)")
    parser.add_argument("--keep", type=Path, help="folder to keep the generated clips in between runs")
    parser.add_argument("--long", action="store_true",
                        help="one long video: segmented (resumable) against one piece against ffmpeg")
    parser.add_argument("--seconds", type=int, default=0, help="--long: the clip's length (default 300, quick 75)")
    parser.add_argument("--size", help="--long: the clip's size as WxH (default 1280x720, quick 320x180)")
    add_summary_option(parser)
    args = parser.parse_args()
    if args.long:
        work = Path(tempfile.mkdtemp(prefix="bp-bench-encode-long-"))
        try:
            long_case(args, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return
    full, quick = WORKLOADS[args.workload]
    lengths = quick if args.quick else full
    rounds = args.rounds or (1 if args.quick else 3)

    work = Path(tempfile.mkdtemp(prefix="bp-bench-encode-"))
    src = args.keep or work / "src"
    try:
        t0 = time.perf_counter()
        paths = generate(src, args.workload, lengths)
        extra = [p for p in src.iterdir() if p.suffix in CLIP_SUFFIXES and p not in paths]
        if extra:
            sys.exit(f"{src} holds other clips too; give --keep an empty folder or one of this workload and mode")
        megabytes = sum(p.stat().st_size for p in paths) / 2**20
        kinds = "MPEG-4 .mkv + MJPEG .mov, PCM sound" if args.workload == "camera" else "H.264 + AAC .mp4"
        print(f"{len(paths)} clips of {SIZE[0]}x{SIZE[1]}p{FPS}, {kinds} ({'+'.join(map(str, lengths))} s, "
              f"{megabytes:.1f} MB) ready in {time.perf_counter() - t0:.1f} s; {rounds} round(s), "
              f"{os.cpu_count()} cores")

        contenders: dict[str, Callable[[Path], None]] = {"batchpilot": lambda out: batchpilot(src, out)}
        if shutil.which("ffmpeg"):
            contenders["ffmpeg"] = lambda out: ffmpeg_serial(paths, out)
            print(f"ffmpeg, one clip at a time: {shlex.join(FFMPEG)}")
        else:
            print("ffmpeg not found: skipped (apt-get install ffmpeg)")
        if shutil.which("HandBrakeCLI"):
            contenders["HandBrakeCLI"] = lambda out: handbrake_serial(paths, out)
        else:
            print("HandBrakeCLI not found: skipped (apt-get install handbrake-cli)")

        result = race(contenders, rounds, work, output_bytes, say_rounds=True)
        print_race(result, "batchpilot", "CPU s", lambda seconds: f"{seconds:.2f}")
        ours = result.sizes["batchpilot"]
        for name in contenders:
            if name != "batchpilot":
                ratio = ours / result.sizes[name]
                verdict = "within" if abs(ratio - 1) <= SIZE_TOLERANCE else "OUTSIDE"
                print(f"output size batchpilot / {name}: {ratio:.3f} ({verdict} ±{SIZE_TOLERANCE:.0%})")
        if "ffmpeg" in contenders:
            what = ("camera-like clips (MPEG-4/MJPEG + PCM)" if args.workload == "camera"
                    else "H.264 + AAC clips of mixed length")
            race_headline(args.summary, result, "batchpilot", "ffmpeg",
                          f"encode: {len(paths)} {what}, {SIZE[0]}x{SIZE[1]} -> H.264 CRF {CRF} {PRESET} + AAC "
                          f"{AUDIO_KBPS}k .mp4", shlex.join(FFMPEG) + ", one clip at a time", GOAL)
        if "ffmpeg" in contenders and args.workload == "camera":
            speed = min(result.times["ffmpeg"]) / min(result.times["batchpilot"])
            print(f"goal: batchpilot at least {GOAL:.2f}x ffmpeg's speed (best rounds): {speed:.2f}x, "
                  f"{'met' if speed >= GOAL else 'missed'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
