"""``python -m workers`` and the ``batchpilot`` console command."""

from __future__ import annotations

import multiprocessing
import sys


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # first thing: a frozen worker must not re-run the app
    args = sys.argv[1:] if argv is None else argv
    if not args:
        from app.__main__ import main as gui_main  # the window, only when asked for

        return gui_main([])
    from workers.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
