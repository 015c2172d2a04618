"""Leaving the computer to it: no sleep while jobs run, and what to do once the queue is done.

While a job runs or waits in a started queue, a logind "sleep" lock is held ('batchpilot: 3 jobs
running'); a desktop without logind is said once in the log. *Batch ▸ When the queue is done*
chooses nothing, quit, suspend, power off (each after a 60-second countdown that can be
cancelled) or a command of the user's own, with the outcome in BATCHPILOT_* variables. While a
watch folder is active the queue is never really done, so nothing is carried out then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from app import settings as keys
from app.dbus import PowerActions, SleepGuard
from app.job_queue import Job, JobState
from app.notify import headline
from app.when_done import CommandRunner, CountdownDialog, WhenDoneMenu
from workers.bus import PowerAction
from workers.when_done import COUNTDOWN_SECONDS, FinishedJob, WhenDone, WhenDoneChoice, queue_total, summary_env

if TYPE_CHECKING:
    from app.main_window import MainWindow


def saved_choice(value: str) -> WhenDoneChoice:
    try:
        return WhenDoneChoice.parse(value)
    except ValueError:  # from another version
        return WhenDoneChoice()


class Overnight(QObject):
    def __init__(self, window: MainWindow, guard: SleepGuard | None = None,
                 power: PowerActions | None = None) -> None:
        super().__init__(window)
        self.w = window
        self.guard = guard if guard is not None else SleepGuard(parent=self)
        self.power = power if power is not None else PowerActions(parent=self)
        self.menu = WhenDoneMenu(window, saved_choice(window.settings.get(keys.WHEN_DONE)))
        self.commands = CommandRunner(self)
        self.countdown_seconds = COUNTDOWN_SECONDS
        self.tick_ms = 1000  # a second; shorter in tests
        self.countdown: CountdownDialog | None = None
        self.ran: list[FinishedJob] = []  # the jobs that ended since the queue was last done
        self._said_watching = False
        q = window.queue
        for signal in (q.added, q.removed, q.changed):
            signal.connect(self._update_guard)
        q.job_ended.connect(self._on_job_ended)
        q.drained.connect(self._on_drained)
        self.menu.changed.connect(lambda choice: window.settings.set(keys.WHEN_DONE, str(choice)))
        self.guard.unavailable.connect(lambda sentence: window.log_dock.append([sentence]))
        self.power.failed.connect(lambda _action, sentence: self._say(sentence))
        self.commands.finished.connect(lambda _result, sentence: self._say(sentence))

    def _say(self, sentence: str) -> None:
        self.w.log_dock.append([sentence])
        self.w.show_message(sentence)

    @Slot()
    def _update_guard(self, *_: object) -> None:
        queue = self.w.queue
        busy = sum(1 for j in queue.jobs if j.running or (queue.started and j.state is JobState.WAITING))
        self.guard.set_running(busy)

    @Slot(object)
    def _on_job_ended(self, job: Job) -> None:
        if job.summary is not None and job.ran:
            self.ran.append(FinishedJob(job.summary, job.out_dir))
        self._update_guard()

    @Slot()
    def _on_drained(self) -> None:
        self._update_guard()
        jobs, self.ran = self.ran, []
        choice = self.menu.choice
        if not jobs or choice.action is WhenDone.NOTHING:
            return
        if self.w.watches.active:
            if not self._said_watching:  # a watch's every job drains the queue: said once
                self._said_watching = True
                self._say(self.tr("The queue is done, but watch folders are active: “When the queue is done” waits "
                                  "for them to be paused or removed."))
            return
        if choice.action is WhenDone.QUIT:
            self.w.close()
        elif choice.action is WhenDone.COMMAND:
            self.commands.start(choice.command, summary_env(jobs, headline(queue_total(jobs))))
        else:
            action = PowerAction.SUSPEND if choice.action is WhenDone.SUSPEND else PowerAction.POWER_OFF
            dialog = self.countdown = CountdownDialog(action, self.countdown_seconds, self.w, self.tick_ms)
            dialog.accepted.connect(lambda: self.power.request(action))
            dialog.start()

    def close(self) -> None:
        self.guard.release()
        self.commands.close()
