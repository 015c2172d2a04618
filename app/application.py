"""Builds the QApplication and the window from the command line, then runs the event loop."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import workers
from app.i18n import install_translations
from app.main_window import MainWindow
from app.resources import app_icon
from app.settings import APPLICATION, ORGANIZATION, Settings
from workers.registry import TaskNotFound, available_tasks, load_task
from workers.task import Task


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="batchpilot-gui", description="batchpilot's desktop window")
    parser.add_argument("paths", nargs="*", help="files or folders to add to the list")
    parser.add_argument("--task", action="append", default=[], metavar="SPEC",
                        help="also offer a custom task (module:callable or file.py[:name]); "
                             "the last one given is selected")
    parser.add_argument("--settings", metavar="FILE",
                        help="keep settings in this INI file instead of the user's (for demos and tests)")
    return parser.parse_args(list(argv))


def load_tasks(extra: Sequence[str]) -> tuple[dict[str, Task], list[str]]:
    """Registered tasks plus custom specs; returns (tasks by name, problems to report)."""
    tasks = dict(available_tasks())
    problems = []
    for spec in extra:
        try:
            tasks[spec] = load_task(spec)
        except TaskNotFound as exc:
            problems.append(str(exc))
    return tasks, problems


def application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication (created once), named so settings and the desktop file match."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "batchpilot", *argv])
        # Before any widget exists: texts are translated when widgets are built. The language is
        # the system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG on Linux); English when none matches.
        install_translations()
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("batchpilot")
    app.setApplicationVersion(workers.__version__)
    app.setDesktopFileName("batchpilot")
    app.setWindowIcon(app_icon())
    # No palette is set here on purpose: Qt takes it from the platform theme and switches it
    # when the system goes light or dark; the window paints only with palette roles.
    return app


def run(argv: Sequence[str]) -> int:
    """Open the window and run until it closes; returns the exit code."""
    args = parse_args(argv)
    app = application()
    tasks, problems = load_tasks(args.task)
    settings = Settings.at(args.settings) if args.settings else Settings()
    window = MainWindow(settings, tasks)
    if args.task and args.task[-1] in tasks:
        window.task_panel.select_task(args.task[-1])
    window.show()
    if problems:
        window.banner.show_error("\n".join(problems))
    if args.paths:
        QTimer.singleShot(0, lambda: window.add_paths(args.paths))
    return app.exec()
