"""The Run on box: this computer or a Dask cluster, kept in settings, checked before a job runs.

The cluster tests use a real two-worker LocalCluster on the loopback address, reached through
the address typed into the box, the same way a user's scheduler is.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel

from app import bridge
from app import settings as keys
from app.bridge import EngineChoice
from app.dialogs import CancelChoice
from app.file_row import Status
from app.run_on import DASK, LOCAL, RunOnBox
from tests.gui.conftest import click, wait_scanned
from workers.dask import BackendError


def _files(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(f"text of {name}\n")
    return folder


def _box(qtbot, settings, dask_available: bool = True) -> RunOnBox:
    box = RunOnBox(settings, dask_available=dask_available)
    qtbot.addWidget(box)
    box.show()
    return box


def _choose(box: RunOnBox, where: str) -> None:
    box.where_combo.setCurrentIndex(box.where_combo.findData(where))


def _type_address(qtbot, box: RunOnBox, address: str) -> None:
    """Type into the scheduler field and press Enter, as a user does."""
    box.address_edit.clear()
    qtbot.keyClicks(box.address_edit, address)
    qtbot.keyClick(box.address_edit, Qt.Key.Key_Return)


def _window_on_cluster(qtbot, make_window, dask_url: str, src: Path, rows: int, path_map: str = ""):
    """A window whose Run on box is connected to the test cluster, with ``src`` listed."""
    window = make_window()
    box = window.task_panel.run_on
    _choose(box, DASK)
    box.path_map_edit.setText(path_map)
    _type_address(qtbot, box, dask_url)
    qtbot.waitUntil(lambda: box.status.text().startswith("Connected to"), timeout=30_000)
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, rows)
    return window, box


# ------------------------------------------------------------------ the box on its own


def test_without_dask_the_cluster_choice_is_greyed_out_and_says_how_to_get_it(qtbot, settings, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as in the installers, which leave Dask out
    settings.set(keys.RUN_ON, DASK)  # saved by an installation that had the extra
    box = RunOnBox(settings)
    qtbot.addWidget(box)
    model = box.where_combo.model()
    assert isinstance(model, QStandardItemModel)
    cluster_item = model.item(box.where_combo.findData(DASK))
    assert not cluster_item.isEnabled()
    assert "pip install 'batchpilot[dask]'" in cluster_item.toolTip()
    assert not box.on_cluster
    assert box.choice() == EngineChoice(workers=0)


def test_cluster_fields_show_only_when_running_on_a_cluster(qtbot, settings):
    box = _box(qtbot, settings)
    assert box.workers_spin.isVisible()
    assert not box.address_edit.isVisible() and not box.path_map_edit.isVisible()
    _choose(box, DASK)
    assert not box.workers_spin.isVisible()
    assert box.address_edit.isVisible() and box.path_map_edit.isVisible()
    _choose(box, LOCAL)
    assert box.workers_spin.isVisible() and not box.address_edit.isVisible()


def test_what_is_typed_becomes_where_jobs_run(qtbot, settings):
    box = _box(qtbot, settings)
    box.workers_spin.setValue(3)
    assert box.choice() == EngineChoice(workers=3)
    _choose(box, DASK)
    box.address_edit.setText("  render-box:8786 ")  # the dask:// may be left out
    box.path_map_edit.setText("/data/share=/mnt/share; /home/me/out = /srv/out ;")
    assert box.choice() == EngineChoice(address="dask://render-box:8786",
                                        path_map=(("/data/share", "/mnt/share"), ("/home/me/out", "/srv/out")))


@pytest.mark.parametrize(("address", "path_map", "says"), [
    ("", "", "Enter the Dask scheduler's address"),
    ("http://render-box:8786", "", "http:// is not supported"),
    ("dask://render-box:99999", "", "has no valid port"),
    ("dask://render-box:8786", "/data/share", "a path map entry is written HERE=THERE"),
])
def test_wrong_cluster_fields_are_refused_with_the_right_form(qtbot, settings, address, path_map, says):
    box = _box(qtbot, settings)
    _choose(box, DASK)
    box.address_edit.setText(address)
    box.path_map_edit.setText(path_map)
    with pytest.raises(BackendError, match=says):
        box.choice()


def test_the_choice_is_kept_in_settings(qtbot, settings):
    box = _box(qtbot, settings)
    _choose(box, DASK)
    box.address_edit.setText("dask://render-box:8786")
    box.path_map_edit.setText("/data=/mnt/data")
    box.save()
    settings.sync()
    again = _box(qtbot, settings)
    assert again.on_cluster
    assert again.choice() == EngineChoice(address="dask://render-box:8786", path_map=(("/data", "/mnt/data"),))


def test_editing_a_field_without_changing_it_does_not_reconnect(qtbot, settings):
    box = _box(qtbot, settings)
    _choose(box, DASK)
    changes: list[None] = []
    box.changed.connect(lambda: changes.append(None))
    _type_address(qtbot, box, "dask://render-box:8786")
    assert len(changes) == 1
    box.address_edit.editingFinished.emit()  # focus left the field; nothing new was typed
    assert len(changes) == 1


# ------------------------------------------------------------------ the box in the window


def test_a_wrong_address_is_shown_in_the_box_and_stops_start(qtbot, tmp_path, make_window):
    src = _files(tmp_path / "src", ["ok-1.txt"])
    window = make_window()
    box = window.task_panel.run_on
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 1)
    _choose(box, DASK)
    _type_address(qtbot, box, "dask://:8786")
    qtbot.waitUntil(lambda: "names no host" in box.status.text(), timeout=5_000)
    assert not box.workers_spin.isVisible()
    click(qtbot, window, window.commands.start)
    assert window.banner.isVisible() and "names no host" in window.banner.details.text()
    assert window.model.count(Status.WAITING) == 1  # nothing ran
    assert not (tmp_path / "src-faulty").exists()


@pytest.mark.dask
def test_a_scheduler_that_does_not_answer_is_reported_in_the_box(qtbot, make_window, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(bridge, "CONNECT_TIMEOUT", 1.0)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # free once closed: nobody listens there
    window = make_window()
    box = window.task_panel.run_on
    _choose(box, DASK)
    _type_address(qtbot, box, f"127.0.0.1:{port}")
    qtbot.waitUntil(lambda: box.status.text().startswith(f"Connecting to dask://127.0.0.1:{port}"), timeout=5_000)
    qtbot.waitUntil(lambda: "Could not reach the Dask scheduler" in box.status.text(), timeout=20_000)
    assert f"dask://127.0.0.1:{port}" in box.status.text()
    assert window.bridge.worker_pids() == []
    _choose(box, LOCAL)  # back to this computer: its workers start again
    qtbot.waitUntil(lambda: len(window.bridge.worker_pids()) >= 1, timeout=30_000)


@pytest.mark.dask
def test_a_batch_runs_on_a_dask_cluster_from_the_window(qtbot, tmp_path, make_window, dask_url):
    names = [f"ok-{i}.txt" for i in range(8)]
    src = _files(tmp_path / "src", names)
    window, box = _window_on_cluster(qtbot, make_window, dask_url, src, len(names))
    assert box.status.text() == f"Connected to {dask_url}: 2 threads on its workers."
    assert window.bridge.worker_pids() == []  # no worker process runs on this computer
    with qtbot.waitSignal(window.bridge.finished, timeout=60_000) as finished:
        click(qtbot, window, window.commands.start)
        assert box.where_combo.isEnabled()  # the job took its settings: the panel is the next job's
    assert finished.args[0].done == len(names)
    assert {r.status for r in window.model.rows()} == {Status.DONE}
    assert window.overall_text.text().startswith(f"{len(names)} of {len(names)} files")
    out = tmp_path / "src-faulty"
    for name in names:
        assert (out / f"{name}.out").read_text() == f"TEXT OF {name.upper()}\n"


@pytest.mark.dask
def test_folders_the_cluster_cannot_see_stop_the_job_before_it_runs(qtbot, tmp_path, make_window, dask_url):
    src = _files(tmp_path / "src", ["ok-1.txt", "ok-2.txt"])
    window, _ = _window_on_cluster(qtbot, make_window, dask_url, src, 2, f"{src}={tmp_path / 'not-mounted'}")
    with qtbot.waitSignal(window.bridge.failed, timeout=30_000) as failed:
        click(qtbot, window, window.commands.start)
    assert "cannot be reached" in failed.args[0] and "not-mounted" in failed.args[0]
    assert window.banner.isVisible() and "cannot be reached" in window.banner.details.text()
    assert window.model.count(Status.WAITING) == 2  # nothing ran
    assert not list((tmp_path / "src-faulty").glob("*.out"))
    assert window.commands.run_again.isEnabled() and window.commands.edit_job.isEnabled()


@pytest.mark.dask
def test_cancel_now_on_a_cluster_stops_the_running_file(qtbot, tmp_path, make_window, dask_url):
    src = _files(tmp_path / "src", ["hang-1.txt", "ok-2.txt"])
    window, _ = _window_on_cluster(qtbot, make_window, dask_url, src, 2)
    click(qtbot, window, window.commands.start)
    qtbot.waitUntil(lambda: window.model.row(0).status is Status.RUNNING
                    or window.model.row(1).status is Status.RUNNING, timeout=30_000)
    window.asked.cancel_choice = CancelChoice.STOP_NOW
    with qtbot.waitSignal(window.bridge.finished, timeout=30_000) as finished:
        click(qtbot, window, window.commands.cancel)
    assert finished.args[0].cancelled_by_user
    statuses = {r.name: r.status for r in window.model.rows()}
    assert statuses["hang-1.txt"] is Status.CANCELLED  # a 60 s sleep, stopped at once
    assert window.model.count(Status.RUNNING) == 0
