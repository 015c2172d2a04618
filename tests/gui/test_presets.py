"""Presets in the task panel (app/preset_box.py): the tasks' own by title, a person's own saved,
renamed, deleted, imported and exported, with every question answered by the test instead of a dialog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import settings as keys
from app.presets import FILE_MARK, PresetStore
from app.settings import Settings
from app.task_panel import TaskPanel
from workers.registry import available_tasks
from workers.task import build_options, preset_title

TASKS = available_tasks()


class Answers:
    """Stands in for the preset box's questions: names and paths to give, and what it said."""

    def __init__(self) -> None:
        self.names: list[str | None] = []
        self.paths: list[str] = []
        self.asked_in: list[str] = []  # the folder or proposed path each file question started at
        self.told: list[str] = []

    def name(self, title: str, label: str, proposed: str) -> str | None:
        return self.names.pop(0)

    def path(self, title: str, start: str) -> str:
        self.asked_in.append(start)
        return self.paths.pop(0)


@pytest.fixture
def make_panel(qtbot, settings: Settings, tmp_path: Path):
    """make_panel(store=None) -> a shown TaskPanel whose questions are answered by ``panel.answers``."""

    def make(store: PresetStore | None = None) -> TaskPanel:
        panel = TaskPanel(TASKS, settings, dask_available=False,
                          presets=store or PresetStore(tmp_path / "presets.json"))
        answers = Answers()
        box = panel.preset_box
        box.ask_name = answers.name
        box.ask_open_file = box.ask_save_file = answers.path
        box.tell = answers.told.append
        panel.answers = answers  # type: ignore[attr-defined]
        qtbot.addWidget(panel)
        panel.show()
        return panel

    return make


def _titles(panel: TaskPanel) -> list[str]:
    return [panel.preset_combo.itemText(i) for i in range(panel.preset_combo.count())]


def _choose(panel: TaskPanel, text: str) -> None:
    i = panel.preset_combo.findText(text)
    assert i >= 0, f"{text!r} is not in {_titles(panel)}"
    panel.preset_combo.setCurrentIndex(i)
    panel.preset_combo.activated.emit(i)


def test_the_tasks_presets_are_listed_by_title_and_keep_their_command_line_keys(make_panel):
    panel = make_panel()
    panel.select_task("encode")
    encode = TASKS["encode"]
    assert _titles(panel)[:5] == ["Custom", "Web: videos, sound and photos (H.264, AAC, WebP)",
                                  "Phone backup (H.265, AAC, JPEG)", "Web video 1080p", "Phone video 720p"]
    assert "Archive sound (FLAC, lossless)" in _titles(panel) and "Podcast MP3" in _titles(panel)
    assert preset_title(encode, "mp4-h264") == "MP4 video, full size (H.264)"
    for key in ("mp4-h264", "mp4-h265", "webm-vp9", "mkv-av1", "mp3", "aac", "opus", "flac", "jpeg", "webp", "png"):
        build_options(encode, {}, key)  # what `batchpilot run encode --preset KEY` takes still works
    _choose(panel, "Web video 1080p")
    options = panel.options()
    assert (options.video_format.value, options.crf, options.max_width, options.max_height) == \
        ("mp4-h264", 23, 1920, 1080)
    # Made for videos when a run had one format: it still makes only videos.
    assert (options.audio_format.value, options.picture_format.value) == ("leave-out", "leave-out")
    _choose(panel, "Phone backup (H.265, AAC, JPEG)")
    options = panel.options()
    assert (options.video_format.value, options.audio_format.value, options.picture_format.value) == \
        ("mp4-h265", "aac", "jpeg")
    _choose(panel, "Web video 1080p")
    assert panel.preset_box.choice() == ("web-1080p", False)
    panel.form.fields()["crf"].put(20)  # the person edits a value: no longer the preset
    assert panel.preset_combo.currentText() == "Custom" and panel.options().max_width == 1920


def test_every_preset_title_is_unique_within_its_task():
    for task in TASKS.values():
        titles = [preset_title(task, key) for key in task.presets]
        assert len(titles) == len(set(titles)), task.name


def test_a_saved_preset_comes_back_after_the_tasks_own(make_panel, tmp_path):
    panel = make_panel()
    panel.select_task("encode")
    _choose(panel, "Phone video 720p")
    panel.form.fields()["audio_bitrate"].put(64)
    panel.answers.names.append("Phone, small sound")
    panel.preset_box.save_action.trigger()
    assert panel.answers.told == []
    titles = _titles(panel)
    assert titles[-1] == "Phone, small sound" and titles[-2] == ""  # after a separator
    assert panel.preset_combo.currentText() == "Phone, small sound"
    assert panel.preset_box.rename_action.isEnabled() and panel.preset_box.delete_action.isEnabled()

    _choose(panel, "Web video 1080p")
    assert not panel.preset_box.delete_action.isEnabled()  # the task's own presets stay
    _choose(panel, "Phone, small sound")
    assert (panel.options().audio_bitrate, panel.options().max_height) == (64, 720)
    assert panel.preset_box.choice() == ("Phone, small sound", True)
    # On disk, in the store, for the encode task only.
    stored = json.loads((tmp_path / "presets.json").read_text(encoding="utf-8"))
    assert stored["tasks"]["encode"]["Phone, small sound"]["audio_bitrate"] == "64"


