"""Output name templates: the fields, clashes renamed (never overwritten), templates refused before any run."""

from __future__ import annotations

import datetime
import os
import zipfile
from pathlib import Path

import pytest

from tests.sample_tasks import FaultyTask
from workers.naming import OutputNaming, split_name
from workers.plan import OutputPolicy, PlanError, make_plan
from workers.registry import load_task
from workers.task import build_options


def names_of(plan) -> dict[str, str]:
    """source's name -> output path relative to the plan's output folder."""
    return {Path(w.source).name: Path(w.output).relative_to(plan.out_dir).as_posix() for w in plan.items}


def plan_with(task_name: str, src: Path, template: str, out: Path, policy=OutputPolicy.SKIP, **values):
    task = load_task(task_name)
    return make_plan(task, build_options(task, values), [src], out, policy, naming=OutputNaming(template))


def test_default_template_keeps_todays_names_byte_for_byte(make_files, tmp_path):
    src = make_files({"a.txt": "1", "sub/b.pdf": "2", "sub/c.tar.gz": "3", ".keep/d.txt": "4"})
    for name, values in (("parse", {}), ("zip", {}), ("zip", {"mode": "extract"}), ("zip", {"mode": "per-folder"})):
        task = load_task(name)
        options = build_options(task, values)
        today = make_plan(task, options, [src], tmp_path / "out")
        named = make_plan(task, options, [src], tmp_path / "out", naming=OutputNaming("{name}"))
        assert [(w.source, w.output) for w in named.items] == [(w.source, w.output) for w in today.items]
        assert named.skipped == today.skipped


def test_fields_name_each_output_and_the_tasks_ending_stays(make_files, tmp_path):
    src = make_files({"report.pdf": "%PDF", "notes/todo.txt": "x"})
    stamp = datetime.datetime(2024, 5, 17, 12, 0).timestamp()
    os.utime(src / "report.pdf", (stamp, stamp))
    os.utime(src / "notes" / "todo.txt", (stamp, stamp))
    plan = plan_with("parse", src, "{date}_{parent}_{name}_{ext}-{task}-{preset}", tmp_path / "out")
    assert names_of(plan) == {  # parse's default options are its "json" preset
        "report.pdf": "2024-05-17_src_report_pdf-parse-json.pdf.json",
        "todo.txt": "notes/2024-05-17_notes_todo_txt-parse-json.txt.json",  # the folders are still mirrored
    }
    zipped = plan_with("zip", src, "{name}-{preset}", tmp_path / "zipped", format="7z")
    assert names_of(zipped)["report.pdf"] == "report-custom.pdf.7z"
    per_file = plan_with("zip", src, "{name}-{preset}", tmp_path / "zipped")  # the options are that preset's
    assert names_of(per_file)["report.pdf"] == "report-zip per file.pdf.zip"


def test_a_preset_named_by_the_person_names_its_outputs(make_files, tmp_path):
    src = make_files({"report.pdf": "%PDF"})
    task = load_task("zip")
    options = build_options(task, {"format": "7z"})  # no preset of the task's own: "custom" by itself

    def named(preset: str) -> str:
        plan = make_plan(task, options, [src], tmp_path / "out", naming=OutputNaming("{name}-{preset}", preset=preset))
        return names_of(plan)["report.pdf"]

    assert named("") == "report-custom.pdf.7z"
    assert named("Nightly backup") == "report-Nightly backup.pdf.7z"
    assert named("Photos/2024") == "report-Photos-2024.pdf.7z", "a separator never makes a folder"


def test_how_a_template_meets_each_tasks_own_ending():
    assert split_name("clip.mov", "clip.mp4") == ("clip", "mov", ".mp4")
    assert split_name("doc.pdf", "doc.pdf.json") == ("doc", "pdf", ".pdf.json")
    assert split_name("backup.tar.gz", "backup") == ("backup", "tar.gz", "")  # extraction took the ending off
    assert split_name("photos", "photos.zip") == ("photos", "", ".zip")  # a folder's archive


def test_two_sources_given_one_name_are_renamed_never_overwritten(make_files, tmp_path):
    src = make_files({"a.txt": "one", "b.txt": "two", "c.md": "three"})
    out = tmp_path / "out"
    out.mkdir()
    (out / "same.txt.zip").write_text("made earlier")
    for policy in OutputPolicy:
        plan = plan_with("zip", src, "same", out, policy)
        outputs = [Path(w.output).name for w in plan.items]
        assert len(set(outputs)) == len(outputs), outputs
        if policy is OutputPolicy.OVERWRITE:
            assert outputs == ["same.txt.zip", "same (1).txt.zip", "same.md.zip"]
        elif policy is OutputPolicy.RENAME:
            assert outputs == ["same (1).txt.zip", "same (2).txt.zip", "same.md.zip"]
        else:  # skip: the existing output keeps the first source's name taken
            assert outputs == ["same (1).txt.zip", "same.md.zip"]
            assert [r for _, r in plan.skipped] == ["output already exists (exists policy: skip)"]


