"""Smoke test of the built artefacts: the .deb's layout, then real batches through the frozen app.

    .venv/bin/python packaging/smoke_test.py                 # the newest packaging/out/*.deb
    .venv/bin/python packaging/smoke_test.py --deb FILE
    .venv/bin/python packaging/smoke_test.py --bundle packaging/out/bundle/batchpilot

The .deb is unpacked into a throwaway folder (dpkg-deb -x; nothing is installed on this
machine) and started through links named like its /usr/bin launchers. Inputs are made with
the project's virtualenv (the test helpers in tests/), outputs are checked with it too. Runs:
every task through the frozen CLI on 2 workers; a held batch that must show exactly 2 worker
processes and nothing else; the window offscreen, driven through smoke_window.py, running a
batch and quitting; the window on Xvfb when xvfb-run is there; start-up times against the
same app run from source. Exit status 0 when every check passed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "packaging"), str(ROOT)]

from deb_depends import debian_depends  # noqa: E402
from smoke_checks import (  # noqa: E402
    Inputs,
    check_backend,
    check_encode,
    check_library_path,
    check_parse,
    check_starts,
    check_workers,
    check_zip,
)
from smoke_support import (  # noqa: E402
    App,
    SmokeFailure,
    expect,
    expect_no_leftovers,
    median,
    source_app,
    tree_size,
    unexpected_stderr,
)

LAUNCHERS = {"batchpilot": "usr/bin/batchpilot", "batchpilot-gui": "usr/bin/batchpilot-gui"}
INSTALL_DIR = "opt/batchpilot"
# The system libraries Qt needs that the .deb must name (checked besides the computed list).
QT_PACKAGES = ("libgl1", "libegl1", "libxkbcommon0", "libglib2.0-0", "libfontconfig1", "libfreetype6",
               "libdbus-1-3", "libxcb-cursor0", "libxkbcommon-x11-0")
DRIVER = ROOT / "packaging" / "smoke_window.py"


class Smoke:
    """Runs the checks one after another, noting failures and numbers."""

    def __init__(self, tmp: Path, startup_runs: int) -> None:
        self.tmp = tmp
        self.startup_runs = startup_runs
        self.failures: list[tuple[str, str]] = []
        self.numbers: dict[str, Any] = {}

    def step(self, name: str, check: Callable[[], None]) -> bool:
        started = time.perf_counter()
        try:
            check()
        except SmokeFailure as exc:
            self.failures.append((name, str(exc)))
            print(f"FAIL  {name}: {exc}", flush=True)
            return False
        except Exception:
            self.failures.append((name, traceback.format_exc()))
            print(f"FAIL  {name}:\n{traceback.format_exc()}", flush=True)
            return False
        print(f"ok    {name} ({time.perf_counter() - started:.1f} s)", flush=True)
        return True


# ------------------------------------------------------------------ the package itself


def _deb_field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def _package_names(depends: str) -> set[str]:
    names = set()
    for entry in depends.split(","):
        for alternative in entry.split("|"):
            if alternative.strip():
                names.add(alternative.split("(")[0].strip())
    return names


def check_deb(deb: Path, root: Path, smoke: Smoke) -> None:
    """Layout, launchers, desktop entry, icon and Depends of the .deb; unpacks it into ``root``."""
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    entries = {}
    for line in listing.splitlines():
        parts = line.split(None, 5)
        path, _, target = parts[5].partition(" -> ")
        entries[path.removeprefix("./").rstrip("/")] = (parts[0], parts[1], target)
    expect(all(owner == "root/root" for _mode, owner, _t in entries.values()), "files not owned by root")
    exe = entries.get(f"{INSTALL_DIR}/batchpilot")
    expect(exe is not None and exe[0] == "-rwxr-xr-x", f"no executable /{INSTALL_DIR}/batchpilot in the package")
    for where in LAUNCHERS.values():
        link = entries.get(where)
        expect(link is not None and link[0].startswith("l") and link[2] == f"/{INSTALL_DIR}/batchpilot",
               f"/{where} is not a link to /{INSTALL_DIR}/batchpilot ({link})")
    desktop, icon = "usr/share/applications/batchpilot.desktop", "usr/share/icons/hicolor/scalable/apps/batchpilot.svg"
    expect(desktop in entries and icon in entries, "desktop entry or scalable icon missing")

    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    text = (root / desktop).read_text(encoding="utf-8")
    # The [Desktop Entry] group only: the actions after it have their own Name and Exec.
    entry = text.split("\n[Desktop Action", 1)[0]
    fields = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line and not line.startswith("#"))
    expect(fields.get("Exec", "").split()[0] in LAUNCHERS, f"desktop Exec= is not a launcher: {fields.get('Exec')}")
    expect(fields.get("Icon") == "batchpilot", "desktop Icon= does not name the installed icon")
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(root / desktop)], capture_output=True, text=True)
        expect(result.returncode == 0, f"desktop-file-validate: {result.stdout}{result.stderr}")

    metainfo = "usr/share/metainfo/io.github.batchpilot.metainfo.xml"
    expect(metainfo in entries, "AppStream metainfo missing")
    if metainfo in entries and shutil.which("appstreamcli"):
        result = subprocess.run(["appstreamcli", "validate", "--no-net", str(root / metainfo)],
                                capture_output=True, text=True)
        expect(result.returncode == 0, f"appstreamcli validate: {result.stdout}{result.stderr}")
    # Every translation the checkout has compiled is in the bundle, where the window looks for it.
    built = {qm.name for qm in (ROOT / "resources" / "translations").glob("*.qm")}
    shipped = {Path(p).name for p in entries if p.startswith(f"{INSTALL_DIR}/_internal/resources/translations/")}
    expect(built <= shipped, f"translations missing from the bundle: {sorted(built - shipped)}")

    declared = _package_names(_deb_field(deb, "Depends"))
    needed = _package_names(", ".join(debian_depends(root / INSTALL_DIR)))  # raises if a library is missing
    expect(needed <= declared, f"Depends lacks {sorted(needed - declared)}")
    expect(set(QT_PACKAGES) <= declared, f"Depends lacks Qt's {sorted(set(QT_PACKAGES) - declared)}")
    smoke.numbers["deb_bytes"] = deb.stat().st_size
    smoke.numbers["depends"] = sorted(declared)


# ------------------------------------------------------------------ the window


def _run_window(app: App, smoke: Smoke, folder: Path | None, mode: str, platform: str = "offscreen",
                wrapper: tuple[str, ...] = ()) -> tuple[dict[str, Any], float, str]:
    """Start the window with the driver; returns (driver report, launch time, stderr)."""
    tag = f"{app.label}-{mode}-{platform}-{time.monotonic_ns()}"
    report = smoke.tmp / f"window-{tag}.json"
    settings = smoke.tmp / f"settings-{tag}.ini"
    settings.write_text("[job]\nworkers=2\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": platform, "BATCHPILOT_SMOKE_REPORT": str(report),
           "BATCHPILOT_SMOKE_MODE": mode, "BATCHPILOT_SMOKE_TASK": "parse"}
    argv = ["--settings", str(settings), "--task", f"{DRIVER}:task", *([str(folder)] if folder else [])]
    launched = time.time()
    proc = subprocess.Popen([*wrapper, *app.window, *argv], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _out, err = proc.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
        raise SmokeFailure(f"the window ({app.label}) did not quit within 240 s; stderr: {err[-1500:]}") from None
    expect(proc.returncode == 0, f"the window ({app.label}) exited with {proc.returncode}; stderr: {err[-1500:]}")
    expect(report.exists(), f"the driver wrote no report ({app.label}); stderr: {err[-1500:]}")
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    stages = [k for k in ("shown", "painted", "rows", "start_pressed", "processes_during_batch", "finished")
              if k in result]
    expect("error" not in result, f"window ({app.label}): {result.get('error')} (got as far as: {stages}; "
                                  f"stderr: {err[-1500:]})")
    expect("shown" in result and "painted" in result, f"the window ({app.label}) was never shown")
    expect("Traceback" not in err, f"a traceback on the window's stderr: {err[-2000:]}")
    return result, launched, err


def check_window_batch(app: App, inputs: Inputs, smoke: Smoke) -> None:
    """The window, offscreen: load a folder, run parse on 2 workers, quit; nothing left running."""
    result, launched, err = _run_window(app, smoke, inputs.window, "batch")
    expected = len(list(inputs.window.iterdir()))
    summary = result.get("summary", {})
    expect(summary.get("done") == expected and not summary.get("failed"),
           f"window batch: {summary}, failures {result.get('failures')}")
    value, maximum = result.get("bar", [0, 1])
    expect(value == maximum, f"the overall bar stopped at {value}/{maximum}")
    during = result.get("processes_during_batch", {})
    expect(len(during.get("workers", [])) == 2, f"{len(during.get('workers', []))} workers during the batch: {during}")
    expect(not during.get("other"), f"unexpected processes (a second window?) during the batch: {during['other']}")
    expect(not result.get("processes_at_quit", {}).get("workers"), "workers still running when the app quit")
    out_dir = Path(result.get("out_dir") or f"{inputs.window}-batchpilot")
    outputs = [p for p in out_dir.iterdir() if p.suffix == ".json"] if out_dir.is_dir() else []
    expect(len(outputs) == expected, f"{len(outputs)} outputs in {out_dir}, expected {expected}")
    formats = set(result.get("image_formats", []))
    expect({"svg", "png", "jpeg"} <= formats, f"image formats missing from the bundle: {sorted(formats)}")
    expect(result.get("icon_ok"), "the window icon (SVG) did not render: SVG icon engine missing?")
    expect_no_leftovers(app)
    smoke.numbers["window_batch"] = {"shown_s": result["shown"] - launched,
                                     "batch_s": result["finished"] - result["start_pressed"],
                                     "stderr": unexpected_stderr(err)}


def check_window_x11(app: App, smoke: Smoke) -> None:
    """The window on a real X server (Xvfb): the xcb plugin and its system libraries load."""
    result, launched, err = _run_window(app, smoke, None, "startup", platform="xcb",
                                        wrapper=("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24"))
    expect_no_leftovers(app)
    smoke.numbers["window_x11"] = {"shown_s": result["shown"] - launched, "stderr": unexpected_stderr(err)}


def measure_startup(frozen: App, source: App, smoke: Smoke) -> None:
    """Start-up of the CLI (--version) and of the window (until shown and painted), frozen and from source."""
    times: dict[str, dict[str, list[float]]] = {"frozen": {}, "source": {}}
    for _ in range(smoke.startup_runs):
        for app in (frozen, source):  # interleaved, so both see the same machine load
            started = time.perf_counter()
            subprocess.run([*app.command, "--version"], check=True, capture_output=True)
            times[app.label].setdefault("cli_s", []).append(time.perf_counter() - started)
            result, launched, _err = _run_window(app, smoke, None, "startup")
            times[app.label].setdefault("shown_s", []).append(result["shown"] - launched)
            times[app.label].setdefault("painted_s", []).append(result["painted"] - launched)
    expect_no_leftovers(frozen)
    smoke.numbers["startup"] = {
        label: {k: {"median": median(v), "runs": [round(x, 3) for x in v]} for k, v in per.items()}
        for label, per in times.items()}


# ------------------------------------------------------------------ running it all


def newest_deb() -> Path:
    debs = sorted((ROOT / "packaging" / "out").glob("batchpilot_*.deb"), key=lambda p: p.stat().st_mtime)
    if not debs:
        raise SystemExit("smoke_test: no .deb in packaging/out; run packaging/build.sh first, or pass --bundle")
    return debs[-1]


def frozen_app(bundle: Path, bin_dir: Path) -> App:
    """The frozen app, started through links named like the /usr/bin launchers."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    for name in LAUNCHERS:
        (bin_dir / name).symlink_to(bundle / "batchpilot")
    return App("frozen", [str(bin_dir / "batchpilot")], [str(bin_dir / "batchpilot-gui")],
               prefix=os.path.realpath(bundle) + os.sep)


