"""The main window: puts the panels together and passes what the user asks for along.

It holds no batch logic: jobs are run by :class:`JobRunner` (through the bridge thread), the
rows live in :class:`JobModel`, the numbers in :class:`Overall`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QUrl, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QFrame, QLabel, QMainWindow, QPushButton, QSplitter, QVBoxLayout

from app import dialogs, text
from app import settings as keys
from app.bridge import EngineBridge
from app.controls import ACTIVE, Counts, RunState, create_actions
from app.dialogs import CancelChoice
from app.drop import DropFilter, DropOverlay
from app.engine_control import EngineControl
from app.file_filter import StatusFilter
from app.file_row import FINISHED, RUNNABLE, FileRow, Status
from app.i18n import with_count
from app.job_area import JobArea
from app.job_model import JobModel
from app.job_runner import JobRunner, JobSettings
from app.log_dock import LogDock
from app.notify import Notifier, headline
from app.overall import Overall
from app.resources import app_icon, icon
from app.scanner import FolderScanner
from app.settings import Settings
from app.task_panel import TaskPanel, scrollable
from workers.dask import BackendError
from workers.engine import JobSummary
from workers.task import OptionError, Task

STATUS_ICONS = {s: f"status-{s.value}" for s in Status}


class MainWindow(QMainWindow):
    """batchpilot's window. Engine, scanner, tasks, settings and the URL opener are injectable."""

    def __init__(self, settings: Settings, tasks: Mapping[str, Task], bridge: EngineBridge | None = None,
                 scanner: FolderScanner | None = None,
                 open_url: Callable[[QUrl], Any] = QDesktopServices.openUrl) -> None:
        super().__init__()
        self.settings = settings
        self.open_url = open_url
        self.ask_cancel: Callable[[], CancelChoice] = lambda: dialogs.ask_cancel(self)
        self.ask_quit: Callable[[], bool] = lambda: dialogs.ask_quit(self)
        self.inputs: list[str] = []  # what the user added, in order (for output naming)
        self._shut = False
        self.setWindowTitle("batchpilot")
        self.setWindowIcon(app_icon())
        self.setObjectName("mainWindow")

        self.model = JobModel({s: icon(name) for s, name in STATUS_ICONS.items()}, parent=self)
        self.overall = Overall()
        self.bridge = bridge if bridge is not None else EngineBridge(parent=self)
        self.runner = JobRunner(self.model, self.overall, self.bridge, parent=self)
        self.scanner = scanner if scanner is not None else FolderScanner(self)
        self.commands = create_actions(self)
        self.notifier = Notifier(self)
        self._build(dict(tasks))
        self._connect()
        self._restore()
        self._refresh()
        self.engine_control.request()  # in the background: the window shows first

    @property
    def state(self) -> RunState:
        return self.runner.state

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
        menu.addMenu(self.tr("&Batch")).addActions([a.start, a.pause, a.cancel, a.retry_failed, a.clear_finished])
        view_menu = menu.addMenu(self.tr("&View"))
        menu.addMenu(self.tr("&Help")).addActions([a.help, a.about])

        self.toolbar = self.addToolBar(self.tr("Main toolbar"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setMovable(False)
        for group in ((a.add_files, a.add_folder), (a.start, a.pause, a.cancel),
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

        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(panel_scroll)
        self.splitter.addWidget(self.area)
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
        a.add_files.triggered.connect(self._on_add_files)
        a.add_folder.triggered.connect(self._on_add_folder)
        a.start.triggered.connect(self._on_start)
        a.pause.triggered.connect(self._on_pause)
        a.cancel.triggered.connect(self._on_cancel)
        a.retry_failed.triggered.connect(self._on_retry_failed)
        a.clear_finished.triggered.connect(self._on_clear_finished)
        a.open_output.triggered.connect(self._on_open_output_folder)
        a.quit.triggered.connect(self.close)
        a.help.triggered.connect(lambda: dialogs.show_help(self))
        a.about.triggered.connect(lambda: dialogs.show_about(self))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

        self.drops = DropFilter(self)
        for widget in (self, self.drop_area, self.file_list.view.viewport()):
            self.drops.watch(widget)
        self.drops.dropped.connect(self._on_drop)
        self.drops.refused.connect(self._show_message)
        self.drops.hovering.connect(self.drop_overlay.set_active)
        self.drop_area.add_files.connect(self._on_add_files)
        self.drop_area.add_folder.connect(self._on_add_folder)

        self.scanner.found.connect(self._on_scan_found)
        self.scanner.done.connect(self._on_scan_done)
        self.scan_cancel.clicked.connect(self.scanner.cancel)

        r = self.runner
        r.state_changed.connect(self._on_state_changed)
        r.updated.connect(self._on_updated)
        r.log.connect(self.log_dock.append)
        r.ended.connect(self._on_ended)
        r.failed.connect(self._on_failed)

        fl = self.file_list
        fl.open_output.connect(self._on_open_output)
        fl.open_folder.connect(self._on_open_source_folder)
        fl.show_log.connect(self._on_show_log)
        fl.copy_errors.connect(self._on_copy_errors)
        fl.retry.connect(self._on_retry_rows)
        fl.remove.connect(self._on_remove_rows)
        fl.filter_changed.connect(lambda value: self.settings.set(keys.FILTER, value))
        fl.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.banner.retry_failed.connect(self._on_retry_failed)
        self.banner.show_failed.connect(lambda: self.file_list.set_filter(StatusFilter.FAILED))
        self.task_panel.task_changed.connect(self._refresh)
        self.engine_control = EngineControl(self.task_panel.run_on, self.bridge, self.panel_scroll,
                                            idle=lambda: self.state is RunState.IDLE,
                                            show_message=self._show_message, parent=self)

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
    def _refresh(self, *_: object) -> None:
        m = self.model
        # Runs once per event batch: a job's output folder is taken as there, not stat'ed each time.
        if self.runner.plan is not None:
            has_output = True
        else:
            out = self.task_panel.output_dir()
            has_output = bool(out) and os.path.isdir(str(out))
        counts = Counts(rows=m.count(), runnable=m.count(*RUNNABLE), failed=m.count(Status.FAILED),
                        finished=m.count(*FINISHED), has_task=self.task_panel.current_task() is not None,
                        has_output=has_output)
        self.commands.apply(self.state, counts)
        self.file_list.update_counts()
        self.area.show_rows(counts.rows, counts.runnable, self.runner.plan is not None or self.state in ACTIVE)

    @Slot(object)
    def _on_state_changed(self, state: RunState) -> None:
        self.task_panel.set_locked(state in ACTIVE)
        self._refresh()
        if state is RunState.PLANNING:
            self.banner.hide()
            self.overall_text.setText(self.tr("Preparing the files…"))
        elif state is RunState.CANCELLING:
            self.overall_text.setText(self.tr("Stopping…") if self.runner.stopping_now
                                       else self.tr("Finishing the running files…"))
        else:
            self.area.show_overall(self.overall)

    @Slot()
    def _on_updated(self) -> None:
        self.area.show_overall(self.overall)
        self._refresh()

    @Slot(object)
    def _on_ended(self, summary: JobSummary) -> None:
        self.area.show_overall(self.overall)
        failures = [(r.name, r.reason) for r in self.model.rows_with(Status.FAILED)]
        if self.runner.plan is not None or summary.total:
            notes = [text.sentence(summary.stopped)] if summary.stopped else []
            notes += self.runner.notes
            if summary.note:
                notes.append(text.tilde(summary.note))
            self.banner.show_summary(summary, failures, "\n".join(notes) or None)
            self.notifier.notify("batchpilot", headline(summary), bool(failures))
        # Workers killed by a cancel are replaced now, so the next Start begins at once.
        self.engine_control.request()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.banner.show_error(message if "\n" in message else text.sentence(message))
        self.overall_text.setText(self.tr("The batch could not start."))

    @Slot(str)
    def _show_message(self, message: str) -> None:
        """A passing message: a refused drop, or workers that could not be started."""
        self.statusBar().showMessage(message, 10000)

    # -- adding files ---------------------------------------------------------------------
    def add_paths(self, paths: Iterable[str]) -> None:
        """Add files or folders: folders are scanned in the background, rows appear in blocks."""
        fresh = [p for p in dict.fromkeys(os.path.abspath(p) for p in paths) if p not in self.inputs]
        if not fresh:
            return
        self.inputs.extend(fresh)
        self.task_panel.suggest_output(self.inputs)
        for p in fresh:
            self.settings.remember_folder(p if os.path.isdir(p) else os.path.dirname(p))
        self.scanner.scan(fresh, self.task_panel.output_dir())
        self.scan_label.setText(self.tr("Scanning…"))
        self.scan_label.show()
        self.scan_cancel.show()
        self._refresh()

    @Slot()
    def _on_add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add files"), self.settings.get(keys.LAST_FILES_DIR))
        if files:
            self.settings.set(keys.LAST_FILES_DIR, os.path.dirname(files[0]))
            self.add_paths(files)

    @Slot()
    def _on_add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add folder"), self.settings.get(keys.LAST_FOLDER_DIR))
        if folder:
            self.settings.set(keys.LAST_FOLDER_DIR, os.path.dirname(folder))
            self.add_paths([folder])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        folders = [f for f in self.settings.get(keys.RECENT_FOLDERS) if os.path.isdir(f)]
        for folder in folders:
            self.recent_menu.addAction(folder, partial(self.add_paths, [folder]))
        if not folders:
            self.recent_menu.addAction(self.tr("No recent folders")).setEnabled(False)

    @Slot(list)
    def _on_drop(self, paths: list[str]) -> None:
        self.add_paths(paths)

    @Slot(object, int)
    def _on_scan_found(self, block: list[Any], found: int) -> None:
        if self.model.add_entries(block):
            self.file_list.forget_sort()
        self.scan_label.setText(with_count(self.tr("Scanning… %1 files", "", found), text.count(found)))
        self._refresh()

    @Slot(int, bool)
    def _on_scan_done(self, found: int, cancelled: bool) -> None:
        if self.scanner.busy:
            return
        self.scan_label.hide()
        self.scan_cancel.hide()
        total = self.model.count()
        if cancelled:
            self.statusBar().showMessage(
                with_count(self.tr("Scan cancelled; %1 files in the list.", "", total), text.count(total)), 8000)
        elif total == 0:
            self.statusBar().showMessage(self.tr("No files found in what was added."), 8000)
        else:
            listed = with_count(self.tr("%1 files in the list.", "", total), text.count(total))
            self.statusBar().showMessage(listed, 5000)
        self._refresh()

    # -- running --------------------------------------------------------------------------
    def _start(self, rows: Sequence[FileRow] | None = None) -> bool:
        """Run ``rows``, or every waiting row when None, with what the task panel says."""
        panel = self.task_panel
        task = panel.current_task()
        if task is None or self.state is not RunState.IDLE:
            return False
        try:
            options = panel.options()
        except OptionError as exc:
            self.banner.show_error(self.tr("An option is not valid: {problem}").format(problem=exc))
            return False
        try:
            engine = panel.engine_choice()
        except BackendError as exc:
            self.banner.show_error(str(exc))
            return False
        panel.save()
        job = JobSettings(task, options, panel.output_dir(), panel.policy(), engine)
        return self.runner.start(job, self.inputs, rows) > 0

    @Slot()
    def _on_start(self) -> None:
        self._start()

    @Slot()
    def _on_retry_failed(self) -> None:
        self._on_retry_rows(self.model.rows_with(Status.FAILED))

    @Slot(list)
    def _on_retry_rows(self, rows: list[FileRow]) -> None:
        if rows:
            self._start(rows)

    @Slot()
    def _on_pause(self) -> None:
        self.runner.pause_or_resume()

    @Slot()
    def _on_cancel(self) -> None:
        if self.state not in ACTIVE or self.state is RunState.CANCELLING:
            if self.scanner.busy:
                self.scanner.cancel()
            return
        choice = self.ask_cancel()
        if choice is not CancelChoice.KEEP_GOING:
            self.runner.cancel(now=choice is CancelChoice.STOP_NOW)

    # -- rows -----------------------------------------------------------------------------
    @Slot()
    def _on_clear_finished(self) -> None:
        self.model.clear_finished()
        self._after_removal()

    @Slot(list)
    def _on_remove_rows(self, rows: list[FileRow]) -> None:
        self.model.remove(rows)
        self._after_removal()

    def _after_removal(self) -> None:
        if self.model.count() == 0 and self.state is RunState.IDLE:
            self.inputs.clear()
        self._refresh()

    @Slot(object)
    def _on_open_output(self, row: FileRow) -> None:
        if row.output:
            self.open_url(QUrl.fromLocalFile(row.output))

    @Slot(object)
    def _on_open_source_folder(self, row: FileRow) -> None:
        self.open_url(QUrl.fromLocalFile(row.folder))

    @Slot()
    def _on_open_output_folder(self) -> None:
        plan = self.runner.plan
        out = plan.out_dir if plan is not None else self.task_panel.output_dir()
        if out:
            self.open_url(QUrl.fromLocalFile(str(out)))

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
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.state in ACTIVE and not self.ask_quit():
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
        self.runner.stop()
        self.notifier.close()
