"""Resident memory of a process tree: what a memory cap is measured against (not RLIMIT_AS)."""

from __future__ import annotations


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and everything it started; 0 once it is gone."""
    import psutil  # only the supervisor needs it, not every worker

    try:
        proc = psutil.Process(pid)
        total = proc.memory_info().rss
        for child in proc.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                pass
        return int(total)
    except psutil.Error:
        return 0
