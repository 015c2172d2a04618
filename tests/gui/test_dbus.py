"""The window's D-Bus side (app/dbus.py) and the notification chain (app/notify.py): the sleep
lock and power actions over QtDBus, desktop notifications with Open output, and the fallbacks.
Against stand-in services on a private bus, so the calls, the lock's descriptor and the failures
are real; the tests wait on signals and on the stand-ins, never on the clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from app.dbus import DesktopNotifier, Notification, PowerActions, SleepGuard
from app.notify import Delivery, Notifier, notification_body
from tests.dbus_standins import (
    ACCESS_DENIED,
    StandInNotifications,
    missing_bus,
)
from workers.bus import PowerAction

WAIT_MS = 10_000


def no_bus(tmp_path: Path) -> QDBusConnection:
    connection = QDBusConnection.connectToBus(missing_bus(tmp_path), f"batchpilot-no-bus-{id(tmp_path)}")
    assert not connection.isConnected()
    return connection


def after_calls_so_far(qtbot, connection: QDBusConnection) -> None:
    """Wait until logind has answered everything sent on ``connection`` before now: D-Bus keeps a
    connection's messages in order, so a check sent last is answered last."""
    check = PowerActions(connection)
    with qtbot.waitSignals([check.possible], timeout=WAIT_MS):
        check.check(PowerAction.SUSPEND)


# -- the sleep lock --------------------------------------------------------------------------


def test_the_lock_is_held_while_jobs_run_and_follows_their_count(qtbot, qt_bus, logind):
    guard = SleepGuard(qt_bus)
    with qtbot.waitSignal(guard.held_changed, timeout=WAIT_MS) as held:
        guard.set_running(3)
    assert held.args == [True]
    first = logind.locks[0]
    assert (first.what, first.who, first.why, first.mode) == ("sleep", "batchpilot", "batchpilot: 3 jobs running",
                                                              "block")
    assert first.held()

    guard.set_running(1)
    qtbot.waitUntil(lambda: guard.why == "batchpilot: 1 job running", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not first.held(), timeout=WAIT_MS)  # the old lock goes once the new one is held
    second = logind.locks[1]
    assert second.held()

    with qtbot.waitSignal(guard.held_changed, timeout=WAIT_MS) as released:
        guard.set_running(0)
    assert released.args == [False]
    qtbot.waitUntil(lambda: not second.held(), timeout=WAIT_MS)
    assert guard.problem is None


def test_a_lock_granted_after_the_jobs_ended_is_let_go(qtbot, qt_bus, logind):
    guard = SleepGuard(qt_bus)
    changes: list[bool] = []
    guard.held_changed.connect(changes.append)
    guard.set_running(2)
    guard.set_running(0)  # before logind's answer
    after_calls_so_far(qtbot, qt_bus)
    (lock,) = logind.locks
    qtbot.waitUntil(lambda: not lock.held(), timeout=WAIT_MS)
    assert not guard.held and changes == []


def test_without_logind_the_guard_says_so_once_and_stops_asking(qtbot, qt_bus):
    guard = SleepGuard(qt_bus)
    said: list[str] = []
    guard.unavailable.connect(said.append)
    with qtbot.waitSignal(guard.unavailable, timeout=WAIT_MS):
        guard.set_running(1)
    guard.set_running(2)
    guard.set_running(0)
    guard.set_running(4)
    assert said == ["The computer may go to sleep while jobs run: logind (org.freedesktop.login1) is not running here."]


def test_logind_refusing_the_lock(qtbot, qt_bus, logind):
    logind.refuse["Inhibit"] = ACCESS_DENIED
    guard = SleepGuard(qt_bus)
    with qtbot.waitSignal(guard.unavailable, timeout=WAIT_MS) as refused:
        guard.set_running(1)
    assert refused.args == ["The computer may go to sleep while jobs run: logind (org.freedesktop.login1) refused "
                            "(org.freedesktop.DBus.Error.AccessDenied: Inhibit is not allowed for this test)."]
    guard.set_running(2)  # not asked again
    after_calls_so_far(qtbot, qt_bus)
    assert logind.members() == ["Inhibit", "CanSuspend"]


