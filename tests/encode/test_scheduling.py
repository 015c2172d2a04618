"""An encoder must not leave the worker running ahead of the desktop."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.media import make_clip
from workers.registry import load_task
from workers.task import build_options
from workers.tasks.encode import av_settings
from workers.tasks.media_av import transcode

pytestmark = pytest.mark.skipif(not hasattr(os, "sched_getscheduler"), reason="no scheduling policies here")


def test_an_av1_encode_leaves_the_scheduling_as_it_was(tmp_path: Path) -> None:
    # Run as root, SVT-AV1 makes the thread that opens it SCHED_FIFO at priority 99 (as a user
    # it cannot): every later item of that worker, and the threads it starts, would run real-time.
    clip = make_clip(tmp_path / "clip.mp4", 1.0, size=(64, 48))
    before = os.sched_getscheduler(0), os.sched_getparam(0)
    options = build_options(load_task("encode"), {"video_format": "mkv-av1", "speed": "ultrafast"})
    transcode(str(clip), tmp_path / "clip.mkv", av_settings(options, 1), lambda fraction, message="": None)
    assert (os.sched_getscheduler(0), os.sched_getparam(0)) == before
