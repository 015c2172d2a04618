"""The window's side of the desktop's D-Bus services: the sleep lock while jobs run and suspend /
power off (logind, system bus, QtDBus), and desktop notifications with an Open output action
(org.freedesktop.Notifications, session bus). Nothing here waits: calls go out, answers arrive
through the event loop.

Notifications go through jeepney rather than QtDBus: Notify takes a uint32 and a byte, and PySide6
sends every Python int as an int32 (or a uint16, through QDBusArgument), a signature notification
servers reject. jeepney writes the exact types; its socket is read when the event loop says it is
readable, so the window never blocks on it either (connecting, once, is a local handshake).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher, QDBusUnixFileDescriptor

import workers.bus as desktop_bus
from app.i18n import with_count
from app.text import count
from workers.bus import APP_NAME, LOGIND, LOGIND_MANAGER, LOGIND_PATH, NO_OWNER, OPEN_OUTPUT, PowerAction

if TYPE_CHECKING:
    from jeepney import Message

CALL_TIMEOUT_MS = int(desktop_bus.CALL_TIMEOUT * 1000)


# The clauses shared by the sleep lock, the power actions and notifications, each written out in
# a translate() call of its own so that lupdate finds it.
def _not_running(service: str) -> str:
    return QCoreApplication.translate("DBus", "{service} is not running here").format(service=service)


def _no_answer(service: str) -> str:
    return QCoreApplication.translate("DBus", "{service} did not answer").format(service=service)


def _refused(service: str, error: str) -> str:
    return QCoreApplication.translate("DBus", "{service} refused ({error})").format(service=service, error=error)


def _no_system_bus() -> str:
    return QCoreApplication.translate("DBus", "there is no D-Bus system bus here")


def _error_reason(reply: QDBusMessage, service: str) -> str:
    """An error answer as a clause: not running, no answer, or refused with its words."""
    name = reply.errorName()
    if name in NO_OWNER:
        return _not_running(service)
    if name == "org.freedesktop.DBus.Error.NoReply":
        return _no_answer(service)
    if name == "org.freedesktop.DBus.Error.Disconnected":
        return QCoreApplication.translate("DBus", "the D-Bus connection was lost")
    words = reply.errorMessage()
    return _refused(service, f"{name}: {words}" if words else name)


def _logind_call(member: str, *arguments: Any) -> QDBusMessage:
    message = QDBusMessage.createMethodCall(LOGIND, LOGIND_PATH, LOGIND_MANAGER, member)
    message.setArguments(list(arguments))
    return message


class _Calls(QObject):
    """Asynchronous calls on one QDBusConnection, each answered to a callback with the reply
    (an error reply included: a lost connection or a time-out is one too)."""

    def __init__(self, bus: QDBusConnection, parent: QObject) -> None:
        super().__init__(parent)
        self.bus = bus
        self._answers: dict[QDBusPendingCallWatcher, Callable[[QDBusMessage], None]] = {}

    def call(self, message: QDBusMessage, answered: Callable[[QDBusMessage], None]) -> None:
        watcher = QDBusPendingCallWatcher(self.bus.asyncCall(message, CALL_TIMEOUT_MS), self)
        self._answers[watcher] = answered
        # A bound method, not a closure: PySide 6.11 crashes deleting a watcher whose signal went
        # to a closure once the watcher's parent has gone.
        watcher.finished.connect(self._on_finished)

    def _on_finished(self, watcher: QDBusPendingCallWatcher) -> None:
        answered = self._answers.pop(watcher, None)
        reply = watcher.reply()
        watcher.deleteLater()  # it holds a copy of the reply, and so of any descriptor in it
        if answered is not None:
            answered(reply)


class SleepGuard(QObject):
    """Keeps the computer awake while jobs run: a logind "sleep" lock ('batchpilot: 3 jobs
    running'), its reason kept up to date, released when nothing runs.

    The first failure is emitted once as ``unavailable`` (a sentence for the log); no lock is
    asked for after it, though one held still releases.
    """

    unavailable = Signal(str)
    held_changed = Signal(bool)

    def __init__(self, bus: QDBusConnection | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._calls = _Calls(bus if bus is not None else QDBusConnection.systemBus(), self)
        self.problem: str | None = None
        self.why = ""
        self._jobs = 0
        self._fd: int | None = None
        self._asked = 0  # requests sent, numbered
        self._settled = 0  # answers to this request and earlier ones no longer count

    @property
    def held(self) -> bool:
        return self._fd is not None

    def reason(self, jobs: int) -> str:
        if jobs == 1:
            return self.tr("batchpilot: 1 job running")
        return with_count(self.tr("batchpilot: %1 jobs running", "", jobs), count(jobs))

    def set_running(self, jobs: int) -> None:
        """How many jobs run now: a lock while any does, with that count as its reason."""
        if jobs == self._jobs:
            return
        self._jobs = jobs
        self._asked += 1
        if jobs <= 0:
            self.release()
            return
        if self.problem is not None:
            return
        if not self._calls.bus.isConnected():
            self._give_up(_no_system_bus())
            return
        why, asked = self.reason(jobs), self._asked
        self._calls.call(_logind_call("Inhibit", "sleep", APP_NAME, why, "block"),
                         lambda reply: self._on_inhibit_answered(reply, asked, why))

    def release(self) -> None:
        """Let the computer sleep again; answers still on their way are dropped."""
        self._settled = self._asked
        if self._fd is not None:
            fd, self._fd, self.why = self._fd, None, ""
            os.close(fd)
            self.held_changed.emit(False)

    def _on_inhibit_answered(self, reply: QDBusMessage, asked: int, why: str) -> None:
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            if asked > self._settled:
                self._give_up(_error_reason(reply, f"logind ({LOGIND})"))
            return
        arguments = reply.arguments()
        lock = arguments[0] if arguments else None
        if not isinstance(lock, QDBusUnixFileDescriptor) or not lock.isValid():
            self._give_up(self.tr("logind ({service}) answered without a lock").format(service=LOGIND))
            return
        if asked <= self._settled:  # overtaken: released, or a newer reason is held already
            return
        # Qt closes its own descriptor with the reply; ours (not inherited by children) is the lock.
        fd = os.dup(lock.fileDescriptor())
        self._settled = asked
        old, self._fd, self.why = self._fd, fd, why
        if old is not None:
            os.close(old)  # after the new lock is taken: never a moment without one
        else:
            self.held_changed.emit(True)

    def _give_up(self, reason: str) -> None:
        if self.problem is None:
            self.problem = self.tr("The computer may go to sleep while jobs run: {reason}.").format(reason=reason)
            self.unavailable.emit(self.problem)


class PowerActions(QObject):
    """Suspend or power off through logind, not interactively (nobody is there to type a password).

    ``check`` only asks whether the action is possible (before a countdown); ``request`` asks,
    then does it. Either ends in ``possible``/``accepted`` or in ``failed`` with a sentence.
    """

    possible = Signal(object)  # PowerAction
    accepted = Signal(object)  # PowerAction: logind is suspending or powering off
    failed = Signal(object, str)  # PowerAction, a sentence

    def __init__(self, bus: QDBusConnection | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._calls = _Calls(bus if bus is not None else QDBusConnection.systemBus(), self)

    def check(self, action: PowerAction) -> None:
        self._ask(action, then_do=False)

    def request(self, action: PowerAction) -> None:
        self._ask(action, then_do=True)

    def suspend(self) -> None:
        self.request(PowerAction.SUSPEND)

    def power_off(self) -> None:
        self.request(PowerAction.POWER_OFF)

    def _ask(self, action: PowerAction, then_do: bool) -> None:
        if not self._calls.bus.isConnected():
            self._fail(action, _no_system_bus())
            return
        self._calls.call(_logind_call(action.can_method), lambda reply: self._on_can(action, reply, then_do))

    def _on_can(self, action: PowerAction, reply: QDBusMessage, then_do: bool) -> None:
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            self._fail(action, _error_reason(reply, f"logind ({LOGIND})"))
            return
        answer = (reply.arguments() or [""])[0]
        if answer == "no":
            self._fail(action, self.tr("this user is not allowed to (logind's {method} says no)").format(
                method=action.can_method))
        elif answer not in ("yes", "challenge"):
            self._fail(action, self.tr("this computer does not support it (logind's {method} says {answer})").format(
                method=action.can_method, answer=answer))
        elif not then_do:
            self.possible.emit(action)
        else:
            self._calls.call(_logind_call(action.value, False), lambda done: self._on_done(action, done))

    def _on_done(self, action: PowerAction, reply: QDBusMessage) -> None:
        if reply.type() == QDBusMessage.MessageType.ReplyMessage:
            self.accepted.emit(action)
        else:
            self._fail(action, _error_reason(reply, f"logind ({LOGIND})"))

    def _fail(self, action: PowerAction, reason: str) -> None:
        if action is PowerAction.SUSPEND:
            sentence = self.tr("Cannot suspend: {reason}.")
        else:
            sentence = self.tr("Cannot power off: {reason}.")
        self.failed.emit(action, sentence.format(reason=reason))


# -- desktop notifications -------------------------------------------------------------------


@dataclass(frozen=True)
class Notification:
    """What to tell: a title, a body, whether something failed, the folder Open output opens."""

    title: str
    body: str
    failed: bool = False
    output: str = ""


class _EventLoopLink(QObject):
    """Runs a workers.bus.EventLoopConnection in the window's event loop: reads when its socket is
    readable, and times calls out when their time is up."""

    def __init__(self, connection: desktop_bus.EventLoopConnection, parent: QObject) -> None:
        super().__init__(parent)
        self.connection = connection
        self._reader: QSocketNotifier | None = None
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self._on_expiry)

    def open(self) -> None:
        """Connect unless connected; raises desktop_bus.Unreachable."""
        fd = self.connection.open()
        if self._reader is None:
            self._reader = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._reader.activated.connect(self._on_readable)

    def call(self, message: Message, answered: Callable[[Message | None], None]) -> None:
        self.connection.call(message, answered)
        self._schedule()

    def close(self) -> None:
        self._expiry.stop()
        if self._reader is not None:
            self._reader.setEnabled(False)  # before the socket goes: Qt warns about a closed one
            self._reader.deleteLater()
            self._reader = None
        self.connection.close()

    def _on_readable(self) -> None:
        if not self.connection.read():
            self.close()  # lost: the next call connects again

    def _on_expiry(self) -> None:
        self.connection.expire()
        self._schedule()

    def _schedule(self) -> None:
        deadline = self.connection.next_deadline()
        if deadline is None:
            self._expiry.stop()
        else:
            self._expiry.start(max(1, int((deadline - time.monotonic()) * 1000) + 1))


class DesktopNotifier(QObject):
    """Desktop notifications with an Open output action. Each ends in ``shown`` or in
    ``not_shown`` with the reason (no session bus, no notification service, a refusal), so the
    caller can fall back; a click on Open output comes back as ``open_output`` with the folder."""

    shown = Signal(object)  # Notification
    not_shown = Signal(object, str)  # Notification, the reason
    open_output = Signal(str)

    def __init__(self, address: str | None = None, parent: QObject | None = None) -> None:
        """``address``: the session bus to use; None: $DBUS_SESSION_BUS_ADDRESS."""
        super().__init__(parent)
        connection = desktop_bus.EventLoopConnection("SESSION", address)
        where = (desktop_bus.NOTIFICATIONS_PATH, desktop_bus.NOTIFICATIONS)
        connection.watch(*where, "ActionInvoked", self._on_action)
        connection.watch(*where, "NotificationClosed", self._on_closed)
        self._link = _EventLoopLink(connection, self)
        self._capabilities: list[str] | None = None  # asked once per connection
        self._outputs: dict[int, str] = {}  # notification id -> the folder its action opens

    def notify(self, note: Notification) -> None:
        try:
            self._link.open()
        except desktop_bus.Unreachable as exc:
            self.not_shown.emit(note, str(exc))
            return
        if self._capabilities is None:
            self._link.call(desktop_bus.capabilities_call(), lambda reply: self._on_capabilities(note, reply))
        else:
            self._send(note)

    def close(self) -> None:
        self._link.close()

    def _on_capabilities(self, note: Notification, reply: Message | None) -> None:
        body = self._body(note, reply)
        if body is None:
            return
        self._capabilities = [str(c) for c in body[0]] if body and isinstance(body[0], list) else []
        self._send(note)

    def _send(self, note: Notification) -> None:
        actions = [(OPEN_OUTPUT, self.tr("Open output"))] if note.output else []
        message = desktop_bus.notify_call(note.title, note.body, note.failed, self._capabilities or [], actions)
        self._link.call(message, lambda reply: self._on_notified(note, reply))

    def _on_notified(self, note: Notification, reply: Message | None) -> None:
        body = self._body(note, reply)
        if body is None:
            return
        if note.output and body and isinstance(body[0], int):
            self._outputs[body[0]] = note.output
        self.shown.emit(note)

    def _body(self, note: Notification, reply: Message | None) -> tuple[Any, ...] | None:
        """The reply's body, or None once ``not_shown`` has said why there is none."""
        from jeepney import HeaderFields, MessageType

        service = desktop_bus.NOTIFICATIONS
        if reply is None:
            self._capabilities = None
            self.not_shown.emit(note, _no_answer(service))
            return None
        if reply.header.message_type is MessageType.error:
            self._capabilities = None  # the service may be another one next time
            name = reply.header.fields.get(HeaderFields.error_name, "")
            self.not_shown.emit(note, _not_running(service) if name in NO_OWNER else _refused(service, name))
            return None
        return tuple(reply.body)

    def _on_action(self, message: Message) -> None:
        said = tuple(message.body)  # (id, action key)
        if len(said) == 2 and said[1] == OPEN_OUTPUT and said[0] in self._outputs:
            self.open_output.emit(self._outputs[said[0]])

    def _on_closed(self, message: Message) -> None:
        if message.body:
            self._outputs.pop(message.body[0], None)
