"""The window left to it: the sleep lock follows the queue, and when the queue is done the chosen
action is carried out (a command with the outcome, or suspend after the countdown). Against a
stand-in logind on a private bus."""

from __future__ import annotations

from pathlib import Path

from app.dbus import PowerActions, SleepGuard
from app.overnight import Overnight
from tests.gui.conftest import wait_scanned
from workers.registry import available_tasks
from workers.when_done import WhenDone, WhenDoneChoice

WAIT_MS = 60_000


def _queue_a_zip_job(qtbot, window, folder: Path, files: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        (folder / f"f{i}.txt").write_text(f"file {i}")
    window.task_panel.select_task("zip")
    window.add_paths([str(folder)])
    wait_scanned(qtbot, window, files)
    window.control.queue_draft(start=True)


def test_the_lock_follows_the_queue_and_suspend_comes_after_the_countdown(qtbot, tmp_path, make_window, logind, qt_bus):
    service, connection = logind, qt_bus
    window = make_window({"zip": available_tasks()["zip"]})
    night = Overnight(window, SleepGuard(connection, window), PowerActions(connection, window))
    night.countdown_seconds, night.tick_ms = 3, 20
    night.menu.set_choice(WhenDoneChoice(WhenDone.SUSPEND))
    _queue_a_zip_job(qtbot, window, tmp_path / "docs", 3)
    qtbot.waitUntil(lambda: bool(service.locks), timeout=WAIT_MS)
    assert service.locks[0].why == "batchpilot: 1 job running" and service.locks[0].what == "sleep"
    qtbot.waitUntil(lambda: night.countdown is not None, timeout=WAIT_MS)
    assert service.locks[0].wait_released(), "the lock outlived the queue"
    assert "Suspending in" in night.countdown.headline.text()
    qtbot.waitUntil(lambda: "Suspend" in service.members(), timeout=WAIT_MS)  # QtDBus answers in this thread
    assert (tmp_path / "docs-zipped" / "f0.txt.zip").exists()


def test_a_cancelled_countdown_suspends_nothing(qtbot, tmp_path, make_window, logind, qt_bus):
    service, connection = logind, qt_bus
    window = make_window({"zip": available_tasks()["zip"]})
    night = Overnight(window, SleepGuard(connection, window), PowerActions(connection, window))
    night.countdown_seconds = 60
    night.menu.set_choice(WhenDoneChoice(WhenDone.POWER_OFF))
    _queue_a_zip_job(qtbot, window, tmp_path / "docs", 2)
    qtbot.waitUntil(lambda: night.countdown is not None and night.countdown.isVisible(), timeout=WAIT_MS)
    night.countdown.cancel_button.click()
    assert not night.countdown.isVisible()
    assert "PowerOff" not in service.members()


def test_the_command_gets_the_outcome_of_the_queue(qtbot, tmp_path, make_window):
    window = make_window({"zip": available_tasks()["zip"]})
    record = tmp_path / "outcome.txt"
    window.overnight.menu.set_choice(WhenDoneChoice(
        WhenDone.COMMAND, f'printf "%s %s %s" "$BATCHPILOT_STATUS" "$BATCHPILOT_DONE" "$BATCHPILOT_OUTPUT" > {record}'))
    with qtbot.waitSignal(window.overnight.commands.finished, timeout=WAIT_MS):
        _queue_a_zip_job(qtbot, window, tmp_path / "docs", 4)
    assert record.read_text() == f"ok 4 {tmp_path / 'docs-zipped'}"
