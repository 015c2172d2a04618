"""Build batchpilot's .deb from the frozen one-folder bundle with dpkg-deb.

    python packaging/make_deb.py packaging/out/bundle/batchpilot --out packaging/out

Layout: the bundle under /opt/batchpilot; /usr/bin/batchpilot and /usr/bin/batchpilot-gui
link to its executable (the second name opens the window, as the desktop entry expects);
the desktop entry, the scalable icon and the AppStream metainfo where desktops look for them;
the window's translations travel inside the bundle (resources/translations/*.qm). Depends lists the
packages of the system libraries the bundle links to (see deb_depends.py). No maintainer
scripts: dpkg's triggers refresh the desktop and icon caches.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from email.parser import Parser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deb_depends import DependencyError, debian_depends

PACKAGE = "batchpilot"
PREFIX = Path("opt") / PACKAGE
LAUNCHERS = ("batchpilot", "batchpilot-gui")
ICON_DIR = Path("usr/share/icons/hicolor/scalable/apps")
# AppStream metadata, for software centres; its id is reverse-DNS, its launchable batchpilot.desktop.
METAINFO = "io.github.batchpilot.metainfo.xml"
METAINFO_DIR = Path("usr/share/metainfo")
# Not linked, but wanted: a font for the window, xdg-open behind "Open output folder", and the
# language and orientation data parse's OCR reads (the Tesseract library is in the bundle).
RECOMMENDS = ["fonts-dejavu-core", "xdg-utils", "tesseract-ocr-eng", "tesseract-ocr-osd"]
ROOT = Path(__file__).resolve().parent.parent


def bundle_metadata(bundle: Path) -> dict[str, str]:
    """Name, version, summary and licence from the package metadata frozen into the bundle."""
    # A .dist-info from the installed project, or the .egg-info setuptools leaves in the
    # checkout when the build ran from there (both carry the entry points the app needs).
    found = sorted([*bundle.glob(f"_internal/{PACKAGE}-*.dist-info/METADATA"),
                    *bundle.glob(f"_internal/{PACKAGE}*.egg-info/PKG-INFO")])
    if not found:
        raise SystemExit(f"make_deb: {bundle} has no {PACKAGE} metadata; is it a batchpilot bundle?")
    meta = Parser().parsestr(found[-1].read_text(encoding="utf-8"), headersonly=True)
    fields = {k: meta.get(k, "") for k in ("Name", "Version", "Summary", "License")}
    # Metadata 2.4 (PEP 639) carries the licence as an SPDX expression in its own field.
    fields["License"] = meta.get("License-Expression", "") or fields["License"]
    return fields


def architecture() -> str:
    """The Debian name of this machine's architecture (amd64, arm64, ...)."""
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def _normalise_modes(root: Path) -> None:
    # Whatever the builder's umask was: folders 755, executables and libraries 755, data 644.
    for folder, dirs, files in os.walk(root):
        for d in dirs:
            path = Path(folder, d)
            if not path.is_symlink():
                path.chmod(0o755)
        for f in files:
            path = Path(folder, f)
            if not path.is_symlink():
                path.chmod(0o755 if path.stat().st_mode & 0o100 else 0o644)


def _copyright(meta: dict[str, str]) -> str:
    return textwrap.dedent(f"""\
        Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
        Upstream-Name: {PACKAGE}

        Files: *
        Copyright: batchpilot developers
        License: {meta["License"] or "MIT"}

        Files: opt/{PACKAGE}/_internal/*
        Copyright: the authors of each bundled component
        License: various
         The bundle carries Python and the libraries batchpilot is built on, each under its
         own licence: Qt (LGPL-3), FFmpeg and its codecs (LGPL/GPL), pdfium, Pillow and the
         other Python packages named by the *.dist-info folders beside them.
        """)


def control(meta: dict[str, str], arch: str, depends: list[str], installed_kib: int) -> str:
    """The DEBIAN/control text."""
    return textwrap.dedent(f"""\
        Package: {PACKAGE}
        Version: {meta["Version"]}
        Architecture: {arch}
        Maintainer: batchpilot developers
        Installed-Size: {installed_kib}
        Depends: {", ".join(depends)}
        Recommends: {", ".join(RECOMMENDS)}
        Section: utils
        Priority: optional
        Description: {meta["Summary"] or "desktop batch processor"}
         batchpilot parses documents, zips files and encodes media in parallel worker
         processes, from a window (batchpilot-gui) or the command line (batchpilot run).
         Sources are never modified; outputs mirror the source tree.
        """)


def stage(bundle: Path, root: Path) -> None:
    """Lay the package's files out under ``root`` as they will be installed."""
    shutil.copytree(bundle, root / PREFIX, symlinks=True)
    usr_bin = root / "usr/bin"
    usr_bin.mkdir(parents=True)
    for name in LAUNCHERS:
        # Absolute: /usr and /opt are different top-level folders.
        (usr_bin / name).symlink_to(Path("/") / PREFIX / PACKAGE)
    apps = root / "usr/share/applications"
    apps.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / f"{PACKAGE}.desktop", apps / f"{PACKAGE}.desktop")
    (root / ICON_DIR).mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / f"{PACKAGE}.svg", root / ICON_DIR / f"{PACKAGE}.svg")
    (root / METAINFO_DIR).mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / METAINFO, root / METAINFO_DIR / METAINFO)


def build(bundle: Path, out_dir: Path, compression: str = "xz") -> Path:
    """Stage the bundle, work out Depends, write DEBIAN/control and run dpkg-deb; returns the .deb."""
    if not (bundle / PACKAGE).is_file():
        raise SystemExit(f"make_deb: no {PACKAGE} executable in {bundle}; build the bundle first")
    meta = bundle_metadata(bundle)
    arch = architecture()
    try:
        depends = debian_depends(bundle)
    except DependencyError as exc:
        raise SystemExit(f"make_deb: {exc}") from None
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{PACKAGE}_{meta['Version']}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="batchpilot-deb-") as tmp:
        root = Path(tmp, "root")
        stage(bundle, root)
        doc = root / "usr/share/doc" / PACKAGE
        doc.mkdir(parents=True)
        (doc / "copyright").write_text(_copyright(meta), encoding="utf-8")
        size = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir())
        debian = root / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(control(meta, arch, depends, (size + 1023) // 1024), encoding="utf-8")
        _normalise_modes(root)
        subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(root), str(deb)],
                       check=True, stdout=subprocess.DEVNULL)
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the batchpilot .deb from a frozen bundle.")
    parser.add_argument("bundle", type=Path, help="the one-folder bundle (the folder holding 'batchpilot')")
    parser.add_argument("--out", type=Path, default=ROOT / "packaging" / "out", help="where the .deb goes")
    parser.add_argument("--compression", default="xz", choices=["xz", "gzip", "zstd", "none"],
                        help="dpkg-deb compression (xz is Debian's default and the smallest)")
    args = parser.parse_args(argv)
    deb = build(args.bundle.resolve(), args.out.resolve(), args.compression)
    print(deb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
