"""Checks made before a batch runs on a Dask cluster, each failing with a sentence a person can act on.

- the address is a scheduler address, and the scheduler answers in time;
- the scheduler and every worker run the same batchpilot (and the same dask, distributed,
  cloudpickle and Python) as this client, and can load the task;
- every worker sees the input files and the output folder at the (mapped) same place: a
  marker written here must be read there, so a same-named local folder is caught too.
"""

from __future__ import annotations

import dataclasses
import os
import re
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from workers.dask import BackendError
from workers.task import WorkItem

DEFAULT_PORT = 8786
SAME_VERSION_PACKAGES = ("dask", "distributed", "cloudpickle", "msgpack")
MAX_INPUT_SAMPLES = 32
MAX_PROBLEMS_SHOWN = 6
MARKER_PREFIX = ".batchpilot-probe-"
FORMAT_HINT = "write it as dask://HOST:PORT, for example dask://render-box:8786"


def scheduler_address(url: str) -> str:
    """The address a Dask client connects to for ``dask://HOST:PORT`` (``tcp://`` and ``tls://`` also work)."""
    text = url.strip()
    if "://" not in text:
        raise BackendError(f"{url!r} is not a Dask scheduler address; {FORMAT_HINT}")
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in ("dask", "tcp", "tls"):
        raise BackendError(f"{url!r} is not a Dask scheduler address ({scheme}:// is not supported); {FORMAT_HINT}")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise BackendError(f"{url!r} has more than a host and a port; {FORMAT_HINT}")
    try:
        port = parts.port
    except ValueError:
        raise BackendError(f"{url!r} has no valid port (a number from 1 to 65535); {FORMAT_HINT}") from None
    host = parts.hostname
    if not host:
        raise BackendError(f"{url!r} names no host; {FORMAT_HINT}")
    if port == 0:
        raise BackendError(f"{url!r} has no valid port (a number from 1 to 65535); {FORMAT_HINT}")
    if ":" in host:
        host = f"[{host}]"
    return f"{'tls' if scheme == 'tls' else 'tcp'}://{host}:{port or DEFAULT_PORT}"


# ------------------------------------------------------------------ path map


class PathMap:
    """Client folders and where the workers mount them (longest prefix wins), both ways."""

    def __init__(self, mapping: Mapping[str, str] | None = None) -> None:
        pairs = [(_trim(_absolute_here(k)), _trim(v)) for k, v in (mapping or {}).items()]
        self.to_worker_pairs = sorted(pairs, key=lambda p: -len(p[0]))
        self.to_client_pairs = sorted(((v, k) for k, v in pairs), key=lambda p: -len(p[0]))

    def __bool__(self) -> bool:
        return bool(self.to_worker_pairs)

    def to_worker(self, path: str) -> str:
        return _swap(path, self.to_worker_pairs)

    def to_client(self, path: str) -> str:
        return _swap(path, self.to_client_pairs)

    def item(self, item: WorkItem) -> WorkItem:
        """The item with every path it carries as a worker sees it."""
        if not self:
            return item
        return item._replace(
            source=self.to_worker(item.source),
            output=self.to_worker(item.output) if item.output else item.output,
            inputs=tuple((self.to_worker(p), name) for p, name in item.inputs),
        )

    def options(self, options: Any) -> Any:
        """Task options with their path-kind fields as a worker sees them."""
        if not self or not dataclasses.is_dataclass(options) or isinstance(options, type):
            return options
        changes = {}
        for f in dataclasses.fields(options):
            value = getattr(options, f.name)
            if f.metadata.get("kind") == "path" and isinstance(value, str) and value:
                changes[f.name] = self.to_worker(value)
        return dataclasses.replace(options, **changes) if changes else options


