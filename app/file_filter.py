"""The proxy between the file list and its view: filtering by status, sorting by the model.

Sorting is handed to the model's own key sort: Qt's proxy sort would call back into Python
twice per comparison, seconds for 100,000 rows. Rows also stay put while their status
changes, so a running batch does not make the list jump.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication, QObject, QRegularExpression, QSortFilterProxyModel, Qt

from app.file_row import Status
from app.job_model import STATUS, STATUS_ROLE, JobModel


class StatusFilter(enum.StrEnum):
    ALL = "all"
    WAITING = "waiting"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"




def filter_texts() -> dict[StatusFilter, str]:
    """The filter's choices in the user's language (a context of their own: a filter may want
    another word, or another number, than one file's status)."""
    translate = QCoreApplication.translate
    return {
        StatusFilter.ALL: translate("Filter", "All files"),
        StatusFilter.WAITING: translate("Filter", "Waiting"),
        StatusFilter.RUNNING: translate("Filter", "Running"),
        StatusFilter.DONE: translate("Filter", "Done"),
        StatusFilter.FAILED: translate("Filter", "Failed"),
        StatusFilter.SKIPPED: translate("Filter", "Skipped"),
    }


# Cancelled files are waiting to be started again.
_MATCHES = {
    StatusFilter.WAITING: (Status.WAITING, Status.CANCELLED),
    StatusFilter.RUNNING: (Status.RUNNING,),
    StatusFilter.DONE: (Status.DONE,),
    StatusFilter.FAILED: (Status.FAILED,),
    StatusFilter.SKIPPED: (Status.SKIPPED,),
}


class FileFilterProxy(QSortFilterProxyModel):
    """Shows the rows whose status matches the chosen :class:`StatusFilter`."""

    def __init__(self, model: JobModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(model)
        self.setFilterRole(STATUS_ROLE)
        self.setFilterKeyColumn(STATUS)
        self._filter = StatusFilter.ALL

    @property
    def status_filter(self) -> StatusFilter:
        return self._filter

    def set_status_filter(self, which: StatusFilter) -> None:
        """Show only rows of that kind; the pattern is matched by Qt against the status role."""
        self._filter = which
        statuses = _MATCHES.get(which)
        if statuses is None:
            self.setFilterRegularExpression(QRegularExpression())
        else:
            pattern = "^(" + "|".join(s.value for s in statuses) + ")$"
            self.setFilterRegularExpression(QRegularExpression(pattern))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, JobModel):
            model.sort(column, order)
