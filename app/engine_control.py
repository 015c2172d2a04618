"""Keeps the engine in step with the Run on box: starts, resizes or connects it, and says how it went.

Requests go to the bridge, which answers each with ``pool_ready`` or ``pool_failed`` in the
order they were made; only the answer to the last request is shown in the box.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QScrollArea

from app import text
from app.bridge import EngineBridge, EngineChoice
from app.i18n import with_count
from app.run_on import RunOnBox
from workers.dask import BackendError


class EngineControl(QObject):
    """Asks the bridge for the engine the box describes whenever the box changes (and the window is idle)."""

    def __init__(self, box: RunOnBox, bridge: EngineBridge, scroll: QScrollArea, idle: Callable[[], bool],
                 show_message: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.box = box
        self.bridge = bridge
        self.idle = idle
        self.show_message = show_message
        self._requests = 0  # requests the bridge has not answered yet
        self._wanted = EngineChoice()  # what the last request asked for
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(600)  # a spin box sends a value per click: resize once
        self._timer.timeout.connect(self._apply)
        box.changed.connect(self._timer.start)
        # The cluster's fields appear at the bottom of the panel: bring them into view.
        box.where_combo.activated.connect(lambda _i: QTimer.singleShot(0, lambda: scroll.ensureWidgetVisible(box)))
        bridge.pool_ready.connect(self._on_pool_ready)
        bridge.pool_failed.connect(self._on_pool_failed)

    def request(self) -> None:
        """Start, resize or connect the engine the box describes, in the bridge's thread."""
        try:
            choice = self.box.choice()
        except BackendError as exc:
            self.box.set_status(str(exc), ok=False)
            return
        self._requests += 1
        if not choice.local:
            self.box.set_status(self.tr("Connecting to {address}…").format(address=choice.address))
        self._wanted = choice
        self.bridge.start_pool(choice)

    def _apply(self) -> None:
        if self.idle():
            self.request()
        # else: the next job resizes the pool or connects (its request carries the choice)

    def _answered(self) -> bool:
        # Answers come in the order of the requests: only the last one says what is in use now.
        self._requests = max(self._requests - 1, 0)
        return self._requests == 0

    @Slot(int)
    def _on_pool_ready(self, count: int) -> None:
        if self._answered() and not self._wanted.local:
            connected = with_count(self.tr("Connected to {address}: %1 threads on its workers.", "", count),
                                   text.count(count))
            self.box.set_status(connected.format(address=self._wanted.address), ok=True)

    @Slot(str)
    def _on_pool_failed(self, message: str) -> None:
        if not self._answered():
            return
        if not self._wanted.local:
            self.box.set_status(message, ok=False)
        self.show_message(message)
