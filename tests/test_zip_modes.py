"""The zip task's modes: per file, per folder and one archive for the whole selection round-trip
through real workers and back through extract mode, in every format and zip method, with progress
that follows the bytes, zip64 for big members, and presets that build."""

from __future__ import annotations

import random
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.zip_support import (
    FORMATS,
    files_under,
    fingerprint,
    leftovers,
    make_tree,
    read_archive,
    run_job,
    text,
)
from workers.events import ItemFinished, ItemProgress
from workers.plan import make_plan
from workers.registry import load_task
from workers.task import build_options
from workers.tasks.archive import ZipOptions, ZipTask
from workers.tasks.archive_formats import ArchiveFormat, ZipMethod
from workers.tasks.archive_verify import verify_zip
from workers.tasks.archive_write import write_zip

SAMPLE = {
    "photos/2020/beach.txt": text(40_000, 1),
    "photos/2020/sea.bin": random.Random(2).randbytes(30_000),
    "photos/cover.txt": text(3_000, 3),
    "docs/readme.txt": text(5_000, 4),
    "docs/empty.txt": b"",
    "docs/résumé final.txt": text(900, 6),  # not ASCII: tar needs a pax record for it
    "docs/" + "a-rather-long-folder-name/" * 4 + "past the 100 bytes of a plain tar name.txt": b"long",
    "notes.txt": text(700, 5),
}


def extra_ids(extra: bytes) -> list[int]:
    ids, i = [], 0
    while i + 4 <= len(extra):
        kind, size = struct.unpack_from("<HH", extra, i)
        ids.append(kind)
        i += 4 + size
    return ids


def pack_sample(tmp_path: Path, mode: str, fmt: str) -> tuple[dict[str, Any], Path, Any]:
    """Archive SAMPLE in ``mode``; the files made, the output folder, the job. Sources stay as they were."""
    src = tmp_path / "src"
    made = make_tree(src, SAMPLE)
    before = fingerprint(src)
    out = tmp_path / "out"
    job = run_job([src], out, mode=mode, format=fmt)
    assert fingerprint(src) == before
    assert not leftovers(out)
    return made, out, job


def unpacks_to(tmp_path: Path, out: Path, archives: int) -> dict[str, Any]:
    """Extract every archive in ``out``: what the files under the extract folder are."""
    back = tmp_path / "back"
    job = run_job([out], back, mode="extract")
    assert job.summary.done == archives, job.summary.failures
    return files_under(back)


@pytest.mark.parametrize("fmt", FORMATS)
def test_per_file_archives_round_trip(tmp_path: Path, fmt: str) -> None:
    made, out, job = pack_sample(tmp_path, "per-file", fmt)

    assert job.summary.done == len(SAMPLE) and job.summary.failed == 0
    for rel, (data, mtime) in made.items():
        archive = out / f"{rel}.{fmt}"
        assert read_archive(archive) == {Path(rel).name: (data, mtime)}
    # ... and extract mode gives back each file itself, bytes and mtime.
    assert unpacks_to(tmp_path, out, len(SAMPLE)) == made


@pytest.mark.parametrize("fmt", FORMATS)
def test_per_folder_archives_round_trip(tmp_path: Path, fmt: str) -> None:
    made, out, job = pack_sample(tmp_path, "per-folder", fmt)

    assert job.summary.done == 3 and job.summary.failed == 0
    assert sorted(p.name for p in out.iterdir()) == [f"docs.{fmt}", f"notes.txt.{fmt}", f"photos.{fmt}"]
    assert read_archive(out / f"photos.{fmt}") == {k: v for k, v in made.items() if k.startswith("photos/")}
    assert read_archive(out / f"docs.{fmt}") == {k: v for k, v in made.items() if k.startswith("docs/")}
    assert read_archive(out / f"notes.txt.{fmt}") == {"notes.txt": made["notes.txt"]}
    assert unpacks_to(tmp_path, out, 3) == made  # photos.zip gives photos/..., not photos/photos/...


