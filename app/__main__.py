"""Entry point of the desktop window (``batchpilot-gui``, or ``batchpilot`` with no arguments).

Spawned worker processes re-import the main module, so nothing here imports Qt at module
level: a worker must stay small and must never build a window.
"""

from __future__ import annotations

import multiprocessing
import os
import socket
import sys
from collections.abc import Mapping, Sequence

# Qt platforms that draw through a display server, and what names it. Any other platform
# (offscreen, minimal, vnc, eglfs, linuxfb...) needs none, and is left to Qt.
X11, WAYLAND = "xcb", ("wayland", "wayland-egl", "wayland-brcm")
X11_SOCKETS = "/tmp/.X11-unix/X{number}"
X11_TCP_PORT = 6000


def x_server_answers(display: str, timeout: float = 0.05) -> bool | None:
    """Whether an X server accepts connections at ``display`` (":0", "localhost:10.0"): True,
    False, or None when it cannot be told cheaply (a remote host, a form not understood).

    Only a connection is tried, no X protocol: a server that refuses our credentials passes.
    """
    host, _, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not number.isdigit():
        return None
    if host.startswith("/"):  # a socket path (XQuartz-style launchd sockets)
        return _connects(socket.AF_UNIX, display, timeout)
    if host in ("", "unix"):
        path = X11_SOCKETS.format(number=number)
        # Linux servers also listen on an abstract socket of the same name, which a container
        # may share without sharing /tmp.
        return _connects(socket.AF_UNIX, path, timeout) or (
            sys.platform.startswith("linux") and _connects(socket.AF_UNIX, "\0" + path, timeout))
    if host in ("localhost", "127.0.0.1", "::1"):  # ssh -X forwards to a local port: quick to try
        return _connects(socket.AF_INET6 if host == "::1" else socket.AF_INET, (host, X11_TCP_PORT + int(number)),
                         timeout)
    return None


def _connects(family: int, address: str | tuple[str, int], timeout: float) -> bool:
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        try:
            s.connect(address)
        except OSError:
            return False
    return True


def display_problem(env: Mapping[str, str] = os.environ) -> str | None:
    """Why the window cannot be shown here, as one line for stderr; None when it can (or may).

    Qt aborts when its platform finds no display, with a hint about libxcb packages that
    sends people the wrong way; this says what is missing before any QApplication is made.
    """
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly")):
        return None
    asked = [p.split(":", 1)[0].strip() for p in env.get("QT_QPA_PLATFORM", "").split(";") if p.strip()]
    if any(p not in (X11, *WAYLAND) for p in asked):
        return None
    wants_x11 = not asked or X11 in asked
    wants_wayland = not asked or any(p in WAYLAND for p in asked)
    display, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    if wants_wayland and wayland:
        return None
    if wants_x11 and display:
        if x_server_answers(display) is False:
            return (f"batchpilot: no X server answers on the display {display}: start batchpilot in a desktop "
                    "session, or use `batchpilot run` for the command line")
        return None
    return "batchpilot: no display: start batchpilot in a desktop session, or use `batchpilot run` for the command line"


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window; ``argv`` may name files or folders to add and ``--task SPEC``."""
    # First thing in a frozen build: without it every worker would start another window.
    multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    if not {"-h", "--help"} & set(args):
        problem = display_problem()
        if problem:
            print(problem, file=sys.stderr)
            return 2
    from app.application import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
