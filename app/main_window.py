"""The main window: puts the panels together and passes what the user asks for along.

It holds no batch logic. Files are gathered in a draft job; Start or Add to queue freezes it
into a queued job (:mod:`app.job_queue`), which runs through :class:`JobRunner` and the bridge
thread. Each job keeps its own rows (:class:`JobModel`), numbers (:class:`Overall`), log and
outcome; the window shows one job at a time, chosen in the queue panel.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QUrl, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QFrame, QLabel, QMainWindow, QPushButton, QSplitter, QVBoxLayout

from app import desktop, dialogs, text
from app import settings as keys
from app.adding import Adding
from app.bridge import EngineBridge
from app.controls import ACTIVE, Counts, RunState, create_actions
from app.dialogs import CancelChoice
from app.drop import DropFilter, DropOverlay
from app.engine_control import EngineControl
from app.file_filter import StatusFilter
from app.file_list import shown_file
from app.file_row import FINISHED, RUNNABLE, FileRow, Status
from app.i18n import with_count
from app.job_area import JobArea
from app.job_model import JobModel
from app.job_queue import Job, JobQueue, JobState
from app.job_runner import JobRunner
from app.log_dock import LogDock
from app.notify import Notifier, headline
from app.overnight import Overnight
from app.queue_control import QueueControl
from app.queue_panel import QueueModel, QueuePanel
from app.queue_saver import QueueSaver, data_folder
from app.queue_store import QueueStore
from app.resources import app_icon, icon
from app.scanner import FolderScanner
from app.settings import Settings
from app.task_panel import TaskPanel, scrollable
from app.watch_control import WatchControl
from app.watch_folders import WatchFolder, WatchList
from workers.task import Task

STATUS_ICONS = {s: f"status-{s.value}" for s in Status}


class MainWindow(QMainWindow):
    """batchpilot's window. Engine, scanner, tasks, settings, queue store and URL opener are injectable."""

    def __init__(self, settings: Settings, tasks: Mapping[str, Task], bridge: EngineBridge | None = None,
                 scanner: FolderScanner | None = None,
                 open_url: Callable[[QUrl], Any] = QDesktopServices.openUrl,
                 queue_store: QueueStore | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.tasks = dict(tasks)
        self.open_url = open_url
        # What opening a file or showing it does; None or a sentence saying why it could not.
        self.open_path: Callable[[str], str | None] = lambda path: desktop.open_file(path, self.open_url)
        self.show_path: Callable[[str], str | None] = lambda path: desktop.show_in_folder(path, self.open_url)
        self.ask_cancel: Callable[[], CancelChoice] = lambda: dialogs.ask_cancel(self)
        self.ask_quit: Callable[[], bool] = lambda: dialogs.ask_quit(self)
        self._shut = False
        self._quitting = False  # File ▸ Quit, not the window's close button
        self.setWindowTitle("batchpilot")
        self.setWindowIcon(app_icon())
        self.setObjectName("mainWindow")

        self._icons = {s: icon(name) for s, name in STATUS_ICONS.items()}
        self.draft = self.new_job()
        self.shown = self.draft
        self.bridge = bridge if bridge is not None else EngineBridge(parent=self)
        self.runner = JobRunner(self.bridge, parent=self)
        self.queue = JobQueue(self.runner, parent=self)
        self.saver = QueueSaver(self.queue, queue_store or QueueStore(data_folder(settings)), parent=self)
        self.watches = WatchList(self.saver.store.folder, parent=self)
        # Asks for a folder (title, where to start); tests answer instead of a dialog.
        self.choose_folder: Callable[[str, str], str] = lambda title, start: QFileDialog.getExistingDirectory(
            self, title, desktop.start_folder(start))
        self.scanner = scanner if scanner is not None else FolderScanner(self)
        self.commands = create_actions(self)
        self.control = QueueControl(self)
        self.watch_control = WatchControl(self, self.watches)
        self.overnight = Overnight(self)
        self.notifier = Notifier(self)
        self._build(self.tasks)
        self._connect()
        self._restore()
        self.refresh()
        self.control.offer_left_over()
        for problem in self.watches.restore(self.tasks):
            self.log_dock.append([problem])
        self.engine_control.request()  # in the background: the window shows first

    @property
    def state(self) -> RunState:
        """The state of the running job (IDLE when none runs)."""
        return self.runner.state

    @property
    def model(self) -> JobModel:
        """The rows of the job shown."""
        return self.shown.model

    @property
    def overall(self) -> Any:
        return self.shown.overall

    @property
    def inputs(self) -> list[str]:
        """What the user added to the new job, in order (for output naming)."""
        return self.draft.inputs

    def new_job(self) -> Job:
        return Job(JobModel(self._icons, parent=self))

    # -- layout ---------------------------------------------------------------------------
    def _build(self, tasks: dict[str, Task]) -> None:
        a = self.commands
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addActions([a.add_files, a.add_folder])
        self.recent_menu = file_menu.addMenu(self.tr("&Recent folders"))
        file_menu.addAction(a.open_output)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        batch_menu = menu.addMenu(self.tr("&Batch"))
        batch_menu.addActions([a.start, a.add_to_queue, a.pause, a.hold, a.cancel])
        batch_menu.addSeparator()
        batch_menu.addActions([a.retry_failed, a.run_again, a.edit_job, a.clear_finished, a.clear_list])
        batch_menu.addSeparator()
        batch_menu.addAction(a.watch_folder)
        batch_menu.addMenu(self.overnight.menu)
        view_menu = menu.addMenu(self.tr("&View"))
        menu.addMenu(self.tr("&Help")).addActions([a.help, a.about])

        self.toolbar = self.addToolBar(self.tr("Main toolbar"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setMovable(False)
        for group in ((a.add_files, a.add_folder), (a.start, a.add_to_queue, a.pause, a.cancel),
                      (a.retry_failed, a.clear_finished), (a.open_output,)):
            self.toolbar.addActions(list(group))
            self.toolbar.addSeparator()

        self.task_panel = TaskPanel(tasks, self.settings)
        self.panel_scroll = panel_scroll = scrollable(self.task_panel)
        panel_scroll.setMinimumWidth(self.task_panel.minimumSizeHint().width())
        self.area = JobArea(self.model)
        # The parts tests and the runner's listeners reach for, by their own names.
        self.banner, self.stack, self.drop_area = self.area.banner, self.area.stack, self.area.drop_area
        self.file_list = self.area.file_list
        self.overall_bar, self.overall_text = self.area.overall_bar, self.area.overall_text
        self.resume_offer = self.area.resume_offer
        self.queue_model = QueueModel(self.queue, lambda: self.draft, parent=self, watches=self.watches)
        self.queue_panel = QueuePanel(self.queue_model)
        self.queue_panel.hide()  # until there is a job besides the new one
        self._queue_rows = 0

        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("queueSplitter")
        self.right.setChildrenCollapsible(False)
        self.right.addWidget(self.queue_panel)
        self.right.addWidget(self.area)
        self.right.setStretchFactor(1, 1)
        self.right.setSizes([150, 500])
        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(panel_scroll)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 800])
        central = QFrame()
        central.setObjectName("central")
        QVBoxLayout(central).addWidget(self.splitter)
        self.setCentralWidget(central)
        self.drop_overlay = DropOverlay(central)

        self.log_dock = LogDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.log_dock)
        toggle = self.log_dock.toggleViewAction()
        toggle.setText(self.tr("&Log panel"))
        toggle.setShortcut("Ctrl+L")
        toggle.setIcon(icon("log"))
        view_menu.addAction(toggle)
        # A short log by default: the file list is what people watch.
        self.resizeDocks([self.log_dock], [150], Qt.Orientation.Vertical)

        self.scan_label = QLabel()
        self.scan_cancel = QPushButton(self.tr("Cancel scan"))
        self.scan_cancel.setAccessibleName(self.tr("Cancel the folder scan"))
        self.statusBar().addPermanentWidget(self.scan_label)
        self.statusBar().addPermanentWidget(self.scan_cancel)
        self.scan_label.hide()
        self.scan_cancel.hide()
        self.resize(1180, 760)

    def _connect(self) -> None:
        a = self.commands
        ad = self.adding = Adding(self)
        a.add_files.triggered.connect(ad.add_files)
        a.add_folder.triggered.connect(ad.add_folder)
        a.start.triggered.connect(self.control.start)
        a.add_to_queue.triggered.connect(self.control.add_to_queue)
        a.pause.triggered.connect(self.control.pause_or_resume)
        a.hold.triggered.connect(self.control.hold)
        a.cancel.triggered.connect(self.control.cancel_running)
        a.retry_failed.triggered.connect(self.control.retry_shown)
        a.run_again.triggered.connect(lambda: self.control.run_again(self.shown))
        a.edit_job.triggered.connect(lambda: self.control.edit_as_new(self.shown))
        a.clear_finished.triggered.connect(self._on_clear_finished)
        a.clear_list.triggered.connect(self._on_clear_list)
        a.open_output.triggered.connect(self._on_open_output_folder)
        a.watch_folder.triggered.connect(self.watch_control.watch_folder)
        a.quit.triggered.connect(self.quit)
        a.help.triggered.connect(lambda: dialogs.show_help(self))
        a.about.triggered.connect(lambda: dialogs.show_about(self))
        self.recent_menu.aboutToShow.connect(ad.fill_recent_menu)

        self.drops = DropFilter(self)
        for widget in (self, self.drop_area, self.file_list.view.viewport()):
            self.drops.watch(widget)
        self.drops.dropped.connect(ad.add_paths)
        self.drops.refused.connect(self.show_message)
        self.drops.hovering.connect(self.drop_overlay.set_active)
        self.drop_area.add_files.connect(ad.add_files)
        self.drop_area.add_folder.connect(ad.add_folder)

        self.scanner.found.connect(ad.scan_found)
        self.scanner.done.connect(ad.scan_done)
        self.scan_cancel.clicked.connect(self.scanner.cancel)

        r = self.runner
        r.state_changed.connect(self._on_state_changed)
        r.updated.connect(self._on_updated)
        r.log.connect(self._on_log)
        q = self.queue
        q.job_ended.connect(self._on_job_ended)
        q.drained.connect(self.refresh)
        for signal in (q.added, q.removed, q.moved, self.watches.added, self.watches.removed):
            signal.connect(self._on_queue_changed)
        self.saver.problem.connect(self.show_message)
        self.notifier.open_output.connect(self._open)

        qp = self.queue_panel
        qp.selected.connect(self.control.select)
        qp.move_up.connect(lambda job: self.queue.move(job, -1))
        qp.move_down.connect(lambda job: self.queue.move(job, 1))
        qp.remove.connect(self.control.remove_job)
        qp.pause.connect(self.control.pause_job)
        qp.cancel.connect(self.control.cancel_job)
        qp.open_output.connect(self._open_output_of)
        qp.retry_failed.connect(self.control.retry_failed)
        qp.run_again.connect(self.control.run_again)
        qp.edit.connect(self.control.edit_as_new)
        ro = self.resume_offer
        ro.resume.connect(lambda: self.control.take_left_over(start=True))
        ro.review.connect(lambda: self.control.take_left_over(start=False))
        ro.discard.connect(self.control.discard_left_over)

        fl = self.file_list
        fl.open_output.connect(self._on_open_output)
        fl.open_folder.connect(self._on_open_source_folder)
        fl.show_in_folder.connect(self._on_show_in_folder)
        fl.show_log.connect(self._on_show_log)
        fl.copy_errors.connect(self._on_copy_errors)
        fl.retry.connect(self.control.retry_rows)
        fl.remove.connect(self._on_remove_rows)
        fl.filter_changed.connect(lambda value: self.settings.set(keys.FILTER, value))
        fl.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.banner.retry_failed.connect(self.control.retry_shown)
        self.banner.show_failed.connect(lambda: self.file_list.set_filter(StatusFilter.FAILED))
        self.task_panel.task_changed.connect(self._on_task_changed)
        self.engine_control = EngineControl(self.task_panel.run_on, self.bridge, self.panel_scroll,
                                            idle=lambda: self.state is RunState.IDLE,
                                            show_message=self.show_message, parent=self)

    def _restore(self) -> None:
        s = self.settings
        for setting, restore in ((keys.GEOMETRY, self.restoreGeometry), (keys.WINDOW_STATE, self.restoreState),
                                 (keys.SPLITTER_STATE, self.splitter.restoreState)):
            saved = s.get(setting)
            if not saved.isEmpty():
                restore(saved)
        header = s.get(keys.HEADER_STATE)
        if not header.isEmpty():
            self.file_list.view.horizontalHeader().restoreState(header)
            self.file_list.forget_sort()  # widths and order are kept; the list starts unsorted
        with contextlib.suppress(ValueError):  # a filter from another version
            self.file_list.set_filter(StatusFilter(s.get(keys.FILTER)))

    def save_settings(self) -> None:
        """Remember the window layout and the job settings."""
        s = self.settings
        s.set(keys.GEOMETRY, QByteArray(self.saveGeometry()))
        s.set(keys.WINDOW_STATE, QByteArray(self.saveState()))
        s.set(keys.SPLITTER_STATE, QByteArray(self.splitter.saveState()))
        s.set(keys.HEADER_STATE, QByteArray(self.file_list.view.horizontalHeader().saveState()))
        self.task_panel.save()
        s.sync()

    # -- what the window shows ------------------------------------------------------------
    def refresh(self, *_: object) -> None:
        shown, draft = self.shown, self.draft
        m = shown.model
        # Runs once per event batch: a queued job's output folder is taken as there, not stat'ed.
        if shown.spec is not None:
            has_output = shown.ran or os.path.isdir(shown.out_dir)
        else:
            out = self.task_panel.output_dir()
            has_output = bool(out) and os.path.isdir(str(out))
        counts = Counts(rows=m.count(), runnable=draft.model.count(*RUNNABLE), failed=m.count(Status.FAILED),
                        finished=m.count(*FINISHED), has_task=self.task_panel.current_task() is not None,
                        has_output=has_output, scanning=self.scanner.busy,
                        waiting_jobs=len(self.queue.waiting()), queue_started=self.queue.started,
                        shown_ended=shown.ended, shown_is_draft=shown is draft)
        self.commands.apply(self.state, counts)
        self.file_list.update_counts()
        self.area.show_rows(counts.rows, counts.runnable if shown is draft else 0, shown.ran or shown.running)

    def show_job(self, job: Job) -> None:
        """Show ``job``'s own file table, banner, numbers and log."""
        if job is not self.shown:
            self.shown = job
            self.file_list.set_model(job.model)
            self.log_dock.show_lines(job.log)
            self.area.show_outcome(job.summary if job.ended else None, job.failures() if job.ended else [],
                                   job.notes, job.error)
        self.queue_panel.select(job)
        self.show_progress(job)
        self.refresh()

    def show_progress(self, job: Job) -> None:
        """The overall line of the job shown, in words that fit its state."""
        if job.state is JobState.PLANNING:
            self.overall_text.setText(self.tr("Preparing the files…"))
        elif job.state is JobState.CANCELLING:
            self.overall_text.setText(self.tr("Stopping…") if self.runner.stopping_now
                                       else self.tr("Finishing the running files…"))
        elif job.state in (JobState.WAITING, JobState.HELD) and not job.ran:
            waiting = with_count(self.tr("%1 files wait for their turn in the queue.", "", job.model.count()),
                                 text.count(job.model.count()))
            self.overall_text.setText(waiting)
        elif job.ran:
            self.area.show_overall(job.overall)

    def _on_queue_changed(self, *_: object) -> None:
        panel = self.queue_panel
        rows = len(self.queue.jobs) + len(self.watches.watches)
        if rows != self._queue_rows:  # the panel is as tall as its rows, up to five
            self._queue_rows = rows
            total = sum(self.right.sizes())
            wanted = panel.fitting_height()
            self.right.setSizes([wanted, max(total - wanted, 0)])
        panel.setVisible(bool(rows))
        panel.select(self.shown)
        self.refresh()

    @Slot(object, object)
    def _on_state_changed(self, job: Job, state: RunState) -> None:
        if job is self.shown:
            self.show_progress(job)
            if state is RunState.PLANNING:
                self.banner.hide()
        self.refresh()

    @Slot(object)
    def _on_updated(self, job: Job) -> None:
        self.queue_model.refresh_job(job)
        if job is self.shown:
            self.area.show_overall(job.overall)
            self.refresh()

    @Slot(object, list)
    def _on_log(self, job: Job, lines: list[str]) -> None:
        if job is self.shown:
            self.log_dock.append(lines)

    @Slot(object)
    def _on_job_ended(self, job: Job) -> None:
        """A job's run is over (or it was cancelled before it ran): its banner, a notification."""
        summary = job.summary
        if job is self.shown:
            self.show_progress(job)
            if job.error:
                self.area.show_outcome(None, [], [], job.error)
                self.overall_text.setText(self.tr("The batch could not start."))
            elif summary is not None:
                notes = [text.sentence(summary.stopped)] if summary.stopped else []
                notes += job.notes
                if summary.note:
                    notes.append(text.tilde(summary.note))
                job.notes = notes
                self.area.show_outcome(summary, job.failures(), notes, "")
            self.log_dock.refresh_row()
        if summary is not None and job.ran and (job.watch is None or job.failures()):  # a watch's: failures only
            self.notifier.notify("batchpilot", f"{job.title}: {headline(summary)}", bool(job.failures()),
                                 job.out_dir)
        self.queue_model.refresh_job(job)
        # Workers killed by a cancel are replaced now, so the next job begins at once.
        if self.state is RunState.IDLE:
            self.engine_control.request()
        self.refresh()

    @Slot(str)
    def show_message(self, message: str) -> None:
        """A passing message: a refused drop, or workers that could not be started."""
        self.statusBar().showMessage(message, 10000)

    def _on_task_changed(self, *_: object) -> None:
        self.task_panel.suggest_output(self.inputs)  # each task has its own default folder
        self.refresh()

    # -- adding files (app/adding.py) ------------------------------------------------------
    def add_paths(self, paths: Iterable[str]) -> None:
        """Add files or folders: folders are scanned in the background, rows appear in blocks."""
        self.adding.add_paths(paths)

    # -- rows -----------------------------------------------------------------------------
    @Slot()
    def _on_clear_finished(self) -> None:
        self.model.clear_finished()
        self._after_removal()

    @Slot(list)
    def _on_remove_rows(self, rows: list[FileRow]) -> None:
        self.model.remove(rows)
        self._after_removal()

    @Slot()
    def _on_clear_list(self) -> None:
        draft = self.draft
        draft.model.remove(list(draft.model.rows()))
        self._after_removal()

    def _after_removal(self) -> None:
        if self.draft.model.count() == 0:
            self.inputs.clear()
            self.task_panel.new_draft()
        self.log_dock.refresh_row()  # its row may be gone
        self.refresh()

    def _open(self, path: str, show: bool = False) -> None:
        problem = (self.show_path if show else self.open_path)(path)
        if problem:
            self.show_message(problem)

    @Slot(object)
    def _on_open_output(self, row: FileRow) -> None:
        if row.output:
            self._open(row.output)

    @Slot(object)
    def _on_open_source_folder(self, row: FileRow) -> None:
        self._open(row.folder)

    @Slot(object)
    def _on_show_in_folder(self, row: FileRow) -> None:
        self._open(shown_file(row), show=True)

    @Slot()
    def _on_open_output_folder(self) -> None:
        self._open_output_of(self.shown)

    def _open_output_of(self, job: Job | WatchFolder) -> None:
        out = job.out_dir or self.task_panel.output_dir()
        if out:
            self._open(str(out))

    @Slot(object)
    def _on_show_log(self, row: FileRow) -> None:
        self.log_dock.show_row(row, traceback=bool(row.detail))

    @Slot(list)
    def _on_copy_errors(self, rows: list[FileRow]) -> None:
        copied = "\n".join(f"{r.source}: {r.reason}" + (f"\n{r.detail.rstrip()}" if r.detail else "")
                           for r in rows)
        QGuiApplication.clipboard().setText(copied)

    def _on_current_changed(self, current: Any, _previous: Any) -> None:
        row = self.file_list.row_at(current)
        if row is not None and self.log_dock.tabs.currentIndex() == 1:
            self.log_dock.show_row(row)

    # -- closing --------------------------------------------------------------------------
    def quit(self) -> None:
        """File ▸ Quit: close for good (closing the window may only hide it in the tray)."""
        self._quitting = True
        self.close()
        self._quitting = False  # still open: the user chose to keep the running batch

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._shut and not self._quitting and self.watch_control.keep_in_tray():
            event.ignore()
            return
        if not self._shut and self.state in ACTIVE and not self.ask_quit():
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Save settings, stop scanning and the workers (cancel now): no process stays behind."""
        if self._shut:
            return
        self._shut = True
        self.save_settings()
        self.scanner.shutdown()
        self.watches.shutdown()
        self.overnight.close()
        self.queue.shutdown()
        self.saver.store.flush()
        self.notifier.close()
