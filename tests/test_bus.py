"""The CLI's side of the desktop's D-Bus services (workers/bus.py): the sleep lock, suspend and
power off through logind, desktop notifications. Against stand-in services on a private bus,
so the calls, the file descriptor and the failures are real."""

from __future__ import annotations

import select
import subprocess
import sys
from collections.abc import Callable

import pytest
from jeepney import Message

from tests.dbus_standins import (
    ACCESS_DENIED,
    WAIT,
    StandInNotifications,
    missing_bus,
)
from workers.bus import (
    NOTIFICATIONS,
    NOTIFICATIONS_PATH,
    EventLoopConnection,
    PowerAction,
    PowerActionFailed,
    SleepInhibitor,
    capabilities_call,
    notify,
    power,
    power_off,
    running_reason,
    suspend,
)

# -- the sleep lock --------------------------------------------------------------------------


def test_the_lock_holds_while_jobs_run_and_changes_its_reason_without_a_gap(bus, logind):
    inhibitor = SleepInhibitor(bus.address)
    assert inhibitor.set_running(3)
    (first,) = logind.locks
    assert (first.what, first.who, first.why, first.mode) == ("sleep", "batchpilot", "batchpilot: 3 jobs running",
                                                              "block")
    assert first.held()
    assert inhibitor.set_running(3)
    assert len(logind.locks) == 1  # the same reason: logind is not asked again

    assert inhibitor.set_running(1)
    second = logind.locks[1]
    assert second.why == "batchpilot: 1 job running"
    assert first.wait_released()
    assert second.held()

    assert not inhibitor.set_running(0)
    assert second.wait_released()
    assert not inhibitor.held and inhibitor.unavailable is None


def test_a_program_started_while_the_lock_is_held_does_not_keep_the_computer_awake(bus, logind):
    with SleepInhibitor(bus.address) as inhibitor:
        assert inhibitor.hold(running_reason(2))
        # A child that inherits every descriptor it may (a task's encoder, the when-done command).
        child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE,
                                 close_fds=False)
        try:
            inhibitor.release()
            assert logind.locks[0].wait_released()
        finally:
            assert child.stdin is not None
            child.stdin.close()
            child.wait(timeout=10)


def test_the_system_bus_address_comes_from_the_environment(bus, logind, monkeypatch):
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", bus.address)
    with SleepInhibitor() as inhibitor:
        assert inhibitor.hold("batchpilot: 1 job running")
        assert logind.locks[0].held()
    assert logind.locks[0].wait_released()


def test_without_a_system_bus_the_lock_says_why_and_is_not_asked_for_again(tmp_path):
    inhibitor = SleepInhibitor(missing_bus(tmp_path))
    assert not inhibitor.set_running(2)
    assert inhibitor.unavailable == ("The computer may go to sleep while jobs run: there is no D-Bus system bus "
                                     "here (No such file or directory).")
    assert not inhibitor.set_running(3)
    inhibitor.release()  # nothing held: nothing to do


def test_a_bus_without_logind(bus):
    inhibitor = SleepInhibitor(bus.address)
    assert not inhibitor.hold(running_reason(1))
    assert inhibitor.unavailable == ("The computer may go to sleep while jobs run: logind (org.freedesktop.login1) "
                                     "is not running here.")


def test_logind_refusing_the_lock(bus, logind):
    logind.refuse["Inhibit"] = ACCESS_DENIED
    inhibitor = SleepInhibitor(bus.address)
    assert not inhibitor.hold(running_reason(1))
    assert inhibitor.unavailable == (
        "The computer may go to sleep while jobs run: logind (org.freedesktop.login1) refused "
        "(org.freedesktop.DBus.Error.AccessDenied: Inhibit is not allowed for this test).")
    assert logind.locks == []


def test_a_refused_change_of_reason_keeps_the_lock_held(bus, logind):
    inhibitor = SleepInhibitor(bus.address)
    assert inhibitor.set_running(2)
    logind.refuse["Inhibit"] = ACCESS_DENIED
    assert inhibitor.set_running(3)  # still held, with the old reason
    assert inhibitor.why == "batchpilot: 2 jobs running" and inhibitor.unavailable is not None
    assert logind.locks[0].held()
    inhibitor.set_running(0)
    assert logind.locks[0].wait_released()


def test_without_the_dbus_library_the_sentence_says_what_to_install(bus, monkeypatch):
    monkeypatch.setitem(sys.modules, "jeepney.io.blocking", None)  # what an uninstalled package looks like
    inhibitor = SleepInhibitor(bus.address)
    assert not inhibitor.hold(running_reason(1))
    assert inhibitor.unavailable == ("The computer may go to sleep while jobs run: the Python package jeepney, which "
                                     "batchpilot talks to D-Bus with, is not installed (pip install jeepney).")
    with pytest.raises(PowerActionFailed, match=r"^Cannot suspend: the Python package jeepney"):
        suspend(bus.address)
    assert not notify("Batch finished", "1 done", address=bus.address)


# -- suspend and power off -------------------------------------------------------------------


def test_suspend_and_power_off_ask_logind_without_a_password_prompt(bus, logind):
    suspend(bus.address)
    power_off(bus.address)
    assert logind.calls == [("CanSuspend", ()), ("Suspend", (False,)), ("CanPowerOff", ()), ("PowerOff", (False,))]


