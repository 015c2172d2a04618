"""The options form is built from any task's options dataclass; automatic values read as words,
a passing wheel changes nothing, and the panel fits the default window."""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.options_form import OptionsForm
from app.task_panel import scrollable, typed_values
from workers.registry import available_tasks, load_task, task_names
from workers.task import Task, build_options, describe_options, option


class Colour(enum.Enum):
    RED = "red"
    GREEN = "green"


@dataclasses.dataclass(frozen=True)
class EveryKindOptions:
    colour: Colour = option(Colour.GREEN, "which colour")
    count: int = option(4, "how many", min=1, max=16)
    ratio: float = option(0.5, "how much", min=0, max=1)
    loud: bool = option(True, "shout or not")
    folder: str = option("", "where from", kind="path")
    secret: str = option("", "a password", kind="password")
    label: str = option("batch", "a name")
    tags: list = option(["a", "b"], "comma-separated tags")


class EveryKindTask(Task):
    name = "every-kind"
    Options = EveryKindOptions


def test_each_option_kind_gets_its_editor_with_range_and_help(qtbot):
    form = OptionsForm()
    qtbot.addWidget(form)
    form.set_task(EveryKindTask())
    f: dict[str, Any] = {name: field.widget for name, field in form.fields().items()}
    assert isinstance(f["colour"], QComboBox) and [f["colour"].itemText(i) for i in range(2)] == ["red", "green"]
    assert isinstance(f["count"], QSpinBox) and (f["count"].minimum(), f["count"].maximum()) == (1, 16)
    assert isinstance(f["ratio"], QDoubleSpinBox) and f["ratio"].maximum() == 1.0
    assert isinstance(f["loud"], QCheckBox) and f["loud"].isChecked()
    assert f["folder"].findChild(QLineEdit) is not None  # with its Browse button
    assert f["secret"].echoMode() == QLineEdit.EchoMode.Password
    assert f["count"].toolTip() == "how many"
    assert f["count"].accessibleName() == "Count"

    f["colour"].setCurrentIndex(0)
    f["count"].setValue(99)  # clamped by the range
    f["tags"].setText("x, y ,z")
    options = build_options(EveryKindTask(), form.values())
    assert options.colour is Colour.RED and options.count == 16 and options.tags == ["x", "y", "z"]


@pytest.mark.parametrize("name", task_names())
def test_form_for_every_registered_task_gives_back_its_defaults(qtbot, name):
    tasks = available_tasks()
    if name not in tasks:
        pytest.skip(f"task {name} does not load in this checkout")
    task = tasks[name]
    form = OptionsForm()
    qtbot.addWidget(form)
    form.set_task(task)
    defaults = build_options(task, {})
    assert build_options(task, form.values()) == defaults
    for preset in task.presets:
        wanted = build_options(task, {}, preset)
        form.set_values(typed_values(wanted))
        assert build_options(task, form.values()) == wanted, preset


def test_editing_an_option_leaves_the_preset(qtbot, make_window):
    from workers.registry import load_task

    window = make_window({"zip": load_task("zip")})
    panel = window.task_panel
    panel.preset_combo.setCurrentIndex(panel.preset_combo.findData("one .tar.zst"))
    panel.preset_combo.activated.emit(panel.preset_combo.currentIndex())
    assert panel.options().format.value == "tar.zst"
    panel.form.fields()["level"].put(9)
    assert panel.preset_combo.currentText() == "Custom"
    assert panel.options().level == 9 and panel.options().format.value == "tar.zst"


# ------------------------------------------------------------------ automatic values


def test_no_automatic_value_shows_as_a_number(qtbot):
    for name, task in available_tasks().items():
        form = OptionsForm()
        qtbot.addWidget(form)
        form.set_task(task)
        for spec in describe_options(task.Options):
            widget = form.fields()[spec.name].widget
            if spec.has_auto and isinstance(widget, QAbstractSpinBox):
                form.fields()[spec.name].put(spec.auto)
                shown = widget.text()
                assert shown and not shown.lstrip("-").isdigit(), f"{name}.{spec.name} shows {shown!r}"


def _shown(form: OptionsForm, name: str) -> str:
    widget = form.fields()[name].widget
    assert isinstance(widget, QAbstractSpinBox)
    return widget.text()


