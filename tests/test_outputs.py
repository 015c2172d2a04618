"""Partial output names: unique per run, never too long, and cleaned up exactly."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from workers import outputs
from workers.outputs import (
    PARTIAL_MARK,
    atomic_output,
    is_partial_name,
    new_run_token,
    partial_path,
    remove_partial,
    remove_stale_partials,
    run_token,
    set_run_token,
)

NAME_MAX = 255


@pytest.fixture(autouse=True)
def fresh_token(monkeypatch):
    """Each test starts with no token set, as a new process would."""
    monkeypatch.setattr(outputs, "_run_token", None)


def name_bytes(path: Path) -> int:
    return len(os.fsencode(path.name))


def long_name(total: int, suffix: str = ".txt") -> str:
    return "n" * (total - len(suffix)) + suffix


def test_tokens_are_random_hex_and_set_per_process(tmp_path):
    a, b = new_run_token(), new_run_token()
    assert a != b and len(a) == 8 and int(a, 16) >= 0 and a == a.lower()
    first = run_token()
    assert run_token() == first  # made once
    set_run_token(a)
    assert run_token() == a
    with pytest.raises(ValueError):
        set_run_token("../x")


def test_two_runs_write_different_partials(tmp_path):
    final = tmp_path / "report.pdf.json"
    a, b = partial_path(final, "0000000a"), partial_path(final, "0000000b")
    assert a != b and a.parent == b.parent == tmp_path
    assert a.name == f".report.pdf{PARTIAL_MARK}-0000000a.json"
    set_run_token("0000000a")
    assert partial_path(final) == a


def test_atomic_output_success_leaves_only_the_final(tmp_path):
    final = tmp_path / "sub" / "out.txt"
    with atomic_output(final) as tmp:
        assert is_partial_name(tmp.name)
        tmp.write_text("done")
    assert final.read_text() == "done"
    assert os.listdir(final.parent) == ["out.txt"]


def test_atomic_output_failure_leaves_neither(tmp_path):
    final = tmp_path / "out.txt"
    with pytest.raises(RuntimeError), atomic_output(final) as tmp:
        tmp.write_text("half")
        raise RuntimeError("task failed")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("length", [237, 238, 243, 250, NAME_MAX])
def test_a_name_that_fits_is_never_refused_because_of_its_partial(tmp_path, length):
    final = tmp_path / long_name(length)
    with atomic_output(final) as tmp:
        assert name_bytes(tmp) <= NAME_MAX and is_partial_name(tmp.name)
        assert tmp.suffix == ".txt"  # the short form keeps the suffix tools look at
        assert tmp.name.startswith(".n" if length <= 237 else PARTIAL_MARK)  # short form only when needed
        tmp.write_text("x")
    assert os.listdir(tmp_path) == [final.name]


def test_very_long_suffix_is_dropped_from_the_short_form(tmp_path):
    final = tmp_path / ("a." + "s" * 240)
    tmp = partial_path(final, "0000000a")
    assert name_bytes(tmp) <= NAME_MAX and tmp.name.startswith(f"{PARTIAL_MARK}-0000000a-") and tmp.suffix == ""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX byte file names")
def test_non_utf8_name_works(tmp_path):
    name = os.fsdecode(b"caf\xe9-" + b"b" * 240 + b".txt")  # Latin-1 bytes, 249 bytes long
    final = tmp_path / name
    with atomic_output(final) as tmp:
        assert name_bytes(tmp) <= NAME_MAX
        tmp.write_bytes(b"x")
    assert os.listdir(os.fsencode(tmp_path)) == [os.fsencode(name)]
    short = tmp_path / os.fsdecode(b"\xff.txt")
    with atomic_output(short) as tmp:
        tmp.write_bytes(b"y")
    assert short.read_bytes() == b"y"


def make(path: Path, folder: bool = False) -> Path:
    if folder:
        (path / "inner").mkdir(parents=True)
        (path / "inner" / "f").write_text("x")
    else:
        path.write_text("x")
    return path


def test_remove_stale_partials_removes_every_runs_partials_of_that_output_only(tmp_path):
    final = make(tmp_path / "clip.mp4")
    longer = tmp_path / long_name(250, ".mp4")
    other = tmp_path / "clip2.mp4"
    mine = [make(partial_path(final, "0000000a")), make(partial_path(final, "0000000b"), folder=True),
            make(tmp_path / f".clip{PARTIAL_MARK}.mp4")]  # written by earlier versions
    short = [make(partial_path(longer, "0000000a")), make(partial_path(longer, "0000000b"))]
    assert all(p.name.startswith(PARTIAL_MARK) for p in short)
    keep = [final, make(partial_path(other, "0000000a")), make(tmp_path / ".clip.mp4.bak"),
            make(tmp_path / f".clip{PARTIAL_MARK}-0000000a.mp4.lift"), make(tmp_path / f".clip{PARTIAL_MARK}-zz.mp4")]
    assert remove_stale_partials(final) == len(mine)
    assert remove_stale_partials(longer) == len(short)
    assert remove_stale_partials(final) == 0
    assert sorted(os.listdir(tmp_path)) == sorted(p.name for p in keep)


def test_remove_stale_partials_never_follows_a_symlink(tmp_path):
    target = make(tmp_path / "elsewhere", folder=True)
    final = tmp_path / "out" / "a.zip"
    final.parent.mkdir()
    partial_path(final, "0000000a").symlink_to(target, target_is_directory=True)
    assert remove_stale_partials(final) == 1
    assert (target / "inner" / "f").exists()
    assert remove_stale_partials(tmp_path / "missing" / "a.zip") == 0


def test_remove_partial_touches_only_its_own_runs_partial(tmp_path):
    final = tmp_path / "a.txt"
    a = make(partial_path(final, "0000000a"), folder=True)
    b = make(partial_path(final, "0000000b"))
    assert remove_partial(final, "0000000a")
    assert not a.exists() and b.exists()
    assert not remove_partial(final, "0000000a")
    set_run_token("0000000b")
    assert remove_partial(final) and not b.exists()


def test_partial_names_are_recognised_in_both_forms():
    assert is_partial_name(f".a{PARTIAL_MARK}-0000000a.txt")
    assert is_partial_name(f"{PARTIAL_MARK}-0000000a-0123456789abcdef.txt")
    assert is_partial_name(f".a{PARTIAL_MARK}.txt")  # written by earlier versions
    assert not is_partial_name(".bashrc")
    assert not is_partial_name("a.bp-part.txt")


def test_side_names_are_partial_names_that_fit_and_differ_per_run(tmp_path):
    final = tmp_path / ("x" * 250 + ".zip")
    outputs.set_run_token("0123abcd")
    old = outputs.side_path(final, "old")
    outputs.set_run_token("89abcdef")
    other = outputs.side_path(final, "old")
    assert old != other and old.parent == tmp_path
    for side in (old, other, outputs.side_path(final, "lift")):
        assert outputs.is_partial_name(side.name)
        assert len(os.fsencode(side.name)) <= 255
