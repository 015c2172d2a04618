"""The desktop's D-Bus services without Qt, for the CLI and watch folders: logind's sleep lock and
power actions on the system bus, desktop notifications on the session bus.

The calls block, each with a short time limit; the window has its own, non-blocking side in
app/dbus.py, which sends notifications through :class:`EventLoopConnection` here. Everything that
can go wrong (no D-Bus library, no bus, no service, a refusal) ends as a sentence for the user,
never as a traceback.
"""

from __future__ import annotations

import html
import os
import time
from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jeepney import Message
    from jeepney.io.blocking import DBusConnection

LOGIND = "org.freedesktop.login1"
LOGIND_PATH = "/org/freedesktop/login1"
LOGIND_MANAGER = "org.freedesktop.login1.Manager"
NOTIFICATIONS = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
APP_NAME = "batchpilot"
# logind answers at once; a notification server that D-Bus starts on demand takes a second or two.
CALL_TIMEOUT = 5.0
NO_OWNER = ("org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner")
OPEN_OUTPUT = "open-output"  # the notification action that opens the output folder
URGENCY_NORMAL, URGENCY_CRITICAL = 1, 2


class Unreachable(Exception):
    """A call that could not be made or was refused; str() is the reason, a clause without a full stop."""


class PowerActionFailed(Exception):
    """Suspending or powering off is not possible here; str() is a sentence for the user."""


class PowerAction(Enum):
    """What logind is asked to do when the queue is done; the value is its Manager method."""

    SUSPEND = "Suspend"
    POWER_OFF = "PowerOff"

    @property
    def can_method(self) -> str:
        """The Manager method that says whether the action is possible ("CanSuspend")."""
        return f"Can{self.value}"

    @property
    def verb(self) -> str:
        return "suspend" if self is PowerAction.SUSPEND else "power off"


def running_reason(jobs: int) -> str:
    """What logind lists as the reason the computer stays awake: 'batchpilot: 3 jobs running'."""
    return f"{APP_NAME}: {jobs} job running" if jobs == 1 else f"{APP_NAME}: {jobs} jobs running"


# -- connecting and calling ------------------------------------------------------------------


def connect(bus: str, address: str | None = None, fds: bool = False) -> DBusConnection:
    """A connection to ``bus`` ("SYSTEM" or "SESSION") or to ``address``; raises Unreachable.

    Without ``address`` the usual variables decide: DBUS_SYSTEM_BUS_ADDRESS (else the standard
    socket) and DBUS_SESSION_BUS_ADDRESS.
    """
    try:
        from jeepney.io.blocking import open_dbus_connection
    except ImportError:
        raise Unreachable("the Python package jeepney, which batchpilot talks to D-Bus with, is not "
                          "installed (pip install jeepney)") from None
    kind = "system" if bus == "SYSTEM" else "session"
    try:
        return open_dbus_connection(address or bus, enable_fds=fds)
    except KeyError:  # jeepney reads DBUS_SESSION_BUS_ADDRESS, and there is none
        raise Unreachable("there is no D-Bus session bus here (DBUS_SESSION_BUS_ADDRESS is not set)") from None
    except (OSError, RuntimeError, ValueError) as exc:  # no socket, refused, a transport jeepney lacks
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise Unreachable(f"there is no D-Bus {kind} bus here ({detail})") from None


def method_call(service: str, path: str, interface: str, member: str, signature: str | None = None,
                body: tuple[Any, ...] = ()) -> Message:
    from jeepney import DBusAddress, new_method_call

    return new_method_call(DBusAddress(path, bus_name=service, interface=interface), member, signature, body)


def call(conn: DBusConnection, message: Message, service_name: str, timeout: float = CALL_TIMEOUT) -> tuple[Any, ...]:
    """Send ``message`` and return the reply's body; raises Unreachable with a reason that names
    ``service_name`` ('logind (org.freedesktop.login1)')."""
    from jeepney import DBusErrorResponse
    from jeepney.wrappers import unwrap_msg

    try:
        reply = conn.send_and_get_reply(message, timeout=timeout)
    except TimeoutError:
        raise Unreachable(f"{service_name} did not answer within {timeout:g} s") from None
    except OSError as exc:
        raise Unreachable(f"the D-Bus connection was lost ({exc.strerror or exc})") from None
    try:
        return tuple(unwrap_msg(reply))
    except DBusErrorResponse as exc:
        raise Unreachable(refusal(service_name, exc.name, exc.data)) from None


def refusal(service_name: str, error: str, data: Any = ()) -> str:
    """The reason for an error answer: not running, or refused (with the service's own words)."""
    if error in NO_OWNER:
        return f"{service_name} is not running here"
    words = data[0] if isinstance(data, tuple) and data and isinstance(data[0], str) else ""
    return f"{service_name} refused ({error}{': ' + words if words else ''})"


