"""A row of the file list: one source file and what happened to it. Plain Python, no Qt."""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass, field

from workers.plan import SourceFile

LOG_LINES_PER_FILE = 200


class Status(enum.StrEnum):
    WAITING = "waiting"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


# Sorting by status puts what needs attention first.
STATUS_ORDER = {Status.RUNNING: 0, Status.FAILED: 1, Status.WAITING: 2, Status.CANCELLED: 3,
                Status.SKIPPED: 4, Status.DONE: 5}
RUNNABLE = (Status.WAITING, Status.CANCELLED)
FINISHED = (Status.DONE, Status.SKIPPED)


@dataclass(slots=True, eq=False)
class FileRow:
    """One source file and what happened to it in the latest job that included it."""

    source: str
    root: str
    rel: str
    size: int
    status: Status = Status.WAITING
    progress: float = 0.0
    started: float = 0.0
    elapsed: float | None = None
    output: str = ""
    reason: str = ""
    detail: str = ""  # traceback of an unexpected failure
    message: str = ""  # the task's latest progress message
    log: list[str] = field(default_factory=list)
    index: int = -1  # position in the model; -1 once removed

    @property
    def name(self) -> str:
        return os.path.basename(self.source)

    @property
    def folder(self) -> str:
        return os.path.dirname(self.source)

    @property
    def shown_folder(self) -> str:
        """The folder as the user added it: 'Documents/reports' rather than a long absolute path."""
        top = os.path.basename(self.root) or self.root
        sub = os.path.dirname(self.rel)
        return f"{top}/{sub}" if sub else top

    def as_source(self) -> SourceFile:
        return SourceFile(self.source, self.root, self.rel, self.size)

    def add_log(self, line: str) -> None:
        self.log.append(line)
        if len(self.log) > LOG_LINES_PER_FILE:
            del self.log[: len(self.log) - LOG_LINES_PER_FILE]
