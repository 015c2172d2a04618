"""``batchpilot`` from a terminal: exit codes, the JSON stream, resume, Ctrl+C."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from tests.conftest import tree_hash
from workers.cli import main

ROOT = Path(__file__).resolve().parent.parent
FAULTY = "tests.sample_tasks:FaultyTask"


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def test_all_done_exits_0_and_writes_outputs(make_files, no_leftover_processes):
    src = make_files({"a.txt": "one", "sub/b.txt": "two"})
    code, _out, err = run_cli("run", FAULTY, str(src), "--workers", "2")
    assert code == 0, err
    assert (src.parent / "src-faulty" / "sub" / "b.txt.out").read_text() == "TWO"
    assert "2 done, 0 failed, 0 skipped" in err


def test_failures_exit_1_and_are_listed_with_their_reason(make_files, no_leftover_processes):
    src = make_files({"ok-1.txt": "x", "boom-1.txt": "x", "segv-1.txt": "x"})
    before = tree_hash(src)
    code, _, err = run_cli("run", FAULTY, str(src), "--workers", "2")
    assert code == 1
    assert f"{src / 'boom-1.txt'}: ValueError: boom in the task" in err
    assert f"{src / 'segv-1.txt'}: worker crashed (signal 11, SIGSEGV)" in err
    assert tree_hash(src) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "nosuchtask", "."], "unknown task 'nosuchtask'"),
        (["run", FAULTY, "/no/such/folder"], "no such file or folder: /no/such/folder"),
        (["run", FAULTY, ".", "--set", "hang_seconds=soon"], "hang_seconds: 'soon' is not a valid float"),
        (["run", FAULTY, ".", "--set", "hang_seconds=-1"], "hang_seconds must be at least 0"),
        (["run", FAULTY, ".", "--set", "colour=red"], "has no option 'colour'"),
        (["run", FAULTY, ".", "--set", "novalue"], "--set takes KEY=VALUE"),
        (["run", FAULTY, ".", "--workers", "0"], "must be at least 1"),
        (["run", FAULTY, ".", "--on-exists", "explode"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2_with_a_clear_message(args, message, make_files, monkeypatch, capsys):
    monkeypatch.chdir(make_files({"a.txt": "x"}))
    code, _, err = run_cli(*args)
    assert code == 2
    assert message in err + capsys.readouterr().err


def test_an_unwritable_output_folder_is_a_usage_error(make_files, tmp_path):
    src = make_files({"a.txt": "x"})
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    code, _, err = run_cli("run", FAULTY, str(src), "--out", str(blocker / "out"))
    assert code == 2 and "cannot write to the output folder" in err


def test_json_streams_one_object_per_event_and_nothing_else(make_files, no_leftover_processes):
    src = make_files({"ok-1.txt": "x", "bad-1.txt": "y", "skip-1.txt": "z"})
    code, out, _err = run_cli("run", FAULTY, str(src), "--json", "--workers", "2")
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    kinds = [r["event"] for r in records]
    assert kinds[0] == "batch_started" and kinds[-1] == "batch_finished"
    planned = {r["item_id"]: r["source"] for r in records if r["event"] == "item_planned"}
    assert sorted(Path(p).name for p in planned.values()) == ["bad-1.txt", "ok-1.txt", "skip-1.txt"]
    ends = {planned[r["item_id"]]: r for r in records if r["event"] in ("item_finished", "item_failed", "item_skipped")}
    assert ends[str(src / "bad-1.txt")]["reason"] == "this file is not what it claims to be"
    assert ends[str(src / "ok-1.txt")]["output"].endswith("ok-1.txt.out")
    assert ends[str(src / "skip-1.txt")]["event"] == "item_skipped"


def test_json_gives_a_name_that_is_not_utf8_as_text_and_as_its_bytes(tmp_path, no_leftover_processes):
    src = tmp_path / "src"
    src.mkdir()
    (src / os.fsdecode(b"caf\xe9.txt")).write_text("x")  # a Latin-1 name from an old disk
    result = subprocess.run([sys.executable, "-m", "workers", "run", "zip", str(src), "--json"], cwd=ROOT,
                            capture_output=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")  # strict: every line is valid UTF-8 JSON
    assert "\\udc" not in text
    [planned] = [r for r in map(json.loads, text.splitlines()) if r["event"] == "item_planned"]
    assert planned["source"].endswith("caf\ufffd.txt") and planned["rel"] == "caf\ufffd.txt"
    assert urllib.parse.unquote_to_bytes(planned["source_bytes"]) == os.fsencode(src) + b"/caf\xe9.txt"


def test_tasks_lists_every_task_with_options(capsys):
    code, out, _ = run_cli("tasks")
    assert code == 0
    for name in ("parse", "zip", "encode"):
        assert f"{name} — " in out
    assert "options (--set KEY=VALUE)" in out


def test_a_custom_task_from_a_python_file(tmp_path, make_files, no_leftover_processes):
    task_file = tmp_path / "mytask.py"
    task_file.write_text("def shout(item, report):\n    report(0.5)\n    return open(item.source).read().upper()\n")
    src = make_files({"a.txt": "hi"})
    code, out, _ = run_cli("run", f"{task_file}:shout", str(src), "--json")
    assert code == 0
    finished = [json.loads(x) for x in out.splitlines() if '"item_finished"' in x]
    assert finished[0]["message"] == "HI"


def _cli(*args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "workers", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _read_until(proc: subprocess.Popen, event: str, count: int = 1) -> None:
    seen = 0
    for line in proc.stdout:
        if json.loads(line)["event"] == event:
            seen += 1
            if seen == count:
                return
    raise AssertionError(f"the run ended before {count} {event} events: {proc.stderr.read()}")


def test_ctrl_c_cancels_and_exits_130(make_files, no_leftover_processes):
    src = make_files({f"hang-{i}.txt": "x" for i in range(4)})
    proc = _cli("run", FAULTY, str(src), "--json", "--workers", "2", "--set", "hang_seconds=2")
    _read_until(proc, "item_started")
    proc.send_signal(signal.SIGINT)  # first: running items finish, the rest are cancelled
    rest, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    events = [json.loads(x)["event"] for x in rest.splitlines()]
    assert "item_cancelled" in events and "item_finished" in events


def test_second_ctrl_c_stops_now(make_files, no_leftover_processes):
    src = make_files({f"hang-{i}.txt": "x" for i in range(4)})
    proc = _cli("run", FAULTY, str(src), "--json", "--workers", "2")  # items hang for a minute
    _read_until(proc, "item_started", 2)
    proc.send_signal(signal.SIGINT)
    assert any("cancelling" in line for line in proc.stderr), "the first Ctrl+C was not acknowledged"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 130, err
    assert "stopping now" in err


def test_killed_run_resumes_where_it_stopped(make_files, no_leftover_processes):
    files = {f"slow-{i:02}.txt": f"n{i}" for i in range(40)}
    src = make_files(files)
    out = src.parent / "src-faulty"
    proc = _cli("run", FAULTY, str(src), "--json", "--workers", "2")
    _read_until(proc, "item_finished", 10)
    proc.kill()  # power-cut style: no clean-up of any kind
    proc.communicate()
    code, _, err = run_cli("run", FAULTY, str(src), "--workers", "2")
    assert code == 0, err
    assert "Resuming:" in err
    assert "0 failed" in err and "skipped" in err
    for name, text in files.items():
        assert (out / f"{name}.out").read_text() == text.upper()
    assert not [p for p in out.rglob(".*") if "bp-part" in p.name], "partial outputs left"
    code, _, err = run_cli("run", FAULTY, str(src))
    assert code == 0 and "Nothing to do" in err
    (src / "slow-03.txt").write_text("changed")
    code, _, err = run_cli("run", FAULTY, str(src))
    assert "1 changed since and redone" in err
    assert (out / "slow-03.txt.out").read_text() == "CHANGED"


def test_retry_failed_reruns_only_the_failures(make_files, no_leftover_processes):
    src = make_files({"ok-1.txt": "x", "bad-1.txt": "y"})
    assert run_cli("run", FAULTY, str(src))[0] == 1
    (src / "bad-1.txt").rename(src / "bad-1.txt.keep")
    (src / "bad-1.txt.keep").rename(src / "bad-1.txt")
    code, out, _err = run_cli("run", FAULTY, str(src), "--retry-failed", "--json")
    ran = [json.loads(x) for x in out.splitlines() if '"item_started"' in x]
    assert len(ran) == 1 and code == 1
