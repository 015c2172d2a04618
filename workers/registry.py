"""Finding tasks: built-ins through the ``batchpilot.tasks`` entry-point group, plus
``module:callable`` and ``path/to/file.py[:callable]`` for one-off custom tasks."""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import inspect
import sys
from functools import cache
from pathlib import Path
from typing import Any

from workers.task import FunctionTask, Task

GROUP = "batchpilot.tasks"


class TaskNotFound(LookupError):
    pass


@cache
def _entry_points() -> dict[str, Any]:
    # Imported here: a worker loads its task by "module:callable" and never needs the metadata
    # machinery, whose import alone cost it ~15 ms at start.
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in entry_points(group=GROUP)}


def task_names() -> list[str]:
    """Names of the registered tasks, built-ins first in their usual order."""
    order = {"parse": 0, "zip": 1, "encode": 2}
    return sorted(_entry_points(), key=lambda n: (order.get(n, 9), n))


def available_tasks() -> dict[str, Task]:
    """Every registered task that loads; a broken plug-in is left out, not fatal."""
    out = {}
    for name in task_names():
        try:
            out[name] = load_task(name)
        except TaskNotFound:
            continue
    return out


def _as_task(obj: Any, name: str) -> Task:
    if isinstance(obj, Task):
        return obj
    if inspect.isclass(obj) and issubclass(obj, Task):
        return obj()
    if callable(obj):
        return FunctionTask(obj, name)
    raise TaskNotFound(f"{name!r} is not a task (a Task subclass, instance or function)")


def _load_file_module(path: Path) -> Any:
    # A stable module name, so worker processes that load the same file agree on it and
    # objects from that module pickle between them.
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:12]
    mod_name = f"batchpilot_custom_{path.stem}_{digest}"
    if mod_name in sys.modules:
        return sys.modules[mod_name]
    spec = importlib.util.spec_from_file_location(mod_name, path)
    if spec is None or spec.loader is None:
        raise TaskNotFound(f"cannot load a task from {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[mod_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[mod_name]
        raise TaskNotFound(f"loading {path} failed: {type(exc).__name__}: {exc}") from exc
    return module


def load_task(spec: str) -> Task:
    """A task by registered name, ``module:callable``, or ``file.py[:callable]``.

    The task remembers the spec (as ``task.spec``) so worker processes can load it too.
    """
    # A "module:callable" or "file.py" spec (what workers are given) needs no scan of the
    # installed entry points, which costs a worker ~20 ms at start.
    eps = _entry_points() if ":" not in spec and not spec.endswith(".py") else {}
    task = _load(spec, eps)
    # A registered name travels to workers as its entry point's "module:callable".
    task.spec = eps[spec].value if spec in eps else task_spec_for_child(spec)  # type: ignore[attr-defined]
    return task


def worker_spec(spec: str) -> str | None:
    """What a worker process loads the task ``spec`` names by (the ``task.spec`` :func:`load_task`
    gives it), found without importing the task; None for a name no entry point has."""
    if ":" in spec or spec.endswith(".py"):
        return task_spec_for_child(spec)
    ep = _entry_points().get(spec)
    return None if ep is None else str(ep.value)


def _load(spec: str, eps: dict[str, Any]) -> Task:
    if spec in eps:
        try:
            return _as_task(eps[spec].load(), spec)
        except TaskNotFound:
            raise
        except Exception as exc:
            raise TaskNotFound(f"task {spec!r} failed to load: {type(exc).__name__}: {exc}") from exc
    target, _, attr = spec.partition(":")
    if target.endswith(".py"):
        path = Path(target).resolve()
        if not path.is_file():
            raise TaskNotFound(f"no task file {target}")
        module = _load_file_module(path)
        attr = attr or "task"
    elif attr:
        try:
            module = importlib.import_module(target)
        except ImportError as exc:
            raise TaskNotFound(f"cannot import {target!r} for task {spec!r}: {exc}") from exc
    else:
        known = ", ".join(task_names()) or "none"
        raise TaskNotFound(f"unknown task {spec!r} (known tasks: {known}; or use module:callable)")
    obj = getattr(module, attr, None)
    if obj is None:
        raise TaskNotFound(f"{target} has no {attr!r}")
    return _as_task(obj, spec)


def task_spec_for_child(spec: str) -> str:
    """The spec a worker process uses to load the same task (file paths made absolute)."""
    target, sep, attr = spec.partition(":")
    if target.endswith(".py"):
        return str(Path(target).resolve()) + sep + attr
    return spec
