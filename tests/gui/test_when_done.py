"""The window's "when the queue is done" pieces (app/when_done.py): the menu of choices, the
countdown before suspend or power off, and the user's command run without blocking the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.when_done import CommandRunner, CountdownDialog, WhenDoneMenu
from workers.bus import PowerAction
from workers.when_done import WhenDone, WhenDoneChoice

WAIT_MS = 10_000


class Asker:
    """Stands in for the command dialog: gives the next answer, records what it was shown."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.shown: list[str] = []

    def __call__(self, current: str) -> str | None:
        self.shown.append(current)
        return self.answers.pop(0)


def checked(menu: WhenDoneMenu) -> list[WhenDone]:
    return [action for action, entry in menu.entries.items() if entry.isChecked()]


# -- the menu --------------------------------------------------------------------------------


def test_the_menu_offers_the_choices_one_at_a_time(qtbot):
    menu = WhenDoneMenu()
    qtbot.addWidget(menu)
    assert menu.title() == "When the queue is &done"
    assert [entry.text() for entry in menu.actions()] == ["Do &nothing", "&Quit batchpilot", "&Suspend", "&Power off",
                                                          "&Run a command…"]
    assert checked(menu) == [WhenDone.NOTHING]
    with qtbot.waitSignal(menu.changed) as changed:
        menu.entries[WhenDone.SUSPEND].trigger()
    assert changed.args == [WhenDoneChoice(WhenDone.SUSPEND)]
    assert checked(menu) == [WhenDone.SUSPEND] and menu.choice == WhenDoneChoice(WhenDone.SUSPEND)


def test_running_a_command_asks_for_it_and_a_cancelled_question_changes_nothing(qtbot):
    asker = Asker('notify-send "$BATCHPILOT_DONE done"', None, "  ")
    menu = WhenDoneMenu(ask_command=asker)
    qtbot.addWidget(menu)
    seen: list[WhenDoneChoice] = []
    menu.changed.connect(seen.append)
    command = menu.entries[WhenDone.COMMAND]
    command.trigger()
    assert seen == [WhenDoneChoice(WhenDone.COMMAND, 'notify-send "$BATCHPILOT_DONE done"')]
    assert command.toolTip() == 'notify-send "$BATCHPILOT_DONE done"'
    menu.entries[WhenDone.POWER_OFF].trigger()
    command.trigger()  # cancelled
    command.trigger()  # left blank
    assert asker.shown == ["", 'notify-send "$BATCHPILOT_DONE done"', 'notify-send "$BATCHPILOT_DONE done"']
    assert checked(menu) == [WhenDone.POWER_OFF]
    assert seen[-1] == WhenDoneChoice(WhenDone.POWER_OFF) and len(seen) == 2


def test_the_choice_kept_in_the_settings_is_shown_checked(qtbot):
    seen: list[WhenDoneChoice] = []
    menu = WhenDoneMenu(choice=WhenDoneChoice.parse("command:echo done"))
    qtbot.addWidget(menu)
    menu.changed.connect(seen.append)
    assert checked(menu) == [WhenDone.COMMAND]
    assert menu.entries[WhenDone.COMMAND].toolTip() == "echo done"
    menu.set_choice(WhenDoneChoice(WhenDone.QUIT))
    assert checked(menu) == [WhenDone.QUIT]
    assert menu.entries[WhenDone.COMMAND].toolTip() == ("Run a command line of your own, with the outcome in "
                                                        "environment variables")
    assert seen == []  # shown, not chosen


# -- the countdown ---------------------------------------------------------------------------


def test_the_countdown_says_the_seconds_left_and_goes_ahead_at_zero(qtbot):
    dialog = CountdownDialog(PowerAction.SUSPEND, seconds=60, tick_ms=60_000)  # ticks by hand below
    qtbot.addWidget(dialog)
    assert dialog.headline.text() == "Suspending in 60 s"
    assert dialog.now_button.text() == "Suspend now"
    dialog.tick()
    dialog.tick()
    assert dialog.headline.text() == "Suspending in 58 s"

    quick = CountdownDialog(PowerAction.POWER_OFF, seconds=3, tick_ms=1)
    qtbot.addWidget(quick)
    assert quick.headline.text() == "Powering off in 3 s"
    with qtbot.waitSignal(quick.accepted, timeout=WAIT_MS):
        quick.start()
    assert quick.remaining == 0 and quick.result() == QDialog.DialogCode.Accepted


def test_cancel_or_now(qtbot):
    dialog = CountdownDialog(PowerAction.POWER_OFF, tick_ms=60_000)
    qtbot.addWidget(dialog)
    dialog.start()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    dialog = CountdownDialog(PowerAction.POWER_OFF, tick_ms=60_000)
    qtbot.addWidget(dialog)
    dialog.start()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.now_button, Qt.MouseButton.LeftButton)
    assert dialog.remaining == 60


def test_a_stray_enter_cancels(qtbot):
    dialog = CountdownDialog(PowerAction.SUSPEND, tick_ms=60_000)
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(dialog.cancel_button.hasFocus)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)


# -- the command -----------------------------------------------------------------------------


def test_the_command_runs_with_the_outcome_in_its_environment(qtbot):
    runner = CommandRunner()
    with qtbot.waitSignal(runner.finished, timeout=WAIT_MS) as finished:
        runner.start('printf "%s files, %s" "$BATCHPILOT_DONE" "$BATCHPILOT_STATUS"',
                     {"BATCHPILOT_DONE": "8", "BATCHPILOT_STATUS": "ok"})
    result, sentence = finished.args
    assert result.ok and result.output == "8 files, ok"
    assert sentence == ("The command 'printf \"%s files, %s\" \"$BATCHPILOT_DONE\" \"$BATCHPILOT_STATUS\"' "
                        "finished (exit status 0).")
    assert not runner.running


def test_how_the_command_ended_is_said(qtbot):
    runner = CommandRunner()
    with qtbot.waitSignal(runner.finished, timeout=WAIT_MS) as finished:
        runner.start("echo disk full >&2; exit 3", {})
    result, sentence = finished.args
    assert (result.returncode, result.output) == (3, "disk full\n")
    assert sentence == "The command 'echo disk full >&2; exit 3' failed with exit status 3."
    with qtbot.waitSignal(runner.finished, timeout=WAIT_MS) as finished:
        runner.start("no-such-program-here", {})
    assert finished.args[1] == ("The command 'no-such-program-here' failed with exit status 127 (the shell did not "
                                "find the program).")
    with qtbot.waitSignal(runner.finished, timeout=WAIT_MS) as finished:
        runner.start("kill -KILL $$", {})
    assert finished.args[0].returncode is None
    assert finished.args[1] == "The command 'kill -KILL $$' was ended by a signal."


def test_a_command_still_running_is_stopped_when_the_window_closes(qtbot):
    runner = CommandRunner()
    ended: list[object] = []
    runner.finished.connect(ended.append)
    runner.start("exec sleep 30", {})
    assert runner.running
    runner.close()
    assert not runner.running and ended == []