def test_a_clash_runs_and_both_outputs_are_kept(make_files, tmp_path):
    from workers.engine import Engine, EngineOptions
    from workers.session import JobRequest, JobSession

    class Quiet:
        def planned(self, plan): ...
        def note(self, text): ...
        def events(self, batch): ...

    src = make_files({"a.txt": "first", "b.txt": "second"})
    task = load_task("zip")
    out = tmp_path / "out"
    first = JobRequest(task, build_options(task), [src], out, naming=OutputNaming("{name}-x"))
    same = JobRequest(task, build_options(task), [src], out, naming=OutputNaming("copy"),
                      policy=OutputPolicy.OVERWRITE)
    with Engine(EngineOptions(workers=1)) as engine:
        JobSession(first, engine, Quiet()).run()
        result = JobSession(same, engine, Quiet()).run()  # another template: another job, not "done before"
    assert result.summary.done == 2
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "a-x.txt.zip", "b-x.txt.zip", "copy (1).txt.zip", "copy.txt.zip"]
    members = {zipfile.ZipFile(out / n).read(m) for n, m in (("copy.txt.zip", "a.txt"), ("copy (1).txt.zip", "b.txt"))}
    assert members == {b"first", b"second"}


@pytest.mark.parametrize(("template", "said"), [
    ("{size}", "unknown field {size}; the fields are {name}, {ext}"),
    ("{name", "cannot be read"),
    ("{}", "a field is a plain name in braces"),
    ("{name:>20}", "a field is a plain name in braces"),
    ("{name!r}", "a field is a plain name in braces"),
    ("sub/{name}", "holds a path separator"),
    ("", "the name template is empty"),
    ("{width}x{height}", "the zip task does not know a picture's size"),
])
def test_a_template_that_cannot_work_is_refused_before_the_run(make_files, tmp_path, template, said):
    src = make_files({"a.txt": "1"})
    with pytest.raises(PlanError) as refused:
        plan_with("zip", src, template, tmp_path / "out")
    assert said in str(refused.value)


def test_the_cli_refuses_an_unknown_field_and_writes_nothing(make_files, tmp_path, capsys):
    from workers.cli import main

    src = make_files({"a.txt": "1"})
    code = main(["run", "zip", str(src), "--name", "{name}-{colour}"])
    assert code == 2
    assert "unknown field {colour}" in capsys.readouterr().err
    assert not (tmp_path / "src-zipped").exists()


@pytest.mark.parametrize(("template", "values", "said"), [
    ("..", {"mode": "extract"}, "gives '..', which is not a file name"),  # extraction adds no ending
    (".{name}", {}, "a hidden name"),
    ("{name}" + "x" * 300, {}, "longer than the"),
])
def test_a_name_that_cannot_be_a_files_name_leaves_that_file_out_with_a_reason(make_files, tmp_path, template,
                                                                                values, said):
    src = make_files({"a.tar.gz": "1"})
    plan = plan_with("zip", src, template, tmp_path / "out", **values)
    assert not plan.items
    [(item, reason)] = plan.skipped
    assert Path(item.source).name == "a.tar.gz" and said in reason


def test_a_fields_value_may_differ_per_file_the_plan_says_which_file(make_files, tmp_path):
    class Sized(FaultyTask):
        @staticmethod
        def name_fields(path: Path) -> dict[str, int]:
            return {"width": 640, "height": 480} if path.suffix == ".jpg" else {}

    src = make_files({"pic.jpg": "x", "song.wav": "y"})
    task = Sized()
    plan = make_plan(task, build_options(task), [src], tmp_path / "out", naming=OutputNaming("{name}-{width}x{height}"))
    assert names_of(plan) == {"pic.jpg": "pic-640x480.jpg.out"}
    [(item, reason)] = plan.skipped
    assert Path(item.source).name == "song.wav" and "has no picture" in reason


def test_picture_and_video_sizes_for_the_encode_task(tmp_path):
    from tests.media import make_clip, make_photo, make_tone
    from workers.tasks.media_names import picture_size

    make_clip(tmp_path / "clip.mov", seconds=0.2, size=(176, 144), audio=None, fmt="mov")
    make_photo(tmp_path / "photo.jpg", size=(64, 48))
    make_tone(tmp_path / "tone.wav", seconds=0.2)
    (tmp_path / "notes.txt").write_text("not media")
    assert picture_size(tmp_path / "clip.mov") == {"width": 176, "height": 144}
    assert picture_size(tmp_path / "photo.jpg") == {"width": 64, "height": 48}
    assert picture_size(tmp_path / "tone.wav") == {}
    assert picture_size(tmp_path / "notes.txt") == {}
    with pytest.raises(OSError):
        picture_size(tmp_path / "gone.mov")

    class Encode(FaultyTask):  # the encode task's hook, as EncodeTask carries it
        name = "encode"
        name_fields = staticmethod(picture_size)

        def output_name(self, rel, options):
            return rel.with_suffix(".mp4")

    task = Encode()
    plan = make_plan(task, build_options(task), [tmp_path], tmp_path.parent / "out",
                     naming=OutputNaming("{name}-{height}p"))
    assert names_of(plan) == {"clip.mov": "clip-144p.mp4", "photo.jpg": "photo-48p.mp4"}
    assert {Path(w.source).name for w, _ in plan.skipped} == {"tone.wav", "notes.txt"}
