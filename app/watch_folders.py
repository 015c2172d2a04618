"""Watch folders in the window: standing jobs listed at the top of the queue.

Each watch folder has a thread that waits for complete files (:class:`workers.watch.FolderWatch`)
and hands them to the window, which queues them as a job of the watch's task and settings:
they run through the queue like any job, on the same warm workers, and the output folder's
journal makes each file run once, across restarts too. Files that come while the watch's job
still waits join that job. The watches themselves are kept in ``watches.json`` beside the
saved queue and start again with the window.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.i18n import task_text
from app.queue_saver import without_secrets
from app.queue_store import write_atomic
from workers.engine import JobSummary
from workers.naming import DEFAULT_TEMPLATE, OutputNaming
from workers.plan import OutputPolicy, ScanOptions, SourceFile
from workers.session import JobRefused
from workers.task import OptionError, Task, build_options
from workers.watch import SETTLE_SECONDS, FolderWatch
from workers.watch_run import RETRY_SECONDS, WatchCounts, WatchSpec, check_watch

WATCHES_NAME = "watches.json"
FORMAT = 1


def new_watch_id() -> str:
    return os.urandom(6).hex()


class WatchFolder(QObject):
    """One watch folder: its settings, its thread, what it did today."""

    ready = Signal(object, list)  # WatchFolder, [SourceFile]: complete files to queue
    changed = Signal(object)  # WatchFolder

    def __init__(self, spec: WatchSpec, watch_id: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.out_dir = str(check_watch(spec))  # raises JobRefused
        self.id = watch_id or new_watch_id()
        self.counts = WatchCounts()
        self.paused = False
        self.job: Any = None  # its job in the queue that has not started yet: new files join it
        self.jobs: list[Any] = []  # its jobs still in the queue
        self._watch: FolderWatch | None = None
        self._thread: threading.Thread | None = None

    @property
    def title(self) -> str:
        """'Watch · inbox · Zip files'."""
        name = os.path.basename(self.spec.folder.rstrip(os.sep)) or self.spec.folder
        what = task_text(self.spec.task.title) or self.spec.task.name
        return self.tr("Watch · {folder} · {task}").format(folder=name, task=what)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        if self._thread is not None:
            return
        spec = self.spec
        watch = FolderWatch(spec.folder, spec.scan, out_dir=self.out_dir, settle=spec.settle, rescan=spec.rescan)
        watch.start()
        self._watch = watch
        self._thread = threading.Thread(target=self._loop, args=(watch,), name="batchpilot-watch", daemon=True)
        self._thread.start()
        self.paused = False
        self.changed.emit(self)

    def _loop(self, watch: FolderWatch) -> None:
        while not watch.stopped:
            files = watch.take()
            if files and not watch.stopped:
                self.ready.emit(self, files)  # queued to the window's thread

    def stop(self) -> None:
        watch, thread = self._watch, self._thread
        self._watch = self._thread = None
        if watch is not None:
            watch.close()
        if thread is not None:
            thread.join(5)

    def pause(self) -> None:
        """Stop watching; files that come meanwhile are taken when it resumes."""
        self.stop()
        self.paused = True
        self.changed.emit(self)

    def give_back(self, files: list[SourceFile], delay: float = RETRY_SECONDS) -> None:
        if self._watch is not None:
            self._watch.give_back(files, delay)

    def job_ended(self, summary: JobSummary | None) -> None:
        if summary is not None:
            self.counts.add(summary)
        self.changed.emit(self)


@dataclass(frozen=True)
class SavedWatch:
    task: str
    options: Mapping[str, str]
    folder: str
    out_dir: str
    policy: str = OutputPolicy.SKIP.value
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    hidden: bool = False
    settle: float = SETTLE_SECONDS
    paused: bool = False
    id: str = field(default_factory=new_watch_id)
    secrets: tuple[str, ...] = ()  # password options that were set (never their values)
    name_template: str = DEFAULT_TEMPLATE
    preset: str = ""  # the preset the options were chosen as, for {preset} in the name template

    @classmethod
    def of(cls, watch: WatchFolder) -> SavedWatch:
        spec = watch.spec
        values, secrets = without_secrets(spec.task, spec.options)
        return cls(spec.task.name, values, spec.folder, watch.out_dir, spec.policy.value, spec.scan.include,
                   spec.scan.exclude, spec.scan.include_hidden, spec.settle, watch.paused, watch.id, secrets,
                   spec.naming.template, spec.naming.preset)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "task": self.task, "options": dict(self.options), "folder": self.folder,
                "out_dir": self.out_dir, "policy": self.policy, "include": list(self.include),
                "exclude": list(self.exclude), "hidden": self.hidden, "settle": self.settle, "paused": self.paused,
                "secrets": list(self.secrets), "name_template": self.name_template, "preset": self.preset}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> SavedWatch:
        return cls(str(raw["task"]), {str(k): str(v) for k, v in dict(raw["options"]).items()}, str(raw["folder"]),
                   str(raw["out_dir"]), str(raw.get("policy", "skip")), tuple(raw.get("include", ())),
                   tuple(raw.get("exclude", ())), bool(raw.get("hidden", False)),
                   float(raw.get("settle", SETTLE_SECONDS)), bool(raw.get("paused", False)), str(raw["id"]),
                   tuple(str(n) for n in raw.get("secrets", ())), str(raw.get("name_template", DEFAULT_TEMPLATE)),
                   str(raw.get("preset", "")))

    def spec(self, tasks: Mapping[str, Task]) -> WatchSpec:
        """The watch's settings again; raises ValueError with a sentence when they cannot be."""
        if self.secrets:
            raise ValueError(f"the watch of {self.folder} was not started again: it used a password "
                             f"({', '.join(self.secrets)}), which is never saved; watch the folder again with the "
                             "password set")
        task = tasks.get(self.task)
        if task is None:
            raise ValueError(f"the watch of {self.folder} cannot start: the {self.task} task is not available")
        try:
            options = build_options(task, self.options)
        except (OptionError, TypeError, ValueError) as exc:
            raise ValueError(f"the watch of {self.folder} cannot start: its options are not valid ({exc})") from None
        return WatchSpec(task, options, self.folder, self.out_dir, OutputPolicy(self.policy),
                         ScanOptions(self.include, self.exclude, self.hidden), settle=self.settle,
                         naming=OutputNaming(self.name_template, preset=self.preset))


