"""Subtitle tracks: copied as they are when the new container takes them, else converted.

Matroska takes nearly every subtitle format; MP4 takes only mov_text and WebM only WebVTT.
Text subtitles (SubRip, ASS, WebVTT, mov_text) are converted through FFmpeg's ASS-based
subtitle codecs; picture subtitles (DVD, Blu-ray) cannot become text, so they are left out
with a note saying so.
"""

from __future__ import annotations

from typing import Any

import av
from av.subtitles.subtitle import SubtitleSet

# FFmpeg's text subtitle encoders want an ASS header to know the styles; this is the usual default.
_ASS_HEADER = (
    b"[Script Info]\nScriptType: v4.00+\nPlayResX: 384\nPlayResY: 288\n\n"
    b"[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
    b"BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, "
    b"Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
    b"Style: Default,Arial,16,&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,0\n\n"
    b"[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n\n"
)
# The text format each container takes when the source's own cannot be copied.
_TEXT_TARGET = {"mp4": "mov_text", "ipod": "mov_text", "mov": "mov_text", "webm": "webvtt"}


class SubtitleLane:
    """One subtitle track of the output, fed with the source's packets."""

    kind = "subtitle"

    def __init__(self, ist: Any, ost: Any, offset: int, convert: bool) -> None:
        self.ist = ist
        self.ost = ost
        self.offset = offset
        self.convert = convert
        self.end = 0.0  # seconds: a last cue may outlast the picture, and the file with it

    def take(self, packet: Any) -> list[Any]:
        """Packets for the output from one source packet (none for the end-of-stream marker)."""
        if packet.pts is None or not packet.size:
            return []
        pts = packet.pts - self.offset
        if pts < 0:
            return []
        duration = packet.duration
        if packet.time_base:
            self.end = max(self.end, float((pts + (duration or 0)) * packet.time_base))
        if not self.convert:
            packet.pts = packet.dts = pts
            packet.stream = self.ost
            return [packet]
        subtitle = self.ist.decode2(packet)
        if subtitle is None:
            return []
        out = []
        for rect in subtitle:
            if rect.type not in (b"ass", b"text"):
                continue
            shown_ms = subtitle.end_display_time - subtitle.start_display_time
            line = SubtitleSet.create(rect.ass, 0, max(shown_ms, 1))
            new = self.ost.codec_context.encode_subtitle(line)
            new.pts = new.dts = pts
            if duration:
                new.duration = duration
            new.time_base = self.ist.time_base
            new.stream = self.ost
            out.append(new)
        return out

    def flush(self) -> list[Any]:
        return []


def subtitle_lane(out: Any, ist: Any, offset: int) -> tuple[SubtitleLane | None, str | None]:
    """A lane for the subtitle stream ``ist`` in ``out``, or None and a note saying why not."""
    codec = ist.codec_context.name
    lang = ist.metadata.get("language") or f"#{ist.index}"
    if codec in out.supported_codecs:
        ost = out.add_stream_from_template(ist)
        return SubtitleLane(ist, ost, offset, convert=False), None
    target = _TEXT_TARGET.get(out.format.name.split(",")[0])
    if target is None or not ist.codec.text_sub:
        return None, f"subtitle track {lang} ({codec}) cannot be stored in this format; left out"
    try:
        ost = out.add_stream(target)
        ost.codec_context.subtitle_header = ist.codec_context.subtitle_header or _ASS_HEADER
        ost.codec_context.time_base = ist.time_base
        if ist.metadata.get("language"):
            ost.metadata["language"] = ist.metadata["language"]
    except (av.FFmpegError, ValueError) as exc:
        return None, f"subtitle track {lang} ({codec}) could not be converted ({exc}); left out"
    note = f"subtitle track {lang} converted from {codec} to {target}"
    return SubtitleLane(ist, ost, offset, convert=True), note
