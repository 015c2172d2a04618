"""Small tasks the engine tests run in real worker processes."""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from workers.outputs import atomic_output
from workers.task import ItemError, ItemResult, Report, SkipItem, Task, WorkItem, option


def _behaviour(item: WorkItem) -> str:
    """Test files say what to do in their name: crash-kill.txt, hang.txt, ok-1.txt ..."""
    return Path(item.source).stem.split("-")[0]


@dataclass(frozen=True)
class FaultyOptions:
    hang_seconds: float = option(60.0, "how long a 'hang' item sleeps", min=0)


class FaultyTask(Task):
    """Copies each file upper-cased; files named for a fault misbehave on purpose."""

    name = "faulty"
    title = "Faulty copy"
    Options = FaultyOptions

    def output_name(self, rel: PurePath, options: Any) -> PurePath:
        return rel.with_suffix(rel.suffix + ".out")

    def run(self, item: WorkItem, options: Any, report: Report) -> ItemResult:
        what = _behaviour(item)
        report(0.0, "starting")
        if what == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if what == "segv":
            ctypes.string_at(0)
        if what == "exit":
            os._exit(7)
        if what == "hang":
            time.sleep(options.hang_seconds)
        if what == "slow":
            time.sleep(0.1)
        if what == "boom":
            raise ValueError("boom in the task")
        if what == "bad":
            raise ItemError("this file is not what it claims to be")
        if what == "skip":
            raise SkipItem("nothing to do for this file")
        if what == "bomb":
            # Pillow's own warning for a picture bigger than it trusts, made small: a 10x10 PNG.
            from PIL import Image

            Image.MAX_IMAGE_PIXELS = 64
            with Image.open(item.source) as picture:
                picture.load()
        if what == "hog":
            block = bytearray(400 << 20)  # touched so it is resident
            for i in range(0, len(block), 4096):
                block[i] = 1
            time.sleep(options.hang_seconds)
        if what == "spawner":
            # A grandchild that must die with its worker.
            child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
            Path(item.output).parent.mkdir(parents=True, exist_ok=True)
            Path(item.output + ".pid").write_text(str(child.pid))
            time.sleep(options.hang_seconds)
        with atomic_output(item.output) as tmp:
            data = Path(item.source).read_bytes()
            if what == "halfway":
                tmp.write_bytes(data[: len(data) // 2])
                raise ItemError("stopped halfway on purpose")
            tmp.write_bytes(data.upper())
        report(1.0, "done")
        return ItemResult(item.output, "copied", {"bytes": len(data)})


def tiny(item: WorkItem, report: Report) -> None:
    """About 20 microseconds of CPU, nothing written."""
    x = 0
    for i in range(400):
        x += i * i


def spin(item: WorkItem, report: Report) -> str:
    """About 50 ms of CPU per item."""
    end = time.process_time() + 0.05
    n = 0
    while time.process_time() < end:
        n += 1
    return str(n)


def sleepy(item: WorkItem, report: Report) -> None:
    """Sleeps for the seconds written in the file, reporting progress on the way."""
    seconds = float(Path(item.source).read_text() or 0)
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        report(1 - left / seconds if seconds else 1.0)
        time.sleep(min(left, 0.02))


def thread_share(item: WorkItem, report: Report) -> str:
    """Says how many threads the engine would give this item now."""
    from workers.task import threads_of

    return str(threads_of(report))


class PiecesTask(Task):
    """An item made of eight pieces that idle workers may help with (Task.help), shared out with
    the claims a long video's segments use (workers/tasks/media_shared.py). Its output lists
    which process made each piece. A source named ``helperdies`` kills the first helper."""

    name = "pieces"
    title = "Pieces"
    helps = True
    PIECES = 8
    PIECE_SECONDS = 0.4

    @staticmethod
    def _folder(item: WorkItem) -> Path:
        return Path(item.output + ".pieces")

    def _make(self, item: WorkItem, index: int, role: str) -> bool:
        from workers.tasks.media_shared import take_claim

        folder = self._folder(item)
        claim = take_claim(folder, index, role)
        if claim is None:
            return False
        try:
            done = folder / f"piece-{index}.done"
            if done.exists():
                return False
            if role == "helper" and _behaviour(item) == "helperdies" and not (folder / "died").exists():
                (folder / "died").write_text(str(os.getpid()))
                os._exit(9)  # once, holding its claim: the owner takes the piece over
            time.sleep(self.PIECE_SECONDS)
            done.write_text(f"{role} {os.getpid()}")
            return True
        finally:
            claim.release()

    def run(self, item: WorkItem, options: Any, report: Report) -> ItemResult:
        folder = self._folder(item)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "ready").write_text("")
        while True:
            missing = [i for i in range(self.PIECES) if not (folder / f"piece-{i}.done").exists()]
            report(1 - len(missing) / self.PIECES, f"{len(missing)} pieces left")
            if not missing:
                break
            if not any(self._make(item, i, "owner") for i in missing):
                time.sleep(0.05)  # the rest are with helpers
        made = [(folder / f"piece-{i}.done").read_text() for i in range(self.PIECES)]
        with atomic_output(item.output) as tmp:
            tmp.write_text("\n".join(made))
        return ItemResult(item.output, "pieces joined")

    def help(self, item: WorkItem, options: Any, report: Report, keep_going: Any) -> int:
        folder = self._folder(item)
        if not (folder / "ready").exists():
            return 0
        made = 0
        for index in reversed(range(self.PIECES)):
            if not keep_going():
                break
            made += self._make(item, index, "helper")
        return made
