"""The smoke test's inputs and its checks of the frozen command line, one function per task."""

from __future__ import annotations

import hashlib
import os
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from smoke_support import App, CliRun, classify, descendants, expect, run_cli, wait_until
from smoke_tasks import GATE_ENV, started_pids

TASKS_FILE = Path(__file__).resolve().parent / "smoke_tasks.py"
# One marker word per document, so each output can be matched to its source.
MARKERS = {"doc.pdf": "pdfmarker", "notes.txt": "textmarker", "page.html": "htmlmarker", "report.docx": "docxmarker"}


@dataclass(frozen=True)
class Inputs:
    """Folders of inputs made on the fly with the project's virtualenv, and an output root."""

    base: Path
    documents: Path
    files: Path
    clips: Path
    photos: Path
    gate: Path
    single: Path
    window: Path
    out: Path

    @classmethod
    def make(cls, base: Path) -> Inputs:
        from tests.documents import make_docx, make_pdf
        from tests.media import make_clip, make_photo

        src = base / "in"
        inputs = cls(base, documents=src / "documents", files=src / "files", clips=src / "clips",
                     photos=src / "photos", gate=src / "gate", single=src / "single", window=src / "window",
                     out=base / "out")
        for folder in (inputs.documents, inputs.files, inputs.clips, inputs.photos, inputs.gate, inputs.single,
                       inputs.window, inputs.out):
            folder.mkdir(parents=True)
        d = inputs.documents
        make_pdf(d / "doc.pdf", [f"{MARKERS['doc.pdf']} on the first page", "a second page"])
        (d / "notes.txt").write_text(f"{MARKERS['notes.txt']} in plain text\n", encoding="utf-8")
        (d / "page.html").write_text(f"<!doctype html><title>page</title><p>{MARKERS['page.html']} in a "
                                     "paragraph</p>", encoding="utf-8")
        make_docx(d / "report.docx", [f"{MARKERS['report.docx']} in a Word file"])
        (inputs.files / "sub").mkdir()
        (inputs.files / "readme.txt").write_text("some words to pack\n" * 50, encoding="utf-8")
        (inputs.files / "noise.bin").write_bytes(hashlib.shake_256(b"batchpilot").digest(65536))
        (inputs.files / "sub" / "table.csv").write_text("a,b\n1,2\n3,4\n", encoding="utf-8")
        make_clip(inputs.clips / "clip.mp4", seconds=1.0, size=(96, 64))
        make_photo(inputs.photos / "photo.jpg", size=(160, 120))
        for n in range(4):
            (inputs.gate / f"item{n}.txt").write_text(f"item {n}\n", encoding="utf-8")
        (inputs.single / "one.txt").write_text("one\n", encoding="utf-8")
        for n in range(3):
            (inputs.window / f"note{n}.txt").write_text(f"window note {n}\n", encoding="utf-8")
        make_pdf(inputs.window / "paper.pdf", ["a page for the window"])
        return inputs

    def digest(self) -> dict[str, str]:
        """A hash of every input file, to show the sources were left alone."""
        found = {}
        for root, _dirs, files in os.walk(self.base / "in"):
            for name in files:
                path = Path(root, name)
                found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        return found



def _stdout_of(app: App, argv: list[str]) -> list[str]:
    proc = app.popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate(timeout=120)
    expect(proc.returncode == 0, f"batchpilot {' '.join(argv)} exited with {proc.returncode}: {err[-1500:]}")
    return out.splitlines()


def check_starts(app: App) -> None:
    """The frozen CLI answers --version and lists the built-in tasks (their entry points are bundled)."""
    version = _stdout_of(app, ["--version"])
    expect(version and version[0].startswith("batchpilot "), f"--version printed {version}")
    listed = {line.split(" — ")[0] for line in _stdout_of(app, ["tasks"]) if " — " in line}
    expect({"parse", "zip", "encode"} <= listed, f"'batchpilot tasks' listed {sorted(listed)}")


def _batch(app: App, task: str, folder: Path, out: Path, *settings: str, workers: int = 2,
           env: dict[str, str] | None = None,
           while_running: Callable[[subprocess.Popen[str]], dict[str, Any]] | None = None) -> CliRun:
    argv = ["run", task, str(folder), "--out", str(out), "--workers", str(workers), "--json"]
    for setting in settings:
        argv += ["--set", setting]
    run = run_cli(app, argv, env=env, while_running=while_running)
    expect(run.returncode == 0 and not run.summary().get("failed"), f"batchpilot run {task}: {run.describe()}")
    return run