def parse_path_map(pairs: Iterable[str]) -> dict[str, str]:
    """``HERE=THERE`` pairs (as typed on the command line or in the window) as a mapping."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        here, sep, there = pair.strip().partition("=")
        here, there = here.strip(), there.strip()
        if not sep or not here or not there:
            raise BackendError(f"a path map entry is written HERE=THERE (this computer's folder, then the "
                               f"workers' folder), not {pair.strip()!r}")
        mapping[here] = there
    return mapping


def _absolute_here(path: str) -> str:
    """A folder of this computer as plan items name it (absolute); Windows paths are kept as given."""
    text = os.fspath(path)
    if text.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", text):
        return text
    return os.path.abspath(text)


def _trim(path: str) -> str:
    text = os.fspath(path)
    return text.rstrip("/\\") or text[:1]


def _swap(path: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        if path == old:
            return new
        if path.startswith(old) and (path[len(old)] in "/\\" or old[-1:] in ("/", "\\")):
            rest = path[len(old):]
            # A Windows client and POSIX workers (or the reverse) use different separators.
            if "\\" in new and "/" not in new:
                rest = rest.replace("/", "\\")
            elif "/" in new and "\\" not in new:
                rest = rest.replace("\\", "/")
            return new + rest
    return path


# ------------------------------------------------------------------ versions


def _version_probe_source() -> str:
    return (
        "def batchpilot_version():\n"
        "    try:\n"
        "        import workers\n"
        "    except Exception as exc:\n"
        "        return {'version': None, 'error': f'{type(exc).__name__}: {exc}'}\n"
        "    return {'version': getattr(workers, '__version__', 'unknown'), 'error': ''}\n"
    )


def version_probe() -> Any:
    """A function that reports the batchpilot version where it runs, even where batchpilot is missing.

    It is built outside any importable module so cloudpickle ships it by value: a machine
    without batchpilot can still run it and say so, instead of failing to unpickle it.
    """
    namespace: dict[str, Any] = {"__name__": "batchpilot_version_probe"}
    exec(compile(_version_probe_source(), "<batchpilot version probe>", "exec"), namespace)
    return namespace["batchpilot_version"]


def version_problems(client: Any, address: str) -> list[str]:
    """Every mismatch of batchpilot, dask, distributed, cloudpickle or Python between here and the cluster."""
    import workers

    mine = workers.__version__
    probe = version_probe()
    problems: list[str] = []
    places: dict[str, Any] = {"the scheduler": client.run_on_scheduler(probe)}
    for worker, answer in client.run(probe, on_error="return").items():
        places[f"the worker {worker}"] = answer
    for place, answer in places.items():
        if isinstance(answer, BaseException):
            problems.append(f"{place} could not be asked its version ({type(answer).__name__}: {answer})")
        elif answer["version"] is None:
            problems.append(f"{place} cannot import batchpilot ({answer['error']}); install batchpilot {mine} there")
        elif answer["version"] != mine:
            problems.append(f"{place} runs batchpilot {answer['version']}, this computer {mine}")
    versions = client.get_versions()
    here = versions["client"]["packages"]
    remote = {"the scheduler": versions["scheduler"]["packages"]}
    remote.update({f"the worker {w}": v["packages"] for w, v in versions["workers"].items() if v})
    for place, packages in remote.items():
        for name in SAME_VERSION_PACKAGES:
            if packages.get(name) != here.get(name):
                problems.append(f"{place} has {name} {packages.get(name) or 'missing'}, this computer {here.get(name)}")
        if _python(packages.get("python")) != _python(here.get("python")):
            problems.append(f"{place} runs Python {_python(packages.get('python'))}, "
                            f"this computer {_python(here.get('python'))}")
    if problems:
        return [f"The Dask cluster at {address} does not run the same software as this computer: "
                + _listing(problems) + ". Install the same batchpilot (pip install 'batchpilot[dask]') "
                "and the same Python everywhere, then start the scheduler and workers again."]
    return []


def _python(version: Any) -> str:
    return ".".join(str(version or "?").split(".")[:2])


def _listing(problems: list[str]) -> str:
    shown = problems[:MAX_PROBLEMS_SHOWN]
    more = len(problems) - len(shown)
    return "; ".join(shown) + (f"; and {more} more" if more > 0 else "")


# ------------------------------------------------------------------ folders and the task


@dataclasses.dataclass(frozen=True)
class Sample:
    """One input file a worker must see: its path here, its path there, and its size."""

    shown: str
    path: str
    size: int


def input_samples(items: Iterable[WorkItem], paths: PathMap) -> list[Sample]:
    """One file per input folder (a bounded number), enough to prove the workers see the inputs."""
    seen: set[str] = set()
    samples: list[Sample] = []
    for item in items:
        depth = max(1, len(PurePosixPath(item.rel).parts))
        source = Path(item.source)
        root = str(source.parents[depth - 1]) if depth <= len(source.parents) else str(source.parent)
        if root in seen:
            continue
        seen.add(root)
        size = item.size if not item.inputs and os.path.isfile(item.source) else -1
        samples.append(Sample(item.source, paths.to_worker(item.source), size))
        if len(samples) >= MAX_INPUT_SAMPLES:
            break
    return samples


def check_worker(task_spec: str, samples: list[Sample], out_dir: str | None, shown_out: str,
                 token: str) -> tuple[str, list[str]]:
    """Runs on each worker: can it load the task (why not, or ""), read the inputs and write the outputs?"""
    task_problem = check_task(task_spec)
    problems = []
    for s in samples:
        where = s.shown if s.path == s.shown else f"{s.shown} (here {s.path})"
        try:
            st = os.stat(s.path)
            if s.size >= 0 and st.st_size != s.size:
                problems.append(f"the input {where} has {st.st_size} bytes, not {s.size}: "
                                "this is another file than the one this computer sees")
            elif not os.access(s.path, os.R_OK):
                problems.append(f"the input {where} cannot be read (permission denied)")
        except OSError as exc:
            problems.append(f"the input {where} cannot be reached ({exc.strerror or exc})")
    if out_dir is not None:
        where = shown_out if out_dir == shown_out else f"{shown_out} (here {out_dir})"
        marker = os.path.join(out_dir, MARKER_PREFIX + token)
        try:
            with open(marker, encoding="utf-8") as f:
                same = f.read() == token
        except OSError as exc:
            if os.path.isdir(out_dir):  # there is a folder by that name, but not ours
                problems.append(f"the output folder {where} is not the folder this computer writes to "
                                "(a folder of that name exists there, without the file just written here)")
            else:
                problems.append(f"the output folder {where} cannot be reached ({exc.strerror or exc})")
        else:
            if not same:
                problems.append(f"the output folder {where} is not the folder this computer writes to")
            else:
                mine = f"{marker}-{os.getpid()}"
                try:
                    with open(mine, "w", encoding="utf-8") as f:
                        f.write(token)
                    os.unlink(mine)
                except OSError as exc:
                    problems.append(f"the output folder {where} cannot be written to ({exc.strerror or exc})")
    return task_problem, problems


def check_task(task_spec: str) -> str:
    """Why the task cannot be loaded here, or an empty string."""
    try:
        from workers.registry import load_task

        load_task(task_spec)
    except Exception as exc:
        return f"the task {task_spec!r} cannot be loaded ({type(exc).__name__}: {exc})"
    return ""


def folder_problems(client: Any, task_spec: str, items: list[WorkItem], out_dir: Path,
                    paths: PathMap) -> list[str]:
    """Ask the scheduler and every worker whether they can run these items; one message per kind of problem."""
    task_problems: list[str] = []
    problems: list[str] = []
    problem = client.run_on_scheduler(check_task, task_spec)
    if problem:
        task_problems.append(f"the scheduler: {problem}")
    samples = input_samples(items, paths)
    writes = any(item.output for item in items)
    token = uuid.uuid4().hex
    marker = out_dir / (MARKER_PREFIX + token)
    created = not out_dir.exists()
    try:
        if writes:
            try:
                out_dir.mkdir(parents=True, exist_ok=True)
                marker.write_text(token, encoding="utf-8")
            except OSError as exc:
                return [f"The output folder {out_dir} cannot be written to on this computer "
                        f"({exc.strerror or exc}); choose another one."]
        worker_out = paths.to_worker(str(out_dir)) if writes else None
        answers = client.run(check_worker, task_spec, samples, worker_out, str(out_dir), token,
                             on_error="return")
        for worker, answer in sorted(answers.items()):
            if isinstance(answer, BaseException):
                problems.append(f"the worker {worker} could not run the checks ({type(answer).__name__}: {answer})")
                continue
            task_problem, folder = answer
            if task_problem:
                task_problems.append(f"the worker {worker}: {task_problem}")
            problems.extend(f"the worker {worker}: {p}" for p in folder)
    finally:
        if writes:
            marker.unlink(missing_ok=True)
            if (problems or task_problems) and created:
                try:
                    out_dir.rmdir()  # leave nothing behind for a batch that never ran
                except OSError:
                    pass
    messages = []
    if task_problems:
        messages.append(f"The Dask cluster cannot load the task: {_listing(task_problems)}. Install what "
                        "provides it on the scheduler and every worker (or give a task file they can all read).")
    if problems:
        messages.append(f"The Dask workers cannot reach this batch's files: {_listing(problems)}. Put the files "
                        "on a folder every worker mounts and, if it is mounted elsewhere there, give a path map "
                        "(this computer's folder = the workers' folder).")
    return [" ".join(messages)] if messages else []
