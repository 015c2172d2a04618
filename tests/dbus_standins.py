"""Stand-ins for the desktop's D-Bus services, on a private bus of the test's own.

The bus is a real dbus-daemon started with its own configuration (the same for the "system" and
the "session" bus: only the address matters to a client). The services speak real D-Bus through
jeepney from a thread of the test process and record what they are asked:

- StandInLogind hands out inhibitor locks the way logind does, as the write end of a pipe whose
  read end it keeps: the lock holds until every copy of the write end is closed, which the read
  end sees as end-of-file. It answers CanSuspend/CanPowerOff as told and records Suspend/PowerOff.
- StandInNotifications answers GetCapabilities and Notify, and sends ActionInvoked when a test
  "clicks" an action.

Any method can be made to answer an error instead (``refuse``), as a real service refusing would.
"""

from __future__ import annotations

import os
import select
import shutil
import socket
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

import pytest
from jeepney import DBusAddress, HeaderFields, Message, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, Proxy, open_dbus_connection

BUS_CONFIG = """<busconfig><type>session</type><listen>unix:path={socket}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/>
<allow own="*"/></policy></busconfig>"""
ACCESS_DENIED = "org.freedesktop.DBus.Error.AccessDenied"
WAIT = 10.0  # seconds: how long a test waits for something that should take milliseconds


class NoDbusDaemon(Exception):
    pass


class PrivateBus:
    """A dbus-daemon of the test's own, listening on a socket in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.address = ""
        self._daemon: subprocess.Popen[str] | None = None

    def start(self) -> PrivateBus:
        if shutil.which("dbus-daemon") is None:
            raise NoDbusDaemon("dbus-daemon is not installed (apt-get install dbus-daemon)")
        config = self.folder / "bus.conf"
        config.write_text(BUS_CONFIG.format(socket=self.folder / "bus"))
        self._daemon = subprocess.Popen(["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert self._daemon.stdout is not None
        self.address = self._daemon.stdout.readline().strip()  # printed once it accepts connections
        if not self.address:
            self.stop()
            raise AssertionError("dbus-daemon did not start")
        return self

    def stop(self) -> None:
        if self._daemon is not None:
            self._daemon.terminate()
            self._daemon.wait(timeout=WAIT)
            if self._daemon.stdout is not None:
                self._daemon.stdout.close()
            self._daemon = None


@contextmanager
def private_bus(folder: Path) -> Iterator[PrivateBus]:
    """A running private bus for a fixture; skips the test, saying why, where dbus-daemon is missing."""
    bus = PrivateBus(folder)
    try:
        bus.start()
    except NoDbusDaemon as exc:
        pytest.skip(str(exc))
    try:
        yield bus
    finally:
        bus.stop()


def missing_bus(folder: Path) -> str:
    """The address of a bus that is not there."""
    return f"unix:path={folder / 'no-bus-here'}"


class Service(threading.Thread):
    """A D-Bus service answering method calls in a thread; subclasses define ``answer_<Member>``."""

    bus_name = ""
    path = ""
    interface = ""

    def __init__(self, address: str) -> None:
        super().__init__(daemon=True, name=f"stand-in {self.bus_name}")
        self.address = address
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.refuse: dict[str, str] = {}  # member -> the error it answers with
        self._conn: DBusConnection | None = None
        self._ready = threading.Event()
        self._send_lock = threading.Lock()
        self._changed = threading.Condition()
        self.failure: BaseException | None = None

    # -- the test's side

    def __enter__(self) -> Self:
        self.start()
        assert self._ready.wait(WAIT), f"{self.bus_name} did not start"
        if self.failure is not None:
            raise self.failure
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self._conn is not None:
            try:
                self._conn.sock.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked on the socket
            except OSError:
                pass
        self.join(WAIT)
        assert not self.is_alive(), f"{self.bus_name} did not stop"
        if self._conn is not None:
            self._conn.close()
        if self.failure is not None:
            raise AssertionError(f"{self.bus_name} failed") from self.failure

    def members(self) -> list[str]:
        return [member for member, _body in self.calls]

    def wait_for(self, predicate: Callable[[], bool], what: str) -> None:
        """Wait until ``predicate`` holds (checked whenever a call comes in)."""
        with self._changed:
            assert self._changed.wait_for(predicate, WAIT), f"timed out waiting for {what}"

    def emit(self, member: str, signature: str, body: tuple[Any, ...]) -> None:
        emitter = DBusAddress(self.path, interface=self.interface)
        self._send(new_signal(emitter, member, signature, body))

    # -- the service's side

    def run(self) -> None:
        try:
            self._conn = open_dbus_connection(self.address, enable_fds=True)
            owned = Proxy(message_bus, self._conn, timeout=WAIT).RequestName(self.bus_name)
            assert owned == (1,), f"{self.bus_name} is taken on this bus"
        except BaseException as exc:
            self.failure = exc
            self._ready.set()
            return
        self._ready.set()
        while True:
            try:
                message = self._conn.receive()
            except OSError:  # stopped: the socket was shut down
                return
            if message.header.message_type is MessageType.method_call:
                try:
                    self._dispatch(message)
                except OSError:  # the bus went away (a test stopped it) before the answer went out
                    return
                except BaseException as exc:  # recorded for stop(), which fails the test
                    self.failure = exc
                    return

    def _dispatch(self, message: Message) -> None:
        member = message.header.fields.get(HeaderFields.member, "")
        with self._changed:
            self.calls.append((member, tuple(message.body)))
            self._changed.notify_all()
        answer: Callable[[Message], Message | None] | None = getattr(self, f"answer_{member}", None)
        if member in self.refuse:
            reply = new_error(message, self.refuse[member], "s", (f"{member} is not allowed for this test",))
        elif answer is None:
            reply = new_error(message, "org.freedesktop.DBus.Error.UnknownMethod", "s", (f"no method {member}",))
        else:
            reply = answer(message)
        if reply is not None:  # None: the answer sent itself
            self._send(reply)

    def _send(self, message: Message) -> None:
        assert self._conn is not None
        with self._send_lock:
            self._conn.send(message)


@dataclass
class Lock:
    """One inhibitor lock handed out: what it blocks, who asked, why, and the pipe's read end."""

    what: str
    who: str
    why: str
    mode: str
    read_end: int

    def held(self) -> bool:
        """No end-of-file yet: some copy of the handed-out end is still open."""
        readable, _, _ = select.select([self.read_end], [], [], 0)
        return not readable

    def wait_released(self, timeout: float = WAIT) -> bool:
        readable, _, _ = select.select([self.read_end], [], [], timeout)
        return bool(readable) and os.read(self.read_end, 1) == b""