def test_checking_first_does_not_suspend(bus, logind):
    power(PowerAction.SUSPEND, bus.address, check_only=True)
    assert logind.members() == ["CanSuspend"]


@pytest.mark.parametrize(("answer", "sentence"), [
    ("na", "Cannot suspend: this computer does not support it (logind's CanSuspend says na)."),
    ("no", "Cannot suspend: this user is not allowed to (logind's CanSuspend says no)."),
])
def test_a_computer_that_cannot_suspend_is_not_asked_to(bus, logind, answer, sentence):
    logind.can["CanSuspend"] = answer
    with pytest.raises(PowerActionFailed) as failed:
        suspend(bus.address)
    assert str(failed.value) == sentence
    assert logind.members() == ["CanSuspend"]


def test_logind_refusing_to_power_off(bus, logind):
    logind.refuse["PowerOff"] = ACCESS_DENIED
    with pytest.raises(PowerActionFailed) as failed:
        power_off(bus.address)
    assert str(failed.value) == ("Cannot power off: logind (org.freedesktop.login1) refused "
                                 "(org.freedesktop.DBus.Error.AccessDenied: PowerOff is not allowed for this test).")


def test_power_actions_without_logind_or_without_a_bus(bus, tmp_path):
    with pytest.raises(PowerActionFailed) as failed:
        power_off(bus.address)
    assert str(failed.value) == "Cannot power off: logind (org.freedesktop.login1) is not running here."
    with pytest.raises(PowerActionFailed) as failed:
        suspend(missing_bus(tmp_path))
    assert str(failed.value) == "Cannot suspend: there is no D-Bus system bus here (No such file or directory)."


# -- notifications ---------------------------------------------------------------------------


def test_a_notification_says_the_outcome_and_marks_failures_urgent(bus, notifications):
    assert notify("Batch finished", "98 done, 2 failed in 1 min 05 s", True, address=bus.address)
    assert notify("Batch finished", "3 done in 2.0 s", False, address=bus.address)
    failed, fine = notifications.notices
    assert (failed.app, failed.replaces, failed.icon, failed.title) == ("batchpilot", 0, "batchpilot", "Batch finished")
    assert failed.body == "98 done, 2 failed in 1 min 05 s"
    assert failed.hints == {"urgency": ("y", 2), "desktop-entry": ("s", "batchpilot")}
    assert fine.hints["urgency"] == ("y", 1)
    assert failed.actions == [] and failed.timeout == -1  # the terminal has no window to open output from


def test_a_server_reading_markup_gets_file_names_escaped(bus):
    with StandInNotifications(bus.address, ("body", "body-markup")) as notifications:
        assert notify("Batch finished", "1 failed: <draft> & notes.pdf", True, address=bus.address)
    assert notifications.notices[0].body == "1 failed: &lt;draft&gt; &amp; notes.pdf"


def test_no_notification_service_or_no_session_bus(bus, monkeypatch, tmp_path):
    assert not notify("Batch finished", "1 done", address=bus.address)
    assert not notify("Batch finished", "1 done", address=missing_bus(tmp_path))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    assert not notify("Batch finished", "1 done")


# -- a connection for the window's event loop ------------------------------------------------


def read_until(connection: EventLoopConnection, fd: int, done: Callable[[], object]) -> None:
    """What the window's event loop does: read whenever the socket is readable, until ``done``."""
    while not done():
        readable, _, _ = select.select([fd], [], [], WAIT)
        assert readable, "nothing arrived"
        assert connection.read()


def test_an_event_loop_connection_answers_calls_and_hands_on_signals(bus, notifications):
    connection = EventLoopConnection("SESSION", bus.address)
    clicks: list[tuple[object, ...]] = []
    connection.watch(NOTIFICATIONS_PATH, NOTIFICATIONS, "ActionInvoked", lambda message: clicks.append(message.body))
    fd = connection.open()
    answers: list[Message | None] = []
    connection.call(capabilities_call(), answers.append)
    assert connection.next_deadline() is not None
    read_until(connection, fd, lambda: answers)
    assert [a.body if a else None for a in answers] == [(["actions", "body"],)]
    assert connection.next_deadline() is None
    notifications.emit("ActionInvoked", "us", (7, "open-output"))
    notifications.emit("NotificationClosed", "uu", (7, 2))  # not watched: not handed on
    read_until(connection, fd, lambda: clicks)
    assert clicks == [(7, "open-output")]
    connection.close()
    assert not connection.connected


def test_an_event_loop_connection_gives_up_on_late_answers_and_a_lost_bus(bus, notifications):
    impatient = EventLoopConnection("SESSION", bus.address, timeout=0)
    impatient.open()
    answers: list[Message | None] = []
    impatient.call(capabilities_call(), answers.append)
    impatient.expire()  # its time is up at once
    assert answers == [None] and impatient.next_deadline() is None
    impatient.close()

    connection = EventLoopConnection("SESSION", bus.address)
    fd = connection.open()
    bus.stop()
    connection.call(capabilities_call(), answers.append)
    if connection.connected:  # the send went into the socket's buffer: the loss shows on reading
        readable, _, _ = select.select([fd], [], [], WAIT)
        assert readable and not connection.read()
    assert answers == [None, None] and not connection.connected
    closed = EventLoopConnection("SESSION", bus.address)
    closed.call(capabilities_call(), answers.append)  # never opened: no answer will come
    assert answers == [None, None, None]
