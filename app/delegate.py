"""Cell painting for the file table: progress bars drawn by the current style (no widget per row),
and long texts cut where the model says (``ELIDE_ROLE``)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from app.job_model import ELIDE_ROLE, PROGRESS_ROLE

BAR_STEPS = 1000


class ElideDelegate(QStyledItemDelegate):
    """Cuts a cell's text the way its ``ELIDE_ROLE`` says (paths in the middle), else as the view does."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        mode = index.data(ELIDE_ROLE)
        if mode is not None:
            option.textElideMode = mode


class ProgressDelegate(QStyledItemDelegate):
    """Draws ``PROGRESS_ROLE`` (0..1) as a bar; cells without a value are drawn as usual."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(PROGRESS_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        # The row's selection background first, so a selected row stays visibly selected.
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        bar = QStyleOptionProgressBar()
        if widget is not None:
            bar.initFrom(widget)
        bar.rect = option.rect.adjusted(3, 3, -3, -3)
        bar.palette = option.palette
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.minimum = 0
        bar.maximum = BAR_STEPS
        bar.progress = round(min(max(float(value), 0.0), 1.0) * BAR_STEPS)
        bar.text = f"{value:.0%}"
        bar.textVisible = True
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)
