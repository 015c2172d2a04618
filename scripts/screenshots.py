#!/usr/bin/env python3
"""Screenshots of the real window for the README: empty, running, finished with a failure, a retry
refused because another run holds the output folder, a queue of jobs (finished, running,
waiting), the offer to resume jobs a closed window left unfinished, a watch folder, on a cluster.

Starts Xvfb on a free display (or uses --display), runs the window there with the xcb
platform in a child process, loads a generated sample folder, runs a parse batch and saves
PNGs taken from the X server (not rendered offscreen) into resources/screenshots/. The
cluster shot connects the Run on box to a two-worker Dask cluster on the loopback address
(needs the dask extra, which ``make`` installs).

    .venv/bin/python scripts/screenshots.py [--out DIR] [--shots empty,running,finished,queue,resume]

Needs Xvfb and xauth (``apt-get install -y xvfb xauth``; scripts/setup-system.sh installs them).
The child gets a temporary home folder holding the settings and the sample folder: the user's
settings and files are never touched.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ("empty", "running", "finished", "busy", "queue", "resume", "watch", "encode", "helpers", "cluster")
BATCH_SHOTS = {"running", "finished", "busy", "queue", "resume"}
SCREEN = (1280, 800)  # the X screen; the window keeps its default size (1180x760)
HOME_MARK = "BATCHPILOT_SCREENSHOT_HOME"


def start_xvfb(width: int, height: int) -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on a display it picks itself (-displayfd), so parallel runs never collide."""
    if shutil.which("Xvfb") is None:
        raise SystemExit("Xvfb is not installed: apt-get install -y xvfb xauth")
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
                             "-nolisten", "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()  # written once the server accepts connections
    if not number:
        proc.kill()
        raise SystemExit("Xvfb did not start")
    return proc, f":{number}"


def run_child(display: str, out: Path, shots: list[str], timeout: float = 300) -> int:
    # A home folder of its own: the demo folder is "~/Documents" and no path of this machine
    # shows in the pictures; the user's settings are never read or written.
    with tempfile.TemporaryDirectory(prefix="batchpilot-shots-") as tmp:
        home = str(Path(tmp) / "home" / "demo")
        os.makedirs(home)
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=home,
                   XDG_CONFIG_HOME=f"{home}/.config", **{HOME_MARK: home})
        env.pop("WAYLAND_DISPLAY", None)
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--out", str(out.resolve()),
               "--shots", ",".join(shots)]
        return subprocess.run(cmd, env=env, cwd=str(ROOT), timeout=timeout).returncode


# -- the child: runs the window on the X display ------------------------------------------