LOGIND_NAME = f"logind ({LOGIND})"


def logind_call(member: str, signature: str | None = None, body: tuple[Any, ...] = ()) -> Message:
    return method_call(LOGIND, LOGIND_PATH, LOGIND_MANAGER, member, signature, body)


# -- the sleep lock --------------------------------------------------------------------------


class SleepInhibitor:
    """Keeps the computer from going to sleep while jobs run, with a logind "sleep" inhibitor lock.

    logind hands out a file descriptor: the lock holds while it stays open. The first failure
    sets :attr:`unavailable`, a sentence the caller reports once; no further lock is asked for
    then (a desktop without logind does not grow one mid-run), though a lock held still releases.
    """

    def __init__(self, address: str | None = None, timeout: float = CALL_TIMEOUT) -> None:
        self.address = address  # the system bus; None: $DBUS_SYSTEM_BUS_ADDRESS or the standard socket
        self.timeout = timeout
        self.unavailable: str | None = None
        self.why = ""
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def hold(self, why: str) -> bool:
        """Take the lock, or change its reason (a new lock first, then the old one closed, so
        there is no moment without one); returns whether a lock is held now."""
        if self._fd is not None and why == self.why:
            return True
        if self.unavailable is not None:
            return self.held
        try:
            fd = self._inhibit(why)
        except Unreachable as exc:
            self.unavailable = f"The computer may go to sleep while jobs run: {exc}."
            return self.held
        old, self._fd, self.why = self._fd, fd, why
        if old is not None:
            os.close(old)
        return True

    def set_running(self, jobs: int) -> bool:
        """Hold the lock while ``jobs`` > 0 ('batchpilot: 3 jobs running'), release it at 0."""
        if jobs > 0:
            return self.hold(running_reason(jobs))
        self.release()
        return False

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd, self.why = self._fd, None, ""
            os.close(fd)

    def __enter__(self) -> SleepInhibitor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def _inhibit(self, why: str) -> int:
        from jeepney.fds import FileDescriptor

        with connect("SYSTEM", self.address, fds=True) as conn:
            answer = call(conn, logind_call("Inhibit", "ssss", ("sleep", APP_NAME, why, "block")), LOGIND_NAME,
                          self.timeout)
        if not answer or not isinstance(answer[0], FileDescriptor):
            for extra in answer:
                if isinstance(extra, FileDescriptor):
                    extra.close()
            raise Unreachable(f"{LOGIND_NAME} answered without a lock")
        fd = answer[0].to_raw_fd()
        # Received descriptors are inheritable: a child started later (a task's encoder, the
        # when-done command) would otherwise keep the computer awake after the lock is released.
        os.set_inheritable(fd, False)
        return fd


# -- suspend and power off -------------------------------------------------------------------


def power(action: PowerAction, address: str | None = None, *, check_only: bool = False,
          timeout: float = CALL_TIMEOUT) -> None:
    """Ask logind to suspend or power off now (not interactively: no password prompt appears for
    a computer nobody watches); with ``check_only``, only whether it could. Raises PowerActionFailed."""
    try:
        with connect("SYSTEM", address) as conn:
            answer = call(conn, logind_call(action.can_method), LOGIND_NAME, timeout)
            problem = cannot(action, answer[0] if answer else "")
            if problem:
                raise PowerActionFailed(problem)
            if not check_only:
                call(conn, logind_call(action.value, "b", (False,)), LOGIND_NAME, timeout)
    except Unreachable as exc:
        raise PowerActionFailed(f"Cannot {action.verb}: {exc}.") from None


def cannot(action: PowerAction, answer: object) -> str | None:
    """Why logind's Can... answer rules the action out, or None ("yes"; "challenge" is tried:
    logind then says whether it needs a password)."""
    if answer in ("yes", "challenge"):
        return None
    if answer == "no":
        return f"Cannot {action.verb}: this user is not allowed to (logind's {action.can_method} says no)."
    return f"Cannot {action.verb}: this computer does not support it (logind's {action.can_method} says {answer})."


def suspend(address: str | None = None) -> None:
    power(PowerAction.SUSPEND, address)


def power_off(address: str | None = None) -> None:
    power(PowerAction.POWER_OFF, address)


# -- desktop notifications -------------------------------------------------------------------


def capabilities_call() -> Message:
    return method_call(NOTIFICATIONS, NOTIFICATIONS_PATH, NOTIFICATIONS, "GetCapabilities")


