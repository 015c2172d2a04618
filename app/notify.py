"""How the end of a batch is told: one notification, and a summary banner in the window.

The notification takes the first way the desktop offers: a desktop notification (with an Open
output action), else a tray message, else none, the banner being the notification. The banner
always lists the failed files with their reasons and offers Retry failed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal
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
from app.dbus import DesktopNotifier, Notification
from app.file_filter import StatusFilter, filter_texts
from app.i18n import Translates, with_count
from app.resources import app_icon
from workers.engine import JobSummary

SHOWN_FAILURES = 5


class SummaryText(Translates):
    """The words of a batch's end (a class so the plural texts have a translation context)."""

    def headline(self, summary: JobSummary) -> str:
        counts = [with_count(self.tr("%1 done", "", summary.done), text.count(summary.done))]
        if summary.failed:
            counts.append(with_count(self.tr("%1 failed", "", summary.failed), text.count(summary.failed)))
        if summary.skipped:
            counts.append(with_count(self.tr("%1 skipped", "", summary.skipped), text.count(summary.skipped)))
        if summary.cancelled:
            counts.append(with_count(self.tr("%1 cancelled", "", summary.cancelled), text.count(summary.cancelled)))
        if summary.stopped:
            sentence = self.tr("Batch stopped: {counts} in {duration}.")
        elif summary.cancelled_by_user:
            sentence = self.tr("Batch cancelled: {counts} in {duration}.")
        else:
            sentence = self.tr("Batch finished: {counts} in {duration}.")
        return sentence.format(counts=", ".join(counts), duration=text.duration(summary.elapsed))

    def more_failures(self, n: int) -> str:
        more = with_count(self.tr("… and %1 more (filter: {filter})", "", n), text.count(n))
        return more.format(filter=filter_texts()[StatusFilter.FAILED])


def headline(summary: JobSummary) -> str:
    """'Batch finished: 98 done, 2 failed in 1 min 05 s.'"""
    return SummaryText().headline(summary)


def failure_lines(failures: Sequence[tuple[str, str]], limit: int = SHOWN_FAILURES) -> list[str]:
    """'name — reason' for the first failures, and how many more there are."""
    lines = [f"{name} — {reason}" for name, reason in failures[:limit]]
    if len(failures) > limit:
        lines.append(SummaryText().more_failures(len(failures) - limit))
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
        self.setAccessibleName(self.tr("Batch summary"))
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
        self.show_button = QPushButton(self.tr("Show failed"))
        self.show_button.setAccessibleName(self.tr("Show the failed files"))
        self.retry_button = QPushButton(self.tr("Retry failed"))
        self.retry_button.setAccessibleName(self.tr("Retry the failed files"))
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setAccessibleName(self.tr("Close the summary"))
        close.setToolTip(self.tr("Close"))
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
        self.title.setText(self.tr("The batch could not start."))
        self.details.setText(message)
        self.details.setVisible(True)
        self.retry_button.hide()
        self.show_button.hide()
        self.show()


class Delivery(Enum):
    """How a notification reached the user."""

    DESKTOP = "desktop"  # a desktop notification (org.freedesktop.Notifications)
    TRAY = "tray"  # a tray message
    BANNER = "banner"  # neither: the window's banner is all there is


class Tray(Protocol):
    """What the notifier uses of a QSystemTrayIcon."""

    messageClicked: Any

    def show(self) -> None: ...
    def hide(self) -> None: ...
    def showMessage(self, title: str, msg: str, icon: QSystemTrayIcon.MessageIcon, msecs: int) -> None: ...


def system_tray(window: QWidget) -> Tray | None:
    """The desktop's tray, where it has one."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(app_icon(), window)
    tray.setToolTip("batchpilot")
    return tray


def notification_body(outcome: str, failures: Sequence[tuple[str, str]], limit: int = 3) -> str:
    """The outcome, then the first failed files with their reasons (a notification is small)."""
    return "\n".join([outcome, *failure_lines(failures, limit)])


class Notifier(QObject):
    """One notification per batch, by the first way that works here: a desktop notification, a
    tray message, or none. ``delivered`` says which, with the reason a desktop notification was
    not shown (for the log); ``open_output`` is the folder the user asked to open from it."""

    open_output = Signal(str)
    delivered = Signal(object, str)  # Delivery, why not a desktop notification ("" when it was one)

    def __init__(self, window: QWidget, desktop: DesktopNotifier | None = None,
                 make_tray: Callable[[QWidget], Tray | None] = system_tray) -> None:
        super().__init__(window)
        self._window = window
        self._desktop = desktop if desktop is not None else DesktopNotifier(parent=self)
        self._desktop.shown.connect(self._on_shown)
        self._desktop.not_shown.connect(self._on_not_shown)
        self._desktop.open_output.connect(self.open_output)
        self.tray = make_tray(window)
        self._tray_output = ""  # the folder of the tray's last message
        if self.tray is not None:
            self.tray.messageClicked.connect(self._on_tray_clicked)

    @property
    def uses_tray(self) -> bool:
        return self.tray is not None

    def notify(self, title: str, message: str, failed: bool, output: str = "") -> None:
        """Tell the user a batch ended; ``output`` is the folder an Open output action opens."""
        QApplication.alert(self._window)  # flashes the task bar entry if the window is not active
        self._desktop.notify(Notification(title, message, failed, output))

    def close(self) -> None:
        self._desktop.close()
        if self.tray is not None:
            self.tray.hide()

    def _on_shown(self, _note: Notification) -> None:
        self.delivered.emit(Delivery.DESKTOP, "")

    def _on_not_shown(self, note: Notification, reason: str) -> None:
        if self.tray is None:
            self.delivered.emit(Delivery.BANNER, reason)
            return
        self.tray.show()
        icon = QSystemTrayIcon.MessageIcon.Warning if note.failed else QSystemTrayIcon.MessageIcon.Information
        self.tray.showMessage(note.title, note.body, icon, 8000)
        self._tray_output = note.output
        self.delivered.emit(Delivery.TRAY, reason)

    def _on_tray_clicked(self) -> None:
        if self._tray_output:
            self.open_output.emit(self._tray_output)
