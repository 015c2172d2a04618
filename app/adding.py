"""Adding files to the new job: the file dialogs, recent folders, drops, and the background scan
that lists a folder's files into the table in blocks.

The window owns the widgets (its scan label and cancel button); this decides and fills them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog

from app import desktop, text
from app import settings as keys
from app.i18n import with_count

if TYPE_CHECKING:
    from app.main_window import MainWindow


class Adding(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def add_paths(self, paths: Iterable[str]) -> None:
        """Add files or folders: folders are scanned in the background, rows appear in blocks."""
        w = self.w
        fresh = [p for p in dict.fromkeys(os.path.abspath(p) for p in paths) if p not in w.inputs]
        if not fresh:
            return
        w.show_job(w.draft)  # files added after a job was queued make the next job
        w.inputs.extend(fresh)
        w.task_panel.suggest_output(w.inputs)
        for p in fresh:
            w.settings.remember_folder(p if os.path.isdir(p) else os.path.dirname(p))
        w.scanner.scan(fresh, w.task_panel.output_dir())
        w.scan_label.setText(self.tr("Scanning…"))
        w.scan_label.show()
        w.scan_cancel.show()
        w.refresh()

    @Slot()
    def add_files(self) -> None:
        w = self.w
        files, _ = QFileDialog.getOpenFileNames(w, self.tr("Add files"),
                                                desktop.start_folder(w.settings.get(keys.LAST_FILES_DIR)))
        if files:
            w.settings.set(keys.LAST_FILES_DIR, os.path.dirname(files[0]))
            self.add_paths(files)

    @Slot()
    def add_folder(self) -> None:
        w = self.w
        folder = QFileDialog.getExistingDirectory(w, self.tr("Add folder"),
                                                  desktop.start_folder(w.settings.get(keys.LAST_FOLDER_DIR)))
        if folder:
            w.settings.set(keys.LAST_FOLDER_DIR, os.path.dirname(folder))
            self.add_paths([folder])

    def fill_recent_menu(self) -> None:
        menu = self.w.recent_menu
        menu.clear()
        folders = [f for f in self.w.settings.get(keys.RECENT_FOLDERS) if os.path.isdir(f)]
        for folder in folders:
            menu.addAction(folder, partial(self.add_paths, [folder]))
        if not folders:
            menu.addAction(self.tr("No recent folders")).setEnabled(False)

    @Slot(object, int)
    def scan_found(self, block: list[Any], found: int) -> None:
        w = self.w
        if w.draft.model.add_entries(block) and w.shown is w.draft:
            w.file_list.forget_sort()
        w.scan_label.setText(with_count(self.tr("Scanning… %1 files", "", found), text.count(found)))
        w.refresh()

    @Slot(int, bool)
    def scan_done(self, found: int, cancelled: bool) -> None:
        w = self.w
        if w.scanner.busy:
            return
        w.scan_label.hide()
        w.scan_cancel.hide()
        total = w.draft.model.count()
        status = w.statusBar()
        if cancelled:
            status.showMessage(
                with_count(self.tr("Scan cancelled; %1 files in the list.", "", total), text.count(total)), 8000)
        elif total == 0:
            status.showMessage(self.tr("No files found in what was added."), 8000)
        else:
            status.showMessage(with_count(self.tr("%1 files in the list.", "", total), text.count(total)), 5000)
        w.refresh()
