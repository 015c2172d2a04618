"""``batchpilot run TASK --help``: the run options, then that task's presets and options."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workers.cli import main
from workers.registry import load_task
from workers.task import describe_options

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", ["parse", "zip", "encode"])
def test_run_task_help_lists_the_tasks_presets_and_options(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", name, "--help"]) == 0
    out = capsys.readouterr().out
    assert "--path-map" in out  # the generic run options come first
    assert f"{name} — " in out
    task = load_task(name)
    for preset in task.presets:
        assert f"    {preset}: " in out
    for spec in describe_options(task.Options):
        assert f"    {spec.name}" in out


def test_a_custom_task_shows_its_own_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "tests.sample_tasks:FaultyTask", "-h"]) == 0
    assert "Faulty copy" in capsys.readouterr().out


def test_run_help_without_a_task_is_the_generic_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--help"]) == 0
    out = capsys.readouterr().out
    assert "usage: batchpilot run" in out and "options (--set KEY=VALUE)" not in out


def test_an_unknown_task_says_so_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "no-such-task", "--help"]) == 2
    assert "unknown task 'no-such-task'" in capsys.readouterr().err


def test_the_installed_command_prints_it() -> None:
    # Through the real entry point, as a user types it.
    result = subprocess.run([sys.executable, "-m", "workers", "run", "zip", "--help"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "zip — " in result.stdout and "options (--set KEY=VALUE)" in result.stdout