def check_parse(app: App, inputs: Inputs) -> None:
    """Each document's text comes out, in its own output."""
    run = _batch(app, "parse", inputs.documents, inputs.out / "parse", "output_format=txt")
    expect(run.summary().get("done") == len(MARKERS), f"parse: {run.describe()}")
    texts = [Path(e["output"]).read_text(encoding="utf-8") for e in run.finished()]
    for source, marker in MARKERS.items():
        hits = sum(marker in text for text in texts)
        expect(hits == 1, f"the text of {source} ({marker!r}) is in {hits} outputs, not 1")


def check_zip(app: App, inputs: Inputs) -> None:
    """One archive per file; each passes zipfile's CRC check and holds the source's exact bytes."""
    sources = [p for p in inputs.files.rglob("*") if p.is_file()]
    run = _batch(app, "zip", inputs.files, inputs.out / "zip")
    outputs = [Path(e["output"]) for e in run.finished()]
    expect(len(outputs) == len(sources), f"{len(outputs)} archives for {len(sources)} files: {run.describe()}")
    members: dict[str, bytes] = {}
    for archive in outputs:
        with zipfile.ZipFile(archive) as z:
            expect(z.testzip() is None, f"{archive.name} fails its CRC check")
            for info in z.infolist():
                if not info.is_dir():
                    members[PurePath(info.filename).name] = z.read(info)
    for src in sources:
        expect(members.get(src.name) == src.read_bytes(), f"{src.name} did not come back byte for byte")


def check_encode(app: App, inputs: Inputs) -> None:
    """A clip becomes H.264/AAC MP4 and VP9/Opus WebM that decode; a photo becomes a WebP."""
    import av
    from PIL import Image

    for fmt, video, audio in (("mp4-h264", "h264", "aac"), ("webm-vp9", "vp9", "opus")):
        run = _batch(app, "encode", inputs.clips, inputs.out / f"encode-{fmt}", f"format={fmt}")
        outputs = [Path(e["output"]) for e in run.finished()]
        expect(len(outputs) == 1, f"encode {fmt}: {run.describe()}")
        with av.open(str(outputs[0])) as container:
            v, a = container.streams.video[0], container.streams.audio[0]
            expect(video in v.codec_context.name and audio in a.codec_context.name,
                   f"{fmt}: streams are {v.codec_context.name} and {a.codec_context.name}")
            frames = sum(1 for _ in container.decode(v))
        expect(frames >= 20, f"{fmt}: only {frames} frames decode from a 1 s, 25 fps clip")
    run = _batch(app, "encode", inputs.photos, inputs.out / "encode-webp", "format=webp")
    outputs = [Path(e["output"]) for e in run.finished()]
    expect(len(outputs) == 1, f"encode webp: {run.describe()}")
    with Image.open(outputs[0]) as img:
        expect(img.format == "WEBP" and img.size == (160, 120), f"the photo became {img.format} {img.size}")
        img.load()


def check_workers(app: App, inputs: Inputs, numbers: dict[str, Any]) -> None:
    """While 2 workers hold an item each, the app runs exactly those 2 and no other copy of itself."""
    gate = inputs.base / "gate-markers"
    gate.mkdir()
    env = {**os.environ, GATE_ENV: str(gate)}

    def watch(proc: subprocess.Popen[str]) -> dict[str, Any]:
        wait_until(lambda: len(started_pids(gate)) >= 2, 120, "both workers to take an item")
        seen = classify(descendants(proc.pid))
        (gate / "release").touch()
        return seen

    run = _batch(app, f"{TASKS_FILE}:hold", inputs.gate, inputs.out / "gate", env=env, while_running=watch)
    expect(run.summary().get("done") == 4, f"held batch: {run.describe()}")
    workers, other = run.seen["workers"], run.seen["other"]
    expect(len(workers) == 2, f"{len(workers)} worker processes for --workers 2: {run.seen}")
    expect(not other, f"processes that are neither workers nor multiprocessing helpers: {other}")
    expect({w["pid"] for w in workers} == started_pids(gate), "the items ran in other processes than the workers seen")
    numbers["workers_seen"] = run.seen


def check_library_path(app: App, inputs: Inputs) -> None:
    """A program a task starts sees the library path the user had, not the bundle's folder."""
    run = _batch(app, f"{TASKS_FILE}:library_path", inputs.single, inputs.out / "ldpath", workers=1)
    seen = run.finished()[0]["message"]
    expected = os.environ.get("LD_LIBRARY_PATH", "<unset>")
    expect(seen == expected, f"a task's child saw LD_LIBRARY_PATH={seen!r}, the user has {expected!r}")


def check_backend(app: App, inputs: Inputs) -> None:
    """The optional Dask backend is not bundled, and asking for it says so (exit 2, no traceback)."""
    run = run_cli(app, ["run", "parse", str(inputs.single), "--out", str(inputs.out / "dask"),
                        "--backend", "dask://127.0.0.1:9"])
    expect(run.returncode == 2 and "dask" in run.stderr.lower() and "Traceback" not in run.stderr,
           f"--backend dask: {run.describe()}")
