"""When the queue is done (workers/when_done.py): the choice as the CLI and the settings write it,
the outcome in environment variables, the user's command, the terminal's countdown, and suspend /
power off through a stand-in logind on a private bus."""

from __future__ import annotations

import argparse
import io
import threading
import time
from pathlib import Path

import pytest

from workers.engine import JobSummary
from workers.when_done import (
    FinishedJob,
    WhenDone,
    WhenDoneChoice,
    carry_out,
    countdown,
    run_command,
    summary_env,
    when_done_argument,
)


class FakeClock:
    """A clock that moves only when the countdown waits; ``cancel_at`` makes the wait that reaches
    that time answer 'cancel', ``interrupt_at`` raise Ctrl+C there."""

    def __init__(self, cancel_at: float | None = None, interrupt_at: float | None = None) -> None:
        self.now = 0.0
        self.cancel_at = cancel_at
        self.interrupt_at = interrupt_at

    def __call__(self) -> float:
        return self.now

    def wait(self, seconds: float) -> bool:
        assert 0 < seconds <= 1.0
        self.now += seconds
        if self.interrupt_at is not None and self.now >= self.interrupt_at:
            raise KeyboardInterrupt
        return self.cancel_at is not None and self.now >= self.cancel_at


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


JOBS = [
    FinishedJob(JobSummary(done=3, failed=1, skipped=2, elapsed=10.4), "/data/scans (parse)"),
    FinishedJob(JobSummary(done=5, cancelled=1, elapsed=20.3), "/data/clips (encode)"),
]


# -- the choice and the variables ------------------------------------------------------------


def test_every_choice_reads_back_from_its_text():
    for choice in [WhenDoneChoice(), WhenDoneChoice(WhenDone.QUIT), WhenDoneChoice(WhenDone.SUSPEND),
                   WhenDoneChoice(WhenDone.POWER_OFF), WhenDoneChoice(WhenDone.COMMAND, 'notify-send "all done"')]:
        assert WhenDoneChoice.parse(str(choice)) == choice
    assert str(WhenDoneChoice(WhenDone.POWER_OFF)) == "poweroff"
    assert WhenDoneChoice.parse(" command: echo hi ") == WhenDoneChoice(WhenDone.COMMAND, "echo hi")


def test_a_bad_when_done_value_is_a_sentence_on_the_command_line(capsys):
    parser = argparse.ArgumentParser(prog="batchpilot")
    parser.add_argument("--when-done", type=when_done_argument)
    assert parser.parse_args(["--when-done", "suspend"]).when_done == WhenDoneChoice(WhenDone.SUSPEND)
    for value, words in [("hibernate", "'hibernate' is not one of nothing, quit, suspend, poweroff, or command:CMD"),
                         ("command:", "'command:' needs the command to run after it")]:
        with pytest.raises(SystemExit):
            parser.parse_args(["--when-done", value])
        assert words in capsys.readouterr().err


def test_the_queue_outcome_in_environment_variables():
    assert summary_env(JOBS) == {
        "BATCHPILOT_STATUS": "failed",
        "BATCHPILOT_JOBS": "2",
        "BATCHPILOT_DONE": "8",
        "BATCHPILOT_FAILED": "1",
        "BATCHPILOT_SKIPPED": "2",
        "BATCHPILOT_CANCELLED": "1",
        "BATCHPILOT_ELAPSED": "31",
        "BATCHPILOT_OUTPUT": "/data/clips (encode)",
        "BATCHPILOT_OUTPUTS": "/data/scans (parse)\n/data/clips (encode)",
        "BATCHPILOT_SUMMARY": "2 jobs: 8 done, 1 failed, 2 skipped, 1 cancelled in 31 s",
    }
    assert summary_env(JOBS, "Batch finished: 8 done")["BATCHPILOT_SUMMARY"] == "Batch finished: 8 done"


@pytest.mark.parametrize(("summary", "status"), [
    (JobSummary(done=2, skipped=1), "ok"),
    (JobSummary(done=2, cancelled=3, cancelled_by_user=True), "cancelled"),
    (JobSummary(done=2, cancelled=3, stopped="the journal could not be written"), "failed"),
])
def test_the_status_in_one_word(summary, status):
    assert summary_env([FinishedJob(summary, "/out")])["BATCHPILOT_STATUS"] == status


# -- the command -----------------------------------------------------------------------------


def test_the_command_reads_the_outcome_from_its_environment():
    result = run_command('printf "%s files done, status %s" "$BATCHPILOT_DONE" "$BATCHPILOT_STATUS"',
                         summary_env(JOBS), capture=True)
    assert result.ok and result.output == "8 files done, status failed"
    assert result.sentence() == ("The command 'printf \"%s files done, status %s\" \"$BATCHPILOT_DONE\" "
                                 "\"$BATCHPILOT_STATUS\"' finished (exit status 0).")


def test_an_output_folder_name_never_becomes_a_command(tmp_path: Path):
    trap = tmp_path / "ran"
    job = FinishedJob(JobSummary(done=1), f"/data/$(touch {trap})`touch {trap}`")
    result = run_command('printf %s "$BATCHPILOT_OUTPUT"', summary_env([job]), capture=True)
    assert result.output == job.output
    assert not trap.exists()


