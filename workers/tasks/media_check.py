"""Plain-words reasons for FFmpeg failures, and the check that an encoded file really plays.

FFmpeg's own errors ("Invalid data found when processing input") say little; the line the
demuxer or decoder logged just before ("moov atom not found") says what happened. We keep
that line as the technical detail and put a sentence a person can act on in front of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import av
import av.logging

from workers.task import ItemError

# (substring of an FFmpeg log line or error, what it means for the person holding the file)
_KNOWN_CAUSES: tuple[tuple[str, str], ...] = (
    ("moov atom not found", "its MP4/MOV index is missing, so the file is incomplete "
                            "(an interrupted recording, download or copy)"),
    ("file ended prematurely", "the file is cut short (an interrupted download or copy)"),
    ("partial file", "the file is cut short (an interrupted download or copy)"),
    ("packet corrupt", "part of the file is damaged or missing"),
    ("input buffer exhausted", "the file is cut short or damaged"),
    ("ebml header parsing failed", "it is not a valid Matroska/WebM file"),
    ("invalid data found when processing input",
     "it is not a media file FFmpeg can read, or it is badly damaged"),
    ("end of file", "the file is cut short"),
    ("permission denied", "it cannot be opened (permission denied)"),
)
# Log lines that mean the demuxer hit the end of a cut-short file even if decoding went on.
# ("Packet corrupt" is damage, not an end: such packets are skipped and counted instead.)
TRUNCATION_MARKS = ("file ended prematurely", "partial file")
ADVICE = "Re-copy or re-download the file, or check that it plays in a media player."


def clock(seconds: float) -> str:
    """0:07, 1:02:03: how a player shows a position."""
    whole = max(0, int(seconds))
    h, rest = divmod(whole, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _log_lines(logs: Sequence[tuple[int, str, str]], level: int) -> list[str]:
    out = []
    for lvl, name, message in logs:
        if lvl <= level and message.strip():
            out.append(f"{name}: {message.strip()}" if name else message.strip())
    return out


def ffmpeg_detail(exc: BaseException | None, logs: Sequence[tuple[int, str, str]]) -> str:
    """The most telling technical line: the last error FFmpeg logged, else the exception text."""
    lines = _log_lines(logs, av.logging.ERROR) or _log_lines(logs, av.logging.WARNING)
    if lines:
        return lines[-1]
    if isinstance(exc, av.FFmpegError):
        return exc.strerror or str(exc)
    return str(exc) if exc is not None else "no reason given"


def plain_cause(exc: BaseException | None, logs: Sequence[tuple[int, str, str]]) -> str:
    """What the failure means, in words; falls back to a generic sentence."""
    texts = [m.lower() for _, _, m in logs]
    if exc is not None:
        texts.append(str(exc).lower())
    for needle, meaning in _KNOWN_CAUSES:
        if any(needle in t for t in texts):
            return meaning
    return "FFmpeg could not read it (damaged, cut short, or a format it does not know)"


def read_failure(name: str, exc: BaseException | None, logs: Sequence[tuple[int, str, str]]) -> str:
    """The reason shown for a source that cannot be opened at all."""
    return f"cannot read {name}: {plain_cause(exc, logs)} [{ffmpeg_detail(exc, logs)}]. {ADVICE}"


def damaged_at(name: str, position: float, exc: BaseException | None,
               logs: Sequence[tuple[int, str, str]]) -> str:
    """The reason shown for a source that fails part-way through."""
    return (f"{name} is damaged or cut short near {clock(position)}: {plain_cause(exc, logs)} "
            f"[{ffmpeg_detail(exc, logs)}]. {ADVICE}")


def truncation_mark(logs: Sequence[tuple[int, str, str]]) -> str | None:
    """The demuxer's line saying the file ended early, if it logged one."""
    for lvl, name, message in logs:
        low = message.lower()
        if lvl <= av.logging.WARNING and any(mark in low for mark in TRUNCATION_MARKS):
            return f"{name}: {message.strip()}" if name else message.strip()
    return None


def duration_tolerance(seconds: float) -> float:
    # Encoder priming and padding (AAC 1024 samples, MP3 up to ~2300, Opus 312) and a last
    # video frame's length stay well inside this.
    return max(0.25, 0.02 * seconds)


def verify_media(path: Path, name: str, kinds: Sequence[str], expected_seconds: float,
                 longest_seconds: float = 0.0) -> dict[str, Any]:
    """Open an encoded file, decode its first frames and its end, compare its duration.

    ``longest_seconds`` allows for subtitle cues that outlast the sound and picture (Matroska
    counts them in the file's length, MP4 does not). Raises ItemError naming what is wrong;
    returns a few facts for the item's result.
    """
    try:
        container = av.open(str(path))
    except av.FFmpegError as exc:
        raise ItemError(f"the encoded file for {name} does not open ({exc}); it was not kept") from None
    with container:
        streams = {kind: [s for s in container.streams if s.type == kind] for kind in kinds}
        missing = [kind for kind, found in streams.items() if not found]
        if missing:
            raise ItemError(f"the encoded file for {name} has no {missing[0]} stream; it was not kept")
        main = streams["video"][0] if "video" in streams else streams["audio"][0]
        seconds = container.duration / 1e6 if container.duration else 0.0
        longest = max(expected_seconds, longest_seconds)
        tolerance = duration_tolerance(longest)
        if not expected_seconds - tolerance <= seconds <= longest + tolerance:
            raise ItemError(f"the encoded file for {name} lasts {seconds:.2f} s but the source "
                            f"{expected_seconds:.2f} s; it was not kept")
        try:
            problem = _first_frames_missing(container, [s[0] for s in streams.values()])
            problem = problem or _last_frames_missing(container, main, seconds)
        except av.FFmpegError as exc:
            problem = str(exc)
        if problem:
            raise ItemError(f"the encoded file for {name} does not decode ({problem}); it was not kept")
        facts: dict[str, Any] = {"duration": round(seconds, 3)}
        if "video" in streams:
            v: Any = streams["video"][0].codec_context
            facts.update(width=v.width, height=v.height)
        return facts


def _first_frames_missing(container: Any, streams: list[Any]) -> str | None:
    waiting = {s.index for s in streams}
    for packet in container.demux(streams):
        if packet.stream.index in waiting and packet.decode():
            waiting.discard(packet.stream.index)
        if not waiting:
            return None
    return "a stream has no frame that decodes"


def _last_frames_missing(container: Any, stream: Any, seconds: float) -> str | None:
    # Seek a little before the end: frames there prove the file was written to the end.
    target = max(0.0, seconds - 1.0)
    container.seek(int(target / stream.time_base), stream=stream, backward=True)
    for packet in container.demux(stream):
        if packet.decode():
            return None
    return "its last second has no frame that decodes"
