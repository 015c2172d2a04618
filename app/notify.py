"""How the end of a batch is told: one notification, and a summary banner in the window.

The notification is a tray message where the desktop has a tray; otherwise the banner is
the notification. The banner always lists the failed files with their reasons and offers
Retry failed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import text
from app.resources import app_icon
from workers.engine import JobSummary

SHOWN_FAILURES = 5


def headline(summary: JobSummary) -> str:
    """'Batch finished: 98 done, 2 failed in 1 min 05 s.'"""
    verb = "stopped" if summary.stopped else "cancelled" if summary.cancelled_by_user else "finished"
    parts = [f"{text.count(summary.done)} done"]
    others = ((summary.failed, "failed"), (summary.skipped, "skipped"), (summary.cancelled, "cancelled"))
    for n, word in others:
        if n:
            parts.append(f"{text.count(n)} {word}")
    return f"Batch {verb}: {', '.join(parts)} in {text.duration(summary.elapsed)}."


def failure_lines(failures: Sequence[tuple[str, str]], limit: int = SHOWN_FAILURES) -> list[str]:
    """'name — reason' for the first failures, and how many more there are."""
    lines = [f"{name} — {reason}" for name, reason in failures[:limit]]
    if len(failures) > limit:
        lines.append(f"… and {text.count(len(failures) - limit)} more (filter: Failed)")
    return lines


class SummaryBanner(QFrame):
    """A strip above the file list: what happened, which files failed and why."""

    retry_failed = Signal()
    show_failed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setAccessibleName("Batch summary")
        layout = QHBoxLayout(self)
        texts = QVBoxLayout()
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts.addWidget(self.title)
        texts.addWidget(self.details)
        layout.addLayout(texts, 1)
        self.show_button = QPushButton("Show failed")
        self.show_button.setAccessibleName("Show the failed files")
        self.retry_button = QPushButton("Retry failed")
        self.retry_button.setAccessibleName("Retry the failed files")
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setAccessibleName("Close the summary")
        close.setToolTip("Close")
        for w in (self.show_button, self.retry_button):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.retry_button.clicked.connect(self.retry_failed)
        self.show_button.clicked.connect(self.show_failed)
        close.clicked.connect(self.hide)
        self.hide()

    def show_summary(self, summary: JobSummary, failures: Sequence[tuple[str, str]],
                     note: str | None = None) -> None:
        """Show the outcome; failures are (file name, reason) pairs."""
        self.title.setText(headline(summary))
        lines = failure_lines(failures)
        if note:
            lines.append(note)
        self.details.setText("\n".join(lines))
        self.details.setVisible(bool(lines))
        self.retry_button.setVisible(bool(failures))
        self.show_button.setVisible(bool(failures))
        self.show()

    def show_error(self, message: str) -> None:
        """A job that could not start: say why, in the same place."""
        self.title.setText("The batch could not start.")
        self.details.setText(message)
        self.details.setVisible(True)
        self.retry_button.hide()
        self.show_button.hide()
        self.show()


class Notifier:
    """One notification per batch: a tray message where a tray exists."""

    def __init__(self, window: QWidget) -> None:
        self._window = window
        self._tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(app_icon(), window)
            self._tray.setToolTip("batchpilot")

    @property
    def uses_tray(self) -> bool:
        return self._tray is not None

    def notify(self, title: str, message: str, failed: bool) -> None:
        """Tell the user a batch ended; the in-window banner covers desktops without a tray."""
        QApplication.alert(self._window)  # flashes the task bar entry if the window is not active
        if self._tray is not None:
            self._tray.show()
            icon = QSystemTrayIcon.MessageIcon.Warning if failed else QSystemTrayIcon.MessageIcon.Information
            self._tray.showMessage(title, message, icon, 8000)

    def close(self) -> None:
        if self._tray is not None:
            self._tray.hide()