class StandInLogind(Service):
    bus_name = "org.freedesktop.login1"
    path = "/org/freedesktop/login1"
    interface = "org.freedesktop.login1.Manager"

    def __init__(self, address: str) -> None:
        super().__init__(address)
        self.can = {"CanSuspend": "yes", "CanPowerOff": "yes"}
        self.locks: list[Lock] = []

    def stop(self) -> None:
        try:
            super().stop()
        finally:
            for lock in self.locks:
                os.close(lock.read_end)

    def answer_Inhibit(self, message: Message) -> None:
        read_end, write_end = os.pipe()
        what, who, why, mode = message.body
        self.locks.append(Lock(what, who, why, mode, read_end))
        try:
            # Sending copies the descriptor into the socket; after that the client's copy, in
            # flight, is the only one left.
            self._send(new_method_return(message, "h", (write_end,)))
        finally:
            os.close(write_end)

    def answer_CanSuspend(self, message: Message) -> Message:
        return new_method_return(message, "s", (self.can["CanSuspend"],))

    def answer_CanPowerOff(self, message: Message) -> Message:
        return new_method_return(message, "s", (self.can["CanPowerOff"],))

    def answer_Suspend(self, message: Message) -> Message:
        return new_method_return(message)

    def answer_PowerOff(self, message: Message) -> Message:
        return new_method_return(message)


@dataclass
class Notice:
    """One Notify call, by field."""

    id: int
    app: str
    replaces: int
    icon: str
    title: str
    body: str
    actions: list[str]
    hints: dict[str, tuple[str, Any]]
    timeout: int


class StandInNotifications(Service):
    bus_name = "org.freedesktop.Notifications"
    path = "/org/freedesktop/Notifications"
    interface = "org.freedesktop.Notifications"

    def __init__(self, address: str, capabilities: tuple[str, ...] = ("actions", "body")) -> None:
        super().__init__(address)
        self.capabilities = list(capabilities)
        self.notices: list[Notice] = []

    def answer_GetCapabilities(self, message: Message) -> Message:
        return new_method_return(message, "as", (self.capabilities,))

    def answer_Notify(self, message: Message) -> Message:
        notice = Notice(len(self.notices) + 1, *message.body)
        self.notices.append(notice)
        return new_method_return(message, "u", (notice.id,))

    def click(self, notice: Notice, action: str) -> None:
        """What the server does when the user picks an action: ActionInvoked, then the notice closes."""
        self.emit("ActionInvoked", "us", (notice.id, action))
        self.emit("NotificationClosed", "uu", (notice.id, 2))
