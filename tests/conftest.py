"""Shared fixtures. Tests run headless: Qt renders offscreen unless a test starts Xvfb itself."""

from __future__ import annotations

import hashlib
import os
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil
import pytest

from tests.dbus_standins import PrivateBus, StandInLogind, StandInNotifications, private_bus


def tree_hash(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder``, by relative path (to prove sources are untouched)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.is_symlink():
            out[str(p.relative_to(folder))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def worker_processes() -> list[psutil.Process]:
    """Our child processes, leaving out multiprocessing's own resource tracker."""
    kids = []
    for proc in psutil.Process().children(recursive=True):
        try:
            if any("resource_tracker" in part for part in proc.cmdline()):
                continue
            if proc.status() == psutil.STATUS_ZOMBIE:
                continue
        except psutil.Error:
            continue
        kids.append(proc)
    return kids


def wait_until(predicate: Callable[[], object], timeout: float = 30, what: str = "condition") -> None:
    """Poll ``predicate`` until it holds (for things no event announces, like files appearing)."""
    deadline = time.monotonic() + timeout
    tick = threading.Event()
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        tick.wait(0.02)


def still_running(procs: list[psutil.Process], timeout: float) -> list[psutil.Process]:
    """Those of ``procs`` still running after ``timeout`` s (a zombie has stopped: it only awaits reaping)."""

    def running(p: psutil.Process) -> bool:
        try:
            return p.status() != psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return False

    deadline = time.monotonic() + timeout
    tick = threading.Event()
    while True:
        alive = [p for p in procs if running(p)]
        if not alive or time.monotonic() > deadline:
            return alive
        tick.wait(0.01)


@pytest.fixture
def no_leftover_processes() -> Iterator[Callable[[], list[psutil.Process]]]:
    """Fails the test if it leaves a worker (or a worker's child) running."""
    yield worker_processes
    left = still_running(worker_processes(), timeout=3)
    for proc in left:
        proc.kill()
    assert not left, f"processes left behind: {left}"


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """tmpfs("1m") -> a small file system of that size: writes beyond it fail with ENOSPC, like a
    full disk (skips where mounting is not allowed); unmounted after the test."""
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        mount_point = tmp_path / f"small-disk-{len(mounted)}"
        mount_point.mkdir()
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount_point)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            pytest.skip(f"cannot mount a small tmpfs here: {result.stderr.strip()}")
        mounted.append(mount_point)
        return mount_point

    yield mount
    for mount_point in mounted:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


@pytest.fixture
def make_files(tmp_path: Path) -> Callable[..., Path]:
    """make_files({"a.txt": "text", "sub/b.bin": b"bytes"}) -> the folder holding them."""

    def make(spec: dict[str, str | bytes], folder: str = "src") -> Path:
        root = tmp_path / folder
        root.mkdir(parents=True, exist_ok=True)
        for rel, content in spec.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content)
        return root

    return make


# Module-scoped rather than session-scoped: other modules check after their tests that no
# child process of pytest is left, and a cluster kept for the session would be one.
@pytest.fixture(scope="module")
def dask_cluster() -> Iterator[Any]:
    """A real two-worker Dask cluster on the loopback address (skips without the dask extra)."""
    distributed = pytest.importorskip("distributed")
    before = {p.pid for p in worker_processes()}
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=":0") as cluster:
        yield cluster
    # Runners leave when their Dask worker does; wait for that, so no later test finds one.
    alive = still_running([p for p in worker_processes() if p.pid not in before], timeout=10)
    for proc in alive:
        proc.kill()
    assert not alive, f"cluster processes outlived the cluster: {alive}"


@pytest.fixture(scope="module")
def dask_url(dask_cluster: Any) -> str:
    """The cluster's address as a user writes it: dask://127.0.0.1:PORT."""
    return "dask://127.0.0.1:" + dask_cluster.scheduler_address.rsplit(":", 1)[1]


# A private D-Bus with stand-in services (tests/dbus_standins.py): logind and notifications.
@pytest.fixture
def bus(tmp_path: Path) -> Iterator[PrivateBus]:
    with private_bus(tmp_path) as private:
        yield private


@pytest.fixture
def logind(bus: PrivateBus) -> Iterator[StandInLogind]:
    with StandInLogind(bus.address) as service:
        yield service


@pytest.fixture
def notifications(bus: PrivateBus) -> Iterator[StandInNotifications]:
    with StandInNotifications(bus.address) as service:
        yield service
