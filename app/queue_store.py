"""The queue on disk, so jobs a killed window left unfinished can be resumed at the next launch.

Two kinds of files in the user's data folder (``queue/``):
- ``queue.json``: the jobs in order, each with its task, options (as strings), output folder,
  policy, where it runs and its state; small, rewritten whenever a job changes;
- ``<id>.files``: a job's files, one tab-separated ``size, root, rel, path`` line each, written
  once when the job is added (off the GUI thread: 100,000 files are a few megabytes).

Every write goes to a temporary file that replaces the old one, so a kill at any moment leaves
the previous version or the new one, never half of either. What a job had already done is not
stored here: the output folder's journal knows, and a resumed job skips it.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workers.naming import DEFAULT_TEMPLATE
from workers.plan import OutputPolicy, SourceFile

FORMAT = 1
INDEX_NAME = "queue.json"
FILES_SUFFIX = ".files"


@dataclass(frozen=True)
class SavedJob:
    """A job as stored: enough to build it again (its task is looked up by name)."""

    id: str
    task: str
    options: Mapping[str, str]
    out_dir: str
    policy: OutputPolicy
    inputs: tuple[str, ...]
    state: str
    workers: int = 0
    address: str = ""
    path_map: tuple[tuple[str, str], ...] = ()
    secrets: tuple[str, ...] = ()  # the password options that were set: their values are never stored
    name_template: str = DEFAULT_TEMPLATE
    next_to_source: bool = False
    preset: str = ""  # the preset the options were chosen as, for {preset} in the name template

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "task": self.task, "options": dict(self.options), "out_dir": self.out_dir,
                "policy": self.policy.value, "inputs": list(self.inputs), "state": self.state,
                "workers": self.workers, "address": self.address, "path_map": [list(p) for p in self.path_map],
                "secrets": list(self.secrets), "name_template": self.name_template,
                "next_to_source": self.next_to_source, "preset": self.preset}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> SavedJob:
        return cls(str(raw["id"]), str(raw["task"]), {str(k): str(v) for k, v in dict(raw["options"]).items()},
                   str(raw["out_dir"]), OutputPolicy(raw["policy"]), tuple(str(p) for p in raw["inputs"]),
                   str(raw["state"]), int(raw.get("workers", 0)), str(raw.get("address", "")),
                   tuple((str(a), str(b)) for a, b in raw.get("path_map", ())),
                   tuple(str(n) for n in raw.get("secrets", ())),
                   # A queue saved before names could be chosen has neither: today's names, in out_dir.
                   str(raw.get("name_template", DEFAULT_TEMPLATE)), raw.get("next_to_source", False) is True,
                   str(raw.get("preset", "")))


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _files_text(sources: Iterable[SourceFile]) -> bytes:
    # Names that are not valid UTF-8 travel as surrogate escapes, as Python keeps them.
    lines = (f"{s.size}\t{s.root}\t{s.rel}\t{s.path}\n" for s in sources)
    return "".join(lines).encode("utf-8", "surrogateescape")


def _parse_files(data: bytes) -> list[SourceFile]:
    out = []
    for line in data.decode("utf-8", "surrogateescape").splitlines():
        size, root, rel, path = line.split("\t", 3)
        out.append(SourceFile(path, root, rel, int(size)))
    return out


class QueueStore:
    """Reads and writes the saved queue in ``folder``; problems are reported, never raised at the window."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.problem = ""  # the latest write that failed, as a sentence
        self._writers: list[threading.Thread] = []

    @property
    def index(self) -> Path:
        return self.folder / INDEX_NAME

    def files_of(self, job_id: str) -> Path:
        return self.folder / f"{job_id}{FILES_SUFFIX}"

    def save(self, jobs: Sequence[SavedJob]) -> bool:
        """Write the queue's order and states; forget the files of jobs no longer in it."""
        data = json.dumps({"batchpilot-queue": FORMAT, "jobs": [j.as_json() for j in jobs]}, indent=1)
        try:
            write_atomic(self.index, data.encode())
        except OSError as exc:
            self.problem = f"the queue could not be saved in {self.folder} ({exc.strerror or exc})"
            return False
        self.problem = ""
        self._forget_others({j.id for j in jobs})
        return True

    def save_files(self, job_id: str, sources: Sequence[SourceFile], wait: bool = False) -> None:
        """Write a job's files in a background thread (``wait``: before returning)."""
        def write() -> None:
            try:
                write_atomic(self.files_of(job_id), _files_text(sources))
            except OSError as exc:
                self.problem = f"the files of a job could not be saved in {self.folder} ({exc.strerror or exc})"

        writer = threading.Thread(target=write, name="batchpilot-queue-save", daemon=True)
        self._writers = [w for w in self._writers if w.is_alive()] + [writer]
        writer.start()
        if wait:
            writer.join()

    def flush(self) -> None:
        """Wait for background writes (before the window closes)."""
        for writer in self._writers:
            writer.join()
        self._writers = []

    def load(self) -> list[SavedJob]:
        """The saved jobs; an unreadable or foreign file reads as an empty queue."""
        try:
            raw = json.loads(self.index.read_bytes())
            if raw.get("batchpilot-queue") != FORMAT:
                return []
            return [SavedJob.from_json(j) for j in raw["jobs"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return []

    def load_files(self, job_id: str) -> list[SourceFile] | None:
        """A job's files, or None when they were not saved (or cannot be read)."""
        try:
            return _parse_files(self.files_of(job_id).read_bytes())
        except (OSError, ValueError):
            return None

    def clear(self) -> None:
        self.save([])

    def _forget_others(self, keep: set[str]) -> None:
        with contextlib.suppress(OSError):
            for path in self.folder.glob(f"*{FILES_SUFFIX}"):
                if path.name[: -len(FILES_SUFFIX)] not in keep:
                    with contextlib.suppress(OSError):
                        path.unlink()