class WatchList(QObject):
    """The window's watch folders, kept in ``watches.json`` in ``folder``."""

    added = Signal(object)
    removed = Signal(object)
    changed = Signal(object)
    problem = Signal(str)

    def __init__(self, folder: str | os.PathLike[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(folder) / WATCHES_NAME
        self.watches: list[WatchFolder] = []

    def add(self, spec: WatchSpec, watch_id: str = "", paused: bool = False) -> WatchFolder:
        """Start watching (raises JobRefused with a sentence when the watch cannot be set up)."""
        folder = os.path.realpath(spec.folder)
        for other in self.watches:
            if os.path.realpath(other.spec.folder) == folder and other.spec.task.name == spec.task.name:
                raise JobRefused(f"{spec.folder} is already watched for this task")
        watch = WatchFolder(spec, watch_id, parent=self)
        watch.changed.connect(self._on_changed)
        self.watches.append(watch)
        if paused:
            watch.paused = True
        else:
            watch.start()
        self.added.emit(watch)
        self.save()
        return watch

    def remove(self, watch: WatchFolder) -> None:
        if watch not in self.watches:
            return
        watch.stop()
        self.watches.remove(watch)
        self.removed.emit(watch)
        self.save()

    def find(self, watch_id: str) -> WatchFolder | None:
        return next((w for w in self.watches if w.id == watch_id), None)

    @property
    def active(self) -> list[WatchFolder]:
        return [w for w in self.watches if w.running]

    def _on_changed(self, watch: WatchFolder) -> None:
        self.changed.emit(watch)
        self.save()

    def save(self) -> None:
        data = json.dumps({"batchpilot-watches": FORMAT, "watches": [SavedWatch.of(w).as_json()
                                                                     for w in self.watches]}, indent=1)
        try:
            write_atomic(self.path, data.encode())
        except OSError as exc:
            self.problem.emit(f"The watch folders could not be saved in {self.path.parent} ({exc.strerror or exc}).")

    def restore(self, tasks: Mapping[str, Task]) -> list[str]:
        """Start the watches saved by an earlier session; returns what could not start, in sentences."""
        try:
            raw = json.loads(self.path.read_bytes())
            saved = [SavedWatch.from_json(w) for w in raw["watches"]] if raw.get("batchpilot-watches") == FORMAT \
                else []
        except FileNotFoundError:
            return []
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return [f"The saved watch folders in {self.path} could not be read."]
        problems = []
        for s in saved:
            try:
                self.add(s.spec(tasks), s.id, paused=s.paused)
            except (ValueError, JobRefused) as exc:
                problems.append(f"{str(exc)[:1].upper()}{str(exc)[1:]}.")
        return problems

    def shutdown(self) -> None:
        for watch in self.watches:
            watch.stop()
