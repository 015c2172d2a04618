"""``python -m workers`` and the ``batchpilot`` console command."""

from __future__ import annotations

import multiprocessing
import sys
from importlib.metadata import entry_points

WINDOW_ENTRY_POINT = "batchpilot-gui"  # [project.gui-scripts] in pyproject.toml


def open_window() -> int:
    """Open the window through its entry point: the engine layer never imports the app itself, and
    an installation without the window (a cluster node, a server) says so instead of failing."""
    found = entry_points(group="gui_scripts", name=WINDOW_ENTRY_POINT)
    if not found:
        sys.stderr.write("batchpilot: the window is not installed here; use 'batchpilot run TASK PATH...' "
                         "(batchpilot --help)\n")
        return 2
    window_main = next(iter(found)).load()
    return int(window_main([]) or 0)


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # first thing: a frozen worker must not re-run the app
    args = sys.argv[1:] if argv is None else argv
    if not args:
        return open_window()
    from workers.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
