"""A window with two queued jobs, run as its own process so a test can kill it with SIGKILL.

    python -m tests.gui.queue_app SETTINGS_FILE FOLDER FOLDER

Each folder becomes a job of the faulty task (slow files), the queue starts, and a line
``running N`` is printed whenever the first job has finished N more files.
"""

from __future__ import annotations

import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QTimer

from app.application import application
from app.file_row import Status
from app.main_window import MainWindow
from app.settings import Settings
from workers.registry import load_task


def main(settings_file: str, *folders: str) -> int:
    app = application()
    window = MainWindow(Settings.at(settings_file), {"faulty": load_task("tests.sample_tasks:FaultyTask")})
    window.show()
    pending = list(folders)
    said = [-1]

    def step() -> None:
        if pending and not window.scanner.busy and window.draft.model.count() == 0:
            window.add_paths([pending.pop(0)])
        elif not window.scanner.busy and window.draft.model.count(Status.WAITING):
            window.control.queue_draft(start=not pending)
        jobs = window.queue.jobs
        done = jobs[0].model.count(Status.DONE) if jobs else 0
        if done != said[0] and window.queue.started:
            said[0] = done
            print(f"running {done}", flush=True)

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(50)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
