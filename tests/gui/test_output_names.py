"""The window's output choices: next to the sources, and the file name template; kept with the queue."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.job_queue import JobState
from app.queue_store import SavedJob
from app.watch_folders import SavedWatch
from tests.gui.conftest import click, wait_scanned
from workers.naming import DEFAULT_TEMPLATE, OutputNaming
from workers.plan import OutputPolicy
from workers.registry import load_task


@pytest.fixture(autouse=True)
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(home))  # where next-to-source jobs keep their journal
    return home


def _files(folder: Path, names: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in names.items():
        (folder / name).write_text(content)
    return folder


def test_the_choice_is_saved_with_the_queue_and_comes_back(qtbot, tmp_path, make_window):
    src = _files(tmp_path / "src", {"ok-1.txt": "one", "ok-2.txt": "two"})
    window = make_window()
    panel = window.task_panel
    assert panel.naming() == OutputNaming()  # today's names, in an output folder
    panel.next_to_source_check.setChecked(True)
    assert not panel.output_edit.isEnabled() and not panel.output_button.isEnabled()
    panel.name_edit.setText("{name}-copy")
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 2)
    click(qtbot, window, window.commands.add_to_queue)
    [job] = window.queue.jobs
    assert job.spec.naming == OutputNaming("{name}-copy", next_to_source=True)
    assert job.out_dir == str(src)  # where its outputs appear
    window.shutdown()

    again = make_window()
    again.resume_offer.review_button.click()
    [job] = again.queue.jobs
    assert job.spec.naming == OutputNaming("{name}-copy", next_to_source=True)
    again.queue_panel.select(job)
    again.queue_panel.edit_button.click()  # its settings come back into the panel
    assert again.task_panel.naming() == OutputNaming("{name}-copy", next_to_source=True)
    assert again.task_panel.next_to_source_check.isChecked() and not again.task_panel.output_edit.isEnabled()

    click(qtbot, again, again.commands.start)
    qtbot.waitUntil(lambda: again.queue.jobs and again.queue.jobs[-1].state is JobState.DONE, timeout=60_000)
    assert (src / "ok-1-copy.txt.out").read_text() == "ONE"
    assert (src / "ok-2-copy.txt.out").read_text() == "TWO"
    assert sorted(p.name for p in src.iterdir()) == ["ok-1-copy.txt.out", "ok-1.txt", "ok-2-copy.txt.out",
                                                     "ok-2.txt"]


def test_a_template_with_an_unknown_field_is_refused_before_queueing(qtbot, tmp_path, make_window):
    src = _files(tmp_path / "src", {"ok-1.txt": "one"})
    window = make_window()
    window.task_panel.name_edit.setText("{name}-{colour}")
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 1)
    click(qtbot, window, window.commands.start)
    assert not window.queue.jobs
    assert window.banner.isVisible() and "unknown field {colour}" in window.banner.details.text()


def test_queues_and_watches_saved_before_names_could_be_chosen_still_load():
    old_job = {"id": "abc", "task": "zip", "options": {}, "out_dir": "/x-zipped", "policy": "skip",
               "inputs": ["/x"], "state": "waiting"}
    job = SavedJob.from_json(old_job)
    assert (job.name_template, job.next_to_source) == (DEFAULT_TEMPLATE, False)
    assert SavedJob.from_json(job.as_json()) == job
    chosen = SavedJob("abc", "zip", {}, "/x", OutputPolicy.RENAME, ("/x",), "waiting", name_template="{name}-z",
                      next_to_source=True, preset="Nightly backup")
    assert SavedJob.from_json(chosen.as_json()) == chosen
    old_watch = {"id": "w1", "task": "zip", "options": {}, "folder": "/in", "out_dir": "/out"}
    assert SavedWatch.from_json(old_watch).name_template == DEFAULT_TEMPLATE
    watch = SavedWatch("zip", {}, "/in", "/out", id="w1", name_template="{date}-{preset}", preset="Nightly")
    assert SavedWatch.from_json(watch.as_json()) == watch
    assert watch.spec({"zip": load_task("zip")}).naming == OutputNaming("{date}-{preset}", preset="Nightly")
