"""The "Run on" box: this computer's worker processes, or a Dask cluster at an address.

What it says becomes an :class:`EngineChoice`; the window hands that to the bridge, which
connects (or resizes the pool) in its own thread and answers with ``pool_ready`` or
``pool_failed``, shown here as the box's status line. Running on a cluster needs the
optional ``dask`` extra: without it the choice is there, greyed out, saying how to get it.
"""

from __future__ import annotations

import importlib.util
import os

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox, QWidget

from app import settings as keys
from app.bridge import EngineChoice
from app.options_form import guard_wheel
from app.settings import Settings
from workers.dask import BackendError
from workers.dask.checks import parse_path_map, scheduler_address

LOCAL, DASK = "local", "dask"
MAX_WORKERS = 64


def dask_installed() -> bool:
    """Whether the optional Dask client library can be imported (the installers leave it out)."""
    return importlib.util.find_spec("distributed") is not None


def cluster_address(text: str) -> str:
    """What was typed as the scheduler's address, checked; ``render-box:8786`` gets its ``dask://``."""
    address = text.strip()
    if not address:
        raise BackendError(QCoreApplication.translate(
            "RunOnBox", "Enter the Dask scheduler's address, for example dask://render-box:8786."))
    if "://" not in address:
        address = "dask://" + address
    scheduler_address(address)  # raises BackendError with the right form
    return address


def split_path_map(text: str) -> tuple[tuple[str, str], ...]:
    """``/here=/there; /a=/b`` as pairs, longest match applied by the engine."""
    return tuple(parse_path_map(p for p in text.split(";") if p.strip()).items())