def print_numbers(smoke: Smoke, bundle: Path) -> None:
    n = smoke.numbers
    print("\nmeasurements (this machine, warm file cache):")
    print(f"  bundle: {n['bundle_bytes'] / 1e6:.1f} MB in {n['bundle_files']} files ({bundle})")
    if "deb_bytes" in n:
        print(f"  .deb:   {n['deb_bytes'] / 1e6:.1f} MB")
    start = n.get("startup")
    if start:
        for key, label in (("cli_s", "CLI --version"), ("shown_s", "window shown"), ("painted_s", "window painted")):
            f, s = start["frozen"][key]["median"], start["source"][key]["median"]
            print(f"  {label:15} frozen {f:.2f} s, from source {s:.2f} s: frozen/source {f / s:.2f}x "
                  f"(median of {smoke.startup_runs})")
    for key in ("window_batch", "window_x11"):
        if key in n and n[key]["stderr"]:
            print(f"  {key} stderr: {n[key]['stderr'][:5]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke-test the built batchpilot .deb or bundle.")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--deb", type=Path, help="the .deb to test (default: the newest in packaging/out)")
    what.add_argument("--bundle", type=Path, help="test a one-folder bundle directly instead of a .deb")
    parser.add_argument("--startup-runs", type=int, default=3, help="start-up timings per build (default 3)")
    parser.add_argument("--report", type=Path, help="also write the checks and numbers here as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway folder (its path is printed)")
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="batchpilot-smoke-"))
    smoke = Smoke(tmp, args.startup_runs)
    started = time.perf_counter()
    try:
        if args.bundle:
            bundle = args.bundle.resolve()
        else:
            deb = (args.deb or newest_deb()).resolve()
            bundle = tmp / "root" / INSTALL_DIR
            print(f"testing {deb}")
            unpacked = tmp / "root"
            if not smoke.step("package layout, launchers, desktop entry, Depends",
                              lambda: check_deb(deb, unpacked, smoke)):
                return 1
        smoke.numbers["bundle_bytes"] = tree_size(bundle)
        smoke.numbers["bundle_files"] = sum(1 for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
        frozen, source = frozen_app(bundle, tmp / "bin"), source_app()
        inputs = Inputs.make(tmp / "inputs")
        before = inputs.digest()
        if not smoke.step("frozen CLI starts and lists the tasks", lambda: check_starts(frozen)):
            return 1
        steps: list[tuple[str, Callable[[], None]]] = [
            ("parse: PDF, text, HTML and DOCX on 2 workers", lambda: check_parse(frozen, inputs)),
            ("zip: three files, archives verified byte for byte", lambda: check_zip(frozen, inputs)),
            ("encode: clip to MP4 H.264 and WebM VP9, photo to WebP", lambda: check_encode(frozen, inputs)),
            ("2 workers means 2 worker processes, no second app",
             lambda: check_workers(frozen, inputs, smoke.numbers)),
            ("tools started by tasks get the user's library path", lambda: check_library_path(frozen, inputs)),
            ("the Dask backend is left out cleanly", lambda: check_backend(frozen, inputs)),
            ("sources untouched", lambda: expect(inputs.digest() == before, "an input file changed")),
            ("window offscreen: folder, parse batch, quit, nothing left",
             lambda: check_window_batch(frozen, inputs, smoke)),
        ]
        if shutil.which("xvfb-run"):
            steps.append(("window on Xvfb (xcb plugin)", lambda: check_window_x11(frozen, smoke)))
        else:
            print("skip  window on Xvfb: xvfb-run is not installed (apt-get install xvfb xauth)")
        if args.startup_runs > 0:
            steps.append(("start-up times, frozen and from source", lambda: measure_startup(frozen, source, smoke)))
        steps.append(("no process of the app left running", lambda: expect_no_leftovers(frozen)))
        for name, check in steps:
            smoke.step(name, check)
        print_numbers(smoke, bundle)
    finally:
        smoke.numbers["smoke_seconds"] = round(time.perf_counter() - started, 1)
        if args.report:
            args.report.write_text(json.dumps({"failures": smoke.failures, "numbers": smoke.numbers}, indent=1))
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"\nsmoke test: {len(smoke.failures)} failed, {smoke.numbers['smoke_seconds']} s")
    return 1 if smoke.failures else 0


if __name__ == "__main__":
    sys.exit(main())
