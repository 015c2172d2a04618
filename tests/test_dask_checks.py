"""The Dask backend's parts that need no cluster: chunk sizes, path maps, addresses, a missing
scheduler or a missing dask, and that importing the backend does not import dask."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workers.dask.checks import PathMap, parse_path_map, scheduler_address
from workers.dask.sizing import ChunkCutter
from workers.dask_backend import BackendError, connect
from workers.engine import EngineOptions
from workers.task import WorkItem

pytestmark = pytest.mark.dask


def test_chunks_hold_about_a_second_of_work_and_shrink_as_it_drains() -> None:
    items = [WorkItem(i, f"/in/{i}.txt", f"{i}.txt", 1000, "") for i in range(1000)]
    cutter = ChunkCutter(items, EngineOptions(), chunk_seconds=1.0, max_chunk=5000)
    assert len(cutter.cut(threads=2)) == 1  # nothing timed yet: no guess
    for _ in range(10):
        cutter.timed(0.01)
    assert len(cutter.cut(threads=2)) == 100  # 10 ms items: a second's worth
    sizes = []
    while cutter:
        sizes.append(len(cutter.cut(threads=2)))
    assert sizes == sorted(sizes, reverse=True) and sizes[-1] == 1  # the end is spread thin
    assert sum(sizes) == 1000 - 1 - 100


def test_big_files_get_a_chunk_of_their_own() -> None:
    opts = EngineOptions()
    items = [WorkItem(0, "/in/film.mkv", "film.mkv", opts.big_item_bytes, "")]
    items += [WorkItem(i, f"/in/{i}.txt", f"{i}.txt", 10, "") for i in range(1, 50)]
    cutter = ChunkCutter(items, opts, chunk_seconds=1.0, max_chunk=5000)
    cutter.timed(0.001)
    assert [w.id for w in cutter.cut(threads=1)] == [0]  # largest first, alone
    assert len(cutter.cut(threads=1)) == 25


def test_path_map_both_ways() -> None:
    paths = PathMap({"/home/ann/share": "/mnt/share", "/home/ann/share/media": "/srv/media",
                     "C:\\Users\\ann\\data": "/mnt/data"})
    assert paths.to_worker("/home/ann/share/a/b.txt") == "/mnt/share/a/b.txt"
    assert paths.to_worker("/home/ann/share/media/clip.mp4") == "/srv/media/clip.mp4"  # longest wins
    assert paths.to_worker("/home/ann/shared/x.txt") == "/home/ann/shared/x.txt"  # not a prefix folder
    assert paths.to_worker("C:\\Users\\ann\\data\\in\\a.pdf") == "/mnt/data/in/a.pdf"
    assert paths.to_client("/mnt/data/out/a.pdf.json") == "C:\\Users\\ann\\data\\out\\a.pdf.json"
    assert paths.to_client("/srv/media/out/clip.mkv") == "/home/ann/share/media/out/clip.mkv"


def test_path_map_pairs_as_typed() -> None:
    assert parse_path_map(["/home/ann/share=/mnt/share", " C:\\data = /mnt/data "]) == {
        "/home/ann/share": "/mnt/share", "C:\\data": "/mnt/data"}
    for bad in ("/home/ann/share", "=/mnt/share", "/home/ann/share="):
        with pytest.raises(BackendError, match="written HERE=THERE"):
            parse_path_map([bad])


def test_path_map_takes_this_computers_folders_relative_to_here(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    paths = PathMap({"share/": "/mnt/share"})  # as typed after --path-map
    assert paths.to_worker(str(tmp_path / "share" / "a.txt")) == "/mnt/share/a.txt"


@pytest.mark.parametrize(("given", "address"), [
    ("dask://render-box:8786", "tcp://render-box:8786"),
    ("dask://render-box", "tcp://render-box:8786"),
    ("  dask://10.0.0.5:9000/ ", "tcp://10.0.0.5:9000"),
    ("tls://render-box:8786", "tls://render-box:8786"),
    ("dask://[::1]:8786", "tcp://[::1]:8786"),
])
def test_scheduler_addresses(given: str, address: str) -> None:
    assert scheduler_address(given) == address


@pytest.mark.parametrize("bad", [
    "127.0.0.1:8786", "http://127.0.0.1:8786", "dask://", "dask://127.0.0.1:99999",
    "dask://127.0.0.1:port", "dask://127.0.0.1:8786/jobs",
])
def test_bad_urls_are_refused_with_the_right_form(bad: str) -> None:
    with pytest.raises(BackendError, match="dask://HOST:PORT"):
        connect(bad, EngineOptions())


def test_a_scheduler_that_does_not_answer(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # free once closed: nobody listens there
    t0 = time.monotonic()
    with pytest.raises(BackendError, match=f"Could not reach the Dask scheduler at dask://127.0.0.1:{port}"):
        connect(f"dask://127.0.0.1:{port}", EngineOptions(), timeout=1)
    assert time.monotonic() - t0 < 10


def test_without_dask_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    with pytest.raises(BackendError, match=r"pip install 'batchpilot\[dask\]'"):
        connect("dask://127.0.0.1:8786", EngineOptions())


def test_importing_the_backend_does_not_import_dask() -> None:
    code = "import sys, workers.dask_backend; print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"

