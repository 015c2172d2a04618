"""Whole batches from the window: real worker processes, real files, the user's buttons."""

from __future__ import annotations

from pathlib import Path

import psutil
import pytest
from PySide6.QtCore import Qt

from app.dialogs import CancelChoice
from app.file_row import Status
from tests.gui.conftest import click, press, snapshot, wait_scanned


def _files(folder: Path, names: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in names.items():
        (folder / name).write_text(content)
    return folder


def test_start_button_runs_every_file(no_leftover_processes, qtbot, tmp_path, make_window):
    src = _files(tmp_path / "src", {f"ok-{i}.txt": f"file number {i}\n" for i in range(12)})
    before = snapshot(src)
    window = make_window()
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 12)
    with qtbot.waitSignal(window.bridge.finished, timeout=60_000):
        click(qtbot, window, window.commands.start)

    assert {r.status for r in window.model.rows()} == {Status.DONE}
    assert window.overall_bar.value() == window.overall_bar.maximum()
    assert window.overall_bar.text() == "100 %"
    assert window.overall_text.text().startswith("12 of 12 files")
    out = tmp_path / "src-faulty"
    for i in range(12):
        assert (out / f"ok-{i}.txt.out").read_text() == f"FILE NUMBER {i}\n"
    assert snapshot(src) == before
    assert not list(out.rglob(".*bp-part*"))  # no partial output left behind


def test_failures_are_listed_with_reasons_and_retry_runs_only_them(qtbot, tmp_path, make_window):
    src = _files(tmp_path / "src", {"ok-1.txt": "one", "ok-2.txt": "two", "bad-3.txt": "three",
                                    "boom-4.txt": "four", "ok-5.txt": "five"})
    out = tmp_path / "src-faulty"
    (out / "ok-5.txt.out").mkdir(parents=True)  # a folder where the output goes: that file fails
    window = make_window()
    window.task_panel.policy_combo.setCurrentIndex(window.task_panel.policy_combo.findData("overwrite"))
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 5)
    with qtbot.waitSignal(window.bridge.finished, timeout=60_000):
        click(qtbot, window, window.commands.start)

    by_name = {r.name: r for r in window.model.rows()}
    assert by_name["bad-3.txt"].status is Status.FAILED
    assert by_name["bad-3.txt"].reason == "this file is not what it claims to be"
    assert by_name["boom-4.txt"].reason == "ValueError: boom in the task"
    assert "Traceback" in by_name["boom-4.txt"].detail  # kept for the log panel
    assert by_name["ok-5.txt"].status is Status.FAILED
    assert window.banner.isVisible()
    assert "3 failed" in window.banner.title.text()
    assert "bad-3.txt — this file is not what it claims to be" in window.banner.details.text()
    assert window.commands.retry_failed.isEnabled()

    (out / "ok-5.txt.out").rmdir()  # the user fixes what was wrong
    done_output = Path(by_name["ok-1.txt"].output)
    stamp = done_output.stat().st_mtime_ns
    planned: list[str] = []
    window.bridge.planned.connect(lambda plan: planned.extend(Path(w.source).name for w in plan.items))
    with qtbot.waitSignal(window.bridge.finished, timeout=60_000):
        qtbot.mouseClick(window.banner.retry_button, Qt.MouseButton.LeftButton)
    assert sorted(planned) == ["bad-3.txt", "boom-4.txt", "ok-5.txt"]  # only the failed ones
    assert by_name["ok-5.txt"].status is Status.DONE
    assert (out / "ok-5.txt.out").read_text() == "FIVE"
    assert done_output.stat().st_mtime_ns == stamp  # a done file is not redone
    assert by_name["bad-3.txt"].status is Status.FAILED
    assert "2 failed" in window.banner.title.text()


def double_click(qtbot, view, index) -> None:
    # A real double-click starts with a press: the view only acts on the row it saw pressed.
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_double_click_opens_output_or_the_failure_log(qtbot, tmp_path, make_window):
    src = _files(tmp_path / "src", {"ok-1.txt": "one", "boom-2.txt": "two"})
    window = make_window()
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 2)
    with qtbot.waitSignal(window.bridge.finished, timeout=60_000):
        click(qtbot, window, window.commands.start)
    view = window.file_list.view
    proxy = window.file_list.proxy
    rows = {proxy.index(i, 0).data(): proxy.index(i, 0) for i in range(proxy.rowCount())}

    double_click(qtbot, view, rows["ok-1.txt"])
    assert [u.toLocalFile() for u in window.opened] == [str(tmp_path / "src-faulty" / "ok-1.txt.out")]

    double_click(qtbot, view, rows["boom-2.txt"])
    log = window.log_dock.file_view.toPlainText()
    assert "ValueError: boom in the task" in log
    assert "Traceback (most recent call last)" in log  # shown for a bug, on demand


