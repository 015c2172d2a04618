"""Drag and drop of local files and folders onto the window, and the empty-window drop area."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDragMoveEvent, QDropEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.resources import icon


def split_urls(mime: QMimeData) -> tuple[list[str], list[str]]:
    """(local paths, other URLs as text) carried by a drag."""
    local: list[str] = []
    other: list[str] = []
    if not mime.hasUrls():
        return local, other
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile():
            local.append(url.toLocalFile())
        else:
            other.append(url.toDisplayString())
    return local, other


def refusal(other: list[str]) -> str:
    """The polite message for URLs that are not local files."""
    translate = QCoreApplication.translate
    if len(other) > 1:
        message = translate("Drop", "Only files and folders on this computer can be added; {address} (and {more} "
                            "more) is not one. Download it first, then drop the file.")
    else:
        message = translate("Drop", "Only files and folders on this computer can be added; {address} is not one. "
                            "Download it first, then drop the file.")
    return message.format(address=other[0], more=len(other) - 1)


class DropFilter(QObject):
    """Watches widgets for drags of local files; ``dropped`` carries their paths."""

    dropped = Signal(list)
    refused = Signal(str)
    hovering = Signal(bool)

    def watch(self, widget: QWidget) -> None:
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, QDragMoveEvent):
            local, other = split_urls(event.mimeData())
            if local:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                if kind == QEvent.Type.DragEnter:
                    self.hovering.emit(True)
            else:
                event.ignore()
                if kind == QEvent.Type.DragEnter and other:
                    self.refused.emit(refusal(other))
            return True
        if kind == QEvent.Type.DragLeave:
            self.hovering.emit(False)
            return True
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            self.hovering.emit(False)
            local, other = split_urls(event.mimeData())
            if local:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                self.dropped.emit(local)
            else:
                event.ignore()
            if other:
                self.refused.emit(refusal(other))
            return True
        return False


class DropArea(QFrame):
    """What an empty window shows: where to drop, and buttons for those who prefer dialogs."""

    def paintEvent(self, event: QPaintEvent) -> None:
        # A quiet dashed outline says "this is a place to drop things" in any palette.
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 2, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(self.rect().adjusted(12, 12, -12, -12), 14, 14)

    add_files = Signal()
    add_folder = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropArea")
        self.setAccessibleName(self.tr("Drop area"))
        self.setAccessibleDescription(self.tr("Drop files or folders here to add them"))
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        picture = QLabel()
        picture.setPixmap(icon("drop").pixmap(QSize(96, 96)))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(picture)
        title = QLabel(self.tr("Drop files or folders here"))
        title.setObjectName("dropTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        hint = QLabel(self.tr("Then pick a task on the left and press Start (Ctrl+Return)."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setEnabled(False)
        layout.addWidget(hint)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.files_button = QPushButton(icon("add-files"), self.tr("Add files…"))
        self.files_button.setAccessibleName(self.tr("Add files"))
        self.folder_button = QPushButton(icon("add-folder"), self.tr("Add folder…"))
        self.folder_button.setAccessibleName(self.tr("Add folder"))
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(3)
        self.files_button.clicked.connect(self.add_files)
        self.folder_button.clicked.connect(self.add_folder)


class DropOverlay(QWidget):
    """A dashed frame over its parent while a drag of files hovers the window."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.hide()
        parent.installEventFilter(self)

    def set_active(self, active: bool) -> None:
        parent = self.parentWidget()
        if active and parent is not None:
            self.setGeometry(parent.rect())
            self.raise_()
        self.setVisible(active)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        resized = event.type() == QEvent.Type.Resize
        if watched is parent and parent is not None and resized and self.isVisible():
            self.setGeometry(parent.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = self.palette().color(QPalette.ColorRole.Highlight)
        fill = QColor(color)
        fill.setAlpha(28)
        pen = QPen(color, 3, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(self.rect().adjusted(4, 4, -4, -4), 10, 10)
