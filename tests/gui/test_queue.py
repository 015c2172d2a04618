"""The window as a queue of jobs: each batch its own job, folder, index, banner and log."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
from PySide6.QtCore import Qt

from app.controls import RunState
from app.dialogs import CancelChoice
from app.file_filter import StatusFilter
from app.file_row import Status
from app.job_queue import JobState
from app.task_panel import typed_values
from tests import documents, media
from tests.conftest import still_running
from tests.gui.conftest import click, press, wait_scanned
from tests.parse_support import read_index, write
from workers.registry import available_tasks
from workers.task import build_options

ROOT = Path(__file__).resolve().parents[2]


def _files(folder: Path, names: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in names.items():
        (folder / name).write_text(content)
    return folder


def _wait_idle(qtbot, window, timeout: int = 90_000) -> None:
    qtbot.waitUntil(lambda: window.state is RunState.IDLE and not window.queue.started
                    and not window.queue.waiting(), timeout=timeout)


def test_two_jobs_with_different_tasks_write_to_their_own_folders(no_leftover_processes, qtbot, tmp_path,
                                                                  make_window):
    tasks = {name: task for name, task in available_tasks().items() if name in ("parse", "zip")}
    docs = tmp_path / "docs"
    for i in range(6):
        write(docs / f"note-{i}.txt", f"note number {i}\n")
    media = _files(tmp_path / "media", {f"clip-{i}.bin": "x" * (100 + i) for i in range(4)})
    window = make_window(tasks)

    window.task_panel.select_task("parse")
    window.add_paths([str(docs)])
    wait_scanned(qtbot, window, 6)
    click(qtbot, window, window.commands.start)
    first = window.shown
    assert first.state in (JobState.PLANNING, JobState.RUNNING, JobState.WAITING)

    # A new drop while the first job runs is the next job: its own list, its own output folder.
    window.add_paths([str(media)])
    assert window.shown is window.draft and window.shown is not first
    qtbot.waitUntil(lambda: not window.scanner.busy and window.draft.model.count() == 4, timeout=10_000)
    window.task_panel.select_task("zip")
    assert window.task_panel.output_dir() in (None, str(tmp_path / "media-zipped"))
    click(qtbot, window, window.commands.start)
    second = window.shown
    assert second is not first and second.spec.task.name == "zip"
    _wait_idle(qtbot, window)

    assert first.state is JobState.DONE and second.state is JobState.DONE
    assert first.out_dir == str(tmp_path / "docs-parsed")
    assert second.out_dir == str(tmp_path / "media-zipped")
    assert sorted(read_index(tmp_path / "docs-parsed")) == [f"note-{i}.txt" for i in range(6)]
    assert sorted(p.name for p in (tmp_path / "media-zipped").glob("*.zip")) == [f"clip-{i}.bin.zip"
                                                                                 for i in range(4)]
    assert not (tmp_path / "docs-parsed" / "clip-0.bin.zip").exists()
    # Each job shows its own table and banner.
    window.show_job(first)
    assert window.model.count() == 6 and window.banner.isVisible()
    assert "6 of 6 files" in window.overall_text.text()
    window.show_job(second)
    assert window.model.count() == 4
    assert "4 of 4 files" in window.overall_text.text()


def test_retry_failed_keeps_the_index_and_the_job_folder(qtbot, tmp_path, make_window):
    tasks = {"parse": available_tasks()["parse"]}
    src = tmp_path / "docs"
    for i in range(4):
        write(src / f"good-{i}.txt", f"words {i}\n")
    write(src / "broken.pdf", b"%PDF-1.4 not really a pdf at all" * 20)
    window = make_window(tasks)
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 5)
    click(qtbot, window, window.commands.start)
    job = window.shown
    _wait_idle(qtbot, window)
    assert window.model.count(Status.FAILED) == 1

    # Another folder is dropped and its output folder chosen: the retry still writes where the job did.
    other = _files(tmp_path / "other", {"x.txt": "x"})
    window.add_paths([str(other)])
    window.task_panel.set_output_dir(str(tmp_path / "elsewhere"))
    window.show_job(job)
    documents.make_pdf(src / "broken.pdf", ["Fixed at last"], title="Fixed")
    press(qtbot, window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    _wait_idle(qtbot, window)
    index = read_index(tmp_path / "docs-parsed")
    assert sorted(index) == ["broken.pdf", *[f"good-{i}.txt" for i in range(4)]]
    assert {row["state"] for row in index.values()} == {"done"}
    assert not (tmp_path / "elsewhere").exists()
    assert window.model.count(Status.DONE) == 5


def test_a_queue_of_three_jobs_reorder_remove_cancel(qtbot, tmp_path, make_window):
    window = make_window()
    folders = [_files(tmp_path / f"set{n}", {f"ok-{i}.txt": f"{n}{i}" for i in range(3)}) for n in range(3)]
    jobs = []
    for folder in folders:
        window.add_paths([str(folder)])
        qtbot.waitUntil(lambda: not window.scanner.busy and window.draft.model.count() == 3, timeout=10_000)
        click(qtbot, window, window.commands.add_to_queue)
        jobs.append(window.shown)
    assert [j.state for j in jobs] == [JobState.WAITING] * 3
    assert window.queue_panel.isVisible()
    assert window.queue_model.rowCount() == 4  # the new job, then the three

    # Reorder: the third goes first; remove the second; cancel the (now) first before it runs.
    window.queue_panel.select(jobs[2])
    window.queue_panel.up_button.click()
    window.queue_panel.up_button.click()
    assert window.queue.jobs == [jobs[2], jobs[0], jobs[1]]
    window.queue_panel.select(jobs[1])
    window.queue_panel.remove_button.click()
    assert window.queue.jobs == [jobs[2], jobs[0]]
    window.queue_panel.select(jobs[2])
    window.queue_panel.cancel_button.click()
    assert jobs[2].state is JobState.CANCELLED

    click(qtbot, window, window.commands.start)
    _wait_idle(qtbot, window)
    assert jobs[0].state is JobState.DONE
    assert sorted(p.name for p in (tmp_path / "set0-faulty").iterdir() if not p.name.startswith(".")) == [
        "ok-0.txt.out", "ok-1.txt.out", "ok-2.txt.out"]
    assert not (tmp_path / "set1-faulty").exists()  # removed
    assert not (tmp_path / "set2-faulty").exists()  # cancelled before it ran


def test_cancel_stops_the_running_job_and_the_queue(no_leftover_processes, qtbot, tmp_path, make_window):
    window = make_window()
    window.task_panel.form.set_values({"hang_seconds": 30.0})
    slow = _files(tmp_path / "slow", {"hang-1.txt": "h", "hang-2.txt": "h", "ok-3.txt": "o"})
    after = _files(tmp_path / "after", {"ok-1.txt": "o"})
    window.add_paths([str(slow)])
    wait_scanned(qtbot, window, 3)
    click(qtbot, window, window.commands.start)
    running = window.shown
    window.add_paths([str(after)])
    qtbot.waitUntil(lambda: not window.scanner.busy and window.draft.model.count() == 1, timeout=10_000)
    click(qtbot, window, window.commands.add_to_queue)
    waiting = window.shown
    qtbot.waitUntil(lambda: running.model.count(Status.RUNNING) > 0, timeout=30_000)

    window.asked.cancel_choice = CancelChoice.STOP_NOW
    window.show_job(running)
    press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: running.state is JobState.CANCELLED, timeout=30_000)
    assert waiting.state is JobState.WAITING  # cancel means stopped: the next job waits for Start
    assert not window.queue.started
    assert window.commands.start.isEnabled()


def test_a_new_drop_after_a_batch_starts_a_fresh_job(qtbot, tmp_path, make_window):
    window = make_window()
    first = _files(tmp_path / "docs", {"ok-1.txt": "a", "bad-2.txt": "b"})
    window.add_paths([str(first)])
    wait_scanned(qtbot, window, 2)
    click(qtbot, window, window.commands.start)
    _wait_idle(qtbot, window)
    assert window.banner.isVisible()
    window.file_list.set_filter(StatusFilter.FAILED)

    second = _files(tmp_path / "media", {f"ok-{i}.txt": "m" for i in range(9)})
    window.add_paths([str(second)])
    wait_scanned(qtbot, window, 9)
    assert window.shown is window.draft
    assert not window.banner.isVisible()  # the last job's banner stays with it
    assert window.file_list.proxy.rowCount() == 9  # the filter belongs to the job shown
    assert window.task_panel.output_dir() in (None, str(tmp_path / "media-faulty"))
    assert window.commands.start.isEnabled()
    click(qtbot, window, window.commands.start)
    _wait_idle(qtbot, window)
    assert len(list((tmp_path / "media-faulty").glob("*.out"))) == 9
    assert not list((tmp_path / "docs-faulty").glob("ok-3*"))


@pytest.mark.parametrize("again", ["run_again", "edit"])
def test_finished_jobs_run_again_or_become_a_new_job(qtbot, tmp_path, make_window, again):
    window = make_window()
    src = _files(tmp_path / "src", {f"ok-{i}.txt": str(i) for i in range(4)})
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 4)
    click(qtbot, window, window.commands.start)
    job = window.shown
    _wait_idle(qtbot, window)
    (src / "ok-4.txt").write_text("4")
    if again == "run_again":
        window.queue_panel.select(job)
        window.queue_panel.again_button.click()
        _wait_idle(qtbot, window)
        assert job.state is JobState.DONE
        assert job.summary.skipped == 4  # done by the first run: the journal skips them
        return
    window.queue_panel.select(job)
    window.queue_panel.edit_button.click()
    assert window.shown is window.draft and window.draft.model.count() == 4
    assert window.task_panel.output_dir() == job.out_dir
    window.add_paths([str(src / "ok-4.txt")])
    qtbot.waitUntil(lambda: not window.scanner.busy and window.draft.model.count() == 5, timeout=10_000)
    click(qtbot, window, window.commands.start)
    _wait_idle(qtbot, window)
    assert (tmp_path / "src-faulty" / "ok-4.txt.out").read_text() == "4"


def test_a_killed_window_offers_its_unfinished_jobs_and_resumes_them(no_leftover_processes, qtbot, tmp_path,
                                                                      make_window, settings):
    first = _files(tmp_path / "first", {f"slow-{i}.txt": f"first {i}" for i in range(30)})
    second = _files(tmp_path / "second", {f"ok-{i}.txt": f"second {i}" for i in range(5)})
    settings_file = settings.store.fileName()
    app = subprocess.Popen([sys.executable, "-m", "tests.gui.queue_app", settings_file, str(first), str(second)],
                           stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        for line in app.stdout:  # wait until the first job has finished some files, not all
            if line.startswith("running") and int(line.split()[1]) >= 3:
                break
        workers = psutil.Process(app.pid).children(recursive=True)
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        app.stdout.close()
    assert not still_running(workers, timeout=15), "workers outlived the killed window"
    done_before = len(list((tmp_path / "first-faulty").glob("*.out")))
    assert 3 <= done_before < 30

    window = make_window()
    assert window.resume_offer.isVisible()
    assert window.resume_offer.label.text().startswith("2 jobs were not finished")
    window.resume_offer.resume_button.click()
    _wait_idle(qtbot, window)
    jobs = window.queue.jobs
    assert [j.state for j in jobs] == [JobState.DONE, JobState.DONE]
    # The journal skipped what the killed run had recorded (a file killed between its output
    # and its record is done again: whole either way).
    first_run = jobs[0].summary
    assert 1 <= first_run.skipped <= done_before and first_run.done + first_run.skipped == 30
    assert sorted(p.name for p in (tmp_path / "first-faulty").glob("*.out")) == sorted(
        f"slow-{i}.txt.out" for i in range(30))
    assert len(list((tmp_path / "second-faulty").glob("*.out"))) == 5
    assert not list((tmp_path / "first-faulty").rglob(".*bp-part*"))

    # Once resumed and finished, nothing is offered again.
    window.shutdown()
    assert not make_window().resume_offer.isVisible()


def test_the_offer_can_be_reviewed_or_discarded(qtbot, tmp_path, make_window):
    src = _files(tmp_path / "src", {"ok-1.txt": "1"})
    window = make_window()
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 1)
    click(qtbot, window, window.commands.add_to_queue)
    window.shutdown()

    review = make_window()
    assert review.resume_offer.isVisible()
    review.resume_offer.review_button.click()
    assert [j.state for j in review.queue.jobs] == [JobState.WAITING]
    assert not review.queue.started and review.commands.start.isEnabled()
    review.shutdown()

    discard = make_window()
    discard.resume_offer.discard_button.click()
    assert not discard.queue.jobs
    discard.shutdown()
    assert not make_window().resume_offer.isVisible()


@pytest.mark.slow
def test_pause_stops_a_real_encode_and_resume_finishes_it(no_leftover_processes, qtbot, tmp_path, make_window):
    encode = available_tasks()["encode"]
    src = tmp_path / "clips"
    src.mkdir()
    for i in range(2):
        media.make_clip(src / f"clip-{i}.mkv", seconds=6, size=(640, 360), noise=40, video="mpeg4", audio=None)
    window = make_window({"encode": encode})
    window.task_panel.form.set_values(typed_values(build_options(encode, {"speed": "slower"})))
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 2)
    click(qtbot, window, window.commands.start)
    job = window.shown
    qtbot.waitUntil(lambda: any(r.status is Status.RUNNING and r.progress > 0.05 for r in job.model.rows()),
                    timeout=60_000)

    press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.state is RunState.PAUSED and job.state is JobState.PAUSED
    busy = [psutil.Process(pid) for pid in window.bridge.worker_pids()]
    qtbot.waitUntil(lambda: all(p.status() == psutil.STATUS_STOPPED for p in busy
                                if any(r.status is Status.RUNNING for r in job.model.rows())), timeout=10_000)
    # What the workers sent just before they stopped may still be on its way to the window.
    qtbot.wait(500)
    progress = {r.name: r.progress for r in job.model.rows()}
    before = sum(sum(p.cpu_times()[:2]) for p in busy)
    qtbot.wait(2000)
    used = sum(sum(p.cpu_times()[:2]) for p in busy) - before
    assert used < 0.05, f"paused workers used {used:.2f} s of CPU in 2 s"
    assert {r.name: r.progress for r in job.model.rows()} == progress
    assert "paused" in window.overall_text.text()

    press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    _wait_idle(qtbot, window, timeout=180_000)
    assert job.state is JobState.DONE and job.model.count(Status.DONE) == 2
    for i in range(2):
        info = media.probe(tmp_path / "clips-encoded" / f"clip-{i}.mp4")
        assert info["streams"] == [("video", "h264")]
        assert abs(info["duration"] - 6) < 0.2


def test_a_job_with_a_password_is_not_resumed_without_it(qtbot, tmp_path, make_window):
    """The password is never saved: a zip job that had one comes back refused, not unencrypted."""
    src = _files(tmp_path / "src", {"a.txt": "secret words"})
    zip_only = {"zip": available_tasks()["zip"]}
    window = make_window(zip_only)
    window.task_panel.select_task("zip")
    window.task_panel.form.set_values({"password": "correct horse"})
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 1)
    click(qtbot, window, window.commands.add_to_queue)
    window.shutdown()
    kept = [*(tmp_path / "queue").glob("*"), tmp_path / "settings.ini"]
    assert "correct horse" not in "".join(p.read_text() for p in kept)

    again = make_window(zip_only)
    again.resume_offer.resume_button.click()
    assert again.queue.jobs == []
    assert "it used a password (password), which is never saved" in again.log_dock.batch_view.toPlainText()
    assert not (tmp_path / "src-zipped").exists()
