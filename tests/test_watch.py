"""``batchpilot watch``: real files, real timing, a real watch process read line by line.

The tests wait for the lines the watch prints (never for a fixed time); the writers pace their
own writes, as a copy or a download would.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import psutil
import pytest

from tests.watch_support import ROOT, WatchProcess

FAULTY = "tests.sample_tasks:FaultyTask"
MB = 1 << 20


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    inbox, out = tmp_path / "inbox", tmp_path / "done"
    inbox.mkdir()
    return inbox, out


@pytest.fixture
def watching(folders):
    started: list[WatchProcess] = []

    def start(*extra: str, task: str = "zip") -> WatchProcess:
        inbox, out = folders
        proc = WatchProcess(task, str(inbox), "--out", str(out), "--settle", "1", "--workers", "2", *extra)
        started.append(proc)
        return proc

    yield start
    for proc in started:
        proc.close()


def member_size(archive: Path) -> int:
    with zipfile.ZipFile(archive) as z:
        assert z.testzip() is None
        return sum(i.file_size for i in z.infolist())


def taken_once_whole(watch: WatchProcess, inbox: Path, out: Path, name: str, size: int) -> None:
    """``name`` came out once (nothing more by the time a later file did), with all ``size`` bytes."""
    watch.wait_done(name)
    watch.sentinel(inbox)
    assert len(watch.done(name)) == 1
    assert member_size(out / f"{name}.zip") == size


def test_a_file_written_for_three_seconds_is_taken_once_whole(folders, watching):
    inbox, out = folders
    watch = watching("--set", "zip_method=stored")
    chunk = os.urandom(MB)
    tick = threading.Event()
    with open(inbox / "film.bin", "wb") as f:  # a copy: 50 MB over about 3 s, the file open throughout
        for _ in range(50):
            f.write(chunk)
            f.flush()
            tick.wait(0.06)
    taken_once_whole(watch, inbox, out, "film.bin", 50 * MB)


def test_a_writer_that_pauses_with_the_file_open_is_waited_for(folders, watching):
    inbox, out = folders
    watch = watching()
    pause = threading.Event()
    with open(inbox / "slow.bin", "wb") as f:
        f.write(b"a" * MB)
        f.flush()
        pause.wait(2.5)  # longer than the settle time: the file is still open for writing
        f.write(b"b" * MB)
    taken_once_whole(watch, inbox, out, "slow.bin", 2 * MB)


def test_a_burst_of_1000_files_gives_1000_outputs_each_once(folders, watching):
    inbox, out = folders
    watch = watching()
    for i in range(1000):
        (inbox / f"f{i:04}.txt").write_text(f"file {i}\n")
    watch.wait_for(lambda r: r["event"] == "file_done", 1000, timeout=120, what="1000 files")
    watch.sentinel(inbox)
    names = [r["rel"] for r in watch.done()]
    assert len(names) == len(set(names)) == 1001
    assert len(list(out.glob("f*.txt.zip"))) == 1000


def test_renamed_in_counts_and_partial_names_wait(folders, watching, tmp_path):
    inbox, out = folders
    watch = watching()
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("moved in")
    os.rename(outside, inbox / "moved.txt")
    (inbox / "video.mkv.part").write_bytes(b"x" * 1000)
    (inbox / "page.crdownload").write_bytes(b"y" * 1000)
    (inbox / ".hidden.txt").write_text("hidden")
    watch.wait_done("moved.txt")
    watch.sentinel(inbox)
    assert not watch.done("video.mkv.part") and not watch.done("page.crdownload")
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["moved.txt.zip", "zz-after.txt.zip"]
    os.rename(inbox / "video.mkv.part", inbox / "video.mkv")  # the download ended
    watch.wait_done("video.mkv")
    assert member_size(out / "video.mkv.zip") == 1000


def test_stopped_and_started_again_takes_what_came_meanwhile_and_redoes_nothing(folders, watching):
    inbox, out = folders
    first = watching()
    for i in range(5):
        (inbox / f"early-{i}.txt").write_text(f"early {i}")
    first.wait_for(lambda r: r["event"] == "file_done", 5, what="5 files")
    first.stop()
    for i in range(20):
        (inbox / f"later-{i:02}.txt").write_text(f"later {i}")
    second = watching()
    second.wait_for(lambda r: r["event"] == "file_done", 20, what="the 20 new files")
    second.sentinel(inbox)
    again = sorted(r["rel"] for r in second.done())
    assert again == [f"later-{i:02}.txt" for i in range(20)] + ["zz-after.txt"]
    assert len(list(out.glob("*.zip"))) == 26


def test_a_file_changed_after_it_was_done_is_done_again(folders, watching):
    inbox, out = folders
    watch = watching()
    (inbox / "notes.txt").write_text("first")
    watch.wait_done("notes.txt")
    with open(inbox / "notes.txt", "a") as f:
        f.write(" and second")
    watch.wait_done("notes.txt", count=2)
    with zipfile.ZipFile(out / "notes.txt.zip") as z:
        assert z.read("notes.txt") == b"first and second"


def test_an_output_folder_inside_the_watched_one_is_refused(folders):
    inbox, _ = folders
    result = subprocess.run([sys.executable, "-m", "workers", "watch", "zip", str(inbox), "--out",
                             str(inbox / "zipped")], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2
    assert "is inside the watched folder" in result.stderr
    assert not (inbox / "zipped").exists()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_watch_within_2_s_with_nothing_left_running(folders, watching, sig):
    inbox, _ = folders
    watch = watching(task=FAULTY)
    (inbox / "hang-1.txt").write_text("a file that takes a minute")
    watch.wait_for(lambda r: r["event"] == "job_started", what="the job to start")
    family = psutil.Process(watch.proc.pid).children(recursive=True)
    assert family, "the watch has no workers"
    took = watch.stop(sig)
    assert watch.proc.returncode == 0, watch.stderr
    assert took < 2.0, f"the watch took {took:.2f} s to stop"
    _, alive = psutil.wait_procs(family, timeout=2)
    assert not alive, f"left running: {alive}"
    assert "stopped:" in watch.stderr