@pytest.mark.parametrize("fmt", FORMATS)
def test_whole_selection_is_one_archive_named_after_the_folder(tmp_path: Path, fmt: str) -> None:
    src = tmp_path / "holiday"
    made = make_tree(src, SAMPLE)
    before = fingerprint(src)
    out = tmp_path / "out"

    job = run_job([src], out, mode="selection", format=fmt)

    assert job.summary.done == 1
    assert [p.name for p in out.iterdir()] == [f"holiday.{fmt}"]
    members = read_archive(out / f"holiday.{fmt}")
    assert members == {f"holiday/{rel}": v for rel, v in made.items()}
    finished = next(e for e in job.events if isinstance(e, ItemFinished))
    assert finished.data["members"] == len(SAMPLE)
    assert finished.data["bytes_in"] == sum(len(d) for d, _ in made.values())
    assert "verified" in finished.message
    assert fingerprint(src) == before

    back = tmp_path / "back"
    assert run_job([out], back, mode="extract").summary.done == 1
    assert files_under(back / "holiday") == made


def test_selection_archive_name_option(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src, {"a.txt": b"a", "b/c.txt": b"c"})
    out = tmp_path / "out"
    assert run_job([src], out, mode="selection", format="zip", archive_name="backup.zip").summary.done == 1
    assert sorted(read_archive(out / "backup.zip")) == ["backup/a.txt", "backup/b/c.txt"]


def test_selection_progress_follows_the_bytes(tmp_path: Path) -> None:
    src = tmp_path / "src"
    sizes = {"a.bin": 600_000, "b.bin": 200_000, "c.bin": 200_000}
    make_tree(src, {name: random.Random(n).randbytes(n) for name, n in sizes.items()})
    task = load_task("zip")
    opts = build_options(task, {"mode": "selection", "format": "tar.gz"})
    (item,) = make_plan(task, opts, [src], tmp_path / "out").items
    seen: list[tuple[float, str]] = []

    task.run(item, opts, lambda fraction, message="": seen.append((fraction, message)))

    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    # A tar is checked while it is written, so writing is the first 95 %: once a.bin (60 % of
    # the bytes) is in, the bar is near 57 %. Reading the file back once more is the rest.
    after_a = max(f for f, m in seen if m == "adding src/a.bin")
    assert after_a == pytest.approx(0.95 * 0.6, abs=0.01)
    assert any(m == "verifying src.tar.gz" for _, m in seen)


def test_progress_events_reach_the_window(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src, {"a.txt": text(1000, 1)})
    job = run_job([src], tmp_path / "out", mode="selection", format="zip")
    progress = [e for e in job.events if isinstance(e, ItemProgress)]
    assert progress and progress[-1].fraction == 1.0


@pytest.mark.parametrize("method", [m.value for m in ZipMethod])
def test_every_zip_method_round_trips(tmp_path: Path, method: str) -> None:
    src = tmp_path / "src"
    made = make_tree(src, {"a.txt": text(50_000, 7), "b.bin": random.Random(8).randbytes(5_000)})
    task = load_task("zip")
    opts = build_options(task, {"mode": "selection", "zip_method": method, "level": 9})
    (item,) = make_plan(task, opts, [src], tmp_path / "out").items
    task.run(item, opts, lambda *a: None)
    archive = tmp_path / "out" / "src.zip"
    assert read_archive(archive) == {f"src/{k}": v for k, v in made.items()}
    expected = {"deflate": zipfile.ZIP_DEFLATED, "bzip2": zipfile.ZIP_BZIP2, "lzma": zipfile.ZIP_LZMA,
                "stored": zipfile.ZIP_STORED}[method]
    with zipfile.ZipFile(archive) as zf:
        assert {i.compress_type for i in zf.infolist()} == {expected}


def test_big_members_get_zip64_headers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Shrinking zipfile's 4 GB threshold stands in for a 4 GB file.
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 10_000)
    src = tmp_path / "big.bin"
    src.write_bytes(text(50_000, 9))
    target = tmp_path / "big.zip"
    written = write_zip(target, [(str(src), "big.bin")], ZipMethod.DEFLATE, -1, lambda n, name: None)
    verify_zip(target, written, lambda n, name: None)
    with zipfile.ZipFile(target) as zf:
        (info,) = zf.infolist()
        assert 0x0001 in extra_ids(info.extra)  # the zip64 extra field
        assert zf.read(info) == src.read_bytes()


def test_presets_build_valid_options() -> None:
    task = load_task("zip")
    assert isinstance(task, ZipTask)
    for preset in task.presets:
        assert isinstance(build_options(task, preset=preset), ZipOptions)
    assert build_options(task, preset="one .tar.zst").format is ArchiveFormat.TAR_ZST
