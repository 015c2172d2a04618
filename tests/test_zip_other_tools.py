"""Other tools and our archives: unzip reads what the zip task writes, extract mode reads what zip
writes."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.zip_support import files_under, make_tree, run_job, text


@pytest.mark.skipif(not shutil.which("unzip"), reason="unzip is not installed")
def test_unzip_accepts_our_zip_with_exact_mtimes(tmp_path: Path) -> None:
    src = tmp_path / "src"
    made = make_tree(src, {"a.txt": text(10_000, 1), "d/b.txt": b"b"})
    out = tmp_path / "out"
    assert run_job([src], out, mode="selection", format="zip").summary.done == 1
    subprocess.run(["unzip", "-tq", str(out / "src.zip")], check=True, capture_output=True)
    subprocess.run(["unzip", "-q", str(out / "src.zip"), "-d", str(tmp_path / "u")], check=True)
    assert files_under(tmp_path / "u" / "src") == made


@pytest.mark.skipif(not shutil.which("zip"), reason="zip is not installed")
def test_extracts_what_zip_made(tmp_path: Path) -> None:
    src = tmp_path / "tree"
    made = make_tree(src, {"a.txt": text(10_000, 1), "d/b.txt": b"b"})
    (src / "d" / "link").symlink_to("b.txt")
    arc = tmp_path / "in"
    arc.mkdir()
    subprocess.run(["zip", "-qry", str(arc / "tree.zip"), "tree"], cwd=tmp_path, check=True)
    out = tmp_path / "out"
    assert run_job([arc], out, mode="extract").summary.done == 1
    assert files_under(out / "tree") == made
    assert os.readlink(out / "tree" / "d" / "link") == "b.txt"