def child(out: Path, shots: list[str]) -> int:
    if os.environ.get(HOME_MARK) != str(Path.home()):
        raise SystemExit("--child runs only inside the temporary home its parent makes")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtGui import QGuiApplication

    from app.application import application
    from app.file_row import Status
    from app.job_model import STATUS
    from app.main_window import MainWindow
    from app.settings import Settings
    from workers.registry import available_tasks

    spec = importlib.util.spec_from_file_location("make_sample_folder", ROOT / "resources" / "make_sample_folder.py")
    assert spec is not None and spec.loader is not None
    sample = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sample)

    app = application()
    out.mkdir(parents=True, exist_ok=True)
    saved: list[str] = []

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shoot(name: str) -> None:
        if name not in shots:
            return
        window.repaint()
        app.processEvents()
        QGuiApplication.sync()  # the X server has drawn what we painted
        pixmap = window.screen().grabWindow(window.winId())
        path = out / f"{name}.png"
        if not pixmap.save(str(path)):
            raise SystemExit(f"could not save {path}")
        saved.append(str(path))

    home = Path.home()
    with tempfile.TemporaryDirectory(prefix=".batchpilot-", dir=home) as tmp:
        folder = home / "Documents"
        if BATCH_SHOTS & set(shots):
            sample.make_sample_folder(folder)
        settings = Settings.at(str(Path(tmp) / "settings.ini"))
        window = MainWindow(settings, available_tasks())
        window.move(0, 0)
        window.show()
        window.activateWindow()
        wait(800)  # mapped, exposed and the worker pool started
        shoot("empty")
        if BATCH_SHOTS & set(shots):
            window.task_panel.workers_spin.setValue(2)
            window.add_paths([str(folder)])
            while window.scanner.busy:
                wait(50)
            taken = [False]
            batches = [0]

            def maybe_running(_events: object) -> None:
                # Best: both workers busy and a bar half way; settle for one after a while.
                batches[0] += 1
                rows = window.model.rows()
                mid = any(r.status is Status.RUNNING and 0.1 < r.progress < 0.9 for r in rows)
                busy = window.model.count(Status.RUNNING) >= (2 if batches[0] < 30 else 1)
                if not taken[0] and mid and busy and window.model.count(Status.DONE) >= 8:
                    taken[0] = True
                    # Running files first, as a user would sort to watch them.
                    window.file_list.view.sortByColumn(STATUS, Qt.SortOrder.AscendingOrder)
                    window.file_list.view.scrollToTop()
                    shoot("running")

            window.bridge.events.connect(maybe_running)
            finished = QEventLoop()
            window.bridge.finished.connect(finished.quit)
            window.commands.start.trigger()
            finished.exec()
            if "running" in shots and not taken[0]:
                print("the batch ended before a running moment was caught", file=sys.stderr)
            wait(300)
            failed = window.model.rows_with(Status.FAILED)
            if failed:
                proxy = window.file_list.proxy
                for i in range(proxy.rowCount()):
                    if window.file_list.row_at(proxy.index(i, 0)) is failed[0]:
                        window.file_list.view.selectRow(i)
                        window.file_list.view.scrollTo(proxy.index(i, 0))
                window.log_dock.show_row(failed[0])
                window.log_dock.tabs.setCurrentIndex(0)
            wait(300)
            shoot("finished")
            if "busy" in shots and window.runner.plan is not None:
                show_busy(window, window.runner.plan.out_dir, wait)
                shoot("busy")
            if {"queue", "resume"} & set(shots):
                show_queue(window, sample, home, wait)
                shoot("queue")
            if "resume" in shots:
                window.shutdown()  # as if the window were closed mid-job
                window.close()
                window = MainWindow(settings, available_tasks())
                window.move(0, 0)
                window.show()
                window.activateWindow()
                wait(800)
                shoot("resume")
                window.resume_offer.discard_button.click()
        if "watch" in shots:
            show_watch(window, home, wait)
            shoot("watch")
        if "encode" in shots:
            show_encode(window, home, wait)
            shoot("encode")
        if "helpers" in shots:
            show_helpers(window, home, wait)
            shoot("helpers")
        cluster = None
        if "cluster" in shots:
            cluster = show_cluster(window, wait)
            shoot("cluster")
        window.shutdown()
        if cluster is not None:
            cluster.close()
        window.close()
    for path in saved:
        print(path)
    return 0 if len(saved) == len(shots) else 1


def show_busy(window: Any, out_dir: Path, wait: Callable[[int], None]) -> None:
    """Retry the failed files while another batchpilot process holds the output folder."""
    from PySide6.QtCore import QEventLoop

    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; sys.path.insert(0, sys.argv[1]); "
                               "from workers.lock import OutputLock; lock = OutputLock.acquire(sys.argv[2]); "
                               "print('locked', flush=True); time.sleep(600)", str(ROOT), str(out_dir)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        refused = QEventLoop()
        window.bridge.failed.connect(refused.quit)
        window.commands.retry_failed.trigger()
        refused.exec()
        wait(300)
    finally:
        holder.kill()
        holder.wait()


def show_queue(window: Any, sample: Any, home: Path, wait: Callable[[int], None]) -> None:
    """Two more jobs behind the finished one: a parse of another folder (running) and a zip (waiting)."""
    from app.file_row import Status
    from app.job_queue import JobState

    reports = home / "Reports"
    sample.make_sample_folder(reports, big_pdf_pages=2400, seed=7)
    documents = window.queue.jobs[0].spec.inputs[0]
    for folder, task in ((reports, "parse"), (documents, "zip")):
        window.add_paths([str(folder)])
        while window.scanner.busy:
            wait(50)
        window.task_panel.select_task(task)
        window.control.queue_draft(start=False)
    running = window.queue.jobs[1]
    window.queue.start()
    window.show_job(running)
    for _ in range(1200):  # the big report is being read, the rest of its folder done
        rows = running.model.rows()
        if running.state is JobState.RUNNING and running.model.count(Status.DONE) >= 20 and any(
                r.status is Status.RUNNING and r.progress > 0.2 for r in rows):
            break
        wait(50)
    window.task_panel.select_task("parse")


