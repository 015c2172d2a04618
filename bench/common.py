"""Helpers the benchmarks share."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def cpu_seconds() -> float:
    """CPU used so far by this process and every child it has waited for (workers, peers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def fresh(folder: Path) -> Path:
    """An empty folder at ``folder`` (whatever was there is removed)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder
