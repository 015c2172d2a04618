"""The window's side of "when the queue is done": the choice in a menu, the countdown before suspend
or power off, and the user's command, run without blocking the window. What the choices mean and
the command's environment are in workers/when_done.py."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workers.bus import PowerAction
from workers.when_done import COUNTDOWN_SECONDS, CommandResult, WhenDone, WhenDoneChoice, shell_argv

KEPT_OUTPUT = 64 * 1024  # the end of a chatty command's output is what says why it failed


class WhenDoneMenu(QMenu):
    """'When the queue is done': Do nothing / Quit batchpilot / Suspend / Power off / Run a
    command…, one checked. Choosing Run a command asks for the command line (``ask_command``,
    given the current one; None or blank keeps the previous choice)."""

    changed = Signal(object)  # WhenDoneChoice

    def __init__(self, parent: QWidget | None = None, choice: WhenDoneChoice | None = None,
                 ask_command: Callable[[str], str | None] | None = None) -> None:
        super().__init__(self.tr("When the queue is &done"), parent)
        self.setToolTipsVisible(True)  # the command line shows as the tooltip of its entry
        self._ask_command = ask_command if ask_command is not None else self._ask
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        texts = {
            WhenDone.NOTHING: self.tr("Do &nothing"),
            WhenDone.QUIT: self.tr("&Quit batchpilot"),
            WhenDone.SUSPEND: self.tr("&Suspend"),
            WhenDone.POWER_OFF: self.tr("&Power off"),
            WhenDone.COMMAND: self.tr("&Run a command…"),
        }
        self.entries: dict[WhenDone, QAction] = {}
        for action, words in texts.items():
            entry = QAction(words, self._group)
            entry.setCheckable(True)
            entry.setData(action.value)
            self.addAction(entry)
            self.entries[action] = entry
        self._choice = WhenDoneChoice()
        self.last_command = ""  # offered again when Run a command is chosen anew
        self.set_choice(choice or WhenDoneChoice())
        self._group.triggered.connect(self._on_triggered)

    @property
    def choice(self) -> WhenDoneChoice:
        return self._choice

    def set_choice(self, choice: WhenDoneChoice) -> None:
        """Show ``choice`` as the checked entry (from the settings); does not emit ``changed``."""
        self._choice = choice
        self.entries[choice.action].setChecked(True)
        if choice.action is WhenDone.COMMAND:
            self.last_command = choice.command
            self.entries[WhenDone.COMMAND].setToolTip(choice.command)
        else:
            self.entries[WhenDone.COMMAND].setToolTip(
                self.tr("Run a command line of your own, with the outcome in environment variables"))

    def _on_triggered(self, entry: QAction) -> None:
        action = WhenDone(entry.data())
        if action is WhenDone.COMMAND:
            command = (self._ask_command(self.last_command) or "").strip()
            if not command:
                self.set_choice(self._choice)  # asked and cancelled: the previous choice stays
                return
            choice = WhenDoneChoice(action, command)
        else:
            choice = WhenDoneChoice(action)
        if choice != self._choice:
            self.set_choice(choice)
            self.changed.emit(choice)

    def _ask(self, current: str) -> str | None:
        command, ok = QInputDialog.getText(
            self.parentWidget(), self.tr("Run a command when the queue is done"),
            self.tr("Command line (run by the shell; the outcome is in variables such as $BATCHPILOT_DONE, "
                    "$BATCHPILOT_FAILED and $BATCHPILOT_OUTPUT):"),
            QLineEdit.EchoMode.Normal, current)
        return command if ok else None


class CountdownDialog(QDialog):
    """'Suspending in 58 s' with Cancel and Suspend now: accepted when the time runs out or on
    Suspend now, rejected on Cancel (the default button, so a stray Enter does not power off).
    ``tick_ms`` is a second, shorter in tests."""

    def __init__(self, action: PowerAction, seconds: int = COUNTDOWN_SECONDS, parent: QWidget | None = None,
                 tick_ms: int = 1000) -> None:
        super().__init__(parent)
        self.action = action
        self.remaining = seconds
        suspending = action is PowerAction.SUSPEND
        self.setWindowTitle(self.tr("Suspend") if suspending else self.tr("Power off"))
        self._counting = self.tr("Suspending in {seconds} s") if suspending else self.tr("Powering off in {seconds} s")
        self.headline = QLabel()
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        detail = QLabel(self.tr("The queue is done. Cancel to keep the computer on."))
        detail.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.now_button = QPushButton(self.tr("Suspend now") if suspending else self.tr("Power off now"))
        buttons.addButton(self.now_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(detail)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)
        self._show_remaining()

    def start(self) -> None:
        """Show the dialog (window-modal) and start counting."""
        self._timer.start()
        self.open()
        self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def tick(self) -> None:
        """A second has passed."""
        self.remaining -= 1
        self._show_remaining()
        if self.remaining <= 0:
            self.accept()

    def done(self, result: int) -> None:
        self._timer.stop()
        super().done(result)

    def _show_remaining(self) -> None:
        self.headline.setText(self._counting.format(seconds=max(self.remaining, 0)))


class CommandRunner(QObject):
    """Runs the user's command line through the shell with the queue's outcome in its environment,
    without blocking the window; ``finished`` gives the result and a sentence for the log."""

    finished = Signal(object, str)  # CommandResult, a sentence

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: dict[QProcess, tuple[str, bytearray]] = {}

    @property
    def running(self) -> bool:
        return bool(self._running)

    def start(self, command: str, extra_env: Mapping[str, str]) -> None:
        process = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        for name, value in extra_env.items():
            env.insert(name, value)
        process.setProcessEnvironment(env)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.setStandardInputFile(QProcess.nullDevice())
        output = bytearray()
        self._running[process] = (command, output)
        # Bound methods, not closures: PySide 6.11 crashes deleting a child whose signals went to
        # closures once its parent has gone.
        process.readyReadStandardOutput.connect(self._on_output)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        program, *arguments = shell_argv(command)
        process.start(program, arguments)

    def close(self) -> None:
        """Stop commands still running (the window is closing)."""
        for process in list(self._running):
            del self._running[process]
            process.blockSignals(True)
            process.kill()
            process.waitForFinished(3000)
            process.deleteLater()

    def _process(self) -> QProcess | None:
        process = self.sender()
        return process if isinstance(process, QProcess) and process in self._running else None

    def _on_output(self) -> None:
        process = self._process()
        if process is not None:
            self._read(process)

    def _read(self, process: QProcess) -> None:
        output = self._running[process][1]
        output += bytes(process.readAllStandardOutput().data())
        del output[:-KEPT_OUTPUT]

    def _on_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process = self._process()
        if process is None:
            return
        self._read(process)
        command, output = self._running.pop(process)
        process.deleteLater()
        text = output.decode(errors="replace")
        if status == QProcess.ExitStatus.CrashExit:
            result = CommandResult(command, None, text, "was ended by a signal")
            sentence = self.tr("The command {command} was ended by a signal.")
        elif code == 0:
            result = CommandResult(command, 0, text)
            sentence = self.tr("The command {command} finished (exit status 0).")
        else:
            result = CommandResult(command, code, text)
            if code == 127:
                sentence = self.tr("The command {command} failed with exit status 127 (the shell did not find "
                                   "the program).")
            else:
                sentence = self.tr("The command {command} failed with exit status {code}.")
        self.finished.emit(result, sentence.format(command=repr(command), code=code))

    def _on_error(self, error: QProcess.ProcessError) -> None:
        process = self._process()
        if error != QProcess.ProcessError.FailedToStart or process is None:
            return  # a crash also ends in finished
        command, _output = self._running.pop(process)
        process.deleteLater()
        reason = process.errorString()
        result = CommandResult(command, None, "", f"could not start ({reason})")
        self.finished.emit(result, self.tr("The command {command} could not start ({reason}).").format(
            command=repr(command), reason=reason))
