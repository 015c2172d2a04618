"""Fixtures for the window's tests: offscreen Qt, throwaway settings, windows that clean up."""

from __future__ import annotations

import os

# Forced, not defaulted: these tests must never open windows on the developer's screen.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import atexit
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtDBus import QDBusConnection

from app.dialogs import CancelChoice
from app.main_window import MainWindow
from app.settings import Settings
from tests.dbus_standins import PrivateBus
from workers.registry import load_task
from workers.task import Task

_SETTINGS_HOME = tempfile.mkdtemp(prefix="batchpilot-test-settings-")
atexit.register(shutil.rmtree, _SETTINGS_HOME, True)
# Anything that asks QSettings for the user's file lands here instead.
for _fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
    QSettings.setPath(_fmt, QSettings.Scope.UserScope, _SETTINGS_HOME)
    QSettings.setPath(_fmt, QSettings.Scope.SystemScope, _SETTINGS_HOME)

FAULTY = "tests.sample_tasks:FaultyTask"
HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items) -> None:
    # The offscreen platform warns that it cannot pass size hints to a window manager it
    # does not have; that is the test platform talking, not the window.
    ignore = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(ignore)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings in a file of this test's own."""
    return Settings.at(str(tmp_path / "settings.ini"))


@pytest.fixture
def faulty_task() -> Task:
    return load_task(FAULTY)


class Asked:
    """Stands in for the window's questions; records that they were asked."""

    def __init__(self) -> None:
        self.cancel_choice = CancelChoice.KEEP_GOING
        self.quit_answer = False
        self.cancel_asked = 0
        self.quit_asked = 0

    def cancel(self) -> CancelChoice:
        self.cancel_asked += 1
        return self.cancel_choice

    def quit(self) -> bool:
        self.quit_asked += 1
        return self.quit_answer


@pytest.fixture
def make_window(qtbot, settings: Settings, faulty_task: Task) -> Iterator[Callable[..., MainWindow]]:
    """make_window(tasks=None, **kwargs) -> a shown MainWindow; shut down after the test."""
    made: list[MainWindow] = []

    def make(tasks: Mapping[str, Task] | None = None, **kwargs) -> MainWindow:
        window = MainWindow(settings, tasks if tasks is not None else {"faulty": faulty_task}, **kwargs)
        asked = Asked()
        window.ask_cancel = asked.cancel
        window.ask_quit = asked.quit
        window.asked = asked  # type: ignore[attr-defined]
        window.opened = []  # type: ignore[attr-defined]
        window.open_url = window.opened.append  # type: ignore[attr-defined]
        # Opening records the link; whether this machine has an application for it is not asked.
        window.open_path = lambda path: window.opened.append(QUrl.fromLocalFile(path))  # type: ignore[attr-defined]
        window.show_path = window.open_path  # type: ignore[attr-defined]
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.shutdown()


def wait_scanned(qtbot, window: MainWindow, rows: int | None = None) -> None:
    """Wait until the background scan is over (and ``rows`` rows are listed)."""
    qtbot.waitUntil(lambda: not window.scanner.busy and (rows is None or window.model.count() == rows),
                    timeout=10_000)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (to prove the sources were not touched)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def press(qtbot, window: MainWindow, key, modifier=None) -> None:
    """Type a shortcut into the window (made active first: shortcuts belong to the active window)."""
    from PySide6.QtCore import Qt

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, key, modifier if modifier is not None else Qt.KeyboardModifier.NoModifier)


def click(qtbot, window: MainWindow, action) -> None:
    """Click the toolbar button of ``action`` like a user would."""
    from PySide6.QtCore import Qt

    button = window.toolbar.widgetForAction(action)
    assert button is not None and button.isEnabled(), f"{action.text()} is not clickable"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A private Xvfb server on a display it picks itself; yields its name (":N")."""
    import subprocess

    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (apt-get install -y xvfb xauth)")
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()  # written once the server accepts connections
    try:
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def qt_bus(bus: PrivateBus, qapp) -> Iterator[QDBusConnection]:
    """The window's QtDBus connection, to the private bus."""
    name = f"batchpilot-test-{id(bus)}"
    connection = QDBusConnection.connectToBus(bus.address, name)
    assert connection.isConnected(), connection.lastError().message()
    yield connection
    QDBusConnection.disconnectFromBus(name)
