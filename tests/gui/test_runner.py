"""The job runner on its own: no window, a stand-in engine behind the real bridge."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bridge import EngineBridge, EngineChoice
from app.controls import RunState
from app.file_row import Status
from app.job_model import JobModel
from app.job_queue import Job, JobSpec
from app.job_runner import JobRunner
from tests.gui.synthetic import SyntheticEngine
from workers.plan import OutputPolicy, SourceFile
from workers.task import build_options


def _job(folder: Path, task, files: int, engine: EngineChoice | None = None) -> Job:
    """A queued job of ``files`` files (that need not exist: the engine is a stand-in)."""
    job = Job(JobModel())
    job.model.add_entries(SourceFile(str(folder / f"f{i}.txt"), str(folder), f"f{i}.txt", 10)
                          for i in range(files))
    job.spec = JobSpec(task, build_options(task), str(folder / "out"), OutputPolicy.SKIP, engine or EngineChoice(),
                       (str(folder),))
    return job


@pytest.fixture
def runner(qtbot, tmp_path: Path, faulty_task):
    engine = SyntheticEngine(per_batch=40, interval=0.01)
    engine.runs = 0  # type: ignore[attr-defined]
    real_run = engine.run

    def counting_run(plan, on_events=None):
        engine.runs += 1  # type: ignore[attr-defined]
        return real_run(plan, on_events)

    engine.run = counting_run  # type: ignore[method-assign]
    bridge = EngineBridge(lambda choice: engine)
    runner = JobRunner(bridge)
    job = _job(tmp_path, faulty_task, 30, EngineChoice(workers=1))
    yield runner, engine, job
    runner.stop()


def test_a_job_goes_through_its_states(qtbot, runner, tmp_path):
    runner, _, job = runner
    states: list[RunState] = []
    runner.state_changed.connect(lambda _job, state: states.append(state))
    with qtbot.waitSignal(runner.ended, timeout=30_000) as ended:
        assert runner.start(job) == 30
    assert states == [RunState.PLANNING, RunState.RUNNING, RunState.IDLE]
    assert ended.args[0] is job and ended.args[1].done == 30
    assert job.model.count(Status.DONE) == 30
    assert job.overall.fraction() == 1.0
    assert runner.start(job) == 0  # nothing is waiting any more


def test_cancel_before_planning_starts_runs_nothing(qtbot, runner, tmp_path):
    runner, engine, job = runner
    with qtbot.waitSignal(runner.ended, timeout=30_000) as ended:
        runner.start(job)
        runner.cancel(now=False)  # within the same turn of the event loop as Start
    assert ended.args[1].cancelled_by_user
    assert engine.runs == 0
    assert runner.state is RunState.IDLE
    assert job.model.count(Status.WAITING) == 30  # untouched: they can be started again


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
    runner = JobRunner(bridge)
    job = _job(tmp_path, faulty_task, 5)
    try:
        with qtbot.waitSignal(runner.failed, timeout=30_000) as failed:
            runner.start(job)
        assert "ConnectionError: the scheduler went away" in failed.args[1]
        assert made[0].closed
        qtbot.waitUntil(lambda: runner.state is RunState.IDLE, timeout=5_000)
        with qtbot.waitSignal(runner.ended, timeout=30_000) as ended:
            runner.start(job)
        assert ended.args[1].done == 5 and len(made) == 2
    finally:
        runner.stop()
