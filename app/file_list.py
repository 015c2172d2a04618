"""The file table: status filter, sortable columns, progress bars, context menu, double-click."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import text
from app.delegate import ProgressDelegate
from app.file_filter import FileFilterProxy, StatusFilter, filter_texts
from app.file_row import FileRow, Status
from app.i18n import with_count
from app.job_model import ELAPSED, FOLDER, NAME, PROGRESS, ROW_ROLE, SIZE, STATUS, JobModel, status_texts

COLUMN_WIDTHS = {NAME: 210, FOLDER: 150, SIZE: 76, STATUS: 100, PROGRESS: 110, ELAPSED: 70}


class FileTable(QTableView):
    """A table view that ignores changes to rows scrolled out of sight.

    QAbstractItemView repaints its whole viewport for any change spanning several rows, even
    rows nobody can see; a batch of a big job touches a thousand such rows, twenty times a
    second. Changes to visible rows are handled as usual.
    """

    def dataChanged(self, topLeft: QModelIndex | QPersistentModelIndex,  # Qt's parameter names
                    bottomRight: QModelIndex | QPersistentModelIndex,
                    roles: Sequence[int] = ()) -> None:
        first_visible = self.rowAt(0)
        if first_visible >= 0:
            last_visible = self.rowAt(self.viewport().height() - 1)
            if last_visible < 0:
                last_visible = first_visible + self.viewport().height()  # fewer rows than fit
            if bottomRight.row() < first_visible or topLeft.row() > last_visible:
                return
        super().dataChanged(topLeft, bottomRight, list(roles))


class FileList(QWidget):
    """The table over :class:`JobModel`; what the user asks for goes out as signals with rows."""

    open_output = Signal(object)  # FileRow
    open_folder = Signal(object)  # FileRow
    show_log = Signal(object)  # FileRow
    copy_errors = Signal(list)  # [FileRow]
    retry = Signal(list)  # [FileRow]
    remove = Signal(list)  # [FileRow]
    filter_changed = Signal(str)

    def __init__(self, model: JobModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = FileFilterProxy(model, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        bar = QHBoxLayout()
        self.filter_combo = QComboBox()
        self.filter_combo.setAccessibleName(self.tr("Show"))
        for which, label in filter_texts().items():
            self.filter_combo.addItem(label, which.value)
        show = QLabel(self.tr("&Show:"))
        show.setBuddy(self.filter_combo)
        bar.addWidget(show)
        bar.addWidget(self.filter_combo)
        bar.addStretch(1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        layout.addLayout(bar)

        view = self.view = FileTable()
        view.setObjectName("fileTable")
        view.setAccessibleName(self.tr("Files"))
        view.setModel(self.proxy)
        view.setItemDelegateForColumn(PROGRESS, ProgressDelegate(view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicatorShown(False)  # until the user sorts
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        vertical = view.verticalHeader()
        vertical.hide()
        # Fixed row heights: the view never measures rows, which matters at 100,000 of them.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(view.fontMetrics().height() + 10)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        # Some languages have long status words ("Fehlgeschlagen"): the column fits the longest,
        # with room for the status icon and the cell's margins.
        widest = max(view.fontMetrics().horizontalAdvance(t) for t in status_texts().values())
        header.resizeSection(STATUS, max(COLUMN_WIDTHS[STATUS], widest + 40))
        header.sortIndicatorChanged.connect(lambda *_: header.setSortIndicatorShown(True))
        layout.addWidget(view)

        self.filter_combo.currentIndexChanged.connect(self._on_filter_chosen)
        view.doubleClicked.connect(self._on_double_clicked)
        view.customContextMenuRequested.connect(self._on_context_menu)

    def forget_sort(self) -> None:
        """Hide the sort arrow: sorting is a one-off reorder, and rows were added since."""
        self.view.horizontalHeader().setSortIndicatorShown(False)

    # -- filter ---------------------------------------------------------------------------
    def set_filter(self, which: StatusFilter) -> None:
        i = self.filter_combo.findData(which.value)
        if i >= 0:
            self.filter_combo.setCurrentIndex(i)

    def _on_filter_chosen(self, index: int) -> None:
        which = StatusFilter(self.filter_combo.itemData(index))
        self.proxy.set_status_filter(which)
        self.filter_changed.emit(which.value)

    # -- rows -----------------------------------------------------------------------------
    def row_at(self, index: QModelIndex) -> FileRow | None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, FileRow) else None

    def selected_rows(self) -> list[FileRow]:
        out = []
        for index in self.view.selectionModel().selectedRows():
            row = self.row_at(index)
            if row is not None:
                out.append(row)
        return out

    def _on_double_clicked(self, index: QModelIndex) -> None:
        row = self.row_at(index)
        if row is None:
            return
        if row.status is Status.DONE and row.output:
            self.open_output.emit(row)
        else:
            self.show_log.emit(row)

    def _on_context_menu(self, pos: QPoint) -> None:
        clicked = self.row_at(self.view.indexAt(pos))
        if clicked is None:
            return
        rows = self.selected_rows()
        if clicked not in rows:
            rows = [clicked]
        menu = self.context_menu(clicked, rows)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def context_menu(self, clicked: FileRow, rows: list[FileRow]) -> QMenu:
        """The menu for ``rows`` (right-clicked on ``clicked``); built apart so tests can use it."""
        menu = QMenu(self)
        menu.addAction(self.tr("Open source folder"), lambda: self.open_folder.emit(clicked))
        output = menu.addAction(self.tr("Open output"), lambda: self.open_output.emit(clicked))
        output.setEnabled(clicked.status is Status.DONE and bool(clicked.output))
        menu.addAction(self.tr("Show log"), lambda: self.show_log.emit(clicked))
        failed = [r for r in rows if r.status in (Status.FAILED, Status.SKIPPED) and r.reason]
        copy = menu.addAction(self.tr("Copy error"), lambda: self.copy_errors.emit(failed))
        copy.setEnabled(bool(failed))
        menu.addSeparator()
        retryable = [r for r in rows if r.status in (Status.FAILED, Status.CANCELLED)]
        retry = menu.addAction(self.tr("Retry"), lambda: self.retry.emit(retryable))
        retry.setEnabled(bool(retryable))
        removable = [r for r in rows if r.status is not Status.RUNNING]
        remove = menu.addAction(self.tr("Remove from list"), lambda: self.remove.emit(removable))
        remove.setEnabled(bool(removable))
        return menu

    def update_counts(self) -> None:
        m = self.model
        total = m.count()
        parts = [with_count(self.tr("%1 files", "", total), text.count(total))]
        running, failed = m.count(Status.RUNNING), m.count(Status.FAILED)
        if running:
            parts.append(with_count(self.tr("%1 running", "", running), text.count(running)))
        if failed:
            parts.append(with_count(self.tr("%1 failed", "", failed), text.count(failed)))
        self.count_label.setText(" · ".join(parts))
