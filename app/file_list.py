"""The file table: status filter, sortable columns, progress bars, context menu, double-click."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import text
from app.delegate import ElideDelegate, ProgressDelegate
from app.file_filter import FileFilterProxy, StatusFilter, filter_texts
from app.file_row import FileRow, Status
from app.i18n import with_count
from app.job_model import (
    ELAPSED,
    FOLDER,
    NAME,
    PROGRESS,
    RESULT,
    ROW_ROLE,
    SIZE,
    STATUS,
    JobModel,
    status_texts,
)

# Columns sized to what they can show, in the current font: the longest status, a bar, the
# longest size and duration people meet.
SIZE_SAMPLES = (999_949, 999_949_999, 999.9e9, 999.9e12)
ELAPSED_SAMPLES = (0.01, 59 * 60 + 59, 12 * 3600 + 5 * 60)
# Name and Folder share the width the other columns leave (the output column, stretched last,
# takes the rest), between these bounds in average characters, until the user drags them.
SHARES = {NAME: (0.36, 20, 48), FOLDER: (0.28, 14, 32)}


def shown_file(row: FileRow) -> str:
    """The file "Show in folder" points at: a done file's output, else its source."""
    return row.output if row.status is Status.DONE and row.output else row.source


class FileTable(QTableView):
    """A table view that ignores changes to rows scrolled out of sight, and says when its width changes.

    QAbstractItemView repaints its whole viewport for any change spanning several rows, even
    rows nobody can see; a batch of a big job touches a thousand such rows, twenty times a
    second. Changes to visible rows are handled as usual.
    """

    width_changed = Signal(int)  # the viewport's new width: a resize, or a scroll bar came or went

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._width = -1

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

    def updateGeometries(self) -> None:
        super().updateGeometries()
        width = self.viewport().width()
        if width != self._width:
            self._width = width
            self.width_changed.emit(width)


