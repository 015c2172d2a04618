"""The overall numbers and which buttons are available when: plain objects, no window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence

from app import text
from app.controls import Counts, RunState, create_actions, enabled
from app.overall import Overall
from workers.events import ItemFailed, ItemFinished, ItemProgress, ItemSkipped, ItemStarted
from workers.plan import SourceFile, make_plan
from workers.task import build_options


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _plan(tmp_path: Path, faulty_task, sizes: list[int]):
    sources = [SourceFile(str(tmp_path / f"f{i}"), str(tmp_path), f"f{i}", s) for i, s in enumerate(sizes)]
    return make_plan(faulty_task, build_options(faulty_task), [str(tmp_path)], tmp_path / "out", sources=sources)


def test_progress_is_weighted_by_bytes_and_speed_waits_for_data(tmp_path, faulty_task):
    clock = Clock()
    overall = Overall(clock)
    plan = _plan(tmp_path, faulty_task, [90_000_000, 10_000_000])
    big, small = (w.id for w in plan.items)
    overall.begin(plan)
    clock.now += 0.5
    overall.apply([ItemStarted(small, 0), ItemFinished(small)])
    assert overall.fraction() == 0.1  # the small file is a tenth of the bytes, not half the files
    assert overall.summary() == "1 of 2 files"  # half a second is no basis for a speed or an ETA

    overall.apply([ItemStarted(big, 0)])
    clock.now += 2.0
    overall.apply([ItemProgress(big, 0.5)])
    assert overall.fraction() == 0.55
    # 55 MB in 2.5 s = 22 MB/s, 45 MB left -> about 2 s
    assert overall.summary() == "1 of 2 files · 22 MB/s · 2 s left"
    overall.paused = True
    assert overall.summary() == "1 of 2 files · paused"
    overall.paused = False
    clock.now += 1.0
    overall.apply([ItemFailed(big, "broken")])
    overall.finish()
    assert overall.fraction() == 1.0
    assert overall.summary() == "2 of 2 files · 1 failed · took 3.5 s"


def test_speed_forgets_the_distant_past(tmp_path, faulty_task):
    clock = Clock()
    overall = Overall(clock)
    plan = _plan(tmp_path, faulty_task, [1_000_000] * 100)
    overall.begin(plan)
    ids = [w.id for w in plan.items]
    for i in ids[:50]:  # fast at first: 10 MB/s
        clock.now += 0.1
        overall.apply([ItemStarted(i, 0), ItemFinished(i)])
    for i in ids[50:60]:  # then slow: 0.1 MB/s for 100 s
        clock.now += 10
        overall.apply([ItemStarted(i, 0), ItemFinished(i)])
    speed = overall.speed()
    assert speed is not None and speed < 200_000  # the early burst no longer counts


def test_files_of_zero_bytes_count_as_files(tmp_path, faulty_task):
    overall = Overall(Clock())
    plan = _plan(tmp_path, faulty_task, [0, 0, 0, 0])
    overall.begin(plan)
    overall.apply([ItemFinished(plan.items[0].id), ItemSkipped(plan.items[1].id, "empty")])
    assert overall.fraction() == 0.5


def test_buttons_follow_the_state():
    ended = Counts(rows=10, runnable=0, failed=2, finished=3, has_output=True, shown_ended=True,
                   shown_is_draft=False)
    idle = enabled(RunState.IDLE, ended)
    assert idle["retry_failed"] and idle["run_again"] and not idle["pause"] and not idle["cancel"]
    assert not idle["start"] and not idle["clear_list"]  # nothing new to run
    # A new job can be queued and started while another runs; pause and cancel act on the running one.
    drafting = Counts(rows=4, runnable=4, shown_is_draft=True)
    running = enabled(RunState.RUNNING, drafting)
    assert running["pause"] and running["hold"] and running["cancel"]
    assert running["start"] and running["add_to_queue"] and running["clear_list"]
    assert enabled(RunState.PAUSED, drafting)["pause"] and not enabled(RunState.PAUSED, drafting)["hold"]
    assert not enabled(RunState.CANCELLING, drafting)["cancel"]
    assert not enabled(RunState.IDLE, Counts())["start"]
    assert not enabled(RunState.IDLE, Counts(rows=1, runnable=1, has_task=False))["start"]
    assert not enabled(RunState.IDLE, Counts(rows=1, runnable=1, scanning=True))["start"]
    # Queued jobs and nothing new: Start starts the queue, unless it runs already.
    assert enabled(RunState.IDLE, Counts(waiting_jobs=2))["start"]
    assert not enabled(RunState.RUNNING, Counts(waiting_jobs=2, queue_started=True))["start"]


def test_the_agreed_shortcuts(qtbot):
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    a = create_actions(owner)

    def keys(action) -> set[str]:
        return {k.toString() for k in action.shortcuts()}

    assert "Ctrl+O" in keys(a.add_files)
    assert keys(a.add_folder) == {"Ctrl+Shift+O"}
    assert "Ctrl+Return" in keys(a.start)
    assert keys(a.pause) == {"Ctrl+P"}
    assert keys(a.cancel) == {"Esc"}
    assert keys(a.retry_failed) == {"Ctrl+R"}
    assert "Ctrl+Shift+Return" in keys(a.add_to_queue)
    assert "Ctrl+Q" in keys(a.quit)
    assert "F1" in keys(a.help)
    every = [k for action in a.all() for k in action.shortcuts()]
    assert len(every) == len({k.toString(QKeySequence.SequenceFormat.PortableText) for k in every})


def test_numbers_read_naturally():
    assert text.count(1234) == "1,234"
    assert text.size(840) == "840 B" and text.size(1_234_567) == "1.2 MB"
    assert text.speed(84_000_000) == "84 MB/s" and text.speed(1_500_000) == "1.5 MB/s"
    assert text.time_left(125) == "2 min left" and text.time_left(3700) == "1 h 01 min left"
    assert text.duration(3.25) == "3.2 s" and text.duration(185) == "3 min 05 s"
