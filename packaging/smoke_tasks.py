"""Custom tasks the smoke test hands to the frozen CLI (``batchpilot run smoke_tasks.py:hold``).

They run inside the frozen app's worker processes, so they use only what the bundle holds.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path
from typing import Any

from workers.task import ItemError

GATE_ENV = "BATCHPILOT_SMOKE_GATE"
HOLD_LIMIT_S = 120.0


def hold(item: Any, report: Any) -> str:
    """Say which worker took the item, then wait until the smoke test opens the gate.

    With every worker holding an item, the test can count the app's processes while a batch
    is certainly running.
    """
    gate = Path(os.environ[GATE_ENV])
    (gate / f"started-{os.getpid()}-{item.id}").touch()
    deadline = time.monotonic() + HOLD_LIMIT_S
    while not (gate / "release").exists():
        if time.monotonic() > deadline:
            raise ItemError(f"the smoke test did not open the gate in {HOLD_LIMIT_S:.0f} s")
        time.sleep(0.02)
    return f"held by {os.getpid()}"


def library_path(item: Any, report: Any) -> str:
    """The LD_LIBRARY_PATH a program started by a task sees ("<unset>" when there is none)."""
    out = subprocess.run(["sh", "-c", 'printf %s "${LD_LIBRARY_PATH-<unset>}"'],
                         capture_output=True, text=True, check=True)
    return out.stdout


def started_pids(gate: Path) -> set[int]:
    """The worker processes that have taken an item so far."""
    return {int(p.name.split("-")[1]) for p in gate.glob("started-*")}
