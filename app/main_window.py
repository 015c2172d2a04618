"""The main window: puts the panels together and turns user actions into bridge calls.

It holds no batch logic of its own: planning and running happen in the bridge thread, the
rows live in :class:`JobModel`, the numbers in :class:`Overall`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import dialogs, text
from app import settings as keys
from app.bridge import EngineBridge, JobRequest
from app.controls import ACTIVE, Counts, RunState, create_actions
from app.dialogs import CancelChoice
from app.drop import DropArea, DropFilter, DropOverlay
from app.file_filter import StatusFilter
from app.file_list import FileList
from app.job_model import FINISHED, RUNNABLE, FileRow, JobModel, Status
from app.log_dock import LogDock, event_lines
from app.notify import Notifier, SummaryBanner, headline
from app.overall import Overall
from app.resources import app_icon, icon
from app.scanner import FolderScanner
from app.settings import Settings
from app.task_panel import TaskPanel, scrollable
from workers.engine import JobSummary
from workers.plan import Plan, SourceFile
from workers.task import OptionError, Task

STATUS_ICONS = {s: f"status-{s.value}" for s in Status}
BAR_STEPS = 1000


@dataclass(frozen=True)
class Prepared:
    """What the bridge thread works out for a planned job (see MainWindow._prepare)."""

    job_rows: dict[int, tuple[FileRow, ...]]
    sizes: dict[int, int]


def _sources_of(rows: list[FileRow]) -> list[SourceFile]:
    return [r.as_source() for r in rows]


def _waiting_sources(model: JobModel) -> list[SourceFile]:
    # Runs in the bridge thread; rows are only appended while a job is being planned.
    return [r.as_source() for r in list(model.rows()) if r.status is Status.WAITING]


class MainWindow(QMainWindow):
    """batchpilot's window. Engine, tasks, settings and the URL opener are injectable for tests."""

    def __init__(self, settings: Settings, tasks: Mapping[str, Task], bridge: EngineBridge | None = None,
                 scanner: FolderScanner | None = None,
                 open_url: Callable[[QUrl], Any] = QDesktopServices.openUrl) -> None:
        super().__init__()
        self.settings = settings
        self.open_url = open_url
        self.ask_cancel: Callable[[], CancelChoice] = lambda: dialogs.ask_cancel(self)
        self.ask_quit: Callable[[], bool] = lambda: dialogs.ask_quit(self)
        self.state = RunState.IDLE
        self.inputs: list[str] = []  # what the user added, in order (for output naming)
        self.plan: Plan | None = None
        self._closing = False
        self._shut = False
        self._tasks = dict(tasks)
        self.setWindowTitle("batchpilot")
        self.setWindowIcon(app_icon())
        self.setObjectName("mainWindow")

        self.model = JobModel({s: icon(name) for s, name in STATUS_ICONS.items()}, parent=self)
        self.overall = Overall()
        self.bridge = bridge if bridge is not None else EngineBridge(parent=self)
        self.scanner = scanner if scanner is not None else FolderScanner(self)
        self.commands = create_actions(self)
        self.notifier = Notifier(self)
        self._build()
        self._connect()
        self._restore()
        self.ticker = QTimer(self)  # a clock for elapsed times and speed, not a queue drain
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._on_tick)
        self._refresh()
        self.bridge.start_pool(self.task_panel.workers())  # in the background: the window shows first

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        a = self.commands
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        for action in (a.add_files, a.add_folder):
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu("&Recent folders")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(a.open_output)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        batch_menu = menu.addMenu("&Batch")
        for action in (a.start, a.pause, a.cancel, a.retry_failed, a.clear_finished):
            batch_menu.addAction(action)
        self.view_menu = menu.addMenu("&View")
        help_menu = menu.addMenu("&Help")
        help_menu.addAction(a.help)
        help_menu.addAction(a.about)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        for group in ((a.add_files, a.add_folder), (a.start, a.pause, a.cancel),
                      (a.retry_failed, a.clear_finished), (a.open_output,)):
            for action in group:
                toolbar.addAction(action)
            toolbar.addSeparator()
        self.toolbar = toolbar

        self.task_panel = TaskPanel(self._tasks, self.settings)
        panel_scroll = scrollable(self.task_panel)
        panel_scroll.setMinimumWidth(self.task_panel.minimumSizeHint().width())

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.banner = SummaryBanner()
        right_layout.addWidget(self.banner)
        self.stack = QStackedWidget()
        self.drop_area = DropArea()
        self.file_list = FileList(self.model)
        self.stack.addWidget(self.drop_area)
        self.stack.addWidget(self.file_list)
        right_layout.addWidget(self.stack, 1)
        overall = QHBoxLayout()
        self.overall_bar = QProgressBar()
        self.overall_bar.setAccessibleName("Overall progress")
        self.overall_bar.setRange(0, BAR_STEPS)
        self.overall_bar.setValue(0)
        self.overall_bar.setFormat("%p %")
        self.overall_text = QLabel("Add files or folders to begin.")
        self.overall_text.setAccessibleName("Batch status")
        overall.addWidget(self.overall_bar, 1)
        overall.addWidget(self.overall_text, 2)
        right_layout.addLayout(overall)

        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(panel_scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 800])
        central = QFrame()
        central.setObjectName("central")
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(6, 6, 6, 6)
        central_layout.addWidget(self.splitter)
        self.setCentralWidget(central)
        self.drop_overlay = DropOverlay(central)

        self.log_dock = LogDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.log_dock)
        toggle = self.log_dock.toggleViewAction()
        toggle.setText("&Log panel")
        toggle.setShortcut("Ctrl+L")
        toggle.setIcon(icon("log"))
        self.view_menu.addAction(toggle)
        # A short log by default: the file list is what people watch.
        self.resizeDocks([self.log_dock], [150], Qt.Orientation.Vertical)

        status = self.statusBar()
        self.scan_label = QLabel()
        self.scan_cancel = QPushButton("Cancel scan")
        self.scan_cancel.setAccessibleName("Cancel the folder scan")
        status.addPermanentWidget(self.scan_label)
        status.addPermanentWidget(self.scan_cancel)
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

        b = self.bridge
        b.planned.connect(self._on_planned)
        b.events.connect(self._on_events)
        b.finished.connect(self._on_finished)
        b.failed.connect(self._on_failed)
        b.pool_failed.connect(self._show_message)

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
        self.task_panel.workers_changed.connect(self._on_workers_changed)
        self._workers_timer = QTimer(self)
        self._workers_timer.setSingleShot(True)
        self._workers_timer.setInterval(600)  # a spin box sends a value per click: resize once
        self._workers_timer.timeout.connect(self._apply_workers)

    def _restore(self) -> None:
        s = self.settings
        geometry = s.get(keys.GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = s.get(keys.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = s.get(keys.SPLITTER_STATE)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
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

    # -- state ----------------------------------------------------------------------------
    def _set_state(self, state: RunState) -> None:
        self.state = state
        self.overall.paused = state is RunState.PAUSED
        self.task_panel.set_locked(state in ACTIVE)
        self._refresh()

    def _refresh(self, *_: object) -> None:
        m = self.model
        # Runs once per event batch: a job's output folder is taken as there, not stat'ed each time.
        if self.plan is not None:
            has_output = True
        else:
            out = self.task_panel.output_dir()
            has_output = bool(out) and os.path.isdir(str(out))
        counts = Counts(rows=m.count(), runnable=m.count(*RUNNABLE), failed=m.count(Status.FAILED),
                        finished=m.count(*FINISHED), has_task=self.task_panel.current_task() is not None,
                        has_output=has_output)
        self.commands.apply(self.state, counts)
        self.stack.setCurrentWidget(self.file_list if counts.rows else self.drop_area)
        self.file_list.update_counts()
        ran = self.plan is not None or self.state is not RunState.IDLE
        self.overall_bar.setVisible(ran)
        self.overall_text.setVisible(ran or counts.rows > 0)
        if not ran and counts.runnable:
            self.overall_text.setText(f"{counts.runnable:,} files waiting. Press Start (Ctrl+Return) to begin.")

    def _show_overall(self) -> None:
        bar = self.overall_bar
        # QProgressBar.setValue repaints at once, dragging the whole window's pending paint
        # into this slot; with updates off it is merely scheduled with the rest.
        bar.setUpdatesEnabled(False)
        bar.setValue(round(self.overall.fraction() * BAR_STEPS))
        bar.setUpdatesEnabled(True)
        self.overall_text.setText(self.overall.summary())

    # -- adding files ---------------------------------------------------------------------
    def add_paths(self, paths: Iterable[str]) -> None:
        """Add files or folders: folders are scanned in the background, rows appear in blocks."""
        fresh = [os.path.abspath(p) for p in paths]
        fresh = [p for p in dict.fromkeys(fresh) if p not in self.inputs]
        if not fresh:
            return
        self.inputs.extend(fresh)
        self.task_panel.suggest_output(self.inputs)
        for p in fresh:
            self.settings.remember_folder(p if os.path.isdir(p) else os.path.dirname(p))
        self.scanner.scan(fresh, self.task_panel.output_dir())
        self.scan_label.setText("Scanning…")
        self.scan_label.show()
        self.scan_cancel.show()
        self._refresh()

    @Slot()
    def _on_add_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(self, "Add files", self.settings.get(keys.LAST_FILES_DIR))
        if files:
            self.settings.set(keys.LAST_FILES_DIR, os.path.dirname(files[0]))
            self.add_paths(files)

    @Slot()
    def _on_add_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, "Add folder", self.settings.get(keys.LAST_FOLDER_DIR))
        if folder:
            self.settings.set(keys.LAST_FOLDER_DIR, os.path.dirname(folder))
            self.add_paths([folder])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        folders = [f for f in self.settings.get(keys.RECENT_FOLDERS) if os.path.isdir(f)]
        for folder in folders:
            self.recent_menu.addAction(folder, partial(self.add_paths, [folder]))
        if not folders:
            self.recent_menu.addAction("No recent folders").setEnabled(False)

    @Slot(list)
    def _on_drop(self, paths: list[str]) -> None:
        self.add_paths(paths)

    @Slot(str)
    def _show_message(self, message: str) -> None:
        """A passing message: a refused drop, or workers that could not be started."""
        self.statusBar().showMessage(message, 10000)

    @Slot(object, int)
    def _on_scan_found(self, block: list[Any], found: int) -> None:
        if self.model.add_entries(block):
            self.file_list.forget_sort()
        self.scan_label.setText(f"Scanning… {found:,} files")
        self._refresh()

    @Slot(int, bool)
    def _on_scan_done(self, found: int, cancelled: bool) -> None:
        if self.scanner.busy:
            return
        self.scan_label.hide()
        self.scan_cancel.hide()
        total = self.model.count()
        if cancelled:
            self.statusBar().showMessage(f"Scan cancelled; {total:,} files in the list.", 8000)
        elif total == 0:
            self.statusBar().showMessage("No files found in what was added.", 8000)
        else:
            self.statusBar().showMessage(f"{total:,} files in the list.", 5000)
        self._refresh()

    # -- running --------------------------------------------------------------------------
    def _start(self, rows: Sequence[FileRow] | None = None) -> bool:
        """Run ``rows`` (failed or cancelled ones are reset), or every waiting row when None.

        The waiting rows are listed in the bridge thread: Start costs the same for 10 files
        as for 100,000.
        """
        task = self.task_panel.current_task()
        count = len(rows) if rows is not None else self.model.count(*RUNNABLE)
        if self.state is not RunState.IDLE or task is None or not count:
            return False
        try:
            options = self.task_panel.options()
        except OptionError as exc:
            self.banner.show_error(f"An option is not valid: {exc}")
            return False
        self.task_panel.save()
        if rows is None and self.model.count(Status.CANCELLED):
            rows = self.model.rows_with(*RUNNABLE)
        if rows is not None:
            self.model.reset(r for r in rows if r.status is not Status.WAITING)
            sources = partial(_sources_of, list(rows))
        else:
            sources = partial(_waiting_sources, self.model)
        panel = self.task_panel
        paths = list(self.inputs) or [os.path.dirname(self.model.row(0).source)]
        request = JobRequest(task, options, paths, panel.output_dir(), panel.policy(), sources,
                             panel.workers(), self._prepare)
        self.banner.hide()
        self.log_dock.append([f"Planning {count:,} files for {task.title or task.name}…"])
        self._set_state(RunState.PLANNING)
        self.overall_text.setText(f"Preparing {count:,} files…")
        self.bridge.run(request)
        return True

    @Slot()
    def _on_start(self) -> None:
        self._start()

    @Slot()
    def _on_retry_failed(self) -> None:
        self._on_retry_rows(self.model.rows_with(Status.FAILED))

    @Slot(list)
    def _on_retry_rows(self, rows: list[FileRow]) -> None:
        if self.state is RunState.IDLE and rows:
            self._start(rows)

    def _prepare(self, plan: Plan) -> Prepared:
        """Runs in the bridge thread: the per-item lookups a big job needs, off the GUI thread."""
        return Prepared(self.model.map_items(plan), {w.id: w.size for w in plan.items})

    @Slot(object, object)
    def _on_planned(self, plan: Plan, prepared: Prepared) -> None:
        self.plan = plan
        self.model.begin_job(prepared.job_rows)
        self.overall.begin_counts(len(plan.items) + len(plan.skipped), prepared.sizes)
        if self.state is RunState.PLANNING:
            self._set_state(RunState.RUNNING)
        self.log_dock.append([f"Started: {len(plan.items):,} files to work on, "
                              f"{len(plan.skipped):,} skipped; output in {text.tilde(str(plan.out_dir))}"])
        self._show_overall()
        self.ticker.start()

    @Slot(object)
    def _on_events(self, events: list[Any]) -> None:
        self.model.apply_events(events)
        self.overall.apply(events)
        self.log_dock.append(event_lines(events, self._name_of))
        self._show_overall()
        self._refresh()

    def _name_of(self, item_id: int) -> str:
        rows = self.model.job_rows(item_id)
        return rows[0].rel if rows else f"item {item_id}"

    @Slot(object)
    def _on_finished(self, summary: JobSummary) -> None:
        if self._shut:
            return
        self.ticker.stop()
        self.model.end_job()
        self.overall.finish(summary.elapsed if self.plan is not None else None)
        self._set_state(RunState.IDLE)
        self._show_overall()
        title = headline(summary)
        failures = [(r.name, r.reason) for r in self.model.rows_with(Status.FAILED)]
        if self.plan is not None or summary.total:
            self.banner.show_summary(summary, failures, text.tilde(summary.note) if summary.note else None)
            self.notifier.notify("batchpilot", title, bool(failures))
        self.log_dock.append([title] + ([text.tilde(summary.note)] if summary.note else []))
        # Workers killed by a cancel are replaced now, so the next Start begins at once.
        self.bridge.start_pool(self.task_panel.workers())

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self._shut:
            return
        self.ticker.stop()
        self.model.end_job()
        self._set_state(RunState.IDLE)
        self.banner.show_error(message)
        self.log_dock.append([f"Could not run the batch: {message}"])
        self.overall_text.setText("The batch could not start.")

    @Slot()
    def _on_pause(self) -> None:
        if self.state is RunState.RUNNING:
            self.bridge.pause()
            self._set_state(RunState.PAUSED)
        elif self.state is RunState.PAUSED:
            self.bridge.resume()
            self._set_state(RunState.RUNNING)
        self._show_overall()

    @Slot()
    def _on_cancel(self) -> None:
        if self.state not in ACTIVE or self.state is RunState.CANCELLING:
            if self.scanner.busy:
                self.scanner.cancel()
            return
        choice = self.ask_cancel()
        if choice is CancelChoice.KEEP_GOING or self.state not in ACTIVE:
            return
        self.cancel(now=choice is CancelChoice.STOP_NOW)

    def cancel(self, now: bool) -> None:
        """Cancel the running job: let running files finish, or stop the workers now."""
        self.bridge.cancel(now=now)
        self._set_state(RunState.CANCELLING)
        self.overall_text.setText("Stopping…" if now else "Finishing the running files…")

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
        out = self.plan.out_dir if self.plan is not None else self.task_panel.output_dir()
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

    # -- workers --------------------------------------------------------------------------
    def _on_workers_changed(self, _value: int) -> None:
        self._workers_timer.start()

    def _apply_workers(self) -> None:
        if self.state is RunState.IDLE:
            self.bridge.start_pool(self.task_panel.workers())
        # else: the next job resizes the pool (the request carries the count)

    @Slot()
    def _on_tick(self) -> None:
        self.model.tick()
        self.overall.tick()
        self._show_overall()

    # -- closing --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.state in ACTIVE and not self._closing:
            if not self.ask_quit():
                event.ignore()
                return
            self._closing = True
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Save settings, stop scanning and the workers (cancel now): no process stays behind."""
        if self._shut:
            return
        self._shut = True
        self.ticker.stop()
        self.save_settings()
        self.scanner.shutdown()
        self.bridge.shutdown()
        self.notifier.close()
