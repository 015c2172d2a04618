"""Attacks between and around runs, through the real command line: two runs on one folder, a
journal that is full, damaged or read-only, hostile arguments and names.

Each checks what a user would: no traceback, the right exit code, every complete output
reported as done, no partial output left, sources unchanged.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import tree_hash
from workers.journal import JOURNAL_NAME

ROOT = Path(__file__).resolve().parent.parent
FAULTY = "tests.sample_tasks:FaultyTask"


def cli(*args: str, user: list[str] | None = None, **kw) -> subprocess.Popen:
    """``batchpilot`` as a user starts it, in its own process (output streams buffered as in CI)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.Popen([*(user or []), sys.executable, "-m", "workers", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def run(*args: str, user: list[str] | None = None, timeout: float = 120) -> tuple[int, str, str]:
    proc = cli(*args, user=user)
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def events(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def partials(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if "bp-part" in p.name]


def check_reported_outputs(records: list[dict]) -> list[Path]:
    """Every output reported finished exists and is complete (the task upper-cases its source)."""
    planned = {r["item_id"]: r for r in records if r["event"] == "item_planned"}
    outputs = []
    for r in records:
        if r["event"] == "item_finished":
            source, output = Path(planned[r["item_id"]]["source"]), Path(r["output"])
            assert output.read_bytes() == source.read_bytes().upper(), f"{output} is not complete"
            outputs.append(output)
    return outputs


def journal_states(out_dir: Path) -> dict[str, str]:
    db = sqlite3.connect(out_dir / JOURNAL_NAME)
    try:
        return {os.fsdecode(src): state for src, state in db.execute("SELECT source, state FROM items")}
    finally:
        db.close()


# -- two runs on one folder ------------------------------------------------------------------


def test_a_second_run_on_a_busy_output_folder_is_refused_and_the_first_finishes(make_files,
                                                                                  no_leftover_processes):
    src = make_files({f"slow-{i:02}.txt": f"n{i}" for i in range(30)})
    out = src.parent / "out"
    before = tree_hash(src)
    first = cli("run", FAULTY, str(src), "--out", str(out), "--json", "--workers", "2")
    try:
        for line in first.stdout:
            if json.loads(line)["event"] == "item_finished":
                break
        code, _, err = run("run", FAULTY, str(src), "--out", str(out), "--workers", "2")
    except BaseException:
        first.kill()
        first.communicate()
        raise
    assert code == 2, err
    assert f"{out} is being written by batchpilot pid {first.pid} on host " in err
    assert "wait for it or choose another with --out" in err
    assert "Traceback" not in err and err.count("\n") == 1, err
    _, first_err = first.communicate(timeout=120)
    assert first.returncode == 0, first_err
    assert len(list(out.glob("*.out"))) == 30
    assert partials(out) == []
    assert tree_hash(src) == before
    # The lock went with its holder: the next run starts (and finds everything done).
    code, _, err = run("run", FAULTY, str(src), "--out", str(out))
    assert code == 0 and "Nothing to do" in err, err


def test_a_lock_left_by_a_killed_run_never_blocks(make_files, no_leftover_processes):
    src = make_files({f"slow-{i:02}.txt": f"n{i}" for i in range(20)})
    out = src.parent / "out"
    first = cli("run", FAULTY, str(src), "--out", str(out), "--json", "--workers", "2")
    for line in first.stdout:
        if json.loads(line)["event"] == "item_finished":
            break
    first.kill()  # no clean-up of any kind: the lock file stays, the kernel drops the lock
    first.communicate()
    assert (out / ".batchpilot-lock").exists()
    code, _, err = run("run", FAULTY, str(src), "--out", str(out), "--workers", "2")
    assert code == 0, err
    assert len(list(out.glob("*.out"))) == 20 and partials(out) == []


# -- the journal's own failures ----------------------------------------------------------------


@pytest.fixture
def small_disk(tmpfs):
    """A 512 KiB tmpfs."""
    return tmpfs("512k")


def test_a_full_disk_stops_the_batch_and_reports_every_finished_file(make_files, small_disk,
                                                                     no_leftover_processes):
    # Many small outputs: the disk fills while outputs and the journal both grow.
    src = make_files({f"ok-{i:03}.txt": "x" * 100 for i in range(300)})
    out = small_disk / "out"
    before = tree_hash(src)
    code, stdout, err = run("run", FAULTY, str(src), "--out", str(out), "--workers", "2", "--json")
    assert code == 1, err
    assert "Traceback" not in err
    records = events(stdout)
    assert records[-1]["event"] == "batch_finished"
    reported = check_reported_outputs(records)
    on_disk = sorted(out.glob("*.out"))
    assert sorted(reported) == on_disk, "every complete output is reported, and only those"
    assert 0 < len(on_disk) < 300
    failed = [r for r in records if r["event"] == "item_failed"]
    assert all("disk full while writing to" in r["reason"] for r in failed)
    assert f"the disk of {out} is full" in err or failed, err
    assert partials(small_disk) == []
    assert tree_hash(src) == before


def test_a_damaged_journal_is_moved_aside_and_the_run_goes_on(make_files, no_leftover_processes):
    src = make_files({f"ok-{i}.txt": f"n{i}" for i in range(4)})
    out = src.parent / "out"
    out.mkdir()
    (out / JOURNAL_NAME).write_bytes(b"this is not a database" * 100)
    code, _, err = run("run", FAULTY, str(src), "--out", str(out), "--workers", "2")
    assert code == 0, err
    assert "Traceback" not in err
    assert f"The resume journal {out / JOURNAL_NAME} was damaged; it was moved aside to " in err
    [aside] = out.glob(f"{JOURNAL_NAME}.corrupt-*")
    assert aside.read_bytes().startswith(b"this is not a database")
    assert len(list(out.glob("*.out"))) == 4
    assert set(journal_states(out).values()) == {"done"}
    # Damaged again: --restart copes the same way.
    (out / JOURNAL_NAME).write_bytes(b"\0garbage" * 500)
    code, _, err = run("run", FAULTY, str(src), "--out", str(out), "--restart", "--workers", "2")
    assert code == 0 and "was damaged" in err, err
    assert len(list(out.glob(f"{JOURNAL_NAME}.corrupt-*"))) >= 1


@pytest.fixture
def read_only():
    """read_only(path): make a file read-only even for root (the immutable attribute, chattr +i);
    undone after the test. Skips where the file system or the tools do not allow it."""
    made: list[Path] = []

    def make(path: Path) -> None:
        if shutil.which("chattr") is None:
            pytest.skip("chattr is not installed")
        result = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
        if result.returncode != 0:
            pytest.skip(f"cannot make a file immutable here: {result.stderr.strip()}")
        made.append(path)

    yield make
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def test_a_read_only_journal_is_refused_before_anything_runs(make_files, read_only, no_leftover_processes):
    src = make_files({f"ok-{i}.txt": f"n{i}" for i in range(3)})
    out = src.parent / "out"
    code, _, err = run("run", FAULTY, str(src), "--out", str(out))
    assert code == 0, err
    (src / "ok-9.txt").write_text("new")  # something to do on the next run
    os.chmod(out / JOURNAL_NAME, 0o444)
    if os.geteuid() == 0:
        read_only(out / JOURNAL_NAME)  # root writes through permissions
    outputs = {p.name: p.read_bytes() for p in out.glob("*.out")}
    code, _, err = run("run", FAULTY, str(src), "--out", str(out))
    assert code == 2, err
    assert f"the resume journal {out / JOURNAL_NAME} cannot be written (read-only)" in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert {p.name: p.read_bytes() for p in out.glob("*.out")} == outputs, "nothing ran"


def test_a_read_only_output_folder_is_refused_before_anything_runs(make_files, small_disk):
    src = make_files({"ok-1.txt": "x"})
    out = small_disk / "out"
    out.mkdir()
    remount = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True, text=True)
    if remount.returncode != 0:
        pytest.skip(f"cannot make the tmpfs read-only: {remount.stderr.strip()}")
    code, _, err = run("run", FAULTY, str(src), "--out", str(out))
    assert code == 2, err
    assert f"cannot write to the output folder {out}: Read-only file system; choose another with --out" in err
    assert "Traceback" not in err


# -- hostile arguments and names -----------------------------------------------------------------


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "-3"])
def test_a_timeout_that_can_never_fire_is_refused(value, make_files):
    src = make_files({"ok-1.txt": "x"})
    code, _, err = run("run", FAULTY, str(src), f"--timeout={value}")
    assert code == 2 and "--timeout" in err and "Traceback" not in err, err