@pytest.mark.slow
def test_cancel_now_kills_workers_and_their_children(no_leftover_processes, qtbot, tmp_path, make_window):
    src = _files(tmp_path / "src", {"spawner-1.txt": "x", "hang-2.txt": "x", "ok-3.txt": "x", "ok-4.txt": "x"})
    window = make_window()
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 4)
    window.task_panel.workers_spin.setValue(2)
    click(qtbot, window, window.commands.start)
    pid_file = tmp_path / "src-faulty" / "spawner-1.txt.out.pid"
    # The task writes the pid of the grandchild it started (a file can exist before its text).
    qtbot.waitUntil(lambda: pid_file.exists() and pid_file.read_text().strip() != "", timeout=30_000)
    qtbot.waitUntil(lambda: window.model.count(Status.RUNNING) >= 1, timeout=30_000)
    doomed = [psutil.Process(pid) for pid in window.bridge.worker_pids()]
    doomed.append(psutil.Process(int(pid_file.read_text())))

    window.asked.cancel_choice = CancelChoice.STOP_NOW
    with qtbot.waitSignal(window.bridge.finished, timeout=30_000):
        press(qtbot, window, Qt.Key.Key_Escape)
    assert window.asked.cancel_asked == 1
    _, alive = psutil.wait_procs(doomed, timeout=5)
    assert not alive, f"still running after cancel: {alive}"
    statuses = {r.name: r.status for r in window.model.rows()}
    assert statuses["spawner-1.txt"] is Status.CANCELLED
    assert statuses["hang-2.txt"] is Status.CANCELLED
    assert window.model.count(Status.RUNNING) == 0
    assert not list((tmp_path / "src-faulty").rglob(".*bp-part*"))


def test_cancel_and_finish_running_files_lets_them_end(qtbot, tmp_path, make_window):
    src = _files(tmp_path / "src", {"hang-1.txt": "x", **{f"ok-{i}.txt": "x" for i in range(2, 8)}})
    window = make_window()
    window.task_panel.form.fields()["hang_seconds"].put(1.0)
    window.task_panel.workers_spin.setValue(1)
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 7)
    click(qtbot, window, window.commands.start)
    qtbot.waitUntil(lambda: window.model.count(Status.RUNNING) == 1, timeout=30_000)
    window.asked.cancel_choice = CancelChoice.FINISH_RUNNING
    with qtbot.waitSignal(window.bridge.finished, timeout=30_000) as finished:
        click(qtbot, window, window.commands.cancel)
        assert window.overall_text.text() == "Finishing the running files…"
        assert not window.commands.cancel.isEnabled()
    summary = finished.args[0]
    assert summary.cancelled_by_user and summary.done >= 1 and summary.cancelled >= 1
    assert summary.done + summary.cancelled == 7
    assert window.model.count(Status.CANCELLED) == summary.cancelled
    assert window.commands.run_again.isEnabled()  # the job can run again: what is done is skipped
    with qtbot.waitSignal(window.bridge.finished, timeout=30_000) as again:
        window.commands.run_again.trigger()
    assert again.args[0].done == summary.cancelled and again.args[0].skipped == summary.done
    assert len(list((tmp_path / "src-faulty").glob("*.out"))) == 7


def test_finish_running_then_pause_holds_new_files_until_resume(qtbot, tmp_path, make_window):
    src = _files(tmp_path / "src", {"hang-1.txt": "x", **{f"ok-{i}.txt": "x" for i in range(2, 6)}})
    window = make_window()
    window.task_panel.form.fields()["hang_seconds"].put(0.5)
    window.task_panel.workers_spin.setValue(1)
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 5)
    click(qtbot, window, window.commands.start)
    qtbot.waitUntil(lambda: window.model.count(Status.RUNNING) == 1, timeout=30_000)
    window.commands.hold.trigger()
    assert window.commands.pause.text() == "&Resume"
    assert window.overall_text.text().endswith("paused")
    done_when_paused = window.model.count(Status.DONE)
    qtbot.wait(1500)  # paused: whatever was running ends, nothing new starts
    assert window.model.count(Status.RUNNING) == 0
    assert window.model.count(Status.DONE) <= done_when_paused + 1
    assert window.model.count(Status.WAITING) >= 3
    with qtbot.waitSignal(window.bridge.finished, timeout=30_000):
        click(qtbot, window, window.commands.pause)  # now labelled Resume
    assert window.model.count(Status.DONE) == 5