def show_watch(window: Any, home: Path, wait: Callable[[int], None]) -> None:
    """A watch folder (~/Inbox, zip) that took a few files, selected in the queue."""
    inbox = home / "Inbox"
    inbox.mkdir(exist_ok=True)
    window.task_panel.select_task("zip")
    window.choose_folder = lambda title, start: str(inbox)
    window.commands.watch_folder.trigger()
    [watch] = [w for w in window.watches.watches if w.spec.folder == str(inbox)]
    for i in range(12):
        (inbox / f"scan-{i:02}.pdf").write_bytes(os.urandom(20_000 + 1000 * i))
    for _ in range(600):
        if watch.counts.done_today >= 12 and not any(j.watch is watch for j in window.queue.jobs):
            break
        wait(50)
    window.queue_panel.select(watch)
    window.queue_panel.view.setFocus()
    wait(300)


def start_web_encode(window: Any, folder: Path, names: str, wait: Callable[[int], None], start: bool = True) -> None:
    """``folder`` added as an encode batch with the Web preset and the name template ``names``;
    started when ``start``."""
    window.task_panel.select_task("encode")
    window.task_panel.preset_box.select("web")
    window.task_panel.name_edit.setText(names)
    window.add_paths([str(folder)])
    while window.scanner.busy:
        wait(50)
    if start:
        window.commands.start.trigger()


def show_encode(window: Any, home: Path, wait: Callable[[int], None]) -> None:
    """A phone folder (videos, a voice memo, photos, a note) as one encode batch with the Web
    preset and a name template, run to the end: each kind gets its own output, the note a reason."""
    from PySide6.QtCore import QEventLoop

    from tests.media import make_clip, make_photo, make_tone

    phone = home / "Phone"
    phone.mkdir(exist_ok=True)
    make_clip(phone / "beach.mp4", 2.0, size=(320, 180), noise=8)
    make_clip(phone / "party.mkv", 1.5, size=(320, 240), video="mpeg4", audio="pcm_s16le", noise=8)
    make_tone(phone / "voice memo.wav", 2.0)
    for i, size in enumerate([(1600, 1200), (1200, 1600), (2000, 1500)]):
        make_photo(phone / f"IMG_{2041 + i}.jpg", size, seed=i + 1)
    (phone / "notes.txt").write_text("shopping: milk, bread\n", encoding="utf-8")
    start_web_encode(window, phone, "{name}-web", wait, start=False)
    finished = QEventLoop()
    window.bridge.finished.connect(finished.quit)
    window.commands.start.trigger()
    finished.exec()
    wait(500)


def show_helpers(window: Any, home: Path, wait: Callable[[int], None]) -> None:
    """A long video at the end of a batch: the idle worker encodes its segments from the end while
    its own worker goes from the start; taken while both are at it."""
    from tests.media import make_long_clip, make_photo

    trip = home / "Trip"
    trip.mkdir(exist_ok=True)
    make_long_clip(trip / "ferry crossing.mp4", 150.0, size=(480, 270), noise=6, preset="veryfast")
    make_photo(trip / "harbour.jpg", (1600, 1200), seed=4)
    start_web_encode(window, trip, "", wait)
    job = window.queue.jobs[-1]
    for _ in range(2400):
        if any(", 2 workers (" in r.message and r.progress > 0.4 for r in job.model.rows()):
            break
        wait(50)
    wait(300)


def show_cluster(window: Any, wait: Callable[[int], None]) -> Any:
    """Point the Run on box at a loopback Dask cluster, wait until it says it is connected; the cluster."""
    import socket

    from distributed import LocalCluster

    from app.run_on import DASK

    with socket.socket() as probe:  # the usual scheduler port when it is free, for a familiar address
        port = 8786 if probe.connect_ex(("127.0.0.1", 8786)) != 0 else 0
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", scheduler_port=port,
                           dashboard_address=":0")
    box = window.task_panel.run_on
    box.where_combo.setCurrentIndex(box.where_combo.findData(DASK))
    box.address_edit.setText("dask://" + cluster.scheduler_address.split("://", 1)[1])
    box.address_edit.editingFinished.emit()
    for _ in range(600):
        if box.status.text().startswith(("Connected", "Could not")):
            break
        wait(50)
    window.panel_scroll.ensureWidgetVisible(box.status)
    wait(300)
    return cluster


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    parser.add_argument("--shots", default=",".join(SHOTS), help="comma-separated: " + ", ".join(SHOTS))
    parser.add_argument("--display", help="an X display already running (default: start Xvfb)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    shots = [s for s in args.shots.split(",") if s]
    unknown = sorted(set(shots) - set(SHOTS))
    if unknown:
        parser.error(f"unknown shot {unknown[0]!r}")
    if args.child:
        return child(args.out, shots)
    if args.display:
        return run_child(args.display, args.out, shots)
    xvfb, display = start_xvfb(*SCREEN)
    try:
        return run_child(display, args.out, shots)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