@pytest.mark.parametrize("value", ["nan", "0", "-5"])
def test_a_memory_cap_that_makes_no_sense_is_refused(value, make_files):
    src = make_files({"ok-1.txt": "x"})
    code, _, err = run("run", FAULTY, str(src), f"--max-memory={value}")
    assert code == 2 and "--max-memory" in err and "Traceback" not in err, err


def test_too_many_workers_are_capped_with_a_note(make_files, no_leftover_processes):
    from workers.engine import worker_limit

    src = make_files({f"ok-{i}.txt": "x" for i in range(3)})
    code, _, err = run("run", FAULTY, str(src), "--workers", "10000")
    assert code == 0, err
    assert "10,000 workers are more than this computer runs well" in err and f"using {worker_limit()}" in err
    assert len(list((src.parent / "src-faulty").glob("*.out"))) == 3


def test_a_pool_larger_than_the_batch_starts_only_the_workers_it_needs(make_files, no_leftover_processes):
    from workers.engine import Engine, EngineOptions
    from workers.plan import make_plan
    from workers.registry import load_task
    from workers.task import build_options

    src = make_files({"ok-1.txt": "a", "ok-2.txt": "b"})
    task = load_task(FAULTY)
    plan = make_plan(task, build_options(task), [src])
    with Engine(EngineOptions(workers=8)) as engine:
        summary = engine.run(plan)
        assert summary.done == 2
        assert len(engine.worker_pids()) <= 2


