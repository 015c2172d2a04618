"""The engine layer runs without Qt: workers/ never imports PySide6 or app/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_module_in_workers_imports_qt_or_the_app():
    offenders = []
    for path in (ROOT / "workers").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top in ("PySide6", "PyQt5", "PyQt6", "shiboken6", "app"):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    # workers/__main__.py opens the window through its entry point, never by importing it.
    assert offenders == []


def test_the_cli_and_a_worker_run_with_qt_unimportable(tmp_path):
    blocker = tmp_path / "PySide6"
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ImportError('Qt is not installed here')\n")
    src = tmp_path / "src"
    src.mkdir()
    (src / "ok-1.txt").write_text("x")
    env_path = f"{tmp_path}:{ROOT}"
    result = subprocess.run(
        [sys.executable, "-m", "workers", "run", "tests.sample_tasks:FaultyTask", str(src), "--json"],
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert '"item_finished"' in result.stdout


def _workers_imports() -> dict[str, set[str]]:
    """Every workers module and the workers modules it imports (type-only imports included)."""
    modules = {}
    for path in (ROOT / "workers").rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path

    def owner(name: str) -> str:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name

    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                subs = [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in modules]
                names = subs if len(subs) == len(node.names) else [node.module, *subs]
            else:
                continue
            graph[module] |= {owner(n) for n in names if n.startswith("workers")} - {module, ""}
    return graph


def test_no_import_circles_in_workers():
    graph = _workers_imports()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert circles == []


# The engine's files from the bottom up: each imports only files below it.
ENGINE_LAYERS = ["wire", "options", "batching", "ledger", "child", "pool", "helping", "run", "local"]


def test_the_engine_imports_only_down_and_never_a_front_end():
    graph = _workers_imports()
    rank = {f"workers.engine.{name}": i for i, name in enumerate(ENGINE_LAYERS)}
    assert set(rank) == {m for m in graph if m.startswith("workers.engine.")}, "a new engine file needs a layer"
    upward = [(m, d) for m in rank for d in graph[m] if d in rank and rank[d] >= rank[m]]
    assert upward == []
    higher = ("workers.engine", "workers.session", "workers.cli", "workers.cli_output", "workers.journal",
              "workers.lock", "workers.dask", "workers.dask_backend")
    reaching_up = [(m, d) for m in rank for d in graph[m] if d in higher or d.startswith("workers.dask.")]
    assert reaching_up == []