def test_automatic_values_say_what_they_come_to(qtbot):
    form = OptionsForm()
    qtbot.addWidget(form)
    form.set_task(load_task("encode"))
    assert _shown(form, "crf") == "auto (23)"
    assert (_shown(form, "threads"), _shown(form, "max_width"), _shown(form, "video_bitrate")) == \
        ("auto", "no limit", "off: use CRF")
    form.fields()["video_format"].put("mp4-h265")  # as the person picks another format
    assert _shown(form, "crf") == "auto (28)"
    form.fields()["video_format"].put("sound-only")  # no video: nothing to say but "auto"
    assert _shown(form, "crf") == "auto"
    form.fields()["crf"].put(30)
    assert build_options(load_task("encode"), form.values()).crf == 30 and _shown(form, "crf") == "30"

    form.set_task(load_task("zip"))
    assert _shown(form, "level") == "auto (6)"
    form.fields()["format"].put("tar.zst")
    assert _shown(form, "level") == "auto (3)"
    assert build_options(load_task("zip"), form.values()).level == -1  # the word still means -1
    archive_name = form.fields()["archive_name"].widget
    assert isinstance(archive_name, QLineEdit) and archive_name.placeholderText() == "the folder's name"


def test_an_automatic_value_must_be_the_minimum():
    with pytest.raises(ValueError, match="minimum"):
        option(5, "odd", min=0, max=10, auto=5)


# ------------------------------------------------------------------ more options


def test_advanced_options_wait_behind_more_options(qtbot):
    task = load_task("encode")
    form = OptionsForm()
    qtbot.addWidget(form)
    form.set_task(task)
    form.show()
    button = form.more_button
    assert button is not None and button.text() == "More options (17)"  # lossless WebP: no WebP made
    assert form.fields()["video_format"].widget.isVisible() and form.fields()["crf"].widget.isVisible()
    assert not form.fields()["threads"].widget.isVisible()
    # A preset that sets a hidden option says so on the button.
    form.set_values(typed_values(build_options(task, {}, "webp")))
    assert button.text() == "More options (1 changed)"
    button.click()
    assert form.fields()["image_quality"].widget.isVisible() and button.text() == "Fewer options"
    assert form.more_shown()
    form.set_task(load_task("zip"))  # the choice holds for the next task
    assert form.fields()["zip_method"].widget.isVisible()
    assert not form.fields()["max_files"].widget.isVisible(), "an extract option, in a run that writes archives"


def test_a_task_without_advanced_options_has_no_more_button(qtbot):
    form = OptionsForm()
    qtbot.addWidget(form)
    form.set_task(EveryKindTask())
    assert form.more_button is None and all(f.widget.isVisibleTo(form) for f in form.fields().values())


# ------------------------------------------------------------------ the wheel