def test_the_same_file_twice_and_a_folder_with_its_subfolder_run_once(make_files, no_leftover_processes):
    src = make_files({"f1.txt": "one", "sub/f2.txt": "two"})
    out = src.parent / "out"
    code, stdout, err = run("run", FAULTY, str(src / "f1.txt"), str(src / "f1.txt"), "--out", str(out), "--json")
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["f1.txt.out"]
    out2 = src.parent / "out2"
    code, stdout, err = run("run", FAULTY, str(src), str(src / "sub"), "--out", str(out2), "--json")
    assert code == 0, err
    records = events(stdout)
    assert [r["rel"] for r in records if r["event"] == "item_planned"] == ["f1.txt", "sub/f2.txt"]
    assert "symlink loop" not in stdout + err


def test_an_empty_selection_says_there_is_nothing_to_do(make_files):
    src = make_files({"a.txt": "x"})
    code, _, err = run("run", FAULTY, str(src), "--include", "*.nothing")
    assert code == 0
    assert err.strip() == "batchpilot: nothing to do: no files matched"


@pytest.mark.parametrize("length", [243, 250, 251, 255 - len(".out")])
def test_names_near_the_limit_are_written_when_their_output_fits(make_files, length, no_leftover_processes):
    name = "ok-" + "n" * (length - len("ok-") - len(".txt")) + ".txt"
    assert len(name) == length
    src = make_files({name: "long"})
    code, _, err = run("run", FAULTY, str(src), "--json")
    assert code == 0, err
    assert (src.parent / "src-faulty" / f"{name}.out").read_text() == "LONG"


def test_a_decompression_bomb_warning_is_the_files_own_warning(tmp_path, no_leftover_processes):
    from PIL import Image

    src = tmp_path / "src"
    src.mkdir()
    Image.new("RGB", (10, 10), "red").save(src / "bomb-1.png")
    code, stdout, err = run("run", FAULTY, str(src), "--json")
    assert code == 0, err
    assert "Warning" not in err, "no raw warning text on the terminal"
    logs = [r for r in events(stdout) if r["event"] == "log_message"]
    assert len(logs) == 1 and logs[0]["level"] == "warning" and logs[0]["item_id"] is not None
    assert logs[0]["text"].startswith("DecompressionBombWarning: Image size (100 pixels) exceeds limit")


def test_a_file_over_the_memory_cap_fails_alone(make_files, no_leftover_processes):
    from workers.engine import default_memory_cap_mb

    assert 1024 <= default_memory_cap_mb(2) <= 2048
    src = make_files({"hog-1.txt": "x", "ok-1.txt": "y"})
    # The hog holds 400 MB: over a cap given here, as the default would be for a larger file.
    code, _, err = run("run", FAULTY, str(src), "--max-memory", "200", "--set", "hang_seconds=5")
    assert code == 1, err
    assert "over the 200 MB limit per worker" in err
    assert (src.parent / "src-faulty" / "ok-1.txt.out").exists()


def test_a_journal_failing_mid_batch_stops_new_files_and_keeps_every_finished_one(make_files, monkeypatch,
                                                                                 no_leftover_processes):
    """The journal fills up after the run began: no file starts after that, the running ones end,
    every finished output is reported, and the summary says what to free."""
    import io

    from workers import journal as journal_module
    from workers.cli import main

    real_record = journal_module.Journal.record
    calls = []

    def record_until_full(self, events):
        calls.append(1)
        if len(calls) > 2:
            raise journal_module.JournalError(journal_module.JournalError.FULL, self.path,
                                              "database or disk is full")
        real_record(self, events)

    monkeypatch.setattr(journal_module.Journal, "record", record_until_full)
    src = make_files({f"slow-{i:03}.txt": f"n{i}" for i in range(200)})
    out = src.parent / "out"
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(["run", FAULTY, str(src), "--out", str(out), "--workers", "2", "--json"], stdout, stderr)
    err = stderr.getvalue()
    assert code == 1, err
    assert err.rstrip().endswith(f"batchpilot: the disk of {out} is full: the batch stopped starting new files. "
                                 "Free some space there, then run again to resume (finished files are kept)")
    records = events(stdout.getvalue())
    reported = check_reported_outputs(records)
    assert sorted(reported) == sorted(out.glob("*.out"))
    ends = [r["event"] for r in records if r["event"].startswith("item_") and r["event"] != "item_planned"
            and r["event"] not in ("item_started", "item_progress")]
    assert ends.count("item_cancelled") > 100, "files not started were not run"
    assert len(ends) == 200 and partials(out) == []
    # Space freed (here: the journal works again): the next run resumes.
    monkeypatch.setattr(journal_module.Journal, "record", real_record)
    stdout, stderr = io.StringIO(), io.StringIO()
    assert main(["run", FAULTY, str(src), "--out", str(out), "--workers", "2"], stdout, stderr) == 0
    assert len(list(out.glob("*.out"))) == 200
