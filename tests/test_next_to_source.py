"""Outputs next to their sources: no source overwritten, read-only folders, resume after a kill, no leftovers."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import tree_hash
from workers.cli import main
from workers.journal import DONE_BEFORE
from workers.lock import OutputLock
from workers.naming import OutputNaming, state_folder
from workers.outputs import partial_path
from workers.plan import OutputPolicy, make_plan
from workers.registry import load_task
from workers.task import build_options

ROOT = Path(__file__).resolve().parent.parent
FAULTY = "tests.sample_tasks:FaultyTask"


@pytest.fixture(autouse=True)
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's state folder (where such jobs keep their journal) is the test's own."""
    home = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(home))
    return home


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def sources_of(events: list[dict], kind: str) -> dict[str, dict]:
    """The ``kind`` events of a --json stream, by their source's file name."""
    source = {e["item_id"]: Path(e["source"]).name for e in events if e["event"] == "item_planned"}
    return {source[e["item_id"]]: e for e in events if e["event"] == kind}


def every_name(folder: Path) -> set[str]:
    """Every file and folder under ``folder``, hidden ones included."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def test_outputs_land_beside_their_sources_and_nothing_else_is_left(make_files, state_home):
    src = make_files({"a.txt": "one", "sub/b.txt": "two", "sub/deeper/c.txt": "three"})
    before = tree_hash(src)
    code, _, err = run_cli("run", "zip", str(src), "--next-to-source", "--workers", "1")
    assert code == 0, err
    assert every_name(src) == {"a.txt", "a.txt.zip", "sub", "sub/b.txt", "sub/b.txt.zip", "sub/deeper",
                               "sub/deeper/c.txt", "sub/deeper/c.txt.zip"}  # no journal, lock or partial
    assert zipfile.ZipFile(src / "sub" / "deeper" / "c.txt.zip").read("c.txt") == b"three"
    assert {k: v for k, v in tree_hash(src).items() if not k.endswith(".zip")} == before
    journal = state_folder(load_task("zip"), [str(src)]) / ".batchpilot-journal.sqlite"
    assert journal.is_file() and state_home in journal.parents
    # Again: the outputs are found by the scan, and are not taken for sources.
    code, _, err = run_cli("run", "zip", str(src), "--next-to-source")
    assert code == 0, err
    assert "Nothing to do: 3 files done by an earlier run" in err
    assert not [n for n in every_name(src) if n.endswith(".zip.zip")]


def test_a_template_that_would_overwrite_a_source_gets_a_new_name(make_files):
    # "a" names a.txt's archive a.txt.zip: a file that is itself one of the sources.
    src = make_files({"a.txt": "mine", "a.txt.zip": b"the user's own archive"})
    task = load_task("zip")
    for policy in OutputPolicy:
        plan = make_plan(task, build_options(task), [src], None, policy, naming=OutputNaming("a", True))
        outputs = {Path(w.source).name: Path(w.output).name for w in plan.items}
        assert outputs["a.txt"] == "a (1).txt.zip", policy
        assert all(Path(w.output).parent == src for w in plan.items)
    code, _, err = run_cli("run", "zip", str(src), "--next-to-source", "--name", "a", "--on-exists", "overwrite")
    assert code == 0, err
    assert (src / "a.txt.zip").read_bytes() == b"the user's own archive"
    assert zipfile.ZipFile(src / "a (1).txt.zip").read("a.txt") == b"mine"


@pytest.fixture
def read_only(make_files) -> Iterator[Path]:
    src = make_files({"open/a.txt": "one", "locked/b.txt": "two", "locked/c.txt": "three"})
    locked = src / "locked"
    locked.chmod(0o555)  # no write bit: read-only as its owner asked, even for root
    yield src
    locked.chmod(0o755)


def test_a_read_only_source_folder_skips_its_files_and_the_rest_goes_on(read_only):
    src = read_only
    code, out, err = run_cli("run", "zip", str(src), "--next-to-source", "--json")
    assert code == 0, err
    events = [json.loads(line) for line in out.splitlines()]
    skipped = {name: e["reason"] for name, e in sources_of(events, "item_skipped").items()}
    assert set(skipped) == {"b.txt", "c.txt"}
    assert skipped["b.txt"] == (f"cannot write next to the source: the folder {src / 'locked'} is read-only; "
                                "make it writable or choose an output folder")
    assert list(sources_of(events, "item_finished")) == ["a.txt"]
    assert (src / "open" / "a.txt.zip").is_file()
    assert sorted(os.listdir(src / "locked")) == ["b.txt", "c.txt"]
    assert not stat.S_IMODE((src / "locked").stat().st_mode) & 0o222


def test_out_and_next_to_source_exclude_each_other_and_a_watch_refuses_it(make_files):
    src = make_files({"a.txt": "1"})
    code, _, err = run_cli("run", "zip", str(src), "--next-to-source", "--out", str(src.parent / "o"))
    assert code == 2 and "--out and --next-to-source exclude each other" in err
    code, _, err = run_cli("watch", "zip", str(src), "--next-to-source")
    assert code == 2 and "a watch cannot write next to the sources" in err


def _cli(*args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "workers", *args], cwd=ROOT,
                            env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_killed_run_next_to_the_sources_resumes_without_redoing_done_files(make_files, state_home,
                                                                             no_leftover_processes):
    files = {f"slow-{i:02}.txt": f"n{i}" for i in range(30)}
    src = make_files(files)
    proc = _cli("run", FAULTY, str(src), "--next-to-source", "--name", "{name}-copy", "--json", "--workers", "2",
                env={"XDG_STATE_HOME": str(state_home)})
    done_first: set[str] = set()
    source: dict[int, str] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        event = json.loads(line)
        if event["event"] == "item_planned":
            source[event["item_id"]] = Path(event["source"]).name
        elif event["event"] == "item_finished":
            done_first.add(source[event["item_id"]])
            if len(done_first) == 8:
                break
    proc.kill()  # power-cut style: no clean-up of any kind
    proc.communicate()
    assert len(done_first) == 8
    # What a file killed halfway leaves beside its source: a hidden partial output.
    unfinished = sorted(set(files) - done_first)[-1]
    partial = partial_path(src / f"{unfinished[:-4]}-copy.txt.out", "deadbeef")
    partial.write_text("half")
    code, out, err = run_cli("run", FAULTY, str(src), "--next-to-source", "--name", "{name}-copy", "--json")
    assert code == 0, err
    events = [json.loads(line) for line in out.splitlines()]
    started = set(sources_of(events, "item_started"))
    assert started and not started & done_first  # nothing finished before runs again
    done_before = {n for n, e in sources_of(events, "item_skipped").items() if e["reason"] == DONE_BEFORE}
    assert done_first <= done_before and started | done_before == set(files)  # (the kill came a little later)
    for name, text in files.items():
        assert (src / f"{name[:-4]}-copy.txt.out").read_text() == text.upper()
    outputs = sorted(n for n in os.listdir(src) if n.endswith(".out"))
    assert len(outputs) == len(files)  # the earlier outputs were not taken for sources
    assert not [n for n in os.listdir(src) if n.startswith(".")], "hidden leftovers beside the sources"
    assert not partial.exists() and "half-written outputs of an interrupted run were removed" in err
    code, _, err = run_cli("run", FAULTY, str(src), "--next-to-source", "--name", "{name}-copy")
    assert code == 0 and "Nothing to do" in err


def test_a_second_run_on_the_same_sources_waits_for_the_first(make_files):
    src = make_files({"a.txt": "1"})
    before = every_name(src)
    with OutputLock.acquire(state_folder(load_task("zip"), [str(src)])):  # a run of the same job, going on
        code, _, err = run_cli("run", "zip", str(src), "--next-to-source")
    assert code == 2
    assert "is being written by batchpilot pid" in err and "wait for it: it writes next to the same sources" in err
    assert every_name(src) == before