def test_the_chosen_preset_names_the_outputs_until_the_form_is_changed(make_panel, tmp_path):
    store = PresetStore(tmp_path / "presets.json")
    store.save("zip", "Nightly", {"mode": "selection", "format": "tar.xz"})
    panel = make_panel(store)
    panel.select_task("zip")
    panel.name_edit.setText("{name}-{preset}")
    _choose(panel, "Nightly")
    assert panel.naming().preset == "Nightly"  # {preset} is the person's own preset, not "custom"
    panel.form.changed.emit()  # any edit of the form: the options are no preset now
    assert panel.naming().preset == ""


def test_rename_and_delete(make_panel, tmp_path):
    store = PresetStore(tmp_path / "presets.json")
    store.save("zip", "Nightly", {"mode": "selection", "format": "tar.xz"})
    panel = make_panel(store)
    panel.select_task("zip")
    _choose(panel, "Nightly")
    panel.answers.names.append("Nightly backup")
    panel.preset_box.rename_action.trigger()
    assert panel.preset_combo.currentText() == "Nightly backup"
    assert PresetStore(tmp_path / "presets.json").names("zip") == ["Nightly backup"]

    panel.answers.names.append(None)  # the person cancels the question: nothing changes
    panel.preset_box.rename_action.trigger()
    assert store.names("zip") == ["Nightly backup"]

    assert panel.preset_box.delete_action.text() == "&Delete “Nightly backup”"
    panel.preset_box.delete_action.trigger()
    assert "Nightly backup" not in _titles(panel) and "" not in _titles(panel)  # no lone separator
    assert panel.preset_combo.currentText() == "Custom" and panel.options().format.value == "tar.xz"


def test_a_password_typed_in_the_form_is_never_saved_and_survives_choosing_a_preset(make_panel, tmp_path):
    panel = make_panel()
    panel.select_task("parse")
    panel.form.fields()["pdf_password"].put("hunter2")
    panel.answers.names.append("Mine")
    panel.preset_box.save_action.trigger()
    assert "hunter2" not in (tmp_path / "presets.json").read_text(encoding="utf-8")
    _choose(panel, "Plain text")
    assert panel.options().pdf_password == "hunter2" and panel.options().output_format.value == "txt"
    panel.answers.names.append("Mine")
    panel.answers.paths.append(str(tmp_path / "mine.json"))
    panel.preset_box.export_action.trigger()
    assert "hunter2" not in (tmp_path / "mine.json").read_text(encoding="utf-8")


def test_export_then_import_elsewhere(make_panel, tmp_path, settings):
    panel = make_panel()
    panel.select_task("encode")
    _choose(panel, "Photos for the web (WebP)")
    panel.form.fields()["image_quality"].put(70)
    panel.answers.names.append("Shop photos")
    panel.answers.paths.append(str(tmp_path / "exported" / "shop.json"))
    panel.preset_box.export_action.trigger()
    assert panel.answers.told == []
    assert panel.answers.asked_in == [str(Path.home() / "Shop photos.json")]  # never the working directory
    data = json.loads((tmp_path / "exported" / "shop.json").read_text(encoding="utf-8"))
    assert (data[FILE_MARK], data["task"], data["name"]) == (1, "encode", "Shop photos")
    assert data["options"]["image_quality"] == "70" and data["options"]["picture_format"] == "webp"
    assert data["options"]["video_format"] == data["options"]["audio_format"] == "leave-out"
    assert "format" not in data["options"]
    assert settings.get(keys.LAST_PRESET_DIR) == str(tmp_path / "exported")

    other = make_panel(PresetStore(tmp_path / "other-presets.json"))
    other.select_task("parse")  # a preset for another task takes the person to that task
    other.answers.paths.append(str(tmp_path / "exported" / "shop.json"))
    other.preset_box.import_action.trigger()
    assert other.answers.told == []
    assert other.answers.asked_in == [str(tmp_path / "exported")]  # where the last file was
    assert other.current_task() is TASKS["encode"]
    assert other.preset_combo.currentText() == "Shop photos"
    assert other.options().image_quality == 70 and other.options().picture_format.value == "webp"


def test_an_unusable_file_is_refused_with_one_sentence(make_panel, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({FILE_MARK: 1, "task": "encode", "name": "Too good", "options": {"crf": "99"}}),
                   encoding="utf-8")
    panel = make_panel()
    panel.select_task("encode")
    before = _titles(panel)
    panel.answers.paths.append(str(bad))
    panel.preset_box.import_action.trigger()
    assert panel.answers.told == ["“bad.json” cannot be imported: crf must be at most 63, not 99."]
    assert _titles(panel) == before


def test_the_preset_the_options_match_is_shown_after_a_restart(make_panel, settings):
    panel = make_panel()
    panel.select_task("zip")
    _choose(panel, "Everything in one .tar.zst (fast, small)")
    panel.save()
    again = make_panel()
    assert again.current_task() is TASKS["zip"]
    assert again.preset_combo.currentText() == "Everything in one .tar.zst (fast, small)"


def test_a_preset_saved_with_one_format_still_chooses_what_it_did(make_panel, tmp_path):
    store = PresetStore(tmp_path / "presets.json")
    store.save("encode", "Old talks", {"format": "mp3", "audio_bitrate": "64"})  # as an earlier version saved it
    panel = make_panel(store)
    panel.select_task("encode")
    _choose(panel, "Old talks")
    options = panel.options()
    assert (options.video_format.value, options.audio_format.value, options.picture_format.value,
            options.audio_bitrate) == ("sound-only", "mp3", "leave-out", 64)
    assert panel.answers.told == []
