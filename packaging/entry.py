"""Entry point of the frozen app: one executable for the command line and the window.

Started as ``batchpilot`` it behaves like ``python -m workers`` (no arguments opens the
window); started under a name beginning with ``batchpilot-gui`` (a symlink or a copy) it
opens the window and takes paths and ``--task`` like ``python -m app``.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import MutableMapping


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


def ensure_utf8_locale(environ: MutableMapping[str, str] = os.environ) -> None:
    """Use C.UTF-8 when the environment names no locale, or only the C/POSIX one.

    A desktop launcher, a service or a bare container may start us with no LANG at all. Qt then
    warns on stderr that it "detected a locale (C) with the ASCII codeset" and switches to
    C.UTF-8 itself; doing it first (before Qt loads) keeps the terminal clean and gives every
    worker process and tool we start UTF-8 file names too. A real locale the user chose stays.
    """
    # The locale in effect is the first of these that is set and not empty (LC_ALL wins).
    current = next((environ[k] for k in ("LC_ALL", "LC_CTYPE", "LANG") if environ.get(k)), "")
    if current in ("", "C", "POSIX"):
        environ["LC_ALL"] = "C.UTF-8"
        if environ.get("LANG", "") in ("", "C", "POSIX"):
            environ["LANG"] = "C.UTF-8"


def main() -> int:
    """Run the command line or the window, depending on the name we were started as."""
    restore_library_path()  # before freeze_support: tools run inside workers need it too
    if getattr(sys, "frozen", False):
        ensure_utf8_locale()  # before anything imports Qt
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