def test_closing_while_running_asks_then_stops_every_worker(no_leftover_processes, qtbot, tmp_path, make_window):
    src = _files(tmp_path / "src", {"hang-1.txt": "x", "hang-2.txt": "x"})
    window = make_window()
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 2)
    click(qtbot, window, window.commands.start)
    qtbot.waitUntil(lambda: window.model.count(Status.RUNNING) >= 1, timeout=30_000)

    window.asked.quit_answer = False
    window.close()
    assert window.asked.quit_asked == 1 and window.isVisible()  # the user said no: still running

    window.asked.quit_answer = True
    window.close()
    assert not window.isVisible()
    assert window.bridge.worker_pids() == []


def test_an_interrupted_batch_resumes_where_it_stopped(no_leftover_processes, qtbot, tmp_path, make_window):
    names = {f"ok-{i}.txt": f"file {i}" for i in range(1, 5)}
    src = _files(tmp_path / "src", {**names, "hang-9.txt": "slow"})
    out = tmp_path / "src-faulty"
    first = make_window()
    first.task_panel.form.fields()["hang_seconds"].put(2.0)  # same options both times: same job
    first.task_panel.workers_spin.setValue(1)
    first.add_paths([str(src)])
    wait_scanned(qtbot, first, 5)
    click(qtbot, first, first.commands.start)
    qtbot.waitUntil(lambda: first.model.count(Status.DONE) == 4, timeout=30_000)
    first.asked.quit_answer = True
    first.close()  # the batch is stopped at once, as by a crash or a power cut
    (src / "ok-2.txt").write_text("changed since")

    again = make_window()  # the options come back from the settings
    again.add_paths([str(src)])
    wait_scanned(qtbot, again, 5)
    started: list[str] = []
    again.bridge.planned.connect(lambda plan, _p: started.extend(Path(w.source).name for w in plan.items))
    with qtbot.waitSignal(again.bridge.finished, timeout=60_000):
        click(qtbot, again, again.commands.start)
    rows = {r.name: r for r in again.model.rows()}
    assert sorted(started) == ["hang-9.txt", "ok-2.txt"]  # the unfinished file and the changed one
    assert rows["ok-1.txt"].status is Status.SKIPPED and rows["ok-1.txt"].reason == "done by an earlier run"
    assert (out / "ok-2.txt.out").read_text() == "CHANGED SINCE"
    assert rows["hang-9.txt"].status is Status.DONE
    assert "Resuming: 3 files done by an earlier run are skipped" in again.log_dock.batch_view.toPlainText()
    assert "Resuming: 3 files done by an earlier run are skipped" in again.banner.details.text()


def test_a_busy_output_folder_is_said_in_the_banner_and_the_next_start_runs(no_leftover_processes, qtbot, tmp_path,
                                                                            make_window):
    import os
    import socket

    from workers.lock import OutputLock

    src = _files(tmp_path / "src", {"ok-0.txt": "a", "ok-1.txt": "b", "bad-2.txt": "c"})
    out = tmp_path / "src-faulty"
    window = make_window()
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 3)
    with OutputLock.acquire(out), qtbot.waitSignal(window.bridge.failed, timeout=60_000) as failed:
        click(qtbot, window, window.commands.start)  # another run (here: this test) holds the folder
    assert failed.args[0].startswith(f"{out} is being written by batchpilot pid {os.getpid()} "
                                     f"on host {socket.gethostname()} since ")
    assert window.banner.isVisible()
    assert window.banner.details.text().endswith("wait for it or choose another output folder.")
    assert {r.status for r in window.model.rows()} == {Status.WAITING}, "nothing ran"
    assert not list(out.glob("*.out"))

    with qtbot.waitSignal(window.bridge.finished, timeout=60_000):  # the folder is free again
        window.commands.run_again.trigger()
    by_name = {r.name: r for r in window.model.rows()}
    assert by_name["bad-2.txt"].status is Status.FAILED and by_name["ok-0.txt"].status is Status.DONE

    # A retry refused the same way leaves the failed file failed, with its reason.
    with OutputLock.acquire(out), qtbot.waitSignal(window.bridge.failed, timeout=60_000):
        qtbot.mouseClick(window.banner.retry_button, Qt.MouseButton.LeftButton)
    assert by_name["bad-2.txt"].status is Status.FAILED
    assert by_name["bad-2.txt"].reason == "this file is not what it claims to be"
    assert window.commands.retry_failed.isEnabled()