def notify_call(title: str, body: str, failed: bool, capabilities: Sequence[str],
                actions: Sequence[tuple[str, str]] = ()) -> Message:
    """Notify(app, replaces, icon, summary, body, actions, hints, timeout) as the specification
    types it (a uint32 id, a byte urgency); the body escaped where the server reads markup, the
    actions (key, label) offered only where it shows them."""
    if "body-markup" in capabilities:
        body = html.escape(body, quote=False)
    flat = [part for key, label in actions for part in (key, label)] if "actions" in capabilities else []
    hints = {"urgency": ("y", URGENCY_CRITICAL if failed else URGENCY_NORMAL), "desktop-entry": ("s", APP_NAME)}
    return method_call(NOTIFICATIONS, NOTIFICATIONS_PATH, NOTIFICATIONS, "Notify", "susssasa{sv}i",
                       (APP_NAME, 0, APP_NAME, title, body, flat, hints, -1))


def notify(title: str, body: str, urgency_failed: bool = False, *, address: str | None = None,
           timeout: float = CALL_TIMEOUT) -> bool:
    """Show a desktop notification; False where no notification service answers (the terminal
    has said it all anyway)."""
    try:
        with connect("SESSION", address) as conn:
            (capabilities,) = call(conn, capabilities_call(), NOTIFICATIONS, timeout)
            call(conn, notify_call(title, body, urgency_failed, capabilities), NOTIFICATIONS, timeout)
    except (Unreachable, ValueError):  # ValueError: a reply that is not what the specification says
        return False
    return True


# -- a connection for someone else's event loop ----------------------------------------------


class EventLoopConnection:
    """A D-Bus connection that never waits, for an event loop that is not ours (the window's):
    calls go out at once; the loop calls :meth:`read` when :meth:`open`'s descriptor is readable,
    and :meth:`expire` when :meth:`next_deadline` passes. Answers go to callbacks: the reply
    message, or None when none came in time or the connection was lost. Signals watched go to
    their handlers.
    """

    def __init__(self, bus: str = "SESSION", address: str | None = None, timeout: float = CALL_TIMEOUT) -> None:
        self.bus, self.address, self.timeout = bus, address, timeout
        self._conn: DBusConnection | None = None
        self._waiting: dict[int, tuple[Callable[[Message | None], None], float]] = {}  # serial -> (callback, deadline)
        self._signals: list[tuple[tuple[str, str, str], Callable[[Message], None]]] = []

    @property
    def connected(self) -> bool:
        return self._conn is not None

    def open(self) -> int:
        """Connect (raises Unreachable) and return the descriptor to watch for reading."""
        if self._conn is None:
            from jeepney.bus_messages import message_bus

            self._conn = connect(self.bus, self.address)
            for (path, interface, member), _handler in self._signals:
                # Not awaited: the bus handles it before any call sent after it.
                self._conn.send(message_bus.AddMatch(
                    f"type='signal',path='{path}',interface='{interface}',member='{member}'"))
        return self._conn.sock.fileno()

    def watch(self, path: str, interface: str, member: str, handler: Callable[[Message], None]) -> None:
        """Hand the signal ``member`` of ``interface`` at ``path`` to ``handler`` (from the next open)."""
        self._signals.append(((path, interface, member), handler))

    def call(self, message: Message, answered: Callable[[Message | None], None]) -> None:
        if self._conn is None:
            answered(None)
            return
        serial = next(self._conn.outgoing_serial)
        self._waiting[serial] = (answered, time.monotonic() + self.timeout)
        try:
            self._conn.send(message, serial=serial)
        except OSError:
            self._lost()

    def read(self) -> bool:
        """Handle every message that has arrived; False once the connection is lost (and closed)."""
        from jeepney import HeaderFields, MessageType

        while self._conn is not None:
            try:
                message = self._conn.receive(timeout=0)
            except TimeoutError:  # all read
                return True
            except (OSError, ValueError):  # the bus went away, or sent something unreadable
                self._lost()
                return False
            fields = message.header.fields
            if message.header.message_type in (MessageType.method_return, MessageType.error):
                self._answer(fields.get(HeaderFields.reply_serial, -1), message)
            elif message.header.message_type is MessageType.signal:
                said = (fields.get(HeaderFields.path), fields.get(HeaderFields.interface),
                        fields.get(HeaderFields.member))
                for where, handler in self._signals:
                    if said == where:
                        handler(message)
        return False

    def next_deadline(self) -> float | None:
        """When (time.monotonic) the first call waiting runs out of time; None when none waits."""
        return min((deadline for _answered, deadline in self._waiting.values()), default=None)

    def expire(self) -> None:
        """Answer None to the calls whose time is up."""
        now = time.monotonic()
        for serial in [s for s, (_answered, deadline) in self._waiting.items() if deadline <= now]:
            self._answer(serial, None)

    def close(self) -> None:
        """Drop the connection and the calls still waiting, unanswered."""
        self._waiting.clear()
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _lost(self) -> None:
        for serial in list(self._waiting):
            self._answer(serial, None)
        self.close()

    def _answer(self, serial: int, message: Message | None) -> None:
        waiting = self._waiting.pop(serial, None)
        if waiting is not None:
            waiting[0](message)