def _wheel(widget: QWidget, up: bool = True) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 if up else -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def scrolled_form(qtbot):
    """The encode form in a short scroll area, as the panel sits in the window."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    form = OptionsForm()
    form.show_more(True)
    form.set_task(load_task("encode"))
    layout.addWidget(form)
    layout.addSpacing(600)
    scroll = scrollable(holder)
    qtbot.addWidget(scroll)
    scroll.resize(360, 250)
    scroll.show()
    qtbot.waitExposed(scroll)
    return form, scroll


def test_a_wheel_turn_over_an_unfocused_editor_scrolls_the_panel_instead(qtbot, scrolled_form):
    form, scroll = scrolled_form
    bitrate, speed = form.fields()["audio_bitrate"].widget, form.fields()["speed"].widget
    assert bitrate.focusPolicy() == Qt.FocusPolicy.StrongFocus
    bar = scroll.verticalScrollBar()
    before = (bitrate.value(), speed.currentIndex(), bar.value())
    _wheel(bitrate, up=False)
    _wheel(speed, up=False)
    assert (bitrate.value(), speed.currentIndex()) == before[:2]
    assert bar.value() > before[2]  # the turn went to the scroll area


def test_a_wheel_turn_over_the_focused_editor_changes_it(qtbot, scrolled_form):
    form, _scroll = scrolled_form
    bitrate = form.fields()["audio_bitrate"].widget
    bitrate.setFocus()
    qtbot.waitUntil(bitrate.hasFocus)
    _wheel(bitrate, up=True)
    assert bitrate.value() == 129


def test_the_panels_own_boxes_ignore_a_passing_wheel(qtbot, make_window):
    window = make_window(available_tasks())
    panel = window.task_panel
    for box in (panel.task_combo, panel.preset_combo, panel.policy_combo, panel.run_on.where_combo):
        before = box.currentIndex()
        _wheel(box, up=False)
        assert box.currentIndex() == before, box.accessibleName()
    workers = panel.workers_spin
    _wheel(workers)
    assert workers.value() == 0


def test_only_the_options_that_apply_to_the_choices_are_shown(qtbot):
    form = OptionsForm()
    qtbot.addWidget(form)
    form.set_task(load_task("encode"))
    form.show_more(True)
    form.show()

    def shown() -> set[str]:
        return {name for name, field in form.fields().items() if field.widget.isVisible()}

    video = {"crf", "speed", "video_bitrate", "subtitles", "resume_after"}
    assert video | {"audio_bitrate", "image_quality", "progressive", "optimize", "max_width"} <= shown()
    assert "lossless" not in shown()  # no WebP is made
    form.fields()["picture_format"].put("webp")  # as the person picks it: the rows follow
    assert {"lossless", "image_quality"} <= shown() and "progressive" not in shown()
    form.fields()["picture_format"].put("png")
    assert not {"lossless", "image_quality", "progressive"} & shown() and "optimize" in shown()
    form.fields()["video_format"].put("leave-out")
    assert not video & shown()
    assert "audio_bitrate" in shown()  # sound files still become MP3
    form.fields()["audio_format"].put("flac")
    assert "audio_bitrate" not in shown()  # FLAC has no bitrate
    form.fields()["video_format"].put("webm-vp9")
    assert video | {"audio_bitrate"} <= shown()  # a video's own sound is Opus
    for name in ("video_format", "audio_format", "picture_format"):
        form.fields()[name].put("leave-out")
    assert not {"max_width", "same_format", "keep_if_bigger", "strip_metadata", "min_width"} & shown()
    assert {"video_format", "audio_format", "picture_format", "min_size_mb"} <= shown()


def test_settings_saved_with_one_format_show_as_the_three_choices(qtbot):
    form = OptionsForm()
    qtbot.addWidget(form)
    form.set_task(load_task("encode"))
    form.set_values({"format": "mp3", "audio_bitrate": 96})  # as an earlier version saved them
    assert {k: form.values()[k] for k in ("video_format", "audio_format", "picture_format", "audio_bitrate")} == \
        {"video_format": "sound-only", "audio_format": "mp3", "picture_format": "leave-out", "audio_bitrate": 96}
    assert "format" not in form.fields()


# ------------------------------------------------------------------ fitting the window


def test_the_panel_fits_the_default_window_with_the_largest_form(qtbot, make_window):
    window = make_window(available_tasks())
    assert (window.width(), window.height()) == (1180, 760)  # the default size (fresh settings)
    panel, scroll = window.task_panel, window.panel_scroll
    assert panel.select_task("encode")
    assert max(len(describe_options(t.Options)) for t in available_tasks().values()) == \
        len(describe_options(load_task("encode").Options))
    assert panel.form.task is not None and panel.form.task.name == "encode"
    QApplication.processEvents()  # the layout settles
    viewport = scroll.viewport()
    assert viewport.height() >= 450, "the window gives the panel less room than it used to"
    assert not scroll.verticalScrollBar().isVisible()
    for widget in (panel.task_combo, panel.preset_combo, panel.form.fields()["video_format"].widget,
                   panel.form.fields()["picture_format"].widget,
                   panel.form.more_button, panel.output_edit, panel.policy_combo, panel.run_on,
                   panel.workers_spin):
        assert widget is not None and widget.isVisible()
        where = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
        assert viewport.rect().contains(where), f"{widget.accessibleName() or widget} is cut off: {where}"
    # The most options is not the most rows: each task's form as it first shows fits as well.
    for name in available_tasks():
        assert panel.select_task(name)
        QApplication.processEvents()
        assert not scroll.verticalScrollBar().isVisible(), f"the {name} form makes the panel scroll"
