"""Resident memory of a process tree: what a memory cap is measured against (not RLIMIT_AS)."""

from __future__ import annotations

import os

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _proc_children(pid: int) -> list[int] | None:
    """Children of ``pid`` from /proc (every thread's list); None where the kernel has no such list."""
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return None
    found: list[int] = []
    for tid in threads:
        try:
            with open(f"/proc/{pid}/task/{tid}/children", "rb") as f:
                found += [int(p) for p in f.read().split()]
        except FileNotFoundError:
            continue  # the thread ended
        except OSError:
            return None
    return found


def _proc_rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0  # gone meanwhile


def _tree_rss_proc(pid: int) -> int | None:
    """The sum over the tree from /proc alone: a few small reads, where psutil lists every process
    of the machine to find the children (~9 ms on a busy machine, every check)."""
    if not os.path.exists(f"/proc/{pid}/statm"):
        return None
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        total += _proc_rss(p)
        children = _proc_children(p)
        if children is None:
            return None if p == pid else total
        todo += children
    return total


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and everything it started; 0 once it is gone."""
    fast = _tree_rss_proc(pid)
    if fast is not None:
        return fast
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
