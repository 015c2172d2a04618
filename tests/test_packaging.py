"""Packaging: what the frozen bundle keeps, the .deb's layout, and (slow) a real build + smoke test.

The quick tests need neither PyInstaller nor a build. The slow one builds the bundle and a
.deb from scratch and runs packaging/smoke_test.py on it; it skips, saying why, when
PyInstaller (the 'package' extra) or dpkg-deb is not installed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
PYINSTALLER_CACHE = PACKAGING / "out" / "pyinstaller"
sys.path.insert(0, str(PACKAGING))

from bundle_filter import (  # noqa: E402
    lean_binaries,
    lean_datas,
    unused_qt_libraries,
    without_dangling_links,
)
from make_deb import build as build_deb  # noqa: E402

QT = "PySide6/Qt"
SITE = "/venv/lib/python3.11/site-packages"
LINUX_DPKG = sys.platform.startswith("linux") and shutil.which("dpkg-deb") is not None


def _binary(name: str, src: str | None = None, kind: str = "BINARY") -> tuple[str, str, str]:
    return (name, src or f"{SITE}/{name}", kind)


# What links to what in the fake bundles below (by file name, as a loader sees it).
LINKS = {
    "QtWidgets.abi3.so": ["libQt6Widgets.so.6", "libQt6Gui.so.6", "libQt6Core.so.6"],
    "libQt6Widgets.so.6": ["libQt6Gui.so.6", "libQt6Core.so.6"],
    "libQt6Gui.so.6": ["libQt6Core.so.6", "libQt6DBus.so.6", "libX11.so.6"],
    "libqxcb.so": ["libQt6XcbQpa.so.6", "libQt6Gui.so.6"],
    "libQt6XcbQpa.so.6": ["libQt6Gui.so.6", "libxcb-cursor.so.0"],
    "libqwayland.so": ["libQt6WaylandClient.so.6", "libQt6Gui.so.6"],
    "libqsvg.so": ["libQt6Svg.so.6", "libQt6Gui.so.6"],
    "libqtiff.so": ["libQt6Gui.so.6"],
}


def _imports_of(src: str) -> list[str]:
    return LINKS.get(Path(src).name, [])


def _qt_bundle() -> list[tuple[str, str, str]]:
    libs = ["Core", "Gui", "Widgets", "DBus", "Svg", "XcbQpa", "WaylandClient", "Network"]
    return [
        _binary("PySide6/QtWidgets.abi3.so", kind="EXTENSION"),
        *(_binary(f"{QT}/lib/libQt6{lib}.so.6") for lib in libs),
        _binary(f"{QT}/plugins/platforms/libqxcb.so"),
        _binary(f"{QT}/plugins/platforms/libqwayland.so"),
        _binary(f"{QT}/plugins/platforms/libqoffscreen.so"),
        _binary(f"{QT}/plugins/imageformats/libqsvg.so"),
        _binary(f"{QT}/plugins/imageformats/libqtiff.so"),
        _binary(f"{QT}/plugins/iconengines/libqsvgicon.so"),
        _binary("libX11.so.6", "/usr/lib/x86_64-linux-gnu/libX11.so.6"),
        _binary("libxcb-cursor.so.0", "/usr/lib/x86_64-linux-gnu/libxcb-cursor.so.0"),
        _binary("libpython3.11.so.1.0", "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0"),
        _binary("av.libs/libavcodec-5e6b81c2.so.62", f"{SITE}/av.libs/libavcodec-5e6b81c2.so.62"),
    ]


def test_the_window_keeps_the_qt_plugins_it_needs_and_nothing_else() -> None:
    kept = {name for name, _, _ in lean_binaries(_qt_bundle(), _imports_of, drop_system=True)}
    plugins = {name.split("plugins/")[1] for name in kept if "/plugins/" in name}
    # X11 and offscreen windows, SVG icons; Wayland and TIFF are not used.
    assert plugins == {"platforms/libqxcb.so", "platforms/libqoffscreen.so", "imageformats/libqsvg.so",
                       "iconengines/libqsvgicon.so"}


def test_qt_libraries_only_dropped_plugins_used_are_left_out() -> None:
    kept = {name for name, _, _ in lean_binaries(_qt_bundle(), _imports_of, drop_system=True)}
    for needed in ("Core", "Gui", "Widgets", "DBus", "Svg", "XcbQpa"):
        assert f"{QT}/lib/libQt6{needed}.so.6" in kept
    assert f"{QT}/lib/libQt6WaylandClient.so.6" not in kept  # only the Wayland plugin used it
    assert f"{QT}/lib/libQt6Network.so.6" not in kept  # nothing links to it


def test_distribution_libraries_come_from_the_system_but_libpython_and_wheel_libraries_stay() -> None:
    kept = {name for name, _, _ in lean_binaries(_qt_bundle(), _imports_of, drop_system=True)}
    assert "libX11.so.6" not in kept and "libxcb-cursor.so.0" not in kept
    assert "libpython3.11.so.1.0" in kept
    assert "av.libs/libavcodec-5e6b81c2.so.62" in kept
    # Off Linux nothing is treated as a distribution library.
    everything = {name for name, _, _ in lean_binaries(_qt_bundle(), _imports_of, drop_system=False)}
    assert "libX11.so.6" in everything


def test_a_qt_library_reached_only_through_another_library_is_kept() -> None:
    entries = [_binary("PySide6/QtGui.abi3.so", kind="EXTENSION"), _binary(f"{QT}/lib/libQt6Gui.so.6"),
               _binary(f"{QT}/lib/libQt6Core.so.6"), _binary(f"{QT}/lib/libQt6DBus.so.6")]
    links = {"QtGui.abi3.so": ["libQt6Gui.so.6"], "libQt6Gui.so.6": ["libQt6Core.so.6", "libQt6DBus.so.6"]}
    assert unused_qt_libraries(entries, lambda src: links.get(Path(src).name, [])) == set()


def test_translations_and_sources_are_not_shipped_but_data_is() -> None:
    datas = [(f"{QT}/translations/qtbase_de.qm", "/x", "DATA"), ("selectolax/lexbor.c", "/x", "DATA"),
             ("av/frame.pyi", "/x", "DATA"), ("docx/templates/default.docx", "/x", "DATA"),
             ("resources/icons/start.svg", "/x", "DATA")]
    assert [name for name, _, _ in lean_datas(datas)] == ["docx/templates/default.docx", "resources/icons/start.svg"]


def test_our_translations_are_shipped_though_qts_are_not() -> None:
    datas = [(f"{QT}/translations/qtbase_de.qm", "/x", "DATA"),
             ("resources/translations/batchpilot_de.qm", "/x", "DATA")]
    assert [name for name, _, _ in lean_datas(datas)] == ["resources/translations/batchpilot_de.qm"]


def test_links_to_dropped_libraries_are_removed_so_none_dangles() -> None:
    binaries = [_binary(f"{QT}/lib/libQt6Core.so.6")]
    datas = [("libQt6Core.so.6", f"{QT}/lib/libQt6Core.so.6", "SYMLINK"),
             ("libQt6Network.so.6", f"{QT}/lib/libQt6Network.so.6", "SYMLINK"),
             ("libcore-alias.so", "libQt6Core.so.6", "SYMLINK")]  # a link to a link
    _, kept = without_dangling_links(binaries, datas)
    assert [name for name, _, _ in kept] == ["libQt6Core.so.6", "libcore-alias.so"]


def _fake_bundle(folder: Path, egg_info: bool = False) -> Path:
    """A stand-in for the frozen bundle: a real ELF program and the package metadata (as the
    installed .dist-info, or the .egg-info a build from the checkout picks up)."""
    bundle = folder / "batchpilot"
    meta = bundle / "_internal" / ("batchpilot.egg-info" if egg_info else "batchpilot-9.8.7.dist-info")
    meta.mkdir(parents=True)
    text = "Metadata-Version: 2.1\nName: batchpilot\nVersion: 9.8.7\nSummary: test summary\nLicense: MIT\n"
    (meta / ("PKG-INFO" if egg_info else "METADATA")).write_text(text, encoding="utf-8")
    true = shutil.which("true")
    assert true is not None
    shutil.copy(true, bundle / "batchpilot")
    return bundle


def _listing(deb: Path) -> dict[str, str]:
    out = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    entries = {}
    for line in out.splitlines():
        path, _, target = line.split(None, 5)[5].partition(" -> ")
        entries[path.removeprefix("./").rstrip("/")] = target
    return entries


@pytest.mark.skipif(not LINUX_DPKG, reason="needs dpkg-deb (Debian or Ubuntu)")
def test_deb_installs_launchers_desktop_entry_and_icon_where_desktops_look(tmp_path: Path) -> None:
    deb = build_deb(_fake_bundle(tmp_path), tmp_path / "out", compression="none")
    entries = _listing(deb)
    assert entries["usr/bin/batchpilot"] == "/opt/batchpilot/batchpilot"
    assert entries["usr/bin/batchpilot-gui"] == "/opt/batchpilot/batchpilot"
    assert "opt/batchpilot/batchpilot" in entries
    assert "usr/share/applications/batchpilot.desktop" in entries
    assert "usr/share/icons/hicolor/scalable/apps/batchpilot.svg" in entries
    assert "usr/share/metainfo/io.github.batchpilot.metainfo.xml" in entries
    assert "usr/share/doc/batchpilot/copyright" in entries


@pytest.mark.skipif(not LINUX_DPKG, reason="needs dpkg-deb (Debian or Ubuntu)")
@pytest.mark.parametrize("egg_info", [False, True], ids=["dist-info", "egg-info"])
def test_deb_depends_on_the_packages_of_the_libraries_the_bundle_links_to(tmp_path: Path, egg_info: bool) -> None:
    deb = build_deb(_fake_bundle(tmp_path, egg_info), tmp_path / "out", compression="none")
    assert deb.name.startswith("batchpilot_9.8.7_")

    def field(name: str) -> str:
        return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True,
                              check=True).stdout.strip()

    assert field("Package") == "batchpilot" and field("Version") == "9.8.7"
    # 'true' links to the C library only: its package, with the glibc version it asks for.
    assert field("Depends").startswith("libc6 (>= 2.")


@pytest.mark.slow
@pytest.mark.timeout(2400)
@pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None,
                    reason="PyInstaller is not installed (pip install -e '.[package]')")
@pytest.mark.skipif(not LINUX_DPKG, reason="the .deb needs dpkg-deb (Debian or Ubuntu)")
def test_built_package_passes_the_smoke_test(tmp_path: Path) -> None:
    dist, work = tmp_path / "bundle", tmp_path / "work"
    # PyInstaller's cache where packaging/build.sh keeps it (make clean removes it), not in the home folder.
    cache = {"PYINSTALLER_CONFIG_DIR": os.environ.get("PYINSTALLER_CONFIG_DIR", str(PYINSTALLER_CACHE))}
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(PACKAGING / "batchpilot.spec")],
                   check=True, cwd=ROOT, env={**os.environ, **cache})
    # zstd: a bigger .deb than xz, built in a fraction of the time.
    deb = build_deb(dist / "batchpilot", tmp_path / "deb", compression="zstd")
    report = tmp_path / "smoke.json"
    result = subprocess.run([sys.executable, str(PACKAGING / "smoke_test.py"), "--deb", str(deb),
                             "--startup-runs", "1", "--report", str(report)],
                            capture_output=True, text=True, cwd=ROOT, env={**os.environ})
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert json.loads(report.read_text())["failures"] == []
