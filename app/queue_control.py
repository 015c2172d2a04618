"""What the user asks of the queue: queue the new job, start, pause, cancel, retry, run again,
edit as a new job, remove; and what to do with the jobs an earlier session left unfinished.

The window owns the widgets and shows; this decides. It reaches the window's parts through
the window it is given, as a controller of that one view.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from app import text
from app.controls import ACTIVE, RunState
from app.dialogs import CancelChoice
from app.file_row import RUNNABLE, FileRow, Status
from app.i18n import with_count
from app.job_model import JobModel
from app.job_queue import Job, JobSpec, JobState
from app.queue_store import SavedJob
from app.task_panel import typed_values
from app.watch_folders import WatchFolder
from workers.dask import BackendError
from workers.naming import NameTemplateError, check_template
from workers.plan import default_output_dir
from workers.task import OptionError

if TYPE_CHECKING:
    from app.main_window import MainWindow


class QueueControl(QObject):
    """Turns the queue's buttons, keys and menus into changes of the queue and its jobs."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self._left_over: list[SavedJob] = []

    def _freeze_draft(self) -> JobSpec | None:
        """The new job's settings as the task panel says, or None (the banner says why)."""
        panel = self.w.task_panel
        task = panel.current_task()
        if task is None:
            return None
        try:
            options = panel.options()
        except OptionError as exc:
            self.w.banner.show_error(self.tr("An option is not valid: {problem}").format(problem=exc))
            return None
        try:
            engine = panel.engine_choice()
        except BackendError as exc:
            self.w.banner.show_error(str(exc))
            return None
        naming = panel.naming()
        try:
            check_template(naming.template, task)
        except NameTemplateError as exc:
            self.w.banner.show_error(text.sentence(str(exc)))
            return None
        if naming.next_to_source and not engine.local:  # the cluster's workers cannot reach the job's journal
            self.w.banner.show_error(self.tr("Next to the sources works on this computer only; choose an output "
                                             "folder to run on a Dask cluster."))
            return None
        panel.save()
        inputs = tuple(self.w.inputs) or (self.w.draft.model.row(0).folder,)
        if naming.next_to_source:
            out_dir = inputs[0] if os.path.isdir(inputs[0]) else os.path.dirname(inputs[0])
        else:
            out_dir = panel.output_dir() or str(default_output_dir(inputs, task))
        return JobSpec(task, options, out_dir, panel.policy(), engine, inputs, naming)

    def queue_draft(self, start: bool) -> Job | None:
        """Freeze the new job into the queue (and start the queue); a fresh new job takes its place."""
        draft = self.w.draft
        if not draft.model.count(*RUNNABLE) or self.w.scanner.busy:
            return None
        spec = self._freeze_draft()
        if spec is None:
            return None
        draft.bytes = sum(r.size for r in draft.model.rows())
        self.w.draft = self.w.new_job()
        self.w.task_panel.new_draft()
        self.w.queue.add(draft, spec)
        self.w.show_job(draft)
        if start:
            self.w.queue.start()
        return draft

    @Slot()
    def start(self) -> None:
        if self.queue_draft(start=True) is None and self.w.queue.waiting():
            self.w.queue.start()
            self.w.refresh()

    @Slot()
    def add_to_queue(self) -> None:
        job = self.queue_draft(start=False)
        if job is not None:
            self.w.show_message(self.tr("Queued: {job}. Press Start (Ctrl+Return) to run the queue.")
                               .format(job=job.title))

    @Slot()
    def retry_shown(self) -> None:
        self.retry_failed(self.w.shown)

    def retry_failed(self, job: Job) -> None:
        self.w.queue.requeue(job, job.model.rows_with(Status.FAILED))
        self._after_requeue(job)

    @Slot(list)
    def retry_rows(self, rows: list[FileRow]) -> None:
        if rows and self.w.shown.ended:
            self.w.queue.requeue(self.w.shown, rows)
            self._after_requeue(self.w.shown)

    def run_again(self, job: Job) -> None:
        self.w.queue.requeue(job)
        self._after_requeue(job)

    def _after_requeue(self, job: Job) -> None:
        if job is self.w.shown:
            self.w.banner.hide()
            self.w.show_progress(job)
        self.w.queue_model.refresh_all()
        self.w.queue_panel.select(self.w.shown)
        self.w.refresh()

    def edit_as_new(self, job: Job) -> None:
        """The job's files and settings become the new job's, to change and queue again."""
        spec = job.spec
        if spec is None:
            return
        panel = self.w.task_panel
        if panel.select_task(spec.task.name):
            panel.form.set_values(typed_values(spec.options))
        panel.set_output_dir("" if spec.naming.next_to_source else spec.out_dir)
        panel.set_naming(spec.naming)
        i = panel.policy_combo.findData(spec.policy.value)
        if i >= 0:
            panel.policy_combo.setCurrentIndex(i)
        draft = self.w.draft
        for path in spec.inputs:
            if path not in draft.inputs:
                draft.inputs.append(path)
        draft.model.add_entries(r.as_source() for r in job.model.rows())
        self.w.show_job(draft)

    @Slot()
    def pause_or_resume(self) -> None:
        self.w.runner.pause_or_resume()
        if self.w.state is RunState.PAUSED and not self.w.bridge.pause_stops_running:
            self.w.show_message(self.tr("On a Dask cluster, Pause lets the running files finish; no new file "
                                       "starts until you resume."))

    @Slot()
    def hold(self) -> None:
        self.w.runner.hold()

    def select(self, job: Job | WatchFolder) -> None:
        """A row of the queue panel was selected: show the job (a watch: its latest job)."""
        if isinstance(job, WatchFolder):
            if job.jobs:
                self.w.show_job(job.jobs[-1])
                self.w.queue_panel.select(job)
            return
        self.w.show_job(job)

    def pause_job(self, job: Job | WatchFolder) -> None:
        if isinstance(job, WatchFolder):
            self.w.watch_control.pause(job)
            self.w.queue_panel.update_buttons()
            return
        if job.state in (JobState.HELD, JobState.PAUSED):
            self.w.queue.release(job)
        else:
            self.w.queue.hold(job)
        self.w.queue_panel.update_buttons()

    @Slot()
    def cancel_running(self) -> None:
        """Esc: cancel the running job and stop the queue (the jobs behind it wait for Start)."""
        if self.w.state not in ACTIVE or self.w.state is RunState.CANCELLING:
            if self.w.scanner.busy:
                self.w.scanner.cancel()
            return
        choice = self.w.ask_cancel()
        if choice is not CancelChoice.KEEP_GOING:
            self.w.queue.stop()
            self.w.runner.cancel(now=choice is CancelChoice.STOP_NOW)
            waiting = len(self.w.queue.waiting())
            if waiting:
                stopped = with_count(self.tr("The queue is stopped: %1 jobs wait. Press Start to go on.", "",
                                             waiting), text.count(waiting))
                self.w.show_message(stopped)

    def cancel_job(self, job: Job) -> None:
        """Cancel one job from the queue panel; the queue goes on with the next."""
        if job.running:
            choice = self.w.ask_cancel()
            if choice is CancelChoice.KEEP_GOING:
                return
            self.w.queue.cancel(job, now=choice is CancelChoice.STOP_NOW)
        else:
            self.w.queue.cancel(job)

    def remove_job(self, job: Job | WatchFolder) -> None:
        if isinstance(job, WatchFolder):
            self.w.watch_control.remove(job)
            return
        if self.w.queue.remove(job) and job is self.w.shown:
            self.w.show_job(self.w.draft)

    # -- what a session left unfinished --------------------------------------------------
    def offer_left_over(self) -> None:
        left = self.w.saver.left_over()
        if left:
            self.w.saver.paused = True  # nothing is written over them until the user decides
            self._left_over = left
            self.w.resume_offer.offer(left)
        else:
            self.w.saver.store.clear()

    def take_left_over(self, start: bool) -> None:
        self.w.saver.paused = False
        jobs = []
        for saved in self._left_over:
            job, problem = self.w.saver.rebuild(saved, self.w.tasks, lambda: JobModel(self.w._icons, parent=self))
            if job is None:
                self.w.log_dock.append([text.sentence(problem)])
                self.w.show_message(text.sentence(problem))
            else:
                jobs.append(job)
        self._left_over = []
        self.w.queue.restore(jobs)
        self.w.saver.save()
        if jobs:
            self.w.show_job(jobs[0])
        if start:
            self.w.queue.start()
        self.w.refresh()

    def discard_left_over(self) -> None:
        self.w.saver.paused = False
        self._left_over = []
        self.w.saver.store.clear()
