"""The right-hand side of the window: a job's banner, its drop area or file list, its overall progress."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QStackedWidget, QVBoxLayout, QWidget

from app import text
from app.drop import DropArea
from app.file_list import FileList
from app.i18n import with_count
from app.job_model import JobModel
from app.notify import SummaryBanner
from app.overall import Overall
from app.queue_saver import ResumeOffer
from workers.engine import JobSummary

BAR_STEPS = 1000


class JobArea(QWidget):
    """Shows the drop area while the list is empty, the file list once files are added."""

    def __init__(self, model: JobModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.resume_offer = ResumeOffer()
        layout.addWidget(self.resume_offer)
        self.banner = SummaryBanner()
        layout.addWidget(self.banner)
        self.stack = QStackedWidget()
        self.drop_area = DropArea()
        self.file_list = FileList(model)
        self.stack.addWidget(self.drop_area)
        self.stack.addWidget(self.file_list)
        layout.addWidget(self.stack, 1)
        row = QHBoxLayout()
        self.overall_bar = QProgressBar()
        self.overall_bar.setAccessibleName(self.tr("Overall progress"))
        self.overall_bar.setRange(0, BAR_STEPS)
        self.overall_bar.setValue(0)
        self.overall_bar.setFormat("%p %")
        self.overall_text = QLabel(self.tr("Add files or folders to begin."))
        self.overall_text.setAccessibleName(self.tr("Batch status"))
        row.addWidget(self.overall_bar, 1)
        row.addWidget(self.overall_text, 2)
        layout.addLayout(row)

    def show_rows(self, rows: int, runnable: int, ran: bool) -> None:
        """The file list once there are rows; the overall bar once a job has run."""
        self.stack.setCurrentWidget(self.file_list if rows else self.drop_area)
        self.overall_bar.setVisible(ran)
        self.overall_text.setVisible(ran or rows > 0)
        if not ran and runnable:
            waiting = self.tr("%1 files waiting. Press Start (Ctrl+Return) to begin.", "", runnable)
            self.overall_text.setText(with_count(waiting, text.count(runnable)))

    def show_overall(self, overall: Overall) -> None:
        bar = self.overall_bar
        # QProgressBar.setValue repaints at once, dragging the whole window's pending paint
        # into the caller; with updates off it is merely scheduled with the rest.
        bar.setUpdatesEnabled(False)
        bar.setValue(round(overall.fraction() * BAR_STEPS))
        bar.setUpdatesEnabled(True)
        self.overall_text.setText(overall.summary())

    def show_outcome(self, summary: JobSummary | None, failures: list[tuple[str, str]], notes: list[str],
                     error: str) -> None:
        """The banner of a job: how its latest run ended, why it could not start, or nothing yet."""
        if error:
            self.banner.show_error(error if "\n" in error else text.sentence(error))
        elif summary is not None:
            self.banner.show_summary(summary, failures, "\n".join(notes) or None)
        else:
            self.banner.hide()
