"""The log panel: the batch's messages, and one file's own log with its traceback on demand."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import text
from app.file_row import FileRow
from app.job_model import status_texts
from workers.events import ItemFailed, ItemSkipped, LogMessage, WorkerLost

MAX_LOG_LINES = 20_000


def event_lines(events: Iterable[Any], name_of: Callable[[int], str]) -> list[str]:
    """Log lines for the events worth reading later: failures, skips, lost workers, task messages."""
    stamp = time.strftime("%H:%M:%S")
    translate = QCoreApplication.translate
    lines = []
    for ev in events:
        kind = type(ev)
        if kind is ItemFailed:
            lines.append(f"{stamp}  " + translate("Log", "failed   {file}: {reason}").format(
                file=name_of(ev.item_id), reason=ev.reason))
        elif kind is ItemSkipped:
            lines.append(f"{stamp}  " + translate("Log", "skipped  {file}: {reason}").format(
                file=name_of(ev.item_id), reason=ev.reason))
        elif kind is WorkerLost:
            lines.append(f"{stamp}  " + translate("Log", "worker {worker} lost: {reason}").format(
                worker=ev.worker, reason=ev.reason))
        elif kind is LogMessage:
            where = f"{name_of(ev.item_id)}: " if ev.item_id is not None else ""
            lines.append(f"{stamp}  {ev.level:<8} {where}{ev.text}")
    return lines


def _log_view() -> QPlainTextEdit:
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setMaximumBlockCount(MAX_LOG_LINES)  # old lines go first: memory stays bounded
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    view.setMinimumHeight(48)  # the dock may be made small; the window must not grow for it
    return view


class LogDock(QDockWidget):
    """Two tabs: the batch log and the selected file's log; both copyable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log"))
        self.setObjectName("logDock")
        self.tabs = QTabWidget()
        self.batch_view = _log_view()
        self.batch_view.setAccessibleName(self.tr("Batch log"))
        self.file_view = _log_view()
        self.file_view.setAccessibleName(self.tr("File log"))
        self.file_label = QLabel(self.tr("Select a file to see its log."))
        self.traceback_box = QCheckBox(self.tr("Show the full traceback"))
        self.traceback_box.setToolTip(self.tr("Failures caused by a bug keep their traceback; useful in a bug report"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the log shown"))

        file_page = QWidget()
        file_layout = QVBoxLayout(file_page)
        file_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.traceback_box)
        file_layout.addLayout(top)
        file_layout.addWidget(self.file_view)

        self.tabs.addTab(self.batch_view, self.tr("Batch"))
        self.tabs.addTab(file_page, self.tr("File"))
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        layout.addLayout(buttons)
        self.setWidget(holder)
        self._row: FileRow | None = None
        self.traceback_box.toggled.connect(self._refresh_file)
        self.copy_button.clicked.connect(self.copy_current)

    def append(self, lines: list[str]) -> None:
        """Add lines to the batch log in one go."""
        if lines:
            self.batch_view.appendPlainText("\n".join(lines))

    def show_lines(self, lines: Iterable[str]) -> None:
        """Show another job's log: its lines in the Batch tab, and no file yet in the File tab."""
        self.batch_view.setPlainText("\n".join(lines))
        self.batch_view.moveCursor(QTextCursor.MoveOperation.End)
        self.forget_row()

    def forget_row(self) -> None:
        self._row = None
        self.file_label.setText(self.tr("Select a file to see its log."))
        self.file_view.clear()
        self.traceback_box.setEnabled(False)

    def refresh_row(self) -> None:
        """The file shown may have been removed, retried or finished: show what it is now."""
        row = self._row
        if row is not None and row.index < 0:
            self.forget_row()
        else:
            self._refresh_file()

    def show_row(self, row: FileRow, traceback: bool | None = None) -> None:
        """Show ``row``'s own log on the File tab and bring the panel up."""
        self._row = row
        if traceback is not None:
            self.traceback_box.setChecked(traceback)
        self._refresh_file()
        self.tabs.setCurrentIndex(1)
        self.show()
        self.raise_()

    def _refresh_file(self, *_: object) -> None:
        row = self._row
        if row is None:
            return
        status = status_texts()[row.status]
        self.file_label.setText(f"{row.name} — {status}")
        self.traceback_box.setEnabled(bool(row.detail))
        lines = [self.tr("Source: {path}").format(path=text.tilde(row.source))]
        if row.output:
            lines.append(self.tr("Output: {path}").format(path=text.tilde(row.output)))
        if row.reason:
            lines.append(f"{status}: {row.reason}")
        elif row.elapsed is not None:
            lines.append(self.tr("{status} in {duration}").format(status=status, duration=text.duration(row.elapsed))
                         + (f": {row.message}" if row.message else ""))
        if row.log:
            lines += ["", self.tr("Messages from the task:"), *row.log]
        if row.detail and self.traceback_box.isChecked():
            lines += ["", row.detail.rstrip()]
        self.file_view.setPlainText("\n".join(lines))

    def current_text(self) -> str:
        view = self.batch_view if self.tabs.currentIndex() == 0 else self.file_view
        return view.toPlainText()

    def copy_current(self) -> None:
        """Copy the whole log shown (selected text can be copied with Ctrl+C as usual)."""
        QGuiApplication.clipboard().setText(self.current_text())