def test_how_the_command_ended_is_said():
    failed = run_command("exit 3", {}, capture=True)
    assert (failed.ok, failed.returncode) == (False, 3)
    assert failed.sentence() == "The command 'exit 3' failed with exit status 3."
    missing = run_command("no-such-program-here", {}, capture=True)
    assert missing.sentence() == ("The command 'no-such-program-here' failed with exit status 127 "
                                  "(the shell did not find the program).")
    assert "not found" in missing.output
    killed = run_command("kill -TERM $$", {}, capture=True)
    assert killed.sentence() == "The command 'kill -TERM $$' was ended by signal 15 (SIGTERM)."


def test_a_command_over_its_time_is_stopped_with_what_it_started(no_leftover_processes):
    started = time.monotonic()
    stuck = run_command("sleep 30 & echo started; wait", {}, capture=True, timeout=0.5)
    assert time.monotonic() - started < 20  # the background sleep holds no pipe open after the stop
    assert not stuck.ok and stuck.returncode is None
    assert stuck.sentence() == ("The command 'sleep 30 & echo started; wait' was still running after 0.5 s and "
                                "was stopped.")


def test_without_capture_the_command_writes_to_the_terminal(capfd):
    assert run_command('echo "$BATCHPILOT_JOBS jobs"', summary_env(JOBS)).ok
    assert capfd.readouterr().out == "2 jobs\n"


# -- the countdown ---------------------------------------------------------------------------


def test_a_countdown_in_a_log_says_every_ten_seconds_and_the_last_five():
    clock, out = FakeClock(), io.StringIO()
    assert countdown(60, "Suspending", out, clock=clock, wait=clock.wait)
    assert clock.now == pytest.approx(60)
    said = [line.split(" s ")[0] for line in out.getvalue().splitlines()]
    assert said == [f"Suspending in {n}" for n in (60, 50, 40, 30, 20, 10, 5, 4, 3, 2, 1)]
    assert out.getvalue().splitlines()[0] == "Suspending in 60 s — press Ctrl+C to cancel"


def test_a_countdown_on_a_terminal_rewrites_one_line_each_second():
    clock, out = FakeClock(), Terminal()
    assert countdown(3, "Powering off", out, clock=clock, wait=clock.wait)
    assert out.getvalue() == "".join(f"\rPowering off in {n} s — press Ctrl+C to cancel  " for n in (3, 2, 1)) + "\n"


def test_a_countdown_stops_when_cancelled_or_on_ctrl_c():
    clock, out = FakeClock(cancel_at=2.5), io.StringIO()
    assert not countdown(60, "Suspending", out, clock=clock, wait=clock.wait)
    assert clock.now == pytest.approx(3)
    clock = FakeClock(interrupt_at=41)
    assert not countdown(60, "Suspending", io.StringIO(), clock=clock, wait=clock.wait)
    assert clock.now == pytest.approx(41)


def test_a_countdown_already_cancelled_does_not_wait():
    cancel = threading.Event()
    cancel.set()
    out = io.StringIO()
    assert not countdown(60, "Suspending", out, cancel)  # the real clock and wait: returns at once
    assert out.getvalue() == ""


# -- carrying it out, for the CLI ------------------------------------------------------------


def test_suspend_after_the_countdown(bus, logind):
    clock, out = FakeClock(), io.StringIO()
    assert carry_out(WhenDoneChoice(WhenDone.SUSPEND), JOBS, out, system_bus=bus.address, clock=clock,
                     wait=clock.wait)
    assert logind.calls == [("CanSuspend", ()), ("CanSuspend", ()), ("Suspend", (False,))]
    assert out.getvalue().splitlines()[-1] == "Suspending now."


def test_a_cancelled_countdown_leaves_the_computer_on(bus, logind):
    clock, out = FakeClock(cancel_at=10), io.StringIO()
    assert not carry_out(WhenDoneChoice(WhenDone.POWER_OFF), JOBS, out, system_bus=bus.address, clock=clock,
                         wait=clock.wait)
    assert logind.members() == ["CanPowerOff"]
    assert out.getvalue().splitlines()[-1] == "Cancelled: batchpilot will not power off."


def test_an_impossible_suspend_is_said_before_any_countdown(bus, logind):
    logind.can["CanSuspend"] = "na"
    clock, out = FakeClock(), io.StringIO()
    assert not carry_out(WhenDoneChoice(WhenDone.SUSPEND), JOBS, out, system_bus=bus.address, clock=clock,
                         wait=clock.wait)
    assert out.getvalue() == "Cannot suspend: this computer does not support it (logind's CanSuspend says na).\n"
    assert clock.now == 0


def test_the_command_choice_runs_it_and_says_how_it_ended():
    out = io.StringIO()
    assert not carry_out(WhenDoneChoice(WhenDone.COMMAND, "exit 4"), JOBS, out, capture=True)
    assert out.getvalue() == "Running the command 'exit 4'.\nThe command 'exit 4' failed with exit status 4.\n"
    out = io.StringIO()
    assert carry_out(WhenDoneChoice(), JOBS, out)
    assert carry_out(WhenDoneChoice(WhenDone.QUIT), JOBS, out)
    assert out.getvalue() == ""
