"""Keeps the saved queue in step with the window's, and builds jobs back from it at launch.

The queue is written whenever a job is added, removed, moved or changes state; a job's files
once, when it is added. At the next launch the jobs that had not ended are offered back
(:class:`ResumeOffer`): resumed, they run through their output folders' journals, so what an
earlier run finished is skipped and half-written outputs are removed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app import text
from app.bridge import EngineChoice
from app.i18n import with_count
from app.job_model import JobModel
from app.job_queue import ENDED, Job, JobQueue, JobSpec, JobState
from app.queue_store import QueueStore, SavedJob
from app.settings import APPLICATION, ORGANIZATION, Settings
from workers.naming import OutputNaming
from workers.task import OptionError, Task, build_options, describe_options, options_to_strings


def data_folder(settings: Settings) -> str:
    """Where the queue is kept: beside a settings file given on the command line (demos, tests),
    else the user's data folder."""
    own = settings.store.fileName()
    if own != QSettings(ORGANIZATION, APPLICATION).fileName():
        return os.path.join(os.path.dirname(own), "queue")
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return os.path.join(base, "queue")


def without_secrets(task: Task, options: Any) -> tuple[dict[str, str], tuple[str, ...]]:
    """Options as strings without password options, and the names of those that were set:
    secrets are never written to disk, but a job or watch that used one must not come back
    without it (an archive meant to be encrypted would be written in the clear)."""
    values = options_to_strings(options)
    secrets = []
    for option in describe_options(task.Options):
        if option.kind == "password" and values.pop(option.name, ""):
            secrets.append(option.name)
    return values, tuple(secrets)


def needs_secrets(what: str, secrets: tuple[str, ...]) -> str:
    """Why a saved job or watch that used a password cannot come back by itself ('' when it can)."""
    if not secrets:
        return ""
    return (f"{what} cannot be resumed: it used a password ({', '.join(secrets)}), which is never saved; "
            "add its files again with the password set")


def saved_form(job: Job) -> SavedJob:
    spec = job.spec
    assert spec is not None
    values, secrets = without_secrets(spec.task, spec.options)
    engine = spec.engine
    state = job.state.value if job.ended or job.queued else JobState.WAITING.value
    return SavedJob(job.id, spec.task.name, values, spec.out_dir, spec.policy, spec.inputs, state,
                    engine.workers, engine.address, engine.path_map, secrets, spec.naming.template,
                    spec.naming.next_to_source, spec.naming.preset)


class QueueSaver(QObject):
    """Writes the queue as it changes; reads back what an earlier session left unfinished."""

    problem = Signal(str)  # a write failed: a sentence for the window (said once per kind)

    def __init__(self, queue: JobQueue, store: QueueStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.store = store
        self._said = ""
        self.paused = False  # while earlier jobs are offered back, writing would forget them
        queue.added.connect(self._on_added)
        queue.removed.connect(self.save)
        queue.moved.connect(self.save)
        queue.changed.connect(self.save)

    def save(self, *_: object) -> None:
        if self.paused:
            return
        # A watch's jobs are not kept: the watch takes their files again when it starts.
        ok = self.store.save([saved_form(j) for j in self.queue.jobs if j.spec is not None and j.watch is None])
        if not ok and self.store.problem != self._said:
            self._said = self.store.problem
            self.problem.emit(text.sentence(self.store.problem))

    def _on_added(self, job: Job) -> None:
        if self.paused or job.watch is not None:
            return
        self.store.save_files(job.id, [r.as_source() for r in job.model.rows()])
        self.save()

    def left_over(self) -> list[SavedJob]:
        """Jobs of an earlier session that had not ended."""
        ended = {s.value for s in ENDED}
        return [s for s in self.store.load() if s.state not in ended]

    def rebuild(self, saved: SavedJob, tasks: Mapping[str, Task],
                make_model: Callable[[], JobModel]) -> tuple[Job | None, str]:
        """A saved job as a queued job again, or None and why it cannot be."""
        task = tasks.get(saved.task)
        refused = needs_secrets(f"a {saved.task} job", saved.secrets)
        if refused:
            return None, refused
        if task is None:
            return None, f"a {saved.task} job cannot be resumed: that task is not available any more"
        try:
            options = build_options(task, saved.options)
        except (OptionError, TypeError, ValueError) as exc:
            return None, f"a {saved.task} job cannot be resumed: its options are not valid any more ({exc})"
        sources = self.store.load_files(saved.id)
        if sources is None:
            return None, f"a {saved.task} job cannot be resumed: its list of files could not be read back"
        job = Job(make_model(), id=saved.id)
        job.model.add_entries(sources)
        job.bytes = sum(s.size for s in sources)
        engine = EngineChoice(saved.workers, saved.address, saved.path_map)
        naming = OutputNaming(saved.name_template, saved.next_to_source, saved.preset)
        job.spec = JobSpec(task, options, saved.out_dir, saved.policy, engine, saved.inputs, naming)
        job.state = JobState.WAITING
        return job, ""


class ResumeOffer(QFrame):
    """'2 jobs were not finished — Resume / Review / Discard', above the file list at launch."""

    resume = Signal()
    review = Signal()
    discard = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setAccessibleName(self.tr("Unfinished jobs"))
        layout = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        buttons = ((self.tr("&Resume"), self.tr("Run them now; files already done are skipped"), self.resume),
                   (self.tr("Re&view"), self.tr("Put them in the queue without starting"), self.review),
                   (self.tr("&Discard"), self.tr("Forget them (their finished outputs stay)"), self.discard))
        self.buttons: list[QPushButton] = []
        for label, tip, signal in buttons:
            button = QPushButton(label)
            button.setToolTip(tip)
            button.clicked.connect(signal)
            button.clicked.connect(self.hide)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.buttons.append(button)
        self.resume_button, self.review_button, self.discard_button = self.buttons
        self.hide()

    def offer(self, jobs: list[SavedJob]) -> None:
        count = len(jobs)
        names = ", ".join(os.path.basename(j.inputs[0].rstrip(os.sep)) if j.inputs else j.task for j in jobs[:3])
        more = "…" if count > 3 else ""
        said = with_count(self.tr("%1 jobs were not finished when batchpilot last closed ({names}).", "", count),
                          text.count(count))
        self.label.setText(said.format(names=names + more))
        self.show()
