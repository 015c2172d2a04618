"""``python -m workers`` and the ``batchpilot`` console command."""

from __future__ import annotations

import multiprocessing
import sys

WINDOW_ENTRY_POINT = "batchpilot-gui"  # [project.gui-scripts] in pyproject.toml


def open_window() -> int:
    """Open the window through its entry point: the engine layer never imports the app itself, and
    an installation without the window (a cluster node, a server) says so instead of failing."""
    # Imported here: every spawned worker imports this module as its main one, and the metadata
    # machinery would cost each of them ~15 ms at start for nothing.
    from importlib.metadata import entry_points

    found = entry_points(group="gui_scripts", name=WINDOW_ENTRY_POINT)
    if not found:
        sys.stderr.write("batchpilot: the window is not installed here; use 'batchpilot run TASK PATH...' "
                         "(batchpilot --help)\n")
        return 2
    window_main = next(iter(found)).load()
    return int(window_main([]) or 0)


def _exit_now(code: int) -> None:
    """End the command at once, as a normal exit would but without tearing the interpreter down
    module by module: the exit handlers run and the output is flushed, then the process ends.

    The teardown (every module and object of the engine, the task and the terminal output freed
    one by one) cost a command-line run 30-60 ms of its wall time for nothing. Whenever a normal
    exit could differ (a thread still running, output that cannot be flushed) this returns and
    the normal exit goes ahead.
    """
    import threading

    if any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        return  # the normal exit waits for it
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # the normal exit says so (and exits 120) as ever
    import atexit

    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    import os

    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # first thing: a frozen worker must not re-run the app
    args = sys.argv[1:] if argv is None else argv
    if not args:
        return open_window()
    from workers.cli import main as cli_main

    code = cli_main(args)
    if argv is None:  # the program itself (python -m workers, the batchpilot command): it ends here
        _exit_now(code)
    return code


if __name__ == "__main__":
    sys.exit(main())
