"""Helpers shared by the encode task's tests: run a batch on real workers or one item in this process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workers.engine import EngineOptions, JobSummary, run_plan
from workers.events import Event, ItemFailed, ItemFinished, ItemProgress, ItemSkipped
from workers.outputs import PARTIAL_MARK
from workers.plan import make_plan
from workers.task import WorkItem, build_options
from workers.tasks.encode import EncodeTask


class Outcomes:
    """What a batch ended with, by source name."""

    def __init__(self, plan: Any, events: list[Event], summary: JobSummary) -> None:
        names = {w.id: Path(w.source).name for w in plan.all_items}
        self.summary = summary
        self.done: dict[str, ItemFinished] = {}
        self.failed: dict[str, str] = {}
        self.skipped: dict[str, str] = {}
        self.progress: dict[str, list[float]] = {}
        for e in events:
            if isinstance(e, ItemFinished):
                self.done[names[e.item_id]] = e
            elif isinstance(e, ItemFailed):
                self.failed[names[e.item_id]] = e.reason
            elif isinstance(e, ItemSkipped):
                self.skipped[names[e.item_id]] = e.reason
            elif isinstance(e, ItemProgress):
                self.progress.setdefault(names[e.item_id], []).append(e.fraction)


def run_batch(task: EncodeTask, src: Path, out: Path, preset: str | None = None,
              **values: Any) -> Outcomes:
    options = build_options(task, values, preset=preset)
    plan = make_plan(task, options, [src], out)
    events: list[Event] = []
    summary = run_plan(plan, events.extend, EngineOptions(workers=2))
    return Outcomes(plan, events, summary)


def run_one(task: EncodeTask, source: Path, out_dir: Path, preset: str | None = None,
            **values: Any) -> tuple[Any, list[tuple[float, str]]]:
    """Run one item in this process (no workers): for format coverage and progress details."""
    options = build_options(task, values, preset=preset)
    output = out_dir / task.output_name(Path(source.name), options)
    item = WorkItem(0, str(source), source.name, source.stat().st_size, str(output))
    reports: list[tuple[float, str]] = []
    result = task.run(item, options, lambda f, m="": reports.append((f, m)))
    return result, reports


def no_partials(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if PARTIAL_MARK in p.name]
