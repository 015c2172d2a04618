"""What the window does with its watch folders: add one with the task panel's settings, queue
the files each one finds as a job, count what those jobs did, and pause or remove a watch.

A watch's job that ends with every file done leaves the queue by itself (its numbers go to the
watch's row); one with failures stays, to be looked at and retried.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app import text
from app.bridge import EngineChoice
from app.file_row import Status
from app.i18n import with_count
from app.job_queue import Job, JobSpec, JobState
from app.watch_folders import WatchFolder, WatchList
from workers.plan import SourceFile
from workers.session import JobRefused
from workers.task import OptionError
from workers.watch_run import WatchSpec

if TYPE_CHECKING:
    from app.main_window import MainWindow


class WatchControl(QObject):
    def __init__(self, window: MainWindow, watches: WatchList) -> None:
        super().__init__(window)
        self.w = window
        self.watches = watches
        watches.added.connect(lambda watch: watch.ready.connect(self._on_ready))
        watches.problem.connect(window.show_message)
        window.queue.job_ended.connect(self._on_job_ended)
        window.queue.removed.connect(self._on_job_removed)

    @Slot()
    def watch_folder(self) -> None:
        """Batch ▸ Watch a folder: the task panel's task, options and output folder, on a folder
        the user picks (the new job's first folder is offered)."""
        panel = self.w.task_panel
        task = panel.current_task()
        if task is None:
            return
        try:
            options = panel.options()
        except OptionError as exc:
            self.w.banner.show_error(self.tr("An option is not valid: {problem}").format(problem=exc))
            return
        start = next((p for p in self.w.inputs if p), "")
        folder = self.w.choose_folder(self.tr("Choose a folder to watch"), start)
        if not folder:
            return
        spec = WatchSpec(task, options, folder, panel.output_dir() or None, panel.policy(), naming=panel.naming())
        try:
            watch = self.watches.add(spec)
        except JobRefused as exc:
            self.w.banner.show_error(text.sentence(str(exc)))
            return
        panel.save()
        self.w.show_message(self.tr("Watching {folder}: each file that arrives goes to {output}.")
                            .format(folder=text.tilde(folder), output=text.tilde(watch.out_dir)))

    def keep_in_tray(self) -> bool:
        """The window is being closed: while watches run and the desktop has a tray, hide it there
        instead (the tray icon's menu shows it again or quits). False: close as usual."""
        tray = self.w.notifier.tray
        active = len(self.watches.active)
        if not active or not isinstance(tray, QSystemTrayIcon):
            return False
        if tray.contextMenu() is None:
            menu = QMenu(self.w)
            menu.addAction(self.tr("Show batchpilot"), self.show_window)
            menu.addAction(self.tr("Quit batchpilot"), self.w.quit)
            tray.setContextMenu(menu)
            tray.activated.connect(self._on_tray_activated)
        tray.show()
        message = with_count(self.tr("batchpilot keeps watching %1 folders. Its tray icon shows the window again "
                                     "or quits.", "", active), text.count(active))
        tray.showMessage("batchpilot", message, QSystemTrayIcon.MessageIcon.Information, 8000)
        self.w.hide()
        return True

    def show_window(self) -> None:
        self.w.showNormal()
        self.w.raise_()
        self.w.activateWindow()

    def _on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_window()

    def pause(self, watch: WatchFolder) -> None:
        if watch.running:
            watch.pause()
        else:
            watch.start()

    def remove(self, watch: WatchFolder) -> None:
        self.watches.remove(watch)

    # -- its jobs ------------------------------------------------------------------------
    @Slot(object, list)
    def _on_ready(self, watch: WatchFolder, files: list[SourceFile]) -> None:
        if watch not in self.watches.watches:
            return
        job = watch.job
        if job is not None and job.state is JobState.WAITING and job in self.w.queue.jobs:
            job.model.add_entries(files)  # it has not started: the new files join it
            job.bytes += sum(f.size for f in files)
            self.w.queue_model.refresh_job(job)
            return
        spec = watch.spec
        job = self.w.new_job()
        job.watch = watch
        job.model.add_entries(files)
        job.bytes = sum(f.size for f in files)
        watch.job = job
        watch.jobs.append(job)
        self.w.queue.add(job, JobSpec(spec.task, spec.options, watch.out_dir, spec.policy, EngineChoice(),
                                      (spec.folder,), spec.naming), start=True)

    @Slot(object)
    def _on_job_ended(self, job: Job) -> None:
        watch = job.watch
        if not isinstance(watch, WatchFolder):
            return
        if watch.job is job:
            watch.job = None
        watch.job_ended(job.summary)
        if job.state is JobState.REFUSED:  # its output folder is busy: the watch tries again later
            watch.give_back([r.as_source() for r in job.model.rows()])
            self.w.log_dock.append([text.sentence(job.error)])
        elif job.state is JobState.DONE and not job.model.count(Status.FAILED) and job is not self.w.shown:
            self.w.queue.remove(job)

    @Slot(object)
    def _on_job_removed(self, job: Job) -> None:
        watch = job.watch
        if isinstance(watch, WatchFolder) and job in watch.jobs:
            watch.jobs.remove(job)
