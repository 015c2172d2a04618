"""The built-in tasks run from the window on generated files, in real worker processes."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from app.file_row import Status
from tests.gui.conftest import click, snapshot, wait_scanned
from workers.registry import TaskNotFound, load_task


def _task(name: str):
    try:
        return load_task(name)
    except TaskNotFound as exc:  # a checkout where that task has not landed yet
        pytest.skip(str(exc))


def test_parse_documents_from_the_window(no_leftover_processes, qtbot, tmp_path, make_window):
    src = tmp_path / "docs"
    (src / "notes").mkdir(parents=True)
    (src / "notes" / "todo.txt").write_text("Buy milk\nCall the plumber\n")
    (src / "table.csv").write_text("name,count\napples,3\npears,5\n")
    (src / "data.json").write_text(json.dumps({"title": "report", "pages": 3}))
    (src / "page.html").write_text("<html><head><title>Hello</title></head><body><p>Hi there</p></body></html>")
    (src / "picture.bmp").write_bytes(b"BM" + bytes(60))  # not a document: skipped with a reason
    before = snapshot(src)
    window = make_window({"parse": _task("parse")})
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 5)
    with qtbot.waitSignal(window.bridge.finished, timeout=120_000):
        click(qtbot, window, window.commands.start)

    rows = {r.rel: r for r in window.model.rows()}
    assert rows["picture.bmp"].status is Status.SKIPPED and rows["picture.bmp"].reason
    for rel in ("notes/todo.txt", "table.csv", "data.json", "page.html"):
        assert rows[rel].status is Status.DONE, (rel, rows[rel].reason)
        record = json.loads(Path(rows[rel].output).read_text())
        assert isinstance(record, dict) and record
    todo = json.loads((tmp_path / "docs-parsed" / "notes" / "todo.txt.json").read_text())
    assert "Call the plumber" in json.dumps(todo)
    assert window.overall_bar.text() == "100 %"
    assert "index of" in window.banner.details.text()  # the task's own note about its index
    assert snapshot(src) == before


def test_zip_per_folder_groups_rows_into_one_archive_each(qtbot, tmp_path, make_window):
    src = tmp_path / "album"
    for rel, text in {"red/a.txt": "a", "red/b.txt": "b", "blue/c.txt": "c"}.items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(text * 100)
    window = make_window({"zip": _task("zip")})
    panel = window.task_panel
    panel.preset_combo.setCurrentIndex(panel.preset_combo.findData("zip per folder"))
    panel.preset_combo.activated.emit(panel.preset_combo.currentIndex())
    window.add_paths([str(src)])
    wait_scanned(qtbot, window, 3)
    with qtbot.waitSignal(window.bridge.finished, timeout=120_000):
        click(qtbot, window, window.commands.start)

    rows = {r.rel: r for r in window.model.rows()}
    assert {r.status for r in rows.values()} == {Status.DONE}
    assert rows["red/a.txt"].output == rows["red/b.txt"].output  # both rows went into one archive
    with zipfile.ZipFile(rows["red/a.txt"].output) as archive:
        assert archive.testzip() is None
        assert sorted(archive.namelist()) == ["red/a.txt", "red/b.txt"]
    with zipfile.ZipFile(rows["blue/c.txt"].output) as archive:
        assert archive.read("blue/c.txt") == b"c" * 100
