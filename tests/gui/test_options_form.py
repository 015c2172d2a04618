"""The options form is built from any task's options dataclass."""



from __future__ import annotations

import dataclasses
import enum
from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from app.options_form import OptionsForm
from app.task_panel import typed_values
from workers.registry import available_tasks, task_names
from workers.task import Task, build_options, option


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
