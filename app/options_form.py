"""A form built from a task's options dataclass: one editor per field, its help as tooltip.

Enums become combo boxes, numbers spin boxes with the declared range, booleans check boxes,
``kind="path"`` a line edit with a Browse button, ``kind="password"`` a masked line edit;
anything else a line edit. Works for any registered task, including ones written after this
window. An option's automatic value (``auto=`` in :func:`~workers.task.option`) is shown as a
word ("auto", "auto (23)", "no limit"), never as its number; ``advanced`` options sit behind
"More options". Spin boxes and combo boxes take wheel turns only once they have focus, so
scrolling the panel never changes a value on the way (:func:`guard_wheel`).
"""

from __future__ import annotations

import contextlib
import enum
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from app.desktop import start_folder
from app.i18n import task_text
from workers.task import OptionError, OptionSpec, Task, build_options, convert_value, describe_options

INT_LIMIT = 2**31 - 1
FLOAT_LIMIT = 1e12


ACRONYMS = {"pdf": "PDF", "mb": "MB", "kb": "KB", "gb": "GB", "crf": "CRF", "id": "ID", "url": "URL",
            "csv": "CSV", "json": "JSON", "html": "HTML", "ocr": "OCR", "dpi": "DPI", "jpeg": "JPEG"}


def label_for(name: str) -> str:
    """'hang_seconds' -> 'Hang seconds', 'max_input_mb' -> 'Max input MB'."""
    words = [ACRONYMS.get(w, w) for w in name.replace("_", " ").split()]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def shown_label(name: str) -> str:
    """The option's label in the user's language (the English one is :func:`label_for`'s)."""
    return task_text(label_for(name))


class WheelGuard(QObject):
    """Lets a wheel turn change the editor it is installed on only while that editor has focus;
    otherwise the turn scrolls the scroll area around it, as the person meant."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event)
        else:
            event.ignore()  # Qt passes an ignored turn on to the parent
        return True


def guard_wheel(*widgets: QWidget) -> None:
    """Spin boxes and combo boxes: focus by click or Tab only, and no value change by a passing wheel."""
    for widget in widgets:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(WheelGuard(widget))


def auto_text(spec: OptionSpec) -> str:
    """What the window shows for ``spec``'s automatic value: its own words, else "auto"."""
    if spec.auto_text:
        return task_text(spec.auto_text)
    return QCoreApplication.translate("OptionsForm", "auto")


def _optional_inner(t: Any) -> Any | None:
    """X for ``X | None`` (or Optional[X]), else None."""
    if typing.get_origin(t) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(t) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(t)) == 2:
            return args[0]
    return None


class Field:
    """One option's editor: a widget plus how to read and write its value."""

    def __init__(self, spec: OptionSpec, widget: QWidget, get: Callable[[], Any],
                 put: Callable[[Any], None], signal: Any) -> None:
        self.spec = spec
        self.widget = widget
        self.get = get
        self.put = put
        self.signal = signal


def _enum_field(spec: OptionSpec) -> Field:
    box = QComboBox()
    guard_wheel(box)
    for choice in spec.choices:
        box.addItem(task_text(choice), choice)  # the value stays the task's own word

    def put(value: Any) -> None:
        text = str(value.value if isinstance(value, enum.Enum) else value)
        i = box.findData(text)
        if i >= 0:
            box.setCurrentIndex(i)

    return Field(spec, box, box.currentData, put, box.currentIndexChanged)


def _number_box(spec: OptionSpec, box: QSpinBox | QDoubleSpinBox) -> None:
    guard_wheel(box)
    if spec.has_auto and spec.auto == box.minimum():
        box.setSpecialValueText(auto_text(spec))  # shown instead of the minimum, the automatic value


def _int_field(spec: OptionSpec) -> Field:
    box = QSpinBox()
    box.setRange(int(spec.min) if spec.min is not None else -INT_LIMIT,
                 int(spec.max) if spec.max is not None else INT_LIMIT)
    _number_box(spec, box)
    return Field(spec, box, box.value, lambda v: box.setValue(int(v)), box.valueChanged)


def _float_field(spec: OptionSpec) -> Field:
    box = QDoubleSpinBox()
    low = float(spec.min) if spec.min is not None else -FLOAT_LIMIT
    high = float(spec.max) if spec.max is not None else FLOAT_LIMIT
    box.setRange(low, high)
    box.setDecimals(3 if high - low <= 10 else 2)
    box.setSingleStep(0.1 if high - low <= 10 else 1.0)
    _number_box(spec, box)
    return Field(spec, box, box.value, lambda v: box.setValue(float(v)), box.valueChanged)


def _bool_field(spec: OptionSpec) -> Field:
    box = QCheckBox()
    return Field(spec, box, box.isChecked, lambda v: box.setChecked(bool(v)), box.toggled)


