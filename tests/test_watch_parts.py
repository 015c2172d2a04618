"""The parts of a watch folder, one by one: what counts as complete, what a watch refuses, its counts."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

from workers.engine import JobSummary
from workers.plan import ScanOptions
from workers.registry import load_task
from workers.session import JobRefused
from workers.watch import FolderWatch, Settler, is_download_name, open_for_writing, signature
from workers.watch_run import WatchCounts, WatchSpec, check_watch


@pytest.mark.parametrize("name", ["film.mkv.part", "setup.exe.crdownload", "a.~tmp", "x.TMP", "~$report.docx",
                                  "song.mp3.opdownload", "f.filepart"])
def test_names_that_files_have_while_written_wait(name):
    assert is_download_name(name)


@pytest.mark.parametrize("name", ["film.mkv", "partition.txt", "report.docx", "tmp.txt"])
def test_ordinary_names_do_not_wait(name):
    assert not is_download_name(name)


def test_a_path_is_due_once_its_signature_held_for_the_settle_time(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("one")
    sig = signature(str(f))
    assert sig is not None
    settler = Settler(2.0)
    settler.observe(str(f), sig, now=10.0, wrote=True)
    assert settler.due(11.9) == []
    assert settler.next_due() == 12.0
    settler.observe(str(f), sig, now=11.0)  # the same signature seen again: the clock does not restart
    assert [p for p, _ in settler.due(12.0)] == [str(f)]
    f.write_text("one and two")
    settler.observe(str(f), signature(str(f)), now=12.0, wrote=True)  # it grew: wait again
    assert settler.due(13.9) == []
    assert [p for p, e in settler.due(14.0) if not e.closed] == [str(f)]
    settler.observe(str(f), signature(str(f)), now=14.0, closed=True)
    assert [e.closed for _, e in settler.due(14.0)] == [True]


def test_a_file_open_for_writing_is_seen_and_one_only_read_is_not(tmp_path):
    f = tmp_path / "a.bin"
    f.write_bytes(b"x")
    st = os.stat(f)
    key = (st.st_dev, st.st_ino)
    if open_for_writing({key}) is None:
        pytest.skip("no /proc here: the settle time alone decides")
    with open(f, "ab"):
        assert open_for_writing({key}) == {key}
    with open(f, "rb"):
        assert open_for_writing({key}) == set()


def test_the_watch_holds_back_a_file_open_for_writing_without_events(tmp_path):
    """Found by a rescan, no event, stable for the settle time, but still open: not taken."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    now = [100.0]
    watch = FolderWatch(inbox, ScanOptions(), settle=1.0, clock=lambda: now[0], use_events=False)
    with open(inbox / "a.bin", "wb") as f:
        f.write(b"x" * 10)
        f.flush()
        assert watch.take(timeout=0) == []  # the first look scans the folder
        now[0] += 5
        assert watch.take(timeout=0) == []  # stable, but open for writing
    now[0] += 1.5
    taken = watch.take(timeout=0)
    assert [(t.rel, t.size) for t in taken] == [("a.bin", 10)]
    now[0] += 100  # a rescan finds it again, unchanged: not handed out twice
    assert watch.take(timeout=0) == []


def test_filters_and_hidden_names_apply_to_the_watch(tmp_path):
    inbox = tmp_path / "in"
    (inbox / "sub").mkdir(parents=True)
    for name in ("a.txt", "b.log", "sub/c.txt", ".d.txt", "e.txt.part"):
        (inbox / name).write_text(name)
    now = [0.0]
    watch = FolderWatch(inbox, ScanOptions(include=("*.txt",)), settle=1.0, clock=lambda: now[0],
                        use_events=False)
    watch.take(timeout=0)
    now[0] += 2
    assert sorted(t.rel for t in watch.take(timeout=0)) == ["a.txt", "sub/c.txt"]


def test_files_given_back_are_due_again_after_the_delay(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text("a")
    now = [0.0]
    watch = FolderWatch(inbox, settle=1.0, clock=lambda: now[0], use_events=False)
    watch.take(timeout=0)
    now[0] += 2
    taken = watch.take(timeout=0)
    watch.give_back(taken, delay=30)
    now[0] += 29
    assert watch.take(timeout=0) == []
    now[0] += 1
    assert [t.rel for t in watch.take(timeout=0)] == ["a.txt"]


def _spec(folder: Path, out: Path | None) -> WatchSpec:
    task = load_task("zip")
    return WatchSpec(task, task.Options(), str(folder), str(out) if out else None)


def test_a_watch_refuses_outputs_inside_its_folder_and_the_folder_inside_its_outputs(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    with pytest.raises(JobRefused, match="inside the watched folder"):
        check_watch(_spec(inbox, inbox / "zipped"))
    with pytest.raises(JobRefused, match="inside the watched folder"):
        check_watch(_spec(inbox, inbox))
    with pytest.raises(JobRefused, match="is inside the output folder"):
        check_watch(_spec(inbox, tmp_path))
    with pytest.raises(JobRefused, match="is not a folder"):
        check_watch(_spec(tmp_path / "missing", None))
    assert check_watch(_spec(inbox, None)) == tmp_path / "in-zipped"


def test_counts_of_today_start_again_at_midnight():
    counts = WatchCounts(day=datetime.date(2026, 12, 1))
    counts.add(JobSummary(done=3, failed=1), today=datetime.date(2026, 12, 1))
    counts.add(JobSummary(done=2), today=datetime.date(2026, 12, 2))
    assert (counts.done_today, counts.failed_today) == (2, 0)
    assert (counts.done, counts.failed, counts.jobs) == (5, 1, 2)
