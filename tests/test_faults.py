"""The fault matrix beyond the engine basics: full disks, vanishing sources, hostile names, scale."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import tree_hash
from workers.cli import main

FAULTY = "tests.sample_tasks:FaultyTask"
ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out, err), out.getvalue(), err.getvalue()


def partials(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if "bp-part" in p.name]


@pytest.fixture
def small_disk(tmpfs):
    """A 1 MiB tmpfs as the output folder."""
    return tmpfs("1m")


def test_disk_full_fails_those_files_with_advice_and_leaves_no_partial(make_files, small_disk,
                                                                     no_leftover_processes):
    src = make_files({f"ok-{i}.bin": os.urandom(300_000) for i in range(6)})
    before = tree_hash(src)
    code, _, err = run_cli("run", FAULTY, str(src), "--out", str(small_disk / "out"), "--workers", "2")
    assert code == 1
    assert "disk full while writing to" in err and "free some space, then retry the failed files" in err
    done = sorted((small_disk / "out").glob("*.out"))
    assert 1 <= len(done) <= 3
    for out in done:
        assert len(out.read_bytes()) == 300_000, "a finished output is complete"
    assert partials(small_disk) == []
    assert tree_hash(src) == before


def test_a_source_deleted_during_the_batch_fails_alone(make_files, no_leftover_processes):
    # The plan is made first; the file disappears before its worker gets to it.
    from workers.engine import EngineOptions, run_plan
    from workers.plan import make_plan
    from workers.registry import load_task
    from workers.task import build_options

    src = make_files({"ok-1.txt": "a", "ok-2.txt": "b"})
    task = load_task(FAULTY)
    plan = make_plan(task, build_options(task), [src])
    (src / "ok-2.txt").unlink()
    summary = run_plan(plan, None, EngineOptions(workers=2))
    assert summary.done == 1
    [(_item, reason)] = summary.failures
    assert reason == f"{src / 'ok-2.txt'} was moved or deleted while the batch ran"


def test_hostile_file_names_survive_the_cli_json_and_journal(tmp_path, no_leftover_processes):
    src = tmp_path / "src"
    src.mkdir()
    bad = os.fsencode(src) + b"/caf\xe9-latin1.txt"
    with open(bad, "wb") as f:
        f.write(b"x")
    (src / "new\nline.txt").write_text("y")
    (src / ("long" * 55 + ".txt")).write_text("z")
    (src / "boom-\xe9t\xe9.txt").write_text("w")
    code, out, err = run_cli("run", FAULTY, str(src), "--json")
    assert code == 1, err
    records = [json.loads(line) for line in out.splitlines()]
    assert sum(r["event"] == "item_finished" for r in records) == 3
    assert os.path.exists(os.fsencode(tmp_path) + b"/src-faulty/caf\xe9-latin1.txt.out")
    # The terminal summary and a resumed run cope with the same names.
    code, _, err = run_cli("run", FAULTY, str(src))
    assert code == 1 and "boom-\xe9t\xe9.txt: ValueError: boom in the task" in err


@pytest.mark.slow
def test_a_hundred_thousand_files_keep_the_parent_small(tmp_path):
    src = tmp_path / "many"
    for d in range(100):
        folder = src / f"d{d:03}"
        folder.mkdir(parents=True)
        for i in range(1000):
            (folder / f"f{i:04}.txt").write_bytes(b"")
    script = (
        "import resource, sys\n"
        "from workers.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print('peak_rss_kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "run", "tests.sample_tasks:tiny", str(src), "--workers", "2"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "100,000 done, 0 failed" in result.stderr
    peak_mb = int(result.stderr.split("peak_rss_kb")[1].split()[0]) / 1024
    print(f"parent peak RSS for 100,000 files: {peak_mb:.0f} MB")
    assert peak_mb < 400


def cancel_two_encodes(src: str, out: str) -> dict[str, Any]:
    """Run two encodes through the command line, press Ctrl+C twice once both are under way, and
    say what happened. Runs in a process of its own (see the test below)."""
    import signal
    import threading

    import psutil

    from tests.conftest import still_running

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "workers", "run", "encode", src, "--out", out,
                             "--preset", "mp4-h264", "--set", "speed=slow", "--workers", "2", "--json"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    err_lines: list[str] = []  # read all along: a full stderr pipe would hold the run up
    reader = threading.Thread(target=lambda: err_lines.extend(proc.stderr), daemon=True)
    reader.start()
    planned: dict[int, str] = {}
    progressed: set[int] = set()
    finished: set[int] = set()
    for line in proc.stdout:
        record = json.loads(line)
        if record["event"] == "item_planned":
            planned[record["item_id"]] = Path(record["output"]).name
        if record["event"] == "item_progress" and 0 < record["fraction"] < 1:
            progressed.add(record["item_id"])
        elif record["event"] == "item_finished":
            finished.add(record["item_id"])
        if len(progressed) == 2:
            break
    doomed = psutil.Process(proc.pid).children(recursive=True)
    proc.send_signal(signal.SIGINT)
    for line in proc.stdout:  # signals sent together arrive as one: wait until the first is taken
        record = json.loads(line)
        if record["event"] == "item_finished":
            finished.add(record["item_id"])
        if record["event"] == "cancel_started":
            break
    proc.send_signal(signal.SIGINT)  # the second one: stop now
    rest = proc.stdout.read()
    proc.wait(timeout=60)
    reader.join(10)
    proc.stdout.close()
    proc.stderr.close()
    finished.update(json.loads(x)["item_id"] for x in rest.splitlines() if '"item_finished"' in x)
    return {"returncode": proc.returncode, "progressed": len(progressed), "err": "".join(err_lines),
            "left_running": [p.pid for p in still_running(doomed, timeout=0.5)],
            "finished_outputs": sorted(planned[i] for i in finished)}


@pytest.mark.slow
def test_cancel_now_during_an_encode_leaves_no_process_and_no_partial(tmp_path, no_leftover_processes):
    """Ctrl+C twice while two encodes run: every worker and encoder thread is gone at once.

    The command line and the keys are driven from a fresh process: a pytest process that ran the
    window's tests keeps threads of its own that can hold up its reading for many seconds, and the
    encodes would end before the keys reach them.
    """
    from tests.media import make_clip, probe

    src = tmp_path / "clips"
    src.mkdir()
    for i in range(2):
        make_clip(src / f"clip{i}.mp4", seconds=10, size=(320, 240), noise=40)
    before = tree_hash(src)
    out = tmp_path / "out"
    driver = subprocess.run(
        [sys.executable, "-c", "import json, sys; from tests.test_faults import cancel_two_encodes as run; "
         "print(json.dumps(run(sys.argv[1], sys.argv[2])))", str(src), str(out)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=300)
    assert driver.returncode == 0, driver.stderr
    result = json.loads(driver.stdout.splitlines()[-1])
    assert result["progressed"] == 2, "the encodes never reported progress"
    assert result["returncode"] == 130, result["err"]
    assert result["left_running"] == []
    left = [p for p in out.rglob("*")
            if p.is_file() and not p.name.startswith(".batchpilot") and p.name != "index.jsonl"] \
        if out.exists() else []
    assert {p.name for p in left} <= {"clip0.mp4", "clip1.mp4"}, "no partial output is left"
    # An encode can end (and its output be renamed into place) before the keys reach it: on a
    # loaded machine, in the full suite, both sometimes do, so how many were stopped is not
    # asserted here (tests/test_engine.py stops running items and their children). Whatever
    # is left is whole and was reported done, as every output is.
    for path in left:
        assert abs(probe(path)["duration"] - 10) < 0.2
    assert sorted(p.name for p in left) == result["finished_outputs"], "what is left was reported done"
    assert tree_hash(src) == before
