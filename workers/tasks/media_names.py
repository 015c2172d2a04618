"""The picture size of a source, for output name templates ({width}, {height}).

Read at plan time, and only when a template uses those fields: a picture's header through Pillow
(the pixels are not decoded), a video's first picture stream through PyAV (the container is opened,
nothing is decoded). A sound file has no picture size: its cover art does not count.
"""

from __future__ import annotations

import os
from pathlib import Path


def _picture(path: Path) -> dict[str, int] | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as picture:
            width, height = picture.size
    except (UnidentifiedImageError, Image.DecompressionBombError):
        return None
    return {"width": width, "height": height}


def _video(path: Path) -> dict[str, int]:
    import av

    try:
        container = av.open(os.fspath(path), metadata_errors="ignore")
    except av.FFmpegError:
        return {}
    with container:
        for stream in container.streams.video:
            if stream.disposition & av.stream.Disposition.attached_pic:
                continue  # a sound file's cover art
            width, height = stream.codec_context.width, stream.codec_context.height
            if width and height:
                return {"width": width, "height": height}
    return {}


def picture_size(path: Path) -> dict[str, int]:
    """``{"width": w, "height": h}`` of a picture or a video; {} for a file without a picture (sound,
    or nothing either library reads). An unreadable file raises OSError."""
    path = Path(path)
    with open(path, "rb"):  # a missing or unreadable file says so, rather than "no picture"
        pass
    return _picture(path) or _video(path)


__all__ = ["picture_size"]
