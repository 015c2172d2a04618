"""User presets on disk: one JSON store written whole, preset files checked on import with one
sentence saying what is wrong, and no password ever written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.presets import (
    FILE_MARK,
    PresetError,
    PresetStore,
    UserPreset,
    file_name_for,
    preset_values,
    read_preset_file,
    store_path,
    write_preset_file,
)
from app.settings import Settings
from workers.registry import available_tasks
from workers.task import build_options

TASKS = available_tasks()


def _preset_file(path: Path, **entries: object) -> Path:
    data: dict[str, object] = {FILE_MARK: 1, "task": "encode", "name": "Web", "options": {"crf": "20"}}
    data.update(entries)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_presets_are_kept_per_task_and_survive_a_restart(tmp_path: Path) -> None:
    store = PresetStore(tmp_path / "presets.json")
    assert store.names("encode") == []
    store.save("encode", "  Web   small ", {"format": "mp4-h264", "crf": "26"})
    store.save("encode", "archive", {"format": "flac"})
    store.save("zip", "Backups", {"mode": "selection"})
    again = PresetStore(tmp_path / "presets.json")
    assert again.names("encode") == ["archive", "Web small"]  # alphabetical, spaces tidied
    assert again.get("encode", "Web small").options == {"format": "mp4-h264", "crf": "26"}
    assert ("zip", "Backups") in again and ("encode", "Backups") not in again

    assert again.rename("encode", "archive", "Archive FLAC") == "Archive FLAC"
    with pytest.raises(PresetError, match="already a preset named “Web small”"):
        again.rename("encode", "Archive FLAC", "Web small")
    again.delete("encode", "Web small")
    assert PresetStore(tmp_path / "presets.json").names("encode") == ["Archive FLAC"]
    assert [p.name for p in tmp_path.iterdir()] == ["presets.json"]  # no temporary file left behind


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "presets.json"
    store = PresetStore(path)
    store.save("encode", "Web", {"crf": "23"})
    before = path.read_bytes()

    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(PresetError, match=r"could not be saved.*No space left on device"):
        store.save("encode", "Phone", {"crf": "26"})
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["presets.json"]


def test_a_damaged_store_is_kept_aside_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "presets.json"
    path.write_text("{ not json", encoding="utf-8")
    store = PresetStore(path)
    assert store.names("encode") == [] and "damaged" in store.problem
    store.save("encode", "Web", {"crf": "23"})
    assert (tmp_path / "presets.json.damaged").read_text(encoding="utf-8") == "{ not json"
    assert PresetStore(path).names("encode") == ["Web"] and store.problem == ""


def test_a_store_from_a_newer_version_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "presets.json"
    path.write_text(json.dumps({"batchpilot-presets": 99, "tasks": {}}), encoding="utf-8")
    store = PresetStore(path)
    with pytest.raises(PresetError, match="newer batchpilot"):
        store.save("encode", "Web", {"crf": "23"})
    assert json.loads(path.read_text(encoding="utf-8"))["batchpilot-presets"] == 99


def test_passwords_are_never_part_of_a_preset(tmp_path: Path) -> None:
    parse = TASKS["parse"]
    options = build_options(parse, {"pdf_password": "hunter2", "max_pages": 5})
    values = preset_values(parse, options)
    assert "pdf_password" not in values and values["max_pages"] == "5"
    path = _preset_file(tmp_path / "p.json", task="parse", options={"pdf_password": "hunter2", "max_pages": 5})
    assert read_preset_file(path, TASKS).options == {"max_pages": "5"}


def test_export_then_import_gives_the_same_preset(tmp_path: Path) -> None:
    store = PresetStore(tmp_path / "presets.json")
    store.save("encode", "Web", {"format": "webm-vp9", "crf": "30"})
    store.export_file("encode", "Web", tmp_path / "web.json")
    data = json.loads((tmp_path / "web.json").read_text(encoding="utf-8"))
    assert data == {FILE_MARK: 1, "task": "encode", "name": "Web", "options": {"format": "webm-vp9", "crf": "30"}}
    imported = store.import_file(tmp_path / "web.json", TASKS)
    # The name was taken; the values are stored in today's names (one format became three choices).
    assert imported == UserPreset("encode", "Web (2)", {"crf": "30", "video_format": "webm-vp9",
                                                        "audio_format": "leave-out", "picture_format": "leave-out"})
    assert store.names("encode") == ["Web", "Web (2)"]


def test_json_values_are_taken_as_the_window_writes_them(tmp_path: Path) -> None:
    path = _preset_file(tmp_path / "p.json", options={"crf": 20, "subtitles": False, "format": "MP4-H265"})
    assert read_preset_file(path, TASKS).options == {"crf": "20", "subtitles": "False", "video_format": "mp4-h265",
                                                     "audio_format": "leave-out", "picture_format": "leave-out"}


@pytest.mark.parametrize(("content", "says"), [
    ("not json at all", "“p.json” is not a batchpilot preset: it is not valid JSON (line 1"),
    ({"task": "encode", "name": "x", "options": {}},
     "“p.json” is not a batchpilot preset: it has no “batchpilot-preset”"),
    ({FILE_MARK: 7, "task": "encode", "name": "x"}, "“p.json” was written by a newer batchpilot (preset version 7)"),
    ({FILE_MARK: 1, "name": "x"}, "“p.json” does not say which task the preset is for"),
    ({FILE_MARK: 1, "task": "transcode", "name": "x"}, "“p.json” is a preset for the task “transcode”, which is not"),
    ({FILE_MARK: 1, "task": "encode", "name": " "}, "“p.json” does not give the preset a name"),
    ({FILE_MARK: 1, "task": "encode", "name": "x", "options": ["crf"]}, "its “options” entry should map"),
    ({FILE_MARK: 1, "task": "encode", "name": "x", "options": {"crf": "99"}},
     "“p.json” cannot be imported: crf must be at most 63, not 99."),
    ({FILE_MARK: 1, "task": "encode", "name": "x", "options": {"colour": "red"}},
     "“p.json” cannot be imported: task 'encode' has no option 'colour'"),
    ({FILE_MARK: 1, "task": "encode", "name": "x", "options": {"format": "gif"}},
     "“p.json” cannot be imported: format must be one of mp4-h264"),
])
def test_an_unusable_file_is_refused_in_one_sentence(tmp_path: Path, content: object, says: str) -> None:
    path = tmp_path / "p.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    with pytest.raises(PresetError) as refused:
        read_preset_file(path, TASKS)
    message = str(refused.value)
    assert message.startswith(says) or says in message, message
    assert message.endswith(".") and "\n" not in message


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(PresetError, match=r"“gone\.json” could not be read"):
        read_preset_file(tmp_path / "gone.json", TASKS)
    (tmp_path / "a file").write_text("")
    with pytest.raises(PresetError, match=r"“x\.json” could not be written"):
        write_preset_file(tmp_path / "a file" / "x.json", UserPreset("encode", "x"))


def test_file_names_for_export_are_safe() -> None:
    assert file_name_for("Web video 1080p") == "Web video 1080p.json"
    assert file_name_for("a/b: c?") == "a-b- c.json"
    assert file_name_for("...") == "preset.json"


def test_a_settings_file_of_its_own_keeps_its_presets_beside_it(tmp_path: Path) -> None:
    assert store_path(Settings.at(str(tmp_path / "profile.ini"))) == tmp_path / "profile-presets.json"
