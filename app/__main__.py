"""Entry point of the desktop window (``batchpilot-gui``, or ``batchpilot`` with no arguments).

Spawned worker processes re-import the main module, so nothing here imports Qt at module
level: a worker must stay small and must never build a window.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window; ``argv`` may name files or folders to add and ``--task SPEC``."""
    # First thing in a frozen build: without it every worker would start another window.
    multiprocessing.freeze_support()
    from app.application import run

    return run(list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    sys.exit(main())
