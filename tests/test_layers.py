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
    # workers/__main__.py opens the window when asked to, through a lazy import inside main().
    assert offenders == ["workers/__main__.py: app.__main__"]


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
