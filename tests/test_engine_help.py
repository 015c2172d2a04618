"""At the tail of a batch, idle workers help with a long item (Task.help): the engine sends
them, a helper that dies is blamed on no file, and a full pause stops helpers with the rest."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import psutil

from tests.conftest import wait_until, worker_processes
from workers.engine import Engine, EngineOptions, run_plan
from workers.events import Event, ItemFinished, WorkerLost
from workers.plan import make_plan
from workers.registry import load_task

PIECES = "tests.sample_tasks:PiecesTask"


def _run(tmp_path: Path, name: str, workers: int = 2) -> tuple[list[Event], list[str]]:
    src = tmp_path / "src"
    src.mkdir()
    (src / name).write_text("x")
    task = load_task(PIECES)
    events: list[Event] = []
    run_plan(make_plan(task, task.Options(), [src], tmp_path / "out"), events.extend, EngineOptions(workers=workers))
    return events, (tmp_path / "out" / name).read_text().splitlines()


def test_an_idle_worker_helps_with_the_last_long_item(tmp_path: Path, no_leftover_processes: object) -> None:
    events, made = _run(tmp_path, "long.txt")
    assert [e for e in events if isinstance(e, ItemFinished)]
    roles = [line.split()[0] for line in made]
    assert "helper" in roles and "owner" in roles, made
    assert len({line.split()[1] for line in made}) == 2, "two processes made the pieces"
    assert not [e for e in events if isinstance(e, WorkerLost)]


def test_one_worker_does_it_all_alone(tmp_path: Path, no_leftover_processes: object) -> None:
    _, made = _run(tmp_path, "long.txt", workers=1)
    assert {line.split()[0] for line in made} == {"owner"}


def test_a_helper_that_dies_is_blamed_on_no_file(tmp_path: Path, no_leftover_processes: object) -> None:
    events, made = _run(tmp_path, "helperdies.txt")
    [lost] = [e for e in events if isinstance(e, WorkerLost)]
    assert lost.item_id is None
    assert [e for e in events if isinstance(e, ItemFinished)]
    dead = (tmp_path / "out" / "helperdies.txt.pieces" / "died").read_text()
    assert len(made) == 8 and not any(line.endswith(f" {dead}") for line in made), "its piece was made again"


def _helper_at_work(pieces: Path) -> int | None:
    for claim in pieces.glob("*.claim"):
        try:
            said = json.loads(claim.read_bytes().strip() or b"{}")
        except (OSError, ValueError):
            continue
        if said.get("role") == "helper":
            return int(said["pid"])
    return None


def test_a_full_pause_stops_the_helpers_too(tmp_path: Path, no_leftover_processes: object) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "long.txt").write_text("x")
    task = load_task(PIECES)
    events: list[Event] = []
    pieces = tmp_path / "out" / "long.txt.pieces"
    with Engine(EngineOptions(workers=2)) as engine:
        runner = threading.Thread(target=lambda: engine.run(make_plan(task, task.Options(), [src], tmp_path / "out"),
                                                            events.extend))
        runner.start()
        wait_until(lambda: _helper_at_work(pieces) is not None, what="a helper at work")
        helper = _helper_at_work(pieces)
        engine.pause()
        # Both stop where they are, the helper in its piece: nothing is made while paused.
        wait_until(lambda: {p.status() for p in worker_processes()} == {psutil.STATUS_STOPPED},
                   timeout=10, what="every worker stopped")
        assert helper in {p.pid for p in worker_processes()}
        engine.resume()
        runner.join(30)
        assert not runner.is_alive()
    assert [e for e in events if isinstance(e, ItemFinished)]
