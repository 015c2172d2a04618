"""Helpers for the segmented-encode tests: settings, a run in this process, a run in a child
process that stops mid-segment and waits to be killed, and picture comparison (PSNR).

Run as a module it is that child: ``python -m tests.encode.segment_support SOURCE OUTPUT FOLDER
STOP [named]`` encodes SOURCE, prints each progress fraction on a line, and once the bar passes
STOP prints "stopped" and waits for a line on its input (the test kills it there, inside a
segment or, past the parts, inside the join). With "named",
segments are written under partial names, as on systems without unnamed files.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import av

from workers.tasks.encode import EncodeOptions, Format, Speed, av_settings
from workers.tasks.media_lanes import AvSettings

ROOT = Path(__file__).resolve().parent.parent.parent


def settings(folder: Path, fmt: Format = Format.MP4_H264, segment_after: float = 10.0,
             segment_seconds: float = 5.0, threads: int = 1, **options: Any) -> AvSettings:
    """The settings the encode task would pass, with a low threshold and short segments."""
    options.setdefault("speed", Speed.VERYFAST)
    base = av_settings(EncodeOptions(**options), threads, fmt)
    return dataclasses.replace(base, segment_after=segment_after, segment_dir=str(folder),
                               segment_seconds=segment_seconds)


def work_folder(output: Path) -> Path:
    return output.with_name(f".{output.name}.bp-segments")


def encode(source: Path, output: Path, s: AvSettings) -> tuple[Any, list[tuple[float, str]]]:
    from workers.tasks.media_av import output_kept, transcode

    reports: list[tuple[float, str]] = []
    result = transcode(str(source), output, s, lambda f, m="": reports.append((f, m)))
    output_kept(result)  # written in place here, as the encode task's rename would put it
    return result, reports


def parts_encoded(reports: list[tuple[float, str]]) -> list[int]:
    """Which segments a run encoded, from its progress messages ("... (part 3 of 8)")."""
    seen: list[int] = []
    for _, message in reports:
        if "(part " in message:
            n = int(message.split("(part ")[1].split(" of ")[0])
            if not seen or seen[-1] != n:
                seen.append(n)
    return seen


def manifest(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "manifest.json").read_text())


def killed_mid_segment(source: Path, output: Path, s: AvSettings, stop: float = 0.6,
                       named: bool = False) -> list[float]:
    """Encode in a child process and kill it (SIGKILL, as cancel-now does) once its bar passes
    ``stop``, while it is inside a segment; returns the fractions it reported."""
    settings_file = output.with_name("settings.json")
    settings_file.write_text(json.dumps(dataclasses.asdict(s)))
    args = [sys.executable, "-m", "tests.encode.segment_support", str(source), str(output),
            str(settings_file), str(stop)] + (["named"] if named else [])
    proc = subprocess.Popen(args, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    fractions: list[float] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == "stopped":
            break
        fractions.append(float(line))
    else:
        proc.wait(60)
        raise AssertionError(f"the encode ended before it was stopped: {proc.stderr.read() if proc.stderr else ''}")
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    return fractions


def _child(argv: list[str]) -> None:
    from workers.tasks import media_segments
    from workers.tasks.media_av import transcode

    source, output, settings_file, stop = argv[:4]
    if "named" in argv[4:]:
        media_segments._unnamed_file = lambda folder: None
    s = AvSettings(**json.loads(Path(settings_file).read_text()))

    def report(fraction: float, message: str = "") -> None:
        print(fraction, flush=True)
        if fraction >= float(stop) and ("(part " in message or message.startswith("joining")):
            print("stopped", flush=True)
            sys.stdin.readline()  # killed while waiting here, in the middle of a segment

    transcode(source, Path(output), s, report)


# ------------------------------------------------------------------------------------ pictures


def luma_planes(path: Path) -> list[bytes]:
    """Every frame's Y plane, tightly packed, in presentation order."""
    planes = []
    with av.open(str(path)) as c:
        for frame in c.decode(c.streams.video[0]):
            plane = frame.planes[0]
            w, h, stride = plane.width, plane.height, plane.line_size
            raw = bytes(plane)
            planes.append(b"".join(raw[y * stride:y * stride + w] for y in range(h)))
    return planes


def psnr(a: bytes, b: bytes) -> float:
    error = sum((x - y) * (x - y) for x, y in zip(a, b, strict=True)) / len(a)
    return math.inf if error == 0 else 10 * math.log10(255 * 255 / error)


def frame_count(path: Path) -> int:
    with av.open(str(path)) as c:
        return sum(1 for p in c.demux(c.streams.video[0]) if p.size)


def start_times(path: Path) -> dict[str, float]:
    with av.open(str(path)) as c:
        return {s.type: float(s.start_time * s.time_base) for s in c.streams
                if s.start_time is not None and s.time_base}


if __name__ == "__main__":
    _child(sys.argv[1:])