def test_without_a_system_bus(qtbot, tmp_path):
    guard = SleepGuard(no_bus(tmp_path))
    with qtbot.waitSignal(guard.unavailable, timeout=WAIT_MS) as said:
        guard.set_running(1)
    assert said.args == ["The computer may go to sleep while jobs run: there is no D-Bus system bus here."]


# -- suspend and power off -------------------------------------------------------------------


def test_suspend_and_power_off_through_logind(qtbot, qt_bus, logind):
    power = PowerActions(qt_bus)
    with qtbot.waitSignal(power.accepted, timeout=WAIT_MS) as suspended:
        power.suspend()
    assert suspended.args == [PowerAction.SUSPEND]
    with qtbot.waitSignal(power.possible, timeout=WAIT_MS):
        power.check(PowerAction.POWER_OFF)
    with qtbot.waitSignal(power.accepted, timeout=WAIT_MS):
        power.power_off()
    assert logind.calls == [("CanSuspend", ()), ("Suspend", (False,)), ("CanPowerOff", ()), ("CanPowerOff", ()),
                            ("PowerOff", (False,))]


def test_power_actions_that_cannot_be_done_say_why(qtbot, qt_bus, logind, tmp_path):
    power = PowerActions(qt_bus)
    logind.can["CanSuspend"] = "na"
    with qtbot.waitSignal(power.failed, timeout=WAIT_MS) as failed:
        power.suspend()
    assert failed.args == [PowerAction.SUSPEND,
                           "Cannot suspend: this computer does not support it (logind's CanSuspend says na)."]
    logind.refuse["PowerOff"] = ACCESS_DENIED
    with qtbot.waitSignal(power.failed, timeout=WAIT_MS) as failed:
        power.power_off()
    assert failed.args[1] == ("Cannot power off: logind (org.freedesktop.login1) refused "
                              "(org.freedesktop.DBus.Error.AccessDenied: PowerOff is not allowed for this test).")
    assert "Suspend" not in logind.members()
    unplugged = PowerActions(no_bus(tmp_path))
    with qtbot.waitSignal(unplugged.failed, timeout=WAIT_MS) as failed:
        unplugged.check(PowerAction.POWER_OFF)
    assert failed.args[1] == "Cannot power off: there is no D-Bus system bus here."


def test_power_actions_without_logind(qtbot, qt_bus):
    power = PowerActions(qt_bus)
    with qtbot.waitSignal(power.failed, timeout=WAIT_MS) as failed:
        power.check(PowerAction.SUSPEND)
    assert failed.args[1] == "Cannot suspend: logind (org.freedesktop.login1) is not running here."


# -- desktop notifications -------------------------------------------------------------------


def test_a_notification_offers_open_output_and_the_click_comes_back(qtbot, bus, notifications):
    notifier = DesktopNotifier(bus.address)
    scans = Notification("batchpilot", "scans: Batch finished: 98 done, 2 failed in 1 min 05 s.", True, "/out/scans")
    with qtbot.waitSignal(notifier.shown, timeout=WAIT_MS):
        notifier.notify(scans)
    first = notifications.notices[0]
    assert (first.app, first.title, first.body) == ("batchpilot", scans.title, scans.body)
    assert first.actions == ["open-output", "Open output"]
    assert first.hints["urgency"] == ("y", 2)

    with qtbot.waitSignal(notifier.open_output, timeout=WAIT_MS) as opened:
        notifications.click(first, "open-output")
    assert opened.args == ["/out/scans"]

    clips = Notification("batchpilot", "clips: Batch finished: 3 done in 12 s.", False, "/out/clips")
    with qtbot.waitSignal(notifier.shown, timeout=WAIT_MS):
        notifier.notify(clips)
    seen: list[str] = []
    notifier.open_output.connect(seen.append)
    notifications.click(first, "open-output")  # closed already: nothing to open
    with qtbot.waitSignal(notifier.open_output, timeout=WAIT_MS):
        notifications.click(notifications.notices[1], "open-output")
    assert seen == ["/out/clips"]
    assert notifications.members() == ["GetCapabilities", "Notify", "Notify"]  # capabilities asked once
    notifier.close()


def test_no_action_where_the_server_shows_none(qtbot, bus):
    with StandInNotifications(bus.address, ("body",)) as notifications:
        notifier = DesktopNotifier(bus.address)
        with qtbot.waitSignal(notifier.shown, timeout=WAIT_MS):
            notifier.notify(Notification("batchpilot", "1 done", False, "/out"))
        notifier.close()
    assert notifications.notices[0].actions == []


