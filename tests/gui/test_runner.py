"""The job runner on its own: no window, a stand-in engine behind the real bridge."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bridge import EngineBridge, EngineChoice
from app.controls import RunState
from app.file_row import Status
from app.job_model import JobModel
from app.job_runner import JobRunner, JobSettings
from app.overall import Overall
from tests.gui.synthetic import SyntheticEngine
from workers.plan import OutputPolicy, SourceFile
from workers.task import build_options


@pytest.fixture
def runner(qtbot, tmp_path: Path, faulty_task):
    engine = SyntheticEngine(per_batch=40, interval=0.01)
    engine.runs = 0  # type: ignore[attr-defined]
    real_run = engine.run

    def counting_run(plan, on_events=None):
        engine.runs += 1  # type: ignore[attr-defined]
        return real_run(plan, on_events)

    engine.run = counting_run  # type: ignore[method-assign]
    model = JobModel()
    bridge = EngineBridge(lambda choice: engine)
    runner = JobRunner(model, Overall(), bridge)
    model.add_entries(SourceFile(str(tmp_path / f"f{i}.txt"), str(tmp_path), f"f{i}.txt", 10) for i in range(30))
    job = JobSettings(faulty_task, build_options(faulty_task), str(tmp_path / "out"), OutputPolicy.SKIP,
                      EngineChoice(workers=1))
    yield runner, engine, job
    runner.stop()


def test_a_job_goes_through_its_states(qtbot, runner, tmp_path):
    runner, _, job = runner
    states: list[RunState] = []
    runner.state_changed.connect(states.append)
    with qtbot.waitSignal(runner.ended, timeout=30_000) as ended:
        assert runner.start(job, [str(tmp_path)]) == 30
    assert states == [RunState.PLANNING, RunState.RUNNING, RunState.IDLE]
    assert ended.args[0].done == 30
    assert runner.model.count(Status.DONE) == 30
    assert runner.overall.fraction() == 1.0
    assert runner.start(job, [str(tmp_path)]) == 0  # nothing is waiting any more


def test_cancel_before_planning_starts_runs_nothing(qtbot, runner, tmp_path):
    runner, engine, job = runner
    with qtbot.waitSignal(runner.ended, timeout=30_000) as ended:
        runner.start(job, [str(tmp_path)])
        runner.cancel(now=False)  # within the same turn of the event loop as Start
    assert ended.args[0].cancelled_by_user
    assert engine.runs == 0
    assert runner.state is RunState.IDLE
    assert runner.model.count(Status.WAITING) == 30  # untouched: they can be started again


class BrokenOnce(SyntheticEngine):
    """An engine whose first run breaks the way a bug or a lost connection would."""

    made = 0

    def __init__(self) -> None:
        super().__init__(per_batch=40, interval=0.01)
        BrokenOnce.made += 1
        self.closed = False

    def run(self, plan, on_events=None):
        if BrokenOnce.made == 1:
            raise ConnectionError("the scheduler went away")
        return super().run(plan, on_events)

    def close(self) -> None:
        self.closed = True


def test_an_engine_that_broke_is_replaced_for_the_next_job(qtbot, tmp_path, faulty_task):
    BrokenOnce.made = 0
    made: list[BrokenOnce] = []
    bridge = EngineBridge(lambda choice: made.append(BrokenOnce()) or made[-1])
    model = JobModel()
    runner = JobRunner(model, Overall(), bridge)
    model.add_entries(SourceFile(str(tmp_path / f"f{i}.txt"), str(tmp_path), f"f{i}.txt", 10) for i in range(5))
    job = JobSettings(faulty_task, build_options(faulty_task), str(tmp_path / "out"), OutputPolicy.SKIP)
    try:
        with qtbot.waitSignal(runner.failed, timeout=30_000) as failed:
            runner.start(job, [str(tmp_path)])
        assert "ConnectionError: the scheduler went away" in failed.args[0]
        assert made[0].closed
        qtbot.waitUntil(lambda: runner.state is RunState.IDLE, timeout=5_000)
        with qtbot.waitSignal(runner.ended, timeout=30_000) as ended:
            runner.start(job, [str(tmp_path)])
        assert ended.args[0].done == 5 and len(made) == 2
    finally:
        runner.stop()
