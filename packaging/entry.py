"""Entry point of the frozen app: one executable for the command line and the window.

Started as ``batchpilot`` it behaves like ``python -m workers`` (no arguments opens the
window); started under a name beginning with ``batchpilot-gui`` (a symlink or a copy) it
opens the window and takes paths and ``--task`` like ``python -m app``.
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def restore_library_path() -> None:
    """Give programs we start the library path the user had, not the bundle's.

    PyInstaller's bootloader points LD_LIBRARY_PATH at the bundle (keeping the old value in
    LD_LIBRARY_PATH_ORIG). The dynamic loader read it when this process started, so undoing
    it here only changes what children inherit: xdg-open and the file manager behind "Open
    output folder", or tools a task runs, would otherwise load our Qt and libpython instead
    of the system's and may crash. Our own worker processes set it up again for themselves.
    """
    if not getattr(sys, "frozen", False) or "LD_LIBRARY_PATH" not in os.environ:
        return
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        del os.environ["LD_LIBRARY_PATH"]
    else:
        os.environ["LD_LIBRARY_PATH"] = original


def main() -> int:
    """Run the command line or the window, depending on the name we were started as."""
    restore_library_path()  # before freeze_support: tools run inside workers need it too
    # In a spawned worker this runs the worker loop and exits, so a worker never imports Qt
    # or opens a window. Nothing heavy may be imported above this line.
    multiprocessing.freeze_support()
    name = os.path.basename(sys.argv[0]).lower()
    if name.startswith("batchpilot-gui"):
        from app.__main__ import main as gui_main

        return gui_main(sys.argv[1:])
    from workers.__main__ import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