def test_no_notification_service_or_no_session_bus(qtbot, bus, tmp_path):
    notifier = DesktopNotifier(bus.address)
    note = Notification("batchpilot", "1 done")
    with qtbot.waitSignal(notifier.not_shown, timeout=WAIT_MS) as missing:
        notifier.notify(note)
    assert missing.args == [note, "org.freedesktop.Notifications is not running here"]
    notifier.close()
    unplugged = DesktopNotifier(missing_bus(tmp_path))
    with qtbot.waitSignal(unplugged.not_shown, timeout=WAIT_MS) as missing:
        unplugged.notify(note)
    assert missing.args[1] == "there is no D-Bus session bus here (No such file or directory)"


# -- the chain: desktop notification, tray, banner -------------------------------------------


class FakeTray(QObject):
    """A tray that records its messages (the offscreen platform has no tray)."""

    messageClicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, str, QSystemTrayIcon.MessageIcon]] = []
        self.visible = False

    def show(self) -> None:
        self.visible = True

    def hide(self) -> None:
        self.visible = False

    def showMessage(self, title: str, msg: str, icon: QSystemTrayIcon.MessageIcon, msecs: int) -> None:
        self.messages.append((title, msg, icon))


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_a_desktop_notification_comes_first(qtbot, window, bus, notifications):
    tray = FakeTray()
    notifier = Notifier(window, DesktopNotifier(bus.address), make_tray=lambda _w: tray)
    with qtbot.waitSignal(notifier.delivered, timeout=WAIT_MS) as delivered:
        notifier.notify("batchpilot", "scans: Batch finished: 3 done in 2.0 s.", False, "/out/scans")
    assert delivered.args == [Delivery.DESKTOP, ""]
    assert tray.messages == [] and notifications.notices[0].actions == ["open-output", "Open output"]
    with qtbot.waitSignal(notifier.open_output, timeout=WAIT_MS) as opened:
        notifications.click(notifications.notices[0], "open-output")
    assert opened.args == ["/out/scans"]
    notifier.close()


def test_without_a_notification_service_the_tray_tells(qtbot, window, bus):
    tray = FakeTray()
    notifier = Notifier(window, DesktopNotifier(bus.address), make_tray=lambda _w: tray)
    assert notifier.uses_tray
    with qtbot.waitSignal(notifier.delivered, timeout=WAIT_MS) as delivered:
        notifier.notify("batchpilot", "scans: Batch finished: 1 failed in 2.0 s.", True, "/out/scans")
    assert delivered.args == [Delivery.TRAY, "org.freedesktop.Notifications is not running here"]
    assert tray.visible
    assert tray.messages == [("batchpilot", "scans: Batch finished: 1 failed in 2.0 s.",
                              QSystemTrayIcon.MessageIcon.Warning)]
    with qtbot.waitSignal(notifier.open_output, timeout=WAIT_MS) as opened:
        tray.messageClicked.emit()
    assert opened.args == ["/out/scans"]
    notifier.close()
    assert not tray.visible


def test_with_neither_the_banner_is_all(qtbot, window, monkeypatch):
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    notifier = Notifier(window)  # as the window makes it: the session bus, the system's tray
    assert not notifier.uses_tray  # offscreen: no tray
    with qtbot.waitSignal(notifier.delivered, timeout=WAIT_MS) as delivered:
        notifier.notify("batchpilot", "1 done", False)
    assert delivered.args == [Delivery.BANNER,
                              "there is no D-Bus session bus here (DBUS_SESSION_BUS_ADDRESS is not set)"]
    notifier.close()


def test_a_notification_names_the_first_failures(qapp):
    failures = [("a.pdf", "encrypted"), ("b.docx", "not a zip file"), ("c.html", "empty"), ("d.pdf", "truncated")]
    assert notification_body("Batch finished: 6 done, 4 failed in 12 s.", failures).splitlines() == [
        "Batch finished: 6 done, 4 failed in 12 s.", "a.pdf — encrypted", "b.docx — not a zip file",
        "c.html — empty", "… and 1 more (filter: Failed)"]