class RunOnBox(QGroupBox):
    """Run on this computer (how many workers) or on a Dask cluster (address, path map, status)."""

    changed = Signal()  # the choice changed: the engine should be started, resized or connected

    def __init__(self, settings: Settings, dask_available: bool | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Run on"))
        self._settings = settings
        self.dask_available = dask_installed() if dask_available is None else dask_available
        self._build()
        self._restore()
        self._edited = (self.address_edit.text(), self.path_map_edit.text())

    def _build(self) -> None:
        form = self.form = QFormLayout(self)
        form.setContentsMargins(6, 4, 6, 6)  # as the task panel's other groups: it must fit at 760 px
        form.setVerticalSpacing(4)
        self.where_combo = QComboBox()
        self.where_combo.setAccessibleName(self.tr("Run on"))
        self.where_combo.addItem(self.tr("This computer"), LOCAL)
        self.where_combo.addItem(self.tr("A Dask cluster"), DASK)
        model = self.where_combo.model()
        assert isinstance(model, QStandardItemModel)
        dask_item = model.item(1)
        if self.dask_available:
            dask_item.setToolTip(self.tr("Send the files to the workers of a running Dask scheduler; "
                                         "inputs and outputs must be on folders every worker mounts"))
        else:
            dask_item.setEnabled(False)
            dask_item.setToolTip(self.tr("Running on a Dask cluster needs the dask extra: {command}").format(
                command="pip install 'batchpilot[dask]'"))
        form.addRow(self.tr("Run on:"), self.where_combo)

        self.workers_spin = QSpinBox()
        self.workers_spin.setAccessibleName(self.tr("Worker processes"))
        self.workers_spin.setRange(0, MAX_WORKERS)
        self.workers_spin.setSpecialValueText(self.tr("Automatic ({cores})").format(cores=os.cpu_count() or 1))
        self.workers_spin.setToolTip(self.tr("How many files are worked on at once (automatic: one per CPU core)"))
        form.addRow(self.tr("Workers:"), self.workers_spin)

        self.address_edit = QLineEdit()
        self.address_edit.setAccessibleName(self.tr("Dask scheduler address"))
        self.address_edit.setPlaceholderText(self.tr("dask://HOST:8786"))
        self.address_edit.setToolTip(self.tr("The address `dask scheduler` printed, with dask:// in front"))
        form.addRow(self.tr("Scheduler:"), self.address_edit)

        self.path_map_edit = QLineEdit()
        self.path_map_edit.setAccessibleName(self.tr("Path map"))
        self.path_map_edit.setPlaceholderText(self.tr("optional: /here=/there; …"))
        self.path_map_edit.setToolTip(self.tr(
            "Only when the workers mount the shared folders somewhere else: this computer's folder, '=', "
            "the same folder on the workers; several separated by ';'"))
        form.addRow(self.tr("Path map:"), self.path_map_edit)

        self.status = QLabel()
        self.status.setObjectName("runOnStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.status)

        guard_wheel(self.where_combo, self.workers_spin)
        self.where_combo.currentIndexChanged.connect(self._on_where_chosen)
        self.workers_spin.valueChanged.connect(self.changed)
        self.address_edit.editingFinished.connect(self._on_text_edited)
        self.path_map_edit.editingFinished.connect(self._on_text_edited)

    def _restore(self) -> None:
        s = self._settings
        for w in (self.where_combo, self.workers_spin, self.address_edit, self.path_map_edit):
            w.blockSignals(True)
        self.workers_spin.setValue(min(max(s.get(keys.WORKERS), 0), MAX_WORKERS))
        self.address_edit.setText(s.get(keys.DASK_ADDRESS))
        self.path_map_edit.setText(s.get(keys.PATH_MAP))
        wanted = DASK if s.get(keys.RUN_ON) == DASK and self.dask_available else LOCAL
        self.where_combo.setCurrentIndex(self.where_combo.findData(wanted))
        for w in (self.where_combo, self.workers_spin, self.address_edit, self.path_map_edit):
            w.blockSignals(False)
        self._show_rows()

    # -- reading --------------------------------------------------------------------------
    @property
    def on_cluster(self) -> bool:
        return self.where_combo.currentData() == DASK

    def workers(self) -> int:
        return self.workers_spin.value()

    def choice(self) -> EngineChoice:
        """Where to run, as the bridge takes it; BackendError (a sentence) when the cluster fields are wrong."""
        if not self.on_cluster:
            return EngineChoice(workers=self.workers())
        return EngineChoice(address=cluster_address(self.address_edit.text()),
                            path_map=split_path_map(self.path_map_edit.text()))

    # -- changing -------------------------------------------------------------------------
    def set_status(self, message: str, ok: bool | None = None) -> None:
        """The status line under the cluster fields: in progress (None), connected (True) or a problem."""
        color = {True: "palette(text)", False: "#b3261e", None: "palette(mid)"}[ok]
        self.status.setStyleSheet(f"color: {color};")
        self.status.setText(message)

    def set_locked(self, locked: bool) -> None:
        """Where the job runs cannot change while it runs."""
        for w in (self.where_combo, self.address_edit, self.path_map_edit):
            w.setEnabled(not locked)

    def save(self) -> None:
        s = self._settings
        s.set(keys.WORKERS, self.workers())
        s.set(keys.RUN_ON, str(self.where_combo.currentData()))
        s.set(keys.DASK_ADDRESS, self.address_edit.text().strip())
        s.set(keys.PATH_MAP, self.path_map_edit.text().strip())

    # -- slots ----------------------------------------------------------------------------
    def _show_rows(self) -> None:
        cluster = self.on_cluster
        self.form.setRowVisible(self.workers_spin, not cluster)
        for w in (self.address_edit, self.path_map_edit, self.status):
            self.form.setRowVisible(w, cluster)

    def _on_where_chosen(self, _index: int) -> None:
        self._show_rows()
        if self.on_cluster:
            self.set_status("")
        self.changed.emit()

    def _on_text_edited(self) -> None:
        edited = (self.address_edit.text(), self.path_map_edit.text())
        if edited != self._edited:  # editingFinished also fires when focus merely leaves
            self._edited = edited
            self.changed.emit()
