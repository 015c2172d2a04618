"""Starting the window where there is no display: one sentence and exit code 2, not Qt's abort."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.__main__ import display_problem, x_server_answers

ROOT = Path(__file__).resolve().parent.parent
NO_DISPLAY = ("batchpilot: no display: start batchpilot in a desktop session, or use `batchpilot run` for the "
              "command line")
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland displays are Linux's")


def _without_display(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return {**env, **extra}


def _free_display_number() -> int:
    for number in range(700, 800):
        if x_server_answers(f":{number}") is False:
            return number
    pytest.skip("no free X display number between :700 and :799")


def _run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=env, capture_output=True, text=True, cwd=str(ROOT), timeout=60)


def test_the_window_without_a_display_says_so_and_exits_2():
    result = _run([sys.executable, "-m", "app"], _without_display())
    assert result.returncode == 2  # not a signal (Qt's abort is -6, with a core dump)
    assert result.stderr.splitlines() == [NO_DISPLAY]
    assert result.stdout == ""


def test_the_batchpilot_command_without_a_display_says_so_too():
    command = Path(sys.executable).with_name("batchpilot")
    if not command.exists():
        pytest.skip("batchpilot is not installed in this environment (pip install -e .)")
    result = _run([str(command)], _without_display())
    assert (result.returncode, result.stderr.splitlines()) == (2, [NO_DISPLAY])


def test_a_display_nobody_answers_on_is_named():
    number = _free_display_number()
    result = _run([sys.executable, "-m", "app"], _without_display(DISPLAY=f":{number}"))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"batchpilot: no X server answers on the display :{number}: start batchpilot in a desktop session, "
        "or use `batchpilot run` for the command line"]


def test_platforms_that_need_no_display_are_left_to_qt():
    for platform in ("offscreen", "minimal", "vnc:size=800x600", "eglfs", "wayland;offscreen"):
        assert display_problem({"QT_QPA_PLATFORM": platform}) is None, platform
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}) == NO_DISPLAY
    assert display_problem({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}) == NO_DISPLAY
    assert display_problem({"DISPLAY": "far-away.example:0"}) is None  # not tried: could take seconds


@pytest.fixture
def listening(tmp_path: Path) -> Iterator[str]:
    """A display name whose socket accepts connections (the socket-path form XQuartz uses)."""
    path = str(tmp_path / "x:0")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        server.listen(64)  # never accepted: the check only connects
        yield path


def test_the_x_check_costs_well_under_a_millisecond_or_two(listening):
    number = _free_display_number()
    started = time.perf_counter()
    for _ in range(10):
        assert display_problem({"DISPLAY": listening}) is None
        assert x_server_answers(f":{number}") is False
    assert (time.perf_counter() - started) / 10 < 0.005


def test_a_real_x_server_passes_the_check():
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (apt-get install -y xvfb xauth)")
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-nolisten", "tcp"], pass_fds=(write,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            display = f":{pipe.readline().strip()}"
        assert x_server_answers(display) is True
        assert display_problem({"DISPLAY": display}) is None
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
