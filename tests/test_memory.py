"""The memory cap's measure: a worker's resident memory with everything it started."""

from __future__ import annotations

import subprocess
import sys

import psutil
import pytest

from workers import memory

_HOLDER = ("import sys; x = bytearray(40_000_000); x[::4096] = b'1' * len(x[::4096]); "
           "print('ready', flush=True); sys.stdin.readline()")


@pytest.fixture
def tree():
    """A shell whose child holds 40 MB, and a grandchild of the shell doing nothing."""
    proc = subprocess.Popen(["sh", "-c", f'sleep 60 & {sys.executable} -c "{_HOLDER}"; kill $!'],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    yield proc
    proc.communicate("\n", timeout=30)


def _psutil_total(pid: int) -> int:
    parent = psutil.Process(pid)
    return parent.memory_info().rss + sum(c.memory_info().rss for c in parent.children(recursive=True))


def test_the_tree_is_counted_with_its_children(tree):
    measured = memory.tree_rss(tree.pid)
    assert measured > 40_000_000, "the child's 40 MB are counted"
    assert measured == pytest.approx(_psutil_total(tree.pid), rel=0.05)


def test_without_the_kernels_child_lists_psutil_counts(tree, monkeypatch):
    monkeypatch.setattr(memory, "_proc_children", lambda pid: None)
    assert memory._tree_rss_proc(tree.pid) is None
    assert memory.tree_rss(tree.pid) == pytest.approx(_psutil_total(tree.pid), rel=0.05)


def test_a_process_that_is_gone_has_none():
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    assert memory.tree_rss(proc.pid) == 0