def _path_field(spec: OptionSpec) -> Field:
    holder = QWidget()
    line = QLineEdit()
    button = QPushButton(QCoreApplication.translate("OptionsForm", "Browse…"))
    button.setAccessibleName(QCoreApplication.translate("OptionsForm", "Choose {option}").format(
        option=shown_label(spec.name)))
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(line, 1)
    layout.addWidget(button)
    wants_folder = spec.name.endswith(("dir", "folder", "directory"))
    if spec.has_auto and spec.auto in ("", None):
        line.setPlaceholderText(auto_text(spec))

    def browse() -> None:
        if wants_folder:
            chosen = QFileDialog.getExistingDirectory(holder, shown_label(spec.name), start_folder(line.text()))
        else:
            chosen, _ = QFileDialog.getOpenFileName(holder, shown_label(spec.name), start_folder(line.text()))
        if chosen:
            line.setText(chosen)

    button.clicked.connect(browse)
    line.setAccessibleName(shown_label(spec.name))
    return Field(spec, holder, line.text, lambda v: line.setText("" if v is None else str(v)),
                 line.textChanged)


def _text_field(spec: OptionSpec) -> Field:
    line = QLineEdit()
    inner = _optional_inner(spec.type)
    origin = typing.get_origin(spec.type)
    if spec.has_auto and spec.auto in ("", None):
        line.setPlaceholderText(auto_text(spec))  # what an empty field means
    if inner is not None:
        if not spec.has_auto:
            line.setPlaceholderText(QCoreApplication.translate("OptionsForm", "empty: none"))

        def get() -> Any:
            raw = line.text().strip()
            if not raw:
                return None
            return inner(raw) if inner in (int, float, str) else raw

        return Field(spec, line, get, lambda v: line.setText("" if v is None else str(v)), line.textChanged)
    if origin in (list, tuple, set, frozenset) or spec.type in (list, tuple):
        line.setPlaceholderText(QCoreApplication.translate("OptionsForm", "comma-separated"))
        container = origin or spec.type

        def get_items() -> Any:
            return container(s.strip() for s in line.text().split(",") if s.strip())

        def put_items(value: Any) -> None:
            line.setText(", ".join(str(v) for v in value) if isinstance(value, list | tuple | set | frozenset)
                         else str(value))

        return Field(spec, line, get_items, put_items, line.textChanged)
    return Field(spec, line, line.text, lambda v: line.setText("" if v is None else str(v)), line.textChanged)


def make_field(spec: OptionSpec) -> Field:
    """The editor that suits ``spec``'s type."""
    t = spec.type
    if isinstance(t, type) and issubclass(t, enum.Enum):
        field = _enum_field(spec)
    elif t is bool:
        field = _bool_field(spec)
    elif t is int:
        field = _int_field(spec)
    elif t is float:
        field = _float_field(spec)
    elif spec.kind == "path":
        field = _path_field(spec)
    elif spec.kind == "password":
        field = _text_field(spec)
        field.widget.setEchoMode(QLineEdit.EchoMode.Password)  # type: ignore[attr-defined]
    else:
        field = _text_field(spec)
    help_text = task_text(spec.help)
    field.widget.setToolTip(help_text)
    field.widget.setAccessibleName(shown_label(spec.name))
    field.widget.setAccessibleDescription(help_text)
    if spec.default is not None:
        field.put(spec.default)
    return field


def _is_default(spec: OptionSpec, value: Any) -> bool:
    try:
        return bool(convert_value(spec, value) == spec.default)
    except (OptionError, TypeError, ValueError):
        return False