class FileList(QWidget):
    """The table over :class:`JobModel`; what the user asks for goes out as signals with rows."""

    open_output = Signal(object)  # FileRow
    open_folder = Signal(object)  # FileRow
    show_in_folder = Signal(object)  # FileRow: show shown_file(row) selected in the file manager
    show_log = Signal(object)  # FileRow
    copy_errors = Signal(list)  # [FileRow]
    retry = Signal(list)  # [FileRow]
    remove = Signal(list)  # [FileRow]
    filter_changed = Signal(str)

    def __init__(self, model: JobModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = FileFilterProxy(model, self)
        self._user_sized: set[int] = set()  # columns the user dragged: their width is theirs
        self._fitting = False
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
        elide = ElideDelegate(view)
        for column in (NAME, FOLDER, RESULT):  # the columns whose texts can be long
            view.setItemDelegateForColumn(column, elide)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # No sort column until the user picks one: enabling sorting sorts by it at once, and a
        # model handed over with rows (another job's) keeps its order.
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicatorShown(False)  # until the user sorts
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        vertical = view.verticalHeader()
        vertical.hide()
        # Fixed row heights: the view never measures rows, which matters at 100,000 of them.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.sortIndicatorChanged.connect(lambda *_: header.setSortIndicatorShown(True))
        header.sectionResized.connect(self._on_section_resized)
        header.sectionHandleDoubleClicked.connect(self._user_sized.add)
        view.width_changed.connect(self._on_width_changed)
        layout.addWidget(view)

        # Delete while the table has focus; in the window's actions, so F1 lists it.
        self.remove_action = QAction(self.tr("Remove from list"), self)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self._on_remove_selected)
        view.addAction(self.remove_action)

        self.filter_combo.currentIndexChanged.connect(self._on_filter_chosen)
        view.doubleClicked.connect(self._on_double_clicked)
        view.customContextMenuRequested.connect(self._on_context_menu)
        self._measure()

    def set_model(self, model: JobModel) -> None:
        """Show ``model``'s rows instead (one model per job): every row, unsorted, counted anew."""
        self.model = model
        self.proxy.setSourceModel(model)
        self.set_filter(StatusFilter.ALL)
        self.forget_sort()
        self.update_counts()
        self.fit_columns()

    def forget_sort(self) -> None:
        """Hide the sort arrow: sorting is a one-off reorder, and rows were added since."""
        self.view.horizontalHeader().setSortIndicatorShown(False)

    # -- column widths --------------------------------------------------------------------
    def _measure(self) -> None:
        """Row height and content-sized columns for the current font and style."""
        view = self.view
        fm = view.fontMetrics()
        view.verticalHeader().setDefaultSectionSize(fm.height() + 10)
        style = view.style()
        # The style pads a cell's text by the focus frame margin + 1 on each side; a few pixels
        # more keep the longest text from touching the next column.
        pad = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1) + 8
        icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, view) + 6

        def widest(texts: Sequence[str]) -> int:
            return max(fm.horizontalAdvance(t) for t in texts)

        # Status words are long in some languages ("Fehlgeschlagen"); the icon sits beside them.
        content = {
            STATUS: widest(list(status_texts().values())) + icon + pad,
            PROGRESS: 2 * fm.horizontalAdvance("100%") + pad,  # a bar long enough to read
            SIZE: widest([text.size(n) for n in SIZE_SAMPLES]) + pad,
            ELAPSED: widest([text.duration(s) for s in ELAPSED_SAMPLES]) + pad,
        }
        header = view.horizontalHeader()
        # Room for the sort arrow too, which appears once the user sorts by the column.
        arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        arrow += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        titled = 0 if header.isSortIndicatorShown() else arrow
        self._content = {c: max(w, header.sectionSizeHint(c) + titled) for c, w in content.items()}
        self._char = fm.averageCharWidth()
        self.fit_columns()

    def fit_columns(self) -> None:
        """Lay the columns out for the table's width; columns the user dragged keep their width."""
        header = self.view.horizontalHeader()
        if header.count() <= RESULT:
            return
        self._fitting = True
        try:
            for column, width in self._content.items():
                if column not in self._user_sized:
                    header.resizeSection(column, width)
            shared = [c for c in SHARES if c not in self._user_sized]
            taken = sum(header.sectionSize(c) for c in range(header.count()) if c != RESULT and c not in shared)
            free = self.view.viewport().width() - taken
            for column in shared:
                share, least, most = SHARES[column]
                header.resizeSection(column, round(min(max(free * share, least * self._char), most * self._char)))
        finally:
            self._fitting = False

    def _on_width_changed(self, _width: int) -> None:
        self.fit_columns()

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        # A drag is the only way a user resizes a column; restoring a header or stretching the
        # last section happens with no button held.
        if not self._fitting and QGuiApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self._user_sized.add(column)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._measure()

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

    def _on_remove_selected(self) -> None:
        removable = [r for r in self.selected_rows() if r.status is not Status.RUNNING]
        if removable:
            self.remove.emit(removable)

    def _on_context_menu(self, pos: QPoint) -> None:
        clicked = self.row_at(self.view.indexAt(pos))
        if clicked is None:
            return
        rows = self.selected_rows()
        if clicked not in rows:
            rows = [clicked]
        menu = self.context_menu(clicked, rows)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self, clicked: FileRow, rows: list[FileRow]) -> QMenu:
        """The menu for ``rows`` (right-clicked on ``clicked``); built apart so tests can use it."""
        menu = QMenu(self)
        menu.addAction(self.tr("Open source folder"), lambda: self.open_folder.emit(clicked))
        output = menu.addAction(self.tr("Open output"), lambda: self.open_output.emit(clicked))
        output.setEnabled(clicked.status is Status.DONE and bool(clicked.output))
        menu.addAction(self.tr("Show in folder"), lambda: self.show_in_folder.emit(clicked))
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
        remove.setShortcut(self.remove_action.shortcut())  # shown beside it, as menus show keys
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
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
