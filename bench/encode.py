"""Benchmark: 720p clips -> MP4 H.264 (CRF 23, preset medium) + AAC 128 kbit/s; batchpilot
(2 workers) against the ffmpeg tool one clip at a time and HandBrakeCLI one clip at a time.

Generates 720p30 clips of mixed length (a moving test pattern with film grain and a tone,
stored as high-bitrate H.264 + AAC as a camera would) once, then times, in the same run and
alternating order:
  - ffmpeg: one clip at a time, its own threading (what a shell loop does);
  - HandBrakeCLI: one clip at a time, filters off, same encoder settings;
  - batchpilot: ``run_plan`` with the encode task's mp4-h264 preset on a fresh 2-worker pool
    (spawn included, as the CLI runs it); each worker encodes with the threads its share of
    the cores allows, and the largest clip starts first.
Prints median and best wall times and median CPU times, ratios (peer / batchpilot: above 1 means
batchpilot is faster or spends less CPU; on a shared machine the best-of-rounds ratio is the
steadiest) and the output sizes, which show that the settings match.

    .venv/bin/python bench/encode.py            # 4 clips (12, 9, 6, 3 s), 3 rounds
    .venv/bin/python bench/encode.py --quick    # 2 clips (4, 2 s), 1 round

Peers come from Debian/Ubuntu packages: ``apt-get install ffmpeg handbrake-cli``; a missing
peer is skipped (and said so), the rest still runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import print_race, race
from tests.media import make_clip
from workers.engine import EngineOptions, run_plan
from workers.plan import OutputPolicy, make_plan
from workers.registry import load_task
from workers.task import build_options

WORKERS = 2
CRF, PRESET, AUDIO_KBPS = 23, "medium", 128
FULL = (12, 9, 6, 3)
QUICK = (4, 2)


def generate(folder: Path, seconds: tuple[int, ...]) -> list[Path]:
    """720p30 clips of the given lengths (made once per folder, reused by later runs)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, length in enumerate(seconds):
        path = folder / f"clip{n}-{length}s.mp4"
        if not path.exists():
            # Grain keeps the encoder honest (a clean test pattern compresses to nothing);
            # CRF 20 veryfast makes a camera-like 7-8 Mbit/s source.
            make_clip(path, float(length), size=(1280, 720), fps=30, noise=3, channels=2,
                      video_options={"preset": "veryfast", "crf": "20"})
        paths.append(path)
    return paths


def ffmpeg_serial(paths: list[Path], out: Path) -> None:
    for src in paths:
        subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", str(src),
                        "-c:v", "libx264", "-preset", PRESET, "-crf", str(CRF),
                        "-c:a", "aac", "-b:a", f"{AUDIO_KBPS}k", "-movflags", "+faststart",
                        str(out / src.name)], check=True)


def handbrake_serial(paths: list[Path], out: Path) -> None:
    for src in paths:
        # Settings given one by one (no preset), filters that would cost time switched off.
        subprocess.run(["HandBrakeCLI", "-i", str(src), "-o", str(out / src.name), "--format", "av_mp4",
                        "--optimize", "-e", "x264", "--encoder-preset", PRESET, "-q", str(CRF),
                        "--vfr", "-E", "av_aac", "-B", str(AUDIO_KBPS), "--mixdown", "stereo",
                        "--crop", "0:0:0:0", "--no-comb-detect", "--no-deinterlace", "--no-decomb",
                        "--no-detelecine", "--no-hqdn3d", "--no-nlmeans", "--no-deblock",
                        "--no-grayscale"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def batchpilot(folder: Path, out: Path) -> None:
    task = load_task("encode")
    options = build_options(task, {"crf": CRF, "speed": PRESET, "audio_bitrate": AUDIO_KBPS},
                            preset="mp4-h264")
    plan = make_plan(task, options, [folder], out, OutputPolicy.OVERWRITE)
    summary = run_plan(plan, None, EngineOptions(workers=WORKERS))
    if summary.failed or summary.done != len(plan.items):
        raise RuntimeError(f"batchpilot: {summary.failed} failed: {summary.failures[:1]}")


def output_bytes(out: Path) -> int:
    return sum(p.stat().st_size for p in out.glob("*.mp4"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 short clips, 1 round")
    parser.add_argument("--rounds", type=int, default=0, help="timed rounds (default 3, quick 1)")
    parser.add_argument("--keep", type=Path, help="folder to keep the generated clips in between runs")
    args = parser.parse_args()
    lengths = QUICK if args.quick else FULL
    rounds = args.rounds or (1 if args.quick else 3)

    work = Path(tempfile.mkdtemp(prefix="bp-bench-encode-"))
    src = args.keep or work / "src"
    try:
        t0 = time.perf_counter()
        paths = generate(src, lengths)
        extra = [p for p in src.glob("*.mp4") if p not in paths]
        if extra:
            sys.exit(f"{src} holds other clips too; give --keep an empty folder or one of this mode")
        megabytes = sum(p.stat().st_size for p in paths) / 2**20
        print(f"{len(paths)} clips of 1280x720p30 ({'+'.join(map(str, lengths))} s, {megabytes:.1f} MB) "
              f"ready in {time.perf_counter() - t0:.1f} s; {rounds} round(s), {os.cpu_count()} cores")

        contenders: dict[str, Callable[[Path], None]] = {"batchpilot": lambda out: batchpilot(src, out)}
        if shutil.which("ffmpeg"):
            contenders["ffmpeg"] = lambda out: ffmpeg_serial(paths, out)
        else:
            print("ffmpeg not found: skipped (apt-get install ffmpeg)")
        if shutil.which("HandBrakeCLI"):
            contenders["HandBrakeCLI"] = lambda out: handbrake_serial(paths, out)
        else:
            print("HandBrakeCLI not found: skipped (apt-get install handbrake-cli)")

        result = race(contenders, rounds, work, output_bytes, say_rounds=True)
        print_race(result, "batchpilot", "CPU s", lambda seconds: f"{seconds:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