class OptionsForm(QWidget):
    """The options of one task; ``changed`` fires when the user edits a value.

    Advanced options are rows of the same form (so the columns line up) that the "More options"
    button shows and hides; ``more_toggled`` tells whoever remembers that choice."""

    changed = Signal()
    more_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setVerticalSpacing(4)  # as the panel's own rows around it
        self._fields: dict[str, Field] = {}
        self._task: Task | None = None
        self._quiet = False
        self._more_shown = False
        self.more_button: QToolButton | None = None

    @property
    def task(self) -> Task | None:
        return self._task

    def fields(self) -> Mapping[str, Field]:
        return self._fields

    def set_task(self, task: Task, values: Mapping[str, Any] | None = None) -> None:
        """Rebuild the form for ``task``, showing ``values`` over the defaults."""
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self._fields = {}
        self._task = task
        self.more_button = None
        specs = describe_options(task.Options)
        if not specs:
            note = QLabel(self.tr("This task has no options."))
            note.setEnabled(False)
            self._layout.addRow(note)
        # A "More options" button for all of them, or for none, would only be a click more.
        folding = any(s.advanced for s in specs) and not all(s.advanced for s in specs)
        for spec in sorted(specs, key=lambda s: folding and s.advanced):  # advanced ones last
            field = make_field(spec)
            # The colon is the translator's: French writes "Format :".
            label = QLabel(self.tr("{option}:").format(option=shown_label(spec.name)))
            label.setToolTip(task_text(spec.help))
            label.setBuddy(field.widget)
            if folding and spec.advanced and self.more_button is None:
                self._add_more_button()
            self._layout.addRow(label, field.widget)
            field.signal.connect(self._on_edited)
            self._fields[spec.name] = field
        self._show_advanced()
        if values:
            self.set_values(values)
        else:
            self._refresh()

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Show ``values`` (names of an earlier version are read as the task says, unknown names
        are ignored); does not emit ``changed``."""
        if self._task is not None:
            with contextlib.suppress(OptionError, TypeError, ValueError):
                values = self._task.upgrade_options(values)
        self._quiet = True
        try:
            for name, value in values.items():
                field = self._fields.get(name)
                if field is not None:
                    try:
                        field.put(value)
                    except (TypeError, ValueError):
                        continue  # a stale saved value: keep the default
        finally:
            self._quiet = False
        self._refresh()

    def values(self) -> dict[str, Any]:
        """Every option's current value, ready for ``build_options``."""
        return {name: field.get() for name, field in self._fields.items()}

    # -- more options ---------------------------------------------------------------------
    def more_shown(self) -> bool:
        return self._more_shown

    def show_more(self, shown: bool) -> None:
        """Show or hide the advanced options (kept across tasks)."""
        self._more_shown = shown
        if self.more_button is not None:
            self.more_button.setChecked(shown)
        self._show_advanced()

    def _add_more_button(self) -> None:
        button = self.more_button = QToolButton()
        button.setObjectName("moreOptions")
        button.setCheckable(True)
        button.setChecked(self._more_shown)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.toggled.connect(self._on_more_toggled)
        self._layout.addRow(button)

    def _show_advanced(self) -> None:
        self._show_rows(self._options())

    def _options(self) -> Any | None:
        """The task's options as the form has them, or None while a value is not usable."""
        if self._task is None:
            return None
        try:
            return build_options(self._task, self.values())
        except (OptionError, TypeError, ValueError):
            return None

    def _applies(self, name: str, options: Any | None) -> bool:
        """Whether the option makes a difference with the other values (every option while they
        do not make options)."""
        return self._task is None or options is None or self._task.applies(name, options)

    def _show_rows(self, options: Any | None) -> None:
        """Rows of the options that apply to the current choices; advanced ones only when asked."""
        folded = self.more_button is not None and not self._more_shown
        for name, field in self._fields.items():
            shown = self._applies(name, options) and not (field.spec.advanced and folded)
            self._layout.setRowVisible(field.widget, shown)
        self._refresh_more_button(options)

    def _refresh_more_button(self, options: Any | None = None) -> None:
        button = self.more_button
        if button is None:
            return
        button.setArrowType(Qt.ArrowType.DownArrow if self._more_shown else Qt.ArrowType.RightArrow)
        hidden = [f for f in self._fields.values() if f.spec.advanced and self._applies(f.spec.name, options)]
        changed = sum(not _is_default(f.spec, f.get()) for f in hidden)
        self._layout.setRowVisible(button, bool(hidden))
        if self._more_shown:
            button.setText(self.tr("Fewer options"))
        elif changed:
            # A preset may have set a hidden option: say so, so nothing surprises at run time.
            button.setText(self.tr("More options (%n changed)", "", changed))
        else:
            button.setText(self.tr("More options (%n)", "", len(hidden)))
        button.setAccessibleName(self.tr("More options"))
        button.setToolTip(self.tr("Show or hide the options most batches leave as they are"))

    # -- automatic values -----------------------------------------------------------------
    def _refresh(self) -> None:
        """The rows that apply to the current choices, and automatic values as the task will take
        them with the other options ("auto (23)")."""
        task = self._task
        options = self._options()
        self._show_rows(options)
        automatic = [f for f in self._fields.values() if f.spec.has_auto and isinstance(f.widget, QAbstractSpinBox)]
        if task is None or not automatic:
            return
        for field in automatic:
            value = task.automatic(field.spec.name, options) if options is not None else None
            text = auto_text(field.spec)
            if value is not None:
                text = self.tr("{auto} ({value})").format(auto=text, value=value)
            assert isinstance(field.widget, QAbstractSpinBox)
            field.widget.setSpecialValueText(text)

    def _on_more_toggled(self, shown: bool) -> None:
        self._more_shown = shown
        self._show_advanced()
        self.more_toggled.emit(shown)

    def _on_edited(self, *_: object) -> None:
        if not self._quiet:  # set_values refreshes once at its end
            self._refresh()
            self.changed.emit()
