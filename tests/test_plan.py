"""Planning: scanning rules, output naming and the exists policy (pure, no processes)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.sample_tasks import FaultyTask
from workers.plan import (
    OutputPolicy,
    PlanError,
    ScanOptions,
    ScanProblem,
    SourceFile,
    default_output_dir,
    iter_sources,
    make_plan,
)
from workers.task import build_options


def plan_for(paths, out=None, policy=OutputPolicy.SKIP, scan: ScanOptions | None = None):
    task = FaultyTask()
    return make_plan(task, build_options(task), paths, out, policy, scan or ScanOptions())


def test_each_task_has_its_own_default_output_folder(tmp_path):
    from workers.registry import available_tasks

    src = tmp_path / "photos"
    src.mkdir()
    folders = {name: default_output_dir([src], task).name for name, task in available_tasks().items()}
    assert folders == {"parse": "photos-parsed", "zip": "photos-zipped", "encode": "photos-encoded"}
    assert default_output_dir([src / "one.jpg"], FaultyTask()).name == "photos-faulty"  # a file: its folder
    assert default_output_dir(["/"], FaultyTask()) == Path("/batchpilot-faulty")

    class FromFile(FaultyTask):
        name = "tools/shrink pictures.py:run now"

    assert default_output_dir([src], FromFile()).name == "photos-run-now"


def rels(results):
    return [r.rel for r in results if isinstance(r, SourceFile)]


def test_outputs_mirror_the_source_tree_beside_the_folder(make_files):
    src = make_files({"a.txt": "1", "sub/b.txt": "2", "sub/deeper/c.txt": "3"})
    plan = plan_for([src])
    assert plan.out_dir == src.parent / "src-faulty" == default_output_dir([src], FaultyTask())
    outputs = sorted(Path(w.output).relative_to(plan.out_dir).as_posix() for w in plan.items)
    assert outputs == ["a.txt.out", "sub/b.txt.out", "sub/deeper/c.txt.out"]


def test_scan_order_is_stable_and_hidden_files_are_skipped_by_default(make_files):
    src = make_files({"b.txt": "", "a.txt": "", ".hidden": "", ".git/config": "", "z/y.txt": ""})
    assert rels(iter_sources([src])) == ["a.txt", "b.txt", "z/y.txt"]
    # A folder's own files come first, then its subfolders, each sorted by name.
    assert rels(iter_sources([src], options=ScanOptions(include_hidden=True))) == [
        ".hidden", "a.txt", "b.txt", ".git/config", "z/y.txt"]


def test_include_and_exclude_globs(make_files):
    src = make_files({"a.txt": "", "b.pdf": "", "skip/c.txt": "", "keep/d.TXT": ""})
    found = rels(iter_sources([src], options=ScanOptions(include=("*.txt",), exclude=("skip",))))
    assert found == ["a.txt", "keep/d.TXT"]


def test_the_output_folder_is_never_scanned(make_files):
    src = make_files({"a.txt": "", "out/old.txt.out": ""})
    plan = plan_for([src], out=src / "out")
    assert [w.rel for w in plan.items] == ["a.txt"]


def test_a_folder_cannot_be_its_own_output(make_files):
    src = make_files({"a.txt": ""})
    with pytest.raises(PlanError, match="source folder itself"):
        plan_for([src], out=src)


def test_symlinks_out_of_the_tree_are_not_followed_and_loops_end(make_files, tmp_path):
    src = make_files({"in.txt": "", "sub/inner.txt": ""})
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "private.txt").write_text("do not read")
    os.symlink(secret, src / "escape")
    os.symlink(secret / "private.txt", src / "escape-file.txt")
    os.symlink(src, src / "sub" / "loop")
    os.symlink(src / "in.txt", src / "alias.txt")
    results = list(iter_sources([src]))
    assert rels(results) == ["alias.txt", "in.txt", "sub/inner.txt"]
    problems = {r.rel: r.reason for r in results if isinstance(r, ScanProblem)}
    assert problems["escape"] == problems["escape-file.txt"] == "symlink leads outside the folder; not followed"
    assert "symlink loop" in problems["sub/loop"]


def test_missing_paths_are_reported_not_raised(tmp_path):
    plan = plan_for([tmp_path / "nope"], out=tmp_path / "out")
    assert plan.items == []
    [(_item, reason)] = plan.skipped
    assert reason == "does not exist"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder whatever its permissions")
def test_unreadable_folders_are_reported(make_files):
    src = make_files({"ok.txt": "", "locked/x.txt": ""})
    (src / "locked").chmod(0)
    try:
        problems = [r for r in iter_sources([src]) if isinstance(r, ScanProblem)]
    finally:
        (src / "locked").chmod(0o755)
    assert problems and "cannot be read" in problems[0].reason


def test_exists_policy(make_files):
    src = make_files({"a.txt": "new", "b.txt": "new"})
    out = src.parent / "out"
    out.mkdir()
    (out / "a.txt.out").write_text("old")
    skip = plan_for([src], out, OutputPolicy.SKIP)
    assert [w.rel for w in skip.items] == ["b.txt"]
    assert [(w.rel, r) for w, r in skip.skipped] == [("a.txt", "output already exists (exists policy: skip)")]
    rename = plan_for([src], out, OutputPolicy.RENAME)
    assert sorted(Path(w.output).name for w in rename.items) == ["a (1).txt.out", "b.txt.out"]
    overwrite = plan_for([src], out, OutputPolicy.OVERWRITE)
    assert sorted(Path(w.output).name for w in overwrite.items) == ["a.txt.out", "b.txt.out"]


def test_two_inputs_never_share_an_output(make_files, tmp_path):
    class SameName(FaultyTask):
        def output_name(self, rel, options):
            return rel.with_name("report.out")

    src = make_files({"a.txt": "1", "b.txt": "2"})
    task = SameName()
    plan = make_plan(task, build_options(task), [src], tmp_path / "out", OutputPolicy.OVERWRITE)
    assert sorted(Path(w.output).name for w in plan.items) == ["report (1).out", "report.out"]


def test_several_folders_keep_their_names_under_the_output(make_files, tmp_path):
    one = make_files({"x.txt": "1"}, "one")
    two = make_files({"x.txt": "2"}, "two")
    plan = plan_for([one, two], tmp_path / "out")
    assert sorted(Path(w.output).relative_to(tmp_path / "out").as_posix() for w in plan.items) == [
        "one/x.txt.out", "two/x.txt.out"]


def test_running_some_files_of_several_folders_again_writes_where_the_batch_did(make_files, tmp_path):
    one = make_files({"x.txt": "1", "y.txt": "2"}, "one")
    two = make_files({"z.txt": "3"}, "two")
    task = FaultyTask()
    again = [s for s in iter_sources([one, two]) if isinstance(s, SourceFile) and s.rel == "y.txt"]
    plan = make_plan(task, build_options(task), [one, two], tmp_path / "out", sources=again)
    assert [Path(w.output).relative_to(tmp_path / "out").as_posix() for w in plan.items] == ["one/y.txt.out"]
    lone = make_plan(task, build_options(task), [one / "y.txt", one / "x.txt"], tmp_path / "out")
    assert sorted(Path(w.output).name for w in lone.items) == ["x.txt.out", "y.txt.out"]  # one folder: no prefix


def test_odd_file_names_are_planned(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    raw = os.fsencode(src) + b"/caf\xe9-latin1.txt"
    with open(raw, "wb") as f:
        f.write(b"x")
    (src / "new\nline.txt").write_text("x")
    (src / ("long" * 60 + ".txt")).write_text("x")
    plan = plan_for([src])
    assert len(plan.items) == 3


# ------------------------------------------------------------------ the same input given more than once


def outputs_of(plan, out):
    return sorted(Path(w.output).relative_to(out).as_posix() for w in plan.items)


def test_a_file_given_twice_is_planned_once(make_files, tmp_path):
    src = make_files({"f1.txt": "1"})
    plan = plan_for([src / "f1.txt", src / "f1.txt"], tmp_path / "out")
    assert [w.source for w in plan.items] == [str(src / "f1.txt")]
    assert outputs_of(plan, tmp_path / "out") == ["f1.txt.out"]
    assert plan.skipped == []


def test_a_folder_given_twice_however_spelled_is_planned_once(make_files, tmp_path):
    src = make_files({"a.txt": "1", "sub/b.txt": "2"})
    os.symlink(src, tmp_path / "alias")
    plan = plan_for([src, f"{src}/", tmp_path / "alias", src / ".." / "src"], tmp_path / "out")
    assert outputs_of(plan, tmp_path / "out") == ["a.txt.out", "sub/b.txt.out"]  # one root: no prefix
    assert sorted(w.source for w in plan.items) == [str(src / "a.txt"), str(src / "sub" / "b.txt")]  # first spelling
    assert plan.skipped == []


def test_a_folder_with_its_own_subfolder_is_one_batch(make_files, tmp_path):
    src = make_files({"a.txt": "1", "sub/b.txt": "2", "sub/deeper/c.txt": "3"})
    alone = plan_for([src], tmp_path / "out")
    for paths in ([src, src / "sub"], [src / "sub", src], [src / "sub" / "deeper", src, src / "sub"]):
        plan = plan_for(paths, tmp_path / "out")
        assert [(w.source, w.rel, w.output) for w in plan.items] == [
            (w.source, w.rel, w.output) for w in alone.items]
        assert plan.skipped == []  # no "symlink loop" for a subfolder given on its own


def test_a_file_inside_a_given_folder_is_planned_with_the_folder(make_files, tmp_path):
    src = make_files({"a.txt": "1", "sub/b.txt": "2"})
    plan = plan_for([src / "sub" / "b.txt", src], tmp_path / "out")
    assert [w.rel for w in plan.items] == ["a.txt", "sub/b.txt"]
    assert outputs_of(plan, tmp_path / "out") == ["a.txt.out", "sub/b.txt.out"]


def test_a_named_file_the_folder_scan_leaves_out_is_still_planned(make_files, tmp_path):
    src = make_files({"a.txt": "1", ".env": "2", "skip/c.txt": "3"})
    found = list(iter_sources([src, src / ".env", src / "skip" / "c.txt"], options=ScanOptions(exclude=("skip",))))
    assert sorted(s.path for s in found if isinstance(s, SourceFile)) == [
        str(src / ".env"), str(src / "a.txt"), str(src / "skip" / "c.txt")]


def test_sibling_folders_are_still_prefixed_by_name(make_files, tmp_path):
    one = make_files({"x.txt": "1"}, "one")
    two = make_files({"x.txt": "2"}, "two")
    plan = plan_for([one, two, f"{one}/"], tmp_path / "out")
    assert outputs_of(plan, tmp_path / "out") == ["one/x.txt.out", "two/x.txt.out"]


def test_a_symlink_loop_with_a_subfolder_given_too_is_still_reported(make_files, tmp_path):
    src = make_files({"a.txt": "1", "sub/b.txt": "2"})
    os.symlink(src, src / "sub" / "loop")
    plan = plan_for([src, src / "sub"], tmp_path / "out")
    assert [w.rel for w in plan.items] == ["a.txt", "sub/b.txt"]
    assert [(w.rel, r) for w, r in plan.skipped] == [
        ("sub/loop", "folder already scanned (symlink loop); not followed")]
