"""On a loopback Dask cluster, a long video left alone at the end of a batch is encoded by every
spare worker at once: its segments are shared out through the work folder beside the output."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import media
from tests.encode.segment_support import frame_count
from workers.engine import EngineOptions
from workers.events import Event, ItemFinished, ItemProgress, WorkerLost
from workers.plan import make_plan
from workers.task import build_options
from workers.tasks.encode import EncodeTask

pytestmark = pytest.mark.slow


@pytest.fixture
def engine(dask_url: str) -> Iterator[Any]:
    from workers.dask_backend import connect

    eng = connect(dask_url, EngineOptions(deliver_seconds=0.02), timeout=10)
    eng.client.wait_for_workers(2, timeout=30)
    yield eng
    eng.close()


def test_spare_cluster_workers_encode_segments_of_a_long_video(engine: Any, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    media.make_long_clip(src / "film.mp4", 100.0, size=(256, 144))
    task = EncodeTask()
    options = build_options(task, {"resume_after": 60, "speed": "medium", "threads": 1}, preset="mp4-h264")
    events: list[Event] = []
    summary = engine.run(make_plan(task, options, [src], tmp_path / "out"), events.extend)
    assert summary.done == 1, summary
    [done] = [e for e in events if isinstance(e, ItemFinished)]
    assert "segments were encoded by other workers at the same time" in done.message, done.message
    fractions = [e.fraction for e in events if isinstance(e, ItemProgress)]
    assert fractions == sorted(fractions), "one bar for the file, never going back"
    assert abs(frame_count(tmp_path / "out" / "film.mp4") - frame_count(src / "film.mp4")) <= 1
    assert not (tmp_path / "out" / ".film.mp4.bp-segments").exists()
    assert not [e for e in events if isinstance(e, WorkerLost)]
